"""Windows Firewall and the listener: is this program's inbound rule there and enough, and adding it (UAC).

One inbound rule per program, without a port (docs/windows.md): ``TimeTracker Desktop (GUI)`` for
timetracker-desktop-gui.exe and ``TimeTracker Desktop (service)`` for timetracker-desktop.exe, both
``dir=in action=allow enable=yes profile=any remoteip=localsubnet protocol=TCP program=<exe>``; the
installer adds them and this module checks and repairs them. The GUI's listener runs in the console program
beside the GUI (``listener.child.process.child_command``), so it is that program's rule that matters.

The rule is read with PowerShell's NetSecurity cmdlets as JSON (enum names are the same in every Windows
language, and the output is forced to UTF-8), not from ``netsh ... show rule``, whose labels and values are
translated and written in the console's OEM code page (docs/decisions.md, "Firewall check").
"""

import ipaddress
import json
import logging
import ntpath
import os
import subprocess
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from timetracker_desktop.system import elevation

log = logging.getLogger(__name__)
GUI_PROGRAM = "timetracker-desktop-gui.exe"
CONSOLE_PROGRAM = "timetracker-desktop.exe"
GUI_RULE = "TimeTracker Desktop (GUI)"
SERVICE_RULE = "TimeTracker Desktop (service)"
QUERY_TIMEOUT_S = 60.0  # PowerShell's first start on a busy PC takes seconds
ALL_PROFILES = frozenset({"domain", "private", "public"})


class FirewallProblem(StrEnum):
    """Why terminals may be blocked (the GUI has words for each in ``gui.kit.vocabulary``)."""

    MISSING = "missing"  # no rule of that name
    NOT_ALLOWING = "not_allowing"  # it blocks, is outbound, or is not for TCP
    OTHER_PROGRAM = (
        "other_program"  # it allows another program (the program was moved or reinstalled elsewhere)
    )
    DISABLED = "disabled"
    OTHER_PORT = "other_port"  # restricted to ports that do not include the listener's
    NOT_ALL_PROFILES = "not_all_profiles"  # a network Windows calls Public (the default) stays blocked
    BLOCKED = "blocked"  # an enabled inbound block rule for the program (Cancel in Windows' own prompt) wins
    UNCHECKED = "unchecked"  # the check itself failed: nothing is known


_ORDER = (
    FirewallProblem.NOT_ALLOWING,
    FirewallProblem.OTHER_PROGRAM,
    FirewallProblem.DISABLED,
    FirewallProblem.OTHER_PORT,
    FirewallProblem.NOT_ALL_PROFILES,
)  # from farthest to nearest to a good rule: the nearest rule's problem is the one reported


@dataclass(frozen=True, slots=True)
class FirewallRule:
    """The fields of one rule that decide whether terminals get through (as PowerShell names them)."""

    enabled: str = "True"
    direction: str = "Inbound"
    action: str = "Allow"
    profile: str = "Any"
    program: str = "Any"
    protocol: str = "TCP"
    local_port: str = "Any"
    by_name: bool = True  # found by our rule's name; False: found by the program (any rule naming it)


@dataclass(frozen=True, slots=True)
class FirewallCheck:
    """The outcome for ``program`` listening on ``port``: ``problem`` None when terminals get through."""

    rule: str
    program: str
    port: int
    problem: FirewallProblem | None
    detail: str = ""

    @property
    def blocked(self) -> bool:
        """Terminals may be blocked: the rule is missing or not enough (an unchecked state is not)."""
        return self.problem is not None and self.problem is not FirewallProblem.UNCHECKED


class AllowFailure(StrEnum):
    """Why the rule could not be added (the GUI has words for each in ``gui.kit.vocabulary``)."""

    NETSH_FAILED = "netsh_failed"  # netsh ended with an error exit code
    TIMED_OUT = "timed_out"  # the elevated command did not end in time
    NOT_STARTED = "not_started"  # Windows could not run the command as administrator
    UNUSABLE_PATH = "unusable_path"  # the program's path cannot be written in the command


class FirewallError(Exception):
    """The rule could not be added: ``failure`` says why, the message gives the details (for the log)."""

    def __init__(self, failure: AllowFailure, detail: str = "") -> None:
        super().__init__(detail or failure.value)
        self.failure = failure


def rule_name(program: str) -> str:
    """The rule for a program: the GUI's, or the console program's (service and the GUI's listener)."""
    return GUI_RULE if ntpath.basename(program).lower() == GUI_PROGRAM else SERVICE_RULE


def listening_program() -> str | None:
    """The program whose socket the listener binds: the installed (frozen) console program beside this one,
    else this one; None when running from source (python.exe is not the installed program)."""
    if not getattr(sys, "frozen", False):
        return None
    program = Path(sys.executable)
    console = program.with_name(CONSOLE_PROGRAM)
    return str(console if console.exists() else program)


def query_script(name: str, program: str) -> str:
    """PowerShell that prints, as a JSON list (UTF-8, language-independent values), the rules named ``name``
    (``Source`` "name") and every inbound block rule naming ``program`` (``Source`` "program"): Windows adds
    those when its own "allow access" prompt is cancelled, and a block rule wins over an allow rule."""
    if "'" in name:
        raise ValueError("a rule name without quotes")
    quoted = program.replace("'", "''")  # a single-quoted PowerShell string
    rule_fields = (
        "$app = $rule | Get-NetFirewallApplicationFilter; "
        "$port = $rule | Get-NetFirewallPortFilter; "
        "$found += [pscustomobject]@{ "
        "Source = $source; "
        "Enabled = [string]$rule.Enabled; Direction = [string]$rule.Direction; "
        "Action = [string]$rule.Action; Profile = [string]$rule.Profile; "
        "Program = [string]$app.Program; Protocol = [string]$port.Protocol; "
        "LocalPort = (@($port.LocalPort) -join ',') } "
    )
    return (
        "$ErrorActionPreference = 'Stop'; "
        # Refused under Constrained Language Mode: the output then stays in the console's code page.
        "try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }; "
        "$found = @(); "
        "$source = 'name'; "
        f"foreach ($rule in @(Get-NetFirewallRule -DisplayName '{name}' -ErrorAction SilentlyContinue)) {{ "
        f"{rule_fields}}}; "
        "$source = 'program'; "
        f"foreach ($rule in @(Get-NetFirewallApplicationFilter -Program '{quoted}' "
        "-ErrorAction SilentlyContinue | Get-NetFirewallRule | "
        "Where-Object { [string]$_.Direction -eq 'Inbound' -and [string]$_.Action -eq 'Block' })) { "
        f"{rule_fields}}}; "
        "ConvertTo-Json -InputObject @($found) -Compress"
    )


def parse_rules(output: str) -> list[FirewallRule]:
    """The rules in PowerShell's JSON; ``ValueError`` when it is not that (an error text, nothing at all)."""
    text = output.strip().lstrip("\ufeff")
    data: Any = json.loads(text) if text else []
    if isinstance(data, dict):  # one object; or Windows PowerShell 5.1 wrapping an array as {"value": [...]}
        data = data["value"] if isinstance(data.get("value"), list) else [data]
    if not isinstance(data, list):
        raise ValueError("not a list of rules")
    rules = []
    for item in data:
        if not isinstance(item, dict):
            continue  # a null from an empty pipeline
        rules.append(
            FirewallRule(
                enabled=_text(item, "Enabled"),
                direction=_text(item, "Direction"),
                action=_text(item, "Action"),
                profile=_text(item, "Profile"),
                program=_text(item, "Program"),
                protocol=_text(item, "Protocol"),
                local_port=_text(item, "LocalPort"),
                by_name=_text(item, "Source") != "program",
            )
        )
    return rules


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return "" if value is None else str(value)


def _same_program(rule_program: str, program: str) -> bool:
    if rule_program.strip().lower() in {"any", "*", ""}:
        return rule_program.strip().lower() != ""  # a rule for every program lets ours through too
    return _normal(rule_program) == _normal(program)


def _normal(path: str) -> str:
    return ntpath.normcase(ntpath.normpath(ntpath.expandvars(path.strip().strip('"'))))


def _covers_port(ports: str, port: int) -> bool:
    for part in (p.strip().lower() for p in ports.split(",")):
        if part == "any":
            return True
        low, _, high = part.partition("-")
        if low.isdigit() and (high or low).isdigit() and int(low) <= port <= int(high or low):
            return True
    return False


def _all_profiles(profile: str) -> bool:
    names = {p.strip().lower() for p in profile.split(",")}
    return "any" in names or names >= ALL_PROFILES


def rule_problem(rule: FirewallRule, program: str, port: int) -> FirewallProblem | None:
    """What keeps this one rule from letting terminals reach ``program`` on ``port``; None if nothing."""
    if (
        rule.direction.lower() != "inbound"
        or rule.action.lower() != "allow"
        or rule.protocol.lower() not in {"tcp", "6", "any"}
    ):
        return FirewallProblem.NOT_ALLOWING
    if not _same_program(rule.program, program):
        return FirewallProblem.OTHER_PROGRAM
    if rule.enabled.lower() not in {"true", "1", "yes"}:
        return FirewallProblem.DISABLED
    if not _covers_port(rule.local_port, port):
        return FirewallProblem.OTHER_PORT
    if not _all_profiles(rule.profile):
        return FirewallProblem.NOT_ALL_PROFILES
    return None


def blocks(rule: FirewallRule, program: str, port: int) -> bool:
    """The rule keeps terminals out of ``program`` on ``port`` whatever allow rules say (block wins)."""
    return (
        rule.enabled.lower() in {"true", "1", "yes"}
        and rule.direction.lower() == "inbound"
        and rule.action.lower() == "block"
        and rule.protocol.lower() in {"tcp", "6", "any"}
        and _same_program(rule.program, program)
        and _covers_port(rule.local_port, port)
    )


def assess(rules: list[FirewallRule], program: str, port: int) -> FirewallProblem | None:
    """None when one rule lets terminals through and none blocks them; else the problem (a block rule's first,
    then that of our rule nearest to letting them through)."""
    if any(blocks(rule, program, port) for rule in rules):
        return FirewallProblem.BLOCKED
    named = [rule for rule in rules if rule.by_name]
    if not named:
        return FirewallProblem.MISSING
    problems = [rule_problem(rule, program, port) for rule in named]
    if None in problems:
        return None
    return max((p for p in problems if p is not None), key=_ORDER.index)


def query_arguments(name: str, program: str) -> list[str]:
    """PowerShell's command line for the check."""
    return ["powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
            "-Command", query_script(name, program)]  # fmt: skip


def _run_query(name: str, program: str) -> str:
    """PowerShell's output (replaced in tests); OSError or SubprocessError when it cannot run."""
    completed = subprocess.run(  # noqa: S603 - our own fixed script, no user input
        query_arguments(name, program),
        stdin=subprocess.DEVNULL,  # a GUI program has no console input: PowerShell must not wait on one
        capture_output=True,
        timeout=QUERY_TIMEOUT_S,
        check=True,
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # no console flashing over the GUI
    )  # fmt: skip
    return completed.stdout.decode("utf-8", errors="replace")


def loopback(host: str) -> bool:
    """``host`` is this PC only (127.0.0.1, ::1, localhost): no terminal can reach it, the firewall aside."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


_failures_logged: set[str] = set()  # the check's failures already warned about (once each, not at each start)


def _log_failure(name: str, error: BaseException) -> str:
    detail = str(error)
    stderr = getattr(error, "stderr", None)
    if isinstance(stderr, bytes) and stderr.strip():
        detail += ": " + stderr.decode("utf-8", errors="replace").strip()[:500]
    kind = type(error).__name__
    level = logging.DEBUG if kind in _failures_logged else logging.WARNING
    _failures_logged.add(kind)
    log.log(level, "cannot check the Windows Firewall rule %r (%s): %s", name, kind, detail)
    return detail


def check(port: int, program: str | None = None, host: str = "") -> FirewallCheck | None:
    """Whether terminals can reach ``program`` (default: ``listening_program()``) on ``port``.

    None where there is nothing to check (not Windows, not the installed program, or a listener bound to
    loopback ``host``). Takes a second or more (PowerShell): call it off the GUI thread.
    """
    if sys.platform != "win32" or loopback(host):
        return None
    program = program or listening_program()
    if program is None:
        return None
    name = rule_name(program)
    try:
        rules = parse_rules(_run_query(name, program))
    except (OSError, subprocess.SubprocessError, ValueError, KeyError) as error:
        detail = _log_failure(name, error)
        return FirewallCheck(name, program, port, FirewallProblem.UNCHECKED, detail)
    problem = assess(rules, program, port)
    if problem is not None:
        log.warning("Windows Firewall may block terminals on port %d: rule %r is %s", port, name, problem)
    return FirewallCheck(name, program, port, problem)


def allow_command(program: str) -> tuple[str, str]:
    """The elevated command (program, parameters) that replaces the program's rule: delete, then add."""
    if any(c in program for c in '"%\r\n'):
        raise FirewallError(AllowFailure.UNUSABLE_PATH, f"cannot name {program!r} in a command")
    name = rule_name(program)
    netsh = "netsh advfirewall firewall"
    add = (
        f'{netsh} add rule name="{name}" dir=in action=allow enable=yes profile=any remoteip=localsubnet '
        f'protocol=TCP program="{program}"'
    )
    # One prompt for all: cmd runs them in turn; a delete fails harmlessly when there is nothing to delete.
    # First every inbound rule naming the program: the block rules Windows adds when its own prompt is
    # cancelled (they win over any allow rule), then ours by name (it may name the program elsewhere).
    return _cmd(), (
        f'/d /c {netsh} delete rule name=all dir=in program="{program}" & '
        f'{netsh} delete rule name="{name}" & {add}'
    )


def _cmd() -> str:
    return ntpath.join(os.environ.get("SYSTEMROOT", "C:\\Windows"), "System32", "cmd.exe")


def allow(found: FirewallCheck, owner: int = 0) -> FirewallCheck | None:
    """Add the rule for ``found.program`` as administrator (a UAC prompt owned by window ``owner``), then
    check again.

    Raises ``elevation.ElevationCancelledError`` when the prompt is refused, ``FirewallError`` when the
    command could not run or netsh failed. Blocks until the prompt is answered: call it off the GUI thread.
    """
    program, parameters = allow_command(found.program)
    log.info("adding the Windows Firewall rule %r for %s", found.rule, found.program)
    try:
        code = elevation.run_elevated(program, parameters, owner=owner)
    except elevation.ElevationCancelledError:
        raise
    except TimeoutError as error:
        raise FirewallError(AllowFailure.TIMED_OUT, str(error)) from error
    except OSError as error:
        raise FirewallError(AllowFailure.NOT_STARTED, str(error)) from error
    if code != 0:
        raise FirewallError(AllowFailure.NETSH_FAILED, f"netsh ended with exit code {code}")
    return check(found.port, found.program)
