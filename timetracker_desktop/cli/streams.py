"""Redirected or piped stdout/stderr in UTF-8, whatever the Windows code page; a console is left alone."""

import io
import sys

# stdout carries data (tables, --json) for programs and files. Every character but a lone surrogate is
# representable in UTF-8, so nothing is replaced; surrogateescape writes an undecodable file name back as
# the bytes it came with, as Python's own UTF-8 mode does, instead of raising ("strict" would turn such a
# name into a traceback). stderr is for people: backslashreplace, Python's default there, never fails.
ERRORS = {"stdout": "surrogateescape", "stderr": "backslashreplace"}


def use_utf8_when_redirected() -> None:
    """Reconfigure ``sys.stdout``/``sys.stderr`` to UTF-8 when they are files or pipes.

    On Windows a redirected stream gets the ANSI code page (cp1252 cannot write Cyrillic at all; cp1251
    is not what `--json` readers expect). A console is not touched: Python writes it through the wide
    console API, in any language. The frozen build runs in UTF-8 mode, where this changes nothing.
    """
    for name, errors in ERRORS.items():
        stream = getattr(sys, name)
        if not isinstance(stream, io.TextIOWrapper) or stream.isatty():
            continue
        stream.reconfigure(encoding="utf-8", errors=errors)
