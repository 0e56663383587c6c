"""The words within two edits come from the kept vocabulary exactly as a scan of every word
with the same first letter finds them, in the spelling searched: same words, same order
(the suggestion picks the first best)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from whoosh import fields as whoosh_fields
from whoosh import index as whoosh_index

from ipcsreader.store.fields import one_spelling
from ipcsreader.store.spelling import Vocabulary, _distance

# Enough to make British spellings: "-ise", "-our".
LETTERS = "aeiknorstuz"
WORDS = st.text(alphabet=LETTERS, min_size=1, max_size=9)


@pytest.fixture(scope="module", params=[1, 3], ids=["one segment", "three segments"])
def reader(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):
    # Few letters, many short words: most words have neighbours within two edits.
    import random

    rng = random.Random(12)
    words = {"".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 10))) for _ in range(3000)}
    words |= {"tenise", "tenised", "koniser", "storises", "rotiser"}  # British, as IPCS writes
    folder = tmp_path_factory.mktemp("vocabulary")
    ix = whoosh_index.create_in(str(folder), whoosh_fields.Schema(spell=whoosh_fields.KEYWORD))
    ordered = sorted(words)
    for segment in range(request.param):
        writer = ix.writer()
        for start in range(50 * segment, len(ordered), 50 * request.param):
            writer.add_document(spell=" ".join(ordered[start : start + 50]))
        writer.commit(merge=False)
    r = ix.reader()
    assert len(r.leaf_readers()) == request.param
    yield r
    r.close()


@settings(max_examples=300, deadline=None)
@given(word=WORDS)
@example(word="kaiser")
@example(word="tsar")
@example(word="ab")
@example(word="rotor")
@example(word="tenized")  # the American spelling of "tenised"
@example(word="teinzed")  # and a typo in it
@example(word="konizer")
def test_within_two_is_a_scan_of_every_word(reader, word: str) -> None:
    vocabulary = Vocabulary(reader)
    expected = _scanned(reader, word)
    assert vocabulary.within_two(word) == expected
    # Kept: asked again, from the letters read the first time.
    assert vocabulary.within_two(word) == expected


def test_the_words_tried_have_neighbours(reader) -> None:
    """The comparison above is not between two empty lists."""
    assert all(len(Vocabulary(reader).within_two(w)) > 3 for w in ("tsar", "rotor", "sea"))


def test_a_letter_is_read_once(reader) -> None:
    vocabulary = Vocabulary(reader)
    vocabulary.within_two("stone")
    reader_calls = []
    original = reader.expand_prefix

    def counting(*args):
        reader_calls.append(args)
        return original(*args)

    reader.expand_prefix = counting
    try:
        near = vocabulary.within_two("sore")
    finally:
        del reader.expand_prefix
    assert reader_calls == []
    assert near == _scanned(reader, "sore")


def _scanned(reader, word: str) -> list[tuple[str, int]]:
    """The words within two edits of ``word``, in the spelling searched, one by one, each
    with its distance."""
    every = (t.decode() for t in reader.expand_prefix("spell", word[:1]))
    measured = ((t, _distance(one_spelling(t), one_spelling(word))) for t in every)
    return sorted((t, distance) for t, distance in measured if distance <= 2)


def test_a_questions_grammar_is_not_corrected(tmp_path_factory: pytest.TempPathFactory) -> None:
    """ "what" is two edits from "war", as "agre" is from "agreed"; only the typo is one."""
    from ipcsreader.store.spelling import suggest

    folder = tmp_path_factory.mktemp("grammar")
    ix = whoosh_index.create_in(str(folder), whoosh_fields.Schema(spell=whoosh_fields.KEYWORD))
    writer = ix.writer()
    writer.add_document(spell="war russia korea agreed")
    writer.commit()
    with ix.reader() as r:
        assert suggest(Vocabulary(r), "what did russia agre") == "what did russia agreed"
