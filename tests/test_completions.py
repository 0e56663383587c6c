"""Search as you type: a prefix standing for its most frequent words only
(``SearchQuery.completions``, :class:`ipcsreader.store.querying.WordCounts`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from whoosh import fields as whoosh_fields
from whoosh.filedb.filestore import RamStorage

from ipcsreader import paths
from ipcsreader.archive.search import SearchQuery
from ipcsreader.errors import UsageError
from ipcsreader.library import Library
from ipcsreader.store.querying import WordCounts


@pytest.fixture
def reader():
    """Two segments: "korea" in three documents, "korean" in two, "kore" in one;
    "replay" (the stem of "replaying") in one; "koran" only as a name."""
    ix = RamStorage().create_index(
        whoosh_fields.Schema(body=whoosh_fields.TEXT, author=whoosh_fields.TEXT),
        indexname=f"completions{os.getpid()}",  # its /tmp/<name>.tmp is not another run's
    )
    for batch in (["korea korean", "korea replay"], ["korea korean kore", "peace"]):
        with ix.writer() as w:
            for body in batch:
                w.add_document(body=body, author="koran")
    with ix.reader() as r:
        assert len(list(r.leaf_readers())) == 2
        yield r


def test_the_most_frequent_words_first_counted_over_every_segment(reader) -> None:
    words = WordCounts(reader)
    assert words.top("body", "kor", 2) == [b"korea", b"korean"]
    assert words.top("body", "kor", 8) == [b"korea", b"korean", b"kore"]
    assert dict(words.starting("body", "kor")) == {b"korea": 3, b"korean": 2, b"kore": 1}
    # "Korean" is read as "Korea" too (a people's word as its place): both stand for it.
    assert words.top("body", "korean", 8) == [b"korea", b"korean"]
    assert words.top("body", "kore", 8) == [b"korea", b"korean", b"kore"]
    assert words.top("author", "kor", 8) == [b"koran"]  # field by field
    assert words.top("body", "xyz", 8) == []


def test_a_word_typed_past_its_stem_stands_for_the_stems(reader) -> None:
    words = WordCounts(reader)
    assert words.top("body", "replaying", 8) == [b"replay"]
    assert words.top("author", "replaying", 8) == []  # names are not stemmed


def test_a_field_is_read_once_for_a_word_typed_a_letter_at_a_time(reader, monkeypatch) -> None:
    words = WordCounts(reader)
    reads = []
    leaves = reader.leaf_readers

    def counted():  # type: ignore[no-untyped-def]
        reads.append(1)
        return leaves()

    monkeypatch.setattr(reader, "leaf_readers", counted)
    for typed in ("kor", "kore", "korea", "korean"):
        words.top("body", typed, 8)
    assert len(reads) == 1
    assert words.top("body", "korea", 8) == [b"korea", b"korean"]


def test_the_oldest_lists_go_first(reader) -> None:
    words = WordCounts(reader)
    words.KEPT = 2
    for start in ("kor", "pea", "rep"):
        words.starting("body", start)
    assert list(words._kept) == [("body", "pea"), ("body", "rep")]


def test_the_library_caps_a_prefix_only_when_asked(tmp_path: Path) -> None:
    library = Library.open(paths.shipped_corpus_dir(), tmp_path / "index")
    library.update()
    every = library.search(SearchQuery(text="kor*"))
    capped = library.search(SearchQuery(text="kor*", completions=1))
    assert [h.number for h in capped.hits] == [h.number for h in every.hits] == [4842]
    with pytest.raises(UsageError, match="completions must be at least 1"):
        library.search(SearchQuery(text="kor*", completions=0))
