"""`terminal list` shows pending devices; approve, reject, reload-logs and command in a subprocess."""

import json
import subprocess
import sys

from timetracker_desktop.services.container import Services
from timetracker_desktop.services.zkteco.dto import DeviceCall

CLI = [sys.executable, "-m", "timetracker_desktop"]


def cli(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI on the test database."""
    return subprocess.run(
        [*CLI, *args, "--db", db_url], capture_output=True, text=True, timeout=120, check=False
    )


def test_pending_devices_are_listed_approved_reloaded_and_rejected(db_url: str, services: Services) -> None:
    services.adms.handshake(DeviceCall("CLI0001", "192.168.1.50"))
    services.adms.handshake(DeviceCall("CLI0002", "192.168.1.51"))
    first, second = (d.id for d in services.adms_admin.pending())
    listed = cli(db_url, "terminal", "list")
    assert listed.returncode == 0, listed.stderr
    assert "waiting for approval" in listed.stdout
    assert "CLI0001" in listed.stdout
    assert "192.168.1.51" in listed.stdout
    approved = cli(db_url, "terminal", "approve", str(first), "--direction-mode", "auto", "--json")
    assert approved.returncode == 0, approved.stderr
    terminal = json.loads(approved.stdout)
    assert (terminal["kind"], terminal["serial"], terminal["direction_mode"]) == ("adms", "CLI0001", "auto")
    reload = cli(db_url, "terminal", "reload-logs", str(first), "--from", "2026-01-01")
    assert reload.returncode == 0, reload.stderr
    assert "log reload queued as command 1" in reload.stdout
    refused = cli(db_url, "terminal", "command", str(first), "clear_logs")
    assert refused.returncode == 1
    assert "confirmation" in refused.stderr
    assert cli(db_url, "terminal", "reject", str(second)).returncode == 0
    pending = cli(db_url, "terminal", "pending", "--json")
    assert json.loads(pending.stdout) == []
    terminals = json.loads(cli(db_url, "terminal", "list", "--json").stdout)
    assert [t["serial"] for t in terminals] == ["CLI0001"]
