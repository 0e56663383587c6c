"""Pages saved as HTML go through the same parsers as text."""

import datetime as dt
from pathlib import Path

from ipcsreader.model import Author, Block
from ipcsreader.parse import parse_file, parse_text

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
