"""Imports point one way: front ends → library → store, views, desk, web → parse → model.

Read from the source (no module is imported), so that a shortcut across the layers fails
here with the module that took it, before it becomes a tangle.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "ipcsreader"
FRONT_ENDS = ("cli", "ui")
UI_COMMAND = "cli.ui_cmd"
# Each layer, and what it may never import (a package, or a top-level module).
NEVER = {
    "model": ("*",),
    "errors": ("*",),
    "text": ("*",),
    "wordforms": ("*",),
    "numerals": ("*",),
    "names": ("parse", "archive", "store", "desk", "web", "cite", "render", "library"),
    "parse": ("archive", "store", "desk", "web", "cite", "render", "library", "update"),
    "archive": ("store", "desk", "web", "render", "library", "update"),
    "desk": ("store", "web", "render", "library", "update", "parse"),
    "store": ("desk", "web", "render", "library"),
    "web": ("desk", "render", "library"),
    "render": ("store", "library", "update", "web.fetch"),
}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(p for p in parts if p != "__init__")


def _imports(path: Path, *, top_level: bool = False) -> set[str]:
    """The ``ipcsreader`` modules ``path`` imports (dotted, without the package name);
    with ``top_level``, only those imported as the module loads (not inside a function)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = _outside_functions(tree) if top_level else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "ipcsreader":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("ipcsreader."):
                base = node.module.removeprefix("ipcsreader.")
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("ipcsreader.")
                for a in node.names
                if a.name.startswith("ipcsreader.")
            )
    return found


def _outside_functions(tree: ast.AST) -> Iterator[ast.AST]:
    for node in ast.iter_child_nodes(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield node
            yield from _outside_functions(node)


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _within(name: str, target: str) -> bool:
    return name == target or name.startswith(target + ".")


def _violations(path: Path) -> list[str]:
    module = _module(path)
    layer = module.split(".")[0]
    imported = _imports(path)
    found = []
    if layer not in FRONT_ENDS and module != "__main__":
        found += [f"{module} imports a front end: {n}" for n in imported if _front_end(n)]
    if layer == "cli":
        # The one door: `ipcs ui` starts the app, importing it inside the command only,
        # so that no other command loads Textual.
        app = _imports(path, top_level=True) if module == UI_COMMAND else imported
        found += [f"{module} imports the app: {n}" for n in sorted(app) if _within(n, "ui")]
    banned = NEVER.get(layer, ())
    for name in sorted(imported):
        if ("*" in banned and name != "__version__") or any(_within(name, b) for b in banned):
            found.append(f"{module} ({layer}) imports across the layers: {name}")
    return found


def _front_end(name: str) -> bool:
    return any(_within(name, f) for f in FRONT_ENDS)


def test_imports_point_one_way() -> None:
    assert len(SOURCES) > 80  # the package was found and read
    wrong = [v for path in SOURCES for v in _violations(path)]
    assert not wrong, "\n".join(wrong)


def test_a_shortcut_across_the_layers_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "ipcsreader"
    (fake / "parse").mkdir(parents=True)
    (fake / "parse" / "bad.py").write_text("from ipcsreader.store import catalog\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert _violations(fake / "parse" / "bad.py") == [
        "parse.bad (parse) imports across the layers: store",
        "parse.bad (parse) imports across the layers: store.catalog",
    ]


def test_the_cli_may_start_the_app_only_from_inside_the_ui_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "ipcsreader"
    (fake / "cli").mkdir(parents=True)
    (fake / "cli" / "ui_cmd.py").write_text(
        "def ui_command():\n    from ipcsreader.ui import run\n"
    )
    (fake / "cli" / "search_cmd.py").write_text(
        "def search_command():\n    from ipcsreader.ui import run\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert _violations(fake / "cli" / "ui_cmd.py") == []
    assert _violations(fake / "cli" / "search_cmd.py") == [
        "cli.search_cmd imports the app: ui",
        "cli.search_cmd imports the app: ui.run",
    ]
    (fake / "cli" / "ui_cmd.py").write_text("from ipcsreader.ui import run\n")  # at load time
    assert _violations(fake / "cli" / "ui_cmd.py") == [
        "cli.ui_cmd imports the app: ui",
        "cli.ui_cmd imports the app: ui.run",
    ]
