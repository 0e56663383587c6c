"""Segments written directly hold exactly what Whoosh's own writer would have written."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipcsreader.compat import whoosh_segments as segments
from ipcsreader.errors import IpcsError
from ipcsreader.model import Author, Record
from ipcsreader.store import fields, workers

PROSE = (
    "the of and to in a is that Korea Korea’s North-East Jong-un’s nuclear talks "
    "vis-à-vis Communiqué Pakistan’s don't re-examine India China water Delhi’s "
    "counter-terrorism Tehreek-e-Taliban 2015 émigré NAÏVE Straße ﬁnance"
)
WORDS = PROSE.split()


def records(count: int, seed: int = 7) -> list[tuple[Record, str]]:
    """Documents with every kind of field value, and terms common enough for many blocks."""
    rng = random.Random(seed)
    found = []
    for i in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(0, 400))]
        body = " ".join(words)
        if i % 7 == 0:
            body = "Kim Jong-un’s visit, again and again. " * rng.randint(1, 30) + body
        authors = tuple(
            Author(name, "IPCS" if j else None, "Dr" if j else None, None)
            for j, name in enumerate(rng.sample(["Sandip Mishra", "Ruhee Neog", "Ann Lee"], i % 3))
        )
        found.append(
            (
                Record(
                    number=1000 + i,
                    title=" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 8))) or None,
                    date=None if i % 11 == 0 else dt.date(1996 + i % 30, 1 + i % 12, 1 + i % 28),
                    authors=authors,
                    column=None if i % 3 else "Dateline Colombo",
                    region=rng.choice([None, "South Asia", "East Asia"]),
                    teaser=None if i % 2 else "A teaser on " + rng.choice(WORDS),
                    listing_only=i % 13 == 0,
                    sources=(f"{1000 + i}-old.txt",),
                ),
                body,
            )
        )
    return found


def whoosh_index(path: Path, documents: list[tuple[Record, str]]) -> Any:
    from whoosh.index import create_in

    path.mkdir()
    ix = create_in(str(path), fields.schema())
    writer = ix.writer()
    for record, body in documents:
        writer.add_document(**fields.document(record, body))
    writer.commit()
    return ix


def our_index(path: Path, documents: list[tuple[Record, str]], jobs: int) -> Any:
    from whoosh.index import create_in

    path.mkdir()
    ix = create_in(str(path), fields.schema())
    written = segments.write(
        ix.storage,
        fields.schema(),
        ix.indexname,
        documents,
        fields.document_of,
        fields.fast_analysers(),
        jobs=jobs,
    )
    from whoosh.index import TOC

    TOC(fields.schema(), written, 1).write(ix.storage, ix.indexname)
    return ix.refresh()


def contents(ix: Any) -> dict[str, Any]:
    """Everything a reader can tell about an index, document numbers included."""
    schema = ix.schema
    with ix.reader() as reader:
        found: dict[str, Any] = {"docs": reader.doc_count_all()}
        found["stored"] = [reader.stored_fields(d) for d in range(reader.doc_count_all())]
        for name in schema.names():
            field = schema[name]
            if field.column_type:
                found[f"column {name}"] = list(reader.column_reader(name, translate=False))
            if not field.indexed:
                continue
            found[f"total length {name}"] = reader.field_length(name)
            found[f"lengths {name}"] = [
                reader.doc_field_length(d, name) for d in range(reader.doc_count_all())
            ]
            terms = {}
            for term in reader.lexicon(name):
                info = reader.term_info(name, term)
                terms[term] = (
                    info.weight(),
                    info.doc_frequency(),
                    info.min_length(),
                    info.max_length(),
                    info.max_weight(),
                    info.min_id(),
                    info.max_id(),
                    postings(reader.postings(name, term)),
                )
            found[f"terms {name}"] = terms
    return found


def postings(matcher: Any) -> list[tuple[int, float, bytes]]:
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return found


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_segment_written_directly_equals_whooshs(tmp_path: Path, jobs: int) -> None:
    documents = records(300)
    theirs = contents(whoosh_index(tmp_path / "whoosh", documents))
    ours = contents(our_index(tmp_path / "ours", documents, jobs))
    assert ours.keys() == theirs.keys()
    for key in theirs:
        assert ours[key] == theirs[key], key
    # Terms common enough to fill several blocks were written, or the test proves little.
    body = theirs["terms body"]
    assert max(info[1] for info in body.values()) > 2 * 128


def test_one_segment_per_job(tmp_path: Path) -> None:
    ix = our_index(tmp_path / "ours", records(30), jobs=3)
    assert [s.doc_count_all() for s in ix._segments()] == [10, 10, 10]


def test_a_failing_worker_is_reported(tmp_path: Path) -> None:
    from whoosh.index import create_in

    (tmp_path / "ix").mkdir()
    ix = create_in(str(tmp_path / "ix"), fields.schema())

    def broken(item: Any) -> dict[str, Any]:
        raise ValueError("no such field")

    with pytest.raises(IpcsError, match="a worker process failed: ValueError: no such field"):
        segments.write(ix.storage, fields.schema(), ix.indexname, [1, 2, 3, 4], broken, {}, jobs=2)


def test_jobs_need_enough_documents() -> None:
    assert workers.jobs_for(10, segments.PER_JOB) == 1
    assert workers.jobs_for(0, segments.PER_JOB) == 1


TEXT = st.lists(
    st.sampled_from(
        [*list("abcXYZ éü-‐'’‘ \n.,0123"), "Jong-un’s", "Tahir-ul-Qadri’s", "vis-à-vis", "ﬁ", "’s"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_the_shortcut_analysis_equals_the_analyzers(text: str) -> None:
    for name, positions in fields.fast_analysers().items():
        expected: dict[str, list[int]] = {}
        for token in fields.schema()[name].analyzer(text, positions=True, mode="index"):
            expected.setdefault(token.text, []).append(token.pos)
        assert dict(positions(text)) == expected, name
