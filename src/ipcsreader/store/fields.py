"""The index's fields: the schema, how words are analysed, and each record's document.

Title, teaser and body are stemmed English, British and American spellings made one
(:func:`one_spelling`), irregular forms read as their base word ("met" as "meet",
:mod:`ipcsreader.wordforms`); author, column and region are names (folded, not stemmed);
``spell`` keeps the unstemmed words for "Did you mean …?". The body's text is also stored,
compressed, so that snippets never re-read the corpus. Whoosh is imported only when a
schema or analyzer is first asked for, never when this module is imported.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from ipcsreader import wordforms
from ipcsreader.archive.search import WORD_PATTERN
from ipcsreader.model import Record
from ipcsreader.names import without_own_byline
from ipcsreader.text import PAGE_DASHES

_LEAD_CHARS = 300
_DASHES = re.compile(f"[{PAGE_DASHES}]")
_WORD_CACHE_SIZE = 500_000
# How much of the body lends words to "Did you mean …?" (with the title and teaser).
_SPELL_CHARS = 1200


def fold(text: str) -> str:
    """Lower case without accents; curly apostrophes made straight."""
    if text.isascii():
        return text.lower()  # most words: skip the Unicode work
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# British and American spellings of a word are searched as one. IPCS writes British
# ("defence", "programme", "organisation"), readers type either. Each rule rewrites one
# spelling into the other before stemming, in the direction whose stem less its last
# letter still starts both spellings (snippets find the words to mark by that head):
# -ise/-yse to -ize/-yze ("organisation", "organisational", "recognisable", "analysed"),
# -our to -or ("neighbourhood"), and back, -er to -re ("centered" to "centred"), -ense to
# -ence ("defenses"), "program" to "programme". Only the word stems listed are rewritten
# by the -our and -er rules: "-or" and "-er" end many words that have no other spelling.
_SPELLINGS = (
    # Three letters at least before "is": "rise", "raise", "prise" keep their spelling.
    (
        re.compile(r"^(\w{3,}?)([iy])s(e|es|ed|ing|ers?|ations?|ational(?:ly)?|abl[ey])$"),
        r"\1\2z\3",
    ),
    (
        re.compile(
            r"(ardo|armo|behavio|cando|clamo|colo|demeano|endeavo|favo|fervo|flavo|harbo|"
            r"hono|humo|labo|neighbo|odo|parlo|rigo|rumo|savio|savo|splendo|tumo|valo|"
            r"vapo|vigo)ur"
        ),
        r"\1r",
    ),
    (
        re.compile(
            r"^(\w*(?:calib|cent|fib|kilomet|lit|lust|meag|sab|somb|spect|theat))er"
            r"(|s|ed|ing)$"
        ),
        r"\1re\2",
    ),
    (re.compile(r"^(defen|offen|preten)s(e|es|eless)$"), r"\1c\2"),
    (re.compile(r"^program(s?)$"), r"programme\1"),
)
# Fixes for the -er rule's past forms: "centreed" is "centred", "centreing" "centring".
_RE_ENDINGS = re.compile(r"re(ed|ing)$")
# Where no rule matches (most words) one search tells so, for five substitutions.
_ANY_SPELLING = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _SPELLINGS))


def one_spelling(word: str) -> str:
    """``word`` (folded) in the one spelling the index searches (see :data:`_SPELLINGS`)."""
    if _ANY_SPELLING.search(word) is None:
        return word
    for pattern, replacement in _SPELLINGS:
        changed = pattern.sub(replacement, word)
        if changed != word:
            if pattern is _SPELLINGS[2][0]:
                changed = _RE_ENDINGS.sub(lambda m: "r" + m[1], changed)
            return changed
    return word


def spelt_either_way(head: str, between: str = "") -> str:
    """A pattern for the start of a word whose searched spelling starts with ``head``:
    the -our rule changes a word inside ("neighborhood" is "neighbourhood"). ``between``
    is a pattern allowed between any two letters."""
    letters = between.join(map(re.escape, head))
    return letters.replace(f"o{between}r", f"o{between}(?:u{between})?r")


@cache
def _word_filter_class() -> type:
    """Fold each word; split hyphenated words into parts (and, if ``join``, add them whole).

    "Jong-un’s" gives "jong", "un" (the possessive dropped) and, when indexing, "jongun" at
    the position of "jong": so "jong-un" (a phrase of its parts), "jongun" and "Jong-un's"
    all find it. A name of three to five syllables is also indexed with some of them run
    together (:func:`_runs`): "Tahir-ul-Qadri" is found as "Tahirul Qadri" too. Queries get
    the parts only, so phrases keep their positions. With ``stem`` each word is also
    reduced to its English stem.

    Indexing spends most of its time here, once per word of every page: what a word becomes
    is worked out once and kept in a dict, so a word seen before costs one look-up (Whoosh's
    own stemming cache is bounded and slow once the vocabulary outgrows it).
    """
    from whoosh.analysis import Filter

    class WordFilter(Filter):
        def __init__(self, join: bool = True, stem: bool = False) -> None:
            self.join = join
            self.stem = stem
            self._cache = _word_cache(join, stem)
            self._single = _single_word_cache(join, stem)

        def __eq__(self, other: object) -> bool:
            return (
                isinstance(other, WordFilter)
                and other.join == self.join
                and other.stem == self.stem
            )

        def __getstate__(self) -> dict[str, Any]:
            return {"join": self.join, "stem": self.stem}

        def __setstate__(self, state: dict[str, Any]) -> None:
            self.join = state["join"]
            self.stem = state.get("stem", False)
            # Whoosh unpickles the schema afresh for every searcher: the cache outlives it.
            self._cache = _word_cache(self.join, self.stem)
            self._single = _single_word_cache(self.join, self.stem)

        def _words(self, original: str, forms: bool = True) -> tuple[Any, ...]:
            """The words of one token with their offsets in it, the words joined, and the
            stems of the words spelt otherwise than the index searches them, or irregular
            forms of a base word ((part, stem) pairs, indexed beside the searched word:
            "organis*" and "met" as typed still find them). Without ``forms`` (a prefix or
            wildcard) irregular forms are left as they are, and nothing is kept."""
            stem = wordforms.stemmer() if self.stem else None
            words = []
            written: list[str] = []
            offset = 0
            pieces = _DASHES.split(original)
            for i, raw in enumerate(pieces):
                word = fold(raw)
                if i == len(pieces) - 1 and word.endswith("'s"):
                    word = word[:-2]
                word = word.replace("'", "")
                if word:
                    words.append((word, offset, offset + len(raw)))
                    written.append(raw)
                offset += len(raw) + 1
            other: list[tuple[int, str]] = []
            runs = _runs(words) if self.join else []
            if stem:
                spelt = [
                    (one_spelling(wordforms.base_word(w, raw) if forms else w), b, e)
                    for (w, b, e), raw in zip(words, written, strict=True)
                ]
                other = [
                    (i, stem(w))
                    for i, ((w, _, _), (s, _, _)) in enumerate(zip(words, spelt, strict=True))
                    if w != s and stem(w) != stem(s)
                ]
                # The joined form is used only for words with parts: stemming costs. Its
                # parts keep their forms ("well-known" is "wellknown", as typed joined).
                joined = "".join(one_spelling(w) for w, _, _ in words) if len(words) > 1 else ""
                words = [(stem(w), b, e) for w, b, e in spelt]
                joined = stem(joined) if joined else words[0][0] if words else ""
                runs = [(at, stem(one_spelling(run)), b, e) for at, run, b, e in runs]
            else:
                joined = "".join(w for w, _, _ in words)
            found = (tuple(words), joined, tuple(other), tuple(runs))
            if not forms:
                return found
            if len(self._cache) > _WORD_CACHE_SIZE:
                self._cache.clear()  # a bound on memory; the common words come back first
                self._single.clear()
            self._cache[original] = found
            if len(words) == 1 and not other:
                self._single[original] = words[0][0]
            return found

        def positions(self, text: str) -> dict[str, list[int]]:
            """Each term of ``text`` indexed through this filter, with its positions.

            The same terms and positions as the tokenizer and :meth:`__call__` give when
            indexing, without a token object per word: a full build uses this.
            """
            cache = self._cache
            single = self._single.get
            found_at: defaultdict[str, list[int]] = defaultdict(list)
            pos = 0
            for original in word_pattern().findall(text):
                word = single(original)
                if word is not None:  # most tokens: a word seen before, no parts
                    found_at[word].append(pos)
                    pos += 1
                    continue
                found = cache.get(original) or self._words(original)
                words = found[0]
                first_pos = pos
                for word, _, _ in words:
                    found_at[word].append(pos)
                    pos += 1
                if self.join and len(words) > 1:
                    found_at[found[1]].append(first_pos)
                for part, spelt in found[2]:
                    found_at[spelt].append(first_pos + part)
                for part, run, _, _ in found[3]:
                    found_at[run].append(first_pos + part)
            return found_at

        def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
            pos = 0
            cache = self._cache
            for t in tokens:
                original = t.text
                if t.mode == "query" and getattr(t, "untokenized", False):
                    found = self._words(original, forms=False)
                else:
                    found = cache.get(original) or self._words(original)
                words = found[0]
                if not words:
                    continue
                start = t.startchar if t.chars else 0
                first_pos = pos
                index = t.mode == "index"
                other = dict(found[2]) if index else {}
                for i, (word, begin, end) in enumerate(words):
                    for text in (word, other[i]) if i in other else (word,):
                        t.text = text
                        if t.positions:
                            t.pos = pos
                        if t.chars:
                            t.startchar, t.endchar = start + begin, start + end
                        yield t
                    pos += 1
                if self.join and len(words) > 1 and index:
                    t.text = found[1]
                    if t.positions:
                        t.pos = first_pos
                    if t.chars:
                        t.startchar, t.endchar = start, start + len(original)
                    yield t
                    for part, run, begin, end in found[3]:
                        t.text = run
                        if t.positions:
                            t.pos = first_pos + part
                        if t.chars:
                            t.startchar, t.endchar = start + begin, start + end
                        yield t

    # Whoosh pickles the schema with the index: the class must be found by its name here.
    WordFilter.__module__ = __name__
    WordFilter.__qualname__ = WordFilter.__name__ = "WordFilter"
    return WordFilter


# A part of a hyphenated word this long or longer may be a word of its own; a name's
# syllables include a shorter one ("ul", "e"). As the query side reads them
# (``querying._WORDS_JOINED``).
_WORD_LETTERS = 3


def is_syllable_name(parts: list[str]) -> bool:
    """Whether the parts of a hyphenated word (folded) are a name's syllables: three to
    five, letters only, one of them shorter than a word ("Tahir-ul-Qadri",
    "Lashkar-e-Taiba"), not words joined ("India-Japan-South")."""
    return (
        3 <= len(parts) <= 5
        and all(p.isalpha() for p in parts)
        and any(len(p) < _WORD_LETTERS for p in parts)
    )


def _runs(words: list[tuple[str, int, int]]) -> list[tuple[int, str, int, int]]:
    """Of a name of hyphenated syllables (:func:`is_syllable_name`: "Tahir-ul-Qadri";
    ``words``: each syllable with its offsets), its syllables run together from the first
    or up to the last, but not all of them: each run with the position of the syllable it
    stands beside, and its offsets. "tahirul" has the position of "ul", so that "Tahirul
    Qadri" is a phrase, and "ulqadri" too, after "tahir". A run inside
    ("Ahl-e-Sunnat-wal-Jamaat" as "Ahl eSunnatwal Jamaat") would need two positions: none.
    The query side writes the same spellings the other way (``querying._partly_joined``)."""
    syllables = [w for w, _, _ in words]
    if not is_syllable_name(syllables):
        return []
    last = len(words) - 1
    heads = [
        (end, "".join(syllables[: end + 1]), words[0][1], words[end][2]) for end in range(1, last)
    ]
    tails = [(at, "".join(syllables[at:]), words[at][1], words[last][2]) for at in range(1, last)]
    return heads + tails


@cache
def _single_word_cache(join: bool, stem: bool) -> dict[str, str]:
    """Of the words in :func:`_word_cache`, those that give one word: that word."""
    return {}


@cache
def _word_cache(join: bool, stem: bool) -> dict[str, Any]:
    """One cache of analysed words per kind of word filter, shared by all its copies."""
    return {}


def __getattr__(name: str) -> Any:
    if name == "WordFilter":
        return _word_filter_class()
    if name == "WordTokenizer":
        return _tokenizer_class()
    raise AttributeError(name)


@cache
def _tokenizer_class() -> type:
    """Whoosh's tokenizer, telling the word filter which text it was given untokenized: a
    prefix or wildcard ("sold*"), whose letters are no word to read as another ("sell")."""
    from whoosh.analysis import RegexTokenizer

    class WordTokenizer(RegexTokenizer):
        def __call__(self, value: str, *args: Any, tokenize: bool = True, **kwargs: Any) -> Any:
            for t in super().__call__(value, *args, tokenize=tokenize, **kwargs):
                t.untokenized = not tokenize
                yield t

    WordTokenizer.__module__ = __name__
    WordTokenizer.__qualname__ = WordTokenizer.__name__ = "WordTokenizer"
    return WordTokenizer


@cache
def analyzers() -> dict[str, Any]:
    words: Any = _word_filter_class()
    tokenizer = _tokenizer_class()(WORD_PATTERN)
    return {
        "text": tokenizer | words(join=True, stem=True),
        "name": tokenizer | words(join=True),
        "spell": tokenizer | words(join=False),
    }


@cache
def word_pattern() -> re.Pattern[str]:
    return re.compile(WORD_PATTERN)


@cache
def fast_analysers() -> dict[str, Callable[[str], dict[str, list[int]]]]:
    """For each field analysed by a word filter, that filter's shortcut past the tokens."""
    full = schema()
    found = {}
    for name in full.names():
        positions = fast_analyser(full[name])
        if positions is not None:
            found[name] = positions
    return found


def fast_analyser(field: Any) -> Callable[[str], dict[str, list[int]]] | None:
    """The shortcut past the tokens of ``field``'s word filter (each term of a text with
    its positions, as indexed), or None when the field is not analysed by one of ours."""
    words: Any = _word_filter_class()
    parts: Any = getattr(getattr(field, "analyzer", None), "items", ())
    if (
        len(parts) == 2
        and getattr(getattr(parts[0], "expression", None), "pattern", None) == WORD_PATTERN
        and isinstance(parts[-1], words)
    ):
        return parts[-1].positions
    return None


@cache
def schema() -> Any:
    from whoosh.columns import VarBytesColumn
    from whoosh.fields import BOOLEAN, COLUMN, DATETIME, ID, NUMERIC, STORED, TEXT, Schema

    a = analyzers()
    return Schema(
        number=NUMERIC(int, stored=True, unique=True, sortable=True, signed=False),
        title=TEXT(analyzer=a["text"], multitoken_query="phrase"),
        teaser=TEXT(analyzer=a["text"], multitoken_query="phrase"),
        body=TEXT(analyzer=a["text"], multitoken_query="phrase"),
        author=TEXT(analyzer=a["name"], multitoken_query="phrase"),
        # Where each author works, as the byline says ("Visiting Fellow, IPCS"), and their
        # rank or title ("Vice Admiral (Retd.)"): the names of a post and a place, not
        # prose ("Executive" is no "execution").
        affiliation=TEXT(analyzer=a["name"], multitoken_query="phrase"),
        column=TEXT(analyzer=a["name"], multitoken_query="phrase"),
        region=TEXT(analyzer=a["name"], multitoken_query="phrase"),
        year=NUMERIC(int, sortable=True, signed=False),
        month=ID(sortable=True),
        date=DATETIME(sortable=True),
        column_f=ID(sortable=True),
        # Not searched: only counted, from a column read whole (names one per line).
        author_f=COLUMN(VarBytesColumn()),
        listing_only=BOOLEAN(),
        spell=TEXT(analyzer=a["spell"], phrase=False),
        # The words of the same text printed with a capital inside a sentence: names.
        caps=TEXT(analyzer=a["spell"], phrase=False),
        data=STORED(),
        text=STORED(),
    )


def document(r: Record, body: str) -> dict[str, Any]:
    names = [a.name for a in r.authors]
    lead = "" if r.teaser else body[:_LEAD_CHARS]
    spell, caps = opening_words(r.title, r.teaser, body)
    doc: dict[str, Any] = {
        "number": r.number,
        "title": r.title or "",
        "teaser": without_own_byline(r.teaser, names) if r.teaser else "",
        "body": body,
        "author": "\n".join(names),
        # The byline's rank or title with the post: a reader types "Vice Admiral Shankar".
        "affiliation": "\n".join(
            line for a in r.authors for line in (a.honorific, a.affiliation) if line
        ),
        "column": r.column or "",
        "region": r.region or "",
        "column_f": r.column or "",
        "author_f": "\n".join(names).encode("utf-8"),
        "listing_only": r.listing_only,
        "spell": spell,
        "caps": caps,
        # Compressed: a third of the size, and the index files stay in the page cache
        # (level 1: several times faster to write than the default, as fast to read).
        "text": zlib.compress(body.encode("utf-8"), 1),
        "data": json.dumps(
            {
                "title": r.title,
                "date": r.date.isoformat() if r.date else None,
                "column": r.column,
                "authors": [[a.name, a.affiliation, a.honorific, a.email] for a in r.authors],
                "teaser": r.teaser,
                "lead": lead,
                "listing_only": r.listing_only,
            },
            ensure_ascii=False,
        ),
    }
    if r.date:
        doc["date"] = dt.datetime(r.date.year, r.date.month, r.date.day)
        doc["year"] = r.date.year
        doc["month"] = f"{r.date.year:04d}-{r.date.month:02d}"
    return doc


# What ends a sentence, or opens a quotation or an aside, before a word.
_SENTENCE_OPENS = frozenset(".!?:;\"“”‘’'([—–-\n")


def opening_words(title: str | None, teaser: str | None, body: str) -> tuple[str, str]:
    """Each distinct word of the title, teaser and opening of the body, once (the
    ``spell`` field); and those of the teaser and the body's opening printed with a capital
    letter, not first in a sentence (the ``caps`` field): a name, where the same word
    printed lower case is a word of the language ("Living" opening a sentence,
    "Dissanayake" anywhere). A title capitalises every word: it names none.

    Suggestions need only which articles use a word: the opening of each body names the
    subject's words, and a word list a few times shorter makes indexing much cheaper. One
    pass over the text gives both.
    """
    words = dict.fromkeys(re.findall(WORD_PATTERN, title or ""))
    capitalised: dict[str, None] = {}
    text = "\n".join(filter(None, (teaser, body[:_SPELL_CHARS])))
    for match in word_pattern().finditer(text):
        word = match[0]
        words[word] = None
        if word[:1].isupper() and word not in capitalised:
            before = text[max(0, match.start() - 8) : match.start()].rstrip()
            if before and before[-1] not in _SENTENCE_OPENS:
                capitalised[word] = None
    return " ".join(words), " ".join(capitalised)


def document_of(item: tuple[Record, str]) -> dict[str, Any]:
    """:func:`document` of a (record, body) pair."""
    return document(*item)
