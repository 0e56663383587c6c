"""A compact summary of one parsed page, for ``ipcs parse``."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ipcsreader.model import Article, Author, Listing, Page
from ipcsreader.render.safe import safe

_TEASER_WIDTH = 200


def _people(authors: tuple[Author, ...]) -> str:
    parts = []
    for a in authors:
        name = f"{a.honorific} {a.name}" if a.honorific else a.name
        parts.append(f"{name} ({a.affiliation})" if a.affiliation else name)
    return "; ".join(parts)


def _short(text: str, width: int = _TEASER_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


Row = tuple[str, str | None]


def _grid(rows: list[Row], indent: int) -> Table:
    """Label/value rows; long values wrap under their own column."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(Text(" " * indent + label), safe(value) if value else Text("—", style="dim"))
    return grid


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _kinds(article: Article) -> str:
    counts: dict[str, int] = {}
    for block in article.blocks:
        counts[block.kind] = counts.get(block.kind, 0) + 1
    paragraphs = counts.pop("text", 0)
    extra = ", ".join(_plural(n, kind) for kind, n in counts.items())
    return _plural(paragraphs, "paragraph") + (f" ({extra})" if extra else "")


def _article_rows(article: Article) -> list[Row]:
    rows = [
        ("number", str(article.number) if article.number is not None else None),
        ("date", article.date.isoformat() if article.date else None),
    ]
    if article.layout == "old":
        rows.append(("region", article.region))
    rows += [
        ("column", article.column),
        ("title", article.title),
        ("authors", _people(article.authors)),
    ]
    if article.layout == "new":
        rows.append(("teaser", _short(article.teaser) if article.teaser else None))
    body = _kinds(article) + (", cut off" if article.truncated else "")
    rows.append(("body", body))
    if article.blocks:
        rows.append(("starts", _short(article.blocks[0].text, 120)))
    bars = article.sidebars
    if not bars.is_empty():
        rows.append(
            (
                "sidebars",
                f"{_plural(len(bars.columnists), 'columnist')}, "
                f"{_plural(len(bars.contributors), 'contributor')}, "
                f"{len(bars.same_author)} by the same author, "
                f"{_plural(len(bars.taxonomies), 'taxonomy')}".replace("taxonomys", "taxonomies"),
            )
        )
    return rows


def _listing_rows(listing: Listing) -> list[Row]:
    rows = [
        ("column", listing.column),
        ("columnist", _people((listing.columnist,)) if listing.columnist else None),
        ("entries", f"{len(listing.entries)}" + (", cut off" if listing.truncated else "")),
    ]
    for entry in listing.entries[:3]:
        ident = f"#{entry.number} " if entry.number is not None else ""
        rows.append(("", f"{ident}{entry.title}"))
    if len(listing.entries) > 3:
        rows.append(("", f"… and {len(listing.entries) - 3} more"))
    return rows


def page_summary(page: Page, file: str) -> RenderableType:
    """The file name and what kind of page it is, then its main fields, one per line."""
    head = safe(file, "bold")
    if isinstance(page, Article):
        head.append(f"  article, {page.layout} site, {page.format}", style="dim")
        return Group(head, _grid(_article_rows(page), 2))
    kind = "columnist page" if page.page == "columnist" else "column listing"
    head.append(f"  {kind}, {page.layout} site, {page.format}", style="dim")
    parts: list[RenderableType] = [head, _grid(_listing_rows(page), 2)]
    if page.article is not None:
        parts += [Text("  with the article:", style="dim"), _grid(_article_rows(page.article), 4)]
    return Group(*parts)
