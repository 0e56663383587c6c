"""Random keystrokes end well in ``ipcs ui``: whatever is pressed, in whatever order and
at whatever terminal size, no handler or worker fails and the app stays up or quits.

The keys come from the app's own bindings (every screen, dialog and widget of
``ipcsreader.ui`` that declares some), so a key bound later is pressed too, with the keys
of lists and text boxes and a few words of the query language typed whole. The scenario
tests (``test_ui_*.py``) pin what each key does; this draws the sequences nobody wrote
down (a dialog opened while a search runs, a key pressed on a list the next query empties).
"""

from __future__ import annotations

import inspect
import pkgutil
import random
import shutil
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ipcs_site import Site
from textual.pilot import Pilot
from ui_world import drive, indexed, make_app, serve_listed, settle, small_corpus

import ipcsreader.ui

# Keys every list and text box takes, besides the bindings.
EDITING = [
    "enter",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "pageup",
    "pagedown",
    "home",
    "end",
    "delete",
    "backspace",
    "ctrl+a",
    "ctrl+e",
    "ctrl+k",
    "ctrl+u",
    "ctrl+w",
]
# Typed a key at a time: words that find something, the query language, and its mistakes.
WORDS = ["korea", "ports", "tides", "author:iyer", "year:2015", "date:>2014", '"', "zzz", "(", "~"]
CHARACTERS = {
    " ": "space",
    '"': "quotation_mark",
    ":": "colon",
    ">": "greater_than_sign",
    "(": "left_parenthesis",
    "~": "tilde",
}
SIZES = [(80, 24), (40, 12), (120, 40), (20, 8)]


def bound_keys() -> list[str]:
    """Every key bound by the app's own screens, dialogs and widgets, ``ctrl+c`` and
    ``ctrl+q`` (quit) aside."""
    keys: set[str] = set()
    for info in pkgutil.iter_modules(ipcsreader.ui.__path__):
        module = import_module(f"ipcsreader.ui.{info.name}")
        for _, owner in inspect.getmembers(module, inspect.isclass):
            if owner.__module__ != module.__name__:
                continue  # Textual's own widgets: their keys are EDITING's
            for binding in owner.__dict__.get("BINDINGS", ()):
                key = binding[0] if isinstance(binding, tuple) else binding.key
                keys.update(k.strip() for k in key.split(","))
    return sorted(keys - {"ctrl+c", "ctrl+q"})


KEYS = bound_keys()
# One step: a key, or a word typed a key at a time, each as likely as the others.
STEPS = [(key,) for key in KEYS + EDITING] + [
    tuple(CHARACTERS.get(c, c) for c in word) for word in WORDS
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The small corpus, indexed once; each example reads a copy (fetching adds to it)."""
    tmp = tmp_path_factory.mktemp("ui-random")
    return indexed(small_corpus(tmp), tmp / "index")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Fetching goes to a stand-in site holding #3870 (the listing's article the corpus
    lacks), no browser opens, and an export is written in a folder of the test's."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("webbrowser.open", lambda *args, **kwargs: True)
    with Site() as site:
        serve_listed(site, monkeypatch)
        yield


def test_the_keys_come_from_the_app() -> None:
    assert {"question_mark", "f1", "slash", "escape", "n", "t", "e"} <= set(KEYS)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(st.tuples(st.sampled_from(STEPS), st.booleans()), min_size=20, max_size=60),
    size=st.sampled_from(SIZES),
)
def test_random_keystrokes_end_well(
    world: tuple[Path, Path],
    offline: None,
    tmp_path_factory: pytest.TempPathFactory,
    steps: list[tuple[tuple[str, ...], bool]],
    size: tuple[int, int],
) -> None:
    # Hypothesis seeds `random` alike for every example, and Whoosh names a new segment
    # (a fetched page indexed) from it: the same name twice breaks Whoosh's own assert.
    random.seed()
    here = tmp_path_factory.mktemp("example")
    corpus, index = (shutil.copytree(p, here / p.name) for p in world)
    app = make_app(corpus, index)

    async def scenario(pilot: Pilot) -> None:
        for keys, wait in steps:
            if not app.is_running:  # "q" quits
                return
            await pilot.press(*keys)
            if wait:
                await settle(pilot, limit=60)
        if app.is_running:
            await settle(pilot, limit=60)

    drive(app, scenario, size=size)  # raises what any handler or worker raised
