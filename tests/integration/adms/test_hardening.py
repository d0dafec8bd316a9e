"""Issue 13 on /iclock: address and comm-key pinning, browser requests, floods, pending caps, bad input."""

import socket
import threading
from dataclasses import replace
from datetime import datetime, timedelta

import httpx
import pytest
from fakes import ADMIN, FakeClock
from listener_support import ROOMY, add_terminal, running_listener

from timetracker_desktop.domain.terminals import TerminalKind
from timetracker_desktop.repositories.ports.zkteco import DeviceState
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.zkteco.dto import (
    MAX_LINES_PER_REQUEST,
    MAX_PENDING_DEVICES,
    MAX_PENDING_PER_ADDRESS,
)

from .conftest import AdmsOffice

DAY = "1\t2026-03-02 08:00:00\t0\t1\n1\t2026-03-02 18:30:00\t1\t1\n"  # a back-dated 10:30 h day
ATTLOG = "/iclock/cdata?SN={}&table=ATTLOG&Stamp=1"
OTHER = "127.0.0.2"  # another machine on the LAN, as loopback aliases make it
MONDAY = datetime(2026, 3, 2, 8, 0)  # noqa: DTZ001 - device-local wall time


def _audit(adms: AdmsOffice, action: str) -> int:
    return [e.action for e in adms.services.audit.entries(ADMIN)].count(action)


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "http://intranet.example"}, {"Referer": "http://intranet.example/page"},
     {"Cookie": "session=1"}, {"Sec-Fetch-Site": "cross-site"}],
)  # fmt: skip
def test_a_browser_made_attlog_is_refused_with_a_reason(adms: AdmsOffice, headers: dict[str, str]) -> None:
    terminal = adms.enrol("WEB01")
    adms.employee("Олена Коваль", "1")
    browser = {**headers, "Content-Type": "text/plain;charset=UTF-8"}
    reply = adms.listener.client.post(ATTLOG.format("WEB01"), content=DAY.encode(), headers=browser)
    assert (reply.status_code, reply.json()["error"]) == (403, "browser_request")
    assert adms.punches(terminal.id) == []
    for path in (
        "/iclock/cdata?SN=WEB01&options=all",
        "/iclock/getrequest?SN=WEB01",
        "/iclock/ping?SN=WEB01",
    ):
        assert adms.listener.client.get(path, headers=headers).status_code == 403
    results = adms.listener.client.post(
        "/iclock/devicecmd?SN=WEB01", content=b"ID=1&Return=0", headers=headers
    )
    assert results.status_code == 403
    plain = adms.listener.client.post(ATTLOG.format("WEB01"), content=DAY.encode())  # the device itself
    assert (plain.status_code, plain.text) == (200, "OK: 2")


@pytest.mark.parametrize(
    "kind", ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json",
             "application/ld+json"],
)  # fmt: skip
def test_browser_body_types_are_refused_on_uploads(adms: AdmsOffice, kind: str) -> None:
    terminal = adms.enrol("FORM01")
    adms.employee("Олена Коваль", "1")
    client = adms.listener.client
    for path in (ATTLOG.format("FORM01"), "/iclock/devicecmd?SN=FORM01"):
        reply = client.post(path, content=DAY.encode(), headers={"Content-Type": kind})
        assert (reply.status_code, reply.json()["error"]) == (415, "unsupported_media_type")
    assert adms.punches(terminal.id) == []
    pushed = client.post(
        ATTLOG.format("FORM01"), content=DAY.encode(), headers={"Content-Type": "application/push"}
    )
    assert pushed.status_code == 200


def test_an_attlog_from_another_address_is_refused_until_re_approval(adms: AdmsOffice) -> None:
    terminal = adms.enrol("MOVE01")
    adms.employee("Олена Коваль", "1")
    with adms.client_from(OTHER) as elsewhere:
        for _ in range(2):
            moved = elsewhere.post(
                ATTLOG.format("MOVE01"), content=DAY.encode(), headers={"Content-Type": "text/plain"}
            )
            assert (moved.status_code, moved.json()["error"]) == (403, "address_changed")
            assert "re-approval" in moved.json()["detail"]
        assert elsewhere.get("/iclock/getrequest?SN=MOVE01").status_code == 403  # no commands handed out
        assert adms.punches(terminal.id) == []
        stored = adms.stored("MOVE01")
        assert (stored.approved_ip, stored.last_ip, stored.moved_ip) == ("127.0.0.1", "127.0.0.1", OTHER)
        assert _audit(adms, "adms.ip_changed") == 1  # once per change, not per request
        (waiting,) = adms.services.adms_admin.awaiting_reapproval()
        assert waiting.serial == "MOVE01"
        # The device at its approved address is not held up by whoever uses its serial elsewhere.
        assert (
            adms.listener.client.post(ATTLOG.format("MOVE01"), content=b"1\t2026-03-03 08:00:00\t0\n").text
            == "OK: 1"
        )

        adms.services.adms_admin.reapprove(ADMIN, stored.id, OTHER)
        assert _audit(adms, "adms.reapprove") == 1
        again = elsewhere.post(ATTLOG.format("MOVE01"), content=DAY.encode())
        assert (again.status_code, again.text) == (200, "OK: 2")
    old = adms.listener.client.get("/iclock/ping?SN=MOVE01")
    assert (old.status_code, old.json()["error"]) == (403, "address_changed")
    assert len(adms.punches(terminal.id)) == 3
    assert adms.stored("MOVE01").approved_ip == OTHER


def test_a_handshake_with_another_comm_key_is_refused_until_re_approval(adms: AdmsOffice) -> None:
    client = adms.listener.client
    handshake = "/iclock/cdata?SN=KEY01&options=all&pushver=2.4.1&pushcommkey={}"
    assert client.get(handshake.format("4a9594af164f2b9779b59e8554b5df26")).status_code == 200
    adms.approve("KEY01")
    assert adms.stored("KEY01").comm_key_hash is not None
    assert client.get(handshake.format("4a9594af164f2b9779b59e8554b5df26")).status_code == 200
    for other in ("0000", ""):
        reply = client.get(handshake.format(other))
        assert (reply.status_code, reply.json()["error"]) == (403, "comm_key_changed")
    assert adms.stored("KEY01").needs_reapproval
    assert _audit(adms, "adms.comm_key_changed") == 2
    adms.services.adms_admin.reapprove(ADMIN, adms.stored("KEY01").id)
    assert client.get("/iclock/cdata?SN=KEY01&options=all").status_code == 200  # re-approved without a key
    assert adms.stored("KEY01").comm_key_hash is None


def test_pending_devices_are_capped_per_address_and_forgotten_when_silent(
    adms: AdmsOffice, clock: FakeClock
) -> None:
    adms.enrol("REAL01")  # an approved device on the same address is never counted nor refused
    client = adms.listener.client
    for n in range(MAX_PENDING_PER_ADDRESS):
        assert client.get(f"/iclock/getrequest?SN=JUNK{n}").status_code == 200
    refused = client.get("/iclock/getrequest?SN=JUNKMORE")
    assert (refused.status_code, refused.json()["error"]) == (403, "too_many_pending")
    assert client.get("/iclock/getrequest?SN=REAL01").status_code == 200
    with adms.client_from(OTHER) as elsewhere:
        assert elsewhere.get("/iclock/cdata?SN=NEWREAL&options=all").status_code == 200
        clock.advance(minutes=61)
        assert elsewhere.get("/iclock/getrequest?SN=NEWREAL").status_code == 200  # polls: kept
    assert client.get("/iclock/getrequest?SN=JUNKMORE").status_code == 200  # the silent junk is gone
    pending = {d.serial for d in adms.services.adms_admin.pending()}
    assert pending == {"NEWREAL", "JUNKMORE"}
    assert adms.stored("REAL01").state is DeviceState.APPROVED


def test_at_most_50_devices_wait_for_approval(adms: AdmsOffice) -> None:
    addresses = [f"127.0.1.{n}" for n in range(1, MAX_PENDING_DEVICES // MAX_PENDING_PER_ADDRESS + 2)]
    serials = iter(range(MAX_PENDING_DEVICES))
    for address in addresses:
        with adms.client_from(address) as client:
            for _ in range(MAX_PENDING_PER_ADDRESS):
                serial = next(serials, None)
                if serial is not None:
                    assert client.get(f"/iclock/cdata?SN=P{serial}&options=all").status_code == 200
    with adms.client_from(addresses[-1]) as client:
        refused = client.get("/iclock/cdata?SN=ONEMORE&options=all")
        assert (refused.status_code, refused.json()["error"]) == (403, "too_many_pending")
        assert len(adms.services.adms_admin.pending()) == MAX_PENDING_DEVICES
        adms.services.adms_admin.reject(ADMIN, adms.services.adms_admin.pending()[-1].id)
        assert client.get("/iclock/cdata?SN=ONEMORE&options=all").status_code == 200


def _card_door(services: Services) -> str:
    """A card terminal's key; Olena's card 15CD5B07."""
    _, key = add_terminal(services, "Door", TerminalKind.CARD_READER)
    services.employees.add_employee(ADMIN, EmployeeDraft("Олена Коваль", card_uid="15CD5B07"))
    return str(key)


def _flood(url: str, requests: list[tuple[str, bytes]], started: threading.Event, stop: threading.Event,
           statuses: list[int]) -> None:  # fmt: skip
    """Post the requests round after round until stopped (at most 200 requests)."""
    with httpx.Client(base_url=url, timeout=120) as client:
        for n in range(200):
            if stop.is_set():
                return
            path, body = requests[n % len(requests)]
            started.set()
            statuses.append(client.post(path, content=body).status_code)


def _scans_during(
    adms: AdmsOffice, requests: list[tuple[str, bytes]]
) -> tuple[list[httpx.Response], bool, list[int]]:
    """Three card scans during a flood of these requests; whether the flood still ran at their answers."""
    key = _card_door(adms.services)
    started, stop = threading.Event(), threading.Event()
    statuses: list[int] = []
    flood = threading.Thread(
        target=_flood, args=(adms.listener.server.url, requests, started, stop, statuses)
    )
    flood.start()
    try:
        assert started.wait(30)
        scans = [
            adms.listener.client.post(
                "/api/nfc",
                json={"nfc_uid": "15CD5B07", "event_id": f"door-{n}"},
                headers={"X-Terminal-Key": key},
            )
            for n in range(3)
        ]
        running = flood.is_alive()
    finally:
        stop.set()
        flood.join(120)
    return scans, running, statuses


def test_a_30k_line_devicecmd_for_a_pending_serial_never_holds_up_card_scans(adms: AdmsOffice) -> None:
    assert adms.device("FLOOD01").handshake().status_code == 200  # pending
    results = "".join(f"ID={n}&Return=0&CMD=DATA\n" for n in range(30_000)).encode()
    under_cap = "".join(f"ID={n}&Return=0&CMD=DATA\n" for n in range(MAX_LINES_PER_REQUEST)).encode()
    path = "/iclock/devicecmd?SN=FLOOD01"
    scans, running, statuses = _scans_during(adms, [(path, results), (path, under_cap)])
    assert running  # answered while the flood was still going on
    assert [s.status_code for s in scans] == [200, 200, 200]
    assert scans[0].json()["status"] == "recorded"
    assert set(statuses) <= {403, 413}  # the 30k lines are too many; the rest is a pending device's
    assert 413 in statuses


def test_long_attlog_uploads_go_in_batches_while_card_scans_are_answered(adms: AdmsOffice) -> None:
    terminal = adms.enrol("LONG01")
    bodies = []
    for round_no in range(2):
        start = MONDAY + timedelta(days=round_no)
        lines = [
            f"{900 + n % 50}\t{(start + timedelta(seconds=n)):%Y-%m-%d %H:%M:%S}\t0\n"
            for n in range(MAX_LINES_PER_REQUEST)
        ]
        bodies.append((ATTLOG.format("LONG01"), "".join(lines).encode()))
    scans, running, statuses = _scans_during(adms, bodies)
    assert running
    assert [s.status_code for s in scans] == [200, 200, 200]
    assert set(statuses) == {200}
    first_day = [f"{900 + n % 50}|{MONDAY + timedelta(seconds=n):%Y%m%d%H%M%S}|0" for n in range(5000)]
    with adms.services.uow(read_only=True) as uow:  # unknown PINs: every line of the first upload queued
        assert uow.adms.existing_queue_keys(terminal.id, first_day) == set(first_day)
    assert adms.punches(terminal.id) == []


def test_more_lines_than_a_device_sends_are_413_and_nothing_is_stored(adms: AdmsOffice) -> None:
    terminal = adms.enrol("CAP01")
    adms.employee("Олена Коваль", "1")
    lines = [f"1\t2026-03-02 08:00:{n % 60:02d}\t0\n" for n in range(MAX_LINES_PER_REQUEST + 1)]
    reply = adms.listener.client.post(ATTLOG.format("CAP01"), content="".join(lines).encode())
    assert (reply.status_code, reply.json()["error"]) == (413, "too_many_lines")
    assert str(MAX_LINES_PER_REQUEST) in reply.json()["detail"]
    assert adms.punches(terminal.id) == []
    assert adms.stored("CAP01").attlog_stamp is None


def test_a_year_1_line_is_quarantined_and_the_rest_of_the_batch_stored(adms: AdmsOffice) -> None:
    terminal = adms.enrol("DATE01")
    adms.employee("Олена Коваль", "1")
    body = (
        "1\t2026-03-02 08:00:00\t0\t1\n1\t0001-01-01 00:00:00\t0\t1\n"
        "1\t9999-12-31 23:59:59\t1\t1\n1\t2026-03-02 17:00:00\t1\t1\n"
    )
    for _ in range(2):  # the device resends: same answer, nothing twice
        reply = adms.listener.client.post(ATTLOG.format("DATE01"), content=body.encode())
        assert (reply.status_code, reply.text) == (200, "OK: 4")
    assert len(adms.punches(terminal.id)) == 2
    detail = adms.services.adms_admin.detail(adms.stored("DATE01").id)
    assert sorted(q.reason for q in detail.quarantined) == ["impossible date", "impossible date"]
    assert adms.stored("DATE01").attlog_stamp == "1"


def test_an_info_field_with_a_24_digit_number_is_bounded_not_500(adms: AdmsOffice) -> None:
    adms.enrol("INFO01")
    huge = "9" * 24
    client = adms.listener.client
    reply = client.get(f"/iclock/getrequest?SN=INFO01&INFO=Ver 2.0,{huge},{huge},{huge},10.0.0.1")
    assert (reply.status_code, reply.text) == (200, "OK")
    stored = adms.stored("INFO01")
    assert (stored.firmware, stored.user_count, stored.attlog_count) == ("Ver 2.0", None, None)
    long_info = client.get("/iclock/getrequest", params={"SN": "INFO01", "INFO": "x" * 5000 + ",1,2,3"})
    assert long_info.status_code == 200
    assert len(adms.stored("INFO01").firmware or "") <= 64
    results = client.post("/iclock/devicecmd?SN=INFO01", content=f"ID=1&Return=-{huge}&CMD=INFO\n".encode())
    assert results.status_code == 200


def _exchange(sock: socket.socket, request: bytes) -> tuple[int, bytes]:
    """Send one HTTP/1.1 request on an open connection; the status and body of its reply."""
    sock.sendall(request)
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:"))
    assert not any(line.lower() == "connection: close" for line in lines)
    while len(rest) < length:
        rest += sock.recv(65536)
    return int(lines[0].split(" ")[1]), rest[:length]


def test_the_keep_alive_connection_survives_a_handled_error(adms: AdmsOffice) -> None:
    adms.enrol("KEEP01")
    host, port = adms.listener.server.host, adms.listener.server.port
    info = "9" * 24
    with socket.create_connection((host, port), timeout=30) as sock:
        bad = (
            b"POST /iclock/cdata?SN=KEEP01&table=ATTLOG HTTP/1.1\r\nHost: x\r\n"
            b"Origin: http://evil\r\nContent-Length: 2\r\n\r\n1\n"
        )
        assert _exchange(sock, bad)[0] == 403
        odd = f"GET /iclock/getrequest?SN=KEEP01&INFO=1,{info} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        assert _exchange(sock, odd) == (200, b"OK")
        year_one = b"1\t0001-01-01 00:00:00\t0\n"
        upload = (
            b"POST /iclock/cdata?SN=KEEP01&table=ATTLOG HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s"
            % (len(year_one), year_one)
        )
        assert _exchange(sock, upload) == (200, b"OK: 1")
        assert _exchange(sock, b"GET /iclock/ping?SN=KEEP01 HTTP/1.1\r\nHost: x\r\n\r\n") == (200, b"OK")


def test_requests_over_the_device_and_address_rates_are_429(services: Services) -> None:
    tight = replace(
        ROOMY, device_requests_per_minute=1, device_burst=3, address_requests_per_minute=1, address_burst=5
    )
    with running_listener(services, tight) as running:
        client = running.client
        assert [client.get("/iclock/getrequest?SN=RATE1").status_code for _ in range(3)] == [200] * 3
        limited = client.get("/iclock/getrequest?SN=RATE1")
        assert (limited.status_code, limited.json()["error"]) == (429, "rate_limited")
        assert int(limited.headers["Retry-After"]) >= 1
        assert client.get("/iclock/getrequest?SN=RATE2").status_code == 200  # another device, same address
        assert client.get("/iclock/getrequest?SN=RATE3").status_code == 429  # the address's burst is spent
