"""Keeping the PC awake while a listener serves (the ``keep_pc_awake`` setting; Windows only)."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from timetracker_desktop.services.settings import SettingsService
from timetracker_desktop.system import power

log = logging.getLogger(__name__)


def wanted(settings: SettingsService) -> bool:
    """The setting; on by default, and when the database cannot say."""
    try:
        return settings.current().keep_pc_awake
    except Exception as error:  # noqa: BLE001 - the listener serves anyway; sleep is the lesser evil
        log.warning("keep_pc_awake unknown (%s): keeping the PC awake", error)
        return True


@contextmanager
def kept_awake(settings: SettingsService) -> Iterator[bool]:
    """Within: sleep held back if the setting says so. Enter and leave on the thread that serves for the
    listener's whole life: Windows ties the request to that thread (``system.power``)."""
    held = wanted(settings) and power.keep_awake()
    try:
        yield held
    finally:
        if held:
            power.release()
