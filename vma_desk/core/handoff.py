"""The shift handoff: what a VMA leaves for the next one when a shift ends, and what a VMA finds at
the next sign-in ("Since your last shift").

Pure records and the small rules that shape them (no I/O). The service gathers the rows: the open
items a user owns or touched, what changed during the shift (counts by kind, and the notable
changes: escalations, late cancellations, overridden conflicts), the tasks due by the end of the
next shift and those done or cancelled during this one, and the notes left for a user.
A row names a record the main window can open (`kind`, `record_id`) with a title (the patient or
caller) and a detail (where it stands): names and what is open, never phone or member numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from vma_desk.core.errors import ValidationError

#: the kinds of record a handoff row can name: those `MainWindow.open_record` opens
RECORD_KINDS = ("call", "message", "refill", "referral", "prior_auth", "appointment", "task")
#: how each kind is called in a row and in the counts (singular, plural)
KIND_LABELS: dict[str, tuple[str, str]] = {
    "call": ("Call", "Calls"),
    "message": ("Message", "Messages"),
    "refill": ("Refill request", "Refill requests"),
    "referral": ("Referral", "Referrals"),
    "prior_auth": ("Prior authorisation", "Prior authorisations"),
    "appointment": ("Visit", "Visits"),
    "task": ("Task", "Tasks"),
    "patient": ("Patient", "Patients"),
    "waitlist": ("Waitlist entry", "Waitlist entries"),
    "schedule_block": ("Schedule block", "Schedule blocks"),
    "staff": ("Staff member", "Staff members"),
    "setting": ("Practice setting", "Practice settings"),
    "practice": ("Practice details", "Practice details"),
}
#: the order in which the counts are listed
COUNT_ORDER = tuple(KIND_LABELS)
MAX_NOTE = 4000
#: "Since your last shift" lists at most this many changed records (the newest)
MAX_CHANGES = 200


def kind_label(kind: str, *, plural: bool = False) -> str:
    singular, many = KIND_LABELS.get(kind, (kind.replace("_", " ").capitalize(),) * 2)
    return many if plural else singular


def validate_note(note: str) -> str:
    """The note as saved: line breaks kept, trailing spaces and blank lines at the ends dropped."""
    lines = [line.rstrip() for line in (note or "").replace("\r\n", "\n").split("\n")]
    clean = "\n".join(lines).strip("\n")
    if len(clean) > MAX_NOTE:
        raise ValidationError("note", f"must be at most {MAX_NOTE} characters")
    return clean


@dataclass(frozen=True)
class HandoffItem:
    """One row: a record (`kind`, `record_id`) with its patient or caller and where it stands."""

    kind: str  # one of RECORD_KINDS
    record_id: int
    title: str  # the patient (or caller) the record is about
    detail: str  # what it is and where it stands, e.g. "Urgent · acknowledged · callback due 10:30 AM"
    #: the change's time (changes), or when the item is due (open items), when known
    at: datetime | None = None
    #: who made the change, and how many changes the row stands for ("Since your last shift" rows)
    by: str = ""
    count: int = 1

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)


@dataclass(frozen=True)
class KindCount:
    """How many records of one kind a shift created and changed."""

    kind: str
    created: int = 0
    updated: int = 0

    @property
    def label(self) -> str:
        return kind_label(self.kind, plural=True)

    @property
    def text(self) -> str:
        """"2 new · 3 updated"."""
        parts = ([f"{self.created} new"] if self.created else []) + \
                ([f"{self.updated} updated"] if self.updated else [])
        return " · ".join(parts) or "none"


def count_changes(changes: Iterable[tuple[str, str, bool]]) -> tuple[KindCount, ...]:
    """(kind, record id, created) for each change -> distinct records per kind: those created, and
    those only changed, in `COUNT_ORDER` (unknown kinds last)."""
    created: dict[str, set[str]] = {}
    touched: dict[str, set[str]] = {}
    for kind, record_id, new in changes:
        (created if new else touched).setdefault(kind, set()).add(record_id)
        created.setdefault(kind, set())
    kinds = sorted(created, key=lambda k: (COUNT_ORDER.index(k) if k in COUNT_ORDER else len(COUNT_ORDER), k))
    return tuple(KindCount(k, len(created[k]), len(touched.get(k, set()) - created[k])) for k in kinds)


@dataclass(frozen=True)
class ShiftSummary:
    """What `File → End shift…` shows for the signed-in user."""

    user_id: int
    user_name: str
    shift_start: datetime
    generated_at: datetime
    practice_name: str
    time_zone: str
    #: open records the user owns or touched, most pressing kinds first
    open_items: tuple[HandoffItem, ...] = ()
    #: records the user created or changed during the shift, by kind
    counts: tuple[KindCount, ...] = ()
    #: escalations, late cancellations, overridden conflicts and overrides of the shift
    notable: tuple[HandoffItem, ...] = ()
    #: open tasks due by the end of the next shift (the next business day), overdue ones first;
    #: everyone's, since the next VMA picks them up
    tasks_due: tuple[HandoffItem, ...] = ()
    #: tasks done or cancelled during the shift (by anyone), in the order they were closed
    tasks_closed: tuple[HandoffItem, ...] = ()

    @property
    def changed_records(self) -> int:
        return sum(c.created + c.updated for c in self.counts)

    @property
    def counts_text(self) -> str:
        """"Messages: 2 new · 1 updated; Visits: 3 updated" ("" when nothing changed)."""
        return "; ".join(f"{c.label}: {c.text}" for c in self.counts)


@dataclass(frozen=True)
class Handoff:
    """A note left at the end of a shift, for one user or (`to_user_id` None) for whoever comes
    next."""

    from_user_id: int
    shift_start: datetime
    created_at: datetime
    note: str = ""
    to_user_id: int | None = None
    id: int | None = None
    #: the users' names, filled in when read back
    from_name: str = ""
    to_name: str = ""

    @property
    def for_text(self) -> str:
        return f"for {self.to_name}" if self.to_user_id is not None else "for whoever comes next"


@dataclass(frozen=True)
class SinceLastShift:
    """What a user sees at a new sign-in: notes left for them (newest first) and the records others
    changed since they last signed out (newest first)."""

    user_id: int
    #: the user's last sign-out (None: they never signed out; the notes of the last day are shown)
    since: datetime | None
    notes: tuple[Handoff, ...] = ()
    changes: tuple[HandoffItem, ...] = ()
    #: changed records beyond `MAX_CHANGES` that are not listed
    more_changes: int = 0
    time_zone: str = "UTC"

    @property
    def has_content(self) -> bool:
        return bool(self.notes or self.changes)

    def __post_init__(self) -> None:
        for item in self.changes:
            if item.kind not in RECORD_KINDS:
                raise ValueError(f"not a record kind: {item.kind!r}")

