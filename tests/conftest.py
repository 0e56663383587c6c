"""Shared test fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Random tests run the same cases on every run in CI ("ci", the default), so a red build
# is never luck; `pytest --hypothesis-profile=explore` draws new cases each run, and any
# failure it finds is pinned with @example in the test.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile("ci")

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


@pytest.fixture(autouse=True)
def _deferred_checks_end_with_their_test() -> Iterator[None]:
    """A full check a command deferred to its exit runs as its test ends, not at the end
    of the session (when the test's folders may be gone)."""
    yield
    from ipcsreader import freshness
    from ipcsreader.store import forked

    freshness.run_deferred()
    forked.reap(wait=True)


@pytest.fixture(params=["after", "in a child"])
def checking(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways the staleness check before a search looks at the files: after the search,
    or in a child forked to do it meanwhile (for a corpus of any size)."""

    if request.param == "in a child":
        if not forked_child_possible():
            pytest.skip("no child can be forked here")
        monkeypatch.setattr("ipcsreader.freshness.FORK_FROM_FILES", 0)
    return request.param


def forked_child_possible() -> bool:
    """Whether a child can be forked, once threads an earlier test left are done (a test
    server's request threads end a moment after it shuts down)."""
    import threading
    import time

    from ipcsreader.store import forked

    deadline = time.monotonic() + 5
    while threading.active_count() > 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    return forked.available()
