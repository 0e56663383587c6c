"""One article set as a page: header, body, and what to read next (text and markdown)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from ipcsreader import wordforms
from ipcsreader.archive.known import KnownTitle
from ipcsreader.archive.search import INITIALS_PATTERN
from ipcsreader.model import AlsoRead, Block, Hit, Record, article_url, marked_words
from ipcsreader.render.parts import (
    DIM,
    NUMBER_STYLE,
    author_text,
    dated_rows,
    long_date,
    pairing,
    short_date,
    title_rows,
)
from ipcsreader.render.rows import Rows
from ipcsreader.render.safe import clean, safe
from ipcsreader.text import NUMBER_PATTERN, fold, number_forms

MEASURE = 88  # the widest line that still reads comfortably
HIGHLIGHT_STYLE = "bold black on yellow"


def highlight_pattern(
    words: str | Sequence[str] | None, also: Sequence[str] = ()
) -> re.Pattern[str] | None:
    """A pattern for what marks each word in a page (:func:`_marks`), and for each of
    ``also`` (what a search also read the words as: "left wing extremism", "LWE") as a
    whole, its words apart by spaces or punctuation ("Left-wing Extremism"); or None."""
    parts = (
        words.split() if isinstance(words, str) else [w for ws in words or () for w in ws.split()]
    )
    parts = [p.strip("\"'") for p in parts if p.strip("\"'")]
    named = [_reading(other) for other in also]
    if not parts and not named:
        return None
    marks = dict.fromkeys(mark for part in parts for mark in _marks(part))
    typed = sorted(marks, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(named + typed)})", re.IGNORECASE)


# Initials with dots: "U.S.", "T.C.A.".
_DOTTED = re.compile(INITIALS_PATTERN)
# A figure, as a search reads it either way (store/rewrites.grouped_numbers).
_NUMBER = re.compile(NUMBER_PATTERN)
# Quotes and punctuation around a typed word, and a possessive: not part of the word.
_AROUND = re.compile(r"^[\"'“”‘’(\[]+|(?:['’]s)?[\"'“”‘’,;:!?)\]]*$")


def _marks(part: str) -> list[str]:
    """What marks one typed word in a page, as a search reads it:
    - its start, or its stem's ("sanction" and "sanctions" mark "sanctioned"), a
      hyphen or apostrophe allowed between its letters ("Ryonghae" marks "Ryong-hae");
    - an acronym whole, as typed or in capitals ("MoU", "MOU" and "MoUs", not "mountain";
      "US", not "usual" or "us"), and initials with dots without them too ("U.S.", "US");
    - an irregular form whole, with its base word and that word's regular forms ("fled"
      marks "flee", "flees", "fleeing", not "fleet");
    - a word ending in "y" its forms with "i" ("enemy" marks "enemies", "policy"
      "policies", as the stem "enemi" finds them; not "armistice" for "army");
    - the irregular forms of the word ("meet" marks "met");
    - a number of four digits or more printed either way ("10493" marks "10,493")."""
    word = _AROUND.sub("", part) or part
    if _NUMBER.fullmatch(word):
        return [re.escape(form) + r"\b" for form in number_forms(word)]
    if _DOTTED.fullmatch(word):  # as typed, and as pages mostly write it
        return [re.escape(word), _whole(word.replace(".", "").upper())]
    if _acronym(word):
        return [_whole(word[:-1] if word.endswith("s") and word[:-1].isupper() else word)]
    folded = fold(word)
    base, forms = wordforms.readings(folded, written=word)
    # A word typed past its stem marks from the stem, as the search matches it: "meets"
    # marks "meet" and "meeting", "sanctions" "sanctioned". (Not a stem of under four
    # letters, nor one of accented letters, which the page may write otherwise.)
    stem = wordforms.stemmer()(folded)
    if not base and word.isascii() and len(stem) >= 4 and stem != folded:
        word = stem if folded.startswith(stem) else word
    marks = [_joinable(word) + (r"\b" if base else r"\w*")]
    if not base and folded.endswith("y") and stem == folded[:-1] + "i":
        marks.append(re.escape(folded[:-1]) + r"i(?:es|ed|er|ers|est)\b")
    marks += [re.escape(form) + r"\b" for form in wordforms.regular_forms(base) if base]
    return marks + [re.escape(form) + r"\b" for form in forms]


def _joinable(word: str) -> str:
    """``word``, and where typed as letters alone, also printed with a hyphen or an
    apostrophe between two of them: the search finds "Ryong-hae" by "Ryonghae" (the
    index keeps such a word joined too)."""
    if not word.isalpha():
        return re.escape(word)
    return "[-‐‑'’]?".join(map(re.escape, word))


def _whole(letters: str) -> str:
    """An acronym's letters, whole and case-sensitively, as typed or in capitals, a plural
    "s" allowed."""
    spellings = sorted({re.escape(letters), re.escape(letters.upper())})
    return rf"(?-i:{'|'.join(spellings)})s?\b"


def _acronym(word: str) -> bool:
    """Whether ``word`` is typed as an acronym or a name that a word merely starting like
    it is not: a capital after its first letter and a small letter ("MoU", "McMahon"), or
    two or three letters all capitals ("US", "PLA"; "NGOs" too). A longer word in capitals
    may be shouted: "RUSSIA" still marks "Russian"."""
    if any(c.isupper() for c in word[1:]) and any(c.islower() for c in word[:-1]):
        return True
    letters = word[:-1] if word.endswith("s") else word
    return 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()


def _reading(other: str) -> str:
    """A pattern for one reading of a search's words, whole (not the start of a longer
    word; a plural "s" allowed): "left wing extremism" as pages write it, "Left-wing
    Extremism"; "LWE" and "LWEs" but not "LWEx"."""
    return r"\W+".join(re.escape(w) for w in other.split()) + r"s?\b"


def marked(text: str, pattern: re.Pattern[str] | None, *, plain: bool, style: str = "") -> Text:
    """Page text as Text with matches styled, or wrapped in ``*`` when colour is off."""
    out = Text(style=style)
    cleaned = clean(text)
    if pattern is None:
        out.append(cleaned)
        return out
    pos = 0
    for m in pattern.finditer(cleaned):
        out.append(cleaned[pos : m.start()])
        out.append(f"*{m.group()}*" if plain else m.group(), HIGHLIGHT_STYLE)
        pos = m.end()
    out.append(cleaned[pos:])
    return out


def render_article(
    record: Record,
    *,
    width: int = MEASURE,
    highlight: re.Pattern[str] | None = None,
    plain: bool = False,
    more_by: Sequence[KnownTitle] = (),
    related: Sequence[Hit] = (),
    note: str | None = None,
    also: AlsoRead | None = None,
) -> RenderableType:
    """The record as a reader wants it, no wider than ``width`` columns.

    ``plain`` marks highlighted words with ``*`` for a terminal without styles; the
    reader's ``note`` stands under the header. ``also``: what the search read the words
    as besides (the other forms ``highlight`` marks too), said under the header as the
    search says it.
    """
    parts: list[RenderableType] = [_header(record, width), Text("")]
    also = also or AlsoRead()
    # Said only of a reading this article has: what was marked, not what was looked for.
    paired = [(typed, other) for typed, other in also.paired if _has(record, other)]
    respelt = [
        (typed, other)
        for typed, reading in also.respelt
        if (other := marked_words(reading)) and _has(record, other)
    ]
    said = [
        (typed, had)
        for typed, others in also.said
        if (had := ", ".join(o for o in others.split(", ") if _has(record, o)))
    ]
    parts.extend(
        safe(f'{typed} also marked as "{other}", {pairing(typed, also.by_initials)}.', DIM)
        for typed, other in paired
    )
    parts.extend(
        safe(f'{typed} marked as "{other}": no page says "{typed}".', DIM)
        for typed, other in respelt
    )
    parts.extend(
        safe(f"{typed} also marked as {others}, which the search looked for too.", DIM)
        for typed, others in said
    )
    if paired or respelt or said:
        parts.append(Text(""))
    if note is not None:
        parts.extend([_note(note), Text("")])
    if record.listing_only:
        parts.extend(_listing_only(record))
    else:
        parts.extend(_body(record.blocks, highlight, plain))
        if record.truncated:
            parts.append(Text("[The saved page ends here; the rest was cut off.]", "italic dim"))
    if more_by:
        names = " and ".join(a.name for a in record.authors) or "the same author"
        parts.extend([Text(""), Rule(style=DIM), _section(f"More by {names}")])
        parts.append(title_rows(more_by, show_column=True))
    if related:
        parts.extend([Text(""), _section("Related"), _hits(related)])
    return Constrain(Group(*parts), width)


def _has(record: Record, other: str) -> bool:
    found = re.compile(rf"\b{_reading(other)}", re.IGNORECASE)
    return any(found.search(clean(block.text)) for block in record.blocks)


def _note(note: str) -> RenderableType:
    """The reader's note, set off from the article's own text by a bar in the margin."""
    lines = [Text("Your note", "bold")]
    lines.extend(safe(line, "italic") for line in note.rstrip().split("\n"))
    return Padding(Group(*lines), (0, 0, 0, 2), style="")


def _section(title: str) -> Text:
    return Text(title, "bold underline")


def _header(record: Record, width: int) -> Group:
    lines: list[RenderableType] = [safe(record.title or f"Article #{record.number}", "bold")]
    if record.column:
        lines.append(safe(record.column, "italic"))
    lines.extend(author_text(a) for a in record.authors)
    facts = Text(style=DIM)
    for i, part in enumerate(
        p for p in (long_date(record.date), clean(record.region), f"#{record.number}") if p
    ):
        facts.append(" · " if i else "")
        facts.append(part, NUMBER_STYLE if part.startswith("#") else DIM)
    lines.append(facts)
    lines.append(Text("\n".join(_url_lines(record.url, width)), "underline blue"))
    return Group(*lines)


# Where an address too long for a line may break: after a slash, before "?", "&" or "#".
_URL_BREAK = re.compile(r"(?<=/)(?!/)|(?=[?&#])")


def _url_lines(url: str, width: int) -> list[str]:
    """``url`` in lines of at most ``width`` where it can break between its parts
    ("https://www.ipcs.org/comm_select.php" / "?articleNo=4842"), not mid-word; a
    part longer than a line is left to fold."""
    lines = [""]
    for part in _URL_BREAK.split(url):
        if lines[-1] and len(lines[-1]) + len(part) > width:
            lines.append("")
        lines[-1] += part
    return lines


def _body(blocks: Sequence[Block], pattern: re.Pattern[str] | None, plain: bool) -> list:
    out: list[RenderableType] = []
    for i, block in enumerate(blocks):
        # A blank line between blocks, but an attribution sits right under its quotation.
        if i and not (block.kind == "attribution" and blocks[i - 1].kind == "epigraph"):
            out.append(Text(""))
        if block.kind == "heading":
            out.append(marked(block.text, pattern, plain=plain, style="bold"))
        elif block.kind == "epigraph":
            out.append(Padding(marked(block.text, pattern, plain=plain, style="italic"), (0, 4)))
        elif block.kind == "attribution":
            line = marked(block.text, pattern, plain=plain, style=DIM)
            out.append(Padding(Text("— ", DIM) + line, (0, 4, 0, 8)))
        elif block.kind == "speaker":
            out.append(marked(block.text, pattern, plain=plain, style="bold italic"))
        else:
            out.append(marked(block.text, pattern, plain=plain))
    return out


def _listing_only(record: Record) -> list[RenderableType]:
    out: list[RenderableType] = []
    if record.teaser:
        out.extend([safe(record.teaser, "italic"), Text("")])
    out.append(
        Text.assemble(
            ("The text of this article is not in the corpus; only listings name it. ", DIM),
            ("Get it with: ", DIM),
            (f"ipcs fetch {record.number}", "bold"),
        )
    )
    return out


def _hits(hits: Sequence[Hit]) -> Rows:
    rows = []
    for h in hits:
        line = safe(h.title or "(untitled)")
        if h.authors:
            line.append(" — ", DIM)
            line.append_text(safe(", ".join(a.name for a in h.authors), DIM))
        rows.append((h.number, h.date, line))
    return dated_rows(rows)


# Markdown: one line per paragraph (markdown viewers wrap), page text escaped.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str | None) -> str:
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def article_markdown(
    record: Record,
    *,
    more_by: Sequence[KnownTitle] = (),
    related: Sequence[Hit] = (),
    note: str | None = None,
) -> str:
    """The record as Markdown; the reader's note, if any, as a quotation under the header."""
    lines = [f"# {md_escape(record.title or f'Article #{record.number}')}", ""]
    if record.column:
        lines += [f"*{md_escape(record.column)}*", ""]
    for a in record.authors:
        name = f"{a.honorific} {a.name}" if a.honorific else a.name
        aff = f", {md_escape(a.affiliation)}" if a.affiliation else ""
        lines += [f"**{md_escape(name)}**{aff}  "]
    facts = [long_date(record.date), md_escape(record.region), f"[#{record.number}]({record.url})"]
    lines += [" · ".join(f for f in facts if f), ""]
    if note and note.strip():
        lines += ["> **Your note**", ">"]
        lines += [f"> {md_escape(line)}".rstrip() for line in note.rstrip().split("\n")]
        lines += [""]
    if record.listing_only:
        if record.teaser:
            lines += [f"*{md_escape(record.teaser)}*", ""]
        lines += [
            "The text of this article is not in the corpus; only listings name it. "
            f"Get it with: `ipcs fetch {record.number}`",
            "",
        ]
    blocks = record.blocks
    for i, block in enumerate(blocks):
        text = md_escape(block.text)
        if block.kind == "heading":
            lines += [f"## {text}", ""]
        elif block.kind == "epigraph":
            # Keep an attribution inside the quotation's block.
            follows = i + 1 < len(blocks) and blocks[i + 1].kind == "attribution"
            lines += [f"> *{text}*", ">" if follows else ""]
        elif block.kind == "attribution":
            lines += [f"> — {text}", ""]
        elif block.kind == "speaker":
            lines += [f"**{text}**", ""]
        else:
            lines += [text, ""]
    if record.truncated and not record.listing_only:
        lines += ["*\\[The saved page ends here; the rest was cut off.\\]*", ""]
    if more_by:
        names = " and ".join(md_escape(a.name) for a in record.authors) or "the same author"
        lines += ["---", "", f"## More by {names}", ""]
        lines += [_md_title(t.number, t.date, t.title) for t in more_by] + [""]
    if related:
        lines += ["## Related", ""]
        lines += [_md_title(h.number, h.date, h.title or "(untitled)") for h in related] + [""]
    return "\n".join(lines).rstrip() + "\n"


def _md_title(number: int | None, date: dt.date | None, title: str) -> str:
    when = f" ({short_date(date)})" if date else ""
    if number is None:
        return f"- {md_escape(title)}{when}"
    return f"- [#{number}]({article_url(number)}) {md_escape(title)}{when}"
