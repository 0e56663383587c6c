"""What a reader asks of the archive, computed from records: no I/O of its own.

``records`` merges every page about one article number into one record; ``people``
recognises one person under several spellings (over :mod:`ipcsreader.names`, which the
parsers share); ``known`` gathers titles known only from listings; ``columns``,
``authors``, ``browse`` and ``stats`` are the reading views, and ``views`` computes them
all at once for the catalog; ``search`` and ``ranges`` are the query language (options,
filters, plans, checked values) before the index runs it.
"""
