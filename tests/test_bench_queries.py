"""bench/relevance.py's queries: the project's, or a file of one's own; those whose article
the pages do not hold are named and left out."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import relevance  # bench/ is not a package: its folder was put on the path above


def test_a_file_of_ones_own_queries(tmp_path: Path) -> None:
    own = tmp_path / "mine.jsonl"
    own.write_text(
        '{"query": "Kim Jong-un Moscow", "number": 4842}\n\n'
        '{"query": "Putin isolation", "number": "4842", "family": "topic", "set": "mine"}\n',
        encoding="utf-8",
    )
    assert relevance.queries(own) == [
        relevance.Query("Kim Jong-un Moscow", 4842, "own", "own"),
        relevance.Query("Putin isolation", 4842, "topic", "mine"),
    ]


def test_the_projects_queries_by_default() -> None:
    found = relevance.queries()
    assert {q.set for q in found} >= {"conformance", "tune", "held", "blind"}


def test_queries_whose_article_is_absent_are_named_and_left_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    qs = [
        relevance.Query("a", 1, "x", "own"),
        relevance.Query("b", 2, "x", "own"),
        relevance.Query("c", 2, "x", "own"),
    ]
    assert relevance.asked_of(qs, {1}) == qs[:1]
    assert capsys.readouterr().out == (
        "2 queries left out: their article is not among the pages (#2)\n"
    )
    assert relevance.asked_of(qs, {1, 2}) == qs
    assert capsys.readouterr().out == ""
    # A page the folder's index.json numbers, which ipcs does not read as an article.
    assert relevance.asked_of(qs, {1}, {1, 2}) == qs[:1]
    assert capsys.readouterr().out == (
        "2 queries left out: their pages are there, but ipcs reads none of them as an article"
        " (#2)\n"
    )


def test_the_numbers_an_index_json_gives(tmp_path: Path) -> None:
    assert relevance.named_numbers(tmp_path) == set()
    (tmp_path / "index.json").write_text(
        '[{"file": "a.txt", "number": 197}, {"file": "b.txt", "number": null}]'
    )
    assert relevance.named_numbers(tmp_path) == {197}
    (tmp_path / "index.json").write_text("not json")
    assert relevance.named_numbers(tmp_path) == set()


def test_an_unknown_set_or_a_missing_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for args in (["--set", "nope"], ["--queries", str(tmp_path / "none.jsonl")]):
        with pytest.raises(SystemExit) as ended:
            relevance.main(["--pages", str(pages), *args])
        assert ended.value.code == 2
    err = capsys.readouterr().err
    assert "no queries in set 'nope'; the sets: blind, " in err
    assert "no queries file at " in err


@pytest.mark.parametrize(
    "text", ["", " ", '"', "*", "(", "-", "🙂", 'author:"', "Kim AND", "NEAR(a b)"]
)
def test_the_fts5_baseline_answers_any_query(text: str) -> None:
    # A query with no word, or with FTS5's own syntax, is words or nothing to the
    # baseline, never an error that stops the run.
    docs = [relevance.Doc(1, "Kim Jong-un in Moscow", "", "Putin met Kim.", "S Mishra", "EAC")]
    run = relevance.fts5_engine(docs)
    assert run(text) in ([], [1])
    assert run("Kim Moscow") == [1]


def test_the_ipcs_engine_finds_nothing_where_ipcs_search_refuses(tmp_path: Path) -> None:
    from search_world import library_of

    run = relevance.ipcs_engine(library_of(tmp_path, {8801: ("Kim in Moscow", "Putin met Kim.")}))
    assert run("Kim Moscow") == [8801]
    assert run("Kim date:[2014") == [] and run("date:>=x") == []
