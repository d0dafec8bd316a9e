"""`serve --as-service` holds the installer's mutex while it serves, and lets it go when it stops."""

import argparse
from types import SimpleNamespace
from typing import Any

import pytest

from timetracker_desktop.cli import listener as cli_listener
from timetracker_desktop.system import mutex


class _Server:
    """Stands in for the HTTP server: ``run`` returns at once (the real one is tested in integration)."""

    port = 8000

    def __init__(self, *_args: Any, **_kwargs: Any) -> None:
        pass

    def run(self) -> None:
        events.append("served")


events: list[str] = []


@pytest.mark.parametrize(
    ("as_service", "expected"), [(True, ["held", "served", "released"]), (False, ["served"])]
)
def test_the_service_holds_the_running_mutex(
    monkeypatch: pytest.MonkeyPatch, as_service: bool, expected: list[str]
) -> None:
    events.clear()

    class _Held(mutex.RunningMutex):
        def release(self) -> None:
            events.append("released")

    def hold() -> mutex.RunningMutex:
        events.append("held")
        return _Held([1])

    monkeypatch.setattr(mutex, "hold_running_mutex", hold)
    monkeypatch.setattr("timetracker_desktop.listener.server.ListenerServer", _Server)
    monkeypatch.setattr("timetracker_desktop.listener.app.build_app", lambda *_a, **_k: object())
    awake = SimpleNamespace(keep_pc_awake=False)
    services = SimpleNamespace(
        backup_schedule=None,
        terminal_health=SimpleNamespace(flush=lambda: None),
        settings=SimpleNamespace(current=lambda: awake),
    )
    monkeypatch.setattr(cli_listener, "warn_if_firewall_blocks", lambda *_: None)
    context = SimpleNamespace(services=services)
    args = argparse.Namespace(host="127.0.0.1", port=0, as_service=as_service, trusted_proxy=[])
    monkeypatch.setattr(cli_listener, "listener_options", lambda _args: object())

    assert cli_listener.serve_listener(args, context) == 0  # type: ignore[arg-type]
    assert events == expected
