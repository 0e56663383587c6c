"""A page saved by a text browser ("lynx -dump", "w3m -dump") reads as its HTML does.

A text browser wraps paragraphs near 80 columns, numbers links ("[5]Bibhu Prasad
Routray") and lists their addresses at the end, prints an author's name as often as the
markup holds it (a photo's caption, a link), and keeps share buttons. ``fixtures/dumps``
holds every HTML page of ``fixtures/pages`` so saved (``fixtures/dumps/make.sh``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ipcsreader.model import Article, Author
from ipcsreader.parse import body, parse_bytes, parse_text, sidebar
from ipcsreader.parse.dumps import without_browser_marks

FIXTURES = Path(__file__).parent / "fixtures"
DUMPS = sorted((FIXTURES / "dumps").glob("*/*.txt"))
# A photo without alt text: w3m prints its file's name ("[102] Kabir Sethi"), which is
# no mark a reader could tell from a page's own bracket.
UNREAD = {"w3m/new-two-authors.txt": "w3m names a photo without alt text by its file"}


def _fields(page: object) -> tuple:
    assert isinstance(page, Article)
    authors = tuple((a.name, a.honorific) for a in page.authors)
    return (page.number, page.date, page.column, page.title, authors, page.paragraphs)


def test_every_html_page_was_saved_by_both_browsers() -> None:
    pages = {p.stem for p in (FIXTURES / "pages").glob("*.html")}
    for browser in ("lynx", "w3m"):
        assert {p.stem for p in (FIXTURES / "dumps" / browser).glob("*.txt")} == pages


@pytest.mark.parametrize(
    "dump",
    [
        pytest.param(
            d,
            id=f"{d.parent.name}/{d.name}",
            marks=[pytest.mark.xfail(strict=True, reason=r)]
            if (r := UNREAD.get(f"{d.parent.name}/{d.name}"))
            else [],
        )
        for d in DUMPS
    ],
)
def test_a_page_saved_by_a_text_browser_reads_as_its_html(dump: Path) -> None:
    html = (FIXTURES / "pages" / f"{dump.stem}.html").read_bytes()
    assert _fields(parse_text(dump.read_text(encoding="utf-8"))) == _fields(parse_bytes(html))


def test_link_numbers_and_the_list_of_links_go() -> None:
    lines = [
        "[1]Home [2]Columns",
        "",
        "As [4]Meera Iyer noted in 2014.[3] The survey [10]teams met.",
        "[IMG]",
        "",
        "References",
        "",
        "Visible links:",
        "1. https://www.ipcs.org/",
        "2. https://www.ipcs.org/columns.php?name=Red Affairs",
        "Hidden links:",
        "6. https://www.ipcs.org/people.php",
    ]
    assert without_browser_marks(lines) == [
        "Home Columns",
        "",
        # A footnote's number after a word is the page's own.
        "As Meera Iyer noted in 2014.[3] The survey teams met.",
        "",
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # A footnote list of the article's own, a "References" heading in its body.
        ["Text.[1]", "", "References", "", "1. Sahni, V. (2014). Nuclear South Asia."],
        ["References", "", "1. https://www.ipcs.org/", "", "The body goes on after it."],
        ["[1] Sahni, V. (2014)", "[2] Mishra, S. (2015)"],
    ],
)
def test_a_page_s_own_brackets_and_references_stay(lines: list[str]) -> None:
    assert without_browser_marks(lines) == lines


def test_a_short_page_shows_its_width_where_a_line_runs_on_in_lower_case() -> None:
    lines = [
        "When the new breakwater was announced, the town council held a feast; three",
        "years later the stones lie where the lorries left them.",
        "",
        "Nobody in the town expects the ships to come this year.",
    ]
    assert body.wrap_width(lines) == len(lines[0])
    # Lines of their own, each a paragraph: no width.
    assert body.wrap_width([lines[0] + " more.", "Years later, nothing.", ""]) is None


NEW_PAGE = """Harbour Notes

Ports and Promises: A Coastal Ledger

14 Aug, 2012 · 3901

Dr Meera Iyer and Kabir Sethi examine why the harbour schemes have stalled

{authors}

The fishing towns along the coast have seen three harbour schemes announced.
"""


@pytest.mark.parametrize(
    ("authors", "read"),
    [
        # The name three times (link, caption, photo), then the role.
        (
            "Meera Iyer\nMeera Iyer\nMeera Iyer\nSenior Fellow\n\nKabir Sethi\nKabir Sethi",
            [Author("Meera Iyer", "Senior Fellow", "Dr"), Author("Kabir Sethi")],
        ),
        # Twice on one line (a link and a caption side by side).
        (
            "Meera Iyer Meera Iyer\n\nSenior Fellow\n\nKabir Sethi Kabir Sethi",
            [Author("Meera Iyer", "Senior Fellow", "Dr"), Author("Kabir Sethi")],
        ),
        # Once each, with a role under it, as the teaser names them.
        (
            "Dr Meera Iyer\nSenior Fellow, Delta Studies Programme\nKabir Sethi\nResearch Officer",
            [
                Author("Meera Iyer", "Senior Fellow, Delta Studies Programme", "Dr"),
                Author("Kabir Sethi", "Research Officer"),
            ],
        ),
        # A byline and a row of share buttons.
        (
            "By Meera Iyer and Kabir Sethi\n\nPrint Email Facebook Twitter",
            [Author("Meera Iyer", honorific="Dr"), Author("Kabir Sethi")],
        ),
    ],
)
def test_author_blocks_as_a_text_browser_prints_them(authors: str, read: list[Author]) -> None:
    page = parse_text(NEW_PAGE.format(authors=authors))
    assert isinstance(page, Article)
    assert list(page.authors) == read
    assert page.paragraphs == (
        "The fishing towns along the coast have seen three harbour schemes announced.",
    )


def test_a_byline_with_a_role_names_one_author() -> None:
    page = parse_text(
        NEW_PAGE.replace("Dr Meera Iyer and Kabir Sethi examine", "The schemes examined").replace(
            "{authors}", "By Teshu Singh, Senior Research Officer, IPCS"
        )
    )
    assert isinstance(page, Article)
    assert page.authors == (Author("Teshu Singh", "Senior Research Officer, IPCS"),)
    # A sentence is no byline.
    said = NEW_PAGE.replace("{authors}", "By the end of the year, the harbour was empty.")
    assert len(parse_text(said).paragraphs) == 2


@pytest.mark.parametrize(
    ("tail", "end"),
    [
        (["Related", "* Another One"], 2),
        (["More in Red Affairs", "The Quiet Surrender"], 2),
        (["Leave a comment"], 2),
        (["Facebook Twitter", "", "IPCS, New Delhi"], 2),
        # A share row between paragraphs, and a line of a paragraph that opens so.
        (["Print Email", "The body goes on."], None),
        (["also in multilateral organisations."], None),
        (["More in Red Affairs."], None),
    ],
)
def test_what_a_site_prints_under_an_article_ends_its_body(
    tail: list[str], end: int | None
) -> None:
    assert sidebar.body_end(["First paragraph.", "Second paragraph.", *tail]) == end
