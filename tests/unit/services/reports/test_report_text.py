"""Labels, duration text and the font resolver of report exports."""

from enum import StrEnum
from pathlib import Path

import pytest

import timetracker_desktop
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.domain.report_detail import Remark
from timetracker_desktop.domain.reports import DayMark, ExceptionKind, Presence, ReportKind
from timetracker_desktop.domain.settings import RoundingMode
from timetracker_desktop.services.reports import fonts as report_fonts
from timetracker_desktop.services.reports.fonts import (
    BOLD,
    BUNDLED,
    REGULAR,
    FontNotFoundError,
    MissingBundledFontsError,
    find_font,
    require_bundled,
)
from timetracker_desktop.services.reports.labels import (
    LANGUAGES,
    ReportLabel,
    label_of,
    labels,
    short_label,
    title_label,
)
from timetracker_desktop.services.reports.tables import Word
from timetracker_desktop.services.reports.text import hhmm


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0:00"), (59, "0:00"), (8 * 3600 + 55 * 60, "8:55"), (45 * 3600, "45:00"), (-300, "-0:05")],
)
def test_durations_are_floored_hours_and_minutes(seconds: int, text: str) -> None:
    assert hhmm(seconds) == text


SPELT_OUT: list[StrEnum] = [*ExceptionKind, *Presence, *Remark, *RoundingMode, Word.TOTAL, *DayMark]


@pytest.mark.parametrize("member", SPELT_OUT, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_spelt_out_member_has_a_label(member: StrEnum) -> None:
    if member in (DayMark.WORKED, DayMark.CODE, DayMark.NONE):  # shown as hours, a code, or nothing
        assert short_label(member) is None
        return
    assert label_of(member) in set(ReportLabel)


def test_every_kind_and_day_mark_legend_has_a_label() -> None:
    assert {title_label(kind) for kind in ReportKind} <= set(ReportLabel)
    assert short_label(DayMark.ABSENT) is ReportLabel.MARK_SHORT_ABSENT


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("label", list(ReportLabel), ids=lambda m: m.name)
def test_every_label_has_words_in_both_languages(lang: str, label: ReportLabel) -> None:
    assert labels(lang)[label].strip()


def test_unknown_languages_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        labels("de")
    assert caught.value.code == "bad_language"


def test_fonts_come_from_the_given_folders_or_fail_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_fonts, "_packaged", lambda name: None)
    with pytest.raises(FontNotFoundError) as caught:
        find_font("DejaVuSans.ttf", [tmp_path])
    assert caught.value.code == "font_not_found"
    assert str(tmp_path) in caught.value.message
    assert "fonts-dejavu-core" in caught.value.message
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"")
    assert find_font("DejaVuSans.ttf", [tmp_path]) == tmp_path / "DejaVuSans.ttf"


def test_the_package_folder_is_searched_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packaged = tmp_path / "DejaVuSans.ttf"
    monkeypatch.setattr(report_fonts, "_packaged", lambda name: packaged)
    assert find_font("DejaVuSans.ttf", []) == packaged


def test_the_bundled_fonts_are_found_with_the_system_folders_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on a Windows PC, which has no DejaVu: the package's own copies are used."""
    monkeypatch.setattr(report_fonts, "system_folders", lambda: (tmp_path,))
    package = Path(timetracker_desktop.__file__).parent / "fonts"
    for name in (REGULAR, BOLD):
        path = find_font(name)
        assert path == package / name
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # a TrueType file, not a placeholder
    assert require_bundled(package) == package  # the licence ships beside them


def test_a_build_without_the_bundled_fonts_is_refused(tmp_path: Path) -> None:
    """The PyInstaller spec collects the fonts through require_bundled: a missing file stops the build."""
    (tmp_path / REGULAR).write_bytes(b"")
    with pytest.raises(MissingBundledFontsError) as caught:
        require_bundled(tmp_path)
    assert f"lacks {BOLD}, LICENSE.txt:" in str(caught.value)  # only what is missing, by name
    for name in BUNDLED:
        (tmp_path / name).write_bytes(b"")
    assert require_bundled(tmp_path) == tmp_path


def test_pdf_headings_break_at_spaces_only() -> None:
    """The walk: «Відпраць/овано», «Неявк/и», «Аном/алії» in the PDF's header row."""
    from timetracker_desktop.services.reports.pdf_writer import FONT_BOLD, fit_heading, register_fonts, wrap

    register_fonts()
    assert wrap("Відпрацьовано", 20, FONT_BOLD, 8) == ["Відпрацьовано"]  # too wide: kept whole
    assert wrap("Дні із запізненням", 60, FONT_BOLD, 8) == ["Дні із", "запізненням"]
    text, width, size = fit_heading("Відпрацьовано", 40, FONT_BOLD, 8)
    assert (text, width) == ("Відпрацьовано", 40)  # never cut ...
    assert size < 8  # ... but set smaller to fit
