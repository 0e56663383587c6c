"""Who is who: match the names a reader types, and tell when two printed names are one person.

Pages print one person in several ways: "Dr Sandip Mishra" in a sidebar, "Sandip Kumar
Mishra" in a byline, "Bibhu Prasad" in a sidebar and "Bibhu Prasad Routray" on his own
page. Matching forgives case, accents, honorifics and middle names. Two printed names are
taken for one person only with evidence: the same surname and compatible given names (or
one name the start of the other, or a surname misprinted by a letter), and a column both
names wrote for.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from ipcsreader.errors import UsageError
from ipcsreader.model import Author, ColumnistEntry, Listing, Page, Record
from ipcsreader.names import split_honorific
from ipcsreader.text import fold

# "P.R." and "PR" are initials; a short all-capital token in a name is a run of initials.
_INITIALS = re.compile(r"^[A-Z]{2,3}$")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class Name:
    """A printed name cut into folded given names and a surname (honorific removed)."""

    given: tuple[str, ...]
    surname: str

    @property
    def tokens(self) -> tuple[str, ...]:
        return (*self.given, self.surname)

    @property
    def key(self) -> str:
        """Equal for names printed alike up to case, accents, dots and honorifics."""
        return " ".join(self.tokens)


@lru_cache(maxsize=1 << 16)
def parse_name(raw: str) -> Name | None:
    """The :class:`Name` in ``raw``, or None when it holds no letters."""
    _, bare = split_honorific(raw.strip())
    tokens: list[str] = []
    for word in _TOKEN.findall(bare):
        if _INITIALS.match(word):
            tokens.extend(fold(word))
        else:
            tokens.append(fold(word).replace("'", "").replace("’", ""))
    if not tokens:
        return None
    return Name(tuple(tokens[:-1]), tokens[-1])


def _same_given(a: str, b: str) -> bool:
    """One given name against another: equal, or an initial of it."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


def compatible_given(a: Name, b: Name) -> bool:
    """Given names that may belong to one person: the first agrees, middle names are forgiven.

    A missing given name (a surname alone) is compatible with any.
    """
    if not a.given or not b.given:
        return True
    return _same_given(a.given[0], b.given[0])


def _is_prefix(a: Name, b: Name) -> bool:
    """One name starts the other ("Bibhu Prasad", "Bibhu Prasad Routray"), two words at least."""
    short, long_ = (a.tokens, b.tokens) if len(a.tokens) <= len(b.tokens) else (b.tokens, a.tokens)
    return len(short) >= 2 and long_[: len(short)] == short


def _misprinted(a: Name, b: Name) -> bool:
    """The same given names, spelt out in full, and surnames of five letters or more one
    letter apart, added or dropped: a misprint ("Vijay Sakhhuja" for "Vijay Sakhuja") or
    another transliteration ("Misra", "Mishra"). Not a letter changed: "Rao" and "Roy"."""
    if a.given != b.given or not a.given or any(len(g) == 1 for g in a.given):
        return False
    short, long_ = sorted((a.surname, b.surname), key=len)
    if len(short) < 5 or len(long_) != len(short) + 1:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def may_be_same(a: Name, b: Name) -> bool:
    """Whether two names can belong to one person (columns decide whether they do)."""
    if a.key == b.key:
        return True
    if a.surname == b.surname and compatible_given(a, b):
        return True
    return _is_prefix(a, b) or _misprinted(a, b)


def _subsequence(query: Sequence[str], tokens: Sequence[str]) -> bool:
    it = iter(tokens)
    return all(any(_same_given(q, t) if len(q) == 1 else q == t for t in it) for q in query)


def matches(query: str, name: str) -> bool:
    """Whether what the reader typed names this printed name.

    ``Mishra``, ``sandip mishra``, ``Dr S Mishra`` and ``Sandip Kumar Mishra`` all match
    "Sandip Kumar Mishra" and "Sandip Mishra".
    """
    q, n = parse_name(query), parse_name(name)
    if q is None or n is None:
        return False
    if _subsequence(q.tokens, n.tokens):
        return True
    return bool(q.given) and q.surname == n.surname and compatible_given(q, n)


@lru_cache(maxsize=1 << 12)
def column_key(column: str | None) -> str | None:
    """A column's name folded so that "The Indo-Pacific" and "Indo-pacific" agree."""
    if not column:
        return None
    words = re.findall(r"\w+", fold(column))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words) or None


def wanted_key(option: str, value: str) -> str:
    """``value`` given to ``--option`` folded as :func:`column_key` folds names;
    UsageError when it has no words ("%", "("): in every name, it would pick them all."""
    key = column_key(value)
    if not key:
        raise UsageError(f"--{option} {value!r} has no words to look for")
    return key


@dataclass(frozen=True)
class Mention:
    """A person printed on a page: in which column, on which date, and where."""

    author: Author
    column: str | None = None
    date: dt.date | None = None
    number: int | None = None


@dataclass(frozen=True)
class Person:
    """One person, with every way the pages print the name."""

    name: str
    names: tuple[str, ...]
    honorific: str | None
    key: str

    def matches(self, query: str) -> bool:
        return any(matches(query, n) for n in self.names)

    @property
    def surname(self) -> str:
        parsed = parse_name(self.name)
        return parsed.surname if parsed else self.name


class People:
    """The persons behind a set of mentions, and a way from a printed name to its person."""

    def __init__(self, persons: Sequence[Person], by_key: dict[str, Person]) -> None:
        self.persons = tuple(persons)
        self._by_key = by_key

    def of(self, name: str) -> Person | None:
        """The person a printed name belongs to (None for a name never mentioned)."""
        parsed = parse_name(name)
        return self._by_key.get(parsed.key) if parsed else None

    def of_key(self, key: str) -> Person | None:
        """The person a name key (:attr:`Name.key`) belongs to."""
        return self._by_key.get(key)

    def name_keys(self, persons: Collection[str]) -> set[str]:
        """The name keys of the persons with these keys."""
        return {k for k, p in self._by_key.items() if p.key in persons}

    def find(self, query: str) -> list[Person]:
        """Every person the query names, in the order of :attr:`persons`."""
        return [p for p in self.persons if p.matches(query)]

    def misprinted_surnames(self) -> dict[str, tuple[str, ...]]:
        """Each surname (folded) that one person's bylines print a letter apart, with its
        other printings: "sakhuja" gives ("sakhhuja",) and "sakhhuja" ("sakhuja",)."""
        others: dict[str, set[str]] = {}
        for person in self.persons:
            names = [n for n in map(parse_name, person.names) if n is not None]
            for a in names:
                for b in names:
                    if a.surname != b.surname and _misprinted(a, b):
                        others.setdefault(a.surname, set()).add(b.surname)
        return {surname: tuple(sorted(o)) for surname, o in others.items()}


class _Variant:
    """Every mention of one name key, with how often each is printed."""

    def __init__(self, name: Name) -> None:
        self.name = name
        self.columns: set[str] = set()
        self.mentions: dict[Mention, int] = {}
        self.printed = 0


def _fullness(name: Name) -> tuple[int, int]:
    # The fullest printing names the person: more words, then fewer bare initials.
    return (len(name.tokens), -sum(len(t) == 1 for t in name.tokens))


def identify(mentions: Iterable[Mention] | Mapping[Mention, int]) -> People:
    """Group mentions into persons (see the module's rules).

    ``mentions`` may come counted (as :func:`count_mentions` gives them): a mention printed
    a thousand times weighs a thousand, and is matched once.
    """
    counts = mentions if isinstance(mentions, Mapping) else Counter(mentions)
    variants: dict[str, _Variant] = {}
    for m, n in counts.items():
        parsed = parse_name(m.author.name)
        if parsed is None:
            continue
        v = variants.get(parsed.key)
        if v is None:
            v = variants[parsed.key] = _Variant(parsed)
        v.mentions[m] = n
        v.printed += n
        if (ck := column_key(m.column)) is not None:
            v.columns.add(ck)

    groups: dict[str, list[_Variant]] = {k: [v] for k, v in variants.items()}
    owner: dict[str, str] = {k: k for k in variants}
    for a, b in _candidates(variants):
        ga, gb = owner[a], owner[b]
        if ga == gb:
            continue
        # Every name of one group must fit every name of the other, so that "S Mishra"
        # cannot join "Sandip Mishra" and "Sunil Mishra" into one person.
        if all(may_be_same(x.name, y.name) for x in groups[ga] for y in groups[gb]):
            groups[ga].extend(groups.pop(gb))
            for v in groups[ga]:
                owner[v.name.key] = ga

    persons: list[Person] = []
    by_key: dict[str, Person] = {}
    for members in groups.values():
        person = _person(members)
        persons.append(person)
        for v in members:
            by_key[v.name.key] = person
    persons.sort(key=lambda p: (p.surname.casefold(), p.name.casefold()))
    return People(persons, by_key)


def printed_name(spellings: Mapping[str, Mapping[str, int]]) -> tuple[str, tuple[str, ...]]:
    """The name and names :func:`identify` gives a person whose name keys are printed so
    (each with how often each spelling is printed)."""

    def rank(key: str) -> tuple[tuple[int, int], int, str]:
        *given, surname = key.split(" ")
        return (_fullness(Name(tuple(given), surname)), sum(spellings[key].values()), key)

    printed = spellings[max(spellings, key=rank)]
    name = max(printed, key=lambda s: (printed[s], s))
    return name, tuple(sorted({s for spelled in spellings.values() for s in spelled}))


def _candidates(variants: Mapping[str, _Variant]) -> list[tuple[str, str]]:
    """The pairs of name keys that may merge, in the order they are tried (sorted).

    Only names sharing a column and fitting each other can merge, so only those pairs are
    made: a column's names against each other, not every name against every other.
    """
    by_column: dict[str, list[str]] = {}
    for key, v in variants.items():
        for ck in v.columns:
            by_column.setdefault(ck, []).append(key)
    pairs = {
        (a, b) if a < b else (b, a)
        for keys in by_column.values()
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
    }
    return sorted(p for p in pairs if may_be_same(variants[p[0]].name, variants[p[1]].name))


def _person(members: list[_Variant]) -> Person:
    best = max(members, key=lambda v: (_fullness(v.name), v.printed, v.name.key))
    printed: Counter[str] = Counter()
    for m, n in best.mentions.items():
        printed[m.author.name.strip(" .")] += n
    name = max(printed, key=lambda s: (printed[s], s))
    names = sorted({m.author.name.strip(" .") for v in members for m in v.mentions})
    honorifics = (m for v in members for m in v.mentions if m.author.honorific)
    latest = max(honorifics, key=lambda m: m.date or dt.date.min, default=None)
    return Person(
        name=name,
        names=tuple(names),
        honorific=latest.author.honorific if latest else None,
        key=max(members, key=lambda v: _fullness(v.name)).name.key,
    )


_T = TypeVar("_T")


class ByEntry(Generic[_T]):
    """What was made of a side-bar entry, for when the same entry is printed again.

    The catalog hands out one object per distinct "IPCS Columnists" entry, repeated on
    thousands of pages; found by identity, a repeat costs a look-up where hashing the entry
    would cost more than the work saved. Equal entries read apart are just done twice.
    """

    def __init__(self) -> None:
        self._made: dict[int, tuple[ColumnistEntry, _T]] = {}

    def get(self, entry: ColumnistEntry) -> _T | None:
        made = self._made.get(id(entry))
        return made[1] if made is not None else None

    def put(self, entry: ColumnistEntry, made: _T) -> _T:
        self._made[id(entry)] = (entry, made)  # holding the entry keeps its id unique
        return made

    def values(self) -> list[_T]:
        return [made for _, made in self._made.values()]


def count_mentions(records: Iterable[Record], pages: Iterable[Page]) -> Counter[Mention]:
    """Every person the records and pages print, with column and date where known: each
    distinct mention with how often it is printed, in the order first printed."""
    counts: Counter[Mention] = Counter()
    sidebar: ByEntry[_Printings] = ByEntry()
    for r in records:
        counts.update(Mention(a, r.column, r.date, r.number) for a in r.authors)
    for page in pages:
        article = page.article if isinstance(page, Listing) else page
        if isinstance(page, Listing):
            if page.columnist is not None:
                counts[Mention(page.columnist, page.column, listing_date(page))] += 1
            for e in page.entries:
                counts.update(Mention(a, page.column, e.date, e.number) for a in e.authors)
        if article is None:
            continue
        counts.update(
            Mention(a, article.column, article.date, article.number) for a in article.authors
        )
        for entry in article.sidebars.columnists:
            seen = sidebar.get(entry)
            if seen is None:
                seen = sidebar.put(entry, _Printings(Mention(entry.columnist, entry.column)))
                counts.setdefault(seen.mention, 0)  # its place: where first printed
            seen.n += 1
    for seen in sidebar.values():
        counts[seen.mention] += seen.n
    return counts


@dataclass
class _Printings:
    mention: Mention
    n: int = 0


def listing_date(listing: Listing) -> dt.date | None:
    """When a listing was printed, as near as the page tells: its article, else its newest entry."""
    if listing.article is not None and listing.article.date is not None:
        return listing.article.date
    return max((e.date for e in listing.entries if e.date), default=None)


def identify_all(records: Iterable[Record], pages: Iterable[Page]) -> People:
    """The persons behind every record and page."""
    return identify(count_mentions(records, pages))


def group_by_person(people: People, mentions: Mapping[Mention, int]) -> dict[str, Counter[Mention]]:
    """Counted mentions keyed by their person's key."""
    out: dict[str, Counter[Mention]] = {}
    for m, n in mentions.items():
        person = people.of(m.author.name)
        if person is not None:
            out.setdefault(person.key, Counter())[m] += n
    return out


# How alike (difflib's ratio) a name must be to the query to be suggested. A typo of a
# letter or two scores 0.73 or more ("Sahney": Sahni, "Sandeep Mishra"); at 0.6, a name
# nobody printed got a stranger's ("Haidar": Vijay Shankar, "Rao": Pramod Jaiswal).
_CLOSE = 0.7


def suggest(query: str, names: Iterable[str], n: int = 3) -> list[str]:
    """Names close to a query that matched none of them (a typo in any word of the name)."""
    parsed = parse_name(query)
    q = " ".join(parsed.tokens) if parsed else fold(query)
    scored: list[tuple[float, str]] = []
    for name in set(names):
        parsed = parse_name(name)
        if parsed is None:
            continue
        candidates = [parsed.key, *parsed.tokens]
        score = max(difflib.SequenceMatcher(None, q, c).ratio() for c in candidates)
        if score >= _CLOSE:
            scored.append((score, name))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [name for _, name in scored[:n]]


def did_you_mean(query: str, names: Iterable[str], shown: Mapping[str, str] | None = None) -> str:
    """ "; did you mean: …?" with the names nearest to ``query``, or nothing; ``shown``:
    the name to show for each (a person's, for each way the pages print it), once."""
    names = list(names)
    close = suggest(query, names, n=len(names))
    if shown is not None:
        close = list(dict.fromkeys(shown[n] for n in close))
    return f"; did you mean: {', '.join(close[:3])}?" if close else ""
