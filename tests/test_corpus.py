"""Which files are pages, how they are scanned and read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from search_world import FILLER, old_page, write

from ipcsreader.errors import PageError
from ipcsreader.model import Article
from ipcsreader.store import corpus


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("4842-old.txt", True),
        ("page.HTML", True),
        ("page.htm", True),
        ("README.txt", False),
        ("readme.md", False),
        (".hidden.txt", False),
        ("index.json", False),
        ("notes.pdf", False),
    ],
)
def test_is_page(name: str, expected: bool) -> None:
    assert corpus.is_page(Path(name)) is expected


def test_scan_walks_folders_and_skips_what_is_not_a_page(tmp_path: Path) -> None:
    a = write(tmp_path / "one", "a.txt", "x")
    b = write(tmp_path / "one" / "deeper", "b.html", "yy")
    write(tmp_path / "one", "README.txt", "about")
    write(tmp_path / "one" / ".git", "c.txt", "hidden")
    write(tmp_path / "two", "d.json", "{}")
    found = corpus.scan([tmp_path / "one", tmp_path / "two", tmp_path / "missing"])
    assert sorted(found) == sorted([str(a.resolve()), str(b.resolve())])
    stat = found[str(b.resolve())]
    assert (stat.size, stat.mtime_ns) == (2, os.stat(b).st_mtime_ns)
    assert stat.path == b.resolve()


def test_content_hash_depends_on_content_only(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", "same")
    b = write(tmp_path, "b.txt", "same")
    c = write(tmp_path, "c.txt", "other")
    digests = [corpus.content_hash(path.read_bytes()) for path in (a, b, c)]
    assert digests[0] == digests[1] != digests[2]
    assert len(digests[0]) == 64


def test_read_page_parses_an_article(tmp_path: Path) -> None:
    path = write(tmp_path, "9001-old.txt", old_page(9001, "A Title", [FILLER]))
    page = corpus.read_page(path)
    assert isinstance(page, Article)
    assert (page.number, page.title) == (9001, "A Title")


def test_read_page_names_the_file_it_cannot_read(tmp_path: Path) -> None:
    path = write(tmp_path, "junk.txt", "nothing like an IPCS page\n")
    with pytest.raises(PageError) as caught:
        corpus.read_page(path)
    assert caught.value.file == str(path)
    assert caught.value.reason


def test_read_page_of_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PageError) as caught:
        corpus.read_page(tmp_path / "gone.txt")
    assert caught.value.file == str(tmp_path / "gone.txt")
