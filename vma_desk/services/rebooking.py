"""The To rebook list: no-shows and cancellations with no later visit and no decision yet, read in a
few set-based queries; "Rebook" (a new visit of the original type with the original provider, and
the decision, saved together) and "Won't rebook" (with its reason); the practice's window
(`rebook.within_days`).

Every change is one transaction with its audit entries (never the reason's words) and returns a
`Change`.
"""

from __future__ import annotations

from datetime import datetime

from vma_desk.core.calendar import Appointment
from vma_desk.core.chase import ChaseKind
from vma_desk.core.errors import NotFoundError, ValidationError
from vma_desk.core.rebooking import (
    DEFAULT_WITHIN_DAYS,
    MISSED,
    REASON_LIMIT,
    Decision,
    RebookDecision,
    RebookRow,
    answered_after,
    missed_since,
    rebook_rows,
    still_to_rebook,
)
from vma_desk.core.recall import SLOT_HOLDING, check_within_days, within_days_from
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.core.validation import clean_text
from vma_desk.services.base import ServiceContext
from vma_desk.services.calendar import CalendarService
from vma_desk.services.chase import ChaseService
from vma_desk.storage.recall_repository import RecallRepository
from vma_desk.storage.repositories import SettingRepository

DAYS_KEY = "rebook.within_days"


class RebookingService:
    def __init__(self, context: ServiceContext, *, calendar: CalendarService, chase: ChaseService) -> None:
        self.ctx = context
        self.calendar = calendar
        self.chase = chase
        self.repo = RecallRepository(context.conn)

    # --- settings ---------------------------------------------------------------------------------
    def within_days(self) -> int:
        """How far back a missed visit stays on the list (days)."""
        return within_days_from(SettingRepository(self.ctx.conn).get(DAYS_KEY), DEFAULT_WITHIN_DAYS)

    def set_within_days(self, days: int) -> Change:
        check_within_days(days)
        with self.ctx.transaction():
            SettingRepository(self.ctx.conn).set(DAYS_KEY, str(days))
            self.ctx.audit(AuditAction.UPDATE, RecordKind.SETTING, "rebook", "within_days")
        return Change(RecordKind.SETTING, AuditAction.UPDATE)

    # --- the list ---------------------------------------------------------------------------------
    def to_rebook(self) -> list[RebookRow]:
        """The To rebook list, the latest missed or cancelled first: each visit with its reason, its
        late-cancellation flag, the patient's no-show count and its rebooking attempts."""
        since = missed_since(self.ctx.clock.now(), self.within_days())
        # the decided are left out by the query; the later visits are read for these patients only
        missed = self.repo.undecided_since(since, [s.value for s in MISSED])
        if not missed:
            return []
        latest = self.repo.latest_starts_after(min(answered_after(v) for v in missed),
                                               [s.value for s in SLOT_HOLDING],
                                               sorted({v.patient_id for v in missed}))
        open_ = still_to_rebook(missed, since, latest, ())
        return rebook_rows(open_, self.calendar.no_show_counts(sorted({v.patient_id for v in open_})),
                           self.chase.states(ChaseKind.REBOOK, [v.id or 0 for v in open_]))

    def decision(self, appointment_id: int) -> RebookDecision | None:
        """What was decided about a missed visit (None: nothing yet)."""
        return self.repo.decision(appointment_id)

    # --- changes ----------------------------------------------------------------------------------
    def _undecided_missed(self, appointment_id: int) -> Appointment:
        try:
            visit = self.calendar.get(appointment_id)
        except NotFoundError:
            raise ValidationError("appointment_id", "is not a visit in this workspace") from None
        if visit.status not in MISSED:
            raise ValidationError("status", "only a no-show or a cancelled visit is rebooked")
        decided = self.repo.decision(appointment_id)
        if decided is not None:
            done = decided.decision is Decision.REBOOKED
            raise ValidationError("appointment_id", "was already rebooked" if done
                                  else "is already marked won't rebook")
        return visit

    def rebook(self, appointment_id: int, start: datetime, *, authorised_by: str | None = None,
               override_reason: str = "") -> tuple[Appointment, Change]:
        """Book the missed visit again at `start`, of its type, with its provider and length, and
        record that it was rebooked: together, or nothing (a conflict refuses both)."""
        missed = self._undecided_missed(appointment_id)
        again = Appointment(patient_id=missed.patient_id, provider_id=missed.provider_id,
                            type_code=missed.type_code, start=start, minutes=missed.minutes,
                            reason=missed.reason)
        with self.ctx.all_or_nothing():
            booked, _ = self.calendar.book(again, authorised_by=authorised_by,
                                           override_reason=override_reason)
            self.repo.insert_decision(RebookDecision(appointment_id, Decision.REBOOKED, self.ctx.clock.now(),
                                                     by=self.ctx.user, new_appointment_id=booked.id))
            self.ctx.audit(AuditAction.UPDATE, RecordKind.APPOINTMENT, appointment_id,
                           f"rebooked as appointment {booked.id}")
        return booked, Change(RecordKind.APPOINTMENT, AuditAction.CREATE, (booked.id or 0, appointment_id))

    def wont_rebook(self, appointment_id: int, reason: str) -> Change:
        """The missed visit is not to be rebooked, for `reason` (required): it leaves the list."""
        self._undecided_missed(appointment_id)
        why = clean_text("reason", reason, required=True, limit=REASON_LIMIT)
        decision = RebookDecision(appointment_id, Decision.WONT_REBOOK, self.ctx.clock.now(),
                                  by=self.ctx.user, reason=why)
        with self.ctx.transaction():
            self.repo.insert_decision(decision)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.APPOINTMENT, appointment_id, "won't rebook")
        return Change(RecordKind.APPOINTMENT, AuditAction.UPDATE, (appointment_id,))
