"""``ipcs ui``: the whole archive in one full-screen Textual app.

Only :func:`run` (and what it imports) loads Textual, so that no other command pays for it.
The screens: search (:mod:`.search`), reading (:mod:`.reading`), columns and the archive by
date (:mod:`.browse`), authors (:mod:`.authors`), lists of titles (:mod:`.lists`); the
library is reached through :mod:`.service`, the index updated by :mod:`.indexer`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def run(
    query: str = "", *, corpus: Path | Sequence[Path] | None = None, index: Path | None = None
) -> None:
    """Run the app until the reader quits; the terminal is restored however it ends."""
    from ipcsreader.ui.app import IpcsApp
    from ipcsreader.ui.service import Service

    service = Service(corpus, index)
    app = IpcsApp(service, query=query)
    try:
        app.run()
    finally:
        service.close()
