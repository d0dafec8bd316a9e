"""Keeps text from people's input (names, notes) from running as a spreadsheet formula when opened."""

# What Excel and LibreOffice read as the start of a formula (or a DDE call) when a cell is typed or imported.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TEXT_PREFIX = "'"


def looks_like_formula(value: object) -> bool:
    """Whether a value is text that a spreadsheet would evaluate; numbers are never escaped."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_for_excel(value: str) -> str:
    """Text as a CSV-for-Excel cell: a leading quote makes Excel show it instead of evaluating it."""
    return CSV_TEXT_PREFIX + value if looks_like_formula(value) else value
