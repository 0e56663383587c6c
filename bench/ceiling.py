"""How high MRR@10 can go on a relevance haystack for rankers that only count the query's words.

    .venv/bin/python bench/ceiling.py --workdir DIR --articles 10000 [--seed 1] [--spread zipf]
    .venv/bin/python bench/ceiling.py --workdir DIR --set tune2 --set held2   # by set and family
    .venv/bin/python bench/ceiling.py --workdir DIR --pages P --queries Q.jsonl   # as relevance.py

For each query of bench/relevance.py, an article B *dominates* the article meant, A, when B
holds every query word (as the index analyses it) at least as often as A in each field
(title, teaser, body, authors, column), every pair of query words side by side at least as
often in each of title, teaser and body, and has a title, teaser and body no longer than A's.
A ranker whose score never falls when a query word or pair is added or a field is shortened
(BM25 and BM25F with any weights, side-by-side boosts, coordination, field weights) cannot
put A above any B that dominates it; where they tie on all of this, it cannot tell them apart
(the expected reciprocal rank of a random order among them is taken). So the MRR@10 printed
is a ceiling for all such rankers. A ranker can pass it only with evidence beyond these
counts: words of a query found close but not side by side, where in the page the words
are, or words that are not in the query at all.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

import haystack  # noqa: E402  (beside this script)
import relevance  # noqa: E402

PAIRED = ("title", "teaser", "body")


class Counts:
    """One article's analysed fields (the baselines' too, :data:`relevance.FIELDS`): word
    counts, side-by-side pairs and lengths."""

    def __init__(self, doc: relevance.Doc, analyse: Any) -> None:
        tokens = {
            f: [t.text for t in analyse(getattr(doc, f), mode="index")] for f in relevance.FIELDS
        }
        self.words = {f: Counter(ts) for f, ts in tokens.items()}
        self.pairs = {f: Counter(pairwise(tokens[f])) for f in PAIRED}
        self.lengths = tuple(len(tokens[f]) for f in PAIRED)
        self.vocabulary = set().union(*tokens.values())

    def profile(self, words: list[str], pairs: list[tuple[str, str]]) -> tuple[int, ...]:
        return (
            *(self.words[f][w] for f in relevance.FIELDS for w in words),
            *(self.pairs[f][p] for f in PAIRED for p in pairs),
        )


def expected_rr(dominating: int, tied: int) -> float:
    """The mean reciprocal rank (0 below rank 10) of an article below ``dominating`` others
    and in a random order with ``tied`` more."""
    ranks = range(dominating + 1, dominating + tied + 2)
    return sum(1 / r for r in ranks if r <= relevance.TOP) / (tied + 1)


class Haystack:
    """The articles ``docs`` as counted, and the articles holding each word."""

    def __init__(self, docs: Iterable[relevance.Doc]) -> None:
        from ipcsreader.store import fields

        self.analyse = fields.analyzers()["text"]
        self.counts = {d.number: Counts(d, self.analyse) for d in docs}
        self.holding: dict[str, set[int]] = {}
        for number, c in self.counts.items():
            for w in c.vocabulary:
                self.holding.setdefault(w, set()).add(number)

    def words(self, query: str) -> list[str]:
        """The query's distinct words as the index analyses them (a field's name is none)."""
        text = re.sub(r"\b\w+:", " ", query)
        return list(dict.fromkeys(t.text for t in self.analyse(text, mode="query")))

    def ceiling(self, query: str, meant: int) -> float:
        """The reciprocal rank (expected, 0 below 10) no ranker of counts passes for the
        article ``meant``: below every article that dominates it, among those that tie."""
        words = self.words(query)
        pairs = list(pairwise(words))
        a = self.counts[meant]
        target = a.profile(words, pairs)
        candidates = set(self.counts)
        for w in words:
            if w in a.vocabulary:  # a dominating article holds every word the meant one holds
                candidates &= self.holding.get(w, set())
        candidates.discard(meant)
        dominating = tied = 0
        for number in candidates:
            b = self.counts[number]
            if any(x > y for x, y in zip(b.lengths, a.lengths, strict=True)):
                continue
            profile = b.profile(words, pairs)
            if all(x >= y for x, y in zip(profile, target, strict=True)):
                if profile == target and b.lengths == a.lengths:
                    tied += 1
                else:
                    dominating += 1
        return expected_rr(dominating, tied)


def totals(qs: list[relevance.Query], found: list[float]) -> list[tuple[str, int, float]]:
    """Mean ceiling for all queries, each set and each family (as relevance.py groups them)."""
    groups: dict[str, list[float]] = {"all": list(found)}
    for q, x in zip(qs, found, strict=True):
        groups.setdefault(q.set, []).append(x)
    for q, x in zip(qs, found, strict=True):
        if q.family != "conformance":
            groups.setdefault(f"family: {q.family}", []).append(x)
    return [(name, len(rr), sum(rr) / len(rr)) for name, rr in groups.items()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=HERE.parent.parent / "shared" / "ipcs-pages")
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--spread", choices=haystack.SPREADS, default="even")
    relevance.query_options(parser)
    args = parser.parse_args(argv)
    qs = relevance.chosen_queries(parser, args)
    reals = haystack.reals_from(args.pages)
    library, docs = relevance.prepare(
        args.pages, args.workdir, args.articles, args.seed, reals, args.spread
    )
    hay = Haystack(docs)
    qs = relevance.asked_of(qs, set(library.numbers()), relevance.named_numbers(args.pages))
    found = [hay.ceiling(q.text, q.number) for q in qs]
    print(f"Ceiling of MRR@10, {args.articles:,} distractors ({args.spread}, seed {args.seed})")
    for name, n, mean in totals(qs, found):
        print(f"  {name:<20} {n:>4}  {mean:.3f}")
    below = sum(1 for x in found if x < 1)
    print(f"  queries where another article dominates or ties: {below} of {len(qs)}")


if __name__ == "__main__":
    main()
