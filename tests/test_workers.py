"""Work shared among forked processes: results in order, progress, failures."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from search_world import FILLER, old_page, write

from ipcsreader import update
from ipcsreader.archive.search import SearchQuery
from ipcsreader.errors import IpcsError, PageError
from ipcsreader.library import Library
from ipcsreader.store import workers

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="work is shared among processes on Linux only"
)


def squares_with_pids(share: Sequence[int], report: workers.Report) -> list[tuple[int, int]]:
    found = []
    for n in share:
        found.append((n * n, os.getpid()))
        report(len(found))
    return found


@linux_only
def test_results_come_back_in_order_from_several_processes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "_PART", 2)  # results in several parts from each
    heard: list[int] = []
    results = workers.map_shares(squares_with_pids, list(range(10)), 3, heard.append)
    assert [square for square, _ in results] == [n * n for n in range(10)]
    pids = {pid for _, pid in results}
    assert len(pids) == 3 and os.getpid() not in pids
    assert heard[-1] == 10 and heard == sorted(heard)


def test_one_job_runs_here() -> None:
    heard: list[int] = []
    results = workers.map_shares(squares_with_pids, [1, 2, 3], 1, heard.append)
    assert results == [(1, os.getpid()), (4, os.getpid()), (9, os.getpid())]
    assert heard == [1, 2, 3]


def failing(share: Sequence[int], report: workers.Report) -> list[int]:
    if 3 in share:
        raise ValueError("three is not allowed")
    return list(share)


@linux_only
def test_a_failure_in_a_process_is_raised_here() -> None:
    with pytest.raises(IpcsError, match="a worker process failed: ValueError: three is not"):
        workers.map_shares(failing, [1, 2, 3, 4], 2)


def dying(share: Sequence[int], report: workers.Report) -> list[int]:
    if 3 in share:
        os._exit(7)
    return list(share)


@linux_only
def test_a_process_that_dies_is_reported() -> None:
    with pytest.raises(IpcsError, match=r"a worker stopped \(exit status 7\)"):
        workers.map_shares(dying, [1, 2, 3, 4], 2)


def test_jobs_are_bounded_by_cores_and_work() -> None:
    assert workers.jobs_for(0, 100) == 1
    assert workers.jobs_for(150, 100) == 1
    assert workers.jobs_for(10**6, 100) <= max(1, len(os.sched_getaffinity(0)))


@linux_only
def test_pages_read_in_several_processes_index_as_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    for n in range(9201, 9209):
        write(corpus, f"{n}-old.txt", old_page(n, f"Harbour Talks {n}", [FILLER]))
    write(corpus, "broken.txt", "not a page at all")
    results = {}
    for jobs in (1, 2):
        monkeypatch.setattr(workers, "jobs_for", lambda count, per_job, jobs=jobs: jobs)
        lib = Library([corpus], tmp_path / f"index{jobs}")
        summary = lib.update()
        hits = lib.search(SearchQuery("harbour", limit=None)).hits
        results[jobs] = (summary.added, [f for f, _ in summary.failed], [h.number for h in hits])
    assert results[1] == results[2]
    assert results[2][0] == 8 and len(results[2][1]) == 1


def test_an_unreadable_file_fails_alone(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "9301-old.txt", old_page(9301, "Harbour Talks", [FILLER]))
    (corpus / "9302-old.txt").mkdir()  # read as a file, it cannot be
    spool = tmp_path / "spool"
    spool.mkdir()
    found = list(update._read_share(spool, sorted(corpus.iterdir()), lambda done: None))
    assert found[0][1].number == 9301  # type: ignore[union-attr]
    assert found[0][2] is not None and FILLER in found[0][2].text()  # its body, spooled
    assert found[1][0] == "" and found[1][2] is None
    assert isinstance(found[1][1], PageError) and found[1][1].reason == "a folder, not a page file"


def test_no_work_is_shared_out_beside_another_thread() -> None:
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert workers.jobs_for(10**6, 1) == 1
    finally:
        release.set()
        other.join()


def test_the_progress_bar_leaves_the_update_free_to_fork(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import threading

    from ipcsreader.cli import common

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(common.sys, "stderr", Terminal())
    corpus = tmp_path / "corpus"
    write(corpus, "9401-old.txt", old_page(9401, "Harbour Talks", [FILLER]))
    lib = Library([corpus], tmp_path / "index")
    threads: list[int] = []
    update = lib.update

    def watched(rebuild: bool = False, progress: Any = None) -> Any:
        def spy(*args: Any) -> None:
            threads.append(threading.active_count())
            progress(*args)

        return update(rebuild=rebuild, progress=spy)

    monkeypatch.setattr(lib, "update", watched)
    assert common.update_library(lib).added == 1
    assert threads and set(threads) == {1}  # the bar redraws without a thread of its own


@linux_only
def test_shares_of_bounded_size_run_a_few_at_a_time() -> None:
    def sizes(share: Sequence[int], report: workers.Report) -> list[tuple[int, int]]:
        return [(os.getpid(), len(share))] * len(share)

    found = workers.map_shares(sizes, list(range(10)), 2, most=3)
    assert [n for _, n in found] == [3] * 9 + [1]  # four shares, in order
    assert len({pid for pid, _ in found}) == 4  # a process each


# Run as a script by the test below: two workers, each telling its pid and then sending
# back results much larger than a pipe holds, until their parent is killed.
_ORPHANS = """
import os, sys, time
from ipcsreader.store import workers

def big(share, report):
    os.write(1, b"%d\\n" % os.getpid())  # one write: the two lines never mix
    for n in share:
        report(n)
        time.sleep(0.001)
        yield "x" * 100_000

workers.map_shares(big, list(range(2_000)), 2)
"""


def _alive(pid: int) -> bool:
    """Running or asleep (a zombie nobody has reaped yet has finished)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@linux_only
def test_workers_end_when_their_parent_is_killed() -> None:
    # Before: each worker kept its own copy of the pipe's reading end, so with the parent
    # gone it blocked on the full pipe for ever, holding the index lock it inherited.
    import signal
    import subprocess
    import time

    parent = subprocess.Popen([sys.executable, "-c", _ORPHANS], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    pids = [int(parent.stdout.readline()), int(parent.stdout.readline())]
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in pids if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left
