"""AuditService over the fake storage: who may read, filters, and the hash chain catching an edited entry."""

from dataclasses import replace

import pytest
from fakes import ADMIN, VIEWER, FakeUnitOfWorkFactory

from timetracker_desktop.domain.errors import PermissionDeniedError
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft


def test_readers_see_entries_newest_first_and_filtered(services: Services) -> None:
    employee = services.employees.add_employee(ADMIN, EmployeeDraft("Олена", pin="42"))
    services.settings.change(ADMIN, "late_grace_minutes", "5")
    with pytest.raises(PermissionDeniedError):
        services.audit.entries(Actor("anonymous", "someone"))
    assert [e.action for e in services.audit.entries(VIEWER)] == [
        "settings.change",
        "badge.create",
        "employee.create",
    ]
    (created,) = services.audit.entries(VIEWER, entity_type="employee")
    assert (created.entity_id, created.actor) == (str(employee.id), ADMIN.name)
    assert [e.action for e in services.audit.entries(VIEWER, action="badge.create")] == ["badge.create"]
    assert len(services.audit.entries(VIEWER, limit=1)) == 1


def test_the_chain_is_intact_until_an_entry_is_edited_behind_the_services_back(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    assert services.audit.verify_chain().entries == 0
    services.employees.add_employee(ADMIN, EmployeeDraft("Олена", pin="42"))
    services.settings.change(ADMIN, "late_grace_minutes", "5")
    check = services.audit.verify_chain()
    assert (check.entries, check.intact) == (3, True)
    second = storage.committed.audit[2]
    storage.committed.audit[2] = replace(second, after={"employee_id": 999})  # a forged row
    broken = services.audit.verify_chain()
    assert (broken.intact, broken.first_broken_id) == (False, 2)
