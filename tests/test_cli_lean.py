"""Whoosh imported without urllib.request and asyncio, and working the same."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# Run in a fresh interpreter: this one has long imported Whoosh the ordinary way.
SCRIPT = """
import json, sys
from ipcsreader.compat import whoosh_lean as lean

lean.install()
lean.install()  # once is enough; twice does no harm
from whoosh import fields, index, query
from whoosh.searching import Searcher

heavy = ("urllib.request", "asyncio", "cached_property", "ssl", "http.client")
heavy += ("whoosh.lang.morph_en",)
loaded = [name for name in heavy if name in sys.modules]

folder = sys.argv[1]
ix = index.create_in(folder, fields.Schema(n=fields.ID(stored=True), t=fields.TEXT))
with ix.writer() as w:
    for n, t in (("1", "north korea"), ("2", "south korea"), ("3", "north pole")):
        w.add_document(n=n, t=t)
with ix.writer() as w:
    w.delete_by_term("n", "3")
with ix.searcher() as s:
    hits = [h["n"] for h in s.search(query.Term("t", "north"))]
    deleted = sorted(s.reader().deleted_docs_set)
    # Word forms, through the real morph_en (loaded now, on first use).
    forms = [h["n"] for h in s.search(query.Variations("t", "koreas"))]

from whoosh.compat import urlretrieve
import urllib.request

copy = folder + "/copy"
urlretrieve("file://" + folder + "/_MAIN_2.toc", copy)
real = urllib.request.urlretrieve is not urlretrieve and hasattr(urllib.request, "Request")
real_forms = "whoosh.lang.morph_en" in sys.modules
print(json.dumps({"loaded": loaded, "hits": hits, "deleted": deleted, "real": real,
                  "forms": forms, "real_forms": real_forms}))
"""


def test_whoosh_works_without_what_it_does_not_use(tmp_path: Path) -> None:
    ran = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert json.loads(ran.stdout) == {
        "loaded": [],
        "hits": ["1"],
        "deleted": [2],
        "real": True,
        "forms": ["1", "2"],
        "real_forms": True,
    }
    # The download helper still downloads, through the real urllib.request.
    assert (tmp_path / "copy").read_bytes() == (tmp_path / "_MAIN_2.toc").read_bytes()


def test_the_library_loads_the_update_code_only_to_update() -> None:
    """Every command opens the library; few of them update the index."""
    script = "import sys, ipcsreader.library; print('ipcsreader.update' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_the_library_loads_the_search_index_only_to_search(tmp_path: Path) -> None:
    """columns, authors, browse and stats answer from the catalog and look at the index's
    files only: the query machinery (Whoosh's side, the query language) is not loaded."""
    (tmp_path / "corpus").mkdir()
    script = """
import sys
from pathlib import Path
from ipcsreader.library import Library

lib = Library.open(Path(sys.argv[1]) / "corpus", Path(sys.argv[1]) / "index")
lib.status(), lib.index_size_bytes(), lib.article_numbers()
print(*[m in sys.modules for m in ("ipcsreader.store.index", "ipcsreader.archive.search")])
"""
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True
    )
    assert out.stdout.split() == ["False", "False"], out.stderr


def test_a_jsonl_export_loads_no_rendering_and_no_desk(tmp_path: Path) -> None:
    """JSON Lines are written without Rich's text, the citation styles (Markdown's month
    names) or the desk's database (the query's "date:" is looked at for desk words)."""
    from search_world import FILLER, old_page, write

    from ipcsreader.library import Library

    write(tmp_path / "corpus", "9001.txt", old_page(9001, "North Korea", ["Korea.", FILLER]))
    Library.open(tmp_path / "corpus", tmp_path / "index").update()
    script = """
import sys
from ipcsreader.cli import main

sys.argv = ["ipcs", "export", "korea date:[2000 to 2100]", "--corpus", sys.argv[1] + "/corpus",
            "--index", sys.argv[1] + "/index"]
try:
    main()
except SystemExit as done:
    assert not done.code, done.code
heavy = ("rich.text", "ipcsreader.cite.styles", "ipcsreader.desk.store")
print(*[name for name in heavy if name in sys.modules], file=sys.stderr)
"""
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True
    )
    assert json.loads(out.stdout)["number"] == 9001
    assert out.stderr.strip() == "", out.stderr
