"""The desk as the library holds it: found in the user data folder, opened once when first
asked for, and the desk's words of a query (``tag:``, ``is:``…) made the article numbers
they allow (:func:`ipcsreader.desk.terms.narrowed`).

Nothing of the desk is imported until it is asked for: most commands never open it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, overload

from ipcsreader import paths

if TYPE_CHECKING:
    from ipcsreader.archive.search import SearchQuery
    from ipcsreader.desk.store import Desk


class DeskHandle:
    """The reader's desk (:func:`ipcsreader.paths.desk_file`), opened on first use."""

    def __init__(self) -> None:
        self.path = paths.desk_file()
        self._desk: Desk | None = None

    @overload
    def open(self, *, create: Literal[True] = True) -> Desk: ...
    @overload
    def open(self, *, create: bool) -> Desk | None: ...
    def open(self, *, create: bool = True) -> Desk | None:
        """The desk, opened once; made on first use unless ``create`` is false (then None
        while there is none)."""
        if self._desk is None:
            from ipcsreader.desk.store import Desk

            self._desk = Desk.open(self.path, create=create)
        return self._desk

    def narrowed(self, query: SearchQuery, every: Callable[[], set[int]]) -> SearchQuery:
        """``query`` with the desk's words turned into numbers allowed; ``every`` gives all
        the corpus's articles (asked only when a word needs them)."""
        from ipcsreader.desk import terms

        return terms.narrowed(query, self.open, every)
