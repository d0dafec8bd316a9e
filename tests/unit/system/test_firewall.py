"""The Windows Firewall check: PowerShell's JSON as Windows writes it, each way a rule falls short, and the
elevated delete-then-add command (PowerShell and the UAC prompt faked)."""

import json
from pathlib import Path

import pytest

from timetracker_desktop.system import elevation, firewall
from timetracker_desktop.system.firewall import (
    FirewallCheck,
    FirewallError,
    FirewallProblem,
    FirewallRule,
    allow,
    allow_command,
    assess,
    check,
    parse_rules,
)

EXE = r"C:\Program Files\TimeTracker Desktop\timetracker-desktop.exe"
GUI_EXE = r"C:\Program Files\TimeTracker Desktop\timetracker-desktop-gui.exe"
GOOD = {
    "Enabled": "True",
    "Direction": "Inbound",
    "Action": "Allow",
    "Profile": "Any",
    "Program": EXE,
    "Protocol": "TCP",
    "LocalPort": "Any",
}
# Windows PowerShell 5.1 as it prints one rule added by the installer (compressed JSON, UTF-8 forced).
ONE_RULE = (
    '[{"Enabled":"True","Direction":"Inbound","Action":"Allow","Profile":"Any",'
    '"Program":"C:\\\\Program Files\\\\TimeTracker Desktop\\\\timetracker-desktop.exe",'
    '"Protocol":"TCP","LocalPort":"Any"}]\r\n'
)
# The old installer's rule: port 8000 only, Domain and Private only.
OLD_RULE = (
    '[{"Enabled":"True","Direction":"Inbound","Action":"Allow","Profile":"Domain, Private",'
    '"Program":"C:\\\\Program Files\\\\TimeTracker Desktop\\\\timetracker-desktop.exe",'
    '"Protocol":"TCP","LocalPort":"8000"}]'
)


def _rule(**changes: str) -> FirewallRule:
    return parse_rules(json.dumps([{**GOOD, **changes}]))[0]


def test_the_installers_rule_lets_terminals_through() -> None:
    rules = parse_rules(ONE_RULE)
    assert rules == [FirewallRule(program=EXE)]
    assert assess(rules, EXE, 8123) is None


@pytest.mark.parametrize(
    ("output", "count"),
    [
        ("", 0),  # nothing printed
        ("[]", 0),
        ("\ufeff[]\r\n", 0),  # a byte order mark
        (json.dumps(GOOD), 1),  # a single object, not a list
        (json.dumps({"value": [GOOD, GOOD], "Count": 2}), 2),  # Windows PowerShell 5.1's wrapped array
        ("[null]", 0),  # an empty pipeline as PowerShell may print it
    ],
)
def test_the_shapes_powershell_prints(output: str, count: int) -> None:
    assert len(parse_rules(output)) == count


def test_an_error_text_is_not_a_rule_list() -> None:
    with pytest.raises(ValueError, match="Expecting value"):
        parse_rules("Get-NetFirewallRule : Access is denied.")
    with pytest.raises(ValueError, match="not a list"):
        parse_rules('"text"')


def test_no_rule_is_missing() -> None:
    assert assess([], EXE, 8000) is FirewallProblem.MISSING


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"Enabled": "False"}, FirewallProblem.DISABLED),
        ({"LocalPort": "8000"}, FirewallProblem.OTHER_PORT),
        ({"LocalPort": "8000,9000-9100"}, FirewallProblem.OTHER_PORT),
        ({"Profile": "Domain, Private"}, FirewallProblem.NOT_ALL_PROFILES),
        ({"Profile": "Private"}, FirewallProblem.NOT_ALL_PROFILES),
        ({"Program": r"D:\Old\timetracker-desktop.exe"}, FirewallProblem.OTHER_PROGRAM),
        ({"Action": "Block", "Enabled": "False"}, FirewallProblem.NOT_ALLOWING),
        ({"Action": "Block"}, FirewallProblem.BLOCKED),
        ({"Direction": "Outbound"}, FirewallProblem.NOT_ALLOWING),
        ({"Protocol": "UDP"}, FirewallProblem.NOT_ALLOWING),
    ],
)
def test_each_way_a_rule_falls_short(changes: dict[str, str], problem: FirewallProblem) -> None:
    assert assess([_rule(**changes)], EXE, 8123) is problem


@pytest.mark.parametrize(
    "changes",
    [
        {"LocalPort": "8123"},
        {"LocalPort": "80,8100-8200"},
        {"Profile": "Domain, Private, Public"},
        {"Program": r"c:\program files\timetracker desktop\TIMETRACKER-DESKTOP.EXE"},  # paths ignore case
        {"Program": r"%ProgramFiles%\TimeTracker Desktop\timetracker-desktop.exe"},
        {"Program": "Any"},  # a rule for every program
        {"Protocol": "6"},
    ],
)
def test_rules_that_do_let_terminals_through(
    monkeypatch: pytest.MonkeyPatch, changes: dict[str, str]
) -> None:
    monkeypatch.setenv("ProgramFiles", r"C:\Program Files")
    assert assess([_rule(**changes)], EXE, 8123) is None


def test_the_old_installers_rule_is_reported_by_its_nearest_problem() -> None:
    assert assess(parse_rules(OLD_RULE), EXE, 8000) is FirewallProblem.NOT_ALL_PROFILES
    assert assess(parse_rules(OLD_RULE), EXE, 8123) is FirewallProblem.OTHER_PORT


def test_one_good_rule_among_others_is_enough() -> None:
    assert assess([_rule(Enabled="False"), _rule()], EXE, 8123) is None


def test_each_program_has_its_rule() -> None:
    assert firewall.rule_name(GUI_EXE) == "TimeTracker Desktop (GUI)"
    assert firewall.rule_name(EXE) == "TimeTracker Desktop (service)"


def test_the_query_asks_for_the_rule_by_name_in_utf8() -> None:
    script = firewall.query_script("TimeTracker Desktop (service)", EXE)
    assert "Get-NetFirewallRule -DisplayName 'TimeTracker Desktop (service)'" in script
    assert "[Console]::OutputEncoding = [System.Text.Encoding]::UTF8" in script
    assert f"Get-NetFirewallApplicationFilter -Program '{EXE}'" in script
    assert "Get-NetFirewallApplicationFilter" in script
    assert "Get-NetFirewallPortFilter" in script


def test_not_checked_elsewhere_than_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    assert check(8000, EXE) is None


def test_not_checked_when_running_from_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "win32")
    assert check(8000) is None  # python.exe is not the installed program


def test_on_windows_a_missing_rule_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "win32")
    asked: list[str] = []

    def query(name: str, program: str) -> str:
        asked.append(name)
        return "[]"

    monkeypatch.setattr(firewall, "_run_query", query)
    found = check(8123, EXE)
    assert found == FirewallCheck("TimeTracker Desktop (service)", EXE, 8123, FirewallProblem.MISSING)
    assert found.blocked
    assert asked == ["TimeTracker Desktop (service)"]


def test_a_check_that_cannot_run_says_so_and_does_not_alarm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "win32")

    def no_powershell(name: str, program: str) -> str:
        raise FileNotFoundError("powershell.exe")

    monkeypatch.setattr(firewall, "_run_query", no_powershell)
    found = check(8123, EXE)
    assert found is not None
    assert found.problem is FirewallProblem.UNCHECKED
    assert not found.blocked


def test_the_elevated_command_deletes_then_adds_the_programs_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYSTEMROOT", r"C:\Windows")
    program, parameters = allow_command(EXE)
    assert program == r"C:\Windows\System32\cmd.exe"
    assert parameters == (
        "/d /c netsh advfirewall firewall delete rule name=all dir=in "
        'program="C:\\Program Files\\TimeTracker Desktop\\timetracker-desktop.exe" & '
        'netsh advfirewall firewall delete rule name="TimeTracker Desktop (service)" & '
        'netsh advfirewall firewall add rule name="TimeTracker Desktop (service)" dir=in action=allow '
        "enable=yes profile=any remoteip=localsubnet protocol=TCP "
        'program="C:\\Program Files\\TimeTracker Desktop\\timetracker-desktop.exe"'
    )


def test_a_path_that_cannot_be_quoted_is_refused() -> None:
    with pytest.raises(FirewallError):
        allow_command('C:\\odd"name\\timetracker-desktop.exe')
    with pytest.raises(FirewallError):
        allow_command("C:\\%PATH%\\timetracker-desktop.exe")


def test_allow_runs_elevated_and_checks_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "win32")
    outputs = iter(["[]", ONE_RULE])
    monkeypatch.setattr(firewall, "_run_query", lambda name, program: next(outputs))
    ran: list[tuple[str, str]] = []

    def run_elevated(program: str, parameters: str, owner: int = 0) -> int:
        ran.append((program, parameters))
        return 0

    monkeypatch.setattr(elevation, "run_elevated", run_elevated)
    before = check(8123, EXE)
    assert before is not None
    after = allow(before)
    assert ran == [allow_command(EXE)]
    assert after is not None
    assert after.problem is None


def test_a_failed_netsh_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(elevation, "run_elevated", lambda program, parameters, owner=0: 1)
    with pytest.raises(FirewallError, match="exit code 1"):
        allow(FirewallCheck("TimeTracker Desktop (service)", EXE, 8123, FirewallProblem.MISSING))


def test_running_elevated_is_only_for_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    with pytest.raises(OSError, match="only on Windows"):
        elevation.run_elevated("cmd.exe", "/c exit 0")


def test_serve_logs_a_warning_with_the_fix_when_the_rule_is_missing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from timetracker_desktop.cli.listener import warn_if_firewall_blocks

    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setattr(firewall, "listening_program", lambda: EXE)
    monkeypatch.setattr(firewall, "_run_query", lambda name, program: OLD_RULE)
    with caplog.at_level("WARNING", logger="timetracker_desktop.cli.listener"):
        warn_if_firewall_blocks(8123)
    warnings = [r.getMessage() for r in caplog.records if r.name == "timetracker_desktop.cli.listener"]
    assert len(warnings) == 1
    assert "Windows Firewall may block terminals on port 8123" in warnings[0]
    assert "other_port" in warnings[0]
    assert 'netsh advfirewall firewall add rule name="TimeTracker Desktop (service)"' in warnings[0]
    caplog.clear()
    monkeypatch.setattr(firewall, "_run_query", lambda name, program: ONE_RULE)
    warn_if_firewall_blocks(8123)
    assert not [r for r in caplog.records if r.name == "timetracker_desktop.cli.listener"]
    warn_if_firewall_blocks(8123, "127.0.0.1")  # loopback: not even asked
    monkeypatch.setattr(firewall, "_run_query", lambda name, program: OLD_RULE)
    warn_if_firewall_blocks(8123, "127.0.0.1")
    assert not [r for r in caplog.records if r.name == "timetracker_desktop.cli.listener"]


def test_the_listening_program_is_the_console_program_beside_the_gui(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    gui = tmp_path / "timetracker-desktop-gui.exe"
    gui.touch()
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", str(gui))
    assert firewall.listening_program() == str(gui)  # no console program: the GUI listens itself
    (tmp_path / "timetracker-desktop.exe").touch()
    assert firewall.listening_program() == str(tmp_path / "timetracker-desktop.exe")
    assert firewall.rule_name(str(gui)) == "TimeTracker Desktop (GUI)"


# Windows' own prompt, cancelled: its two inbound block rules (TCP and UDP) for the program, found by the
# program, beside the installer's allow rule found by name.
PROMPT_CANCELLED = (
    '[{"Source":"name","Enabled":"True","Direction":"Inbound","Action":"Allow","Profile":"Any",'
    '"Program":"C:\\\\Program Files\\\\TimeTracker Desktop\\\\timetracker-desktop.exe",'
    '"Protocol":"TCP","LocalPort":"Any"},'
    '{"Source":"program","Enabled":"True","Direction":"Inbound","Action":"Block","Profile":"Public",'
    '"Program":"C:\\\\program files\\\\timetracker desktop\\\\timetracker-desktop.exe",'
    '"Protocol":"TCP","LocalPort":"Any"},'
    '{"Source":"program","Enabled":"True","Direction":"Inbound","Action":"Block","Profile":"Public",'
    '"Program":"C:\\\\program files\\\\timetracker desktop\\\\timetracker-desktop.exe",'
    '"Protocol":"UDP","LocalPort":"Any"}]'
)


def test_a_block_rule_from_windows_prompt_wins_over_the_allow_rule() -> None:
    rules = parse_rules(PROMPT_CANCELLED)
    assert [rule.by_name for rule in rules] == [True, False, False]
    assert assess(rules, EXE, 8123) is FirewallProblem.BLOCKED
    assert assess(rules[:1] + rules[2:], EXE, 8123) is None  # a UDP block rule keeps no terminal out


@pytest.mark.parametrize(
    "changes",
    [{"Enabled": "False"}, {"LocalPort": "9000"}, {"Program": r"D:\Other\other.exe"}],
)
def test_block_rules_that_do_not_keep_terminals_out(changes: dict[str, str]) -> None:
    rules = [_rule(), _rule(Action="Block", Source="program", **changes)]
    assert not rules[1].by_name
    assert assess(rules, EXE, 8123) is None


def test_only_block_rules_found_by_the_program_mean_no_rule_of_ours() -> None:
    assert assess([_rule(Action="Allow", Source="program")], EXE, 8123) is FirewallProblem.MISSING


def test_the_check_reports_the_block_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "win32")
    asked: list[tuple[str, str]] = []

    def query(name: str, program: str) -> str:
        asked.append((name, program))
        return PROMPT_CANCELLED

    monkeypatch.setattr(firewall, "_run_query", query)
    found = check(8123, EXE)
    assert found is not None
    assert found.problem is FirewallProblem.BLOCKED
    assert found.blocked
    assert asked == [("TimeTracker Desktop (service)", EXE)]


def test_a_quote_in_the_program_is_doubled_for_powershell() -> None:
    script = firewall.query_script("TimeTracker Desktop (service)", r"C:\O'Brien\timetracker-desktop.exe")
    assert r"-Program 'C:\O''Brien\timetracker-desktop.exe'" in script


def test_under_constrained_language_the_encoding_line_cannot_stop_the_check() -> None:
    script = firewall.query_script("TimeTracker Desktop (service)", EXE)
    assert "try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }" in script
    assert script.index("try {") < script.index("Get-NetFirewallRule")


def test_powershell_runs_without_console_input(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    seen: dict[str, object] = {}

    def run(arguments: list[str], **options: object) -> subprocess.CompletedProcess[bytes]:
        seen.update(options, arguments=arguments)
        return subprocess.CompletedProcess(arguments, 0, b"[]", b"")

    monkeypatch.setattr(subprocess, "run", run)
    assert firewall._run_query("TimeTracker Desktop (service)", EXE) == "[]"
    assert seen["stdin"] is subprocess.DEVNULL
    assert seen["arguments"] == firewall.query_arguments("TimeTracker Desktop (service)", EXE)
    assert seen["arguments"][-1] == firewall.query_script("TimeTracker Desktop (service)", EXE)


def test_a_failed_check_is_a_warning_once_with_powershells_words(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import subprocess

    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setattr(firewall, "_failures_logged", set())

    def refused(name: str, program: str) -> str:
        raise subprocess.CalledProcessError(1, "powershell.exe", b"", b"Cannot set property. Language mode")

    monkeypatch.setattr(firewall, "_run_query", refused)
    with caplog.at_level("DEBUG", logger="timetracker_desktop.system.firewall"):
        first = check(8123, EXE)
        check(8124, EXE)
    assert first is not None
    assert first.problem is FirewallProblem.UNCHECKED
    assert "Language mode" in first.detail
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1
    assert "Language mode" in warnings[0].getMessage()
    assert len(caplog.records) == 2  # the second one at DEBUG


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.0.0.2"])
def test_a_listener_on_loopback_is_not_checked(monkeypatch: pytest.MonkeyPatch, host: str) -> None:
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setattr(firewall, "_run_query", lambda name, program: "[]")
    assert check(8123, EXE, host) is None
    found = check(8123, EXE, "0.0.0.0")
    assert found is not None
    assert found.problem is FirewallProblem.MISSING


@pytest.mark.parametrize(
    ("raised", "failure"),
    [
        (TimeoutError("cmd.exe did not end in 300 s"), firewall.AllowFailure.TIMED_OUT),
        (OSError(5, "Access is denied"), firewall.AllowFailure.NOT_STARTED),
    ],
)
def test_each_way_adding_fails_has_its_reason(
    monkeypatch: pytest.MonkeyPatch, raised: OSError, failure: firewall.AllowFailure
) -> None:
    def run_elevated(program: str, parameters: str, owner: int = 0) -> int:
        raise raised

    monkeypatch.setattr(elevation, "run_elevated", run_elevated)
    with pytest.raises(FirewallError) as caught:
        allow(FirewallCheck("TimeTracker Desktop (service)", EXE, 8123, FirewallProblem.MISSING))
    assert caught.value.failure is failure


def test_a_refused_prompt_is_not_a_failure_to_add(monkeypatch: pytest.MonkeyPatch) -> None:
    def run_elevated(program: str, parameters: str, owner: int = 0) -> int:
        raise elevation.ElevationCancelledError(1223, "refused")

    monkeypatch.setattr(elevation, "run_elevated", run_elevated)
    with pytest.raises(elevation.ElevationCancelledError):
        allow(FirewallCheck("TimeTracker Desktop (service)", EXE, 8123, FirewallProblem.MISSING), owner=42)
