"""What else holds with several processes on one database: challenges, a killed process, the GUI's child."""

import threading
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import httpx
import pytest
from emulators.android_terminal import AndroidTerminal, sign_challenge
from emulators.badge_phone import BadgePhone, session_key
from emulators.zkteco_device import ZkDevice
from fakes import ADMIN
from listener_support import ROOMY_PROCESS, RunningListener, add_terminal, staff_office
from serve_processes import serve_processes

from timetracker_desktop.app import AppContext, start_listener
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.terminals import DirectionMode, TerminalKind
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.zkteco.dto import DeviceCommand

pytestmark = pytest.mark.slow


def test_a_challenge_from_one_process_is_redeemed_once_at_another(
    real_time_context: AppContext, db_url: str, tmp_path: Path
) -> None:
    with (
        serve_processes(db_url, tmp_path, 2) as (first, second),
        httpx.Client(base_url=first.url, timeout=30) as a,
        httpx.Client(base_url=second.url, timeout=30) as b,
    ):
        office = staff_office(real_time_context.services, RunningListener(first, a))  # type: ignore[arg-type]
        at_a, at_b = office.tablet(), AndroidTerminal(b, office.key, office.terminal.id)
        challenge = at_a.challenge().json()["challenge_b64"]
        body = {
            "employee_uid": "EMP-1A2B3C4D", "terminal_id": office.terminal.id,
            "challenge_b64": challenge, "signature_b64": sign_challenge(office.olena_phone, challenge),
        }  # fmt: skip
        assert at_b.post("/api/terminal/secure-scan", body).json()["message"] == "Registered IN"
        for replay in (at_a, at_b):
            assert replay.post("/api/terminal/secure-scan", body).json()["message"] == "invalid_challenge"
        # And the other way round, each process issuing for the other.
        back = at_b.challenge().json()["challenge_b64"]
        body |= {"challenge_b64": back, "signature_b64": sign_challenge(office.olena_phone, back)}
        assert at_a.post("/api/terminal/secure-scan", body).json()["message"].startswith("cooldown_wait_")
        assert at_b.post("/api/terminal/secure-scan", body).json()["message"] == "invalid_challenge"


def test_one_process_killed_under_load_loses_nothing_it_acknowledged(
    real_time_context: AppContext, db_url: str, tmp_path: Path
) -> None:
    services = real_time_context.services
    cards = [f"{0x20000000 + n:08X}" for n in range(36)]  # within the burst of a terminal (40)
    for n, card in enumerate(cards):
        services.employees.add_employee(ADMIN, EmployeeDraft(f"Працівник {n:02d}", card_uid=card))
    doors = [add_terminal(services, f"Двері {n}", TerminalKind.CARD_READER) for n in (1, 2)]
    acknowledged: list[int] = []
    with serve_processes(db_url, tmp_path, 2) as servers:
        clients = [httpx.Client(base_url=s.url, timeout=30) for s in servers]
        killed = threading.Event()

        def tap(side: int) -> None:
            for n, card in enumerate(cards):
                if side == 0 and n == len(cards) // 2:
                    servers[0].kill()  # mid-stream, with requests of the other side in flight
                    killed.set()
                try:
                    reply = clients[side].post(
                        "/api/nfc", json={"nfc_uid": card, "event_id": f"s{side}-{n}"},
                        headers={"X-Terminal-Key": doors[side][1]},
                    )  # fmt: skip
                except httpx.TransportError:
                    continue  # the killed process: never acknowledged
                if reply.status_code == 200 and reply.json()["status"] == "recorded":
                    acknowledged.append(int(reply.json()["punch_id"]))

        threads = [threading.Thread(target=tap, args=(side,)) for side in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert killed.is_set()
        after = clients[1].post("/api/nfc", json={"nfc_uid": cards[0], "event_id": "after"},
                                headers={"X-Terminal-Key": doors[1][1]})  # fmt: skip
        assert after.status_code == 200, after.text  # the other keeps serving
        for client in clients:
            client.close()
    assert len(acknowledged) >= len(cards) // 2
    with services.uow(read_only=True) as uow:
        missing = [punch_id for punch_id in acknowledged if uow.punches.get(punch_id) is None]
    assert missing == []


def test_the_guis_listener_process_beside_a_service_on_another_port(
    real_time_context: AppContext, db_url: str, tmp_path: Path
) -> None:
    heard: list[object] = []
    child = start_listener(real_time_context, "127.0.0.1", 0, heard.append, heard.append, ROOMY_PROCESS)
    try:
        with (
            serve_processes(db_url, tmp_path, 1) as (service,),
            httpx.Client(base_url=child.url, timeout=30) as gui_side,
            httpx.Client(base_url=service.url, timeout=30) as service_side,
        ):
            office = staff_office(real_time_context.services, RunningListener(child, gui_side))
            on_service = AndroidTerminal(service_side, office.key, office.terminal.id)
            assert on_service.scan(office.olena_phone).json()["message"] == "Registered IN"
            again = office.tablet().scan(office.olena_phone).json()["message"]
            assert again.startswith("cooldown_wait_")  # the child decided after the service, once
    finally:
        child.stop()


def test_one_phone_enrolled_at_two_processes_at_once_keeps_one_key(
    real_time_context: AppContext, db_url: str, tmp_path: Path
) -> None:
    services = real_time_context.services
    codes = [f"EMP-{0xA0000000 + n:08X}" for n in range(10)]
    for n, code in enumerate(codes):
        services.employees.add_employee(ADMIN, EmployeeDraft(f"Працівник {n:02d}", phone_code=code))
    terminal, key = add_terminal(services, "Вхід")
    services.terminals.open_enrollment(ADMIN, terminal.id, 30)
    with (
        serve_processes(db_url, tmp_path, 2) as servers,
        httpx.Client(base_url=servers[0].url, timeout=30) as a,
        httpx.Client(base_url=servers[1].url, timeout=30) as b,
    ):
        tablets = [AndroidTerminal(client, key, terminal.id) for client in (a, b)]
        # Two phones claiming each code (the second an impostor's): the first key stored must stay.
        phones = {
            code: [BadgePhone(code, session_key(0)), BadgePhone(code, session_key(1))] for code in codes
        }
        barriers = {code: threading.Barrier(2) for code in codes}

        def enroll(side: int, code: str) -> tuple[str, int, str]:
            phone = phones[code][side]
            barriers[code].wait(timeout=30)
            reply = tablets[side].first_scan(phone)
            return code, reply.status_code, phone.public_key_b64

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(lambda job: enroll(*job), [(s, c) for c in codes for s in (0, 1)]))
    saved = {code: stored for code, status, stored in results if status == 200}
    assert sorted(saved) == sorted(codes)  # exactly one 200 per code...
    assert sorted(status for _, status, _ in results) == [200] * len(codes) + [409] * len(codes)
    with services.uow(read_only=True) as uow:
        for code, winner in saved.items():
            badge = uow.badges.find_active(BadgeKind.PHONE, code.removeprefix("EMP:"))
            assert badge is not None
            assert badge.public_key_b64 == winner  # ...and its key is the one kept


def test_a_zkteco_command_is_handed_out_once_to_a_device_polling_two_processes(
    real_time_context: AppContext, db_url: str, tmp_path: Path
) -> None:
    services = real_time_context.services
    with (
        serve_processes(db_url, tmp_path, 2) as servers,
        httpx.Client(base_url=servers[0].url, timeout=30) as a,
        httpx.Client(base_url=servers[1].url, timeout=30) as b,
    ):
        devices = [ZkDevice(client, "CQZ7232760123") for client in (a, b)]
        assert devices[0].handshake().status_code == 200
        with services.uow(read_only=True) as uow:
            stored = uow.adms.by_serial("CQZ7232760123")
        assert stored is not None
        services.adms_admin.approve(ADMIN, stored.id, direction_mode=DirectionMode.DEVICE)
        for _ in range(5):  # five rounds: each command queued once, both processes polled at once
            services.adms_admin.queue_command(ADMIN, stored.id, DeviceCommand.INFO)
            with ThreadPoolExecutor(max_workers=2) as pool:
                polled = pool.map(partial(_poll_together, threading.Barrier(2)), devices)
                handed = [command for commands in polled for command in commands]
            assert len(handed) == 1, handed


def _poll_together(start: threading.Barrier, device: ZkDevice) -> list[tuple[str, str]]:
    """``getrequest`` at the same moment as the other device thread."""
    start.wait(timeout=30)
    return device.poll()
