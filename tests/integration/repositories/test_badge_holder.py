"""``badges.holder``: a scan's badge and its employee in one read, on both databases."""

from datetime import UTC, datetime

from timetracker_desktop.app import AppContext
from timetracker_desktop.domain.employees import BadgeKind

AT = datetime(2026, 3, 4, 6, 0, tzinfo=UTC)
CODE = "EMP-1A2B3C4D"


def test_holder_is_the_active_badge_else_the_newest_revoked_one(app_context: AppContext) -> None:
    storage = app_context.storage
    with storage() as uow:
        position = uow.positions.add("Комірник")
        olena = uow.employees.add("Олена Коваль", position.id, "нічна зміна", AT)
        ivan = uow.employees.add("Іван Петренко", None, None, AT)
        first = uow.badges.add(olena.id, BadgeKind.PHONE, CODE, AT, public_key_b64="K1")
        uow.badges.revoke(first.id, AT, "lost")
        second = uow.badges.add(ivan.id, BadgeKind.PHONE, CODE, AT)
        uow.commit()
    with storage(read_only=True) as uow:
        assert uow.badges.holder(BadgeKind.PHONE, CODE) == (second, ivan)
        assert uow.badges.holder(BadgeKind.CARD, CODE) is None
        assert uow.badges.holder(BadgeKind.PHONE, "EMP-00000000") is None
    with storage() as uow:
        uow.badges.revoke(second.id, AT, "left")
        uow.commit()
    with storage(read_only=True) as uow:
        found = uow.badges.holder(BadgeKind.PHONE, CODE)
        revoked = uow.badges.get(second.id)
        assert found == (revoked, ivan)
        assert found is not None
        assert not found[0].is_active
    with storage() as uow:
        third = uow.badges.add(olena.id, BadgeKind.PHONE, CODE, AT, public_key_b64="K3")
        uow.commit()
    with storage(read_only=True) as uow:
        holder = uow.badges.holder(BadgeKind.PHONE, CODE)
    assert holder == (third, olena)
    assert holder is not None
    assert (holder[1].position_name, holder[1].comment) == ("Комірник", "нічна зміна")
