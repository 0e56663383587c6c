"""Bar charts and the corpus overview for ``ipcs trend`` and ``ipcs stats``."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

from ipcsreader.archive.stats import CorpusStats, Trend
from ipcsreader.render.parts import DIM, date_span, plural
from ipcsreader.render.safe import safe

BAR_STYLE = "cyan"
HEADING_STYLE = "bold"
# Eighths of a cell, so that small differences still show.
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: int, top: int, cells: int) -> str:
    """A bar ``value``/``top`` of ``cells`` wide, to an eighth of a cell; never empty for a
    value above zero."""
    if top <= 0 or value <= 0 or cells <= 0:
        return ""
    eighths = max(1, round(value / top * cells * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


class BarChart:
    """Labelled horizontal bars with their counts, as wide as the console allows."""

    def __init__(self, rows: Sequence[tuple[str, int]], *, max_bar: int = 50) -> None:
        self.rows = list(rows)
        self.max_bar = max_bar

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.rows:
            return
        label_width = max(len(label) for label, _ in self.rows)
        count_width = max(len(str(n)) for _, n in self.rows)
        cells = min(self.max_bar, options.max_width - label_width - count_width - 2)
        top = max(n for _, n in self.rows)
        for label, n in self.rows:
            line = safe(label.rjust(label_width))
            line.append(" ")
            line.append(bar(n, top, cells), BAR_STYLE)
            line.append(" " if n else "")
            line.append(str(n), DIM if n == 0 else "")
            yield line


def _heading(text: str) -> Text:
    return Text(text, HEADING_STYLE)


def render_trend(trend: Trend) -> Group:
    """Heading, one bar per period, and the total."""
    per = "year" if trend.by == "year" else "month"
    heading = Text("Articles matching “", HEADING_STYLE)
    heading.append_text(safe(trend.query, HEADING_STYLE))
    heading.append(f"” per {per}", HEADING_STYLE)
    total = Text(f"Total: {plural(trend.total, 'article')}")
    if trend.undated:
        total.append(f" ({trend.undated} without a date)", DIM)
    return Group(heading, BarChart(trend.counts), total)


def human_bytes(n: int) -> str:
    """ "512 B", "4.0 KB", "12.3 MB" (powers of 1024)."""
    if n < 1024:
        return f"{n} B"
    size = n / 1024
    for unit in ("KB", "MB"):
        if size < 1024:
            return f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def _index_line(s: CorpusStats) -> str:
    if s.index_state == "missing":
        return "not built yet"
    updated = f", updated {s.index_updated:%Y-%m-%d %H:%M}" if s.index_updated else ""
    state = s.index_state
    if s.index_state == "stale":
        state = f"stale: {plural(s.index_changed, 'file')} changed since"
    return f"{human_bytes(s.index_bytes)}{updated} ({state})"


def _counts_line(counts: Sequence[tuple[str, int]]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts)


def _ranking(counts: Sequence[tuple[str, int]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style=DIM)
    grid.add_column()
    for name, n in counts:
        grid.add_row(str(n), safe(name))
    return grid


def render_stats(s: CorpusStats) -> Group:
    """Counts, dates and index facts, articles per year as a chart, top columns and authors."""
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style=HEADING_STYLE)
    facts.add_column()
    facts.add_row(
        "Articles",
        f"{s.articles} ({s.full_text} full text, {s.listing_only} listing only)",
    )
    facts.add_row("Pages", f"{s.pages} (by layout: {_counts_line(s.pages_by_layout) or 'none'})")
    facts.add_row("Page kinds", _counts_line(s.pages_by_kind) or "none")
    dates = date_span(s.first_date, s.last_date) or "none"
    if s.undated:
        dates += f" ({s.undated} without a date)"
    facts.add_row("Dates", dates)
    facts.add_row("Index", _index_line(s))
    parts: list[Table | Text | BarChart] = [facts]
    if s.per_year:
        parts += [Text(""), _heading("Articles per year"), BarChart(s.per_year)]
    if s.top_columns:
        parts += [Text(""), _heading("Top columns"), _ranking(s.top_columns)]
    if s.top_authors:
        parts += [Text(""), _heading("Top authors"), _ranking(s.top_authors)]
    return Group(*parts)
