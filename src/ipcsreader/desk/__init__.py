"""The reader's desk: read marks, tags, notes and followed searches, kept apart from the index.

:mod:`~ipcsreader.desk.store` keeps them in a SQLite file of their own (schema and migrations
in :mod:`~ipcsreader.desk.schema`), :mod:`~ipcsreader.desk.checks` says what is accepted,
:mod:`~ipcsreader.desk.terms` turns ``tag:``, ``is:``, ``has:`` and ``note:`` in a query into
article numbers, :mod:`~ipcsreader.desk.handle` is the desk as the library holds it (opened
on first use, a query's desk words narrowed through it), and
:mod:`~ipcsreader.desk.transfer` carries the desk to another machine.
"""
