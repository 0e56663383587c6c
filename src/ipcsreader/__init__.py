"""ipcsreader: a terminal reader and search engine for the IPCS archive."""

__version__ = "0.1.0"
