"""Option values converted without Pydantic when they are plainly valid.

Typer (0.17 and later) converts every option value, defaults included, through a Pydantic
``TypeAdapter``: importing Pydantic and building the adapters costs a one-shot command
100–170 ms, more than the whole search it runs. The values our commands take are simple
(text, flags, numbers, paths, choices, lists of these), so :func:`speed_up` gives each
parameter a converter that handles a plainly valid value itself, giving exactly what
Typer's would, and hands anything else (a bad value, an unusual type) to Typer's own, so
that errors and their messages stay Typer's.

Relies on ``typer._coercion.RuntimeParam`` (a frozen dataclass whose ``_coerce_value``
Typer calls for every value), ``build_runtime_param`` and ``typer._param_types.
coerce_cli_path``, and on each parameter's ``type_descriptor`` and ``_runtime_param``.
Checked on Typer 0.29.2 (``pyproject.toml``: ``<0.30``). A Typer without them is left
alone (every value then goes through Pydantic: slower, same results);
``tests/test_compat.py`` fails when that happens.
"""

from __future__ import annotations

import enum
import re
from functools import cached_property
from pathlib import Path
from typing import Any, get_args, get_origin

try:
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_path
except ImportError:  # a Typer that converts values some other way
    RuntimeParam = None  # type: ignore[assignment,misc]

_MISS = object()  # "not plainly valid: ask Typer"
# Numbers any converter reads alike (no sign, spaces, underscores or exponent).
_PLAIN = {int: re.compile(r"[0-9]{1,18}"), float: re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,15})?")}


def speed_up(command: Any, ctx: Any) -> None:
    """Give ``command``'s parameters (``--help`` too) the quick converter, where supported."""
    if RuntimeParam is None:
        return
    for param in command.get_params(ctx):
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", _MISS) is not None:
            continue
        leaf = _leaf(descriptor.annotation)
        if leaf is not None and descriptor.file_annotation is None:
            param._runtime_param = _QuickParam(descriptor, leaf)


def _leaf(annotation: Any) -> Any:
    """The item type when ``annotation`` is one :func:`_quick` knows (or a list of one)."""
    if get_origin(annotation) is list:
        (annotation,) = get_args(annotation)
    if annotation in (str, int, float, bool, Path) or (
        isinstance(annotation, type) and issubclass(annotation, enum.Enum)
    ):
        return annotation
    return None


if RuntimeParam is not None:

    class _QuickParam(RuntimeParam):
        # A plain subclass of Typer's frozen dataclass: a dataclass would cost 1 ms to make.
        descriptor: Any
        leaf: Any

        def __init__(self, descriptor: Any, leaf: Any) -> None:
            super().__init__(descriptor.parameter_info, descriptor.annotation)
            object.__setattr__(self, "descriptor", descriptor)
            object.__setattr__(self, "leaf", leaf)

        @cached_property
        def _typer(self) -> Any:
            return build_runtime_param(self.descriptor)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if isinstance(value, (list, tuple)) and self.leaf is not self.annotation:
                items = [self._quick(item, param, ctx) for item in value]
                if _MISS not in items:
                    return items
            elif not isinstance(value, (list, tuple)) and self.leaf is self.annotation:
                quick = self._quick(value, param, ctx)
                if quick is not _MISS:
                    return quick
            return self._typer._coerce_value(value, param=param, ctx=ctx)

        def _quick(self, value: Any, param: Any, ctx: Any) -> Any:
            info, leaf = self.parameter_info, self.leaf
            if leaf is str or leaf is bool:
                return value if type(value) is leaf else _MISS
            if leaf is int or leaf is float:
                return _number(leaf, value, info)
            if leaf is Path:
                if info.path_type is not None or not isinstance(value, str | Path) or value == "":
                    return _MISS
                # Typer turns the text into a Path, then checks it: the checks are its own.
                return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
            return _choice(leaf, value, info, ctx)


def _number(kind: type, value: Any, info: Any) -> Any:
    """A number in plain digits (or already one), within the option's bounds."""
    if type(value) is kind:
        number = value
    elif isinstance(value, str) and _PLAIN[kind].fullmatch(value):
        number = kind(value)
    else:
        return _MISS
    if info.clamp or (info.min is not None and number < info.min):
        return _MISS
    if info.max is not None and number > info.max:
        return _MISS
    return number


def _choice(kind: type[enum.Enum], value: Any, info: Any, ctx: Any) -> Any:
    if isinstance(value, kind):
        return value
    if not isinstance(value, str) or not info.case_sensitive or ctx.token_normalize_func:
        return _MISS
    # Typer matches the text against str(member.value), exactly when case-sensitive.
    for member in kind:
        if str(member.value) == value:
            return member
    return _MISS
