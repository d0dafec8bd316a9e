"""Reading an employee import file (CSV or XLSX) into drafts, every row checked before anything is saved."""

import codecs
import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from timetracker_desktop.domain.employees import normalize_card_uid, normalize_phone_code, validate_full_name
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.services.dto import EmployeeDraft, RowError

COLUMNS = ("full_name", "position", "card_uid", "phone_code")
REQUIRED = "full_name"
MAX_ROWS = 5000
CP1251 = "cp1251"
SEPARATORS = (",", ";")


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One data row of the file: its line number (header = 1), the draft and its problems."""

    line: int
    draft: EmployeeDraft
    errors: tuple[RowError, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """The whole file checked; ``file_error`` is a code when the file itself is unusable."""

    rows: tuple[ImportRow, ...]
    file_error: str | None = None
    file_detail: str = ""
    encoding: str = ""  # how a CSV was read: "utf-8", "utf-8-sig" or "cp1251"; "" for XLSX
    separator: str = ""  # the CSV's separator, "," or ";"; "" for XLSX

    @property
    def ok(self) -> bool:
        """True when the file is readable and no row has a problem."""
        return self.file_error is None and bool(self.rows) and not any(r.errors for r in self.rows)

    def drafts(self) -> list[tuple[int, EmployeeDraft]]:
        """(line, draft) pairs for ``EmployeeService.import_drafts``."""
        return [(row.line, row.draft) for row in self.rows]

    def with_errors(self, errors: Iterable[RowError]) -> "ImportPreview":
        """The same rows with errors the database found added to their lines."""
        by_line: dict[int, list[RowError]] = {}
        for error in errors:
            by_line.setdefault(error.line, []).append(error)
        rows = tuple(ImportRow(r.line, r.draft, (*r.errors, *by_line.get(r.line, ()))) for r in self.rows)
        return replace(self, rows=rows)


def _check(line: int, draft: EmployeeDraft) -> ImportRow:
    errors: list[RowError] = []
    checks = (
        (validate_full_name, draft.full_name),
        (normalize_card_uid, draft.card_uid),
        (normalize_phone_code, draft.phone_code),
    )
    for check, value in checks:
        if value is None and check is not validate_full_name:
            continue
        try:
            check(value or "")
        except ValidationError as error:
            errors.append(RowError(line, error.field, error.message, error.code))
    return ImportRow(line, draft, tuple(errors))


def _draft(record: dict[str, str]) -> EmployeeDraft:
    def value(name: str) -> str | None:
        text = (record.get(name) or "").strip()
        return text or None

    return EmployeeDraft(
        full_name=value("full_name") or "",
        position=value("position"),
        card_uid=value("card_uid"),
        phone_code=value("phone_code"),
    )


def preview_records(header: Sequence[str], records: Iterable[Sequence[object]]) -> ImportPreview:
    """Check a header and data rows (line numbers count the header as line 1; blank rows are skipped)."""
    names = [str(h or "").strip().lower() for h in header]
    if REQUIRED not in names:
        return ImportPreview((), "bad_header", ", ".join(names))
    rows: list[ImportRow] = []
    for line, values in enumerate(records, start=2):
        cells = ["" if v is None else str(v) for v in values]
        if not any(c.strip() for c in cells):
            continue
        if len(rows) >= MAX_ROWS:
            return ImportPreview((), "too_many_rows", str(MAX_ROWS))
        rows.append(_check(line, _draft(dict(zip(names, cells, strict=False)))))
    if not rows:
        return ImportPreview((), "empty_file")
    return ImportPreview(tuple(rows))


def decode_csv(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with.

    Strict UTF-8 first (a BOM makes it "utf-8-sig"): Cyrillic cp1251 text is almost never valid UTF-8,
    so a file that decodes is UTF-8. Otherwise cp1251, what Excel's "CSV (comma delimited)" writes on
    Ukrainian Windows; it fails only on byte 0x98 (UnicodeDecodeError, "unknown_encoding").
    """
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return data.decode(CP1251), CP1251


def detect_separator(text: str) -> str:
    """Comma or semicolon: the Sniffer restricted to those two, else whichever the header line has more of."""
    sample = text[:4096]
    try:
        found = csv.Sniffer().sniff(sample, delimiters="".join(SEPARATORS)).delimiter
    except csv.Error:
        found = ""
    if found in SEPARATORS:
        return found
    header = sample.splitlines()[0] if sample else ""
    # Excel writes ";" where the list separator is ";" (Ukrainian Windows); a tie means one column: ",".
    return ";" if header.count(";") > header.count(",") else ","


def _csv_rows(text: str, separator: str) -> Iterator[list[str]]:
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=separator)


def _xlsx_rows(path: Path) -> Iterator[Sequence[object]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        yield from sheet.iter_rows(values_only=True)
    finally:
        workbook.close()


def read_import_file(path: Path) -> ImportPreview:
    """Read and check a CSV (UTF-8 with or without BOM, or cp1251; comma or semicolon) or XLSX file with
    the header ``full_name,position,card_uid,phone_code``."""
    try:
        if path.suffix.lower() == ".xlsx":
            return _preview(_xlsx_rows(path))
        text, encoding = decode_csv(path.read_bytes())
        separator = detect_separator(text)
        return replace(_preview(_csv_rows(text, separator)), encoding=encoding, separator=separator)
    except UnicodeDecodeError:
        return ImportPreview((), "unknown_encoding")
    except (OSError, ValueError, KeyError, csv.Error) as error:
        return ImportPreview((), "unreadable_file", str(error)[:200])


def _preview(rows: Iterator[Sequence[object]]) -> ImportPreview:
    header = next(rows, None)
    if header is None:
        return ImportPreview((), "empty_file")
    return preview_records([str(h or "") for h in header], rows)
