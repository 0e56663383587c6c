"""How hits are scored: field weights, BM25F's constants and the extras on top.

Chosen on ``bench/relevance.py`` (see bench/README.md): a word is scored over all its
fields at once by BM25F where its fields hold one text (a word the stemmer changes is
scored field by field and added: see :mod:`ipcsreader.compat.whoosh_fielded`), with the
weights below;
query words found side by side add a little (:func:`adjacency`), found close together
(in the body or the teaser), four or more in order as typed, all in the title, or naming
the hit's column multiply it (:func:`nearness`, :func:`in_order`, :func:`whole_titles`,
:func:`whole_columns`), and when any word of a query will do, matches with more of its
words come first (:data:`COORDINATION`). Hits of equal score come newest first
(:func:`newest_among_equals`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ipcsreader.compat import whoosh_matching as matching
from ipcsreader.store import fields, grammar

# What one occurrence of a word counts for in each field, against one in the body, in the
# word's combined frequency. Titles count most, but a title mention adds to the body's
# evidence rather than dwarfing it: 2 beat 2.5 on conformance + tune, held out too, on two
# haystacks (bench/README.md); below 2 a title naming the subject exactly can lose to a
# longer body, and above it a title sharing a name with the query beats an article
# that discusses the person.
FIELD_BOOSTS = {
    "title": 2.0,
    "teaser": 1.2,
    "body": 1.0,
    # A byline naming the person typed says whose piece it is, where a page naming them
    # among others (a panel's review, a reply) may say the query's other words more often:
    # on the 871 queries of the bench file naming an author, 4 moved 5 up and none down at
    # 10k even, 3 up at zipf, against 2; 6 and 8 moved some down (bench/README.md,
    # forty-sixth pass). The eleventh pass's tune set had ranked 1 to 4 alike.
    "author": 4.0,
    # Where the author works ("Executive Director, CDPS, Guwahati"): a reader who types
    # the institution means the author's pages. 0.5, 1 and 2 ranked those queries alike;
    # above 0.5 the only other moves were pages lifted because their author's affiliation
    # names a place the query asks about as its subject ("Sri Lanka", "Delhi"), which says
    # who wrote, not what about (bench/README.md, thirtieth pass).
    "affiliation": 0.5,
    "column": 1.5,
    "region": 1.0,
}
# What a word's other form counts for, against the form typed: a word of one meaning
# ("relations" for "ties": store/synonyms), another spelling of a name (store/variants),
# a number in figures or in words (store/rewrites). The reader is told of each ("also
# searched as …, weighted below the word typed"): a page saying what was typed comes first.
# 0.3, 0.5 and 0.7 ranked the words of one meaning alike (bench/README.md, twentieth pass).
OTHER_FORM = 0.5
# K1: how slowly a word's combined frequency saturates. So high that it hardly does: an
# article about a subject names it again and again where one that only touches it names
# it once or twice, and each mention is evidence (an archive of commentary has no pages
# stuffed with a word). 20 beat 5 on every haystack tried; on the 1,399 queries of the
# twenty-fourth pass 30, 50 and 100 each beat the one before on both haystacks (50 and
# 100 at a second seed too), and 200 or 1,000 hardly moved (bench/README.md). B: how
# much a long body is discounted (0.9: saved pages vary from cut first parts to whole
# articles, and a long one names everything once).
K1 = 100.0
BODY_B = 0.9
# Titles are short: normalising their length as hard as the body's would let a one-word
# title beat a full match, so they are normalised less. Names are not normalised at all.
TITLE_B = 0.4
# Extra score for query words found next to each other, as typed: a share of the pair's
# word scores in that field. The body's share is under the whole, since words close
# together there already multiply the score (NEAR_BOOST): a full share counted the same
# evidence twice: 0.5 and 0.6 beat 0.75 and 1.0 on both haystacks, neither the other on
# both (bench/README.md, twenty-fourth pass).
PROXIMITY_BOOST = {"title": 0.5, "teaser": 0.3, "body": 0.6}
# How much a relaxed (any word) match's score shrinks with the share of the query's words
# it lacks: score * share ** COORDINATION.
COORDINATION = 2.0
# A hit lacking a word of the query joins those with every word where, its score (already
# cut by COORDINATION) times PARTIAL, it still beats the PARTIAL_PAGE-th of them (a first
# page, whatever page size is asked: the total stays one; fewer than a page, the best of
# them: thirty-fourth pass): the page the reader means may lack a word they remember
# wrongly ("summit" for the page's "visit") and hold the rest far better than pages that
# merely hold them all. 0.5 moved 3 queries up and 1 down of 1,027 at 10k even, 4 up and
# none down at zipf (bench/README.md, twenty-first pass); on the 3,156 of the thirty-seventh
# pass, 0.65 moved 4 more up and none down at even, 1 at zipf, 8 of 8,361 with typos; 0.7
# and 0.8 moved some down. Only for a query of PARTIAL_WORDS words or more besides function
# words: a page with one of two words holds half the query (the same ranks with 2 as with
# 3, and the any-word pass saved for the queries of two).
PARTIAL = 0.65
PARTIAL_PAGE = 10
PARTIAL_WORDS = 3
# Query words found within NEAR_WINDOW positions of each other in the body multiply the
# score by up to 1 + NEAR_BOOST (all of them in one stretch): an article about the subject
# says the words together, one that only uses them says them pages apart.
NEAR_WINDOW = 12
NEAR_BOOST = 0.5
# The fields whose stretches count for nearness, the best of them taken. The teaser too: a
# new-layout page's one-sentence summary names what the article is about, together, where
# its body may spread the words out ("Trump's policy" above a body on Trump and North
# Korea); without it a distractor saying the words once in passing got the boost and the
# article did not (bench/README.md, tenth pass). A teaser often names its author: opening
# with the byline ("Dr Sandip Mishra looks at ...") the index leaves the names out
# (names.without_own_byline); said elsewhere in it, the hit's own author's names do not
# count here.
NEAR_FIELDS = ("body", "teaser")
# A word in more than this share of the bodies ("of", "the") does not count for nearness;
# nor does a function word ("how", "were": see grammar.FUNCTION_WORDS) of a query that has
# others, however rare: "how" beside "killed" says nothing of the subject.
NEAR_COMMON = 0.3
# A title holding every word of a query of several words multiplies the score by
# 1 + TITLE_WHOLE: it names the subject asked for, where a title sharing one word with the
# query (as many do) names something else.
TITLE_WHOLE = 0.3
# A query's words found one after another as typed, IN_ORDER_RUN or more, multiply the
# score by up to 1 + IN_ORDER_BOOST (all of them in order): a sentence pasted or
# remembered from the page, a name of an office or a body typed in full ("Air Accidents
# Investigation Branch"), where a page that merely uses the words says them apart or in
# another order. Three in a row are common by chance (a name and a word: "North Korea
# abduction"). On the 2,031 queries of the thirtieth pass, runs of three and more cost 5
# at 10k even for 5 gained; of four and more gained 6 (and 1 at zipf) and cost none; a
# boost of 2 cost 3 (bench/README.md).
IN_ORDER_BOOST = 1.0
IN_ORDER_RUN = 4
# A query holding every word of a hit's column's name, two or more besides function words
# ("Looking East", "Dateline Colombo"), multiplies its score by 1 + COLUMN_WHOLE: the
# reader named the column, as they would a byline.
COLUMN_WHOLE = 0.3
# How many of the best hits by plain score are looked at for nearness.
NEAR_TOP = 50
# How many of the best hits by plain score get the adjacency boost.
RESCORE_TOP = 200


def weighting() -> Any:
    from whoosh.scoring import BM25F

    return BM25F(B=BODY_B, K1=K1, title_B=TITLE_B, author_B=0.0, affiliation_B=0.0, column_B=0.0)


def adjacency(
    segments: list[tuple[matching.Segment, int]], tokens: Sequence[str], docnums: Sequence[int]
) -> tuple[dict[int, float], dict[int, int]]:
    """The extra score of each of ``docnums`` (ascending) for adjacent query words found
    adjacent in its title, teaser and body; and the most query words it holds one after
    another as typed, in one of those fields (two or more: see :data:`IN_ORDER_BOOST`).

    The same score a phrase query of each pair would give (the pair's word scores, times
    the field's :data:`PROXIMITY_BOOST`), but worked out from the words' positions in
    these documents only, instead of searching the whole index for each pair. A function
    word's score counts as it does in the query (:data:`grammar.FUNCTION_WORD_WEIGHT`):
    "over the" said side by side in a long page is no evidence of its subject, while
    "game of madmen" still counts the pair it holds.
    """
    pairs = list(pairwise(tokens))
    function = grammar.function_stems()
    weight = {t: grammar.FUNCTION_WORD_WEIGHT if t in function else 1.0 for t in tokens}
    extra: dict[int, float] = defaultdict(float)
    runs: dict[int, int] = {}
    for segment, offset in segments:
        end = offset + segment.searcher.doc_count_all()
        local = {d - offset for d in docnums if offset <= d < end}
        if not local:
            continue
        for field, boost in PROXIMITY_BOOST.items():
            terms = segment.terms(field, set(tokens))
            if len(terms) < 2:
                continue
            found = {t: segment.docs(m) & local for t, m in terms.items()}
            scores = {t: segment.scores(terms[t], docs) for t, docs in found.items()}
            for doc in local:
                positions: dict[str, set[int]] = {}
                # Where each run of query words in order ends, and how many it holds.
                ends: dict[int, int] = {}
                for a, b in pairs:
                    if doc not in found.get(a, ()) or doc not in found.get(b, ()):
                        ends = {}
                        continue
                    for token in (a, b):
                        if token not in positions:
                            positions[token] = set(segment.positions(terms[token], doc))
                    ends = {
                        p + 1: ends.get(p, 1) + 1 for p in positions[a] if p + 1 in positions[b]
                    }
                    if ends:
                        extra[doc + offset] += boost * (
                            scores[a][doc] * weight[a] + scores[b][doc] * weight[b]
                        )
                        longest = max(ends.values())
                        if longest > runs.get(doc + offset, 0):
                            runs[doc + offset] = longest
    return extra, runs


def in_order(tokens: Sequence[str], run: int) -> float:
    """How much of a query of ``tokens`` a run of ``run`` of them in order as typed holds,
    from 0 (shorter than :data:`IN_ORDER_RUN`) to 1 (all of them)."""
    if len(tokens) < IN_ORDER_RUN:
        return 0.0
    below = IN_ORDER_RUN - 1
    return max(0, run - below) / (len(tokens) - below)


def query_tokens(words: Sequence[str]) -> tuple[list[str], dict[str, set[str]]]:
    """The tokens of ``words`` as the text fields index them, in order, and each token's
    forms in the author field (unstemmed: *Chaudhary* is *chaudhari* in the text), from
    one analysis of each word."""
    analyzers = fields.analyzers()
    tokens: list[str] = []
    forms: dict[str, set[str]] = defaultdict(set)
    for word in words:
        stems = [t.text for t in analyzers["text"](word, mode="query")]
        if stems:
            names = {t.text for t in analyzers["name"](word, mode="query")}
            for stem in stems:
                forms[stem] |= names
            tokens += stems
    return tokens, forms


def nearness(
    searcher: Any,
    segments: list[tuple[matching.Segment, int]],
    tokens: Sequence[str],
    docnums: Sequence[int],
    names: Mapping[str, Collection[str]],
) -> dict[int, float]:
    """For each of ``docnums``, how many of the query's distinct words one of its
    :data:`NEAR_FIELDS` holds within :data:`NEAR_WINDOW` positions of each other, as a
    share (the best field's): 0 for one word, 1 for all of them (words in most bodies
    and function words left out (see :data:`NEAR_COMMON`); in the teaser, words of the
    hit's author's name, as ``names`` gives each token's forms in the author field)."""
    limit = NEAR_COMMON * searcher.doc_count()
    function = grammar.function_stems()
    words = [t for t in dict.fromkeys(tokens) if t not in function] or list(dict.fromkeys(tokens))
    distinct = [t for t in words if searcher.doc_frequency("body", t) <= limit]
    if len(distinct) < 2:
        return {}
    found: dict[int, float] = {}
    for segment, offset in segments:
        end = offset + segment.searcher.doc_count_all()
        local = {d - offset for d in docnums if offset <= d < end}
        for field in NEAR_FIELDS if local else ():
            terms = segment.terms(field, distinct)
            if len(terms) < 2:
                continue
            having = {t: segment.docs(m) & local for t, m in terms.items()}
            if field == "teaser":
                having = {
                    t: docs - _authored(segment, names.get(t, ())) for t, docs in having.items()
                }
            for doc in local:
                hits = sorted(
                    (p, t)
                    for t, m in terms.items()
                    if doc in having[t]
                    for p in segment.positions(m, doc)
                )
                share = (_most_in_a_window(hits) - 1) / (len(distinct) - 1)
                if share > found.get(doc + offset, 0.0):
                    found[doc + offset] = share
    return found


def whole_titles(
    segments: list[tuple[matching.Segment, int]], tokens: Sequence[str], docnums: Sequence[int]
) -> set[int]:
    """Those of ``docnums`` whose title holds every one of the query's words ``tokens``,
    in any order (see :data:`TITLE_WHOLE`)."""
    distinct = set(tokens)
    whole: set[int] = set()
    for segment, offset in segments:
        end = offset + segment.searcher.doc_count_all()
        local = {d - offset for d in docnums if offset <= d < end}
        terms = segment.terms("title", distinct) if local else {}
        if len(terms) < len(distinct):
            continue  # a word no title of this segment holds
        for m in terms.values():
            local &= segment.docs(m)
        whole.update(d + offset for d in local)
    return whole


def whole_columns(
    columns: Mapping[int, str | None], names: Mapping[str, Collection[str]]
) -> set[int]:
    """Those of ``columns`` (document: its column's name) whose name the query names in
    full (see :data:`COLUMN_WHOLE`), as ``names`` gives each query token's forms in the
    name fields."""
    typed = {form for forms in names.values() for form in forms}
    named = set()
    for doc, column in columns.items():
        words = _column_words(column) if column else frozenset()
        if len(words) >= 2 and words <= typed:
            named.add(doc)
    return named


@lru_cache(maxsize=256)
def _column_words(column: str) -> frozenset[str]:
    words = {t.text for t in fields.analyzers()["name"](column, mode="query")}
    return frozenset(words.difference(grammar.FUNCTION_WORDS))


def coordinated(
    searcher: Any, segments: Any, q: Any, found: list[tuple[float, int]]
) -> tuple[list[tuple[float, int]], set[int], list[set[int]]]:
    """Any-word matches of ``q`` (``found``, in no order), each score times the share of
    the query's parts it matches, best first: an article with more of the words comes
    before one with fewer, unless the fewer are much rarer or more prominent. And the
    documents that match every part, and those that match each part (none if ``q`` has
    one)."""
    from whoosh import query
    from whoosh.query.compound import DefaultOr

    words = q.a if type(q) is query.AndMaybe else q
    if type(words) not in (query.Or, DefaultOr) or len(words.subqueries) < 2:
        matching.best_first(found)
        return found, {d for _, d in found}, []
    clauses = words.subqueries
    counts: Counter[int] = Counter()
    each = [matching.matching_docs(searcher, clause, segments) for clause in clauses]
    for docs in each:
        counts.update(docs)
    share = [(n / len(clauses)) ** COORDINATION for n in range(len(clauses) + 1)]
    scored = [(score * share[counts[d]], d) for score, d in found]
    matching.best_first(scored)
    return scored, {d for d, n in counts.items() if n == len(clauses)}, each


def newest_among_equals(found: list[tuple[float, int]], date_rank: Sequence[int]) -> None:
    """Puts each run of hits of equal score in ``found`` (best first) newest first, by
    ``date_rank`` (each document's place in date order): nothing tells them apart but
    when they were written ("Mahapatra": every piece of the byline scores alike), and the
    index's order says only where the pages lay on disk."""
    if len({score for score, _ in found}) == len(found):
        return  # nothing alike, as for most queries: no walk through them
    start = 0
    while start < len(found):
        end = start + 1
        while end < len(found) and found[end][0] == found[start][0]:
            end += 1
        if end - start > 1:
            found[start:end] = sorted(found[start:end], key=lambda sd: -date_rank[sd[1]])
        start = end


def _authored(segment: matching.Segment, forms: Collection[str]) -> set[int]:
    """The documents of ``segment`` whose author field holds any of ``forms``."""
    authored: set[int] = set()
    for m in segment.terms("author", forms).values():
        authored |= segment.docs(m)
    return authored


def _most_in_a_window(hits: list[tuple[int, str]]) -> int:
    """The most distinct words among ``hits`` (position, word), in order, that any
    :data:`NEAR_WINDOW` consecutive positions hold."""
    best = 0
    inside: Counter[str] = Counter()
    start = 0
    for position, word in hits:
        inside[word] += 1
        while position - hits[start][0] >= NEAR_WINDOW:
            gone = hits[start][1]
            inside[gone] -= 1
            if not inside[gone]:
                del inside[gone]
            start += 1
        best = max(best, len(inside))
    return best
