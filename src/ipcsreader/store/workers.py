"""Work shared among forked processes, one consecutive share of the items each.

Forked workers see the parent's memory as it was: the items (and anything they refer to)
reach them without being sent. Only results travel back, pickled, with word of progress
as the work goes on. Where processes cannot fork (outside Linux) everything runs here.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ipcsreader.errors import IpcsError
from ipcsreader.store import forked

if TYPE_CHECKING:  # multiprocessing is imported only when work is shared out
    from multiprocessing.connection import Connection

_T = TypeVar("_T")
_R = TypeVar("_R")

_MAX_JOBS = 4
# Results sent back at a time.
_PART = 256
# Items done between two words of progress, in the work shared out here.
REPORT_EVERY = 100

Report = Callable[[int], None]


def jobs_for(count: int, per_job: int) -> int:
    """How many processes to share ``count`` items among, each worth at least ``per_job``."""
    if not sys.platform.startswith("linux") or not forked.available():
        # Elsewhere workers would start afresh and need every item sent; beside another
        # thread, a fork could copy a lock that thread holds.
        return 1
    cores = len(os.sched_getaffinity(0))
    return max(1, min(cores, _MAX_JOBS, count // per_job))


def map_shares(
    function: Callable[[Sequence[_T], Report], Iterable[_R]],
    items: Sequence[_T],
    jobs: int,
    progress: Report | None = None,
    most: int | None = None,
) -> list[_R]:
    """The results of ``function`` over consecutive shares of ``items``, joined in order.

    ``function`` is given a share and a callable to tell how many of its items it has
    done; ``progress`` hears how many are done in all. Results travel back as they come,
    a few hundred at a time, so that taking them in overlaps the work. Shares hold at
    most ``most`` items (a process's memory grows with its share): there may be more
    shares than ``jobs``, and then no more than ``jobs`` processes run at once.
    """
    if jobs <= 1 or len(items) < 2:
        return list(function(items, progress or _quiet))
    import multiprocessing

    count = max(jobs, -(-len(items) // most) if most else jobs)
    size = -(-len(items) // count)
    shares = [items[start : start + size] for start in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")

    def begin(share: Sequence[_T]) -> tuple[Any, Connection]:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(receive, send, function, share), daemon=True)
        process.start()
        send.close()
        return process, receive

    return _collect(shares, begin, jobs, progress)


def _collect(
    shares: list[Sequence[Any]],
    begin: Callable[[Sequence[Any]], tuple[Any, Connection]],
    jobs: int,
    progress: Report | None,
) -> list[Any]:
    from multiprocessing.connection import wait

    done = [0] * len(shares)
    results: list[list[Any]] = [[] for _ in shares]
    workers: dict[int, tuple[Any, Connection]] = {}
    waiting: dict[Any, int] = {}
    failure = None
    following = 0  # the next share to begin
    while following < len(shares) or waiting:
        while following < len(shares) and len(waiting) < jobs and failure is None:
            workers[following] = begin(shares[following])
            waiting[workers[following][1]] = following
            following += 1
        if not waiting:
            break  # a failure: begin nothing more
        for ready in wait(list(waiting)):
            receive = cast("Connection", ready)  # wait() gives back what it was given
            i = waiting[receive]
            kind: str
            value: Any
            try:
                kind, value = receive.recv()
            except EOFError:
                # The pipe closes as the worker exits, a moment before its status is known.
                workers[i][0].join()
                code = workers[i][0].exitcode
                kind, value = "failed", f"a worker stopped (exit status {code})"
            if kind == "progress":
                done[i] = value
                if progress:
                    progress(sum(done))
            elif kind == "part":
                results[i].extend(value)
            else:
                del waiting[receive]
                if kind == "failed":
                    failure = failure or value
                    following = len(shares)
    for process, receive in workers.values():
        process.join()
        receive.close()
    if failure:
        raise IpcsError(f"a worker process failed: {failure}")
    return [result for share in results for result in share]


def _work(
    receive: Connection,
    send: Connection,
    function: Callable[..., Iterable[Any]],
    share: Sequence[Any],
) -> None:
    # The fork copied the parent's end of this pipe: held here, it would keep the pipe
    # open after the parent is gone (killed, interrupted), and this worker would block
    # on a full pipe for ever, holding the index lock it inherited. Closed, the next send
    # fails and the worker ends.
    receive.close()
    try:
        part = []
        for result in function(share, lambda n: send.send(("progress", n))):
            part.append(result)
            if len(part) == _PART:
                send.send(("part", part))
                part = []
        send.send(("part", part))
        send.send(("done", None))
    except BaseException:  # reported to the parent, which raises there
        import traceback

        with contextlib.suppress(OSError):  # the parent may be gone: nobody to tell
            send.send(("failed", traceback.format_exc(limit=3).strip().splitlines()[-1]))
    finally:
        send.close()


def _quiet(done: int) -> None:
    pass
