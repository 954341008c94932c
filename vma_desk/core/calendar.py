"""Calendar records: appointment types, appointments, schedule blocks and the waitlist.

Times are aware datetimes in UTC in every record; the practice's time zone is applied only when a
rule needs local time (working hours, recurring blocks) and when the UI shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from vma_desk.core.records import ContactMethod


class VisitStatus(StrEnum):
    """The confirmation status of one visit, as the domain brief lists it."""

    UNCONFIRMED = "unconfirmed"
    LEFT_MESSAGE = "left_message"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"
    ARRIVED = "arrived"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def holds_slot(self) -> bool:
        """A cancelled visit frees its slot, and a no-show the rest of it; others keep theirs."""
        return self not in (VisitStatus.CANCELLED, VisitStatus.NO_SHOW)

    @property
    def is_confirmation(self) -> bool:
        """Unconfirmed, left message, confirmed: where the confirmation calls stand (the visit's
        `confirmation`); the others are what became of the visit (arrived, no-show, cancelled)."""
        return self in CONFIRMATIONS


#: the confirmation states, in the order a visit goes through them
CONFIRMATIONS = (VisitStatus.UNCONFIRMED, VisitStatus.LEFT_MESSAGE, VisitStatus.CONFIRMED)
#: what can be recorded of the visit itself, apart from its confirmation (cancelling needs its reason)
ARRIVALS = (VisitStatus.ARRIVED, VisitStatus.NO_SHOW)


class EligibilityStatus(StrEnum):
    UNVERIFIED = "unverified"
    VERIFIED = "verified"  # active on the date, member covered, in network
    PROBLEM = "problem"  # inactive, out of network, member not found...


class TechCheck(StrEnum):
    NOT_NEEDED = "not_needed"
    PENDING = "pending"
    PASSED = "passed"
    FAILED = "failed"


class BlockKind(StrEnum):
    LUNCH = "lunch"
    MEETING = "meeting"
    VACATION = "vacation"
    ADMIN = "admin"


@dataclass(frozen=True)
class AppointmentType:
    code: str  # stable key, e.g. "new", "est", "fu", "proc", "tele"
    name: str
    minutes: int
    buffer_minutes: int = 0
    new_patient: bool = False
    telehealth: bool = False
    prep: str = ""  # prep reminder read out when confirming (fasting, bring records...)
    active: bool = True
    #: a post-visit follow-up call this many business days after an arrived visit (1-30); None: off
    follow_up_days: int | None = None


class InsuranceRank(StrEnum):
    """Which of a patient's insurances: the primary pays first, the secondary after it
    (coordination of benefits)."""

    PRIMARY = "primary"
    SECONDARY = "secondary"


@dataclass(frozen=True)
class Eligibility:
    """The eligibility check of one visit. `status` ... `oop_note` are the result for the insurance
    billed first (`insurance`: the primary unless the VMA found the secondary is billed first);
    `secondary_status` is the secondary's verification, when the patient has one."""

    status: EligibilityStatus = EligibilityStatus.UNVERIFIED
    active: bool | None = None
    in_network: bool | None = None
    copay_note: str = ""
    checked_at: datetime | None = None
    checked_by: str = ""
    #: None: not recorded
    deductible_met: bool | None = None
    #: what is left of the deductible, as money ("$350.00"), "" when not recorded
    deductible_remaining: str = ""
    #: the patient's share after the deductible, as a percentage ("20%"), "" when not recorded
    coinsurance: str = ""
    #: out-of-pocket maximum and what is met of it, in the payer's words
    oop_note: str = ""
    secondary_status: EligibilityStatus = EligibilityStatus.UNVERIFIED
    insurance: InsuranceRank = InsuranceRank.PRIMARY


@dataclass(frozen=True)
class Appointment:
    patient_id: int
    provider_id: int
    type_code: str
    start: datetime  # UTC
    minutes: int
    id: int | None = None
    reason: str = ""
    notes: str = ""
    #: the visit's state as the schedule shows it: its confirmation while it is to come, then
    #: arrived / no-show / cancelled
    status: VisitStatus = VisitStatus.UNCONFIRMED
    confirmation_method: ContactMethod | None = None
    cancel_reason: str = ""
    cancelled_at: datetime | None = None
    late_cancel: bool = False
    #: who authorised the last schedule change (booking, reschedule, cancel)
    authorised_by: str = ""
    #: who entered the last schedule change (the signed-in user), whoever authorised it
    entered_by: str = ""
    #: why a conflict was deliberately overridden ("" when none was)
    override_reason: str = ""
    eligibility: Eligibility = Eligibility()
    telehealth_link: str = ""
    tech_check: TechCheck = TechCheck.NOT_NEEDED
    #: where the confirmation calls stand (one of CONFIRMATIONS), kept when the patient arrives;
    #: left at its default, it follows a `status` that is a confirmation state
    confirmation: VisitStatus = VisitStatus.UNCONFIRMED
    #: when the visit was booked (UTC); None for visits booked before VMA Desk kept it
    booked_at: datetime | None = None
    #: a post-visit follow-up call is wanted after this visit, whatever its type says
    call_after: bool = False

    def __post_init__(self) -> None:
        if self.confirmation is VisitStatus.UNCONFIRMED and self.status.is_confirmation:
            object.__setattr__(self, "confirmation", self.status)

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    @property
    def arrival(self) -> VisitStatus | None:
        """Arrived, no-show or cancelled; None while the visit is still to come."""
        return None if self.status.is_confirmation else self.status


@dataclass(frozen=True)
class Block:
    """Time a provider (or, with provider_id None, everyone) cannot be booked.

    `start` is the first occurrence in practice-local wall time (naive); `rrule` an RFC 5545 RRULE
    body such as "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" ("" for a one-off). Expanding in local wall
    time keeps a 12:00 lunch at 12:00 across DST changes.
    """

    kind: BlockKind
    start: datetime  # practice-local, naive
    minutes: int
    provider_id: int | None = None
    title: str = ""
    rrule: str = ""
    id: int | None = None


@dataclass(frozen=True)
class WaitlistEntry:
    patient_id: int
    type_code: str
    added_at: datetime  # UTC; earlier entries are proposed first
    provider_id: int | None = None  # None: any provider
    days: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # 0 = Monday
    earliest: time = time(7, 0)
    latest: time = time(19, 0)  # the visit must start by this local time
    note: str = ""
    id: int | None = None
    active: bool = True


@dataclass(frozen=True)
class Slot:
    provider_id: int
    start: datetime  # UTC
    minutes: int

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


class ConflictKind(StrEnum):
    DOUBLE_BOOKING = "double_booking"
    OUTSIDE_HOURS = "outside_hours"
    BLOCKED = "blocked"
    CLOSED = "closed"  # practice holiday or non-business day
    PATIENT_BUSY = "patient_busy"  # the patient has another visit then, with any provider


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    message: str  # plain words: which conflict, e.g. "Dr Lee has lunch 12:00-13:00"


@dataclass(frozen=True)
class BlockOccurrence:
    """One occurrence of a (possibly recurring) block, in UTC."""

    block: Block
    provider_id: int | None
    start: datetime
    end: datetime
