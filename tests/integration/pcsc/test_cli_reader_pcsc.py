"""`reader list`, `reader read` and `employee enroll --from-reader` run as a user would, on real pcscd."""

import json
import subprocess
import sys

import pytest
from emulators.badge_phone import BadgePhone, session_key
from emulators.vpcd_card import VpcdCard, phone_card, plain_card
from pcsc_support import Pcscd

pytestmark = pytest.mark.pcsc
SEVEN_BYTE_UID = bytes.fromhex("04A2B3C4D5E680")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line."""
    argv = [sys.executable, "-m", "timetracker_desktop", *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)


def test_reader_list_and_read_a_seven_byte_card(pcscd: Pcscd) -> None:
    listed = cli("reader", "list", "--json")
    assert json.loads(listed.stdout) == [pcscd.reader, "TT Virtual NFC 00 01"]
    with VpcdCard(plain_card(SEVEN_BYTE_UID)):
        result = cli("reader", "read", "--reader", pcscd.reader, "--timeout", "5", "--json")
    pcscd.wait_until_empty()
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["uid"] == "04A2B3C4D5E680"
    assert data["reversed"] == "80E6D5C4B3A204"
    assert data["decimal_le"] == str(int.from_bytes(SEVEN_BYTE_UID, "little"))


def test_reader_read_times_out_with_a_clear_message(pcscd: Pcscd) -> None:
    result = cli("reader", "read", "--timeout", "1")
    assert result.returncode == 1
    assert "no tap before the timeout" in result.stdout


def test_employee_enroll_from_reader_card_then_phone(pcscd: Pcscd, db_url: str) -> None:
    olena = cli("employee", "add", "--name", "Олена Коваль", "--db", db_url).stdout.strip()
    ivan = cli("employee", "add", "--name", "Іван Шевченко", "--db", db_url).stdout.strip()
    with VpcdCard(plain_card(bytes.fromhex("15CD5B07"))):
        first = cli("employee", "enroll", olena, "--from-reader", "--timeout", "5", "--db", db_url)
        taken = cli("employee", "enroll", ivan, "--from-reader", "--timeout", "5", "--db", db_url)
    pcscd.wait_until_empty()
    assert first.returncode == 0, first.stderr
    assert "created for employee" in first.stdout
    assert taken.returncode == 1
    assert "belongs to Олена Коваль" in taken.stderr
    phone = BadgePhone("EMP-1A2B3C4D", session_key(0))
    with VpcdCard(phone_card(phone)):
        enrolled = cli(
            "employee", "enroll", ivan, "--from-reader", "--timeout", "5", "--json", "--db", db_url
        )
    pcscd.wait_until_empty()
    assert enrolled.returncode == 0, enrolled.stderr
    data = json.loads(enrolled.stdout)
    assert (data["code"], data["verified"], data["result"]) == ("EMP-1A2B3C4D", True, "created")


def test_a_phone_that_signs_wrongly_is_not_enrolled(pcscd: Pcscd, db_url: str) -> None:
    olena = cli("employee", "add", "--name", "Олена Коваль", "--db", db_url).stdout.strip()
    liar = BadgePhone("EMP-0000BEEF", session_key(0), signing_key=session_key(1))
    with VpcdCard(phone_card(liar)):
        result = cli("employee", "enroll", olena, "--from-reader", "--timeout", "5", "--db", db_url)
    pcscd.wait_until_empty()
    assert result.returncode == 1
    assert "NOT VERIFIED" in result.stderr
    listed = json.loads(cli("employee", "list", "--json", "--db", db_url).stdout)
    assert len(listed) == 1
