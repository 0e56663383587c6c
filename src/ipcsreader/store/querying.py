"""A plan's query text as a Whoosh query: parsed, checked and shaped for ranking.

Compound words become whole words (or their parts, side by side), phrases on names
become their words in any order, and each word's fields are combined for BM25F.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import islice, product
from typing import Any

from ipcsreader import wordforms
from ipcsreader.archive import fieldnames
from ipcsreader.archive.search import INITIALS_PATTERN
from ipcsreader.errors import QueryError
from ipcsreader.names import split_honorific
from ipcsreader.store import fields
from ipcsreader.store.ranking import FIELD_BOOSTS
from ipcsreader.text import PAGE_DASHES, unquoted

# Fields holding word stems: a word typed past its stem is no prefix of any.
STEMMED_FIELDS = ("title", "teaser", "body")
# Fields holding names, where a phrase means the name's words in any order.
NAME_FIELDS = ("author", "affiliation", "column", "region")
# What leaves out the clause after it ("NOT Lashkar-e-Taiba", "ANDNOT …"), at the end of
# the text before the clause: a name or key so left out is left out as typed, since what
# it would be read as is several clauses, which NOT would not all take.
LEFT_OUT = re.compile(r"\b(?:AND)?NOT\s*$")
# The fields plain words search; a reader may also name each, and the dates and number.
SEARCHED_FIELDS = (*STEMMED_FIELDS, *NAME_FIELDS)
USER_FIELDS = (*SEARCHED_FIELDS, "year", "date", "number")
FIELD_ALIASES = {field: list(names) for field, names in fieldnames.ALIASES.items()}
# Words a query's wildcards, fuzzy words and ranges may stand for, in all: beyond this a
# search gets slow (every one of them is looked up and highlighted).
MAX_EXPANSIONS = 1000
APOSTROPHES_DASHES = re.compile(f"['’‘{PAGE_DASHES}]")
# A word with inner hyphens or apostrophes, letters then digits ("MH370"), or initials
# with dots ("U.S.", "T.C.A."), standing alone (not a prefix, fuzzy or boosted word).
_COMPOUND = re.compile(
    rf"(?<![\w*?~^.])(?:\w+(?:['’‘\-‐‑]\w+)+|[^\W\d_]+\d+|{INITIALS_PATTERN}(?:[\-‐‑]\w+)*)"
    r"(?![\w*?~^'’‘\-‐‑])"
)
_LETTERS_DIGITS = re.compile(r"(?<=[^\W\d_])(?=\d)")
# A word's parts, initials one of them ("U.S.-Pakistan": "U.S.", "Pakistan").
_PARTS = re.compile(rf"{INITIALS_PATTERN}|[^\W_]+")
POSSESSIVE = re.compile(r"['’‘][sS]$")


@cache
def _parser_schema() -> Any:
    from whoosh.fields import Schema

    full = fields.schema()
    # Only the fields a reader may name: "spell:", "data:" and the facet fields stay hidden.
    return Schema(**{name: full[name] for name in USER_FIELDS})


def parser(group: Any) -> Any:
    from whoosh import qparser

    parser = qparser.MultifieldParser(
        list(SEARCHED_FIELDS),
        _parser_schema(),
        fieldboosts=FIELD_BOOSTS,
        group=group,
    )
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
    return parser


def signs_to_operators(text: str) -> str:
    """ "-word" means NOT word, "+word" just word (Whoosh's own plugin splits "Jong-un")."""
    text = re.sub(r"(^|\s)-(?=[\w\"(])", r"\1NOT ", text)
    return re.sub(r"(^|\s)\+(?=[\w\"(])", r"\1", text)


def question_marks(text: str) -> str:
    """A question mark ending a word or standing after one ("what happened?", "what
    happened ?") as the punctuation it is, not Whoosh's one-letter wildcard ("happened"
    and one letter more); one before a word's last "s" as the apostrophe that pages and
    text copied from them mangle into "?" ("Japan?s", "Abe?s": no word is spelt so), in a
    phrase too, as the parser reads the pages; "wom?n" stays one. A lone "s" after a
    word, outside quotes, is its possessive with the apostrophe lost ("abe s abduction"
    is "abe's abduction")."""
    text = re.sub(r"(?<=[\w\s\"])\?+(?=[\s)]|$)", "", text)
    text = _MANGLED_POSSESSIVE.sub("'", text)
    return unquoted(text, lambda _: "'", _LOST_POSSESSIVE)


_MANGLED_POSSESSIVE = re.compile(r"(?<=[^\W\d_]{2})\?(?=[sS](?:[^\w*?~^]|$))")
# "abe s abduction": an apostrophe lost in copying (a PDF's glyph with no character). The
# index keeps no "s" of a possessive, so the lone "s" would find only pages holding one
# ("U.S."). After a word of one letter ("U S") or none ("S Jaishankar") it is an initial.
_LOST_POSSESSIVE = re.compile(r"(?<=[^\W\d_]{2})(?<!\bAND)(?<!\bNOT)(?<!\bOR) (?=[sS](?:[\s)]|$))")


# A compound with a wildcard ("counter-strateg*", "Jong-u*"), outside a field's clause:
# Whoosh would make a phrase of its parts, which takes no wildcard; the index's joined
# word ("counterstrategies", see the word filter) is what the wildcard can reach.
_WILD_COMPOUND = re.compile(r"(?<![\w*?~^.:])\w+(?:['’‘\-‐‑]\w+)+(?=[*?][\w*?]*(?![\w\-‐‑'’‘]))")


def whole_words(text: str) -> str:
    """Unquoted compound words ("Jong-un's", "MH370", "U.S.") as the whole word, or else its
    parts side by side: ``(jongun OR ("jong un" ANDNOT jongun))``; a name of three syllables
    or more also with some hyphens dropped (:func:`_partly_joined`); the word after a prefix
    (:data:`_PREFIXES`) also alone, for less. Pages write initials
    mostly without dots ("US", "TCA Rangachari"): "U.S." finds them so, and "U.S." too.

    The index holds a hyphenated word both as its parts and joined (see the word filter):
    the joined word finds "Jong-un", "Jong-Un's" and "jongun" alike and is scored as one
    word, where its parts would be a phrase scored as two. The parts still find it written
    apart ("MH 370") or inside a longer compound ("Isak-Muivah-led"). Inside quotes the
    parts stay, so a phrase keeps its positions.
    """

    def either(match: re.Match[str]) -> str:
        joined, parts = _joined(match[0]), _parts(match[0])
        if not words_joined(match[0]):
            spellings = [parts, *_partly_joined(match[0], parts)]
            spelt = " OR ".join(f'"{p}"' for p in spellings)
            if len(spellings) > 1:
                spelt = f"({spelt})"
            base = _prefixed_base(match[0])
            if base:
                return _then_apart(joined, spelt, base)
            return f"({joined} OR ({spelt} ANDNOT {joined}))"
        # Words in their own right, joined: "Russia-North Korea" is Russia and North Korea,
        # which a page may write so ("Russia and North Korea"). Found apart, they count
        # as their own words, after the compound and its phrase.
        return _then_apart(joined, f'"{parts}"', f"({parts})")

    text = unquoted(text, lambda match: _joined(match[0]), _WILD_COMPOUND)
    return unquoted(text, either, _COMPOUND)


def _then_apart(joined: str, spelt: str, apart: str) -> str:
    """The compound ``joined``, else its ``spelt`` phrase, else ``apart`` (its words, or the
    word after its prefix) for :data:`APART_WEIGHT` of it."""
    return (
        f"({joined} OR ({spelt} ANDNOT {joined})"
        f" OR ({apart}^{APART_WEIGHT} ANDNOT ({spelt} OR {joined})))"
    )


# What words joined by a hyphen count for found apart, against the compound: at 1.0 the
# parts' several scores outweighed the compound's one ("India-Japan-South Korea
# trilateral" 2nd → 7th at 10k); 0.5 and 0.25 move one rank apart in 878 queries, and 0.5
# puts "Russia-North Korea" on the page saying "Russia and North Korea" first (bench/README.md,
# twentieth pass).
APART_WEIGHT = 0.5
# A compound of words in their own right, no digits ("India-Pakistan", "Russia-North",
# "Clarion-Clipperton", "US-DPRK", "Xi-Modi"): its parts of three letters or more, or of
# :data:`_SHORT_WORDS`; not a name's syllables ("Jong-un", "Su-yong"), a short prefix
# ("re-think", "Af-Pak") or initials.
_WORDS_JOINED = re.compile(r"[^\W\d_]{2,}(?:[\-‐‑][^\W\d_]{2,})+(?:['’‘][sS])?")
# Words of two letters that stand alone in a compound, in any case: initials of a country
# or a union, and the one leader's name of two letters the archive writes every week. Any
# other two letters are taken for a name's syllable.
_SHORT_WORDS = frozenset({"us", "uk", "eu", "xi"})
# Prefixes of three letters or more, which are no word of their own: "anti-China" is not
# "anti" and "China" apart. The word after one is what the compound is about: found alone
# (for APART_WEIGHT, after the compound) it finds "the Korean summit" for "inter-Korean
# summit" (bench/README.md, fortieth pass).
_PREFIXES = frozenset(
    re.findall(
        r"\w+",
        """all anti counter cross extra half inter intra mid multi neo non off out over pan
        post pre pro self semi sub super trans ultra under well""",
    )
)


# A name of three to five syllables joined by hyphens, letters only ("Tahir-ul-Qadri",
# "Lashkar-e-Taiba"): pages also write such a name with a hyphen dropped and the syllables
# beside it run together ("Tahirul Qadri", "Lashkare Taiba").
SYLLABLES = re.compile(r"[^\W\d_]+(?:[\-‐‑][^\W\d_]+){2,4}")


def _partly_joined(word: str, parts: str) -> list[str]:
    """A name of hyphenated syllables (:data:`SYLLABLES`; ``parts``, as :func:`_parts`
    spaces them) with some of its hyphens dropped and the syllables beside them run
    together, as phrases: "Tahir-ul-Qadri" is also "Tahirul Qadri" and "Tahir ulQadri"
    (all of them dropped, or none, is the caller's)."""
    if not SYLLABLES.fullmatch(POSSESSIVE.sub("", word)):
        return []
    first, *rest = parts.split()
    return [
        first + "".join(cut + syllable for cut, syllable in zip(cuts, rest, strict=True))
        for cuts in product((" ", ""), repeat=len(rest))
        if " " in cuts and "" in cuts
    ]


def _hyphen_parts(word: str) -> list[str]:
    """``word``'s parts between its hyphens, a possessive left off."""
    return re.split("[\\-‐‑]", POSSESSIVE.sub("", word))


def _prefixed_base(word: str) -> str | None:
    """The word a prefix is joined to ("Korean" of "inter-Korean", "state" of "non-state"),
    when ``word`` is one such compound of letters."""
    parts = _hyphen_parts(word)
    if len(parts) != 2 or parts[0].lower() not in _PREFIXES:
        return None
    base = parts[1]
    return base if len(base) > 2 and base.isalpha() else None


def words_joined(word: str) -> bool:
    """Whether ``word`` is words joined by hyphens (:data:`_WORDS_JOINED`), no prefix first."""
    if _WORDS_JOINED.fullmatch(word) is None:
        return False
    parts = [p.lower() for p in _hyphen_parts(word)]
    return parts[0] not in _PREFIXES and all(len(p) > 2 or p in _SHORT_WORDS for p in parts)


# A word the index reads as several, joined by hyphens, apostrophes, slashes, "&", "+" or
# dots ("US-India-Japan", "Xi/Modi"), standing alone (not in a field's clause, nor a
# prefix, fuzzy or boosted word); a dot may end it ("U.S.-E.U.").
_JOINED = re.compile(r"(?<![\w*?~^.:])\w+(?:[\-‐‑'’‘/&+.]+\w+)+\.?(?![\w*?~^\-‐‑'’‘/&+.:])")


def words_apart(text: str) -> tuple[str, bool]:
    """``text`` with each unquoted word the index reads as parts searched as those parts,
    each anywhere in the article; and whether there was one. What a query that finds
    nothing with its compounds whole (:func:`whole_words`) asks next: "US-India-Japan"
    finds the page on the India-Japan-US trilateral, "Xi/Modi" one on Xi and Modi,
    "U.S.-Pakistan" one on the US and Pakistan. A word with a part of one letter ("J&K")
    stays whole, as do initials ("U.S.")."""
    found = False

    def apart(match: re.Match[str]) -> str:
        nonlocal found
        parts = _PARTS.findall(POSSESSIVE.sub("", match[0]))
        if len(parts) < 2 or min(len(part) for part in parts) < 2:
            return match[0]
        found = True
        return f"({' '.join(parts)})"

    text = unquoted(text, apart, _JOINED)
    return text, found


def joined_words(text: str) -> str:
    """Unquoted compound words as the whole word alone ("jongun")."""
    return unquoted(text, lambda match: _joined(match[0]), _COMPOUND)


def _joined(word: str) -> str:
    return APOSTROPHES_DASHES.sub("", POSSESSIVE.sub("", word)).replace(".", "")


def _parts(word: str) -> str:
    spaced = APOSTROPHES_DASHES.sub(" ", POSSESSIVE.sub("", word)).replace(".", " ")
    return " ".join(_LETTERS_DIGITS.sub(" ", spaced).split())


# A clause the hits do not hold: "-word", "NOT word", "-\"a phrase\"", "NOT (a OR b)", fielded
# or not.
_EXCLUDED = re.compile(r'(?:^|(?<=[\s(]))(?:-|NOT\s+)(?:\w+:)?(?:"[^"]*"?|\([^)]*\)?|\S+)')
# A word standing for others: a prefix, a wildcard, a fuzzy word (not a phrase's "~3").
_INEXACT = re.compile(r'[^\s"]*(?:\w[*?~]|[*?]\w)[^\s"]*')
# Fields whose words are the article's own text, as the boosts look for them.
_TEXT_CLAUSE = re.compile(r'(?<![\w:])(?:title|teaser|body):(?=["\w(])')


def boost_words(text: str) -> list[str]:
    """The words of a query that its hits hold, in the order typed, compound words whole
    (as :func:`joined_words`): the words whose nearness and adjacency in a hit the ranking
    rewards. Quoted phrases and words asked of the title, teaser or body count; excluded
    words, wildcards, fuzzy words and other fields' values (names, dates) do not."""
    from ipcsreader.archive.search import plain_words

    kept = _EXCLUDED.sub(" ", signs_to_operators(question_marks(text)))
    kept = _TEXT_CLAUSE.sub("", kept)
    kept = _INEXACT.sub(" ", kept)
    return plain_words(joined_words(kept))


def loose_names(q: Any) -> Any:
    """Phrases on author, column and region names as all their words, in any order,
    without honorifics, an initial standing for any name it starts: "Dr Sandip Mishra",
    "S Mishra" and "SK Mishra" find "Sandip Kumar Mishra"."""
    from whoosh import query

    def swap(sub: Any) -> Any:
        if type(sub) is query.Phrase and sub.fieldname in NAME_FIELDS:
            return name_query(sub.fieldname, sub.words, boost=sub.boost)
        return sub

    return q.accept(swap)


# Two or three letters with no vowel in an author's name: initials, no name's word.
_RUN_INITIALS = re.compile(r"[b-df-hj-np-tv-z]{2,3}")


def name_query(field: str, tokens: Sequence[str], boost: float = 1.0) -> Any:
    """All of a name's words (analysed ``tokens``) in ``field``; see :func:`_loose_names`."""
    from whoosh import query

    if field == "author":
        _, rest = split_honorific(" ".join(tokens))
        tokens = rest.split() or list(tokens)
        # Initials run together, as references print them ("SK Mishra", "DS Chandran"):
        # a letter each.
        tokens = [i for t in tokens for i in (t if _RUN_INITIALS.fullmatch(t) else [t])]
    parts = [query.Prefix(field, t) if len(t) == 1 else query.Term(field, t) for t in tokens]
    return parts[0] if len(parts) == 1 else query.And(parts, boost=boost)


def shaped(q: Any) -> Any:
    """A parsed query as it is run: names loose, a word over its fields as one BM25F
    word, ranges read from the columns, the parts matched in bulk."""
    from ipcsreader.compat import whoosh_fielded, whoosh_matching, whoosh_ranges

    q = whoosh_fielded.combine(loose_names(in_text_too(q)))
    return whoosh_matching.prepare(whoosh_ranges.from_columns(q))


# The rest of an article's text, for a word asked of its title or teaser.
_REST_OF_TEXT = {"title": ("teaser", "body"), "teaser": ("body",)}


def in_text_too(q: Any) -> Any:
    """Words and phrases asked of the title or teaser (``title:IORA``) still match there
    only, but rank by the rest of the article's text too, as an unfielded word would: of
    the many titles naming a subject, the article that goes on to discuss it comes first
    (the title alone ranks the shortest titles first)."""
    from whoosh import query

    if type(q) in (query.Term, query.Phrase) and q.fieldname in _REST_OF_TEXT:
        rest = []
        for field in _REST_OF_TEXT[q.fieldname]:
            other = q.copy()
            other.fieldname, other.boost = field, FIELD_BOOSTS[field]
            rest.append(other)
        return query.AndMaybe(q, query.Or(rest))
    if type(q) is query.Not or q.is_leaf():
        return q
    if isinstance(q, query.Or) and len({s.field() for s in q.children() if s.is_leaf()}) > 1:
        # An unfielded word, searched in every field already (its forms beside it).
        return q.apply(lambda sub: sub if sub.is_leaf() else in_text_too(sub))
    return q.apply(in_text_too)


def split_named_fields(clauses: Sequence[Any]) -> tuple[list[Any], list[Any]]:
    """Of a query's clauses, the words (searched in the default fields) and those asked
    of one field by name (``year:2015``, ``author:"…"``, ``title:korea``): filters the
    reader typed, which stay required when any of the words will do."""
    words: list[Any] = []
    named: list[Any] = []
    for clause in clauses:
        names = {node.field() for node in _walk(clause) if node.is_leaf()}
        (named if len(names) == 1 and None not in names else words).append(clause)
    return words, named


def check(q: Any) -> None:
    """Raise QueryError for the parts of a parsed query Whoosh marked as errors."""
    for sub in _walk(q):
        error = getattr(sub, "error", None)
        if error:
            raise QueryError(f"cannot understand the query: {error}")


def parse_failure(error: Exception) -> str:
    # Whoosh words its own messages (a bad date) as a bare Exception; the rest mean nothing.
    if type(error) is Exception:
        return f"cannot understand the query: {error}"
    return "cannot understand the query; check its operators (AND, OR, NOT), fields and brackets"


def check_expansions(q: Any, reader: Any) -> None:
    """Refuse wildcards, fuzzy words and ranges that stand for too many words to be fast."""
    from whoosh.query import FuzzyTerm, MultiTerm, Prefix, TermRange, Wildcard

    left = MAX_EXPANSIONS
    for sub in _walk(q):
        if isinstance(sub, FuzzyTerm):
            # Words within n edits are sought among those sharing the first n letters:
            # walking the whole vocabulary for two edits takes seconds.
            sub.prefixlength = max(sub.prefixlength, min(sub.maxdist, len(sub.text)))
        if isinstance(sub, MultiTerm):
            left -= sum(1 for _ in islice(sub.expanded_terms(reader), left + 1))
            if left < 0:
                if isinstance(sub, Prefix):
                    typed = f"{sub.text}*"
                elif isinstance(sub, FuzzyTerm):
                    typed = f"{sub.text}~{sub.maxdist}"
                elif isinstance(sub, TermRange):
                    # As typed: a range typed without a field is searched in each field.
                    typed = "{}{}TO{}{}".format(
                        "{" if sub.startexcl else "[",
                        f"{sub.start} " if sub.start else "",
                        f" {sub.end}" if sub.end else "",
                        "}" if sub.endexcl else "]",
                    )
                else:
                    typed = sub.text if isinstance(sub, Wildcard) else str(sub)
                raise QueryError(
                    f"'{typed}' stands for more than {MAX_EXPANSIONS:,} different words; "
                    "make it longer"
                )


def completing(q: Any, words: WordCounts, limit: int) -> Any:
    """``q`` with each prefix (``word*``) standing for the ``limit`` words it starts that
    are in the most documents, field by field: a prefix of three letters stands for
    hundreds of words, each looked up, scored and highlighted, far too slow to answer
    every keystroke. Each chosen word is scored as Whoosh scores a prefix."""
    from whoosh.query import Prefix

    from ipcsreader.compat.whoosh_prefix import chosen_prefix

    def swap(sub: Any) -> Any:
        if type(sub) is Prefix:
            chosen = words.top(sub.fieldname, sub.text, limit)
            return chosen_prefix(sub.fieldname, sub.text, chosen, boost=sub.boost)
        return sub

    return q.accept(swap)


class WordCounts:
    """The words of a field that start with a few letters, with the number of documents
    holding each, read from ``reader`` and kept while it is: a word typed a letter at a
    time reads its field's words once, at its third letter."""

    KEPT = 64  # lists kept, the oldest dropped first
    LETTERS = 3  # the letters a kept list shares

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self._kept: dict[tuple[str, str], list[tuple[bytes, int]]] = {}

    def top(self, field: str, start: str, limit: int) -> list[bytes]:
        """The ``limit`` words of ``field`` starting with ``start`` in the most documents
        (most first); in a field of stems, those of its stem when none starts with
        ``start`` itself (the index holds "replay" for "replaying"), and first the base
        word of an irregular form typed whole ("met" stands for "meet" too, as a search
        for the word does)."""
        tried = [start]
        whole: list[bytes] = []
        if field in STEMMED_FIELDS:
            stems = [t.text for t in fields.analyzers()["text"](start, mode="query")]
            stem = stems[0] if len(stems) == 1 and stems[0] != start else None
            tried += [stem] if stem else []
            if (
                stem
                and wordforms.base_word(start) != start
                and self.reader.doc_frequency(field, stem)
            ):
                whole = [stem.encode("utf-8")]
        for text in tried:
            found = self.starting(field, text)
            if found:
                chosen = [word for word, _ in heapq.nlargest(limit, found, key=_by_count)]
                return whole + [word for word in chosen if word not in whole]
        return whole

    def starting(self, field: str, text: str) -> list[tuple[bytes, int]]:
        """Every word of ``field`` starting with ``text``, with its document count."""
        key = (field, text[: self.LETTERS])
        found = self._kept.get(key)
        if found is None:
            # Segment by segment: each reads its words with their counts in one pass,
            # where the whole index's reader looks each word up again in every segment.
            counts: Counter[bytes] = Counter()
            for segment, _base in self.reader.leaf_readers():
                for word, info in segment.iter_prefix(field, key[1]):
                    counts[word] += info.doc_frequency()
            found = self._kept[key] = list(counts.items())
            if len(self._kept) > self.KEPT:
                del self._kept[next(iter(self._kept))]
        prefix = text.encode("utf-8")
        return [(word, n) for word, n in found if word.startswith(prefix)]


def _by_count(item: tuple[bytes, int]) -> tuple[int, bytes]:
    return item[1], item[0]


def _walk(q: Any) -> Iterator[Any]:
    yield q
    for child in q.children():
        yield from _walk(child)
