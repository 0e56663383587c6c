"""One family of exceptions, each with a message written for the person at the terminal.

The command line turns an :class:`IpcsError` into one ``Error: …`` line on stderr and
the exit code it carries; anything else is a bug and may show a traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    FAILURE = 1  # nothing found, a file failed, an unknown article number
    USAGE = 2  # input the command cannot take: a bad query, option or value


class IpcsError(Exception):
    """Base of every error the user may see."""

    exit_status: ExitStatus = ExitStatus.FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PageError(IpcsError):
    """A page that cannot be read as an IPCS page. The parser raises nothing else."""

    def __init__(self, reason: str, file: str | None = None) -> None:
        self.reason = reason
        self.file = file
        super().__init__(f"{file}: {reason}" if file else reason)

    def for_file(self, file: str) -> PageError:
        return PageError(self.reason, file)

    def __reduce__(self) -> tuple[type[PageError], tuple[str, str | None]]:
        # Pages are parsed in worker processes: the error must cross back whole.
        return PageError, (self.reason, self.file)


class QueryError(IpcsError):
    """A search query or filter the query parser cannot take."""

    exit_status = ExitStatus.USAGE


class UsageError(IpcsError):
    """An option value that makes no sense (a bad date, a negative limit, …)."""

    exit_status = ExitStatus.USAGE


class UnknownOptionError(UsageError):
    """An option the command does not know, read where an argument was expected (commands
    taking article numbers let "-5" through, and so any option): the command line says
    which options it has."""

    def __init__(self, option: str) -> None:
        super().__init__(f"no such option: {option}")
        self.option = option


class NotFoundError(IpcsError):
    """An article number, author or column the corpus does not hold."""


class IndexUnavailableError(IpcsError):
    """The index cannot be opened, built or locked."""


class FetchError(IpcsError):
    """A download failed after its retries, or was refused by policy (robots.txt, host)."""
