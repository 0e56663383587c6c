"""Where things live: the shipped corpus, the user's own pages, the index, the desk."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ipcsreader.errors import UsageError

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


def split_folders(value: str) -> list[Path]:
    """The folders ``value`` names, several apart as in ``PATH`` (as the command line's
    ``--corpus`` reads ``IPCS_CORPUS``, and the ui hands its indexer process)."""
    return [Path(part) for part in value.split(os.pathsep) if part]


def folders(corpus: Path | Sequence[Path] | None) -> list[Path]:
    """The corpus folders ``corpus`` names, one or several, each once and in order."""
    given = [corpus] if isinstance(corpus, Path) else corpus or ()
    return list(dict.fromkeys(given))


def corpus_folders(corpus: Path | Sequence[Path] | None = None) -> list[Path]:
    """The folders of pages to read: those given (``--corpus A --corpus B``: both), else
    those ``IPCS_CORPUS`` names, else the shipped pages plus the user's. A folder given
    that is not there is a usage error."""
    given = folders(corpus) or folders(split_folders(os.environ.get("IPCS_CORPUS", "")))
    for folder in given:
        if not folder.is_dir():
            raise UsageError(f"the corpus folder {folder} does not exist")
    return given or [shipped_corpus_dir(), user_corpus_dir()]


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
