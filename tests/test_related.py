"""Related articles: the key terms and the articles they find, what Whoosh picks."""

from __future__ import annotations

import os
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ipcsreader.compat.whoosh_reading import load_lengths
from ipcsreader.store import fields, ranking
from ipcsreader.store.related import key_terms, more_like

_WORDS = [f"w{i}" for i in range(40)]
# Some words far more often than others, as in prose: the heavy ones decide early.
_TEXT = st.lists(
    st.sampled_from(_WORDS[:5] * 8 + _WORDS + ["unindexed", "absent"]), min_size=0, max_size=80
).map(" ".join)


# Words our body field takes apart, spells one way, stems or drops.
_OUR_WORDS = [
    "Jong-un's",
    "jongun",
    "defence",
    "defense",
    "organisation",
    "organizations",
    "centred",
    "centre-left",
    "programme",
    "program",
    "neighbourhood",
    "Kim",
    "kims",
    "North",
    "Korea’s",
    "café",
    "naïve",
    "'",
    "-",
]
_OUR_TEXT = st.lists(st.sampled_from(_OUR_WORDS + _WORDS[:6]), min_size=0, max_size=60).map(
    " ".join
)


def _searcher(documents: list[str], weighting: Any = None, body: Any = None) -> Any:
    from whoosh.fields import TEXT, Schema
    from whoosh.filedb.filestore import RamStorage

    # Whoosh writes a RAM index's columns through /tmp/<indexname>.tmp: a name of this
    # process's own, so two test runs at once do not delete each other's files.
    schema = Schema(body=TEXT if body is None else body)
    ix = RamStorage().create_index(schema, indexname=f"related{os.getpid()}")
    for chunk in documents:
        writer = ix.writer()  # a segment per document: lookups go through several readers
        writer.add_document(body=chunk)
        writer.commit(merge=False)
    return ix.searcher() if weighting is None else ix.searcher(weighting=weighting)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(documents=st.lists(_TEXT, min_size=1, max_size=6), text=_TEXT, number=st.integers(1, 6))
@example(documents=["w1 w1 w1 w2", "w3"], text="w1 w1 w1 w2 w3 w4 w5 w6", number=1)
@example(documents=["w1"], text="absent unindexed", number=5)
def test_key_terms_are_whooshs(documents: list[str], text: str, number: int) -> None:
    with _searcher(documents) as searcher:
        theirs = searcher.key_terms_from_text("body", text, numterms=number, normalize=False)
        assert key_terms(searcher.reader(), "body", text, number) == theirs


@settings(max_examples=150, deadline=None, derandomize=True)
@given(documents=st.lists(_OUR_TEXT, min_size=1, max_size=6), text=_OUR_TEXT)
@example(
    documents=["Jong-un's defence"],
    text="jong-un's Jongun defense defence' - '",
)
def test_key_terms_through_our_analyser_are_whooshs(documents: list[str], text: str) -> None:
    # Our body field weighs a text's words by its word filter's shortcut, not by tokens.
    body = fields.schema()["body"]
    assert fields.fast_analyser(body) is not None
    with _searcher(documents, body=body) as searcher:
        theirs = searcher.key_terms_from_text("body", text, numterms=5, normalize=False)
        assert key_terms(searcher.reader(), "body", text) == theirs


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    documents=st.lists(_TEXT, min_size=1, max_size=8),
    text=_TEXT,
    pick=st.integers(0, 7),
    limit=st.integers(1, 6),
    lengths=st.booleans(),
)
@example(documents=["w1 w2", "w1 w2", "w1 w2", "w3"], text="w1 w2", pick=1, limit=1, lengths=True)
@example(documents=["absent"], text="absent unindexed", pick=0, limit=5, lengths=False)
@example(documents=[""], text="", pick=0, limit=1, lengths=False)
def test_related_are_whooshs(
    documents: list[str], text: str, pick: int, limit: int, lengths: bool
) -> None:
    # The production weighting, with and without the lengths read whole (ipcs read's way).
    with _searcher(documents, ranking.weighting()) as searcher:
        if lengths:
            load_lengths(searcher, ["body"])
        docnum = pick % len(documents)
        _query, ours = more_like(searcher, "body", docnum, text, limit)
        if not text:  # Whoosh would read the document's own text instead: none is stored
            assert ours == []
            return
        theirs = searcher.more_like(docnum, "body", text, top=limit)
        assert ours == [(h.score, h.docnum) for h in theirs]
