"""The reader's desk on screen: the reading list, tags, follows, what is new, a note."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text

from ipcsreader.desk.store import Follow
from ipcsreader.reading import Listed, News
from ipcsreader.render.parts import DIM, NUMBER_STYLE, append_unread, plural, short_date
from ipcsreader.render.safe import safe

NOTE_PREVIEW = 72  # characters of a note's first line shown in a list


def render_list(items: Sequence[Listed], unread: set[int], *, what: str, more: int) -> Text:
    """The reading list: each article's line, title and author, then its tags and note;
    one line each, to print whole (:func:`ipcsreader.cli.desk_cmd.show_lines`)."""
    lines = [Text(f"{plural(len(items) + more, 'article')} {what}", "bold")]
    for item in items:
        record, entry = item.record, item.entry
        head = _head(
            entry.number, record.date if record else None, record.column if record else None
        )
        if entry.number in unread:
            append_unread(head)
        lines.extend([Text(""), head])
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
    if more:
        lines.extend([Text(""), Text(f"… {more} more (--limit 0 shows all)", DIM)])
    return Text("\n").join(lines)


def preview(note: str) -> str:
    """The note's first line that has words, cut to :data:`NOTE_PREVIEW` characters."""
    first = next((line.strip() for line in note.splitlines() if line.strip()), "")
    return first if len(first) <= NOTE_PREVIEW else first[: NOTE_PREVIEW - 1].rstrip() + "…"


def render_tags(counts: Sequence[tuple[str, int]]) -> Text:
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


def render_follows(follows: Sequence[Follow]) -> Text:
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


def render_news(news: News, unread: set[int]) -> Text:
    """Per follow, the articles that arrived for it; a line when nothing did. One line
    each, to print whole (:func:`ipcsreader.cli.desk_cmd.show_lines`)."""
    since = "since the last ipcs new"
    head = Text(f"{plural(news.arrived, 'article')} arrived {since}", "bold")
    if news.peek:
        head.append(" (peek: still new next time)", DIM)
    lines = [head]
    if not news.found:
        lines.append(
            Text('You follow nothing yet. Follow a search: ipcs follow "North Korea"', DIM)
        )
    shown: set[int] = set()  # an article found by several follows is shown once
    for follow, hits in news.found:
        if not hits:
            continue
        title = Text(f"{follow.id}  ", NUMBER_STYLE)
        title.append_text(safe(follow.describe(), "bold underline"))
        title.append(f" ({len(hits)})", DIM)
        lines.extend([Text(""), title])
        for hit in hits:
            if hit.number in shown:
                above = Text.assemble("  ", (f"#{hit.number}", NUMBER_STYLE), (" (above)", DIM))
                lines.append(above)
                continue
            shown.add(hit.number)
            line = _head(hit.number, hit.date, hit.column)
            if hit.number in unread:
                append_unread(line)
            about = Text("  ")
            about.append_text(safe(hit.title or "(untitled)"))
            if hit.authors:
                about.append(" — ", DIM)
                about.append_text(safe(", ".join(a.name for a in hit.authors), DIM))
            lines.extend([Text("  ") + line, about])
    if news.found and not any(hits for _, hits in news.found):
        lines.append(Text("Nothing new for the searches you follow.", DIM))
    return Text("\n").join(lines)


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
