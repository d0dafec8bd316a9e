"""ZKTeco (ADMS) tables: devices waiting for (re-)approval, one device's command queue with its results."""

from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from timetracker_desktop.gui.kit.formatting import local_date_time, timestamp
from timetracker_desktop.gui.kit.table_model import Column, RowTableModel
from timetracker_desktop.repositories.ports.zkteco import AdmsCommand, CommandState
from timetracker_desktop.services.zkteco.dto import DeviceView

# Command lines the services queue, by their first words (the rest is arguments such as a PIN or a range).
_USER_UPLOAD = "DATA UPDATE USERINFO"
_LOG_QUERY = "DATA QUERY ATTLOG"


class PendingDeviceModel(RowTableModel[DeviceView]):
    """Rows of ``DeviceView`` of devices that wait for a manager's decision: new ones, and approved ones that
    called from another address (or with another comm key) and are refused until re-approved.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self._zone = ZoneInfo("UTC")
        super().__init__(
            [
                Column(self._serial),
                Column(self._address),
                Column(self._first_seen, self._first_seen_key),
                Column(self._last_seen, self._last_seen_key),
                Column(self.held_text, self._held_key, align_right=True, tooltip=self._held_tip),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            self.tr("Serial number"),
            self.tr("Address"),
            self.tr("First seen"),
            self.tr("Last seen"),
            self.tr("Punches held"),
        ]

    def set_zone(self, zone: ZoneInfo) -> None:
        """The office time zone for the times shown."""
        self._zone = zone

    @staticmethod
    def _serial(view: DeviceView) -> str:
        return view.device.serial

    def _address(self, view: DeviceView) -> str:
        """Where it calls from; for an approved device refused since it moved, also where it was approved."""
        device = view.device
        if device.needs_reapproval:
            return self.tr("{0} (approved at {1})").format(
                device.moved_ip or device.approved_ip or "", device.approved_ip or ""
            )
        return device.last_ip or ""

    def _first_seen(self, view: DeviceView) -> str:
        return local_date_time(view.device.first_seen_at, self._zone)

    @staticmethod
    def _first_seen_key(view: DeviceView) -> float:
        return timestamp(view.device.first_seen_at)

    def _last_seen(self, view: DeviceView) -> str:
        return local_date_time(view.device.last_seen_at, self._zone)

    @staticmethod
    def _last_seen_key(view: DeviceView) -> float:
        return timestamp(view.device.last_seen_at)

    def held_text(self, view: DeviceView) -> str:
        """The punches the device keeps for us, as it last reported them (unknown before its first report)."""
        count = view.device.attlog_count
        return self.tr("not reported yet") if count is None else str(count)

    @staticmethod
    def _held_key(view: DeviceView) -> int:
        return -1 if view.device.attlog_count is None else view.device.attlog_count

    def _held_tip(self, view: DeviceView) -> str:
        return self.tr(
            "The device keeps its punches until it is approved; this is the count it last reported."
        )


class CommandTableModel(RowTableModel[AdmsCommand]):
    """Rows of ``AdmsCommand`` of one device, with their state and what the device answered.

    Signals:
        (none besides QAbstractTableModel's)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self._zone = ZoneInfo("UTC")
        super().__init__(
            [
                Column(self.command_text, tooltip=self._raw),
                Column(self.state_text, self._state_key),
                Column(self._queued, self._queued_key),
                Column(self._queued_by),
                Column(self._answered, self._answered_key),
                Column(self.result_text, tooltip=self._result_tip),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            self.tr("Command"),
            self.tr("State"),
            self.tr("Queued"),
            self.tr("By"),
            self.tr("Answered"),
            self.tr("Result"),
        ]

    def set_zone(self, zone: ZoneInfo) -> None:
        """The office time zone for the times shown."""
        self._zone = zone

    def command_text(self, command: AdmsCommand) -> str:
        """What the command does, in words (an unknown line is shown as it is)."""
        line = command.command
        simple = {
            "CHECK": self.tr("Set time and settings"),
            "REBOOT": self.tr("Reboot"),
            "CLEAR LOG": self.tr("Clear logs"),
            "INFO": self.tr("Device information"),
            "VERIFY SUM ATTLOG": self.tr("Verify logs"),
        }
        if line in simple:
            return simple[line]
        if line.startswith(_USER_UPLOAD):
            pin = line.split("PIN=", 1)[-1].split("\t", 1)[0]
            return self.tr("Upload user {0}").format(pin)
        if line.startswith(_LOG_QUERY):
            return self.tr("Reload all logs")
        return line

    @staticmethod
    def _raw(command: AdmsCommand) -> str:
        return command.command.replace("\t", " ")

    def state_text(self, command: AdmsCommand) -> str:
        """Queued, sent, done, failed or timed out."""
        texts = {
            CommandState.QUEUED: self.tr("Queued"),
            CommandState.SENT: self.tr("Sent, waiting for the answer"),
            CommandState.DONE: self.tr("Done"),
            CommandState.FAILED: self.tr("Failed"),
            CommandState.TIMED_OUT: self.tr("No answer"),
        }
        return texts[command.state]

    @staticmethod
    def _state_key(command: AdmsCommand) -> int:
        return list(CommandState).index(command.state)

    def _queued(self, command: AdmsCommand) -> str:
        return local_date_time(command.queued_at, self._zone)

    @staticmethod
    def _queued_key(command: AdmsCommand) -> int:
        return command.id  # queue order, also among commands queued at the same instant

    @staticmethod
    def _queued_by(command: AdmsCommand) -> str:
        return command.queued_by

    def _answered(self, command: AdmsCommand) -> str:
        return local_date_time(command.done_at, self._zone)

    @staticmethod
    def _answered_key(command: AdmsCommand) -> float:
        return timestamp(command.done_at)

    def result_text(self, command: AdmsCommand) -> str:
        """The device's return code in words, with the first line of any content it sent."""
        if command.return_code is None:
            return ""
        code = self.tr("OK") if command.return_code == 0 else self.tr("error {0}").format(command.return_code)
        first = (command.result or "").strip().split("\n", 1)[0].strip()
        return f"{code}: {first}" if first else code

    @staticmethod
    def _result_tip(command: AdmsCommand) -> str:
        return command.result or ""
