"""The installer lab: Inno Setup compiles the real script under Wine; the setup installs, upgrades, removes.

The payload is the Linux PyInstaller build (the session's `frozen_app`, shared with test_frozen_build), its
two executables renamed to the Windows names. WinSW cannot be had offline, so the service wrapper is a
stand-in: pip's script launcher t64.exe, a real 64-bit Windows program that exits at once (with 1). Each
call of it is in the log (`Service command "..." exited with N`); the test registers the service with
Wine's service manager itself (as WinSW's `install` would), so the script's "installed" paths run: stop
before the files, start after, stop and uninstall on uninstall.
"""

import importlib.util
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.xsession import xvfb
from wine_lab import WinePrefix, require_lab, wait_for_log_end, windows_path

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "packaging" / "timetracker-desktop.iss"
PROGRAM = Path("Program Files") / "TimeTracker Desktop"
SERVICE_ID = "TimeTrackerDesktop"
XML = "timetracker-desktop-service.xml"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def iscc() -> Path:
    """Inno Setup's compiler, or a skip (a failure in CI)."""
    return require_lab()


@pytest.fixture(scope="module")
def wine(iscc: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WinePrefix]:
    """One fresh Wine prefix for the module, on its own X display."""
    with xvfb() as display:
        prefix = WinePrefix(tmp_path_factory.mktemp("wine") / "prefix", display)
        try:
            prefix.create()
            yield prefix
        finally:
            prefix.stop()


@pytest.fixture(scope="module")
def payload(iscc: Path, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Linux build as the Windows one looks (hard links: no copy of its 300 MB)."""
    # Asked for only now (a session fixture would be built first): no 2-minute build when the lab is missing.
    frozen_app: Path = request.getfixturevalue("frozen_app")
    staged = tmp_path_factory.mktemp("payload") / "timetracker-desktop"
    shutil.copytree(frozen_app.parent, staged, copy_function=os.link)
    for name in ("timetracker-desktop", "timetracker-desktop-gui"):
        (staged / name).rename(staged / f"{name}.exe")
    return staged


@pytest.fixture(scope="module")
def compiled(
    wine: WinePrefix, iscc: Path, payload: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    """The setup program and the compiler's output."""
    out = tmp_path_factory.mktemp("setup")
    stand_in = wrapper_stand_in()
    done = wine.wine(
        str(iscc),
        f"/DDistDir={windows_path(payload)}",
        f"/DWinSWExe={windows_path(stand_in)}",
        f"/DOutputDir={windows_path(out)}",
        "/DCompression=none",  # lzma2 over 300 MB takes minutes; the script is the same
        windows_path(SCRIPT),
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-4000:]
    (setup,) = out.glob("TimeTrackerDesktop-*-setup.exe")
    return setup, output


def wrapper_stand_in() -> Path:
    """A 64-bit Windows program that ignores its arguments and exits: distlib's launcher, vendored in pip."""
    spec = importlib.util.find_spec("pip")
    assert spec is not None
    assert spec.origin is not None
    launcher = Path(spec.origin).parent / "_vendor" / "distlib" / "t64.exe"
    assert launcher.is_file(), launcher
    return launcher


def run_setup(wine: WinePrefix, setup: Path, log: Path, tasks: str) -> str:
    """Install silently; the setup log."""
    done = wine.wine(
        str(setup),
        "/VERYSILENT",
        "/SUPPRESSMSGBOXES",
        "/NORESTART",
        f"/LOG={windows_path(log)}",
        f"/TASKS={tasks}",
    )
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else "(no log)"
    assert done.returncode == 0, text[-4000:]
    assert "Installation process succeeded." in text
    return text


def service_commands(log: str) -> list[str]:
    """The WinSW commands the script ran, in order."""
    return re.findall(r'Service command "(\w+)" exited', log)


def position(log: str, needle: str) -> int:
    """Where ``needle`` first is in ``log`` (a failure when it is not there)."""
    assert needle in log, f"{needle!r} not in the log"
    return log.index(needle)


def test_the_script_compiles_without_a_warning(compiled: tuple[Path, str]) -> None:
    _setup, output = compiled
    assert "Successful compile" in output
    assert not re.search(r"^\s*Warning", output, re.MULTILINE | re.IGNORECASE), output


def test_install_upgrade_and_uninstall_keep_the_service_xml_and_the_data(
    wine: WinePrefix, compiled: tuple[Path, str], tmp_path: Path
) -> None:
    setup, _output = compiled
    program = wine.drive_c / PROGRAM
    shared_data = wine.drive_c / "ProgramData" / "TimeTracker"

    # First install, with the service task: files in place, shared data folder made, firewall rules replaced.
    first = run_setup(wine, setup, tmp_path / "install.log", "firewall,service")
    for name in ("timetracker-desktop.exe", "timetracker-desktop-gui.exe", "timetracker.ico", "unins000.exe"):
        assert (program / name).is_file(), name
    assert (program / "_internal" / "timetracker_desktop" / "fonts" / "DejaVuSans.ttf").is_file()
    assert {p.name for p in (program / "service").iterdir()} == {
        "timetracker-desktop-service.exe",
        XML,
        "README-service.txt",
    }
    assert "TIMETRACKER_DATA_DIR" in (program / "service" / XML).read_text(encoding="utf-8")
    assert shared_data.is_dir()
    # Users get modify rights; Wine's 64-bit helper cannot set them (a check on Windows: docs/windows.md)
    assert "Setting permissions on directory: C:\\ProgramData\\TimeTracker" in first
    for rule in ("TimeTracker Desktop (GUI)", "TimeTracker Desktop (service)"):
        deleted = position(first, f'firewall delete rule name="{rule}"')
        added = position(first, f'firewall add rule name="{rule}"')
        assert deleted < added
    assert "remoteip=localsubnet" in first
    assert "profile=any" in first
    assert "localport" not in first
    assert service_commands(first) == ["install"]  # the stand-in registers nothing: no start
    startup = list(
        wine.drive_c.glob("users/*/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Startup/*")
    )
    assert startup == []  # autostart is the program's own HKCU Run value, never the Startup folder

    # The administrator edits the service XML; the service is installed (as WinSW's `install` registers it);
    # the office user and the service have data.
    xml = program / "service" / XML
    edited = xml.read_text(encoding="utf-8").replace("--port 8000", "--port 8123")
    assert "--port 8123" in edited
    xml.write_text(edited, encoding="utf-8")
    created = wine.wine("sc", "create", SERVICE_ID, "binpath=", f"C:\\{PROGRAM}\\timetracker-desktop.exe")
    assert created.returncode == 0, created.stdout + created.stderr
    user_data = wine.local_appdata() / "TimeTracker" / "TimeTracker Desktop"
    user_data.mkdir(parents=True)
    (user_data / "timetracker.db").write_bytes(b"the office's database")
    (shared_data / "service.log").write_text("the service's log\n", encoding="utf-8")

    # Upgrade: the service is stopped before any file is replaced and started after; the edit survives.
    second = run_setup(wine, setup, tmp_path / "upgrade.log", "firewall,service")
    assert service_commands(second) == ["stopwait", "start"]
    assert position(second, 'Service command "stopwait"') < position(
        second, "Starting the installation process"
    )
    assert position(second, "Installation process succeeded") < position(second, 'Service command "start"')
    assert xml.read_text(encoding="utf-8") == edited

    # Uninstall: the service is stopped and removed first; the program goes, the XML and all data stay.
    log = tmp_path / "uninstall.log"
    wine.wine(str(program / "unins000.exe"), "/VERYSILENT", "/SUPPRESSMSGBOXES", f"/LOG={windows_path(log)}")
    third = wait_for_log_end(log)
    assert "Uninstallation process succeeded" in third or "Uninstall process succeeded" in third, third[
        -3000:
    ]
    assert service_commands(third) == ["stopwait", "uninstall"]
    assert position(third, 'Service command "uninstall"') < position(
        third, "Starting the uninstallation process"
    )
    for rule in ("TimeTracker Desktop (GUI)", "TimeTracker Desktop (service)"):
        assert f'firewall delete rule name="{rule}"' in third
    left = sorted(str(p.relative_to(program)) for p in program.rglob("*") if p.is_file())
    assert left == [f"service/{XML}"]
    assert xml.read_text(encoding="utf-8") == edited
    assert (user_data / "timetracker.db").read_bytes() == b"the office's database"
    assert (shared_data / "service.log").is_file()
