"""The world the command-line sweeps run in: the read fixtures with their index built
once, and an ipcs.org that is not there."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from ipcsreader.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "read"


def offline_world(root: Path) -> dict[str, str]:
    """The environment for commands over a copy of the read fixtures in ``root``."""
    shutil.copytree(FIXTURES, root / "corpus")
    env = {
        "IPCS_CORPUS": str(root / "corpus"),
        "IPCS_INDEX": str(root / "index"),
        "IPCS_BASE_URL": "http://127.0.0.1:9",  # the discard port: nothing answers
        "IPCS_RETRIES": "0",
        "IPCS_DELAY": "0",
        "EDITOR": "true",
    }
    built = CliRunner().invoke(app, ["index"], env=env)
    assert built.exit_code == 0, built.output
    return env
