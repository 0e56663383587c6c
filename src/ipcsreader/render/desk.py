"""The reader's desk on screen: the reading list, tags, follows, what is new, a note."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from ipcsreader.desk.store import Follow
from ipcsreader.model import Hit
from ipcsreader.reading import Listed, News
from ipcsreader.render.parts import DIM, NUMBER_STYLE, append_unread, plural, short_date
from ipcsreader.render.safe import safe

NOTE_PREVIEW = 72  # characters of a note's first line shown in a list


def render_list(
    items: Sequence[Listed], unread: set[int], *, what: str, more: int
) -> RenderableType:
    """The reading list: each article's line, title and author, then its tags and note."""
    parts: list[RenderableType] = [Text(f"{plural(len(items) + more, 'article')} {what}", "bold")]
    for item in items:
        record, entry = item.record, item.entry
        head = _head(
            entry.number, record.date if record else None, record.column if record else None
        )
        if entry.number in unread:
            append_unread(head)
        lines = [head]
        if record is None:
            lines.append(Text("not in the corpus now", "italic dim"))
        else:
            title = safe(record.title or "(untitled)", "bold")
            if record.authors:
                title.append(" — ", DIM)
                title.append_text(safe(", ".join(a.name for a in record.authors)))
            if record.listing_only:
                title.append(" · listed only", DIM)
            lines.append(title)
        desk = Text(style=DIM)
        if entry.tags:
            desk.append("tags: ")
            desk.append_text(safe(", ".join(entry.tags)))
        if entry.note is not None:
            desk.append(" · " if entry.tags else "")
            desk.append("note: ")
            desk.append_text(safe(preview(entry.note)))
        if desk:
            lines.append(desk)
        parts.extend([Text(""), *lines])
    if more:
        parts.append(Text(f"\n… {more} more (--limit 0 shows all)", DIM))
    return Group(*parts)


def preview(note: str) -> str:
    """The note's first line that has words, cut to :data:`NOTE_PREVIEW` characters."""
    first = next((line.strip() for line in note.splitlines() if line.strip()), "")
    return first if len(first) <= NOTE_PREVIEW else first[: NOTE_PREVIEW - 1].rstrip() + "…"


def render_tags(counts: Sequence[tuple[str, int]]) -> RenderableType:
    """Every tag with its count, one a line, the most used first."""
    if not counts:
        return Text("No tags yet. Tag an article: ipcs tag 4842 korea", DIM)
    width = max(len(str(count)) for _, count in counts)
    out = Text()
    for i, (tag, count) in enumerate(counts):
        out.append("\n" if i else "")
        out.append(str(count).rjust(width), NUMBER_STYLE)
        out.append("  ")
        out.append_text(safe(tag))
    return out


def render_follows(follows: Sequence[Follow]) -> RenderableType:
    if not follows:
        return Text('You follow nothing yet. Follow a search: ipcs follow "North Korea"', DIM)
    width = max(len(str(f.id)) for f in follows)
    out = Text()
    for i, follow in enumerate(follows):
        out.append("\n" if i else "")
        out.append(str(follow.id).rjust(width), NUMBER_STYLE)
        out.append("  ")
        out.append_text(safe(follow.describe()))
        out.append(f"  since {follow.created[:10]}", DIM)
    return out


def render_news(news: News, unread: set[int]) -> RenderableType:
    """Per follow, the articles that arrived for it; a line when nothing did."""
    since = "since the last ipcs new"
    head = Text(f"{plural(news.arrived, 'article')} arrived {since}", "bold")
    if news.peek:
        head.append(" (peek: still new next time)", DIM)
    parts: list[RenderableType] = [head]
    if not news.found:
        parts.append(
            Text('You follow nothing yet. Follow a search: ipcs follow "North Korea"', DIM)
        )
    shown: set[int] = set()  # an article found by several follows is shown once
    for follow, hits in news.found:
        if not hits:
            continue
        parts.append(Text(""))
        title = Text(f"{follow.id}  ", NUMBER_STYLE)
        title.append_text(safe(follow.describe(), "bold underline"))
        title.append(f" ({len(hits)})", DIM)
        parts.append(title)
        for hit in hits:
            if hit.number in shown:
                line = Text(f"#{hit.number}", NUMBER_STYLE)
                line.append(" (above)", DIM)
            else:
                line = _hit_lines(hit, unread)
            shown.add(hit.number)
            parts.append(Padding(line, (0, 0, 0, 2)))
    if news.found and not any(hits for _, hits in news.found):
        parts.append(Text("Nothing new for the searches you follow.", DIM))
    return Group(*parts)


def _hit_lines(hit: Hit, unread: set[int]) -> Text:
    line = _head(hit.number, hit.date, hit.column)
    if hit.number in unread:
        append_unread(line)
    line.append("\n")
    line.append_text(safe(hit.title or "(untitled)"))
    if hit.authors:
        line.append(" — ", DIM)
        line.append_text(safe(", ".join(a.name for a in hit.authors), DIM))
    return line


def render_note(number: int, note: str | None) -> RenderableType:
    if note is None:
        return Text(f'No note on #{number}. Write one: ipcs note {number} "…"', DIM)
    return safe(note.rstrip("\n"))


def _head(number: int, date: dt.date | None, column: str | None) -> Text:
    head = Text(f"#{number}", NUMBER_STYLE)
    for extra in (short_date(date), column):
        if extra:
            head.append(" · ", DIM)
            head.append_text(safe(extra, DIM))
    return head
