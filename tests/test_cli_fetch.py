"""`ipcs fetch` and `ipcs sync` through the command line, against the stand-in site."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from ipcs_site import Reply, Site
from ipcs_site import site_fixture as site_fixture  # the `site` fixture
from typer.testing import CliRunner

from ipcsreader import paths
from ipcsreader.cli import app
from ipcsreader.web.fetch import article_path


@pytest.fixture
def live(site: Site, monkeypatch: pytest.MonkeyPatch) -> Site:
    """Three commentaries, robots.txt forbidding the middle one; the CLI pointed at it."""
    site.add(
        5101,
        "Jharkhand's Counter-LWE Policy",
        date=dt.date(2016, 7, 20),
        column="Red Affairs",
        author="Bibhu Prasad Routray",
        role="Visiting Fellow",
        paragraphs=(
            "Given that a force-centric policy has taken precedence over the rest.",
            "The state had been carved out of Bihar in 2000.",
        ),
    )
    site.add(5102, "Forbidden Fruit of the Archive")
    site.add(
        5103,
        "Sri Lanka: A Silent Revolution",
        date=dt.date(2016, 8, 2),
        column="Dateline Colombo",
        author="Asanga Abeyagoonasekera",
        role="Columnist",
        paragraphs=("The dramatic change of government in Colombo surprised many observers.",),
    )
    site.robots_txt = "User-agent: *\nDisallow: /comm_select.php?articleNo=5102\n"
    site.point_ipcs_here(monkeypatch)
    return site


def ipcs(*args: str):
    return CliRunner().invoke(app, list(args))


def test_sync_brings_a_fresh_corpus_up_to_date(live: Site) -> None:
    result = ipcs("sync")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "saved         5103  Sri Lanka: A Silent Revolution\n"
        f"refused       5102  robots.txt forbids {article_path(5102)}\n"
        "saved         5101  Jharkhand's Counter-LWE Policy\n"
        "Saved 2 articles, after reading 5 listing pages; 1 refused.\n"
    )
    assert sorted(p.name for p in paths.user_corpus_dir().iterdir()) == ["5101.html", "5103.html"]
    assert article_path(5102) not in live.log


def test_fetched_articles_can_be_read_and_searched(live: Site) -> None:
    ipcs("sync")
    shown = ipcs("read", "5101", "--color", "never")
    assert shown.exit_code == 0, shown.output
    for text in (
        "Jharkhand's Counter-LWE Policy",
        "Red Affairs",
        "20 July 2016",
        "Bibhu Prasad Routray",
        "Given that a force-centric policy has taken precedence over the rest.",
        "The state had been carved out of Bihar in 2000.",
    ):
        assert text in shown.stdout
    found = ipcs("search", "colombo", "--json")
    assert found.exit_code == 0, found.output
    assert [hit["number"] for hit in json.loads(found.stdout)["hits"]] == [5103]


def test_a_second_sync_fetches_nothing(live: Site) -> None:
    ipcs("sync")
    live.log.clear()
    result = ipcs("sync")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Nothing new: the corpus is up to date, after reading 5 listing pages.\n"
    )
    assert live.article_requests() == []


def test_sync_of_one_section_as_json(live: Site) -> None:
    live.add(7001, "A Brief on Water", section="issue_briefs.php")
    result = ipcs("sync", "--section", "issue-briefs", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["saved"], data["listing_pages"], data["error"]) == ([7001], 1, None)
    assert data["outcomes"][0]["file"] == str(paths.user_corpus_dir() / "7001.html")


def test_sync_max_stops_and_the_next_sync_goes_on(live: Site) -> None:
    first = ipcs("sync", "--max", "1")
    assert first.exit_code == 0, first.output
    assert first.stdout.endswith(
        "Saved 1 article, after reading 1 listing page. "
        "Stopped at --max; run `ipcs sync` again to go on.\n"
    )
    second = ipcs("sync", "--json")
    assert json.loads(second.stdout)["saved"] == [5101]


def test_sync_dry_run_saves_nothing(live: Site) -> None:
    result = ipcs("sync", "--dry-run", "--section", "commentaries")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(
        "Would fetch 3 articles (dry run: nothing saved), after reading 1 listing page.\n"
    )
    assert live.article_requests() == []
    assert not paths.user_corpus_dir().exists()


def test_sync_max_must_be_positive(live: Site) -> None:
    result = ipcs("sync", "--max", "0")
    assert result.exit_code == 2
    assert result.stderr == "Error: --max must be at least 1, not 0\n"


def test_sync_rejects_an_unknown_section(live: Site) -> None:
    result = ipcs("sync", "--section", "poems")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --section must be commentaries, issue-briefs, special-reports, "
        "research-papers or discussion-reports, not 'poems' (see ipcs sync -h)\n"
    )


def test_a_failing_site_ends_sync_with_an_error(live: Site) -> None:
    live.script("/commentaries.php", Reply(500))
    result = ipcs("sync")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        f"Error: {live.base_url}/commentaries.php: 500 Internal Server Error "
        "(gave up after 1 attempt); run `ipcs sync` again to go on from here\n"
    )


def test_fetch_numbers_and_a_range(live: Site) -> None:
    result = ipcs("fetch", "5103", "5100-5101")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "saved         5103  Sri Lanka: A Silent Revolution\n"
        "missing       5100  no such page (404)\n"
        "saved         5101  Jharkhand's Counter-LWE Policy\n"
        "Saved 2 articles; 1 missing.\n"
    )
    shown = ipcs("read", "5103", "--color", "never")
    assert "The dramatic change of government in Colombo" in shown.stdout


def test_fetch_of_a_single_missing_number_fails(live: Site) -> None:
    result = ipcs("fetch", "9999")
    assert result.exit_code == 1
    assert result.stderr == f"Error: No article 9999 on {live.base_url}: no such page (404)\n"


def test_fetch_of_a_forbidden_number_fails_without_asking(live: Site) -> None:
    result = ipcs("fetch", "5102")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: No article 5102 on {live.base_url}: robots.txt forbids {article_path(5102)}\n"
    )
    assert article_path(5102) not in live.log


def test_fetch_of_a_failing_page_fails(live: Site) -> None:
    live.script(article_path(5101), Reply(503))
    result = ipcs("fetch", "5101", "5103")
    assert result.exit_code == 1
    assert result.stderr.endswith("Error: article 5101 could not be downloaded; try again later\n")
    assert (paths.user_corpus_dir() / "5103.html").exists()


def test_fetch_dry_run_downloads_nothing(live: Site) -> None:
    result = ipcs("fetch", "#5101", "--dry-run")  # as pages print it, and other commands take
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"would fetch   5101  {live.base_url}{article_path(5101)}\n"
        "Would fetch 1 article (dry run: nothing saved).\n"
    )
    assert live.article_requests() == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["fetch", "48x"],
            "not an article number or range (like 4842, #4842 or 4840-4845): '48x'",
        ),
        (["fetch", "9-3"], "a range must go up, not '9-3'"),
        (
            ["fetch", "1", "--delay", "-1"],
            "the delay between requests must be 0 to 3600 seconds, not -1",
        ),
        (
            ["sync", "--delay", "nan"],
            "the delay between requests must be 0 to 3600 seconds, not nan",
        ),
        (
            ["fetch", "1", "--delay", "inf"],
            "the delay between requests must be 0 to 3600 seconds, not inf",
        ),
        (["fetch", "1", "--bogus"], "no such option: --bogus (see ipcs fetch -h)"),
        (
            ["fetch", "--forse", "1"],
            "no such option: --forse (did you mean --force?) (see ipcs fetch -h)",
        ),
        (["fetch", "-5"], "article numbers start at 1, not '-5'"),
    ],
)
def test_fetch_usage_errors(live: Site, args: list[str], message: str) -> None:
    result = ipcs(*args)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {message}\n"
    assert live.log == []


def test_a_bad_base_url_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPCS_BASE_URL", "ipcs.org")
    result = ipcs("fetch", "1")
    assert result.exit_code == 2
    assert result.stderr == "Error: IPCS_BASE_URL must be an http(s) address, not 'ipcs.org'\n"


def test_fetch_skips_what_is_saved_and_says_so_once(live: Site) -> None:
    assert ipcs("fetch", "5101", "5103").exit_code == 0
    asked = len(live.article_requests())
    again = ipcs("fetch", "5103", "5100-5101")
    assert again.exit_code == 0, again.output
    assert again.stdout == (
        "missing       5100  no such page (404)\n"
        "Skipped 2 articles already saved (5103, 5101); --force fetches again.\n"
        "Saved 0 articles; 1 missing.\n"
    )
    assert live.article_requests()[asked:] == [5100]
    forced = ipcs("fetch", "5101", "--force", "--json")
    assert forced.exit_code == 0, forced.output
    assert json.loads(forced.stdout)["saved"] == [5101]
    assert json.loads(forced.stdout)["skipped"] == []
    assert live.article_requests()[-1] == 5101


def test_a_large_range_needs_yes(live: Site) -> None:
    refused = ipcs("fetch", "5101-7000")
    assert refused.exit_code == 2
    assert refused.stderr == (
        "Error: 5101-7000 is 1,900 numbers; ranges over 1,000 need --yes "
        "(to be sure it is not a typo)\n"
    )
    assert live.log == []
    planned = ipcs("fetch", "5101-7000", "--yes", "--dry-run", "--json")
    assert planned.exit_code == 0, planned.output
    assert len(json.loads(planned.stdout)["planned"]) == 1900


@pytest.mark.parametrize("command", [["sync", "--max", "2"], ["fetch", "5101", "5103"]])
def test_an_unreachable_site_is_one_line_and_a_failure(
    monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    # Port 9 (discard) on the loopback address: nothing listens there.
    monkeypatch.setenv("IPCS_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("IPCS_RETRIES", "1")
    monkeypatch.setenv("IPCS_DELAY", "0")
    monkeypatch.setattr("time.sleep", lambda _s: None)  # no real backoff waits
    result = ipcs(*command)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(
        "Error: cannot reach http://127.0.0.1:9: connection failed (Connection refused) "
        "(gave up after 2 attempts)"
    )
    assert "up to date" not in result.output


def test_an_unreadable_page_is_kept_listed_apart_and_read_again_by_a_newer_parser(
    live: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ipcs_site import FIXTURES, article_html

    import ipcsreader
    from ipcsreader.parse import parse_bytes
    from ipcsreader.store import corpus

    raw = (FIXTURES / "no-article.html").read_bytes()
    live.script(article_path(5100), Reply(200, raw))
    fetched = ipcs("fetch", "5100-5101")
    assert fetched.exit_code == 0, fetched.output
    assert fetched.stdout.startswith(
        "unread        5100  saved, but could not be read: not an IPCS page"
    )
    assert fetched.stdout.endswith(
        "Saved 1 article; 1 saved but not readable (`ipcs index` lists them).\n"
    )
    kept = paths.user_corpus_dir() / "5100.html"
    assert kept.read_bytes() == raw

    listed = ipcs("index", "--json")
    assert listed.exit_code == 0, listed.output  # kept on purpose: not a failure
    data = json.loads(listed.stdout)
    assert data["failed"] == []
    assert [u["file"] for u in data["unread"]] == [str(kept.resolve())]
    text = ipcs("index")
    assert "1 fetched page kept but not readable as articles" in text.stdout
    assert text.stderr.startswith(f"unread: {kept.resolve()}: not an IPCS page")

    # The same parser: the file is not read again. A newer one (which reads it): the index
    # is read anew, that file with every other.
    reads: list[str] = []
    real = corpus.read_page
    current = ipcsreader.PARSER_VERSION

    def newer(path, data=None):
        reads.append(path.name)
        if path.name == "5100.html" and current < ipcsreader.PARSER_VERSION:
            live.add(5100, "Read At Last")
            return parse_bytes(article_html(live.pieces[5100]).encode(), str(path))
        return real(path, data)

    monkeypatch.setattr(corpus, "read_page", newer)
    assert ipcs("index").exit_code == 0
    assert reads == []
    monkeypatch.setattr(ipcsreader, "PARSER_VERSION", current + 1)
    upgraded = ipcs("index", "--json")
    assert reads.count("5100.html") >= 1 and "5101.html" in reads
    assert json.loads(upgraded.stdout)["rebuilt"] and json.loads(upgraded.stdout)["unread"] == []
    assert "made by an older version of ipcs" in upgraded.stderr
    read = ipcs("read", "5100", "--format", "json")
    assert json.loads(read.stdout)["title"] == "Read At Last"


def test_a_number_given_alone_whose_page_is_no_article_ends_with_exit_1(live: Site) -> None:
    # Before: exit 0 ("Saved 0 articles; 1 saved but not readable"), as if it had worked.
    from ipcs_site import FIXTURES

    live.script(article_path(5100), Reply(200, (FIXTURES / "no-article.html").read_bytes()))
    fetched = ipcs("fetch", "5100")
    assert fetched.exit_code == 1, fetched.output
    assert fetched.stderr.splitlines()[-1].startswith(
        "Error: article 5100 was saved, but could not be read: not an IPCS page"
    )
    assert (paths.user_corpus_dir() / "5100.html").exists()  # kept for a better parser
