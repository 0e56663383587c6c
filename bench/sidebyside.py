"""One ipcs command, this checkout's code against another's, side by side on one corpus.

    python bench/sidebyside.py --workdir DIR --base-src /tmp/main/src --rounds 11 read 5442
    python bench/sidebyside.py --workdir DIR --base-src /tmp/main/src --same \\
        --each 100 200 300 -- read {} --no-mark

Timing (the default): each round runs the import floor, then the base code and this code in
alternating order, each in a fresh process (the staleness check a command leaves running
is waited for before the next one starts), after one warm-up round. It prints the median
wall and CPU time of each, and per round the ratio to that round's floor: a shared
machine's load moves these far less than it moves figures taken minutes apart.

``--same`` compares instead what both print (stdout, stderr and exit code) for each
argument list, ``{}`` replaced by each of ``--each``, plain at widths 80 and 40, with
``--color always``, ``--format markdown`` and ``--format json``: the exit code is 1 when
anything differs.

The base code is any source folder (``git archive main src | tar -x -C /tmp/main``),
run with the same interpreter and packages through ``PYTHONPATH``. ``--index`` gives
this code an index of its own over the same corpus (when its catalog is another version:
a copy of WORKDIR/index brought to it).
``--data`` puts the desk elsewhere than WORKDIR/data (one desk for both).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import FLOOR_IMPORTS, Paths, _env  # noqa: E402

# What --same asks of each command besides its own arguments.
VARIANTS: tuple[tuple[str, ...], ...] = (
    (),
    ("--width", "40"),
    ("--color", "always"),
    ("--format", "markdown"),
    ("--format", "json"),
)


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall and CPU seconds of ``cmd`` (itself and its children), and what it gave."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done


def _settle(index: Path) -> None:
    from ipcsreader.store import hints

    hints.await_check(index, 30)


def _envs(paths: Paths, index: Path, base_src: Path) -> tuple[dict, dict]:
    """The environments of the base code and of this code (``index`` its own)."""
    base = _env(paths)
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    this = dict(base, PYTHONPATH=str(HERE.parent / "src"), IPCS_INDEX=str(index))
    return dict(base, PYTHONPATH=str(base_src)), this


def timing(paths: Paths, index: Path, base_src: Path, args: list[str], rounds: int) -> None:
    py = sys.executable
    base_env, this_env = _envs(paths, index, base_src)
    floor = [py, "-c", FLOOR_IMPORTS]
    cmd = [py, "-m", "ipcsreader", *args]
    walls: dict[str, list[float]] = {"floor": [], "base": [], "this": []}
    cpus: dict[str, list[float]] = {"floor": [], "base": [], "this": []}
    ratios: dict[str, list[float]] = {"base": [], "this": [], "this/base": []}
    load = os.getloadavg()[0]
    for i in range(rounds + 1):
        got: dict[str, tuple[float, float]] = {}
        wall, cpu, _ = _run(floor, this_env)
        got["floor"] = (wall, cpu)
        order = ("base", "this") if i % 2 else ("this", "base")
        for who in order:
            wall, cpu, done = _run(cmd, base_env if who == "base" else this_env)
            if done.returncode:
                sys.exit(f"{who}: exit {done.returncode}: {done.stderr.decode()[-500:]}")
            _settle(paths.index if who == "base" else index)
            got[who] = (wall, cpu)
        if not i:
            continue  # the warm-up round
        for who, (wall, cpu) in got.items():
            walls[who].append(wall)
            cpus[who].append(cpu)
        for who in ("base", "this"):
            ratios[who].append(got[who][0] / got["floor"][0])
        ratios["this/base"].append(got["this"][0] / got["base"][0])
    med = statistics.median
    print(f"{' '.join(args)}: {rounds} rounds, load {load:.2f} -> {os.getloadavg()[0]:.2f}")
    for who in ("floor", "base", "this"):
        wall, cpu = med(walls[who]) * 1000, med(cpus[who]) * 1000
        line = f"  {who:6} wall {wall:6.0f} ms  cpu {cpu:6.0f} ms"
        if who != "floor":
            line += f"  x floor {med(ratios[who]):.2f}"
        print(line)
    print(f"  this/base per round: median {med(ratios['this/base']):.3f}")


def same(paths: Paths, index: Path, base_src: Path, args: list[str], each: list[str]) -> int:
    py = sys.executable
    base_env, this_env = _envs(paths, index, base_src)
    differ = compared = 0
    for value in each or [""]:
        for variant in VARIANTS:
            cmd = [py, "-m", "ipcsreader", *(a.replace("{}", value) for a in args), *variant]
            _, _, base = _run(cmd, base_env)
            _settle(paths.index)
            _, _, this = _run(cmd, this_env)
            _settle(index)
            compared += 1
            if (base.returncode, base.stdout, base.stderr) != (
                this.returncode,
                this.stdout,
                this.stderr,
            ):
                differ += 1
                print(f"DIFFERS: {' '.join(cmd[3:])}")
    print(f"{compared} outputs compared, {differ} differ")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--base-src", type=Path, required=True)
    parser.add_argument("--index", type=Path, help="this code's own index [default: WORKDIR's]")
    parser.add_argument("--data", type=Path, help="the desk's folder [default: WORKDIR/data]")
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--same", action="store_true", help="compare outputs, not times")
    parser.add_argument("--each", nargs="*", default=[], help="values for {} (with --same)")
    parser.add_argument("args", nargs="+", help="the ipcs command and its arguments")
    opts = parser.parse_args()
    paths = Paths(opts.workdir.resolve())
    if opts.data:  # a workdir shared read-only: the desk elsewhere
        paths.data = opts.data.resolve()
    index = opts.index.resolve() if opts.index else paths.index
    base_src = opts.base_src.resolve()
    if opts.same:
        sys.exit(same(paths, index, base_src, opts.args, opts.each))
    timing(paths, index, base_src, opts.args, opts.rounds)


if __name__ == "__main__":
    main()
