from pathlib import Path

from rich.console import Console

from ipcsreader.parse import parse_file
from ipcsreader.render.parse import page_summary

HERE = Path(__file__).parent
PAGES = HERE / "fixtures" / "pages"


def _render(*names: str) -> str:
    console = Console(width=80, color_system=None, record=True)
    for name in names:
        console.print(page_summary(parse_file(PAGES / name), name))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


def test_summary_matches_golden():
    expected = (HERE / "golden" / "parse-summary.txt").read_text(encoding="utf-8")
    assert _render("old-whole.txt", "column-listing.txt") == expected


def test_page_text_is_never_markup(tmp_path):
    page = (PAGES / "new-spaced.txt").read_text(encoding="utf-8")
    page = page.replace("Ports and Promises", "[bold red]Ports[/] \x1b[31mand\x1b[0m Promises")
    (tmp_path / "p.txt").write_text(page, encoding="utf-8")
    console = Console(width=80, color_system=None, record=True)
    console.print(page_summary(parse_file(tmp_path / "p.txt"), "p.txt"))
    text = console.export_text()
    assert "[bold red]Ports[/]" in text
    assert "\x1b" not in text
