"""A polite HTTP client for ipcs.org: one site, a slow pace, robots.txt obeyed.

Every request goes to the configured base address (``IPCS_BASE_URL``) and nowhere else:
redirects are followed by hand so that one pointing at another host can be refused. At
most one request leaves per ``delay`` seconds; a timeout, a 5xx answer or the site's
"connection unsuccessful" page is retried with exponential backoff; an answer larger than
``max_bytes`` is cut off and refused. The clock and ``sleep`` are injectable so that tests
never wait for real.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ipcsreader import __version__
from ipcsreader.errors import FetchError, NotFoundError, UsageError

if TYPE_CHECKING:
    import httpx

DEFAULT_BASE_URL = "https://www.ipcs.org"
USER_AGENT = f"ipcsreader/{__version__} (a terminal reader for the IPCS archive; polite crawler)"
# The site's own error page arrives as a 200 whose body says this.
UNSUCCESSFUL_MARKER = b"connection unsuccessful"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_REDIRECTS = 5
_MAX_BACKOFF = 60.0
MAX_DELAY = 3600.0  # seconds between requests: more is a typo, and nan or inf never end
MAX_RETRIES = 100  # more would keep a sync asking a dead site for days


def article_path(number: int) -> str:
    """The site-relative address of article ``number``."""
    return f"/comm_select.php?articleNo={number}"


@dataclass(frozen=True)
class FetchSettings:
    """How the client behaves; :meth:`from_env` reads them from ``IPCS_*`` variables."""

    base_url: str = DEFAULT_BASE_URL
    delay: float = 1.0  # seconds between two requests, at least
    timeout: float = 30.0  # per request, connecting and reading
    retries: int = 3  # further attempts after a failed one
    backoff: float = 2.0  # first wait before a retry; doubles each time
    max_bytes: int = 5_000_000
    user_agent: str = field(default_factory=lambda: _user_agent())

    @classmethod
    def from_env(cls, **overrides: object) -> FetchSettings:
        """Settings from IPCS_BASE_URL, IPCS_DELAY, IPCS_TIMEOUT, IPCS_RETRIES.

        ``overrides`` that are not None win over the environment.
        """
        found: dict[str, object] = {}
        base = os.environ.get("IPCS_BASE_URL")
        if base:
            found["base_url"] = base
        for name, key, kind in _NUMBERS:
            raw = os.environ.get(name)
            if raw:
                found[key] = _number(raw, name, kind)
        found.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**found)  # type: ignore[arg-type]
        settings.check()
        return settings

    def check(self) -> None:
        """Raise :class:`UsageError` for settings the client cannot work with."""
        try:
            parts = urlsplit(self.base_url)
            parts.port  # noqa: B018 (reading it checks it: a port past 65535, a broken [::1)
        except ValueError as error:
            raise UsageError(
                f"IPCS_BASE_URL {self.base_url!r} is not an address ({error})"
            ) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"IPCS_BASE_URL must be an http(s) address, not {self.base_url!r}")
        if not 0 <= self.delay <= MAX_DELAY:
            raise UsageError(
                f"the delay between requests must be 0 to {MAX_DELAY:g} seconds, not {self.delay:g}"
            )
        if not (math.isfinite(self.timeout) and math.isfinite(self.backoff)):
            raise UsageError("timeout and backoff must be finite numbers of seconds")
        if self.retries > MAX_RETRIES:
            raise UsageError(f"IPCS_RETRIES must be 0 to {MAX_RETRIES}, not {self.retries}")
        if self.timeout <= 0 or self.retries < 0 or self.max_bytes <= 0 or self.backoff < 0:
            raise UsageError(
                "timeout and size limit must be positive, retries and backoff not negative"
            )


def _user_agent() -> str:
    # Site operators can reach whoever runs the crawl when IPCS_CONTACT names them.
    contact = os.environ.get("IPCS_CONTACT")
    return f"{USER_AGENT[:-1]}; +{contact})" if contact else USER_AGENT


_NUMBERS = (
    ("IPCS_DELAY", "delay", float),
    ("IPCS_TIMEOUT", "timeout", float),
    ("IPCS_RETRIES", "retries", int),
)


def _number(raw: str, name: str, kind: type[float] | type[int]) -> float:
    try:
        value = kind(raw)
    except ValueError:
        what = "a number of seconds" if kind is float else "a whole number"
        raise UsageError(f"{name} must be {what}, not {raw!r}") from None
    if value < 0:
        raise UsageError(f"{name} must not be negative, not {raw!r}")
    return value


class RefusedError(FetchError):
    """A page we will not fetch: robots.txt forbids it, it leads off the site, or is too large."""


class UnreachableError(FetchError):
    """No connection to the site could be made at all (nothing listens, no route, no DNS)."""


class _Retryable(Exception):
    """A failure worth another attempt; ``wait`` is what the server asked for, if anything."""

    def __init__(
        self, reason: str, wait: float | None = None, *, unreachable: bool = False
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait
        self.unreachable = unreachable  # no connection was made: the site, not the page


class Client:
    """Fetches pages of one site, politely. Use as a context manager, or call :meth:`close`."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        import httpx

        self.settings = settings or FetchSettings.from_env()
        self.settings.check()
        self._clock = clock
        self._sleep = sleep
        self._last_request: float | None = None
        self._robots: RobotFileParser | None = None
        self._origin = _origin(self.settings.base_url)
        self.requests = 0  # how many requests left this client, retries included
        self._http = httpx.Client(
            headers={"User-Agent": self.settings.user_agent},
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=False,
            trust_env=False,  # no proxies or .netrc credentials from the environment
        )

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def url(self, path: str) -> str:
        """The absolute address of a site-relative ``path``; never one on another site."""
        url = urljoin(self.settings.base_url.rstrip("/") + "/", path.lstrip("/"))
        if _origin(url) != self._origin:
            raise RefusedError(f"{path} is not on {self.settings.base_url}")
        return url

    def allowed(self, path: str) -> bool:
        """Whether robots.txt lets us request ``path`` (read once, on first use)."""
        return self._robot_rules().can_fetch(self.settings.user_agent, self.url(path))

    def get(self, path: str) -> bytes:
        """The body of ``path`` on the site.

        Raises :class:`NotFoundError` for a 404 or 410; :class:`RefusedError` when
        robots.txt forbids the page, a redirect leaves the site or the answer is too large;
        :class:`FetchError` when the site refuses us or still fails after every retry.
        """
        url = self.url(path)
        if not self.allowed(path):
            raise RefusedError(f"robots.txt forbids {path}")
        status, reason, body = self._get_with_retries(url)
        if status in (404, 410):
            raise NotFoundError(f"{url} does not exist ({status} {reason})")
        if status != 200:
            raise FetchError(f"{url}: {status} {reason}")
        return body

    def status(self, path: str) -> int:
        """The status the site answers ``path`` with (redirects on the site followed).

        Raises :class:`RefusedError` when robots.txt forbids ``path`` (robots.txt itself is
        always asked for), :class:`FetchError` when no answer comes.
        """
        if path != "/robots.txt" and not self.allowed(path):
            raise RefusedError(f"robots.txt forbids {path}")
        status, _, _ = self._get_with_retries(self.url(path))
        return status

    def _robot_rules(self) -> RobotFileParser:
        if self._robots is None:
            url = self.url("/robots.txt")
            status, _, body = self._get_with_retries(url)
            rules = RobotFileParser(url)
            # As urllib.robotparser does: refused means nothing is allowed, absent means all is.
            if status in (401, 403):
                rules.disallow_all = True  # type: ignore[attr-defined]  # as robotparser does
            elif status == 200:
                rules.parse(body.decode("utf-8", "replace").splitlines())
            else:
                rules.allow_all = True  # type: ignore[attr-defined]
            self._robots = rules
        return self._robots

    def _pace_delay(self) -> float:
        """The gap between requests: ours, or robots.txt's Crawl-delay when that is longer."""
        asked = self._robots.crawl_delay(self.settings.user_agent) if self._robots else None
        return max(self.settings.delay, float(asked or 0))

    def _get_with_retries(self, url: str) -> tuple[int, str, bytes]:
        wait = self.settings.backoff
        attempt = 0
        while True:
            try:
                return self._follow(url)
            except _Retryable as failure:
                if attempt >= self.settings.retries and failure.unreachable:
                    raise UnreachableError(
                        f"cannot reach {self.settings.base_url}: {failure.reason} "
                        f"(gave up after {_attempts(attempt + 1)})"
                    ) from None
                if attempt >= self.settings.retries:
                    raise FetchError(
                        f"{url}: {failure.reason} (gave up after {_attempts(attempt + 1)})"
                    ) from None
                self._sleep(min(max(wait, failure.wait or 0), _MAX_BACKOFF))
                wait *= 2
                attempt += 1

    def _follow(self, url: str) -> tuple[int, str, bytes]:
        for _ in range(_MAX_REDIRECTS + 1):
            status, reason, location, body = self._request(url)
            if status not in _REDIRECTS:
                return status, reason, body
            if not location:
                raise FetchError(f"{url}: redirect ({status}) without a Location")
            target = urljoin(url, location)
            if _origin(target) != self._origin:
                raise RefusedError(f"{url}: refused a redirect to another site: {target}")
            if self._robots is not None and not self._robots.can_fetch(
                self.settings.user_agent, target
            ):
                raise RefusedError(f"{url}: redirects to {target}, which robots.txt forbids")
            url = target
        raise FetchError(f"{url}: more than {_MAX_REDIRECTS} redirects")

    def _request(self, url: str) -> tuple[int, str, str | None, bytes]:
        """One request, after waiting our turn: (status, reason, Location header, body).

        The body is read only from a 200 answer.
        """
        import httpx

        self._wait_turn()
        self.requests += 1
        try:
            with self._http.stream("GET", url) as response:
                status, reason = response.status_code, response.reason_phrase
                if status >= 500:
                    raise _Retryable(f"{status} {reason}", _retry_after(response))
                if status != 200:
                    return status, reason, response.headers.get("Location"), b""
                _check_kind(url, response.headers.get("Content-Type", ""))
                body = self._read_capped(url, response)
        except httpx.TimeoutException:
            raise _Retryable(f"no answer within {self.settings.timeout:g} s") from None
        except httpx.ConnectError as error:
            raise _Retryable(f"connection failed ({_reason(error)})", unreachable=True) from None
        except httpx.TransportError as error:
            raise _Retryable(f"connection failed ({type(error).__name__})") from None
        except httpx.DecodingError:  # compressed, it says, but not decompressible
            raise _Retryable("the answer's compressed body is damaged") from None
        if UNSUCCESSFUL_MARKER in body.lower():
            raise _Retryable('the site answered "connection unsuccessful"')
        return status, reason, None, body

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        limit = self.settings.max_bytes
        too_large = RefusedError(f"{url}: the answer is larger than {limit:,} bytes; refused")
        declared = response.headers.get("Content-Length", "")
        if declared.isdecimal() and int(declared) > limit:
            raise too_large
        started = self._clock()
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise too_large
            chunks.append(chunk)
            # The read timeout is per chunk; a server dripping bytes must not hold us forever.
            if self._clock() - started > self.settings.timeout:
                raise _Retryable(f"the answer took longer than {self.settings.timeout:g} s")
        return b"".join(chunks)

    def _wait_turn(self) -> None:
        now = self._clock()
        if self._last_request is not None:
            remaining = self._last_request + self._pace_delay() - now
            if remaining > 0:
                self._sleep(remaining)
                now = self._clock()
        self._last_request = now


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def _attempts(n: int) -> str:
    return "1 attempt" if n == 1 else f"{n} attempts"


def _reason(error: Exception) -> str:
    """Why a connection failed, in the system's words ("Connection refused")."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
        cause = cause.__cause__ or cause.__context__
    return type(error).__name__


def _check_kind(url: str, content_type: str) -> None:
    """Refuse an answer that says it is no text (an image, an archive): not a page."""
    kind = content_type.split(";")[0].strip().lower()
    if kind and not (kind.startswith("text/") or kind.endswith(("+xml", "/xml", "/xhtml"))):
        raise FetchError(f"{url}: the site answered with {kind}, not a web page")


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdecimal() else None
