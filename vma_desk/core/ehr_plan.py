"""What an import would do (issue 17), worked out before anything is written: the plan the preview
shows and the CLI prints, and that the import service then applies in one transaction.

Rules:
- A patient is matched by the source system and its id, else exactly by last name, first name and
  date of birth; two patients matching is refused with both named, never merged. A patient new to
  the workspace is created (a name, a date of birth and a phone to reach them are needed).
- A practitioner is matched by the source's id (a link made earlier), then by name ("Dana Lee",
  "Lee, Dana", with or without credentials); an unknown practitioner's visits are refused with the
  reason, unless new providers may be added.
- A visit is matched by the source system and its id: then its time, provider, type and status are
  updated from the source (it is "moved", "cancelled", "updated" or "unchanged"), never the VMA's
  own fields; a confirmation recorded here stays unless the source says the visit was cancelled,
  missed or took place. A visit that overlaps another of the same provider is imported (the EHR
  owns the schedule) and flagged.
- A visit type is the practice's whose code or name the source's text names; else the first type
  ("booked as ..." is said in the plan).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import Appointment, AppointmentType, VisitStatus
from vma_desk.core.ehr import ImportBatch, SourcePatient, SourcePractitioner, SourceVisit
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Patient, Phone, StaffMember
from vma_desk.core.validation import validate_patient

#: statuses the EHR owns: they replace what VMA Desk has (a confirmation is the VMA's own work)
_EHR_STATUSES = (VisitStatus.CANCELLED, VisitStatus.NO_SHOW, VisitStatus.ARRIVED)


class Action(StrEnum):
    NEW = "new"
    MATCHED = "matched"
    MOVED = "moved"
    CANCELLED = "cancelled"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REFUSED = "refused"


@dataclass(frozen=True)
class PatientPlan:
    source: SourcePatient
    action: Action
    patient_id: int | None = None
    reason: str = ""
    #: the patients it could be (refused as ambiguous): the preview lets the VMA pick one
    candidates: tuple[int, ...] = ()


@dataclass(frozen=True)
class VisitPlan:
    source: SourceVisit
    action: Action
    #: the visit as it will be saved (None: refused)
    visit: Appointment | None = None
    reason: str = ""
    #: what the import flags (an overlap, a type it did not know)
    note: str = ""


@dataclass(frozen=True)
class ProviderPlan:
    source: SourcePractitioner
    action: Action
    staff_id: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class ImportPlan:
    system: str
    patients: tuple[PatientPlan, ...] = ()
    visits: tuple[VisitPlan, ...] = ()
    providers: tuple[ProviderPlan, ...] = ()

    def count(self, what: str, action: Action) -> int:
        rows: Sequence[PatientPlan | VisitPlan | ProviderPlan] = getattr(self, what)
        return sum(1 for row in rows if row.action is action)

    def summary(self) -> str:
        """"Patients: 2 new, 5 matched, 1 refused · Visits: 3 new, 1 moved, ..." (zeros left out)."""
        parts = []
        for what, actions in (("patients", (Action.NEW, Action.MATCHED, Action.REFUSED)),
                              ("providers", (Action.NEW, Action.REFUSED)),
                              ("visits", (Action.NEW, Action.MOVED, Action.CANCELLED, Action.UPDATED,
                                          Action.UNCHANGED, Action.REFUSED))):
            counts = [f"{self.count(what, a)} {a.value}" for a in actions if self.count(what, a)]
            if counts:
                parts.append(f"{what.capitalize()}: {', '.join(counts)}")
        return " · ".join(parts) or "Nothing to import"

    def refusals(self) -> list[tuple[str, str]]:
        """Each refused row: (where in the file, why), patients first."""
        rows: list[PatientPlan | VisitPlan | ProviderPlan] = [*self.patients, *self.providers, *self.visits]
        return [(row.source.ref, row.reason) for row in rows if row.action is Action.REFUSED]


@dataclass(frozen=True)
class Workspace:
    """What the plan is made against, read by the import service in a few queries: the links of
    this source system (source id -> record id, by kind), the patients who could match by name and
    date of birth, the active providers, the types offered, the linked visits, and the visits of
    the providers over the batch's days (for overlaps)."""

    patient_links: Mapping[str, int]
    visit_links: Mapping[str, int]
    staff_links: Mapping[str, int]
    by_name_dob: Mapping[tuple[str, str, date], Sequence[Patient]]
    providers: Sequence[StaffMember]
    types: Sequence[AppointmentType]
    linked_visits: Mapping[int, Appointment]
    nearby: Sequence[Appointment] = field(default_factory=tuple)
    #: for source patients with no date of birth (an iCalendar feed): ours with the same name
    by_name: Mapping[tuple[str, str], Sequence[Patient]] = field(default_factory=dict)


def name_key(text: str) -> str:
    return " ".join(text.casefold().replace(".", " ").split())


def source_key(p: SourcePatient) -> str:
    """How a source patient is known in a plan and a choice: its id in the source, else its name
    and date of birth as written."""
    return p.source_id or f"{p.last_name}|{p.first_name}|{p.date_of_birth}"


def patient_key(p: SourcePatient) -> tuple[str, str, date] | None:
    if p.date_of_birth is None:
        return None
    return name_key(p.last_name), name_key(p.first_name), p.date_of_birth


def _provider_names(member: StaffMember) -> set[str]:
    """The ways a source may write a provider's name: "dana lee", "lee dana", with credentials."""
    base = name_key(member.name.split(",")[0])
    words = base.split()
    names = {base, name_key(member.name), name_key(member.display_name)}
    if len(words) >= 2:
        names.add(" ".join([words[-1], *words[:-1]]))  # "Lee, Dana" -> "lee dana"
    return names


def provider_key(p: SourcePractitioner) -> str:
    """How a source practitioner is known in a plan: its id in the source, else its name as compared
    ("Dr Dana Lee" and "Lee, Dana" are two spellings: the same key only when they compare equal)."""
    return p.source_id or _source_name(p.name)


def _source_name(name: str) -> str:
    """A source's practitioner name as compared: "Lee, Dana MD" -> "lee dana md"; "Dr Dana Lee" ->
    "dana lee"."""
    words = name_key(name.replace(",", " ")).split()
    while words and words[0] in ("dr", "doctor"):
        words = words[1:]
    return " ".join(words)


def plan_import(batch: ImportBatch, here: Workspace, *, now: datetime, add_providers: bool = False,
                zone: ZoneInfo | None = None) -> ImportPlan:
    """The plan of one batch against the workspace `here` (see the module's rules); `zone`: the
    practice's, in which the plan's notes say times (UTC when not given)."""
    shown = zone or ZoneInfo("UTC")
    patient_plans: dict[str, PatientPlan] = {}

    def patient_of(p: SourcePatient) -> PatientPlan:
        key = source_key(p)
        if key in patient_plans:
            return patient_plans[key]
        plan = _plan_patient(p, here, now.date())
        patient_plans[key] = plan
        return plan

    for p in batch.patients:
        patient_of(p)
    provider_plans: dict[str, ProviderPlan] = {}

    def provider_of(p: SourcePractitioner) -> ProviderPlan:
        key = provider_key(p)
        if key not in provider_plans:
            provider_plans[key] = _plan_provider(p, here, add_providers)
        return provider_plans[key]

    for pr in batch.practitioners:
        provider_of(pr)
    taken = _Schedule(a for a in here.nearby if a.status is not VisitStatus.CANCELLED)
    visits: list[VisitPlan] = []
    for v in batch.visits:
        plan = _plan_visit(v, here, patient_of(v.patient),
                           provider_of(v.practitioner) if v.practitioner is not None else None, taken, now,
                           shown)
        if plan.visit is not None and plan.action is not Action.REFUSED \
                and plan.visit.status is not VisitStatus.CANCELLED:
            taken.put(plan.visit)
        visits.append(plan)
    return ImportPlan(batch.system, tuple(patient_plans.values()), tuple(visits),
                      tuple(provider_plans.values()))


def _plan_patient(p: SourcePatient, here: Workspace, today: date) -> PatientPlan:
    if source_key(p) in here.patient_links:  # linked by an earlier import, or chosen in the preview
        return PatientPlan(p, Action.MATCHED, here.patient_links[source_key(p)])
    key = patient_key(p)
    if key is None and p.last_name.strip() and p.first_name.strip():
        # no date of birth (a calendar feed): one patient of that exact name, or refused
        same = here.by_name.get((name_key(p.last_name), name_key(p.first_name)), ())
        if len(same) == 1:
            return PatientPlan(p, Action.MATCHED, same[0].id)
        if len(same) > 1:
            return PatientPlan(p, Action.REFUSED,
                               reason=f"no date of birth to tell apart {_named(same)}: choose "
                                      "one in the preview",
                               candidates=tuple(c.id for c in same if c.id is not None))
        return PatientPlan(p, Action.REFUSED, reason="no patient of that name, and no date of birth to "
                                                     "create one: add the patient first")
    if key is None or not p.last_name.strip() or not p.first_name.strip():
        return PatientPlan(p, Action.REFUSED, reason="a patient needs a first and last name and a date of "
                                                     "birth to be matched or created")
    found = here.by_name_dob.get(key, ())
    if len(found) > 1:
        return PatientPlan(p, Action.REFUSED, reason=f"matches two patients: {_named(found)}; choose one in "
                                                     "the preview, or merge them first",
                           candidates=tuple(c.id for c in found if c.id is not None))
    if found:
        return PatientPlan(p, Action.MATCHED, found[0].id)
    if not p.phones:
        return PatientPlan(p, Action.REFUSED, reason="a new patient needs a phone number to reach them")
    try:  # refused here, by row, rather than failing the whole import when it is saved
        validate_patient(new_patient(p), today=today)
    except ValidationError as error:
        return PatientPlan(p, Action.REFUSED, reason=f"{error.field.replace('_', ' ')} {error.message}")
    return PatientPlan(p, Action.NEW)


def new_patient(p: SourcePatient) -> Patient:
    """The patient a source patient new to the workspace becomes: its first three phones, a number
    written twice (home and mobile, spelled two ways) kept once."""
    phones: dict[str, str] = {}
    for number in p.phones:
        phones.setdefault("".join(ch for ch in number if ch.isdigit())[-10:], number)
    return Patient(p.first_name.strip(), p.last_name.strip(), p.date_of_birth or date.min,
                   phones=tuple(Phone(n) for key, n in phones.items() if key)[:3])


def _named(patients: Sequence[Patient]) -> str:
    """Patients a source patient could be, named for the VMA to choose among."""
    return " and ".join(f"{c.display_name} (patient {c.id}, born {c.date_of_birth:%m/%d/%Y})"
                        for c in patients)


def _plan_provider(p: SourcePractitioner, here: Workspace, add: bool) -> ProviderPlan:
    if p.source_id and p.source_id in here.staff_links:
        return ProviderPlan(p, Action.MATCHED, here.staff_links[p.source_id])
    wanted = _source_name(p.name)
    for member in here.providers:
        names = _provider_names(member)
        if wanted in names or any(wanted.startswith(n + " ") for n in names):
            return ProviderPlan(p, Action.MATCHED, member.id)
    if add and p.name.strip():
        return ProviderPlan(p, Action.NEW)
    return ProviderPlan(p, Action.REFUSED, reason=f"unknown practitioner \"{p.name}\": add them to the "
                                                  "practice's providers (or import with --add-providers)")


def _type_of(text: str, types: Sequence[AppointmentType]) -> tuple[str, str]:
    """(type code, note): the practice's type the text names, else the first (said in the note)."""
    wanted = name_key(text)
    for t in types:
        if wanted and wanted in (name_key(t.code), name_key(t.name)):
            return t.code, ""
    for t in types:
        if wanted and (name_key(t.name) in wanted or wanted in name_key(t.name)):
            return t.code, ""
    fallback = types[0]
    return fallback.code, f"type \"{text}\" not offered here: booked as {fallback.name}" if text else ""


def _plan_visit(v: SourceVisit, here: Workspace, patient: PatientPlan, provider: ProviderPlan | None,
                taken: _Schedule, now: datetime, zone: ZoneInfo) -> VisitPlan:
    if patient.action is Action.REFUSED:
        return VisitPlan(v, Action.REFUSED, reason=f"its patient is refused: {patient.reason}")
    if provider is None:
        return VisitPlan(v, Action.REFUSED, reason="no practitioner is named")
    if provider.action is Action.REFUSED:
        return VisitPlan(v, Action.REFUSED, reason=provider.reason)
    if not here.types:
        return VisitPlan(v, Action.REFUSED, reason="the practice offers no visit types yet")
    code, note = _type_of(v.type_text, here.types)
    patient_id = patient.patient_id or 0  # a new patient's id is known once created
    provider_id = provider.staff_id or 0
    existing_id = here.visit_links.get(v.source_id) if v.source_id else None
    existing = here.linked_visits.get(existing_id) if existing_id is not None else None
    if existing is not None:
        if note or not v.type_text.strip():  # the file says no type this practice offers: keep ours
            code, note = existing.type_code, ""
        status = v.status if v.status in _EHR_STATUSES or existing.status is VisitStatus.UNCONFIRMED \
            or existing.status in _EHR_STATUSES else existing.status
        updated = Appointment(patient_id=existing.patient_id if not patient_id else patient_id,
                              provider_id=provider_id or existing.provider_id, type_code=code,
                              start=v.start, minutes=v.minutes, status=status, id=existing.id)
        merged = _keep_vma_fields(existing, updated)
        if merged == existing:
            action = Action.UNCHANGED
        elif status is VisitStatus.CANCELLED and existing.status is not VisitStatus.CANCELLED:
            action = Action.CANCELLED
        elif (merged.start, merged.provider_id) != (existing.start, existing.provider_id):
            action = Action.MOVED
        else:
            action = Action.UPDATED
        return VisitPlan(v, action, merged, note=_overlap(merged, taken, zone) or note)
    visit = Appointment(patient_id=patient_id, provider_id=provider_id, type_code=code, start=v.start,
                        minutes=v.minutes, status=v.status, booked_at=now)
    return VisitPlan(v, Action.NEW, visit, note=_overlap(visit, taken, zone) or note)


def _keep_vma_fields(existing: Appointment, source: Appointment) -> Appointment:
    """The existing visit with the source's time, provider, type, length and status, and everything
    else (confirmation, eligibility, readiness, notes, reason) as VMA Desk has it."""
    return replace(existing, patient_id=source.patient_id, provider_id=source.provider_id,
                   type_code=source.type_code, start=source.start, minutes=source.minutes,
                   status=source.status)


class _Schedule:
    """The visits held while a plan is made, by provider and UTC day (a visit is at most a day
    long: a visit's overlaps are on its day or the one before), so that checking a year of visits
    looks at a few each, not at all of them; a visit put again (moved) replaces its earlier self."""

    def __init__(self, visits: Iterable[Appointment] = ()) -> None:
        #: (provider, UTC day) -> visits starting then: slot -> (start, end, id)
        self._days: dict[tuple[int, date], dict[int, tuple[datetime, datetime, int | None]]] = \
            defaultdict(dict)
        self._where: dict[int, tuple[int, date]] = {}
        self._fresh = 0
        for visit in visits:
            self.put(visit)

    def put(self, visit: Appointment) -> None:
        if visit.id is not None and visit.id in self._where:
            self._days[self._where.pop(visit.id)].pop(visit.id, None)
        key = (visit.provider_id, visit.start.date())
        slot = visit.id if visit.id is not None else -1 - self._fresh
        self._fresh += visit.id is None
        self._days[key][slot] = (visit.start, visit.end, visit.id)
        if visit.id is not None:
            self._where[visit.id] = key

    def overlapping(self, visit: Appointment) -> datetime | None:
        """The start of a held visit of the same provider overlapping `visit` (not itself)."""
        start, end = visit.start, visit.end
        for day in (start.date() - timedelta(days=1), start.date(), end.date()):
            for other_start, other_end, other_id in self._days.get((visit.provider_id, day), {}).values():
                if (visit.id is None or other_id != visit.id) and other_start < end and start < other_end:
                    return other_start
        return None


def _overlap(visit: Appointment, taken: _Schedule, zone: ZoneInfo) -> str:
    if visit.status is VisitStatus.CANCELLED or not visit.provider_id:
        return ""
    found = taken.overlapping(visit)
    if found is None:
        return ""
    at = found.astimezone(zone)
    return f"overlaps the provider's visit at {at:%I:%M %p} (imported: the EHR owns the schedule)"
