"""JSON Lines from the bodies as the catalog keeps them: the bytes of the ordinary export.

A body's row keeps each block's kind and text as JSON (:func:`codec.encode_body`);
:func:`jsonl_kept` writes those into the lines as they are. Whatever the text holds
(quotes, backslashes, control characters, the very characters that separate the parts,
text that looks like the keys around it), the lines must be those of :func:`to_jsonl`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from hypothesis import example, given
from hypothesis import strategies as st

from ipcsreader.cite.export import jsonl_kept, to_jsonl
from ipcsreader.model import Author, Block, Record
from ipcsreader.store import codec

# Text with what JSON escapes, what the row's parts are split on, and what the line's
# own shape is made of, likelier than chance would make them.
_PIECES = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(['"', "\\", "\x1f", "\x00", "\n", "\u2028", "’", "😀"]),
    st.sampled_from(['", "', '"paragraphs": [], "blocks": []', '{"kind": ']),
)
_TEXT = st.lists(_PIECES, max_size=6).map("".join)
_KIND = st.sampled_from(["text", "heading", "epigraph", "attribution", "speaker"])
_BLOCKS = st.lists(st.builds(Block, _TEXT, _KIND), max_size=4).map(tuple)
_AUTHORS = st.lists(
    st.builds(Author, _TEXT, st.none() | _TEXT, st.none() | _TEXT, st.none() | _TEXT),
    max_size=2,
).map(tuple)
_RECORDS = st.builds(
    Record,
    number=st.integers(1, 10**6),
    title=st.none() | _TEXT,
    date=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    column=st.none() | _TEXT,
    region=st.none() | _TEXT,
    authors=_AUTHORS,
    teaser=st.none() | _TEXT,
    blocks=_BLOCKS,
    truncated=st.booleans(),
    listing_only=st.booleans(),
    sources=st.lists(_TEXT, max_size=2).map(tuple),
    layouts=st.lists(st.sampled_from(["old", "new"]), max_size=2).map(tuple),
    same_author=st.lists(_TEXT, max_size=2).map(tuple),
)

KEYS_IN_TITLE = Record(
    number=7,
    title='"paragraphs": [], "blocks": []',
    teaser='x", "paragraphs": [], "blocks": [], "',
    blocks=(Block('say", "hi'), Block("a\x1fb\\", "heading")),
)


def _kept(record: Record, headline_truncated: bool) -> tuple[Record, bytes | None]:
    """``record`` as the catalog gives it back: its headline (no blocks; its truncation as
    the page headline said) and its body's row (None when it is known only from listings)."""
    head = replace(record, blocks=(), truncated=headline_truncated)
    body = None if record.listing_only else codec.encode_body(record.blocks, record.truncated)
    return head, body


@given(records=st.lists(_RECORDS, max_size=3), truncations=st.lists(st.booleans(), max_size=3))
@example(records=[KEYS_IN_TITLE], truncations=[True])
@example(records=[Record(number=1, blocks=())], truncations=[False])
@example(records=[Record(number=2, listing_only=True, teaser="only listed")], truncations=[])
def test_jsonl_from_kept_bodies_is_the_export_byte_for_byte(
    records: list[Record], truncations: list[bool]
) -> None:
    rows, expected = [], []
    for record, flag in zip(records, truncations + [False] * len(records), strict=False):
        head, body = _kept(record, flag)
        rows.append((head, body))
        # With a body, the record has it and the body's truncation (the one that counts,
        # as the catalog's full records have it); without, the headline as it is.
        expected.append(head if body is None else record)
    assert "".join(jsonl_kept(rows)) == to_jsonl(expected)


@given(blocks=_BLOCKS, truncated=st.booleans())
@example(blocks=(), truncated=True)
@example(blocks=(Block("a\x1fb"), Block('"\\', "speaker")), truncated=False)
def test_a_body_row_round_trips_and_holds_its_texts_as_json(
    blocks: tuple[Block, ...], truncated: bool
) -> None:
    data = codec.encode_body(blocks, truncated)
    assert codec.decode_body(data) == (blocks, truncated)
    flag, kinds, texts = codec.body_json(data)
    assert flag is truncated
    assert kinds == [json.dumps(b.kind, ensure_ascii=False) for b in blocks]
    assert texts == [json.dumps(b.text, ensure_ascii=False) for b in blocks]


def test_with_body_takes_the_bodys_truncation() -> None:
    head = Record(number=3, title="T", truncated=False)
    data = codec.encode_body((Block("cut"),), True)
    assert codec.with_body(head, data) == replace(head, blocks=(Block("cut"),), truncated=True)
