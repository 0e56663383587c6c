"""Whoosh segments written directly, for full builds of the index, on every core.

Whoosh's own writer sends each word through a chain of token objects, pools every posting
and sorts the pool at commit: about 20 ms an article. A full build needs none of that. Here
each field is analysed with the index's own word filter (its cache of analysed words
included) straight into each term's postings, which are encoded block by block as they
fill, in Whoosh's format (``whoosh.codec.whoosh3``); stored fields, columns and lengths go
through the codec's own per-document writer. The segment is the one Whoosh would write for
the same documents (``tests/test_segments.py`` builds both and compares every posting).

Each worker process (:mod:`ipcsreader.store.workers`) writes one segment from its share of the
documents; the caller commits them together. Only :mod:`ipcsreader.store.index` imports this
module, when it writes a whole index.
"""

from __future__ import annotations

import operator
import zlib
from collections.abc import Callable, Sequence
from pickle import dumps
from typing import Any

from whoosh.system import pack_int, pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte

from ipcsreader.store.workers import REPORT_EVERY, Report, map_shares

# Postings per block (Whoosh's W3 codec's default), and the zlib level of blocks (its
# default is 3: level 1 compresses about twice as fast, a few per cent larger).
_BLOCK = 128
_COMPRESSION = 1
# Encoded blocks shorter than this many bytes are not compressed.
_COMPRESS_FROM = 512
_MAGIC = b"W3Bl"
# Below this many documents a share is not worth a process of its own.
PER_JOB = 500
# A segment's postings wait in its process's memory until it is written: at most this
# many documents a segment (a process writes one at a time), so that memory stays bounded
# however large the corpus.
MOST_PER_SEGMENT = 10_000

# Each term of a text with its positions in it.
Analyse = Callable[[str], dict[str, list[int]]]
# One posting: document number, weight, encoded value, the field's length in the document.
_Posting = tuple[int, float, bytes, int]


def write(
    storage: Any,
    schema: Any,
    indexname: str,
    documents: Sequence[Any],
    to_fields: Callable[[Any], dict[str, Any]],
    analysers: dict[str, Analyse],
    jobs: int,
    progress: Report | None = None,
) -> list[Any]:
    """Segments holding ``documents`` (made into field values by ``to_fields``), in order.

    ``analysers`` give, for the text fields they name, each term's positions; other fields
    are indexed by Whoosh. Each of ``jobs`` processes writes the segment of one
    consecutive share; ``progress`` hears how many documents are done.
    """
    from whoosh.codec import default_codec

    def write_share(share: Sequence[Any], report: Report) -> list[Any]:
        codec = default_codec()
        segment = codec.new_segment(storage, indexname)
        builder = _Builder(schema, analysers, codec.per_document_writer(storage, segment))
        for done, document in enumerate(share, 1):
            builder.add(to_fields(document))
            if done % REPORT_EVERY == 0:
                report(done)
        builder.perdoc.close()
        segment.set_doc_count(builder.count)
        _write_postings(storage, segment, builder.fields)
        segment.create_compound_file(storage)
        segment.compound = True
        report(len(share))
        return [segment]

    try:
        return map_shares(write_share, documents, jobs, progress, most=MOST_PER_SEGMENT)
    finally:
        # The codec's writers keep their columns in this folder until the segment is done.
        storage.temp_storage(f"{indexname}.tmp").destroy()


class _Encoded:
    """A term's blocks encoded so far, and what its term info will say of them."""

    __slots__ = ("blocks", "stats")

    def __init__(self) -> None:
        self.blocks = bytearray(_MAGIC)
        # total weight, documents, shortest and longest length, top weight, first, last id
        self.stats: tuple[Any, ...] = (0.0, 0, None, 0, 0.0, None, 0)

    def add(self, postings: Sequence[_Posting], fixed_size: int | None, *, last: bool) -> None:
        block, (weight, count, shortest, longest, top, _, last_id) = _block(
            postings, fixed_size, last=last
        )
        self.blocks += block
        old = self.stats
        lengths = [n for n in (old[2], shortest) if n is not None]
        self.stats = (
            old[0] + weight,
            old[1] + count,
            min(lengths) if lengths else None,
            max(old[3], longest),
            max(old[4], top),
            postings[0][0] if old[5] is None else old[5],
            last_id,
        )


def _block(
    postings: Sequence[_Posting], fixed_size: int | None, *, last: bool
) -> tuple[bytes, tuple[Any, ...]]:
    """One block of postings encoded as Whoosh's W3 codec does, and its statistics."""
    if len(postings) == 1:
        return _one_posting_block(postings[0], fixed_size, last=last)
    ids, weights, values, lengths = zip(*postings, strict=True)
    # A field's lengths are all 0 (not scored) or all positive (the term is in it).
    shortest, longest = (min(lengths), max(lengths)) if lengths[0] else (None, 0)
    top = max(weights)
    first = weights[0]
    if len(weights) > 1 and weights.count(first) != len(weights):
        mini_weights: Any = weights
    else:
        mini_weights = None if first == 1.0 else first
    if fixed_size is None or fixed_size < 0:
        mini_values: Any = values
    elif fixed_size == 0:
        mini_values = None
    else:
        mini_values = b"".join(values)
    gaps = (ids[0], *map(operator.sub, ids[1:], ids)) if len(ids) > 1 else ids
    data = dumps((gaps, mini_weights, mini_values), 2)
    # Small blocks are left plain (each block says whether it is compressed): zlib
    # saves them little and costs a call when writing and another when searching.
    compression = _COMPRESSION if len(data) >= _COMPRESS_FROM else 0
    if compression:
        data = zlib.compress(data, compression)
    info = dumps(
        (
            len(ids),
            ids[-1],
            top,
            compression,
            length_to_byte(shortest),
            length_to_byte(longest),
        ),
        2,
    )
    size = len(info) + len(data)
    block = pack_int(-size if last else size) + info + data
    return block, (sum(weights), len(ids), shortest, longest, top, ids[0], ids[-1])


def _one_posting_block(
    posting: _Posting, fixed_size: int | None, *, last: bool
) -> tuple[bytes, tuple[Any, ...]]:
    """:func:`_block` for a term found in one document, the commonest case, made short."""
    docnum, weight, value, length = posting
    if fixed_size is None or fixed_size < 0:
        mini_value: Any = (value,)
    else:
        mini_value = value if fixed_size else None
    data = dumps(((docnum,), None if weight == 1.0 else weight, mini_value), 2)
    lengthbyte = length_to_byte(length) if length else 0
    info = dumps((1, docnum, weight, 0, lengthbyte, lengthbyte), 2)
    size = len(info) + len(data)
    block = pack_int(-size if last else size) + info + data
    return block, (weight, 1, length or None, length, weight, docnum, docnum)


class _Field:
    """One field's postings: each term's unwritten block, and its encoded blocks."""

    __slots__ = ("encoded", "fixed_size", "pending")

    def __init__(self, fixed_size: int | None) -> None:
        self.pending: dict[str | bytes, list[_Posting]] = {}
        self.encoded: dict[str | bytes, _Encoded] = {}
        self.fixed_size = fixed_size

    def post(self, term: str | bytes, posting: _Posting) -> None:
        postings = self.pending.get(term)
        if postings is None:
            self.pending[term] = [posting]
        else:
            postings.append(posting)
            if len(postings) > _BLOCK:
                self.add(term, postings)

    def add(self, term: str | bytes, postings: list[_Posting]) -> None:
        """Encode a term's full block (all but its newest posting)."""
        encoded = self.encoded.get(term)
        if encoded is None:
            encoded = self.encoded[term] = _Encoded()
        encoded.add(postings[:_BLOCK], self.fixed_size, last=False)
        del postings[:_BLOCK]

    def finish(self, term: str | bytes) -> tuple[bytes | bytearray, tuple[Any, ...]]:
        """A term's encoded postings, all blocks written, and their statistics."""
        postings = self.pending.pop(term)
        encoded = self.encoded.pop(term, None)
        if encoded is None:  # most terms: one block
            block, stats = _block(postings, self.fixed_size, last=True)
            return _MAGIC + block, stats
        encoded.add(postings, self.fixed_size, last=True)
        return encoded.blocks, encoded.stats


class _Builder:
    """Adds documents: their postings to :attr:`fields`, the rest to the per-document writer."""

    def __init__(self, schema: Any, analysers: dict[str, Analyse], perdoc: Any) -> None:
        self.schema = schema
        self.analysers = analysers
        self.perdoc = perdoc
        self.fields: dict[str, _Field] = {}
        self.count = 0

    def add(self, values: dict[str, Any]) -> None:
        docnum = self.count
        perdoc = self.perdoc
        perdoc.start_doc(docnum)
        for name in sorted(values):
            value = values[name]
            if value is None:
                continue
            field = self.schema[name]
            length = 0
            if field.indexed:
                target = self.fields.get(name)
                if target is None:
                    target = self.fields[name] = _Field(field.format.fixed_value_size())
                length = self._post(docnum, name, field, value, target)
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        self.count += 1

    def _post(self, docnum: int, name: str, field: Any, value: Any, target: _Field) -> int:
        """Add the postings of one field of one document; its length (0 if not scored)."""
        analyse = self.analysers.get(name)
        if analyse is None:
            indexed = list(field.index(value))
            length = sum(freq for _, freq, _, _ in indexed) if field.scorable else 0
            for term, _, weight, encoded in indexed:
                target.post(term, (docnum, weight, encoded, length))
            return length
        positions = analyse(value)
        length = sum(map(len, positions.values())) if field.scorable else 0
        boost = field.format.field_boost
        if field.format.fixed_value_size() is not None:  # frequencies, no positions
            for term, at in positions.items():
                encoded = _ONCE if len(at) == 1 else pack_uint(len(at))
                target.post(term, (docnum, len(at) * boost, encoded, length))
            return length
        # The loop below runs once per term of every document: it is kept to the bone.
        pending = target.pending
        single = _SINGLE_POSITION
        for term, at in positions.items():
            if len(at) > 1:
                posting = (docnum, len(at) * boost, _encode_positions(at), length)
            else:
                encoded = single.get(at[0]) or _encode_positions(at)
                posting = (docnum, boost, encoded, length)
            try:
                postings = pending[term]
            except KeyError:
                pending[term] = [posting]
                continue
            postings.append(posting)
            if len(postings) > _BLOCK:
                target.add(term, postings)
        return length


# How Whoosh's formats encode a frequency of one, and each position found once (most
# terms of a document are found once).
_ONCE = pack_uint(1)
_SINGLE_POSITION: dict[int, bytes] = {}


def _encode_positions(positions: list[int]) -> bytes:
    gaps = [positions[0], *map(operator.sub, positions[1:], positions)]
    encoded = pack_uint(len(gaps)) + dumps(gaps, 2)
    if len(positions) == 1:
        _SINGLE_POSITION[positions[0]] = encoded
    return encoded


def _write_postings(storage: Any, segment: Any, fields: dict[str, _Field]) -> None:
    """The term table and postings file, terms in the order Whoosh's readers expect."""
    from whoosh.codec.whoosh3 import W3Codec, W3TermInfo
    from whoosh.filedb.filetables import OrderedHashWriter

    table = OrderedHashWriter(segment.create_file(storage, W3Codec.TERMS_EXT))
    fieldmap: dict[str, int] = {}
    table.extras["fieldmap"] = fieldmap
    postfile = segment.create_file(storage, W3Codec.POSTS_EXT)
    for name in sorted(fields):
        field = fields[name]
        fieldid = fieldmap[name] = len(fieldmap)
        prefix = pack_ushort(fieldid)
        for term in sorted(field.pending):
            blocks, stats = field.finish(term)  # the memory goes back as writing goes on
            info = W3TermInfo(*stats)
            info.set_extent(postfile.tell(), len(blocks))
            postfile.write(blocks)
            key = term if isinstance(term, bytes) else term.encode("utf-8")
            table.add(prefix + key, info.to_bytes())
    table.close()
    postfile.close()
