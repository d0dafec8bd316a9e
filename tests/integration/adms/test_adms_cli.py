"""`terminal list` shows pending devices; approve, reject, reload-logs and command in a subprocess."""

import json
import subprocess
import sys

import pytest
from fakes import ADMIN

from timetracker_desktop.cli import main
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.zkteco.dto import DeviceCall, DeviceRefusedError

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


def test_a_moved_device_is_shown_and_re_approved(
    db_url: str, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    services.adms.handshake(DeviceCall("MOVED01", "192.168.1.50"))
    (device,) = services.adms_admin.pending()
    terminal = services.adms_admin.approve(ADMIN, device.id)
    with pytest.raises(DeviceRefusedError, match="address_changed"):
        services.adms.poll(DeviceCall("MOVED01", "192.168.1.77"))

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db_url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, listed, _ = run("terminal", "pending")
    assert code == 0
    assert "refused until re-approved (terminal reapprove ID)" in listed
    assert "192.168.1.77" in listed
    code, shown, _ = run("terminal", "show", str(terminal.id))
    assert code == 0
    assert f"ZKTeco device:   {device.id} (MOVED01), approved" in shown
    assert "approved at:     192.168.1.50; comm key -" in shown
    since = "called from 192.168.1.77 since 2026-03-04T10:00:00+00:00"
    assert f"{since}: refused until 'terminal reapprove {device.id}'" in shown
    code, as_json, _ = run("--json", "terminal", "pending")
    rows = json.loads(as_json)
    assert [(d["serial"], d["needs_reapproval"], d["moved_ip"]) for d in rows] == [
        ("MOVED01", True, "192.168.1.77")
    ]
    assert "comm_key_hash" not in rows[0]
    code, _, wrong = run("terminal", "reapprove", str(device.id), "--address", "192.168.1.99")
    assert code == 1
    assert "now calls from 192.168.1.77" in wrong
    code, done, _ = run("terminal", "reapprove", str(device.id), "--address", "192.168.1.77")
    assert code == 0
    assert "re-approved at 192.168.1.77" in done
    assert services.adms.poll(DeviceCall("MOVED01", "192.168.1.77")) == "OK"
    assert "refused" not in run("terminal", "pending")[1]
