"""Referrals to specialists and prior authorisations, with their time-stamped state changes.
Times are aware UTC datetimes; dates (authorisation validity, follow-ups) are practice-local days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from vma_desk.core.communications import Urgency


class ReferralState(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    SCHEDULED = "scheduled"  # the specialist appointment is booked
    SEEN = "seen"
    REPORT_RECEIVED = "report_received"  # the consult report is back and filed: the loop is closed
    CLOSED = "closed"
    CANCELLED = "cancelled"
    DECLINED = "declined"  # the specialist or the patient declined

    @property
    def label(self) -> str:
        return {"scheduled": "Appointment scheduled", "report_received": "Report received"}.get(
            self.value, self.value.capitalize())

    @property
    def is_final(self) -> bool:
        return self in (ReferralState.CLOSED, ReferralState.CANCELLED, ReferralState.DECLINED)


#: the ordinary path; cancelled and declined leave it
REFERRAL_PATH = (ReferralState.DRAFT, ReferralState.SENT, ReferralState.SCHEDULED, ReferralState.SEEN,
                 ReferralState.REPORT_RECEIVED, ReferralState.CLOSED)

RECORDS_CHECKLIST = ("Referral letter", "Office notes", "Medication list", "Lab results", "Imaging",
                     "Insurance card")


@dataclass(frozen=True)
class StateEvent:
    state: str  # a ReferralState or PriorAuthStatus value
    at: datetime
    by: str
    note: str = ""
    #: who entered the move when someone else did the act ("" means `by` recorded it themself)
    recorded_by: str = ""


@dataclass(frozen=True)
class Referral:
    patient_id: int
    referring_provider_id: int
    specialty: str
    specialist_office: str
    reason: str
    created_at: datetime
    specialist_contact: str = ""  # phone or fax, E.164 when a number
    urgency: Urgency = Urgency.ROUTINE
    auth_required: bool = False  # the patient's plan (HMO) needs a referral authorisation
    auth_number: str = ""
    auth_valid_until: date | None = None
    records_sent: frozenset[str] = frozenset()
    appointment_at: datetime | None = None  # the specialist visit
    notes: str = ""
    call_id: int | None = None
    state: ReferralState = ReferralState.DRAFT
    state_since: datetime | None = None  # the last movement
    events: tuple[StateEvent, ...] = field(default=())
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return not self.state.is_final


class PriorAuthKind(StrEnum):
    PROCEDURE = "procedure"
    MEDICATION = "medication"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class PriorAuthStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DENIED = "denied"
    APPEAL = "appeal"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return {"appeal": "Under appeal"}.get(self.value, self.value.capitalize())

    @property
    def awaiting_payer(self) -> bool:
        return self in (PriorAuthStatus.PENDING, PriorAuthStatus.APPEAL)


@dataclass(frozen=True)
class PriorAuth:
    patient_id: int
    kind: PriorAuthKind
    payer: str
    service: str  # the procedure or medication
    submitted_on: date
    follow_up_on: date
    status: PriorAuthStatus = PriorAuthStatus.PENDING
    auth_number: str = ""
    valid_from: date | None = None
    valid_until: date | None = None
    denial_reason: str = ""
    referral_id: int | None = None
    notes: str = ""
    events: tuple[StateEvent, ...] = field(default=())
    id: int | None = None


class Flag(StrEnum):
    """What makes a referral or an authorisation stand out in its list."""

    STUCK = "stuck"  # no movement for longer than its urgency allows
    AUTH_MISSING = "auth_missing"  # the plan needs an authorisation and none is recorded
    AUTH_EXPIRING = "auth_expiring"
    AUTH_EXPIRED = "auth_expired"
    FOLLOW_UP_OVERDUE = "follow_up_overdue"

    @property
    def label(self) -> str:
        return {
            "stuck": "Stuck",
            "auth_missing": "Authorisation missing",
            "auth_expiring": "Authorisation expiring",
            "auth_expired": "Authorisation expired",
            "follow_up_overdue": "Follow-up overdue",
        }[self.value]
