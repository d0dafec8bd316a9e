"""SettingsService over the fake storage: defaults, validation, admins only, audit of real changes."""

import pytest
from fakes import ADMIN, MANAGER, FakeUnitOfWorkFactory

from timetracker_desktop.domain.errors import PermissionDeniedError, ValidationError
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.services.container import Services


def test_defaults_apply_until_a_setting_is_stored(services: Services) -> None:
    assert services.settings.current() == BusinessSettings()
    assert services.settings.as_text()["time_zone"] == "Europe/Kyiv"


def test_only_admins_change_settings_and_bad_values_are_refused_by_key(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(PermissionDeniedError):
        services.settings.change(MANAGER, "late_grace_minutes", "5")
    for key, value in (("time_zone", "Mars/Olympus"), ("late_grace_minutes", "five"), ("no_such", "1")):
        with pytest.raises(ValidationError) as caught:
            services.settings.change(ADMIN, key, value)
        assert caught.value.field == key
    with pytest.raises(ValidationError):
        services.settings.change(ADMIN, "rounding_step_minutes", "7")
    assert storage.commits == 0


def test_a_change_is_stored_as_text_and_audited_only_when_the_value_changes(
    services: Services, storage: FakeUnitOfWorkFactory
) -> None:
    changed = services.settings.change(ADMIN, "late_grace_minutes", " 5 ")
    assert changed.late_grace_minutes == 5
    services.settings.change(ADMIN, "late_grace_minutes", "5")
    services.settings.change(ADMIN, "time_zone", "Europe/Warsaw")
    assert services.settings.current().time_zone == "Europe/Warsaw"
    with storage(read_only=True) as uow:
        assert uow.settings.all() == {"late_grace_minutes": "5", "time_zone": "Europe/Warsaw"}
        entries = [(e.entity_id, e.before, e.after) for e in uow.audit.all_in_order()]
    assert entries == [
        ("late_grace_minutes", {"late_grace_minutes": "10"}, {"late_grace_minutes": "5"}),
        ("time_zone", {"time_zone": "Europe/Kyiv"}, {"time_zone": "Europe/Warsaw"}),
    ]
