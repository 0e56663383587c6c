"""Whoosh's matcher trees, run a whole posting list at a time.

Whoosh finds a query's matches document by document: for every document each node of the
matcher tree is asked where it stands and what it scores, a dozen Python calls per word
and field. A search that needs every match with its score (for the total, the facets and
the ranking) spends most of its time there. Here the very tree Whoosh builds is run node
by node instead: a posting list is read block by block into a dict, unions and
intersections are set operations, and only the documents that match in the end are
scored. Scores are added in the order Whoosh's own matchers add them, so they are the same
numbers to the last bit; a node of a kind not known here is run Whoosh's way.

Whoosh is imported only when a search runs, like everywhere in :mod:`ipcsreader.store.index`
and :mod:`ipcsreader.store.running`.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from ipcsreader.compat import whoosh_fielded as fielded
from ipcsreader.compat.whoosh_matchers import (
    is_block_matcher,
    matcher_types,
    scorer_of,
    term_format,
    term_leaf,
)
from ipcsreader.compat.whoosh_phrases import phrase_class
from ipcsreader.compat.whoosh_postings import Postings

Scores = dict[int, float]
_REPLACE_EVERY = 10  # as whoosh.collectors.ScoredCollector


def prepare(q: Any) -> Any:
    """``q`` with the parts this module runs quicker in their place; it matches the same.

    An exact phrase becomes a :func:`phrase_class` phrase. An OR is built as Whoosh builds
    it for a segment of over 5,000 documents (a tree of unions), whatever the segment's
    size: for smaller ones Whoosh would sum the scores in an array, part by part, as soon
    as the matcher is made, a slow start that matching in bulk cannot skip. The scores
    are the same but for the order the fields' scores are added in (the last bit or
    two), and the same as a single large segment would give.
    """
    from whoosh import query
    from whoosh.query.compound import DefaultOr

    def swap(q: Any) -> Any:
        if type(q) is query.Phrase and q.slop == 1:
            phrase = phrase_class()
            return phrase(q.fieldname, q.words, boost=q.boost, char_ranges=q.char_ranges)
        if type(q) is query.Or:
            return DefaultOr(q.subqueries, boost=q.boost, minmatch=q.minmatch, scale=q.scale)
        return q

    return q.accept(swap)


def segments(searcher: Any, allowed: set[int] | None = None) -> list[tuple[Segment, int]]:
    """A :class:`Segment` for each of the searcher's segments, with its first document's
    global number. One search may run several queries over them: a term's postings are
    read once. With ``allowed`` (global numbers), every query run over them is asked for
    those documents only: a term's postings are read only in the blocks that hold them."""
    return [
        (Segment(leaf, within=_local(allowed, offset, leaf.doc_count_all())), offset)
        for leaf, offset in searcher.leaf_searchers()
    ]


def _local(allowed: set[int] | None, offset: int, count: int) -> list[int] | None:
    if allowed is None:
        return None
    return sorted(d - offset for d in allowed if offset <= d < offset + count)


def collect(
    searcher: Any,
    q: Any,
    allowed: set[int] | None,
    parts: list[tuple[Segment, int]],
    *,
    ordered: bool = True,
) -> list[tuple[float, int]]:
    """Every match of ``q`` as (score, global document number), best first.

    The same list as ``searcher.search(q, limit=None, filter=allowed).top_n``: ties in
    score go by document number, and ``allowed`` (global numbers) keeps only those.
    ``parts`` are the searcher's :func:`segments`. Not ``ordered``: in no order (for a
    caller that changes the scores and puts them in order itself, :func:`best_first`).
    """
    if searcher.weighting.use_final:  # a final pass over scores is not reproduced here
        return list(searcher.search(q, limit=None, filter=allowed).top_n)
    context = searcher.context()  # what Whoosh's own collector would hand the query
    found: list[tuple[float, int]] = []
    for segment, offset in parts:
        if allowed is not None and not segment.holds_any(allowed, offset):
            continue  # a few articles allowed (ipcs new's): other segments go unread
        m = q.matcher(segment.searcher, context)
        docs = segment.docs(m, whole=_steps_only(m))
        if allowed is not None:
            docs = {d for d in docs if d + offset in allowed}
        scores = segment.scores(m, docs)
        found += zip(scores.values(), map(offset.__add__, scores), strict=True)
    if ordered:
        best_first(found)
    return found


def best_first(found: list[tuple[float, int]]) -> None:
    """Puts (score, document) pairs in Whoosh's order: best first, ties by document (by
    document, then by score in a stable sort: two sorts in C, no key made per pair)."""
    found.sort(key=itemgetter(1))
    found.sort(key=itemgetter(0), reverse=True)


def matching_docs(searcher: Any, q: Any, parts: list[tuple[Segment, int]]) -> set[int]:
    """The global numbers of the documents ``q`` matches, through the searcher's
    :func:`segments` ``parts``: terms they have read already are not read again."""
    context = searcher.context()
    found: set[int] = set()
    for segment, offset in parts:
        found.update(map(offset.__add__, segment.docs(q.matcher(segment.searcher, context))))
    return found


def matched(searcher: Any, q: Any) -> set[int]:
    """The global numbers of the documents ``q`` matches, unscored: Whoosh's
    ``searcher.docs_for_query(q)``, as a set."""
    found: set[int] = set()
    for leaf, offset in searcher.leaf_searchers():
        m = q.matcher(leaf, leaf.boolean_context())
        found.update(map(offset.__add__, Segment(leaf, scored=False).docs(m)))
    return found


class Segment:
    """Runs matcher trees over one segment (document numbers local to it).

    :meth:`docs` says which documents a node matches, :meth:`scores` what it scores for
    some of them; each node's documents are worked out once and kept for the scoring.
    """

    def __init__(
        self, searcher: Any, *, scored: bool = True, within: list[int] | None = None
    ) -> None:
        self.searcher = searcher
        # The only documents (local, in order) asked about: postings elsewhere go unread.
        self.within = within
        self.reader = searcher.reader()
        # Unscored: a term matched without a scorer (Whoosh's boolean searches) is read
        # like any other; scored, such a term is some wrapper's business (run whole).
        self.scored = scored
        self._docs: dict[int, set[int]] = {}
        self._postings: dict[Any, Postings] = {}
        self._whole: dict[int, Scores] = {}  # nodes scored in full when first met
        self._nodes: list[Any] = []  # keeps each node alive, so that its id() stays its own
        self._norms: dict[tuple[str, float, float, float], list[float] | None] = {}
        self._unscored: Segment | None = None  # for what a NOT leaves out
        self._terms: dict[tuple[str, str], Any] = {}  # None: not in this segment

    def holds_any(self, docs: set[int], offset: int) -> bool:
        """Whether any of ``docs`` (global numbers) is in this segment, at ``offset``."""
        end = offset + self.reader.doc_count_all()
        return any(offset <= d < end for d in docs)

    # Which documents match.

    def docs(self, m: Any, *, whole: bool = False) -> set[int]:
        """The documents ``m`` matches from where it stands; ``whole``: found (and scored)
        Whoosh's way, a match at a time."""
        key = id(m)
        found = self._docs.get(key)
        if found is None:
            self._nodes.append(m)
            if whole:
                self._whole[key] = _step(m)
                found = self._docs[key] = set(self._whole[key])
            else:
                found = self._docs[key] = self._match(m)
        return found

    def _match(self, m: Any) -> set[int]:
        t = matcher_types()
        kind = type(m)
        if kind is t["null"]:
            return set()
        if kind is t["block"] or kind is t["list"]:
            scorer = scorer_of(m)
            if type(scorer) is t["bm25f"] or (scorer is None and not self.scored):
                return self._term_docs(m)
        elif kind is t["filter"]:
            docs = self.docs(m.child)
            return docs - m._ids if m._exclude else docs & m._ids
        elif kind is t["wrap"]:
            return self.docs(m.child)
        elif kind is t["union"]:
            return self.docs(m.a) | self.docs(m.b)
        elif kind is t["and"]:
            return self.docs(m.a) & self.docs(m.b)
        elif kind is t["andnot"]:
            return self.docs(m.a) - self.docs(m.b)
        elif kind is t["andmaybe"]:
            return set(self.docs(m.a))
        elif kind is t["phrase"]:
            return self._phrase_docs(m)
        elif kind is t["fielded"]:
            return set().union(*(self.docs(part) for part, *_ in fielded.parts_of(m)))
        elif kind is t["array"]:
            return set(self._scored_array(m))
        elif kind is t["inverse"]:
            return self._inverse_docs(m)
        whole = self._whole[id(m)] = _step(m)
        return set(whole)

    # What they score.

    def scores(self, m: Any, docs: set[int]) -> Scores:
        """The score of ``m`` for each of ``docs`` (all among :meth:`docs` of ``m``)."""
        if not docs:
            return {}
        whole = self._whole.get(id(m))
        if whole is not None:
            return {d: whole[d] for d in docs}
        t = matcher_types()
        kind = type(m)
        if kind is t["block"] or kind is t["list"]:
            return self._leaf_scores(m, docs)
        if kind is t["filter"] or kind is t["wrap"] or kind is t["phrase"]:
            return _boosted(self.scores(m.child, docs), m.boost)
        if kind is t["and"]:
            a, b = self.scores(m.a, docs), self.scores(m.b, docs)
            return {d: a[d] + b[d] for d in docs}
        if kind is t["union"] or kind is t["andmaybe"]:
            a = self.scores(m.a, docs & self.docs(m.a))
            b = self.scores(m.b, docs & self.docs(m.b))
            both = {d: a[d] + b[d] for d in a.keys() & b.keys()}
            a.update(b)
            a.update(both)
            return a
        if kind is t["andnot"]:
            return self.scores(m.a, docs)
        if kind is t["inverse"]:
            return dict.fromkeys(docs, m._weight)
        if kind is t["fielded"]:
            return self._fielded_scores(m, docs)
        raise AssertionError(f"no scores for {kind.__name__}")  # every other kind is whole

    def _scored_array(self, m: Any) -> Scores:
        """An array union, scored whole as Whoosh adds it up: sub by sub, from zero, each
        score times the boost.

        Whoosh reads it in parts of a few thousand documents; within a part a document
        whose sum is not above zero does not match, but the first of each part always
        does (it stops there before looking). The part in hand is already summed.
        """
        if not m.is_active():
            return {}
        first, offset, limit, part = m._docnum, m._offset, m._limit, m._a
        whole = {first: part[first - offset]}
        whole.update(
            (offset + i, s)
            for i, s in enumerate(part[first - offset + 1 : limit - offset], first - offset + 1)
            if s > 0
        )
        rest: Scores = {}
        for sub in m._submatchers:
            if not m._scored:
                rest.update(dict.fromkeys(self.docs(sub), 1.0))
                continue
            boost = m._boost
            for d, s in self.scores(sub, self.docs(sub)).items():
                rest[d] = rest.get(d, 0.0) + s * boost
        if all(s > 0 for s in rest.values()):
            whole.update(rest)
        else:
            for d in sorted(rest):
                if d >= limit:  # the first of a new part
                    limit = min(d + m._partsize, m._doccount)
                    whole[d] = rest[d]
                elif rest[d] > 0:
                    whole[d] = rest[d]
        self._whole[id(m)] = whole
        return whole

    def _inverse_docs(self, m: Any) -> set[int]:
        """A NOT: the documents from where it stands on that its query (matched, not
        scored) does not, less those it counts as missing (the deleted ones)."""
        if not m.is_active():
            return set()
        if self._unscored is None:
            self._unscored = Segment(self.searcher, scored=False)
        found = set(range(m.id(), m.limit)) - self._unscored.docs(m.child)
        if m.missing == self.reader.is_deleted:
            return found - self.reader.deleted_docs_set
        return {d for d in found if not m.missing(d)}

    # Terms.

    def leaf(self, m: Any) -> Postings:
        """The postings of the term of matcher ``m``; read once per term, through the
        first matcher met (which is used up)."""
        # A term's own postings are known by the term; a list Whoosh made up (a constant
        # score's matches) is not the term's postings, whatever term it names.
        own = is_block_matcher(m) or m._terminfo is not None
        key = m._term if own and m._term is not None else id(m)
        found = self._postings.get(key)
        if found is None:
            self._nodes.append(m)
            block = is_block_matcher(m)
            found = self._postings[key] = Postings(
                m, term_format(m), block=block, within=self.within
            )
        return found

    def _term_docs(self, m: Any) -> set[int]:
        """The documents from where matcher ``m`` stands on."""
        if not m.is_active():
            return set()
        start = m.id()
        postings = self.leaf(m)
        if start <= postings.first:
            return set(postings.weights)
        return {d for d in postings.weights if d >= start}

    def _leaf_scores(self, m: Any, docs: set[int]) -> Scores:
        """BM25F as Whoosh's scorer works it out, with the field length's part of the
        formula looked up per length byte instead of computed per posting."""
        scorer = scorer_of(m)
        weights = self.leaf(m).weights
        idf, k1 = scorer.idf, scorer.K1
        field = m._term[0] if m._term else None
        norms = self._length_norms(field, scorer) if field else None
        if norms is None:
            dfl = scorer.dfl
            return {d: scorer._score(weights[d], dfl(d)) for d in docs}
        lengths, table = norms
        return {
            d: idf * ((tf * (k1 + 1)) / (tf + table[lengths[d]]))
            for d in docs
            for tf in (weights[d],)
        }

    def _fielded_scores(self, m: Any, docs: set[int]) -> Scores:
        """BM25F of a word over several fields (see :mod:`.whoosh_fielded`), as its
        matcher would score it, with the length norms looked up per length byte."""
        tf = dict.fromkeys(docs, 0.0)
        for part, field, weight, scorer in fielded.parts_of(m):
            found = self.docs(part) & docs
            if not found:
                continue
            weights = self.leaf(term_leaf(part)).weights
            norms = self._length_norms(field, scorer, k1=1.0)
            if norms is None:
                b, avgfl, dfl = scorer.B, scorer.avgfl, scorer.dfl
                for d in found:
                    tf[d] += weight * weights[d] / ((1 - b) + b * dfl(d) / avgfl)
            else:
                lengths, table = norms
                for d in found:
                    tf[d] += weight * weights[d] / table[lengths[d]]
        idf, k1, boost = m.idf, m.k1, m.boost  # fielded.saturate, inlined: once per match
        return {d: idf * f * (k1 + 1) / (k1 + f) * boost for d, f in tf.items()}

    def _length_norms(
        self, field: str, scorer: Any, k1: float | None = None
    ) -> tuple[bytes, list[float]] | None:
        """The document lengths of ``field`` (a byte each, read whole by the index) and
        ``K1 * ((1 - B) + B * length / average)`` for each byte; None if not at hand."""
        key = (field, scorer.B, scorer.K1 if k1 is None else k1, scorer.avgfl)
        if key not in self._norms:
            self._norms[key] = _norm_table(self.reader, *key)
        table = self._norms[key]
        if table is None:
            return None
        return _lengths(self.reader, field), table

    def terms(self, field: str, tokens: Iterable[str]) -> dict[str, Any]:
        """Each of ``tokens`` that ``field`` holds in this segment, with its matcher (made
        once: the adjacency and nearness boosts ask for the same body words)."""
        from whoosh import query

        found = {}
        for token in tokens:
            if (field, token) not in self._terms:
                m = query.Term(field, token).matcher(self.searcher)
                # Asked whether it matches anything now: reading it uses it up.
                self._terms[field, token] = m if m.is_active() else None
            m = self._terms[field, token]
            if m is not None:
                found[token] = m
        return found

    def positions(self, m: Any, doc: int) -> Iterable[int]:
        """Where the term of matcher ``m`` (see :meth:`terms`) stands in ``doc``."""
        term = term_leaf(m)
        if term is None:
            raise ValueError(f"no positions at hand for {m!r}")
        return self.leaf(term).kept_positions(doc)

    # Phrases.

    def _phrase_docs(self, m: Any) -> set[int]:
        terms = [term_leaf(w) for w in m.ms]
        if any(
            w is None or not (term_format(w) and term_format(w).supports("positions"))
            for w in terms
        ):
            whole = self._whole[id(m)] = _step(m)
            return set(whole)
        candidates = self.docs(m.child)
        words = [(i, self.leaf(w)) for i, w in enumerate(terms)]
        # The rarest word first: most documents fail before a common word is decoded.
        words.sort(key=lambda iw: len(iw[1].weights))
        (first, rarest), rest = words[0], words[1:]
        found = set()
        for d in candidates:
            # Where the phrase would start, by its rarest word; then kept only where each
            # other word stands at its place after that start.
            starts = [p - first for p in rarest.positions(d)]
            for i, postings in rest:
                if not starts:
                    break
                at = set(postings.positions(d))
                starts = [p for p in starts if p + i in at]
            if starts:
                found.add(d)
        return found


def _boosted(scores: Scores, boost: float) -> Scores:
    if boost == 1.0:  # x * 1.0 is x
        return scores
    return {d: s * boost for d, s in scores.items()}


def _steps_only(m: Any) -> bool:
    """Whether the tree holds a coordination matcher (an OR that rewards documents with
    more of its words): its scores change as the collector replaces its finished parts,
    so only Whoosh's own way of stepping through the whole tree gives them."""
    coord = matcher_types()["coord"]
    return type(m) is coord or any(_steps_only(c) for c in m.children())


def _step(m: Any) -> Scores:
    """Whoosh's way: every remaining match of ``m`` and its score, one by one.

    As Whoosh's collector steps, ``m`` is replaced by its simpler self every ten matches:
    a coordination matcher's score depends on it (it counts the words left).
    """
    found: Scores = {}
    countdown = 0
    while m.is_active():
        if not countdown:
            m = m.replace(0)
            if not m.is_active():
                break
            countdown = _REPLACE_EVERY
        countdown -= 1
        found[m.id()] = m.score()
        m.next()
    return found


def _lengths(reader: Any, field: str) -> bytes:
    from whoosh.codec.whoosh3 import _lenfield

    return reader._perdoc._readers[_lenfield(field)]


def _norm_table(reader: Any, field: str, b: float, k1: float, avgfl: float) -> list[float] | None:
    """Per length byte, the part of BM25 that depends on the field's length; None unless
    the lengths were read whole into a byte string (see ``whoosh_reading.load_lengths``)."""
    from whoosh.codec.whoosh3 import W3PerDocReader, _lenfield
    from whoosh.util.numeric import byte_to_length

    perdoc: Any = getattr(reader, "_perdoc", None)
    if type(perdoc) is not W3PerDocReader:
        return None
    if type(perdoc._readers.get(_lenfield(field))) is not bytes:
        return None
    # The same operations, in the same order, as whoosh.scoring.bm25.
    return [k1 * ((1 - b) + b * byte_to_length(n) / avgfl) for n in range(256)]
