"""New-layout article pages (comm_select.php), on fixture pages written for each quirk."""

import datetime as dt
from pathlib import Path

import pytest
import resaved

from ipcsreader.errors import PageError
from ipcsreader.model import Author, Block
from ipcsreader.parse import parse_file, parse_text

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_spaced_page_with_tabbed_stamp_and_teaser_author():
    a = parse_file(PAGES / "new-spaced.txt")
    assert (a.layout, a.number, a.date) == ("new", 3901, dt.date(2012, 8, 14))
    assert (a.region, a.column) == (None, "Harbour Notes")
    assert a.title == "Ports and Promises: A Coastal Ledger"
    assert a.teaser == "Dr Meera Iyer examines why the southern harbour schemes have stalled"
    assert a.authors == (Author("Meera Iyer", honorific="Dr"),)
    assert [b.kind for b in a.blocks] == ["text", "heading", "text", "text", "text"]
    # a one-line question set apart by blank lines is a paragraph, not a sub-heading
    assert a.blocks[3] == Block("Today, after the third announcement, is anyone still counting?")
    assert not a.truncated


def test_unspaced_page_without_column_and_stamp_without_spaces():
    a = parse_file(PAGES / "new-unspaced.txt")
    assert (a.number, a.date, a.column) == (4010, dt.date(2013, 1, 21), None)
    assert a.title == "Valley Roads: A Second Look"
    assert a.authors == (Author("Kiran Sethi", honorific="Prof"),)
    assert [b.kind for b in a.blocks] == ["text", "heading", "text"]
    assert a.truncated
    assert a.paragraphs[-1].endswith("because the snow clearing contracts")


@pytest.mark.parametrize(
    "chrome", ["Menu", "Skip to main content\nMenu", "Home\nSearch", "Home » Commentaries"]
)
def test_the_site_s_navigation_above_a_title_is_no_column(chrome: str) -> None:
    # A page saved from the browser may keep the navigation; without a column line, its
    # last line stands right above the title.
    text = (PAGES / "new-unspaced.txt").read_text(encoding="utf-8")
    a = parse_text(f"{chrome}\n\n{text}")
    assert (a.column, a.title) == (None, "Valley Roads: A Second Look")
    with_column = parse_text(f"{chrome}\nMountain Letters\n{text}")
    assert (with_column.column, with_column.title) == (
        "Mountain Letters",
        "Valley Roads: A Second Look",
    )


def test_a_breadcrumb_trail_above_a_title_names_its_column_last() -> None:
    text = (PAGES / "new-unspaced.txt").read_text(encoding="utf-8")
    a = parse_text(f"Home » Columns » Mountain Letters\n{text}")
    assert (a.column, a.title) == ("Mountain Letters", "Valley Roads: A Second Look")


@pytest.mark.parametrize(
    "trail",
    [
        "Home » Commentaries » Valley Roads: A Second Look",
        "Home » Commentaries » Valley Roads: A Sec…",
        "Home / Commentaries / Valley Roads: A Second Look",
        "Home » Columns » Mountain Letters » Valley Roads: A Second Look",
    ],
)
def test_a_breadcrumb_trail_ending_on_the_title_names_no_column_but_its_own(trail: str) -> None:
    # A browser's "save as text" keeps the trail, whose last crumb is the page itself.
    text = (PAGES / "new-unspaced.txt").read_text(encoding="utf-8")
    a = parse_text(f"{trail}\n{text}")
    column = "Mountain Letters" if "Columns" in trail else None
    assert (a.column, a.title) == (column, "Valley Roads: A Second Look")


def test_a_title_with_a_slash_under_a_trail_ending_on_it() -> None:
    text = (PAGES / "new-unspaced.txt").read_text(encoding="utf-8")
    text = text.replace("Valley Roads: A Second Look", "Af/Pak Roads: A Second Look")
    a = parse_text(f"Home » Commentaries » Af/Pak Roads: A Second Look\n{text}")
    assert (a.column, a.title) == (None, "Af/Pak Roads: A Second Look")


def test_page_saved_whole_ends_its_body_at_the_side_columns():
    a = parse_file(PAGES / "new-whole.txt")
    assert a.paragraphs[-1] == "The fishermen have stopped asking when the work will start again."
    # a paragraph that begins as a side column's heading does is still a paragraph
    assert a.paragraphs[1].startswith("Browse by harbour")
    assert not a.truncated
    bars = a.sidebars
    assert [(c.column, c.columnist.name) for c in bars.columnists] == [
        ("Island Diary", "Ravi Fernando"),
        ("Mountain Letters", "Kiran Sethi"),
    ]
    assert bars.columnists[0].titles[0] == "Harbours Without Ships: The Breakwater"
    assert bars.same_author == ("Salt Roads of the North",)
    assert bars.archive_years == (2012, 2011, 2010)


def test_author_block_and_epigraph_attribution_is_not_an_author():
    a = parse_file(PAGES / "new-author-block.txt")
    assert a.authors == (Author("Ravi Fernando", "Visiting Fellow"),)
    assert a.blocks[:2] == (
        Block(
            "“The tide goes out twice a day, but the promises made to the harbour towns never "
            "come back in.”",
            "epigraph",
        ),
        Block("Nimal Perera", "attribution"),
    )
    assert "Ravi Fernando" not in " ".join(a.paragraphs)


def test_teaser_with_two_authors():
    a = parse_file(PAGES / "new-two-authors.txt")
    assert a.column is None
    assert a.authors == (Author("D Anil Verma"), Author("Sara bin Qureshi Khan"))


def test_mac_central_european_mojibake_repaired():
    a = parse_file(PAGES / "new-mojibake-mac.txt")
    assert a.paragraphs == (
        "The harbour at Kovalam’s north end was meant to open in 2011 – now the ministry’s own "
        "report calls it “a scheme in waiting”, and the town calls it ‘The Wall’.",
    )


def test_utf8_read_as_cp1252_repaired_in_stamp_and_body():
    a = parse_file(PAGES / "new-mojibake-utf8.txt")
    assert (a.number, a.date) == (3901, dt.date(2012, 8, 14))
    assert a.paragraphs == (
        "The harbour at Kovalam’s north end was meant to open in 2011 – now the report calls it "
        "“a scheme in waiting”.",
    )


def test_a_page_ending_at_its_stamp_gives_no_number():
    # "· 39" may be "· 3901" cut off: no number is better than another article's.
    text = (PAGES / "new-spaced.txt").read_text(encoding="utf-8")
    a = parse_text(text[: text.index("3901") + 2])
    assert (a.number, a.truncated) == (None, True)


def test_a_number_without_a_date_is_no_stamp():
    # A list of years on a page that is no article is not "· 4286" with its date lost.
    with pytest.raises(PageError):
        parse_text("Archive\n\n· 2019\n\n· 2018\n\n· 2017\n")


def test_a_page_cut_inside_its_author_block_has_no_name_for_a_paragraph() -> None:
    text = (PAGES / "new-author-block.txt").read_text(encoding="utf-8")
    cut = text[: text.index("Ravi Fernando\nVisiting Fellow")]  # the name printed once of twice
    a = parse_text(cut)
    assert a.authors == (Author("Ravi Fernando"),)  # from the teaser
    assert a.blocks == ()
    assert a.truncated


@pytest.mark.parametrize(
    "footer",
    ["© 2024 IPCS. All rights reserved.", "Copyright 2019 Institute of Peace and Conflict Studies"],
)
def test_the_site_s_footer_ends_the_body_of_a_page_saved_whole(footer: str) -> None:
    text = (PAGES / "new-unspaced.txt").read_text(encoding="utf-8")
    cut = parse_text(text)
    a = parse_text(f"{text}\n\n{footer}\n")
    assert a.blocks == cut.blocks and not a.truncated


@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("name", ["new-spaced.txt", "new-unspaced.txt"])
def test_a_page_saved_broken_at_a_fixed_width_reads_as_saved_whole(name: str, width: int) -> None:
    # Title, teaser and paragraphs broken as a text browser breaks them, blank lines
    # between paragraphs or none.
    text = (PAGES / name).read_text(encoding="utf-8")
    wrapped = resaved.broken_at(text, width)
    assert wrapped != text
    a, b = parse_text(text), parse_text(wrapped)
    assert (b.title, b.teaser, b.authors, b.blocks) == (a.title, a.teaser, a.authors, a.blocks)
