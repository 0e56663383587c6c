"""``ipcs ui`` never ends in a traceback: failures planted in a message handler, an action
run by a key, a worker and a callback each become a notification, and the app runs on."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Static
from ui_world import drive, indexed, make_app, screen_text, settle, small_corpus, typed

from ipcsreader.compat import textual_errors
from ipcsreader.ui.app import IpcsApp


class Planted(RuntimeError):
    pass


class Bomb(Static):
    """A widget whose handler of :class:`Bomb.Boom` fails every time."""

    class Boom(Message):
        pass

    def __init__(self) -> None:
        super().__init__("bomb", id="bomb")
        self.booms = 0

    def on_bomb_boom(self, _message: Boom) -> None:
        self.booms += 1
        raise Planted(f"boom {self.booms}")


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, Path]:
    return indexed(small_corpus(tmp_path), tmp_path / "index")


def _said(app: IpcsApp, text: str) -> bool:
    return any(text in n.message for n in app._notifications)


def test_a_failing_handler_is_a_notification_and_its_widget_takes_messages_still(
    small,
) -> None:
    app = make_app(*small)

    async def scenario(pilot: Pilot) -> None:
        bomb = Bomb()
        await app.screen.mount(bomb)
        bomb.post_message(Bomb.Boom())
        await settle(pilot)
        bomb.post_message(Bomb.Boom())  # its message loop did not stop at the first
        await settle(pilot)
        assert bomb.booms == 2
        assert _said(app, "Planted: boom 1") and _said(app, "Planted: boom 2")
        await typed(pilot, "harbour")  # the app answers as before
        assert "Ports and Promises" in screen_text(app)

    drive(app, scenario, failures=True)
    assert [str(e) for e in app.failures] == ["boom 1", "boom 2"]
    assert app.return_code in (0, None)


def test_a_failing_action_worker_and_callback_are_notifications(
    small, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_keys(_app: IpcsApp) -> None:
        raise Planted("keys")

    monkeypatch.setattr(IpcsApp, "action_keys", failing_keys)
    app = make_app(*small)

    async def fails() -> None:
        raise Planted("worker")

    def callback() -> None:
        raise Planted("callback")

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("f1")  # the action bound to F1 fails
        await settle(pilot)
        app.run_worker(fails())
        await settle(pilot)
        app.call_after_refresh(callback)
        await settle(pilot)
        assert {str(e) for e in app.failures} == {"keys", "worker", "callback"}
        for planted in ("keys", "worker", "callback"):
            assert _said(app, f"Something went wrong: Planted: {planted}")
        await typed(pilot, "harbour")
        assert "Ports and Promises" in screen_text(app)
        await pilot.press("down", "enter")  # and still reads
        await settle(pilot)
        assert "Ports and Promises" in screen_text(app)

    drive(app, scenario, failures=True)
    assert app.return_code in (0, None)


def test_an_unplanted_failure_is_raised_by_the_tests(small, monkeypatch) -> None:
    """The tests' own guard: a failure the scenario did not plant fails the test."""
    monkeypatch.setattr(IpcsApp, "action_keys", lambda _app: 1 / 0)
    app = make_app(*small)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("f1")
        await settle(pilot)

    with pytest.raises(ZeroDivisionError):
        drive(app, scenario)


def test_the_hook_is_installed_for_the_app_only() -> None:
    assert textual_errors.installed()
    assert issubclass(IpcsApp, textual_errors.SurvivingApp)
