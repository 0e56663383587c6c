"""A name spelt one way, a page printing it another: which engines find the page?

For each group of spellings of one name (transliterations, hyphens, spaces), one page
prints each spelling; other pages print a syllable of the name alone, and three say
nothing of it. Each spelling is then typed as a query, and a page counts as found for it
when it ranks in the top 10 above every page holding only a syllable: what a reader sees
as "it found the article about them". Printed for ipcs (as `ipcs search` runs), SQLite
FTS5 and tantivy, as in `relevance.py`, with the pairs each misses.

    python bench/spellings.py [--misses]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

import relevance  # noqa: E402  (beside this script)
from search_world import FILLER, old_page, write  # noqa: E402

# Each line: the spellings of one name that pages print (and readers type).
GROUPS = """
Tahir-ul-Qadri | Tahirul Qadri | Tahir ul Qadri | Tahir-ul Qadri
Tehrik-i-Taliban | Tehrik-e-Taliban | Tehreek-e-Taliban | Tehrik e Taliban
Lashkar-e-Taiba | Lashkar-e-Toiba | Lashkar e Taiba | Lashkar-i-Taiba | Lashkare Taiba
Jaish-e-Mohammed | Jaish-e-Muhammad | Jaish-e-Mohammad | Jaish e Mohammed
Tehreek-e-Insaaf | Tehreek-e-Insaf | Tehrik-e-Insaf | Tehrik-i-Insaf
Hizb-ut-Tahrir | Hizbut Tahrir | Hizb ut-Tahrir
Jamaat-ud-Dawa | Jamaat-ud-Dawah | Jamat-ud-Dawa | Jamaat ud Dawa
Quaid-i-Azam | Quaid-e-Azam | Quaid e Azam
Ahl-e-Sunnat-wal-Jamaat | Ahle Sunnat Wal Jamaat | Ahl-e-Sunnat Wal Jamaat
Kim Jong-un | Kim Jong Un | Kim Jongun
Choe Ryong-hae | Choe Ryong Hae | Choe Ryonghae
Anura Dissanayake | Anura Dissanayaka
Salman Haidar | Salman Haider
Sherry Rehman | Sherry Rahman
"""
OTHER = ["The minister met the delegation.", "A long protest ended.", "The army moved north."]
TOP = 10


def groups() -> list[list[str]]:
    return [[s.strip() for s in line.split("|")] for line in GROUPS.strip().splitlines()]


def _pages(group: list[str]) -> dict[int, tuple[str, str]]:
    """Each spelling's page (numbered from 9100), and a page for each syllable of the
    first spelling alone (from 9150) and the pages on nothing (from 9190): number, (title,
    text)."""
    pages = {
        9100 + i: ("Protest", f"The march led by {name} ended.") for i, name in enumerate(group)
    }
    syllables = {s for s in re.split(r"[\s\-]+", group[0]) if len(s) >= 4}
    for i, syllable in enumerate(sorted(syllables)):
        pages[9150 + i] = ("Aside", f"The matter of {syllable} came up again.")
    for i, text in enumerate(OTHER):
        pages[9190 + i] = ("Other", text)
    return pages


def found(run: Callable[[str], list[int]], typed: str, number: int) -> bool:
    """Whether the page ``number`` ranks in the top 10 for ``typed``, above every page
    holding a syllable of the name alone."""
    ranked = run(typed)[:TOP]
    if number not in ranked:
        return False
    at = ranked.index(number)
    return not any(9150 <= n < 9190 for n in ranked[:at])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list each pair an engine misses")
    args = parser.parse_args(argv)
    from ipcsreader.library import Library

    totals: dict[str, int] = {"ipcs": 0, "fts5": 0, "tantivy": 0}
    pairs = 0
    misses: list[str] = []
    for group in groups():
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            pages = _pages(group)
            for number, (title, text) in pages.items():
                write(root / "corpus", f"{number}-old.txt", old_page(number, title, [text, FILLER]))
            library = Library([root / "corpus"], root / "index")
            library.update()
            docs = [
                relevance.Doc(n, title, "", f"{text} {FILLER}", "", "")
                for n, (title, text) in pages.items()
            ]
            (root / "tantivy").mkdir()
            engines = {
                "ipcs": relevance.ipcs_engine(library),
                "fts5": relevance.fts5_engine(docs),
                "tantivy": relevance.tantivy_engine(docs, root / "tantivy"),
            }
            for typed in group:
                for i, printed in enumerate(group):
                    pairs += 1
                    for name, run in engines.items():
                        if found(run, typed, 9100 + i):
                            totals[name] += 1
                        else:
                            misses.append(f"  {name:8} {typed!r} misses {printed!r}")
    print(f"{pairs} pairs (a spelling typed, a page printing one), {len(groups())} names")
    for name, count in totals.items():
        print(f"  {name:8} found {count:4}  ({count / pairs:.0%})")
    if args.misses:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
