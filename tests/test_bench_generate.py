"""The benchmark's corpus generator writes pages the real parser reads back exactly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ipcsreader.parse import parse_file

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402  (bench/ is not a package; its folder was put on the path above)

ARTICLES = 40


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[generate.Corpus, Path]:
    out = tmp_path_factory.mktemp("bench-corpus")
    return generate.generate(out, ARTICLES, seed=7, jobs=1), out


def test_every_page_parses_to_what_was_generated(written: tuple[generate.Corpus, Path]) -> None:
    corpus, out = written
    for spec in corpus.specs:
        body = corpus.body(spec)
        person = corpus.people[spec.author]
        for layout in spec.layouts:
            page = parse_file(out / f"{spec.number}-{layout}.txt")
            assert page.kind == "article"
            assert page.layout == layout
            assert page.number == spec.number
            assert page.date == spec.date
            assert page.column == generate.W.COLUMNS[spec.column][0]
            assert page.title == spec.title
            assert [a.name for a in page.authors] == [person.name]
            assert list(page.paragraphs) == [text for _kind, text in body]
            assert [b.kind for b in page.blocks] == [kind for kind, _text in body]
            assert not page.truncated
            if layout == "old":
                assert page.region == spec.region
            else:
                assert page.authors[0].honorific == person.honorific


def test_corpus_has_both_layouts_and_realistic_lengths(
    written: tuple[generate.Corpus, Path],
) -> None:
    corpus, out = written
    layouts = {spec.layouts for spec in corpus.specs}
    assert {("old",), ("new",), ("old", "new")} <= layouts
    assert len(list(out.iterdir())) == sum(len(s.layouts) for s in corpus.specs)
    for spec in corpus.specs:
        words = sum(len(text.split()) for kind, text in corpus.body(spec) if kind == "text")
        assert 800 <= words <= 1200
        assert 1996 <= spec.date.year <= 2026


def test_same_seed_same_pages_and_a_revision_differs(tmp_path: Path) -> None:
    first = generate.Corpus(30, seed=3)
    again = generate.Corpus(30, seed=3)
    spec = first.specs[5]
    layout = spec.layouts[0]
    assert first.page(spec, layout) == again.page(again.specs[5], layout)
    assert first.page(spec, layout, revision=1) != first.page(spec, layout)
    assert generate.Corpus(30, seed=4).page(spec, layout) != first.page(spec, layout)


def test_people_and_columns_match_the_issue() -> None:
    corpus = generate.Corpus(200, seed=1)
    assert len(corpus.people) == 300
    assert len({p.name for p in corpus.people}) == 300
    assert len(generate.W.COLUMNS) == 20
    numbers = [s.number for s in corpus.specs]
    assert numbers == sorted(set(numbers))
