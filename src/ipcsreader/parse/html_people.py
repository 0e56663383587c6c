"""The authors of an article page read from its structure.

Authors are the people the page links to (``people_select.php``) outside the chrome, in a
byline ("By A and B", "A, Senior Fellow") or an author block (a photo link, the name, a
role under it), before or after the body; without links, a printed "Name" / "Name" /
"Role" block. :class:`Bylines` is mixed into the page reader, whose runs it reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import Tag

from ipcsreader.model import Author
from ipcsreader.names import author, is_name_like, split_authors
from ipcsreader.parse.html_runs import Link, Run, inside
from ipcsreader.parse.new import author_blocks
from ipcsreader.text import clean_line, ends_sentence, fold

_ROLE_MAX_WORDS = 20
_NAME_MAX_TOKENS = 8
_BYLINE_WORDS = frozenset(["and", "&"])
_BYLINE_MARKS = " ,;:|·–—-"
_BODY_HEADINGS = frozenset(["h2", "h3", "h4"])


@dataclass(eq=False)
class Person:
    name: str
    hrefs: set[str] = field(default_factory=set)
    links: list[tuple[Link, int]] = field(default_factory=list)  # (link, run index)


class Bylines:
    """Finding authors among a page's runs; ``at`` is the stamp's run, ``used`` the runs taken."""

    rs: list[Run]
    at: int
    used: set[int]

    def people(self, links: list[tuple[Link, int]], head_end: int) -> tuple[list[Person], set[int]]:
        """The people the page links to after its stamp, one per person, and their name runs."""
        rs = self.rs
        holder = {id(x): i for i, r in enumerate(rs) if i > head_end for x in r.people}
        people: list[Person] = []
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
                people += [Person(n) for n in names]
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

    def with_role(self, person: Person, teaser_at: int | None) -> Author:
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

    def printed_byline(self, start: int) -> list[Author]:
        """Without person links: a printed "Name" / "Name" / "Role" block at ``start``."""
        lines = [r.text for r in self.rs[start:]]
        found, taken = author_blocks(lines, 0)
        self.used.update(range(start, start + taken))
        return found


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


def _find(people: list[Person], href: str, names: list[str]) -> Person | None:
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
