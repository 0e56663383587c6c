"""English word forms as the index reads them: Snowball's stemmer, and irregular forms
searched as their base word ("met" as "meet", "crises" as "crisis", "women" as "woman",
"gunmen" as "gunman"), a people's word as its place ("Korean" as "Korea").

A stemmer strips endings, so "meets" and "meeting" find "meet", but "met", "fled",
"overthrown" or "crises" share no ending with their base word and were words of their own:
a reader asking for "Modi meets Xi" missed the page saying they met. The index reads each
form below as its base word, and keeps the form itself beside it, so that a prefix such as
``met*`` still finds the word as written.

Left out on purpose, because they are also common words of another meaning in this
archive's pages, or a noun whose plural a search for them would then miss: "left"
(left-wing), "lay" and "lain" (for "lie"), "rose", "bound", "bore", "thought" (strategic
thought), "tore"/"torn" (tear gas), "fed", "wound", "lives", "bases", "analyses" (also the
verb), "spent" (spent fuel), "stricken" (drought-stricken), "won" (the Korean currency),
"slew" (a slew of), "hung" (a hung parliament), "shot", "spoke", "felt", "saw" and "rung"
(warning shots, hub and spokes), "said" (on nearly every page: "what did X say" would
match them all). Function words ("was", "had", "did") are not mapped either. Nor is a word
written all in capitals of up to four letters (see :func:`base_word`): "RAN", "MET" and
"LED" are acronyms.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import cache

# Each base word, then its irregular forms (past tense, past participle, plural).
_TABLE = """
arise: arose arisen | awake: awoke awoken | bear: borne | beat: beaten | become: became |
begin: began begun | bite: bitten | blow: blew blown | break: broke broken | breed: bred |
bring: brought | build: built | burn: burnt | buy: bought | catch: caught |
choose: chose chosen | cling: clung | come: came | creep: crept | deal: dealt | dig: dug |
draw: drew drawn | dream: dreamt | drive: drove driven | dwell: dwelt | eat: ate eaten |
fall: fell fallen | fight: fought | find: found | flee: fled | fly: flew flown |
forbid: forbade forbidden | foresee: foresaw foreseen | forget: forgot forgotten |
forgive: forgave forgiven | freeze: froze frozen | get: got gotten | give: gave given |
grow: grew grown | hide: hid hidden | hold: held | keep: kept | know: knew known |
lay: laid | lead: led | leap: leapt | learn: learnt | lend: lent | lose: lost | make: made |
mean: meant | meet: met | mislead: misled | mistake: mistook mistaken |
overcome: overcame | overrun: overran | oversee: oversaw overseen |
overtake: overtook overtaken | overthrow: overthrew overthrown | pay: paid |
rebuild: rebuilt | ride: rode ridden | ring: rang | rise: risen | run: ran | see: seen |
seek: sought | sell: sold | send: sent | shake: shook shaken | shine: shone |
shrink: shrank shrunk | sink: sank sunk | sit: sat | slay: slain | sleep: slept |
speak: spoken | speed: sped | spell: spelt | spin: spun | spoil: spoilt |
spring: sprang sprung | stand: stood | steal: stole stolen | stick: stuck | strike: struck |
strive: strove striven | swear: swore sworn | sweep: swept | swim: swam swum |
take: took taken | teach: taught | tell: told | throw: threw thrown |
undergo: underwent undergone | understand: understood | undertake: undertook undertaken |
uphold: upheld | wake: woke woken | wear: wore worn | weave: wove woven | weep: wept |
withdraw: withdrew withdrawn | withhold: withheld | withstand: withstood |
write: wrote written |
man: men | woman: women | child: children | foot: feet | tooth: teeth |
wife: wives | knife: knives | half: halves | thief: thieves |
crisis: crises | thesis: theses | hypothesis: hypotheses | emphasis: emphases |
synthesis: syntheses | criterion: criteria | phenomenon: phenomena | index: indices |
appendix: appendices | curriculum: curricula | memorandum: memoranda |
referendum: referenda | stimulus: stimuli | nucleus: nuclei
"""
# Compounds of "man" and "woman", whose plurals change as theirs do: "gunmen" is read as
# "gunman", "policewomen" as "policewoman". Named one by one, as "Yemen", "omen" and
# "specimen" are no plurals.
_MAN_COMPOUNDS = """
air anchor assembly boat business camera chair clergy congress council country crafts
crew door drafts draughts fire fisher fore frog frontiers gentle guards gun hench horse
kins law lay line mad marks middle militia news noble ombuds patrol police repair sales
sea service spokes sports states strong swords trades tribes watch work yeo
"""
_WOMAN_COMPOUNDS = "business chair congress police sales spokes sports"
# A place, then the words for its people and things: "Korean" is read as "Korea", so a
# reader asking for "Korea denuclearisation" finds the page on "the Korean Peninsula".
_PEOPLES = """
afghanistan: afghan afghans | africa: african africans | america: american americans |
arabia: arabian | asia: asian asians | australia: australian australians |
bangladesh: bangladeshi bangladeshis | bhutan: bhutanese | britain: british |
burma: burmese | cambodia: cambodian cambodians | china: chinese | egypt: egyptian |
europe: european europeans | france: french | germany: german germans |
india: indian indians | indonesia: indonesian indonesians | iran: iranian iranians |
iraq: iraqi iraqis | israel: israeli israelis | japan: japanese | kashmir: kashmiri
kashmiris | korea: korean koreans | lanka: lankan lankans | malaysia: malaysian
malaysians | maldives: maldivian maldivians | mongolia: mongolian | nepal: nepali
nepalese | pakistan: pakistani pakistanis | philippines: filipino filipinos |
russia: russian russians | singapore: singaporean | syria: syrian | taiwan: taiwanese |
thailand: thai | tibet: tibetan tibetans | vietnam: vietnamese
"""


@cache
def _bases() -> dict[str, str]:
    bases: dict[str, str] = {}
    for entry in (_TABLE + "|" + _PEOPLES).split("|"):
        base, _, forms = entry.partition(":")
        for form in forms.split():
            bases[form] = base.strip()
    for head in _MAN_COMPOUNDS.split():
        bases[head + "men"] = head + "man"
    for head in _WOMAN_COMPOUNDS.split():
        bases[head + "women"] = head + "woman"
    return bases


@cache
def places() -> frozenset[str]:
    """The places of the peoples' table and their peoples' words ("india", "indian")."""
    return frozenset(re.findall(r"[a-z]+", _PEOPLES))


@cache
def _forms_by_stem() -> dict[str, tuple[str, ...]]:
    by_stem: defaultdict[str, list[str]] = defaultdict(list)
    stem = stemmer()
    for form, base in _bases().items():
        by_stem[stem(base)].append(form)
    return {s: tuple(forms) for s, forms in by_stem.items()}


@cache
def stemmer() -> Callable[[str], str]:
    """The index's stemmer: Snowball's English, compiled (several times faster than
    Whoosh's pure-Python copy, which also wrongly takes "international" to "intern")."""
    import Stemmer

    return Stemmer.Stemmer("english").stemWord


def base_word(word: str, written: str = "") -> str:
    """``word`` (folded) as its base word if it is an irregular form of one ("met" is
    "meet", "crises" "crisis"), else ``word``; also ``word`` if, as ``written``, it is all
    in capitals of up to four letters: an acronym ("RAN", the Royal Australian Navy)."""
    if written and len(written) <= 4 and written.isupper():
        return word
    return _bases().get(word, word)


def written_forms(stem: str) -> tuple[str, ...]:
    """The irregular forms a page may write for a word the index holds as ``stem`` (its
    base word's stem): "meet" gives ("met",), "crisi" ("crises",); most stems none."""
    return _forms_by_stem().get(stem, ())


def readings(word: str, written: str = "") -> tuple[str, tuple[str, ...]]:
    """What else marks ``word`` (folded; ``written`` as typed) in a page, as a search reads
    it: its base word if it is an irregular form ("" if not), and the irregular forms of
    that base word ("met": "meet" and ("met",); "meets": "" and ("met",))."""
    base = base_word(word, written)
    return (base if base != word else ""), written_forms(stemmer()(base))


def regular_forms(base: str) -> tuple[str, ...]:
    """``base`` and the forms regular endings make of it, for marking it whole in a page:
    "flee" gives "flee", "flees", "fleeing", "fleeings" (not "fleet"); "run" "running",
    "make" "making", "fly" "flies"."""
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        plural = base + "es"
    elif base.endswith("y") and base[-2:-1] not in ("", *"aeiou"):
        plural = base[:-1] + "ies"
    else:
        plural = base + "s"
    if base.endswith("e") and not base.endswith("ee"):
        ing = base[:-1] + "ing"
    elif len(base) > 2 and base[-1] in "bdglmnprt" and _vowel(base[-2]) and not _vowel(base[-3]):
        ing = base + base[-1] + "ing"
    else:
        ing = base + "ing"
    return (base, plural, ing, ing + "s")


def _vowel(letter: str) -> bool:
    return letter in "aeiou"
