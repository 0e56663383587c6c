"""Bring articles home: fetch given numbers, or walk the site's listings for new ones.

Each article's raw HTML is saved unchanged as ``<N>.html`` in the user corpus, written
atomically, once the parser has read an article in it. ``sync`` walks each section's
listing newest first. Until a section has once been walked to its last page, the walk goes
on to the end (a fresh corpus wants everything); after that it stops at the first page
whose rows are all known. Where it is, and what it has yet to fetch, is saved after every
step, so an interrupted sync continues where it stopped.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ipcsreader.errors import FetchError, NotFoundError, PageError
from ipcsreader.model import Article, Page
from ipcsreader.store.fsutil import atomic_write
from ipcsreader.web.fetch import Client, RefusedError, UnreachableError, article_path

if TYPE_CHECKING:
    from ipcsreader.parse.section import SectionPage

# Command-line name → listing page on the site.
SECTIONS: dict[str, str] = {
    "commentaries": "commentaries.php",
    "issue-briefs": "issue_briefs.php",
    "special-reports": "special_reports.php",
    "research-papers": "research_paper.php",
    "discussion-reports": "discussion_reports.php",
}
STATE_VERSION = 1
# What atomic_write leaves behind when killed while saving <N>.html.
_SAVED = re.compile(r"[0-9]+\.html")
_LEFTOVER = re.compile(r"\.[0-9]+\.html\..+\.tmp")
STALE_TEMP = 600.0  # seconds

# "unread": saved, but the parser found no article in it (kept for a better parser).
Status = Literal["saved", "unread", "missing", "refused", "failed", "planned"]
Parser = Callable[[bytes, str], Page]
Failure = tuple[str, str]  # a file, and why it could not be read


@dataclass(frozen=True)
class Outcome:
    """What became of one article number. ``planned`` is a dry run's "would fetch"."""

    number: int
    status: Status
    detail: str = ""  # the title when saved, else the reason
    path: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "status": self.status,
            "detail": self.detail,
            "file": str(self.path) if self.path else None,
        }


@dataclass
class Report:
    """What a fetch or sync did, in order."""

    outcomes: list[Outcome] = field(default_factory=list)
    listings: int = 0  # listing pages read
    stopped_at_max: bool = False
    error: str | None = None  # why a fetch or sync ended early
    skipped: list[int] = field(default_factory=list)  # already saved, not fetched again

    def numbers(self, status: Status) -> list[int]:
        return [o.number for o in self.outcomes if o.status == status]

    def to_dict(self) -> dict[str, Any]:
        return {
            "saved": self.numbers("saved"),
            "unread": self.numbers("unread"),
            "missing": self.numbers("missing"),
            "refused": self.numbers("refused"),
            "failed": self.numbers("failed"),
            "planned": self.numbers("planned"),
            "skipped": self.skipped,
            "listing_pages": self.listings,
            "stopped_at_max": self.stopped_at_max,
            "error": self.error,
            "outcomes": [o.to_dict() for o in self.outcomes],
        }


def state_path() -> Path:
    """Where sync remembers its walks: beside the corpus, not in it."""
    from ipcsreader import paths

    return paths.user_data_dir() / "sync-state.json"


def default_parser(data: bytes, source: str) -> Page:
    from ipcsreader.parse import parse_bytes

    return parse_bytes(data, source=source)


class Downloader:
    """Fetches article pages, checks the parser finds an article, saves them raw."""

    def __init__(
        self,
        client: Client,
        corpus_dir: Path,
        *,
        parse: Parser = default_parser,
        dry_run: bool = False,
        on_outcome: Callable[[Outcome], None] | None = None,
    ) -> None:
        self.client = client
        self.corpus_dir = corpus_dir
        self.parse = parse
        self.dry_run = dry_run
        self.on_outcome = on_outcome
        if not dry_run:
            sweep_leftovers(corpus_dir)

    def one(self, number: int) -> Outcome:
        """Fetch and save article ``number``; what became of it."""
        if self.dry_run:
            outcome = Outcome(number, "planned", self.client.url(article_path(number)))
        else:
            outcome = self._download(number)
        if self.on_outcome:
            self.on_outcome(outcome)
        return outcome

    def _download(self, number: int) -> Outcome:
        try:
            data = self.client.get(article_path(number))
        except NotFoundError:
            return Outcome(number, "missing", "no such page (404)")
        except RefusedError as refused:
            return Outcome(number, "refused", refused.message)
        except UnreachableError:
            raise  # the site, not this page: no use trying the next number
        except FetchError as error:
            return Outcome(number, "failed", error.message)
        name = f"{number}.html"
        title: str | None
        reason: str | None
        try:
            page = self.parse(data, name)
        except PageError as error:
            title, reason = None, error.reason
        else:
            title = page.title if isinstance(page, Article) else None
            reason = None if title else "it holds no article"
        path = self.corpus_dir / name
        # Kept either way: the raw page is the record, and a later parser may read it.
        atomic_write(path, data)
        if title is None:
            return Outcome(number, "unread", f"saved, but could not be read: {reason}", path)
        return Outcome(number, "saved", title, path)


def sweep_leftovers(corpus_dir: Path, *, older_than: float = STALE_TEMP) -> list[Path]:
    """Remove temporary files a killed fetch left in ``corpus_dir``; the ones removed.

    Only those older than ``older_than`` seconds: a younger one may be another fetch's,
    still being written.
    """
    now = time.time()
    removed: list[Path] = []
    try:
        found = [p for p in corpus_dir.iterdir() if _LEFTOVER.fullmatch(p.name)]
    except OSError:
        return removed
    for path in found:
        try:
            if now - path.stat().st_mtime > older_than:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # gone meanwhile, or not ours to remove
    return removed


def fetch_numbers(
    downloader: Downloader, numbers: Iterable[int], *, saved: Collection[int] = ()
) -> Report:
    """Fetch each of ``numbers`` not in ``saved``, whatever becomes of the others.

    A site that cannot be reached at all ends the run; ``report.error`` says so.
    """
    report = Report()
    try:
        for number in numbers:
            if number in saved:
                report.skipped.append(number)
            else:
                report.outcomes.append(downloader.one(number))
    except UnreachableError as error:
        report.error = error.message
    return report


def saved_files(corpus_dir: Path) -> set[int]:
    """The numbers of the article pages fetch and sync saved in ``corpus_dir``."""
    try:
        found = [fetched_number(p, corpus_dir) for p in corpus_dir.iterdir()]
    except OSError:
        return set()
    return {n for n in found if n is not None}


def unread_apart(failed: Iterable[tuple[str, str]]) -> tuple[list[Failure], list[Failure]]:
    """``(file, reason)`` failures split: pages fetch and sync saved but the parser could
    not read (kept on purpose), and the rest (real failures)."""
    from ipcsreader import paths

    mine = paths.user_corpus_dir()
    unread: list[Failure] = []
    others: list[Failure] = []
    for file, reason in failed:
        fetched = fetched_number(Path(file), mine) is not None
        (unread if fetched else others).append((file, reason))
    return unread, others


def fetched_number(path: Path, corpus_dir: Path) -> int | None:
    """The article number of ``path`` when it is a page fetch or sync saved (``<N>.html``
    in ``corpus_dir``), else None."""
    name = path.name
    if path.parent.resolve() != corpus_dir.resolve() or not _SAVED.fullmatch(name):
        return None
    return int(name[:-5])


class SyncState:
    """Where each section's walk is and what it has yet to fetch; saved as JSON, atomically."""

    def __init__(self, path: Path, data: dict[str, Any] | None = None) -> None:
        self.path = path
        data = data or {}
        self.sections: dict[str, dict[str, Any]] = data.get("sections", {})
        # Numbers the site does not hold as articles (or that we may not fetch): not retried.
        self.unavailable: set[int] = set(data.get("unavailable", []))

    @classmethod
    def load(cls, path: Path) -> SyncState:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError) as error:
            raise FetchError(f"cannot read the sync state {path}: {error}") from None
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            return cls(path)  # an older layout: start afresh, nothing is lost but time
        return cls(path, data)

    def section(self, name: str) -> dict[str, Any]:
        return self.sections.setdefault(name, {"complete": False, "page": 1, "pending": []})

    def save(self) -> None:
        data = {
            "version": STATE_VERSION,
            "sections": self.sections,
            "unavailable": sorted(self.unavailable),
        }
        atomic_write(self.path, json.dumps(data, indent=1) + "\n")


class Syncer:
    """Walks section listings newest first and fetches the articles the corpus lacks."""

    def __init__(
        self,
        downloader: Downloader,
        state: SyncState,
        known: set[int],
        *,
        limit: int | None = None,
        on_listing: Callable[[str, int], None] | None = None,
    ) -> None:
        self.downloader = downloader
        self.state = state
        self.known = set(known)
        self.limit = limit
        self.on_listing = on_listing
        self.report = Report()
        self._dry = downloader.dry_run

    def run(self, sections: Iterable[str]) -> Report:
        """Sync ``sections`` (names from :data:`SECTIONS`) in turn; returns what was done.

        A site that keeps failing ends the run early; ``report.error`` then says why, and
        the state saved so far lets the next run continue there.
        """
        try:
            for name in sections:
                if not self._section(name):
                    break
        except FetchError as error:
            self.report.error = error.message
        return self.report

    def _section(self, name: str) -> bool:
        """Drain what the section has pending, then walk on. False when the budget is spent."""
        st = self.state.section(name)
        if self._dry:  # a dry run works on a copy: nothing it plans is remembered
            st = {**st, "pending": list(st["pending"])}
        page: int | None = st["page"] or 1
        while True:
            if not self._drain(name, st):
                return False
            if page is None:
                return True
            if not self._budget_left():
                return False
            found = self._read_listing(name, page)
            numbers = [e.number for e in found.entries if e.number is not None] if found else []
            fresh = [n for n in numbers if not self._seen(n, st)]
            st["pending"].extend(fresh)
            next_page = found.next_page(page) if found else None
            # Once the section has been walked to its end, a page of known rows means the
            # rest is known too; until then the walk goes on to the last page.
            if next_page is None or (st["complete"] and numbers and not fresh):
                st.update(complete=True, page=None)
                page = None
            else:
                st["page"] = page = next_page
            self._save(name, st)

    def _read_listing(self, name: str, page: int) -> SectionPage | None:
        """Listing page ``page`` of section ``name``; None past the last page."""
        from ipcsreader.parse.section import parse_section

        path = _listing_path(SECTIONS[name], page)
        try:
            data = self.downloader.client.get(path)
        except NotFoundError:
            if page == 1:  # the list itself is gone: not "nothing new"
                raise FetchError(f"{path}: no such listing page (404) on the site") from None
            return None
        self.report.listings += 1
        if self.on_listing:
            self.on_listing(name, page)
        try:
            return parse_section(data, source=path)
        except PageError as error:
            if page == 1:  # a first page that lists nothing ipcs can read: not "nothing new"
                raise FetchError(
                    f"{path}: no list of articles ipcs can read ({error.reason}); "
                    "the site's layout may have changed"
                ) from None
            return None

    def _budget_left(self) -> bool:
        done = len(self.report.numbers("planned" if self._dry else "saved"))
        if self.limit is not None and done >= self.limit:
            self.report.stopped_at_max = True
            return False
        return True

    def _seen(self, number: int, st: dict[str, Any]) -> bool:
        return number in self.known or number in self.state.unavailable or number in st["pending"]

    def _drain(self, name: str, st: dict[str, Any]) -> bool:
        """Fetch the section's pending numbers in order. False when the budget is spent."""
        while st["pending"]:
            if not self._budget_left():
                return False
            number = st["pending"][0]
            outcome = self.downloader.one(number)
            self.report.outcomes.append(outcome)
            if outcome.status == "failed":
                # The site keeps failing: stop, and leave the number for the next run.
                raise FetchError(outcome.detail)
            st["pending"].pop(0)
            if outcome.status in ("missing", "refused"):
                self.state.unavailable.add(number)
            self.known.add(number)
            self._save(name, st)
        return True

    def _save(self, name: str, st: dict[str, Any]) -> None:
        if not self._dry:
            self.state.sections[name] = st
            self.state.save()


def _listing_path(listing: str, page: int) -> str:
    return f"/{listing}" if page == 1 else f"/{listing}?pageno={page}"
