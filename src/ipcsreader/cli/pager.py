"""Show long output through the reader's pager, keeping colour."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys


def should_page(choice: bool | None, *, is_terminal: bool, lines: int, height: int) -> bool:
    """``--pager`` pages any output, the default only output taller than the screen;
    never when stdout is not a terminal (piped output stays plain)."""
    if not is_terminal or choice is False:
        return False
    return choice is True or lines > height


def page(text: str) -> None:
    """Send ``text`` to ``$PAGER`` (default ``less -R``); print it when there is no pager."""
    command = os.environ.get("PAGER") or ("less -R" if shutil.which("less") else "")
    argv = shlex.split(command)
    if not argv:
        sys.stdout.write(text)
        return
    env = dict(os.environ)
    # less shows colour escapes only with -R; add it unless the reader set LESS themselves.
    env.setdefault("LESS", "-R")
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(text)
        return
    assert proc.stdin is not None
    try:
        proc.stdin.write(text.encode("utf-8", "replace"))
        proc.stdin.close()
    except BrokenPipeError:  # the reader quit the pager before the end: that is fine
        pass
    proc.wait()
