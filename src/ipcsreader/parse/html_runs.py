"""The visible text of an HTML page as runs that remember where they sit.

A run is the text between two block boundaries (or ``<br>``), as a browser shows it on
one line, with the block element holding it, whether the markup sets it as a heading,
whether it is all link text, and the page chrome (navigation, share buttons, sidebars …)
around it. Links to a person's page (``people_select.php``) are collected on the way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, cast

from bs4 import NavigableString, Tag

from ipcsreader.text import clean_line, repair_mojibake

# Elements that a browser sets on lines of their own.
LINE_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
# ... and with paragraphs, cells and the chrome containers: every run ends at one of these.
BLOCKS = LINE_BLOCKS | {"p", "td", "th", "footer", "form", "menu"}
HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_BOLD = frozenset(["b", "strong"])
_ITALIC = frozenset(["i", "em"])
# Site chrome by element: kept out of an article, wherever it sits.
_CHROME_TAGS = frozenset(["nav", "aside", "footer", "form", "menu"])
# Site chrome by the words of its class or id ("col-md-4 sidebar", "shareButtons").
_CHROME_WORDS = frozenset(
    ["comment", "comments", "menu", "menus", "nav", "navbar", "navigation", "footer", "copyright"]
)
_CHROME_PREFIXES = ("sidebar", "share", "sharing", "social", "related", "breadcrumb", "widget")
# Chrome that may still hold the article's own header (its title and stamp).
_HEADER_WORDS = frozenset(["header", "masthead", "topbar"])
_ARTICLE_TAGS = frozenset(["article", "main"])
_OWN_WORDS = frozenset(["header", "footer"])  # inside an article: its own header and footer
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_SPACE = re.compile(r"\s+")
PEOPLE = "people_select.php"


def class_words(tag: Tag) -> list[str]:
    """The words of a tag's class and id ("col-md-4 sidebar" → col, md, 4, sidebar)."""
    classes: Any = tag.get("class") or []
    names = [*(classes if isinstance(classes, list) else [classes]), tag.get("id") or ""]
    words: list[str] = []
    for name in names:
        words += [w for w in _NOT_WORD.split(_CAMEL.sub(" ", str(name)).lower()) if w]
    return words


def _is_chrome(tag: Tag) -> bool:
    if tag.name in ("body", "html") or tag.name in _ARTICLE_TAGS:
        return False
    # A site's header and footer are chrome; an article's own (inside <article>/<main>, or
    # a header holding the title block) are not: they hold its title, stamp or authors.
    # (Whether a tag is inside an article is asked last: it walks up the whole tree.)
    if tag.name == "footer":
        return not _in_article(tag)
    if tag.name in _CHROME_TAGS:
        return True
    if tag.name == "header":
        return tag.select_one(".main_title") is None and not _in_article(tag)
    words = {
        w
        for w in class_words(tag)
        if w in _CHROME_WORDS or w in _HEADER_WORDS or w.startswith(_CHROME_PREFIXES)
    }
    return bool(words) and not (words <= _OWN_WORDS and _in_article(tag))


def _in_article(tag: Tag) -> bool:
    return tag.find_parent(_ARTICLE_TAGS) is not None


def is_header(tag: Tag) -> bool:
    """Chrome that is a header: the site's, or one holding the article's title and stamp."""
    return tag.name == "header" or bool(_HEADER_WORDS.intersection(class_words(tag)))


@dataclass(eq=False)  # compared by identity: one link is one element
class Link:
    """A link to a person's page: its element, address and printed text."""

    tag: Tag
    href: str
    text: str = ""
    # How many runs come before the link: for a link with no text (a photo), where it is.
    before: int = 0
    chrome: tuple[Tag, ...] = ()
    named: bool = False  # its first line of text is taken (the name; a role may follow)


@dataclass(eq=False)
class Run:
    """One line of visible text and where it sits."""

    text: str
    block: Tag
    bold: bool
    linked: bool
    chrome: tuple[Tag, ...] = ()
    quote: Tag | None = None  # the <blockquote> it is in
    italic: bool = False  # all of it in <i> or <em> (a teaser, as the site sets it)
    people: list[Link] = field(default_factory=list)  # person links whose text it holds

    @property
    def heading(self) -> bool:
        """Set as a heading: an h1–h6, or a paragraph (or text block) all in bold."""
        if self.block.name in HEADINGS:
            return True
        return self.bold and self.block.name in ("p", "div") and len(self.text.split()) <= 20


class _Walk:
    """State of one walk over the tree (kept off the call stack: pages nest deep)."""

    def __init__(self) -> None:
        self.runs: list[Run] = []
        self.links: list[Link] = []
        self.parts: list[str] = []
        self.chars = self.bold_chars = self.link_chars = self.italic_chars = 0
        self.blocks: list[Tag] = []
        self.chrome: list[Tag] = []
        self.quotes: list[Tag] = []
        self.bold = self.italic = self.anchors = 0
        self.open_people: list[Link] = []
        self.run_people: list[Link] = []

    def text(self, node: NavigableString) -> None:
        raw = str(node)
        for link in self.open_people:
            link.text += "" if link.named else raw
        if not raw.strip():
            self.parts.append(" ")
            return
        self.parts.append(raw)
        count = len(raw) - sum(map(str.isspace, raw))
        self.chars += count
        self.bold_chars += count if self.bold else 0
        self.italic_chars += count if self.italic else 0
        self.link_chars += count if self.anchors else 0
        self.run_people += [x for x in self.open_people if not x.named and x not in self.run_people]

    def flush(self) -> None:
        text = clean_line(repair_mojibake(_SPACE.sub(" ", "".join(self.parts))))
        if text and self.blocks:
            self.runs.append(
                Run(
                    text,
                    self.blocks[-1],
                    bold=self.bold_chars >= self.chars > 0,
                    italic=self.italic_chars >= self.chars > 0,
                    linked=self.link_chars >= self.chars > 0,
                    chrome=tuple(self.chrome),
                    quote=self.quotes[-1] if self.quotes else None,
                    people=self.run_people,
                )
            )
        for link in self.run_people:
            link.named = True
        self.parts, self.run_people = [], []
        self.chars = self.bold_chars = self.link_chars = self.italic_chars = 0

    def enter(self, tag: Tag) -> None:
        name = tag.name
        if name in BLOCKS:
            self.flush()
            self.blocks.append(tag)
        if _is_chrome(tag):
            self.chrome.append(tag)
        if name == "blockquote":
            self.quotes.append(tag)
        if name in _BOLD:
            self.bold += 1
        if name in _ITALIC:
            self.italic += 1
        if name == "a" and tag.get("href"):
            self.anchors += 1
            href = str(tag.get("href"))
            if PEOPLE in href:
                link = Link(tag, href, before=len(self.runs), chrome=tuple(self.chrome))
                self.links.append(link)
                self.open_people.append(link)

    def leave(self, tag: Tag) -> None:
        name = tag.name
        if name == "a" and tag.get("href"):
            self.anchors -= 1
            for link in [x for x in self.open_people if x.tag is tag]:
                self.open_people.remove(link)
                link.text = clean_line(repair_mojibake(_SPACE.sub(" ", link.text)))
        if name in _BOLD:
            self.bold -= 1
        if name in _ITALIC:
            self.italic -= 1
        # The block's last run is flushed while its chrome and quotation still hold.
        if self.blocks and self.blocks[-1] is tag:
            self.flush()
            self.blocks.pop()
        if self.quotes and self.quotes[-1] is tag:
            self.quotes.pop()
        if self.chrome and self.chrome[-1] is tag:
            self.chrome.pop()


def runs(root: Tag) -> tuple[list[Run], list[Link]]:
    """The runs of visible text under ``root`` in document order, and the person links."""
    walk = _Walk()
    walk.blocks.append(root)
    stack: list[tuple[Tag | NavigableString, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, NavigableString):
            walk.text(node)
        elif leaving:
            walk.leave(node)
        elif node.name == "br":
            walk.flush()
        else:
            walk.enter(node)
            stack.append((node, True))
            # A tag's children are tags and strings (bs4 types them as their base class).
            stack.extend((cast(Tag | NavigableString, c), False) for c in reversed(node.contents))
    walk.flush()
    return walk.runs, walk.links


def tag_text(tag: Tag) -> str:
    """All the text under ``tag`` on one clean line."""
    return clean_line(repair_mojibake(_SPACE.sub(" ", tag.get_text())))


def inside(tag: Tag, ancestor: Tag) -> bool:
    """Whether ``tag`` is ``ancestor`` or lies within it."""
    node: Tag | None = tag
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False
