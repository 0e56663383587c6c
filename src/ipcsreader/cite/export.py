"""Records out to other tools: JSON Lines, CSV or Markdown. Pure formatting plus one
careful write; the command line chooses the records.

Every field of :func:`ipcsreader.model.record_to_dict` is carried. JSON Lines keeps the
nesting; CSV flattens it (lists joined, authors spread over aligned columns); Markdown is
for reading, with page text escaped so that it stays text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Literal, get_args

from ipcsreader.errors import UsageError
from ipcsreader.model import Record, record_to_dict
from ipcsreader.render.safe import clean
from ipcsreader.store.codec import body_json
from ipcsreader.store.fsutil import atomic_write

Format = Literal["jsonl", "csv", "markdown"]
FORMATS: tuple[str, ...] = get_args(Format)

# Names and tags are short and never hold "; "; titles and paragraphs may, so those are
# joined by line breaks, which CSV quotes.
NAME_SEP = "; "
LINE_SEP = "\n"
PARAGRAPH_SEP = "\n\n"

CSV_COLUMNS = (
    "number",
    "url",
    "title",
    "date",
    "column",
    "region",
    "authors",
    "author_honorifics",
    "author_affiliations",
    "author_emails",
    "teaser",
    "text",
    "block_kinds",
    "truncated",
    "listing_only",
    "sources",
    "layouts",
    "same_author",
)


def to_jsonl(records: Iterable[Record]) -> str:
    """One JSON object per line, the shape of ``ipcs read --format json``."""
    return "".join(_jsonl(records))


def _jsonl(records: Iterable[Record]) -> Iterator[str]:
    for r in records:
        yield json.dumps(record_to_dict(r), ensure_ascii=False) + "\n"


# What the headline alone writes where the body goes: the only place these characters can
# stand side by side (in a value, a quote is escaped; no other key ends so).
_NO_BODY = '"paragraphs": [], "blocks": []'


def jsonl_kept(rows: Iterable[tuple[Record, bytes | None]]) -> Iterator[str]:
    """The lines of :func:`to_jsonl`, byte for byte, from headline records and their bodies
    as the catalog keeps them (``Library.bodied``): the texts there are already JSON, so
    they go into each line as they are, neither decoded nor encoded again (twice: as
    paragraphs and as blocks)."""
    for record, body in rows:
        if body is None:
            yield json.dumps(record_to_dict(record), ensure_ascii=False) + "\n"
            continue
        truncated, kinds, texts = body_json(body)
        head = record if record.truncated == truncated else replace(record, truncated=truncated)
        pairs = zip(kinds, texts, strict=True)
        blocks = ", ".join(f'{{"kind": {kind}, "text": {text}}}' for kind, text in pairs)
        full = f'"paragraphs": [{", ".join(texts)}], "blocks": [{blocks}]'
        text = json.dumps(record_to_dict(head), ensure_ascii=False).replace(_NO_BODY, full, 1)
        yield text + "\n"


def csv_row(record: Record) -> dict[str, str]:
    """The record flattened to :data:`CSV_COLUMNS`.

    Author columns are aligned: the n-th name, honorific, affiliation and e-mail belong to
    the same person (an empty slot where the page gives none). ``text`` holds the
    paragraphs, ``block_kinds`` what each of them is, in the same order.
    """

    def joined(values: Iterable[str | None], sep: str = NAME_SEP) -> str:
        return sep.join(clean(v or "") for v in values)

    authors = record.authors
    return {
        "number": str(record.number),
        "url": record.url,
        "title": clean(record.title),
        "date": record.date.isoformat() if record.date else "",
        "column": clean(record.column),
        "region": clean(record.region),
        "authors": joined(a.name for a in authors),
        "author_honorifics": joined(a.honorific for a in authors),
        "author_affiliations": joined(a.affiliation for a in authors),
        "author_emails": joined(a.email for a in authors),
        "teaser": clean(record.teaser),
        "text": joined(record.paragraphs, PARAGRAPH_SEP),
        "block_kinds": joined(b.kind for b in record.blocks),
        "truncated": str(record.truncated).lower(),
        "listing_only": str(record.listing_only).lower(),
        "sources": joined(record.sources),
        "layouts": joined(record.layouts),
        "same_author": joined(record.same_author, LINE_SEP),
    }


def to_csv(records: Iterable[Record]) -> str:
    """A header row, then one row per record (RFC 4180 quoting, CRLF line ends)."""
    return "".join(_csv(records))


def _csv(records: Iterable[Record]) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for record in records:
        writer.writerow(csv_row(record))
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()  # the header alone, when there is no record


# Characters Markdown would read as syntax anywhere in a line, and at a line's start.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)


def md_escape(text: str | None) -> str:
    """Page text made literal for Markdown (and cleaned of terminal controls)."""
    escaped = _MD_INLINE.sub(r"\\\1", clean(text))
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _markdown_record(record: Record) -> str:
    from ipcsreader.cite.styles import MONTHS  # not loaded for the other formats

    lines = [f"## {md_escape(record.title) or f'Article {record.number}'}", ""]
    facts = []
    if record.authors:
        facts.append(", ".join(md_escape(a.name) for a in record.authors))
    if record.column:
        facts.append(f"*{md_escape(record.column)}*")
    if record.date:
        facts.append(f"{record.date.day} {MONTHS[record.date.month - 1]} {record.date.year}")
    facts.append(f"[#{record.number}]({record.url})")
    lines += [" · ".join(facts), ""]
    if record.listing_only:
        lines += ["*Only listed in the corpus: the text is not saved.*", ""]
    if record.teaser and not record.blocks:
        lines += [md_escape(record.teaser), ""]
    for block in record.blocks:
        text = md_escape(block.text)
        if block.kind == "heading":
            lines.append(f"### {text}")
        elif block.kind in ("epigraph", "attribution"):
            lines.append(f"> {text}")
        elif block.kind == "speaker":
            lines.append(f"**{text}**")
        else:
            lines.append(text)
        lines.append("")
    if record.truncated:
        lines += ["*The saved page is cut off here.*", ""]
    return "\n".join(lines)


def to_markdown(records: Iterable[Record]) -> str:
    """A Markdown document: one section per record, separated by rules."""
    return "".join(_markdown(records))


def _markdown(records: Iterable[Record]) -> Iterator[str]:
    yield "# IPCS articles\n\n"
    for i, record in enumerate(records):
        yield ("---\n\n" if i else "") + _markdown_record(record)


def export_text(records: Iterable[Record], fmt: Format) -> str:
    """``records`` in ``fmt``."""
    return "".join(export_parts(records, fmt))


def export_parts(records: Iterable[Record], fmt: Format) -> Iterator[str]:
    """``records`` in ``fmt``, a record at a time (for an export of any length)."""
    if fmt == "jsonl":
        return _jsonl(records)
    if fmt == "csv":
        return _csv(records)
    if fmt == "markdown":
        return _markdown(records)
    raise ValueError(f"unknown export format {fmt!r}")


def check_output(path: Path, *, force: bool = False) -> None:
    """Refuse a folder, what is no plain file (a device, a pipe: the file written would
    take its place), and an existing file unless ``force``."""
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a file name to --output")
    if path.exists() and not path.is_file():
        raise UsageError(f"{path} is not a plain file (a device or a pipe); give a file name")
    if path.exists() and not force:
        raise UsageError(f"{path} already exists; add --force to overwrite it")


def write_export(text: str, path: Path, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` atomically; an existing file only with ``force``."""
    check_output(path, force=force)
    # A link is written through: the file it names is replaced, the link stays.
    atomic_write(path.resolve() if path.is_symlink() else path, text)
