"""Imports point one way: front ends → library → store, views, desk, web → parse → model.

Read from the source (no module is imported), so that a shortcut across the layers fails
here with the module that took it, before it becomes a tangle.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "ipcsreader"
FRONT_ENDS = ("cli", "ui")
# Each layer, and what it may never import (a package, or a top-level module).
NEVER = {
    "model": ("*",),
    "errors": ("*",),
    "text": ("*",),
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


def _imports(path: Path) -> set[str]:
    """The ``ipcsreader`` modules ``path`` imports (dotted, without the package name)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
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
        found += [f"{module} imports the app: {n}" for n in imported if _within(n, "ui")]
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
