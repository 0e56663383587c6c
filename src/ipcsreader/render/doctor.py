"""``ipcs doctor`` as text: one section per concern, one fact per line."""

from __future__ import annotations

from rich.text import Text

from ipcsreader.doctor import Diagnosis
from ipcsreader.render.safe import safe


def _size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"  # not reached


def _heading(out: Text, title: str) -> None:
    if out:
        out.append("\n")
    out.append(title + "\n", style="bold")


def render_doctor(d: Diagnosis) -> Text:
    out = Text()
    _heading(out, "Versions")
    for name, version in d.versions.items():
        out.append(f"  {name:<8} {version}\n")
    _heading(out, "Folders")
    for f in d.folders:
        what = (
            f"{f.files:,} file{'s' if f.files != 1 else ''}, {_size(f.bytes)}"
            if f.exists
            else "not there yet"
        )
        out.append(f"  {f.role:<11} ")
        out.append_text(safe(f.path))
        out.append(f"  ({what})\n")
    _heading(out, "Index")
    out.append(f"  {d.index_state}: ")
    out.append_text(safe(d.index_detail))
    out.append("\n")
    if d.index_updated:
        out.append(f"  last updated {d.index_updated}\n")
    _heading(out, "Pages")
    if not d.pages and not d.failures:
        out.append("  none indexed yet\n")
    for kind, count in d.pages.items():
        out.append(f"  {count:>6,}  {kind}\n")
    if d.failures:
        out.append(f"  {len(d.failures):>6,}  could not be read:\n", style="red")
        for file, reason in d.failures:
            out.append("          ")
            out.append_text(safe(f"{file}: {reason}"))
            out.append("\n")
    _heading(out, "Sync")
    out.append("  site ")
    out.append_text(safe(d.base_url))
    out.append("\n")
    out.append(f"  last sync {d.last_sync or 'never'}\n")
    for name, state in d.sync_sections.items():
        out.append(f"    {name}: {state}\n")
    if d.online is not None:
        _heading(out, "Online")
        for probe in d.online:
            mark, style = ("ok", "green") if probe.ok else ("FAILED", "red")
            out.append(f"  {mark:<7}", style=style)
            out.append_text(safe(probe.url))
            detail = f"{probe.status}" if probe.status is not None else probe.error or ""
            out.append(" ")
            out.append_text(safe(detail))
            out.append("\n")
    return out
