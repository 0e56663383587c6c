"""Every real page in ../shared/ipcs-pages against what a reader writes down from it.

The expectations below were taken by reading each page, not from the parser's output.
Columns: number, date, region (old pages), column, title, authors (name, honorific,
affiliation), and the start of the first body block.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
import resaved

from ipcsreader.errors import PageError
from ipcsreader.model import Article, Listing
from ipcsreader.parse import parse_file, parse_text

D = dt.date
VS_NMF = "Director, National Maritime Foundation (NMF), New Delhi"
DSC = ("D Suba Chandran", None, "Director, IPCS")
SKM = "Sandip Kumar Mishra"
SS_AFF = (
    "Chairperson, Centre for Indo-Pacific Studies, School of International Studies, "
    "Jawaharlal Nehru University, New Delhi"
)

# file: (number, date, region, column, title, authors, first block starts with)
ARTICLES: dict[str, tuple] = {
    "4374-old.txt": (
        4374,
        D(2014, 4, 7),
        "China",
        "Maritime Matters",
        "Search and Rescue at Sea: Challenges and Chinese Capabilities",
        [("Vijay Sakhuja", None, "Director (Research) Indian Council of World Affairs, New Delhi")],
        "The international search and rescue effort to locate the voice",
    ),
    "4489-old.txt": (
        4489,
        D(2014, 6, 2),
        "Terrorism",
        "Af-Pak Diary",
        "Taliban after Afghan Elections: Spring Offensive or the Last Stand?",
        [DSC],
        "A series of attacks by the Taliban in Afghanistan during May 2014",
    ),
    "4657-old.txt": (
        4657,
        D(2014, 9, 15),
        "Naxal",
        "Red Affairs",
        "Six Thousand Plus Killed: The Naxal Ideology of Violence",
        [("Bibhu Prasad Routray", None, "Visiting Fellow, IPCS")],
        "How does one analyse the killings of 6105 civilians",
    ),
    "4707-old.txt": (
        4707,
        D(2014, 10, 21),
        "India",
        "Big Picture",
        "When Xi Met Modi: Juxtaposing China and India",
        [
            (
                "Varun Sahni",
                None,
                "Professor and Chairperson, CIPOD, SIS, JNU & Member, IPCS Executive Committee",
            )
        ],
        "During Chinese President Xi Jinping’s visit to India in September",
    ),
    "4724-old.txt": (
        4724,
        D(2014, 11, 3),
        "Military & Defence",
        "Maritime Matters",
        "Indian Ocean and the IORA: Search and Rescue Operations",
        [("Vijay Sakhuja", None, "Director, National Maritime Foundation (NMF), New Delh")],
        "The international efforts to locate the wreckage of Malaysian Airlines flight MH 370",
    ),
    "4728-old.txt": (
        4728,
        D(2014, 11, 4),
        "India",
        "Af-Pak Diary",
        "Can Pakistan Reset its Relations with Afghanistan?",
        [DSC],
        "The recent International Crisis Group (ICG) report on the Af-Pak region",
    ),
    "4742-old.txt": (
        4742,
        D(2014, 11, 17),
        "India & the World",
        "The Indo-Pacific",
        "Modi in Myanmar: From ‘Look East’ to ‘Act East’",
        [("Shankari Sundararaman", None, SS_AFF)],
        "Indian Prime Minister Narendra Modi’s recent visit to the Myanmar",
    ),
    "4762-old.txt": (
        4762,
        D(2014, 12, 1),
        "Pakistan",
        "Af-Pak Diary",
        "Resetting Kabul-Islamabad Relations: Three Key Issues",
        [DSC],
        "In November 2014, the new President of Afghanistan, Ashraf Ghani",
    ),
    "4770-old.txt": (
        4770,
        D(2014, 12, 11),
        "India",
        "Eagle Eye",
        "India-US: Significance of the Second Modi-Obama Meet",
        [
            (
                "Chintamani Mahapatra",
                None,
                "Professor at the Centre for Canadian, US and Latin American Studies, JNU",
            )
        ],
        "In less than four months, the new Prime Minister of India",
    ),
    "4777-old.txt": (
        4777,
        D(2014, 12, 15),
        "Naxalite Violence",
        "Red Affairs",
        "Maoist Attack on the CRPF: Time for New Counter-strategies",
        [("Bibhu Prasad Routray", None, "Visiting Fellow, IPCS")],
        "The 1 December 2014 killing of 14 Central Reserve Police Force",
    ),
    "4781-old.txt": (
        4781,
        D(2014, 12, 17),
        "Southeast Asia",
        "Indo-Pacific",
        "Indonesia's Pacific Identity: What Jakarta Must Do in West Papua",
        [("Shankari Sundararaman", None, SS_AFF)],
        "The Indo-Pacific is a term gaining wider acceptance as a geopolitical reality.",
    ),
    "4786-old.txt": (
        4786,
        D(2014, 12, 23),
        "India",
        "Dateline Islamabad",
        "India-Pakistan Relations in 2015: Through a Looking Glass",
        [
            (
                "Salma Malik",
                None,
                "Assistant professor, Defence and Strategic Studies, Quaid-i-Azam University",
            )
        ],
        "The year is about to end, and keeping true to tradition",
    ),
    "4830-old.txt": (
        4830,
        D(2015, 2, 11),
        "Pakistan",
        "IPCS Discussion",
        "Pakistan in 2015: Review of IPCS Forecast",
        [],
        "The IPCS, as part of its 2015 Forecast Series, published three projections",
    ),
    "4842-old.txt": (
        4842,
        D(2015, 3, 2),
        "China",
        "East Asia Compass",
        "Russia and North Korea: Replaying Old Games",
        [(SKM, None, "Assistant Professor, Department of East Asian Studies, University of Delhi")],
        "It has been announced that Kim Jong-un will be participating",
    ),
    "4887-old.txt": (
        4887,
        D(2015, 6, 9),
        "South Asia",
        "Dateline Colombo",
        "Sri Lanka: Brain Drain, 'Connection Culture' and National Development",
        [("Asanga Abeyagoonasekera", None, "Executive Director, LKIIRSS, Sri Lanka")],
        "“Always vote for principle, though you may vote alone",
    ),
    "4896-old.txt": (
        4896,
        D(2015, 7, 6),
        "South Asia",
        "Dateline Colombo",
        "Sri Lanka: Toward a Diaspora Re-Engagement Plan",
        [("Asanga Abeyagoonasekera", None, None)],
        "There is an unofficial leader of the opposition.",
    ),
    "4914-old.txt": (
        4914,
        D(2015, 9, 19),
        "Nepal",
        "Himalayan Frontier",
        "Nepal’s New Constitution: Instrument towards Peace or Catalyst to Conflict?",
        [("Pramod Jaiswal", None, "Independent Analyst on South Asian affairs, and Nepal expert")],
        "On 17 September 2015, amidst the curfew and violence",
    ),
    "4917-old.txt": (
        4917,
        D(2015, 10, 5),
        "India",
        "East Asia Compass",
        "India-Japan-US Trilateral: India’s Policy for the Indo-Pacific",
        [(SKM, None, "Assistant Professor, Department of East Asian Studies, Delhi University")],
        "In an interesting first, the foreign ministers of India, Japan and the US",
    ),
    "4920-old.txt": (
        4920,
        D(2015, 10, 6),
        "Myanmar",
        "Looking East",
        "Myanmar in New Delhi's Naga Riddle",
        [("Wasbir Hussain", None, "Executive Director, CDPS, Guwahati, and Visiting Fellow, IPCS")],
        "By abrogating a 14-year-long ceasefire",
    ),
    "4959-old.txt": (
        4959,
        D(2016, 1, 15),
        "Peace Audit and Ceasefire Monitor",
        "Maritime Matters",
        "Forecast 2016: Indian Ocean Politics and Security",
        [("Vijay Sakhuja", None, "Director, National Maritime Foundation, New Delhi")],
        "‘Continuity and change’, ‘continuity and no change’",
    ),
    "5086-old.txt": (
        5086,
        D(2016, 7, 20),
        "Naxalite Violence",
        "Red Affairs",
        "Maoists Vs Former Maoists: A Peep into Jharkhand's Counter-LWE Policy",
        [("Bibhu Prasad Routray", None, "Director, Mantraya, Goa, and Visiting Fellow, IPCS")],
        "Given that a force-centric policy",
    ),
    "5320-old.txt": (
        5320,
        D(2017, 7, 10),
        "Peace & Conflict Database",
        "East Asia Compass",
        "Japan’s ‘New Approach’ to Russia: Is it Moving Forward?",
        [
            (
                SKM,
                None,
                "Associate Professor, Centre for East Asian Studies, School of International "
                "Studies, Jawaharlal Nehru University, New Delhi and Visiting Fellow & Columnist, "
                "IPCS",
            )
        ],
        "After over a year of deliberations, a team of Japanese officials",
    ),
    "5378-old.txt": (
        5378,
        D(2017, 10, 9),
        "Nuclear",
        "East Asia Compass",
        "Shinzo Abe’s North Korea Strategy",
        [
            (
                SKM,
                None,
                "Associate Professor, Centre for East Asian Studies, School of International "
                "Studies, JNU, and Visiting Fellow, IPCS",
            )
        ],
        "North Korea's recent nuclear and missile developments",
    ),
    "5386-old.txt": (
        5386,
        D(2017, 11, 3),
        "India",
        "Maritime Matters",
        "Short Sea Shipping in Bay of Bengal Takes Baby Steps",
        [("Vijay Sakhuja", None, "Former Director, National Maritime Foundation (NMF), New Delhi")],
        "Last week, a consignment of motor vehicles was shipped from Chennai Port",
    ),
    "4286-new.txt": (
        4286,
        D(2014, 2, 3),
        None,
        "Maritime Matters",
        "China in the Indian Ocean: Deep Sea Forays",
        [("Vijay Sakhuja", "Dr", None)],
        "China’s maritime ambitions are expanding",
    ),
    "4321-new.txt": (
        4321,
        D(2014, 3, 3),
        None,
        "Af-Pak Diary",
        "Across the Durand Line: Who is in Control Now? Will That Change?",
        [("D Suba Chandran", None, None)],
        "Dr. Arvind Gupta, Director General, the Institute of Defence Studies",
    ),
    "4374-new.txt": (
        4374,
        D(2014, 4, 7),
        None,
        "Maritime Matters",
        "Search and Rescue at Sea: Challenges and Chinese Capabilities",
        [("Vijay Sakhuja", "Dr", None)],
        "The international search and rescue effort to locate the voice",
    ),
    "4489-new.txt": (
        4489,
        D(2014, 6, 2),
        None,
        "Af-Pak Diary",
        "Taliban after Afghan Elections: Spring Offensive or the Last Stand?",
        [("D Suba Chandran", None, None)],
        "A series of attacks by the Taliban in Afghanistan during May 2014",
    ),
    "4680-new.txt": (
        4680,
        D(2014, 10, 6),
        None,
        "Maritime Matters",
        "Maritime Terrorism: Karachi as a Staging Point",
        [("Vijay Sakhhuja", "Dr", None)],
        "The recent attempt by the Al Qaeda in the Indian Subcontinent (AQIS)",
    ),
    "4724-new.txt": (
        4724,
        D(2014, 11, 3),
        None,
        "Maritime Matters",
        "Indian Ocean and the IORA: Search and Rescue Operations",
        [("Vijay Sakhuja", "Dr", None)],
        "The international efforts to locate the wreckage of Malaysian Airlines flight MH 370",
    ),
    "4742-new.txt": (
        4742,
        D(2014, 11, 17),
        None,
        "The Indo-Pacific",
        "Modi in Myanmar: From ‘Look East’ to ‘Act East’",
        [("Shankari Sundararaman", "Professor", None)],
        "Indian Prime Minister Narendra Modi’s recent visit to the Myanmar",
    ),
    "4762-new.txt": (
        4762,
        D(2014, 12, 1),
        None,
        "Af-Pak Diary",
        "Resetting Kabul-Islamabad Relations: Three Key Issues",
        [("D Suba Chandran", None, None)],
        "In November 2014, the new President of Afghanistan, Ashraf Ghani",
    ),
    "4781-new.txt": (
        4781,
        D(2014, 12, 17),
        None,
        None,
        "Indonesia's Pacific Identity: What Jakarta Must Do in West Papua",
        [("Shankari Sundararaman", "Prof", None)],
        "The Indo-Pacific is a term gaining wider acceptance as a geopolitical reality.",
    ),
    "4781-new-2.txt": (
        4781,
        D(2014, 12, 17),
        None,
        "Indo-Pacific",
        "Indonesia's Pacific Identity: What Jakarta Must Do in West Papua",
        [("Shankari Sundararaman", "Prof", None)],
        "The Indo-Pacific is a term gaining wider acceptance as a geopolitical reality.",
    ),
    "4830-new.txt": (
        4830,
        D(2015, 2, 11),
        None,
        "IPCS Discussion",
        "Pakistan in 2015: Review of IPCS Forecast",
        [("Rajeshwari Krishnamurthy", None, None)],
        "The IPCS, as part of its 2015 Forecast Series, published three projections",
    ),
    "4887-new.txt": (
        4887,
        D(2015, 6, 9),
        None,
        "Dateline Colombo",
        "Sri Lanka: Brain Drain, 'Connection Culture' and National Development",
        [("Asanga Abeyagoonasekera", None, None)],
        "“Always vote for principle, though you may vote alone",
    ),
    "4920-new.txt": (
        4920,
        D(2015, 10, 6),
        None,
        "Looking East",
        "Myanmar in New Delhi's Naga Riddle",
        [("Wasbir Hussain", None, "Visiting Fellow")],
        "By abrogating a 14-year-long ceasefire",
    ),
    "5086-new.txt": (
        5086,
        D(2016, 7, 20),
        None,
        "Red Affairs",
        "Maoists Vs Former Maoists: A Peep into Jharkhand's Counter-LWE Policy",
        [("Bibhu Prasad Routray", "Dr", "Visiting Fellow")],
        "Given that a force-centric policy",
    ),
    "5086-new-2.txt": (
        5086,
        D(2016, 7, 20),
        None,
        "Red Affairs",
        "Maoists Vs Former Maoists: A Peep into Jharkhand's Counter-LWE Policy",
        [("Bibhu Prasad Routray", "Dr", "Visiting Fellow")],
        "Given that a force-centric policy",
    ),
    "5386-new.txt": (
        5386,
        D(2017, 11, 3),
        None,
        "Maritime Matters",
        "Short Sea Shipping in Bay of Bengal Takes Baby Steps",
        [("Vijay Sakhuja", "Dr", None)],
        "Last week, a consignment of motor vehicles was shipped from Chennai Port",
    ),
    "5404-new.txt": (
        5404,
        D(2017, 12, 5),
        None,
        "East Asia Compass",
        "Denial and Provocation: Failure of US' North Korea Policy",
        [(SKM, "Dr", None)],
        "North Korea's Hwasong-15 missile test on 29 November 2017",
    ),
    "5456-new.txt": (
        5456,
        D(2018, 4, 6),
        None,
        "East Asia Compass",
        "Regional Stability and Japan's Irresponsible Political Gambit",
        [(SKM, "Dr", None)],
        "It is a critical time for the North Korean nuclear and missile issue",
    ),
    "5524-new.txt": (
        5524,
        D(2018, 10, 17),
        None,
        "East Asia Compass",
        "Denuclearising the Korean Peninsula: Hope Amidst Uncertainty?",
        [(SKM, "Dr", None)],
        "In his mid-September visit to Pyongyang this year",
    ),
}

# Blocks that are not plain paragraphs, by file: (index, kind, text starts with).
SPECIAL_BLOCKS = {
    "4489-old.txt": [(1, "heading", "Neither Spring, Nor Offensive; Mere Desperation")],
    "4489-new.txt": [(1, "heading", "Neither Spring, Nor Offensive; Mere Desperation")],
    "4728-old.txt": [
        (2, "heading", "What Shapes Pakistan’s Afghan Policy?"),
        (6, "heading", "Who Shapes Pakistan’s Afghan Policy?"),
    ],
    "4914-old.txt": [(2, "heading", "Making of Constitution")],
    "4321-new.txt": [(3, "heading", "Who is in Control: The Chaos Today")],
    "4887-old.txt": [(0, "epigraph", "“Always vote"), (1, "attribution", "John Quincy Adams")],
    "4887-new.txt": [(0, "epigraph", "“Always vote"), (1, "attribution", "John Quincy Adams")],
    "4896-old.txt": [
        (0, "epigraph", "There is an unofficial"),
        (1, "attribution", "Anura Kumara Dissanayaka, JVP Leader"),
    ],
    "4830-old.txt": [
        (2, "speaker", "Amb TCA Rangachari"),
        (3, "attribution", "Former Indian Ambassador to France and Germany"),
    ],
    "4830-new.txt": [
        (2, "speaker", "Amb TCA Rangachari"),
        (3, "attribution", "Former Indian Ambassador to France and Germany"),
    ],
}

# Pages whose body is cut off (all but the whole page 4842-old.txt).
WHOLE = {"4842-old.txt"}

NOT_ARTICLES = {
    "197-other.txt": "an IPCS book review page, not a commentary or listing",
    "6151-other.txt": "an IPCS annual report page, not a commentary or listing",
    "6151-other-v2.txt": (
        "an IPCS special report page (publication 206), not a commentary or listing"
    ),
    "www-ipcs-org-project-india-us-bilateral-track-ii-dialogue-48-html-other.txt": (
        "an IPCS page without an article stamp (#number, date), not a commentary or listing"
    ),
}

# file: (page, column, columnist (name, honorific, affiliation), entry count,
#        first entry (title, number, date), embedded article (number, date, title))
LISTINGS = {
    "www-ipcs-org-columnist-bibhu-prasad-other.txt": (
        "columnist",
        "Red Affairs",
        ("Bibhu Prasad Routray", None, "Director, Mantraya.org, and Visiting Fellow, IPCS"),
        26,
        ("Forecast 2017: LWE Still Holding On", 5227, D(2017, 1, 31)),
        (5227, D(2017, 1, 31), "Forecast 2017: LWE Still Holding On"),
    ),
    "www-ipcs-org-columnist-d-suba-chandran-other.txt": (
        "columnist",
        "Af-Pak Diary",
        DSC,
        11,
        ("Resetting Kabul-Islamabad Relations: Three Key Issues", 4762, D(2014, 12, 1)),
        (4762, D(2014, 12, 1), "Resetting Kabul-Islamabad Relations: Three Key Issues"),
    ),
    "www-ipcs-org-columnist-d-suba-chandran-other-v2.txt": (
        "columnist",
        "Af-Pak Diary",
        DSC,
        11,
        ("Resetting Kabul-Islamabad Relations: Three Key Issues", 4762, D(2014, 12, 1)),
        (4762, D(2014, 12, 1), "Resetting Kabul-Islamabad Relations: Three Key Issues"),
    ),
    "www-ipcs-org-columnist-vijay-sakhuja-other.txt": (
        "columnist",
        "Maritime Matters",
        ("Vijay Sakhuja", None, VS_NMF),
        26,
        ("The Debut of Counter-Drone Technologies", 5438, D(2018, 2, 27)),
        (5438, D(2018, 2, 27), "The Debut of Counter-Drone Technologies"),
    ),
    "ipcs-org-columns-select-php-column-name-Dateline-Colombo-pageno-4-other.txt": (
        "column",
        "Dateline Colombo",
        ("Asanga Abeyagoonasekera", None, None),
        6,
        ("Sri Lanka: Toward a Diaspora Re-Engagement Plan", 4896, D(2015, 7, 6)),
        None,
    ),
    "ipcs-org-columns-select-php-column-name-The-20Strategist-pageno-3-other.txt": (
        "column",
        "The Strategist",
        ("Vijay Shankar", "Vice Admiral (Retd.)", None),
        6,
        ("The Chanciness of Squirming Back from the Brink of Nuclear War", 5647, D(2020, 1, 31)),
        None,
    ),
    "www-ipcs-org-columns-select-php-column-name-The-20Strategist-pageno-2-other.txt": (
        "column",
        "The Strategist",
        ("Vijay Shankar", "Vice Admiral (Retd.)", None),
        6,
        ("Afghanistan: The Consequences of US Withdrawal", 5772, D(2021, 6, 29)),
        None,
    ),
}


def test_every_shared_page_has_an_expectation(shared_pages):
    files = {p.name for p in shared_pages.iterdir() if p.suffix in (".txt", ".html", ".htm")}
    assert files == set(ARTICLES) | set(NOT_ARTICLES) | set(LISTINGS)


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_fields(shared_pages, name):
    number, date, region, column, title, authors, first = ARTICLES[name]
    page = parse_file(shared_pages / name)
    assert isinstance(page, Article)
    assert page.layout == name.split("-")[1].removesuffix(".txt")
    assert (page.number, page.date, page.region, page.column) == (number, date, region, column)
    assert page.title == title
    assert [(a.name, a.honorific, a.affiliation) for a in page.authors] == authors
    assert page.blocks[0].text.startswith(first)
    assert page.truncated == (name not in WHOLE)
    kinds = {i: (kind, text) for i, kind, text in SPECIAL_BLOCKS.get(name, [])}
    for i, block in enumerate(page.blocks):
        if i in kinds:
            assert block.kind == kinds[i][0] and block.text.startswith(kinds[i][1])
        else:
            assert block.kind == "text", (i, block)


@pytest.mark.parametrize("name", sorted(NOT_ARTICLES))
def test_pages_that_are_not_commentaries(shared_pages, name):
    with pytest.raises(PageError) as caught:
        parse_file(shared_pages / name)
    assert caught.value.reason == NOT_ARTICLES[name]


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_listing_fields(shared_pages, name):
    kind, column, (who, honorific, affiliation), count, first, article = LISTINGS[name]
    page = parse_file(shared_pages / name)
    assert isinstance(page, Listing)
    assert (page.page, page.column) == (kind, column)
    assert (page.columnist.name, page.columnist.honorific) == (who, honorific)
    assert page.columnist.affiliation == affiliation
    assert len(page.entries) == count
    entry = page.entries[0]
    assert (entry.title, entry.number, entry.date) == first
    assert page.truncated
    if article is None:
        assert page.article is None
        assert all(e.authors and e.authors[0].name == who for e in page.entries if e.number)
    else:
        assert (page.article.number, page.article.date, page.article.title) == article
        assert page.article.authors[0].name == who


def test_mojibake_in_the_shared_pages_is_repaired(shared_pages):
    assert parse_file(shared_pages / "4914-old.txt").title.startswith("Nepal’s New Constitution")
    titles = [
        e.title
        for e in parse_file(
            shared_pages / "www-ipcs-org-columnist-d-suba-chandran-other-v2.txt"
        ).entries
    ]
    assert "Mullah Fazlullah: Challenges to the “Eliminate or Extradite” Approach" in titles
    assert "Inside Pakistan: The Establishment’s Two-Front War" in titles


def test_column_listing_excerpts_are_teasers(shared_pages):
    page = parse_file(
        shared_pages
        / ("www-ipcs-org-columns-select-php-column-name-The-20Strategist-pageno-2-other.txt")
    )
    assert page.entries[0].teaser == (
        "President Biden announced on 14 April 2021 the end of what is described as America’s "
        "“forever war” in Afghanistan. The announcement came nearly two decades after the US "
        "invasion of Afghanistan. Ten years ago, the US proclaimed th"
    )


def test_whole_page_sidebars(shared_pages):
    bars = parse_file(shared_pages / "4842-old.txt").sidebars
    columns = [c.column for c in bars.columnists]
    assert len(bars.columnists) == 19 and len([c for c in columns if c]) == 17
    by_name = {c.columnist.name: c for c in bars.columnists}
    assert by_name["Shankari Sundararaman"].column is None
    assert by_name["Sushant Sareen"].column is None
    assert by_name["Shankari Sundararaman"].columnist.honorific == "Prof"
    assert by_name["Asanga Abeyagoonasekera"].column == "Dateline Colombo"
    assert by_name["Vijay Shankar"].columnist.honorific == "Vice Admiral"
    assert by_name["Varun Sahni"].titles[2] == (
        "Pakistan’s Tactical Nuclear Weapons: The Inevitability of Instability"
    )
    assert (
        by_name["Shankari Sundararaman"].titles[2]
        == "Modi in Myanmar: From ?Look East? to ?Act East?"
    )
    assert bars.contributors[:3] == ("Gurmeet Kanwal", "Harun ur Rashid", "N Manoharan")
    assert len(bars.contributors) == 11
    assert [name for name, _ in bars.taxonomies] == ["Publications", "Region/Countries", "Issues"]
    assert bars.same_author[0] == "Denial and Provocation: Failure of US' North Korea Policy"
    assert len(bars.same_author) == 25
    assert bars.archive_years[0] == 2017 and bars.archive_years[-1] == 1997
    body = " ".join(parse_file(shared_pages / "4842-old.txt").paragraphs)
    assert "Copyright" not in body and "IPCS Columnists" not in body


def _under_a_trail_to_itself(text: str) -> str:
    """The page under a breadcrumb trail ending on its own title (a listing's: its
    column), as a browser's "save as text" keeps it."""
    page = parse_text(text)
    last = page.title if isinstance(page, Article) else page.column
    return f"Home » Commentaries » {last or ''}\n\n{text}"


# How else a browser or a copy-and-paste saves the same page: without its blank lines,
# with a blank line under every line, with the site's navigation or footer kept, its
# accents apart from their letters (as macOS writes them), its middle dots as other marks
# or lost.
RESAVED = {
    "without blank lines": resaved.packed,
    "with a blank line under every line": resaved.spaced,
    "under the site's navigation": lambda text: f"Skip to main content\nMenu\n\n{text}",
    "under a breadcrumb trail": lambda text: f"Home | Commentaries | Columns\n\n{text}",
    "under a breadcrumb trail ending on its title": _under_a_trail_to_itself,
    "over the site's footer": lambda text: f"{text}\n\n© 2024 IPCS. All rights reserved.\n",
    "with a text browser's link numbers and list of links": resaved.linked,
    "over what a site prints under an article": lambda text: (
        f"{text}\n\nRelated\n\nAnother Title\n\nLeave a comment\n"
    ),
    "with its letters decomposed": lambda text: unicodedata.normalize("NFD", text),
    "with bullets for its dots": lambda text: text.replace("·", "•"),
    "with '?' for its dots, as saved in ASCII": lambda text: text.replace("·", "?"),
    "with its dots lost, as drawn by a style sheet": lambda text: text.replace("·", " "),
}


@pytest.mark.parametrize("how", sorted(RESAVED))
@pytest.mark.parametrize("name", sorted(ARTICLES) + sorted(LISTINGS))
def test_every_page_reads_alike_saved_another_way(shared_pages, name, how):
    text = (shared_pages / name).read_text(encoding="utf-8")
    page, again = parse_text(text), parse_text(RESAVED[how](text))
    if isinstance(page, Article):
        assert isinstance(again, Article)
        assert (again.number, again.date, again.column) == (
            page.number,
            page.date,
            page.column,
        )
        assert again.title == page.title and again.authors == page.authors
        assert again.paragraphs[:1] == page.paragraphs[:1]
    else:
        assert isinstance(again, Listing)
        assert (again.column, again.columnist) == (page.column, page.columnist)
        assert again.entries[:1] == page.entries[:1]
