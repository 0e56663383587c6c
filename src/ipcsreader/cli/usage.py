"""Mistakes Click finds on the command line, and anything else that stops a command, in
one line of our own words.

Click's usage errors are several lines (usage, a hint, then the error) in its words and
Pydantic's ("Input should be a valid integer, unable to parse string as an integer"): here
they become ``--limit must be a whole number, not 'abc' (see ipcs search -h)``. Click keeps
its exception classes private (Typer vendors them), so they are told apart by the public
attributes each has.
"""

from __future__ import annotations

import difflib
import enum
import errno
import os
import re
from pathlib import Path
from typing import Any, get_args, get_origin

import typer

# Click's UsageError: the base of the one class Typer exports.
UsageError: type[Exception] = typer.BadParameter.__mro__[1]
# Commands whose arguments are article numbers (read, cite, open and fetch take "-5" as
# an argument and say what is wrong with it themselves).
_NUMBER_COMMANDS = {"mark", "tag", "untag", "note"}
# Commands whose arguments are a query: "-south" may be a word to leave out.
_QUERY_COMMANDS = {"search", "export", "trend", "follow", "ui"}
_NEGATIVE = re.compile(r"-#?[0-9]+(?:-[0-9]+)?")
# An error line longer than this holds a value pasted whole: its middle goes.
MAX_MESSAGE = 400


def is_help(error: Exception) -> bool:
    """Whether ``error`` is Click's way of showing the help (no arguments given)."""
    return type(error).__name__ == "NoArgsIsHelpError"


def in_our_words(error: Any, args: list[str]) -> str:
    """One line for Click's usage ``error``; ``args`` is the command line as typed."""
    ctx = error.ctx
    if ctx is not None:
        path, name = ctx.command_path, ctx.command.name
    else:  # Click gives some errors no context: the command is the first word typed
        name = args[0] if args and not args[0].startswith("-") else ""
        path = f"ipcs {name}".strip()
    where = f" (see {path} -h)"
    if hasattr(error, "possibilities"):  # NoSuchOption
        token = _token(args, error.option_name)
        if _NEGATIVE.fullmatch(token) and name in _NUMBER_COMMANDS:
            return f"article numbers start at 1, not {token!r}"
        if _NEGATIVE.fullmatch(token) and name == "unfollow":
            return f"follow numbers start at 1, not {token!r} (see ipcs follows)"
        text = f"no such option: {token}"
        if error.possibilities:
            text += f" (did you mean {' or '.join(sorted(error.possibilities))}?)"
        if name in _QUERY_COMMANDS and not token.startswith("--"):
            if " " in token:  # the query was quoted, and starts with its word left out
                return f'{text}; a query starting with "-" goes after --: ipcs {name} -- "{token}"'
            return f'{text}; to leave a word out, quote the query: ipcs {name} "korea {token}"'
        return text + where
    param = getattr(error, "param", None)
    if hasattr(error, "param_type") and param is not None:  # MissingParameter
        return f"{_label(param)} is missing{where}"
    if isinstance(error, typer.BadParameter) and param is not None:
        return _bad_value(error, param, args) + where
    # read, cite, open and fetch let unknown options through as arguments ("-5" is a bad
    # article number, which they say themselves): one typed after the number is no extra
    # argument but an option mistyped.
    unknown = unknown_option(ctx.command, args) if ctx and ctx.ignore_unknown_options else None
    if unknown is not None:
        return unknown + where
    return _plain(error.format_message()) + where


def unknown_option(command: Any, args: list[str]) -> str | None:
    """The first option in ``args`` that ``command`` does not know, as Click says of one:
    ``no such option: --jsn (did you mean --json?)``. None where it knows every one."""
    known = [o for p in command.params for o in (*p.opts, *p.secondary_opts)]
    for token in args:
        name = token.split("=", 1)[0]
        if re.fullmatch(r"--?[A-Za-z][\w-]*", name) and name not in known:
            near = difflib.get_close_matches(name, [o for o in known if o.startswith("--")])
            hint = f" (did you mean {' or '.join(sorted(near))}?)" if near else ""
            return f"no such option: {name}{hint}"
    return None


def empty_path(command: Any, args: list[str]) -> str | None:
    """What is wrong with an option naming a file or folder that ``args`` give as empty
    text (``--index "$UNSET"``): Click reads it as the current folder, where the index or
    the export would then be written, and which ``--corpus`` would then read."""
    for param in command.params:
        kind = _value_type(param)
        if param.param_type_name != "option" or Path not in (kind, *get_args(kind)):
            continue
        if "" in _given(args, param):
            info = param.type_descriptor.parameter_info
            what = "a folder" if info.dir_okay else "a file's name"
            return f"{_label(param)} is empty: give {what}, or leave the option out"
    return None


def shortened(message: str) -> str:
    """``message``, or when longer than :data:`MAX_MESSAGE` characters its two ends on one
    line."""
    if len(message) <= MAX_MESSAGE:
        return message
    message = " ".join(message.splitlines())
    keep = (MAX_MESSAGE - 3) // 2
    return f"{message[:keep]} … {message[-keep:]}"


def os_error(error: OSError) -> str:
    """An error of the system (a folder we may not write, a name too long) in one line."""
    reason = error.strerror or type(error).__name__
    if error.errno in (errno.EEXIST, errno.ENOTDIR):  # what a folder was wanted for is a file
        reason = f"{reason}: a file is where a folder should be"
    return f"{error.filename}: {reason}" if error.filename else reason


def nul_argument(args: list[str]) -> str | None:
    """What is wrong with the first argument holding a NUL character, if one does: only a
    program can pass one (no shell can), and no file name, number or query holds it."""
    where = next((i for i, arg in enumerate(args, 1) if "\x00" in arg), None)
    if where is None:
        return None
    return f"argument {where} holds a NUL character, which no file name, number or query can"


def unencodable(error: UnicodeEncodeError) -> tuple[str, int]:
    """What to say when text could not be written, and the exit status."""
    bad = error.object[error.start : error.end]
    if any(0xD800 <= ord(c) <= 0xDFFF for c in bad):  # bytes the terminal could not decode
        return "an argument holds bytes that are not UTF-8 text; give it in UTF-8", 2
    return (
        f"the terminal's character set ({error.encoding}) cannot show {bad!r}; "
        "use a UTF-8 locale (LANG=C.UTF-8) or PYTHONIOENCODING=utf-8",
        1,
    )


def _bad_value(error: Any, param: Any, args: list[str]) -> str:
    label = _label(param)
    kind = _value_type(param)
    choices = (
        [str(m.value) for m in list[enum.Enum](kind)] if isinstance(kind, enum.EnumMeta) else []
    )
    given = [v for v in _given(args, param) if v not in choices]
    # Of several values, Click keeps the last; of a list of choices, the first bad one.
    value = (given[0] if choices else given[-1]) if given else None
    envvar = getattr(param, "envvar", None)
    if value is None and isinstance(envvar, str) and envvar in os.environ:
        label, value = envvar, os.environ[envvar]  # the variable is what to change
    shown = "" if value is None else f", not {value!r}"
    if kind is int:
        return f"{label} must be a whole number{shown}"
    if kind is float:
        return f"{label} must be a number{shown}"
    if kind is bool:  # a flag only an environment variable can give a value
        return f"{label} must be 1 or 0 (yes or no){shown}"
    if choices:
        return f"{label} must be {', '.join(choices[:-1])} or {choices[-1]}{shown}"
    said = str(error.message)
    for click_says, ours in (("is a directory", "a folder"), ("is a file", "a file")):
        if kind is Path and value is not None and click_says in said:
            return f"{label} cannot be {ours}: {value}"
    return f"{label}: {_plain(said)}"


def _value_type(param: Any) -> Any:
    """The type each value of ``param`` is read as (a repeatable option's: each value is
    checked alike); None when Typer gives none."""
    kind = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if get_origin(kind) is list:
        (kind,) = get_args(kind)
    return kind


def _label(param: Any) -> str:
    """``--limit`` for an option (its longest name), ``NUMBER`` for an argument."""
    opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    if opts:
        return max(opts, key=len)
    return str(getattr(param, "metavar", None) or param.name).upper()


def _given(args: list[str], param: Any) -> list[str]:
    """The values typed after ``param``'s names (``--limit 5`` or ``--limit=5``)."""
    names = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    found = []
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg in names and i + 1 < len(args):
            found.append(args[i + 1])
        found += [
            arg[len(n) + 1 :] for n in names if n.startswith("--") and arg.startswith(n + "=")
        ]
    return found


def _token(args: list[str], option: str) -> str:
    """The word typed that Click calls ``option``: ``-south`` where Click says ``-s``."""
    for arg in args:
        if arg == "--":
            break
        if arg == option or arg.startswith(option + "="):
            return arg
        if not option.startswith("--") and not arg.startswith("--") and arg.startswith(option):
            return arg
    return option


def _plain(message: str) -> str:
    """Click's sentence as a clause: lower case first, no full stop."""
    message = message.strip().rstrip(".")
    return message[:1].lower() + message[1:]
