"""A fast command line: ``--help`` loads no storage, web, report or GUI library; a command only what it uses.

Each check runs in a fresh interpreter and lists ``sys.modules`` afterwards, since this test process has
imported everything already.
"""

import json
import subprocess
import sys

from sqlalchemy.engine import make_url

from timetracker_desktop import __version__

# Libraries that no command line needs before a command runs (issue 12: --help took 1.3 s).
NOT_FOR_HELP = {
    "sqlalchemy", "alembic", "pymysql", "reportlab", "openpyxl", "numpy", "fastapi", "starlette", "uvicorn",
    "pydantic", "PySide6", "smartcard", "bcrypt", "keyring", "segno",
}  # fmt: skip
# A database command on a database at the newest schema opens SQLAlchemy, and nothing of the rest.
NOT_FOR_EMPLOYEE_LIST = NOT_FOR_HELP - {"sqlalchemy", "bcrypt"}

PROBE = """
import contextlib, io, json, sys
from timetracker_desktop.cli import build_parser, main
build_parser()
with contextlib.redirect_stdout(io.StringIO()) as out:
    try:
        code = main(sys.argv[1:])
    except SystemExit as stop:
        code = stop.code
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def probe(*args: str) -> tuple[int, str, set[str]]:
    """(exit code, output, top-level modules loaded) of the CLI run with ``args`` in a new interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120, check=True
    )
    report = json.loads(done.stdout.splitlines()[-1])
    return report["code"], report["out"], {name.split(".")[0] for name in report["modules"]}


def test_help_loads_no_heavy_library() -> None:
    code, out, modules = probe("--help")
    assert code == 0
    assert "employee" in out
    assert "report" in out
    assert modules & NOT_FOR_HELP == set()


def test_version_prints_the_package_version_and_loads_no_heavy_library() -> None:
    code, out, modules = probe("--version")
    assert code == 0
    assert out.strip() == f"timetracker-desktop {__version__}"
    assert modules & NOT_FOR_HELP == set()


def test_subcommand_help_loads_no_heavy_library() -> None:
    code, out, modules = probe("report", "--help")
    assert code == 0
    assert "--kind" in out
    assert modules & NOT_FOR_HELP == set()


def test_employee_list_on_a_current_database_skips_migrations_and_writers(db_url: str) -> None:
    code, out, modules = probe("--json", "employee", "list", "--db", db_url)
    assert code == 0
    assert json.loads(out) == []
    assert "sqlalchemy" in modules
    allowed = {"pymysql"} if make_url(db_url).get_backend_name() != "sqlite" else set()
    assert modules & NOT_FOR_EMPLOYEE_LIST == allowed
