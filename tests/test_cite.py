"""References in every style: golden outputs for article 4842, and the rules behind them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from golden_files import assert_golden, render_plain

from ipcsreader.cite.styles import STYLES, bibtex_key, cite, cite_all, initials, split_name
from ipcsreader.cite.titlecase import headline_case, sentence_case
from ipcsreader.model import Author, Block, Record
from ipcsreader.render.cite import render_citations

TODAY = dt.date(2025, 1, 31)
PAGE_4842 = Path(__file__).resolve().parents[1] / "corpus" / "4842-old.txt"


def body_of_4842() -> tuple[Block, ...]:
    """The paragraphs of the shipped page, cut out by hand (no parser involved)."""
    text = PAGE_4842.read_text(encoding="utf-8")
    body = text.split("University of Delhi\n\n", 1)[1].split("\n\nPrint Bookmark", 1)[0]
    return tuple(Block(p) for p in body.split("\n\n") if p.strip())


def record_4842(**changes) -> Record:
    fields = dict(
        number=4842,
        title="Russia and North Korea: Replaying Old Games",
        date=dt.date(2015, 3, 2),
        column="East Asia Compass",
        region="China",
        authors=(
            Author(
                "Sandip Kumar Mishra",
                "Assistant Professor, Department of East Asian Studies, University of Delhi",
            ),
        ),
        blocks=body_of_4842(),
        sources=("4842-old.txt",),
        layouts=("old",),
    )
    fields.update(changes)
    return Record(**fields)


@pytest.mark.parametrize("style", STYLES)
def test_4842_golden(style):
    citation = cite(record_4842(), style, today=TODAY)
    assert_golden(f"cite/4842.{style}.txt", citation.text + "\n")


def test_4842_apa_exactly():
    assert cite(record_4842(), "apa", today=TODAY).text == (
        "Mishra, S. K. (2015, March 2). Russia and North Korea: Replaying old games "
        "(Article No. 4842). East Asia Compass. Institute of Peace and Conflict Studies. "
        "https://www.ipcs.org/comm_select.php?articleNo=4842"
    )


@pytest.mark.parametrize(
    ("style", "italic"),
    [("apa", "East Asia Compass"), ("chicago", "East Asia Compass"), ("mla", "East Asia Compass")],
)
def test_the_column_is_italic(style, italic):
    citation = cite(record_4842(), style, today=TODAY)
    assert [citation.text[s:e] for s, e in citation.italic] == [italic]


def test_honorific_is_dropped_everywhere():
    rec = record_4842(authors=(Author("Sandip Kumar Mishra", honorific="Dr"),))
    for style in STYLES:
        assert "Dr" not in cite(rec, style, today=TODAY).text.replace("Delhi", "")


def test_access_date_only_where_the_style_needs_it():
    undated = record_4842(date=None)
    assert "Accessed January 31, 2025." in cite(undated, "chicago", today=TODAY).text
    assert cite(undated, "mla", today=TODAY).text.endswith(" Accessed 31 Jan. 2025.")
    assert "(n.d.)" in cite(undated, "apa", today=TODAY).text
    dated = record_4842()
    for style in ("apa", "chicago", "mla"):
        assert "Accessed" not in cite(dated, style, today=TODAY).text
    assert "urldate      = {2025-01-31}" in cite(dated, "bibtex", today=TODAY).text
    assert "Y2  - 2025/01/31" in cite(dated, "ris", today=TODAY).text


def test_no_author_puts_the_title_first():
    rec = record_4842(authors=())
    assert cite(rec, "apa", today=TODAY).text.startswith(
        "Russia and North Korea: Replaying old games (Article No. 4842). (2015, March 2)."
    )
    assert cite(rec, "mla", today=TODAY).text.startswith("“Russia and North Korea")
    assert "author" not in cite(rec, "bibtex", today=TODAY).text


def test_several_authors():
    two = (Author("Sandip Kumar Mishra"), Author("D Suba Chandran"))
    three = (*two, Author("PR Chari"))
    assert cite(record_4842(authors=two), "apa", today=TODAY).text.startswith(
        "Mishra, S. K., & Chandran, D. S. (2015"
    )
    assert cite(record_4842(authors=three), "apa", today=TODAY).text.startswith(
        "Mishra, S. K., Chandran, D. S., & Chari, P. R. (2015"
    )
    assert cite(record_4842(authors=two), "chicago", today=TODAY).text.startswith(
        "Mishra, Sandip Kumar, and D Suba Chandran. “"
    )
    assert cite(record_4842(authors=three), "mla", today=TODAY).text.startswith(
        "Mishra, Sandip Kumar, et al. “"
    )
    bib = cite(record_4842(authors=three), "bibtex", today=TODAY).text
    assert "author       = {Mishra, Sandip Kumar and Chandran, D Suba and Chari, PR}," in bib
    ris = cite(record_4842(authors=two), "ris", today=TODAY).text
    assert "AU  - Mishra, Sandip Kumar\nAU  - Chandran, D Suba\n" in ris


def test_question_mark_title_takes_no_extra_period():
    rec = record_4842(title="Can Pakistan Reset its Relations with Afghanistan?")
    assert (
        "“Can Pakistan Reset Its Relations with Afghanistan?” East"
        in cite(rec, "chicago", today=TODAY).text
    )


def test_quotes_inside_a_quoted_title_become_single():
    rec = record_4842(title='Modi in Myanmar: From "Look East" to "Act East"')
    assert "“Modi in Myanmar: From ‘Look East’ to ‘Act East.’” East" in cite(rec, "mla").text


def test_bibtex_escapes_and_keys():
    rec = record_4842(title="R&D at 100% in J_K", blocks=())
    assert r"title        = {{R\&D at 100\% in J\_K}}," in cite(rec, "bibtex", today=TODAY).text
    # Characters LaTeX reads as commands, and braces BibTeX would count: one left open
    # would end the entry there.
    odd = record_4842(title="Brace { left \\ open ^ and ~ x }}", blocks=())
    title = cite(odd, "bibtex", today=TODAY).text.split("title        = ")[1].split("\n")[0]
    assert title == (
        r"{{Brace \textbraceleft{} Left \textbackslash{} Open \textasciicircum{} and "
        r"\textasciitilde{} X \textbraceright{}\textbraceright{}}},"
    )
    assert bibtex_key(record_4842()) == "mishra2015russia"
    keys = [
        re.match(r"@misc\{(\w+),", c.text).group(1)
        for c in cite_all([record_4842(), record_4842(number=4843)], "bibtex", today=TODAY)
    ]
    assert keys == ["mishra2015russia", "mishra2015russiab"]


def test_unknown_style_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown citation style 'harvard'"):
        cite(record_4842(), "harvard")  # type: ignore[arg-type]


EVIDENCE = (
    "Officials in Russia and North Korea met again. The old game goes on, said Putin, who "
    "plays it well, and the sea off the South China Sea coast stayed calm; at sea the "
    "rescue boats waited for the return of the question.",
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Russia and North Korea: Replaying Old Games",
            "Russia and North Korea: Replaying old games",
        ),
        ("Putin Plays the Old Game", "Putin plays the old game"),
        ("Search and Rescue at Sea", "Search and rescue at sea"),
        ("The South China Sea: Old NATO Games?", "The South China Sea: Old NATO games?"),
        ("A Question for Kabul", "A question for Kabul"),  # never in the text: kept
        ("Old Games — The Return", "Old games — The return"),
        ("I and A Game", "I and a game"),
    ],
)
def test_sentence_case(title, expected):
    assert sentence_case(title, EVIDENCE) == expected


def test_sentence_case_without_evidence_keeps_the_title():
    assert sentence_case("Russia and North Korea: Replaying Old Games") == (
        "Russia and North Korea: Replaying Old Games"
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Can Pakistan Reset its Relations with Afghanistan?",
            "Can Pakistan Reset Its Relations with Afghanistan?",
        ),
        ("The Rise Of China And The Fall", "The Rise of China and the Fall"),
        (
            "Sri Lanka: Moving Towards a Higher Outcome",
            "Sri Lanka: Moving towards a Higher Outcome",
        ),
        ("What It Is Up against", "What It Is Up Against"),
        (
            "Resetting Kabul-Islamabad Relations in the US",
            "Resetting Kabul-Islamabad Relations in the US",
        ),
    ],
)
def test_headline_case(title, expected):
    assert headline_case(title) == expected


@pytest.mark.parametrize(
    ("name", "given", "family", "apa"),
    [
        ("Sandip Kumar Mishra", "Sandip Kumar", "Mishra", "S. K."),
        ("PR Chari", "PR", "Chari", "P. R."),
        ("Harsh V. Pant", "Harsh V.", "Pant", "H. V."),
        ("Kim Jong-un", "Kim", "Jong-un", "K."),
        ("Nilanthi de Silva", "Nilanthi", "de Silva", "N."),
        ("Wasbir", "", "Wasbir", ""),
        # A byline's brackets or quotes are not initials.
        ("[red]Evil[/red] Author", "[red]Evil[/red]", "Author", "r."),
        ("Sandip [b]Kumar[/b] Mishra", "Sandip [b]Kumar[/b]", "Mishra", "S. b."),
        ("“Anand” Kumar", "“Anand”", "Kumar", "A."),
        ("- Kumar", "-", "Kumar", ""),
    ],
)
def test_names(name, given, family, apa):
    assert split_name(name) == (given, family)
    assert initials(given) == apa


def test_render_keeps_italics_and_makes_text_inert():
    rec = record_4842(column="[bold]Compass\x1b[31m")
    citation = cite(rec, "apa", today=TODAY)
    text = render_citations([citation, citation]).renderables[0]
    assert "[bold]Compass" in text.plain and "\x1b" not in text.plain
    assert [text.plain[s.start : s.end] for s in text.spans] == ["[bold]Compass"]
    out = render_plain(render_citations([citation, citation]), 80)
    assert out.count("Mishra, S. K.") == 2 and "\n\n" in out
