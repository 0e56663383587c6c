"""Misspelt words: a word no article holds is searched as the spelling it surely means
(:func:`respellings`), and "Did you mean …?" offers the corpus's likeliest spelling of the
others (:func:`suggest`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import pairwise, product
from typing import Any

from ipcsreader.archive.fieldnames import names_of
from ipcsreader.archive.ranges import FIELD_CLAUSE
from ipcsreader.archive.search import OPERATORS, Plan, plain_words
from ipcsreader.store import citekeys, epithets, fields
from ipcsreader.store.acronyms import is_acronym
from ipcsreader.store.fields import one_spelling
from ipcsreader.store.grammar import FUNCTION_WORDS
from ipcsreader.store.querying import NAME_FIELDS, STEMMED_FIELDS
from ipcsreader.store.synonyms import line_of
from ipcsreader.text import unquoted


class Vocabulary:
    """The words of one reader's ``fields`` (the ``spell`` field's unless told), by first
    letter and then by length, read a letter at a time when first needed and kept with
    the reader.

    Words are compared in the spelling searched (:func:`fields.one_spelling`): a typo in
    the American spelling is as near the British word a page holds as in the British.
    Two edits change a word's length by two letters at most and its set of letters by
    four (a letter in or out per insertion or deletion, two per substitution): words
    further off on either count are left out before measuring. A word's letters are kept
    as the bits of an int (:func:`_letter_bits`): a fifth of the memory of sets (10 MB for
    every letter at 10k); letters sharing a bit only let more words through to be measured.
    """

    def __init__(self, reader: Any, fields: tuple[str, ...] = ("spell",)) -> None:
        self.reader = reader
        self.fields = fields
        # By first letter, then by length searched: each word, as searched, its letters.
        self._letters: dict[str, dict[int, list[tuple[str, str, int]]]] = {}
        # By first letter, then by skeleton: the words with a vowel after their first letter.
        self._skeletons: dict[str, dict[str, list[str]]] = {}

    def _terms(self, letter: str) -> list[str]:
        """The words starting with ``letter``, in every field, in alphabetical order."""
        found = {t for f in self.fields for t in self.reader.expand_prefix(f, letter)}
        return [t.decode("utf-8") for t in sorted(found)]

    def within_two(self, word: str) -> list[tuple[str, int]]:
        """The words within two edits of ``word`` (a swap of neighbours is one), in the
        spelling searched, that share its first letter, in alphabetical order, each with
        its distance."""
        by_length = self._letters.get(word[:1])
        if by_length is None:
            by_length = self._letters[word[:1]] = {}
            for term in self._terms(word[:1]):
                searched = one_spelling(term)
                entry = (term, searched, _letter_bits(searched))
                by_length.setdefault(len(searched), []).append(entry)
        typed = one_spelling(word)
        letters = _letter_bits(typed)
        near = [
            (term, distance)
            for size in range(len(typed) - 2, len(typed) + 3)
            for term, searched, its_letters in by_length.get(size, ())
            if (its_letters ^ letters).bit_count() <= 4
            and (distance := _distance(searched, typed)) <= 2
        ]
        near.sort()
        return near

    def voiced(self, word: str) -> list[str]:
        """The words sharing ``word``'s first letter and its :func:`skeleton` that have a
        vowel after it: what ``word``, typed without its vowels ("nxl", "idlgy"), stands
        for."""
        by_skeleton = self._skeletons.get(word[:1])
        if by_skeleton is None:
            by_skeleton = self._skeletons[word[:1]] = {}
            for term in self._terms(word[:1]):
                if _VOWEL_INSIDE.search(term):
                    by_skeleton.setdefault(skeleton(term), []).append(term)
        return by_skeleton.get(skeleton(word), [])

    def frequency(self, word: str) -> int:
        """How many articles hold ``word`` (folded), field by field."""
        return sum(self.reader.doc_frequency(f, word) for f in self.fields)

    def _in_text(self, word: str) -> list[tuple[str, str]]:
        """Each (field, term) of the titles, teasers and bodies holding ``word`` as a
        search reads it."""
        return list(_held_terms(self.reader, "text", word))

    def held_in(self, word: str) -> int:
        """About how many articles' titles, teasers or bodies hold ``word`` as a search
        reads it (the most of any field and term: a rank of rarity, not a count)."""
        return max((self.reader.doc_frequency(f, t) for f, t in self._in_text(word)), default=0)

    def articles(self, word: str) -> set[int]:
        """The articles whose title, teaser or body hold ``word`` as a search reads it."""
        held: set[int] = set()
        for field, term in self._in_text(word):
            held.update(self.reader.postings(field, term).all_ids())
        return held

    def together(self, candidates: list[str], context: list[str]) -> dict[str, tuple[int, int]]:
        """For each of ``candidates``, the most words of ``context`` an article holding it
        also holds, and how many such articles there are ((0, 0): none holds any, or no
        ``context``: then nothing is read)."""
        if not context:
            return {}
        around = [self.articles(word) for word in context]
        found = {}
        for candidate in candidates:
            own = self.articles(candidate)
            held: Counter[int] = Counter()
            for articles in around:
                held.update(own & articles)
            most = Counter(held.values())
            found[candidate] = max(most.items()) if most else (0, 0)
        return found


def suggest(vocabulary: Vocabulary, text: str, kept: frozenset[str] = frozenset()) -> str | None:
    """The query with misspelt words replaced by the corpus's likeliest spelling, if any;
    the words ``kept`` as they are."""
    changed = False
    result = text
    # A word with a wildcard stands for the words it starts: none is misspelt.
    wildcards = set(re.findall(r"(\w+)[*?]", text))
    said = epithets.words_of(text)
    words = list(dict.fromkeys(plain_words(text)))
    for word in set(words) - kept - wildcards:
        if word.casefold() in said:
            continue
        best = _likeliest(vocabulary, word, 2, [w for w in words if w != word])
        if best is not None:
            result = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", _cased(best, word), result)
            changed = True
    return result if changed else None


# A word no article holds is searched as the word the archive holds one edit away ("a
# letter in, out, changed or two swapped": Seetharamiah, Netnayahu): a typo, as the
# reader would see at once, where searching the word as typed finds nothing. Two edits
# only in a word of _LONG_WORD letters or more, a long name spelt as it is said rather
# than as the page transliterates it ("Abeyagunasekera"): the words measured are those of
# titles, teasers, bylines (names and affiliations), columns and the start of each body
# (:class:`Vocabulary`), and a shorter word two edits off is as often another word
# ("exeuction" is not "election"; no opening says "execution"). Not a word of four letters
# ("Kono" is not "Kong"), nor an acronym: capitals are typed on purpose ("IDSA" is not
# "Idea").
_SHORT_WORD = 5
_LONG_WORD = 10
# A word no article holds that starts words the archive holds was typed before it was
# finished: searched as their prefix (:func:`_cut_short`), from four letters ("russ").
_CUT_SHORT = 4
# Endings that finish a word ("Commission", "recognising", "settlement"): such a word is
# not cut short, though the archive may hold only longer ones ("commissioner").
_FINISHED = re.compile(r"(?:ion|ment|ness|ity|ism|ing|ed|ship)$", re.IGNORECASE)


# A word standing alone or as a part of a compound ("Isak-Muviah"), not after a field or
# with a wildcard, fuzzy or boost sign; a possessive's "'s" (or a plural's "'") is not
# part of it. The index holds a compound's parts, and the spelling vocabulary too.
# A "0" or "1" between letters is a letter misread (:func:`_misread`): part of the word.
_ALONE = re.compile(
    r"(?<![\w:'’‘.])([^\W\d_]+(?:[01][^\W\d_]+)*)(?=(?:['’‘][sS]?)?(?![\w:'’‘*?~^]))"
)


# Fields holding names, by every name a query gives them, whose clauses' words are respelt
# too ('author:"Suba Chadnran"', "affiliation:guwahti").
_NAMED = (*names_of("author"), *names_of("affiliation"), *names_of("column"))


def respellings(vocabulary: Vocabulary, text: str) -> dict[str, str]:
    """The words of ``text`` standing alone outside quotes, or in a clause asked of a
    name's field, that no article holds, each with the spelling searched instead: its
    prefix where it starts words the archive holds (:func:`_cut_short`: "appr*"), else
    the likeliest word of the archive one edit off (two in a long word), in the case
    typed. A word with no such spelling is left out."""
    typed: dict[str, None] = {}

    def note(word: str) -> str:
        typed[word] = None
        return word

    _each_word(text, note)
    found = {}
    # Words typed without their vowels that no article holds; those of three letters are
    # read so only where others of the query are typed so: alone, "prc" is an acronym in
    # small letters more often than "price".
    unvoiced = {w for w in typed if _vowelless(w) and not _held(vocabulary.reader, w)}
    words = list(dict.fromkeys(plain_words(text)))
    # An epithet's words are the reader's own, whatever the archive says ("Pearl of the
    # Indian Ocean": no page need say "pearl").
    said = epithets.words_of(text)
    for word in typed:
        if word.casefold() in said:
            continue
        misread = _misread(vocabulary, word)
        if misread is not None:
            found[word] = _cased(misread, word)
            continue
        if len(word) < _UNVOICED or is_acronym(word) or word in OPERATORS:
            continue
        if word in unvoiced and (len(fields.fold(word)) > _UNVOICED or len(unvoiced) > 1):
            # Weighed against the other words as searched: "mssl tst plcy" is "missile
            # test policy".
            others = [found.get(w, w) for w in words if w != word]
            if (voiced := _voiced(vocabulary, word, others)) is not None:
                found[word] = _cased(voiced, word)
                continue
        if len(word) < _CUT_SHORT:
            continue
        # Cut short before a letter off: a word typed in a hurry stops before it goes
        # wrong ("offen" is "offensive" cut short more often than "often" misspelt).
        if _cut_short(vocabulary, word) and not _spaced(vocabulary, word, words):
            found[word] = f"{word}*"
            continue
        if len(word) < _SHORT_WORD:
            continue
        # A word of a field's clause ('column:"Looing East"') is the field's, not the text's.
        context = [w for w in words if w != word] if word in words else []
        best = _likeliest(vocabulary, word, 2 if len(word) >= _LONG_WORD else 1, context)
        if best is not None:
            found[word] = _cased(best, word)
    return found


# A word typed without its vowels, as in a text message ("nxl idlgy of vlnc", "mssl tst",
# "apprch"): searched as the word of the archive with its consonants in that order and
# its first letter (:func:`skeleton`), of three consonants or more; "nk" may be anything.
# Not the abbreviations of chat ("pls", "ngl", "pct"), which stand for no one word.
_UNVOICED = 3
_VOWEL_INSIDE = re.compile(r"(?<=.)[aeiou]")
_VOICED_MOST = 8
_CHAT = frozenset(
    re.findall(
        r"\w+", "pls plz thx thnx tnx ngl tbh imo imho idk btw fyi lol lmk smh wrt nvm pct txt"
    )
)


def _vowelless(word: str) -> bool:
    """Whether ``word`` has the shape of a word typed without its vowels
    (:data:`_UNVOICED`)."""
    folded = fields.fold(word)
    return (
        folded.isalpha()
        and not _VOWEL_INSIDE.search(folded)
        and folded not in _CHAT
        and len(skeleton(folded)) >= _UNVOICED
        and not is_acronym(word)
    )


def _voiced(vocabulary: Vocabulary, word: str, context: list[str]) -> str | None:
    """The word some article holds that ``word``, typed without its vowels and held by
    none (:func:`_vowelless`), stands for: the one most articles hold with the query's
    other words (``context``), then the most used; None if there is no such word, or if
    no article holds one with the other words ("30 kms from Jaffna": "kms" is no word
    typed so)."""
    used = {c: vocabulary.frequency(c) for c in vocabulary.voiced(fields.fold(word))}
    # The most used few: each weighed against the context is a read of its articles.
    candidates = sorted(used, key=used.__getitem__)[-_VOICED_MOST:]
    if not candidates:
        return None
    known = _known(vocabulary, context)
    together = vocabulary.together(candidates, known)
    best = min(candidates, key=lambda c: (*(-n for n in together.get(c, (0, 0))), -used[c], c))
    return None if known and not together[best][0] else best


# Letters a scan or a PDF's text misreads, as copied into a query: "0" for "o", "1" for
# "l" or "i" ("Th0usand", "po1icy"), a capital "I" for "l" inside a word ("NaxaI",
# "PIus"), and an "l" for a capital "I" before a consonant at its start ("ldeology").
_MISREAD_AS = {"0": "o", "1": "li", "I": "l", "l": "i"}
_MISREAD = re.compile(r"[01]|(?<=[^\W\d_])I|^l(?=[^\W\d_aeiouyl])")
# The most misread letters of a word tried: each doubles the spellings to look up.
_MISREAD_MOST = 4


def _misread(vocabulary: Vocabulary, word: str) -> str | None:
    """The word some article holds (the most of them) that ``word``, which none holds, is
    with its misread letters (:data:`_MISREAD_AS`) read right; None if there is none or
    ``word`` has none. A capital "I" is misread only in a word otherwise in lower case
    after its first letter ("NaxaI", not "AIIMS")."""
    spots = [m.start() for m in _MISREAD.finditer(word)]
    if not word[1:].replace("I", "").islower():
        spots = [i for i in spots if word[i] != "I"]
    if not spots or len(spots) > _MISREAD_MOST or _held(vocabulary.reader, word):
        return None
    choices = [_MISREAD_AS[c] if i in spots else c for i, c in enumerate(word)]
    readings = {fields.fold("".join(letters)) for letters in product(*choices)}
    held = [(vocabulary.frequency(r), r) for r in readings if _held(vocabulary.reader, r)]
    return max(held)[1] if held else None


def _spaced(vocabulary: Vocabulary, word: str, words: list[str]) -> bool:
    """Whether ``word`` runs into a neighbour among ``words`` (plain words, as typed) as a
    word the archive holds ("jiao long": "Jiaolong"; "peacek eeping": "peacekeeping"): part
    of a word spaced otherwise, not a word cut short. (A name so spaced is searched joined,
    :func:`ipcsreader.store.variants.run_together`; other words are not.)"""
    return any(
        word in pair and all(w.isalpha() for w in pair) and _held(vocabulary.reader, "".join(pair))
        for pair in pairwise(words)
    )


def _cut_short(vocabulary: Vocabulary, word: str) -> bool:
    """Whether ``word``, which no article holds, starts words the archive holds: a word
    typed before it was finished ("appr", "russ", "denucl"), searched as their prefix.
    Not a word finished by its ending (:data:`_FINISHED`), nor one with others of one
    meaning ("trip": searched as "visit")."""
    folded = fields.fold(word)
    if not folded.isalpha() or folded in FUNCTION_WORDS or _FINISHED.search(folded):
        return False
    if line_of(folded) is not None or _held(vocabulary.reader, word):
        return False
    return any(
        term != folded.encode()
        for field in vocabulary.fields
        for term in vocabulary.reader.expand_prefix(field, folded)
    )


def respelt(vocabulary: Vocabulary, plan: Plan) -> Plan:
    """``plan`` with its :func:`respellings` found (its ``respelt``), where it asks for
    them and has not had them yet; its text is left as typed."""
    if not plan.respell:
        return plan
    reader = vocabulary.reader
    keys = citekeys.readings(
        plan.text, byline=lambda name: _byline(reader, name), held=lambda w: _held(reader, w)
    )
    found = {**keys, **respellings(vocabulary, plan.text)}
    return replace(plan, respell=False, respelt=tuple(found.items()))


def spelt(plan: Plan) -> Plan:
    """``plan`` as searched: its text and expression with its ``respelt`` words
    replaced by their spellings."""
    if not plan.respelt:
        return plan
    respelling = dict(plan.respelt)

    def spell(text: str, *, parsed: bool) -> str:
        keyed = citekeys.spelt(text, respelling, parsed=parsed)
        return _each_word(keyed, lambda word: respelling.get(word, word))

    return replace(
        plan,
        text=spell(plan.text, parsed=False),
        expression=spell(plan.expression, parsed=True),
    )


def _each_word(text: str, spell: Callable[[str], str]) -> str:
    """``text`` with each word that may be respelt replaced by ``spell(word)``: those
    standing alone outside quotes, and those of a clause asked of a name's field. The one
    place that says which words these are, for finding them and for rewriting them."""

    def word(match: re.Match[str]) -> str:
        return spell(match[1])

    def clause(match: re.Match[str]) -> str:
        named = match[1].lower() in _NAMED
        return f"{match[1]}:{_ALONE.sub(word, match[2])}" if named else match[0]

    return FIELD_CLAUSE.sub(clause, unquoted(text, word, _ALONE))


def _likeliest(
    vocabulary: Vocabulary, word: str, edits: int, context: list[str] | None = None
) -> str | None:
    """The archive's likeliest spelling of ``word`` within ``edits`` edits (British and
    American spellings of a word being one), where no article holds ``word`` itself and
    it is a word to check: the nearest, then the one most articles hold with the other
    words of the query (``context``, as typed), then the most used (folded)."""
    reader = vocabulary.reader
    folded = fields.fold(word)
    # A question's grammar ("what", "were") is no misspelling of a rarer word ("war").
    if not folded.isalpha() or len(folded) < 4 or folded in FUNCTION_WORDS:
        return None
    # A word some article holds is no misspelling: "Biden" is not "been", nor "police"
    # "policy", however much more often the pages say those.
    if _held(reader, word):
        return None
    own = vocabulary.frequency(folded)
    shape = skeleton(folded)
    # A word with others of one meaning is searched as those (synonyms), not respelt to
    # another word ("trips" is not "tries"), but may be as another spelling on its line.
    kin = line_of(folded)
    # Measured between the spellings searched: "behvaior" is a letter off "behaviour".
    near = [
        (candidate, distance)
        for candidate, distance in vocabulary.within_two(folded)
        if candidate != folded and distance <= edits and (kin is None or line_of(candidate) == kin)
    ]
    if not near:
        return None
    nearest = min(distance for _, distance in near)
    candidates = [candidate for candidate, distance in near if distance == nearest]
    # Of words as near, the one found with the most of the query's other words, in the
    # most articles: "presdent" beside "Republic Day" and "chief guest" is "president", not
    # the commoner "present"; "mamden" beside "Trump" and "game" is "madmen", not "maiden".
    # Then a name spelt with the same consonants, the name transliterated otherwise
    # ("Insaf", "Insaaf"), however often the pages say another ("ISAF"); a word of the
    # language is not ("Jining" is "Jinping", not "joining"). Then the most used.
    context = _known(vocabulary, context or []) if len(candidates) > 1 else []
    together = vocabulary.together(candidates, context)
    best: tuple[tuple[int, int, bool, int], str, int] | None = None
    for candidate in candidates:
        otherwise = skeleton(candidate) != shape or not name_like(reader, candidate)
        frequency = vocabulary.frequency(candidate)
        most, articles = together.get(candidate, (0, 0))
        key = (-most, -articles, otherwise, -frequency)
        if best is None or key < best[0]:
            best = (key, candidate, frequency)
    if best is None or best[2] <= own * 5:
        return None
    return best[1]


# The most of the query's other words a spelling is weighed against: the rarest, which say
# the most of the subject ("Ghani", not "visit"); each is read as the set of articles
# holding it, and a common word's set is thousands long.
_CONTEXT_WORDS = 4


def _known(vocabulary: Vocabulary, words: list[str]) -> list[str]:
    """The rarest :data:`_CONTEXT_WORDS` of ``words`` that say something of the subject
    and some article holds: the query's other words a spelling is weighed against."""
    held = [
        (vocabulary.held_in(w), w)
        for w in words
        if w.isalpha() and fields.fold(w) not in FUNCTION_WORDS
    ]
    return [w for count, w in sorted(c for c in held if c[0])[:_CONTEXT_WORDS]]


VOWELS = re.compile(r"[aeiouy]+")
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")


def skeleton(word: str) -> str:
    """``word`` (folded) as its consonants, a letter doubled written once and a final "h"
    after a vowel dropped, its first letter kept: what the transliterations of one word
    share ("tehrik" and "tehreek", "mohammed" and "muhammad", "dawa" and "dawah")."""
    word = _FINAL_H.sub("", word)
    return word[:1] + _DOUBLED.sub(r"\1", VOWELS.sub("", word[1:]))


def name_like(reader: Any, word: str) -> bool:
    """Whether the pages print ``word`` (folded) as a name: with a capital inside a
    sentence in half the articles, or more, whose opening holds it (the ``caps`` and
    ``spell`` fields)."""
    capitalised = reader.doc_frequency("caps", word)
    return capitalised > 0 and 2 * capitalised >= reader.doc_frequency("spell", word)


def _cased(word: str, typed: str) -> str:
    return word.capitalize() if typed[:1].isupper() else word


# The fields a search looks a word up in, by the analyzer that reads them.
_SEARCHED = {"text": STEMMED_FIELDS, "name": NAME_FIELDS}


def _held(reader: Any, word: str) -> bool:
    """Whether any article holds ``word`` as a search reads it, in any field searched
    (the ``spell`` field holds only the start of each body)."""
    return any(next(_held_terms(reader, kind, word), None) for kind in _SEARCHED)


def _byline(reader: Any, name: str) -> bool:
    """Whether some article's byline prints ``name`` (a surname, say)."""
    return any(field == "author" for field, _term in _held_terms(reader, "name", name))


def _held_terms(reader: Any, kind: str, word: str) -> Iterator[tuple[str, str]]:
    """Each (field, term) of the fields a search reads with the ``kind`` analyzer
    (:data:`_SEARCHED`) that some article holds, ``word`` read as the search reads it."""
    terms = {t.text for t in fields.analyzers()[kind](word, mode="query")}
    for field in set(reader.schema.names()).intersection(_SEARCHED[kind]):
        yield from ((field, term) for term in terms if reader.doc_frequency(field, term))


def _letter_bits(word: str) -> int:
    """A bit for each letter of ``word``. Letters more than 62 apart share a bit, so two
    words' bits differ in no more places than their sets of letters do."""
    bits = 0
    for letter in word:
        bits |= 1 << (ord(letter) % 63)
    return bits


def _distance(a: str, b: str) -> int:
    """Edit distance counting a swap of neighbours as one edit."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            cur.append(cost)
        prev2, prev = prev, cur
    return prev[-1]
