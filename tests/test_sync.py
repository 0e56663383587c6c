"""Fetching articles and walking section listings, against the stand-in site."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from ipcs_site import FIXTURES, FakeClock, Reply, Site, article_html
from ipcs_site import site_fixture as site_fixture  # the `site` fixture

from ipcsreader.errors import FetchError, UsageError
from ipcsreader.numbers import number_ranges
from ipcsreader.web.fetch import Client, FetchSettings, article_path
from ipcsreader.web.sync import (
    Downloader,
    Outcome,
    Report,
    Syncer,
    SyncState,
    fetch_numbers,
)


@pytest.fixture
def live(site: Site) -> Site:
    """Articles 1–7 in the commentaries, three to a listing page."""
    for number in range(1, 8):
        site.add(number, f"Article {number} on the Maoists")
    return site


class Run:
    """Runs the downloader and the syncer against ``site``, saving under ``folder``."""

    def __init__(self, site: Site, folder: Path) -> None:
        self.site = site
        self.corpus = folder / "corpus"
        self.state = folder / "state.json"

    def client(self, **settings: object) -> Client:
        clock = FakeClock()
        options: dict[str, object] = {"delay": 0.0, "retries": 1, "backoff": 0.0}
        options.update(settings)
        return Client(
            FetchSettings(base_url=self.site.base_url, **options),  # type: ignore[arg-type]
            clock=clock,
            sleep=clock.sleep,
        )

    def fetch(self, numbers: list[int], *, dry_run: bool = False) -> Report:
        with self.client() as client:
            return fetch_numbers(Downloader(client, self.corpus, dry_run=dry_run), numbers)

    def sync(
        self,
        known: set[int] = frozenset(),  # type: ignore[assignment]
        *,
        sections: tuple[str, ...] = ("commentaries",),
        limit: int | None = None,
        dry_run: bool = False,
    ) -> Report:
        with self.client() as client:
            downloader = Downloader(client, self.corpus, dry_run=dry_run)
            known = set(known) | {int(p.stem) for p in self.corpus.glob("*.html")}
            syncer = Syncer(downloader, SyncState.load(self.state), known, limit=limit)
            return syncer.run(sections)


@pytest.fixture
def run(live: Site, tmp_path: Path) -> Run:
    return Run(live, tmp_path)


def saved_files(run: Run) -> list[int]:
    return sorted(int(p.stem) for p in run.corpus.glob("*.html"))


# --- fetching given numbers --------------------------------------------------------------


def test_an_article_is_saved_raw_and_unchanged(run: Run) -> None:
    report = run.fetch([5])
    path = run.corpus / "5.html"
    assert report.outcomes == [Outcome(5, "saved", "Article 5 on the Maoists", path)]
    assert path.read_bytes() == article_html(run.site.pieces[5]).encode()
    assert [p.name for p in run.corpus.iterdir()] == ["5.html"]  # no temporary file left


def test_a_missing_number_is_reported_and_nothing_saved(run: Run) -> None:
    report = run.fetch([99])
    assert report.outcomes == [Outcome(99, "missing", "no such page (404)")]
    assert not run.corpus.exists()


def test_a_page_without_an_article_is_kept_and_said_to_be_unread(run: Run) -> None:
    raw = (FIXTURES / "no-article.html").read_bytes()
    run.site.script(article_path(8), Reply(200, raw))
    [outcome] = run.fetch([8]).outcomes
    assert (outcome.status, outcome.path) == ("unread", run.corpus / "8.html")
    assert outcome.detail.startswith("saved, but could not be read: not an IPCS page:")
    assert (run.corpus / "8.html").read_bytes() == raw


def test_a_page_robots_txt_forbids_is_refused_unrequested(run: Run) -> None:
    run.site.robots_txt = "User-agent: *\nDisallow: /comm_select.php?articleNo=3\n"
    report = run.fetch([3, 4])
    assert report.outcomes[0] == Outcome(3, "refused", "robots.txt forbids " + article_path(3))
    assert run.site.article_requests() == [4]


def test_a_page_that_keeps_failing_is_reported_and_the_rest_fetched(run: Run) -> None:
    run.site.script(article_path(2), Reply(500), Reply(500))
    report = run.fetch([2, 3])
    assert [(o.number, o.status) for o in report.outcomes] == [(2, "failed"), (3, "saved")]
    assert report.outcomes[0].detail.endswith(
        "500 Internal Server Error (gave up after 2 attempts)"
    )


def test_a_dry_run_requests_no_article_and_saves_nothing(run: Run) -> None:
    report = run.fetch([1, 2], dry_run=True)
    assert report.numbers("planned") == [1, 2]
    assert report.outcomes[0].detail == run.site.base_url + article_path(1)
    assert run.site.article_requests() == []
    assert not run.corpus.exists()


@pytest.mark.parametrize(
    ("specs", "numbers", "alone"),
    [
        (["4842"], [4842], {4842}),
        (["4840-4842", "4841", "7"], [4840, 4841, 4842, 7], {4841, 7}),
        ([" 12-12 "], [12], set()),
    ],
)
def test_numbers_and_ranges(specs: list[str], numbers: list[int], alone: set[int]) -> None:
    assert number_ranges(specs) == (numbers, alone)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("abc", "not an article number or range (like 4842 or 4840-4845): 'abc'"),
        ("12-", "not an article number or range (like 4842 or 4840-4845): '12-'"),
        ("0", "article numbers start at 1, not '0'"),
        ("-5", "article numbers start at 1, not '-5'"),
        ("--yse", "no such option: --yse"),
        ("9-3", "a range must go up, not '9-3'"),
    ],
)
def test_bad_numbers_are_usage_errors(spec: str, message: str) -> None:
    with pytest.raises(UsageError) as bad:
        number_ranges([spec])
    assert bad.value.message == message


# --- syncing -----------------------------------------------------------------------------


def test_a_fresh_sync_fetches_everything_newest_first(run: Run) -> None:
    report = run.sync()
    assert report.numbers("saved") == [7, 6, 5, 4, 3, 2, 1]
    assert report.listings == 3
    assert run.site.article_requests() == [7, 6, 5, 4, 3, 2, 1]
    assert saved_files(run) == [1, 2, 3, 4, 5, 6, 7]


def test_a_second_sync_fetches_nothing(run: Run) -> None:
    run.sync()
    run.site.log.clear()
    report = run.sync()
    assert report.outcomes == []
    assert run.site.log == ["/robots.txt", "/commentaries.php"]


def test_a_later_sync_fetches_only_what_is_new(run: Run) -> None:
    run.sync()
    run.site.add(8)
    run.site.add(9)
    run.site.log.clear()
    report = run.sync()
    assert report.numbers("saved") == [9, 8]
    # Page 1 (9, 8, 7) has new rows; page 2 (6, 5, 4) is all known: the walk stops there.
    assert report.listings == 2


def test_a_first_sync_does_not_stop_at_a_page_already_known(run: Run) -> None:
    report = run.sync(known={7, 6, 5})
    assert report.numbers("saved") == [4, 3, 2, 1]
    assert 7 not in run.site.article_requests()


def test_an_interrupted_sync_continues_where_it_stopped(run: Run) -> None:
    first = run.sync(limit=2)
    assert (first.numbers("saved"), first.stopped_at_max) == ([7, 6], True)
    second = run.sync()
    assert second.numbers("saved") == [5, 4, 3, 2, 1]
    assert set(Counter(run.site.article_requests()).values()) == {1}  # none fetched twice
    assert run.sync().outcomes == []


def test_progress_is_saved_after_every_article(run: Run) -> None:
    run.sync(limit=4)
    state = json.loads(run.state.read_text())
    assert state["sections"]["commentaries"] == {"complete": False, "page": 3, "pending": [3, 2]}


def test_a_failing_site_ends_the_sync_and_the_next_goes_on(run: Run) -> None:
    run.site.script(article_path(4), Reply(503), Reply(503))
    first = run.sync()
    assert first.numbers("saved") == [7, 6, 5]
    assert first.error is not None
    assert first.error.endswith("503 Service Unavailable (gave up after 2 attempts)")
    second = run.sync()
    assert (second.numbers("saved"), second.error) == ([4, 3, 2, 1], None)


def test_a_failing_listing_ends_the_sync_and_the_next_goes_on(run: Run) -> None:
    run.site.script("/commentaries.php?pageno=2", Reply(500), Reply(500))
    first = run.sync()
    assert first.numbers("saved") == [7, 6, 5]
    assert first.error is not None
    assert run.sync().numbers("saved") == [4, 3, 2, 1]


def test_a_page_robots_txt_forbids_is_never_requested(run: Run) -> None:
    run.site.robots_txt = "User-agent: *\nDisallow: /comm_select.php?articleNo=5\n"
    first = run.sync()
    assert first.numbers("refused") == [5]
    assert run.sync().outcomes == []
    assert 5 not in run.site.article_requests()


def test_a_listed_number_the_site_lacks_is_not_asked_again(run: Run) -> None:
    run.site.script(article_path(6), Reply(404))
    assert run.sync().numbers("missing") == [6]
    assert run.sync().outcomes == []
    assert run.site.article_requests().count(6) == 1


def test_a_dry_run_sync_reads_listings_only_and_remembers_nothing(run: Run) -> None:
    report = run.sync(dry_run=True, limit=5)
    assert report.numbers("planned") == [7, 6, 5, 4, 3]
    assert run.site.article_requests() == []
    assert not run.state.exists()
    assert not run.corpus.exists()


def test_sections_are_walked_in_turn(run: Run) -> None:
    run.site.add(20, "A brief", section="issue_briefs.php")
    report = run.sync(sections=("issue-briefs", "commentaries"))
    assert report.numbers("saved") == [20, 7, 6, 5, 4, 3, 2, 1]


def test_an_empty_section_is_walked_without_error(run: Run) -> None:
    report = run.sync(sections=("research-papers",))
    assert (report.outcomes, report.error) == ([], None)
    assert "/research_paper.php" in run.site.log


def test_an_unreadable_state_file_is_an_error(run: Run) -> None:
    run.state.write_text("{not json")
    with pytest.raises(FetchError) as bad:
        SyncState.load(run.state)
    assert bad.value.message.startswith(f"cannot read the sync state {run.state}: ")


# A first listing page that is not there, or lists nothing in a layout ipcs reads, is no
# "Nothing new: the corpus is up to date" (which is what a sync said before).


def test_a_first_listing_page_that_is_missing_is_an_error(run: Run) -> None:
    run.site.script("/commentaries.php", Reply(404))
    report = run.sync()
    assert report.outcomes == []
    assert report.error == "/commentaries.php: no such listing page (404) on the site"


def test_a_first_listing_page_in_no_known_layout_is_an_error(run: Run) -> None:
    page = b"<html><body><h1>Welcome</h1><p>Our new site.</p></body></html>"
    run.site.script("/commentaries.php", Reply(200, page, {"Content-Type": "text/html"}))
    report = run.sync()
    assert report.outcomes == []
    assert report.error is not None
    assert report.error.startswith("/commentaries.php: no list of articles ipcs can read (")
    assert report.error.endswith("); the site's layout may have changed")
