"""English word forms as the index reads them: Snowball's stemmer, and irregular forms
searched as their base word ("met" as "meet", "crises" as "crisis", "women" as "woman").

A stemmer strips endings, so "meets" and "meeting" find "meet", but "met", "fled",
"overthrown" or "crises" share no ending with their base word and were words of their own:
a reader asking for "Modi meets Xi" missed the page saying they met. The index reads each
form below as its base word (and keeps the form itself beside it, so a search for "met"
as typed, or a prefix such as ``met*``, still finds exactly that word).

Left out on purpose, because they are also common words of another meaning in this
archive's pages: "left" (left-wing), "lay", "lie", "rose", "bound", "bore", "thought"
(strategic thought), "tore"/"torn" (tear gas), "fed", "wound", "lives", "bases",
"analyses" (also the verb). Function words ("was", "had", "did") are not mapped either.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import cache

# Each base word, then its irregular forms (past tense, past participle, plural).
_TABLE = """
arise: arose arisen | awake: awoke awoken | bear: borne | beat: beaten | become: became |
begin: began begun | bite: bitten | blow: blew blown | break: broke broken | breed: bred |
bring: brought | build: built | buy: bought | catch: caught | choose: chose chosen |
cling: clung | come: came | creep: crept | deal: dealt | dig: dug | draw: drew drawn |
drive: drove driven | eat: ate eaten | fall: fell fallen | feel: felt | fight: fought |
find: found | flee: fled | fly: flew flown | forbid: forbade forbidden |
foresee: foresaw foreseen | forget: forgot forgotten |
forgive: forgave forgiven | freeze: froze frozen | get: got gotten | give: gave given |
grow: grew grown | hang: hung | hide: hid hidden | hold: held | keep: kept | know: knew known |
lay: laid | lead: led | lend: lent | lose: lost | make: made | mean: meant | meet: met |
mislead: misled | mistake: mistook mistaken | overcome: overcame | overrun: overran |
oversee: oversaw overseen | overtake: overtook overtaken | overthrow: overthrew overthrown |
pay: paid | ride: rode ridden | ring: rang rung | rise: risen | run: ran | say: said |
see: saw seen | seek: sought | sell: sold | send: sent | shake: shook shaken | shine: shone |
shoot: shot | shrink: shrank shrunk | sink: sank sunk | sit: sat | slay: slew slain |
sleep: slept | speak: spoke spoken | speed: sped | spend: spent | spin: spun |
spring: sprang sprung | stand: stood | steal: stole stolen | stick: stuck |
strike: struck stricken | strive: strove striven | swear: swore sworn | sweep: swept |
swim: swam swum | take: took taken | teach: taught | tell: told | throw: threw thrown |
undergo: underwent undergone | understand: understood | undertake: undertook undertaken |
uphold: upheld | wake: woke woken | wear: wore worn | weave: wove woven | weep: wept |
win: won | withdraw: withdrew withdrawn | withhold: withheld | withstand: withstood |
write: wrote written |
man: men | woman: women | child: children | foot: feet | tooth: teeth |
wife: wives | knife: knives | half: halves | thief: thieves |
crisis: crises | thesis: theses | hypothesis: hypotheses | emphasis: emphases |
synthesis: syntheses | criterion: criteria | phenomenon: phenomena | index: indices |
appendix: appendices | curriculum: curricula | stimulus: stimuli | nucleus: nuclei
"""


@cache
def _bases() -> dict[str, str]:
    bases: dict[str, str] = {}
    for entry in _TABLE.split("|"):
        base, _, forms = entry.partition(":")
        for form in forms.split():
            bases[form] = base.strip()
    return bases


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


def base_word(word: str) -> str:
    """``word`` (folded) as its base word if it is an irregular form of one ("met" is
    "meet", "crises" "crisis"), else ``word``."""
    return _bases().get(word, word)


def written_forms(stem: str) -> tuple[str, ...]:
    """The irregular forms a page may write for a word the index holds as ``stem`` (its
    base word's stem): "meet" gives ("met",), "crisi" ("crises",); most stems none."""
    return _forms_by_stem().get(stem, ())


def readings(word: str) -> tuple[str, tuple[str, ...]]:
    """What else marks ``word`` (folded) as typed in a page, as a search reads it: its base
    word if it is an irregular form ("" if not), and the irregular forms of that base word
    ("met": "meet" and ("met",); "meets": "" and ("met",))."""
    base = base_word(word)
    return (base if base != word else ""), written_forms(stemmer()(base))
