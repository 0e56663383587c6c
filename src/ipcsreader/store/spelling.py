"""“Did you mean …?”: a query's misspelt words replaced by the corpus's likeliest spelling."""

from __future__ import annotations

import re
from typing import Any

from ipcsreader.archive.search import plain_words
from ipcsreader.store import fields
from ipcsreader.store.querying import FUNCTION_WORDS


class Vocabulary:
    """The ``spell`` field's words of one reader, by first letter and then by length, read
    a letter at a time when first needed and kept with the reader.

    Whoosh's ``terms_within`` measures the distance to every word with the same first
    letter. Two edits change a word's length by two letters at most and its set of letters
    by four (a letter in or out per insertion or deletion, two per substitution): words
    further off on either count are left out before measuring (same words, same order).
    A word's letters are kept as the bits of an int (:func:`_letter_bits`): a fifth of
    the memory of sets (10 MB for every letter at 10k); letters sharing a bit only let
    more words through to be measured.
    """

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        # Whoosh measures as its reader does: a segment's own reader runs a Levenshtein
        # automaton (a swap of neighbours is two edits), a reader over several segments
        # its Damerau-Levenshtein distance (one edit).
        self._swaps = not reader.is_atomic()
        self._letters: dict[str, dict[int, list[tuple[str, int]]]] = {}

    def within_two(self, word: str) -> list[str]:
        """The words within two edits of ``word`` that share its first letter, in the
        index's order (as ``reader.terms_within(\"spell\", word, 2, prefix=1)`` gives them)."""
        by_length = self._letters.get(word[:1])
        if by_length is None:
            by_length = self._letters[word[:1]] = {}
            for btext in self.reader.expand_prefix("spell", word[:1]):
                term = btext.decode("utf-8")
                by_length.setdefault(len(term), []).append((term, _letter_bits(term)))
        letters = _letter_bits(word)
        near = [
            term
            for size in range(len(word) - 2, len(word) + 3)
            for term, its_letters in by_length.get(size, ())
            if (its_letters ^ letters).bit_count() <= 4 and _distance(term, word, self._swaps) <= 2
        ]
        near.sort()
        return near


def suggest(vocabulary: Vocabulary, text: str) -> str | None:
    """The query with misspelt words replaced by the corpus's likeliest spelling, if any."""
    reader = vocabulary.reader
    changed = False
    result = text
    for word in set(plain_words(text)):
        folded = fields.fold(word)
        # A question's grammar ("what", "were") is no misspelling of a rarer word ("war").
        if not folded.isalpha() or len(folded) < 4 or folded in FUNCTION_WORDS:
            continue
        # A word some article holds is no misspelling: "Biden" is not "been", nor "police"
        # "policy", however much more often the pages say those.
        if _held(reader, word):
            continue
        own = reader.doc_frequency("spell", folded)
        best = None
        for candidate in vocabulary.within_two(folded):
            if candidate == folded:
                continue
            key = (_distance(folded, candidate), -reader.doc_frequency("spell", candidate))
            if best is None or key < best[0]:
                best = (key, candidate)
        if best is None or -best[0][1] <= own * 5:
            continue
        replacement = best[1].capitalize() if word[:1].isupper() else best[1]
        result = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", replacement, result)
        changed = True
    return result if changed else None


# The fields a search looks a word up in, by the analyzer that reads them.
_SEARCHED = {"text": ("title", "teaser", "body"), "name": ("author", "column", "region")}


def _held(reader: Any, word: str) -> bool:
    """Whether any article holds ``word`` as a search reads it, in any field searched
    (the ``spell`` field holds only the start of each body)."""
    names = set(reader.schema.names())
    analyzers = fields.analyzers()
    for kind, searched in _SEARCHED.items():
        terms = {t.text for t in analyzers[kind](word, mode="query")}
        for field in names.intersection(searched):
            if any(reader.doc_frequency(field, term) for term in terms):
                return True
    return False


def _letter_bits(word: str) -> int:
    """A bit for each letter of ``word``. Letters more than 62 apart share a bit, so two
    words' bits differ in no more places than their sets of letters do."""
    bits = 0
    for letter in word:
        bits |= 1 << (ord(letter) % 63)
    return bits


def _distance(a: str, b: str, swaps: bool = True) -> int:
    """Edit distance counting a swap of neighbours as one edit (as two without ``swaps``)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if swaps and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            cur.append(cost)
        prev2, prev = prev, cur
    return prev[-1]
