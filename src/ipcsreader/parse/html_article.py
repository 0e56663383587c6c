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

from ipcsreader.archive.names import author, is_name_like, leading_names, split_authors
from ipcsreader.model import Article, Author, Block
from ipcsreader.parse import body
from ipcsreader.parse.html_runs import (
    HEADINGS,
    Link,
    Run,
    class_words,
    inside,
    is_header,
    runs,
    tag_text,
)
from ipcsreader.parse.new import author_blocks, with_teaser_honorifics
from ipcsreader.parse.stamps import LISTING_META, PUBLICATION_META, Stamp, new_stamp
from ipcsreader.text import clean_line, ends_sentence, fold

# A line of nothing but these is a row of share buttons.
_SHARE_WORDS = frozenset(
    [
        "print",
        "email",
        "e-mail",
        "mail",
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "share",
        "bookmark",
        "subscribe",
        "tweet",
        "pinterest",
        "reddit",
        "telegram",
        "google",
        "google+",
        "x",
        "this",
        "article",
        "on",
        "via",
    ]
)
_TEASER_WORDS = frozenset(["teaser", "summary", "excerpt", "standfirst", "synopsis"])
_BODY_HEADINGS = frozenset(["h2", "h3", "h4"])
_NEAR = 6  # how many runs from the stamp the title, column and teaser may sit
_STAMP_CHARS = 48
_STAMP_PARTS = 3  # a stamp split over up to three elements ("12 Mar, 2019" "·" "5571")
_COLUMN_MAX_WORDS = 10
_ROLE_MAX_WORDS = 20
_NAME_MAX_TOKENS = 8
_BYLINE_WORDS = frozenset(["and", "&"])
_BYLINE_MARKS = " ,;:|·–—-"


def parse(soup: BeautifulSoup, source: str | None = None) -> Article | None:
    """The article the page's structure shows, or None when it shows no new-site article."""
    every, every_link = runs(soup)
    found = _stamp(every)
    if found is None:
        return None
    at, stamp = found
    spared = {id(t) for t in every[at].chrome}  # chrome that holds the stamp is the article's
    shown = [
        i
        for i, r in enumerate(every)
        if all(id(t) in spared for t in r.chrome) and not _is_share_line(r.text)
    ]
    page = _Page([every[i] for i in shown], bisect_left(shown, at), stamp)
    links = [
        (x, bisect_left(shown, x.before))
        for x in every_link
        if all(id(t) in spared for t in x.chrome)
    ]
    return page.article(soup, links, source)


def _is_share_line(text: str) -> bool:
    """A line of share-button words only ("Print Email Facebook")."""
    words = [w.strip(":|,·") for w in text.casefold().split()]
    return bool(words) and all(w in _SHARE_WORDS or not w for w in words)


def _stamp(every: list[Run]) -> tuple[int, Stamp] | None:
    """The first stamp outside the chrome, else the first in a header only."""
    for allowed in (lambda r: not r.chrome, lambda r: all(map(is_header, r.chrome))):
        for i, run in enumerate(every):
            if not allowed(run):
                continue
            text = ""
            for part in every[i : i + _STAMP_PARTS]:
                text = f"{text} {part.text}".strip()
                if len(text) > _STAMP_CHARS:
                    break
                stamp = new_stamp(text)
                if stamp is not None:
                    return i, stamp
    return None


@dataclass(eq=False)
class _Person:
    name: str
    hrefs: set[str] = field(default_factory=set)
    links: list[tuple[Link, int]] = field(default_factory=list)  # (link, run index)


@dataclass
class _Page:
    """The visible runs of a page whose stamp is run ``at``."""

    rs: list[Run]
    at: int
    stamp: Stamp
    used: set[int] = field(default_factory=set)  # runs that are header, byline or teaser

    def article(
        self, soup: BeautifulSoup, links: list[tuple[Link, int]], source: str | None
    ) -> Article | None:
        rs, at = self.rs, self.at
        end = at + self._stamp_length()
        self.used.update(range(at, end + 1))
        title, t = self._title(soup)
        column = self._column(soup, t)
        head_end = max(end, t if t is not None else -1)
        people, name_runs = self._people(links, head_end)
        teaser_at = self._teaser(head_end, name_runs)
        teaser = rs[teaser_at].text if teaser_at is not None else None
        self.used.update(name_runs)
        if teaser_at is not None:
            self.used.add(teaser_at)
        authors = [self._with_role(p, teaser_at) for p in people]
        if not authors:
            authors = self._printed_byline(max(head_end, teaser_at or -1) + 1)
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

    def _stamp_length(self) -> int:
        """How many runs after the first the stamp takes (0 when it is one run)."""
        text = ""
        for n, run in enumerate(self.rs[self.at : self.at + _STAMP_PARTS]):
            text = f"{text} {run.text}".strip()
            if new_stamp(text) is not None:
                return n
        return 0

    def _title(self, soup: BeautifulSoup) -> tuple[str | None, int | None]:
        """The title and its run: ``.main_title h5``, else the heading nearest above the stamp."""
        rs, at = self.rs, self.at
        near = range(max(0, at - _NEAR), min(len(rs), at + _NEAR))
        tag = soup.select_one(".main_title h5")
        title = tag_text(tag) if tag is not None else ""
        if title:
            return title, next((i for i in near if rs[i].text == title), None)
        above = [i for i in near if i < at]
        t = next((i for i in reversed(above) if rs[i].block.name in HEADINGS), None)
        below = at + self._stamp_length() + 1
        # A title printed under its date: a heading there that outranks the one above.
        if below < len(rs) and rs[below].block.name in HEADINGS:
            rank = rs[t].block.name if t is not None else "h9"
            t = below if str(rs[below].block.name) < str(rank) else t
        if t is None and above:
            t = above[-1]
        return (rs[t].text, t) if t is not None else (None, None)

    def _column(self, soup: BeautifulSoup, t: int | None) -> str | None:
        """The column: a ``columns_select.php`` link above the title, else the line above it
        in the title's own box."""
        if t is None:
            return None
        rs = self.rs
        above = [i for i in range(max(0, t - _NEAR), t) if i not in self.used]
        named = {tag_text(a) for a in soup.select('a[href*="columns_select"]')[:50]}
        linked = next((i for i in reversed(above) if rs[i].text in named), None)
        if linked is None and above:
            box = rs[t].block.parent
            i = above[-1]
            words = rs[i].text.split()
            fits = len(words) <= _COLUMN_MAX_WORDS and not ends_sentence(rs[i].text)
            linked = i if box is not None and fits and inside(rs[i].block, box) else None
        if linked is None:
            return None
        self.used.add(linked)
        return rs[linked].text

    def _people(
        self, links: list[tuple[Link, int]], head_end: int
    ) -> tuple[list[_Person], set[int]]:
        """The people the page links to after its stamp, one per person, and their name runs."""
        rs = self.rs
        holder = {id(x): i for i, r in enumerate(rs) if i > head_end for x in r.people}
        people: list[_Person] = []
        runs_of_names: set[int] = set()
        for link, before in links:
            at = holder.get(id(link))
            if link.text and at is None:
                continue  # its text is in the header or the chrome
            if at is not None and _byline(rs[at]) is None:
                continue  # a link inside a sentence names someone, not the author
            if at is None and before <= head_end:
                continue
            names = _link_names(link)
            where = at if at is not None else before - 1
            person = _find(people, link.href, names)
            # A photo link alone makes an author only next to the header or another byline.
            near = at is not None or before <= max([head_end, *runs_of_names]) + 2
            if person is None and names and near:
                people += [_Person(n) for n in names]
                person = people[-1]
            if person is not None:
                person.hrefs.add(_key(link.href))
                person.links.append((link, where))
                if at is not None:
                    runs_of_names.add(at)
        # The name printed again as plain text under the link ("Name" / "Name" / "Role").
        known = {fold(author(p.name).name) for p in people}
        for p in people:
            last = max(w for _, w in p.links)
            for i in range(last + 1, min(len(rs), last + 3)):
                if fold(author(rs[i].text).name) in known:
                    runs_of_names.add(i)
        return people, runs_of_names

    def _teaser(self, head_end: int, name_runs: set[int]) -> int | None:
        """The teaser's run: one marked as a teaser, else the first after the header."""
        rs = self.rs
        near = range(max(0, self.at - _NEAR), min(len(rs), head_end + 3))
        for i in near:
            if i not in self.used and i not in name_runs and _marked_teaser(rs[i].block):
                return i
        i = head_end + 1
        if i >= len(rs) or i in name_runs:
            return None
        if i + 1 < len(rs) and rs[i + 1].text == rs[i].text:
            return None  # the start of a printed "Name" / "Name" / "Role" block
        return i

    def _with_role(self, person: _Person, teaser_at: int | None) -> Author:
        """The person, with the role printed after their last link in the same block."""
        rs = self.rs
        link, where = person.links[-1]
        name = author(person.name)
        inline = _byline(rs[where]) if link.text else None
        if inline and link is rs[where].people[-1]:  # "Name, Role" on one line
            return Author(name.name, inline, name.honorific)
        j = where + 1
        while j < len(rs) and j in self.used and fold(author(rs[j].text).name) == fold(name.name):
            j += 1
        if j >= len(rs) or j in self.used or j == teaser_at:
            return name
        role = rs[j]
        fits = (
            len(role.text.split()) <= _ROLE_MAX_WORDS
            and not ends_sentence(role.text)
            and role.block.name not in _BODY_HEADINGS
            and inside(role.block, self._author_box(link.tag))
        )
        if not fits:
            return name
        self.used.add(j)
        return Author(name.name, role.text, name.honorific)

    def _author_box(self, tag: Tag) -> Tag:
        """The largest element around ``tag`` that does not also hold the stamp."""
        stamp_side: set[int] = set()
        node: Tag | None = self.rs[self.at].block
        while node is not None:
            stamp_side.add(id(node))
            node = node.parent
        box = tag
        while box.parent is not None and id(box.parent) not in stamp_side:
            box = box.parent
        return box

    def _printed_byline(self, start: int) -> list[Author]:
        """Without person links: a printed "Name" / "Name" / "Role" block at ``start``."""
        lines = [r.text for r in self.rs[start:]]
        found, taken = author_blocks(lines, 0)
        self.used.update(range(start, start + taken))
        return found

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


def _key(href: str) -> str:
    return href.strip().casefold()


def _link_names(link: Link) -> list[str]:
    """The names a person link prints: its text, else its photo's alt text."""
    if link.text:
        names = split_authors(link.text)
        if all(is_name_like(n, max_tokens=_NAME_MAX_TOKENS) for n in names):
            return names
    img = link.tag.find("img", alt=True)
    alt = clean_line(str(img.get("alt") or "")) if isinstance(img, Tag) else ""
    return [alt] if alt and is_name_like(alt, max_tokens=_NAME_MAX_TOKENS) else []


def _find(people: list[_Person], href: str, names: list[str]) -> _Person | None:
    """The person already met with this address or (one of) these names."""
    folded = {fold(author(n).name) for n in names}
    for person in people:
        if _key(href) in person.hrefs or fold(author(person.name).name) in folded:
            return person
    return None


def _byline(run: Run) -> str | None:
    """What a run of person links prints after the names: "" for names only ("By A and B"),
    a role ("A, Senior Fellow"); None when the run is a sentence that mentions people."""
    rest = run.text
    first, _, after = rest.partition(" ")
    if first.casefold().rstrip(":") == "by":
        rest = after
    for link in run.people:
        if not rest.startswith(link.text):
            return None
        rest = rest[len(link.text) :].lstrip(_BYLINE_MARKS)
        word, _, after = rest.partition(" ")
        if word.casefold() in _BYLINE_WORDS:
            rest = after
    if rest and (len(rest.split()) > _ROLE_MAX_WORDS or ends_sentence(rest)):
        return None
    return rest


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
