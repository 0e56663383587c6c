"""What a reader asks of the archive, computed from records: no I/O of its own.

``records`` merges every page about one article number into one record; ``people`` and
``names`` recognise one person under several spellings; ``known`` gathers titles known only
from listings; ``columns``, ``authors``, ``browse`` and ``stats`` are the reading views;
``search`` is the query language (options, filters, plans) before the index runs it.
"""
