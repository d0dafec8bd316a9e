"""Terminal scans as use cases: challenges, signed phone scans, card scans and terminal enrollment.

Each call is one short transaction; a result is returned only after its commit, so that whatever the listener
acknowledges is stored (H11). Nothing here knows HTTP: the listener maps outcomes to replies.
"""

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from timetracker_desktop.domain.audit import AuditAction, AuditOutcome, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.employees import PHONE_CODE_RE, BadgeKind, KeyState
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.repositories.ports.storage import (
    IntegrityConflictError,
    StorageUnavailableError,
    UnitOfWork,
    UnitOfWorkFactory,
)
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.cached_settings import CachedSettings
from timetracker_desktop.services.ingest.badge_crypto import verify_signature
from timetracker_desktop.services.ingest.card_scans import decide_card, in_office_zone, keep_receipt, replay
from timetracker_desktop.services.ingest.challenges import (
    CHALLENGE_TTL_SECONDS,
    ChallengeStore,
    SealedChallenge,
)
from timetracker_desktop.services.ingest.dto import (
    CardScan,
    CardScanResult,
    EnrollResult,
    ScanOutcome,
    ScanResult,
    SecureScan,
)
from timetracker_desktop.services.ingest.phone_enrollment import enroll_key, enrollment_gate
from timetracker_desktop.services.ingest.recording import (
    Holder,
    PunchPlan,
    QueueReason,
    ScanContext,
    punch_or_cooldown,
    queue_read,
    refused,
    skew_flags,
)
from timetracker_desktop.services.terminals.health import TerminalHealthService

log = logging.getLogger(__name__)
T = TypeVar("T")
FORGET_USED_EVERY = 500  # scans between clean-ups of expired challenge marks
TRANSIENT_ATTEMPTS = 3  # a deadlock victim is decided again, twice at most, before the terminal hears 503


def phone_code_of(raw: str) -> str:
    """The code after ``EMP:``, trimmed and upper-cased (not otherwise checked: unknown is unknown)."""
    code = raw.strip().upper()
    return code[4:].strip() if code.startswith("EMP:") else code


class ScanService:
    """What terminals do through the listener."""

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, challenges: ChallengeStore, health: TerminalHealthService
    ) -> None:
        self._uow = uow
        self._clock = clock
        self.challenges = challenges
        self._health = health
        self._settings = CachedSettings()
        self._uses = 0
        # One scan transaction at a time in this process: SQLite writers would otherwise sleep in its busy
        # handler, and two taps of one employee could both pass the cooldown check on MariaDB.
        self._write_lock = threading.Lock()

    def _transaction(self, work: Callable[[UnitOfWork], T]) -> T:
        """Run a scan's decision in one transaction, again after a deadlock or lock wait the server broke.

        Several processes on one database lock the same employees (recording.punch_or_cooldown); a tap the
        server chose as a deadlock victim is decided anew rather than answered 503.
        """
        for attempt in range(1, TRANSIENT_ATTEMPTS + 1):
            try:
                with self._write_lock, self._uow() as uow:
                    result = work(uow)
                    uow.commit()
                return result
            except StorageUnavailableError as error:
                if not error.transient or attempt == TRANSIENT_ATTEMPTS:
                    raise
                log.info("scan transaction retried after %s (attempt %d)", error.cause, attempt)
        raise AssertionError("unreachable")

    def challenge(self, terminal: Terminal) -> str:
        """A fresh challenge bound to the terminal, redeemable once at any process on the database."""
        return self.challenges.issue(terminal.id)

    def _received(self, received: datetime | None) -> datetime:
        # The listener stamps the arrival: a request that queued behind a slow database keeps its own time
        # and its place (stamping here, on the worker, stored queued scans late and out of order).
        return received if received is not None else self._clock.now()

    def secure_scan(
        self, terminal: Terminal, scan: SecureScan, received: datetime | None = None
    ) -> ScanResult:
        """A signed phone scan, checked in the contract's order (§3.2); the challenge is used up first.

        ``received``: when the request arrived (UTC); now when not given.
        """
        ctx = ScanContext(terminal, self._received(received), scan.terminal_ts)
        self._health.tapped(terminal.id)
        sealed = self.challenges.open(scan.challenge_b64)
        if sealed is None:
            return refused(ctx, ScanOutcome.INVALID_CHALLENGE)
        return self._transaction(lambda uow: self._use_then_decide(uow, ctx, scan, sealed))

    def _use_then_decide(
        self, uow: UnitOfWork, ctx: ScanContext, scan: SecureScan, sealed: SealedChallenge
    ) -> ScanResult:
        # Used up whatever follows, also when another terminal presents it (it has leaked): the mark
        # commits with the refusal, in this process or any other on the database.
        fresh = uow.challenges.use(sealed.nonce, sealed.expires_at)
        self._forget_expired_marks(uow, ctx.received)
        if not fresh or not sealed.valid_for(ctx.terminal.id, ctx.received):
            return refused(ctx, ScanOutcome.INVALID_CHALLENGE)
        return self._decide_secure(uow, ctx, scan, sealed.raw)

    def _forget_expired_marks(self, uow: UnitOfWork, now: datetime) -> None:
        """Now and then, drop the marks of challenges that can no longer be presented."""
        self._uses += 1
        if self._uses % FORGET_USED_EVERY == 1:
            uow.challenges.forget_used(now - timedelta(seconds=CHALLENGE_TTL_SECONDS))

    def _decide_secure(
        self, uow: UnitOfWork, ctx: ScanContext, scan: SecureScan, challenge: bytes
    ) -> ScanResult:
        code = phone_code_of(scan.code)
        found = uow.badges.holder(BadgeKind.PHONE, code)  # the active badge, else the newest revoked one
        if found is None:
            canonical = code if PHONE_CODE_RE.match(code) else None
            queue_read(uow, ctx, BadgeKind.PHONE, code, canonical, QueueReason.UNKNOWN)
            return refused(ctx, ScanOutcome.UNKNOWN_BADGE)
        badge, employee = found
        if not badge.public_key_b64:
            if badge.is_active:
                queue_read(
                    uow, ctx, BadgeKind.PHONE, code, code, QueueReason.UNVERIFIED_PHONE, badge.employee_id
                )
            return refused(ctx, ScanOutcome.NOT_ENROLLED)
        if not verify_signature(badge.public_key_b64, challenge, scan.signature_b64):
            self._security(uow, ctx, AuditAction.SECURITY_BAD_SIGNATURE, (EntityType.BADGE, badge.id))
            return refused(ctx, ScanOutcome.BAD_SIGNATURE)
        if not badge.is_active:
            self._security(uow, ctx, AuditAction.SECURITY_REVOKED_BADGE_USED, (EntityType.BADGE, badge.id))
            queue_read(uow, ctx, BadgeKind.PHONE, code, code, QueueReason.REVOKED_BADGE, badge.employee_id)
            return refused(ctx, ScanOutcome.BADGE_REVOKED)
        if badge.key_state is not KeyState.VERIFIED:
            uow.badges.set_key(badge.id, badge.public_key_b64, KeyState.VERIFIED)
            record(
                uow, Actor.terminal(ctx.terminal.id), ctx.received, AuditAction.BADGE_KEY_VERIFIED,
                (EntityType.BADGE, badge.id),
                after={"state": KeyState.VERIFIED.value},
            )  # fmt: skip
        if not employee.is_active:
            queue_read(
                uow, ctx, BadgeKind.PHONE, code, code, QueueReason.INACTIVE_EMPLOYEE, badge.employee_id
            )
            return refused(ctx, ScanOutcome.EMPLOYEE_INACTIVE)
        settings = self._settings.get(uow)
        flags = skew_flags(
            ctx.terminal_ts, ctx.received, settings
        )  # the phone terminal's ts is diagnostics only
        plan = PunchPlan(ctx.received, flags, evidence=(scan.challenge_b64, scan.signature_b64))
        return punch_or_cooldown(uow, settings, ctx, Holder(badge, employee), plan)

    @staticmethod
    def _security(
        uow: UnitOfWork, ctx: ScanContext, action: AuditAction, entity: tuple[EntityType, object]
    ) -> None:
        actor = Actor.terminal(ctx.terminal.id)
        record(
            uow,
            actor,
            ctx.received,
            action,
            entity,
            after={"terminal_id": ctx.terminal.id},
            outcome=AuditOutcome.REFUSED,
        )

    def card_scan(
        self, terminal: Terminal, scan: CardScan, received: datetime | None = None
    ) -> CardScanResult:
        """A card read; a repeated event id returns its first outcome (ConflictError for another card)."""
        ctx = ScanContext(terminal, self._received(received), scan.terminal_ts, scan.event_id)
        self._health.tapped(terminal.id)
        try:
            return self._transaction(lambda uow: self._card_once(uow, ctx, scan))
        except IntegrityConflictError:
            if scan.event_id is None:
                raise
            # Two requests with one event id raced; the loser replays the winner's stored outcome.
            return self._transaction(lambda uow: self._card_once(uow, ctx, scan))

    def _card_once(self, uow: UnitOfWork, ctx: ScanContext, scan: CardScan) -> CardScanResult:
        settings = self._settings.get(uow)
        ctx = in_office_zone(ctx, settings)
        if ctx.event_id is not None:
            receipt = uow.scan_receipts.get(ctx.terminal.id, ctx.event_id)
            if receipt is not None:
                return CardScanResult(
                    replay(receipt, ctx.terminal, scan.raw_uid), ctx.event_id, duplicate=True
                )
        result = decide_card(uow, ctx, scan, settings)
        keep_receipt(uow, ctx, scan.raw_uid, result)
        return CardScanResult(result, ctx.event_id)

    def first_scan(
        self, terminal: Terminal, code: str, public_key_b64: str, received: datetime | None = None
    ) -> EnrollResult:
        """Register a phone's public key through a terminal in its enrollment window (§3.3)."""
        ctx = ScanContext(terminal, self._received(received))
        gate = enrollment_gate(terminal, ctx.received)
        if gate is not None:
            return EnrollResult(gate)
        return self._transaction(lambda uow: enroll_key(uow, ctx, phone_code_of(code), public_key_b64))

    def security_event(self, terminal_id: int, action: AuditAction, detail: dict[str, object]) -> None:
        """Audit what the listener itself refuses (terminal mismatch, rate-limit trips); best effort."""
        now = self._clock.now()
        try:
            with self._uow() as uow:
                record(uow, Actor.terminal(terminal_id), now, action, (EntityType.TERMINAL, terminal_id),
                       after=detail,
                       outcome=AuditOutcome.REFUSED)  # fmt: skip
                uow.commit()
        except StorageUnavailableError as error:
            log.warning("security event %s of terminal %d not audited: %s", action, terminal_id, error.cause)
