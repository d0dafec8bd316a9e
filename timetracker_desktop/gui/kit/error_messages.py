"""Translated messages for expected errors: codes and causes by gui.kit.vocabulary, others here."""

from PySide6.QtCore import QObject

from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.gui.kit.vocabulary import error_sentence, storage_sentence
from timetracker_desktop.repositories.ports.storage import IntegrityConflictError, StorageUnavailableError


class ErrorMessages(QObject):
    """Holds the sentences for errors without a code (a QObject so that lupdate sees its ``tr`` calls).

    Signals:
        (none besides QObject's)
    """

    def other(self, error: BaseException) -> str:
        """Sentences for errors without a code or cause."""
        if isinstance(error, IntegrityConflictError):
            return self.tr("The change conflicts with data saved meanwhile. Reload and try again.")
        return self.tr("Something went wrong. The details below help the developers.")


def field_of(error: BaseException) -> str | None:
    """The input field an expected error is about, if any."""
    return error.field if isinstance(error, DomainError) else None


def is_expected(error: BaseException) -> bool:
    """True for errors that are not bugs: shown as messages, never as crash reports."""
    return isinstance(error, DomainError | StorageUnavailableError | IntegrityConflictError)


def message_for(error: BaseException) -> str:
    """A user-facing sentence for an error: codes and causes by the vocabulary, other errors generically."""
    if isinstance(error, DomainError):
        return error_sentence(error.code, error.field, error.params)
    if isinstance(error, StorageUnavailableError):
        return storage_sentence(error.cause)
    return ErrorMessages().other(error)
