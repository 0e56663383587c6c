"""The folder given as the index: new, empty or one ipcs made; never a folder of other files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ipcsreader import paths
from ipcsreader.cli import app


def search(index: Path | str, cwd: Path | None = None, **env: str) -> tuple[int, str]:
    corpus = str(paths.shipped_corpus_dir())
    args = ["search", "korea", "--corpus", corpus]
    if not env:
        args += ["--index", str(index)]
    old = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = CliRunner().invoke(app, args, env=env)
    finally:
        os.chdir(old)
    return result.exit_code, result.output


def test_a_new_folder_and_one_ipcs_made_are_taken(tmp_path: Path) -> None:
    assert search(tmp_path / "index")[0] == 0
    assert search(tmp_path / "index")[0] == 0  # the second time, it is one ipcs made
    (tmp_path / "empty").mkdir()
    assert search(tmp_path / "empty")[0] == 0


@pytest.mark.parametrize("named", ["option", "environment", "empty"])
def test_a_folder_of_other_files_is_refused_and_left_alone(tmp_path: Path, named: str) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "precious.txt").write_text("mine")
    (theirs / "MAIN_old.seg").write_text("named like an index's segment")
    before = sorted(p.name for p in theirs.iterdir())
    if named == "option":
        code, output = search(theirs)
    elif named == "environment":
        code, output = search("", IPCS_INDEX=str(theirs))
    else:  # --index "" was the folder the command runs in; now it is refused as empty
        code, output = search("", cwd=theirs)
    assert code == 2, output
    assert output.rstrip().endswith(
        "holds other files and no ipcs index: give --index a new or empty folder, or one ipcs made"
        if named != "empty"
        else "--index is empty: give a folder, or leave the option out (see ipcs search -h)"
    ), output
    assert sorted(p.name for p in theirs.iterdir()) == before
