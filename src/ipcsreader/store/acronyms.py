"""Acronyms and the names they stand for, as the archive's own pages spell them out.

IPCS writers give a name in full once and its acronym after it, then use the acronym:
"Left-wing Extremism (LWE)", "Memorandum of Understanding (MoU)". A reader may type either
form, and an article about LWE may say "Left-wing Extremism" once and "LWE" twenty times.
So a query's acronym also finds its name in full, and a name typed in full also finds its
acronym, wherever some page of the index pairs the two. Readers in a hurry type acronyms in
lower case ("iora"): such a word is one where the pages holding it print it as an acronym
and none as a word ("aid", "us" are words). A page may use an acronym it never
spells out (a cut page, one written for readers who know it): a name typed in capitals
whose initials are such an acronym, one that no page spells out otherwise, finds it too
("Liberation Tigers of Tamil Eelam", LTTE), as does a name of three words or more typed
a word off the one the pages spell out, with its initials ("Central Reserve Protection
Force" for Central Reserve Police Force, CRPF). Nothing is kept at index time: the pairs are
read, when a query asks, from the stored text of the pages holding the acronym.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ipcsreader.archive.search import OPERATORS
from ipcsreader.store import fields, synonyms

# Small words an acronym may leave out ("Institute of Peace and Conflict Studies", IPCS).
_SMALL = frozenset(
    {"of", "and", "the", "for", "in", "on", "at", "to", "de", "del", "la", "a", "an"}
)
# An acronym as a reader types it: two to eight letters, two or more of them capitals.
_TYPED = re.compile(r"[^\W\d_]{2,8}")
# How far before "(ACR)" its name may start, and how many pages are read to find it.
_REACH = 160
PAGES_READ = 40
# How many pages holding a word typed in lower case are read to see how they print it.
_FORMS_READ = 10
# The share of the bodies an acronym looked up for a name typed in full may be in.
RARE = 0.1
RARE_FLOOR = 50  # in a small archive any word is in a large share of it
# The fewest letters of an acronym that no page spells out, found from a name typed in
# full: two initials ("North Korea", NK) match too many short words by chance.
_UNSPELT_LETTERS = 3
# The fewest words of a name remembered a word off that still reads as its acronym: of
# two, one would be a single word matched by chance.
_OFF_WORDS = 3
# A name of short syllables alone ("Nay Pyi Taw", the capital of Myanmar) is a name, not
# the words of an acronym that no page spells out (NPT): one of those has a word of four
# letters or more.
_WORD_LETTERS = 4
# A word of a page, hyphenated words as their parts ("Left-wing": left, wing).
_WORD = re.compile(r"[^\W\d_]+")
# A query's plain words: no field, operator, wildcard, fuzzy or boost syntax.
_PLAIN = re.compile(r"[^\W\d_]+(?:[-‐‑][^\W\d_]+)*")


def is_acronym(word: str) -> bool:
    """Whether ``word`` is written as an acronym: "LWE", "MoU", not "Modi" or "lwe"."""
    return bool(_TYPED.fullmatch(word)) and sum(c.isupper() for c in word) >= 2


def may_be_acronym(word: str) -> bool:
    """Whether ``word`` may be an acronym typed in lower case, as readers in a hurry do
    ("iora", "saarc"), or with a capital first only, as some newspapers print them
    ("Saarc", "Aqis"): the pages decide (:meth:`Glossary.printed_as_acronym`)."""
    return bool(_TYPED.fullmatch(word)) and word[1:].islower()


def expansion(text: str, acronym: str) -> tuple[str, ...] | None:
    """The words that ``acronym`` stands for where ``text`` spells it out before it in
    brackets ("Left-wing Extremism (LWE)": left, wing, extremism); None if it does not."""
    return _commonest(Counter(_definitions(text, acronym)))


def _commonest(found: Counter[tuple[str, ...]]) -> tuple[str, ...] | None:
    return found.most_common(1)[0][0] if found else None


def _definitions(text: str, acronym: str) -> Iterable[tuple[str, ...]]:
    letters = [c for c in acronym.lower() if c.isalpha()]
    for match in re.finditer(rf"\(\s*({re.escape(acronym)})\s*\)", text, re.IGNORECASE):
        if not is_acronym(match[1]):
            continue
        words = _WORD.findall(text[max(0, match.start() - _REACH) : match.start()])
        named = _spelt_out(words, letters)
        if named:
            yield named


def _spelt_out(words: list[str], letters: list[str]) -> tuple[str, ...] | None:
    """The last words before the brackets whose initials are ``letters``, small words
    between them allowed, and one other ("Korean Peninsula Energy Development
    Organisation", KEDO); None if they are not there."""
    taken: list[str] = []
    wanted = len(letters) - 1
    skipped = False
    for word in reversed(words):
        if wanted < 0:
            break
        if word[0].lower() == letters[wanted]:
            wanted -= 1
        elif not taken:
            return None
        elif word.lower() not in _SMALL and not (len(word) == 1 and word.islower()):
            if skipped:
                return None
            skipped = True
        taken.append(word.lower())
    # A name starts with a word of its own ("of the" is none).
    if wanted >= 0 or len(taken) < 2 or taken[-1] in _SMALL:
        return None
    return tuple(reversed(taken))


class Glossary:
    """Acronyms as the pages of one index spell them out, looked up as queries ask."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.analyse = fields.analyzers()["text"]
        self.known: dict[str, tuple[str, ...] | None] = {}
        # The acronyms (lower case) the pages holding them print in capitals ("LTTE").
        self.capitals: set[str] = set()
        # What the query was also read as: each acronym or name as typed, and its other form.
        self.used: dict[str, str] = {}
        # The names of ``used`` read as their initials, which no page pairs with them.
        self.by_initials: set[str] = set()
        # Words typed in lower case, and whether the pages print them as acronyms only.
        self.printed: dict[str, bool] = {}

    def spelt_out(self, acronym: str) -> tuple[str, ...] | None:
        """What ``acronym`` stands for on the pages that use it, the commonest reading."""
        key = acronym.lower()
        if key not in self.known:
            self.known[key] = self._read(acronym)
        return self.known[key]

    def in_capitals(self, acronym: str) -> bool:
        """Whether the pages that hold ``acronym`` print it in capitals: an acronym, not a
        word that happens to be spelt so."""
        self.spelt_out(acronym)
        return acronym.lower() in self.capitals

    def printed_as_acronym(self, word: str) -> bool:
        """Whether the pages that hold ``word`` print it as an acronym ("IORA", "MoU") and
        none prints it in lower case: "iora" is the acronym, "aid" and "us" are words."""
        key = word.lower()
        if key not in self.printed:
            self.printed[key] = self._printed_as_acronym(key)
        return self.printed[key]

    def _printed_as_acronym(self, word: str) -> bool:
        term = self._term(word)
        if term is None:
            return False
        forms = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        seen = False
        for text in self._texts(term, _FORMS_READ):
            for form in forms.findall(text):
                if form.islower():
                    return False  # the first page to print it as a word decides
                seen = seen or is_acronym(form)
        return seen

    def rare(self, word: str) -> bool:
        """Whether ``word`` is in the bodies at all, and in few of them, as acronyms are
        ("us" is in most: a name typed in full is not looked up as one so common)."""
        term = self._term(word)
        reader = self.searcher.reader()
        most = max(RARE * reader.doc_count(), RARE_FLOOR)
        return term is not None and 0 < reader.doc_frequency("body", term) <= most

    def _term(self, word: str) -> str | None:
        """``word`` as the bodies index it, if it is one word there."""
        terms = [t.text for t in self.analyse(word, mode="query")]
        return terms[0] if len(terms) == 1 else None

    def _read(self, acronym: str) -> tuple[str, ...] | None:
        term = self._term(acronym)
        if term is None:
            return None
        found: Counter[tuple[str, ...]] = Counter()
        capitals = re.compile(rf"\b{re.escape(acronym.upper())}\b")
        for text in self._texts(term, PAGES_READ):
            found.update(_definitions(text, acronym))
            if capitals.search(text):
                self.capitals.add(acronym.lower())
        return _commonest(found)

    def _texts(self, term: str, most: int) -> Iterator[str]:
        """The stored text of the first ``most`` pages whose bodies hold ``term``."""
        reader = self.searcher.reader()
        if not reader.doc_frequency("body", term):
            return
        for docnum in islice(reader.postings("body", term).all_ids(), most):
            stored = self.searcher.stored_fields(docnum)
            yield zlib.decompress(stored["text"]).decode("utf-8")


def spell_out(text: str, glossary: Glossary) -> str:
    """``text`` with each acronym typed outside quotes and fields also as its name in full,
    and each name typed in full whose acronym the pages use also as that acronym:
    ``LWE`` as ``(LWE OR "left wing extremism")``, ``Act East Policy`` as
    ``((Act AND East AND Policy) OR aep)``."""
    pieces = re.split(r'("[^"]*"?)', text)
    for i in range(0, len(pieces), 2):
        pieces[i] = _spell_out_piece(pieces[i], glossary)
    return "".join(pieces)


# What parts a query's words: spaces, punctuation before them or at the end ("IORA:
# search", "IORA, piracy"), and brackets round them ("(IORA piracy)").
_BETWEEN = re.compile(r"(^\(+|[,;:.!?)]*\s+\(*|[,;:.!?)]+$)")


def _spell_out_piece(piece: str, glossary: Glossary) -> str:
    tokens = _BETWEEN.split(piece)
    plain = [_is_plain(t) for t in tokens]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if not plain[i]:
            out.append(_spelt_out_marked(tokens[i], glossary))
            i += 1
            continue
        # "NOT Act East Policy" leaves out "Act" alone: no name starts after a NOT.
        negated = i >= 2 and tokens[i - 2] in ("NOT", "ANDNOT")
        run_end = None if negated else _longest_named_run(tokens, plain, i, glossary)
        if run_end is not None:
            end, acronym, paired = run_end
            words = [tokens[k] for k in range(i, end + 1, 2)]
            out.append(f"(({' AND '.join(words)}) OR {acronym})")
            glossary.used[" ".join(words)] = acronym.upper()
            if not paired:
                glossary.by_initials.add(" ".join(words))
            i = end + 1
            continue
        word = tokens[i]
        named = glossary.spelt_out(word) if _as_acronym(word, glossary) else None
        if named:
            glossary.used[word] = " ".join(named)
        out.append(
            f'({word} OR "{" ".join(named)}")' if named else _spelt_out_marked(word, glossary)
        )
        i += 1
    return "".join(out)


# An acronym with a possessive or a plural after it ("GTF's", "AQIS’s", "IDPs"): a word
# of the query that is no plain word, its acronym first.
_MARKED_ACRONYM = re.compile(r"([^\W\d_]{2,8})(?:['’‘]s|s)")


def _spelt_out_marked(token: str, glossary: Glossary) -> str:
    """``token`` also as the name in full of the acronym it is with a possessive or a
    plural (``GTF's`` as ``(GTF's OR "global tamil forum")``), where the pages spell
    that acronym out; else as typed."""
    match = _MARKED_ACRONYM.fullmatch(token)
    if match is None or not is_acronym(match[1]) or not match[1].isupper():
        return token
    named = glossary.spelt_out(match[1])
    if not named:
        return token
    glossary.used[token] = " ".join(named)
    return f'({token} OR "{" ".join(named)}")'


def _as_acronym(word: str, glossary: Glossary) -> bool:
    """Whether ``word`` is an acronym: typed as one, or in lower case (a capital first at
    most) where the pages that hold it, few of all, print it as one only."""
    if is_acronym(word):
        return True
    return may_be_acronym(word) and glossary.rare(word) and glossary.printed_as_acronym(word)


def _is_plain(token: str) -> bool:
    return bool(_PLAIN.fullmatch(token)) and token not in OPERATORS


def _longest_named_run(
    tokens: list[str], plain: list[bool], start: int, glossary: Glossary
) -> tuple[int, str, bool] | None:
    """The longest run of plain words from ``start`` that is a name in full whose acronym
    the pages spell out as exactly those words, or a word off them
    (:func:`_one_word_off`), or, typed as a name (:func:`_capitalised`), whose acronym
    they print in capitals and never spell out: (the run's last token, the acronym,
    whether the pages pair them)."""
    ends = [start]
    # A name's words stand apart by spaces alone: not across a comma or a bracket.
    while (
        ends[-1] + 2 < len(tokens)
        and plain[ends[-1] + 2]
        and not tokens[ends[-1] + 1].strip()
        and len(ends) < 8
    ):
        ends.append(ends[-1] + 2)
    for end in reversed(ends[1:]):
        typed = [p for k in range(start, end + 1, 2) for p in re.split(r"[-‐‑]", tokens[k])]
        parts = tuple(p.lower() for p in typed)
        for acronym in _candidates(parts):
            if not glossary.rare(acronym):
                continue
            named = glossary.spelt_out(acronym)
            if named is not None and _said_as(parts, named):
                return end, acronym, True
            # A name remembered a word off ("Central Reserve Protection Force" for the
            # pages' Central Reserve Police Force, CRPF): its initials are the acronym.
            if named is not None and _one_word_off(parts, named):
                return end, acronym, False
            if (
                named is None
                and len(acronym) >= _UNSPELT_LETTERS
                and _capitalised(typed)
                and any(len(p) >= _WORD_LETTERS for p in parts)
                and glossary.in_capitals(acronym)
            ):
                return end, acronym, False
    return None


def _said_as(typed: tuple[str, ...], named: tuple[str, ...]) -> bool:
    """Whether the words ``typed`` are the name in full ``named``, word for word, each
    perhaps in another form ("left wing extremists" for "left wing extremism")."""
    return len(typed) == len(named) and all(
        t == n or synonyms.one_word(t, n) for t, n in zip(typed, named, strict=True)
    )


def _one_word_off(typed: tuple[str, ...], named: tuple[str, ...]) -> bool:
    """Whether the words ``typed``, three or more, are the name in full ``named`` but for
    one of its own words (not a small one), typed as another with the same initial."""
    if len(typed) != len(named) or len(typed) < _OFF_WORDS:
        return False
    off = [(t, n) for t, n in zip(typed, named, strict=True) if not _said_as((t,), (n,))]
    if len(off) != 1:
        return False
    word, own = off[0]
    return word[0] == own[0] and not {word, own} & _SMALL


def _capitalised(words: list[str]) -> bool:
    """Whether ``words`` are typed as a name: each but the small ones with a capital."""
    return all(w[0].isupper() for w in words if w.lower() not in _SMALL)


def _candidates(parts: tuple[str, ...]) -> list[str]:
    """The acronyms a name may have: every word's initial, or the small words left out,
    and one word inside it left out too (as :func:`_spelt_out` allows)."""
    kept = [i for i, p in enumerate(parts) if p not in _SMALL and len(p) > 1]
    found = ["".join(p[0] for p in parts), "".join(parts[i][0] for i in kept)]
    found += ["".join(parts[i][0] for i in kept if i != left) for left in kept[1:-1]]
    return [c for c in dict.fromkeys(found) if len(c) >= 2]
