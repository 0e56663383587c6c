"""Article bodies set aside on disk while an update runs, so that none waits in memory.

The processes that read and parse the pages keep only each page's headline; its article's
paragraphs go, encoded as the catalog stores them (:func:`codec.encode_body`), to a spool
file of the process's own in the index folder, and a :class:`Spooled` says where. The
processes that write the index, and the catalog's transaction, read each body back when
they come to it. Spool files are named like other leftovers of a writer
(:func:`ipcsreader.store.integrity.remove_leftovers` deletes those a killed update left).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, NamedTuple

from ipcsreader.model import Block
from ipcsreader.store import codec


class Body(NamedTuple):
    """A body at hand: its blocks and whether the page is cut off."""

    blocks: tuple[Block, ...]
    truncated: bool

    def blob(self) -> bytes:
        return codec.encode_body(self.blocks, self.truncated)

    def text(self) -> str:
        return _text(self.blocks)


@dataclass(frozen=True)
class Spooled:
    """A body in a spool file: where, whether the page is cut off, and its length in
    characters (what choosing the most complete body needs, without reading it)."""

    path: str
    offset: int
    length: int
    truncated: bool
    size: int

    def blob(self) -> bytes:
        with open(self.path, "rb") as spool:
            return os.pread(spool.fileno(), self.length, self.offset)

    def text(self) -> str:
        return _text(codec.decode_body(self.blob())[0])


def _text(blocks: tuple[Block, ...]) -> str:
    return "\n\n".join(b.text for b in blocks)


class SpoolWriter:
    """This process's spool file in ``folder``, appended to (made by the first body)."""

    def __init__(self, folder: Path) -> None:
        self.path = str(folder / f".spool-{os.getpid()}.tmp")
        self._file: BinaryIO | None = None

    def put(self, blocks: tuple[Block, ...], truncated: bool) -> Spooled:
        if self._file is None:
            self._file = open(self.path, "ab")  # noqa: SIM115 (closed by __exit__)
        blob = codec.encode_body(blocks, truncated)
        offset = self._file.tell()
        self._file.write(blob)
        size = sum(len(b.text) for b in blocks)
        return Spooled(self.path, offset, len(blob), truncated, size)

    def __enter__(self) -> SpoolWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._file is not None:
            self._file.close()


def remove(spooled: Iterable[Spooled]) -> None:
    """Delete the spool files these bodies are in."""
    for path in {s.path for s in spooled}:
        Path(path).unlink(missing_ok=True)
