"""Shared test fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_PAGES = ROOT.parent / "shared" / "ipcs-pages"


@pytest.fixture
def shared_pages() -> Path:
    """The real pages in ../shared/ipcs-pages; the test is skipped where they are absent."""
    if not SHARED_PAGES.is_dir():
        pytest.skip(f"real IPCS pages not found at {SHARED_PAGES} (only in the team's checkout)")
    return SHARED_PAGES


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep every test away from the real user data folder and from colour settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("IPCS_DATA_DIR", str(home / "data"))
    monkeypatch.delenv("IPCS_CORPUS", raising=False)
    monkeypatch.delenv("IPCS_INDEX", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
