"""Every use of a dependency's private or undocumented internals, one module each.

Each module says what it relies on and what happens when that is gone: it then falls back
to the dependency's public path (slower, same answers), never to a crash.
``pyproject.toml`` bounds each such dependency from above at the versions checked, and
``tests/test_compat.py`` (with the tests named below) fails loudly when an assumption no
longer holds, so that a fallback is never taken silently.

- ``typer_coerce``: ``typer._coercion.RuntimeParam``, ``build_runtime_param`` and
  ``typer._param_types.coerce_cli_path`` (plain option values converted without Pydantic).
  Checked: Typer 0.29.2; bound ``<0.30``. Guards: ``test_compat``, ``test_cli_coerce``
  (300+ values converted both ways).
- ``whoosh_lean``: an import hook while ``whoosh.compat``, ``whoosh.reading`` and
  ``whoosh.query.terms`` load (stand-ins for ``urllib.request``, ``cached_property`` and
  ``whoosh.lang.morph_en``). Checked: whoosh-reloaded
  2.7.5; bound ``<2.8``. Guard: ``test_cli_lean``.
- ``whoosh_reading``: private attributes of Whoosh's column and per-document readers
  (bulk reads of sortable columns and field lengths) and ``Highlighter._merge_matched_tokens``.
  Checked: 2.7.5. Guard: ``test_compat``.
- ``whoosh_segments``: writes segments in the W3 codec's block format directly. Checked:
  2.7.5. Guard: ``test_segments`` (every posting compared with Whoosh's own writer).
- ``whoosh_matching``: runs Whoosh's matcher trees a posting list at a time, with its
  BM25F scorer; with ``whoosh_matchers`` (the matcher kinds it knows, and their private
  ``_scorer`` / ``_format``), ``whoosh_postings`` (a term's postings read block by block, positions
  decoded from Whoosh's pickled layout) and ``whoosh_phrases`` (a phrase query matched by
  position lists, a subclass of Whoosh's span matcher). Checked: 2.7.5. Guard:
  ``test_matching`` (results and scores compared with Whoosh's own collector),
  ``test_related`` (related articles compared with ``Searcher.more_like``).
- ``whoosh_fielded``: one word over several fields scored as true BM25F (an ``Or``
  subclass whose matcher wraps Whoosh's ``UnionMatcher`` and reads its scorers' ``B``,
  ``K1``, ``avgfl`` and ``idf``). Checked: 2.7.5. Guard: ``test_matching`` (bulk and
  matcher scores compared, for every query shape).
- ``whoosh_shared``: a query's clauses made into matchers once per search (the every-word
  query, its any-word tail and the tail's word counts share them): a ``WrappingQuery``
  subclass whose ``_rewrap`` (how Whoosh's ``apply`` rebuilds a wrapper) keeps its matchers.
  Checked: 2.7.5. Guards: ``test_compat``, ``test_shared`` (results compared with matchers
  made anew, and the tail with Whoosh's own collector).
- ``whoosh_ranges``: numeric ranges matched from the sortable columns (Whoosh's tiered
  ranges are wrong on some unsigned ranges). Uses ``whoosh_reading``'s column reads.
  Guard: ``test_cli_query_values`` (ranges compared with the dates written).
- ``whoosh_prefix``: a ``Prefix`` subclass answering the private ``_btexts`` with words
  chosen beforehand (search as you type). Checked: 2.7.5. Guard: ``test_compat``.
- ``textual_errors``: ``MessagePump._dispatch_message`` wrapped and ``App._handle_exception``
  overridden, so that a failing handler or worker of ``ipcs ui`` becomes a notification.
  Checked: Textual 8.2.8; bound ``<9``. Guards: ``test_compat``, ``test_ui_failures``.
- ``textual_footer``: ``textual.widgets._footer.FooterKey`` and its ``action``,
  ``key_display`` and ``description`` (which key each hint of the footer shows, so that a
  narrow terminal leaves whole hints out). Checked: Textual 8.2.8; bound ``<9``. Guards:
  ``test_compat``, ``test_ui_fitting``.

Public APIs of Typer, Click and Rich (group subclasses, consoles, live displays) are used
elsewhere as documented and need no guard here.
"""
