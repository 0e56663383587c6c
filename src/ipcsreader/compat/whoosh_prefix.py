"""A prefix standing for chosen words only: how search as you type stays fast.

Whoosh's ``Prefix`` finds the words it stands for through its private ``_btexts``, which
its matcher, its size estimate and the highlighter's list of the query's words all call
(each time: several times a search). The subclass here answers it with words chosen once,
beforehand (:func:`ipcsreader.store.querying.completing`). Everything else, its scoring
included, is Whoosh's own ``Prefix``.

Checked: whoosh-reloaded 2.7.5. Guard: ``tests/test_compat.py`` (the chosen words are the
only ones matched, sized and highlighted). Without ``_btexts`` the class would match every
word again: slower, never wrong, and the guard fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any


def chosen_prefix(fieldname: str, text: str, words: Sequence[bytes], boost: float = 1.0) -> Any:
    """A ``Prefix`` on ``fieldname`` for ``text*`` that stands for ``words`` (as indexed)."""
    return chosen_prefix_class()(fieldname, text, tuple(words), boost=boost)


@cache
def chosen_prefix_class() -> Any:
    from whoosh.query import Prefix

    class ChosenPrefix(Prefix):
        def __init__(
            self, fieldname: str, text: str, words: tuple[bytes, ...], boost: float = 1.0
        ) -> None:
            super().__init__(fieldname, text, boost=boost)
            self.words = words

        def __eq__(self, other: object) -> bool:
            return super().__eq__(other) and self.words == getattr(other, "words", None)

        def __hash__(self) -> int:
            return hash((super().__hash__(), self.words))

        def _btexts(self, ixreader: Any) -> tuple[bytes, ...]:
            return self.words

    return ChosenPrefix
