"""Who may talk to the listener: source addresses, terminal keys, rate limits (H1, H6, H7)."""

import functools
import ipaddress
import logging
import threading
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

from timetracker_desktop.domain.audit import AuditAction
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.listener.options import IpNetwork, ListenerOptions
from timetracker_desktop.listener.replies import ProtocolError, error_reply
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.terminals.keys import hash_key

log = logging.getLogger(__name__)
MAX_CACHED_KEYS = 1024


def client_address(host: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """A client's address, IPv4-mapped IPv6 as IPv4 and any zone index dropped; None when unparseable."""
    if host is None:
        return None
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


@functools.lru_cache(maxsize=1024)
def source_allowed(host: str | None, networks: tuple[IpNetwork, ...] | None) -> bool:
    """Whether a client address may use the listener (kept per address: terminals keep theirs)."""
    address = client_address(host)
    if address is None:
        return False
    if networks is None:
        return address.is_private or address.is_link_local or address.is_loopback
    return any(address in network for network in networks)


class SourceFilter:
    """ASGI middleware: requests from addresses outside the allowed networks get 403 before anything else."""

    def __init__(self, app: ASGIApp, networks: tuple[IpNetwork, ...] | None = None) -> None:
        self._app = app
        self._networks = networks

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass allowed requests on."""
        client = scope.get("client")
        if scope["type"] == "http" and not source_allowed(client[0] if client else None, self._networks):
            refusal = ProtocolError(403, "not_permitted", "this address may not use the listener")
            await error_reply(refusal)(scope, receive, send)
            return
        await self._app(scope, receive, send)


class TokenBuckets:
    """Token buckets per key: ``capacity`` tokens, refilled at ``per_minute``; thread-safe."""

    def __init__(
        self, per_minute: float, capacity: float, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._rate = per_minute / 60.0
        self._capacity = capacity
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._buckets: dict[object, tuple[float, float]] = {}

    def _level(self, key: object, now: float) -> float:
        tokens, since = self._buckets.get(key, (self._capacity, now))
        return min(self._capacity, tokens + (now - since) * self._rate)

    def take(self, key: object) -> float:
        """Take a token: 0.0 when granted, else the seconds until one is available."""
        now = self._monotonic()
        with self._lock:
            tokens = self._level(key, now)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
        return (1.0 - tokens) / self._rate if self._rate > 0 else 60.0

    def take_if_available(self, key: object) -> bool:
        """Take a token only when one is there; nothing changes otherwise."""
        now = self._monotonic()
        with self._lock:
            tokens = self._level(key, now)
            if tokens < 1.0:
                return False
            self._buckets[key] = (tokens - 1.0, now)
        return True

    def empty(self, key: object) -> float:
        """Like ``take`` but without spending: the wait when no token is left, else 0.0."""
        now = self._monotonic()
        with self._lock:
            tokens = self._level(key, now)
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self._rate if self._rate > 0 else 60.0


def rate_limited(wait: float) -> ProtocolError:
    """429 with a whole-second Retry-After (at least 1)."""
    seconds = max(1, int(wait + 0.999))
    return ProtocolError(
        429, "rate_limited", "too many requests; retry later", headers={"Retry-After": str(seconds)}
    )


class KeyCache:
    """Terminals by presented key for ``ttl`` seconds, sparing a database read per request.

    A rotated key, or a disabled terminal, is refused within ``ttl`` (1 s by default); only successful
    look-ups are kept, and the key itself is held only as its SHA-256.
    """

    def __init__(
        self,
        authenticate: Callable[[str], Terminal | None],
        ttl_seconds: float,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._authenticate = authenticate
        self._ttl = ttl_seconds
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._known: dict[str, tuple[Terminal, float]] = {}

    def cached(self, key: str) -> Terminal | None:
        """The key's terminal if the cache holds it fresh; never reads the database."""
        return self._fresh(hash_key(key), self._monotonic())

    def _fresh(self, digest: str, now: float) -> Terminal | None:
        with self._lock:
            cached = self._known.get(digest)
        return cached[0] if cached is not None and now - cached[1] < self._ttl else None

    def terminal(self, key: str) -> Terminal | None:
        """The key's terminal, from the cache when fresh."""
        digest, now = hash_key(key), self._monotonic()
        fresh = self._fresh(digest, now)
        if fresh is not None:
            return fresh
        terminal = self._authenticate(key)
        with self._lock:
            if terminal is None:
                self._known.pop(digest, None)
            else:
                if len(self._known) > MAX_CACHED_KEYS:
                    self._known.clear()
                self._known[digest] = (terminal, now)
        return terminal


class Gate:
    """Authenticates a request's terminal and applies the per-terminal and per-address limits."""

    def __init__(self, services: Services, options: ListenerOptions) -> None:
        self._services = services
        self._keys = KeyCache(services.terminals.authenticate, options.key_cache_seconds)
        self._requests = TokenBuckets(options.requests_per_minute, options.burst)
        self._failures = TokenBuckets(options.failed_auth_per_minute, options.failed_auth_per_minute)
        self._tripped: set[int] = set()
        self._lock = threading.Lock()

    def admit(self, key: str | None, client: str | None) -> Terminal:
        """The terminal owning ``key``, counted as seen; ProtocolError 401/403/429 otherwise."""
        wait = self._failures.empty(client)
        if wait:
            raise rate_limited(wait)
        if not key or not key.strip():
            self._failures.take(client)
            raise ProtocolError(401, "missing_key", "the X-Terminal-Key header is required")
        terminal = self._keys.terminal(key)
        if terminal is None:
            self._failures.take(client)
            log.warning("invalid terminal key from %s", client, extra={"source": client})
            raise ProtocolError(401, "invalid_key", "the terminal key is not valid")
        if not terminal.is_active:
            raise ProtocolError(403, "terminal_disabled", "this terminal is disabled")
        self._limit(terminal.id)
        self._services.terminal_health.seen(terminal.id)
        return terminal

    def admit_from_memory(self, key: str | None, client: str | None) -> Terminal | None:
        """``admit`` when it needs no storage and refuses nothing: the key's terminal cached, active and
        within its rate. None otherwise, with nothing counted: then ``admit`` decides (on a worker thread).
        """
        if not key or self._failures.empty(client):
            return None
        terminal = self._keys.cached(key)
        if terminal is None or not terminal.is_active or not self._requests.take_if_available(terminal.id):
            return None
        self._untrip(terminal.id)
        self._services.terminal_health.seen(terminal.id)
        return terminal

    def _untrip(self, terminal_id: int) -> None:
        with self._lock:
            self._tripped.discard(terminal_id)

    def _limit(self, terminal_id: int) -> None:
        wait = self._requests.take(terminal_id)
        if not wait:
            self._untrip(terminal_id)
            return
        with self._lock:
            first_trip = terminal_id not in self._tripped
            self._tripped.add(terminal_id)
        if first_trip:  # audit each trip once, not every refused request
            self._services.scans.security_event(
                terminal_id, AuditAction.SECURITY_RATE_LIMITED, {"retry_after_s": wait}
            )
        raise rate_limited(wait)


def check_binding(terminal: Terminal, body_terminal_id: int | None, services: Services) -> None:
    """H1: a body naming another terminal than the key's is refused (and audited)."""
    if body_terminal_id is not None and body_terminal_id != terminal.id:
        services.scans.security_event(
            terminal.id, AuditAction.SECURITY_TERMINAL_MISMATCH, {"body_terminal_id": body_terminal_id}
        )
        raise ProtocolError(403, "terminal_mismatch", "terminal_id is not the terminal of this key")


def require_capability(allowed: bool, what: str) -> None:
    """403 ``not_permitted`` when the terminal lacks a capability."""
    if not allowed:
        raise ProtocolError(403, "not_permitted", f"this terminal may not {what}")
