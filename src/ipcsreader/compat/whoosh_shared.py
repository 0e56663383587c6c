"""A query's clauses made into matchers once per search, whichever query holds them.

A search whose every-word hits leave its page short runs the query again with any of its
words (the "tail"), then asks which of the words each article has: the same clauses,
which Whoosh would look up and match anew each time (a term's table entry read, a
compound word's ``ANDNOT`` stepped through, its documents gathered). Here each clause
is wrapped in a :class:`whoosh.query.wrappers.WrappingQuery` whose matcher, per segment,
is made once and its documents worked out by :class:`.whoosh_matching.Segment` at once;
the same matcher then stands in every tree that holds the clause. A tree is built by
Whoosh as before (the same shape, so scores are added in the same order), over matchers
it finds used up: a compound matcher only moves its parts on, and the bulk matching
reads what they match from the segment's records, not from where they stand. The same
wrapper hands an ``ANDNOT`` what it leaves out matched already (:func:`settled`), so
that Whoosh does not step through what it keeps before the bulk matching starts.

Relies on ``WrappingQuery._rewrap`` (how Whoosh rebuilds a wrapper around a changed
child). Checked: whoosh-reloaded 2.7.5 (``pyproject.toml``: ``<2.8``). Guard:
``tests/test_matching.py`` (results with and without sharing compared).
"""

from __future__ import annotations

import copy
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ipcsreader.compat.whoosh_matching import Segment


def shared(q: Any, kept: dict[Any, Any], parts: list[tuple[Segment, int]]) -> Any:
    """``q``, an AND or OR of clauses (with optional words: an ``AndMaybe``), with each
    clause in ``kept`` (a clause: its shared self, from one query of a search to the next).

    Unchanged when its tree is run Whoosh's way (see :func:`_stepped`). ``parts`` are
    the searcher's :func:`.whoosh_matching.segments`.
    """
    from whoosh import query
    from whoosh.query.compound import CompoundQuery

    if _stepped(q):
        return q

    if type(q) is query.AndMaybe:
        return query.AndMaybe(shared(q.a, kept, parts), _kept(q.b, kept, parts))
    if isinstance(q, CompoundQuery) and type(q) is not fielded_or():
        # A copy: an OR keeps its own settings (Whoosh's apply() would drop them).
        copied = copy.copy(q)
        copied.subqueries = [_kept(sub, kept, parts) for sub in q.subqueries]
        return copied
    return _kept(q, kept, parts)


def settled(q: Any, kept: dict[Any, Any], parts: list[tuple[Segment, int]]) -> Any:
    """``q`` with what each ``ANDNOT`` leaves out matched at once (see :func:`shared`).

    Whoosh's matcher for ``a ANDNOT b`` steps ``a`` on, match by match, past every
    document ``b`` has, before it is first asked anything: for a compound word's parts
    as a phrase (``"jong un" ANDNOT jongun``, see ``querying.whole_words``) that is
    nearly every match of the phrase, each found from word positions. Handed ``b``
    matched already, it starts where it stands; the bulk matching takes ``a``'s
    documents less ``b``'s. Only through the kinds of query matched in bulk (AND, OR,
    ANDMAYBE, ANDNOT), and never in a tree stepped Whoosh's way (see :func:`shared`).
    """
    from whoosh import query
    from whoosh.query.compound import DefaultOr

    if _stepped(q):
        return q

    def visit(node: Any) -> Any:
        kind = type(node)
        if kind is query.AndNot:
            return query.AndNot(visit(node.a), _kept(node.b, kept, parts))
        if kind is query.AndMaybe:
            return query.AndMaybe(visit(node.a), visit(node.b))
        if kind is query.And or kind is query.Or or kind is DefaultOr:
            copied = copy.copy(node)
            copied.subqueries = [visit(sub) for sub in node.subqueries]
            return copied
        return node

    return visit(q)


def _kept(clause: Any, kept: dict[Any, Any], parts: list[tuple[Segment, int]]) -> Any:
    found = kept.get(clause)
    if found is None:
        found = kept[clause] = shared_class()(clause, parts)
    return found


def _stepped(q: Any) -> bool:
    """Whether ``q`` holds an OR that rewards coordination (Whoosh's ``scale``): its tree
    is run Whoosh's way, a match at a time, which needs every matcher unused."""
    return any(getattr(node, "scale", None) for node in _walk(q))


def _walk(q: Any) -> Any:
    yield q
    for child in q.children():
        yield from _walk(child)


def fielded_or() -> Any:
    """One word over several fields: a clause of its own, not an OR of clauses."""
    from ipcsreader.compat.whoosh_fielded import fielded_class

    return fielded_class()


@cache
def shared_class() -> Any:
    """The wrapper: per segment searcher, one matcher for its clause, matched at once."""
    from whoosh.query.wrappers import WrappingQuery

    class Shared(WrappingQuery):
        def __init__(self, child: Any, parts: list[tuple[Segment, int]]) -> None:
            super().__init__(child)
            self.parts = parts
            self.segments = {id(segment.searcher): segment for segment, _ in parts}
            self.matchers: dict[tuple[int, int], Any] = {}
            self.sizes: dict[int, int] = {}

        def __eq__(self, other: object) -> bool:
            return type(other) is type(self) and other.child == self.child

        __hash__ = WrappingQuery.__hash__

        def _rewrap(self, child: Any) -> Any:
            return self if child is self.child else Shared(child, self.parts)

        def estimate_size(self, ixreader: Any) -> int:
            # Asked by each AND and OR that holds the clause, to shape its tree.
            key = id(ixreader)
            if key not in self.sizes:
                self.sizes[key] = self.child.estimate_size(ixreader)
            return self.sizes[key]

        def matcher(self, searcher: Any, context: Any = None) -> Any:
            segment = self.segments.get(id(searcher))
            if segment is None:  # not one of the search's segments: Whoosh's way
                return self.child.matcher(searcher, context)
            key = (id(searcher), id(getattr(context, "weighting", None)))
            m = self.matchers.get(key)
            if m is None:
                m = self.matchers[key] = self.child.matcher(searcher, context)
                # Its documents now, from its first on: the trees it joins move it on.
                segment.docs(m)
            return m

    return Shared
