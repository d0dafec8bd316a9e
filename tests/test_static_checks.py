"""Static checks as tests, so that `bash .ci/run` fails on them.

Each runs a tool from the test interpreter's environment (the directory of `sys.executable`, normally
`.venv/bin`) in the repository root, with its configuration from pyproject.toml, and shows the tool's output
when it fails.
"""

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BIN_DIR = Path(sys.executable).parent
TIMEOUT_S = 600


def _failure(*argv: str) -> str | None:
    """Runs one tool; returns None on exit code 0, else a report with its output."""
    proc = subprocess.run(
        [str(BIN_DIR / argv[0]), *argv[1:]],
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    if proc.returncode == 0:
        return None
    return f"$ {' '.join(argv)}  (exit {proc.returncode})\n{proc.stdout}{proc.stderr}"


def _assert_all_pass(*commands: tuple[str, ...]) -> None:
    failures = [report for argv in commands if (report := _failure(*argv)) is not None]
    assert not failures, "\n".join(failures)


def test_ruff_lint_and_format() -> None:
    _assert_all_pass(("ruff", "check", "."), ("ruff", "format", "--check", "."))


def test_mypy_strict() -> None:
    _assert_all_pass(("mypy",))


def test_import_contracts() -> None:
    _assert_all_pass(("lint-imports",))


def test_actionlint_github_workflows() -> None:
    folder = REPO_ROOT / ".github" / "workflows"
    workflows = sorted(str(p.relative_to(REPO_ROOT)) for p in folder.glob("*.yml"))
    assert workflows, "no workflow to lint"
    _assert_all_pass(("actionlint", "-no-color", *workflows))
