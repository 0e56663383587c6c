"""Distractor articles made from the real pages' own sentences, for the relevance benchmark.

    python bench/haystack.py --pages ../shared/ipcs-pages --articles 2000 --out DIR

Each distractor is a page the real parser reads (old layout with a byline, or new layout
with a teaser), numbered from 100,000 up. Its title and sentences are real ones (from one
"source" article for the title) with the function words kept and the names and rarer words
drawn afresh from the real pages' own, a fifth of them from the source article (some
topical pull): "Maoist Attack on the CRPF: Time for New Counter-strategies" may become
"Kim Jong-un Attack on the NSCN-K: Time for New Pyongyang". Distractors so name the same
people and places, in titles too, without repeating the real articles' rare combinations.
Author, column and region are real ones. Lengths follow the saved pages: most are cut at
about 2,000 characters as they are, a quarter are as long as a whole article. The same
seed gives the same bytes.

``--spread zipf`` spreads subjects and names as a real archive does (see ``ZipfSpread``);
the default, ``even``, is the haystack every earlier figure was measured on. ``--spread
flat`` is ``even`` with no topical pull: the fifth a distractor would draw from its source
article is drawn from all the real pages' names and words, so the distractors naming a
person are not made around the very page that discusses them (a check on what a ranker
learns of the generator: bench/README.md, thirty-ninth pass).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

FIRST_NUMBER = 100_000
_SENTENCE_END = re.compile(r"(?<=[.?!”\"’])\s+(?=[A-Z“‘\"])")
_MONTHS = "January February March April May June July August September October November"
MONTHS = [*_MONTHS.split(), "December"]
SOURCE_SHARE = 0.2  # of a distractor's names and rarer words, the share from its source article
# Of the rest, the share from the real pages' own: the others come from bench/words.py and
# made-up words. A real archive's vocabulary grows with it; with the real pages' words
# alone, each of their rare words would be in hundreds of distractors.
REAL_SHARE = 0.3
LONG_SHARE = 0.25  # distractors as long as a whole article, not a saved page's first part
SHARE_LINE = "Print Bookmark Email Facebook Subscribe"
SPREADS = ("even", "zipf", "flat")
# --spread zipf: the k-th subject's share of the distractors is 1/k^SUBJECT_EXPONENT (Zipf),
# and a real name or word's share of the draws goes with its count in the real pages to the
# power COUNT_POWER (with Zipf-distributed counts, a power law of exponent ~2 over their
# ranks), the commonest keeping their own share (see ZipfSpread).
SUBJECT_EXPONENT = 1.0
COUNT_POWER = 2.0
# A distractor's byline where its author's real pages give no affiliation.
DEFAULT_AFFILIATION = "Visiting Fellow, IPCS"


@dataclass(frozen=True)
class Real:
    """What a distractor borrows from one real article."""

    number: int
    title: str
    sentences: tuple[str, ...]
    author: str | None
    affiliation: str | None
    column: str | None
    region: str | None


@dataclass(frozen=True)
class Distractor:
    number: int
    title: str
    date: dt.date
    column: str
    region: str
    author: str
    affiliation: str
    teaser: str | None  # new layout when set, old layout (with byline) when None
    paragraphs: tuple[str, ...]

    def page(self) -> str:
        body = "\n\n".join(self.paragraphs)
        d = self.date
        if self.teaser is None:
            return (
                f"Home Contact Us  \n\n{self.region} - Articles\n\n{SHARE_LINE}\n"
                f"#{self.number}, {d.day} {MONTHS[d.month - 1]} {d.year}\n\n{self.column}\n\n"
                f"{self.title}\n{self.author}\n{self.affiliation}\n\n{body}\n\n{SHARE_LINE}\n"
            )
        stamp = f"{d.day:02d} {MONTHS[d.month - 1][:3]}, {d.year}    ·   {self.number}"
        return f"{self.column}\n\n{self.title}\n\n{stamp}\n\n{self.teaser}\n\n{body}\n"


def sentences(text: str) -> list[str]:
    """The sentences of a body, those long enough to be one."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if len(s) > 40]


class Vocabulary:
    """The real pages' words and names, by how often they occur, to refill sentences with.

    A distractor's sentence is a real sentence whose function words stay and whose other
    words are drawn afresh: a run of capitalised words ("Kim Jong-un", "North Korea") as
    a name, any other word as a word; a capitalised word that is also written in lower
    case ("Replaying Old Games", a sentence's first word) as a word, capitalised.
    Distractors so share the real vocabulary, names and sentence shapes, but not the real
    articles' particular combinations of rare words.
    """

    def __init__(self, texts: list[str], common: set[str], plain: set[str]) -> None:
        self.common = common
        self.plain = plain
        self.names: list[str] = []
        self.words: list[str] = []
        # Set by ``spread``: per kind ("name", "word"), each unit's chance to be kept.
        self.keep: dict[str, dict[str, float]] | None = None
        for text in texts:
            for kind, unit in self.units(text):
                if kind == "name":
                    self.names.append(unit)
                elif kind == "word":
                    self.words.append(unit)

    def spread(self, power: float) -> None:
        """Keep a name or word drawn from the real pages with a chance of its count in them
        over the commonest one's, to the power ``power`` - 1, and draw one not from the real
        pages in its place otherwise: a unit's share of the draws goes with its count to the
        power ``power``, the commonest keep their own."""
        self.keep = {}
        for kind, pool in (("name", self.names), ("word", self.words)):
            counts = Counter(_WORD_EDGES.sub("", u) for u in pool)
            top = max(counts.values())
            self.keep[kind] = {u: (c / top) ** (power - 1) for u, c in counts.items()}

    def units(self, text: str) -> list[tuple[str, str]]:
        """``text`` as (kind, unit) units, kind being "keep", "name" or "word"."""
        out: list[tuple[str, str]] = []
        for token in text.split():
            core = _WORD.sub("", token)
            if not core or core.lower() in self.common:
                out.append(("keep", token))
            elif core[0].isupper() and core.lower() in self.plain:
                out.append(("Word", token))
            elif core[0].isupper():
                if out and out[-1][0] == "name" and not re.search(r"[.,;:?!]$", out[-1][1]):
                    out[-1] = ("name", f"{out[-1][1]} {token}")
                else:
                    out.append(("name", token))
            else:
                out.append(("word", token))
        return out

    def refill(self, rng: random.Random, sentence: str, own: Vocabulary, other: Vocabulary) -> str:
        """``sentence`` with its names and rarer words drawn afresh: some from ``own`` (the
        source article's), some from these, the rest from ``other`` (not the real pages')."""
        out = []
        for kind, unit in self.units(sentence):
            if kind == "keep":
                out.append(unit)
                continue
            if rng.random() < SOURCE_SHARE:
                source = own
            else:
                source = self if rng.random() < REAL_SHARE else other
            pool = source.names if kind == "name" else source.words
            if not pool:
                pool = self.names if kind == "name" else self.words
            tail = re.search(r"[.,;:?!”’)]*$", unit)[0]  # type: ignore[index]
            drawn = _WORD_EDGES.sub("", rng.choice(pool))
            sort = "name" if kind == "name" else "word"
            if self.keep and source is not other and rng.random() >= self.keep[sort][drawn]:
                drawn = _WORD_EDGES.sub(
                    "", rng.choice(other.names if kind == "name" else other.words)
                )
            out.append((drawn[:1].upper() + drawn[1:] if kind == "Word" else drawn) + tail)
        return " ".join(out)


_WORD = re.compile(r"^\W+|\W+$")
_WORD_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def _elsewhere(common: set[str], plain: set[str]) -> Vocabulary:
    """Words and names that are not the real pages': the synthetic corpus's word lists and
    made-up words (some capitalised, as names)."""
    import words as W
    from generate import _pseudo_words

    made_up = _pseudo_words(random.Random("haystack/words"), 20_000)
    found = Vocabulary([], common, plain)
    # Weighted by repeating: mostly real English, some made-up words and names.
    found.words = [*W.GENERAL, *W.SECURITY] * 40 + [w for w in made_up if w.islower()][:5000]
    people = [f"{first} {last}" for first in W.FIRST_NAMES for last in W.SURNAMES[:20]]
    places = [term for _region, terms in W.TOPICS.values() for term in terms]
    found.names = places * 10 + people + [w for w in made_up if not w.islower()][:1000]
    return found


def word_classes(pool: list[str]) -> tuple[set[str], set[str]]:
    """The function words, and the words written in lower case (by the word lists or in
    the sentences of ``pool``): what ``Vocabulary`` keeps and reads as words."""
    import words as W

    plain = {w.lower() for w in (*W.GENERAL, *W.SECURITY)}
    plain.update(_WORD.sub("", t) for s in pool for t in s.split() if t[:1].islower())
    return set(W.FUNCTION), plain


class ZipfSpread:
    """How ``--spread zipf`` picks subjects: in a real archive a few subjects recur often and
    most rarely. The real articles are put in an order drawn from the seed, and the k-th is
    the source of a share of the distractors proportional to 1/k^SUBJECT_EXPONENT (with 32
    real articles: the first ~25%, the tenth ~2.5%, the last ~0.8%).

    Names and words (``Vocabulary.spread``): one drawn from the real pages (the source
    article's or any) is kept with a chance of its count there over the commonest one's
    (North Korea said 34 times, "visit" 32), and replaced by one not from the real pages
    otherwise. A name's share of the draws so goes with its count squared: country names
    stay in thousands of distractors and keep their share of a text, while a name said once
    is in a handful, its place taken by other rare names, as a real archive's many rare
    names are each a different person's (see bench/README.md).
    """

    def __init__(self, titled: list[Real], seed: int) -> None:
        self.order = list(titled)
        random.Random(f"haystack/{seed}/subjects").shuffle(self.order)
        self.weights = list(accumulate(1 / k**SUBJECT_EXPONENT for k in range(1, len(titled) + 1)))

    def subject(self, rng: random.Random) -> Real:
        return rng.choices(self.order, cum_weights=self.weights)[0]


def make(reals: list[Real], count: int, seed: int, spread: str = "even") -> list[Distractor]:
    """``count`` distractors from ``reals`` (each with its sentences), seeded; ``spread``
    is one of SPREADS."""
    rng = random.Random(f"haystack/{seed}")
    pool = [s for r in reals for s in r.sentences]
    common, plain = word_classes(pool)
    vocabulary = Vocabulary(pool, common, plain)
    own = {r.number: Vocabulary(list(r.sentences), common, plain) for r in reals}
    other = _elsewhere(common, plain)
    titled = [r for r in reals if r.title and r.sentences]
    zipf = ZipfSpread(titled, seed) if spread == "zipf" else None
    if zipf:
        vocabulary.spread(COUNT_POWER)
    # Pages of the new layout print no region, some none of these: a stand-in then.
    authors = sorted({r.author for r in reals if r.author}) or ["IPCS Research Staff"]
    # An author's byline says what one of their real pages says (affiliations change over
    # the years), drawn apart from the rest so that the texts stay as they were.
    affiliations: dict[str, list[str]] = {}
    for r in reals:
        if r.author and r.affiliation and r.affiliation not in affiliations.get(r.author, []):
            affiliations.setdefault(r.author, []).append(r.affiliation)
    bylines = random.Random(f"haystack/{seed}/affiliations")
    columns = sorted({r.column for r in reals if r.column}) or ["IPCS Commentaries"]
    regions = sorted({r.region for r in reals if r.region}) or ["South Asia"]
    out = []
    for i in range(count):
        source = zipf.subject(rng) if zipf else rng.choice(titled)
        mine = vocabulary if spread == "flat" else own[source.number]
        size = rng.randint(3000, 9000) if rng.random() < LONG_SHARE else rng.randint(900, 2000)
        chosen: list[str] = []
        length = 0
        while length < size:
            sentence = vocabulary.refill(rng, rng.choice(pool), mine, other)
            chosen.append(sentence)
            length += len(sentence) + 1
        paragraphs = []
        while chosen:
            take = rng.randint(2, 5)
            paragraphs.append(" ".join(chosen[:take]))
            chosen = chosen[take:]
        author = rng.choice(authors)
        teaser = None
        if rng.random() < 0.4:
            words = rng.choice(paragraphs).split()[: rng.randint(8, 16)]
            teaser = f"{author} analyses {' '.join(words).rstrip('.,;:')}"
        out.append(
            Distractor(
                number=FIRST_NUMBER + i,
                title=vocabulary.refill(rng, source.title, mine, other),
                date=dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(365 * 10)),
                column=rng.choice(columns),
                region=rng.choice(regions),
                author=author,
                affiliation=bylines.choice(affiliations.get(author, [DEFAULT_AFFILIATION])),
                teaser=teaser,
                paragraphs=tuple(paragraphs),
            )
        )
    return out


def reals_from(pages: Path) -> list[Real]:
    """The real articles in ``pages``, read by the project's own parser."""
    from ipcsreader.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        library = Library([pages], Path(tmp) / "index")
        library.update()
        found = []
        for r in library.records():
            if r.listing_only:
                continue
            full = library.record(r.number)
            found.append(
                Real(
                    number=r.number,
                    title=r.title or "",
                    sentences=tuple(sentences(" ".join(full.paragraphs))),
                    author=r.authors[0].name if r.authors else None,
                    affiliation=r.authors[0].affiliation if r.authors else None,
                    column=r.column,
                    region=r.region,
                )
            )
    return found


def write(out: Path, distractors: list[Distractor]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for d in distractors:
        layout = "new" if d.teaser else "old"
        (out / f"{d.number}-{layout}.txt").write_text(d.page(), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=Path("../shared/ipcs-pages"))
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--spread", choices=SPREADS, default="even", help="see ZipfSpread")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    write(args.out, make(reals_from(args.pages), args.articles, args.seed, args.spread))
    print(f"{args.articles} distractors in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
