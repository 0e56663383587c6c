"""The corpus on disk: which files are pages, how they look to a cheap stat, reading one.

A page file is identified by its absolute path (the *key*); the index keeps the key, the
size and the nanosecond mtime of every file it has seen, so that noticing a change costs one
``stat`` per file, and a content hash decides whether a touched file really changed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ipcsreader.errors import PageError
from ipcsreader.model import Page

PAGE_SUFFIXES = frozenset({".txt", ".html", ".htm"})


@dataclass(frozen=True)
class FileStat:
    """One page file as ``stat`` sees it."""

    key: str
    size: int
    mtime_ns: int

    @property
    def path(self) -> Path:
        return Path(self.key)


def is_page(path: Path) -> bool:
    """Whether ``path`` names a page: a text or HTML file that is not a README or hidden."""
    name = path.name
    if name.startswith(".") or name.upper().startswith("README"):
        return False
    return path.suffix.lower() in PAGE_SUFFIXES


def scan(dirs: Iterable[Path]) -> dict[str, FileStat]:
    """Every page file under ``dirs`` (recursively), by key. Missing folders hold nothing."""
    found: dict[str, FileStat] = {}
    for top in dirs:
        if not top.is_dir():
            continue
        # Resolve the folder once: resolving every file costs a system call per path part.
        for root, subdirs, files in os.walk(top.resolve()):
            # Hidden folders (.git, caches) hold no pages.
            subdirs[:] = [d for d in subdirs if not d.startswith(".")]
            for name in files:
                key = os.path.join(root, name)
                if not is_page(Path(name)):
                    continue
                try:
                    st = os.stat(key)
                except OSError:
                    continue  # vanished between listing and stat
                found[key] = FileStat(key, st.st_size, st.st_mtime_ns)
    return found


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
