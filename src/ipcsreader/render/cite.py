"""Citations as Rich text: the style's italics kept, page text inert."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.text import Text

from ipcsreader.cite.styles import Citation
from ipcsreader.render.safe import safe


def citation_text(citation: Citation) -> Text:
    """One reference, its italic spans styled; each piece cleaned on its own so that the
    spans still fall where the style put them."""
    out = Text()
    cursor = 0
    for start, end in citation.italic:
        out.append_text(safe(citation.text[cursor:start]))
        out.append_text(safe(citation.text[start:end], "italic"))
        cursor = end
    out.append_text(safe(citation.text[cursor:]))
    return out


def render_citations(citations: Sequence[Citation]) -> Group:
    """References one after another, a blank line between them."""
    parts: list[Text] = []
    for i, citation in enumerate(citations):
        if i:
            parts.append(Text(""))
        parts.append(citation_text(citation))
    return Group(*parts)
