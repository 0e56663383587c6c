"""The polite HTTP client, against a real server on 127.0.0.1 (tests/ipcs_site.py)."""

from __future__ import annotations

import pytest
from ipcs_site import UNSUCCESSFUL_PAGE, FakeClock, Reply, Site, article_html
from ipcs_site import site_fixture as site_fixture  # the `site` fixture

from ipcsreader import __version__
from ipcsreader.errors import FetchError, NotFoundError, UsageError
from ipcsreader.web.fetch import Client, FetchSettings, RefusedError, article_path

ARTICLE = article_path(5)


def client_for(site: Site, clock: FakeClock | None = None, **settings: object) -> Client:
    """A client of ``site`` whose waits only move ``clock`` on."""
    clock = clock or FakeClock()
    options: dict[str, object] = {"delay": 1.0, "timeout": 5.0, "backoff": 2.0}
    options.update(settings)
    return Client(
        FetchSettings(base_url=site.base_url, **options),  # type: ignore[arg-type]
        clock=clock,
        sleep=clock.sleep,
    )


@pytest.fixture
def live(site: Site) -> Site:
    """The stand-in site, holding article 5."""
    site.add(5, "Maoists in Jharkhand")
    return site


def test_get_returns_the_page_unchanged_and_reads_robots_first(live: Site) -> None:
    with client_for(live) as client:
        body = client.get(ARTICLE)
    assert body == article_html(live.pieces[5]).encode()
    assert live.log == ["/robots.txt", ARTICLE]


def test_user_agent_names_ipcsreader_and_its_version(live: Site) -> None:
    with client_for(live) as client:
        client.get(ARTICLE)
    assert set(live.user_agents) == {
        f"ipcsreader/{__version__} (a terminal reader for the IPCS archive; polite crawler)"
    }


def test_contact_from_the_environment_joins_the_user_agent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IPCS_CONTACT", "reader@example.org")
    assert FetchSettings().user_agent.endswith("polite crawler; +reader@example.org)")


def test_requests_are_spaced_by_the_delay(live: Site) -> None:
    clock = FakeClock()
    with client_for(live, clock) as client:
        client.get(ARTICLE)
        client.get(ARTICLE)
    # robots.txt, then two pages: each waits a full second after the one before.
    assert clock.sleeps == [1.0, 1.0]
    assert live.requested(ARTICLE) == 2


def test_time_already_passed_counts_toward_the_delay(live: Site) -> None:
    clock = FakeClock()
    with client_for(live, clock) as client:
        client.get(ARTICLE)
        clock.now += 0.75
        client.get(ARTICLE)
    assert clock.sleeps == [1.0, 0.25]


def test_no_delay_means_no_waiting(live: Site) -> None:
    clock = FakeClock()
    with client_for(live, clock, delay=0.0) as client:
        client.get(ARTICLE)
        client.get(ARTICLE)
    assert clock.sleeps == []


def test_a_longer_crawl_delay_in_robots_txt_wins(live: Site) -> None:
    live.robots_txt = "User-agent: *\nCrawl-delay: 5\n"
    clock = FakeClock()
    with client_for(live, clock) as client:
        client.get(ARTICLE)
    assert clock.sleeps == [5.0]


def test_robots_txt_disallow_is_obeyed_and_the_page_never_requested(live: Site) -> None:
    live.add(6)
    live.robots_txt = "User-agent: *\nDisallow: /comm_select.php?articleNo=5\n"
    with client_for(live) as client:
        with pytest.raises(RefusedError) as refused:
            client.get(ARTICLE)
        assert client.get(article_path(6))
    assert refused.value.message == "robots.txt forbids /comm_select.php?articleNo=5"
    assert live.requested(ARTICLE) == 0
    assert live.requested("/robots.txt") == 1  # read once for the whole session


def test_robots_txt_rules_for_ipcsreader_apply_to_it(live: Site) -> None:
    live.robots_txt = "User-agent: ipcsreader\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    with client_for(live) as client, pytest.raises(RefusedError):
        client.get(ARTICLE)
    assert live.requested(ARTICLE) == 0


def test_robots_txt_refused_with_403_forbids_everything(live: Site) -> None:
    live.script("/robots.txt", Reply(403))
    with client_for(live) as client, pytest.raises(RefusedError):
        client.get(ARTICLE)
    assert live.log == ["/robots.txt"]


def test_a_missing_page_raises_not_found(live: Site) -> None:
    with client_for(live) as client, pytest.raises(NotFoundError) as missing:
        client.get(article_path(99))
    assert missing.value.message == (
        f"{live.base_url}/comm_select.php?articleNo=99 does not exist (404 Not Found)"
    )
    assert live.requested(article_path(99)) == 1  # a 404 is not retried


def test_a_500_then_200_is_retried_after_a_backoff(live: Site) -> None:
    live.script(ARTICLE, Reply(500, b"oops"))
    clock = FakeClock()
    with client_for(live, clock, delay=0.0) as client:
        body = client.get(ARTICLE)
    assert b"Maoists in Jharkhand" in body
    assert live.requested(ARTICLE) == 2
    assert clock.sleeps == [2.0]


def test_a_failing_page_backs_off_exponentially_then_gives_up(live: Site) -> None:
    live.script(ARTICLE, *[Reply(503)] * 4)
    clock = FakeClock()
    with client_for(live, clock, delay=0.0) as client, pytest.raises(FetchError) as failed:
        client.get(ARTICLE)
    assert clock.sleeps == [2.0, 4.0, 8.0]
    assert failed.value.message == (
        f"{live.base_url}{ARTICLE}: 503 Service Unavailable (gave up after 4 attempts)"
    )


def test_retry_after_from_the_server_is_honoured(live: Site) -> None:
    live.script(ARTICLE, Reply(503, headers={"Retry-After": "7"}))
    clock = FakeClock()
    with client_for(live, clock, delay=0.0) as client:
        client.get(ARTICLE)
    assert clock.sleeps == [7.0]


def test_the_connection_unsuccessful_page_is_retried(live: Site) -> None:
    live.script(ARTICLE, Reply(200, UNSUCCESSFUL_PAGE))
    with client_for(live, delay=0.0) as client:
        body = client.get(ARTICLE)
    assert b"Maoists in Jharkhand" in body
    assert live.requested(ARTICLE) == 2


def test_the_connection_unsuccessful_page_is_never_returned(live: Site) -> None:
    live.script(ARTICLE, *[Reply(200, UNSUCCESSFUL_PAGE)] * 2)
    with client_for(live, retries=1) as client, pytest.raises(FetchError) as failed:
        client.get(ARTICLE)
    assert 'the site answered "connection unsuccessful"' in failed.value.message


def test_a_slow_answer_times_out_and_is_retried(live: Site) -> None:
    live.script(ARTICLE, Reply(delay=0.5))
    with client_for(live, timeout=0.05, delay=0.0) as client:
        body = client.get(ARTICLE)
    assert b"Maoists in Jharkhand" in body
    assert live.requested(ARTICLE) == 2


def test_an_answer_that_stays_slow_fails(live: Site) -> None:
    live.script(ARTICLE, Reply(delay=0.5), Reply(delay=0.5))
    with client_for(live, timeout=0.05, retries=1) as client, pytest.raises(FetchError) as failed:
        client.get(ARTICLE)
    assert failed.value.message == (
        f"{live.base_url}{ARTICLE}: no answer within 0.05 s (gave up after 2 attempts)"
    )


def test_an_oversized_answer_without_a_length_is_cut_off(live: Site) -> None:
    live.script(ARTICLE, Reply(body=b"x" * 300_000, chunked=True))
    with client_for(live, max_bytes=100_000) as client, pytest.raises(RefusedError) as refused:
        client.get(ARTICLE)
    assert refused.value.message == (
        f"{live.base_url}{ARTICLE}: the answer is larger than 100,000 bytes; refused"
    )
    assert live.requested(ARTICLE) == 1  # too large is final, not retried


def test_an_oversized_answer_is_refused_from_its_declared_length(live: Site) -> None:
    live.script(ARTICLE, Reply(body=b"x" * 2_000))
    with client_for(live, max_bytes=1_000) as client, pytest.raises(RefusedError):
        client.get(ARTICLE)


def test_a_redirect_to_another_host_is_refused(live: Site) -> None:
    live.script(ARTICLE, Reply(302, headers={"Location": "http://elsewhere.example/x"}))
    with client_for(live) as client, pytest.raises(RefusedError) as refused:
        client.get(ARTICLE)
    assert refused.value.message == (
        f"{live.base_url}{ARTICLE}: refused a redirect to another site: http://elsewhere.example/x"
    )


def test_a_redirect_to_another_port_is_refused(live: Site) -> None:
    other = live.base_url.rsplit(":", 1)[0] + ":1"
    live.script(ARTICLE, Reply(301, headers={"Location": f"{other}/x"}))
    with client_for(live) as client, pytest.raises(RefusedError):
        client.get(ARTICLE)


def test_a_redirect_on_the_site_is_followed(live: Site) -> None:
    live.add(6, "Where the page moved")
    live.script(ARTICLE, Reply(301, headers={"Location": "/comm_select.php?articleNo=6"}))
    with client_for(live) as client:
        body = client.get(ARTICLE)
    assert b"Where the page moved" in body
    assert live.log == ["/robots.txt", ARTICLE, article_path(6)]


def test_a_redirect_into_a_forbidden_page_is_refused(live: Site) -> None:
    live.robots_txt = "User-agent: *\nDisallow: /private\n"
    live.script(ARTICLE, Reply(302, headers={"Location": "/private/5"}))
    with client_for(live) as client, pytest.raises(RefusedError):
        client.get(ARTICLE)
    assert "/private/5" not in live.log


def test_endless_redirects_end(live: Site) -> None:
    live.script(ARTICLE, *[Reply(302, headers={"Location": ARTICLE})] * 6)
    with client_for(live, delay=0.0) as client, pytest.raises(FetchError) as failed:
        client.get(ARTICLE)
    assert failed.value.message.endswith(": more than 5 redirects")


def test_an_address_on_another_site_is_never_requested(live: Site) -> None:
    with client_for(live) as client, pytest.raises(RefusedError) as refused:
        client.get("http://elsewhere.example/comm_select.php?articleNo=5")
    assert refused.value.message == (
        f"http://elsewhere.example/comm_select.php?articleNo=5 is not on {live.base_url}"
    )
    assert live.log == []


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPCS_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("IPCS_DELAY", "2.5")
    settings = FetchSettings.from_env()
    assert (settings.base_url, settings.delay) == ("http://127.0.0.1:9", 2.5)
    assert FetchSettings.from_env(delay=0.5).delay == 0.5


def test_the_default_is_ipcs_org_once_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IPCS_BASE_URL", raising=False)
    monkeypatch.delenv("IPCS_DELAY", raising=False)
    settings = FetchSettings.from_env()
    assert (settings.base_url, settings.delay) == ("https://www.ipcs.org", 1.0)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("IPCS_DELAY", "soon", "IPCS_DELAY must be a number of seconds, not 'soon'"),
        ("IPCS_DELAY", "-1", "IPCS_DELAY must not be negative, not '-1'"),
        (
            "IPCS_BASE_URL",
            "ftp://ipcs.org",
            "IPCS_BASE_URL must be an http(s) address, not 'ftp://ipcs.org'",
        ),
    ],
)
def test_bad_settings_are_usage_errors(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(UsageError) as bad:
        FetchSettings.from_env()
    assert bad.value.message == message


def test_a_damaged_compressed_answer_is_a_fetch_error(live: Site) -> None:
    # Before: httpx.DecodingError escaped as a traceback.
    garbage = Reply(200, b"\x1f\x8b not gzip at all", {"Content-Encoding": "gzip"})
    live.script(ARTICLE, garbage, garbage)
    with client_for(live, delay=0.0, retries=1) as client, pytest.raises(FetchError) as failed:
        client.get(ARTICLE)
    assert failed.value.message == (
        f"{live.base_url}{ARTICLE}: the answer's compressed body is damaged "
        "(gave up after 2 attempts)"
    )


def test_an_answer_that_is_no_text_is_refused(live: Site) -> None:
    # Before: an image was saved into the corpus as a page.
    image = Reply(200, b"\x89PNG\r\n\x1a\n" + bytes(100), {"Content-Type": "image/png"})
    live.script(ARTICLE, image)
    with client_for(live) as client, pytest.raises(FetchError) as failed:
        client.get(ARTICLE)
    assert failed.value.message == (
        f"{live.base_url}{ARTICLE}: the site answered with image/png, not a web page"
    )
    assert live.requested(ARTICLE) == 1  # not retried
