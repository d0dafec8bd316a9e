"""``GuardedHttpProtocol``: uvicorn's httptools protocol with limits on a request head: size, count, time."""

import asyncio
import json
import logging

import httptools
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger(__name__)
MAX_HEAD_BYTES = 32 * 1024  # request line and headers; a terminal sends < 1 KiB, a browser on /docs < 8 KiB
MAX_HEADERS = 64
HEAD_TIMEOUT_S = 10.0  # a head dribbled byte by byte (slowloris) holds a connection no longer than this
_REFUSAL = json.dumps(
    {"ok": False, "error": "headers_too_large", "detail": "the request headers are too large or too many"}
).encode()


class _HeadTooLargeError(Exception):
    """Raised inside a parser callback to stop parsing a head past its limits."""


class GuardedHttpProtocol(HttpToolsProtocol):
    """Refuses with 431 and closes a connection whose request head passes ``MAX_HEAD_BYTES`` or
    ``MAX_HEADERS``, and closes one whose head takes more than ``HEAD_TIMEOUT_S`` to arrive.

    uvicorn sets no such limit for httptools: four unfinished 48 MB headers cost 220 MB of memory. The
    bytes are counted as they arrive, so at most one read (256 KiB) past the limit is ever held.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._in_head = True
        self._head_bytes = 0
        self._head_count = 0
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start the head timer of the first request."""
        super().connection_made(transport)
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        """Drop the head timer."""
        self._disarm_head_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        """Feed the parser; refuse the head once it is past the limits."""
        self._unset_keepalive_if_required()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserCallbackError as error:
            if isinstance(error.__context__, _HeadTooLargeError):
                self._refuse_head()
                return
            self._invalid()
            return
        except httptools.HttpParserError:
            self._invalid()
            return
        except httptools.HttpParserUpgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()
            return
        if self._in_head:
            self._head_bytes += len(data)
            if self._head_bytes > MAX_HEAD_BYTES:
                self._refuse_head()

    def _invalid(self) -> None:
        message = "Invalid HTTP request received."
        self.logger.warning(message)
        self.send_400_response(message)

    def on_message_begin(self) -> None:
        """A new request: count its head from zero."""
        super().on_message_begin()
        self._in_head, self._head_bytes, self._head_count = True, 0, 0
        if self._head_timer is None:
            self._arm_head_timer()

    def on_header(self, name: bytes, value: bytes) -> None:
        """Count the header; past ``MAX_HEADERS`` stop parsing."""
        self._head_count += 1
        if self._head_count > MAX_HEADERS:
            raise _HeadTooLargeError
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        """The head is in: no more limits or timer until the next request."""
        self._in_head, self._head_bytes = False, 0
        self._disarm_head_timer()
        super().on_headers_complete()

    def _arm_head_timer(self) -> None:
        self._disarm_head_timer()
        self._head_timer = self.loop.call_later(HEAD_TIMEOUT_S, self._head_too_slow)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if self._in_head and not self.transport.is_closing():
            log.info("closed a connection from %s: its request head took over %.0f s", _host(self.client),
                     HEAD_TIMEOUT_S, extra={"source": _host(self.client)})  # fmt: skip
            self.transport.close()

    def _refuse_head(self) -> None:
        log.info("refused a request head over the limits from %s", _host(self.client),
                 extra={"source": _host(self.client)})  # fmt: skip
        if self.cycle is None or self.cycle.response_complete:
            self.transport.write(
                b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
                b"content-type: application/json; charset=utf-8\r\n"
                b"content-length: "
                + str(len(_REFUSAL)).encode()
                + b"\r\nconnection: close\r\n\r\n"
                + _REFUSAL
            )
        self.transport.close()


def _host(client: tuple[str, int] | None) -> str | None:
    return client[0] if client else None
