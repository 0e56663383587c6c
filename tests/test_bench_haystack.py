"""The relevance benchmark's distractors: the default haystack never changes, and ``--spread
zipf`` is seeded and spreads names and subjects as a real archive does."""

from __future__ import annotations

import dataclasses
import hashlib
import random
import re
import sys
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import haystack  # noqa: E402  (bench/ is not a package; its folder was put on the path above)

# Made-up articles (not the real pages): Velmora and Tarkesh are said often, each of the
# others once, by one article.
_TEXTS = {
    501: (
        "Velmora and the Coastal Question",
        "The government of Velmora announced a review of its coastal patrols in March. "
        "Officials in Velmora said the patrols would be doubled before the monsoon season. "
        "Admiral Quenby Osgarth told reporters that the navy lacked enough ships for the task. "
        "Velmora has long argued that Tarkesh shelters smugglers along the shared estuary.",
    ),
    502: (
        "Tarkesh Elections: A Quiet Campaign",
        "Voters in Tarkesh went to the polls after a campaign marked by little public debate. "
        "The ruling party in Tarkesh promised new roads and cheaper fuel for farmers. "
        "Observers from Velmora described the counting as orderly and largely transparent. "
        "Minister Idris Pallamane conceded defeat in the northern district late at night.",
    ),
    503: (
        "Fishing Rights after the Estuary Accord",
        "The estuary accord between Velmora and Tarkesh divided the fishing grounds in two. "
        "Fishermen from the village of Orrinwick complained that the line cut their nets. "
        "Tarkesh insisted that the accord be reviewed every five years by a joint board. "
        "Neither capital has yet appointed members to the board that the accord created.",
    ),
    504: (
        "Drones over the Border: Tarkesh Responds",
        "Tarkesh deployed radar units after several drones were seen near the border posts. "
        "Commander Belisande Traore said the drones carried cameras but no weapons at all. "
        "Velmora denied any role and offered to share its own flight records with Tarkesh. "
        "The border has been quiet since the radar units were moved closer to the river.",
    ),
}
REALS = [
    haystack.Real(
        number=number,
        title=title,
        sentences=tuple(haystack.sentences(body)),
        author=f"Author {number}",
        affiliation=None,
        column="Coastal Watch",
        region="Region",
    )
    for number, (title, body) in _TEXTS.items()
]
# haystack.make(REALS, 60, seed) with the default spread, seeds 1 and 2, as main made them
# before ``--spread`` existed: figures measured on the default stay comparable.
EVEN_DIGESTS = {
    1: "9aff12f4132ba4e701932f7e1acba7f69630691406fbff22e7fe8deb5db5b02a",
    2: "f10243d5f6945a34411d278252536b45e22abea8562ba1d21b39dee1972934d6",
}
SAID_ONCE = ("Quenby Osgarth", "Idris Pallamane", "Orrinwick", "Belisande Traore")


def digest(distractors: list[haystack.Distractor]) -> str:
    return hashlib.sha256("\x00".join(d.page() for d in distractors).encode()).hexdigest()


def holding(distractors: list[haystack.Distractor], name: str) -> tuple[int, int]:
    """How many distractors hold ``name``, and how many times they say it in all."""
    whole = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    said = [len(whole.findall(d.title + " " + " ".join(d.paragraphs))) for d in distractors]
    return sum(1 for n in said if n), sum(said)


def test_the_default_haystack_is_the_one_main_made() -> None:
    for seed, expected in EVEN_DIGESTS.items():
        assert digest(haystack.make(REALS, 60, seed)) == expected
        assert digest(haystack.make(REALS, 60, seed, "even")) == expected


def test_zipf_is_the_same_for_a_seed_and_differs_between_seeds() -> None:
    first = haystack.make(REALS, 60, 1, "zipf")
    assert digest(first) == digest(haystack.make(REALS, 60, 1, "zipf"))
    assert digest(first) != digest(haystack.make(REALS, 60, 2, "zipf"))
    assert digest(first) != EVEN_DIGESTS[1]
    assert [d.number for d in first] == list(
        range(haystack.FIRST_NUMBER, haystack.FIRST_NUMBER + 60)
    )


def test_zipf_puts_a_name_said_once_in_far_fewer_distractors_and_keeps_the_commonest() -> None:
    even = haystack.make(REALS, 400, 3)
    zipf = haystack.make(REALS, 400, 3, "zipf")
    for name in SAID_ONCE:
        assert holding(zipf, name)[0] < holding(even, name)[0] / 3, name
    # Tarkesh, the fixture's commonest name, keeps about its share of the text.
    ratio = holding(zipf, "Tarkesh")[1] / holding(even, "Tarkesh")[1]
    assert 0.8 < ratio < 1.25


def _lift(distractors: list[haystack.Distractor], name: str, words: tuple[str, ...]) -> float:
    """How much likelier a distractor holding ``name`` is to hold one of ``words`` than one
    that does not hold it."""

    def says(d: haystack.Distractor, word: str) -> bool:
        return (
            re.search(rf"(?<!\w){re.escape(word)}(?!\w)", d.title + " " + " ".join(d.paragraphs))
            is not None
        )

    holding = [d for d in distractors if says(d, name)]
    rest = [d for d in distractors if not says(d, name)]
    share = [sum(any(says(d, w) for w in words) for d in ds) / len(ds) for ds in (holding, rest)]
    return share[0] - share[1]


def test_flat_makes_no_distractor_around_a_real_page() -> None:
    flat = haystack.make(REALS, 400, 3, "flat")
    assert digest(flat) == digest(haystack.make(REALS, 400, 3, "flat"))
    even = haystack.make(REALS, 400, 3)
    # A name one article says, and words only that article uses: in the default haystack
    # the distractors made around the article hold both; drawn from all the pages, far less.
    said = [
        ("Belisande Traore", ("radar", "drones")),
        ("Quenby Osgarth", ("patrols", "ships")),
        ("Orrinwick", ("nets", "fishermen", "fishing")),
    ]
    lifts = {name: (_lift(even, name, words), _lift(flat, name, words)) for name, words in said}
    assert sum(f for _, f in lifts.values()) < sum(e for e, _ in lifts.values()) / 2, lifts


def test_zipf_subjects_follow_their_seeded_order() -> None:
    spread = haystack.ZipfSpread(REALS, seed=5)
    assert sorted(r.number for r in spread.order) == sorted(_TEXTS)
    assert [r.number for r in spread.order] == [
        r.number for r in haystack.ZipfSpread(REALS, seed=5).order
    ]
    rng = random.Random(0)
    drawn = Counter(spread.subject(rng).number for _ in range(12_000))
    # Shares 1/k over four subjects: 48%, 24%, 16%, 12%.
    shares = [drawn[r.number] / 12_000 for r in spread.order]
    assert shares == sorted(shares, reverse=True)
    assert abs(shares[0] - 0.48) < 0.02 and abs(shares[-1] - 0.12) < 0.02


def test_pages_without_regions_bylines_or_columns_still_make_a_haystack() -> None:
    # The new layout prints no region: a set of such pages (one's own, say) is no reason
    # to stop. Each distractor is still a page the parser reads.
    bare = [
        haystack.Real(
            r.number, r.title, r.sentences, author=None, affiliation=None, column=None, region=None
        )
        for r in REALS
    ]
    made = haystack.make(bare, 8, seed=1)
    assert len(made) == 8
    assert {(d.region, d.column, d.author) for d in made} == {
        ("South Asia", "IPCS Commentaries", "IPCS Research Staff")
    }
    assert all(d.page() for d in made)


def test_a_distractors_byline_gives_its_authors_affiliation_as_their_real_pages_do() -> None:
    said = {501: "Professor, Harbour University", 502: "Director, CSTS, Velmora"}
    reals = [dataclasses.replace(r, affiliation=said.get(r.number)) for r in REALS]
    # Author 501 also wrote as a fellow: their distractors say either.
    reals.append(dataclasses.replace(reals[0], number=505, affiliation="Fellow, IPCS"))
    made = haystack.make(reals, 60, seed=1)
    options = {"Author 501": {said[501], "Fellow, IPCS"}, "Author 502": {said[502]}}
    for d in made:
        assert d.affiliation in options.get(d.author, {haystack.DEFAULT_AFFILIATION})
        if d.teaser is None:  # the old layout prints the byline
            assert f"\n{d.author}\n{d.affiliation}\n" in d.page()
    assert {d.affiliation for d in made if d.author == "Author 501"} == {
        said[501],
        "Fellow, IPCS",
    }
    # The texts are those made without affiliations: only the bylines differ.
    plain = haystack.make([*REALS, dataclasses.replace(REALS[0], number=505)], 60, seed=1)
    assert [d.paragraphs for d in made] == [d.paragraphs for d in plain]
