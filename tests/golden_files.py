"""Compare rendered output with the expected text in tests/golden/ (UPDATE_GOLDEN=1 rewrites)."""

from __future__ import annotations

import io
import os
from pathlib import Path

from rich.console import Console, RenderableType

GOLDEN = Path(__file__).resolve().parent / "golden"


def render_plain(renderable: RenderableType, width: int) -> str:
    """What a colourless terminal ``width`` columns wide shows (trailing spaces dropped)."""
    console = Console(width=width, color_system=None, record=True, file=io.StringIO())
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run the tests with UPDATE_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8")
