"""Migrations: upgrade -> downgrade -> upgrade on SQLite and MariaDB, and models == migrated schema."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from dbsupport import drop_mysql_database, mysql_url_or_skip, recreate_mysql_database, scratch_mysql_url
from sqlalchemy import inspect, text

from timetracker_desktop.app import open_storage
from timetracker_desktop.paths import migrations_dir
from timetracker_desktop.repositories.sql import migrate
from timetracker_desktop.repositories.sql.orm import Base


@pytest.fixture(params=["sqlite", pytest.param("mysql", marks=pytest.mark.mysql)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables at all."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    url = scratch_mysql_url(mysql_url_or_skip(), "mig")
    recreate_mysql_database(url)
    yield url
    drop_mysql_database(url)


def _diff(url: str) -> list[object]:
    storage = open_storage(url)
    try:
        with storage.write_engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return list(compare_metadata(context, Base.metadata))
    finally:
        storage.dispose()


def test_upgrade_downgrade_upgrade_leaves_no_model_diff(empty_url: str) -> None:
    storage = open_storage(empty_url)
    try:
        first = migrate.upgrade(storage.write_engine, migrations_dir())
        assert first.from_revision is None
        assert migrate.current_revision(storage.write_engine) == migrate.head_revision(migrations_dir())
        migrate.downgrade(storage.write_engine, migrations_dir(), "base")
        assert migrate.current_revision(storage.write_engine) is None
        tables = set(inspect(storage.write_engine).get_table_names()) - {"alembic_version"}
        assert tables == set()
        migrate.upgrade(storage.write_engine, migrations_dir())
    finally:
        storage.dispose()
    assert _diff(empty_url) == []


def test_initial_migration_seeds_default_schedule_codes(db_url: str) -> None:
    from timetracker_desktop.repositories.sql.uow import SqlUnitOfWorkFactory

    storage: SqlUnitOfWorkFactory = open_storage(db_url)
    try:
        with storage(read_only=True) as uow:
            assert {c.code for c in uow.schedules.codes()} == {"В", "Б", "В/Д", "ОФ"}
    finally:
        storage.dispose()


def test_sqlite_backup_copies_a_live_database(tmp_path: Path) -> None:
    source = tmp_path / "live.db"
    with sqlite3.connect(source) as conn:
        conn.execute("CREATE TABLE t (x INTEGER)")
        conn.execute("INSERT INTO t VALUES (42)")
    conn.close()
    target = tmp_path / "copy.db"
    migrate.backup_sqlite(source, target)
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT x FROM t").fetchall() == [(42,)]
    copy.close()


def test_migrations_form_a_single_line() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, f"several migration heads {heads}: re-chain the newest migration's down_revision"


def test_an_older_sqlite_database_with_data_is_copied_then_upgraded(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from timetracker_desktop.app import build_app
    from timetracker_desktop.domain.attendance import Direction, PunchSource
    from timetracker_desktop.repositories.ports.storage import IntegrityConflictError, NewPunch

    url = f"sqlite:///{tmp_path / 'office.db'}"
    storage = open_storage(url)
    now = datetime(2026, 3, 4, 8, tzinfo=UTC)
    try:
        migrate.upgrade(storage.write_engine, migrations_dir(), "0001")
        with storage.write_engine.begin() as conn:  # rows that reference terminals, as an office would have
            conn.exec_driver_sql(
                "INSERT INTO terminals (id, name, kind, is_active, phone_scans, card_scans, enrollment, "
                "direction_mode, uid_format, trusted_clock, created_at) "
                "VALUES (3, 'Вхід', 'android', 1, 1, 0, 1, 'auto', 'hex', 0, '2026-03-01 00:00:00')"
            )
            conn.exec_driver_sql(
                "INSERT INTO employees (id, full_name, is_active, created_at, updated_at) "
                "VALUES (7, 'Олена', 1, '2026-03-01 00:00:00', '2026-03-01 00:00:00')"
            )
            conn.exec_driver_sql(
                "INSERT INTO punches (employee_id, at, direction, source, terminal_id, flags, created_at) "
                "VALUES (7, '2026-03-04 06:00:00', 'IN', 'terminal', 3, '', '2026-03-04 06:00:00')"
            )
    finally:
        storage.dispose()
    app = build_app(url)  # the app upgrades at start, copying the file first
    try:
        with app.storage(read_only=True) as uow:
            punches = uow.punches.for_employees([7], now.replace(day=1), now.replace(day=5))[7]
            assert punches[0].terminal_id == 3
            assert punches[0].direction is Direction.IN
            assert punches[0].source is PunchSource.TERMINAL
        assert migrate.current_revision(app.storage.write_engine) == migrate.head_revision(migrations_dir())
        # Foreign keys are on again after the migration.
        with pytest.raises(IntegrityConflictError, match="FOREIGN KEY"), app.storage() as uow:
            uow.punches.add(NewPunch(999, now, Direction.IN, PunchSource.MANUAL, now))
    finally:
        app.close()
    backups = list(tmp_path.glob("office.db.0001.*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    copy.close()


def test_shipped_head_read_from_the_scripts_is_alembics_head() -> None:
    assert migrate.shipped_head(migrations_dir()) == migrate.head_revision(migrations_dir())


@pytest.mark.parametrize(
    "scripts",
    [
        {},  # no scripts at all (e.g. a frozen build that ships only byte code)
        {"a.py": 'revision = "a"\ndown_revision = None\n', "b.py": 'revision = "b"\ndown_revision = None\n'},
        {"a.py": "revision = make_id()\ndown_revision = None\n"},
        {"a.py": 'revision = "a"\n'},
    ],
    ids=["none", "two-heads", "computed", "no-down-revision"],
)
def test_shipped_head_is_none_when_unsure(tmp_path: Path, scripts: dict[str, str]) -> None:
    (tmp_path / "versions").mkdir()
    for name, body in scripts.items():
        (tmp_path / "versions" / name).write_text(body, encoding="utf-8")
    assert migrate.shipped_head(tmp_path) is None


def test_shipped_head_follows_a_merge(tmp_path: Path) -> None:
    (tmp_path / "versions").mkdir()
    for name, down in (("a", "None"), ("b", '"a"'), ("c", '"a"'), ("m", '("b", "c")')):
        text = f'revision: str = "{name}"\ndown_revision: str | None = {down}\n'
        (tmp_path / "versions" / f"{name}.py").write_text(text, encoding="utf-8")
    assert migrate.shipped_head(tmp_path) == "m"


def test_upgrade_skips_alembic_only_at_the_head(empty_url: str) -> None:
    head = migrate.head_revision(migrations_dir())
    storage = open_storage(empty_url)
    try:
        assert migrate.head_if_current(storage.write_engine, migrations_dir()) is None  # no version table
        migrate.upgrade(storage.write_engine, migrations_dir())
        assert migrate.head_if_current(storage.write_engine, migrations_dir()) == head
        assert migrate.upgrade(storage.write_engine, migrations_dir()) == migrate.MigrationReport(
            head, head, None
        )
        migrate.downgrade(storage.write_engine, migrations_dir(), "0004")
        assert migrate.head_if_current(storage.write_engine, migrations_dir()) is None
        report = migrate.upgrade(storage.write_engine, migrations_dir())
        assert (report.from_revision, report.to_revision) == ("0004", head)
        assert migrate.current_revision(storage.write_engine) == head
    finally:
        storage.dispose()


@pytest.mark.mysql
def test_idempotency_keys_compare_case_sensitively_on_mariadb() -> None:
    url = scratch_mysql_url(mysql_url_or_skip(), "keys")
    recreate_mysql_database(url)
    storage = open_storage(url)
    keys = {
        ("scan_receipts", "event_id"),
        ("punches", "external_key"),
        ("unassigned_punches", "external_key"),
    }

    def collations() -> set[str]:
        with storage.write_engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT table_name, column_name, collation_name FROM information_schema.columns"
                    " WHERE table_schema = DATABASE()"
                )
            )
            return {collation for table, column, collation in rows if (table, column) in keys}

    try:
        migrate.upgrade(storage.write_engine, migrations_dir())
        assert collations() == {"utf8mb4_bin"}
        migrate.downgrade(storage.write_engine, migrations_dir(), "0005")
        assert "utf8mb4_bin" not in collations()
        migrate.upgrade(storage.write_engine, migrations_dir())
        assert collations() == {"utf8mb4_bin"}
    finally:
        storage.dispose()
        drop_mysql_database(url)
