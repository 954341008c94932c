"""The shared records: practice, staff and patients (frozen dataclasses and enums).

Records are plain values. Storage turns them into rows, services validate and change them, the UI
shows them. A record with ``id=None`` has not been saved yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import StrEnum

from vma_desk.core.wording import age_on


class Role(StrEnum):
    PROVIDER = "provider"
    CLINICAL = "clinical"
    BILLING = "billing"
    RECORDS = "records"
    FRONT_DESK = "front_desk"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.PROVIDER: "Provider",
    Role.CLINICAL: "Nurse / clinical",
    Role.BILLING: "Billing",
    Role.RECORDS: "Records",
    Role.FRONT_DESK: "Front desk",
}


class RouteCategory(StrEnum):
    """What a routed call is about; staff members say which ones they receive."""

    URGENT_MEDICAL = "urgent_medical"
    TEST_RESULTS = "test_results"
    REFILLS = "refills"
    APPOINTMENTS = "appointments"
    BILLING = "billing"
    RECORDS = "records"
    PROVIDER_STAFF = "provider_staff"
    GENERAL = "general"


class ContactMethod(StrEnum):
    PHONE = "phone"
    TEXT = "text"
    EMAIL = "email"
    PORTAL = "portal"


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    HOME = "home"
    WORK = "work"


class PlanType(StrEnum):
    HMO = "HMO"
    PPO = "PPO"
    EPO = "EPO"
    POS = "POS"
    MEDICARE = "Medicare"
    MEDICARE_ADVANTAGE = "Medicare Advantage"
    MEDICAID = "Medicaid"
    SELF_PAY = "Self-pay"

    @property
    def needs_referral_authorisation(self) -> bool:
        return self in (PlanType.HMO, PlanType.MEDICARE_ADVANTAGE)



@dataclass(frozen=True)
class Holiday:
    day: date
    name: str


@dataclass(frozen=True)
class Practice:
    name: str
    time_zone: str
    #: ISO weekday numbers counted from 0 = Monday
    business_days: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    holidays: tuple[Holiday, ...] = ()
    phone: str = ""

    def is_business_day(self, day: date) -> bool:
        return day.weekday() in self.business_days and all(h.day != day for h in self.holidays)


@dataclass(frozen=True)
class Shift:
    """One span of working time on one weekday, in the practice's time zone."""

    weekday: int
    start: time
    end: time


@dataclass(frozen=True)
class StaffMember:
    name: str
    role: Role
    id: int | None = None
    credentials: str = ""
    working_hours: tuple[Shift, ...] = ()
    receives: frozenset[RouteCategory] = frozenset()
    #: for non-providers: the providers whose staff they are (routing "the provider's staff")
    supports: frozenset[int] = frozenset()
    active: bool = True

    @property
    def display_name(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


@dataclass(frozen=True)
class Phone:
    number: str  # E.164, e.g. +13125550142
    kind: PhoneKind = PhoneKind.MOBILE


@dataclass(frozen=True)
class Insurance:
    """One insurance policy as on the card. A patient's primary pays first, the secondary after it
    (coordination of benefits). `plan_type` is None only for a secondary whose plan type was not
    recorded; `subscriber` is the policy holder's name when it is not the patient."""

    payer: str
    member_id: str
    plan_type: PlanType | None
    group_number: str = ""
    subscriber: str = ""

    @property
    def summary(self) -> str:
        """"Northwind Health PPO": payer and plan, never the member or group number."""
        plan = self.plan_type.value if self.plan_type else ""
        return " ".join(part for part in (self.payer, plan) if part) or "Self-pay"


@dataclass(frozen=True)
class CareGap:
    """A dated flag such as an overdue mammogram, A1c or colonoscopy."""

    kind: str
    due: date
    note: str = ""
    #: when it was done, as the VMA recorded it (a done gap is no longer due); None: not done
    done: date | None = None


@dataclass(frozen=True)
class LastVisit:
    provider_id: int
    day: date


@dataclass(frozen=True)
class Patient:
    first_name: str
    last_name: str
    date_of_birth: date
    id: int | None = None
    phones: tuple[Phone, ...] = ()
    email: str = ""
    preferred_contact: ContactMethod = ContactMethod.PHONE
    #: the primary insurance (None: not recorded)
    insurance: Insurance | None = None
    preferred_pharmacy: str = ""
    last_visits: tuple[LastVisit, ...] = ()
    care_gaps: tuple[CareGap, ...] = ()
    notes: str = ""
    #: the insurance that pays after the primary (None: none)
    secondary_insurance: Insurance | None = None

    @property
    def display_name(self) -> str:
        return f"{self.last_name}, {self.first_name}"

    @property
    def insurance_text(self) -> str:
        """"Primary: Northwind Health PPO · Secondary: Harbor Mutual Medicare" (payers and plans
        only, never member or group numbers); "" when no insurance is recorded."""
        parts = [f"{rank}: {ins.summary}" for rank, ins in (
            ("Primary", self.insurance), ("Secondary", self.secondary_insurance)) if ins is not None]
        return " · ".join(parts)

    def age_on(self, day: date) -> int:
        return age_on(self.date_of_birth, day)


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    OPEN = "open"
    RECOVER = "recover"
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    LOCK = "lock"
    UNLOCK = "unlock"
    #: the workspace got a new random key (its earlier recovery key opens only older backups)
    REKEY = "rekey"
    #: keyring <-> passphrase, or a new passphrase
    PROTECTION_CHANGED = "protection_changed"
    BACKUP = "backup"
    RESTORE = "restore"
    #: a search was made (which one, never its words: the words may be a patient's name or number)
    SEARCH = "search"


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    user: str
    action: AuditAction
    record_type: str
    record_id: str
    detail: str = ""
    id: int | None = None
    #: the OS login and computer the entry was made on ("ann@laptop")
    workstation: str = ""
    #: the signed-in VMA Desk user (None for entries made before users existed, or by no one)
    user_id: int | None = None


class RecordKind(StrEnum):
    """The kinds of record a `Change` names. The values are the words the audit trail has always
    stored as an entry's record type (a member equals its word: ``RecordKind.CALL == "call"``)."""

    PATIENT = "patient"
    PRACTICE = "practice"
    STAFF = "staff"
    USER = "user"
    #: a practice-wide setting (message and call targets, refill and referral rules)
    SETTING = "setting"
    #: the workspace file itself: its key, passphrase or protection
    WORKSPACE = "workspace"
    CALL = "call"
    MESSAGE = "message"
    REFILL = "refill"
    REFERRAL = "referral"
    PRIOR_AUTH = "prior_auth"
    APPOINTMENT = "appointment"
    APPOINTMENT_TYPE = "appointment_type"
    SCHEDULE_BLOCK = "schedule_block"
    WAITLIST = "waitlist"
    HANDOFF = "handoff"
    #: a provider's calendar exported as an ICS file
    CALENDAR = "calendar"
    #: a PDF sheet exported or printed
    PDF = "pdf"
    #: one outbound contact attempt of a chase (`core/chase.py`)
    CONTACT_ATTEMPT = "contact_attempt"
    VOICEMAIL = "voicemail"
    #: the voicemail box checked
    VOICEMAIL_CHECK = "voicemail_check"
    #: a task between staff (`core/tasks.py`)
    TASK = "task"
    #: an intake packet: the practice's items per visit type, a visit's forms (`core/intake.py`)
    INTAKE = "intake"
    #: a test result expected for a patient (`core/results.py`)
    RESULT = "result"
    #: a release of records or records asked from elsewhere (`core/records_requests.py`)
    RECORDS_REQUEST = "records_request"


@dataclass(frozen=True)
class Change:
    """What one service call changed, so that each view refreshes only what it shows.

    `origin` names what caused it: the widget that made it (the UI fills it in with `from_origin`);
    "" when no one said. Services leave it empty; the command line sets none: it refreshes no view
    and drops the changes it gets."""

    kind: RecordKind
    action: AuditAction
    ids: tuple[int, ...] = field(default=())
    origin: str = ""

    def from_origin(self, origin: str) -> Change:
        """This change, said to come from `origin` (everything else kept)."""
        return replace(self, origin=origin)
