"""The reader's desk on screen: the reading list, tags, follows, what is new, a note.

Lists of the desk can run to thousands of lines, one item a line, printed whole (a long
one wraps in the terminal). They are built as :class:`Lines`, pieces of cleaned text with
a style each: plain text at once where no colour is wanted, Rich text only where it is
(building Rich text for thousands of lines takes a second).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console

from ipcsreader.desk.store import Follow
from ipcsreader.reading import Listed, News
from ipcsreader.render.parts import DIM, NUMBER_STYLE, UNREAD_STYLE, plural, short_date
from ipcsreader.render.safe import clean, safe

NOTE_PREVIEW = 72  # characters of a note's first line shown in a list
NO_FOLLOWS = 'You follow nothing yet. Follow a search: ipcs follow "North Korea"'


class Lines:
    """Lines of (text, style) pieces; text from pages or the reader is cleaned as added."""

    def __init__(self) -> None:
        self.lines: list[list[tuple[str, str]]] = []

    def line(self, *pieces: tuple[str, str]) -> list[tuple[str, str]]:
        """A new line of ``pieces`` (their text is ours: not cleaned); more may be added."""
        self.lines.append(list(pieces))
        return self.lines[-1]

    @staticmethod
    def data(line: list[tuple[str, str]], text: str | None, style: str = "") -> None:
        """Add page or reader text to ``line``, cleaned."""
        line.append((clean(text), style))

    def plain(self) -> str:
        return "\n".join("".join(text for text, _ in line) for line in self.lines)

    def rich(self) -> Text:
        return Text("\n").join(Text.assemble(*line) for line in self.lines)

    def styled(self, console: Console) -> str | None:
        """What ``console.print(self.rich(), soft_wrap=True)`` writes, from the pieces: each
        styled piece its own run of codes, the unstyled text between them as it is (Rich
        renders a Text so, a segment each). None where Rich would change the text first
        (tabs, line breaks inside a piece, a line ending in spaces that Rich trims) or
        writes other than codes to a stream (a legacy Windows console)."""
        from rich.console import COLOR_SYSTEMS
        from rich.style import Style

        from ipcsreader.render.rows import piece_style

        if console.color_system is None or console.legacy_windows:
            return None
        system = COLOR_SYSTEMS[console.color_system]
        codes: dict[tuple[str, str], Style] = {}
        out: list[str] = []
        for line in self.lines:
            last = next((text for text, _ in reversed(line) if text), "")
            if last[-1:].isspace():
                return None
            for text, style in line:
                if "\t" in text or "\n" in text:
                    return None
                if not style or not text:
                    out.append(text)
                    continue
                code = piece_style(console, codes, "", style)
                out.append(code.render(text, color_system=system))
            out.append("\n")
        return "".join(out) or "\n"  # no line at all: Rich still ends one


def render_list(items: Sequence[Listed], unread: set[int], *, what: str, more: int) -> Lines:
    """The reading list: each article's line, title and author, then its tags and note."""
    out = Lines()
    out.line((f"{plural(len(items) + more, 'article')} {what}", "bold"))
    for item in items:
        record, entry = item.record, item.entry
        out.line()
        _head(out, entry.number, record.date if record else None, record.column if record else None)
        if entry.number in unread:
            _unread(out.lines[-1])
        if record is None:
            out.line(("not in the corpus now", "italic dim"))
        else:
            title = out.line()
            out.data(title, record.title or "(untitled)", "bold")
            if record.authors:
                title.append((" — ", DIM))
                out.data(title, ", ".join(a.name for a in record.authors))
            if record.listing_only:
                title.append((" · listed only", DIM))
        if entry.tags or entry.note is not None:
            desk = out.line()
            if entry.tags:
                desk.append(("tags: ", DIM))
                out.data(desk, ", ".join(entry.tags), DIM)
            if entry.note is not None:
                desk.append((" · note: " if entry.tags else "note: ", DIM))
                out.data(desk, preview(entry.note), DIM)
    if more:
        out.line()
        out.line((f"… {more} more (--limit 0 shows all)", DIM))
    return out


def preview(note: str) -> str:
    """The note's first line that has words, cut to :data:`NOTE_PREVIEW` characters."""
    first = next((line.strip() for line in note.splitlines() if line.strip()), "")
    return first if len(first) <= NOTE_PREVIEW else first[: NOTE_PREVIEW - 1].rstrip() + "…"


def render_tags(counts: Sequence[tuple[str, int]]) -> Lines:
    """Every tag with its count, one a line, the most used first."""
    out = Lines()
    if not counts:
        out.line(("No tags yet. Tag an article: ipcs tag 4842 korea", DIM))
    width = max((len(str(count)) for _, count in counts), default=0)
    for tag, count in counts:
        out.data(out.line((str(count).rjust(width), NUMBER_STYLE), ("  ", "")), tag)
    return out


def render_follows(follows: Sequence[Follow], faults: Mapping[int, str]) -> Lines:
    """Each follow with its number and since when; ``faults``: why some cannot run, by
    number."""
    out = Lines()
    if not follows:
        out.line((NO_FOLLOWS, DIM))
    width = max((len(str(f.id)) for f in follows), default=0)
    for follow in follows:
        line = out.line((str(follow.id).rjust(width), NUMBER_STYLE), ("  ", ""))
        out.data(line, follow.describe())
        line.append((f"  since {follow.created[:10]}", DIM))
        if follow.id in faults:
            line.append(("  cannot run: ", ""))
            out.data(line, faults[follow.id])
    return out


def render_news(news: News, unread: set[int]) -> Lines:
    """Per follow, the articles that arrived for it (each article once); a line when
    nothing did."""
    out = Lines()
    head = out.line((f"{plural(news.arrived, 'article')} arrived since the last ipcs new", "bold"))
    if news.peek:
        head.append((" (peek: still new next time)", DIM))
    if not news.found and not news.broken:
        out.line((NO_FOLLOWS, DIM))
    shown: set[int] = set()
    for follow, hits in news.found:
        if not hits:
            continue
        out.line()
        title = out.line((f"{follow.id}  ", NUMBER_STYLE))
        out.data(title, follow.describe(), "bold underline")
        title.append((f" ({len(hits)})", DIM))
        for hit in hits:
            if hit.number in shown:
                out.line(("  ", ""), (f"#{hit.number}", NUMBER_STYLE), (" (above)", DIM))
                continue
            shown.add(hit.number)
            out.line(("  ", ""))
            _head(out, hit.number, hit.date, hit.column, new_line=False)
            if hit.number in unread:
                _unread(out.lines[-1])
            about = out.line(("  ", ""))
            out.data(about, hit.title or "(untitled)")
            if hit.authors:
                about.append((" — ", DIM))
                out.data(about, ", ".join(a.name for a in hit.authors), DIM)
    if news.found and not any(hits for _, hits in news.found):
        out.line(("Nothing new for the searches you follow.", DIM))
    for follow, why in news.broken:
        out.line()
        line = out.line((f"{follow.id}  ", NUMBER_STYLE))
        out.data(line, follow.describe(), "bold")
        line.append((" cannot run: ", ""))
        out.data(line, why)
        out.line((f"   Change it: ipcs unfollow {follow.id}, then ipcs follow again.", DIM))
    return out


def render_note(number: int, note: str | None) -> Text:
    if note is None:
        return Text(f'No note on #{number}. Write one: ipcs note {number} "…"', DIM)
    return safe(note.rstrip("\n"))


def _head(
    out: Lines, number: int, date: dt.date | None, column: str | None, *, new_line: bool = True
) -> None:
    """ "#4842 · 2 Mar 2015 · East Asia Compass", on a line of its own or the last one."""
    line = out.line() if new_line else out.lines[-1]
    line.append((f"#{number}", NUMBER_STYLE))
    for extra in (short_date(date), column):
        if extra:
            line.append((" · ", DIM))
            out.data(line, extra, DIM)


def _unread(line: list[tuple[str, str]]) -> None:
    line.extend([(" · ", DIM), ("unread", UNREAD_STYLE)])
