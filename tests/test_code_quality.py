"""The checks CI must run beside the tests: ruff (lint and format) and mypy over the code.

They live in the suite so that the README's one test command is the whole of CI. Both
tools come with the ``test`` extra; a missing one fails here rather than being skipped.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


@pytest.mark.parametrize(
    "check",
    [
        ("ruff", "check", "src", "tests", "bench"),
        ("ruff", "format", "--check", "src", "tests", "bench"),
    ],
    ids=["ruff check", "ruff format"],
)
def test_ruff_is_clean(check: tuple[str, ...]) -> None:
    done = _run(*check)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean_on_src() -> None:
    # The configuration ([tool.mypy] in pyproject.toml) names src/ as what is checked.
    done = _run("mypy", "--no-incremental")
    assert done.returncode == 0, done.stdout + done.stderr
