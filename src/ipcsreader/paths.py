"""Where things live: the shipped corpus, the user's own pages, the index, the desk."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

APP_NAME = "ipcsreader"


def user_data_dir() -> Path:
    """The user's data folder (``IPCS_DATA_DIR`` overrides the platform's default)."""
    override = os.environ.get("IPCS_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def _from_env(name: str) -> Path | None:
    """A folder named by environment variable ``name``; None when unset or empty (as the
    command line's ``envvar`` options read it)."""
    value = os.environ.get(name)
    return Path(value) if value else None


def corpus_override() -> list[Path] | None:
    """The corpus folders ``IPCS_CORPUS`` names (several apart as in ``PATH``, as the
    command line's ``--corpus`` reads it), in place of the shipped and user's pages."""
    value = os.environ.get("IPCS_CORPUS")
    folders = [Path(part) for part in value.split(os.pathsep) if part] if value else []
    return folders or None


def folders(corpus: Path | Sequence[Path] | None) -> list[Path]:
    """The corpus folders ``corpus`` names, one or several, each once and in order."""
    given = [corpus] if isinstance(corpus, Path) else corpus or ()
    return list(dict.fromkeys(given))


def index_override() -> Path | None:
    """The index folder ``IPCS_INDEX`` names, in place of the one in the user data folder."""
    return _from_env("IPCS_INDEX")


def user_corpus_dir() -> Path:
    """Pages the user added or fetched."""
    return user_data_dir() / "corpus"


def default_index_dir() -> Path:
    return user_data_dir() / "index"


def desk_file() -> Path:
    """The reader's own marks, tags, notes and follows: beside the index, never in it."""
    return user_data_dir() / "desk.sqlite"


def shipped_corpus_dir() -> Path:
    """The corpus that ships with ipcs: inside the installed package, or the checkout's."""
    packaged = Path(__file__).resolve().parent / "corpus"
    if packaged.is_dir():
        return packaged
    # An editable install runs from the checkout, where the corpus sits at the top.
    return Path(__file__).resolve().parents[2] / "corpus"
