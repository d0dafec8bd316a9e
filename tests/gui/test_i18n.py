"""The Ukrainian catalog is complete and current; translators load; Cyrillic renders; PySide6 6.12 guard."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from timetracker_desktop.gui.shell.build_resources import CATALOGS

pytestmark = pytest.mark.gui
CATALOG = CATALOGS / "timetracker_uk.ts"
GUI = Path(__file__).resolve().parents[2] / "timetracker_desktop" / "gui"
UKRAINIAN_PLURAL_FORMS = 3


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()  # noqa: S314 - our own catalog from the repository
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _problem(message: ET.Element) -> str | None:
    translation = message.find("translation")
    if translation is None:
        return "no translation"
    if translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return str(translation.get("type"))
    if message.get("numerus") == "yes":
        forms = [f.text or "" for f in translation.iter("numerusform")]
        return None if len(forms) == UKRAINIAN_PLURAL_FORMS and all(forms) else "missing plural forms"
    return None if (translation.text or "").strip() else "empty"


def test_catalog_is_complete() -> None:
    messages = _messages(CATALOG)
    assert len(messages) > 100
    problems = {key: _problem(m) for key, m in messages.items() if _problem(m)}
    assert problems == {}


def test_lupdate_finds_no_new_strings(tmp_path: Path) -> None:
    sources = sorted(str(p) for p in GUI.rglob("*.py") if p.name != "resources_rc.py")
    files = tmp_path / "files.lst"
    files.write_text("\n".join(sources) + "\n", "utf-8")
    scratch = tmp_path / "scratch.ts"
    scratch.write_bytes(CATALOG.read_bytes())
    code = "import sys; from PySide6.scripts import pyside_tool as t; sys.argv[0] = 'lupdate'; t.lupdate()"
    args = [
        "-no-obsolete",
        "-locations",
        "none",
        "-target-language",
        "uk_UA",
        f"@{files}",
        "-ts",
        str(scratch),
    ]
    subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True)
    fresh, current = _messages(scratch), _messages(CATALOG)
    assert sorted(set(fresh) - set(current)) == []  # strings in the code that the catalog lacks
    assert sorted(set(current) - set(fresh)) == []  # catalog entries the code no longer has


@pytest.mark.usefixtures("ukrainian")
def test_translators_are_installed() -> None:
    assert QCoreApplication.translate("Pages", "Employees") == "Працівники"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Скасувати"
    assert QCoreApplication.translate("Formatting", "{0} min") == "{0} хв"


@pytest.mark.usefixtures("ukrainian")
def test_qt_standard_dialogs_speak_ukrainian(qapp: QApplication) -> None:
    """The walk saw «Look in:», «Files of type:» and «OK»: Qt 6.11 gave the labels mnemonics that
    qtbase_uk.qm has no translation for; qtbase_extra_uk.ts supplies them."""
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
    assert {"&Шукати в:", "&Тип файлів:"} <= labels
    assert all(not text.isascii() for text in labels), labels
    box = QMessageBox(QMessageBox.Icon.Question, "x", "y", QMessageBox.StandardButton.Ok)
    box.addButton(QMessageBox.StandardButton.Cancel)
    assert sorted(b.text() for b in box.buttons()) == ["Гаразд", "Скасувати"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
    assert sorted(b.text() for b in buttons.buttons()) == ["&Ні", "Т&ак"]
    dialog.deleteLater()
    box.deleteLater()


@pytest.mark.parametrize("character", "ҐґЇїЄєІіʼ")
def test_default_font_has_ukrainian_letters(qapp: QApplication, character: str) -> None:
    assert QFontMetrics(QFont()).inFontUcs4(ord(character))


class _Emitter(QObject):
    fired = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.fired.connect(self._on_fired)

    def _on_fired(self, _value: bool) -> None:
        self.count += 1  # keeps no reference to the value


def test_signal_emit_keeps_the_refcount_of_true(qapp: QApplication) -> None:
    """PySide6 6.12.0 drops a reference to True per emit and crashes the process (pin 6.11.3)."""
    emitter = _Emitter()
    emitter.fired.emit(True)  # warm-up: first emits fill caches
    before = sys.getrefcount(True)
    for _ in range(100):
        emitter.fired.emit(True)
    after = sys.getrefcount(True)
    assert after - before == 0  # 6.12.0 gives -100
    assert emitter.count == 101


def test_command_line_does_not_load_qt_widgets() -> None:
    probe = (
        "import sys\n"
        "from timetracker_desktop import cli\n"
        "parser = cli.build_parser()\n"
        "commands = parser._subparsers._group_actions[0].choices\n"
        "if 'serve' in commands:\n"
        "    try:\n"
        "        cli.main(['serve', '--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert "PySide6.QtWidgets" not in result.stdout
    assert "PySide6.QtGui" not in result.stdout


GUIDES = CATALOGS.parents[1] / "docs"
_BUTTON_IN_GUIDE = {
    "en": re.compile(r"(?:click|press) \*\*([^*]+)\*\*"),
    "uk": re.compile(r"(?:натисніть|кнопк\w*) \*\*([^*]+)\*\*"),
}


@pytest.mark.parametrize("language", ["en", "uk"])
def test_user_guides_name_buttons_the_program_has(language: str) -> None:
    """The walk: both guides said «Add badge» to enroll from the reader; the button is «Enroll from...»."""
    messages = _messages(CATALOG).values()
    words = {
        (m.findtext("source" if language == "en" else "translation") or "").replace("&", "") for m in messages
    }
    guide = (GUIDES / f"user-guide.{language}.md").read_text("utf-8")
    named = _BUTTON_IN_GUIDE[language].findall(guide.replace("\n", " "))
    assert named
    assert [name for name in named if name not in words] == []
    enroll = next(m for m in messages if m.findtext("source") == "Enroll from reader...")
    button = "Enroll from reader..." if language == "en" else enroll.findtext("translation")
    reader_paragraph = next(p for p in guide.split("\n\n") if "ACR122U" in p)
    assert f"**{button}**" in reader_paragraph


@pytest.mark.parametrize("language", ["en", "uk"])
def test_glossary_uses_the_words_the_pages_show(language: str) -> None:
    """One vocabulary for taps (PunchWords), written down in each guide's glossary."""
    glossary = (GUIDES / f"user-guide.{language}.md").read_text("utf-8").split("## 11.")[1].casefold()
    shown = ("In", "Out", "Auto", "voided", "double tap", "assigned from the queue", "legacy")
    words = [
        m.findtext("source" if language == "en" else "translation") or ""
        for (context, source), m in _messages(CATALOG).items()
        if context == "PunchWords" and source in shown
    ]
    assert len(words) == len(shown)
    assert [w for w in words if w.casefold() not in glossary] == []
