"""What ``ipcs doctor`` reports: versions, folders, the index, the pages, the last sync.

Everything here only looks: nothing is built, updated or repaired, so a doctor run is
safe beside any other ``ipcs``. With ``online``, the configured site is asked for its
robots.txt and (if that allows it) its home page, and nothing else.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sqlite3
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Any

from ipcsreader import __version__, paths
from ipcsreader.errors import IpcsError
from ipcsreader.library import Library

# Distribution names of what `ipcs` runs on.
_DISTRIBUTIONS = (("Typer", "typer"), ("Rich", "rich"), ("Whoosh", "whoosh-reloaded"))


@dataclass(frozen=True)
class Folder:
    role: str
    path: str
    exists: bool
    files: int = 0
    bytes: int = 0


@dataclass(frozen=True)
class Probe:
    """One request to the site: what answered (``status``) or why nothing did (``error``)."""

    url: str
    status: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """The site answered (a 404 robots.txt is an answer: everything is allowed)."""
        return self.status is not None and self.status < 500


@dataclass
class Diagnosis:
    versions: dict[str, str]
    folders: list[Folder]
    index_state: str
    index_detail: str
    index_updated: str | None
    pages: dict[str, int]
    failures: list[tuple[str, str]]
    last_sync: str | None
    sync_sections: dict[str, str] = field(default_factory=dict)
    base_url: str = ""
    online: list[Probe] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["failures"] = [{"file": f, "reason": r} for f, r in self.failures]
        if self.online is not None:
            data["online"] = [{**asdict(p), "ok": p.ok} for p in self.online]
        return data


def versions() -> dict[str, str]:
    found = {"ipcs": __version__, "Python": platform.python_version()}
    for label, name in _DISTRIBUTIONS:
        try:
            found[label] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[label] = "not installed"
    return found


def folder(role: str, path: Path) -> Folder:
    """How many files the folder holds and their size (a missing one is said to be so)."""
    if not path.exists():
        return Folder(role, str(path), False)
    if path.is_file():
        return Folder(role, str(path), True, 1, path.stat().st_size)
    files = size = 0
    for root, _dirs, names in os.walk(path):
        for name in names:
            try:
                size += (Path(root) / name).stat().st_size
                files += 1
            except OSError:
                continue  # removed while we counted
    return Folder(role, str(path), True, files, size)


def diagnose(library: Library, *, base_url: str) -> Diagnosis:
    """The state of ``library`` and the folders around it, without changing anything."""
    from ipcsreader.web.sync import state_path

    folders = [folder("data", paths.user_data_dir())]
    for d in library.corpus_dirs:
        role = "your pages" if d == paths.user_corpus_dir() else "corpus"
        folders.append(folder(role, d))
    folders.append(folder("index", library.index_dir))
    sync_file = state_path()
    folders.append(folder("sync state", sync_file))
    state, detail = _index_state(library)
    updated = library.last_updated()
    pages, failures = _pages(library)
    last, sections = _last_sync(sync_file)
    return Diagnosis(
        versions=versions(),
        folders=folders,
        index_state=state,
        index_detail=detail,
        index_updated=updated.isoformat(timespec="seconds") if updated else None,
        pages=pages,
        failures=failures,
        last_sync=last,
        sync_sections=sections,
        base_url=base_url,
    )


def _index_state(library: Library) -> tuple[str, str]:
    try:
        status = library.status()
    except IpcsError as error:
        return "unreadable", error.message
    if status.state == "missing":
        return "missing", "not built yet: the next search builds it"
    if status.damage:
        return status.state, status.damage
    if status.interrupted:
        return status.state, "an update was cut off; the next command finishes it"
    if status.state == "stale":
        return "stale", f"{status.changed} of {_files(status.files)} changed since the last update"
    return "fresh", f"{_files(status.files)}, all indexed"


def _files(n: int) -> str:
    return f"{n:,} file" if n == 1 else f"{n:,} files"


def _pages(library: Library) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Pages in the catalog by kind ("new article (html)" …), and the files that failed."""
    from ipcsreader.store.catalog import Catalog

    store = Catalog.open(library.index_dir)
    if store is None:
        return {}, []
    try:
        kinds = Counter(_kind(page) for page in store.heads().values())
        failures = sorted((k, e.error) for k, e in store.files().items() if e.error)
    except (sqlite3.Error, ValueError):  # damaged: the index state above says so
        return {}, []
    finally:
        store.close()
    return dict(sorted(kinds.items())), failures


def _kind(page: Any) -> str:
    what = "article" if page.kind == "article" else "listing"
    return f"{page.layout} {what} ({page.format})"


def _last_sync(state_file: Path) -> tuple[str | None, dict[str, str]]:
    import json

    try:
        stamp = dt.datetime.fromtimestamp(state_file.stat().st_mtime, dt.UTC)
        data = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, {}
    sections: dict[str, str] = {}
    for name, st in (data.get("sections") or {}).items() if isinstance(data, dict) else []:
        pending = len(st.get("pending") or [])
        walked = "walked to the end" if st.get("complete") else f"at listing page {st.get('page')}"
        sections[name] = f"{walked}, {pending} pending"
    return stamp.isoformat(timespec="seconds"), sections


def probe_site(base_url: str, *, timeout: float = 10.0) -> list[Probe]:
    """Whether the site's home page and robots.txt answer (no retries)."""
    from ipcsreader.web.fetch import Client, FetchSettings

    settings = replace(
        FetchSettings.from_env(), base_url=base_url, delay=0.0, timeout=timeout, retries=0
    )
    with Client(settings) as client:
        # robots.txt first: the home page is asked for only if it allows that.
        robots = _probe(client, "/robots.txt")
        return [_probe(client, "/"), robots]


def _probe(client: Any, path: str) -> Probe:
    url = client.url(path)
    try:
        status = client.status(path)
    except IpcsError as error:
        return Probe(url, error=error.message)
    return Probe(url, status=status)
