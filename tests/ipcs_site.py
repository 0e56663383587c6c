"""A stand-in for ipcs.org that tests start on 127.0.0.1: real HTTP, pages we wrote.

Pages follow the live site's structure: article pages at ``comm_select.php?articleNo=N``
(column, ``.main_title h5`` title, ``DD Mon, YYYY · N`` stamp, teaser, author block, body
paragraphs before the footer) and listings (``commentaries.php`` …, ``?pageno=N``) of
``<li class="clearfix">`` rows with pagination in ``#pagination``. Knobs script the ways the
real site misbehaves: a robots.txt, 404, 5xx, slow or oversized answers, redirects away,
and its "connection unsuccessful" page. Every request is logged, so tests can assert on
what was (never) asked for.

(Not ``site.py``: that name is the standard library's ``site`` module, which Python has
already imported by the time tests run, so ``import site`` would never find this file.)
"""

from __future__ import annotations

import datetime as dt
import html
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template
from urllib.parse import parse_qs, quote, urlsplit

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "site"

SECTION_TITLES = {
    "commentaries.php": "Commentaries",
    "issue_briefs.php": "Issue Briefs",
    "special_reports.php": "Special Reports",
    "research_paper.php": "Research Papers",
    "discussion_reports.php": "Discussion Reports",
}


@dataclass
class Reply:
    """One scripted answer. ``chunked`` sends the body without a Content-Length."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunked: bool = False


@dataclass
class Piece:
    """An article the site holds."""

    number: int
    title: str
    date: dt.date
    column: str = "Red Affairs"
    author: str = "Bibhu Prasad Routray"
    role: str = "Visiting Fellow"
    teaser: str = "A short account of what the article argues."
    paragraphs: tuple[str, ...] = ("First paragraph.", "Second paragraph.")
    section: str = "commentaries.php"


def _template(name: str) -> Template:
    return Template((FIXTURES / name).read_text(encoding="utf-8"))


_ARTICLE = _template("article.html.tmpl")
# The same article page laid out as other sites might: the column above or beside the
# title, in a breadcrumb or a table row; the stamp over several elements; the authors
# after the body; wrappers, share bars, sidebars and comments around.
RELAID = ("article-beside.html.tmpl", "article-breadcrumb.html.tmpl", "article-table.html.tmpl")
_LISTING = _template("listing.html.tmpl")
_ROW = _template("listing-row.html.tmpl")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _fields(piece: Piece) -> dict[str, object]:
    return {
        "number": piece.number,
        "title": _e(piece.title),
        "column": _e(piece.column),
        "column_q": quote(piece.column),
        "date": piece.date.strftime("%d %b, %Y"),
        "author": _e(piece.author),
        "role": _e(piece.role),
        "teaser": _e(piece.teaser),
    }


def article_html(piece: Piece, layout: str | None = None) -> str:
    """An article page in the live ``comm_select.php`` structure, or in ``layout``."""
    body = "\n".join(f"      <p>{_e(p)}</p>" for p in piece.paragraphs)
    template = _ARTICLE if layout is None else _template(layout)
    return template.substitute(_fields(piece), paragraphs=body)


def listing_html(section: str, pieces: list[Piece], page: int, pages: int) -> str:
    """A listing page (``commentaries.php?pageno=N``) of ``pieces``, page ``page`` of ``pages``."""
    links = [
        f'<span class="current">{n}</span>'
        if n == page
        else f'<a href="{section}?pageno={n}">{n}</a>'
        for n in range(1, pages + 1)
    ]
    if page < pages:
        links.append(f'<a href="{section}?pageno={page + 1}">Next &raquo;</a>')
    return _LISTING.substitute(
        heading=SECTION_TITLES[section],
        rows="".join(_ROW.substitute(_fields(p)) for p in pieces),
        pagination=" ".join(links),
    )


UNSUCCESSFUL_PAGE = (FIXTURES / "connection-unsuccessful.html").read_bytes()


class Site:
    """The stand-in site. Use as a context manager; ``base_url`` is where it listens."""

    def __init__(self, *, per_page: int = 3, layout: str | None = None) -> None:
        self.per_page = per_page
        self.layout = layout  # an article template of RELAID; None for the live one
        self.pieces: dict[int, Piece] = {}
        self.robots_txt: str | None = None  # None answers 404
        self.scripts: dict[str, list[Reply]] = {}
        self.log: list[str] = []
        self.user_agents: list[str] = []
        self._server: ThreadingHTTPServer | None = None

    # --- content -------------------------------------------------------------------
    def add(self, number: int, title: str | None = None, **fields: object) -> Piece:
        """Publish article ``number``; dates go up with numbers unless given."""
        fields.setdefault("date", dt.date(2016, 1, 1) + dt.timedelta(days=number % 3000))
        piece = Piece(number=number, title=title or f"Article number {number}", **fields)  # type: ignore[arg-type]
        self.pieces[number] = piece
        return piece

    def script(self, path: str, *replies: Reply) -> None:
        """Answer the next requests for ``path`` (with its query) with ``replies``, in order."""
        self.scripts.setdefault(path, []).extend(replies)

    def requested(self, path: str) -> int:
        """How many times ``path`` (with its query) was requested."""
        return self.log.count(path)

    def article_requests(self) -> list[int]:
        return [
            int(parse_qs(urlsplit(p).query)["articleNo"][0])
            for p in self.log
            if p.startswith("/comm_select.php")
        ]

    # --- serving -------------------------------------------------------------------
    def answer(self, path: str) -> Reply:
        scripted = self.scripts.get(path)
        if scripted:
            return scripted.pop(0)
        parts = urlsplit(path)
        query = parse_qs(parts.query)
        name = parts.path.lstrip("/")
        if name == "robots.txt":
            if self.robots_txt is None:
                return Reply(404, b"not found")
            return Reply(200, self.robots_txt.encode(), {"Content-Type": "text/plain"})
        if name == "comm_select.php":
            piece = self.pieces.get(_int(query.get("articleNo", [""])[0]))
            if piece is None:
                return Reply(404, b"<html><body><h3>Page not found</h3></body></html>")
            return _page(article_html(piece, self.layout))
        if name in SECTION_TITLES:
            return self._listing(name, _int(query.get("pageno", ["1"])[0]) or 1)
        return Reply(404, b"not found")

    def _listing(self, section: str, page: int) -> Reply:
        pieces = sorted(
            (p for p in self.pieces.values() if p.section == section),
            key=lambda p: p.number,
            reverse=True,
        )
        pages = max(1, -(-len(pieces) // self.per_page))
        shown = pieces[(page - 1) * self.per_page : page * self.per_page]
        return _page(listing_html(section, shown, page, pages))

    def __enter__(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in separate writes; without this, Nagle's algorithm
            # and delayed ACKs hold each answer back ~40 ms.
            disable_nagle_algorithm = True

            def do_GET(self) -> None:
                site.log.append(self.path)
                site.user_agents.append(self.headers.get("User-Agent", ""))
                reply = site.answer(self.path)
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    if reply.chunked:
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for start in range(0, len(reply.body), 65536):
                            self.wfile.write(reply.body[start : start + 65536])
                        self.close_connection = True
                        return
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    # The client gave up (a timeout or a size cap): expected in those tests.
                    self.close_connection = True

            def handle(self) -> None:
                try:
                    super().handle()
                except ConnectionError:
                    # The client closed a kept-alive connection (its own end of a test):
                    # nothing to answer, and not a traceback on the test run's output.
                    self.close_connection = True

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output quiet

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.block_on_close = False
        # A short poll keeps shutdown (and so each test's teardown) quick.
        threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
        self._server = server
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def point_ipcs_here(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Points ``ipcs`` at this site for the test, asking at once and only once."""
        monkeypatch.setenv("IPCS_BASE_URL", self.base_url)
        monkeypatch.setenv("IPCS_DELAY", "0")
        monkeypatch.setenv("IPCS_RETRIES", "0")


def _page(text: str) -> Reply:
    return Reply(200, text.encode("utf-8"), {"Content-Type": "text/html; charset=UTF-8"})


def _int(raw: str) -> int:
    return int(raw) if raw.isdigit() else 0


class FakeClock:
    """A clock whose ``sleep`` moves time on at once, and remembers every wait."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


@pytest.fixture(name="site")
def site_fixture() -> Iterator[Site]:
    """A running stand-in site, shut down after the test (import it to use it)."""
    with Site() as site:
        yield site
