"""Loud failures for every borrowed internal (see ``ipcsreader.compat``).

Each compat module falls back to a dependency's public path when an internal it relies on
is gone, so that users never see a crash; these tests make sure the fallback is never
taken silently on the versions we install: a failure here means a dependency changed
under us and the compat module needs looking at (and its upper bound in pyproject.toml).
"""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from whoosh import fields as whoosh_fields
from whoosh import index as whoosh_index

from ipcsreader.compat import textual_footer, typer_coerce, whoosh_reading

ROOT = Path(__file__).resolve().parent.parent
# The distributions whose internals ipcsreader.compat relies on.
BORROWED = ("textual", "typer", "whoosh-reloaded")


def _requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    found = {}
    for spec in project["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.-]+", spec)
        assert name is not None
        found[name.group(0).lower()] = spec
    return found


@pytest.mark.parametrize("name", BORROWED)
def test_dependencies_we_borrow_from_have_an_upper_bound(name: str) -> None:
    spec = _requirements()[name]
    bound = re.search(r"<\s*([0-9][0-9.]*)", spec)
    assert bound, f"{spec}: a dependency whose internals we use needs a tested upper bound"
    installed = tuple(int(p) for p in re.findall(r"\d+", version(name))[:3])
    upper = tuple(int(p) for p in bound.group(1).split("."))
    assert installed < upper, f"{name} {version(name)} is past the bound in pyproject.toml"


def test_textuals_error_path_is_where_textual_errors_wraps_it() -> None:
    """Every message goes through ``_dispatch_message``, whose errors the loop hands to
    ``App._handle_exception`` (see ipcsreader/compat/textual_errors.py)."""
    import inspect

    from textual.app import App
    from textual.message_pump import MessagePump

    dispatch = inspect.unwrap(MessagePump._dispatch_message)
    assert inspect.iscoroutinefunction(dispatch)
    assert list(inspect.signature(dispatch).parameters) == ["self", "message"]
    assert list(inspect.signature(App._handle_exception).parameters) == ["self", "error"]
    loop = inspect.getsource(MessagePump._process_messages_loop)
    assert "await self._dispatch_message(message)" in loop
    assert "self.app._handle_exception(error)" in loop


def test_textuals_footer_keys_are_what_textual_footer_reads() -> None:
    """``FooterKey`` and the attributes ipcsreader/compat/textual_footer.py reads."""
    import inspect

    from textual.widgets._footer import Footer, FooterKey

    assert textual_footer.FooterKey is FooterKey
    for name in ("key_display", "description", "action"):
        assert f"self.{name} = {name}" in inspect.getsource(FooterKey.__init__)
    assert "yield FooterKey(" in inspect.getsource(Footer.compose)


def test_typers_coercion_internals_are_there() -> None:
    assert typer_coerce.RuntimeParam is not None, (
        "typer._coercion.RuntimeParam is gone: every option now goes through Pydantic "
        "(100-170 ms a command); see ipcsreader/compat/typer_coerce.py"
    )
    for name in ("_coerce_value", "parameter_info", "annotation"):
        assert name in dir(typer_coerce.RuntimeParam) or name in getattr(
            typer_coerce.RuntimeParam, "__dataclass_fields__", {}
        ), f"typer._coercion.RuntimeParam has no {name}"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ix")
    schema = whoosh_fields.Schema(
        n=whoosh_fields.NUMERIC(sortable=True, stored=True),
        name=whoosh_fields.ID(sortable=True),
        body=whoosh_fields.TEXT,
    )
    ix = whoosh_index.create_in(str(folder), schema)
    with ix.writer() as w:
        for n, name, body in ((3, "b", "north korea"), (1, "a", "south korea peace talks")):
            w.add_document(n=n, name=name, body=body)
    return folder


@pytest.fixture
def searcher(index_dir: Path):
    with whoosh_index.open_dir(str(index_dir)).searcher() as s:
        yield s


def test_column_readers_are_the_types_read_in_bulk(searcher) -> None:
    from whoosh.columns import NumericColumn, VarBytesColumn

    reader = searcher.reader()
    numbers = reader.column_reader("n", translate=False)
    names = reader.column_reader("name", translate=False)
    assert type(numbers) is NumericColumn.Reader, "Whoosh's numeric column reader changed"
    assert type(names) is VarBytesColumn.Reader, "Whoosh's bytes column reader changed"
    for column, attrs in (
        (numbers, ("_count", "_dbfile", "_basepos", "_fixedlen", "_typecode", "_default")),
        (names, ("_dbfile", "_basepos", "_length", "_offsets", "_lengths")),
    ):
        missing = [a for a in attrs if not hasattr(column, a)]
        assert not missing, f"{type(column).__qualname__} lost {missing}"
    # The bulk read gives what Whoosh's own iteration gives.
    assert whoosh_reading.read_column(numbers, 2) == list(numbers)
    assert whoosh_reading.read_column(names, 2) == list(names)


def test_lengths_are_read_in_bulk_and_answer_as_whoosh_does(index_dir: Path) -> None:
    from whoosh.codec.whoosh3 import W3PerDocReader, _lenfield

    lengths = []
    for bulk in (False, True):
        with whoosh_index.open_dir(str(index_dir)).searcher() as s:
            perdoc = s.reader()._perdoc
            assert type(perdoc) is W3PerDocReader, "Whoosh's per-document reader changed"
            if bulk:
                whoosh_reading.load_lengths(s, ["body"])
                read = perdoc._readers.get(_lenfield("body"))
                assert isinstance(read, bytes), "lengths were not read in bulk"
            lengths.append([perdoc.doc_field_length(d, "body") for d in range(2)])
            lengths.append([perdoc.max_field_length("body"), perdoc.min_field_length("body")])
    assert lengths[:2] == lengths[2:] and lengths[0] == [2, 4]


def test_the_highlighters_token_merging_is_there() -> None:
    from whoosh.analysis import StandardAnalyzer

    tokens = [t.copy() for t in StandardAnalyzer()("north korea", chars=True, positions=True)]
    for t in tokens:
        t.matched = True
    merged = list(whoosh_reading.merge_matched_tokens(tokens))
    assert [(t.startchar, t.endchar) for t in merged] == [(0, 5), (6, 11)]


def test_a_chosen_prefix_matches_sizes_and_highlights_its_words_only(index_dir: Path) -> None:
    """Whoosh's ``Prefix`` asks ``_btexts`` for its words in its matcher, its size estimate
    and the highlighter's word list (see ipcsreader/compat/whoosh_prefix.py)."""
    from whoosh.query import Prefix

    from ipcsreader.compat.whoosh_prefix import chosen_prefix

    assert "_btexts" in Prefix.__dict__, "Whoosh's Prefix no longer expands through _btexts"
    with whoosh_index.open_dir(str(index_dir)).searcher() as s:
        every = Prefix("body", "no")  # "north" and "korea"'s neighbours: only "north" here
        assert sorted(every.expanded_terms(s.reader())) == [("body", b"north")]
        # "no*" made to stand for "peace" alone: the words chosen decide, not the prefix.
        chosen = chosen_prefix("body", "no", [b"peace"])
        assert list(chosen.expanded_terms(s.reader())) == [("body", b"peace")]
        assert chosen.estimate_size(s.reader()) == 1
        assert [hit["n"] for hit in s.search(chosen)] == [1]
        assert [hit["n"] for hit in s.search(every)] == [3]
        assert list(s.search(chosen_prefix("body", "no", []))) == []
        assert chosen != Prefix("body", "no")
        assert chosen == chosen_prefix("body", "no", [b"peace"])


def test_whoosh_rebuilds_a_shared_clause_through_its_rewrap() -> None:
    """Whoosh's ``accept`` rebuilds a wrapper with ``_rewrap``: the shared clause keeps its
    matchers while its child stays, and a changed child gets a wrapper of its own."""
    from whoosh import query

    from ipcsreader.compat.whoosh_shared import shared_class

    clause = shared_class()(query.Term("body", "korea"), [])
    assert (
        query.And([clause, query.Term("body", "navy")]).accept(lambda q: q).subqueries[0] is clause
    )
    changed = clause.accept(lambda q: q.with_boost(2.0) if type(q) is query.Term else q)
    assert type(changed) is shared_class() and changed is not clause
    assert changed.child == query.Term("body", "korea", boost=2.0)
