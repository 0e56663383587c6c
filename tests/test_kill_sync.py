"""`ipcs fetch` and `ipcs sync` killed (SIGKILL) mid-download, mid-save and mid-index.

The killed runs are child processes (tests/killable.py) stopped at a chosen point and killed
there, against the stand-in site on 127.0.0.1. After each: no partial page in the corpus,
the next run resumes without fetching again what was saved, and every saved article is
found by a search.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Iterator

import pytest
from ipcs_site import Site
from test_faults import Child
from typer.testing import CliRunner

from ipcsreader import paths
from ipcsreader.model import Article
from ipcsreader.parse import parse_file
from ipcsreader.web.sync import STALE_TEMP

NUMBERS = [5101, 5102, 5103, 5104, 5105]


@pytest.fixture
def live(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    with Site(per_page=2) as site:
        for n in NUMBERS:
            site.add(
                n,
                f"Monsoon dispatch {n}",
                date=dt.date(2016, 7, n - 5100),
                paragraphs=(f"Paragraph about harbour{n} and the rains.", "A second one."),
            )
        site.point_ipcs_here(monkeypatch)
        yield site


def corpus_state() -> tuple[list[int], list[str]]:
    """The article pages in the user corpus (each must read as a whole article), and any
    other file there."""
    corpus = paths.user_corpus_dir()
    pages, others = [], []
    for path in sorted(corpus.iterdir()) if corpus.exists() else []:
        if path.suffix == ".html" and not path.name.startswith("."):
            page = parse_file(path)
            assert isinstance(page, Article), path
            assert page.paragraphs[-1] == "A second one.", path  # the whole page, not part
            pages.append(page.number)
        else:
            others.append(path.name)
    return sorted(pages), others


def searchable(numbers: list[int]) -> None:
    for n in numbers:
        found = CliRunner().invoke(app_(), ["search", f"harbour{n}", "--json"])
        assert found.exit_code == 0, (n, found.output)
        assert [h["number"] for h in json.loads(found.stdout)["hits"]] == [n]


def app_():
    from ipcsreader.cli import app

    return app


def resume(site: Site, saved: list[int]) -> None:
    """A plain sync afterwards: the rest is fetched, nothing saved is asked for again."""
    asked = len(site.article_requests())
    result = CliRunner().invoke(app_(), ["sync", "--json"])
    assert result.exit_code == 0, result.output
    again = site.article_requests()[asked:]
    assert not set(again) & set(saved), again
    assert corpus_state()[0] == NUMBERS
    searchable(NUMBERS)


@pytest.mark.parametrize("command", [["sync"], ["fetch", "5101-5105"]])
def test_killed_mid_download(live: Site, command: list[str]) -> None:
    child = Child("download", *command)
    child.wait_paused()
    child.kill()
    saved, others = corpus_state()
    assert len(saved) == 1  # the first article whole; the second never written
    assert [n for n in others if n.endswith(".tmp")] == []
    resume(live, saved)


def test_killed_mid_save_leaves_no_page_and_its_leftover_is_swept(live: Site) -> None:
    child = Child("save", "sync")
    child.wait_paused()
    child.kill()
    saved, others = corpus_state()
    assert saved == []  # written to a temporary file only: no page in the corpus
    leftovers = [n for n in others if n.endswith(".tmp")]
    assert len(leftovers) == 1 and leftovers[0].startswith(".")
    # A leftover this young may be another fetch's: kept; an old one is swept.
    corpus = paths.user_corpus_dir()
    resume(live, saved)
    assert (corpus / leftovers[0]).exists()
    old = time.time() - STALE_TEMP - 60
    os.utime(corpus / leftovers[0], (old, old))
    assert CliRunner().invoke(app_(), ["fetch", "5101"]).exit_code == 0
    assert not (corpus / leftovers[0]).exists()


@pytest.mark.parametrize("command", [["sync"], ["fetch", "5101-5105"]])
def test_killed_mid_index(live: Site, command: list[str]) -> None:
    # "parse": the index update after the downloads, reading its second page.
    child = Child("parse", *command)
    child.wait_paused()
    child.kill()
    saved, others = corpus_state()
    assert saved == NUMBERS  # every page was saved before the index update began
    assert [n for n in others if n.endswith(".tmp")] == []
    asked = len(live.article_requests())
    result = CliRunner().invoke(app_(), ["sync"])
    assert result.exit_code == 0, result.output
    assert live.article_requests()[asked:] == []
    searchable(NUMBERS)
