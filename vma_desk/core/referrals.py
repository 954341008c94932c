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
    #: "" a move; "undo" a move taken back (the state is the one returned to); "reopen"
    action: str = ""


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
    #: the "patient told" step: when the patient was told (the specialist visit, or that the
    #: referral went out), by whom and how; None until then
    patient_told_at: datetime | None = None
    patient_told_by: str = ""
    patient_told_how: str = ""  # a TellMethod value
    state: ReferralState = ReferralState.DRAFT
    state_since: datetime | None = None  # the last movement
    events: tuple[StateEvent, ...] = field(default=())
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return not self.state.is_final


#: the step recorded in a referral's history when the patient is told (not a state: it moves nothing)
PATIENT_TOLD = "patient_told"


def is_move(event: StateEvent) -> bool:
    """A referral event that changed its state (a "patient told" step changes none)."""
    return event.state != PATIENT_TOLD


def step_label(state: str) -> str:
    """'Sent', 'Appointment scheduled', 'Patient told': a referral event as its history says it."""
    return "Patient told" if state == PATIENT_TOLD else ReferralState(state).label


class TellMethod(StrEnum):
    """How the patient was told about their referral."""

    PHONE = "phone"
    PORTAL = "portal"
    LETTER = "letter"
    IN_PERSON = "in_person"

    @property
    def label(self) -> str:
        return {"in_person": "In person"}.get(self.value, self.value.capitalize())

    @property
    def words(self) -> str:
        """'by phone', 'through the portal', 'by letter', 'in person'."""
        return {"phone": "by phone", "portal": "through the portal", "letter": "by letter",
                "in_person": "in person"}[self.value]


class PriorAuthKind(StrEnum):
    PROCEDURE = "procedure"
    IMAGING = "imaging"
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
    #: units or visits the approval covers (None: not limited by count), how many are used so far,
    #: and what they are called ("visits", "units", "sessions")
    units_authorised: int | None = None
    units_used: int = 0
    unit_label: str = ""
    #: the authorised procedure or imaging was done on this day: the approval is used, not watched
    service_done_on: date | None = None
    #: the authorisation this one renews (its approval is no longer watched once this is submitted)
    renewal_of: int | None = None
    events: tuple[StateEvent, ...] = field(default=())
    id: int | None = None

    @property
    def units_left(self) -> int | None:
        return None if self.units_authorised is None else max(0, self.units_authorised - self.units_used)

    @property
    def units_word(self) -> str:
        return self.unit_label or "units"


#: the step recorded in a prior authorisation's history when the authorised service is done
SERVICE_DONE = "service_done"


class Flag(StrEnum):
    """What makes a referral or an authorisation stand out in its list."""

    STUCK = "stuck"  # no movement for longer than its urgency allows
    AUTH_MISSING = "auth_missing"  # the plan needs an authorisation and none is recorded
    AUTH_EXPIRING = "auth_expiring"
    AUTH_EXPIRED = "auth_expired"
    FOLLOW_UP_OVERDUE = "follow_up_overdue"
    UNITS_LOW = "units_low"  # the units or visits authorised are nearly used up
    UNITS_USED_UP = "units_used_up"  # every unit or visit authorised is used
    PATIENT_NOT_TOLD = "patient_not_told"  # the specialist visit is booked, the patient not told

    @property
    def label(self) -> str:
        return {
            "stuck": "Stuck",
            "auth_missing": "Authorisation missing",
            "auth_expiring": "Authorisation expiring",
            "auth_expired": "Authorisation expired",
            "follow_up_overdue": "Follow-up overdue",
            "units_low": "Units nearly used up",
            "units_used_up": "Units used up",
            "patient_not_told": "Patient not told",
        }[self.value]
