"""What every screen of the app shares: the app itself, typed as what it is."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from ipcsreader.ui.app import IpcsApp


class IpcsScreen(Screen[None]):
    @property
    def ipcs(self) -> IpcsApp:
        """The running app (``self.app``, with its own attributes known to type checkers)."""
        return cast("IpcsApp", self.app)
