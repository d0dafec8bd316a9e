"""Scan challenges: 32 random-looking bytes, sealed to their terminal and 30 s, opened by any process."""

import base64
import secrets
from datetime import timedelta

from fakes import FakeClock

from timetracker_desktop.services.ingest.challenges import ChallengeStore

KEY = secrets.token_bytes(32)


def _store(clock: FakeClock | None = None, key: bytes = KEY) -> ChallengeStore:
    return ChallengeStore(clock or FakeClock(), lambda: key)


def test_a_challenge_is_43_url_safe_characters_of_32_bytes_and_never_repeats() -> None:
    store = _store()
    texts = {store.issue(3) for _ in range(200)}
    assert len(texts) == 200
    for text in texts:
        assert len(text) == 43
        assert set(text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        assert len(base64.urlsafe_b64decode(text + "=")) == 32


def test_another_store_on_the_same_key_opens_it_bound_to_its_terminal() -> None:
    clock = FakeClock()
    text = _store(clock).issue(3)
    sealed = _store(clock).open(text)  # another process on the same database
    assert sealed is not None
    assert sealed.raw == base64.urlsafe_b64decode(text + "=")
    assert sealed.valid_for(3, clock.now())
    assert not sealed.valid_for(4, clock.now())


def test_another_database_key_or_a_changed_byte_does_not_open() -> None:
    store = _store()
    text = store.issue(1)
    assert _store(key=secrets.token_bytes(32)).open(text) is None
    raw = bytearray(base64.urlsafe_b64decode(text + "="))
    for position in (0, 7, 15, 16, 31):  # the nonce (its digest is sealed), and the seal itself
        forged = bytearray(raw)
        forged[position] ^= 0x01
        assert store.open(base64.urlsafe_b64encode(bytes(forged)).decode()) is None
    assert store.open(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()) is None


def test_any_base64_spelling_opens_and_garbage_does_not() -> None:
    store = _store()
    text = store.issue(1)
    standard = base64.b64encode(base64.urlsafe_b64decode(text + "=")).decode()
    assert store.open(standard) is not None
    assert store.open("!!") is None
    assert store.open("A" * 200) is None


def test_thirty_seconds_then_expired() -> None:
    clock = FakeClock()
    store = _store(clock)
    sealed = store.open(store.issue(1))
    assert sealed is not None
    assert sealed.valid_for(1, clock.now() + timedelta(seconds=30))
    assert not sealed.valid_for(1, clock.now() + timedelta(seconds=30.001))
