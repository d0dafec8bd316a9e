"""Listener addresses Settings accepts: 0.0.0.0, 127.0.0.1 or an IP address of this PC; ports 1-65535."""

import ipaddress

from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QNetworkInterface

ALL_NETWORKS = "0.0.0.0"  # noqa: S104 - the listener serves the LAN by design (terminals)
LOOPBACK = "127.0.0.1"
LOWEST_PORT, HIGHEST_PORT = 1, 65535


def own_addresses() -> list[str]:
    """The IP addresses of this PC's interfaces (asks the OS, not the network: fine on the GUI thread)."""
    return [address.toString() for address in QNetworkInterface.allAddresses()]


def address_problem(host: str, port: int, own: list[str]) -> str | None:
    """Why ``host:port`` cannot be a listener address of this PC (translated), or None when it can."""
    try:
        address = str(ipaddress.ip_address(host))
    except ValueError:
        return QCoreApplication.translate(
            "ListenerAddress",
            "«{0}» is not an IP address. Enter 0.0.0.0 (all networks of this PC), 127.0.0.1 (this PC only) "
            "or an address of this PC such as {1}.",
        ).format(host, _example(own))
    if address not in {ALL_NETWORKS, LOOPBACK, *own}:
        return QCoreApplication.translate(
            "ListenerAddress",
            "{0} is not an address of this PC. Enter 0.0.0.0 (all networks of this PC) or one of: {1}.",
        ).format(address, ", ".join(_ipv4(own)) or LOOPBACK)
    if not LOWEST_PORT <= port <= HIGHEST_PORT:
        return QCoreApplication.translate("ListenerAddress", "Choose a port from 1 to 65535.")
    return None


def _ipv4(own: list[str]) -> list[str]:
    return [a for a in own if "." in a and a != LOOPBACK]


def _example(own: list[str]) -> str:
    found = _ipv4(own)
    return found[0] if found else "192.168.1.10"
