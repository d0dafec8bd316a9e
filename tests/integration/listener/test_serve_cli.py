"""``serve`` headless (no Qt widgets loaded), ``terminal enrollment`` and ``terminal show`` from the CLI."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from dbsupport import SqliteTemplate
from ports import free_port

from timetracker_desktop.cli import build_parser, main
from timetracker_desktop.cli.context import CliError
from timetracker_desktop.cli.listener import listener_options

# Runs `serve` in a child process; once /health answers, it reports the Qt modules loaded and sends itself
# SIGINT.
SERVE_SCRIPT = """
import json, os, signal, sys, threading, time, urllib.request
from timetracker_desktop.cli import main

def probe(port):
    for _ in range(500):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as reply:
                health = json.load(reply)
            break
        except OSError:
            time.sleep(0.02)
    else:
        health = None
    qt = sorted(m for m in sys.modules if m.startswith("PySide6"))
    print(json.dumps({"health": health, "qt": qt}), flush=True)
    os.kill(os.getpid(), signal.SIGINT)

port = sys.argv[2]
threading.Thread(target=probe, args=(port,), daemon=True).start()
code = main(["--db", sys.argv[1], "serve", "--host", "127.0.0.1", "--port", port])
print(json.dumps({"exit": code}), flush=True)
"""


def test_serve_runs_headless_without_qt_widgets_and_stops_on_sigint(
    sqlite_template: SqliteTemplate, tmp_path: Path
) -> None:
    url = sqlite_template.fresh_url(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(
        [sys.executable, "-c", SERVE_SCRIPT, url, str(free_port())],
        capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 2, done.stdout + done.stderr
    assert lines[0]["health"]["status"] == "ok"
    assert "PySide6.QtWidgets" not in lines[0]["qt"]
    assert lines[1] == {"exit": 0}
    assert "listening on 127.0.0.1" in done.stderr


def test_busy_port_is_a_clear_cli_error(
    sqlite_template: SqliteTemplate, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_template.fresh_url(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["--db", url, "serve", "--host", "127.0.0.1", "--port", str(port)]) == 1
    assert f"port {port} is already in use" in capsys.readouterr().err


def test_enrollment_window_and_terminal_show(
    sqlite_template: SqliteTemplate, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_template.fresh_url(tmp_path)
    assert main(["--db", url, "terminal", "add", "--name", "Entrance"]) == 0
    assert main(["--db", url, "terminal", "enrollment", "1", "--open", "--minutes", "10"]) == 0
    assert "enrollment open until" in capsys.readouterr().out
    assert main(["--db", url, "--json", "terminal", "show", "1"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["terminal"]["enrollment_until"] is not None
    assert shown["health"]["online"] is False
    assert shown["health"]["requests_today"] == 0
    assert main(["--db", url, "terminal", "enrollment", "1", "--close"]) == 0
    assert main(["--db", url, "terminal", "show", "1"]) == 0
    text = capsys.readouterr().out
    assert "enrollment open: no" in text
    assert "offline; last seen never" in text


def test_trusted_proxies_are_none_unless_named() -> None:
    parse = build_parser().parse_args
    assert listener_options(parse(["serve"])).trusted_proxies == ()
    named = parse(["serve", "--trusted-proxy", "10.0.0.2", "--trusted-proxy", "fe80::1"])
    assert listener_options(named).trusted_proxies == ("10.0.0.2", "fe80::1")
    with pytest.raises(CliError, match="not an IP address"):
        listener_options(parse(["serve", "--trusted-proxy", "proxy.lan"]))
