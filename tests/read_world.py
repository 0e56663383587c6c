"""A small archive of model objects for the reading views' tests (written by hand)."""

from __future__ import annotations

import datetime as dt

from ipcsreader.model import (
    Article,
    Author,
    Block,
    ColumnistEntry,
    Listing,
    ListingEntry,
    Record,
    Sidebars,
)

EAC = "East Asia Compass"
MISHRA = Author(
    "Sandip Kumar Mishra",
    "Assistant Professor, Department of East Asian Studies, University of Delhi",
)
MISHRA_2017 = Author(
    "Sandip Kumar Mishra", "Associate Professor, Centre for East Asian Studies, JNU"
)
CHANDRAN = Author("D Suba Chandran", "Director, IPCS")
ASANGA = Author("Asanga Abeyagoonasekera", "Executive Director, LKIIRSS, Sri Lanka")

BLOCKS = (
    Block("Always vote for principle, though you may vote alone.", "epigraph"),
    Block("John Quincy Adams", "attribution"),
    Block(
        "It has been announced that Kim Jong-un will be participating in the 70th anniversary "
        "celebrations of the Soviet Union’s victory in World War II, to be held in Russia in "
        "May 2015."
    ),
    Block("The Russian view", "heading"),
    Block(
        "From the Russian point of view, their presence and role in East Asian affairs would "
        "only be possible via North Korea."
    ),
)


def record_4842(**changes) -> Record:
    base = Record(
        number=4842,
        title="Russia and North Korea: Replaying Old Games",
        date=dt.date(2015, 3, 2),
        column=EAC,
        region="China",
        authors=(MISHRA,),
        blocks=BLOCKS,
        sources=("4842-old.txt",),
        layouts=("old",),
        same_author=("Shinzo Abe’s North Korea Strategy", "Trump's Visit to East Asia"),
    )
    return base.__class__(**{**base.__dict__, **changes})


RECORDS = [
    Record(
        number=4762,
        title="Resetting Kabul-Islamabad Relations: Three Key Issues",
        date=dt.date(2014, 12, 1),
        column="Af-Pak Diary",
        region="Pakistan",
        authors=(CHANDRAN,),
    ),
    Record(
        number=4830,
        title="Pakistan in 2015: Review of IPCS Forecast",
        date=dt.date(2015, 2, 11),
        column="IPCS Discussion",
        region="Pakistan",
    ),
    record_4842(),
    Record(
        number=4887,
        title="Sri Lanka: Brain Drain, 'Connection Culture' and National Development",
        date=dt.date(2015, 6, 9),
        column="Dateline Colombo",
        authors=(Author("Asanga Abeyagoonasekera"),),
        teaser="“Always vote for principle, though you may vote alone …”",
        listing_only=True,
    ),
    Record(
        number=4917,
        title="India-Japan-US Trilateral: India’s Policy for the Indo-Pacific",
        date=dt.date(2015, 10, 5),
        column=EAC,
        region="India",
        authors=(
            Author(
                "Sandip Kumar Mishra",
                "Assistant Professor, Department of East Asian Studies, Delhi University",
            ),
        ),
    ),
    Record(
        number=5378,
        title="Shinzo Abe’s North Korea Strategy",
        date=dt.date(2017, 10, 9),
        column=EAC,
        region="Nuclear",
        authors=(MISHRA_2017,),
        layouts=("new", "old"),
        sources=("5378-new.txt", "5378-old.txt"),
    ),
    Record(number=9001, title="A [bold]loud[/bold] \x1b[31mred\x1b[0m title", region="Nowhere"),
]

SIDEBAR = Sidebars(
    columnists=(
        ColumnistEntry(
            "Af-Pak Diary",
            CHANDRAN.__class__("D Suba Chandran"),
            ("Resetting Kabul-Islamabad Relations: Three Key Issues", "The New Afghanistan"),
        ),
        ColumnistEntry(
            EAC,
            Author("Sandip Mishra", honorific="Dr"),
            (
                "India-Japan-US Trilateral: India?s Policy for the Indo-Pacific",
                "China-South Korea Ties: Implications for the US Pivot to Asia",
            ),
        ),
        ColumnistEntry(
            None,
            Author("Shankari Sundararaman", honorific="Prof"),
            ("IPCS Forecast: Southeast Asia in 2015",),
        ),
        ColumnistEntry("Red Affairs", Author("Bibhu Prasad"), ("Return of the Native",)),
    ),
    same_author=("Shinzo Abe’s North Korea Strategy",),
)

PAGES = [
    Article(
        layout="old",
        number=4842,
        date=dt.date(2015, 3, 2),
        column=EAC,
        title="Russia and North Korea: Replaying Old Games",
        authors=(MISHRA,),
        sidebars=SIDEBAR,
    ),
    Listing(
        layout="old",
        page="columnist",
        column="Red Affairs",
        columnist=Author("Bibhu Prasad Routray", "Director, Mantraya.org, and Visiting Fellow"),
        entries=(
            ListingEntry("Forecast 2017: LWE Still Holding On"),
            ListingEntry("Return of the Native"),
        ),
        article=Article(
            layout="old",
            number=5227,
            date=dt.date(2017, 1, 31),
            column="Red Affairs",
            title="Forecast 2017: LWE Still Holding On",
            authors=(Author("Bibhu Prasad Routray", "Director, Mantraya, and Visiting Fellow"),),
        ),
    ),
    Listing(
        layout="new",
        page="column",
        column="Dateline Colombo",
        columnist=Author("Asanga Abeyagoonasekera"),
        entries=(
            ListingEntry(
                "Sri Lanka: Brain Drain, 'Connection Culture' and National Development",
                4887,
                dt.date(2015, 6, 9),
                authors=(Author("Asanga Abeyagoonasekera"),),
            ),
            ListingEntry(
                "Sri Lanka: A Silent Revolution",
                4823,
                dt.date(2015, 2, 2),
                authors=(Author("Asanga Abeyagoonasekera"),),
            ),
        ),
    ),
]
