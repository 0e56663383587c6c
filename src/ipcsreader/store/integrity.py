"""Is the index on disk whole? A manifest written after each update answers cheaply.

After every committed update the library records which files make up the index (Whoosh's
table of contents with its hash, the segment files, the catalog's database) and their
sizes. Checking costs one directory listing and a ``stat`` per file, so every command can
afford it: a deleted or truncated file, a garbage table of contents or an index written by
an older version of ipcs shows up before Whoosh trips over it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import ipcsreader
from ipcsreader.errors import UsageError
from ipcsreader.store import catalog
from ipcsreader.store.fsutil import atomic_write
from ipcsreader.store.hints import FOLDERS_FILE
from ipcsreader.store.lock import LOCK_FILE

# Bump when the index's schema or analysis (fields.py) changes, or moves (the schema is
# pickled with the index, by module name): older indexes get rebuilt.
SCHEMA_VERSION = 17
MANIFEST_FILE = ".manifest.json"
_TOC = re.compile(r"_MAIN_(\d+)\.toc")
_SEGMENT = re.compile(r"MAIN_[0-9a-z]+\.\w+")
_OLDER = "it was made by an older version of ipcs"
NEWER = "it was made by a newer version of ipcs"


@dataclass(frozen=True)
class Check:
    """``damage`` says what is wrong, if anything. ``interrupted``: a writer committed to
    Whoosh after the manifest was written (it died before finishing, or is still at work),
    so the catalog may lag behind and an update is due."""

    damage: str | None = None
    interrupted: bool = False
    # Made by a newer ipcs (a later schema, or a parser that reads pages otherwise): not
    # damage this one should repair, by rebuilding it worse, unless asked to.
    newer: bool = False


def has_index(index_dir: Path) -> bool:
    """Whether ``index_dir`` holds a committed Whoosh index: its table of contents marks
    one (looking costs no import of Whoosh, nor of the search machinery)."""
    return latest_toc(index_dir) is not None


def size_bytes(index_dir: Path) -> int:
    """What the files in ``index_dir`` take on disk (0: no such folder)."""
    if not index_dir.is_dir():
        return 0
    return sum(p.stat().st_size for p in index_dir.iterdir() if p.is_file())


def latest_toc(index_dir: Path) -> str | None:
    """The name of Whoosh's newest table of contents, the one a reader opens."""
    best: tuple[int, str] | None = None
    try:
        names = [p.name for p in index_dir.iterdir()]
    except OSError:
        return None
    for name in names:
        match = _TOC.fullmatch(name)
        if match and (best is None or int(match[1]) > best[0]):
            best = (int(match[1]), name)
    return best[1] if best else None


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _format() -> list[int]:
    # The parser's version too: pages read by an older one are read again.
    return [SCHEMA_VERSION, catalog.VERSION, ipcsreader.PARSER_VERSION]


def write_manifest(index_dir: Path) -> None:
    """Record the index's files as they are now (call with the writer lock held)."""
    toc = latest_toc(index_dir)
    if toc is None:
        return
    names = [
        p.name
        for p in index_dir.iterdir()
        if _SEGMENT.fullmatch(p.name) or p.name == catalog.CATALOG_FILE
    ]
    data = {
        "format": _format(),
        "toc": toc,
        "toc_sha256": _hash(index_dir / toc),
        "files": {name: (index_dir / name).stat().st_size for name in sorted(names)},
    }
    atomic_write(index_dir / MANIFEST_FILE, json.dumps(data, indent=1))


def forget(index_dir: Path) -> None:
    """Drop the manifest, so that an index left half-rebuilt reads as damaged."""
    (index_dir / MANIFEST_FILE).unlink(missing_ok=True)


def check(index_dir: Path) -> Check:
    """What is wrong with the index in ``index_dir`` (which has a catalog and a TOC)."""
    try:
        data = json.loads((index_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Check(_OLDER)
    except (OSError, ValueError):
        return Check("its manifest is unreadable")
    try:
        fmt, toc, toc_hash, files = data["format"], data["toc"], data["toc_sha256"], data["files"]
        sizes = {str(name): int(size) for name, size in files.items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        return Check("its manifest is unreadable")
    if fmt != _format():
        # Each part of the format only grows from one version of ipcs to the next.
        later = isinstance(fmt, list) and all(type(x) is int for x in fmt) and fmt > _format()
        return Check(newer=True) if later else Check(_OLDER)
    if toc != latest_toc(index_dir):
        return Check(interrupted=True)
    try:
        if _hash(index_dir / toc) != toc_hash:
            return Check("its table of contents is damaged")
    except OSError:
        return Check("its table of contents cannot be read")
    for name, size in sizes.items():
        try:
            actual = (index_dir / name).stat().st_size
        except OSError:
            return Check(f"the file {name} is missing")
        if actual != size:
            return Check(f"the file {name} has been cut short or changed")
    return Check()


def remove_leftovers(index_dir: Path) -> None:
    """Delete temporary files that writers killed mid-write left (call with the lock held)."""
    if not index_dir.is_dir():
        return
    for path in index_dir.iterdir():
        name = path.name
        # fsutil.atomic_write's ".name.XXXX.tmp" and Whoosh's "_MAIN_3.toc.<time>".
        orphan = (name.startswith(".") and name.endswith(".tmp")) or (
            name.startswith("_MAIN_") and ".toc." in name
        )
        if orphan and path.is_file():
            path.unlink(missing_ok=True)


# Files an index folder holds from the start of its first build: any one says it is ours.
_INDEX_FILES = frozenset({catalog.CATALOG_FILE, MANIFEST_FILE, FOLDERS_FILE, LOCK_FILE})


def check_index_folder(folder: Path) -> None:
    """UsageError for a folder given as the index that holds other files and no index
    (``--index ~``, ``--index .``): the index would be written among them, and Whoosh
    clears away files named like its own."""
    try:
        names = set(os.listdir(folder))
    except OSError:
        return  # not there yet (it is made), or not a folder (said when it is opened)
    if names and not names & _INDEX_FILES:
        raise UsageError(
            f"{folder} holds other files and no ipcs index: give --index a new or empty "
            "folder, or one ipcs made"
        )
