"""The old site's side columns, printed after an article's closing share line (a page
of the new layout saved whole may print them too, without that line), and where an
article's body ends before them or before what a site prints under it.

Sections: "IPCS Columnists" (column, columnist, recent titles), "OTHER REGULAR
contributors", "Browse by …" taxonomies, "Article by same Author", the archive years.
The site's "About" text and address follow; none of it is article text.
"""

from __future__ import annotations

import re

from ipcsreader.model import ColumnistEntry, Sidebars
from ipcsreader.names import author, split_honorific
from ipcsreader.parse.chrome import is_share_buttons
from ipcsreader.parse.stamps import is_share_line
from ipcsreader.text import ends_sentence, repair_question_apostrophes

_COLUMNISTS = "ipcs columnists"
_CONTRIBUTORS = "other regular contributors"
_SAME_AUTHOR = "article by same author"
_BROWSE = re.compile(r"^Browse by (.+)$", re.IGNORECASE)
_BROWSE_MAX_WORDS = 5
# The site's footer, kept by a page saved whole as text: "© 2024 IPCS. All rights reserved."
_FOOTER = re.compile(r"^(?:©|\(c\)\s|copyright\b.*(?:©|\d{4}|reserved))", re.IGNORECASE)
_FOOTER_MAX_WORDS = 20
_AFTER_ARTICLE = re.compile(
    r"(?:related(?: articles| posts| commentaries| reading)?|most (?:read|popular|viewed)"
    r"|(?:leave|post|add) a comment|\d* ?comments?|(?:more|also) (?:in|from|by) .{2,60}"
    r"|you may also like|also read|read more):?",
    re.IGNORECASE,
)
_YEAR_HEADING = re.compile(r"^Year (\d{4})$")
_YEARS = re.compile(r"^\d{4}(?: \d{4})*$")
_MONTHS_LINE = re.compile(r"^(?:January|February|March|April|May|June|July|August|September)\b")
_STOP = frozenset({"y! myweb"})
_LABEL_PUNCTUATION = set(':;?!*"“”‘’,0123456789')
_LABEL_SMALL = frozenset({"ur", "bin", "de", "&"})


def _is_label(line: str) -> bool:
    """A column name or a person's name: a few capitalised words, no title punctuation."""
    words = line.rstrip(".").split()
    if not 1 <= len(words) <= 5 or _LABEL_PUNCTUATION & set(line):
        return False
    if split_honorific(line)[0]:
        return True
    return all(w[0].isupper() or w in _LABEL_SMALL for w in words)


def columnists(lines: list[str]) -> tuple[ColumnistEntry, ...]:
    """Entries from the "IPCS Columnists" lines: [column] columnist title….

    Two label lines in a row are column then columnist; a single one is a columnist
    printed without a column (its column stays unknown rather than guessed).
    """
    entries: list[ColumnistEntry] = []
    labels: list[str] = []
    titles: list[str] = []

    def close() -> None:
        if not labels:
            return
        # A name printed with an honorific anchors the entry; otherwise the last label is it.
        marked = [i for i, x in enumerate(labels) if split_honorific(x)[0]]
        at = marked[-1] if marked else len(labels) - 1
        column = labels[at - 1] if at >= 1 else None
        spill, extra = labels[: max(at - 1, 0)], labels[at + 1 :]
        if spill and entries:  # title-shaped lines belonging to the previous columnist
            last = entries[-1]
            more = tuple(repair_question_apostrophes(t) for t in spill)
            entries[-1] = ColumnistEntry(last.column, last.columnist, last.titles + more)
        own = tuple(repair_question_apostrophes(t) for t in extra) + tuple(titles)
        entries.append(ColumnistEntry(column, author(labels[at]), own))

    for line in (x for x in lines if x):
        if _is_label(line):
            if titles:
                close()
                labels, titles = [], []
            labels.append(line)
        elif labels:
            titles.append(repair_question_apostrophes(line))
    close()
    return tuple(entries)


def body_end(lines: list[str]) -> int | None:
    """Where the side columns start in ``lines`` (an article's lines after its stamp): at
    the closing share line, or at a side column's heading, the site's footer or what it
    prints under an article where a page lacks that line."""
    for i, line in enumerate(lines):
        key = line.casefold()
        if is_share_line(line) or key in (_COLUMNISTS, _CONTRIBUTORS, _SAME_AUTHOR):
            return i
        # A heading, not a paragraph that happens to begin so.
        if _BROWSE.match(line) and len(line.split()) <= _BROWSE_MAX_WORDS:
            return i
        if _FOOTER.match(line) and len(line.split()) <= _FOOTER_MAX_WORDS:
            return i
        # What a site prints under an article ("Related", "Leave a comment", "More in Red
        # Affairs"), as a heading (a capital, no full stop: "also in multilateral
        # organisations." is a line of a paragraph), or share buttons with no sentence after.
        if (_AFTER_ARTICLE.fullmatch(line) and line[0].isupper() and not ends_sentence(line)) or (
            is_share_buttons(line) and not any(map(ends_sentence, lines[i + 1 :]))
        ):
            return i
    return None


def parse(lines: list[str]) -> Sidebars:
    """The sidebars in ``lines`` (an article's lines from where :func:`body_end` says
    they start)."""
    sections: dict[str, list[str]] = {}
    taxonomies: list[tuple[str, tuple[str, ...]]] = []
    years: list[int] = []
    current: list[str] | None = None
    for line in lines:
        key = line.casefold()
        browse = _BROWSE.match(line)
        year = _YEAR_HEADING.match(line)
        if key in (_COLUMNISTS, _CONTRIBUTORS, _SAME_AUTHOR):
            current = sections.setdefault(key, [])
        elif browse:
            current = []
            taxonomies.append((browse[1].strip(), ()))
            sections[f"browse:{len(taxonomies) - 1}"] = current
        elif year:
            years.append(int(year[1]))
            current = None
        elif years and _YEARS.match(line):
            years.extend(int(y) for y in line.split())
        elif years and line and not _MONTHS_LINE.match(line):
            break  # the site's "About" text and address
        elif key in _STOP or is_share_line(line):
            current = None
        elif current is not None and line:
            current.append(line)
    taxonomies = [
        (name, tuple(sections.get(f"browse:{i}", ()))) for i, (name, _) in enumerate(taxonomies)
    ]
    return Sidebars(
        columnists=columnists(sections.get(_COLUMNISTS, [])),
        same_author=tuple(repair_question_apostrophes(t) for t in sections.get(_SAME_AUTHOR, [])),
        contributors=tuple(sections.get(_CONTRIBUTORS, [])),
        taxonomies=tuple(taxonomies),
        archive_years=tuple(years),
    )
