"""What ``/iclock`` admits: no browser-made request, per-device and per-address rates, bounded batches."""

from starlette.requests import Request

from timetracker_desktop.domain.zkteco import is_valid_serial, non_blank_lines
from timetracker_desktop.listener.options import ListenerOptions
from timetracker_desktop.listener.replies import ProtocolError
from timetracker_desktop.listener.security import TokenBuckets, client_address, rate_limited
from timetracker_desktop.services.zkteco.dto import MAX_LINES_PER_REQUEST, DeviceCall

# A web page can make a browser post here (a form, fetch with no-cors), but the browser then names the page
# (Origin, Referer), sends its cookies or its fetch metadata; ZKTeco firmware sends none of these.
BROWSER_HEADERS = ("origin", "referer", "cookie", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest")
# Bodies a form or a script sends; firmware posts text/plain, application/push or no type at all.
_BROWSER_TYPES = ("application/x-www-form-urlencoded", "multipart/", "application/json")


def canonical_address(host: str | None) -> str | None:
    """The client address as pinned: IPv4-mapped IPv6 as IPv4, zone index dropped."""
    address = client_address(host)
    return host if address is None else str(address)


def refuse_browsers(request: Request) -> None:
    """403 for requests carrying a browser's headers, 415 for a browser's body types."""
    present = [name for name in BROWSER_HEADERS if name in request.headers]
    if present:
        raise ProtocolError(
            403, "browser_request", f"ZKTeco devices send no {present[0].title()} header; refused"
        )
    kind = request.headers.get("content-type", "").strip().lower()
    if kind.startswith(_BROWSER_TYPES) or kind.split(";", 1)[0].endswith("+json"):
        raise ProtocolError(415, "unsupported_media_type", f"{kind.split(';', 1)[0]} is not a device upload")


def check_lines(body: str) -> None:
    """413 for more lines than firmware ever posts at once (nothing is stored; see MAX_LINES_PER_REQUEST)."""
    if body.count("\n") >= MAX_LINES_PER_REQUEST and len(non_blank_lines(body)) > MAX_LINES_PER_REQUEST:
        raise ProtocolError(
            413, "too_many_lines", f"at most {MAX_LINES_PER_REQUEST} lines per request; send smaller batches"
        )


class DeviceGuard:
    """Admits ``/iclock`` requests: browser requests refused, then rate limits per address and per serial."""

    def __init__(self, options: ListenerOptions) -> None:
        self._devices = TokenBuckets(options.device_requests_per_minute, options.device_burst)
        self._addresses = TokenBuckets(options.address_requests_per_minute, options.address_burst)

    def admit(self, request: Request) -> DeviceCall:
        """The caller's SN (400 when missing or malformed) and address; 403/415 browsers, 429 over a rate."""
        refuse_browsers(request)
        serial = request.query_params.get("SN", "")
        if not is_valid_serial(serial):
            raise ProtocolError(400, "invalid_serial", "SN must be 1-64 letters, digits, '_' or '-'")
        address = canonical_address(request.client.host if request.client else None)
        wait = self._addresses.take(address) or self._devices.take(serial)
        if wait:
            raise rate_limited(wait)
        return DeviceCall(serial, address)
