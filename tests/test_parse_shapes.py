"""One article, many page shapes: every field read from the structure, whatever the markup.

The pages in fixtures/shapes are three articles laid out as a live site might lay them out:
the column inside, beside or above the title's box, as a link or in a breadcrumb; the stamp
with a middle dot, a bar or split over elements; authors before or after the body, one or
two, with or without photo links; wrappers, comments, scripts, share bars and sidebars.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ipcsreader.model import Article, Author, Block
from ipcsreader.parse import parse_file

SHAPES = Path(__file__).parent / "fixtures" / "shapes"

HARBOUR = dict(
    number=6120,
    date=dt.date(2019, 8, 14),
    column="Dragon Watch",
    title="Beijing’s Harbour Diplomacy in the Bay of Bengal",
    teaser="Teshu Singh reads the new port agreements as a long bet on access",
    authors=(Author("Teshu Singh", "Senior Research Officer, IPCS"),),
    blocks=(
        Block(
            "Three port agreements signed in the spring give Chinese firms a say in how the "
            "bay’s harbours are run."
        ),
        Block(
            "None of them is a naval base, and none needs to be: access in peacetime is the point."
        ),
        Block("New Delhi’s answer so far has been to offer finance of its own, on slower terms."),
    ),
)
MAOISTS = dict(
    number=5333,
    date=dt.date(2018, 1, 2),
    column="Red Affairs",
    title="Maoists After Demonetisation: Counting the Cost",
    teaser="Two researchers weigh what the note ban did to the insurgents’ money",
    authors=(
        Author("Bibhu Prasad Routray", "Visiting Fellow"),
        Author("Rajeshwari Krishnamurthy", "Research Officer"),
    ),
    blocks=(
        Block(
            "The withdrawal of high-value notes in November 2016 hit cash hoards in the forests "
            "of central India."
        ),
        Block("Surrenders rose for a season, and then fell back to their old level."),
        Block("The cost, in the end, was borne by the contractors who paid the levies."),
    ),
)
TEST = dict(
    number=4999,
    date=dt.date(2016, 4, 21),
    column="Spotlight East Asia",
    title="Pyongyang’s Fifth Test: What Changed?",
    teaser="Sandip Kumar Mishra asks whether the test moves the region or only the headlines",
    authors=(
        Author(
            "Sandip Kumar Mishra",
            "Associate Professor, Department of East Asian Studies, University of Delhi",
        ),
    ),
    blocks=(
        Block("North Korea’s fifth test came sooner than most forecasts allowed."),
        Block("The Yield", "heading"),
        Block("Estimates of the yield range from ten to twenty kilotons."),
        Block("“We will not be the first to use them.”"),
        Block("What changed is less the arsenal than the patience of its neighbours."),
    ),
)

EXPECTED = {
    "01-column-above-box.html": HARBOUR,
    "02-column-link-beside-pipe-stamp.html": HARBOUR,
    "03-breadcrumb-split-stamp.html": MAOISTS,
    "04-authors-after-body.html": MAOISTS,
    "05-byline-two-names.html": {
        **MAOISTS,
        "authors": tuple(Author(a.name) for a in MAOISTS["authors"]),
    },
    "06-deep-wrappers-comments-scripts.html": TEST,
    "07-sidebar-first.html": TEST,
    "08-table-layout.html": HARBOUR,
    "09-stamp-over-two-blocks.html": TEST,
    "10-no-photo-role-below.html": HARBOUR,
    "11-share-bar-between-paragraphs.html": MAOISTS,
    "12-role-inline-after-body.html": TEST,
    "13-breadcrumb-no-link.html": HARBOUR,
    "14-stamp-with-labels.html": MAOISTS,
    "15-column-beside-in-own-row.html": TEST,
    "16-everything-after-a-long-menu.html": MAOISTS,
    "17-stamp-without-dot.html": TEST,
    "18-teaser-after-authors.html": HARBOUR,
    "19-labelled-stamp-column-below.html": {
        **MAOISTS,
        "authors": tuple(Author(a.name) for a in MAOISTS["authors"]),
    },
}


def fields(article: Article) -> dict[str, object]:
    return {key: getattr(article, key) for key in HARBOUR}


def test_every_shape_has_its_expectation() -> None:
    assert sorted(p.name for p in SHAPES.glob("*.html")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_field_from_every_shape(name: str) -> None:
    page = parse_file(SHAPES / name)
    assert isinstance(page, Article)
    assert (page.layout, page.format) == ("new", "html")
    assert fields(page) == EXPECTED[name]
    assert not page.truncated
