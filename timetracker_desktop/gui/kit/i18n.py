"""Translations: our Ukrainian catalog plus Qt's own (qtbase_uk), chosen by the language in UiSettings."""

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

# Installed in this order; Qt asks the last installed first, so qtbase_extra_uk (the file dialog's words that
# qtbase_uk.qm lacks since Qt 6.11 gave them mnemonics, and «OK») overrides Qt's own catalog.
CATALOGS = (":/i18n/qtbase_uk.qm", ":/i18n/qtbase_extra_uk.qm", ":/i18n/timetracker_uk.qm")
_installed: list[QTranslator] = []


def locale_for(language: str) -> QLocale:
    """The locale that formats dates and numbers for a UI language."""
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine)


def install_translators(app: QCoreApplication, language: str) -> bool:
    """Install the catalogs for ``language`` (``uk`` or ``en``); English needs none.

    Returns False if a Ukrainian catalog could not be loaded (resources not built).
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(locale_for(language))
    if language == "en":
        return True
    ok = True
    for path in CATALOGS:
        translator = QTranslator(app)
        if translator.load(path):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            ok = False
    return ok
