"""Rebooking: no-shows and cancellations called to book again.

A missed visit (a no-show, or a cancellation) is on the To rebook list when its time was within the
last `within_days` (a practice setting, 30 by default) or is still to come, nobody decided about it
yet (rebooked through the list, or "won't rebook" with a reason), and the patient has no later visit
holding its slot: one starting after the visit was missed (its start), or, for a cancellation, after
it was cancelled (a visit booked in its place, even an earlier one, answers it).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import ChaseState

#: how far back a missed visit stays on the list, by default
DEFAULT_WITHIN_DAYS = 30
#: the statuses of a missed visit
MISSED = (VisitStatus.NO_SHOW, VisitStatus.CANCELLED)
#: the longest "won't rebook" reason
REASON_LIMIT = 200


class Decision(StrEnum):
    REBOOKED = "rebooked"
    WONT_REBOOK = "wont_rebook"


@dataclass(frozen=True)
class RebookDecision:
    """What was decided about one missed visit, by whom and when."""

    appointment_id: int
    decision: Decision
    at: datetime
    by: str = ""
    #: why not (a "won't rebook" only)
    reason: str = ""
    #: the visit booked in its place (a "rebooked" only)
    new_appointment_id: int | None = None


def missed_since(now: datetime, within_days: int) -> datetime:
    """The earliest start of a missed visit still on the list."""
    return now - timedelta(days=within_days)


def answered_after(visit: Appointment) -> datetime:
    """A later visit starting after this moment answers the missed one: its start, or when it was
    cancelled when that came first."""
    if visit.cancelled_at is not None and visit.cancelled_at < visit.start:
        return visit.cancelled_at
    return visit.start


def to_rebook(visit: Appointment, since: datetime, latest_booked: datetime | None,
              decided: Collection[int]) -> bool:
    """The missed visit is on the list: missed or cancelled, its time on or after `since`, no
    decision, and the patient's latest visit holding its slot (`latest_booked`) not after it."""
    return (visit.status in MISSED and visit.start >= since and visit.id not in decided
            and (latest_booked is None or latest_booked <= answered_after(visit)))


@dataclass(frozen=True)
class RebookRow:
    """One missed visit on the To rebook list."""

    appointment: Appointment
    #: the patient's no-shows, all time
    no_shows: int = 0
    #: where the rebooking calls stand (attached by the service)
    chase: ChaseState = ChaseState()

    @property
    def appointment_id(self) -> int:
        return self.appointment.id or 0

    @property
    def patient_id(self) -> int:
        return self.appointment.patient_id

    @property
    def reason(self) -> str:
        """The cancellation's reason, or "no-show"."""
        if self.appointment.status is VisitStatus.NO_SHOW:
            return "no-show"
        return self.appointment.cancel_reason or "cancelled"

    @property
    def late_cancel(self) -> bool:
        return self.appointment.late_cancel


def still_to_rebook(visits: Iterable[Appointment], since: datetime, latest_booked: Mapping[int, datetime],
                    decided: Collection[int]) -> list[Appointment]:
    """The missed visits on the list (`latest_booked`: each patient's latest visit holding its slot)."""
    return [v for v in visits if to_rebook(v, since, latest_booked.get(v.patient_id), decided)]


def rebook_rows(visits: Iterable[Appointment], no_shows: Mapping[int, int],
                states: Mapping[int, ChaseState]) -> list[RebookRow]:
    """The To rebook list's rows, the latest missed or cancelled first."""
    rows = [RebookRow(v, no_shows.get(v.patient_id, 0), states.get(v.id or 0, ChaseState())) for v in visits]
    return sorted(rows, key=lambda r: (answered_after(r.appointment), r.appointment_id), reverse=True)
