"""HTTP rules of §1 and §6 on a real server: authentication, binding, bodies, limits, errors, health, docs."""

import re
import socket

import httpx
import pytest
from emulators.android_terminal import gson_dumps
from fakes import ADMIN
from listener_support import Office, add_terminal, running_listener

from timetracker_desktop.domain.terminals import TerminalKind
from timetracker_desktop.listener.options import ListenerOptions
from timetracker_desktop.services.container import Services

SCAN = "/api/terminal/secure-scan"


def _error(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]


def test_keys_binding_and_capabilities(office: Office) -> None:
    tablet = office.tablet()
    assert _error(tablet.post(SCAN, {}, key="")) == (401, "missing_key")
    assert _error(tablet.post(SCAN, {}, key="wrong")) == (401, "invalid_key")
    mismatch = tablet.post("/api/terminal/challenge", {"terminal_id": office.terminal.id + 1})
    assert _error(mismatch) == (403, "terminal_mismatch")
    for form in (office.terminal.id, str(office.terminal.id), f"T{office.terminal.id}"):
        assert tablet.post("/api/terminal/challenge", {"terminal_id": form}).status_code == 200
    assert tablet.post("/api/terminal/challenge", {}).status_code == 200
    empty = office.listener.client.post("/api/terminal/challenge", headers={"X-Terminal-Key": office.key})
    assert empty.status_code == 200
    reader, reader_key = add_terminal(office.services, "Door", TerminalKind.CARD_READER)
    assert _error(office.tablet(reader_key, reader.id).challenge()) == (403, "not_permitted")
    office.services.terminals.set_active(ADMIN, office.terminal.id, False)
    assert _error(tablet.challenge()) == (403, "terminal_disabled")
    rotated = office.services.terminals.rotate_key(ADMIN, office.terminal.id)
    assert _error(tablet.challenge()) == (401, "invalid_key")
    office.services.terminals.set_active(ADMIN, office.terminal.id, True)
    assert office.tablet(rotated.key).challenge().status_code == 200
    audited = [e.action for e in office.services.audit.entries(ADMIN) if e.action.startswith("security.")]
    assert audited == ["security.terminal_mismatch"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"terminal_id": True}, "terminal_id"),
        ({"terminal_id": 3.0}, "terminal_id"),
        ({"terminal_id": 0}, "terminal_id"),
        ({"terminal_id": "X3"}, "terminal_id"),
        ({"terminal_id": "ID", "employee_uid": 5}, "employee_uid"),
        ({"terminal_id": "ID", "employee_uid": "EMP-1", "ts": "1772517605123"}, "ts"),
        ({"terminal_id": "ID", "employee_uid": "EMP-1", "ts": 1.5}, "ts"),
        ({"terminal_id": "ID", "employee_uid": "EMP-1", "challenge_b64": "a" * 129}, "challenge_b64"),
        (
            {"terminal_id": "ID", "employee_uid": "EMP-1", "challenge_b64": "a", "signature_b64": False},
            "signature_b64",
        ),
    ],
)
def test_strict_fields_are_422_on_a_connection_that_stays_open(
    office: Office, body: dict[str, object], field: str
) -> None:
    body = {k: office.terminal.id if v == "ID" else v for k, v in body.items()}
    response = office.tablet().post(SCAN, body)
    assert response.status_code == 422
    assert list(response.json()) == ["ok", "error", "detail", "field"]
    assert (response.json()["error"], response.json()["field"]) == ("invalid_field", field)
    assert office.tablet().challenge().status_code == 200  # keep-alive survived


@pytest.mark.parametrize("raw", [b"abc", b"[1,2]", b'{"a":NaN}', b"\xff\xfe{}", b'"x"', b"[" * 60_000, b""])
def test_malformed_bodies_are_400(office: Office, raw: bytes) -> None:
    response = office.listener.client.post(SCAN, content=raw, headers={"X-Terminal-Key": office.key})
    assert _error(response) == (400, "malformed_json")


def test_large_bodies_are_413_and_unknown_or_legacy_routes_404(office: Office) -> None:
    big = gson_dumps({"terminal_id": office.terminal.id, "pad": "x" * 70_000})
    response = office.listener.client.post(SCAN, content=big, headers={"X-Terminal-Key": office.key})
    assert _error(response) == (413, "body_too_large")
    for path in ("/api/terminal/scan", "/api/terminal/register", "/admin", "/ws"):
        assert _error(office.listener.client.post(path, json={})) == (404, "not_found")
    assert _error(office.listener.client.get(SCAN)) == (405, "method_not_allowed")


def test_rate_limit_per_terminal_and_failed_keys_per_address(services: Services) -> None:
    _, key = add_terminal(services, "Entrance")
    # A slow refill (a token per 10 s): at 240 a minute, 41 requests had to fit in 250 ms on a loaded machine.
    options = ListenerOptions(requests_per_minute=6, burst=40, failed_auth_per_minute=20)
    with running_listener(services, options) as listener:
        headers = {"X-Terminal-Key": key}
        codes = [
            listener.client.post("/api/terminal/challenge", headers=headers).status_code for _ in range(41)
        ]
        assert codes == [200] * 40 + [429]
        limited = listener.client.post("/api/terminal/challenge", headers=headers)
        assert _error(limited) == (429, "rate_limited")
        assert 1 <= int(limited.headers["Retry-After"]) <= 15
        bad = [listener.client.post(SCAN, headers={"X-Terminal-Key": "nope"}).status_code for _ in range(21)]
        assert bad == [401] * 20 + [429]
    trips = [e.action for e in services.audit.entries(ADMIN) if e.action == "security.rate_limited"]
    assert trips == ["security.rate_limited"]


def test_challenges_answered_from_the_key_cache_keep_every_rule(services: Services) -> None:
    """With the key cached, /challenge is answered on the event loop: binding, capability, limit, audit."""
    terminal, key = add_terminal(services, "Entrance")
    reader, reader_key = add_terminal(services, "Door", TerminalKind.CARD_READER)
    options = ListenerOptions(requests_per_minute=1, burst=4, key_cache_seconds=60)
    with running_listener(services, options) as listener:

        def challenge(body: dict[str, object], with_key: str = key) -> httpx.Response:
            return listener.client.post(
                "/api/terminal/challenge", json=body, headers={"X-Terminal-Key": with_key}
            )

        first, cached = challenge({}), challenge({"terminal_id": f"T{terminal.id}"})
        assert (first.status_code, cached.status_code) == (200, 200)
        assert len(cached.json()["challenge_b64"]) == 43
        assert _error(challenge({"terminal_id": terminal.id + 1})) == (403, "terminal_mismatch")
        assert _error(challenge({"terminal_id": 0})) == (422, "invalid_field")
        assert _error(challenge({})) == (429, "rate_limited")  # the burst of 4 is spent
        assert _error(challenge({})) == (429, "rate_limited")
        assert challenge({}, reader_key).status_code == 403
        assert _error(challenge({}, reader_key)) == (403, "not_permitted")  # cached now
    audited = [e.action for e in services.audit.entries(ADMIN) if e.action.startswith("security.")]
    assert sorted(audited) == ["security.rate_limited", "security.terminal_mismatch"]
    assert services.terminal_health.health(terminal.id).requests_today == 4  # admitted ones only
    assert services.terminal_health.health(reader.id).requests_today == 2


def test_health_openapi_and_offline_docs(office: Office) -> None:
    client = office.listener.client
    health = client.get("/health")
    assert list(health.json()) == ["status", "app", "version", "server_time"]
    assert health.json()["status"] == "ok"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", health.json()["server_time"])
    schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert set(schema["paths"]) == {"/api/terminal/challenge", "/api/terminal/secure-scan",
                                    "/api/register/first-scan", "/api/nfc", "/health"}  # fmt: skip
    page = client.get("/docs").text
    assert "/openapi.json" in page
    assert not re.search(r"(src|href)=['\"]https?://", page), (
        "the docs page must not load anything from the internet"
    )
    for asset in re.findall(r"(?:src|href)=['\"](/docs/assets/[^'\"]+)", page):
        assert client.get(asset).status_code == 200
    assert client.get("/docs/assets/../../etc/passwd").status_code == 404


def test_storage_down_is_503_and_health_says_so(tmp_path: object) -> None:
    from fakes import FakeClock

    from timetracker_desktop.app import build_app as build_context

    unreachable = "mysql+pymysql://nobody:x@127.0.0.1:9/none?charset=utf8mb4"
    context = build_context(unreachable, clock=FakeClock(), bcrypt_rounds=4, upgrade=False)
    try:
        with running_listener(context.services) as listener:
            scan = listener.client.post(SCAN, json={}, headers={"X-Terminal-Key": "k" * 43})
            assert _error(scan) == (503, "database_unavailable")
            assert _error(listener.client.get("/health")) == (503, "database_unavailable")
    finally:
        context.close()


def test_sources_outside_the_allowed_networks_are_refused(services: Services) -> None:
    import ipaddress

    options = ListenerOptions(allowed_networks=(ipaddress.ip_network("192.168.0.0/16"),))
    with running_listener(services, options) as listener:
        assert _error(listener.client.get("/health")) == (403, "not_permitted")


def test_stop_frees_the_port_and_a_busy_port_is_a_clear_error(services: Services) -> None:
    import threading

    from timetracker_desktop.listener.app import build_app
    from timetracker_desktop.listener.server import ListenerServer, ListenerStartError

    before = set(threading.enumerate())
    with running_listener(services) as listener:
        port = listener.server.port
        with pytest.raises(ListenerStartError, match=f"port {port} is already in use"):
            ListenerServer(build_app(services), "127.0.0.1", port)
    assert set(threading.enumerate()) <= before
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))
