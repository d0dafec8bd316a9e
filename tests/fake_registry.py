"""A stand-in for Windows' ``winreg`` module: keys and values in a dict, the same exceptions as Windows."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace

import pytest

HKEY_CURRENT_USER = 0x80000001
KEY_READ = 0x20019
KEY_SET_VALUE = 0x0002
REG_SZ = 1
REG_BINARY = 3


class FakeRegistry:
    """``values[(hive, key path)][name] = (value, kind)``; ``refuse`` makes writes fail as access denied."""

    def __init__(self) -> None:
        self.values: dict[tuple[int, str], dict[str, tuple[object, int]]] = {}
        self.refuse = False
        self.writes = 0

    def module(self) -> SimpleNamespace:
        """The fake ``winreg`` module over this registry."""
        return SimpleNamespace(
            HKEY_CURRENT_USER=HKEY_CURRENT_USER,
            KEY_READ=KEY_READ,
            KEY_SET_VALUE=KEY_SET_VALUE,
            REG_SZ=REG_SZ,
            REG_BINARY=REG_BINARY,
            OpenKey=self.open_key,
            CreateKeyEx=self.create_key,
            QueryValueEx=self.query_value,
            SetValueEx=self.set_value,
            DeleteValue=self.delete_value,
        )

    @contextmanager
    def open_key(
        self, hive: int, path: str, reserved: int = 0, access: int = KEY_READ
    ) -> Iterator[tuple[int, str]]:
        if (hive, path.lower()) not in self.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        yield (hive, path.lower())

    @contextmanager
    def create_key(
        self, hive: int, path: str, reserved: int = 0, access: int = 0
    ) -> Iterator[tuple[int, str]]:
        self._check_write()
        self.values.setdefault((hive, path.lower()), {})
        yield (hive, path.lower())

    def query_value(self, key: tuple[int, str], name: str) -> tuple[object, int]:
        try:
            return self.values[key][name.lower()]
        except KeyError:
            raise FileNotFoundError(2, "The system cannot find the file specified") from None

    def set_value(self, key: tuple[int, str], name: str, reserved: int, kind: int, value: object) -> None:
        self._check_write()
        self.writes += 1
        self.values[key][name.lower()] = (value, kind)

    def delete_value(self, key: tuple[int, str], name: str) -> None:
        self._check_write()
        if name.lower() not in self.values[key]:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del self.values[key][name.lower()]

    def _check_write(self) -> None:
        if self.refuse:
            raise PermissionError(13, "Access is denied")


@pytest.fixture
def fake_registry(monkeypatch: pytest.MonkeyPatch) -> FakeRegistry:
    """Windows as far as ``system.autostart`` can tell: ``sys.platform`` win32 and a fake ``winreg``."""
    registry = FakeRegistry()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "winreg", registry.module())
    return registry
