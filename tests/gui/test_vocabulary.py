"""Every typed code the GUI shows has words, in English and in the uk catalog; the audit page uses them."""

import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import pytest

from timetracker_desktop.domain.absences import AbsenceType
from timetracker_desktop.domain.audit import AuditAction, AuditEntry, AuditOutcome, EntityType
from timetracker_desktop.domain.errors import ErrorCode
from timetracker_desktop.gui.kit.vocabulary import (
    Vocabulary,
    action_words,
    alert_sentence,
    detail_lines,
    entity_words,
    error_sentence,
    storage_sentence,
    table_words,
)
from timetracker_desktop.gui.models.audit import AuditTableModel
from timetracker_desktop.gui.models.backup_tables import BackupTablesModel
from timetracker_desktop.repositories.ports.backup import TableDigest
from timetracker_desktop.repositories.ports.leases import RunnerKind
from timetracker_desktop.repositories.ports.storage import StorageCause
from timetracker_desktop.repositories.sql.orm import Base
from timetracker_desktop.services.database_care.health import Alert, AlertKind
from timetracker_desktop.system.firewall import AllowFailure, FirewallProblem

pytestmark = pytest.mark.gui

WORDS: dict[type[StrEnum], Callable[[Vocabulary], Mapping[Any, str]]] = {
    ErrorCode: Vocabulary.errors,
    StorageCause: Vocabulary.storage,
    AuditAction: Vocabulary.actions,
    EntityType: Vocabulary.entities,
    AuditOutcome: Vocabulary.outcomes,
    AbsenceType: Vocabulary.absence_types,
    FirewallProblem: Vocabulary.firewall,
    AllowFailure: Vocabulary.firewall_failures,
    RunnerKind: Vocabulary.runners,
    AlertKind: Vocabulary.alerts,
}
MEMBERS = [member for enum in WORDS for member in enum]


def _words(member: StrEnum) -> str:
    return WORDS[type(member)](Vocabulary())[member]


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_member_has_words(member: StrEnum) -> None:
    words = Vocabulary()
    table = WORDS[type(member)](words)
    assert set(table) == set(type(member))  # no member missing, no stale key
    assert table[member].strip()
    if "_" in member.value or "." in member.value:  # a key, not a word ("user" is both)
        assert table[member] != member.value


@pytest.mark.usefixtures("ukrainian")
@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_member_is_translated(member: StrEnum, english: dict[StrEnum, str]) -> None:
    assert _words(member) != english[member]  # an entry missing from the uk catalog stays English


@pytest.fixture(scope="module")
def english(qapp: object) -> dict[StrEnum, str]:
    return {member: _words(member) for member in MEMBERS}


def test_codes_are_their_old_strings() -> None:
    """Stored audit rows and wire replies keep the bytes they had before the enums."""
    stored = [ErrorCode.DUPLICATE_BADGE, AuditAction.REPORT_EXPORT, EntityType.ADMS_DEVICE]
    assert (
        json.dumps(stored) == '["duplicate_badge", "report.export", "adms_device"]'
    )  # the audit hash's input
    assert f"{ErrorCode.EMPLOYEE_NOT_FOUND}" == "employee_not_found"
    assert f"database unavailable: {StorageCause.DEADLOCK}" == "database unavailable: deadlock"


def test_sentences_by_code_field_and_cause() -> None:
    assert error_sentence(ErrorCode.DUPLICATE_BADGE) == "This badge already belongs to another employee."
    assert error_sentence(ErrorCode.DUPLICATE_BADGE, "pin").startswith("This terminal PIN")
    assert error_sentence(ErrorCode.DUPLICATE_BADGE, "card_uid") == error_sentence(ErrorCode.DUPLICATE_BADGE)
    assert storage_sentence(StorageCause.DISK_FULL) == "The disk is full."


def test_stored_strings_unknown_to_this_version_are_shown_as_stored() -> None:
    assert action_words("report.export") == "Report exported"
    assert action_words("future.thing") == "future.thing"
    assert action_words("legacy.employee_create") == "Legacy server: employee_create"
    assert entity_words("adms_device") == "ZKTeco device"
    assert entity_words("future_kind") == "future_kind"


def test_every_table_of_the_schema_has_words() -> None:
    words = Vocabulary().tables()
    assert set(words) == set(Base.metadata.tables)
    assert all(text and text != name for name, text in words.items())
    assert table_words("scan_receipts") == "Terminal scan receipts"


@pytest.mark.usefixtures("ukrainian")
def test_table_words_are_translated() -> None:
    assert table_words("audit_chain_lock") == "Блокування журналу аудиту"


def test_restore_confirmation_lists_tables_in_words() -> None:
    model = BackupTablesModel()
    model.set_rows([TableDigest("audit_chain_lock", ("id",), 1, "ab" * 32)])
    assert model.index(0, 0).data() == "Audit log lock"


def test_details_are_label_value_lines() -> None:
    text = detail_lines({"employee_id": 7, "direction": "in", "filter": {"employee_id": None}, "x_y": None})
    assert text.splitlines() == [
        "Employee no.: 7",
        "Direction: in",
        'Filter: {"employee_id": null}',
        "x_y: —",
    ]


def test_audit_rows_show_actions_objects_and_details_in_words() -> None:
    model = AuditTableModel()
    at = datetime(2026, 3, 4, 8, tzinfo=UTC)
    after = {"type": "timesheet", "rows": 12, "file": "t.pdf"}
    export = AuditEntry(at, "admin", AuditAction.REPORT_EXPORT, EntityType.REPORT, "timesheet", after=after)
    backup = AuditEntry(at, "admin", AuditAction.BACKUP_CREATE, EntityType.BACKUP, "tt-2026.ttbak")
    terminal = AuditEntry(at, "admin", AuditAction.TERMINAL_CREATE, EntityType.TERMINAL, "3")
    model.set_rows([export, backup, terminal])
    shown = [(model.index(row, 2).data(), model.index(row, 3).data()) for row in range(3)]
    assert shown == [
        ("Report exported", "report: Timesheet"),
        ("Backup made", "backup: tt-2026.ttbak"),
        ("Terminal added", "terminal #3"),
    ]
    assert "After:\nType: timesheet\nRows: 12\nFile: t.pdf" in model.details(export)


def test_an_alert_says_its_facts_and_what_to_do() -> None:
    alert = Alert(AlertKind.TERMINAL_SILENT, {"terminal": "Вхід", "minutes": "45", "limit": "30"})
    assert alert_sentence(alert) == (
        "Terminal Вхід has not reported for more than 30 minutes of working hours. Check its power and "
        "network, and that this computer's listener is running."
    )
