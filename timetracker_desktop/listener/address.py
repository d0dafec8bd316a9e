"""How a client on this machine reaches a listener bound to an address (0.0.0.0 means every address)."""


def client_url(host: str, port: int) -> str:
    """``http://host:port``, with an any-address bind reached through loopback."""
    reachable = "127.0.0.1" if host in ("0.0.0.0", "") else host  # noqa: S104 - a test, not a bind
    return f"http://{reachable}:{port}"
