"""Token buckets, the source-address rule and the key cache."""

import ipaddress

import pytest

from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.listener.security import KeyCache, TokenBuckets, source_allowed


class Ticker:
    """A monotonic clock moved by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_buckets_allow_a_burst_then_the_rate() -> None:
    ticker = Ticker()
    buckets = TokenBuckets(240, 40, ticker)
    assert [buckets.take("t1") for _ in range(40)] == [0.0] * 40
    assert buckets.take("t1") == pytest.approx(0.25)
    assert buckets.take("t2") == 0.0
    ticker.now += 0.25
    assert buckets.take("t1") == 0.0
    assert buckets.empty("t1") > 0


@pytest.mark.parametrize(
    ("host", "allowed"),
    [("127.0.0.1", True), ("192.168.1.20", True), ("10.1.2.3", True), ("172.16.0.9", True),
     ("169.254.3.4", True), ("::1", True), ("fe80::1%eth0", True), ("::ffff:192.168.1.5", True),
     ("8.8.8.8", False), ("2001:4860::8888", False), ("not an ip", False), (None, False)],
)  # fmt: skip
def test_default_sources_are_private_link_local_and_loopback(host: str | None, allowed: bool) -> None:
    assert source_allowed(host, None) is allowed


def test_widened_sources() -> None:
    networks = (ipaddress.ip_network("8.8.8.0/24"),)
    assert source_allowed("8.8.8.8", networks)
    assert not source_allowed("127.0.0.1", networks)


def test_key_cache_keeps_successes_for_its_ttl_only() -> None:
    ticker = Ticker()
    calls: list[str] = []
    terminal = Terminal(3, "Entrance", TerminalKind.ANDROID)

    def authenticate(key: str) -> Terminal | None:
        calls.append(key)
        return terminal if key == "good" else None

    cache = KeyCache(authenticate, 1.0, ticker)
    assert cache.terminal("good") is terminal
    assert cache.terminal("good") is terminal
    assert cache.terminal("bad") is None
    assert cache.terminal("bad") is None
    assert calls == ["good", "bad", "bad"]
    ticker.now += 1.0
    assert cache.terminal("good") is terminal
    assert calls[-1] == "good"


def test_take_if_available_spends_only_a_token_that_is_there() -> None:
    ticker = Ticker()
    buckets = TokenBuckets(60, 2, ticker)
    assert [buckets.take_if_available("t1") for _ in range(3)] == [True, True, False]
    assert buckets.empty("t1") == pytest.approx(1.0)  # the refusal spent nothing
    ticker.now += 1.0
    assert buckets.take_if_available("t1")


def test_key_cache_lookup_in_memory_never_authenticates() -> None:
    ticker = Ticker()
    calls: list[str] = []
    terminal = Terminal(3, "Entrance", TerminalKind.ANDROID)

    def authenticate(key: str) -> Terminal | None:
        calls.append(key)
        return terminal

    cache = KeyCache(authenticate, 1.0, ticker)
    assert cache.cached("good") is None
    assert cache.terminal("good") is terminal
    assert cache.cached(" good ") is terminal  # the key as hashed: trimmed
    ticker.now += 1.0
    assert cache.cached("good") is None
    assert calls == ["good"]
