"""What ``ipcs fetch`` and ``ipcs sync`` did, as Rich text: one line per article, a summary."""

from __future__ import annotations

from rich.text import Text

from ipcsreader.render.safe import safe
from ipcsreader.web.sync import Report

_LABELS = {
    "saved": ("saved", "green"),
    "unread": ("unread", "yellow"),
    "planned": ("would fetch", "cyan"),
    "missing": ("missing", "yellow"),
    "refused": ("refused", "red"),
    "failed": ("failed", "red"),
}


def outcome_lines(report: Report) -> Text:
    """``saved    5086  Title`` for each article, in the order they were handled."""
    out = Text()
    for outcome in report.outcomes:
        label, style = _LABELS[outcome.status]
        out.append(f"{label:<11} ", style=style)
        out.append(f"{outcome.number:>6}  ")
        out.append_text(safe(outcome.detail))
        out.append("\n")
    return out


def skipped_line(numbers: list[int]) -> Text:
    """Articles not fetched because they are saved already, said once for all of them."""
    shown = ", ".join(str(n) for n in numbers[:10])
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    return Text(
        f"Skipped {_count(len(numbers))} already saved ({shown}{more}); --force fetches again."
    )


def _count(n: int, what: str = "article") -> str:
    return f"{n} {what}" + ("" if n == 1 else "s")


def summary(report: Report, *, sync: bool) -> Text:
    """One closing line: how many were saved, missing, refused, failed."""
    saved = len(report.numbers("saved"))
    planned = len(report.numbers("planned"))
    if planned:
        line = f"Would fetch {_count(planned)} (dry run: nothing saved)"
    elif sync and not report.outcomes and report.error is None and not report.stopped_at_max:
        line = "Nothing new: the corpus is up to date"
    else:
        line = f"Saved {_count(saved)}"
    if sync:
        line += f", after reading {_count(report.listings, 'listing page')}"
    extras = [
        f"{len(report.numbers(status))} {status}"
        for status in ("missing", "refused", "failed")
        if report.numbers(status)
    ]
    unread = report.numbers("unread")
    if unread:
        extras.insert(0, f"{len(unread)} saved but not readable (`ipcs index` lists them)")
    if extras:
        line += "; " + ", ".join(extras)
    line += "."
    if report.stopped_at_max:
        line += " Stopped at --max; run `ipcs sync` again to go on."
    return Text(line)
