"""Benchmark ``ipcs ui`` on a synthetic corpus: first paint, keystroke latency, memory.

    python bench/ui.py --articles 10000 --workdir /tmp/wt17-bench

Generates (or reuses) WORKDIR/corpus and builds WORKDIR/index, then measures:

1. **Time to first paint**: ``ipcs ui`` started in a pseudo-terminal of 80x24, from the
   start of the process to the first frame holding the query box, and to the first frame
   holding the newest articles (median of --repeat runs).
2. **Peak memory** of that ``ipcs ui`` process (VmHWM from /proc, read just before it
   quits) after a session: a search, an article opened, the columns, authors and archive
   screens, each over every record.
3. **Keystroke to updated results**, in-process: the app run headless (Textual's pilot) at
   80x24, each query of bench/queries.jsonl typed a key at a time; for each key, the time
   from the key press to the screen showing the hits of the query as it then reads (the
   app's own path: its search worker, the library's thread, the result lists redrawn).
   p50 and p95 over every keystroke.

Targets (issue 17): first paint <= 1 s, keystroke p95 <= 100 ms, memory <= 250 MB. The
machine's load average is printed with the figures: other work inflates every one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FIRST_PAINT = (
    b"author:mishra"  # in the query box's placeholder (its first letter is under the cursor)
)
FIRST_RESULTS = b"newest first"  # the tally over the newest articles
SIZE = (80, 24)


def prepare(workdir: Path, articles: int) -> tuple[Path, Path]:
    import generate

    from ipcsreader.library import Library

    corpus, index = workdir / "corpus", workdir / "index"
    if not corpus.is_dir() or len(list(corpus.iterdir())) < articles:
        print(f"generating {articles:,} articles in {corpus}…", flush=True)
        generate.generate(corpus, articles)
    library = Library.open(corpus, index)
    if library.status().state != "fresh":
        started = time.perf_counter()
        library.update()
        print(f"index built in {time.perf_counter() - started:.1f} s", flush=True)
    return corpus, index


# -- a real terminal ------------------------------------------------------------------


# The floor: a Textual app with one line of text, nothing of ours.
FLOOR_APP = """
from textual.app import App
from textual.widgets import Static
class Floor(App):
    def compose(self):
        yield Static("author:mishra")
Floor().run()
"""


class Terminal:
    """``ipcs ui`` (or ``argv``) in a pseudo-terminal; what it wrote so far in :attr:`screen`."""

    def __init__(self, corpus: Path, index: Path, data: Path, argv: list[str] | None = None):
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.environ.update(IPCS_DATA_DIR=str(data), TERM="xterm-256color")
            os.environ.update(COLUMNS=str(SIZE[0]), LINES=str(SIZE[1]))
            ipcs = Path(sys.executable).with_name("ipcs")
            argv = argv or [str(ipcs), "ui", "--corpus", str(corpus), "--index", str(index)]
            os.execv(argv[0], argv)
        import fcntl
        import termios

        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        self.pid, self.fd = pid, fd
        self.screen = b""

    def _read(self) -> bool:
        """Take in what the app wrote within 50 ms; False once the terminal is gone."""
        ready, _, _ = select.select([self.fd], [], [], 0.05)
        if ready:
            try:
                self.screen += os.read(self.fd, 1 << 16)
            except OSError:
                return False
        return True

    def wait_for(self, marker: bytes, timeout: float = 30.0) -> float:
        """Seconds from the start until ``marker`` appeared in the output."""
        deadline = time.perf_counter() + timeout
        while marker not in self.screen:
            if time.perf_counter() > deadline or not self._read():
                raise TimeoutError(f"{marker!r} never appeared")
        return time.perf_counter() - self.started

    def drain(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end and self._read():
            pass

    def send(self, keys: str, settle: float = 1.0) -> None:
        os.write(self.fd, keys.encode())
        self.drain(settle)

    def peak_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def quit(self) -> int:
        os.write(self.fd, b"\x11")  # Ctrl+Q
        deadline = time.time() + 10
        while time.time() < deadline:
            self.drain(0.1)
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return -9


def first_paint(
    corpus: Path, index: Path, repeat: int
) -> tuple[list[float], list[float], list[float]]:
    """First paints of ``ipcs ui`` and of the floor app, taken in turns; first results."""
    paints, results, floors = [], [], []
    with tempfile.TemporaryDirectory() as data:
        for _ in range(repeat):
            floor = Terminal(corpus, index, Path(data), [sys.executable, "-c", FLOOR_APP])
            floors.append(floor.wait_for(FIRST_PAINT))
            floor.quit()
            term = Terminal(corpus, index, Path(data))
            paints.append(term.wait_for(FIRST_PAINT))
            results.append(term.wait_for(FIRST_RESULTS))
            term.quit()
    return paints, results, floors


def session_memory(corpus: Path, index: Path) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as data:
        term = Terminal(corpus, index, Path(data))
        term.wait_for(FIRST_RESULTS)
        term.send("maritime security")
        term.send("\r")  # read the first hit
        term.send("\x1b")  # back
        for key in ("\x1bOQ", "\x1bOR", "\x1bOS"):  # F2, F3, F4 (each built from every record)
            term.send(key, settle=8.0)
            term.send("\x1b")
        peak = term.peak_mb()
        return peak, term.quit()


# -- keystrokes, in-process -----------------------------------------------------------


async def keystrokes(
    corpus: Path, index: Path, queries: list[str]
) -> list[tuple[str, float, float]]:
    """Per key: from the key event reaching the app (as a terminal's would) to the end of
    the first screen refresh after the hits of the new query are in the lists. Keys go
    straight to the driver, not through the pilot's ``press``, which also waits for the
    whole process to fall idle."""
    from textual import events
    from textual.screen import Screen
    from textual.widgets import Input

    from ipcsreader.ui.app import IpcsApp
    from ipcsreader.ui.search import SearchScreen
    from ipcsreader.ui.service import Service

    refreshed = [0.0]
    compositor_refresh = Screen._compositor_refresh

    def timed_refresh(screen: Screen) -> None:
        compositor_refresh(screen)
        refreshed.append(time.perf_counter())

    Screen._compositor_refresh = timed_refresh  # type: ignore[method-assign]
    service = Service(corpus, index)
    searching = [0.0]  # seconds in the library's searches, for the app's own share

    def timed(call):  # type: ignore[no-untyped-def]
        async def timed_call(query):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return await call(query)
            finally:
                searching[0] += time.perf_counter() - started

        return timed_call

    # The hits come through search_unread (older versions: search); counts through search.
    for name in ("search", "search_unread"):
        if hasattr(service, name):
            setattr(service, name, timed(getattr(service, name)))
    app = IpcsApp(service, update=False)
    times: list[tuple[str, float, float]] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        box = screen.query_one(Input)

        async def answered(typed: str) -> None:
            """Until the box reads ``typed`` (the key has arrived) and the hits for it
            are in the lists, then until the next refresh of the screen."""
            while (
                box.value != typed
                or screen.answered is None
                or screen.answered.text != typed
                or screen.busy
            ):
                await asyncio.sleep(0.0005)
            shown = time.perf_counter()
            while refreshed[-1] < shown:
                await asyncio.sleep(0.0005)

        await answered("")
        for text in queries:
            box.value = ""
            await answered("")
            await pilot.pause(0.05)
            for i, char in enumerate(text, 1):
                started = time.perf_counter()
                searching[0] = 0.0
                app._driver.send_message(events.Key("space" if char == " " else char, char))
                await answered(text[:i])
                total = refreshed[-1] - started
                times.append((text[:i], total, total - searching[0]))
    app.service.close()
    Screen._compositor_refresh = compositor_refresh  # type: ignore[method-assign]
    return times


def _p95(ordered: list[float]) -> float:
    return ordered[int(0.95 * (len(ordered) - 1))]


def _typable(text: str) -> bool:
    return all(c.isalnum() or c == " " for c in text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ipcs-bench-ui"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    corpus, index = prepare(args.workdir, args.articles)
    lines = (HERE / "queries.jsonl").read_text().splitlines()
    queries = [q["text"] for q in map(json.loads, lines) if _typable(q["text"])]

    paints, results, floors = first_paint(corpus, index, args.repeat)
    peak, code = session_memory(corpus, index)
    times = asyncio.run(keystrokes(corpus, index, queries))
    ms = sorted(t * 1000 for _, t, _ in times)
    own = sorted(t * 1000 for _, _, t in times)
    searching = sorted((total - t) * 1000 for _, total, t in times)
    slowest = sorted(times, key=lambda row: -row[1])[:5]
    p95 = _p95(ms)

    rows = [
        ("first paint of ipcs ui (median)", f"{statistics.median(paints):.2f} s", "<= 1 s"),
        ("first results on screen (median)", f"{statistics.median(results):.2f} s", ""),
        ("  floor: a one-line Textual app", f"{statistics.median(floors):.2f} s", ""),
        ("keystroke to results, p50", f"{statistics.median(ms):.0f} ms", ""),
        ("keystroke to results, p95", f"{p95:.0f} ms", "<= 100 ms"),
        ("keystroke to results, max", f"{ms[-1]:.0f} ms", ""),
        ("  the library's search alone, p95", f"{_p95(searching):.0f} ms", ""),
        ("  the app's own share, p95", f"{_p95(own):.0f} ms", ""),
        ("peak memory of ipcs ui (session)", f"{peak:.0f} MB", "<= 250 MB"),
    ]
    print(
        f"\nipcs ui at {args.articles:,} articles ({len(ms)} keystrokes over "
        f"{len(queries)} queries; first paint over {args.repeat} runs; exit status {code})"
    )
    for what, figure, target in rows:
        print(f"  {what:<36} {figure:>9}  {target}")
    print("  first paints: " + ", ".join(f"{p:.2f}" for p in paints))
    print("  floor paints: " + ", ".join(f"{p:.2f}" for p in floors))
    print("  slowest keystrokes: " + ", ".join(f"{q!r} {t * 1000:.0f} ms" for q, t, _ in slowest))
    print(
        f"  load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
