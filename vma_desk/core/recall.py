"""Recall: patients with a care gap due or overdue and no visit booked that closes it, called to
book one.

A gap is on recall when it is not done, falls due on or before today + `within_days` (a practice
setting, 30 by default), and the patient has no visit to come (or under way), holding its slot, of
the type that closes it. Which visit type closes a gap is a practice setting too: every kind closes
with an annual physical ("phys") unless the practice maps it to another type (an A1c with a
follow-up, "fu"). Gap kinds are free text ("Mammogram", "A1c", "Flu shot"): they are matched
without regard to case or spacing.

Wording stays scheduling: a gap is "due" or "overdue", never advice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from vma_desk.core.calendar import VisitStatus
from vma_desk.core.chase import ChaseState
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import CareGap
from vma_desk.core.wording import date_text

#: the visit type that closes a gap the practice has not mapped: the annual physical
DEFAULT_VISIT_TYPE = "phys"
#: how far ahead a gap falling due puts the patient on the list, by default
DEFAULT_WITHIN_DAYS = 30
#: the most days a "within" setting takes
MAX_WITHIN_DAYS = 365
#: the statuses of a visit that keeps its slot (not cancelled, not a no-show)
SLOT_HOLDING = tuple(s for s in VisitStatus if s.holds_slot)


def gap_key(kind: str) -> str:
    """A gap kind as the type map keys it: "  flu   Shot" and "Flu shot" are one kind."""
    return " ".join(kind.casefold().split())


def check_within_days(days: int, field_name: str = "within_days") -> int:
    """`days` when it is a whole number of days from 1 to a year; refused by field otherwise."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_WITHIN_DAYS:
        raise ValidationError(field_name, f"must be between 1 and {MAX_WITHIN_DAYS} days")
    return days


def within_days_from(raw: str | None, default: int) -> int:
    """A stored "within N days" setting, or `default` when it is missing or damaged."""
    if raw is None or not raw.strip().isdigit():
        return default
    days = int(raw)
    return days if 1 <= days <= MAX_WITHIN_DAYS else default


@dataclass(frozen=True)
class RecallSettings:
    """The practice's recall settings: how far ahead a gap falling due counts, and which visit
    type closes which gap kind (keys are `gap_key`s; a kind not in it closes with "phys")."""

    within_days: int = DEFAULT_WITHIN_DAYS
    types: Mapping[str, str] = field(default_factory=dict)

    def visit_type(self, kind: str) -> str:
        """The code of the visit type that closes a gap of this kind."""
        return self.types.get(gap_key(kind), DEFAULT_VISIT_TYPE)


def on_recall(gap: CareGap, today: date, settings: RecallSettings, booked_types: Collection[str]) -> bool:
    """Not done, due by today + `within_days`, and no visit to come (`booked_types`: the types of
    the patient's visits to come or under way that hold their slot) of the type that closes it."""
    return (gap.done is None and gap.due <= today + timedelta(days=settings.within_days)
            and settings.visit_type(gap.kind) not in booked_types)


def type_to_book(gaps: Sequence[CareGap], settings: RecallSettings) -> str:
    """The visit type to book for a patient's gaps on recall: the one that closes the most of them,
    and among equals the type of the gap due first."""
    codes = [settings.visit_type(g.kind) for g in sorted(gaps, key=lambda g: g.due)]
    if len(set(codes)) == 1:
        return codes[0]
    closes = Counter(codes)
    return max(closes, key=lambda code: closes[code])  # the first of the most: Counter keeps order


@dataclass(frozen=True)
class RecallRow:
    """One patient on the Recall list."""

    patient_id: int
    #: the gaps due or overdue with no visit booked that closes them, the one due first first
    gaps: tuple[CareGap, ...]
    #: the code of the visit type to book
    type_code: str
    #: the provider to book with: the active one the patient saw last (0: none on record, any provider)
    provider_id: int
    #: where the recall calls stand (attached by the service)
    chase: ChaseState = ChaseState()

    @property
    def last_contact(self) -> datetime | None:
        """When the patient was last contacted about the recall (its last attempt); None: never."""
        last = self.chase.last
        return last.at if last is not None else None

    @property
    def due(self) -> date:
        """When the first of the gaps is (or was) due."""
        return self.gaps[0].due

    def overdue(self, today: date) -> bool:
        return self.due < today

    def due_text(self, today: date) -> str:
        """ "Mammogram overdue since 01/10/2026, A1c due 03/20/2026": scheduling words, never advice."""
        return ", ".join(f"{g.kind} {'overdue since' if g.due < today else 'due'} {date_text(g.due)}"
                         for g in self.gaps)


def recall_row(patient_id: int, gaps: Iterable[CareGap], today: date, settings: RecallSettings,
               booked_types: Collection[str], provider_id: int = 0) -> RecallRow | None:
    """The patient's row on the Recall list (`provider_id`: the provider they saw last), or None
    when none of their gaps is on recall."""
    due = sorted((g for g in gaps if on_recall(g, today, settings, booked_types)), key=lambda g: g.due)
    if not due:
        return None
    return RecallRow(patient_id=patient_id, gaps=tuple(due), type_code=type_to_book(due, settings),
                     provider_id=provider_id)


def recall_rows(gaps: Mapping[int, Sequence[CareGap]], today: date, settings: RecallSettings,
                booked_types: Mapping[int, Collection[str]], seen: Mapping[int, int]) -> list[RecallRow]:
    """The rows of every patient (`recall_row`), from their gaps, the types of their visits to come
    and the provider each saw last, the gap due first first. The same rows as one `recall_row`
    a patient, made for thousands of patients: each kind's closing type is looked up once."""
    last_day = today + timedelta(days=settings.within_days)
    closing: dict[str, str] = {}
    rows: list[RecallRow] = []
    for patient_id, theirs in gaps.items():
        booked = booked_types.get(patient_id, ())
        due: list[CareGap] = []
        codes: list[str] = []
        for gap in theirs:
            if gap.done is not None or gap.due > last_day:
                continue
            code = closing.get(gap.kind)
            if code is None:
                code = closing[gap.kind] = settings.visit_type(gap.kind)
            if code not in booked:
                due.append(gap)
                codes.append(code)
        if not due:
            continue
        if len(due) > 1:
            due.sort(key=lambda g: g.due)
            code = codes[0] if len(set(codes)) == 1 else type_to_book(due, settings)
        else:
            code = codes[0]
        rows.append(RecallRow(patient_id, tuple(due), code, seen.get(patient_id, 0)))
    rows.sort(key=lambda row: (row.due, row.patient_id))
    return rows


@dataclass(frozen=True)
class RecallBooking:
    """What "Book" opens find-slot and the booking with: the patient, the visit type that closes
    their gaps with its minutes, and the provider (None: any provider)."""

    patient_id: int
    type_code: str
    minutes: int
    provider_id: int | None


@dataclass(frozen=True)
class RecallFilter:
    """What the list is narrowed to; every field left at its default lets all rows through."""

    #: rows with a gap of this kind ("" any)
    gap_kind: str = ""
    #: rows whose provider to book with is this one (None any; 0: the rows with none on record)
    provider_id: int | None = None
    #: rows with at least / at most this many recall attempts (None: no bound)
    min_attempts: int | None = None
    max_attempts: int | None = None
    #: rows last contacted before this time, or never (None: any)
    contacted_before: datetime | None = None
    #: rows whose calls are exhausted: a letter is due, or closing as unreachable
    exhausted: bool = False


@dataclass(frozen=True)
class RecallPage:
    """A page of the Recall list: its rows, how many rows the list (as filtered) holds in all, and
    how many of those are due a call now (not quiet)."""

    rows: tuple[RecallRow, ...]
    total: int
    due_now: int


def matches(row: RecallRow, chosen: RecallFilter) -> bool:
    if chosen.gap_kind and gap_key(chosen.gap_kind) not in {gap_key(g.kind) for g in row.gaps}:
        return False
    if chosen.provider_id is not None and row.provider_id != chosen.provider_id:
        return False
    if chosen.min_attempts is not None and row.chase.count < chosen.min_attempts:
        return False
    if chosen.max_attempts is not None and row.chase.count > chosen.max_attempts:
        return False
    if chosen.exhausted and not row.chase.exhausted:
        return False
    return not (chosen.contacted_before is not None and row.last_contact is not None
                and row.last_contact >= chosen.contacted_before)


def filtered(rows: Iterable[RecallRow], chosen: RecallFilter) -> list[RecallRow]:
    """The rows the filter lets through, in their order."""
    return [row for row in rows if matches(row, chosen)]


def gap_kinds(rows: Iterable[RecallRow]) -> list[str]:
    """The gap kinds on the list (as first spelled), for the filter's choices, in alphabetical order."""
    found: dict[str, str] = {}
    for row in rows:
        for gap in row.gaps:
            found.setdefault(gap_key(gap.kind), gap.kind)
    return sorted(found.values(), key=gap_key)
