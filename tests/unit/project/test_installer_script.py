"""The Inno Setup script and the service XML as text: the names shared with the app (COMMON14) are exact."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = (ROOT / "packaging" / "timetracker-desktop.iss").read_text(encoding="utf-8")
SERVICE_XML = ROOT / "packaging" / "timetracker-desktop-service.xml"


def define(name: str) -> str:
    """The value of ``#define name "value"`` in the script."""
    match = re.search(rf'^#define {name} "([^"]*)"', SCRIPT, re.MULTILINE)
    assert match, name
    return match.group(1)


def test_autostart_is_not_the_installers_and_setup_waits_for_the_running_program() -> None:
    assert "{userstartup}" not in SCRIPT.split("[Setup]", 1)[1]
    assert "\nAppMutex=TimeTrackerDesktop.Running,Global\\TimeTrackerDesktop.Running\n" in SCRIPT


def test_firewall_rules_are_per_program_for_any_port_and_replaced() -> None:
    assert define("GuiRule") == "TimeTracker Desktop (GUI)"
    assert define("ServiceRule") == "TimeTracker Desktop (service)"
    options = define("RuleOptions").split()
    assert sorted(options) == sorted(
        ["dir=in", "action=allow", "enable=yes", "profile=any", "remoteip=localsubnet", "protocol=TCP"]
    )
    run = SCRIPT.split("[Run]", 1)[1].split("[UninstallRun]", 1)[0]
    for rule in ("GuiRule", "ServiceRule"):
        assert run.index(f'delete rule name=""{{#{rule}}}""') < run.index(f'add rule name=""{{#{rule}}}""')
    assert "localport" not in SCRIPT


def test_the_service_xml_is_the_administrators_and_the_shared_folder_stays() -> None:
    assert re.search(
        r'Source: "timetracker-desktop-service.xml";.*Flags: onlyifdoesntexist uninsneveruninstall', SCRIPT
    )
    assert re.search(
        r'Name: "\{commonappdata\}\\TimeTracker"; Permissions: users-modify; Flags: uninsneveruninstall; '
        r"Tasks: service",
        SCRIPT,
    )
    assert define("ServiceId") == "TimeTrackerDesktop"
    assert define("ServiceExe") == "timetracker-desktop-service.exe"


def test_the_service_xml_runs_serve_as_a_service_with_the_shared_data_root() -> None:
    service = ET.parse(SERVICE_XML).getroot()  # noqa: S314 - our own file from the repository
    assert service.findtext("id") == "TimeTrackerDesktop"
    assert service.findtext("name") == "TimeTracker Desktop listener"
    assert service.findtext("executable") == r"%BASE%\..\timetracker-desktop.exe"
    environment = {env.get("name"): env.get("value") for env in service.iter("env")}
    assert environment["TIMETRACKER_DATA_DIR"] == r"%ProgramData%\TimeTracker"
    arguments = (service.findtext("arguments") or "").split()
    assert arguments[:2] == ["serve", "--as-service"]
