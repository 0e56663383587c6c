"""The article view (text and markdown), pinned with golden files at 80 and 40 columns."""

from __future__ import annotations

import datetime as dt

import pytest
from golden_files import assert_golden, render_plain
from read_world import MISHRA, RECORDS, record_4842
from rich.console import Console

from ipcsreader.archive.authors import more_by
from ipcsreader.model import AlsoRead, Block, Hit
from ipcsreader.render.read import article_markdown, highlight_pattern, marked, render_article

RELATED = [
    Hit(
        4917,
        1.0,
        "India-Japan-US Trilateral: India’s Policy for the Indo-Pacific",
        dt.date(2015, 10, 5),
        (MISHRA,),
        "East Asia Compass",
        "",
    ),
]


@pytest.mark.parametrize("width", [80, 40])
def test_article_golden(width):
    record = record_4842()
    view = render_article(record, width=width, more_by=more_by(record, RECORDS), related=RELATED)
    assert_golden(f"read-4842-{width}.txt", render_plain(view, width))


def test_measure_caps_lines_on_a_wide_terminal():
    text = render_plain(render_article(record_4842(), width=60), 200)
    assert max(len(line) for line in text.splitlines()) <= 60


def test_listing_only_golden():
    record = next(r for r in RECORDS if r.listing_only)
    assert_golden("read-listing-only-80.txt", render_plain(render_article(record), 80))


def test_markdown_golden():
    record = record_4842()
    md = article_markdown(record, more_by=more_by(record, RECORDS), related=RELATED)
    assert_golden("read-4842.md", md)


def test_page_text_is_data():
    record = next(r for r in RECORDS if r.number == 9001)
    text = render_plain(render_article(record), 80)
    assert "A [bold]loud[/bold] red title" in text
    assert "\x1b" not in text
    console = Console(width=80, force_terminal=True, color_system="truecolor", record=True)
    console.print(render_article(record))
    assert "\x1b[31m" not in console.export_text(styles=True)
    assert article_markdown(record).startswith("# A \\[bold\\]loud\\[/bold\\] red title\n")


def test_highlight_marks_word_starts():
    pattern = highlight_pattern("korea RUSSIA")
    plain = marked("Russian and North Korean ties; Koreans", pattern, plain=True)
    assert plain.plain == "*Russian* and North *Korean* ties; *Koreans*"
    styled = marked("North Korea", pattern, plain=False)
    assert styled.plain == "North Korea"
    assert [(s.start, s.end) for s in styled.spans] == [(6, 11)]
    assert highlight_pattern("  ") is None


def test_a_word_typed_whole_marks_it_printed_with_a_hyphen():
    # As the search finds it: the index keeps "Ryong-hae" joined too.
    text = "Choe Ryong-hae met Kim Jong-un’s envoy; the hae and the ryong."
    assert marked(text, highlight_pattern("Choe Ryonghae jongun"), plain=True).plain == (
        "*Choe* *Ryong-hae* met Kim *Jong-un*’s envoy; the hae and the ryong."
    )


def test_a_word_typed_past_its_stem_marks_from_the_stem():
    # As the search matches it: "sanctions" finds "sanctioned", so the reader marks it.
    text = "Sanctioned firms, new sanctions, one sanction; the sanctity of it."
    assert marked(text, highlight_pattern("sanctions"), plain=True).plain == (
        "*Sanctioned* firms, new *sanctions*, one *sanction*; the sanctity of it."
    )
    # A "y" the stem makes an "i": its forms with "i" too, not any word starting so.
    text = "Enemies, an enemy, armies and an armistice; the army's policies."
    assert marked(text, highlight_pattern("enemy army policy"), plain=True).plain == (
        "*Enemies*, an *enemy*, *armies* and an armistice; the *army*'s *policies*."
    )
    # Short or accented stems are not trusted: the word typed marks from itself.
    assert marked("uses used", highlight_pattern("uses"), plain=True).plain == "*uses* used"


def test_a_search_s_other_reading_is_marked_whole_and_said_golden():
    # What ``ipcs read N --highlight LWE`` shows where the index's pages pair LWE with
    # its name: the name marked whole however written (its words alone are not), and a
    # line saying so.
    text = (
        "Left-wing Extremism (LWE) grew; LWE cadres moved, and left wing extremism "
        "fell back. The LWEs of the east; the left bank, a wing."
    )
    record = record_4842(blocks=(Block(text),))
    also = AlsoRead(paired=(("LWE", "left wing extremism"),))
    pattern = highlight_pattern("LWE", also.others())
    view = render_article(record, width=40, highlight=pattern, plain=True, also=also)
    assert_golden("read-also-marked-40.txt", render_plain(view, 40))


def test_a_pairing_and_a_respelling_are_each_said_as_what_they_are():
    # Told apart by the search's own answer, not by their shape: a pairing of one word
    # with one word is still a pairing.
    record = record_4842(blocks=(Block("The Nagalim talks and the Jharkhand police."),))
    also = AlsoRead(paired=(("Nagaland", "Nagalim"),), respelt=(("Jharkhnad", "Jharkhand"),))
    shown = render_plain(render_article(record, also=also), 100)
    assert 'Nagaland also marked as "Nagalim", as the archive\'s pages pair them.' in shown
    assert 'Jharkhnad marked as "Jharkhand": no page says "Jharkhnad".' in shown


def test_words_of_one_meaning_are_marked_and_said_of_those_the_article_has():
    # What ``ipcs read N --highlight "Moscow ties"`` shows: Russia and relations marked, as
    # the search found them; "relationship", not in the article, is not said.
    record = record_4842(blocks=(Block("Relations between Russia and Korea grew."),))
    also = AlsoRead(said=(("Moscow", "russia"), ("ties", "relations, relationship")))
    pattern = highlight_pattern("Moscow ties", also.others())
    shown = render_plain(render_article(record, highlight=pattern, plain=True, also=also), 100)
    assert "Moscow also marked as russia, which the search looked for too.\n" in shown
    assert "ties also marked as relations, which the search looked for too.\n" in shown
    assert "*Relations* between *Russia* and Korea grew." in shown


def test_nothing_is_said_of_a_reading_the_article_lacks():
    record = record_4842(blocks=(Block("The CPEC and LWE cadres."),))
    view = render_article(record, also=AlsoRead(paired=(("LWE", "left wing extremism"),)))
    assert "also marked" not in render_plain(view, 80)


def test_the_address_breaks_between_its_parts_on_a_narrow_line():
    shown = render_plain(render_article(record_4842(), width=40), 40).splitlines()
    assert shown[7:9] == ["https://www.ipcs.org/comm_select.php", "?articleNo=4842"]
    wide = render_plain(render_article(record_4842(), width=88), 88)
    assert "https://www.ipcs.org/comm_select.php?articleNo=4842\n" in wide
