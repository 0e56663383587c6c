"""“Did you mean …?”: a query's misspelt words replaced by the corpus's likeliest spelling."""

from __future__ import annotations

import re
from typing import Any

from ipcsreader.archive.search import plain_words
from ipcsreader.store import fields


def suggest(searcher: Any, text: str) -> str | None:
    """The query with misspelt words replaced by the corpus's likeliest spelling, if any."""
    reader = searcher.reader()
    changed = False
    result = text
    for word in set(plain_words(text)):
        folded = fields.fold(word)
        if not folded.isalpha() or len(folded) < 4:
            continue
        own = reader.doc_frequency("spell", folded)
        best = None
        for candidate in reader.terms_within("spell", folded, 2, prefix=1):
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
