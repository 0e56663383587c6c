"""Bringing the index up to date for the app, in a process of its own.

The app starts ``python -m ipcsreader.ui.indexer`` beside itself: an update is CPU work
that, on the app's own threads, would hold up every keystroke, and a process with one
thread may share the work among forked workers (:mod:`ipcsreader.store.workers`). The app
keeps searching the last committed index meanwhile. This process speaks one JSON object a
line on stdout: ``{"state": …}`` first, ``{"done", "total", "stage"}`` as it goes, then
``{"summary": …}`` or ``{"error": …}``. No Textual here.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ipcsreader import paths


@dataclass(frozen=True)
class Progress:
    """What the indexer said last: a ``stage`` of STAGES with ``done`` of ``total``."""

    done: int
    total: int
    stage: str


@dataclass(frozen=True)
class Outcome:
    """How an update ended: ``changed`` files, those that ``failed``, or an ``error``."""

    changed: int = 0
    failed: int = 0
    error: str | None = None
    state: str = "fresh"


def _say(**fields: object) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    from ipcsreader.errors import IpcsError
    from ipcsreader.library import Library

    corpus = paths.split_folders(argv[0]) if argv else None
    index = Path(argv[1]) if len(argv) > 1 and argv[1] else None
    try:
        library = Library.open(corpus, index, notify=lambda message: _say(note=message))
        status = library.status()
        _say(state=status.state, changed=status.changed)
        if status.state == "fresh":
            _say(summary={"changed": 0, "failed": 0})
            return 0
        summary = library.update(
            progress=lambda done, total, stage: _say(done=done, total=total, stage=stage)
        )
    except IpcsError as error:
        _say(error=error.message)
        return 1
    _say(summary={"changed": summary.changed, "failed": len(summary.failed)})
    return 0


async def update_in_background(
    corpus: Path | Sequence[Path] | None,
    index: Path | None,
    on_progress: Callable[[Progress], None],
    on_note: Callable[[str], None],
) -> Outcome:
    """Run the indexer process to its end, passing on what it says."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "ipcsreader.ui.indexer",
        os.pathsep.join(str(folder) for folder in paths.folders(corpus)),
        str(index or ""),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    outcome: Outcome | None = None  # until the indexer's last word
    state = "fresh"
    try:
        while line := await process.stdout.readline():
            try:
                said = json.loads(line)
            except ValueError:
                continue
            if "state" in said:
                state = said["state"]
            elif "done" in said:
                on_progress(Progress(said["done"], said["total"], said["stage"]))
            elif "note" in said:
                on_note(str(said["note"]))
            elif "summary" in said:
                summary = said["summary"]
                outcome = Outcome(summary["changed"], summary["failed"], state=state)
            elif "error" in said:
                outcome = Outcome(error=str(said["error"]), state=state)
        errors = await process.stderr.read()
    except asyncio.CancelledError:
        if process.returncode is None:
            process.terminate()  # the lock and Whoosh's commit keep the index whole
        raise
    code = await process.wait()
    if outcome is None:  # it died without a word: a crash, or killed
        outcome = Outcome(error=_last_line(errors) or f"the indexer stopped (exit status {code})")
    return outcome


def _last_line(data: bytes) -> str:
    lines = data.decode(errors="replace").strip().splitlines()
    return lines[-1] if lines else ""


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
