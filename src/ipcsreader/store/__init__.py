"""The archive on disk: page files, the catalog and the search index.

``corpus`` finds page files and fingerprints them; ``catalog`` is the SQLite file that
keeps each file's fingerprint, page headline and the merged records; ``index`` opens,
writes and searches the Whoosh index whose schema and word analysis are in ``fields``;
``integrity``, ``lock`` and ``fsutil`` keep both safe against crashes and concurrent
writers; ``workers`` and ``forked`` share a build or a check among processes. Nothing here
prints or knows about a front end.
"""
