"""Commands: mark, tag, untag, tags, note, list (your own reading desk)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ipcsreader.cli.application import app
from ipcsreader.cli.common import (
    ColorMode,
    ColorOpt,
    CorpusOpt,
    IndexOpt,
    JsonOpt,
    emit_json,
    make_console,
    many_objects,
    open_library,
    show,
)
from ipcsreader.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from ipcsreader.library import Library
    from ipcsreader.reading import Listed, Reading
    from ipcsreader.render.desk import Lines

ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force", help="Take numbers the corpus has no text for (listed only, not fetched)."
    ),
]


def reading_for(
    numbers: list[int], *, force: bool, corpus: Path | Sequence[Path] | None, index: Path | None
) -> Reading:
    """The desk, once each of ``numbers`` is known as an article (unless ``force``).

    The catalog is asked first; only a number it does not know brings the index up to
    date (a page may have been added since) and is asked again.
    """
    from ipcsreader.reading import Reading

    library = open_library(corpus, index, refresh=False)
    if library.last_updated() is None:  # no index yet: build it, the corpus is all there is
        library = open_library(corpus, index)
    reading = Reading(library)
    if force:
        return reading
    if reading.unknown(numbers):
        reading = Reading(open_library(corpus, index))
        unknown = reading.unknown(numbers)
        if unknown:
            reading.refuse_unknown(unknown)
    return reading


def _say(json: bool, data: dict[str, object], line: str) -> None:
    if json:
        emit_json(data)
    else:
        typer.echo(line)


@app.command("mark")
def mark(
    numbers: Annotated[
        list[str], typer.Argument(help="Article numbers: 4842, #4842 or 4840-4845.", metavar="N…")
    ],
    read: Annotated[
        bool | None,
        typer.Option(
            "--read/--unread", help="Mark read, or unread (to read later).", show_default=False
        ),
    ] = None,
    force: ForceOpt = False,
    json: JsonOpt = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Mark articles read, or unread to keep them on your reading list.

    `ipcs read N` marks an article read by itself (--no-mark, or IPCS_MARK_READ=0, stops it).

    Example: ipcs mark 4842 4845 --unread
    """
    from ipcsreader.desk import checks

    if read is None:
        raise UsageError("say --read or --unread")
    wanted = checks.numbers(numbers)
    changed = reading_for(wanted, force=force, corpus=corpus, index=index).desk.mark(
        wanted, read=read
    )
    state = "read" if read else "unread"
    _say(
        json,
        {"numbers": wanted, "read": read, "changed": changed},
        f"Marked {_articles(wanted)} {state} ({changed} changed).",
    )


@app.command("tag")
def tag(
    numbers_and_tags: Annotated[
        list[str],
        typer.Argument(help="Article numbers, then one or more tags.", metavar="N… TAG…"),
    ],
    force: ForceOpt = False,
    json: JsonOpt = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Tag articles: every tag on every article (tags are yours, any words).

    The numbers come first; everything after the first word that is not a number is a tag.

    Example: ipcs tag 4842 4845 korea "six party talks"
    """
    wanted, tags = _numbers_and_tags(numbers_and_tags)
    added = reading_for(wanted, force=force, corpus=corpus, index=index).desk.tag(wanted, tags)
    _say(
        json,
        {"numbers": wanted, "tags": tags, "added": added},
        f"Tagged {_articles(wanted)} {', '.join(tags)} ({added} new).",
    )


@app.command("untag")
def untag(
    numbers_and_tags: Annotated[
        list[str],
        typer.Argument(help="Article numbers, then the tags to take off.", metavar="N… TAG…"),
    ],
    json: JsonOpt = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Take tags off articles (those whose pages left the corpus too).

    Exit code 1 when none of the articles had any of the tags.

    Example: ipcs untag 4842 korea
    """
    wanted, tags = _numbers_and_tags(numbers_and_tags)
    removed = reading_for(wanted, force=True, corpus=corpus, index=index).desk.untag(wanted, tags)
    if not removed:
        raise NotFoundError(f"{_articles(wanted)} had no tag {', '.join(tags)}")
    _say(
        json,
        {"numbers": wanted, "tags": tags, "removed": removed},
        f"Took {', '.join(tags)} off {_articles(wanted)} ({removed} removed).",
    )


@app.command("tags")
def tags(
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Every tag with its number of articles, the most used first.

    Example: ipcs tags
    """
    counts = reading_for([], force=True, corpus=corpus, index=index).desk.tag_counts()
    if json:
        emit_json([{"tag": t, "count": c} for t, c in counts])
        return
    from ipcsreader.render.desk import render_tags

    show_lines(color, render_tags(counts))


@app.command("note")
def note(
    number: Annotated[str, typer.Argument(help="The article number.", metavar="N")],
    text: Annotated[
        str | None,
        typer.Argument(
            help="The note; - reads it from standard input [default: edit it in $VISUAL or "
            "$EDITOR].",
            show_default=False,
        ),
    ] = None,
    show_note: Annotated[bool, typer.Option("--show", help="Print the note.")] = False,
    delete: Annotated[bool, typer.Option("--delete", help="Delete the note.")] = False,
    force: ForceOpt = False,
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Write your note on an article; `ipcs read N` shows it under the header.

    Without TEXT your editor opens on the note as it is. Notes are searchable:
    `ipcs search has:note`, `ipcs search 'note:summit'`.

    \b
    Examples:
      ipcs note 4842 "Compare with the 2019 Hanoi summit."
      ipcs note 4842
      ipcs note 4842 --show
    """
    from ipcsreader.desk import checks

    (wanted,) = _one_number(number)
    if (show_note or delete) and text is not None:
        raise UsageError("give TEXT, --show or --delete, not two of them")
    if show_note and delete:
        raise UsageError("give --show or --delete, not both")
    reading = reading_for([wanted], force=force or show_note or delete, corpus=corpus, index=index)
    desk = reading.desk
    if show_note:
        current = desk.note(wanted)
        if json:
            emit_json({"number": wanted, "note": current})
            return
        from ipcsreader.render.desk import render_note

        show(make_console(color), render_note(wanted, current))
        return
    if delete:
        if not desk.delete_note(wanted):
            raise NotFoundError(f"#{wanted} has no note")
        _say(json, {"number": wanted, "note": None}, f"Deleted the note on #{wanted}.")
        return
    if text == "-":
        new = _read_stdin()
    elif text is None:
        new = _edit(desk.note(wanted) or "")
    else:
        new = text
    new = checks.note(new)
    if not new.strip():
        raise UsageError("the note is empty; to delete it, use --delete")
    changed = desk.set_note(wanted, new)
    _say(
        json,
        {"number": wanted, "note": new, "changed": changed},
        f"{'Saved' if changed else 'Kept'} the note on #{wanted} ({len(new):,} "
        f"character{'' if len(new) == 1 else 's'}).",
    )


def _read_stdin() -> str:
    """Standard input, refused (without reading it all) beyond the largest note."""
    from ipcsreader.desk.checks import MAX_NOTE_BYTES, note_too_large

    data = sys.stdin.buffer.read(MAX_NOTE_BYTES + 1)
    if len(data) > MAX_NOTE_BYTES:
        size = len(data)
        while chunk := sys.stdin.buffer.read(1 << 20):  # counted, not kept
            size += len(chunk)
        raise UsageError(note_too_large(size))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("the note on standard input is not UTF-8 text") from None


def _edit(current: str) -> str:
    """``current`` as the reader's editor leaves it ($VISUAL, else $EDITOR)."""
    import shlex
    import subprocess
    import tempfile
    from pathlib import Path

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise UsageError('set $VISUAL or $EDITOR, or give the note: ipcs note N "TEXT"')
    with tempfile.TemporaryDirectory(prefix="ipcs-note-") as folder:
        path = Path(folder) / "note.txt"
        path.write_text(current, encoding="utf-8")
        try:
            status = subprocess.call([*shlex.split(editor), str(path)])
        except ValueError as error:  # shlex: an unclosed quote in $EDITOR
            raise UsageError(f"cannot read the editor command {editor!r} ({error})") from None
        except OSError as error:
            raise UsageError(f"the editor {editor!r} could not start ({error.strerror})") from None
        if status != 0:
            raise UsageError(f"the editor {editor!r} failed (exit {status}); the note is as it was")
        from ipcsreader.desk.checks import MAX_NOTE_BYTES, note_too_large

        size = path.stat().st_size
        if size > MAX_NOTE_BYTES:
            raise UsageError(note_too_large(size))
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise UsageError("the note is not UTF-8 text; it is as it was") from None


@app.command("list")
def list_command(
    tag: Annotated[
        str | None, typer.Option("--tag", "-t", help="Only articles with this tag.")
    ] = None,
    unread: Annotated[bool, typer.Option("--unread", help="Only articles not read yet.")] = False,
    noted: Annotated[bool, typer.Option("--noted", help="Only articles with a note.")] = False,
    limit: Annotated[int, typer.Option(help="Show at most this many (0: all).")] = 100,
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Your reading list, newest first: articles you tagged, noted or marked unread.

    Example: ipcs list --tag korea --unread
    """
    from ipcsreader.desk import checks

    if limit < 0:
        raise UsageError(f"--limit must be 0 (all) or more, not {limit}")
    from ipcsreader.cli.common import fresh_result
    from ipcsreader.reading import Reading

    wanted = checks.tag(tag) if tag is not None else None

    def gather(library: Library) -> tuple[list[Listed], int]:
        reading = Reading(library)
        if wanted is not None and not reading.desk.has_tag(wanted):
            raise NotFoundError(f"no article has the tag {wanted!r}; `ipcs tags` lists yours")
        with many_objects():
            return reading.reading_list(tag=wanted, unread=unread, noted=noted, limit=limit or None)

    # Titles from the index as it is, while a child process looks whether pages changed.
    library, (shown, total) = fresh_result(corpus, index, gather)
    reading = Reading(library)
    with many_objects():
        if json:
            emit_json([i.to_dict() for i in shown])
            return
        from ipcsreader.render.desk import render_list

        what = " · ".join(
            [f"tagged {wanted}"] * (wanted is not None) + ["unread"] * unread + ["noted"] * noted
        )
        unread_numbers = reading.unread_among(i.entry.number for i in shown if i.record)
        listing = render_list(
            shown,
            unread_numbers,
            what=f"on your reading list{' · ' + what if what else ''}",
            more=total - len(shown),
        )
        show_lines(color, listing)


def show_lines(color: ColorMode, lines: Lines) -> None:
    """Print ``lines`` (of :mod:`ipcsreader.render.desk`) each whole: a long one wraps in
    the terminal, and thousands print at once."""
    console = make_console(color)
    if console.no_color or console.color_system is None:
        sys.stdout.write(lines.plain() + "\n")
    elif (styled := lines.styled(console)) is not None:
        console.file.write(styled)
    else:
        console.print(lines.rich(), soft_wrap=True)


def _numbers_and_tags(values: list[str]) -> tuple[list[int], list[str]]:
    from ipcsreader.desk import checks

    numbers, rest = checks.split_numbers(values)
    if not numbers:
        raise UsageError("give the article numbers first, then the tags: ipcs tag 4842 korea")
    if not rest:
        raise UsageError("give one or more tags after the numbers (a tag cannot be a number alone)")
    return numbers, checks.tags(rest)


def _one_number(value: str) -> list[int]:
    from ipcsreader.desk import checks

    found = checks.numbers([value])
    if len(found) != 1:
        raise UsageError(f"give one article number, not {value!r}")
    return found


def _articles(numbers: list[int]) -> str:
    if len(numbers) <= 3:
        return ", ".join(f"#{n}" for n in numbers)
    return f"{len(numbers)} articles"
