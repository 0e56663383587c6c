"""A term's postings in one segment, read whole from Whoosh's block matchers.

Whoosh is imported only when positions are first decoded.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from pickle import loads
from typing import Any

Scores = dict[int, float]


class Postings:
    """A term's postings in one segment, all of them: weights and raw values by document."""

    __slots__ = ("decode", "decoded", "first", "values", "weights")

    def __init__(
        self, m: Any, fmt: Any, *, block: bool, within: Sequence[int] | None = None
    ) -> None:
        self.decode = _positions_decoder(fmt) if fmt and fmt.supports("positions") else None
        self.weights: Scores = {}
        self.values: dict[int, Any] = {}
        self.decoded: dict[int, tuple[int, ...]] = {}
        if block:
            _rewind(m)
            self.first = m.id() if m.is_active() else 0
            self._read_blocks(m, within)
        else:
            m.reset()  # from the first posting, wherever Whoosh had moved it to
            self.first = m.id() if m.is_active() else 0
            self._read_steps(m)

    def _read_blocks(self, m: Any, within: Sequence[int] | None) -> None:
        # Whoosh's private block layout (checked by type): a block's ids, weights and
        # values come from one read; the matcher is used up. With ``within`` (documents in
        # order), a block holding none of them is passed over unread: its header says the
        # last document it holds.
        weights, values = self.weights, self.values
        keep_values = self.decode is not None
        last = -1  # the last document of the block before
        while m.is_active():
            if within is not None:
                before, last = last, m._maxid
                if bisect_right(within, last) == bisect_right(within, before):
                    m._next_block()
                    continue
            if m._ids is None:
                # As m._read_ids() does, with the gaps added up in C.
                if m._data is None:
                    m._read_data()
                gaps = m._data[0]
                m._ids = gaps if m._byteids else tuple(accumulate(gaps))
            if m._weights is None:
                m._read_weights()
            weights.update(zip(m._ids, m._weights, strict=True))
            if keep_values:
                if m._values is None:
                    m._read_values()
                values.update(zip(m._ids, m._values, strict=True))
            m._next_block()

    def _read_steps(self, m: Any) -> None:
        keep_values = self.decode is not None
        while m.is_active():
            d = m.id()
            self.weights[d] = m.weight()
            if keep_values:
                self.values[d] = m.value()
            m.next()

    def positions(self, doc: int) -> Iterable[int]:
        assert self.decode is not None
        return self.decode(self.values[doc])

    def kept_positions(self, doc: int) -> tuple[int, ...]:
        """:meth:`positions`, decoded once: the boosts after a search ask for the same
        documents' positions again."""
        found = self.decoded.get(doc)
        if found is None:
            found = self.decoded[doc] = tuple(self.positions(doc))
        return found


def _rewind(m: Any) -> None:
    """Take block matcher ``m`` back to its first posting, keeping the block it holds if
    that is the first: Whoosh decodes it when the matcher is made, once is enough."""
    held = (m._dataoffset, m._data, m._ids, m._weights, m._values)
    m.reset()
    if m._dataoffset == held[0]:
        m._data, m._ids, m._weights, m._values = held[1:]


def _positions_decoder(fmt: Any) -> Callable[[bytes], Iterable[int]]:
    """The format's own decoder of positions; for Whoosh's plain positions, the same
    numbers from a quicker one (the deltas are added up in C)."""
    from whoosh.formats import Positions
    from whoosh.system import _INT_SIZE

    if type(fmt) is not Positions:
        return fmt.decoder("positions")

    def decode(value: bytes) -> Iterable[int]:
        # As Positions.decode_positions: a count, then the pickled gaps (their final
        # stop mark may have been left off).
        if not value.endswith(b"."):
            value += b"."
        return accumulate(loads(value[_INT_SIZE:]))

    return decode
