"""This PC's LAN IPv4 addresses, for the server address terminals are given."""

from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface


def _usable(address: QHostAddress) -> bool:
    return (
        address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
        and not address.isLoopback()
        and not address.isLinkLocal()
    )


def lan_ipv4_addresses() -> list[str]:
    """IPv4 addresses of running, non-loopback interfaces; private (RFC 1918) ones first."""
    found: list[str] = []
    running = QNetworkInterface.InterfaceFlag.IsRunning
    for interface in QNetworkInterface.allInterfaces():
        if not interface.flags() & running:
            continue
        for entry in interface.addressEntries():
            address = entry.ip()
            if _usable(address) and address.toString() not in found:
                found.append(address.toString())
    return sorted(found, key=lambda a: (not QHostAddress(a).isPrivateUse(), a))


def server_url(address: str, port: int) -> str:
    """``http://address:port`` as terminals expect it."""
    return f"http://{address}:{port}"
