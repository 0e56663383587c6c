"""ipcsreader: a terminal reader and search engine for the IPCS archive."""

__version__ = "0.1.0"

# How pages are read: bump when the parser reads any page otherwise (a field it missed or
# misread, a page it could not read). An index read by an older parser is then rebuilt
# (``store/integrity.py``), so no page stays as an older ipcs read it. Kept here, not in
# ``parse``: every command checks it, and few need the parser.
PARSER_VERSION = 7
