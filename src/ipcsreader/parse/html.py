"""A page saved as HTML → the lines a browser shows, for the same text parsers.

Block elements become line breaks the way a browser's ``innerText`` makes them:
a paragraph stands between blank lines, other blocks on lines of their own, ``<br>``
breaks a line. Scripts, styles, forms, navigation chrome and the footer are dropped.
Where the markup says more than the text (the title's element, sub-headings set as
headings or bold paragraphs, author links), that is passed along.

:func:`runs` gives the same text as runs that keep their element, for
:mod:`ipcsreader.parse.html_article`, which reads an article from the page's structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction
from bs4.exceptions import ParserRejectedMarkup

from ipcsreader.errors import PageError
from ipcsreader.parse.decode import normalise
from ipcsreader.parse.html_runs import LINE_BLOCKS as _BLOCKS
from ipcsreader.parse.html_runs import tag_text
from ipcsreader.text import clean_line

_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "iframe",
    "svg",
    "form",
    "button",
    "select",
    "textarea",
    "footer",
    "object",
    "embed",
    "canvas",
)
_PARAGRAPHS = ("p",)
_CELLS = ("td", "th")
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
_BOLD = ("strong", "b")

# Break markers put into the tree, resolved after the text is taken out.
_LINE, _PARA, _BR = "\x01", "\x02", "\x03"
_MARKERS = re.compile(f"([{_LINE}{_PARA}{_BR}])")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Converted:
    lines: list[str]
    headings: frozenset[str]
    title: str | None
    people: tuple[str, ...]
    # The cleaned tree, for reading the article from its structure.
    soup: BeautifulSoup | None = field(default=None, compare=False, repr=False)


def _headings(soup: BeautifulSoup) -> frozenset[str]:
    """Lines the markup sets as sub-headings: h2–h6, or a paragraph that is all bold."""
    found = {tag_text(h) for h in soup.find_all(_HEADING_TAGS)}
    for p in soup.find_all("p"):
        bold = clean_line(" ".join(tag_text(b) for b in p.find_all(_BOLD)))
        if bold and bold == tag_text(p):
            found.add(bold)
    return frozenset(x for x in found if x)


def _people(soup: BeautifulSoup) -> tuple[str, ...]:
    names: list[str] = []
    for link in soup.find_all("a", href=True):
        if "people_select" in str(link["href"]):
            name = tag_text(link)
            if name and name not in names:
                names.append(name)
    return tuple(names)


def _resolve(text: str) -> str:
    """Text with break markers turned into newlines (the most breaks asked for wins)."""
    out: list[str] = []
    pending = 0
    for token in _MARKERS.split(text):
        if token == _LINE:
            pending = max(pending, 1)
        elif token == _PARA:
            pending = max(pending, 2)
        elif token == _BR:
            out.append("\n" * max(pending, 1) if out else "")
            pending = 0
            out.append("\u200b")  # holds the line open so that <br><br> leaves a blank line
        elif token.strip():
            if out:
                out.append("\n" * pending)
            out.append(token)
            pending = 0
    return "".join(out)


def make_soup(markup: str | bytes) -> BeautifulSoup:
    """The page's tree; markup the parser gives up on is a :class:`PageError`."""
    try:
        return BeautifulSoup(markup, "html.parser")
    except ParserRejectedMarkup as error:
        detail = str(error).strip().splitlines()[-1].strip()
        raise PageError(f"HTML the parser cannot read ({detail})") from None


def to_lines(markup: str) -> Converted:
    """The visible lines of an HTML page, with what its structure tells."""
    soup = make_soup(markup)
    for node in soup.find_all(string=True):
        if isinstance(node, Comment | Declaration | Doctype | ProcessingInstruction):
            node.extract()
    for tag in soup.find_all(_DROP):
        # An article's own footer (inside <article>/<main>) may hold its authors.
        if tag.name != "footer" or tag.find_parent(("article", "main")) is None:
            tag.decompose()
    for tag in soup.select("#comments"):
        tag.decompose()
    # On the live site the article ends where a `.content_section` (related items) starts;
    # one that holds the title is the article's own wrapper and stays.
    for tag in soup.select(".content_section"):
        if tag.select_one(".main_title") is None:
            tag.decompose()
    title_tag = soup.select_one(".main_title h5")
    title = tag_text(title_tag) if title_tag else None
    headings = _headings(soup)
    people = _people(soup)
    lines = normalise(_resolve(_marked_text(soup)))
    return Converted(lines, headings, title or None, people, soup)


def _marked_text(root: Tag) -> str:
    """The text under ``root`` with break markers where paragraphs, blocks and ``<br>`` fall.

    One walk over the tree, without recursion: putting markers into the tree instead costs
    a search of the parent's children per marker, which a page of thousands of sibling
    elements turns into minutes.
    """
    out: list[str] = []
    stack: list[Tag | str] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, NavigableString):
            keep = node.parent is not None and node.parent.name == "pre"
            out.append(str(node) if keep else _SPACE.sub(" ", str(node)))
        elif isinstance(node, str):  # a marker put on the stack below
            out.append(node)
        elif node.name == "br":
            out.append(_BR)
        else:
            name = node.name
            mark = _PARA if name in _PARAGRAPHS else _LINE if name in _BLOCKS else ""
            after = mark or (" " if name in _CELLS else "")
            out.append(mark)
            stack.append(after)
            stack.extend(cast(list[Tag | str], node.contents)[::-1])
    return "".join(out)
