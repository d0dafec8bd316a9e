"""HTTP rules of /iclock: SN checks, 404s, body limit, text replies, OPERLOG users, 503 on storage failure."""

import pytest

from timetracker_desktop.repositories.ports.storage import StorageCause, StorageUnavailableError

from .conftest import AdmsOffice


@pytest.mark.parametrize(
    "path",
    ["/iclock/cdata", "/iclock/cdata?SN=", "/iclock/cdata?SN=../etc", "/iclock/getrequest?SN=a%20b",
     "/iclock/ping?SN=" + "x" * 65],
)  # fmt: skip
def test_a_missing_or_malformed_serial_is_400(adms: AdmsOffice, path: str) -> None:
    reply = adms.listener.client.get(path)
    assert (reply.status_code, reply.json()["error"]) == (400, "invalid_serial")


def test_push_3_routes_are_404_and_other_tables_ok(adms: AdmsOffice) -> None:
    client = adms.listener.client
    assert client.get("/iclock/registry?SN=A1").status_code == 404
    assert client.post("/iclock/registry?SN=A1", content=b"x").status_code == 404
    assert client.post("/iclock/push?SN=A1", content=b"x").status_code == 404
    adms.enrol("A1")
    for table in ("ATTPHOTO", "options", "BIODATA"):
        reply = client.post(f"/iclock/cdata?SN=A1&table={table}", content=b"whatever\n")
        assert (reply.status_code, reply.text) == (200, "OK")
    ping = client.get("/iclock/ping?SN=A1")
    assert (ping.status_code, ping.text, ping.headers["content-type"]) == (
        200,
        "OK",
        "text/plain; charset=utf-8",
    )


def test_operlog_counts_lines_and_keeps_users_without_secrets(adms: AdmsOffice) -> None:
    adms.enrol("OP1")
    body = (
        "USER PIN=1\tName=Олена\tPri=0\tPasswd=1234\tCard=[15CD5B07]\tGrp=1\tTZ=0001000100000000\n"
        "FP PIN=1\tFID=6\tSize=1184\tValid=1\tTMP=ocosgoulTUEdNKVRwRQ0I27BDTEkdMEONK9KQQ0=\n"
        "OPLOG 4\t0\t2026-03-02 08:00:00\t0\t0\t0\t0\n"
    )
    reply = adms.listener.client.post("/iclock/cdata?SN=OP1&table=OPERLOG&Stamp=77", content=body.encode())
    assert (reply.status_code, reply.text) == (200, "OK: 3")
    detail = adms.services.adms_admin.detail(adms.stored("OP1").id)
    (user,) = detail.users
    assert (user.pin, user.name, user.card, user.privilege) == ("1", "Олена", "[15CD5B07]", "0")
    assert "1234" not in repr(detail)
    assert "ocosgoul" not in repr(detail)
    assert adms.stored("OP1").operlog_stamp == "77"
    handshake = adms.listener.client.get("/iclock/cdata?SN=OP1&options=all")
    assert "OPERLOGStamp=77" in handshake.text.split("\n")


def test_bodies_over_10_mib_are_413_and_bad_bytes_never_5xx(adms: AdmsOffice) -> None:
    adms.enrol("BIG1")
    client = adms.listener.client
    big = client.post("/iclock/cdata?SN=BIG1&table=ATTLOG", content=b"1\t2026-03-02 08:00:00\n" * 500_000)
    assert (big.status_code, big.json()["error"]) == (413, "body_too_large")
    odd = client.post("/iclock/cdata?SN=BIG1&table=ATTLOG", content=b"\xff\xfe\x00garbage\n\xc3\x28\t\t\n")
    assert (odd.status_code, odd.text) == (200, "OK: 2")
    assert client.get("/iclock/ping?SN=BIG1").status_code == 200  # keep-alive survived


def test_storage_failure_is_503_so_the_device_resends(
    adms: AdmsOffice, monkeypatch: pytest.MonkeyPatch
) -> None:
    adms.enrol("DOWN1")

    def unavailable(*args: object) -> None:
        raise StorageUnavailableError(StorageCause.SERVER_UNREACHABLE)

    monkeypatch.setattr(adms.services.adms, "upload_attlog", unavailable)
    reply = adms.listener.client.post(
        "/iclock/cdata?SN=DOWN1&table=ATTLOG", content=b"1\t2026-03-02 08:00:00\t0\n"
    )
    assert (reply.status_code, reply.json()["error"]) == (503, "database_unavailable")
