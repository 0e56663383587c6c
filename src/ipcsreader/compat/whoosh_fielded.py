"""One query word over several fields, scored as BM25F: the fields' evidence saturates together.

Whoosh's multifield parser makes a word an OR of one term per field, each scored by BM25
on its own and the scores added: a word once in a short title then scores several times
what a dozen mentions in the body do (each field saturates apart, and the title's weight
multiplies a score already near its ceiling). BM25F instead adds each field's
length-normalised term frequency, times the field's weight, into one frequency, and
saturates that once: a title match counts like a few more mentions, no more.

    tf = sum over fields of weight * tf_field / ((1 - B_field) + B_field * len / avg_len)
    score = idf * tf * (K1 + 1) / (K1 + tf)

``B`` per field, ``K1`` and the idf come from the searcher's BM25F weighting (the idf of
the body, where the word occurs there: the title's would call a word rare that many
bodies use). :class:`ipcsreader.compat.whoosh_matching.Segment` scores these in bulk;
the matcher here scores the same numbers a match at a time, Whoosh's way.

Only a word whose terms share one text is combined. The names fields (author, column,
region) are not stemmed, so a word the stemmer changes ("abduction": ``abduct`` in the
text fields, ``abduction`` in the names) keeps Whoosh's sum of per-field scores; only
words the stemmer leaves alone ("kim", "russia") are scored as BM25F. Combining every
word was measured (bench/README.md, eighth pass): conformance and tune fell at 10,000
with today's weights, which were chosen with this mix in place.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# The field whose idf a word takes when it occurs there.
IDF_FIELD = "body"


def combine(q: Any) -> Any:
    """``q`` with each OR of one text in several fields as a :func:`fielded_class`."""
    from whoosh import query
    from whoosh.query.compound import DefaultOr

    fielded = fielded_class()

    def swap(sub: Any) -> Any:
        if type(sub) in (query.Or, DefaultOr) and len(sub.subqueries) > 1:
            parts = sub.subqueries
            if all(type(p) is query.Term for p in parts):
                texts = {p.text for p in parts}
                fields = {p.fieldname for p in parts}
                if len(texts) == 1 and len(fields) == len(parts):
                    return fielded(parts, boost=sub.boost)
        return sub

    return q.accept(swap)


def parts_of(m: Any) -> list[tuple[Any, str, float, Any]]:
    """The (matcher, field, weight, scorer) of each field of a fielded matcher."""
    return m.parts


def saturate(m: Any, tf: float) -> float:
    """The score of a combined, normalised term frequency ``tf``."""
    return m.idf * tf * (m.k1 + 1) / (m.k1 + tf) * m.boost


@cache
def fielded_class() -> Any:
    """Whoosh's OR query, with a matcher that scores its terms as one BM25F word."""
    from whoosh import matching, query
    from whoosh.query.compound import DefaultOr

    from ipcsreader.compat.whoosh_matchers import scorer_of, term_leaf

    class FieldedMatcher(matching.WrappingMatcher):
        def __init__(self, child: Any, parts: list[tuple[Any, str, float, Any]], boost: float):
            super().__init__(child, boost=boost)
            self.parts = parts
            scorers = {field: scorer for _, field, _, scorer in parts}
            first = parts[0][3]
            self.idf = (scorers.get(IDF_FIELD) or max(scorers.values(), key=_idf)).idf
            self.k1 = first.K1

        def _replacement(self, newchild: Any) -> Any:
            return FieldedMatcher(newchild, self.parts, self.boost)

        def copy(self) -> Any:
            parts = [(m.copy(), field, weight, scorer) for m, field, weight, scorer in self.parts]
            return FieldedMatcher(_union(parts), parts, self.boost)

        def supports_block_quality(self) -> bool:
            return False  # its scores are not its parts' qualities

        def score(self) -> float:
            doc = self.child.id()
            tf = 0.0
            for m, _field, weight, scorer in self.parts:
                if m.is_active() and m.id() == doc:
                    norm = (1 - scorer.B) + scorer.B * scorer.dfl(doc) / scorer.avgfl
                    tf += weight * m.weight() / norm
            return saturate(self, tf)

    class FieldedOr(query.Or):
        matcher_class = FieldedMatcher

        def matcher(self, searcher: Any, context: Any = None) -> Any:
            parts = []
            for sub in self.subqueries:
                m = query.Term(sub.fieldname, sub.text).matcher(searcher, context)
                if not m.is_active():
                    continue
                leaf = term_leaf(m)
                if leaf is None:  # unscored (a filter) or not BM25F: a plain OR will do
                    plain = DefaultOr(self.subqueries, boost=self.boost)
                    return plain.matcher(searcher, context)
                parts.append((m, sub.fieldname, sub.boost, scorer_of(leaf)))
            if not parts:
                return matching.NullMatcher()
            return FieldedMatcher(_union(parts), parts, self.boost)

    def _union(parts: list[tuple[Any, str, float, Any]]) -> Any:
        union = parts[0][0]
        for m, *_ in parts[1:]:
            union = matching.UnionMatcher(union, m)
        return union

    return FieldedOr


def _idf(scorer: Any) -> float:
    return scorer.idf
