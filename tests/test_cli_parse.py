"""`ipcs parse` through the command line."""

import json
from pathlib import Path

from typer.testing import CliRunner

from ipcsreader.cli import app

PAGES = Path(__file__).parent / "fixtures" / "pages"
runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, ["parse", *args])


def test_human_summary(monkeypatch):
    monkeypatch.chdir(PAGES)
    result = _run("new-spaced.txt", "--color", "never")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "new-spaced.txt  article, new site, text"
    assert "Ports and Promises: A Coastal Ledger" in result.stdout
    assert result.stderr == ""


def test_json_one_object_per_line_with_file_as_given(monkeypatch):
    monkeypatch.chdir(PAGES.parent)
    result = _run("--json", "pages/old-whole.txt", "./pages/column-listing.txt")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    article, listing = (json.loads(line) for line in lines)
    assert article["file"] == "pages/old-whole.txt"
    assert (article["kind"], article["layout"], article["number"]) == ("article", "old", 3901)
    assert article["date"] == "2012-08-14"
    assert article["region"] == "East Asia: Japan, Australia and the Koreas"
    assert article["authors"][0]["name"] == "Meera Iyer"
    assert article["teaser"] is None
    assert article["truncated"] is False
    assert article["paragraphs"][1] == "Counting the Berths"
    assert listing["file"] == "./pages/column-listing.txt"
    assert (listing["kind"], listing["number"], listing["title"]) == ("listing", None, None)
    assert [e["number"] for e in listing["entries"]] == [3901, 3870]


def test_each_bad_file_gets_one_line_and_the_others_are_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("empty.txt").write_bytes(b"")
    Path("blob.bin").write_bytes(bytes(range(256)))
    Path("recipe.txt").write_text("Soup\n\nBoil water and add lentils.\n", encoding="utf-8")
    Path("good.txt").write_bytes((PAGES / "new-spaced.txt").read_bytes())
    Path("review.txt").write_bytes((PAGES / "other-book-review.txt").read_bytes())
    Path("folder").mkdir()
    result = _run(
        "empty.txt",
        "good.txt",
        "blob.bin",
        "missing.txt",
        "recipe.txt",
        "review.txt",
        "folder",
        "--json",
    )
    assert result.exit_code == 1
    assert [json.loads(line)["file"] for line in result.stdout.splitlines()] == ["good.txt"]
    assert result.stderr.splitlines() == [
        "Error: empty.txt: an empty file",
        "Error: blob.bin: a binary file, not a saved web page",
        "Error: missing.txt: no such file",
        "Error: recipe.txt: not an IPCS page: no article stamp, columnist page or column "
        "listing found",
        "Error: review.txt: an IPCS book review page, not a commentary or listing",
        "Error: folder: a folder, not a page file",
    ]
    assert "Traceback" not in result.output


def test_cp1252_file_is_parsed(tmp_path):
    text = (
        (PAGES / "new-spaced.txt")
        .read_text(encoding="utf-8")
        .replace("and Promises", "’n’ Promises")
    )
    page = tmp_path / "win.txt"
    page.write_bytes(text.encode("cp1252"))
    result = _run("--json", str(page))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Ports ’n’ Promises: A Coastal Ledger"


def test_no_paths_is_a_usage_error():
    result = _run()
    assert result.exit_code == 2
    assert result.stderr == "Error: PATH is missing (see ipcs parse -h)\n"


def test_help_has_an_example():
    result = _run("--help")
    assert result.exit_code == 0
    assert "Example: ipcs parse corpus/4842-old.txt --json" in result.stdout
