"""Whoosh's phrase query, matched by comparing position lists (see :func:`phrase_class`).

Whoosh is imported only when the class is first asked for.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def phrase_class() -> Any:
    """A phrase query that finds its words side by side by comparing position lists.

    Whoosh's own builds span objects for every position of every word in every document
    that has all the words: for a phrase of common words, most of a search's time. The
    matches and their scores (the sum of the words' scores) are the same. Its matcher is
    ``phrase_class().matcher_class``; :class:`Segment` runs it in bulk.
    """
    from whoosh import matching, query
    from whoosh.query.spans import Span, SpanNear2

    class PhraseMatcher(SpanNear2.SpanNear2Matcher):
        def __init__(self, ms: list[Any]) -> None:
            super().__init__(ms)

        def copy(self) -> Any:
            return self.__class__([m.copy() for m in self.ms])

        def _get_spans(self) -> list[Any]:
            # The word used least in this document first: most documents fail early,
            # before the positions of a word like "of" are decoded.
            order = sorted(range(len(self.ms)), key=lambda i: self.ms[i].weight())
            first = order[0]
            starts = {p - first for p in self.ms[first].value_as("positions")}
            for i in order[1:]:
                starts.intersection_update(p - i for p in self.ms[i].value_as("positions"))
                if not starts:
                    return []
            last = len(self.ms) - 1
            return [Span(p, p + last) for p in sorted(starts)]

    class Phrase(query.Phrase):
        matcher_class = PhraseMatcher

        def matcher(self, searcher: Any, context: Any = None) -> Any:
            schema = searcher.schema
            field = schema[self.fieldname] if self.fieldname in schema.names() else None
            if field is None or not field.format or not field.format.supports("positions"):
                return super().matcher(searcher, context)  # Whoosh's way, errors and all
            ms = [query.Term(self.fieldname, w).matcher(searcher, context) for w in self.words]
            if not all(m.is_active() for m in ms):
                return matching.NullMatcher()
            m = PhraseMatcher(ms)
            return matching.WrappingMatcher(m, boost=self.boost) if self.boost != 1.0 else m

    return Phrase
