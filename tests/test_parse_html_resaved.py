"""Every HTML page of our own reads alike when its markup is written another way.

The live site's HTML will not match our fixtures: its classes, tags and wrappers change
while an article's fields stay. Each page in fixtures/pages and fixtures/shapes is
rewritten as a site or a browser might (classes or ids gone, ``<b>`` as ``<strong>``,
paragraphs as ``<div>``, more wrappers, navigation, scripts, a footer, upper-case tags,
other line ends), and must give the same number, date, column, title, authors and opening
paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from ipcsreader.model import Article
from ipcsreader.parse import parse_bytes

FIXTURES = Path(__file__).parent / "fixtures"
HTML_PAGES = sorted([*FIXTURES.glob("pages/*.html"), *FIXTURES.glob("shapes/*.html")])

_BLOCK_OPENING = re.compile(r"<(?:p|div|h[1-6]|td|li)\b")


def _under_a_trail_to_itself(html: str) -> str:
    """The page with a breadcrumb trail (no class, no links) right above the block of its
    first field (column, title or old stamp), the trail's last crumb being its title."""
    number, _, column, title, *_ = _fields(html.encode())
    body = html.find("<body>")
    found = [html.find(f">{x}<", body) for x in (column, title) if x is not None]
    if title is None or min(found, default=-1) < 0:
        return html
    # An old page's stamp ("#3950, 3 September 2012") comes first.
    at = min(found + [i for i in [html.find(f">#{number},", body)] if i >= 0])
    opening = [m.start() for m in _BLOCK_OPENING.finditer(html, 0, at)][-1]
    return f"{html[:opening]}<div>Home » Commentaries » {title}</div>{html[opening:]}"


REWRITES: dict[str, Callable[[str], str]] = {
    "b as strong": lambda h: h.replace("<b>", "<strong>").replace("</b>", "</strong>"),
    "no classes": lambda h: re.sub(r"\sclass=(\"[^\"]*\"|'[^']*')", "", h),
    "no ids": lambda h: re.sub(r"\sid=(\"[^\"]*\"|'[^']*')", "", h),
    "p as div": lambda h: re.sub(r"<(/?)p\b", r"<\1div", h),
    "more wrappers": lambda h: h.replace("<body>", "<body><div><div class='wrap'>").replace(
        "</body>", "</div></div></body>"
    ),
    "navigation first": lambda h: h.replace(
        "<body>", "<body><nav><a href='/'>Home</a> <a href='#'>Menu</a></nav>"
    ),
    "a header saying Menu": lambda h: h.replace(
        "<body>", "<body><header><span>Menu</span></header>"
    ),
    "upper-case tags": lambda h: re.sub(
        r"<(/?)([a-z][a-z0-9]*)", lambda m: f"<{m[1]}{m[2].upper()}", h
    ),
    "CRLF": lambda h: h.replace("\n", "\r\n"),
    "one line": lambda h: h.replace("\n", " "),
    "scripts and styles": lambda h: h.replace(
        "<body>", "<body><script>var x = '<p>Not text</p>';</script><style>p {}</style>"
    ),
    "a footer": lambda h: h.replace(
        "</body>", "<footer><p>© 2024 IPCS. All rights reserved.</p></footer></body>"
    ),
    "a breadcrumb trail ending on the title": _under_a_trail_to_itself,
    "a comment": lambda h: h.replace("<body>", "<body><!-- <p>an old paragraph</p> -->"),
}


def _fields(data: bytes) -> tuple:
    page = parse_bytes(data, source="page.html")
    assert isinstance(page, Article)
    authors = tuple((a.name, a.honorific) for a in page.authors)
    return (page.number, page.date, page.column, page.title, authors, page.paragraphs[:2])


def test_every_html_page_is_here() -> None:
    assert len(HTML_PAGES) >= 20 and all("<body>" in p.read_text("utf-8") for p in HTML_PAGES)


# Each page with each rewrite that changes it.
CASES = [
    pytest.param(page, how, id=f"{page.name}-{how}")
    for page in HTML_PAGES
    for how, rewrite in sorted(REWRITES.items())
    if rewrite(text := page.read_text(encoding="utf-8")) != text
]


@pytest.mark.parametrize(("page", "how"), CASES)
def test_an_html_page_reads_alike_written_another_way(page: Path, how: str) -> None:
    html = page.read_text(encoding="utf-8")
    assert _fields(REWRITES[how](html).encode()) == _fields(html.encode())
