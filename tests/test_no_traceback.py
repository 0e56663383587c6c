"""No input ends in a traceback: every command, given hostile arguments, either works or
says what is wrong on one ``Error: …`` line and exits 1 or 2 (2 for usage mistakes).

A sweep over commands × values (fast: one shared index, no network), then the cases that
need a real process: closed and broken pipes, Ctrl+C, a closed standard output.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from cli_world import offline_world
from typer.testing import CliRunner

from ipcsreader.cli import app
from ipcsreader.cli.usage import MAX_MESSAGE

IPCS = [sys.executable, "-c", "from ipcsreader.cli import main; main()"]

# What people type by mistake, and what is typed to break things.
HOSTILE = [
    "-5",
    "0",
    "",
    " ",
    "a\x01b",
    "a\x00b",  # only a program can pass one; every path given one was a ValueError
    "\u202eabc",
    "🙂",
    "x" * 10_240,
    "４８４２",
    "#4842",
    "https://www.ipcs.org/comm_select.php?articleNo=4842",
    "9" * 30,
    "4842-4840",
    "--bogus",
    "-",
    "1e3",
    "nan",
    "\udcff",  # a byte the terminal could not decode
]
# Each command with the place a hostile value goes ({} stands for it).
FORMS = [
    ["search", "{}"],
    ["search", "x", "--limit", "{}"],
    ["search", "x", "--year", "{}"],
    ["search", "x", "--since", "{}"],
    ["search", "x", "--sort", "{}"],
    ["read", "{}"],
    ["authors", "{}"],
    ["authors", "Mishra", "--limit", "{}"],
    ["columns", "{}"],
    ["columns", "--author", "{}"],
    ["columns", "--column", "Red Affairs", "--limit", "{}"],
    ["cite", "{}"],
    ["cite", "9101", "--style", "{}"],
    ["cite", "9101", "--accessed", "{}"],
    ["export", "x", "--format", "{}"],
    ["export", "--tag", "{}"],
    ["trend", "x", "--by", "{}"],
    ["open", "--no-browser", "{}"],
    ["list", "--limit", "{}"],
    ["tag", "{}", "korea"],
    ["tag", "9101", "{}"],
    ["untag", "{}", "korea"],
    ["mark", "{}", "--read"],
    ["note", "{}", "words"],
    ["follow", "{}"],
    ["follow", "--author", "{}"],
    ["unfollow", "{}"],
    ["desk", "export", "{}"],
    ["desk", "import", "{}"],
    ["fetch", "--dry-run", "{}"],
    ["fetch", "9101", "--delay", "{}"],
    ["sync", "--dry-run", "--max", "{}"],
    ["sync", "--dry-run", "--section", "{}"],
    ["parse", "{}"],
    ["export", "x", "--output", "{}"],
    ["{}"],
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A corpus with its index built once, and a site that is not there."""
    return offline_world(tmp_path_factory.mktemp("world"))


def assert_clean(result, args: list[str]) -> None:
    """Worked, found nothing (exit 1, saying so), or one clean error line last on stderr;
    never a traceback."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args[:4],
        repr(result.exception),
    )
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2), (args[:4], result.exit_code)
    if result.exit_code == 1 and not result.stderr:
        assert result.stdout  # "No articles match": nothing found is no error, and says so
    elif result.exit_code:
        last = result.stderr.splitlines()[-1] if result.stderr else ""
        assert last.startswith("Error: "), (args[:4], result.stderr[-300:])
        assert len(last) <= MAX_MESSAGE + len("Error: "), (args[:4], len(last))


@pytest.mark.parametrize("form", FORMS, ids=lambda f: " ".join(f))
def test_no_hostile_value_ends_in_a_traceback(
    form: list[str], world: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # `desk export NAME` writes NAME here
    runner = CliRunner()
    for value in HOSTILE:
        args = [value if part == "{}" else part for part in form]
        assert_clean(runner.invoke(app, args, env=world), args)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["mark", "-5", "--read"], "article numbers start at 1, not '-5'"),
        (["tag", "-5", "korea"], "article numbers start at 1, not '-5'"),
        (["unfollow", "-3"], "follow numbers start at 1, not '-3' (see ipcs follows)"),
        (["read", "-"], "not an article number: '-' (like 4842: digits 0-9 only)"),
        (
            ["search", "x", "--limit", "abc"],
            "--limit must be a whole number, not 'abc' (see ipcs search -h)",
        ),
        (
            ["search", "x", "--limit", "3", "--limit=many"],
            "--limit must be a whole number, not 'many' (see ipcs search -h)",
        ),
        (["search", "x", "--limit"], "option '--limit' requires an argument (see ipcs search -h)"),
        (
            ["search", "korea", "-south"],
            "no such option: -south; to leave a word out, quote the query: "
            'ipcs search "korea -south"',
        ),
        (
            ["search", "-south korea"],
            'no such option: -south korea; a query starting with "-" goes after --: '
            'ipcs search -- "-south korea"',
        ),
        (
            ["fetch", "9101", "--delay", "soon"],
            "--delay must be a number, not 'soon' (see ipcs fetch -h)",
        ),
        (["--bogus"], "no such option: --bogus (see ipcs -h)"),
        (["columns", "extra"], "got unexpected extra argument(s) (extra) (see ipcs columns -h)"),
        (["read"], "NUMBER is missing (see ipcs read -h)"),
        # read lets "-5" through as a number, and so any option it does not know.
        (
            ["read", "9101", "--jsn"],
            "no such option: --jsn (did you mean --json?) (see ipcs read -h)",
        ),
        (["open", "9101", "-x"], "no such option: -x (see ipcs open -h)"),
        (["read", "9101", "extra"], "got unexpected extra argument(s) (extra) (see ipcs read -h)"),
        (["desk", "import"], "FILE is missing (see ipcs desk import -h)"),
        (
            ["follow", "\u202enorth"],
            "the search holds a control character (U+202E); give plain text",
        ),
        (["follow", "--author", "\udcff"], "the author is not valid UTF-8 text"),
        # An empty folder was the current one: the index was written there.
        (
            ["search", "x", "--index", ""],
            "--index is empty: give a folder, or leave the option out (see ipcs search -h)",
        ),
        (
            ["read", "9101", "--corpus="],
            "--corpus is empty: give a folder, or leave the option out (see ipcs read -h)",
        ),
        (
            ["export", "x", "-o", ""],
            "--output is empty: give a file's name, or leave the option out (see ipcs export -h)",
        ),
        (
            ["cite", "9101", "--corpus", "c\x00"],
            "argument 4 holds a NUL character, which no file name, number or query can",
        ),
    ],
)
def test_mistakes_are_one_line_in_our_words(
    args: list[str], message: str, world: dict[str, str]
) -> None:
    result = CliRunner().invoke(app, args, env=world)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {message}\n"


def test_an_empty_folder_option_writes_nothing_where_it_runs(
    world: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (["search", "x", "--index", ""], ["index", "--corpus", ""]):
        result = CliRunner().invoke(app, args, env=world)
        assert result.exit_code == 2, result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("env", "args", "message"),
    [
        # Each was a traceback before (ValueError from shlex, from urlsplit).
        (
            {"EDITOR": 'vi "'},
            ["note", "9101"],
            "cannot read the editor command 'vi \"' (No closing quotation)",
        ),
        (
            {"IPCS_BASE_URL": "http://[::1"},
            ["fetch", "9101", "--force"],
            "IPCS_BASE_URL 'http://[::1' is not an address (Invalid IPv6 URL)",
        ),
        (
            {"IPCS_BASE_URL": "http://127.0.0.1:99999"},
            ["fetch", "9101", "--force"],
            "IPCS_BASE_URL 'http://127.0.0.1:99999' is not an address (Port out of range 0-65535)",
        ),
        # Was a fetch retrying a dead site for ever.
        (
            {"IPCS_RETRIES": "9" * 20},
            ["fetch", "9101", "--force"],
            f"IPCS_RETRIES must be 0 to 100, not {'9' * 20}",
        ),
        # Was Pydantic's words.
        (
            {"IPCS_MARK_READ": "maybe"},
            ["read", "9101"],
            "IPCS_MARK_READ must be 1 or 0 (yes or no), not 'maybe' (see ipcs read -h)",
        ),
    ],
)
def test_bad_environment_values_are_one_line(
    env: dict[str, str], args: list[str], message: str, world: dict[str, str]
) -> None:
    result = CliRunner().invoke(app, args, env={**world, **env})
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1] == f"Error: {message}"
    assert "Traceback" not in result.output


def test_an_option_folder_that_is_a_file_is_named_with_its_variable(
    world: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("x")
    result = CliRunner().invoke(
        app, ["search", "x"], env={**world, "IPCS_INDEX": str(tmp_path / "file")}
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: IPCS_INDEX cannot be a file: {tmp_path / 'file'} (see ipcs search -h)\n"
    )


def test_an_index_folder_that_cannot_be_made_is_one_line(
    world: dict[str, str], tmp_path: Path
) -> None:
    # Before: FileNotFoundError from the lock file, a traceback.
    (tmp_path / "file").write_text("x")
    where = tmp_path / "file" / "index"
    result = CliRunner().invoke(app, ["index"], env={**world, "IPCS_INDEX": str(where)})
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: cannot use {where} for the search index: Not a directory"
    )


def test_a_data_folder_that_is_a_file_is_one_line(world: dict[str, str], tmp_path: Path) -> None:
    # Before: FileExistsError from the desk's mkdir, a traceback.
    (tmp_path / "file").write_text("x")
    env = {**world, "IPCS_DATA_DIR": str(tmp_path / "file")}
    result = CliRunner().invoke(app, ["mark", "9101", "--read"], env=env)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: {tmp_path / 'file'}: File exists: a file is where a folder should be"
    )


def test_a_name_too_long_is_one_line(world: dict[str, str], tmp_path: Path) -> None:
    # Before: OSError [Errno 36] from `desk export`, a traceback.
    name = str(tmp_path / ("x" * 300))
    result = CliRunner().invoke(app, ["desk", "export", name], env=world)
    assert result.exit_code == 1
    assert result.stderr.endswith(": File name too long\n")
    assert result.stderr.count("\n") == 1


def test_a_pasted_value_is_cut_in_the_error_line(world: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["read", "y" * 10_240], env=world)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith("Error: not an article number: 'yyy")
    assert " … " in line and line.endswith("(like 4842: digits 0-9 only)")
    assert len(line) <= MAX_MESSAGE + len("Error: ")


# In a real process: pipes, signals, closed streams.


def _env(world: dict[str, str]) -> dict[str, str]:
    return {**os.environ, **world}


@pytest.mark.parametrize(
    "args", [["search", "north"], ["read", "9101"], ["export", "north"], ["desk", "export", "-"]]
)
def test_a_reader_that_leaves_ends_the_command_quietly(
    args: list[str], world: dict[str, str]
) -> None:
    # As `ipcs search x | head -0`: the pipe is closed before anything is written.
    child = subprocess.Popen(
        [*IPCS, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(world)
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    err = child.stderr.read().decode()
    assert child.wait(timeout=60) in (0, 1)
    assert err == ""


@pytest.mark.parametrize("args", [["search", "north", "--json"], ["read", "9101"], ["tags"]])
def test_a_closed_standard_output_is_said_once(args: list[str], world: dict[str, str]) -> None:
    # Before: AttributeError ('NoneType' object has no attribute 'write'), a traceback.
    closed = ["sh", "-c", 'exec "$@" >&-', "sh", *IPCS, *args]  # as `ipcs … >&-`
    child = subprocess.run(closed, stderr=subprocess.PIPE, env=_env(world), text=True)
    assert child.returncode == 1
    assert child.stderr == "Error: standard output is closed: there is nowhere to write\n"


def test_ctrl_c_during_an_index_build_says_so_and_exits_130(
    world: dict[str, str], tmp_path: Path
) -> None:
    # killable.py pauses the build while it reads pages; Ctrl+C reaches the whole group.
    env = {**_env(world), "IPCS_INDEX": str(tmp_path / "index")}
    killable = Path(__file__).resolve().parent / "killable.py"
    child = subprocess.Popen(
        [sys.executable, str(killable), "parse", "index"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        start_new_session=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "PAUSED\n"
    os.killpg(child.pid, signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert err.splitlines()[-1] == "Interrupted."
    assert "Traceback" not in err
    # Whatever the build had done is no obstacle: the next command builds the index.
    after = CliRunner().invoke(app, ["search", "north", "--json"], env=env)
    assert after.exit_code == 0, after.output
