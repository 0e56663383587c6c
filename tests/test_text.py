from ipcsreader.text import (
    clean_line,
    ends_sentence,
    month_year,
    repair_mojibake,
    repair_question_apostrophes,
    title_key,
)


def test_clean_line_makes_odd_spaces_plain_and_collapses_runs():
    assert clean_line("\u00a0 India\u00a0&\tthe  World\u200b ") == "India & the World"


def test_mac_central_european_mojibake_is_repaired_where_unambiguous():
    assert repair_mojibake("Nepalís New Constitution") == "Nepal’s New Constitution"
    assert repair_mojibake("the ďEliminate or ExtraditeĒ Approach") == (
        "the “Eliminate or Extradite” Approach"
    )
    assert repair_mojibake("it is ĎThe Wallí, 2011 Ė 2012") == "it is ‘The Wall’, 2011 – 2012"


def test_real_accented_letters_are_left_alone():
    assert repair_mojibake("Rodríguez met Ďuro in Communiqué") == (
        "Rodríguez met Ďuro in Communiqué"
    )


def test_utf8_read_as_cp1252_is_repaired_and_curly_quotes_stay():
    assert repair_mojibake("Indiaâ€™s “policy”") == "India’s “policy”"


def test_question_mark_apostrophes_only_before_contraction_endings():
    assert repair_question_apostrophes("Pakistan?s ?Look East? Criticism?s Sake?") == (
        "Pakistan’s ?Look East? Criticism’s Sake?"
    )


def test_ends_sentence():
    assert ends_sentence("It ended.")
    assert ends_sentence("He said “enough.”")
    assert ends_sentence("Is it (really)?")
    assert not ends_sentence("the three C’s:")
    assert not ends_sentence("police sh")


def test_title_key_ignores_case_quotes_question_apostrophes_and_spacing():
    assert title_key("Modi in Myanmar: From ?Look East? to ?Act East?") == title_key(
        "Modi in  Myanmar: From ‘Look East’ to ‘Act East’"
    )
    assert title_key("Pakistan?s Tactical Nuclear Weapons") == title_key(
        "PAKISTAN'S tactical nuclear weapons"
    )
    assert title_key("India & the World") == title_key("India and the World")
    assert title_key("Communiqué") == "communique"


def test_a_month_as_a_reader_says_it() -> None:
    assert [month_year(m) for m in ("2015-03", "2016-09", "1999-12")] == [
        "March 2015",
        "September 2016",
        "December 1999",
    ]
