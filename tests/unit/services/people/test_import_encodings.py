"""An employee CSV is read as UTF-8 (with or without BOM) or cp1251, with "," or ";", and says which."""

from pathlib import Path

import pytest
from import_files import NAMES, VARIANTS, write_staff_csv

from timetracker_desktop.services.people.employee_import import decode_csv, detect_separator, read_import_file


@pytest.mark.parametrize(("name", "encoding", "separator", "reported"), VARIANTS)
def test_excel_and_editor_files_are_read_with_their_encoding_and_separator(
    tmp_path: Path, name: str, encoding: str, separator: str, reported: str
) -> None:
    preview = read_import_file(write_staff_csv(tmp_path, name, encoding, separator))
    assert preview.ok, preview
    assert (preview.encoding, preview.separator) == (reported, separator)
    assert sorted(row.draft.full_name for row in preview.rows) == NAMES
    assert [row.draft.position for row in preview.rows] == ["Бухгалтер", "Інженер з охорони праці"]
    assert preview.rows[1].draft.phone_code == "EMP-1A2B3C4D"


def test_utf8_is_tried_first_and_strictly() -> None:
    text = "full_name\nҐалина\n"
    assert decode_csv(text.encode("utf-8")) == (text, "utf-8")
    assert decode_csv(text.encode("utf-8-sig")) == (text, "utf-8-sig")
    assert decode_csv(text.encode("cp1251")) == (text, "cp1251")


def test_a_file_neither_utf8_nor_cp1251_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"full_name\n\x98\xff\n")  # 0x98 is unassigned in cp1251
    preview = read_import_file(path)
    assert preview.file_error == "unknown_encoding"
    assert preview.rows == ()


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ("full_name;position\nКоваль, Олена;Бухгалтер\nТкач, Іван;Інженер\n", ";"),  # commas in the names
        ('full_name,position\n"Коваль; Олена",Бухгалтер\n', ","),
        ("full_name\nОлена\n", ","),  # one column: nothing to sniff
        ("full_name;position\n", ";"),  # a header alone: counted
    ],
)
def test_separator_is_comma_or_semicolon(text: str, separator: str) -> None:
    assert detect_separator(text) == separator


def test_xlsx_reports_no_encoding(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["full_name"])
    sheet.append(["Олена Коваль"])
    path = tmp_path / "staff.xlsx"
    workbook.save(path)
    preview = read_import_file(path)
    assert preview.ok
    assert (preview.encoding, preview.separator) == ("", "")
