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
from array import array
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


# A folder as it looked just before it was listed: inode and mtime_ns.
Folders = dict[str, tuple[int, int]]


def scan(dirs: Iterable[Path], folders: Folders | None = None) -> dict[str, FileStat]:
    """Every page file under ``dirs`` (recursively), by key. Missing folders hold nothing.

    ``folders``, when given, receives every folder listed, as :func:`folder_stat` saw it
    just before listing it (so that a change made while or after it was listed shows).
    """
    found: dict[str, FileStat] = {}
    for top in dirs:
        if not top.is_dir():
            continue
        # Resolve the folder once: resolving every file costs a system call per path part.
        _scan_dir(str(top.resolve()), found, folders)
    return found


def folder_stat(path: str) -> tuple[int, int] | None:
    """A folder's inode and mtime_ns (None when it is not there): adding, removing or
    renaming a file in it changes the mtime."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


def _scan_dir(folder: str, found: dict[str, FileStat], folders: Folders | None) -> None:
    # Listing through a descriptor makes each stat resolve one name, not the whole path.
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    if folders is not None:
        st = os.fstat(fd)
        folders[folder] = (st.st_ino, st.st_mtime_ns)
    prefix = folder.rstrip(os.sep) + os.sep
    subfolders = []
    try:
        with os.scandir(fd) as entries:
            for entry in entries:
                name = entry.name
                # Hidden folders (.git, caches) hold no pages, and hidden files are none.
                if name.startswith("."):
                    continue
                try:
                    if entry.is_dir():
                        subfolders.append(prefix + name)
                        continue
                    if not _is_page_name(name):
                        continue
                    st = entry.stat()
                except OSError:
                    continue  # vanished between listing and stat
                path = prefix + name
                found[path] = FileStat(path, st.st_size, st.st_mtime_ns)
    except OSError:
        pass  # the folder went away while being listed: what was seen stands
    finally:
        os.close(fd)
    for sub in subfolders:
        _scan_dir(sub, found, folders)


def fingerprint(found: Mapping[str, FileStat]) -> str:
    """One digest of every file's key, size and mtime: equal digests, identical scans."""
    keys = sorted(found)
    # Keys cannot hold NUL, and the numbers have a fixed width after a text of known length.
    text = "\0".join(keys).encode("utf-8", "surrogateescape")
    digest = hashlib.sha256(len(text).to_bytes(8, "little"))
    digest.update(text)
    digest.update(array("q", [n for key in keys for n in found[key][1:]]).tobytes())
    return digest.hexdigest()


def content_hash(data: bytes) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


def read_page(path: Path, data: bytes | None = None) -> Page:
    """Parse one page file (``data``: its bytes, when already read); anything unreadable
    becomes a :class:`PageError` naming the file."""
    from ipcsreader.parse import parse_bytes, parse_file

    try:
        return parse_file(path) if data is None else parse_bytes(data, str(path))
    except PageError as error:
        raise error.for_file(str(path)) from None
    except OSError as error:
        raise PageError(f"cannot read the file ({error.strerror})", str(path)) from None
