"""Generate a synthetic IPCS corpus: article pages as text, in both page layouts.

    python bench/generate.py --articles 10000 --out /tmp/ipcs-bench/corpus

Pages follow the formats of the saved pages in ../shared/ipcs-pages: the old (2010s)
layout ("Home Contact Us", region line, share line, ``#N, D Month YYYY``, column, title,
author, affiliation, body, share line, sidebars) and the new ``comm_select.php`` layout
(column, title, ``DD Mon, YYYY    ·   N``, teaser, optional author block, body).

Everything is reproducible from ``--seed``: the table of articles (number, date, column,
author, layouts, title) comes from one generator, and each body from a generator seeded
by (seed, number, revision), so one page can be re-rendered alone (``revision`` > 0 gives
an edited version of the same article, for the incremental-update benchmark).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import os
import random
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import words as W  # the word lists sit beside this script

FIRST_DATE = dt.date(1996, 1, 1)
LAST_DATE = dt.date(2026, 6, 30)
AUTHORS = 300
TAIL_WORDS = 60_000  # made-up rare words: gives the index a realistic number of terms
ZIPF_EXPONENT = 1.05
TOPIC_SHARE = 0.10  # share of body words drawn from the article's topics
BOTH_LAYOUTS = 0.12  # share of articles saved in both layouts
OLD_ONLY = 0.50  # the rest are new layout only
AUTHOR_BLOCK = 0.15  # share of new-layout pages with the "Name / Name / Role" block


@dataclass(frozen=True)
class Person:
    name: str
    honorific: str | None
    role: str
    column: int


@dataclass(frozen=True)
class Spec:
    """One article's headline facts: everything but its body."""

    number: int
    date: dt.date
    column: int
    author: int
    layouts: tuple[str, ...]
    title: str
    region: str


def _zipf_cum(n: int, offset: int = 1) -> list[float]:
    return list(itertools.accumulate(1.0 / (r + offset) ** ZIPF_EXPONENT for r in range(n)))


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    onsets = ["", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s"]
    onsets += ["t", "v", "w", "br", "dr", "gr", "pr", "st", "tr", "sh", "ch", "bh", "kh"]
    vowels = ["a", "e", "i", "o", "u", "a", "e", "i", "ai", "ee", "ou"]
    codas = ["", "", "", "", "n", "r", "s", "l", "m", "t", "nd", "st", "ng"]
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        word = "".join(
            rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas)
            for _ in range(rng.choice((2, 2, 2, 3, 3)))
        )
        if len(word) > 3 and word not in seen:
            seen.add(word)
            # a few rare words are proper names, as in real commentary
            out.append(word.capitalize() if rng.random() < 0.3 else word)
    return out


class Corpus:
    """The whole synthetic archive as a table of :class:`Spec`, and how to print pages."""

    def __init__(self, articles: int, seed: int = 1) -> None:
        self.seed = seed
        rng = random.Random(seed)
        self._build_vocabulary(rng)
        self._build_people(rng)
        self._build_specs(rng, articles)

    # -- tables -----------------------------------------------------------------------

    def _build_vocabulary(self, rng: random.Random) -> None:
        content = list(dict.fromkeys(W.GENERAL + W.SECURITY))
        rng.shuffle(content)
        vocab = list(dict.fromkeys(W.FUNCTION)) + content + _pseudo_words(rng, TAIL_WORDS)
        self.vocab = vocab
        self.vocab_cum = _zipf_cum(len(vocab))
        self.topics = {name: terms for name, (_region, terms) in W.TOPICS.items()}
        self.topic_cum = {name: _zipf_cum(len(t), offset=2) for name, t in self.topics.items()}
        self.regions = {name: region for name, (region, _terms) in W.TOPICS.items()}

    def _build_people(self, rng: random.Random) -> None:
        names: set[str] = set()
        people: list[Person] = []
        honorifics = [h for h, _ in W.HONORIFICS]
        weights = [w for _, w in W.HONORIFICS]
        while len(people) < AUTHORS:
            name = f"{rng.choice(W.FIRST_NAMES)} {rng.choice(W.SURNAMES)}"
            if rng.random() < 0.15:
                name = f"{rng.choice(W.FIRST_NAMES)} {name}"
            if name in names:
                continue
            names.add(name)
            # the first 20 are the columnists, one a column; the rest spread over columns
            column = len(people) if len(people) < len(W.COLUMNS) else rng.randrange(20)
            people.append(
                Person(
                    name=name,
                    honorific=rng.choices(honorifics, weights)[0],
                    role=rng.choice(W.ROLES),
                    column=column,
                )
            )
        self.people = people
        self.by_column = [[i for i, p in enumerate(people) if p.column == c] for c in range(20)]

    def _build_specs(self, rng: random.Random, articles: int) -> None:
        span = (LAST_DATE - FIRST_DATE).days
        dates = sorted(FIRST_DATE + dt.timedelta(days=rng.randrange(span)) for _ in range(articles))
        specs: list[Spec] = []
        number = 0
        # columns differ in how often they appear; authors within one too (Zipf-like)
        column_cum = _zipf_cum(20, offset=3)
        for date in dates:
            number += 1 if rng.random() < 0.95 else rng.randint(2, 4)
            column = rng.choices(range(20), cum_weights=column_cum)[0]
            pool = self.by_column[column]
            author = pool[0] if rng.random() < 0.45 else rng.choice(pool)
            roll = rng.random()
            if roll < BOTH_LAYOUTS:
                layouts: tuple[str, ...] = ("old", "new")
            elif roll < BOTH_LAYOUTS + OLD_ONLY:
                layouts = ("old",)
            else:
                layouts = ("new",)
            topic = W.COLUMNS[column][1][0]
            specs.append(
                Spec(
                    number=number,
                    date=date,
                    column=column,
                    author=author,
                    layouts=layouts,
                    title=self._title(rng, column, date),
                    region=self.regions[topic],
                )
            )
        self.specs = specs
        self.by_number = {s.number: i for i, s in enumerate(specs)}
        # per column and per author, the indexes of their articles in date order: sidebars
        self.column_articles: list[list[int]] = [[] for _ in range(20)]
        self.author_articles: list[list[int]] = [[] for _ in range(AUTHORS)]
        for i, s in enumerate(specs):
            self.column_articles[s.column].append(i)
            self.author_articles[s.author].append(i)

    def _topic_term(self, rng: random.Random, column: int) -> str:
        topic = rng.choice(W.COLUMNS[column][1])
        return rng.choices(self.topics[topic], cum_weights=self.topic_cum[topic])[0]

    def _title(self, rng: random.Random, column: int, date: dt.date) -> str:
        a = self._topic_term(rng, column)
        b = self._topic_term(rng, column)
        noun = rng.choice(W.TITLE_NOUNS)
        adj = rng.choice(W.TITLE_ADJECTIVES)
        word = self.vocab[rng.randrange(100, 1200)]
        form = rng.randrange(7)
        if form == 0:
            return f"{a}: {adj} {noun}"
        if form == 1:
            return f"{a} and {b}: {adj} {word.capitalize()} {noun}"
        if form == 2:
            return f"Forecast {date.year}: {a}"
        if form == 3:
            return f"Is {a} Ready for a {adj} {word.capitalize()}?"
        if form == 4:
            return f"{a}’s {adj} {noun}"
        if form == 5:
            return f"{a}-{b} Relations: {noun} and {rng.choice(W.TITLE_NOUNS)}"
        return f"The {adj} {word.capitalize()} in {a}"

    # -- bodies -----------------------------------------------------------------------

    def body(self, spec: Spec, revision: int = 0) -> list[tuple[str, str]]:
        """The article's body as (kind, text) blocks; kind is "text" or "heading"."""
        rng = random.Random(f"{self.seed}/{spec.number}/{revision}")
        target = rng.randint(800, 1150)  # the last paragraph may run a little over
        # a few words the article keeps coming back to, as real articles do
        vocab = self.vocab
        focus = [vocab[rng.randrange(150, len(vocab))] for _ in range(6)]
        blocks: list[tuple[str, str]] = []
        written = 0
        headings = rng.random() < 0.2
        while written < target:
            if headings and blocks and rng.random() < 0.12:
                blocks.append(("heading", rng.choice(W.SUBHEADINGS)))
            size = min(rng.randint(60, 170), max(20, target - written))
            text = self._paragraph(rng, spec.column, size, focus)
            blocks.append(("text", text))
            written += text.count(" ") + 1  # topic terms can be several words
        return blocks

    def _paragraph(self, rng: random.Random, column: int, size: int, focus: list[str]) -> str:
        words = rng.choices(self.vocab, cum_weights=self.vocab_cum, k=size)
        for _ in range(int(size * TOPIC_SHARE)):
            words[rng.randrange(size)] = self._topic_term(rng, column)
        for _ in range(rng.randint(0, 3)):
            words[rng.randrange(size)] = rng.choice(focus)
        if rng.random() < 0.3:
            number = rng.randint(1947, 2026) if rng.random() < 0.5 else rng.randint(2, 999)
            words[rng.randrange(size)] = str(number)
        sentences: list[str] = []
        i = 0
        while i < size:
            n = rng.randint(10, 32)
            chunk = words[i : i + n]
            i += n
            if len(chunk) > 8 and rng.random() < 0.5:
                chunk[rng.randrange(3, len(chunk) - 2)] += ","
            sentence = " ".join(chunk)
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
        return " ".join(sentences)

    # -- pages ------------------------------------------------------------------------

    def page(self, spec: Spec, layout: str, revision: int = 0) -> str:
        """The text of one page of ``spec`` in ``layout`` ("old" or "new")."""
        body = self.body(spec, revision)
        if layout == "old":
            return self._old_page(spec, body)
        return self._new_page(spec, body)

    def _old_page(self, spec: Spec, body: list[tuple[str, str]]) -> str:
        rng = random.Random(f"{self.seed}/{spec.number}/old")
        person = self.people[spec.author]
        d = spec.date
        # two variants of the header occur in saved pages: with and without padding lines
        padded = rng.random() < 0.3
        lines = ["Home Contact Us  ", "   " if padded else None, "", f"{spec.region} - Articles"]
        lines += ["", W.SHARE_LINE, f"#{spec.number}, {d.day} {W.MONTHS[d.month - 1]} {d.year}"]
        lines += [" " if padded else None, "", W.COLUMNS[spec.column][0], "", spec.title]
        lines.append(person.name)
        if rng.random() < 0.9:
            lines.append(person.role)
        lines.append("")
        lines += _body_lines(body)
        lines.append(W.SHARE_LINE)
        lines += self._sidebars(spec)
        return "\n".join(line for line in lines if line is not None)

    def _sidebars(self, spec: Spec) -> list[str]:
        """The old layout's side columns, printed after the article as saved pages have them."""
        index = self.by_number[spec.number]
        out = ["IPCS Columnists"]
        for c, (name, _topics) in enumerate(W.COLUMNS):
            recent = self._before(self.column_articles[c], index, 3)
            if not recent:
                continue
            columnist = self.people[self.by_column[c][0]]
            prefix = f"{columnist.honorific} " if columnist.honorific else ""
            out += [name, prefix + columnist.name] + [self.specs[i].title for i in recent]
            if c % 2 == 1:
                out.append("")
        out += ["", "OTHER REGULAR contributors"]
        out += [self.people[(spec.number * 7 + k * 31) % AUTHORS].name for k in range(6)]
        out += ["", "", "Browse by Publications", ""]
        out += [f"{p}\u00a0" for p in ("Issue Briefs", "Special Reports", "Research Papers")]
        out += ["", "Browse by Region/Countries", ""]
        out += [f"{p}\u00a0" for p in ("East Asia", "South Asia", "Southeast Asia")]
        same = self._before(self.author_articles[spec.author], index, 12, after=True)
        if same:
            out.append("Article by same Author")
            for i in same:
                out += [self.specs[i].title, ""]
        out += ["Y! MyWeb", W.SHARE_LINE, f"Year {spec.date.year}"]
        out.append("\u00a0" + " \u00a0".join(W.MONTHS))
        years = range(spec.date.year - 1, 1995, -1)
        out.append("".join(f"\u00a0{y} " for y in years).rstrip())
        out += ["", "Synthetic page made by bench/generate.py for the ipcs benchmark.", ""]
        out += ["Subscribe to Newswire | Site Map", f"\u00a9 Copyright {spec.date.year}."]
        return out

    def _before(self, indexes: list[int], index: int, k: int, after: bool = False) -> list[int]:
        """Up to ``k`` of ``indexes`` nearest before (or, with ``after``, around) ``index``."""
        at = bisect.bisect_left(indexes, index)
        if after:
            picked = indexes[max(0, at - k // 2) : at] + indexes[at + 1 : at + 1 + k // 2]
            return list(reversed(picked))
        return list(reversed(indexes[max(0, at - k) : at]))

    def _new_page(self, spec: Spec, body: list[tuple[str, str]]) -> str:
        rng = random.Random(f"{self.seed}/{spec.number}/new")
        person = self.people[spec.author]
        d = spec.date
        named = f"{person.honorific} {person.name}" if person.honorific else person.name
        about = [self.vocab[rng.randrange(100, 1500)] for _ in range(rng.randint(6, 14))]
        teaser = f"{named} {rng.choice(W.TEASER_VERBS)} the {' '.join(about)}"
        stamp = f"{d.day:02d} {W.MONTHS[d.month - 1][:3]}, {d.year}    \u00b7   {spec.number}"
        head = [W.COLUMNS[spec.column][0], spec.title, stamp, teaser]
        if rng.random() < AUTHOR_BLOCK:
            head.append(f"{person.name}\n{person.name}\n{person.role.split(',')[0]}")
        if rng.random() < 0.1:
            # some saved pages have no blank lines at all, and single spaces in the stamp
            head[2] = f"{d.day:02d} {W.MONTHS[d.month - 1][:3]}, {d.year} \u00b7 {spec.number}"
            return "\n".join(head + [text for _kind, text in body]) + "\n"
        return "\n\n".join(head) + "\n\n" + "\n".join(_body_lines(body))

    # -- writing ------------------------------------------------------------------------

    def files(self, spec: Spec) -> list[str]:
        return [f"{spec.number}-{layout}.txt" for layout in spec.layouts]

    def write(self, out: Path, specs: Iterable[Spec], revision: int = 0) -> int:
        """Write the pages of ``specs`` into ``out``; returns how many files."""
        count = 0
        for spec in specs:
            for layout in spec.layouts:
                path = out / f"{spec.number}-{layout}.txt"
                path.write_text(self.page(spec, layout, revision), encoding="utf-8")
                count += 1
        return count

    def manifest(self) -> dict[str, object]:
        """What a benchmark needs to know of the corpus without parsing it."""
        counts: dict[str, int] = {}
        for s in self.specs:
            name = self.people[s.author].name
            counts[name] = counts.get(name, 0) + 1
        top_author = max(counts, key=lambda k: counts[k])
        column_counts = [len(a) for a in self.column_articles]
        return {
            "seed": self.seed,
            "articles": len(self.specs),
            "files": sum(len(s.layouts) for s in self.specs),
            "numbers": [self.specs[0].number, self.specs[-1].number],
            "middle_number": self.specs[len(self.specs) // 2].number,
            "top_author": top_author,
            "top_column": W.COLUMNS[column_counts.index(max(column_counts))][0],
        }


def _body_lines(body: Sequence[tuple[str, str]]) -> list[str]:
    """Body blocks as page lines: paragraphs apart, a heading right above its paragraph."""
    lines: list[str] = []
    for kind, text in body:
        lines.append(text)
        if kind != "heading":
            lines.append("")
    return lines


# Worker state for the process pool: each worker rebuilds the same tables from the seed.
_corpus: Corpus | None = None


def _init_worker(articles: int, seed: int) -> None:
    global _corpus
    _corpus = Corpus(articles, seed)


def _write_chunk(out: str, start: int, stop: int) -> int:
    assert _corpus is not None
    return _corpus.write(Path(out), _corpus.specs[start:stop])


def generate(out: Path, articles: int, seed: int = 1, jobs: int | None = None) -> Corpus:
    """Write a corpus of ``articles`` articles into ``out``; returns its :class:`Corpus`."""
    out.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(articles, seed)
    jobs = jobs or min(os.cpu_count() or 1, 4)
    if jobs == 1 or articles < 2000:
        corpus.write(out, corpus.specs)
        return corpus
    step = -(-articles // (jobs * 8))
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(articles, seed)) as pool:
        futures = [
            pool.submit(_write_chunk, str(out), start, min(start + step, articles))
            for start in range(0, articles, step)
        ]
        for f in futures:
            f.result()
    return corpus


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="how many articles")
    parser.add_argument("--out", type=Path, required=True, help="folder to write pages into")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same pages)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes")
    parser.add_argument("--manifest", type=Path, help="also write a JSON summary here")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpus = generate(args.out, args.articles, args.seed, args.jobs)
    manifest = corpus.manifest()
    if args.manifest:
        args.manifest.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    seconds = time.perf_counter() - started
    print(f"{manifest['files']} pages of {args.articles} articles in {args.out} ({seconds:.1f} s)")


if __name__ == "__main__":
    main()
