"""The corpus on disk: which files are pages, how they look to a cheap stat, reading one.

A page file is identified by its absolute path (the *key*); the index keeps the key, the
size and the nanosecond mtime of every file it has seen, so that noticing a change costs one
``stat`` per file, and a content hash decides whether a touched file really changed.
:func:`fingerprint` folds a whole scan into one digest, so that "nothing changed" is one
comparison with the digest the index stored.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from ipcsreader.errors import PageError
from ipcsreader.model import Page

PAGE_SUFFIXES = frozenset({".txt", ".html", ".htm"})
_SUFFIXES = tuple(PAGE_SUFFIXES)


class FileStat(NamedTuple):
    """One page file as ``stat`` sees it (a tuple: the scan makes one per file, every command)."""

    key: str
    size: int
    mtime_ns: int

    @property
    def path(self) -> Path:
        return Path(self.key)


def is_page(path: Path) -> bool:
    """Whether ``path`` names a page: a text or HTML file that is not a README or hidden."""
    return _is_page_name(path.name)


def _is_page_name(name: str) -> bool:
    # On plain strings: the staleness check runs this for every file before every command.
    if name.startswith(".") or name[:6].upper() == "README":
        return False
    return name.lower().endswith(_SUFFIXES)


def scan(dirs: Iterable[Path]) -> dict[str, FileStat]:
    """Every page file under ``dirs`` (recursively), by key. Missing folders hold nothing."""
    found: dict[str, FileStat] = {}
    for top in dirs:
        if not top.is_dir():
            continue
        # Resolve the folder once: resolving every file costs a system call per path part.
        _scan_dir(str(top.resolve()), found)
    return found


def _scan_dir(folder: str, found: dict[str, FileStat]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        try:
            if entry.is_dir():
                # Hidden folders (.git, caches) hold no pages.
                if not name.startswith("."):
                    _scan_dir(entry.path, found)
                continue
            if not _is_page_name(name):
                continue
            st = entry.stat()
        except OSError:
            continue  # vanished between listing and stat
        found[entry.path] = FileStat(entry.path, st.st_size, st.st_mtime_ns)


def fingerprint(found: Mapping[str, FileStat]) -> str:
    """One digest of every file's key, size and mtime: equal digests, identical scans."""
    # NUL cannot occur in a path, so the encoding is unambiguous.
    text = "".join(f"{s.key}\0{s.size}\0{s.mtime_ns}\0" for s in sorted(found.values()))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def content_hash(path: Path) -> str:
    """The SHA-256 of the file's bytes, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_page(path: Path) -> Page:
    """Parse one page file; anything unreadable becomes a :class:`PageError` naming the file."""
    from ipcsreader.parse import parse_file

    try:
        return parse_file(path)
    except PageError as error:
        raise error.for_file(str(path)) from None
    except OSError as error:
        raise PageError(f"cannot read the file ({error.strerror})", str(path)) from None
