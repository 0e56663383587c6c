"""Two versions of ``ipcs`` side by side on one index: same output, and how long a search takes.

    .venv/bin/python bench/tail.py --base /tmp/main/src --index DIR --corpus DIR [--corpus DIR]
    .venv/bin/python bench/tail.py ... --check          # outputs only, no timing
    .venv/bin/python bench/tail.py ... --rounds 5       # timing only, no output check

``--base`` is the ``src`` folder of the other version (``git archive main`` unpacked, say);
this checkout's is the other side. Each side runs in a process of its own (the same
Python, its ``src`` first on the path), over the same index, kept open from one query to
the next; the parent hands them the same query in turn.

The queries: the relevance benchmark's (bench/relevance.py: the conformance tests' and
bench/relevance-queries.jsonl), bench/queries.jsonl, some of the relevance queries with a
letter swapped (a typo) and some with an excluded word.

**Output** (unless ``--rounds`` alone): every query through ``ipcs search`` and ``ipcs
search --json`` (the command's own code, through Typer's test runner; the library is
opened once, the staleness check left out), also with ``--limit 25``, ``--page 2`` and
``--facets``; texts compared byte for byte, the seconds of "N hits in 0.12 s" left out.

**Timing** (``--rounds N``): ``Library.search`` as bench/relevance.py calls it (ten hits,
no highlights), each query on one side then the other, in turn, N rounds; per query the
median. A query has a *tail* when its every-word hits leave the page short and hits
with some of the words follow; for those it is also timed with ``limit`` = its every-word
hits, the same search without the tail. Prints medians and p95 by kind, and the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
_SECONDS = re.compile(r" in \d+\.\d\d s")


# The queries.


def query_set(top_author: str, top_column: str) -> list[dict[str, Any]]:
    """Every query as the keyword arguments of a SearchQuery (the text at least)."""
    sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]
    import relevance

    texts = list(dict.fromkeys(q.text for q in relevance.queries()))
    found: list[dict[str, Any]] = [{"text": t} for t in texts]
    with open(HERE / "queries.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            row.pop("label")
            for key, value in (("author", top_author), ("column", top_column)):
                if key in row:
                    row[key] = row[key].replace(f"{{top_{key}}}", value)
            found.append(row)
    rng = random.Random(12)
    for text in rng.sample(texts, 40):
        words = text.split()
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 3:
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        found.append({"text": " ".join(words)})
    for text in rng.sample(texts, 20):
        words = text.split()
        found.append({"text": " ".join(words[:-1]) + f" -{words[-1]}"})
    found += [
        {"text": t}
        for t in (
            "nucelar deterrence",
            "Pakistn army",
            "Kashmr ceasefire violatons",
            "korea -south",
            "korea NOT south",
            "China navy -Pakistan",
            "Taliban Kabul -ceasefire",
            "Kim Jong-un's visit to Russia",
            "what did the report say about piracy",
        )
    ]
    return found


def cli_args(spec: dict[str, Any], as_json: bool) -> list[str]:
    args = ["search", "--json"] if as_json else ["search"]
    for key in ("author", "column", "since", "until", "year", "sort", "page", "limit"):
        if key in spec:
            args += [f"--{key}", str(spec[key])]
    if spec.get("facets"):
        args.append("--facets")
    return [*args, "--", *spec["text"].split()] if spec["text"] else args


# One side: a process that answers the parent's requests, one JSON line each.


def worker(corpus: list[Path], index: Path) -> None:
    from typer.testing import CliRunner

    from ipcsreader.archive.search import SearchQuery
    from ipcsreader.cli import app, search_cmd
    from ipcsreader.library import Library

    library = Library(corpus, index)

    # The command's own code over the library kept open: no staleness check, no reopening.
    def kept(_corpus: Any, _index: Any, compute: Any, *, meanwhile: Any = None) -> Any:
        return library, compute(library)

    search_cmd.fresh_result = kept
    runner = CliRunner()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        if "cli" in request:
            result = runner.invoke(app, request["cli"], env={"COLUMNS": "100"})
            out = _SECONDS.sub(" in _ s", result.output)
            print(json.dumps({"code": result.exit_code, "out": out}), flush=True)
            continue
        spec = {"limit": 10, "highlight": False, **request["search"]}
        started = time.perf_counter()
        try:
            found = library.search(SearchQuery(**spec))
        except Exception as error:
            print(json.dumps({"error": str(error)}), flush=True)
            continue
        ms = (time.perf_counter() - started) * 1000
        kinds = [h.matched for h in found.hits]
        tail = not found.relaxed and "some" in kinds
        print(
            json.dumps(
                {
                    "ms": ms,
                    "tail": tail,
                    "all": kinds.count("all"),
                    "hits": [h.number for h in found.hits],
                }
            ),
            flush=True,
        )


class Side:
    def __init__(self, name: str, src: Path, corpus: list[Path], index: Path) -> None:
        self.name = name
        command = [sys.executable, __file__, "--worker", "--index", str(index)]
        for c in corpus:
            command += ["--corpus", str(c)]
        env = {**os.environ, "PYTHONPATH": str(src)}
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )
        self.ask_line()  # ready

    def ask_line(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"{self.name}: the worker ended")
        return json.loads(line)

    def ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        return self.ask_line()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


def check(sides: list[Side], specs: list[dict[str, Any]]) -> int:
    variants: list[dict[str, Any]] = []
    for spec in specs:
        variants.append(spec)
        if "limit" not in spec and "page" not in spec and spec["text"]:
            variants += [{**spec, "limit": 25}, {**spec, "page": 2}, {**spec, "facets": True}]
    differ = compared = tails = 0
    for spec in variants:
        for as_json in (False, True):
            args = cli_args(spec, as_json)
            a, b = (side.ask({"cli": args}) for side in sides)
            compared += 1
            tails += '"matched": "some"' in b["out"] and '"matched": "all"' in b["out"]
            if a != b:
                differ += 1
                print(f"DIFFERENT: ipcs {' '.join(args)}")
    print(f"{compared} outputs compared ({tails} JSON outputs with a tail), {differ} differ")
    return differ


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timing(sides: list[Side], specs: list[dict[str, Any]], rounds: int) -> None:
    times: dict[tuple[int, str, str], list[float]] = {}
    tail: dict[int, int] = {}
    for i, spec in enumerate(specs):  # a warm-up, which tells the queries with a tail
        for side in sides:
            found = side.ask({"search": spec})
        # A question may rank its every-word hits below the page: none to time alone.
        if found.get("tail") and found["all"]:
            tail[i] = found["all"]
    load = os.getloadavg()[0]
    for r in range(rounds):
        for i, spec in enumerate(specs):
            order = sides if (r + i) % 2 else sides[::-1]
            for side in order:
                times.setdefault((i, side.name, "q"), []).append(side.ask({"search": spec})["ms"])
                if i in tail:
                    alone = side.ask({"search": {**spec, "limit": tail[i]}})
                    times.setdefault((i, side.name, "strict"), []).append(alone["ms"])
    load = (load + os.getloadavg()[0]) / 2
    med = {key: statistics.median(v) for key, v in times.items()}
    names = [s.name for s in sides]
    print(f"\n{len(specs)} queries, {len(tail)} with a tail; {rounds} rounds; load {load:.1f}")
    print(f"{'queries':<34}{'n':>4}" + "".join(f" | {n:>9} p50   p95" for n in names))
    groups = {
        "all": list(range(len(specs))),
        "with a tail": sorted(tail),
        "without": [i for i in range(len(specs)) if i not in tail],
    }
    for label, members in groups.items():
        cells = ""
        for n in names:
            values = [med[i, n, "q"] for i in members]
            cells += f" | {statistics.median(values):13.1f} {p95(values):5.0f}"
        print(f"{label:<34}{len(members):>4}{cells}")
    members = sorted(tail)
    cells = ""
    for n in names:
        values = [med[i, n, "strict"] for i in members]
        cells += f" | {statistics.median(values):13.1f} {p95(values):5.0f}"
    print(f"{'the same, limit = every-word hits':<34}{len(members):>4}{cells}")
    for n in names:
        ratios = [med[i, n, "q"] / med[i, n, "strict"] for i in members]
        print(
            f"{n}: tail query / the same without its tail: median {statistics.median(ratios):.2f},"
            f" p95 {p95(ratios):.2f}"
        )
    # Against queries of similar size: those without a tail with as many words.
    size = {i: len(spec["text"].split()) for i, spec in enumerate(specs)}
    for n in names:
        sizes = []
        for k in sorted({size[i] for i in tail}):
            with_tail = [med[i, n, "q"] for i in tail if size[i] == k]
            plain = [med[i, n, "q"] for i in groups["without"] if size[i] == k]
            if plain:
                ratio = statistics.median(with_tail) / statistics.median(plain)
                sizes.append(f"{k} words {len(with_tail)}/{len(plain)} {ratio:.2f}")
        print(f"{n}: tail / no tail, as many words (n tail/n without, median ratio): ", end="")
        print("; ".join(sizes))
    a, b = names
    for label, members in groups.items():
        ratios = [med[i, b, "q"] / med[i, a, "q"] for i in members]
        print(f"{b} / {a}, {label}: median {statistics.median(ratios):.2f}, p95 {p95(ratios):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=Path, help="the other version's src folder")
    parser.add_argument("--corpus", type=Path, action="append", required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=0, help="time the queries, N rounds")
    parser.add_argument("--check", action="store_true", help="compare the outputs")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args.corpus, args.index)
    if args.base is None:
        parser.error("--base is needed")
    here = HERE.parent / "src"
    sides = [
        Side("base", args.base, args.corpus, args.index),
        Side("this", here, args.corpus, args.index),
    ]
    try:
        from ipcsreader.archive.search import SearchQuery
        from ipcsreader.library import Library

        library = Library(args.corpus, args.index)
        facets = library.search(SearchQuery("", limit=1, facets=("author", "column"))).facets
        specs = query_set(facets["author"][0][0], facets["column"][0][0])
        differ = check(sides, specs) if args.check or not args.rounds else 0
        if args.rounds:
            timing(sides, specs, args.rounds)
    finally:
        for side in sides:
            side.close()
    raise SystemExit(1 if differ else 0)


if __name__ == "__main__":
    main()
