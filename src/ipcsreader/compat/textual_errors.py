"""An exception in a Textual handler or worker becomes a notification: the app runs on.

Textual has no public hook for this. When a message handler (an ``on_…`` method, an
``@on`` handler, an action run by a key) raises, the widget's message loop hands the error
to the private ``App._handle_exception``, which ends the app with a traceback, and the
loop stops for good (a widget that survived would take no more messages). A worker that
fails does the same through ``_handle_exception`` (its default ``exit_on_error``).

So, for the apps that ask (:class:`SurvivingApp`): ``MessagePump._dispatch_message``, the
one call every message of every widget goes through, is wrapped to hand an exception to
the app's ``handler_failed`` before it reaches the loop; and ``_handle_exception``, still
called for what fails outside a dispatch (a worker, a callback after a refresh, an idle
handler), calls ``handler_failed`` in place of ending the app. Other apps are untouched.

Checked: Textual 8.2.8; bound ``<9``. Guards: ``tests/test_compat.py`` (the two methods
are there, the loop calls them) and ``tests/test_ui_app.py`` (handlers, actions, workers
and callbacks planted to fail: a notification each, the app still answering keys).
Without them the app would end with a traceback on a bug, as any Textual app does.
"""

from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.message_pump import MessagePump
from textual.worker import WorkerFailed

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine

    from textual.message import Message

    Dispatch = Callable[[MessagePump, Message], Coroutine[Any, Any, None]]


class SurvivingApp(App[None]):
    """An app whose handlers and workers may fail without ending it."""

    def handler_failed(self, error: Exception) -> None:
        """Say that ``error`` happened; the app runs on."""
        self.notify(f"{type(error).__name__}: {error}", severity="error", markup=False)

    def _handle_exception(self, error: Exception) -> None:
        if isinstance(error, WorkerFailed) and isinstance(error.error, Exception):
            error = error.error
        self.handler_failed(error)


def _surviving(dispatch: Dispatch) -> Dispatch:
    @wraps(dispatch)
    async def dispatch_surviving(pump: MessagePump, message: Message) -> None:
        try:
            await dispatch(pump, message)
        except Exception as error:
            try:
                app = pump.app
            except Exception:  # no app running: nobody to tell
                raise error from None
            if not isinstance(app, SurvivingApp):
                raise
            app.handler_failed(error)

    dispatch_surviving.surviving = True  # type: ignore[attr-defined]
    return dispatch_surviving


def install() -> None:
    """Wrap ``MessagePump._dispatch_message`` (once)."""
    current = MessagePump._dispatch_message
    if not getattr(current, "surviving", False):
        MessagePump._dispatch_message = _surviving(current)  # type: ignore[method-assign,assignment]


def installed() -> bool:
    return bool(getattr(MessagePump._dispatch_message, "surviving", False))
