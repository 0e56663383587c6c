"""Old-layout article pages, on fixture pages written for each quirk."""

import datetime as dt
from pathlib import Path

import pytest
import resaved

from ipcsreader.model import Author, Block
from ipcsreader.parse import parse_file, parse_text

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_whole_page_header_body_and_end():
    a = parse_file(PAGES / "old-whole.txt")
    assert (a.layout, a.format, a.number, a.date) == ("old", "text", 3901, dt.date(2012, 8, 14))
    assert a.region == "East Asia: Japan, Australia and the Koreas"
    assert a.column == "Harbour Notes"
    assert a.title == "Ports and Promises: A Coastal Ledger"
    assert a.authors == (
        Author(
            "Meera Iyer",
            "Senior Fellow, Centre for Coastal Affairs, Kochi",
            email="meera.iyer@example.org",
        ),
    )
    assert [b.kind for b in a.blocks] == ["text", "heading", "text", "text"]
    assert a.blocks[1] == Block("Counting the Berths", "heading")
    assert a.paragraphs[-1].endswith("what a harbour is for.")
    assert not a.truncated
    assert a.url == "https://www.ipcs.org/comm_select.php?articleNo=3901"


def test_whole_page_sidebars():
    bars = parse_file(PAGES / "old-whole.txt").sidebars
    assert [(c.column, c.columnist) for c in bars.columnists] == [
        ("Harbour Notes", Author("Meera Iyer")),
        ("Mountain Letters", Author("Kiran Sethi", honorific="Dr")),
        (None, Author("Lata Menon", honorific="Prof")),
        (None, Author("Arjun Rao")),
    ]
    assert bars.columnists[0].titles == (
        "Ports and Promises: A Coastal Ledger",
        "The Island’s Quiet Dockyards",
        "Tides and ?Turning Points?",
    )
    assert bars.columnists[2].titles == ("Rivers We Share", "Who Owns the Monsoon?")
    assert bars.contributors == ("Nisha Kapoor", "Farid ul Haq", "Nisha Kapoor")
    assert bars.taxonomies == (
        ("Publications", ("Issue Briefs", "Special Reports")),
        ("Issues", ("Coastal Security", "Water Disputes")),
    )
    assert bars.same_author == ("The Island’s Quiet Dockyards", "Tides and ?Turning Points?")
    assert bars.archive_years == (2013, 2012, 2011, 2010, 2009)


def test_body_never_holds_sidebar_or_footer_text():
    text = " ".join(parse_file(PAGES / "old-whole.txt").paragraphs)
    for printed in ("Print Bookmark", "IPCS Columnists", "Copyright", "meera.iyer@"):
        assert printed not in text


def test_page_cut_inside_the_header():
    a = parse_file(PAGES / "old-cut-header.txt")
    assert (a.number, a.date, a.title, a.blocks) == (None, None, None, ())
    assert a.region == "Peace Audit and Ceasefire Monitor"
    assert a.truncated


def test_no_affiliation_bare_email_and_epigraph_without_opening_mark():
    a = parse_file(PAGES / "old-no-affiliation-email.txt")
    assert a.authors == (Author("Ravi Fernando", email="ravi.fernando@example.org"),)
    assert a.blocks[0].kind == "epigraph"
    assert a.blocks[0].text.startswith("The tide goes out")
    assert a.blocks[1] == Block("A Harbour Master, Galle", "attribution")
    assert a.blocks[2].kind == "text"
    assert a.truncated
    assert a.paragraphs[-1].endswith("the council no longer")


def test_two_authors_with_shared_affiliation_and_labelled_emails():
    a = parse_file(PAGES / "old-two-authors.txt")
    affiliation = "Research Officers, Centre for River Studies"
    assert a.region == "India & the World"
    assert a.authors == (
        Author("Anil Verma", affiliation, "Dr", "anil.verma@example.org"),
        Author("Sara Qureshi", affiliation, None, "sara.q@example.org"),
    )
    assert a.paragraphs == (
        "Two neighbours that share five rivers have never agreed on a single map of any of "
        "them, and the disagreement is older than either state.",
    )
    assert a.truncated  # no closing share line: the page stops before its footer


def test_discussion_report_without_author_has_speakers():
    a = parse_file(PAGES / "old-discussion.txt")
    assert a.column == "IPCS Discussion"
    assert a.title == "Rivers and Rulers: Report of a Panel"
    assert a.authors == ()
    assert [b.kind for b in a.blocks] == [
        "text",
        "speaker",
        "attribution",
        "text",
        "speaker",
        "attribution",
        "text",
    ]
    assert a.blocks[1].text == "Amb Rohan Das"
    assert a.blocks[5].text == "Water Engineer, Lahore"


@pytest.mark.parametrize(
    ("stamp", "date"),
    [
        ("#3901 14 August 2012", dt.date(2012, 8, 14)),  # the comma left out
        ("#3901, 14 Aug", None),  # the date cut off
        ("#3901,", None),
        ("#3901", None),  # no date at all, the page going on
    ],
)
def test_a_stamp_without_its_whole_date_still_files_the_article(
    stamp: str, date: dt.date | None
) -> None:
    text = (PAGES / "old-whole.txt").read_text(encoding="utf-8")
    a = parse_text(text.replace("#3901, 14 August 2012", stamp))
    assert (a.number, a.date) == (3901, date)
    assert a.title == "Ports and Promises: A Coastal Ledger"
    assert a.authors[0].name == "Meera Iyer" and len(a.blocks) == 4


def test_a_question_mark_printed_for_an_apostrophe_is_one_again() -> None:
    text = (PAGES / "old-whole.txt").read_text(encoding="utf-8")
    text = text.replace("Ports and Promises: A Coastal Ledger\nMeera", "The Coast?s Ledger\nMeera")
    a = parse_text(text.replace("the fishermen of the coast", "the coast?s fishermen"))
    assert a.title == "The Coast’s Ledger"
    assert any("the coast’s fishermen" in p for p in a.paragraphs)
    assert not any("?s" in p for p in a.paragraphs)


_BYLINE = (
    "Meera Iyer\nSenior Fellow, Centre for Coastal Affairs, Kochi\nE-mail: meera.iyer@example.org\n"
)
_IYER = Author(
    "Meera Iyer", "Senior Fellow, Centre for Coastal Affairs, Kochi", None, "meera.iyer@example.org"
)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        # Each author on lines of their own: name, affiliation, e-mail.
        (
            _BYLINE + "Prof Arjun Rao\nDirector, Harbour Institute\nE-mail: rao@example.org\n",
            (_IYER, Author("Arjun Rao", "Director, Harbour Institute", "Prof", "rao@example.org")),
        ),
        ("Meera Iyer\nArjun Rao\n", (Author("Meera Iyer"), Author("Arjun Rao"))),
        # Lines that go on with an affiliation, however name-like their capitals.
        (
            "Meera Iyer\nSenior Fellow, Centre for Coastal Affairs\nNew Delhi\n",
            (Author("Meera Iyer", "Senior Fellow, Centre for Coastal Affairs; New Delhi"),),
        ),
        ("Meera Iyer\nManohar Parrikar IDSA\n", (Author("Meera Iyer", "Manohar Parrikar IDSA"),)),
        ("Meera Iyer\nVisiting Fellow\n", (Author("Meera Iyer", "Visiting Fellow"),)),
    ],
)
def test_a_second_author_under_the_first_is_an_author(
    byline: str, authors: tuple[Author, ...]
) -> None:
    text = (PAGES / "old-whole.txt").read_text(encoding="utf-8")
    a = parse_text(text.replace(_BYLINE, byline))
    assert a.authors == authors
    assert a.title == "Ports and Promises: A Coastal Ledger" and len(a.blocks) == 4


def test_a_page_saved_without_blank_lines_reads_as_with_them() -> None:
    text = (PAGES / "old-whole.txt").read_text(encoding="utf-8")
    spaced = parse_text(text)
    packed = parse_text(resaved.packed(text))
    assert (packed.column, packed.title) == (
        "Harbour Notes",
        "Ports and Promises: A Coastal Ledger",
    )
    assert packed.authors == spaced.authors == (_IYER,)
    assert packed.blocks == spaced.blocks
    assert packed.sidebars.same_author == spaced.sidebars.same_author


@pytest.mark.parametrize(
    "byline", ["", "Meera Iyer and Arjun Rao\n", "Maj Gen (Retd) Arjun Rao\n", "Prof Arjun Rao\n"]
)
@pytest.mark.parametrize("column", [True, False])
def test_a_page_saved_without_blank_lines_keeps_column_and_title_apart(
    byline: str, column: bool
) -> None:
    # With no blank line under the column, nor a name under the title, the two header
    # lines are a column and a title, not a title and a byline; with a byline a name
    # apart ("and", a rank in brackets), they still are.
    text = (PAGES / "old-whole.txt").read_text(encoding="utf-8").replace(_BYLINE, byline)
    if not column:
        text = text.replace("Harbour Notes\n\nPorts", "Ports", 1)
    single = parse_text(text)
    packed = parse_text(resaved.packed(text))
    assert (packed.column, packed.title) == (
        "Harbour Notes" if column else None,
        "Ports and Promises: A Coastal Ledger",
    )
    assert packed.authors == single.authors
    assert packed.blocks == single.blocks


def test_a_page_without_a_column_saved_with_a_blank_line_under_every_line() -> None:
    # Title, name, affiliation, each alone: the title is no column, the name no title.
    text = (PAGES / "old-whole.txt").read_text(encoding="utf-8")
    text = text.replace("Harbour Notes\n\nPorts", "Ports", 1)
    a = parse_text(resaved.spaced(text))
    assert (a.column, a.title, a.authors) == (
        None,
        "Ports and Promises: A Coastal Ledger",
        (_IYER,),
    )


def test_a_short_first_paragraph_under_a_title_alone_stays_the_body_without_blank_lines():
    text = (PAGES / "old-whole.txt").read_text(encoding="utf-8")
    text = text.replace(_BYLINE, "").replace("Harbour Notes\n\nPorts", "Ports", 1)
    text = text.replace("Ledger\n", "Ledger\nThe port was quiet.\n", 1)
    a = parse_text(resaved.packed(text))
    assert (a.column, a.title, a.authors) == (None, "Ports and Promises: A Coastal Ledger", ())
    assert a.paragraphs[0] == "The port was quiet."


_LONG_AFFILIATION = (
    "Associate Professor, Centre for Coastal Studies, School of Maritime Affairs, Kochi"
    " University, and Visiting Fellow, Harbour Institute, New Delhi"
)


@pytest.mark.parametrize(
    "byline",
    [
        _BYLINE,
        _BYLINE + "Prof Arjun Rao\nDirector, Harbour Institute\nE-mail: rao@example.org\n",
        f"Meera Iyer\n{_LONG_AFFILIATION}\n",
        "Meera Iyer and Arjun Rao\n",
        "Meera Iyer\n",
    ],
)
def test_a_page_saved_with_a_blank_line_under_every_line_reads_as_without(
    byline: str,
) -> None:
    text = (PAGES / "old-whole.txt").read_text(encoding="utf-8").replace(_BYLINE, byline)
    single = parse_text(text)
    double = parse_text(resaved.spaced(text))
    assert (double.column, double.title) == (single.column, single.title)
    assert double.authors == single.authors and double.authors
    # The body's text is kept whole; a sub-heading, told by having no blank line under
    # it, reads as a paragraph there.
    assert [b.text for b in double.blocks] == [b.text for b in single.blocks]
    assert len(double.blocks) == 4


def test_a_short_first_paragraph_under_a_title_alone_stays_the_body() -> None:
    # A page with no byline whose opening paragraph is one short line: not an author.
    text = (PAGES / "old-whole.txt").read_text(encoding="utf-8")
    text = text.replace(_BYLINE, "").replace("\n\n", "\n\nThe port was quiet.\n\n", 1)
    a = parse_text(text)
    assert a.authors == ()


def test_a_page_without_its_closing_share_line_ends_its_body_at_the_side_columns() -> None:
    text = (PAGES / "old-whole.txt").read_text(encoding="utf-8")
    closing = "what a harbour is for.\n\nPrint Bookmark Email Facebook Subscribe\n"
    assert closing in text
    whole = parse_text(text)
    a = parse_text(text.replace(closing, "what a harbour is for.\n\n"))
    assert a.blocks == whole.blocks and len(a.blocks) == 4
    assert a.sidebars == whole.sidebars and not a.truncated


@pytest.mark.parametrize("width", [64, 72, 80])
def test_a_body_saved_broken_at_a_fixed_width_reads_as_one_line_a_paragraph(width: int) -> None:
    # As a text browser or a "save as text" breaks lines; a compound broken after its
    # hyphen is one word again.
    text = (PAGES / "old-whole.txt").read_text(encoding="utf-8")
    text = text.replace("three new harbour", "three new harbour-development", 1)
    wrapped = resaved.broken_at(text, width)
    assert max(map(len, wrapped.splitlines())) <= width
    assert parse_text(wrapped).blocks == parse_text(text).blocks


def test_a_body_of_short_paragraphs_is_not_taken_for_one_broken_at_a_width() -> None:
    # Each line near the longest, but each a whole sentence: nothing to join.
    text = (PAGES / "old-whole.txt").read_text(encoding="utf-8")
    short = [
        f"Berth {n} was promised to the fishermen in the spring and never opened." for n in range(8)
    ]
    body = "\n".join(short) + "\n"
    start = text.index("The fishing towns")
    end = text.index("Print Bookmark", start)
    a = parse_text(text[:start] + body + "\n" + text[end:])
    assert [b.text for b in a.blocks] == short
