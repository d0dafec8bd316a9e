"""Employee import files as Excel writes them on Windows: cp1251 with ";", UTF-8 with a BOM, plain UTF-8."""

from pathlib import Path

HEADER = ("full_name", "position", "card_uid", "phone_code")
STAFF = (
    ("Олена Коваль", "Бухгалтер", "04A1B2C3", ""),
    ("Їжак Євген Ґудзь", "Інженер з охорони праці", "", "EMP-1A2B3C4D"),
)
NAMES = sorted(row[0] for row in STAFF)
# (file name, encoding, separator, what the import reports): the three files Excel and editors save.
VARIANTS = (
    ("excel-ansi.csv", "cp1251", ";", "cp1251"),
    ("excel-utf8.csv", "utf-8-sig", ",", "utf-8-sig"),
    ("editor.csv", "utf-8", ";", "utf-8"),
)


def write_staff_csv(folder: Path, name: str, encoding: str, separator: str) -> Path:
    """The header and STAFF in ``encoding`` with ``separator`` and Windows line ends, as Excel saves."""
    lines = [separator.join(row) for row in (HEADER, *STAFF)]
    path = folder / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path
