"""Whoosh imported without what it never uses here.

``whoosh.compat`` imports ``urllib.request`` (and with it HTTP, e-mail and SSL) for a
download helper, ``whoosh.reading`` imports the ``cached_property`` package, which
imports ``asyncio``: together 30–60 ms of a one-shot command, more than its search takes.
``whoosh.query.terms`` imports ``whoosh.lang.morph_en`` (4 ms of large regular
expressions) for the ``Variations`` query, which we never build.
:func:`install` lets those modules, when first imported, see light stand-ins for those
imports; the stand-ins are withdrawn as soon as the module is loaded, so anything
imported later (or asking for the download helper or the variations) gets the real
modules.

Relies only on those modules importing those names at load time (whoosh-reloaded
2.7.5, ``pyproject.toml``: ``<2.8``): should they stop, the stand-ins are simply never
used; should Whoosh need more of them, ``tests/test_cli_lean.py`` fails.
"""

from __future__ import annotations

import functools
import sys
import types
from importlib.machinery import ModuleSpec, PathFinder
from typing import Any

_LEAN = frozenset({"whoosh.compat", "whoosh.reading", "whoosh.query.terms"})


def install() -> None:
    """Have the next first import of those Whoosh modules use the stand-ins (once)."""
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    from urllib.request import urlretrieve  # the real one: the stand-in is gone by now

    return urlretrieve(*args, **kwargs)


def _variations(word: str) -> Any:
    from whoosh.lang.morph_en import variations  # the real one: the stand-in is gone by now

    return variations(word)


def _stand_ins() -> dict[str, types.ModuleType]:
    request = types.ModuleType("urllib.request")
    request.urlretrieve = _urlretrieve  # type: ignore[attr-defined]
    cached = types.ModuleType("cached_property")
    # The same contract for Whoosh's use: computed on first access, kept on the instance.
    cached.cached_property = functools.cached_property  # type: ignore[attr-defined]
    morph = types.ModuleType("whoosh.lang.morph_en")
    morph.variations = _variations  # type: ignore[attr-defined]
    return {"urllib.request": request, "cached_property": cached, "whoosh.lang.morph_en": morph}


# Plain classes: importlib.abc alone would cost 4 ms.
class _Finder:
    def find_spec(
        self, fullname: str, path: Any, target: types.ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname not in _LEAN:
            return None
        spec = PathFinder.find_spec(fullname, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)  # type: ignore[assignment]
        return spec


class _Loader:
    """The file's own loader, run with the stand-ins in place of modules not yet loaded."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def __getattr__(self, name: str) -> Any:  # get_source() and the like: the real loader's
        return getattr(self._loader, name)

    def create_module(self, spec: ModuleSpec) -> types.ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        added = {name: m for name, m in _stand_ins().items() if name not in sys.modules}
        sys.modules.update(added)
        try:
            self._loader.exec_module(module)
        finally:
            for name, stand_in in added.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]
