"""Import from CSV and XLSX: preview with per-row problems; all rows or none are saved."""

from pathlib import Path

import pytest
from import_files import NAMES, VARIANTS, write_staff_csv
from openpyxl import Workbook
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.dialogs.import_dialog import ImportDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.services.dto import EmployeeDraft

from .conftest import show

pytestmark = pytest.mark.gui
HEADER = "full_name,position,card_uid,phone_code\n"


def _dialog(qtbot: QtBot, context: GuiContext) -> ImportDialog:
    dialog = ImportDialog(context)
    show(qtbot, dialog)
    return dialog


def test_rows_with_problems_block_the_import(qtbot: QtBot, admin_context: GuiContext, tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text(HEADER + "Олена Коваль,Бухгалтер,04A1B2C3,\n,Інженер,,\nІван Ткач,,XYZ,EMP-12\n", "utf-8")
    dialog = _dialog(qtbot, admin_context)
    dialog.load(path)
    problems = [dialog.model.problems_text(row) for row in dialog.model.rows]
    assert problems[0] == ""
    assert problems[1] == "Enter the full name."
    assert "hexadecimal" in problems[2]
    assert "EMP-1A2B3C4D" in problems[2]
    assert not dialog.import_button.isEnabled()
    assert dialog.status.text() == "2 row(s) have problems: fix the file and choose it again."


def test_import_is_all_or_none(qtbot: QtBot, admin_context: GuiContext, tmp_path: Path) -> None:
    admin_context.services.employees.add_employee(
        admin_context.actor, EmployeeDraft("Є", card_uid="04A1B2C3")
    )
    path = tmp_path / "staff.csv"
    path.write_text(HEADER + "Олена Коваль,Бухгалтер,,\nІван Ткач,,04A1B2C3,\n", "utf-8")
    dialog = _dialog(qtbot, admin_context)
    dialog.load(path)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert "Nothing was imported" in dialog.status.text()
    assert "already belongs" in dialog.model.problems_text(dialog.model.rows[1])
    assert len(admin_context.services.employees.list_employees()) == 1


def test_xlsx_import(qtbot: QtBot, admin_context: GuiContext, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["full_name", "position", "card_uid", "phone_code"])
    sheet.append(["Олена Коваль", "Бухгалтер", "04A1B2C3", None])
    sheet.append(["Іван Ткач", None, None, "EMP-1A2B3C4D"])
    path = tmp_path / "staff.xlsx"
    workbook.save(path)
    dialog = _dialog(qtbot, admin_context)
    with qtbot.waitSignal(dialog.imported) as blocker:
        dialog.load(path)
        dialog.import_button.click()
    assert blocker.args == [2]
    names = sorted(e.full_name for e in admin_context.services.employees.list_employees())
    assert names == ["Іван Ткач", "Олена Коваль"]


def test_missing_header_is_explained(qtbot: QtBot, admin_context: GuiContext, tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("name;card\nОлена;04A1B2C3\n", "utf-8")
    dialog = _dialog(qtbot, admin_context)
    dialog.load(path)
    assert "full_name is missing" in dialog.status.text()


READ_AS = {  # VARIANTS' encodings as the label under the preview names them
    "cp1251": "Read as Windows-1251 (cp1251), separator: semicolon (;).",
    "utf-8-sig": "Read as UTF-8 with BOM, separator: comma (,).",
    "utf-8": "Read as UTF-8, separator: semicolon (;).",
}


@pytest.mark.parametrize(("name", "encoding", "separator", "reported"), VARIANTS)
def test_preview_shows_how_the_csv_was_read(
    qtbot: QtBot,
    admin_context: GuiContext,
    tmp_path: Path,
    name: str,
    encoding: str,
    separator: str,
    reported: str,
) -> None:
    dialog = _dialog(qtbot, admin_context)
    dialog.load(write_staff_csv(tmp_path, name, encoding, separator))
    assert dialog.read_as.text() == READ_AS[reported]
    assert sorted(row.draft.full_name for row in dialog.model.rows) == NAMES
    assert dialog.import_button.isEnabled()


@pytest.mark.usefixtures("ukrainian")
def test_read_as_label_in_ukrainian(qtbot: QtBot, admin_context: GuiContext, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, admin_context)
    dialog.load(write_staff_csv(tmp_path, "staff.csv", "cp1251", ";"))
    assert dialog.read_as.text() == "Прочитано як Windows-1251 (cp1251), розділювач: крапка з комою (;)."
