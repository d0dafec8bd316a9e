"""The HTTP edge without a credential (issue 13 E, G): head limits, concurrency, proxy headers, bodies read
after the key, client disconnects, the log budget, trailing slashes and keep-alive after an error."""

import contextlib
import logging
import resource
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from listener_support import RunningListener, add_terminal, running_listener

from timetracker_desktop.domain.terminals import TerminalKind
from timetracker_desktop.listener import http_protocol
from timetracker_desktop.listener.options import ListenerOptions
from timetracker_desktop.logging_setup import BUDGET_PER_MINUTE, close_logging, configure_logging
from timetracker_desktop.services.container import Services

# The edge does not depend on the database engine: SQLite only.
pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
NFC_HEAD = "POST /api/nfc HTTP/1.1\r\nHost: office\r\nContent-Type: application/json\r\n"


@pytest.fixture
def edge(services: Services) -> Iterator[RunningListener]:
    """A listener with its default limits (except rate limits: the tests send many requests)."""
    options = ListenerOptions(requests_per_minute=60_000, burst=10_000, failed_auth_per_minute=10_000)
    with running_listener(services, options) as running:
        yield running


def _connect(listener: RunningListener) -> socket.socket:
    sock = socket.create_connection((listener.server.host, listener.server.port), timeout=10)
    return sock


def _read_reply(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 reply with a Content-Length body: status, headers (lower-case), body."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"connection closed after {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict((k.strip().lower(), v.strip()) for k, v in (line.split(":", 1) for line in lines[1:]))
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        assert chunk, "connection closed mid-body"
        body += chunk
    return int(lines[0].split()[1]), headers, body


def _closed_by_server(sock: socket.socket, within: float) -> bool:
    sock.settimeout(within)
    try:
        while sock.recv(65536):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        pass
    return True


def _rss_mb() -> float:
    """This process's resident memory now (the server runs on a thread of it)."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20


def test_an_oversize_head_is_431_and_costs_no_memory(edge: RunningListener) -> None:
    with _connect(edge) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: office\r\nX-Big: " + b"a" * (40 * 1024))
        status, headers, body = _read_reply(sock)
        assert (status, headers["connection"]) == (431, "close")
        assert b"headers_too_large" in body
        assert _closed_by_server(sock, 5)
    big = b"GET /health HTTP/1.1\r\nX-Big: " + b"a" * (16 * 1024 * 1024)
    before = _rss_mb()
    held = [_connect(edge) for _ in range(4)]  # the report's four unfinished 48 MB headers, 16 MB here
    try:
        for sock in held:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # refused long before the end
                sock.sendall(big)
        time.sleep(0.3)
        assert _rss_mb() - before < 40  # unguarded, the server held all 64 MB while the connections stay
    finally:
        for sock in held:
            sock.close()
    assert edge.client.get("/health").status_code == 200


def test_too_many_headers_are_431(edge: RunningListener) -> None:
    many = "".join(f"X-H{n}: v\r\n" for n in range(http_protocol.MAX_HEADERS + 1))
    with _connect(edge) as sock:
        sock.sendall(f"GET /health HTTP/1.1\r\nHost: office\r\n{many}\r\n".encode())
        assert _read_reply(sock)[0] == 431


def test_a_head_dribbled_slowly_is_cut_off(edge: RunningListener, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(http_protocol, "HEAD_TIMEOUT_S", 0.5)
    with _connect(edge) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: off")
        assert _closed_by_server(sock, 5)
    assert edge.client.get("/health").status_code == 200  # a whole head in time is served


def test_concurrency_beyond_the_limit_is_503(services: Services) -> None:
    with running_listener(services, ListenerOptions(max_concurrency=2)) as listener:
        idle = [_connect(listener) for _ in range(2)]
        try:
            time.sleep(0.2)
            assert listener.client.get("/health").status_code == 503
        finally:
            for sock in idle:
                sock.close()
        time.sleep(0.2)
        assert listener.client.get("/health").status_code == 200


def test_forwarded_for_is_ignored_unless_the_proxy_is_trusted(services: Services) -> None:
    public = {"X-Forwarded-For": "8.8.8.8"}  # outside the default private networks: refused if believed
    with running_listener(services) as listener:
        assert listener.client.get("/health", headers=public).status_code == 200
    with running_listener(services, ListenerOptions(trusted_proxies=("127.0.0.1",))) as listener:
        assert listener.client.get("/health", headers=public).status_code == 403


def test_the_key_is_checked_before_the_body_is_read(edge: RunningListener) -> None:
    with _connect(edge) as sock:  # announces 60 KiB, sends none: refused at once, nothing read
        sock.sendall(f"{NFC_HEAD}X-Terminal-Key: wrong\r\nContent-Length: 60000\r\n\r\n".encode())
        status, _, body = _read_reply(sock)
        assert (status, b"invalid_key" in body) == (401, True)


def test_a_client_gone_mid_body_is_one_info_line(
    services: Services, edge: RunningListener, caplog: pytest.LogCaptureFixture
) -> None:
    _, key = add_terminal(services, "Door")
    caplog.set_level(logging.INFO)
    with _connect(edge) as sock:
        sock.sendall(f'{NFC_HEAD}X-Terminal-Key: {key}\r\nContent-Length: 500\r\n\r\n{{"nfc_uid":'.encode())
        time.sleep(0.3)
    deadline = time.monotonic() + 5
    while not [r for r in caplog.records if "went away" in r.getMessage()] and time.monotonic() < deadline:
        time.sleep(0.05)
    gone = [r for r in caplog.records if "went away" in r.getMessage()]
    assert [(r.levelno, r.exc_info) for r in gone] == [(logging.INFO, None)]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_trailing_slashes_are_404_without_a_redirect(edge: RunningListener) -> None:
    for method, path in (("GET", "/health/"), ("POST", "/api/nfc/"), ("POST", "/api/terminal/challenge/")):
        reply = edge.client.request(method, path, headers={"Host": "evil.example"})
        assert (reply.status_code, reply.json()["error"]) == (404, "not_found")
        assert "location" not in reply.headers


def test_keep_alive_survives_a_4xx_and_a_500(
    services: Services, edge: RunningListener, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, key = add_terminal(services, "Door", TerminalKind.CARD_READER)

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(services.scans, "card_scan", broken)
    body = b'{"nfc_uid":"0A0B0C0D"}'
    with _connect(edge) as sock:
        sock.sendall(f"{NFC_HEAD}Content-Length: {len(body)}\r\n\r\n".encode() + body)  # no key
        assert _read_reply(sock)[0] == 401
        sock.sendall(
            f"{NFC_HEAD}X-Terminal-Key: {key}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
        )
        status, headers, reply = _read_reply(sock)
        assert (status, b"internal_error" in reply, headers.get("connection")) == (500, True, None)
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: office\r\n\r\n")
        assert _read_reply(sock)[0] == 200  # the same connection


def test_a_flood_of_bad_keys_cannot_rotate_the_evidence_away(edge: RunningListener, tmp_path: Path) -> None:
    log_file = configure_logging(folder=tmp_path, console=False, name="listener.log")
    try:
        other = httpx.HTTPTransport(local_address="127.0.0.2")  # another loopback address: another source
        with httpx.Client(base_url=edge.server.url, transport=other) as neighbour:
            assert neighbour.post("/api/nfc", headers={"X-Terminal-Key": "guess"}, json={}).status_code == 401
        for _ in range(BUDGET_PER_MINUTE * 3):
            edge.client.post("/api/nfc", headers={"X-Terminal-Key": "flood"}, content=b"x")
    finally:
        close_logging()
    lines = [line for line in log_file.read_text().splitlines() if "invalid terminal key" in line]
    assert sum("from 127.0.0.2" in line for line in lines) == 1  # the earlier evidence is still there
    flood = [line for line in lines if "from 127.0.0.1" in line]
    assert len(flood) == BUDGET_PER_MINUTE
    assert "suppressed for a minute" in flood[-1]


def test_a_route_stuck_on_storage_gets_503_from_the_backstop(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def stuck(*args: object) -> None:  # an /iclock call whose database froze
        release.wait(10)

    monkeypatch.setattr(services.adms, "ping", stuck)
    with running_listener(services, ListenerOptions(storage_wait_seconds=1.0)) as listener:
        try:
            started = time.monotonic()
            reply = listener.client.get("/iclock/ping?SN=DOOR1")
            took = time.monotonic() - started
        finally:
            release.set()
        assert (reply.status_code, reply.json()["error"]) == (503, "database_unavailable")
        assert reply.headers["Retry-After"] == "5"
        assert took < 2.5
        assert listener.client.get("/health").status_code == 200
