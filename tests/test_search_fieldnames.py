"""A field's name as readers type it: in capitals, with a space after the colon, by a
name of their own, or one that only says what the query is about."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_index import build
from typer.testing import CliRunner

from ipcsreader.archive import fieldnames
from ipcsreader.archive.fieldnames import as_meant
from ipcsreader.cli import app
from ipcsreader.desk import terms
from ipcsreader.store import querying

runner = CliRunner()


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Year: 2014 west papua", "year:2014 west papua"),
        ("TITLE:abe north korea", "title:abe north korea"),
        ("Author:Routray naxal", "author:Routray naxal"),
        ('Column: "dateline islamabad" modi', 'column:"dateline islamabad" modi'),
        ("NOT Author: Mishra", "NOT author:Mishra"),
        ("(By: Mishra OR by:Sahni)", "(by:Mishra OR by:Sahni)"),
        ("Writer: Routray", "writer:Routray"),  # an alias: the parser reads it as author
        ("Tag: korea", "tag:korea"),  # the desk's fields too
        ("Note:summit", "note:summit"),
        ("Note: the talks stalled", "Note: the talks stalled"),  # a label in prose
        ("topic:diaspora sri lanka", "diaspora sri lanka"),
        ("Subject: trilateral", "trilateral"),
        ("-topic:diaspora", "-diaspora"),
        # A web search's operators: names of fields, dates, or where a page is (dropped).
        ("intitle:korea russia", "intitle:korea russia"),
        ("korea after:2014", "korea date:>2014"),
        ("Before:2016/06/01 korea", "date:<2016-06-01 korea"),
        ("since:2015.06 korea until:2016", "date:>=2015-06 korea date:<=2016"),
        ("korea site:ipcs.org", "korea "),
        ('korea SITE:"ipcs org" filetype:pdf', "korea  "),
        ('"site:ipcs.org" korea', '"site:ipcs.org" korea'),
        ("after: the war", "after: the war"),
        ("Site: the village", "Site: the village"),
        ("after:lunch", "after:lunch"),
        # Words, not fields: left as typed.
        ("Kashmir: The Way Ahead", "Kashmir: The Way Ahead"),
        ("Af-Pak: the reset", "Af-Pak: the reset"),
        ('"Title: a phrase" korea', '"Title: a phrase" korea'),
        ("no colon at all", "no colon at all"),
        # No value after the space: as typed, for the parser to say so.
        ("author: AND korea", "author: AND korea"),
        ("Year:", "year:"),
        ("author: title:korea", "author: title:korea"),
        # Punctuation ending a value, as a form or a list parts its fields: not the value's.
        ("Topic: forecast; Year: 2016; Author: Sakhuja", "forecast; year:2016 author:Sakhuja"),
        ("Region: China | Year: 2015 | korea", "region:China | year:2015 | korea"),
        ("author:Mishra, korea", "author:Mishra korea"),
        ("Korea; Abe, Modi", "Korea; Abe, Modi"),  # no field: words as typed
        # A field's values listed, as readers list them: any of them.
        ("year:2014,2015 korea", "(year:2014 OR year:2015) korea"),
        ("Author:Sahni|Mahapatra", "(author:Sahni OR author:Mahapatra)"),
        ("writer:(Sakhuja | Mishra)", "(writer:Sakhuja OR writer:Mishra)"),
        ("region:(India, North Korea)", '(region:India OR region:"North Korea")'),
        ("year:(2014 OR 2015)", "(year:2014 OR year:2015)"),
        ('-author:("Mishra, Sandip", Sahni)', '-(author:"Mishra, Sandip" OR author:Sahni)'),
        # One value, a group the parser reads, or a desk field: as typed.
        ("author:(Sandip Mishra)", "author:(Sandip Mishra)"),
        ("author:(Sahni AND Mishra)", "author:(Sahni AND Mishra)"),
        ("author:(Sahni,)", "author:(Sahni,)"),
        ("tag:korea,japan", "tag:korea,japan"),
        ('"year:2014,2015"', '"year:2014,2015"'),
    ],
)
def test_field_names_as_meant(typed: str, meant: str) -> None:
    assert as_meant(typed) == meant


def test_the_names_are_those_of_the_index_and_the_desk() -> None:
    assert set(fieldnames.FIELDS) == set(querying.USER_FIELDS)
    assert set(fieldnames.DESK_FIELDS) == set(terms.FIELDS)
    aliases = [a for names in fieldnames.ALIASES.values() for a in names]
    assert len(set(aliases)) == len(aliases)
    assert not set(aliases) & set(fieldnames.FIELDS + fieldnames.DESK_FIELDS)
    assert not fieldnames.ABOUT & set(aliases + list(fieldnames.FIELDS))


@pytest.fixture
def dirs(tmp_path: Path) -> list[str]:
    return ["--corpus", str(build(tmp_path)), "--index", str(tmp_path / "index")]


def found(dirs: list[str], query: str) -> list[int]:
    result = runner.invoke(app, ["search", query, "--json", *dirs])
    assert result.exit_code == 0, result.output
    return [hit["number"] for hit in json.loads(result.stdout)["hits"]]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Year: 2014", "year:2014"),
        ("TITLE:korea", "title:korea"),
        ("korea Author: Sahni", "korea author:sahni"),
        ("writer:sahni", "author:sahni"),
        ("Columnist: Abeyagoonasekera talks", "author:abeyagoonasekera talks"),
        ('Column: "Dateline Colombo"', 'column:"dateline colombo"'),
        ("topic:nuclear talks", "nuclear talks"),
        ("Korea: Old", "korea old"),
        ("intitle:korea", "title:korea"),
        ("inauthor:sahni", "author:sahni"),
        ("korea site:ipcs.org", "korea"),
        # A platform's operators, where a link to the piece was shared.
        ("in:#asia korea lang:en min_faves:10 during:march", "korea"),
        ("subreddit:geopolitics korea filter:links source:IPCS", "korea"),
        ("korea after:2014 before:2016", "korea date:>2014 date:<2016"),
    ],
)
def test_a_field_typed_loosely_finds_what_its_name_asks(
    dirs: list[str], typed: str, meant: str
) -> None:
    expected = found(dirs, meant)
    assert expected  # the comparison says something only where the field finds pages
    assert found(dirs, typed) == expected


def test_a_field_named_with_nothing_after_it_is_left_out_said_so(dirs: list[str]) -> None:
    result = runner.invoke(app, ["search", "Year: AND korea", *dirs])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "Left out of the query: “year:” with no value; “AND” with no word before it.\n"
    )
    assert found(dirs, "Year: AND korea") == found(dirs, "korea")
