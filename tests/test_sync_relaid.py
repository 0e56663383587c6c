"""End to end: a site whose article pages are laid out differently, synced into a fresh
corpus, then every article read back with every field (`ipcs sync`, `ipcs read --json`)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from ipcs_site import RELAID, Site
from typer.testing import CliRunner

from ipcsreader.cli import app

ARTICLES = {
    5101: dict(
        title="Jharkhand's Counter-LWE Policy",
        date=dt.date(2016, 7, 20),
        column="Red Affairs",
        author="Bibhu Prasad Routray",
        role="Visiting Fellow",
        teaser="Bibhu Prasad Routray asks what the state's new policy changes on the ground",
        paragraphs=(
            "Given that a force-centric policy has taken precedence over the rest.",
            "The state had been carved out of Bihar in 2000.",
        ),
    ),
    5103: dict(
        title="Sri Lanka: A Silent Revolution",
        date=dt.date(2016, 8, 2),
        column="Dateline Colombo",
        author="Asanga Abeyagoonasekera",
        role="Executive Director, Lakshman Kadirgamar Institute",
        teaser="The change of government in Colombo, a year on",
        paragraphs=(
            "The dramatic change of government in Colombo surprised many observers.",
            "A year on, the new coalition has held together.",
            "Whether it can hold through the local elections is the question.",
        ),
    ),
    5107: dict(
        title="Pyongyang's Fifth Test: What Changed?",
        date=dt.date(2016, 9, 12),
        column="Spotlight East Asia",
        author="Sandip Kumar Mishra",
        role="Associate Professor, University of Delhi",
        teaser="Whether the test moves the region or only the headlines",
        paragraphs=("North Korea's fifth test came sooner than most forecasts allowed.",),
    ),
}


@pytest.mark.parametrize("layout", RELAID)
def test_sync_then_read_gives_every_field(monkeypatch: pytest.MonkeyPatch, layout: str) -> None:
    with Site(layout=layout) as site:
        for number, fields in ARTICLES.items():
            site.add(number, **fields)  # type: ignore[arg-type]
        site.point_ipcs_here(monkeypatch)
        synced = CliRunner().invoke(app, ["sync", "--json"])
        assert synced.exit_code == 0, synced.output
        assert sorted(json.loads(synced.stdout)["saved"]) == sorted(ARTICLES)
    for number, fields in ARTICLES.items():
        read = CliRunner().invoke(app, ["read", str(number), "--format", "json"])
        assert read.exit_code == 0, read.output
        got = json.loads(read.stdout)
        assert got["number"] == number
        assert got["title"] == fields["title"]
        assert got["date"] == fields["date"].isoformat()  # type: ignore[union-attr]
        assert got["column"] == fields["column"]
        assert got["teaser"] == fields["teaser"]
        assert [(a["name"], a["affiliation"]) for a in got["authors"]] == [
            (fields["author"], fields["role"])
        ]
        assert got["paragraphs"] == list(fields["paragraphs"])  # type: ignore[arg-type]
