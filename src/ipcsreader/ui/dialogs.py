"""Small screens over the others: every key, the citation style, a citation, an export, an
article's tags and note."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar, cast

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ipcsreader.archive.search import SearchQuery, plain_words
from ipcsreader.cite.export import Format
from ipcsreader.cite.styles import STYLES, Citation, Style
from ipcsreader.render.parts import DIM
from ipcsreader.ui.keys import KEYS

_CLOSE: list[BindingType] = [Binding("escape,q", "dismiss", "Close")]


class KeysScreen(ModalScreen[None]):
    """Every key of the app (``?``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close")
    ]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold")
        table.add_column()
        for section, rows in KEYS:
            table.add_row(Text(section, "bold underline"), "")
            for keys, what in rows:
                table.add_row(keys, what)
            table.add_row("", "")
        table.add_row("", Text("Escape or ? closes this.", DIM))
        with VerticalScroll(classes="dialog", id="keys") as scroll:
            scroll.border_title = "Keys"
            yield Static(table)


_STYLE_NAMES = {
    "apa": "APA 7",
    "chicago": "Chicago 17 (notes and bibliography)",
    "mla": "MLA 9",
    "bibtex": "BibTeX, for LaTeX",
    "ris": "RIS, for reference managers",
}


class StyleScreen(ModalScreen["Style | None"]):
    """Which citation style to copy in (asked once; ``s`` asks again)."""

    BINDINGS = _CLOSE

    def __init__(self, current: Style | None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        options = [Option(Text(_STYLE_NAMES.get(s, s)), id=s) for s in STYLES]
        with Vertical(classes="dialog", id="styles") as box:
            box.border_title = "Cite in which style?"
            yield OptionList(*options)

    def on_mount(self) -> None:
        styles = self.query_one(OptionList)
        if self.current in STYLES:
            styles.highlighted = STYLES.index(self.current)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(cast(Style, STYLES[event.option_index]))


class CitationScreen(ModalScreen[None]):
    """The citation just copied, shown (italics where the style wants them)."""

    BINDINGS = _CLOSE

    def __init__(self, citation: Citation) -> None:
        super().__init__()
        self.citation = citation

    def compose(self) -> ComposeResult:
        text = Text(self.citation.text)  # made by cite/ from cleaned fields: data, not markup
        for start, end in self.citation.italic:
            text.stylize("italic", start, end)
        note = Text(
            "Copied to the clipboard (OSC 52; if your terminal does not pass it on, select "
            "the text above). s changes the style. Escape closes this.",
            DIM,
        )
        with Vertical(classes="dialog", id="citation") as box:
            box.border_title = f"Citation ({self.citation.style})"
            yield Static(text, id="citation-text")
            yield Static(note)


EXPORT_FORMATS: dict[str, Format] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".md": "markdown",
}


class ExportScreen(ModalScreen[Path | None]):
    """Where to write the current result list; the format follows the file's extension."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Cancel")]

    def __init__(self, request: SearchQuery) -> None:
        super().__init__()
        self.request = request

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export") as box:
            box.border_title = "Export the result list"
            yield Input(default_name(self.request), id="export-path")
            yield Static(Text("Every hit, every field. .csv, .jsonl or .md; Enter writes.", DIM))

    @on(Input.Submitted)
    def _chosen(self, event: Input.Submitted) -> None:
        path = Path(event.value.strip()).expanduser()
        if export_format(path) is None:
            kinds = ", ".join(EXPORT_FORMATS)
            self.app.notify(f"Give the file one of these endings: {kinds}", severity="error")
            return
        self.dismiss(path)


def export_format(path: Path) -> Format | None:
    return EXPORT_FORMATS.get(path.suffix.lower())


def default_name(request: SearchQuery) -> str:
    """ "ipcs-north-korea.csv": the query's words, or "ipcs-newest.csv"."""
    words = "-".join(plain_words(request.text)).casefold()
    slug = re.sub(r"[^\w-]+", "", words)[:40] or "newest"
    return f"ipcs-{slug}.csv"


class TagsScreen(ModalScreen["list[str] | None"]):
    """An article's tags as one line to edit: add one, delete one, Enter keeps the line."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Cancel")]

    def __init__(self, number: int, tags: tuple[str, ...]) -> None:
        super().__init__()
        self.number = number
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="tags") as box:
            box.border_title = f"Tags of #{self.number}"
            yield Input(", ".join(self.tags), placeholder="korea, to cite", id="tags-line")
            yield Static(
                Text("Separate tags with commas; delete one to take it off. Enter keeps them.", DIM)
            )

    @on(Input.Submitted)
    def _chosen(self, event: Input.Submitted) -> None:
        self.dismiss(tag_list(event.value))


def tag_list(line: str) -> list[str]:
    """The tags of a comma-separated line, blanks dropped."""
    return [t.strip() for t in line.split(",") if t.strip()]


class NoteScreen(ModalScreen["str | None"]):
    """An article's note to write or edit; Ctrl+S keeps it (emptied, it goes)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep", "Keep", priority=True),
        Binding("escape", "dismiss", "Cancel", priority=True),
    ]

    def __init__(self, number: int, note: str | None) -> None:
        super().__init__()
        self.number = number
        self.note = note or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note") as box:
            box.border_title = f"Your note on #{self.number}"
            yield TextArea(self.note, soft_wrap=True, id="note-text")
            yield Static(
                Text("Ctrl+S keeps the note (an empty one is deleted); Escape drops.", DIM)
            )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_keep(self) -> None:
        self.dismiss(self.query_one(TextArea).text)
