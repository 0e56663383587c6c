"""Relevance benchmark: does ``ipcs search`` put the article meant first, against two baselines?

    .venv/bin/python bench/relevance.py                      # haystacks of 2,000 and 10,000
    .venv/bin/python bench/relevance.py --articles 2000      # one size (repeat for more)
    .venv/bin/python bench/relevance.py --set held           # only the held-out queries
    .venv/bin/python bench/relevance.py --spread zipf        # names spread as in an archive
    .venv/bin/python bench/relevance.py --typos              # each query with a typo

Needs the real pages (``../shared/ipcs-pages``) and the ``bench`` extra (tantivy):
``.venv/bin/pip install -e '.[bench]'``. See bench/README.md for what it measures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

import haystack  # noqa: E402  (beside this script)

TOP = 10
# The baselines' field weights: the title counts most, as in ipcs. FTS5 sums one BM25 over
# the weighted columns; tantivy adds one BM25 per field, times its boost, so a smaller
# title boost gives it the same pull (5 made tantivy worse: title matches drown the rest).
FTS5_WEIGHTS = {"title": 5.0, "teaser": 2.0, "body": 1.0, "author": 3.0, "col": 1.5}
TANTIVY_BOOSTS = {"title": 2.0, "teaser": 1.5, "body": 1.0, "author": 2.0, "col": 1.0}
FIELDS = tuple(FTS5_WEIGHTS)
_CLAUSE = re.compile(r'(?:(\w+):)?(?:"([^"]*)"|(\S+))')


@dataclass(frozen=True)
class Query:
    text: str
    number: int
    family: str
    set: str


@dataclass(frozen=True)
class Doc:
    number: int
    title: str
    teaser: str
    body: str
    author: str
    col: str


def queries(own: Path | None = None) -> list[Query]:
    """The conformance tests' queries, then the benchmark's own (topics, names, fields); or
    those of the file ``own`` instead, in the same form (a JSON object a line: "query",
    "number", and "family" and "set" if you like)."""
    if own is not None:
        return list(_read_queries(own))
    from test_conformance_search import QUERIES

    found = [Query(text, number, "conformance", "conformance") for text, number in QUERIES.items()]
    return found + list(_read_queries(HERE / "relevance-queries.jsonl"))


def _read_queries(path: Path) -> Iterator[Query]:
    with open(path, encoding="utf-8") as f:
        for line in filter(str.strip, f):
            row = json.loads(line)
            family, kind = row.get("family", "own"), row.get("set", "own")
            yield Query(row["query"], int(row["number"]), family, kind)


# A reader's typos: a query's longest word of six letters or more (not a field's name nor
# its unquoted value) with two middle letters swapped, one dropped, or one doubled.
_TYPO_WORD = re.compile(r"(?<![:\w])[A-Za-z]{6,}(?![\w:])")


def misspelt(qs: Iterable[Query]) -> list[Query]:
    """Each query but the conformance tests' three times, its longest word misspelt each
    way; the set is kept, the family is "typo"."""
    found = []
    for q in qs:
        words = list(_TYPO_WORD.finditer(q.text))
        if q.set == "conformance" or not words:
            continue
        word = max(words, key=lambda m: len(m[0]))
        w, i = word[0], len(word[0]) // 2
        for typo in (
            w[: i - 1] + w[i] + w[i - 1] + w[i + 1 :],
            w[:i] + w[i + 1 :],
            w[:i] + w[i] + w[i:],
        ):
            if typo.lower() != w.lower():
                text = q.text[: word.start()] + typo + q.text[word.end() :]
                found.append(Query(text, q.number, "typo", q.set))
    return found


# The engines: each answers a query with the article numbers of its top ten.


def ipcs_engine(library: object) -> Callable[[str], list[int]]:
    from ipcsreader.archive.search import SearchQuery
    from ipcsreader.errors import IpcsError

    def run(text: str) -> list[int]:
        query = SearchQuery(text, limit=TOP, highlight=False, respell=True)  # as ipcs search
        try:
            result = library.search(query)  # type: ignore[attr-defined]
        except IpcsError:  # ipcs search says why in one line, and finds nothing
            return []
        return [h.number for h in result.hits]

    return run


def clauses(text: str) -> list[tuple[str | None, str]]:
    """A query as (field or None, words) clauses; fields mapped to the baselines' names."""
    out = []
    for field, quoted, bare in _CLAUSE.findall(text):
        words = quoted or bare
        name = {"column": "col"}.get(field, field) or None
        if name and name not in FIELDS:
            name, words = None, f"{field} {words}"
        if re.search(r"\w", words):
            out.append((name, words))
    return out


def fts5_engine(docs: Iterable[Doc]) -> Callable[[str], list[int]]:
    db = sqlite3.connect(":memory:")
    columns = ", ".join(FIELDS)
    db.execute(
        f"CREATE VIRTUAL TABLE docs USING fts5(number UNINDEXED, {columns}, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    db.executemany(
        f"INSERT INTO docs VALUES (?, {', '.join('?' for _ in FIELDS)})",
        ((d.number, *(getattr(d, f) for f in FIELDS)) for d in docs),
    )
    weights = ", ".join(str(w) for w in FTS5_WEIGHTS.values())

    def expression(text: str, joiner: str) -> str:
        parts = []
        for field, words in clauses(text):
            phrase = '"' + words.replace('"', '""') + '"'
            parts.append(f"{field} : {phrase}" if field else phrase)
        return f" {joiner} ".join(parts)

    def run(text: str) -> list[int]:
        if not clauses(text):  # no word at all: FTS5 would take the empty match for an error
            return []
        for joiner in ("AND", "OR"):
            rows = db.execute(
                f"SELECT number FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, {weights}) "
                f"LIMIT {TOP}",
                (expression(text, joiner),),
            ).fetchall()
            if rows:
                return [n for (n,) in rows]
        return []

    return run


def tantivy_engine(docs: Iterable[Doc], folder: Path) -> Callable[[str], list[int]]:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("number", stored=True, indexed=True)
    for field in FIELDS:
        builder.add_text_field(field, stored=False, tokenizer_name="en_stem")
    schema = builder.build()
    index = tantivy.Index(schema, path=str(folder))
    writer = index.writer(heap_size=100_000_000, num_threads=1)
    for d in docs:
        writer.add_document(tantivy.Document(number=d.number, **{f: getattr(d, f) for f in FIELDS}))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def run(text: str) -> list[int]:
        parts = []
        for field, words in clauses(text):
            phrase = '"' + words.replace('"', " ").replace("\\", " ") + '"'
            parts.append(f"{field}:{phrase}" if field else phrase)
        for conjunction in (True, False):
            q = index.parse_query(
                " ".join(parts),
                default_field_names=list(FIELDS),
                field_boosts=TANTIVY_BOOSTS,
                conjunction_by_default=conjunction,
            )
            hits = searcher.search(q, TOP).hits
            if hits:
                return [searcher.doc(address)["number"][0] for _score, address in hits]
        return []

    return run


# The haystack and the documents the baselines see.


def prepare(
    pages: Path,
    work: Path,
    articles: int,
    seed: int,
    reals: list[haystack.Real],
    spread: str = "even",
) -> tuple[object, list[Doc]]:
    """The library over the real pages and ``articles`` distractors (made if need be, with
    ``spread``), and every indexed article as the baselines get it: the same fields ipcs
    indexes."""
    from ipcsreader.library import Library

    real = work / "real"
    if not real.is_dir():
        shutil.copytree(pages, real)
    # Named by the generator's own code too: a changed generator makes a new haystack.
    made_by = hashlib.sha256((HERE / "haystack.py").read_bytes()).hexdigest()[:8]
    # The default haystack keeps the name it always had.
    kind = (
        f"{articles}-s{seed}-{made_by}"
        if spread == "even"
        else f"{spread}-{articles}-s{seed}-{made_by}"
    )
    hay = work / f"hay-{kind}"
    distractors = haystack.make(reals, articles, seed, spread)
    if not (hay / "done").exists():
        shutil.rmtree(hay, ignore_errors=True)
        haystack.write(hay, distractors)
        (hay / "done").write_text("")
    library = Library([real, hay], work / f"index-{kind}")
    library.update()
    bodies = {d.number: "\n\n".join(d.paragraphs) for d in distractors}
    docs = []
    for r in library.records():
        if r.number in bodies:
            body = bodies[r.number]
        else:
            body = "" if r.listing_only else "\n\n".join(library.record(r.number).paragraphs)
        docs.append(
            Doc(
                number=r.number,
                title=r.title or "",
                teaser=r.teaser or "",
                body=body,
                author="\n".join(a.name for a in r.authors),
                col=r.column or "",
            )
        )
    return library, docs


# Scoring and the report.


def rank_of(found: list[int], number: int) -> int | None:
    return found.index(number) + 1 if number in found else None


def summary(ranks: list[int | None]) -> tuple[float, float, float]:
    n = len(ranks) or 1
    mrr = sum(1 / r for r in ranks if r) / n
    return (
        mrr,
        sum(1 for r in ranks if r == 1) / n,
        sum(1 for r in ranks if r and r <= 3) / n,
    )


def report(
    articles: int,
    qs: list[Query],
    ranks: dict[str, list[int | None]],
    seconds: dict[str, float],
    misses: bool = False,
) -> None:
    engines = list(ranks)
    print(f"\nHaystack: {articles:,} distractors + the real pages; {len(qs)} queries")
    head = "".join(f" | {e:^20}" for e in engines)
    print(f"{'queries':<26}{'n':>4}{head}")
    print(f"{'':<30}" + " | MRR@10   s@1   s@3" * len(engines))
    groups: dict[str, list[int]] = {"all": list(range(len(qs)))}
    for i, q in enumerate(qs):
        groups.setdefault(f"set: {q.set}", []).append(i)
        if q.family != "conformance":
            groups.setdefault(f"family: {q.family}", []).append(i)
    for name, members in groups.items():
        cells = ""
        for e in engines:
            mrr, s1, s3 = summary([ranks[e][i] for i in members])
            cells += f" | {mrr:6.3f} {s1:5.3f} {s3:5.3f}"
        print(f"{name:<26}{len(members):>4}{cells}")
    per = "  ".join(f"{e} {1000 * seconds[e] / max(1, len(qs)):.1f}" for e in engines)
    print(f"ms per query: {per}")
    worse = [
        i
        for i, _ in enumerate(qs)
        if any((ranks["ipcs"][i] or TOP + 1) > (ranks[e][i] or TOP + 1) for e in engines[1:])
    ]
    print(f"Queries where ipcs ranks the article below a baseline: {len(worse)}")
    for i in worse:
        shown = "  ".join(f"{e}={ranks[e][i] or '-'}" for e in engines)
        print(f"  #{qs[i].number:<5} {qs[i].set:<11} {shown}  {qs[i].text}")
    if misses:
        missed = [i for i, _ in enumerate(qs) if ranks["ipcs"][i] != 1]
        print(f"Queries ipcs does not answer first: {len(missed)}")
        for i in missed:
            shown = "  ".join(f"{e}={ranks[e][i] or '-'}" for e in engines)
            print(f"  #{qs[i].number:<5} {qs[i].set:<11} {qs[i].family:<11} {shown}  {qs[i].text}")


def asked_of(qs: list[Query], held: set[int], named: set[int] | None = None) -> list[Query]:
    """The queries whose article the pages hold; the others are named and left out (a
    page set of your own need not hold the project's articles). ``named``: the numbers the
    pages' ``index.json`` gives its files, to tell a page ipcs does not read as an article
    (a book review, a report) from one that is not there."""
    absent = sorted({q.number for q in qs if q.number not in held})
    unread = [n for n in absent if n in (named or set())]
    for numbers, why in (
        (unread, "their pages are there, but ipcs reads none of them as an article"),
        ([n for n in absent if n not in unread], "their article is not among the pages"),
    ):
        if numbers:
            shown = ", ".join(f"#{n}" for n in numbers[:10]) + (" …" if len(numbers) > 10 else "")
            left = sum(q.number in numbers for q in qs)
            print(f"{left} queries left out: {why} ({shown})")
    return [q for q in qs if q.number in held]


def named_numbers(pages: Path) -> set[int]:
    """The article numbers ``pages/index.json`` gives its files (none without one)."""
    try:
        listed = json.loads((pages / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {e["number"] for e in listed if isinstance(e, dict) and isinstance(e.get("number"), int)}


def run_size(
    pages: Path,
    work: Path,
    articles: int,
    seed: int,
    qs: list[Query],
    reals: list[haystack.Real],
    misses: bool = False,
    spread: str = "even",
) -> None:
    started = time.perf_counter()
    library, docs = prepare(pages, work, articles, seed, reals, spread)
    built = time.perf_counter() - started
    qs = asked_of(qs, set(library.numbers()), named_numbers(pages))
    tantivy_dir = Path(tempfile.mkdtemp(dir=work))
    try:
        engines = {
            "ipcs": ipcs_engine(library),
            "FTS5": fts5_engine(docs),
            "tantivy": tantivy_engine(docs, tantivy_dir),
        }
        print(
            f"({len(docs):,} documents; made and indexed in {time.perf_counter() - started:.0f} s,"
            f" ipcs's part {built:.0f} s)",
            file=sys.stderr,
        )
        ranks: dict[str, list[int | None]] = {}
        seconds: dict[str, float] = {}
        for name, engine in engines.items():
            began = time.perf_counter()
            ranks[name] = [rank_of(engine(q.text), q.number) for q in qs]
            seconds[name] = time.perf_counter() - began
        if spread != "even":
            print(f"\nNames and subjects spread: {spread}")
        report(articles, qs, ranks, seconds, misses)
    finally:
        shutil.rmtree(tantivy_dir, ignore_errors=True)


def query_options(parser: argparse.ArgumentParser) -> None:
    """``--set`` and ``--queries``, as this script and bench/ceiling.py take them."""
    parser.add_argument(
        "--set",
        action="append",
        # The sets as the query file holds them, so a set added there is named here too.
        help="only these (repeat for several): "
        + ", ".join(dict.fromkeys(q.set for q in queries()))
        + ", or those of --queries",
    )
    parser.add_argument(
        "--queries",
        type=Path,
        help='your own queries instead, a JSON object a line: {"query": …, "number": …} '
        '(and "family", "set" if you like)',
    )


def chosen_queries(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[Query]:
    """The queries ``--queries`` and ``--set`` ask for; a missing file or an unknown set
    is the parser's one-line error."""
    if args.queries is not None and not args.queries.is_file():
        parser.error(f"no queries file at {args.queries}")
    every = queries(args.queries)
    unknown = sorted(set(args.set or ()) - {q.set for q in every})
    if unknown:
        sets = ", ".join(sorted({q.set for q in every}))
        parser.error(f"no queries in set {unknown[0]!r}; the sets: {sets}")
    return [q for q in every if args.set is None or q.set in args.set]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Relevance of ipcs against FTS5 and tantivy.")
    parser.add_argument("--pages", type=Path, default=HERE.parent.parent / "shared" / "ipcs-pages")
    parser.add_argument("--articles", type=int, action="append", help="haystack size(s)")
    parser.add_argument("--seed", type=int, default=1)
    query_options(parser)
    parser.add_argument(
        "--spread",
        choices=haystack.SPREADS,
        default="even",
        help="how distractors spread the real names and subjects (see bench/haystack.py)",
    )
    parser.add_argument(
        "--misses", action="store_true", help="also list every query ipcs does not answer first"
    )
    parser.add_argument(
        "--typos",
        action="store_true",
        help="the queries with their longest word misspelt instead (three typos each)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "ipcs-relevance",
        help="where the haystacks and indexes go (kept for the next run)",
    )
    args = parser.parse_args(argv)
    if not args.pages.is_dir():
        parser.error(f"the real pages are not at {args.pages}; give --pages")
    qs = chosen_queries(parser, args)
    if args.typos:
        qs = misspelt(qs)
    args.workdir.mkdir(parents=True, exist_ok=True)
    reals = haystack.reals_from(args.pages)
    for articles in args.articles or [2000, 10000]:
        run_size(args.pages, args.workdir, articles, args.seed, qs, reals, args.misses, args.spread)


if __name__ == "__main__":
    main()
