"""``ListenerOptions``: the listener's limits, plain data (the app passes them to its listener process)."""

import ipaddress
from dataclasses import dataclass

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True, slots=True)
class ListenerOptions:
    """Limits of the listener; the defaults are the contract's.

    ``allowed_networks`` None accepts private, link-local and loopback sources only.
    ``storage_wait_seconds``: how long a request waits for the database before it is answered 503 with
    Retry-After (a stalled server must not hang the terminals, whose app gives up after 10 s).
    ``max_concurrency``: connections and requests at once; beyond, uvicorn answers 503.
    ``trusted_proxies``: addresses whose ``X-Forwarded-For`` is believed; none by default, so that no
    client can pick the address its limits and log lines are kept under.
    """

    requests_per_minute: float = 240
    burst: int = 40
    failed_auth_per_minute: float = 20
    allowed_networks: tuple[IpNetwork, ...] | None = None
    health_flush_seconds: float = 15.0
    key_cache_seconds: float = 1.0
    # /iclock (ZKTeco): a device polls every 10 s and posts each punch in real time, or a backlog back to
    # back after an outage (about as fast as they are stored); a turnstile at rush hour stays well under.
    device_requests_per_minute: float = 600
    device_burst: int = 200
    address_requests_per_minute: float = 1200
    address_burst: int = 400
    storage_wait_seconds: float = 1.5
    max_concurrency: int = 200
    trusted_proxies: tuple[str, ...] = ()
