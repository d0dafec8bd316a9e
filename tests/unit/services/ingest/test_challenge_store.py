"""Scan challenges: bound to a terminal, single use, 30 s, at most 16 open per terminal."""

import base64

from fakes import FakeClock

from timetracker_desktop.services.ingest.challenges import ChallengeStore


def test_single_use_and_bound_to_its_terminal() -> None:
    store = ChallengeStore(FakeClock())
    text = store.issue(3)
    raw = base64.urlsafe_b64decode(text + "=")
    assert store.consume(4, text) is None  # another terminal's: refused, and used up
    assert store.consume(3, text) is None
    again = store.issue(3)
    assert store.consume(3, again) == base64.urlsafe_b64decode(again + "=")
    assert store.consume(3, again) is None
    assert len(raw) == 32


def test_any_base64_spelling_matches_and_garbage_does_not() -> None:
    store = ChallengeStore(FakeClock())
    text = store.issue(1)
    standard = base64.b64encode(base64.urlsafe_b64decode(text + "=")).decode()
    assert store.consume(1, standard) is not None
    assert store.consume(1, "!!") is None
    assert store.consume(1, "A" * 200) is None


def test_expiry_and_the_cap_per_terminal() -> None:
    clock = FakeClock()
    store = ChallengeStore(clock)
    first = store.issue(1)
    clock.advance(seconds=30)
    assert store.consume(1, first) is not None  # 30 s is still valid
    late = store.issue(1)
    clock.advance(seconds=30.001)
    assert store.consume(1, late) is None
    issued = [store.issue(1) for _ in range(17)]
    assert store.open_count(1) == 16
    assert store.consume(1, issued[0]) is None
    assert store.consume(1, issued[-1]) is not None
