"""The key terms of an article's text, for "related articles": Whoosh's choice, found
with fewer lookups.

Whoosh's ``Searcher.key_terms_from_text`` scores every distinct word of the text by the
Bo1 model, looking each one up in every segment (twice): for a whole article that is
thousands of lookups, most of a ``ipcs read``. Bo1's score grows with a word's weight in
the text and falls as its weight in the whole index grows, which is at least 1 for a
word the index holds. So words are taken heaviest first, and once even the rarest
possible word of the next weight would score below the last of the best found, no word
left can enter them: the same terms and weights, without looking up the light words.

The articles those terms match are then ranked by :mod:`ipcsreader.compat.whoosh_matching`
(each term's postings scored a block at a time) rather than by Whoosh's collector, which
steps through the matches one by one: the same scores in the same order, in 55-60% of
the time (measured at 10,000 and 50,000 articles).
"""

from __future__ import annotations

import heapq
from typing import Any

from ipcsreader.compat import whoosh_matching as matching
from ipcsreader.store import fields

# Words left out must score clearly below the last one kept: dividing by the largest
# score (as Whoosh does) must not be able to make them equal.
_MARGIN = 1 - 1e-9


def key_terms(reader: Any, fieldname: str, text: str, number: int = 5) -> list[tuple[str, float]]:
    """What ``Searcher.key_terms_from_text(fieldname, text, number, normalize=False)``
    gives (as ``Searcher.more_like`` asks): the ``number`` best (word, weight), the
    weights divided by the best score."""
    from whoosh.classify import Bo1Model, Expander
    from whoosh.formats import Frequency, Positions

    expander = Expander(reader, fieldname, model=Bo1Model)
    field = reader.schema[fieldname]
    positions = fields.fast_analyser(field)
    if positions is not None and type(field.format) in (Frequency, Positions):
        # The words and weights add_text would add (a word's count, each token's boost
        # being 1, times the field's), without a token object per word: most of the time
        # Whoosh's way takes over a whole article.
        boost = field.format.field_boost
        expander.add((word, float(len(at)) * boost) for word, at in positions(text).items())
    else:
        expander.add_text(text)
    model, total = expander.model, expander.top_total
    best: list[tuple[float, str]] = []  # a heap of the best (score, word) so far
    scored: list[tuple[float, str]] = []
    for word, weight in sorted(expander.topN_weight.items(), key=lambda ww: -ww[1]):
        if len(best) >= number and model.score(weight, 1, total) < best[0][0] * _MARGIN:
            break  # no word this light scores high enough, however rare
        # A word the index holds has a weight there of 1 at least, one it lacks 0: one
        # look-up in each segment tells both (Whoosh asks "in reader" first, then this).
        frequency = reader.frequency(fieldname, field.to_bytes(word))
        if not frequency:
            continue
        score = model.score(weight, frequency, total)
        scored.append((score, word))
        if len(best) < number:
            heapq.heappush(best, (score, word))
        elif score > best[0][0]:
            heapq.heapreplace(best, (score, word))
    if not scored:
        return []
    top = max(score for score, _ in scored)
    ranked = sorted(((score / top, word) for score, word in scored), key=lambda sw: (-sw[0], sw[1]))
    return [(word, weight) for weight, word in ranked[:number]]


def more_like(
    searcher: Any, fieldname: str, docnum: int, text: str, limit: int
) -> tuple[Any, list[tuple[float, int]]]:
    """What ``Searcher.more_like(docnum, fieldname, text, top=limit)`` finds (with the key
    terms of :func:`key_terms`): its query, and the best ``limit`` other documents as
    (score, document number), best first."""
    from whoosh import query

    terms = key_terms(searcher.reader(), fieldname, text)
    liked = query.Or([query.Term(fieldname, word, boost=weight) for word, weight in terms])
    # Every match, ranked as Whoosh's collector ranks them (ties by document number):
    # dropping the article itself afterwards leaves the order Whoosh's mask gives.
    found = matching.collect(searcher, liked, None, matching.segments(searcher))
    return liked, [hit for hit in found if hit[1] != docnum][:limit]
