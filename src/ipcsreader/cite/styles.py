"""References to IPCS articles in five styles, from a merged :class:`~ipcsreader.model.Record`.

Pure: no I/O. What each style gives, shown for article 4842::

    apa      Mishra, S. K. (2015, March 2). Russia and North Korea: Replaying old games
             (Article No. 4842). *East Asia Compass*. Institute of Peace and Conflict
             Studies. https://www.ipcs.org/comm_select.php?articleNo=4842
    chicago  Mishra, Sandip Kumar. “Russia and North Korea: Replaying Old Games.” *East Asia
             Compass*, no. 4842. Institute of Peace and Conflict Studies, March 2, 2015.
             https://www.ipcs.org/comm_select.php?articleNo=4842.
    mla      Mishra, Sandip Kumar. “Russia and North Korea: Replaying Old Games.” *East Asia
             Compass*, no. 4842, Institute of Peace and Conflict Studies, 2 Mar. 2015,
             www.ipcs.org/comm_select.php?articleNo=4842.

(*…* marks the italic spans a :class:`Citation` carries; the text itself has no markers.)

Choices, after the manuals:

- A column is cited like a blog inside the institute's site (APA 7 §10.1 ex. 17; CMOS 17
  §14.208; MLA 9 container): its name in italics as the series, the institute as publisher;
  the site-wide article number as "Article No." (APA, like a report number) or "no." (the
  number element of Chicago and MLA).
- APA titles are in sentence case: see :func:`sentence_case`. Chicago and MLA titles in
  headline case: see :func:`headline_case`.
- Access dates: APA 7 wants none for dated, archived pages; CMOS 17 §14.12 and MLA 9 want
  one only when the page gives no date. BibTeX (``urldate``) and RIS (``Y2``) are data for
  reference managers and always carry it. ``today`` is injectable for tests.
- BibTeX is the classic ``@misc`` (every BibTeX style knows it) with the ``url``,
  ``urldate`` and ``date`` fields biblatex reads; words the body shows to be proper nouns
  are braced so that styles which lowercase titles keep them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from ipcsreader.cite.titlecase import (
    LETTERS,
    MINOR,
    MLA_MINOR,
    headline_case,
    proper_words,
    sentence_case,
)
from ipcsreader.model import MONTHS, Author, Record

Style = Literal["bibtex", "ris", "apa", "chicago", "mla"]
STYLES: tuple[str, ...] = get_args(Style)

PUBLISHER = "Institute of Peace and Conflict Studies"
PUBLISHER_PLACE = "New Delhi"

# MLA 9 abbreviates months longer than four letters.
MLA_MONTHS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


@dataclass(frozen=True)
class Citation:
    """One reference: plain ``text`` and the (start, end) spans the style sets in italics."""

    number: int
    style: str
    text: str
    italic: tuple[tuple[int, int], ...] = ()


class _Builder:
    """Concatenates text pieces, remembering which of them are italic."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.italic: list[tuple[int, int]] = []
        self.length = 0

    def add(self, text: str, *, italic: bool = False) -> _Builder:
        if italic and text:
            self.italic.append((self.length, self.length + len(text)))
        self.parts.append(text)
        self.length += len(text)
        return self

    def citation(self, record: Record, style: str) -> Citation:
        return Citation(record.number, style, "".join(self.parts), tuple(self.italic))


def _inner_quotes(title: str) -> str:
    """Double quotes inside a title that will itself be quoted become single quotes; a
    straight one opens at the start or after a space or bracket, and closes elsewhere."""
    out = []
    for i, ch in enumerate(title):
        if ch == "“" or (ch == '"' and (i == 0 or title[i - 1] in " ([")):
            ch = "‘"
        elif ch in '”"':
            ch = "’"
        out.append(ch)
    return "".join(out)


# --- names -------------------------------------------------------------------------------

# Lowercase particles that belong to the family name ("de Silva", "van der Berg").
_PARTICLES = frozenset(
    [
        "al",
        "bin",
        "da",
        "de",
        "del",
        "della",
        "der",
        "di",
        "du",
        "el",
        "ibn",
        "la",
        "le",
        "van",
        "von",
    ]
)


def split_name(name: str) -> tuple[str, str]:
    """(given names, family name) of an author's name as printed, honorific already gone.

    The family name is the last word, with any lowercase particles before it. IPCS prints
    South Asian names given-names-first, so this holds for nearly all of them.
    """
    words = name.split()
    if len(words) <= 1:
        return "", name.strip()
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def initials(given: str) -> str:
    """APA initials: "Sandip Kumar" → "S. K."; "PR" (initials run together) → "P. R.";
    "Jong-un" → "J.-u."."""
    out: list[str] = []
    for word in given.split():
        letters = word.rstrip(".")
        if letters.isupper() and letters.isalpha() and len(letters) <= 3:
            out.extend(f"{c}." for c in letters)
        else:
            # A part's first letter, not a bracket or quote printed before it.
            firsts = [next((c for c in p if c.isalnum()), "") for p in letters.split("-")]
            if any(firsts):
                out.append("-".join(f"{c}." for c in firsts if c))
    return " ".join(out)


def _inverted(author: Author) -> str:
    given, family = split_name(author.name)
    return f"{family}, {given}" if given else family


def _apa_name(author: Author) -> str:
    given, family = split_name(author.name)
    return f"{family}, {initials(given)}" if given else family


def _apa_authors(authors: Sequence[Author]) -> str:
    names = [_apa_name(a) for a in authors]
    if len(names) > 20:
        # APA 7 §9.8: the first nineteen, an ellipsis, the last.
        return ", ".join(names[:19]) + ", . . . " + names[-1]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _chicago_authors(authors: Sequence[Author]) -> str:
    # CMOS 17 §14.76: up to ten listed; more than ten, the first seven and "et al."
    if len(authors) > 10:
        return ", ".join([_inverted(authors[0]), *(a.name for a in authors[1:7])]) + ", et al."
    first = _inverted(authors[0])
    if len(authors) == 1:
        return first
    rest = [a.name for a in authors[1:]]
    return ", ".join([first, *rest[:-1]]) + ", and " + rest[-1]


def _mla_authors(authors: Sequence[Author]) -> str:
    # MLA 9: one, two ("and"), or three and more ("et al.").
    first = _inverted(authors[0])
    if len(authors) == 1:
        return first
    if len(authors) == 2:
        return f"{first}, and {authors[1].name}"
    return f"{first}, et al."


def _end(text: str, mark: str = ".") -> str:
    """``text`` followed by ``mark`` unless it already ends in a stop of its own; inside a
    closing single quote, as American usage (Chicago, MLA) has it: ‘Act East.’"""
    core = text.rstrip("’'")
    if core.endswith((".", "?", "!")):
        return text
    return core + mark + text[len(core) :]


# --- the styles -------------------------------------------------------------------------


def _evidence(record: Record) -> list[str]:
    return [*record.paragraphs, *([record.teaser] if record.teaser else [])]


def _title(record: Record) -> str:
    return record.title or f"Article {record.number}"


def _apa(record: Record, today: dt.date) -> Citation:
    b = _Builder()
    title = sentence_case(_title(record), _evidence(record))
    d = record.date
    date = f"({d.year}, {MONTHS[d.month - 1]} {d.day})." if d else "(n.d.)."
    titled = f"{title} (Article No. {record.number})."
    if record.authors:
        b.add(_end(_apa_authors(record.authors)) + f" {date} {titled}")
    else:
        # APA 7 §9.12: with no author the title moves to the author's place.
        b.add(f"{titled} {date}")
    if record.column:
        b.add(" ").add(record.column, italic=True).add(".")
    b.add(f" {PUBLISHER}. {record.url}")
    return b.citation(record, "apa")


def _chicago(record: Record, today: dt.date) -> Citation:
    b = _Builder()
    title = _inner_quotes(headline_case(_title(record)))
    if record.authors:
        b.add(_end(_chicago_authors(record.authors)) + " ")
    b.add(f"“{_end(title)}”")
    if record.column:
        b.add(" ").add(record.column, italic=True).add(f", no. {record.number}.")
    else:
        b.add(f" No. {record.number}.")
    d = record.date
    if d:
        b.add(f" {PUBLISHER}, {MONTHS[d.month - 1]} {d.day}, {d.year}.")
    else:
        b.add(f" {PUBLISHER}. Accessed {MONTHS[today.month - 1]} {today.day}, {today.year}.")
    b.add(f" {record.url}.")
    return b.citation(record, "chicago")


def _mla(record: Record, today: dt.date) -> Citation:
    b = _Builder()
    title = _inner_quotes(headline_case(_title(record), MLA_MINOR))
    if record.authors:
        b.add(_end(_mla_authors(record.authors)) + " ")
    b.add(f"“{_end(title)}”")
    if record.column:
        b.add(" ").add(record.column, italic=True).add(f", no. {record.number}, {PUBLISHER}")
    else:
        b.add(f" No. {record.number}, {PUBLISHER}")
    d = record.date
    if d:
        b.add(f", {d.day} {MLA_MONTHS[d.month - 1]} {d.year}")
    # MLA 9 recommends URLs without the scheme.
    b.add(", " + record.url.split("://", 1)[1] + ".")
    if not d:
        b.add(f" Accessed {today.day} {MLA_MONTHS[today.month - 1]} {today.year}.")
    return b.citation(record, "mla")


# LaTeX's special characters in text, each as a command that prints it. A brace is
# written as a command with balanced braces: BibTeX counts "\{" as a brace of its own,
# and a title with one brace unclosed would end its entry.
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    **{c: "\\" + c for c in "&%$#_"},
}
_BIBTEX_SPECIALS = re.compile("|".join(map(re.escape, _BIBTEX_SPECIAL)))


def _bibtex_escape(text: str) -> str:
    return _BIBTEX_SPECIALS.sub(lambda m: _BIBTEX_SPECIAL[m[0]], text)


def _bibtex_title(record: Record) -> str:
    """The headline-case title with proper nouns and acronyms braced, so that styles which
    lowercase titles keep them: ``{Russia} and {North Korea}``. With no article text to
    tell proper nouns by, the whole title is braced and printed as it is."""
    title = headline_case(_title(record))
    evidence = _evidence(record)
    if not any(evidence):
        return "{" + _bibtex_escape(title) + "}"
    keep = proper_words(title, evidence)
    words = [m for m in LETTERS.finditer(title)]
    out = []
    cursor = 0
    i = 0
    while i < len(words):
        if words[i].start() not in keep:
            i += 1
            continue
        j = i
        # One pair of braces over proper nouns joined by a space or hyphen ("North Korea").
        while (
            j + 1 < len(words)
            and words[j + 1].start() in keep
            and title[words[j].end() : words[j + 1].start()] in (" ", "-")
        ):
            j += 1
        out.append(_bibtex_escape(title[cursor : words[i].start()]))
        out.append("{" + _bibtex_escape(title[words[i].start() : words[j].end()]) + "}")
        cursor = words[j].end()
        i = j + 1
    out.append(_bibtex_escape(title[cursor:]))
    return "".join(out)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if c.isascii() and c.isalnum()).lower()


def bibtex_key(record: Record) -> str:
    """``mishra2015russia``: family name, year, first word of the title that is not minor."""
    family = _ascii(split_name(record.authors[0].name)[1]) if record.authors else "ipcs"
    year = str(record.date.year) if record.date else ""
    words = [w for w in LETTERS.findall(record.title or "") if w.casefold() not in MINOR]
    first = _ascii(words[0]) if words else str(record.number)
    return f"{family or 'ipcs'}{year}{first}"


def _bibtex(record: Record, today: dt.date, key: str | None = None) -> Citation:
    fields: list[tuple[str, str]] = []
    if record.authors:
        authors = " and ".join(_bibtex_escape(_inverted(a)) for a in record.authors)
        fields.append(("author", f"{{{authors}}}"))
    fields.append(("title", f"{{{_bibtex_title(record)}}}"))
    published = f"{PUBLISHER}, article no.~{record.number}"
    if record.column:
        published = f"\\emph{{{_bibtex_escape(record.column)}}}, {published}"
    fields.append(("howpublished", f"{{{published}}}"))
    if record.date:
        fields.append(("year", f"{{{record.date.year}}}"))
        fields.append(("month", BIBTEX_MONTHS[record.date.month - 1]))
        fields.append(("date", f"{{{record.date.isoformat()}}}"))
    fields.append(("url", f"{{{record.url}}}"))
    fields.append(("urldate", f"{{{today.isoformat()}}}"))
    body = ",\n".join(f"  {name:<12} = {value}" for name, value in fields)
    text = f"@misc{{{key or bibtex_key(record)},\n{body},\n}}"
    return Citation(record.number, "bibtex", text)


def _ris(record: Record, today: dt.date) -> Citation:
    lines = [("TY", "ELEC")]
    lines += [("AU", _inverted(a)) for a in record.authors]
    lines.append(("TI", _title(record)))
    if record.column:
        lines.append(("T3", record.column))
    lines.append(("PB", PUBLISHER))
    lines.append(("CY", PUBLISHER_PLACE))
    if record.date:
        lines.append(("PY", str(record.date.year)))
        lines.append(("DA", record.date.strftime("%Y/%m/%d")))
    lines.append(("AN", str(record.number)))
    lines.append(("UR", record.url))
    lines.append(("Y2", today.strftime("%Y/%m/%d")))
    lines.append(("ER", ""))
    # RIS: two-letter tag, two spaces, hyphen, space; the closing "ER  - " keeps its space.
    text = "\n".join(f"{tag}  - {value}" for tag, value in lines)
    return Citation(record.number, "ris", text)


_STYLE_FUNCS = {"apa": _apa, "chicago": _chicago, "mla": _mla, "ris": _ris}


def cite(record: Record, style: Style, *, today: dt.date | None = None) -> Citation:
    """The reference to ``record`` in ``style``; ``today`` is the access date where one is given."""
    return cite_all([record], style, today=today)[0]


def cite_all(
    records: Sequence[Record], style: Style, *, today: dt.date | None = None
) -> list[Citation]:
    """References to several records; BibTeX keys that would clash get "b", "c", … appended."""
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r}")
    when = today or dt.date.today()
    if style != "bibtex":
        return [_STYLE_FUNCS[style](r, when) for r in records]
    seen: Counter[str] = Counter()
    out = []
    for record in records:
        key = bibtex_key(record)
        seen[key] += 1
        if seen[key] > 1:
            key += chr(ord("a") + seen[key] - 1)
        out.append(_bibtex(record, when, key))
    return out
