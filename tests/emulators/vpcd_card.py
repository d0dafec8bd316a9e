"""Virtual cards for the vpcd driver: connecting to its port inserts the card, closing removes it."""

import contextlib
import logging
import socket
import struct
import threading
import time
from collections.abc import Callable

from emulators.badge_phone import SW_OK, BadgePhone

logger = logging.getLogger(__name__)

ATR = bytes.fromhex("3B80800101")
DEFAULT_PORT = 40001
GET_UID = bytes.fromhex("FFCA000000")
GET_RESPONSE_HEADER = bytes.fromhex("00C00000")
SELECT_HEADER = bytes.fromhex("00A404")
SW_NOT_FOUND = bytes.fromhex("6A82")
SW_INS_NOT_SUPPORTED = bytes.fromhex("6D00")
CONTROL_ATR = 4
_FRAME_HEADER = struct.Struct(">H")

Responder = Callable[[bytes], bytes]


def plain_card(uid: bytes) -> Responder:
    """A contactless card: answers GET DATA UID, refuses SELECT with 6A 82 and the rest with 6D 00."""

    def respond(apdu: bytes) -> bytes:
        if apdu == GET_UID:
            return uid + SW_OK
        if apdu.startswith(SELECT_HEADER):
            return SW_NOT_FOUND
        return SW_INS_NOT_SUPPORTED

    return respond


def phone_card(phone: BadgePhone, uid: bytes = bytes.fromhex("08A1B2C3")) -> Responder:
    """A phone running the badge app: the reader answers GET DATA UID with a random ID, the app the rest."""

    def respond(apdu: bytes) -> bytes:
        return uid + SW_OK if apdu == GET_UID else phone.respond(apdu)

    return respond


def truncating_reader(inner: Responder, limit: int = 256) -> Responder:
    """A reader that cuts every response to ``limit`` bytes, as some short-APDU-only readers do."""
    return lambda apdu: inner(apdu)[:limit]


class VpcdCard:
    """One presentation of a card to the vpcd reader slot at ``port``.

    ``vanish_after`` closes the connection instead of answering the C-APDU with that 1-based index,
    like a card pulled away in the middle of a read. ``first_apdu_at`` (``perf_counter``) is when the
    reader started talking to the card, for benchmarks.
    """

    def __init__(
        self, respond: Responder, *, port: int = DEFAULT_PORT, vanish_after: int | None = None
    ) -> None:
        self.apdus: list[bytes] = []
        self.first_apdu_at: float | None = None
        self.removed = threading.Event()
        self._respond = respond
        self._port = port
        self._vanish_after = vanish_after
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def insert(self) -> None:
        """Connect to vpcd: the reader sees the card at its next poll."""
        self._sock = socket.create_connection(("127.0.0.1", self._port), timeout=5)
        self._sock.settimeout(None)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._thread = threading.Thread(target=self._serve, name="vpcd-card", daemon=True)
        self._thread.start()

    def remove(self, timeout: float = 5.0) -> None:
        """Disconnect: the reader sees an empty slot at its next poll."""
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RDWR)
            self._sock.close()
        if self._thread is not None:
            self._thread.join(timeout)
        self.removed.set()

    def __enter__(self) -> "VpcdCard":
        self.insert()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.remove()

    def _serve(self) -> None:
        sock = self._sock
        assert sock is not None
        try:
            while (payload := _read_frame(sock)) is not None:
                reply = self._handle(payload)
                if reply is None and len(payload) > 1:
                    break
                if reply is not None:
                    sock.sendall(_FRAME_HEADER.pack(len(reply)) + reply)
        except OSError as exc:
            logger.debug("vpcd card connection ended: %s", exc)
        finally:
            sock.close()
            self.removed.set()

    def _handle(self, payload: bytes) -> bytes | None:
        if len(payload) == 1:
            return ATR if payload[0] == CONTROL_ATR else None
        self.apdus.append(payload)
        if self.first_apdu_at is None:
            self.first_apdu_at = time.perf_counter()
        if self._vanish_after is not None and len(self.apdus) >= self._vanish_after:
            return None
        return self._respond(payload)


def _read_frame(sock: socket.socket) -> bytes | None:
    header = _read_exactly(sock, _FRAME_HEADER.size)
    if header is None:
        return None
    return _read_exactly(sock, _FRAME_HEADER.unpack(header)[0])


def _read_exactly(sock: socket.socket, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        # vpcd writes the length and the payload separately: acknowledge at once, or Nagle adds 40 ms
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        chunk = sock.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def chaining_reader(inner: Responder, chunk: int = 256) -> Responder:
    """A reader that hands out long responses in ``chunk``-byte pieces behind 61 xx and GET RESPONSE."""
    pending = b""

    def respond(apdu: bytes) -> bytes:
        nonlocal pending
        if apdu[:4] != GET_RESPONSE_HEADER:
            pending = inner(apdu)
        piece, pending = pending[:chunk], pending[chunk:]
        if not pending:
            return piece
        return piece + bytes((0x61, min(len(pending), chunk) % 256))

    return respond
