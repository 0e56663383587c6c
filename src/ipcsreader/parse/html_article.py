"""A new-site article read from its HTML structure, not from its lines.

The live page (``comm_select.php``) holds the column, the title (``.main_title h5``), the
``DD Mon, YYYY · N`` stamp, the teaser, an author block (``people_select.php`` links, the
name, a role) and the body as paragraphs. Markup varies between saves and stand-ins, so
each field is found from what the elements are and where they sit, never from one exact
layout; chrome (navigation, share buttons, sidebars, related lists) is left out. A page
without a stamp outside the chrome gives None, and the caller reads its lines instead.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from ipcsreader.model import Article, Block
from ipcsreader.names import leading_names
from ipcsreader.parse import body
from ipcsreader.parse.chrome import is_share_buttons
from ipcsreader.parse.html_header import NEAR, find_column, find_stamp, find_title, stamp_length
from ipcsreader.parse.html_people import Bylines, Person
from ipcsreader.parse.html_runs import Link, Run, class_words, inside, runs
from ipcsreader.parse.new import with_teaser_honorifics
from ipcsreader.parse.stamps import LISTING_META, PUBLICATION_META, Stamp, new_stamp
from ipcsreader.text import ends_sentence

_TEASER_WORDS = frozenset(["teaser", "summary", "excerpt", "standfirst", "synopsis", "lead"])
_BODY_HEADINGS = frozenset(["h2", "h3", "h4"])


def parse(soup: BeautifulSoup, source: str | None = None) -> Article | None:
    """The article the page's structure shows, or None when it shows no new-site article."""
    every, every_link = runs(soup)
    found = find_stamp(every)
    if found is None:
        return None
    at, stamp = found
    spared = {id(t) for t in every[at].chrome}  # chrome that holds the stamp is the article's
    shown = [
        i
        for i, r in enumerate(every)
        if all(id(t) in spared for t in r.chrome) and not is_share_buttons(r.text)
    ]
    page = _Page([every[i] for i in shown], bisect_left(shown, at), stamp)
    links = [
        (x, bisect_left(shown, x.before))
        for x in every_link
        if all(id(t) in spared for t in x.chrome)
    ]
    return page.article(soup, links, source)


@dataclass
class _Page(Bylines):
    """The visible runs of a page whose stamp is run ``at``."""

    rs: list[Run]
    at: int
    stamp: Stamp
    used: set[int] = field(default_factory=set)  # runs that are header, byline or teaser

    def article(
        self, soup: BeautifulSoup, links: list[tuple[Link, int]], source: str | None
    ) -> Article | None:
        rs, at = self.rs, self.at
        end = at + stamp_length(rs, at)
        self.used.update(range(at, end + 1))
        title, t = find_title(soup, rs, at)
        column, c = find_column(soup, rs, t, at, self.used)
        self.used.update(x for x in (t, c) if x is not None)
        head_end = max(end, t if t is not None else -1, c if c is not None else -1)
        people, name_runs = self.people(links, head_end)
        teaser_at = self._teaser(head_end, name_runs, people)
        teaser = rs[teaser_at].text if teaser_at is not None else None
        self.used.update(name_runs)
        if teaser_at is not None:
            self.used.add(teaser_at)
        authors = [self.with_role(p, teaser_at) for p in people]
        if not authors:
            authors = self.printed_byline(max(head_end, teaser_at or -1) + 1)
        if authors:
            authors = with_teaser_honorifics(authors, teaser)
        else:
            authors = leading_names(teaser or "")
        blocks = self._body(head_end)
        if not blocks:
            return None
        return Article(
            layout="new",
            number=self.stamp.number,
            source=source,
            format="html",
            date=self.stamp.date,
            column=column,
            title=title,
            authors=tuple(authors),
            teaser=teaser,
            blocks=blocks,
            truncated=body.cut_short(blocks),
        )

    def _teaser(self, head_end: int, name_runs: set[int], people: list[Person]) -> int | None:
        """The teaser's run: one marked as a teaser, else the first after the header, else
        (an author block first) the first after that block when set in italics."""
        rs = self.rs
        near = range(max(0, self.at - NEAR), min(len(rs), head_end + 3))
        for i in near:
            if i not in self.used and i not in name_runs and _marked_teaser(rs[i].block):
                return i
        i = head_end + 1
        if i in name_runs:
            return self._teaser_after_authors(i, name_runs, people)
        if i >= len(rs):
            return None
        if i + 1 < len(rs) and rs[i + 1].text == rs[i].text:
            return None  # the start of a printed "Name" / "Name" / "Role" block
        return i

    def _teaser_after_authors(
        self, start: int, name_runs: set[int], people: list[Person]
    ) -> int | None:
        """The first run after the author block at ``start``, if it is set as a teaser."""
        boxes = [self._author_box(link.tag) for p in people for link, _ in p.links]
        for i in range(start, min(len(self.rs), start + 2 * NEAR)):
            run = self.rs[i]
            if i in name_runs or any(inside(run.block, box) for box in boxes):
                continue
            return i if run.italic or _marked_teaser(run.block) else None
        return None

    def _body(self, head_end: int) -> tuple[Block, ...]:
        rs = self.rs
        items = [i for i in range(head_end + 1, len(rs)) if i not in self.used]
        items = _before_listings(rs, items)
        paragraphs = [i for i in items if rs[i].block.name == "p" and not rs[i].linked]
        if 2 * _words(rs, paragraphs) >= _words(rs, items):  # a page of paragraphs
            boxes = {id(rs[i].block.parent) for i in paragraphs}
            items = [i for i in items if _in_content(rs[i], boxes)]
        items = [i for i in items if not rs[i].linked]
        items = _without_tail(rs, items)
        lines: list[str] = []
        for n, i in enumerate(items):
            if n and not _attached(rs, items[n - 1], i):
                lines.append("")
            lines.append(rs[i].text)
        headings = frozenset(rs[i].text for i in items if rs[i].heading)
        return body.blocks(lines, headings)


def _words(rs: list[Run], items: list[int]) -> int:
    return sum(len(rs[i].text.split()) for i in items)


def _marked_teaser(tag: Tag) -> bool:
    node: Tag | None = tag
    for _ in range(3):
        if node is None or node.name in ("body", "html"):
            return False
        if _TEASER_WORDS.intersection(class_words(node)):
            return True
        node = node.parent
    return False


def _before_listings(rs: list[Run], items: list[int]) -> list[int]:
    """The body ends where a list of other articles starts (lines carrying their stamps)."""
    for n, i in enumerate(items):
        text = rs[i].text
        if new_stamp(text) or LISTING_META.match(text) or PUBLICATION_META.match(text):
            kept = items[:n]
            # The list's heading and the title above the first stamp go with it.
            while kept and not ends_sentence(rs[kept[-1]].text):
                kept.pop()
            return kept
    return items


def _in_content(run: Run, boxes: set[int]) -> bool:
    """On a page of paragraphs, whether ``run`` is one of them or sits among them."""
    block = run.block
    parent = block.parent
    if block.name == "p" or id(block) in boxes:
        return True
    if parent is None:
        return False
    if block.name in _BODY_HEADINGS or block.name in ("blockquote", "pre"):
        return id(parent) in boxes
    if block.name == "li":
        return parent.parent is not None and id(parent.parent) in boxes
    return False


def _without_tail(rs: list[Run], items: list[int]) -> list[int]:
    """Drop what trails the body: headings with nothing under them, and short lines outside
    the body's own box (a "Related" left after the chrome)."""
    items = list(items)
    sentences = [i for i in items if ends_sentence(rs[i].text)]
    box = rs[sentences[-1]].block.parent if sentences else None
    while items:
        last = rs[items[-1]]
        if ends_sentence(last.text):
            break
        outside = box is not None and not inside(last.block, box)
        if not (last.heading or outside):
            break
        items.pop()
    return items


def _attached(rs: list[Run], a: int, b: int) -> bool:
    """Whether run ``b`` goes on the line under ``a`` (a ``<br>``, or one quotation)."""
    if b != a + 1:
        return False
    first, second = rs[a], rs[b]
    return first.block is second.block or (first.quote is not None and first.quote is second.quote)
