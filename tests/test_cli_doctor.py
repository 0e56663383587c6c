"""`ipcs doctor`: versions, folders, index, pages, sync, and --online against the stand-in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from ipcs_site import Site
from ipcs_site import site_fixture as site_fixture  # the `site` fixture
from typer.testing import CliRunner

from ipcsreader import __version__, paths
from ipcsreader.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "read"


@pytest.fixture
def dirs(tmp_path: Path) -> list[str]:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES, corpus)
    (corpus / "9999-other.txt").write_text("Nothing here is an IPCS page.\n", encoding="utf-8")
    return ["--corpus", str(corpus), "--index", str(tmp_path / "index")]


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_doctor_before_any_index(dirs: list[str]) -> None:
    result = run("doctor", *dirs)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"  ipcs     {__version__}\n" in out
    for name in ("Python", "Typer", "Rich", "Whoosh"):
        assert f"  {name} " in out
    assert "missing: not built yet" in out
    assert "none indexed yet" in out
    assert "last sync never" in out
    assert not Path(dirs[3]).exists()  # looking builds nothing


def test_doctor_json_after_an_index(dirs: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPCS_BASE_URL", "http://127.0.0.1:9")
    assert run("index", *dirs).exit_code == 1  # one page cannot be read
    data = json.loads(run("doctor", "--json", *dirs).stdout)
    assert data["versions"]["ipcs"] == __version__
    assert set(data["versions"]) == {"ipcs", "Python", "Typer", "Rich", "Whoosh"}
    assert data["index_state"] == "fresh"
    assert data["pages"] == {
        "new article (text)": 2,
        "new listing (text)": 1,
        "old article (text)": 2,
    }
    assert [f["file"].endswith("9999-other.txt") for f in data["failures"]] == [True]
    roles = {f["role"]: f for f in data["folders"]}
    assert roles["corpus"]["files"] == 6 and roles["corpus"]["bytes"] > 0
    assert roles["index"]["exists"] and roles["index"]["bytes"] > 0
    assert data["base_url"] == "http://127.0.0.1:9"
    assert data["online"] is None


def test_doctor_online_against_the_stand_in_site(
    dirs: list[str], site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.robots_txt = "User-agent: *\nDisallow: /private\n"
    monkeypatch.setenv("IPCS_BASE_URL", site.base_url)
    result = run("doctor", "--online", *dirs)
    assert result.exit_code == 0, result.output
    assert f"ok     {site.base_url}/robots.txt 200" in result.stdout
    assert f"ok     {site.base_url}/ 404" in result.stdout
    assert site.requested("/robots.txt") >= 1 and site.requested("/") == 1
    assert not [p for p in site.log if p not in ("/", "/robots.txt")]


def test_doctor_online_when_the_site_is_unreachable(
    dirs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPCS_BASE_URL", "http://127.0.0.1:9")
    result = run("doctor", "--online", "--json", *dirs)
    assert result.exit_code == 1
    online = json.loads(result.stdout)["online"]
    assert [p["ok"] for p in online] == [False, False]
    assert online[0]["error"].startswith("cannot reach http://127.0.0.1:9")


def test_doctor_reports_the_last_sync(dirs: list[str]) -> None:
    state = paths.user_data_dir() / "sync-state.json"
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(
        json.dumps(
            {
                "version": 1,
                "sections": {"commentaries": {"complete": True, "page": None, "pending": [5]}},
            }
        ),
        encoding="utf-8",
    )
    data = json.loads(run("doctor", "--json", *dirs).stdout)
    assert data["last_sync"] is not None
    assert data["sync_sections"] == {"commentaries": "walked to the end, 1 pending"}


def test_doctor_help_has_an_example() -> None:
    assert "Example: ipcs doctor --online" in run("doctor", "--help").stdout
