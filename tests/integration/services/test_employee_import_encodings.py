"""Excel's CSV files from Ukrainian Windows import with their Cyrillic names intact, on both databases."""

from pathlib import Path

import pytest
from fakes import ADMIN
from import_files import NAMES, VARIANTS, write_staff_csv

from timetracker_desktop.services.container import Services
from timetracker_desktop.services.people.employee_import import read_import_file


@pytest.mark.parametrize(("name", "encoding", "separator", "reported"), VARIANTS)
def test_imported_names_are_stored_as_written(
    services: Services, tmp_path: Path, name: str, encoding: str, separator: str, reported: str
) -> None:
    preview = read_import_file(write_staff_csv(tmp_path, name, encoding, separator))
    assert preview.encoding == reported
    result = services.employees.import_drafts(ADMIN, preview.drafts())
    assert result.ok, result.errors
    assert result.imported == len(NAMES)
    assert sorted(e.full_name for e in services.employees.list_employees()) == NAMES
