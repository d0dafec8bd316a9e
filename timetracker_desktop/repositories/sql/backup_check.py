"""Checks every row of a backup against its table (types, lengths, nulls, JSON) before anything is written."""

import json
import zipfile
import zlib
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, Numeric, String, Table

from timetracker_desktop.repositories.ports.backup import BackupFileError, BackupMismatchError, TableDigest
from timetracker_desktop.repositories.sql.backup_format import RowDigest, table_member
from timetracker_desktop.repositories.sql.orm import Base

# Every integer column (ids included) fits a signed 64-bit BIGINT on both engines.
_INT_RANGE = range(-(1 << 63), 1 << 63)
Check = Callable[[Any], str | None]


def _json_text(table: str, column: str) -> bool:
    """Text columns holding JSON documents are marked in the ORM (info={"json": True})."""
    known = Base.metadata.tables.get(table)
    return known is not None and column in known.columns and bool(known.columns[column].info.get("json"))


def _text_check(length: int | None, json_text: bool) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return f"expected text, found {type(value).__name__}"
        if length is not None and len(value) > length:
            return f"{len(value)} characters, the column holds at most {length}"
        if json_text:
            try:
                json.loads(value)
            except ValueError:
                return "not well-formed JSON"
        return None

    return check


def _iso_check(parse: Callable[[str], object], kind: str) -> Check:
    def check(value: Any) -> str | None:
        try:
            parse(value)
        except (TypeError, ValueError):
            return f"not an ISO {kind}: {str(value)[:40]!r}"
        return None

    return check


def _integer(value: Any) -> str | None:
    if not isinstance(value, int) or value not in _INT_RANGE:
        return f"expected a whole number, found {str(value)[:40]!r}"
    return None


def _boolean(value: Any) -> str | None:
    return None if value in (0, 1) and isinstance(value, int) else f"expected 0 or 1, found {value!r}"


def _number(value: Any) -> str | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return None if ok else f"expected a number, found {str(value)[:40]!r}"


def _type_check(table: str, column: Column[Any]) -> Check:
    kind = column.type
    if isinstance(kind, DateTime):
        return _iso_check(datetime.fromisoformat, "date and time")
    if isinstance(kind, Date):
        return _iso_check(date.fromisoformat, "date")
    if isinstance(kind, Boolean):
        return _boolean
    if isinstance(kind, Integer):
        return _integer
    if isinstance(kind, Float | Numeric):
        return _number
    if isinstance(kind, String):
        return _text_check(kind.length, _json_text(table, column.name))
    return lambda _value: None


def _row_check(table: Table, columns: list[Column[Any]]) -> Callable[[Any], str | None]:
    checks = [(c.name, c.nullable, _type_check(table.name, c)) for c in columns]

    def check(values: Any) -> str | None:
        if not isinstance(values, list) or len(values) != len(checks):
            return f"expected a list of {len(checks)} values"
        for (name, nullable, check_value), value in zip(checks, values, strict=True):
            problem = (None if nullable else "empty, but required") if value is None else check_value(value)
            if problem:
                return f"column {name}: {problem}"
        return None

    return check


def check_table(archive: zipfile.ZipFile, table: Table, digest: TableDigest) -> None:
    """Every row decodes and fits ``table``, and the rows add up to the manifest's count and checksum.

    Raises ``BackupFileError`` naming the table, the line and the problem.
    """
    unknown = set(digest.columns) - {c.name for c in table.columns}
    if unknown:
        raise BackupFileError(f"table {table.name}: columns {sorted(unknown)} are not in the schema")
    check = _row_check(table, [table.columns[name] for name in digest.columns])
    rows = RowDigest()
    try:
        with archive.open(table_member(table.name)) as lines:
            for number, raw in enumerate(lines, start=1):
                line = raw.removesuffix(b"\n")
                rows.add(line)
                try:
                    problem = check(json.loads(line))
                except ValueError as error:  # not JSON, or not UTF-8
                    problem = f"not a readable row ({error})"
                if problem:
                    raise BackupFileError(f"table {table.name}, line {number}: {problem}")
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as error:
        raise BackupFileError(f"table {table.name}: the file is damaged ({error})") from None
    found = rows.digest(table.name, digest.columns)
    if (found.rows, found.checksum) != (digest.rows, digest.checksum):
        what = "the rows in the file do not match the manifest's count and checksum (damaged or edited)"
        raise BackupMismatchError([table.name], what)
