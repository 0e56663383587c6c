"""The grammar of a query, apart from its subject: function words, questions, descriptions.

A function word ("what", "the", "over", "Dr", an initial) need not be found; a query put
as a question, or one that describes an article in many words, is ranked over the
articles with any of its words (see ``store/running.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from ipcsreader.archive.search import OPERATORS
from ipcsreader.store import fields
from ipcsreader.text import fold

# Words that carry the grammar of a question, not its subject ("what did the report say
# about piracy"): a page answering it need not hold them, so they are not required when a
# query has other words. They still add a little to the score where they are found.
_GRAMMAR = frozenset(
    re.findall(
        r"\w+",
        """a an the of in on at to for from by with about into than and or but if so as
        is are was were be been being do does did has have had will would can could should
        shall may might must what which who whom whose why how when where this that these
        those there it its they their them he she his her we our you your i my me many much
        over under above below across after before during between against through among
        amongst within without upon onto via per up down out off toward towards amid since
        until beyond behind along around all any some more most other such no nor not only
        own same too very just also then once here each both few again further him himself
        herself itself themselves myself ourselves ours yours theirs am having doing because
        while now""",
    )
)
FUNCTION_WORDS = (
    _GRAMMAR
    | frozenset(
        # Titles shortened before a name ("Dr Sandip Mishra", "Amb Salman Haidar"): pages name
        # a person with one or without (a teaser, a byline, the text), so a query need not
        # find it either. Ranks spelt out ("General", "Major") are words of their own.
        re.findall(
            r"\w+", "dr prof amb mr mrs ms shri smt hon gen lt maj brig col capt cdr cmde wg gp"
        )
    )
    | frozenset(
        # Words naming the archive or its kind of text ("IPCS article on the Durand Line",
        # "commentary on Nepal's constitution", "Dateline Colombo column on migration"):
        # every page is one, so they say nothing of the subject. Not "Article 370" (see
        # split_function_words).
        re.findall(
            r"\w+", "ipcs article articles commentary commentaries piece pieces column columns"
        )
    )
    | frozenset(
        # Words framing what a reader asks of a subject ("impact of the trilateral on
        # China", "implications of seabed mining"): the page answering it may say "what it
        # means for China" and never "impact". Not "effect" (the stemmer reads "effective"
        # as it) nor "significance" ("significant").
        re.findall(r"\w+", "impact impacts implication implications consequence consequences")
    )
    | frozenset(
        # Words framing a reader's request about the author's stance ("the piece arguing
        # that …", "a Pakistani scholar's take on Modi"): the page argues, and may never
        # say so.
        re.findall(r"\w+", "argue argues arguing argued take takes")
    )
    | frozenset(
        # Words framing a reader's errand ("urgent background on the Sukma ambush for a story
        # tonight", "reading for the week on Naxalism", "need a quick explainer"): how and
        # when they want it, never what it is about. Not "something" nor "anything": a
        # reader hedging a query of names is better served reading it as a description.
        re.findall(
            r"\w+",
            """urgent urgently explainer explainers backgrounder background primer overview
            summary tonight deadline week story reading quick quickly fast need needs
            needed please locate""",
        )
    )
    | frozenset(
        # A letter alone is an initial ("S Malik", "R N Ravi"): pages print the name in full,
        # with initials (run together: "RN Ravi") or without, so a query need not find it.
        "abcdefghijklmnopqrstuvwxyz"
    )
)


# How a question starts ("what happened to PNS Zulfiqar", "is China exploring the seabed"):
# its answer need not hold every word of it (the page tells what happened, and may never
# say "happened"), so a question is ranked over the articles with any of its words, by
# how many they hold and how well (see ``store/running.py``).
QUESTION_STARTS = frozenset(
    re.findall(
        r"\w+",
        """what which who whom whose why how when where is are was were do does did can
        could will would should has have had""",
    )
)


def is_question(words: Sequence[str], text: str) -> bool:
    """Whether a query of plain ``words`` (typed as ``text``) is put as a question.

    A first word in capitals is an acronym ("IS recruitment in Kerala", "WHO on polio"),
    not the start of a question, unless the query ends in a question mark or has no other
    word in lower case, as a query typed in capitals throughout (``search.plan`` lowers
    its "not": "WHY IS India not Joining"). A question mark makes a question of a
    sentence (a word of grammar in it), not of words alone. Accents do not count ("whát
    did …"), as the index reads words without them."""
    if not words:
        return False
    first = words[0]
    lower = [w for w in words[1:] if w.islower() and w.upper() not in OPERATORS]
    acronym = len(first) > 1 and first.isupper() and (len(words) < 3 or bool(lower))
    if fold(first) in QUESTION_STARTS and not acronym:
        return True
    # A question mark after words alone, no sentence ("Salma Malik Modi mandate?"), is a
    # reader's doubt, not a question: its words are searched as typed without it.
    return text.rstrip().endswith("?") and any(fold(w) in _GRAMMAR for w in words)


# A query of this many words or more besides function words, at least half of them typed
# in lower case, describes an article ("seized Japanese citizens North Korea summit"):
# readers tell an event in their own words, and the page may say "abducted" for
# "seized", so it is ranked as a question is: one holding most of the words far better
# comes before one holding them all in passing. Four words, mostly names ("Ram Baran
# Yadav statute"), keep to every word: there a page lacking a word is one that names the
# same people (bench/README.md, thirteenth pass).
DESCRIPTION_WORDS = 4
# A query this long describes an article whatever its case: the more words typed, the
# likelier the page lacks one ("Netanyahu held up Iranian drone debris"). Some name-heavy
# queries rank lower for it, more rank higher, on every haystack tried (bench/README.md,
# seventeenth pass); a name of several words counts once (eighteenth pass).
LONG_QUERY_WORDS = 5


def named(word: str) -> bool:
    """Whether ``word`` was typed as a name, an acronym or a number: with a capital or a
    digit."""
    return word[:1].isupper() or any(c.isdigit() for c in word)


_LETTER = re.compile(r"[^\W\d_]")


def describes(words: Sequence[str]) -> bool:
    """Whether a query of plain ``words`` describes an article (see
    :data:`DESCRIPTION_WORDS`, :data:`LONG_QUERY_WORDS`); a word typed with a capital or a
    digit names something."""
    text = fields.analyzers()["text"]
    # Function words as the index reads them: "whát" is "what".
    function = function_stems()
    # Words typed with a capital side by side name one thing ("Ram Baran Yadav", "Nawaz
    # Sharif's"): counted once, a name of three words does not make a description of a
    # query that asks for it and one more word (bench/README.md, eighteenth pass).
    said = [(w, not {t.text for t in text(w, mode="query")} <= function) for w in words]
    # Every word with a capital (typed in title case or in capitals) tells no name from
    # the next: each counts ("Delhi Tokyo Washington Three-Way Strategic Dialogue"). A
    # figure has no case ("… Bus Bombing 2002 French Engineers").
    cased = [w for w, subject in said if subject and _LETTER.search(w)]
    runs = not all(w[:1].isupper() for w in cased)
    content: list[str] = []
    capital = False
    for word, subject in said:
        if not subject:
            capital = False
            continue
        if not (runs and capital and word[:1].isupper()):
            content.append(word)
        capital = word[:1].isupper()
    if len(content) >= LONG_QUERY_WORDS:
        return True
    loose = [w for w in content if not named(w)]
    return len(content) >= DESCRIPTION_WORDS and 2 * len(loose) >= len(content)


# What a function word's score counts for, where found: a tie-breaker. Scored as any word,
# "the" said a hundred times in a long page would outweigh the subject's words.
FUNCTION_WORD_WEIGHT = 0.1


def function_stems() -> frozenset[str]:
    """:data:`FUNCTION_WORDS` as the text fields index them."""
    return _stems_of(FUNCTION_WORDS)


@cache
def _stems_of(words: frozenset[str]) -> frozenset[str]:
    """``words`` as the text fields index them."""
    text = fields.analyzers()["text"]
    return frozenset(t.text for w in words for t in text(w, mode="query"))


def without_vain_exclusions(q: Any, reader: Any) -> Any:
    """``q``, an AND of words, without the words it leaves out that leave out nothing a
    reader meant: a letter alone or a function word ("-a", "NOT the": nearly every page
    holds one, as the flag of a command line pasted, "-a Mishra", does not mean), and a
    word no article holds ("-ri" of a pasted grep): it leaves out nothing, yet a query
    leaving out a word is never relaxed to any of its others."""
    from whoosh import query

    if type(q) is not query.And:
        return q
    kept = [
        part
        for part in q.subqueries
        if not (isinstance(part, query.Not) and _vain(part.query, reader))
    ]
    if len(kept) == len(q.subqueries) or not kept:
        return q
    return kept[0] if len(kept) == 1 else query.And(kept, boost=q.boost)


def _vain(q: Any, reader: Any) -> bool:
    """Whether leaving out what ``q`` matches leaves out nothing a reader meant."""
    terms = [(field, text) for field, text in q.iter_all_terms() if isinstance(text, str)]
    if not terms:
        return False
    words = {text for _field, text in terms}
    if all(len(word) == 1 for word in words) or words <= function_stems():
        return True
    return not any(reader.doc_frequency(field, text) for field, text in terms)


def function_words_optional(q: Any) -> Any:
    """``q``, an AND of words, with its function words (:data:`FUNCTION_WORDS`) made
    optional, unless it has no other words."""
    from whoosh import query

    if type(q) is not query.And:
        return q
    required, optional = split_function_words(q)
    if not optional or not required:
        return q
    must = required[0] if len(required) == 1 else query.And(required)
    return query.AndMaybe(must, weak_words(optional))


def weak_words(words: Sequence[Any]) -> Any:
    """Function words, each weighted :data:`FUNCTION_WORD_WEIGHT`, any of them."""
    from whoosh import query

    return query.Or([sub.with_boost(sub.boost * FUNCTION_WORD_WEIGHT) for sub in words])


def word_stems(node: Any) -> list[str] | None:
    """The body's terms of a parsed word searched in every default field (an OR of one
    term per field; a word the index reads in two forms, "met" and "meet", has two); None
    for anything else (a phrase, a word asked of a field, a prefix …)."""
    from whoosh import query
    from whoosh.query.compound import DefaultOr

    if type(node) not in (query.Or, DefaultOr) or not node.subqueries:
        return None
    if not all(type(p) is query.Term for p in node.subqueries):
        return None
    return [p.text for p in node.subqueries if p.fieldname == "body"]


# The words setting an essay or an exam question, as a student pastes one ("Critically
# examine the role of …", "Discuss how …", "To what extent …"), and its word limit ("(1500
# words)", "(15 marks)"): they tell what to write, not what about, and the page answering
# need not say them ("critically" is read as "critical", on many pages). At the start of
# a query only, and the limit at its end: elsewhere "assessment" or "discussion" may be
# the subject ("threat assessment").
_INSTRUCTIONS = frozenset(
    re.findall(
        r"\w+",
        """critically briefly examine discuss analyse analyze evaluate assess explain describe
        elucidate comment outline justify illustrate identify compare contrast critique
        extent""",
    )
)
_LIMITS = frozenset({"words", "marks"})


def _instruction(found: Sequence[Sequence[str]]) -> int:
    """How many of the first parts (each as its stems) set a question: function words and
    instructions, one instruction at least, and a word besides them after."""
    function, instructions = function_stems(), _stems_of(_INSTRUCTIONS)
    told = False
    for count, own in enumerate(found):
        if not own or not all(s in function or s in instructions for s in own):
            return count if told else 0
        told = told or any(s in instructions for s in own)
    return 0


def _word_limit(parts: Sequence[Any], found: Sequence[Sequence[str]]) -> int:
    """2 where the query ends in a word limit (a figure, then "words" or "marks"), else 0."""
    from whoosh import query

    if len(parts) < 4 or not found[-1] or not set(found[-1]) <= _stems_of(_LIMITS):
        return 0
    figure = any(
        isinstance(t, query.Term) and t.fieldname == "body" and str(t.text).isdigit()
        for t in parts[-2].leaves()
    )
    return 2 if figure else 0


def split_function_words(q: Any) -> tuple[list[Any], list[Any]]:
    """The parts of ``q``, an AND of words, that are not function words, and those that are
    (with an essay question's instruction and word limit: :data:`_INSTRUCTIONS`)."""
    stems = function_stems()
    found = [word_stems(sub) or [] for sub in q.subqueries]
    lead = _instruction(found)
    end = len(found) - _word_limit(q.subqueries, found)
    required: list[Any] = []
    optional: list[Any] = []
    for at, (sub, own, after) in enumerate(zip(q.subqueries, found, [*found[1:], []], strict=True)):
        if at < lead or at >= end:
            optional.append(sub)
            continue
        function = bool(own) and all(stem in stems for stem in own)
        # A word before a number names that one: "Article 370", "Article 9".
        if function and not any(stem.isdigit() for stem in after):
            optional.append(sub)
        else:
            required.append(sub)
    return required, optional


def typed_word(part: Any, typed: dict[str, str]) -> str | None:
    """A parsed word of the query (also searched as its others: :mod:`.synonyms`; or a
    prefix, as the app completes the word being typed), as typed, from ``typed`` (each
    stem of a word typed: the word); None for anything else."""
    from whoosh import query

    stems = word_stems(part)
    if stems is None and type(part) is query.Or and part.subqueries:
        stems = word_stems(part.subqueries[0])  # the word first, then its others
    if stems is None:
        prefixes = {q.text for q in part.leaves() if isinstance(q, query.Prefix)}
        stems = list(prefixes) if len(prefixes) == 1 else None
    return typed.get(stems[0]) if stems else None
