"""One `ipcs` command, two versions of the code, side by side in alternating rounds.

    python bench/versus.py --rounds 11 \\
        --variant main /tmp/w10k-main /tmp/main-src/src \\
        --variant branch /tmp/w10k \\
        -- export "North Korea date:[1996 to 2100]"

Each round runs the import floor, then the command once per variant (each on its own
work folder of bench/run.py, its code from SRC when given, put first on PYTHONPATH, else
this checkout's), each in a fresh process, and waits for the staleness check a command
leaves running. It prints the median wall and CPU time (user + system) of each, and the
median over the rounds of its wall time over that round's floor: a change of a few tens
of milliseconds that medians taken minutes apart on a shared machine would not resolve.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import FLOOR_IMPORTS, Paths, _env  # noqa: E402


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run; a failure stops the comparison."""
    with open(os.devnull, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, env=env)
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    if status:
        raise SystemExit(f"{' '.join(argv)} failed ({status}): {err.decode()[-300:]}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument(
        "--variant",
        nargs="+",
        action="append",
        required=True,
        metavar="LABEL WORKDIR [SRC]",
        help="a version of the code: its label, work folder and (optional) source folder",
    )
    parser.add_argument("command", nargs="+", help="the ipcs command's arguments")
    args = parser.parse_args()
    from ipcsreader.store import hints

    ipcs = shutil.which("ipcs", path=str(Path(sys.executable).parent)) or "ipcs"
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    variants: dict[str, dict[str, str]] = {}
    for label, workdir, *src in args.variant:
        env = base | _env(Paths(Path(workdir)))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if src:
            env["PYTHONPATH"] = src[0]
        variants[label] = env
    floor = [sys.executable, "-c", FLOOR_IMPORTS]
    walls: dict[str, list[float]] = {name: [] for name in ("floor", *variants)}
    cpus: dict[str, list[float]] = {name: [] for name in walls}
    ratios: dict[str, list[float]] = {name: [] for name in variants}
    loads = []
    for i in range(args.rounds + 1):  # the first round warms up
        floor_wall, floor_cpu = _run(floor, base)
        if i:
            walls["floor"].append(floor_wall)
            cpus["floor"].append(floor_cpu)
        for label, env in variants.items():
            wall, cpu = _run([ipcs, *args.command], env)
            hints.await_check(Path(env["IPCS_INDEX"]), 30)
            if i:
                walls[label].append(wall)
                cpus[label].append(cpu)
                ratios[label].append(wall / floor_wall)
        loads.append(os.getloadavg()[0])
    load = f"load {min(loads):.1f}-{max(loads):.1f}"
    print(f"ipcs {' '.join(args.command)}: {args.rounds} rounds, {load}")
    for name in walls:
        ratio = f"  over the floor {statistics.median(ratios[name]):.2f}" if name in ratios else ""
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(f"{name:>12}: wall {1000 * wall:5.0f} ms  cpu {1000 * cpu:5.0f} ms{ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
