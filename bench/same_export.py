"""Whether `ipcs export` writes the same bytes before and after a change.

    python bench/same_export.py --workdir DIR --save before.json   # on the old code
    python bench/same_export.py --workdir DIR --check before.json  # on the new code

Runs `ipcs export` (the script next to this Python) over the work folder of bench/run.py
for several queries, in every format, and keeps the size and SHA-256 of each output; with
--check, compares them with a saved run and names each one that differs. A changed index
or catalog (a copy of the work folder, rebuilt) must give the same bytes from the same
corpus (the corpus folder's own path, in every record's sources, is set aside: a copy
lives elsewhere).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

FORMATS = ("jsonl", "csv", "markdown")
# Ranked words, a phrase, a date range, an author, an empty answer's neighbour, and none
# (the whole corpus, in jsonl only: the longest output).
QUERIES = (
    "North Korea date:[1996 to 2100]",
    "nuclear",
    '"South China Sea"',
    "india pakistan date:[2010 to 2014]",
    "author:Thein",
    "column:compass",
)


def _runs() -> list[tuple[str, list[str]]]:
    runs = [
        (f"{fmt}: {query}", ["export", query, "--format", fmt])
        for query in QUERIES
        for fmt in FORMATS
    ]
    runs.append(("jsonl: whole corpus", ["export", "--format", "jsonl"]))
    return runs


def measure(workdir: Path) -> dict[str, dict[str, object]]:
    bindir = Path(sys.executable).parent
    ipcs = shutil.which("ipcs", path=str(bindir)) or "ipcs"
    env = dict(os.environ)
    env.update(
        IPCS_CORPUS=str(workdir / "corpus"),
        IPCS_INDEX=str(workdir / "index"),
        IPCS_DATA_DIR=str(workdir / "data"),
        COLUMNS="80",
        NO_COLOR="1",
    )
    found: dict[str, dict[str, object]] = {}
    for label, args in _runs():
        done = subprocess.run([ipcs, *args], env=env, capture_output=True, check=False)
        out = done.stdout.replace(env["IPCS_CORPUS"].encode(), b"CORPUS")
        found[label] = {
            "exit": done.returncode,
            "bytes": len(out),
            "sha256": hashlib.sha256(out).hexdigest(),
            "lines": out.count(b"\n"),
        }
        print(f"{label}: {len(out)} bytes, exit {done.returncode}", flush=True)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, required=True)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="keep this run's sizes and digests here")
    group.add_argument("--check", type=Path, help="compare with a run kept by --save")
    args = parser.parse_args()
    found = measure(args.workdir)
    if args.save:
        args.save.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
        return 0
    kept = json.loads(args.check.read_text(encoding="utf-8"))
    differ = [label for label in kept if kept[label] != found.get(label)]
    for label in differ:
        print(f"DIFFERS: {label}: {kept[label]} -> {found.get(label)}")
    print(f"{len(kept) - len(differ)} of {len(kept)} exports byte-identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
