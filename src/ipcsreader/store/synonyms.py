"""Words a reader and a writer use for one thing: "ties" for relations, "Tokyo" for Japan.

A reader who half-remembers a piece types it in their own words: "India Japan ties" for
the page on relations between them, "Delhi Tokyo Washington" for one that names the three
countries, "pullout" where the page says "withdrawal". Each such word is also searched as
its others here, which count for less than the word itself
(:data:`~ipcsreader.store.ranking.OTHER_FORM`): a page saying what was typed still comes
first. Only words of one meaning in this archive's prose are paired (and a name's other
spellings: "Baloch", "Baluch"); one way only, a capital with its country (the metonymy of
every foreign-affairs page), a short form with its name in full ("PM", "UNSC"; "govt",
"ex" as readers type them in a hurry), a country's combining form in a compound with
another country's ("Sino-Indian"), and a narrower word with the one its pages say as well
("ambush" finds "attack"); not words that are merely related ("war" and "conflict").
"""

from __future__ import annotations

import copy
import re
from functools import cache
from itertools import pairwise
from typing import Any

from ipcsreader import wordforms
from ipcsreader.store import fields, grammar, querying
from ipcsreader.store.querying import STEMMED_FIELDS
from ipcsreader.store.ranking import FIELD_BOOSTS, OTHER_FORM

# Each line: words of one meaning in this archive's prose, any of them standing for the
# others; or, before a ">", words standing for those after it and not the other way: a
# capital (or a seat of power) for its country, "America" for the US (a page on China
# says "China" whatever else it says), a short form for its name, a narrower word for a
# broader one (a page on an ambush calls it an attack too). A word is matched as the
# index reads it (stemmed: "tie" and "ties" alike), and is on one line only; an other
# may be a name of several words ("north korea"), searched as a phrase.
_GROUPS = """
ties, relations, relationship
visit, trip
withdrawal, pullout, drawdown
talks, dialogue, negotiations
agreement, pact, agree
drills, exercises
aircraft, plane, jet, airliner
hunt, search
abduction, kidnapping, abductee
militants, insurgents, rebels, guerrillas
bombing, blast, explosion
border, frontier, boundary
navy, naval
nuclear, atomic
elections, polls
ceasefire, truce
protests, demonstrations, agitation
cooperation, collaboration
troops, soldiers, jawans
emigration, migration, migrant
constitution, charter
missing, disappeared, vanished
incursion, intrusion, transgression
impasse, deadlock, stalemate
envoy, emissary
lawmakers, parliamentarians
referendum, plebiscite
uprising, revolt, rebellion, insurrection
separatist, secessionist, separatism, secessionism
crackdown, clampdown
curbs, restrictions
espionage, spying
drone, uav
gunfight, firefight, shootout, gunbattle
hydropower, hydroelectric, hydel
bandh, hartal
myanmar, burma
mumbai, bombay
chennai, madras
kolkata, calcutta
ccp, cpc
kmt, kuomintang
bri, obor
quad, quadrilateral
isil, daesh
qaeda, qaida
toiba, taiba, tayyiba
tehrik, tehreek
mujahideen, mujahidin, mujahedeen
madrassa, madrasa, madrasah, seminary
sharia, shariah, shariat
jihadi, jihadist, jihadism
pashtun, pakhtun, pukhtun, pushtun
baloch, baluch
balochistan, baluchistan
nwfp, pakhtunkhwa
uighur, uyghur
senkaku, diaoyu
dokdo, takeshima
doklam, donglang
rakhine, arakan
yangon, rangoon
odisha, orissa
terai, tarai
madhesi, madheshi
ambush > attack
skirmish, scuffle > clash
ambassador > envoy
icbm, slbm > ballistic missile
narcotics > drugs
counterfeit > fake
idps > displaced
hluttaw, sangsad > parliament
naxalites, naxals > maoists, left wing extremism
tatmadaw > myanmar military, myanmar army
pla > liberation army
ttp > pakistani taliban
unsc > security council
npt > proliferation treaty
ctbt > test ban
mea > external affairs
coas > army chief
cm > chief minister
pm > prime minister
fm > foreign minister
ex > former
govt, gov > government
intl > international
natl > national
dept > department
devt > development
admin > administration
infra > infrastructure
econ > economy, economic
def > defence
min > minister
mil > military
pres > president
rels > relations
nuke > nuclear
intel > intelligence
parl > parliament
airstrike > air strike, air raid
counterterrorism > counter terrorism
counterinsurgency > counter insurgency
beijing > china
delhi > india
islamabad, rawalpindi > pakistan
tokyo > japan
moscow, kremlin > russia
kabul > afghanistan
pyongyang > north korea
seoul > south korea
dhaka > bangladesh
colombo > sri lanka
kathmandu > nepal
tehran > iran
taipei > taiwan
hanoi > vietnam
thimphu > bhutan
jakarta > indonesia
bangkok > thailand
manila > philippines
riyadh > saudi arabia
washington, pentagon > us, america, united states
america > us, united states
dprk > north korea
rok > south korea
prc > china
ceylon > sri lanka
xizang, lhasa > tibet
urumqi > xinjiang
zangnan > arunachal pradesh
tsangpo, yarlung, zangbo > brahmaputra
lancang > mekong
naypyidaw, naypyitaw > myanmar
ajk > pok, pakistan occupied kashmir
britain > uk, united kingdom
uk > britain, united kingdom
ior > indian ocean
lac > actual control
northeast > north east
southeast > south east
"""

# Forms of one word that the stemmer leaves apart, a reader typing one for the other: the
# follower or the mood and the creed ("terrorist", "terrorism"; "optimistic", "optimism":
# the stemmer reads them as "optimist" and "optim"), the thing and its adjective
# ("economy", "economic"; "violence", "violent"), the act and the verb ("decision",
# "decided"; "loss", "lose"). Not "strength" for "strengthen" (a reader asking for
# "desperation, not strength" means power, not a pact strengthened), not
# "nationalism", which the stemmer reads as "nation", nor a verb of many other uses
# ("close" for "closure", "include" for "inclusion", "defend" for "defence").
_FORMS = """
terrorist, terrorism
extremist, extremism
populist, populism
militarist, militarism
optimistic, optimism
pessimistic, pessimism
islamist, islamism
communist, communism
fundamentalist, fundamentalism
expansionist, expansionism
economy, economic
strategy, strategic
diplomacy, diplomatic
democracy, democratic
hegemony, hegemonic
decision, decide
failure, fail
disarmament, disarm
provocation, provoke
invasion, invade
intervention, intervene
expansion, expand
response, respond
occupation, occupy
detainee, detain
seizure, seize
denial, deny
violence, violent
sovereignty, sovereign
rivalry, rival
stability, stable
threat, threaten
secession, secede
coercion, coercive, coerce
reliance, rely
compliance, comply
defiance, defy
destruction, destroy
reduction, reduce
pursuit, pursue
religion, religious
suspension, suspend
solution, solve
loss, lose
"""

# A country's combining form as a compound's first or last part ("Sino-Indian",
# "Indo-Pak"), next to another country or its people: the reader's shorthand for the
# country, which the page may name in full ("China and India"). Not a word of its own
# ("Pak Pong-ju"), nor beside another word ("Indo-Pacific").
_COMBINING = """
sino > china
indo > india
russo > russia
pak > pakistan
bangla > bangladesh
"""
# Countries beside which a combining form stands, besides those of wordforms' peoples.
_COUNTRIES_ALSO = frozenset({"us", "usa", "myanmar", "nepal", "bhutan"})
# A compound of letters joined by hyphens, outside a field's clause.
_COMPOUND = re.compile(r"(?<![\w:*?~^'’-])[^\W\d_]+(?:[-‐‑][^\W\d_]+)+(?![\w*?~^'’‘-])")

# A word as typed outside quotes, possessive or not: not a field's name or value, a
# prefix, a fuzzy or boosted word, nor part of a compound ("Tokyo-Seoul"). A colon with
# nothing after it ends a word ("Delhi: Tokyo").
_PLAIN = re.compile(r"(?<![\w:*?~^'’-])([^\W\d_]+)(?:['’‘][sS])?(?![\w*?~^'’‘-]|:\S)")
# A word left out ("NOT ties", "-ties", "ANDNOT ties"); a dash with a space after it is
# punctuation ("Delhi - Tokyo"), as signs_to_operators reads it.
_LEFT_OUT = re.compile(r"(?:(?:\bNOT|\bANDNOT)\s*|(?<![\w-])-)([^\W\d_]+)")


@cache
def _entries() -> list[tuple[list[str], list[str]]]:
    """Each line of the table: the words said, and those they stand for (the others of
    the line, where it has no ">")."""
    entries = []
    for line in filter(None, (_GROUPS + _FORMS + _COMBINING).splitlines()):
        left, _, right = line.partition(">")
        said = [s.strip() for s in left.split(",")]
        entries.append((said, [s.strip() for s in right.split(",")] if right else said))
    return entries


def _stem(word: str) -> str | None:
    """``word`` as the text fields index it, if it is one word there."""
    stems = [t.text for t in fields.analyzers()["text"](word, mode="query")]
    return stems[0] if len(stems) == 1 else None


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """Each word as the text fields index it (its stem) and the others of its line."""
    analyse = fields.analyzers()["text"]
    table: dict[str, tuple[str, ...]] = {}
    for said, meant in _entries():
        for one in said:
            (stem,) = (t.text for t in analyse(one, mode="query"))
            table[stem] = tuple(s for s in meant if s != one)
    return table


@cache
def _lines() -> dict[str, frozenset[str]]:
    """Each word of the table (not the words of a name: "north korea"), as the text
    fields index it, and those of its line; a word on the right of two lines ("myanmar")
    has the first."""
    lines: dict[str, frozenset[str]] = {}
    for said, meant in _entries():
        stems = frozenset(stem for w in (*said, *meant) if (stem := _stem(w)) is not None)
        for stem in stems:
            lines.setdefault(stem, stems)
    return lines


def line_of(word: str) -> frozenset[str] | None:
    """The words (as indexed) of the table's line ``word`` is on, or None: a word with
    others of one meaning is a word of the language, not a misspelling of another
    ("trips" is no "tries", though no page says "trip" and pages say "visit"), unless
    of one on its line ("naypyitaw", "naypyidaw")."""
    stem = _stem(word)
    return None if stem is None else _lines().get(stem)


@cache
def _forms() -> dict[str, frozenset[str]]:
    """Each word of the forms' table (:data:`_FORMS`), as indexed, and the others of its line."""
    lines = [frozenset(filter(None, map(_stem, line.split(",")))) for line in _FORMS.splitlines()]
    return {stem: line for line in lines for stem in line}


def one_word(typed: str, other: str) -> bool:
    """Whether ``typed`` and ``other`` are forms of one word: alike as the index reads
    them ("Tigers", "tiger"), or forms the stemmer leaves apart ("extremists",
    "extremism")."""
    stem, its = _stem(typed), _stem(other)
    return stem is not None and (stem == its or its in _forms().get(stem, ()))


def typed_words(text: str) -> dict[str, str]:
    """The words of the query ``text`` that have others, typed outside quotes and fields
    and not left out: each as the text fields index it, with the word as typed."""
    pieces = re.split(r'("[^"]*"?)', text)
    unquoted = " ".join(pieces[0::2])
    left_out = {w.lower() for w in _LEFT_OUT.findall(unquoted)}
    typed: dict[str, str] = {}
    plain = list(_PLAIN.finditer(unquoted))
    for word in (match[1] for match in plain):
        stem = _stem(word)
        if stem is not None and word.lower() not in left_out and stem in _plain_table():
            typed.setdefault(stem, word)
    for compound in _COMPOUND.findall(unquoted) + _apart(unquoted, plain):
        for form in _combining_forms(compound) + _joined_words(compound):
            if stem := _stem(form):
                typed.setdefault(stem, form)
    return typed


def _apart(text: str, found: list[re.Match[str]]) -> list[str]:
    """Each two plain words of ``text`` (``found`` in it: :data:`_PLAIN`'s matches) side by
    side, a space apart, as a compound: a combining form typed without its hyphen ("indo
    pak", "Sino Indian") is one still."""
    return [
        f"{a[1]}-{b[1]}"
        for a, b in pairwise(found)
        if not text[a.end() : b.start()].strip() and {a[1].lower(), b[1].lower()} & _combining()
    ]


def _joined_words(compound: str) -> list[str]:
    """The parts of ``compound`` that have others, where it joins words in their own right
    (:func:`querying.words_joined`): "Delhi-Beijing" is Delhi and Beijing, which the search
    finds apart too, and so India and China; "US-DPRK", the US and North Korea."""
    if not querying.words_joined(compound):
        return []
    return [part for part in re.split("[-‐‑]", compound) if _stem(part) in _plain_table()]


@cache
def _combining() -> frozenset[str]:
    return frozenset(line.partition(">")[0].strip() for line in _COMBINING.split("\n") if line)


@cache
def _plain_table() -> frozenset[str]:
    """The stems a word typed alone is searched with others for: not a combining form."""
    return frozenset(_table()).difference(_combining())


@cache
def _partners() -> frozenset[str]:
    """What may stand beside a combining form in a compound: a country, its people's word
    ("Indian"), or another combining form."""
    return wordforms.places() | _COUNTRIES_ALSO | _combining()


def _combining_forms(compound: str) -> list[str]:
    """The combining forms of ``compound`` as typed (:data:`_COMBINING`), where each
    other part is one of :func:`_partners`."""
    parts = re.split("[-‐‑]", compound)
    forms = [p for p in parts if p.lower() in _combining()]
    if not forms or any(p.lower() not in _partners() for p in parts):
        return []
    return forms


def others_of(text: str) -> dict[str, str]:
    """Each word of the query ``text`` that has others (:func:`typed_words`), as typed,
    with its others joined by ", " ("ties": "relations, relationship")."""
    return {word: _said(stem) for stem, word in typed_words(text).items()}


def _said(stem: str) -> str:
    """The others of the word ``stem``, joined by ", ", as the search names them."""
    return ", ".join(_table()[stem])


def widened(q: Any, typed: dict[str, str]) -> tuple[Any, dict[str, str]]:
    """The parsed query ``q`` with each word of ``typed`` (:func:`typed_words`) also
    searched as its others; and each word so read, as typed, with its others ("ties":
    "relations, relationship"). An other counts for :data:`ranking.OTHER_FORM` of the
    word, in the article's own text only (title, teaser, body: "border" is no reason to find every
    piece of the column "Himalayan Frontier"), each field weighted as for a word typed."""
    from whoosh import query

    used: dict[str, str] = {}

    def visit(node: Any) -> Any:
        if type(node) is query.Not:
            return node
        if type(node) is query.AndNot:  # what it leaves out stays as typed
            kept = copy.copy(node)
            kept.a = visit(node.a)
            return kept
        stem = _word(node)
        if stem is not None:
            if stem not in typed:
                return node
            used[typed[stem]] = _said(stem)
            return query.Or([node, *(_other(o) for o in _table()[stem])], boost=node.boost)
        return node if node.is_leaf() else node.apply(visit)

    return visit(q), used


def _word(node: Any) -> str | None:
    """The stem of a parsed unfielded word of one form (:func:`grammar.word_stems`), in
    the body and other fields; None for anything else."""
    stems = grammar.word_stems(node)
    return stems[0] if stems and len(stems) == 1 and len(node.subqueries) > 1 else None


def _other(words: str) -> Any:
    """``words`` (one word or a name) in the text fields, as one word over them all."""
    from whoosh import query

    analyse = fields.analyzers()["text"]
    stems = [[t.text for t in analyse(w, mode="query")] for w in words.split()]
    parts = []
    for field in STEMMED_FIELDS:
        boost = FIELD_BOOSTS[field]
        if len(stems) > 1:
            parts.append(query.Phrase(field, [s[0] for s in stems], boost=boost))
        else:
            parts += [query.Term(field, stem, boost=boost) for stem in stems[0]]
    return query.Or(parts, boost=OTHER_FORM)
