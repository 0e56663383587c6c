"""The desk's words in the query language: ``tag:T``, ``is:read``, ``is:unread``,
``has:note``, ``has:tag`` and ``note:WORDS``.

They are taken out of the query text before it reaches the index (which knows nothing of
the desk) and become one set of article numbers every hit must be among. So they narrow
the whole search: each may be negated (``-tag:done``, ``NOT is:read``), none may stand
inside brackets or beside OR. ``note:korea`` finds notes with a word starting "korea"
(any case); ``note:"six party"`` notes with each of those words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ipcsreader.archive.fieldnames import DESK_VALUES, as_meant
from ipcsreader.desk import checks
from ipcsreader.errors import NotFoundError, QueryError, UsageError
from ipcsreader.text import as_typed

if TYPE_CHECKING:  # a query with a colon ("date:") looks for desk words; no desk opened
    from ipcsreader.archive.search import SearchQuery
    from ipcsreader.desk.store import Desk

FIELDS = ("tag", "is", "has", "note")
# A quoted phrase (kept as it is), or a desk term with its optional negation.
_TOKEN = re.compile(
    r'"[^"]*"'
    r"|(?<![^\s(])(?P<neg>-|NOT\s+)?(?P<field>tag|is|has|note):"
    r'(?:"(?P<quoted>[^"]*)"|(?P<word>[^\s()"]+))'
)
_JOINED = re.compile(r"^(?:OR|AND)\b|\b(?:OR|AND)$")


@dataclass(frozen=True)
class Term:
    field: str
    value: str
    negated: bool = False

    def __str__(self) -> str:
        value = f'"{self.value}"' if re.search(r'[\s()"]', self.value) else self.value
        return f"{'-' if self.negated else ''}{self.field}:{value}"


def narrowed(
    query: SearchQuery, desk: Callable[[], Desk], every: Callable[[], set[int]]
) -> SearchQuery:
    """``query`` with its desk words taken out of its text and turned into the article
    numbers it allows (``only``), found in the text as typed on a plain keyboard
    (note:“six party”, as the index's), names as meant (``Tag: korea``); ``query`` itself
    when it has none. ``desk`` opens the desk, only then; ``every`` as for
    :func:`numbers`."""
    typed = as_meant(as_typed(query.text))
    if ":" not in typed:
        return query
    text, found = extract(typed)
    if not found:
        return query
    allowed = numbers(found, desk(), every)
    if query.only is not None:
        allowed &= query.only
    return replace(query, text=text, only=allowed)


def check_tags(text: str, desk: Desk | None) -> None:
    """Raise NotFoundError when a ``tag:`` term of the query ``text`` asks for a tag the
    desk gives no article: why a search found nothing, where "no articles match" would
    blame the words (a reader may take ``tag:`` for a subject's)."""
    try:
        found = extract(as_meant(as_typed(text)))[1]
    except (QueryError, UsageError):
        return  # the search said so already
    asked = [t.value for t in found if t.field == "tag" and not t.negated]
    unused = next((tag for tag in asked if desk is None or not desk.has_tag(tag)), None)
    if unused is None:
        return
    held = [tag for tag, _ in desk.tag_counts()] if desk else []
    if held:
        mine = f"yours are {', '.join(held[:5])}{' …' if len(held) > 5 else ''}"
    else:
        mine = "you have none yet (ipcs tag 4842 korea)"
    raise NotFoundError(
        f"you have tagged no article “{unused}”: tag: asks for your own tags, and {mine}"
    )


def extract(text: str) -> tuple[str, list[Term]]:
    """The query text without its desk terms, and those terms (checked). An ``is:`` or
    ``has:`` with a value of neither is left in the text, for the search to leave out and
    say so (a platform's ``has:link``, pasted)."""
    terms: list[Term] = []
    kept: list[str] = []
    cursor = 0
    for match in _TOKEN.finditer(text):
        if match["field"] is None:
            continue  # a phrase: its words are the text's
        value = match["quoted"] if match["quoted"] is not None else match["word"]
        if match["field"] in DESK_VALUES and value.casefold() not in DESK_VALUES[match["field"]]:
            continue
        before, after = text[cursor : match.start()], text[match.end() :]
        term = _term(match["field"], value, bool(match["neg"]))
        if (
            _depth(text[: match.start()])
            or _JOINED.search(before.strip())
            or _JOINED.search(after.strip().split(" ", 1)[0])
        ):
            raise QueryError(
                f"{term} narrows the whole search: it cannot stand inside brackets or beside "
                "OR or AND (put it on its own)"
            )
        terms.append(term)
        kept.append(before)
        cursor = match.end()
    kept.append(text[cursor:])
    return " ".join("".join(kept).split()), terms


def _term(field: str, value: str, negated: bool) -> Term:
    if field == "tag":
        return Term(field, checks.tag(value), negated)
    if field == "note":
        if not re.search(r"\w", value):
            raise QueryError(f"note:{value} has no words to look for in your notes")
        return Term(field, value, negated)
    return Term(field, value.casefold(), negated)


def _depth(text: str) -> int:
    unquoted = re.sub(r'"[^"]*"', " ", text)
    return unquoted.count("(") - unquoted.count(")")


def numbers(terms: Iterable[Term], desk: Desk, every: Callable[[], set[int]]) -> frozenset[int]:
    """The articles that meet every term; ``every`` gives all the corpus's articles (asked
    only when a term is negated, or is ``is:unread``)."""
    found: set[int] | None = None
    universe: set[int] | None = None
    for term in terms:
        field, value, negated = term.field, term.value, term.negated
        if field == "is" and value == "unread":
            value, negated = "read", not negated
        if field == "tag":
            matched = desk.tagged(value)
        elif field == "is":
            matched = desk.read_numbers()
        elif field == "has":
            matched = desk.noted() if value == "note" else desk.tagged_any()
        else:
            matched = desk.notes_matching(re.findall(r"\w+", value))
        if negated:
            universe = universe if universe is not None else every()
            matched = universe - matched
        found = matched if found is None else found & matched
    return frozenset(found or ())
