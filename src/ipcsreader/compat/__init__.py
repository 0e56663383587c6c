"""Every use of a dependency's private or undocumented internals, one module each.

Each module says what it relies on, which versions were checked, and what happens when the
assumption no longer holds; ``pyproject.toml`` bounds those dependencies from above and
``tests/test_compat.py`` fails loudly when a pinned assumption breaks.

- ``typer_coerce``: Typer's ``_coercion.RuntimeParam`` (skips Pydantic for plain options).
- ``whoosh_lean``: an import hook while ``whoosh.compat`` and ``whoosh.reading`` load.
- ``whoosh_segments``: writes segments in Whoosh's W3 codec format directly.
- ``whoosh_matching``: runs Whoosh's matcher trees a posting list at a time.
"""
