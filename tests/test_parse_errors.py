"""What the parser refuses, and that it refuses nothing with anything but PageError."""

import contextlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipcsreader.errors import PageError
from ipcsreader.parse import parse_bytes, parse_file, parse_text

PAGES = Path(__file__).parent / "fixtures" / "pages"


def _reason(call, *args) -> str:
    with pytest.raises(PageError) as caught:
        call(*args)
    return caught.value.reason


def test_empty_and_blank_files():
    assert _reason(parse_bytes, b"") == "an empty file"
    assert _reason(parse_bytes, b" \n\t\r\n") == "an empty file"


def test_binary_data():
    assert _reason(parse_bytes, bytes(range(256)) * 4) == "a binary file, not a saved web page"
    assert _reason(parse_bytes, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == (
        "a binary file, not a saved web page"
    )


def test_not_an_ipcs_page():
    assert _reason(parse_file, PAGES / "other-not-ipcs.txt") == (
        "not an IPCS page: no article stamp, columnist page or column listing found"
    )


def test_a_stamp_without_its_date_is_named_as_such():
    page = (PAGES / "new-spaced.txt").read_text(encoding="utf-8")
    assert _reason(parse_text, page.replace("14 Aug, 2012\t·\t3901", "·\t3901")) == (
        "no article stamp: the line '· 3901' has a number but not the date a stamp prints "
        "before it (02 Aug, 2016 · 3901)"
    )


@pytest.mark.parametrize("stamp", ["#0, 2 March 2015", "#0000, 2 March 2015"])
def test_a_stamp_numbered_0_is_refused(stamp: str) -> None:
    page = (PAGES / "old-whole.txt").read_text(encoding="utf-8")
    assert "#3901, 14 August 2012" in page
    assert _reason(parse_text, page.replace("#3901, 14 August 2012", stamp)) == (
        "the stamp gives the article number 0; numbers start at 1"
    )


def test_book_review_is_named_as_such():
    assert _reason(parse_file, PAGES / "other-book-review.txt") == (
        "an IPCS book review page, not a commentary or listing"
    )


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(PageError) as caught:
        parse_file(tmp_path / "gone.txt")
    assert caught.value.message == f"{tmp_path / 'gone.txt'}: no such file"
    assert _reason(parse_file, tmp_path) == "a folder, not a page file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_is_refused_without_waiting_for_it(tmp_path: Path) -> None:
    # Opening a pipe no one writes to, or reading it, would wait for ever.
    os.mkfifo(tmp_path / "pipe.txt")
    assert _reason(parse_file, tmp_path / "pipe.txt") == (
        "not a file that holds a page (a pipe or a device)"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_device_without_end_is_refused(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    assert _reason(parse_file, tmp_path / "zero.txt") == (
        "not a file that holds a page (a pipe or a device)"
    )


def test_a_huge_file_is_refused_by_its_size_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(6_000_000_000)  # sparse: nothing written, 6 GB long
    assert (
        _reason(parse_file, huge)
        == "too large for a saved web page (6000.0 MB; the most is 4.0 MB)"
    )


def test_source_is_named_in_the_error():
    with pytest.raises(PageError) as caught:
        parse_bytes(b"", "empty.txt")
    assert (caught.value.file, caught.value.message) == ("empty.txt", "empty.txt: an empty file")


def test_cp1252_file_is_read():
    text = (PAGES / "new-spaced.txt").read_text(encoding="utf-8")
    text = text.replace("Ports and Promises", "Ports’ “Promises”").replace("·", "·")
    page = parse_bytes(text.encode("cp1252"), "cp.txt")
    assert page.title == "Ports’ “Promises”: A Coastal Ledger"
    assert page.number == 3901


def test_utf8_bom_and_crlf():
    data = "\ufeff".encode() + (PAGES / "new-spaced.txt").read_bytes().replace(b"\n", b"\r\n")
    assert parse_bytes(data).title == "Ports and Promises: A Coastal Ledger"


def test_utf16_with_bom():
    data = (PAGES / "new-spaced.txt").read_text(encoding="utf-8").encode("utf-16")
    assert parse_bytes(data).number == 3901


def test_layout_comes_from_content_not_file_name(tmp_path):
    misleading = tmp_path / "4842-old.txt"
    misleading.write_bytes((PAGES / "new-spaced.txt").read_bytes())
    assert parse_file(misleading).layout == "new"


_settings = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_page_words = st.sampled_from(
    [
        "#4842, 2 March 2015",
        "03 Feb, 2014 · 4286",
        "China - Articles",
        "Print Bookmark Email Facebook Subscribe",
        "IPCS Columnists",
        "• A Title",
        "Name · 06 Jul, 2015 · 4896",
        "Home Contact Us",
        "Dr Vijay Sakhuja analyses it",
        "A line.",
        "“Quote.”",
        "<p>",
        "<html>",
        "",
        " ",
    ]
)


def _only_page_errors(call, arg) -> None:
    with contextlib.suppress(PageError):
        call(arg)


@_settings
@given(st.text())
def test_arbitrary_text_raises_only_page_error(text):
    _only_page_errors(parse_text, text)


@_settings
@given(st.binary())
def test_arbitrary_bytes_raise_only_page_error(data):
    _only_page_errors(parse_bytes, data)


@_settings
@given(st.lists(st.one_of(_page_words, st.text(max_size=40)), max_size=40))
def test_page_shaped_text_raises_only_page_error(lines):
    _only_page_errors(parse_text, "\n".join(lines))


def test_html_the_parser_rejects_is_a_page_error() -> None:
    # Found by hypothesis: html.parser gives up on a bare "<![" before a closing tag.
    with pytest.raises(PageError, match="HTML the parser cannot read"):
        parse_text("<html><body><p></p><![</p><p></p></body></html>")


@pytest.mark.parametrize(
    ("cut", "shown"),
    [("14 Aug, 20", "14 Aug, 20"), ("14 Aug, 2012\t·", "14 Aug, 2012 ·"), ("14 Aug", "14 Aug")],
)
def test_a_page_cut_inside_its_stamp_says_so(cut: str, shown: str) -> None:
    page = (PAGES / "new-spaced.txt").read_text(encoding="utf-8")
    head = page[: page.index("14 Aug, 2012")] + cut + "\n"
    assert _reason(parse_text, head) == (
        f"no article stamp: the page ends inside one ({shown!r}), "
        "cut off before the article's number"
    )
