"""Snapshots of the main screens of ``ipcs ui`` at 80x24 with the shipped corpus.

Deterministic: no index update at start (the index is built before), no clock on screen,
a fixed access date for citations, and every search and load waited for. Update them
after a deliberate change with ``pytest tests/test_ui_snapshots.py --snapshot-update``
and look at the report it writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from ui_world import SIZE, make_app, settle, shipped, typed

from ipcsreader.ui.app import IpcsApp


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return shipped(tmp_path_factory.mktemp("ui-snapshots"))


@pytest.fixture
def app(world) -> Iterator[IpcsApp]:
    made = make_app(*world)
    yield made
    made.service.close()


def test_search_screen(snap_compare, app: IpcsApp) -> None:
    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await typed(pilot, "north korea")

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_reading_screen(snap_compare, app: IpcsApp) -> None:
    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await typed(pilot, "north korea")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n", "n")

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_citation(snap_compare, app: IpcsApp) -> None:
    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await typed(pilot, "korea")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("c", "down", "down", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


@pytest.mark.parametrize("key", ["f2", "f3", "f4"])
def test_browse_screens(snap_compare, app: IpcsApp, key: str) -> None:
    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("escape", key)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_keys(snap_compare, app: IpcsApp) -> None:
    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=before)
