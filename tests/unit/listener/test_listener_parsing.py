"""Listener bodies and schemas: JSON whatever the Content-Type, strict fields, the terminal id forms."""

from datetime import UTC, datetime

import pytest

from timetracker_desktop.listener.body import json_object
from timetracker_desktop.listener.replies import ProtocolError
from timetracker_desktop.listener.schemas import NfcRequest, SecureScanRequest, iso_time, parse

SCAN = {"terminal_id": 3, "employee_uid": " emp-1a2b3c4d ", "challenge_b64": "c", "signature_b64": "s"}


@pytest.mark.parametrize("raw", [b"", b"nul", b"[]", b"1", b'{"a":Infinity}', b"\xc3\x28", b"{" * 5000])
def test_anything_but_a_json_object_is_malformed(raw: bytes) -> None:
    with pytest.raises(ProtocolError) as caught:
        json_object(raw)
    assert (caught.value.status, caught.value.code) == (400, "malformed_json")


def test_gson_escapes_and_a_bom_are_fine_and_empty_may_mean_empty() -> None:
    assert json_object(b'\xef\xbb\xbf{"s":"QQ\\u003d\\u003d"}') == {"s": "QQ=="}
    assert json_object(b"  ", allow_empty=True) == {}


@pytest.mark.parametrize(("value", "number"), [(3, 3), ("3", 3), ("T3", 3), ("t12", 12)])
def test_terminal_id_forms(value: object, number: int) -> None:
    assert parse(SecureScanRequest, {**SCAN, "terminal_id": value}).terminal_number() == number


@pytest.mark.parametrize("value", [True, 3.0, 0, -1, "T", "3a", "T03", 2**31, None, [3]])
def test_bad_terminal_ids_are_invalid_fields(value: object) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse(SecureScanRequest, {**SCAN, "terminal_id": value})
    assert (caught.value.status, caught.value.field) == (422, "terminal_id")


def test_codes_are_trimmed_and_upper_cased_and_unknown_fields_ignored() -> None:
    body = parse(SecureScanRequest, {**SCAN, "extra": {"x": 1}, "direction": "OUT"})
    assert body.employee_uid == "EMP-1A2B3C4D"


@pytest.mark.parametrize(
    ("patch", "field"),
    [({"ts": True}, "ts"), ({"ts": "5"}, "ts"), ({"employee_uid": ""}, "employee_uid"),
     ({"employee_uid": "x" * 65}, "employee_uid"), ({"signature_b64": "s" * 1025}, "signature_b64")],
)  # fmt: skip
def test_strict_scan_fields(patch: dict[str, object], field: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse(SecureScanRequest, {**SCAN, **patch})
    assert caught.value.field == field


def test_nfc_fields() -> None:
    body = parse(
        NfcRequest,
        {"nfc_uid": "04A2", "ts": "2026-03-03T08:00:05+02:00", "direction": "iN", "event_id": "d:1"},
    )
    assert (body.ts, body.direction, body.event_id) == ("2026-03-03T08:00:05+02:00", "iN", "d:1")
    for bad in ({"nfc_uid": ""}, {"nfc_uid": "x", "event_id": "a b"}, {"nfc_uid": "x", "direction": "up"}):
        with pytest.raises(ProtocolError):
            parse(NfcRequest, bad)


def test_iso_times() -> None:
    assert iso_time("2026-03-03T08:00:05+02:00") == datetime(2026, 3, 3, 6, 0, 5, tzinfo=UTC)
    assert iso_time("2026-03-03T08:00:05Z") == datetime(2026, 3, 3, 8, 0, 5, tzinfo=UTC)
    assert iso_time("2026-03-03 08:00:05").tzinfo is None
    for bad in ("yesterday", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"):
        with pytest.raises(ProtocolError):
            iso_time(bad)
