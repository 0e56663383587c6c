"""A known article wrapped in random nesting and chrome still reads field for field.

Hypothesis lays out one article many ways: the column in the title box, above it, as a
link beside or under it or in a breadcrumb; the stamp with a dot, a bar, none, a label or
over three elements; the authors before or after the body (or before an italic teaser),
with or without photo links; each part in zero to three
wrappers; comments, scripts, styles, share bars, navigation and sidebars (whose lists
carry stamps of other articles) between any two parts.
"""

from __future__ import annotations

import datetime as dt
import html

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ipcsreader.model import Article, Author, Block
from ipcsreader.parse import parse_text

NUMBER, DATE = 5333, dt.date(2018, 1, 2)
COLUMN = "Red Affairs"
TITLE = "Maoists After Demonetisation: Counting the Cost"
TEASER = "Two researchers weigh what the note ban did to the insurgents’ money"
AUTHORS = (
    Author("Bibhu Prasad Routray", "Visiting Fellow"),
    Author("Rajeshwari Krishnamurthy", "Research Officer"),
)
PARAGRAPHS = (
    "The withdrawal of high-value notes in November 2016 hit cash hoards in the forests.",
    "Surrenders rose for a season, and then fell back to their old level.",
    "The cost, in the end, was borne by the contractors who paid the levies.",
)
_COLUMN_LINK = f'<a href="columns_select.php?column_name=Red%20Affairs">{COLUMN}</a>'
_STAMPS = {
    "dot": "<p class='date'>02 Jan, 2018 &middot; 5333</p>",
    "bar": "<p class='date'>02 Jan, 2018 | 5333</p>",
    "split": "<div><span>02 Jan, 2018</span></div><div>&middot;</div><div>5333</div>",
    "spans": "<p><span>02 Jan, 2018</span> <span>|</span> <span>5333</span></p>",
    "bare": "<div class='date'><span>02 Jan, 2018</span> <span>5333</span></div>",
    "labelled": "<p class='meta'>Published: 02 Jan, 2018 | #5333</p>",
}
_CHROME = [
    "<!-- a comment: 01 Jan, 2018 · 1111 -->",
    "<script>var stamp = '03 Jan, 2018 · 2222'; var t = '<p>x</p>';</script>",
    "<style>p { color: red }</style>",
    "<div class='share-bar'><a href='#'>Print</a> <a href='#'>Email</a> "
    "<a href='#'>Tweet</a></div>",
    "<nav><ul><li><a href='index.php'>Home</a></li><li>"
    + _COLUMN_LINK.replace(COLUMN, "Dragon Watch")
    + "</li></ul></nav>",
    "<aside class='sidebar'><h4>Latest</h4><ul><li><a href='comm_select.php?articleNo=5300'>"
    "Another Piece Entirely</a><br>Jane Roe · 01 Dec, 2017 · 5300</li></ul></aside>",
    "<div class='widget'><p>Subscribe to our newsletter for weekly updates.</p></div>",
    "<noscript><p>Please enable JavaScript.</p></noscript>",
    "<div class='related-posts'><h4>Related</h4><p>North Korea Again</p>"
    "<p>John Doe · 04 Jan, 2018 · 5334</p></div>",
]
_WRAPPERS = ["div", "section", "div class='box'", "div class='row'", "div class='col-md-8'"]


def _author(i: int, photo: bool) -> str:
    a = AUTHORS[i]
    pic = (
        f"<a href='people_select.php?authorID={i + 7}'><img src='p.jpg' alt='{a.name}'></a>"
        if photo
        else ""
    )
    link = f"<a href='people_select.php?authorID={i + 7}'>{a.name}</a>"
    return f"<div class='author_block'>{pic}<h6>{link}</h6><p>{a.affiliation}</p></div>"


def _wrap(part: str, wrappers: list[str]) -> str:
    for w in wrappers:
        part = f"<{w}>{part}</{w.split()[0]}>"
    return part


@st.composite
def pages(draw: st.DrawFn) -> str:
    column = draw(st.sampled_from(["in-box", "above", "beside", "breadcrumb", "below"]))
    stamp = _STAMPS[draw(st.sampled_from(sorted(_STAMPS)))]
    photo = draw(st.booleans())
    order = draw(st.sampled_from(["authors first", "authors last", "teaser after authors"]))
    title = f"<h5>{html.escape(TITLE)}</h5>"
    head = {
        "in-box": f"<div class='main_title'><p class='column_name'>{_COLUMN_LINK}</p>"
        f"{title}{stamp}</div>",
        "above": f"<div class='label'>{COLUMN}</div><div class='main_title'>{title}</div>{stamp}",
        "beside": f"<div class='main_title'>{title}</div><span>{_COLUMN_LINK}</span>{stamp}",
        "breadcrumb": f"<ol class='breadcrumb'><li><a href='index.php'>Home</a></li>"
        f"<li>{_COLUMN_LINK}</li></ol><div class='main_title'>{title}</div>{stamp}",
        "below": f"<div class='main_title'>{title}{stamp}<p>Filed under {_COLUMN_LINK}</p></div>",
    }[column]
    teaser = f"<p class='teaser'><i>{html.escape(TEASER)}</i></p>"
    authors = "".join(_author(i, photo) for i in range(len(AUTHORS)))
    body = "<div class='detail_content'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
    parts = {
        "authors first": [head, teaser, authors, body],
        "authors last": [head, teaser, body, authors],
        "teaser after authors": [head, authors, f"<p><em>{html.escape(TEASER)}</em></p>", body],
    }[order]
    wrapped = [_wrap(p, draw(st.lists(st.sampled_from(_WRAPPERS), max_size=3))) for p in parts]
    out: list[str] = []
    for part in wrapped:
        out += draw(st.lists(st.sampled_from(_CHROME), max_size=2))
        out.append(part)
    out += draw(st.lists(st.sampled_from(_CHROME), max_size=2))
    outer = draw(st.lists(st.sampled_from(_WRAPPERS), max_size=3))
    page = _wrap("".join(out), outer)
    return f"<!DOCTYPE html><html><head><title>IPCS</title></head><body>{page}</body></html>"


_PLAIN = (
    "<!DOCTYPE html><html><head><title>IPCS</title></head><body><div class='main_title'>"
    f"<p class='column_name'>{_COLUMN_LINK}</p><h5>{TITLE}</h5>{_STAMPS['dot']}</div>"
    f"<p class='teaser'><i>{TEASER}</i></p>{_author(0, True)}{_author(1, True)}"
    "<div class='detail_content'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
    "</body></html>"
)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(pages())
@example(_PLAIN)
def test_every_field_survives_any_wrapping(page: str) -> None:
    article = parse_text(page)
    assert isinstance(article, Article)
    assert (article.number, article.date) == (NUMBER, DATE)
    assert article.column == COLUMN
    assert article.title == TITLE
    assert article.teaser == TEASER
    assert article.authors == AUTHORS
    assert article.blocks == tuple(Block(p) for p in PARAGRAPHS)
