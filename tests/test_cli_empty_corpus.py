"""Every everyday command on a corpus folder with no pages yet: a plain answer, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ipcsreader.cli import app


@pytest.mark.parametrize(
    ("command", "code", "said"),
    [
        (["search", "korea", "--sort", "newest"], 1, "No articles match “korea”"),
        (["search", ""], 1, "No articles match"),
        (["search", "is:read"], 1, "No articles match “is:read”"),
        (["trend", "korea"], 1, "Error: No articles match 'korea'"),
        (["cite", "--all-hits", "korea"], 1, "Error: No articles match 'korea'"),
        (["browse"], 1, "Error: No articles in the corpus yet"),
        (["columns"], 0, "0 columns"),
        (["stats"], 0, "Dates       none"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_a_command_on_an_empty_corpus(
    tmp_path: Path, command: list[str], code: int, said: str
) -> None:
    (tmp_path / "corpus").mkdir()
    dirs = ["--corpus", str(tmp_path / "corpus"), "--index", str(tmp_path / "index")]
    env = {"IPCS_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "100"}
    result = CliRunner().invoke(app, [*command, *dirs], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code == code, result.output
    assert said in result.output
