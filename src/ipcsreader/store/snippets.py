"""A hit as shown: its stored fields, and a snippet with the query's words marked."""

from __future__ import annotations

import datetime as dt
import json
import re
import zlib
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any

from ipcsreader import wordforms
from ipcsreader.compat.whoosh_reading import merge_matched_tokens
from ipcsreader.model import Author, Hit, Matched
from ipcsreader.store import fields
from ipcsreader.store.grammar import function_stems
from ipcsreader.store.querying import APOSTROPHES_DASHES

_SNIPPET_CHARS = 240
_FRAGMENT_CHARS = 130
# Snippets come from a stretch of the body that starts just before the first word that
# looks like a query word: analysing the whole body costs several times as much per hit.
_HIGHLIGHT_CHARS = 1000
_HIGHLIGHT_LEAD = 80


def hit(
    h: Any,
    highlight: bool,
    matched: Matched = "all",
    typed: frozenset[str] = frozenset(),
    lacking: Mapping[int, tuple[str, ...]] | None = None,
) -> Hit:
    """``h`` as shown; its snippet, with ``highlight``, from where one of the ``typed``
    words (stems) is first found, if one is, else where any of the query's words is; if
    ``lacking`` has it, ranked among the hits with every word, lacking those words."""
    data = json.loads(h["data"])
    snippet: str = ""
    spans: tuple[tuple[int, int], ...] = ()
    if highlight:
        snippet, spans = _highlight(h, zlib.decompress(h["text"]).decode("utf-8"), typed)
    if not snippet:
        snippet = _flat(data["teaser"] or data["lead"] or "")
        if len(snippet) > _SNIPPET_CHARS:
            snippet = snippet[:_SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return Hit(
        number=h["number"],
        # Sorted by date, Whoosh gives the sort key as the score: relevance is meaningless.
        score=float(h.score) if isinstance(h.score, int | float) else 0.0,
        title=data["title"],
        date=dt.date.fromisoformat(data["date"]) if data["date"] else None,
        authors=tuple(Author(n, aff, hon, mail) for n, aff, hon, mail in data["authors"]),
        column=data["column"],
        snippet=snippet,
        highlights=spans,
        listing_only=data["listing_only"],
        matched=matched,
        lacks=(lacking or {}).get(h.docnum),
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


def _highlight(
    h: Any, body: str, typed: frozenset[str] = frozenset()
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The best passages of ``body`` for hit ``h``, with the spans of the matched words.

    As Whoosh's highlighter would find them, with two shortcuts: only words that start
    like a query word are analysed (stemming every word of a body costs more than all
    the rest of a search), and only a stretch from the first word that matches is looked
    at. A body with no such word (a hit on its title) has no passage to show.
    """
    from whoosh import highlight

    terms = h.results.query_terms(expand=True, fieldname="body")
    words = frozenset(t.decode("utf-8") for _, t in terms)
    # Function words ("the", "what") mark every line: the passage with the subject's words
    # is the one to show, unless the query has no other words.
    words = words - function_stems() or words
    if not words:
        return "", ()
    # A word the reader typed before one the query was also read as ("KEDO" before the
    # "Korean" of its name in full, which a page may say far earlier and more often).
    preferred = typed & words
    first = None
    if preferred and preferred != words:
        first = _first_match(body, preferred)
    if first is None:
        first = _first_match(body, words)
    if first is None:
        return "", ()
    start = max(0, first - _HIGHLIGHT_LEAD)
    merged = merge_matched_tokens(_marked_tokens(body, start, words))
    fragments = _fragmenter(start + _HIGHLIGHT_CHARS).fragment_tokens(body, merged)
    best = highlight.top_fragments(
        fragments, 2, highlight.BasicFragmentScorer(), highlight.FIRST, minscore=1
    )
    return _span_formatter().format(best) if best else ("", ())


@lru_cache(maxsize=64)  # the same words for every hit of a query
def _likely(words: frozenset[str]) -> re.Pattern[str]:
    """What a word of the body that may analyse to one of ``words`` starts with."""
    return re.compile("|".join(map(fields.spelt_either_way, _heads(words))))


def _heads(words: frozenset[str]) -> list[str]:
    # Index words are stems ("korea", "countri"): a word starting with the stem less its
    # last letter may be one of them; the word filter then says whether it is.
    # An irregular form starts otherwise ("met" for "meet"): it is a head of its own.
    starts = {s[:-1] if len(s) > 3 else s for s in words}
    starts.update(form for s in words for form in wordforms.written_forms(s))
    return sorted(starts, key=len, reverse=True)


def _first_match(body: str, words: frozenset[str]) -> int | None:
    """Where the first word of ``body`` that analyses to one of ``words`` starts (or the
    part of a word with hyphens that does).

    Only words that :func:`_may_be` one of them are analysed, found by one scan of the
    text: a hit whose body holds no query word (it matched on its title) costs that scan.
    """
    tokenizer, word_filter = fields.analyzers()["text"].items
    likely = _likely(words)
    beyond_ascii = _BEYOND_ASCII.search(body) is not None
    for candidate in _candidates(words, beyond_ascii).finditer(body):
        at = candidate.start()
        if at >= 2 and _INSIDE_WORD.match(body, at - 2):
            continue  # a part of a word with hyphens ("anti-China"): not a word of its own
        word = fields.word_pattern().match(body, at)
        if word is None or not _may_be(fields.fold(word.group()), likely):
            continue
        for t in tokenizer(word.group(), positions=True, chars=True, start_char=at, mode="index"):
            for part in word_filter(iter([t])):
                if part.text in words:
                    return int(part.startchar)  # "China" of "chin-China": where it starts
    return None


# A character beyond ASCII other than the punctuation pages are full of: where a page has
# none, its words fold as by case alone (checked once, much faster than at every word).
_BEYOND_ASCII = re.compile("[^\x00-\x7f‘’“”–—…·•\u00a0]")
# A letter then an apostrophe or hyphen that joins it to the next: inside one word.
_INSIDE_WORD = re.compile(rf"\w{APOSTROPHES_DASHES.pattern}")


@lru_cache(maxsize=64)  # one per query's words: bounded, a long-lived process sees many
def _candidates(words: frozenset[str], beyond_ascii: bool) -> re.Pattern[str]:
    """Where a word that :func:`_may_be` one of ``words`` can start: where it starts like
    one in any case, an apostrophe or hyphen anywhere between its letters ("Jong-un" for
    "jongun"), or, in a text with letters beyond ASCII, any word holding one (folded
    otherwise than by case)."""
    joiner = f"{APOSTROPHES_DASHES.pattern}?"
    heads = [fields.spelt_either_way(head, joiner) for head in _heads(words)]
    if beyond_ascii:
        # A possessive run: a word is read once, never again letter by letter.
        heads.append(r"[a-z0-9_]*+[^\W\x00-\x7f]")
    return re.compile(rf"(?<!\w)(?:{'|'.join(heads)})", re.IGNORECASE)


def _may_be(folded: str, likely: re.Pattern[str]) -> bool:
    """Whether a word (folded) starts like one of ``likely``'s, in either spelling of a
    word with hyphens or apostrophes ("Jong-un" as "jongun")."""
    return bool(
        likely.match(folded)
        or (not folded.isalnum() and likely.match(APOSTROPHES_DASHES.sub("", folded)))
    )


def _marked_tokens(text: str, start: int, words: frozenset[str]) -> Any:
    """The body's tokens from ``start``, those that analyse to one of ``words`` marked."""
    tokenizer, word_filter = fields.analyzers()["text"].items
    likely = _likely(words)
    for t in tokenizer(text[start:], positions=True, chars=True, start_char=start, mode="index"):
        if _may_be(fields.fold(t.text), likely):
            # A word indexed in two spellings gives two tokens over the same letters: one
            # is marked if either matched (two would make the fragment look twice as long).
            spans: dict[tuple[int, int], Any] = {}
            for part in word_filter(iter([t])):
                matched = part.text in words
                same = spans.get((part.startchar, part.endchar))
                if same is None:
                    same = spans[part.startchar, part.endchar] = part.copy()
                    same.matched = matched
                else:
                    same.matched = same.matched or matched
            yield from spans.values()
        else:
            t.matched = False
            yield t


@lru_cache(maxsize=64)  # one per stretch end: bounded, a long-lived process sees many
def _fragmenter(charlimit: int) -> Any:
    from whoosh import highlight

    return highlight.ContextFragmenter(maxchars=_FRAGMENT_CHARS, surround=40, charlimit=charlimit)


@cache
def _span_formatter() -> Any:
    """A Whoosh formatter whose output is (plain snippet, spans of matched words)."""
    from whoosh import highlight

    class SpanFormatter(highlight.Formatter):
        def format(
            self, fragments: list[Any], replace: bool = False
        ) -> tuple[str, tuple[tuple[int, int], ...]]:
            out: list[str] = []
            spans: list[tuple[int, int]] = []
            length = 0
            for i, fragment in enumerate(fragments):
                text = fragment.text
                # An ellipsis wherever the snippet cuts the body.
                if i or fragment.startchar > 0:
                    out.append(" … " if i else "… ")
                    length += 3 if i else 2
                cursor = fragment.startchar
                for token in sorted(fragment.matches, key=lambda t: t.startchar):
                    if token.startchar < cursor:
                        continue
                    before = _flat_keep(text[cursor : token.startchar])
                    out.append(before)
                    length += len(before)
                    word = text[token.startchar : token.endchar]
                    spans.append((length, length + len(word)))
                    out.append(word)
                    length += len(word)
                    cursor = token.endchar
                tail = _flat_keep(text[cursor : fragment.endchar])
                out.append(tail)
                length += len(tail)
            if fragments and fragments[-1].endchar < len(fragments[-1].text.rstrip()):
                out.append(" …")
            return "".join(out), tuple(spans)

    return SpanFormatter()


def _flat_keep(text: str) -> str:
    """Whitespace runs (newlines too) become one space, keeping the length map simple."""
    return re.sub(r"\s+", " ", text)
