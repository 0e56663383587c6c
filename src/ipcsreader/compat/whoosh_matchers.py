"""The kinds of Whoosh matcher :mod:`.whoosh_matching` knows, and how to look inside them.

Relies on Whoosh's matcher classes (``W3LeafMatcher``, ``ListMatcher``, the wrapping,
binary and combining matchers) and on their private ``_scorer`` / ``_format`` attributes.
Checked on whoosh-reloaded 2.7.5 (``pyproject.toml``: ``<2.8``); a matcher of another kind
is run Whoosh's own way. Guard: ``tests/test_matching.py``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ipcsreader.compat import whoosh_fielded as fielded
from ipcsreader.compat.whoosh_phrases import phrase_class


@cache
def matcher_types() -> dict[str, Any]:
    """Each kind of Whoosh matcher (and scorer) this package runs, by a short name."""
    from whoosh.codec.whoosh3 import W3LeafMatcher
    from whoosh.matching import binary, combo, mcore, wrappers
    from whoosh.scoring import BM25FScorer

    return {
        "block": W3LeafMatcher,
        "list": mcore.ListMatcher,
        "null": mcore.NullMatcherClass,
        "filter": wrappers.FilterMatcher,
        "wrap": wrappers.WrappingMatcher,
        "union": binary.UnionMatcher,
        "and": binary.IntersectionMatcher,
        "andnot": binary.AndNotMatcher,
        "andmaybe": binary.AndMaybeMatcher,
        "array": combo.ArrayUnionMatcher,
        "coord": wrappers.CoordMatcher,
        "inverse": wrappers.InverseMatcher,
        "bm25f": BM25FScorer,
        "phrase": phrase_class().matcher_class,
        "fielded": fielded.fielded_class().matcher_class,
    }


def is_block_matcher(m: Any) -> bool:
    return type(m) is matcher_types()["block"]


def scorer_of(m: Any) -> Any:
    """The scorer of a term's matcher (the two kinds name it differently)."""
    return m.scorer if is_block_matcher(m) else m._scorer


def term_format(m: Any) -> Any:
    """The postings format of a term's matcher (named differently by the two kinds)."""
    return m.format if is_block_matcher(m) else m._format


def term_leaf(m: Any) -> Any:
    """The postings matcher of a term scored by BM25F, through its deletion filter and
    boost, or None."""
    t = matcher_types()
    while type(m) is t["filter"] or type(m) is t["wrap"]:
        m = m.child
    if type(m) is not t["block"] and type(m) is not t["list"]:
        return None
    return m if type(scorer_of(m)) is t["bm25f"] else None
