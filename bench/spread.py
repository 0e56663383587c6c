"""How the real pages' names spread over a relevance haystack: in how many distractors each is.

    .venv/bin/python bench/spread.py --articles 10000 --seed 1 --spread even --spread zipf

For every distinct name of the real pages (a run of capitalised words, as `bench/haystack.py`
reads them), the number of distractors whose title or body holds it as whole words; then
percentiles over all those names, over the names the real pages say once, and the counts
for a few names (``--name``, repeatable). The haystacks are made in memory, not written.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]

import haystack  # noqa: E402  (beside this script)

NAMES = ("Seetharamaiah", "Khobragade", "Mazumdar", "Choe Ryong-hae", "India", "North Korea")
PERCENTILES = (10, 25, 50, 75, 90, 99)


def real_names(reals: list[haystack.Real]) -> Counter[str]:
    """Each distinct name of the real pages' sentences, with how often they say it."""
    pool = [s for r in reals for s in r.sentences]
    found = haystack.Vocabulary(pool, *haystack.word_classes(pool))
    return Counter(n for n in (haystack._WORD_EDGES.sub("", u) for u in found.names) if n)


def document_frequency(distractors: list[haystack.Distractor], names: list[str]) -> Counter[str]:
    """How many distractors hold each name (title or body, as whole words)."""
    texts = [d.title + "\n" + "\n".join(d.paragraphs) for d in distractors]
    df: Counter[str] = Counter()
    for name in names:
        whole = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        # The substring test first: most texts lack most names, and it is far cheaper.
        df[name] = sum(1 for t in texts if name in t and whole.search(t))
    return df


def percentile(values: list[int], p: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else 0


def report(label: str, counts: Counter[str], df: Counter[str], shown: list[str]) -> None:
    every = [df[n] for n in counts]
    once = [df[n] for n, c in counts.items() if c == 1]
    cells = " ".join(f"p{p} {percentile(every, p)}" for p in PERCENTILES)
    print(f"{label}: {len(every)} real names, in how many distractors: {cells}, max {max(every)}")
    cells = " ".join(f"p{p} {percentile(once, p)}" for p in PERCENTILES)
    print(f"  the {len(once)} said once in the real pages: {cells}, max {max(once)}")
    print("  " + ", ".join(f"{n} {df[n]}" for n in shown))
    top = ", ".join(f"{n} {df[n]}" for n in sorted(counts, key=lambda n: -df[n])[:8])
    print(f"  most: {top}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=HERE.parent.parent / "shared" / "ipcs-pages")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--spread", choices=haystack.SPREADS, action="append")
    parser.add_argument("--name", action="append", help="also count this name (repeatable)")
    args = parser.parse_args(argv)
    reals = haystack.reals_from(args.pages)
    counts = real_names(reals)
    shown = args.name or list(NAMES)
    for spread in args.spread or list(haystack.SPREADS):
        distractors = haystack.make(reals, args.articles, args.seed, spread)
        df = document_frequency(distractors, sorted({*counts, *shown}))
        report(f"{spread}, {args.articles:,} distractors, seed {args.seed}", counts, df, shown)
        if spread == "zipf":
            order = haystack.ZipfSpread([r for r in reals if r.title and r.sentences], args.seed)
            total = order.weights[-1]  # the k-th subject's weight is 1/k^SUBJECT_EXPONENT
            shares = ", ".join(
                f"#{r.number} {100 / k**haystack.SUBJECT_EXPONENT / total:.1f}%"
                for k, r in enumerate(order.order[:5], start=1)
            )
            print(f"  the commonest subjects: {shares}")


if __name__ == "__main__":
    main()
