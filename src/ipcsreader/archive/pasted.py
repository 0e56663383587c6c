"""What a query copied from elsewhere carries besides its words.

A web page's escapes (``India &amp; Nepal``, ``Abe&#39;s``), encoding damage
(``Japanâ€™s``, ``â€“``, whose "“" would open a phrase), a search address's encoding
(``north+korea``, ``North%20Korea``), notes' Markdown (``**Kim Jong-un**``, ``_Quad_``,
``[the piece](https://…)``, a bullet ``*``), a reference manager's BibTeX
(``title={…}``), code (``q="…"``, ``{"q": "…"}``, ``search('…')``), a query in SQL
(``SELECT * FROM articles WHERE title LIKE '%Korean Peninsula%'``: what its conditions
ask), a bibliographic database's syntax (``Routray BP[au] AND 2014[dp]``,
``TS=(IORA NEAR/5 chairmanship)``), names written as code (``north_korea``, a blank
``____`` left for a word) and a file's name (``~/Downloads/ipcs_kabul_reset.pdf``): each
is read as the words it stands for. Words in single quotes are a phrase, as in double
ones. The query's own syntax is left as it is: ``nucl*`` is still a prefix, ``-word``
still leaves out, ``date:[2014 TO 2016]`` is still a range.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qsl, unquote_plus

from ipcsreader.text import unquoted, utf8_as_cp1252_undone

# A character reference as HTML writes it, its semicolon typed: without one, "&amp" may be
# a word of the query's own ("R&D", "AT&T").
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# A character an address escapes: a space (%20), a quote (%27, %22), a comma (%2C),
# brackets, a letter beyond ASCII (%C3…). One of them must be there: "5%AB" is no address.
_SENT_AS_ESCAPE = re.compile(r"%(?:2[0-9A-Fa-f]|3[A-Fa-f]|[57][BbDd]|C[2-9A-Fa-f]|E[0-9A-Fa-f])")
# A search address's query string, the whole query ("?q=north+korea&year=2015",
# "search?query=nepal%20constitution&sort=date"): the words searched, its fields as the
# query's own, what orders or pages the answer left out. Not a whole address: one of
# ipcs.org names an article (``numbers.linked_as_stamps``), another its words.
_QUERY_STRING = re.compile(
    r"\s*(?:[\w-]*\?(?=[A-Za-z_]\w*=)|(?=[A-Za-z_]\w*=[^&\s]*&))"
    r"(?P<pairs>[A-Za-z_]\w*=[^&\s]*(?:&[A-Za-z_]\w*=[^&\s]*)*)\s*"
)
_ORDERING = frozenset(
    {"sort", "order", "page", "limit", "start", "offset", "lang", "hl", "format", "per_page"}
)
# A closing quote's third byte has no cp1252 character and is often lost in the copy
# ("â€œbaggage of the pastâ€ ICG"): what is left of it, before a space or the end, is that
# quote (ftfy would read it and the space as a dagger).
_LOST_CLOSING_QUOTE = re.compile(r"â€(?=[\s.,;:!?)]|$)")
# A plus sign joining two words ("north+korea"): an address's space. Not one standing
# before a word ("+korea", the parser's own "just this word").
_JOINING_PLUS = re.compile(r"(?<=\w)\+(?=\w)")
# Emphasis (``**bold**``, ``*italics*``, ``__bold__``, ``_italics_``): the words between
# the marks. A star ending a word with none opening it is a prefix (``nucl*``).
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
# A link (``[the piece](https://ipcs.org/…)``): its text; the address says nothing the
# reader asked.
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:https?://|www\.)[^()\s]*\)")
# A document saved under a name ("~/Downloads/ipcs_kabul_reset.pdf",
# "C:\\Reading\\Sakhuja-China-deep-sea-forays.docx"): the words of its name; its folders
# and its kind say nothing of the piece, and its hyphens part words as its underscores do.
# Not an address on the web: ipcs.org's name an article (see ``numbers.linked_as_stamps``).
_SAVED_AS = re.compile(
    r"(?<!\S)(?!\S*(?i:://|www\.|\.(?:org|com|net|in|edu|gov)\b))"
    r"(?:[^\s\\/]*[\\/])*(?P<name>[^\s\\/]+)\.(?i:pdf|docx?|odt|rtf|txt|html?|epub|md)(?!\S)"
)
# What a bracket or brace may open: a quoted phrase (its words as typed), a field's value
# ("date:[2014 TO 2016]", for the parser to read or refuse) or a range ("[4000 TO 4100]").
# Any other ("[India-Japan-US trilateral]", BibTeX's "title={…}") is punctuation.
_RANGE = re.compile(r'"[^"]*"|\w+:[\[{][^\]}]*[\]}]?|[\[{][^\[\]{}]*\sTO\s[^\[\]{}]*[\]}]')
_BRACKET = re.compile(r"[\[\]{}]")
# A word left blank in brackets ("[blank]", "[...]", "[?]"): no word of the page.
_BLANK = re.compile(r"\[\s*(?:blank|\.{2,}|…|\?+|_+|-+)?\s*\]", re.IGNORECASE)
# Code a query was copied out of: an assignment (``q="…"``), a JSON key (``{"q": "…"}``),
# a call (``search('…')``). The quote or bracket glued to a name would make one word of
# the two ("q=\"Chandran", a phrase of words no page holds); the key and the sign are no
# words of the page.
_ASSIGNED = re.compile(r"(?<=\w)\s*=\s*(?=[\"'(\[{])")
_KEY = re.compile(r'"\w{1,20}"\s*:\s*(?=["\[{\d])')
_CALLED = re.compile(r"(?<=[^\W\d_]{2})\((?=[\"'])")
# Words in single quotes ('New Approach', as code and many writers quote): a phrase, as
# in double quotes, so that one no page holds is searched as its words. An apostrophe
# inside or after a word (Abe's, the Maoists' ideology) opens none.
_SINGLE_QUOTED = re.compile(r"(?<![\w’'\"])'(?=[^\s'])([^'\"]*?)(?<=[^\s'])'(?![\w’'])")
# A pattern typed with a programmer's habits ("naxal(ite)?.*ideology", "NSCN-?K",
# "japan.*(kuril|northern territories)", "polic(y|ies)"), read where ".*", ".+" or
# "(…)?" shows it is one: its words, what it makes optional left out, alternatives either
# word, a word's endings as its first.
_PATTERN = re.compile(r"\.[*+]|\)\?")
_ANY_RUN = re.compile(r"\.[*+?]")
_OPTIONAL = re.compile(r"\([^()|]*\)\?|(?<=[\w-])\?")
_ENDINGS = re.compile(r"(?<=\w)\(([^()|\s]+)\|[^()]*\)")
_EITHER = re.compile(r"\s*\|\s*")
# A search command typed out of habit ("grep -ri \"when xi met modi\" *", "find . -iname
# \"*karachi*\" | xargs grep -il zulfiqar"): what it looks for; its commands, options,
# paths and pipes are no words of the page. "find" and "locate" followed by a quote are
# English ('find "north korea" -china'): as commands they take a path or an option first.
_COMMAND = re.compile(
    r"(?:^|\|)\s*(?:(?:grep|egrep|fgrep|rg|ag|ack)\s+[-.~/\"']|(?:find|locate)\s+[-.~/])"
)
_COMMAND_PART = re.compile(
    r"(?<!\S)(?:(?:grep|egrep|fgrep|rg|ag|ack|find|locate|xargs)(?=\s|$)"
    r"|-{1,2}[A-Za-z][\w-]*(?:=\S*)?|\.{1,2}/?|~?/\S*|[^\s\"]*/|\*\S*|\|)(?!\S)"
)
# Options of ipcs search typed into the query ("--year 2015", "--author Mishra",
# "--column \"Dateline Colombo\""): what they ask, as the query's fields; its other options
# ("--sort date", "--limit 5", "--corpus ~/ipcs") and any other ("--verbose") left out.
_OPTION = re.compile(r'(?<!\S)--(?P<name>[A-Za-z][\w-]*)(?:[=\s]+(?P<value>"[^"]*"|[^\s"-]\S*))?')
_AS_FIELDS = {
    "author": "author:",
    "column": "column:",
    "region": "region:",
    "year": "year:",
    "since": "date:>=",
    "until": "date:<=",
}
_WITH_VALUES = frozenset({"sort", "limit", "page", "color", "colour", "corpus", "index"})
# A query string's fields: the options' names, and those a site's address uses besides.
_PARAMETER_FIELDS = {
    **_AS_FIELDS,
    "articleno": "#",
    "from": _AS_FIELDS["since"],
    "to": _AS_FIELDS["until"],
}
# A query written in SQL, as to a database of the articles ("SELECT * FROM articles WHERE
# title LIKE '%Korean Peninsula%' AND year = 2018 ORDER BY date DESC"): what its conditions
# ask, each as the query's own clause (:func:`_condition`); what it selects, from where, in
# which order, are no words of a page.
_SQL = re.compile(
    r"\s*SELECT\s.+?\sFROM\s+[\w.]+(?:\s+(?:AS\s+)?(?!WHERE\b|ORDER\b|GROUP\b|LIMIT\b)\w+)?"
    r"(?:\s+WHERE\s+(?P<where>.+?))?\s*(?:(?:ORDER|GROUP)\s+BY\s.*|LIMIT\s.*)?;?\s*",
    re.IGNORECASE | re.DOTALL,
)
_CONDITION = re.compile(
    r"(?:(?P<join>AND|OR)\s+)?(?P<not>NOT\s+)?[(\s]*(?:\w+\.)?(?P<column>\w+)\s*"
    r"(?P<op>NOT\s+I?LIKE|I?LIKE|MATCH|==?|!=|<>|[<>]=?)\s*"
    r"(?P<value>'(?:[^']|'')*'|\"[^\"]*\"|[^\s()]+)[)\s]*",
    re.IGNORECASE,
)
# A table's columns by the query's fields they are; others ("content", "text") are
# words anywhere.
_COLUMNS = {
    **{name: "author:" for name in ("author", "authors", "author_name", "writer", "byline")},
    **{name: "column:" for name in ("column", "column_name", "col", "series")},
    **{name: f"{name}:" for name in ("title", "teaser", "body", "region", "year", "date")},
    "headline": "title:",
    "summary": "teaser:",
    "published": "date:",
    "pub_date": "date:",
}
_BOUNDS = frozenset({">", "<", ">=", "<="})


# A bibliographic database's syntax, typed out of habit (PubMed, Ovid, Web of Science,
# Scopus, Dialog, Westlaw, Engineering Village): its year fields as the query's year
# ("2015[dp]", "PY=2017", "2014.yr.", "PUBYEAR IS 2016"); its field tags ("[tiab]",
# ".ti,ab.", "TS=", "TITLE-ABS-KEY(", "WN TI"), its operators of nearness ("NEAR/3",
# "W/5", "adj3", "/s", "N5", "HWASONG(W)15") left out, the words they bind kept; its
# truncation ("maoist!", "reset$") as the prefix it is.
_CATALOGUE = (
    (re.compile(r"(?<![\w-])(\d{4})(?:/\d{1,2}){0,2}\[(?i:dp|pdat)\]"), r"year:\1"),
    (re.compile(r"(?<![\w-])(\d{4})\.(?i:yr)\."), r"year:\1"),
    (re.compile(r"(?<![\w-])(?:PY|PUBYEAR\s+IS)\s*=?\s*(\d{4})(?!\w)"), r"year:\1"),
    (re.compile(r"(?<![\w-])PUBYEAR\s*([<>]=?)\s*(\d{4})(?!\w)"), r"year:\1\2"),
    (re.compile(r"\[(?i:au|ti|tiab|ab|mh|majr|tw|all|ad|pt|la|ta|sh|mesh|dp)\]"), " "),
    (re.compile(r"\.(?i:ti|ab|mp|au|tw|kw|sh|pt|jn|kf|hw|yr)(?:,(?i:ti|ab|kw|tw))*\."), " "),
    (re.compile(r"(?<![\w-])(?:TS|TI|AU|AB|SO|KW|KY|TX|SU|OG|AK|ALL)\s*=\s*"), " "),
    (
        re.compile(
            r"(?<![\w-])(?:TITLE-ABS-KEY|TITLE-ABS|TITLE|ABS|KEY|AUTHLASTNAME|AUTHFIRST"
            r"|AUTHOR-NAME|AUTH|SRCTITLE|AFFIL)(?=\()"
        ),
        "",
    ),
    (re.compile(r"\bWN\s+(?:TI|AB|AU|KY|ALL|CV|ST)\b"), " "),
    (
        re.compile(
            r"(?<!\S)(?:(?:NEAR|ONEAR|PRE|W|N)/\d{1,2}|/[sSpP]|/\d{1,2}|(?i:adj)\d{0,2}"
            r"|[NW]\d{1,2})(?!\S)"
        ),
        " ",
    ),
    (re.compile(r"(?<=\w)\(\d{0,2}[WNwn]\)(?=\w)"), " "),
    (re.compile(r"(?<=[^\W\d_]{3})[$!](?=[\s)]|$)"), "*"),
)
_CATALOGUED = re.compile(r"\[|\.[a-z]{2}[.,]|=|\(|/|(?i:adj)|[NW]\d|\bWN\b|[$!](?:[\s)]|$)|PUBYEAR")


# A star standing alone (a bullet, a footnote's mark) and stars opening a word in twos
# or more (bold left open): marks, not the wildcard that ``nucl*`` is.
_LONE_STARS = re.compile(r"(?<!\S)\*+(?!\S)|(?<![\w*])\*{2,}(?=\w)")


def decoded(text: str) -> str:
    """``text`` with HTML's character references and an address's escapes read (before
    :func:`ipcsreader.text.as_typed`, which tidies what they stand for), and Markdown's
    links as their text (before an address in them is read as the words it holds); text
    passed through a wrong encoding ("Japanâ€™s", "â€“") repaired as pages are (not the
    damage a page's accents may stand for: a reader types "Kím" on purpose); a query in
    SQL as what its conditions ask (:data:`_SQL`)."""
    if not text.isascii():
        text = utf8_as_cp1252_undone(_LOST_CLOSING_QUOTE.sub("”", text))
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "." in text:
        text = _SAVED_AS.sub(lambda match: re.sub(r"[-_.]+", " ", match["name"]), text)
    if (text[:1].isspace() or text[:1] in "sS") and (sql := _SQL.fullmatch(text)):
        conditions = map(_condition, _CONDITION.finditer(sql["where"] or ""))
        text = " ".join(filter(None, conditions)) or text
    if "=" in text and (asked := _QUERY_STRING.fullmatch(text)):
        return " ".join(_parameter(key, value) for key, value in parse_qsl(asked["pairs"]))
    if "&" in text:
        text = _ENTITY.sub(lambda match: html.unescape(match[0]), text)
    if "%" in text and _SENT_AS_ESCAPE.search(text):
        text = unquote_plus(text, errors="replace")
    elif "+" in text and not any(char.isspace() for char in text.strip()):
        # A query of words joined by plus signs and no space: an address's, not typed.
        text = _JOINING_PLUS.sub(" ", text)
    return text


def unmarked(text: str) -> str:
    """``text`` without what notes, code and patterns wrap its words in: brackets that
    make no range, a pattern's signs, single quotes (a phrase's double ones instead),
    code's names and signs, Markdown's stars and underscores (after
    :func:`ipcsreader.text.as_typed`; an address of ipcs.org is read before, see
    :func:`ipcsreader.archive.search.plan`); a bibliographic database's syntax as what it
    asks (:data:`_CATALOGUE`)."""
    if _CATALOGUED.search(text):
        for pattern, replacement in _CATALOGUE:
            text = pattern.sub(replacement, text)
    if "[" in text or "{" in text or "]" in text or "}" in text:
        text = _without_brackets(_BLANK.sub(" ", text))
    if _PATTERN.search(text):
        text = _ANY_RUN.sub(" ", _OPTIONAL.sub("", text))
        text = _EITHER.sub(" OR ", _ENDINGS.sub(r"\1", text))
    if "'" in text:
        text = unquoted(text, lambda match: f'"{match[1]}"', _SINGLE_QUOTED)
    if _COMMAND.search(text):
        text = _COMMAND_PART.sub(" ", text)
    if "--" in text:
        text = _OPTION.sub(_option, text)
    if "=" in text or '":' in text or "(" in text:
        text = _CALLED.sub(" (", _ASSIGNED.sub(" ", _KEY.sub(" ", text)))
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(r"\2", text)
        # Stars with no word beside them are no marks of anything: the parser refuses them.
        text = _LONE_STARS.sub(" ", text) if re.search(r"\w", text) else text
        text = text.replace("_", " ")
    return text


def _parameter(key: str, value: str) -> str:
    """One parameter of a query string (:data:`_QUERY_STRING`) as the query's words."""
    key = key.lower()
    if key in _ORDERING or key.startswith("utm_"):
        return ""
    if key in _PARAMETER_FIELDS:
        return _PARAMETER_FIELDS[key] + (f'"{value}"' if " " in value else value)
    return value


def _condition(match: re.Match[str]) -> str:
    """One condition of an SQL query's WHERE (:data:`_SQL`) as the query's own clause: a
    pattern's pieces (``title LIKE '%Abe%North Korea%'``) as phrases of that field, a
    value (``year = 2017``, ``date >= '2015-01-01'``) as the field's; one not wanted
    (``NOT LIKE``, ``!=``) left out; "OR" kept between two."""
    op = " ".join(match["op"].upper().split())
    either = "OR " if (match["join"] or "").upper() == "OR" else ""
    value = match["value"]
    if value[:1] in "'\"":
        value = value[1:-1].replace("''", "'")
    field = _COLUMNS.get(match["column"].lower(), "")
    if op == "MATCH":
        return f"{either}{value}"
    if op in _BOUNDS:
        if field not in ("year:", "date:"):
            return ""
        field += op
    pieces = re.split(r"[%_]+", value) if "LIKE" in op else [value]
    phrases = [f'"{p}"' if " " in p else p for p in map(str.strip, pieces) if p]
    left = "-" if match["not"] or op.startswith("NOT") or op in ("!=", "<>") else ""
    joined = " ".join(f"{left}{field}{phrase}" for phrase in phrases)
    return f"{either}{joined}" if joined else ""


def _option(match: re.Match[str]) -> str:
    """An option of ipcs search typed into the query (:data:`_OPTION`) as what it asks."""
    name, value = match["name"].lower(), match["value"] or ""
    if name in _AS_FIELDS and value:
        return f" {_AS_FIELDS[name]}{value} "
    return " " if name in _WITH_VALUES else f" {value} "


def _without_brackets(text: str) -> str:
    """``text`` with brackets and braces that open no range (:data:`_RANGE`) as spaces."""
    pieces, at = [], 0
    for match in _RANGE.finditer(text):
        pieces += [_BRACKET.sub(" ", text[at : match.start()]), match[0]]
        at = match.end()
    return "".join([*pieces, _BRACKET.sub(" ", text[at:])])
