"""A private X display (Xvfb) and real input through the window system (xdotool), with screenshots."""

import ctypes
import ctypes.util
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

SCREEN = "1600x900x24"  # the main window is wider than 1280 px with a long database path
FIRST_DISPLAY = 71
T = TypeVar("T")
CLIPBOARD_READER = (
    "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
    "sys.stdout.write(app.clipboard().text())"
)


def _free_display() -> int:
    for number in range(FIRST_DISPLAY, FIRST_DISPLAY + 100):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise RuntimeError("no free X display number")


def require_tools() -> None:
    """Skip (locally) or fail (CI) when the X tools are missing: .ci/install-system installs them."""
    missing = [tool for tool in ("Xvfb", "xdotool", "import") if shutil.which(tool) is None]
    if missing:
        message = f"missing {', '.join(missing)}: run .ci/install-system"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@contextmanager
def xvfb() -> Iterator[str]:
    """A fresh Xvfb on a free display number (no window manager); yields ``:N``."""
    for _attempt in range(5):
        display = f":{_free_display()}"
        server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", SCREEN, "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.poll() is None:
            if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
                break
            time.sleep(0.1)
        if server.poll() is None:
            break  # another run took the number meanwhile: the server exits, try the next one
    else:
        raise RuntimeError("Xvfb did not start")
    try:
        yield display
    finally:
        server.terminate()
        server.wait(10)


class XSession:
    """Drives windows on ``display`` as a user would (focus, keys, typing, clicks); saves screenshots."""

    def __init__(self, display: str, shots: Path) -> None:
        self.display = display
        self.shots = shots
        self.env = {**os.environ, "DISPLAY": display}
        self.count = 0

    def xdotool(self, *args: str) -> str:
        """Run xdotool on this display; its output."""
        done = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30, check=False
        )
        return done.stdout.strip()

    def windows(self, name: str) -> list[str]:
        """Visible windows whose title matches the regular expression ``name``."""
        return self.xdotool("search", "--onlyvisible", "--name", name).split()

    def title(self, window: str) -> str:
        """A window's title."""
        return self.xdotool("getwindowname", window)

    def wait_window(self, name: str, timeout: float = 60.0) -> str:
        """The first visible window titled like ``name``, once it appears; focused."""
        found = wait_for(lambda: (self.windows(name) or [""])[-1], timeout, f"a window titled {name!r}")
        self.focus(found)
        return found

    def wait_gone(self, name: str, timeout: float = 30.0) -> None:
        """Until no visible window is titled like ``name``."""
        wait_for(lambda: not self.windows(name), timeout, f"the window {name!r} to close")

    def focus(self, window: str) -> None:
        """Give a window the keyboard focus (there is no window manager to do it)."""
        self.xdotool("windowraise", window)
        self.xdotool("windowfocus", "--sync", window)
        time.sleep(0.3)

    def key(self, *keys: str) -> None:
        """Press keys (xdotool names: Return, Tab, ctrl+a...) on the focused window."""
        self.xdotool("key", "--delay", "80", *keys)
        time.sleep(0.3)

    def type(self, text: str) -> None:
        """Type text key by key into the focused widget.

        Letters missing from the keyboard map (Cyrillic on the US map of Xvfb) are typed one xdotool call
        each: xdotool maps each to a spare key code for the moment, and in one long call it dropped some.
        """
        for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]", text):
            self.xdotool("type", "--delay", "40", run)
            if not run.isascii():
                time.sleep(0.2)
        time.sleep(0.3)

    def click(self, window: str, x: int, y: int, *, double: bool = False) -> None:
        """Click at a point of a window (window coordinates)."""
        self.xdotool("mousemove", "--window", window, str(x), str(y))
        self.xdotool("click", *(["--repeat", "2"] if double else []), "1")
        time.sleep(0.4)

    def resize(self, window: str, width: int, height: int) -> None:
        """Give a window a fixed size and put it at the top left (the positions the test clicks rely on)."""

        def sized() -> bool:
            self.xdotool("windowmove", window, "0", "0")
            self.xdotool("windowsize", window, str(width), str(height))
            time.sleep(0.5)  # the program may still be laying the window out: check, and again if not
            return f"Geometry: {width}x{height}" in self.xdotool("getwindowgeometry", window)

        wait_for(sized, 30, f"the window to take {width}x{height}")

    def shot(self, step: str) -> Path:
        """A screenshot of the whole screen, numbered in the order taken."""
        self.count += 1
        path = self.shots / f"{self.count:02d}-{step}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True, timeout=30)
        return path


def read_clipboard(session: XSession) -> str:
    """The text on the display's clipboard, read by a second small Qt program there (as a paste would)."""
    env = {**session.env, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        [sys.executable, "-c", CLIPBOARD_READER],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


def wait_for(probe: Callable[[], T | None], timeout: float, what: str) -> T:
    """Poll ``probe`` until it returns something truthy; fail the test naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.25)


class _ClientMessage(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    )


class _XEvent(ctypes.Union):
    _fields_ = (("client", _ClientMessage), ("pad", ctypes.c_long * 24))


CLIENT_MESSAGE = 33
CURRENT_TIME = 0


def ask_to_close(session: XSession, window: str) -> None:
    """Ask a window to close as a window manager does when the user clicks its ×: the ICCCM
    ``WM_DELETE_WINDOW`` message (xdotool 3.2016 has no such command; there is no window manager here)."""
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = (ctypes.c_char_p,)
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int)
    x11.XSendEvent.argtypes = (ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p)
    x11.XFlush.argtypes = (ctypes.c_void_p,)
    x11.XCloseDisplay.argtypes = (ctypes.c_void_p,)
    display = x11.XOpenDisplay(session.display.encode())
    if not display:
        pytest.fail(f"cannot open the display {session.display}")
    try:
        event = _XEvent()
        event.client.type = CLIENT_MESSAGE
        event.client.window = int(window)
        event.client.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", 0)
        event.client.format = 32
        event.client.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
        event.client.data[1] = CURRENT_TIME
        x11.XSendEvent(display, int(window), 0, 0, ctypes.byref(event))
        x11.XFlush(display)
    finally:
        x11.XCloseDisplay(display)
    time.sleep(0.3)
