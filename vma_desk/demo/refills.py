"""Demo refill requests: `years` of them, each with its whole life, up to the demo's "now".

Patients take the medicines a primary-care panel takes (by age, sex and diabetes: blood pressure,
cholesterol, thyroid, diabetes, mood, reflux, asthma ...) and ask for a refill of each now and then,
at a steady pace that gives the practice about `PER_YEAR` requests a year, from the provider they see
most. Most come as pharmacy e-requests, then faxes, patient calls, portal messages and nurse relays;
the patient calls are the refill calls the demo's phone line took (`call_id` keeps the link, both
ways), the others arrive when pharmacies and patients send them, weekends and evenings included.

Each request is checked against the practice's default protocol with the core rules (the patient's
last visit with the prescriber, from the generated calendar, and the labs drawn at visits), so about
one in eight "needs an appointment" (the VMA books the patient before routing those); its due time
is the core rule's. The prescriber decides in a review late in the morning or at the end of the day
(urgent requests within the hour, now and then a day late), and the VMA tells the pharmacy (a denial
asked for by the patient may go to the patient alone) and the patient, and sometimes hears about
the pickup before closing it. Every step is a time-stamped event, in an order the core step rules
allow.

Only what has happened by the demo's "now" is written: a request exists once the VMA has entered and
checked it, and keeps the steps taken so far, so the anchor day has a worklist at every stage; a few
requests of the last business day are still waiting past due, and a few of the anchor morning's wait
for the end-of-day review (`_staged`). The visits and labs that the referrals are laid out from are
loaded here too (`Office`).
"""

from __future__ import annotations

import bisect
import functools
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import VisitStatus
from vma_desk.core.communications import Call, CallOutcome, CallReason, Urgency
from vma_desk.core.records import Practice, Role, StaffMember
from vma_desk.core.refills import (
    DEFAULT_LAB_RULES,
    ChartCheck,
    Decision,
    LabCheck,
    RefillEvent,
    RefillProtocol,
    RefillRequest,
    RefillSource,
    RefillStep,
)
from vma_desk.core.rules import refills as rules
from vma_desk.demo import catalog
from vma_desk.demo.message_life import MINUTE, Hours
from vma_desk.demo.panel import Rostered
from vma_desk.demo.randomness import stream, weighted
from vma_desk.demo.slices import let_go, sorted_in_slices
from vma_desk.services.base import ServiceContext
from vma_desk.services.communications import CommunicationsService
from vma_desk.services.refills import RECORD
from vma_desk.storage.calendar_repository import CalendarRepository
from vma_desk.storage.communications_repository import CommunicationsRepository
from vma_desk.storage.refills_repository import RefillRepository
from vma_desk.storage.repositories import StaffRepository

#: refill requests a year (5 years: about 19,000), calls included
PER_YEAR = 3800
#: days generated per transaction (and per progress report)
BATCH_DAYS = 120
#: the latest "needs visit" decisions whose visit the VMA booked from the request (linked both ways)
LINKED_VISITS = 3
PROTOCOL = RefillProtocol(lab_rules=DEFAULT_LAB_RULES)
T = TypeVar("T")
#: a patient goes on asking for refills this long after their last visit (then they have left)
KEEPS_ASKING = timedelta(days=450)
#: the chance that a visit's blood draw covers the labs the patient's medicines need
LABS_AT_VISIT = 0.6


@dataclass(frozen=True)
class Medicine:
    name: str
    strengths: tuple[str, ...]
    quantities: tuple[str, ...] = ("90 tablets", "30 tablets")


MEDICINES = {
    "lisinopril": Medicine("Lisinopril", ("10 mg", "20 mg", "40 mg")),
    "losartan": Medicine("Losartan", ("25 mg", "50 mg", "100 mg")),
    "amlodipine": Medicine("Amlodipine", ("5 mg", "10 mg")),
    "hydrochlorothiazide": Medicine("Hydrochlorothiazide", ("12.5 mg", "25 mg")),
    "metoprolol": Medicine("Metoprolol succinate ER", ("25 mg", "50 mg")),
    "metformin": Medicine("Metformin", ("500 mg", "1000 mg"), ("180 tablets", "60 tablets")),
    "glipizide": Medicine("Glipizide", ("5 mg", "10 mg")),
    "glucose": Medicine("Glucose test strips", ("",), ("100 strips", "200 strips")),
    "atorvastatin": Medicine("Atorvastatin", ("10 mg", "20 mg", "40 mg")),
    "simvastatin": Medicine("Simvastatin", ("20 mg", "40 mg")),
    "rosuvastatin": Medicine("Rosuvastatin", ("10 mg", "20 mg")),
    "levothyroxine": Medicine("Levothyroxine", ("50 mcg", "75 mcg", "88 mcg", "100 mcg")),
    "sertraline": Medicine("Sertraline", ("50 mg", "100 mg")),
    "escitalopram": Medicine("Escitalopram", ("10 mg", "20 mg")),
    "bupropion": Medicine("Bupropion XL", ("150 mg", "300 mg")),
    "omeprazole": Medicine("Omeprazole", ("20 mg", "40 mg"), ("90 capsules", "30 capsules")),
    "pantoprazole": Medicine("Pantoprazole", ("40 mg",)),
    "albuterol": Medicine("Albuterol HFA inhaler", ("90 mcg/puff",), ("1 inhaler", "2 inhalers")),
    "montelukast": Medicine("Montelukast", ("10 mg",)),
    "fluticasone": Medicine("Fluticasone nasal spray", ("50 mcg/spray",), ("1 bottle (16 g)",)),
    "tamsulosin": Medicine("Tamsulosin", ("0.4 mg",), ("90 capsules", "30 capsules")),
    "gabapentin": Medicine("Gabapentin", ("100 mg", "300 mg"), ("90 capsules", "270 capsules")),
    "warfarin": Medicine("Warfarin", ("2.5 mg", "5 mg"), ("30 tablets", "90 tablets")),
}
#: (share of patients by age band: under 18, 18-39, 40-64, 65 and over; [(medicine, weight)])
CONDITIONS: tuple[tuple[tuple[float, float, float, float], tuple[tuple[str, float], ...]], ...] = (
    ((0, .05, .26, .5), (("lisinopril", 32), ("amlodipine", 24), ("losartan", 20),
                         ("hydrochlorothiazide", 14), ("metoprolol", 10))),
    ((0, .02, .18, .38), (("atorvastatin", 55), ("simvastatin", 25), ("rosuvastatin", 20))),
    ((.005, .04, .08, .12), (("levothyroxine", 1),)),
    ((.01, .11, .1, .07), (("sertraline", 40), ("escitalopram", 35), ("bupropion", 25))),
    ((0, .04, .08, .12), (("omeprazole", 60), ("pantoprazole", 40))),
    ((.08, .06, .05, .05), (("albuterol", 65), ("montelukast", 35))),
    ((.04, .04, .04, .03), (("fluticasone", 1),)),
    ((0, 0, .03, .06), (("gabapentin", 1),)),
    ((0, 0, .005, .03), (("warfarin", 1),)),
)
#: men only
PROSTATE = (0, 0, .04, .18)
#: diabetic patients: (medicine, chance)
DIABETES = (("metformin", .9), ("glipizide", .25), ("glucose", .45))
#: a medicine the patient's second provider prescribes, when they have one
SECOND_PRESCRIBER = 0.2

#: (source, weight) of the requests that do not come from the phone line
SOURCES = ((RefillSource.PHARMACY_EREQUEST, 56), (RefillSource.PHARMACY_FAX, 26),
           (RefillSource.PORTAL, 12), (RefillSource.NURSE_RELAY, 6))
#: when each source's requests arrive: (local hour, weight); e-requests and portal messages also
#: come in at weekends (the share that stays on a closed day)
HOURS = {
    RefillSource.PHARMACY_EREQUEST: ((6, 2), (7, 5), (8, 10), (9, 12), (10, 12), (11, 11), (12, 8),
                                     (13, 10), (14, 10), (15, 9), (16, 8), (17, 5), (18, 4), (19, 3),
                                     (20, 2), (21, 1)),
    RefillSource.PHARMACY_FAX: ((7, 2), (8, 8), (9, 10), (10, 10), (11, 9), (12, 6), (13, 8), (14, 8),
                                (15, 8), (16, 7), (17, 3), (18, 2)),
    RefillSource.PORTAL: ((6, 3), (7, 5), (8, 6), (9, 6), (10, 6), (11, 6), (12, 7), (13, 6), (14, 6),
                          (15, 6), (16, 6), (17, 6), (18, 7), (19, 8), (20, 8), (21, 6), (22, 4)),
    RefillSource.NURSE_RELAY: ((8, 4), (9, 6), (10, 6), (11, 5), (13, 5), (14, 6), (15, 5), (16, 3)),
}
CLOSED_DAY_SHARE = {RefillSource.PHARMACY_EREQUEST: 0.5, RefillSource.PORTAL: 0.6}
URGENT_SHARE = 0.06
NOTES = {
    RefillSource.PHARMACY_EREQUEST: ("", "", "", "Electronic renewal request: no refills left on file.",
                                     "90-day supply requested.", "Renewal request; last filled 30 days ago."),
    RefillSource.PHARMACY_FAX: ("Faxed renewal request: no refills left.",
                                "Faxed request for a 90-day supply.",
                                "Fax from the pharmacy; patient waiting to pick up."),
    RefillSource.PORTAL: ("Portal: almost out, please send to the usual pharmacy.",
                          "Portal: asks for the refill before a trip next week.",
                          "Portal: asks for a 90-day supply this time.", "Portal: refill request."),
    RefillSource.NURSE_RELAY: ("Asked at the nurse visit for a blood pressure check.",
                               "Asked during the flu shot visit.", "Asked at the lab draw this morning."),
}
URGENT_NOTES = ("Out of the medicine since yesterday.", "Leaving town tomorrow; asks for it today.",
                "Two doses left; pharmacy asks for a same-day answer.")

#: when the prescriber goes through refill requests: (start, minutes), late morning and end of day
REVIEWS = ((time(11, 15), 50), (time(15, 45), 60))
#: the prescriber leaves a request for the next business day's reviews
LATE = 0.05
#: decisions: failed checks (mostly "come in first"), passed checks (mostly approved)
AFTER_FAILED = ((Decision.NEEDS_VISIT, 72), (Decision.APPROVED, 28))
AFTER_PASSED = ((Decision.APPROVED, 94), (Decision.DENIED, 2.5), (Decision.NEEDS_VISIT, 3.5))
DECISION_NOTES = {
    Decision.APPROVED: ("", "", "", "90-day supply with 1 refill.", "90-day supply with 3 refills."),
    Decision.DENIED: ("Stopped at the last visit; the pharmacy was told to remove it.",
                      "Duplicate request: sent earlier this week.",
                      "Prescribed by the specialist: the patient should ask their office.",
                      "Dose changed at the last visit; a new prescription was sent instead."),
    Decision.NEEDS_VISIT: ("Please book a visit before further refills.",
                           "Blood pressure check needed first.",
                           "Labs needed first: order placed, refill after the results."),
}
BRIDGE_NOTE = "30-day supply until the visit."
#: a denial or "come in first" goes to the pharmacy when a pharmacy asked; when the patient asked,
#: sometimes (else to the patient alone)
FROM_PHARMACY = frozenset({RefillSource.PHARMACY_EREQUEST, RefillSource.PHARMACY_FAX})
PHARMACY_TOLD = 0.4
#: the VMA hears that the patient picked the medicine up (else closes when the patient is told)
PICKUP_HEARD = 0.4


def units(history_days: int) -> int:
    """Progress units of `write`: one per generated day."""
    return history_days + 1


# --- the office the requests are worked in -----------------------------------------------------------

@dataclass(frozen=True)
class Visit:
    day: date  # practice-local
    provider_id: int


@dataclass
class Office:
    """What refills and referrals are laid out from: the practice's hours, its people, the demo's
    "now", and every patient's attended visits (the generated calendar's, and a last visit from
    before the generated history)."""

    practice: Practice
    hours: Hours
    first: date
    anchor: date
    now: datetime
    staff: dict[int, StaffMember]
    providers: list[int]
    close: time
    visits: dict[int, list[Visit]]
    #: the VMAs who took the phone line's calls, by local day
    vmas: dict[date, tuple[str, ...]]
    everyone: tuple[str, ...]
    #: (patient, provider) -> the days of their visits, in order
    seen_on: dict[tuple[int, int], list[date]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for patient_id, visits in self.visits.items():
            for v in visits:
                self.seen_on.setdefault((patient_id, v.provider_id), []).append(v.day)

    @property
    def zone(self) -> ZoneInfo:
        return self.hours.zone

    def local_day(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def vma(self, rng: random.Random, moment: datetime) -> str:
        return rng.choice(self.vmas.get(self.local_day(moment)) or self.everyone)

    def at(self, day: date, clock: time) -> datetime:
        return self.hours.at(day, clock)

    def business_day(self, day: date) -> date:
        """`day` when the practice is open, else the next day it is."""
        return day if day in self.hours.days else self.hours.next_day(day)

    def previous_business_day(self, day: date) -> date:
        day -= timedelta(days=1)
        while day not in self.hours.days and day > self.first - timedelta(days=30):
            day -= timedelta(days=1)
        return day

    def last_visit(self, patient_id: int, provider_id: int, before: date) -> date | None:
        days = self.seen_on.get((patient_id, provider_id), [])
        at = bisect.bisect_left(days, before)
        return days[at - 1] if at else None


def office(ctx: ServiceContext, *, practice: Practice, anchor: date, history_days: int,
           roster: Sequence[Rostered], refill_calls: Sequence[Call]) -> Office:
    """The office of a freshly generated demo practice (its calendar and calls written)."""
    zone = ZoneInfo(practice.time_zone)
    first = anchor - timedelta(days=history_days)
    around = (first + timedelta(days=i) for i in range(-40, history_days + 60))
    hours = Hours([d for d in around if practice.is_business_day(d)], zone)
    now = min(ctx.clock.now(), hours.at(anchor + timedelta(days=1), time(0)))
    staff = {s.id or 0: s for s in StaffRepository(ctx.conn).all()}
    providers = sorted(i for i, s in staff.items() if s.role is Role.PROVIDER)
    visits: dict[int, list[Visit]] = {}
    for r in roster:  # a last visit from before the generated history
        visits[r.id] = sorted((Visit(v.day, v.provider_id) for v in r.patient.last_visits if v.day < first),
                              key=lambda v: v.day)
    booked = CalendarRepository(ctx.conn).between(hours.at(first, time(0)), hours.at(anchor, time(0)))
    for a in booked:
        if a.status is VisitStatus.ARRIVED:
            visits.setdefault(a.patient_id, []).append(Visit(a.start.astimezone(zone).date(), a.provider_id))
    let_go(booked)  # the whole calendar
    by_day: dict[date, set[str]] = {}
    for call in refill_calls:
        by_day.setdefault(call.started_at.astimezone(zone).date(), set()).add(call.taken_by)
    everyone = tuple(sorted({n for names in by_day.values() for n in names})) or ("VMA",)
    close = CommunicationsService(ctx).callback_policy().close_time
    return Office(practice, hours, first, anchor, now, staff, providers, close, visits,
                  {d: tuple(sorted(n)) for d, n in by_day.items()}, everyone)


def refill_calls(ctx: ServiceContext, anchor: date, history_days: int, zone: ZoneInfo) -> list[Call]:
    """The phone line's refill calls, oldest first."""
    first = datetime.combine(anchor - timedelta(days=history_days + 1), time(0), zone)
    end = datetime.combine(anchor + timedelta(days=2), time(0), zone)
    calls = CommunicationsRepository(ctx.conn).calls_between(first, end, reason=CallReason.REFILL)
    return sorted(calls, key=lambda c: (c.started_at, c.id or 0))


# --- who takes what ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Taken:
    """One medicine a patient takes, and who prescribes it."""

    patient: Rostered
    medicine: Medicine
    strength: str
    quantity: str
    prescriber: int


def age_band(age: int) -> int:
    return 0 if age < 18 else 1 if age < 40 else 2 if age < 65 else 3


def medicines(rng: random.Random, r: Rostered, anchor: date) -> list[tuple[str, str, str]]:
    """(medicine key, strength, quantity) of what the patient takes."""
    age = r.patient.age_on(anchor)
    if age < 4:
        return []
    band = age_band(age)
    keys: list[str] = []
    for shares, table in CONDITIONS:
        if rng.random() < shares[band] * (1.6 if r.person.diabetic and shares[3] > .3 else 1.0):
            keys.append(weighted(rng, table))
    if r.person.sex == "M" and rng.random() < PROSTATE[band]:
        keys.append("tamsulosin")
    if r.person.diabetic:
        keys += [key for key, chance in DIABETES if rng.random() < chance]
    out = []
    for key in dict.fromkeys(keys):
        medicine = MEDICINES[key]
        strength = rng.choice(medicine.strengths)
        if key == "montelukast" and age < 15:
            strength = "5 mg (chewable)" if age >= 6 else "4 mg (chewable)"
        out.append((key, strength, rng.choice(medicine.quantities)))
    return out


def _prescribers(visits: Sequence[Visit], providers: Sequence[int]) -> list[int]:
    """The providers a patient has seen, the one seen most first."""
    seen = Counter(v.provider_id for v in visits if v.provider_id in providers)
    return [p for p, _ in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))]


# --- the plan ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Draft:
    """A request as it arrives, before anyone works it; `seed` drives the rest of its life."""

    taken: Taken
    source: RefillSource
    received: datetime
    checked: datetime
    urgency: Urgency
    pharmacy: str
    requested_by: str
    refills_remaining: int | None
    notes: str
    seed: int
    call_id: int | None = None


class Planner:
    def __init__(self, office: Office, rng: random.Random, labs: dict[int, list[date]]) -> None:
        self.office = office
        self.rng = rng
        self.labs = labs
        self.nurses = {p: s for s in office.staff.values() if s.role is Role.CLINICAL for p in s.supports}

    def _checked(self, received: datetime, rng: random.Random) -> datetime:
        """When the VMA enters and checks it: within minutes in working hours, else next morning."""
        return self.office.hours.working(received + MINUTE * rng.randint(2, 30), rng)

    def scheduled(self, taken: Taken, day: date) -> Draft:
        """A request that arrives on (about) `day`, not by phone."""
        rng, office = self.rng, self.office
        source = weighted(rng, SOURCES)
        if day not in office.hours.days and rng.random() >= CLOSED_DAY_SHARE.get(source, 0.0):
            day = office.business_day(day)
        hour = weighted(rng, HOURS[source])
        received = office.at(day, time(hour, rng.randint(0, 59), rng.randint(0, 59)))
        patient = taken.patient.patient
        pharmacy = patient.preferred_pharmacy or rng.choice(catalog.PHARMACIES)
        if source in (RefillSource.PHARMACY_EREQUEST, RefillSource.PHARMACY_FAX):
            requested_by, remaining = pharmacy, 0
        elif source is RefillSource.NURSE_RELAY:
            nurse = self.nurses.get(taken.prescriber)
            requested_by, remaining = (nurse.display_name if nurse else office.everyone[0]), None
        else:
            requested_by = f"{patient.first_name} {patient.last_name}"
            remaining = None if rng.random() < 0.6 else 0 if rng.random() < 0.75 else rng.randint(1, 2)
        urgent = rng.random() < URGENT_SHARE
        notes = rng.choice(URGENT_NOTES if urgent else NOTES[source])
        return Draft(taken, source, received, self._checked(received, rng),
                     Urgency.URGENT if urgent else Urgency.ROUTINE, pharmacy, requested_by, remaining,
                     notes, rng.getrandbits(64))

    def from_call(self, call: Call, taken: Taken, urgent: bool, pharmacy: str, rng: random.Random) -> Draft:
        received = call.started_at
        ended = received + timedelta(seconds=call.duration_seconds)
        checked = self.office.hours.working(ended + MINUTE * rng.randint(1, 12), rng)
        return Draft(taken, RefillSource.PATIENT_CALL, received, checked,
                     Urgency.URGENT if urgent else Urgency.ROUTINE, pharmacy, call.caller_name,
                     None if rng.random() < 0.7 else 0, "", rng.getrandbits(64), call.id)

    # --- one request's life -----------------------------------------------------------------------
    def life(self, draft: Draft, refill_id: int, *, route_at: datetime | None = None,
             decide_at: datetime | None = None) -> RefillRequest:
        """The request with every step it will take; `route_at` / `decide_at` stage the anchor day."""
        rng = random.Random(draft.seed)
        office, taken = self.office, draft.taken
        patient_id, prescriber = taken.patient.id, office.staff[taken.prescriber]
        labs, check = self.check(draft)
        due = rules.due_for(draft.received, draft.urgency, office.practice, office.zone, close=office.close)
        working = office.hours.working
        # the VMA on duty when it came in works it; whoever is on duty on the day closes it
        vma = office.vma(rng, draft.checked)
        events = [RefillEvent(RefillStep.RECEIVED, draft.received, vma, draft.source.label),
                  RefillEvent(RefillStep.CHECKED, draft.checked, vma, check.verdict)]

        def step(step: RefillStep, at: datetime, note: str = "") -> datetime:
            events.append(RefillEvent(step, at, vma, note))
            return at

        # the VMA books the patient first when the check fails, then routes
        routed = step(RefillStep.ROUTED, route_at or working(
            draft.checked + MINUTE * (rng.randint(1, 15) if check.passed else rng.randint(30, 300)), rng),
            prescriber.display_name)
        decision = weighted(rng, AFTER_PASSED if check.passed else AFTER_FAILED)
        decided = step(RefillStep.DECIDED, decide_at or self._decided(rng, routed, draft.urgency),
                       f"{decision.label} by {prescriber.display_name}")
        note = BRIDGE_NOTE if decision is Decision.APPROVED and not check.passed \
            else rng.choice(DECISION_NOTES[decision])
        told = decided
        if decision is Decision.APPROVED or draft.source in FROM_PHARMACY or rng.random() < PHARMACY_TOLD:
            told = step(RefillStep.PHARMACY_NOTIFIED, working(decided + MINUTE * rng.randint(3, 40), rng))
        told = step(RefillStep.PATIENT_NOTIFIED, working(told + MINUTE * rng.randint(5, 240), rng))
        closed = told + MINUTE * rng.randint(1, 30)
        if decision is Decision.APPROVED and rng.random() < PICKUP_HEARD:
            heard = working(told + timedelta(days=rng.randint(1, 2), minutes=rng.randint(0, 240)), rng)
            vma = office.vma(rng, heard)
            step(RefillStep.PICKED_UP, heard, "" if rng.random() < 0.5 else "Pharmacy confirmed the pickup.")
            closed = heard + MINUTE * rng.randint(1, 20)
        step(RefillStep.CLOSED, working(closed, rng))
        _check_path(tuple(e.step for e in events), decision)
        return RefillRequest(
            id=refill_id, patient_id=patient_id, medication=taken.medicine.name, strength=taken.strength,
            quantity=taken.quantity, pharmacy=draft.pharmacy, source=draft.source,
            requested_by=draft.requested_by, prescriber_id=taken.prescriber, received_at=draft.received,
            urgency=draft.urgency, refills_remaining=draft.refills_remaining, labs=labs, notes=draft.notes,
            call_id=draft.call_id, step=RefillStep.CLOSED, check=check, due_at=due, decision=decision,
            decided_by_id=prescriber.id, decided_at=decided, decision_note=note, events=tuple(events))

    def check(self, draft: Draft) -> tuple[tuple[LabCheck, ...], ChartCheck]:
        """The labs on the chart and the chart check, as the service makes them when the VMA enters
        the request: against the last visit with the prescriber before that day."""
        office, taken = self.office, draft.taken
        today = office.local_day(draft.checked)
        labs = tuple(LabCheck(name, months, self._last_lab(taken.patient.id, today))
                     for name, months in PROTOCOL.labs_for(taken.medicine.name))
        check = rules.chart_check(
            PROTOCOL, medication=taken.medicine.name, labs=labs,
            prescriber=office.staff[taken.prescriber].display_name,
            last_visit=office.last_visit(taken.patient.id, taken.prescriber, today),
            refills_remaining=draft.refills_remaining, today=today)
        return labs, check

    def _decided(self, rng: random.Random, routed: datetime, urgency: Urgency) -> datetime:
        """Urgent requests within the hour or so; routine ones in the prescriber's next review (now
        and then a day later)."""
        hours = self.office.hours
        if urgency is not Urgency.ROUTINE:
            return hours.working(routed + MINUTE * rng.randint(15, 80), rng)
        day = hours.local(routed).date()
        skip = 2 if rng.random() < LATE else 0
        while True:
            if day in hours.days:
                for start, minutes in REVIEWS:
                    begin = hours.at(day, start)
                    if begin + MINUTE * minutes > routed + MINUTE * 10:
                        if skip:
                            skip -= 1
                            continue
                        return max(begin, routed + MINUTE * 5) + MINUTE * rng.randint(0, minutes)
            day += timedelta(days=1)

    def _last_lab(self, patient_id: int, today: date) -> date | None:
        draws = self.labs.get(patient_id, [])
        at = bisect.bisect_left(draws, today)  # drawn before the day of the check
        return draws[at - 1] if at else None


@functools.cache
def _check_path(steps: tuple[RefillStep, ...], decision: Decision) -> None:
    """The demo takes only the steps the app allows (each path is checked once)."""
    request = RefillRequest(patient_id=0, medication="", strength="", quantity="", pharmacy="",
                            source=RefillSource.PORTAL, requested_by="", prescriber_id=0,
                            received_at=datetime.min, step=steps[1])
    for step in steps[2:]:
        if step is RefillStep.DECIDED:
            assert request.step is RefillStep.ROUTED, steps
            request = replace(request, step=step, decision=decision)
            continue
        rules.check_step(request, step)
        request = replace(request, step=step)


def as_of(request: RefillRequest, now: datetime) -> RefillRequest:
    """The request as it stands at `now`: the steps taken so far (it has been checked by then)."""
    if request.events[-1].at <= now:
        return request
    events = tuple(e for e in request.events if e.at <= now)
    if request.reached(RefillStep.DECIDED) in events:
        return replace(request, events=events, step=events[-1].step)
    return replace(request, events=events, step=events[-1].step, decision=None, decided_by_id=None,
                   decided_at=None, decision_note="")


# --- from the phone line ---------------------------------------------------------------------------

#: the refill calls that ask for a refill (others ask about one): pattern -> urgent
_ASKS = ((re.compile(r"Refill request: (?P<med>[^,]+), "), False),
         (re.compile(r"Needs (?P<med>.+?) refilled before"), False),
         (re.compile(r"Asks for a 90-day supply of (?P<med>.+?) for mail order"), False),
         (re.compile(r"Out of (?P<med>.+?) since yesterday; asks for a refill today"), True),
         (re.compile(r"Pharmacy asks for a refill authorization for (?P<med>.+?)\."), False))
_STRENGTH = re.compile(r"\d+(?:\.\d+)? mc?g")
_CHILDREN = frozenset({"albuterol", "montelukast", "fluticasone"})
MAIL_ORDER = next(p for p in catalog.PHARMACIES if "mail order" in p)


def _asked(call: Call) -> tuple[str, str, bool] | None:
    """(medicine key, strength, urgent) of a call that asks for a refill, else None."""
    if call.outcome is not CallOutcome.MESSAGE_TAKEN or call.patient_id is None:
        return None
    for pattern, urgent in _ASKS:
        found = pattern.search(call.notes)
        if found:
            text = found["med"].removeprefix("the ")
            key = text.split()[0].lower()
            if key not in MEDICINES:
                return None
            strength = _STRENGTH.search(text)
            return key, strength[0] if strength else MEDICINES[key].strengths[0], urgent
    return None


def _pharmacy_in(call: Call, r: Rostered) -> str:
    for name in catalog.PHARMACIES:
        if name in call.notes or name == call.caller_name:
            return name
    if "mail order" in call.notes:
        return MAIL_ORDER
    return r.patient.preferred_pharmacy or catalog.PHARMACIES[r.id % len(catalog.PHARMACIES)]


# --- writing -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Written:
    refills: int
    from_calls: int


def plan(seed: int, office: Office, roster: Sequence[Rostered], calls: Sequence[Call],
         history_days: int) -> list[RefillRequest]:
    """The requests entered by the demo's "now", numbered in that order, as they stand then."""
    rng = stream(seed, "refills")
    labs = _lab_draws(stream(seed, "refill-labs"), office, roster)
    planner = Planner(office, rng, labs)
    taken = _taken(rng, office, roster)
    by_id = {r.id: r for r in roster}
    # the calls of the anchor day depend on the clock: they do not change the plan of the others
    from_calls = _from_calls(stream(seed, "refill-calls"), planner, calls, by_id)
    before = office.at(office.anchor, time(0))
    target = max(0, round(PER_YEAR * history_days / 365) - sum(d.received < before for d in from_calls))
    drafts = _scheduled(rng, planner, taken, target) + from_calls
    late = _staged(rng, planner, drafts)
    entered = sorted_in_slices(  # one sort of all of them held the GIL 15-18 ms
        (d for d in drafts if d.checked <= office.now),
        key=lambda d: (d.checked, d.received, d.taken.patient.id, d.taken.medicine.name))
    made = [as_of(planner.life(d, n, **late.get(id(d), {})), office.now)
            for n, d in enumerate(entered, start=1)]
    let_go(entered, drafts, from_calls, taken, labs)
    return made


def _lab_draws(rng: random.Random, office: Office, roster: Sequence[Rostered]) -> dict[int, list[date]]:
    """The days each patient had blood drawn for their medicines' labs: at some visits."""
    return {r.id: [v.day for v in office.visits.get(r.id, ()) if rng.random() < LABS_AT_VISIT]
            for r in roster}


def _taken(rng: random.Random, office: Office, roster: Sequence[Rostered]) -> list[tuple[Taken, date, date]]:
    """Each medicine a patient takes, with the days they ask for refills between."""
    out = []
    end_of_history = office.anchor + timedelta(days=1)
    for r in roster:
        visits = office.visits.get(r.id, [])
        seen = _prescribers(visits, office.providers)
        if not seen:
            continue
        for key, strength, quantity in medicines(rng, r, office.anchor):
            prescriber = seen[1] if len(seen) > 1 and rng.random() < SECOND_PRESCRIBER else seen[0]
            medicine = MEDICINES[key]
            if key == "montelukast" and "chewable" in strength:
                medicine = replace(medicine, name="Montelukast chewable")
            start = max(office.first, next(v.day for v in visits if v.provider_id == prescriber))
            end = min(end_of_history, visits[-1].day + KEEPS_ASKING)
            if (end - start).days > 30:
                out.append((Taken(r, medicine, strength, quantity, prescriber), start, end))
    return out


def _scheduled(rng: random.Random, planner: Planner, taken: Sequence[tuple[Taken, date, date]],
               target: int) -> list[Draft]:
    """About `target` requests, each medicine asked for at its own steady pace."""
    span = sum((end - start).days for _, start, end in taken)
    if not span or not target:
        return []
    mean = span / target
    out = []
    for item, start, end in taken:
        interval = mean * rng.uniform(0.6, 1.4)
        at = rng.uniform(0, interval)
        while start + timedelta(days=at) < end:
            out.append(planner.scheduled(item, start + timedelta(days=int(at))))
            at += interval * rng.uniform(0.85, 1.15)
    return out


def _from_calls(rng: random.Random, planner: Planner, calls: Sequence[Call],
                by_id: dict[int, Rostered]) -> list[Draft]:
    out = []
    office = planner.office
    for call in calls:
        asked = _asked(call)
        r = by_id.get(call.patient_id or 0)
        if asked is None or r is None:
            continue
        key, strength, urgent = asked
        if r.patient.age_on(call.started_at.date()) < 18 and key not in _CHILDREN:
            continue  # the phone line picks medicines at random: not this one for a child
        day = office.local_day(call.started_at)
        seen = _prescribers([v for v in office.visits.get(r.id, []) if v.day < day], office.providers)
        if not seen:
            continue
        medicine = MEDICINES[key]
        quantity = "90 tablets" if "90-day" in call.notes and "tablets" in medicine.quantities[0] \
            else rng.choice(medicine.quantities)
        taken = Taken(r, medicine, strength, quantity, seen[0])
        out.append(planner.from_call(call, taken, urgent, _pharmacy_in(call, r), rng))
    return out


def _staged(rng: random.Random, planner: Planner, drafts: Sequence[Draft]) -> dict[int, dict[str, datetime]]:
    """The anchor day's loose ends. Of the previous business day's morning: two requests the
    prescriber has not got to and one whose patient the VMA has not reached to book a visit, past
    due until they are worked late on the anchor day. Of the anchor morning's: two that wait for the
    end-of-day review and one that needs an appointment first, near due in the afternoon (decided or
    routed after 16:30)."""
    office = planner.office
    late: dict[int, dict[str, datetime]] = {}

    def arrived(day: date, before: time) -> list[Draft]:
        """Routine requests of `day` received before `before` (by phone only before the anchor day:
        the anchor day's calls depend on the clock)."""
        return sorted((d for d in drafts if d.urgency is Urgency.ROUTINE
                       and (d.call_id is None or day < office.anchor) and office.local_day(d.received) == day
                       and d.received.astimezone(office.zone).time() < before), key=lambda d: d.received)

    for day, first in ((office.previous_business_day(office.anchor), time(16, 35)),
                       (office.anchor, time(16, 38))):
        passed = [d for d in arrived(day, time(10, 30)) if planner.check(d)[1].passed]
        failed = [d for d in arrived(day, time(12, 0)) if not planner.check(d)[1].passed] or \
            [d for d in arrived(day, time(15, 0)) if not planner.check(d)[1].passed]
        for n, draft in enumerate(rng.sample(passed, min(2, len(passed)))):
            late[id(draft)] = {"decide_at": office.at(office.anchor, first) + MINUTE * (12 * n)}
        for draft in rng.sample(failed, min(1, len(failed))):
            late[id(draft)] = {"route_at": office.at(office.anchor, first) + MINUTE * 24}
    return late


def write(ctx: ServiceContext, *, seed: int, office: Office, roster: Sequence[Rostered],
          calls: Sequence[Call], history_days: int, progress: Callable[[int], None]) -> Written:
    """Generate and write the refill requests of a freshly generated demo practice."""
    made = plan(seed, office, roster, calls, history_days)
    repo = RefillRepository(ctx.conn)
    links = CommunicationsRepository(ctx.conn)
    total = units(history_days)
    for done, batch in batches(made, lambda r: r.events[1].at, office, total):
        with ctx.transaction():
            repo.insert_many(batch)
            for request in batch:
                if request.call_id is not None:
                    links.link(request.call_id, RECORD, request.id or 0)
        progress(done)
    _link_visits(ctx, repo, made, office)
    written = Written(len(made), sum(r.call_id is not None for r in made))
    let_go(made)
    return written


def _link_visits(ctx: ServiceContext, repo: RefillRepository, made: Sequence[RefillRequest],
                 office: Office) -> None:
    """The visits booked for the latest "needs visit" decisions: each request linked to its
    patient's next visit with the prescriber after the decision, where the generated calendar has
    one (so Today, the huddle sheet and the request itself show the link)."""
    recent = sorted((r for r in made if r.decision is Decision.NEEDS_VISIT and r.decided_at is not None
                     and office.now - r.decided_at < timedelta(days=21)),
                    key=lambda r: r.decided_at or office.now, reverse=True)
    if not recent:
        return
    start = min(r.decided_at or office.now for r in recent)
    visits = sorted((a for a in CalendarRepository(ctx.conn).between(start, office.now + timedelta(days=60))
                     if a.status not in (VisitStatus.CANCELLED, VisitStatus.NO_SHOW)),
                    key=lambda a: (a.start, a.id or 0))
    taken: set[int] = set()
    with ctx.transaction():
        for request in recent:
            visit = next((a for a in visits if a.patient_id == request.patient_id and a.id not in taken
                          and a.provider_id == request.prescriber_id
                          and a.start > (request.decided_at or office.now)), None)
            if visit is not None and visit.id is not None:
                repo.link_visit(request.id or 0, visit.id)
                taken.add(visit.id)
            if len(taken) == LINKED_VISITS:
                break


def batches(records: Sequence[T], when: Callable[[T], datetime], office: Office,
             total: int) -> Iterable[tuple[int, list[T]]]:
    """`records` (in time order) in batches of BATCH_DAYS days, with the progress units done."""
    taken, done = 0, 0
    while done < total:
        done = min(total, done + BATCH_DAYS)
        end = office.at(office.first + timedelta(days=done), time(0))
        batch = []
        while taken < len(records) and (done == total or when(records[taken]) < end):
            batch.append(records[taken])
            taken += 1
        yield done, batch
