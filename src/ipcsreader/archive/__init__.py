"""What a reader asks of the archive, computed from records: no I/O of its own.

``records`` merges every page about one article number into one record; ``people``
recognises one person under several spellings (over :mod:`ipcsreader.names`, which the
parsers share); ``known`` gathers titles known only from listings; ``columns``,
``authors``, ``browse`` and ``stats`` are the reading views, and ``views`` computes them
all at once for the catalog; ``search`` and ``ranges`` are the query language (options,
filters, plans, checked values) before the index runs it, with ``fieldnames`` (a field's
names and listed values as readers type them), ``pasted`` (a query copied from elsewhere),
``mending`` (slips of syntax) and ``otherpieces`` (the pieces a query names besides the
one it asks for).
"""
