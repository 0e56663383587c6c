"""Pages saved as HTML go through the same parsers as text."""

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ipcsreader.model import Author, Block
from ipcsreader.parse import html_article, parse_file, parse_text

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_new_site_html_page():
    a = parse_file(PAGES / "new-page.html")
    assert (a.layout, a.format, a.number, a.date) == ("new", "html", 3901, dt.date(2012, 8, 14))
    assert a.column == "Harbour Notes"
    assert a.title == "Ports and Promises: A Coastal Ledger"
    assert a.teaser == "Dr Meera Iyer examines why the southern harbour schemes have stalled"
    assert a.authors == (Author("Meera Iyer", "Senior Fellow", "Dr"),)
    assert a.blocks == (
        Block(
            "The fishing towns along the southern coast have seen three new harbour schemes "
            "announced in as many years, and none of them has yet opened a single berth."
        ),
        Block("Counting the Berths", "heading"),
        Block(
            "Officials speak of capacity in the abstract; the fishermen speak of the berths that "
            "exist and the ones that were promised."
        ),
        Block("What the Ministries Want", "heading"),
        Block(
            "A second difficulty is that the schemes were planned by three different ministries."
        ),
        Block("Meera Iyer is a Senior Fellow at an invented centre."),
    )
    assert not a.truncated
    text = " ".join(a.paragraphs)
    for chrome in ("not text", "Leave a comment", "All rights reserved", "Commentaries"):
        assert chrome not in text


def test_old_site_html_page():
    a = parse_file(PAGES / "old-page.html")
    assert (a.layout, a.format, a.number, a.region) == ("old", "html", 3950, "South Asia")
    assert (a.column, a.title) == ("Island Diary", "Harbours Without Ships")
    assert a.authors == (Author("Ravi Fernando", "Director, Coastal Forum, Colombo"),)
    assert len(a.paragraphs) == 2
    assert not a.truncated
    assert a.sidebars.same_author == ("The Island’s Quiet Dockyards",)


def test_html_author_links_when_the_page_prints_no_author_block():
    page = (
        "<html><body><div class='main_title'><h5>A Title Here</h5></div>"
        "<p>05 May, 2016 · 5001</p><p>A short teaser about the sea</p>"
        "<a href='people_select.php?id=3'>Meera Iyer</a>"
        "<p>One paragraph that ends here.</p></body></html>"
    )
    a = parse_text(page)
    assert (a.number, a.title) == (5001, "A Title Here")
    assert a.authors == (Author("Meera Iyer"),)


def test_related_items_after_the_article_are_not_body():
    page = (
        "<html><body><div class='content_section'><div class='main_title'><h5>A Title Here</h5>"
        "</div><p>05 May, 2016 · 5001</p><p>Meera Iyer weighs the harbour schemes</p>"
        "<p>One paragraph that ends here.</p></div>"
        "<div class='content_section'><h4>Related</h4><p>Another Article Entirely</p>"
        "<p>Ravi Fernando · 04 May, 2016 · 5000</p></div></body></html>"
    )
    a = parse_text(page)
    assert a.paragraphs == ("One paragraph that ends here.",)
    assert a.authors == (Author("Meera Iyer"),)
    assert not a.truncated


# Pages read from their structure: each variant of the live article page gives exact fields.

STRUCTURED = {
    "new-page-variant.html": dict(
        number=5571,
        date=dt.date(2019, 3, 12),
        column="Maritime Matters",
        title="Ports of Call: India’s Coastal Diplomacy",
        teaser="Dr Vijay Sakhuja examines how port calls have become tools of influence",
        authors=(Author("Vijay Sakhuja", "Former Director, National Maritime Foundation", "Dr"),),
        blocks=(
            Block(
                "Naval port calls were once ceremonial. Today they are instruments of quiet "
                "influence across the Indian Ocean."
            ),
            Block("The New Calculus", "heading"),
            Block(
                "India’s navy made forty-two port calls in 2018, a record. Each one carried a "
                "message."
            ),
            Block("What remains is to match the calls with sustained engagement."),
        ),
    ),
    "new-page-split-stamp.html": dict(
        number=5571,
        date=dt.date(2019, 3, 12),
        column="Maritime Matters",
        title="Ports of Call: India’s Coastal Diplomacy",
        teaser="Dr Vijay Sakhuja examines how port calls have become tools of influence",
        authors=(Author("Vijay Sakhuja", "Former Director, National Maritime Foundation", "Dr"),),
        blocks=(
            Block(
                "Naval port calls were once ceremonial. Today they are instruments of quiet "
                "influence across the Indian Ocean."
            ),
            Block("What remains is to match the calls with sustained engagement."),
        ),
    ),
    "new-page-no-author.html": dict(
        number=5190,
        date=dt.date(2016, 11, 21),
        column="Sea Lanes",
        title="A Pact for the Gulf of Mannar",
        teaser="Dr Kavita Menon comments on the new fisheries pact between the two coasts",
        authors=(Author("Kavita Menon", None, "Dr"),),
        blocks=(
            Block(
                "The pact signed last week is the first the two coasts have agreed on since the "
                "trawler disputes began."
            ),
            Block("What Changes at Sea", "heading"),
            Block(
                "Boats from either side may now fish within an agreed band for ninety days a year."
            ),
            Block("Who Enforces It", "heading"),
            Block("Enforcement is left to a joint patrol that does not yet exist."),
        ),
    ),
    "new-two-authors.html": dict(
        number=3977,
        date=dt.date(2012, 10, 1),
        column=None,
        title="Shared Rivers, Separate Maps",
        teaser=(
            "Prof Anita Rao and Kabir Sethi analyse why two neighbours still have no common map "
            "of their rivers"
        ),
        authors=(
            Author("Anita Rao", "Professor, Centre for River Studies", "Prof"),
            Author("Kabir Sethi", "Research Officer, Centre for River Studies"),
        ),
        blocks=(
            Block(
                "Two neighbours that share five rivers have never agreed on a single map of any "
                "of them."
            ),
            Block("As Meera Iyer noted last year, the survey teams have never met."),
        ),
    ),
    "new-page-divs.html": dict(
        number=4890,
        date=dt.date(2015, 7, 7),
        column="Monsoon Notes",
        title="Rain, Rivers and the Delta",
        teaser="Meera Iyer examines what a late monsoon does to the delta towns",
        authors=(Author("Meera Iyer", "Senior Fellow, Delta Studies Programme", "Dr"),),
        blocks=(
            Block(
                "The monsoon arrived three weeks late this year, and the delta towns felt every "
                "day of it."
            ),
            Block("A Season Out of Step", "heading"),
            Block("Farmers who planted on the old calendar lost their first crop."),
            Block("Those who waited lost their savings instead."),
            Block("What the Towns Ask", "heading"),
            Block("The towns ask for a calendar that follows the rain, not the almanac."),
        ),
    ),
    "new-page-related.html": dict(
        number=5001,
        date=dt.date(2016, 5, 4),
        column="Red Affairs",
        title="The Forest Roads",
        teaser="Bibhu Prasad Routray comments on the roads the insurgents fear most",
        authors=(Author("Bibhu Prasad Routray", "Visiting Fellow"),),
        blocks=(
            Block(
                "Roads reach the forest villages at last, and with them the state the insurgents "
                "kept out for decades."
            ),
            Block("The next test is whether the roads are kept open through the monsoon."),
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(STRUCTURED))
def test_new_site_html_variants_give_exact_fields(name: str) -> None:
    a = parse_file(PAGES / name)
    got = {field: getattr(a, field) for field in STRUCTURED[name]}
    assert got == STRUCTURED[name]
    assert (a.layout, a.format, a.region, a.truncated) == ("new", "html", None, False)
    assert a.source == str(PAGES / name)


def test_html_page_gives_the_same_fields_as_the_text_page() -> None:
    # The name printed twice under its link, an epigraph in a <blockquote>, share words.
    text = parse_file(PAGES / "new-author-block.txt")
    html = parse_file(PAGES / "new-author-block.html")
    assert html.format == "html"
    assert replace(html, format="text", source=None) == replace(text, source=None)
    assert html.blocks[1] == Block("Nimal Perera", "attribution")


def test_old_layout_html_in_tables_reads_like_the_text_page() -> None:
    text = parse_file(PAGES / "old-two-authors.txt")
    html = parse_file(PAGES / "old-two-authors.html")
    assert (html.layout, html.format, html.truncated) == ("old", "html", False)
    # The text fixture is cut off before the closing share line; the HTML one is whole.
    assert replace(html, format="text", source=None, truncated=True) == replace(text, source=None)


def _page(byline: str, body: str = "<p>One paragraph that ends here.</p>") -> str:
    return (
        "<html><body><div class='main_title'><h5>A Title Here</h5><p>05 May, 2016 · 5001</p>"
        f"</div><p class='teaser'>Meera Iyer weighs the harbour schemes</p>{byline}"
        f"<div class='c'>{body}<p>Introduction</p><p>Two paragraphs end here.</p></div>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        (
            "<div><a href='people_select.php?id=3'>Meera Iyer</a>, Senior Fellow, IPCS</div>",
            (Author("Meera Iyer", "Senior Fellow, IPCS"),),
        ),
        (
            "<div><a href='people_select.php?id=3'>Meera Iyer<br><small>Senior Fellow</small></a>"
            "</div>",
            (Author("Meera Iyer", "Senior Fellow"),),
        ),
        (
            "<p>By <a href='people_select.php?id=3'>Dr Meera Iyer</a> and "
            "<a href='people_select.php?id=4'>Ravi Fernando</a></p>",
            (Author("Meera Iyer", None, "Dr"), Author("Ravi Fernando")),
        ),
        (
            "<div><a href='people_select.php?id=3'><img src='3.jpg' alt='Meera Iyer'></a></div>",
            (Author("Meera Iyer"),),
        ),
        # Two links to one person, one with a photo and one with the name: one author.
        (
            "<div><a href='people_select.php?id=3'><img src='3.jpg' alt=''></a>"
            "<h6><a href='people_select.php?id=3'>Meera Iyer</a></h6><p>Fellow</p></div>",
            (Author("Meera Iyer", "Fellow"),),
        ),
        ("", (Author("Meera Iyer"),)),  # no author block: the teaser's leading name
    ],
    ids=["inline-role", "role-in-link", "by-two", "photo-only", "photo-and-name", "none"],
)
def test_author_bylines_in_their_different_markups(byline: str, authors: tuple) -> None:
    a = parse_text(_page(byline))
    assert a.authors == authors
    assert a.paragraphs == (
        "One paragraph that ends here.",
        "Introduction",
        "Two paragraphs end here.",
    )


def test_a_short_line_after_the_byline_outside_its_block_is_not_a_role() -> None:
    a = parse_text(_page("<div><a href='people_select.php?id=3'>Meera Iyer</a></div>", ""))
    assert a.authors == (Author("Meera Iyer"),)
    assert a.paragraphs == ("Introduction", "Two paragraphs end here.")


def test_share_rows_and_chrome_by_class_are_not_body() -> None:
    chrome = (
        "<div>Print | Email | Share this article</div>"
        "<div class='shareButtons'><p>Send it on.</p></div>"
        "<div id='related-posts'><p>Read this next.</p></div>"
        "<aside><p>Aside text here.</p></aside>"
        "<div class='commentary'><p>A paragraph in a box whose name only looks like chrome.</p>"
        "</div>"
    )
    a = parse_text(_page("", chrome))
    assert a.paragraphs == (
        "A paragraph in a box whose name only looks like chrome.",
        "Introduction",
        "Two paragraphs end here.",
    )


def test_a_page_whose_only_stamp_is_in_chrome_is_read_from_its_lines() -> None:
    page = (
        "<html><body><div class='sidebar'><p>A Title Here</p><p>05 May, 2016 · 5001</p></div>"
        "<p>Meera Iyer weighs the harbour schemes</p><p>One paragraph that ends here.</p>"
        "</body></html>"
    )
    soup = BeautifulSoup(page, "html.parser")
    assert html_article.parse(soup) is None
    a = parse_text(page)
    assert (a.number, a.title, a.paragraphs) == (
        5001,
        "A Title Here",
        ("One paragraph that ends here.",),
    )


def test_old_layout_html_is_not_read_as_a_new_site_page() -> None:
    soup = BeautifulSoup((PAGES / "old-page.html").read_text(encoding="utf-8"), "html.parser")
    assert html_article.parse(soup) is None


def test_a_page_of_many_paragraphs_keeps_them_all() -> None:
    body = "".join(f"<p>Paragraph number {n} ends here.</p>" for n in range(5000))
    a = parse_text(_page("", body))
    assert len(a.paragraphs) == 5002
    assert a.paragraphs[4999] == "Paragraph number 4999 ends here."
