"""Run ``ipcs`` in a child process that stops at a chosen point of an index update.

``python tests/killable.py POINT ARGS…`` runs ``ipcs ARGS…``; when the update reaches
POINT it prints ``PAUSED`` on stdout and waits: the test then kills it (SIGKILL), or lets it
go on with SIGUSR1. POINT ``none`` never stops. The points:

- ``parse``: while reading pages (at the second page);
- ``segments``: Whoosh's new segments written, its table of contents not yet;
- ``committed``: Whoosh committed, the catalog not yet written;
- ``catalog-half``: inside the catalog's transaction, pages and records written, files not;
- ``catalog-commit``: every row of the catalog written, the transaction not committed;
- ``manifest``: everything written but the manifest;
- ``desk-commit``: a desk transaction written whole, not committed (holding the desk's lock);
- ``desk-import-half``: inside ``ipcs desk import``'s transaction, marks and tags written,
  notes and follows not.
- ``download``: `ipcs fetch`/`sync` reading the body of its second article page;
- ``save``: an article page written to its temporary file, not yet renamed into place.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from typing import Any


def pause() -> None:
    sys.stdout.write("PAUSED\n")
    sys.stdout.flush()
    signal.pause()  # until SIGKILL, or SIGUSR1 lets the update go on


def before(owner: Any, name: str, when: Callable[..., bool] = lambda *a, **k: True) -> None:
    """Pause before ``owner.name`` runs (the first time ``when`` holds for its arguments)."""
    original = getattr(owner, name)
    fired = False

    def hooked(*args: Any, **kwargs: Any) -> Any:
        nonlocal fired
        if not fired and when(*args, **kwargs):
            fired = True
            pause()
        return original(*args, **kwargs)

    setattr(owner, name, hooked)


def install(point: str) -> None:
    from whoosh.index import TOC

    from ipcsreader.desk import store, transfer
    from ipcsreader.store import catalog, corpus, integrity

    calls = iter(range(1_000_000))
    if point == "parse":
        before(corpus, "read_page", lambda *a, **k: next(calls) == 1)
    elif point == "segments":
        before(TOC, "write")
    elif point == "committed":
        before(catalog, "save")
    elif point == "catalog-half":
        before(catalog, "_put_files")
    elif point == "catalog-commit":
        before(catalog, "_finish")
    elif point == "manifest":
        before(integrity, "write_manifest")
    elif point == "desk-commit":
        before(store, "_commit")
    elif point == "desk-import-half":
        before(transfer, "_merge_notes")
    elif point == "download":
        from ipcsreader.web.fetch import Client

        pages = iter(range(1_000_000))
        before(
            Client, "_read_capped", lambda _self, url, _r: "articleNo" in url and next(pages) == 1
        )
    elif point == "save":
        import os

        before(os, "replace", lambda _src, dst, **_k: str(dst).endswith(".html"))
    elif point != "none":
        raise SystemExit(f"unknown point {point}")


if __name__ == "__main__":
    signal.signal(signal.SIGUSR1, lambda *_: None)
    # A suite run as a background job (`pytest … &`) hands SIGINT down ignored, and Python
    # then keeps it ignored: give Ctrl+C back its usual meaning, as a terminal's ipcs has it.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    install(sys.argv[1])
    from ipcsreader.cli import app

    app(args=sys.argv[2:], prog_name="ipcs")
