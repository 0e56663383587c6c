"""Pages written for the search tests: small old- and new-layout articles and a listing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from typer.testing import CliRunner

from ipcsreader.archive.search import SearchQuery
from ipcsreader.cli import app
from ipcsreader.library import Library


def old_page(
    number: int,
    title: str,
    paragraphs: Sequence[str],
    *,
    date: dt.date = dt.date(2015, 3, 2),
    column: str = "East Asia Compass",
    author: str = "Sandip Kumar Mishra",
    affiliation: str = "Assistant Professor, University of Delhi",
    region: str = "China",
) -> str:
    body = "\n\n".join(paragraphs)
    return (
        f"Home Contact Us  \n\n{region} - Articles\n\n"
        "Print Bookmark Email Facebook Subscribe\n"
        f"#{number}, {date.day} {date:%B %Y}\n\n{column}\n\n{title}\n{author}\n{affiliation}\n\n"
        f"{body}\n\nPrint Bookmark Email Facebook Subscribe\n"
    )


def new_page(
    number: int,
    title: str,
    paragraphs: Sequence[str],
    *,
    date: dt.date = dt.date(2015, 3, 2),
    column: str = "East Asia Compass",
    teaser: str = "Dr Sandip Mishra looks at what the visit means",
) -> str:
    body = "\n\n".join(paragraphs)
    return f"{column}\n\n{title}\n\n{date:%d %b, %Y}    ·   {number}\n\n{teaser}\n\n{body}\n"


def column_listing(
    column: str, author: str, entries: Sequence[tuple[str, dt.date, int, str]]
) -> str:
    lines = [f"{column} by {author}"]
    for title, date, number, excerpt in entries:
        lines.append(f"  • {title}")
        lines.append(f"    {author}   ·    {date:%d %b, %Y}   ·    {number}")
        lines.append(f"    {excerpt} ...")
    return "\n".join(lines) + "\n"


FILLER = (
    "The government announced a new budget for roads and schools this year, and the "
    "opposition said it would examine the numbers closely before the session ends."
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def library_of(
    root: Path, pages: Mapping[int, tuple[str, str]], *, other: str = "", padding: int = 0
) -> Library:
    """A library, indexed, over old-layout pages in ``root``: each number's title and
    paragraph, then :data:`FILLER`; and ``padding`` pages saying ``other`` numbered after
    them (so that the words of the pages tested are rare, as a subject's are)."""
    pages = dict(pages)
    first = max(pages) + 1
    pages.update({n: ("Other Notes", other) for n in range(first, first + padding)})
    for number, (title, body) in pages.items():
        write(root / "corpus", f"{number}-old.txt", old_page(number, title, [body, FILLER]))
    library = Library([root / "corpus"], root / "index")
    library.update()
    return library


def found(library: Library, text: str) -> list[int]:
    """The numbers of every hit for ``text``, in order of number."""
    return sorted(h.number for h in library.search(SearchQuery(text)).hits)


def dirs_of(library: Library) -> list[str]:
    """The ``--corpus`` and ``--index`` options that name ``library``'s folders."""
    return ["--corpus", str(library.corpus_dirs[0]), "--index", str(library.index_dir)]


def searched(library: Library, *args: str, columns: int = 100) -> str:
    """What ``ipcs search ARGS`` prints over ``library`` (its messages too), ``columns``
    wide; it must succeed."""
    env = {"COLUMNS": str(columns)}
    out = CliRunner().invoke(app, ["search", *args, *dirs_of(library)], env=env)
    assert out.exit_code == 0, out.output
    return out.output
