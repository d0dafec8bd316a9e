"""Phone badges over the fake storage: enrollment windows at a terminal, signed scans, refusals, audit."""

from collections.abc import Callable

import pytest
from emulators.badge_phone import BadgePhone, session_key
from fakes import ADMIN, FakeClock, FakeUnitOfWorkFactory

from timetracker_desktop.domain.employees import BadgeKind, KeyState
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.ingest.badge_crypto import decode_challenge
from timetracker_desktop.services.ingest.dto import EnrollOutcome, ScanOutcome, SecureScan

CODE = "EMP-1A2B3C4D"


@pytest.fixture
def phone() -> BadgePhone:
    """Олена's badge phone."""
    return BadgePhone(CODE, session_key(0))


@pytest.fixture
def tablet(services: Services) -> Terminal:
    """An Android terminal with its enrollment window open for half an hour, and Олена with her code."""
    services.employees.add_employee(ADMIN, EmployeeDraft("Олена", phone_code=CODE))
    terminal = services.terminals.add_terminal(ADMIN, "Планшет").terminal
    return services.terminals.open_enrollment(ADMIN, terminal.id, 30)


def _scan(services: Services, tablet: Terminal, phone: BadgePhone) -> ScanOutcome:
    challenge = services.scans.challenge(tablet)
    signature = phone.sign(decode_challenge(challenge))
    return services.scans.secure_scan(tablet, SecureScan(f"EMP:{phone.code}", challenge, signature)).outcome


def test_a_phone_enrolls_once_in_the_window_and_another_key_is_refused(
    services: Services, storage: FakeUnitOfWorkFactory, clock: FakeClock, tablet: Terminal, phone: BadgePhone
) -> None:
    first = services.scans.first_scan(tablet, f"EMP:{CODE}", phone.public_key_b64)
    assert first.outcome is EnrollOutcome.PUBLIC_KEY_SAVED
    again = services.scans.first_scan(tablet, CODE, phone.public_key_b64)
    assert again.outcome is EnrollOutcome.PUBLIC_KEY_UNCHANGED
    other = BadgePhone(CODE, session_key(1))
    assert services.scans.first_scan(tablet, CODE, other.public_key_b64).outcome is (
        EnrollOutcome.KEY_ALREADY_REGISTERED
    )
    assert services.scans.first_scan(tablet, "EMP-00000000", phone.public_key_b64).outcome is (
        EnrollOutcome.UNKNOWN_BADGE
    )
    with storage(read_only=True) as uow:
        badge = uow.badges.find_active(BadgeKind.PHONE, CODE)
    assert badge is not None
    assert (badge.public_key_b64, badge.key_state) == (phone.public_key_b64, KeyState.UNVERIFIED)
    clock.advance(minutes=31)
    late = services.scans.first_scan(tablet, CODE, phone.public_key_b64)
    assert late.outcome is EnrollOutcome.ENROLLMENT_CLOSED


def test_a_signed_scan_is_recorded_and_verifies_the_key_and_a_forged_one_is_audited(
    services: Services,
    storage: FakeUnitOfWorkFactory,
    tablet: Terminal,
    phone: BadgePhone,
    audit_actions: Callable[[], list[str]],
) -> None:
    assert _scan(services, tablet, phone) is ScanOutcome.NOT_ENROLLED
    services.scans.first_scan(tablet, CODE, phone.public_key_b64)
    assert _scan(services, tablet, phone) is ScanOutcome.RECORDED
    with storage(read_only=True) as uow:
        badge = uow.badges.find_active(BadgeKind.PHONE, CODE)
    assert badge is not None
    assert badge.key_state is KeyState.VERIFIED
    forger = BadgePhone(CODE, session_key(0), signing_key=session_key(1))
    assert _scan(services, tablet, forger) is ScanOutcome.BAD_SIGNATURE
    assert "security.bad_signature" in audit_actions()
    used = SecureScan(CODE, services.scans.challenge(tablet), "")
    services.scans.secure_scan(tablet, used)
    assert services.scans.secure_scan(tablet, used).outcome is ScanOutcome.INVALID_CHALLENGE  # used up
