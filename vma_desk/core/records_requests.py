"""Records requests: releases of a patient's records to someone outside the practice (outgoing) and
records the practice asks for from a hospital, an ER, another practice or a specialist (incoming).

Both run on a business-day clock from the day they were asked (`DEFAULT_DAYS`, a practice setting
from `MIN_DAYS` to `MAX_DAYS`): weekends and the practice's holidays are skipped, and a request
still open after its due day is late. An outgoing release is sent only with the patient's signed
authorisation on file, dated no later than the day it is sent and not expired on that day; without
one it is refused with the reason (`check_release`). A release sent is a disclosure: it stays in the
patient's accounting of disclosures for good (it is never reopened; a new request sends again).

Each step (asked, authorisation recorded, sent or received, cancelled, reopened) is a time-stamped
event with who did it and who recorded it. The VMA records and sends; the clinical content is the
chart's, never kept here beyond a short list of what was asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from vma_desk.core.records import Practice
from vma_desk.core.rules.business_days import next_business_day

#: business days from the day a request was asked to the day it is due
DEFAULT_DAYS = 5
#: the range a practice may set
MIN_DAYS, MAX_DAYS = 1, 30
#: the longest each text may be
PARTY_LIMIT, ITEMS_LIMIT, PURPOSE_LIMIT, REASON_LIMIT = 120, 500, 200, 500


class Direction(StrEnum):
    OUTGOING = "outgoing"  # a release of the practice's records to someone else
    INCOMING = "incoming"  # records the practice asked for from someone else

    @property
    def label(self) -> str:
        return {"outgoing": "Release of records", "incoming": "Records asked for"}[self.value]


class RequestState(StrEnum):
    OPEN = "open"
    SENT = "sent"  # outgoing: the records went out (a disclosure)
    RECEIVED = "received"  # incoming: the records came in
    CANCELLED = "cancelled"  # withdrawn, revoked, a duplicate: closed with its reason

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def is_open(self) -> bool:
        return self is RequestState.OPEN


class SecureChannel(StrEnum):
    """How a release went out: each a secure way, as the practice's policy asks."""

    SECURE_FAX = "secure_fax"
    DIRECT = "direct"
    SECURE_EMAIL = "secure_email"
    PORTAL = "portal"
    MAIL = "mail"
    IN_PERSON = "in_person"

    @property
    def label(self) -> str:
        return {"secure_fax": "Secure fax", "direct": "Direct message", "secure_email": "Secure email",
                "portal": "Patient portal", "mail": "Mail", "in_person": "In person"}[self.value]


class Timing(StrEnum):
    """Where an open request stands against its due day."""

    ON_TIME = "on_time"
    DUE_TODAY = "due_today"
    LATE = "late"

    @property
    def label(self) -> str:
        return {"on_time": "On time", "due_today": "Due today", "late": "Late"}[self.value]


@dataclass(frozen=True)
class RequestEvent:
    """One step: the state it left the request in, when, who did it, who recorded it when someone
    else did ("" when the same), a short note (a reason, the channel) and its action ("" a step,
    "reopen" a reopening with its reason in `note`)."""

    state: RequestState
    at: datetime
    by: str
    note: str = ""
    recorded_by: str = ""
    action: str = ""


@dataclass(frozen=True)
class RecordsRequest:
    """One request. `party`: to whom records go (outgoing: the requester or whom the patient names)
    or from whom they are asked (incoming); `items`: what (e.g. "Visit notes 2024-2025, immunisations");
    `purpose`: why (outgoing: the reason the accounting of disclosures gives). Authorisation dates
    and `asked_on` are practice-local days; times are aware UTC datetimes."""

    direction: Direction
    patient_id: int
    party: str
    asked_on: date
    items: str = ""
    purpose: str = ""
    authorization_on: date | None = None
    authorization_expires: date | None = None
    channel: SecureChannel | None = None
    sent_at: datetime | None = None
    sent_by: str = ""
    received_at: datetime | None = None
    received_by: str = ""
    state: RequestState = RequestState.OPEN
    closed_reason: str = ""
    created_at: datetime | None = None
    created_by: str = ""
    events: tuple[RequestEvent, ...] = ()
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.state.is_open

    @property
    def done_at(self) -> datetime | None:
        """When it was sent (outgoing) or received (incoming); None while open or cancelled."""
        return self.sent_at if self.direction is Direction.OUTGOING else self.received_at


@dataclass(frozen=True)
class Problem:
    """A refusal: the field it concerns and the message (a lower-case continuation of the field)."""

    field: str
    message: str


# --- the business-day clock ---------------------------------------------------------------------

def check_days(days: int) -> Problem | None:
    if not MIN_DAYS <= days <= MAX_DAYS:
        return Problem("days", f"must be between {MIN_DAYS} and {MAX_DAYS} business days")
    return None


def due_on(request: RecordsRequest, practice: Practice, days: int = DEFAULT_DAYS) -> date:
    """The day the request is due: the `days`-th business day after the day it was asked (weekends
    and the practice's holidays skipped; a request asked on a closed day counts from the next)."""
    day = request.asked_on
    for _ in range(days):
        day = next_business_day(practice, day)
    return day


def timing(request: RecordsRequest, today: date, practice: Practice, days: int = DEFAULT_DAYS
           ) -> Timing | None:
    """On time, due today or late for an open request on `today` (practice-local); None once it is
    done or cancelled (the clock stops)."""
    if not request.is_open:
        return None
    due = due_on(request, practice, days)
    if today > due:
        return Timing.LATE
    return Timing.DUE_TODAY if today == due else Timing.ON_TIME


def is_late(request: RecordsRequest, today: date, practice: Practice, days: int = DEFAULT_DAYS) -> bool:
    """Still open after its due day."""
    return timing(request, today, practice, days) is Timing.LATE


# --- what may be saved -----------------------------------------------------------------------------

def check_request(request: RecordsRequest, today: date) -> list[Problem]:
    """What is wrong with a request before it is saved (texts already trimmed): who, what and, for a
    release, why; the day asked not in the future; an authorisation's dates in order."""
    problems: list[Problem] = []
    if not request.party:
        problems.append(Problem("party", "is required: say to whom the records go"
                                if request.direction is Direction.OUTGOING
                                else "is required: say from whom the records are asked"))
    if not request.items:
        problems.append(Problem("items", "is required: say which records"))
    if request.direction is Direction.OUTGOING and not request.purpose:
        problems.append(Problem("purpose", "is required: say why the records are released (it goes on the "
                                           "patient's accounting of disclosures)"))
    for name, text, limit in (("party", request.party, PARTY_LIMIT), ("items", request.items, ITEMS_LIMIT),
                              ("purpose", request.purpose, PURPOSE_LIMIT)):
        if len(text) > limit:
            problems.append(Problem(name, f"is too long (at most {limit} characters)"))
    if request.asked_on > today:
        problems.append(Problem("asked_on", "cannot be in the future: enter the day it was asked"))
    problems += check_authorisation(request.authorization_on, request.authorization_expires, today)
    authorised = request.authorization_on is not None or request.authorization_expires is not None
    if request.direction is Direction.INCOMING and authorised:
        problems.append(Problem("authorization_on", "is for a release: records asked for need none here"))
    return problems


def check_authorisation(signed_on: date | None, expires_on: date | None, today: date) -> list[Problem]:
    """An authorisation's dates as entered: not dated in the future, expiring after it was signed."""
    problems: list[Problem] = []
    if signed_on is not None and signed_on > today:
        problems.append(Problem("authorization_on", "cannot be in the future: enter the day it was signed"))
    if expires_on is not None and signed_on is None:
        problems.append(Problem("authorization_on",
                                "is required with an expiry: enter the day it was signed"))
    if signed_on is not None and expires_on is not None and expires_on < signed_on:
        problems.append(Problem("authorization_expires", "cannot be before the day it was signed"))
    return problems


def check_release(request: RecordsRequest, on_day: date) -> Problem | None:
    """Why the release may not be sent on `on_day` (practice-local), in plain words; None when it
    may: an outgoing request still open, with the patient's authorisation on file, signed on or
    before that day, and not expired on it."""
    if request.direction is not Direction.OUTGOING:
        return Problem("direction", "is records asked for: only a release is sent")
    if not request.is_open:
        return Problem("state", f"is {request.state.value} already: only an open release is sent")
    if request.authorization_on is None:
        return Problem("authorization_on", "is required: record the patient's signed authorisation "
                                           "before releasing records")
    if request.authorization_on > on_day:
        return Problem("authorization_on", "is after the day the records are sent: check the "
                                           "authorisation's date")
    if request.authorization_expires is None:
        return Problem("authorization_expires", "is required: an authorisation says when it expires")
    if request.authorization_expires < on_day:
        return Problem("authorization_expires", "has passed: the authorisation expired before the day the "
                                                "records are sent; ask the patient for a new one")
    return None


def check_received(request: RecordsRequest) -> Problem | None:
    """Why the records may not be marked received; None when they may."""
    if request.direction is not Direction.INCOMING:
        return Problem("direction", "is a release: mark it sent instead")
    if not request.is_open:
        return Problem("state", f"is {request.state.value} already: only an open request is received")
    return None


def check_cancel(request: RecordsRequest, reason: str) -> Problem | None:
    if not request.is_open:
        return Problem("state", f"is {request.state.value} already: only an open request is closed")
    if not reason:
        return Problem("reason", "is required: say why the request is closed without being done")
    if len(reason) > REASON_LIMIT:
        return Problem("reason", f"is too long (at most {REASON_LIMIT} characters)")
    return None


def check_reopen(request: RecordsRequest) -> Problem | None:
    """A cancelled request, or records received (e.g. the wrong patient's file came), may be opened
    again; a release sent is a disclosure and stays as it was."""
    if request.is_open:
        return Problem("state", "is open: only a closed request is reopened")
    if request.state is RequestState.SENT:
        return Problem("state", "is sent: a release sent stays on the accounting of disclosures; "
                                "record a new request to send again")
    return None


# --- the accounting of disclosures ------------------------------------------------------------------

#: the years back an accounting of disclosures covers (HIPAA: the six years before it is asked for)
ACCOUNTING_YEARS = 6


def accounting_start(end: date) -> date:
    """The first day of the accounting that ends on `end`: the same day `ACCOUNTING_YEARS` earlier
    (February 29 falls back to the 28th)."""
    try:
        return end.replace(year=end.year - ACCOUNTING_YEARS)
    except ValueError:
        return end.replace(year=end.year - ACCOUNTING_YEARS, day=28)
