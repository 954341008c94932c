"""Demo referrals and prior authorisations: `years` of them, each with its whole life, up to "now".

Referrals start at a visit (about `REFERRALS_PER_YEAR` a year): the provider refers the patient to a
specialty that fits their age, sex and conditions, at one of the fictional specialist offices (the
ones that call the practice on the demo's phone line among them, with the same 555-01XX numbers).
HMO and Medicare Advantage plans need a referral authorisation, which the VMA obtains after sending
the referral and before the visit is booked. Most referrals run draft → sent → scheduled → seen →
report received → closed within a few weeks, a few are rebooked, cancelled or declined with the
reason, and a few are closed without a consult report after the VMA has chased it. Every move is
checked with the core rules (`check_referral_move`), so the demo holds nothing the app would refuse.

Prior authorisations (about `AUTHS_PER_YEAR` a year) also start at visits: imaging, sleep studies,
colonoscopies, physical therapy, and medicines such as GLP-1s and biologics, with the patient's own
payer. Payers answer in 3-7 days mostly; when a follow-up date (a business day) passes first, the VMA
calls within a few days, notes what the payer said and sets the next one; most are approved (number,
valid dates), some denied with the reason, and some of those appealed. Most approved procedures and
imaging are done within the approval (recorded as done), physical therapy's visits are counted as
they are used, and most specialist visits booked are told to the patient within hours (`_used`,
`_told`, from streams of their own, so the rest of the demo draws the same).

Everything draws from streams seeded by (seed, area) and is laid out from the anchor; only the
steps taken by the demo's "now" are written. A handful of records set up around the anchor day
(`_staged`, and two late payers in `_prior_auths`) make sure the lists show the black holes they are
meant to catch: a few stuck referrals, two authorisations about to expire and one that has, and
follow-ups overdue.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from vma_desk.core import wording
from vma_desk.core.communications import Urgency
from vma_desk.core.referrals import (
    PATIENT_TOLD,
    RECORDS_CHECKLIST,
    SERVICE_DONE,
    PriorAuth,
    PriorAuthKind,
    PriorAuthStatus,
    Referral,
    ReferralState,
    StateEvent,
    TellMethod,
)
from vma_desk.core.rules import referrals as rules
from vma_desk.demo import callers
from vma_desk.demo.message_life import MINUTE
from vma_desk.demo.panel import Rostered
from vma_desk.demo.randomness import stream, weighted
from vma_desk.demo.refills import Office, Visit, age_band, batches, units
from vma_desk.demo.slices import let_go
from vma_desk.services.base import ServiceContext
from vma_desk.services.referrals import FOLLOW_UP_DAYS
from vma_desk.storage.referrals_repository import ReferralRepository

__all__ = ["REFERRALS_PER_YEAR", "AUTHS_PER_YEAR", "Written", "units", "write"]

REFERRALS_PER_YEAR = 1200
AUTHS_PER_YEAR = 500
S = ReferralState


@dataclass(frozen=True)
class Specialty:
    name: str
    offices: tuple[str, ...]
    #: (reason, youngest, oldest)
    reasons: tuple[tuple[str, int, int], ...]
    #: how often, by age band (under 18, 18-39, 40-64, 65 and over)
    weights: tuple[float, float, float, float]
    records: tuple[str, ...] = ()  # sent more often than the rest
    sex: str = ""  # "F" or "M": only them
    diabetic: float = 1.0  # weight factor for diabetic patients


SPECIALTIES = (
    Specialty("Cardiology", ("Northside Cardiology Associates", "Heartland Heart Institute"),
              (("Heart murmur heard at the annual physical.", 0, 120),
               ("Palpitations for two months; ECG in the office normal.", 12, 120),
               ("Blood pressure not controlled on three medicines.", 30, 120),
               ("Abnormal ECG at the physical: evaluation requested.", 18, 120),
               ("Less able to exercise over three months: evaluation and echocardiogram.", 40, 120)),
              (.1, .5, 1.4, 2.2), ("Lab results",), diabetic=1.5),
    Specialty("Dermatology", ("Prairie Dermatology Group", "Lakeshore Skin Clinic"),
              (("Changing mole on the back: evaluation.", 12, 120),
               ("Psoriasis not controlled with creams.", 10, 120),
               ("Persistent acne despite two treatments.", 12, 40),
               ("Suspicious spot on the nose: biopsy requested.", 30, 120),
               ("Eczema not controlled with the usual treatment.", 0, 120)),
              (1, 1.1, 1, 1.1)),
    Specialty("Orthopedics", ("Lakeshore Orthopedics", "Midwest Bone & Joint"),
              (("Knee pain for three months; X-ray shows arthritis.", 35, 120),
               ("Shoulder pain limiting work; not better with exercises.", 18, 90),
               ("Low back pain with sciatica despite physical therapy.", 18, 120),
               ("Wrist fracture follow-up after urgent care.", 5, 120),
               ("Hip pain: joint replacement evaluation.", 50, 120)),
              (.5, 1, 1.3, 1.3), ("Imaging",)),
    Specialty("Gastroenterology", ("Lakeview Gastroenterology",),
              (("Screening colonoscopy.", 45, 85),
               ("Heartburn not better on omeprazole: upper endoscopy evaluation.", 18, 120),
               ("Iron deficiency anemia: evaluation.", 18, 120),
               ("Abnormal liver tests on two occasions.", 18, 120)),
              (.05, .4, 1.4, 1.1), ("Lab results",)),
    Specialty("Endocrinology", ("Riverbend Endocrine Clinic",),
              (("Type 2 diabetes with A1c above 9 on two medicines.", 18, 120),
               ("Thyroid nodule seen on ultrasound.", 12, 120),
               ("Overactive thyroid: treatment options.", 12, 120)),
              (.05, .3, .5, .4), ("Lab results",), diabetic=6),
    Specialty("Pulmonology", ("North Shore Pulmonary Partners",),
              (("Chronic cough for three months; chest X-ray normal.", 12, 120),
               ("COPD: breathing tests and management.", 40, 120),
               ("Asthma not controlled on two inhalers.", 6, 120)),
              (.2, .4, .7, 1.1), ("Imaging",)),
    Specialty("Gynecology", ("Midway Women's Health",),
              (("Abnormal Pap test: colposcopy.", 21, 65),
               ("Heavy menstrual bleeding: evaluation.", 14, 55),
               ("Contraception: IUD placement.", 16, 50),
               ("Postmenopausal bleeding: evaluation.", 50, 120)),
              (.1, 1.3, .8, .2), sex="F"),
    Specialty("Ophthalmology", ("Cedar Park Eye Care",),
              (("Yearly diabetic eye exam.", 18, 120),
               ("Blurred vision: cataract evaluation.", 55, 120),
               ("Raised eye pressure at the optometrist: glaucoma evaluation.", 40, 120)),
              (.2, .2, .6, 1.4), diabetic=4),
    Specialty("ENT", ("Lakeshore ENT Specialists",),
              (("Repeated ear infections: ear tubes evaluation.", 0, 10),
               ("Sinus infections despite treatment, four this year.", 12, 120),
               ("Hearing loss in the left ear: hearing test and evaluation.", 5, 120),
               ("Large tonsils with snoring.", 3, 16)),
              (1.4, .6, .5, .7)),
    Specialty("Neurology", ("Prairie Neurology Clinic",),
              (("Migraines more than four days a month despite treatment.", 12, 80),
               ("Numbness in both feet: nerve study.", 30, 120),
               ("Tremor of the hands: evaluation.", 40, 120)),
              (.2, .6, .6, .7)),
    Specialty("Urology", ("Riverbend Urology",),
              (("Raised PSA on two tests.", 45, 120),
               ("Kidney stone seen on CT: follow-up.", 18, 120),
               ("Waking to urinate several times a night despite tamsulosin.", 50, 120)),
              (0, .2, .7, 1.2), ("Lab results",), sex="M"),
    Specialty("Physical therapy", ("North Branch Physical Therapy",),
              (("Low back pain: six weeks of physical therapy.", 16, 120),
               ("Knee strengthening after a sprain.", 10, 120),
               ("Shoulder movement after a fall.", 18, 120)),
              (.3, 1, 1, 1)),
    Specialty("Behavioral health", ("Lakeview Behavioral Health",),
              (("Anxiety: counseling requested by the patient.", 10, 120),
               ("Depression: therapy alongside medication.", 14, 120),
               ("ADHD evaluation for school concerns.", 6, 17)),
              (.8, 1, .6, .3)),
    Specialty("Allergy", ("Midwest Allergy & Asthma Center",),
              (("Seasonal allergies not controlled: allergy testing.", 4, 120),
               ("Suspected food allergy: testing.", 1, 60)),
              (1.2, .5, .3, .1)),
    Specialty("Podiatry", ("Cedar Park Podiatry",),
              (("Diabetic foot care: thick nails and calluses.", 30, 120),
               ("Heel pain for three months.", 18, 120)),
              (0, .2, .5, .9), diabetic=4),
    Specialty("Sleep medicine", ("Lakeside Sleep Center",),
              (("Loud snoring and daytime sleepiness: sleep study.", 18, 120),),
              (.05, .4, .8, .6)),
    Specialty("Rheumatology", ("Prairie Rheumatology Associates",),
              (("Joint pain and swelling in the hands; raised inflammatory markers.", 16, 120),
               ("Gout attacks despite treatment.", 30, 120)),
              (.05, .3, .6, .6), ("Lab results",)),
)
_KNOWN = {c.name: c.number for c in callers.ORGANISATIONS["specialist"]}
_NEW = [name for s in SPECIALTIES for name in s.offices if name not in _KNOWN]
#: every office's number: those that call the practice keep theirs, the others get their own
OFFICE_NUMBERS = {**_KNOWN, **{name: callers.org_number(6, i) for i, name in enumerate(_NEW)}}

URGENT_SHARE = 0.12
#: (business days, weight) from the draft to sending it
SEND_DAYS = ((0, 55), (1, 35), (2, 10))
SENT_NOTES = ("Faxed with the records.", "Sent through the specialist's referral portal.", "")
#: (outcome, weight): the usual path, a rebooked visit, cancelled, declined, closed without a report,
#: or a long silence after sending before the specialist's office calls the patient
OUTCOMES = (("done", 79), ("rebooked", 6), ("cancelled", 6), ("declined", 3), ("no report", 5),
            ("silence", 1))
CANCELLED = {S.DRAFT: ("The patient decided not to see a specialist for now.",),
             S.SENT: ("The patient chose a specialist closer to home.",
                      "The patient's insurance changed; a new referral will follow."),
             S.SCHEDULED: ("Symptoms resolved; the patient cancelled the visit.",
                           "The patient cancelled and does not want to rebook.")}
DECLINED = ("The specialist's office does not take the patient's plan.",
            "The specialist says it can be managed in primary care; advice letter sent.",
            "The specialist's office is not taking new patients; refer elsewhere.")
NO_REPORT = ("the report was requested three times; the office says it was sent",
             "the patient moved out of state after the visit",
             "the patient did not go to the visit and does not want to rebook")
REBOOKED = "The specialist's office cancelled the visit; rebooking."
#: (business days, weight) from the consult report's arrival to closing the referral
FILED_DAYS = ((0, 60), (1, 30), (2, 7), (3, 3))
#: how long a referral authorisation stays valid, days: (days, weight); a few plans give only 30
AUTH_DAYS = ((60, 35), (90, 45), (180, 20))
SHORT_AUTH_DAYS = 30

PROCEDURES: tuple[tuple[str, tuple[float, float, float, float]], ...] = (
    ("MRI lumbar spine", (0, 1, 1.3, 1)), ("MRI knee", (.3, 1, 1.2, .8)),
    ("MRI shoulder", (.1, .8, 1.2, .8)), ("MRI brain", (.2, .5, .6, .6)),
    ("CT abdomen and pelvis with contrast", (.1, .6, 1, 1.1)),
    ("Low-dose CT lung cancer screening", (0, 0, .6, 1)), ("Home sleep study", (0, .6, 1, .6)),
    ("Echocardiogram", (0, .2, .8, 1.4)), ("Nuclear stress test", (0, .1, .7, 1.2)),
    ("Diagnostic colonoscopy", (0, .2, 1, 1)), ("Physical therapy, 12 visits", (.2, 1, 1, 1)),
    ("Allergy testing", (1, .4, .2, 0)),
)
MEDICATIONS: tuple[tuple[str, tuple[float, float, float, float]], ...] = (
    ("Apixaban (Eliquis) 5 mg", (0, 0, .3, 1.2)), ("Dupilumab (Dupixent) 300 mg pen", (.6, .6, .4, .2)),
    ("Adalimumab (Humira) 40 mg pen", (0, .6, .6, .3)),
    ("Budesonide/formoterol (Symbicort) inhaler", (.3, .6, .8, 1)),
    ("Lisdexamfetamine (Vyvanse) 30 mg", (1.2, .6, .1, 0)),
    ("Rizatriptan 10 mg, more than 12 a month", (.1, 1, .7, .1)),
    ("Esomeprazole (Nexium) 40 mg", (0, .4, .6, .6)),
)
DIABETES_MEDICATIONS = (("Semaglutide (Ozempic) 1 mg pen", 4.0), ("Tirzepatide (Mounjaro) 5 mg pen", 3.0),
                        ("Dexcom G7 glucose sensors", 3.0))
#: the procedures that are imaging (their authorisation's kind)
IMAGING = frozenset({"MRI lumbar spine", "MRI knee", "MRI shoulder", "MRI brain",
                     "CT abdomen and pelvis with contrast", "Low-dose CT lung cancer screening",
                     "Echocardiogram", "Nuclear stress test"})
#: procedures approved as a number of visits: (service, visits)
COUNTED = {"Physical therapy, 12 visits": 12}
#: the share of approved procedures and imaging done within the approval, and in how many days
DONE, DONE_DAYS = 0.9, (3, 30)
#: the share of specialist visits booked that the patient is told about, minutes after booking, and how
TOLD, TOLD_MINUTES = 0.95, (10, 240)
TOLD_HOW = ((TellMethod.PHONE, 70), (TellMethod.PORTAL, 20), (TellMethod.LETTER, 5),
            (TellMethod.IN_PERSON, 5))
#: (kind, weight); imaging is drawn as a procedure and named by its service (`IMAGING`)
KINDS = ((PriorAuthKind.PROCEDURE, 60), (PriorAuthKind.MEDICATION, 40))
DENIALS = {
    PriorAuthKind.PROCEDURE: ("Six weeks of conservative treatment not documented.",
                              "Not medically necessary under the plan's criteria.",
                              "Out-of-network imaging center: choose an in-network one.",
                              "More information needed: office notes not received."),
    PriorAuthKind.MEDICATION: ("Step therapy: a trial of the preferred medicine is required first.",
                               "Not on the plan's formulary; the formulary alternative is covered.",
                               "Quantity above the plan's limit.",
                               "The diagnosis does not meet the plan's criteria."),
}
DENIALS[PriorAuthKind.IMAGING] = DENIALS[PriorAuthKind.PROCEDURE]
APPEAL_DENIED = "The appeal was reviewed: the denial stands."
WITHDRAWN = ("The patient decided against it.", "The provider chose another treatment.",
             "The patient's plan changed; resubmitting with the new payer.")
#: (answer, weight) and the chance a denial is appealed, and the appeal approved
ANSWERS = ((PriorAuthStatus.APPROVED, 80), (PriorAuthStatus.DENIED, 16), (PriorAuthStatus.WITHDRAWN, 4))
APPEALED, APPEAL_WON = 0.45, 0.6
#: medication approvals ending around the demo's today that the VMA has already renewed, and how
#: many days before the end a renewal is submitted
RENEWED, RENEWAL_LEAD_DAYS = 0.8, (7, 21)
#: how long an approval is valid, days
VALID_DAYS = {PriorAuthKind.PROCEDURE: (60, 90, 90, 180), PriorAuthKind.IMAGING: (60, 90, 90, 180),
              PriorAuthKind.MEDICATION: (180, 365)}
#: what the payer said when the VMA followed up
FOLLOW_UP_NOTES = ("Called the payer: still in review.", "Payer portal: pending clinical review.",
                   "Called the payer: office notes received, decision expected this week.")
#: payers' answer in days: (low, high, weight)
ANSWER_DAYS = ((1, 2, 5), (3, 7, 80), (8, 15, 15))


@dataclass(frozen=True)
class Written:
    referrals: int
    prior_auths: int


# --- referrals -----------------------------------------------------------------------------------

#: ((specialty, reasons), weight) choices
_Choices = tuple[tuple[tuple[Specialty, tuple[str, ...]], float], ...]

@functools.cache
def _specialties(age: int, sex: str, diabetic: bool) -> _Choices:
    """[((specialty, its reasons for this patient), weight)] for a patient of this age, sex and
    condition."""
    table = []
    for s in SPECIALTIES:
        reasons = tuple(text for text, low, high in s.reasons if low <= age <= high)
        if reasons and (not s.sex or s.sex == sex):
            table.append(((s, reasons), s.weights[age_band(age)] * (s.diabetic if diabetic else 1.0)))
    return tuple(table)


@dataclass
class _Referral:
    """A referral's whole life: the draft (with the authorisation once it came), its events, the
    specialist visit each move set (None: back to sent, the visit is off), when the authorisation
    came, and when the records went."""

    draft: Referral
    events: list[StateEvent]
    zone: ZoneInfo
    moves: list[tuple[ReferralState, bool, bool]] = field(default_factory=list)
    visits: list[tuple[datetime, datetime | None]] = field(default_factory=list)
    auth_at: datetime | None = None
    sent_at: datetime | None = None

    @property
    def state(self) -> ReferralState:
        return S(self.events[-1].state)

    @property
    def since(self) -> datetime:
        return self.events[-1].at

    def visit(self, now: datetime) -> datetime | None:
        """The specialist visit booked at `now`."""
        booked = [visit for at, visit in self.visits if at <= now]
        return booked[-1] if booked else None

    def as_at(self, now: datetime) -> Referral:
        """The referral's details at `now` (its state and events aside)."""
        r = self.draft
        authorised = self.auth_at is not None and self.auth_at <= now
        return replace(
            r, state=self.state, appointment_at=self.visit(now),
            auth_number=r.auth_number if authorised else "",
            auth_valid_until=r.auth_valid_until if authorised else None,
            records_sent=r.records_sent if self.sent_at is not None and self.sent_at <= now else frozenset())

    def move(self, to: ReferralState, at: datetime, by: str, note: str = "",
             appointment_at: datetime | None = None) -> None:
        """A move, with its note written as `ReferralService.move` writes it. Booking and "seen" are
        checked with the core rule on the referral as it stands (the authorisation's end, the visit
        having happened); the other moves by their path (`_check_path`)."""
        if to in (S.SCHEDULED, S.SEEN):
            rules.check_referral_move(self.as_at(at), to, note=note, appointment_at=appointment_at, now=at,
                                      zone=self.zone)
        text = note
        if to is S.CLOSED and self.state is not S.REPORT_RECEIVED:
            text = "closed without a consult report: " + note
        if appointment_at is not None:
            self.visits.append((at, appointment_at))
            # as ReferralService.move writes it
            visit = f"specialist visit {wording.when_text(appointment_at, self.zone)}"
            text = f"{text} {visit}" if text else visit
        elif to is S.SENT and self.visits:
            self.visits.append((at, None))  # back to sent: the visit is off
        if to is S.SENT and self.sent_at is None:
            self.sent_at = at
        self.moves.append((to, bool(note.strip()), appointment_at is not None))
        self.events.append(StateEvent(to.value, at.replace(microsecond=0), by, text))

    def as_of(self, now: datetime, referral_id: int) -> Referral:
        """The referral, numbered, as it stands at `now`."""
        _check_path(tuple(self.moves))
        events = tuple(e for e in self.events if e.at <= now)
        return replace(self.as_at(now), id=referral_id, events=events, state=S(events[-1].state),
                       state_since=events[-1].at)


@functools.cache
def _check_path(moves: tuple[tuple[ReferralState, bool, bool], ...]) -> None:
    """The demo makes only the moves `ReferralService.move` allows (each kind of path is checked once,
    for the order of the states and the notes they need)."""
    probe = Referral(patient_id=0, referring_provider_id=0, specialty="-", specialist_office="-", reason="-",
                     created_at=datetime.min, records_sent=frozenset(RECORDS_CHECKLIST[:1]))
    for to, noted, booked in moves:
        rules.check_referral_move(probe, to, note="a reason" if noted else "",
                                  appointment_at=datetime.min if booked else None)
        probe = replace(probe, state=to, appointment_at=datetime.min if booked else probe.appointment_at)


class _Referrals:
    def __init__(self, rng: random.Random, office: Office) -> None:
        self.rng, self.office = rng, office

    def specialty(self, r: Rostered, day: date) -> tuple[Specialty, str] | None:
        table = _specialties(min(r.patient.age_on(day), 120), r.person.sex, r.person.diabetic)
        if not table:
            return None
        chosen, reasons = weighted(self.rng, table)
        return chosen, self.rng.choice(reasons)

    def start(self, r: Rostered, visit: Visit, urgency: Urgency | None = None,
              specialty: tuple[Specialty, str] | None = None) -> _Referral | None:
        """A draft written after the visit, with what it will need later drawn now."""
        rng, office = self.rng, self.office
        chosen = specialty or self.specialty(r, visit.day)
        if chosen is None:
            return None
        kind, reason = chosen
        after_visit = office.at(visit.day, time(rng.randint(9, 16), rng.randint(0, 59)))
        created = office.hours.working(after_visit, rng)
        urgency = urgency or (Urgency.URGENT if rng.random() < URGENT_SHARE else Urgency.ROUTINE)
        auth = _needs_auth(r)
        records = {"Referral letter", "Office notes"}
        records |= {item for item in RECORDS_CHECKLIST[2:] if rng.random() < (
            0.75 if item in kind.records or item == "Medication list" else
            0.9 if item == "Insurance card" and auth else 0.2)}
        office_name = rng.choice(kind.offices)
        created = created.replace(microsecond=0)
        by = office.vma(rng, created)
        referral = Referral(
            patient_id=r.id, referring_provider_id=visit.provider_id, specialty=kind.name,
            specialist_office=office_name, specialist_contact=OFFICE_NUMBERS[office_name], reason=reason,
            created_at=created, urgency=urgency, auth_required=auth,
            records_sent=frozenset(records), state=S.DRAFT, state_since=created,
            events=(StateEvent(S.DRAFT.value, created, by, "created"),))
        return _Referral(referral, [*referral.events], office.zone)

    # --- the steps, each a number of days after the one before ---------------------------------------
    def later(self, moment: datetime, days: int, *, earliest: time = time(8, 30)) -> datetime:
        """A working moment `days` days after `moment` (the same day: minutes to hours after)."""
        rng, office = self.rng, self.office
        if days == 0:
            return office.hours.working(moment + MINUTE * rng.randint(15, 180), rng)
        day = office.business_day(office.local_day(moment) + timedelta(days=days))
        span = (datetime.combine(day, time(17, 15)) - datetime.combine(day, earliest)).seconds // 60
        return office.at(day, earliest) + MINUTE * rng.randint(0, span)

    def send(self, life: _Referral, at: datetime) -> None:
        life.move(S.SENT, at, self.office.vma(self.rng, at), self.rng.choice(SENT_NOTES))

    def authorise(self, life: _Referral, at: datetime, days: int) -> None:
        rng = self.rng
        life.auth_at = at.replace(microsecond=0)
        life.draft = replace(life.draft, auth_number=f"RA{rng.randint(10**7, 10**8 - 1)}",
                             auth_valid_until=self.office.local_day(at) + timedelta(days=days))

    def book(self, life: _Referral, at: datetime, days_ahead: int) -> datetime:
        """The specialist's office books the visit: on a business day, on the quarter hour."""
        rng, office = self.rng, self.office
        day = office.business_day(office.local_day(at) + timedelta(days=days_ahead))
        visit = office.at(day, time(rng.randint(8, 15), rng.choice((0, 15, 30, 45))))
        life.move(S.SCHEDULED, at, office.vma(rng, at), appointment_at=visit)
        return visit

    def life(self, life: _Referral, send_at: datetime | None = None) -> _Referral:
        """Plays a draft to its end (sent at `send_at` when given)."""
        rng, office = self.rng, self.office
        urgent = life.draft.urgency is not Urgency.ROUTINE
        outcome = weighted(rng, OUTCOMES)
        at = life.draft.created_at
        if outcome == "cancelled" and rng.random() < 0.15:
            return self._end(life, S.CANCELLED, self.later(at, rng.randint(0, 3)))
        days = 0 if urgent else weighted(rng, SEND_DAYS)
        at = send_at or self.later(at, days, earliest=time(8, 30) if days == 0 else time(12, 30))
        self.send(life, at)
        if outcome == "silence":
            at = self.later(at, rng.randint(15, 40))
        if life.draft.auth_required:
            got = self.later(at, rng.randint(0, 1) if urgent else rng.randint(0, 3))
            self.authorise(life, got, weighted(rng, AUTH_DAYS))
            at = max(at, got)
        if outcome in ("cancelled", "declined") and rng.random() < 0.6:
            to = S.DECLINED if outcome == "declined" else S.CANCELLED
            return self._end(life, to, self.later(at, rng.randint(1, 10)))
        at = self.later(at, rng.randint(0, 1) if urgent else rng.randint(1, 7))
        visit = self.book(life, at, rng.randint(1, 2) if urgent else rng.randint(3, 9))
        if outcome == "rebooked":
            at = min(self.later(at, rng.randint(0, max(0, (visit - at).days - 1))), visit - MINUTE * 120)
            life.move(S.SENT, at, office.vma(rng, at), REBOOKED)
            at = self.later(at, rng.randint(1, 5))
            visit = self.book(life, at, rng.randint(3, 10))
        if outcome in ("cancelled", "declined"):  # cancelled after booking
            at = self.later(at, rng.randint(0, max(0, (visit - at).days - 1)))
            return self._end(life, S.CANCELLED, min(at, visit - MINUTE * 60))
        if outcome == "no report" and rng.random() < 0.3:
            return self._end(life, S.CLOSED, self.later(visit, rng.randint(5, 12)), NO_REPORT[2])
        at = self.later(visit, rng.randint(0, 2), earliest=time(9, 0))
        at = max(at, visit + MINUTE * 60)
        life.move(S.SEEN, at, office.vma(rng, at))
        if outcome == "no report":
            return self._end(life, S.CLOSED, self.later(at, rng.randint(15, 25)), rng.choice(NO_REPORT[:2]))
        at = self.later(at, rng.randint(1, 2) if urgent else rng.randint(2, 9))
        life.move(S.REPORT_RECEIVED, at, office.vma(rng, at), "Consult report filed in the chart.")
        at = self.later(at, weighted(rng, FILED_DAYS))
        life.move(S.CLOSED, at, office.vma(rng, at))
        return life

    def _end(self, life: _Referral, to: ReferralState, at: datetime, note: str = "") -> _Referral:
        if not note:
            note = self.rng.choice(DECLINED if to is S.DECLINED else
                                   CANCELLED.get(life.state, CANCELLED[S.SCHEDULED]))
        at = max(at, life.since)
        life.move(to, at, self.office.vma(self.rng, at), note)
        return life


def _referrals(seed: int, office: Office, roster: Sequence[Rostered], history_days: int,
               recent: _Recent) -> list[_Referral]:
    rng = stream(seed, "referrals")
    plan = _Referrals(rng, office)
    visits = [(r, v) for r in roster for v in office.visits.get(r.id, ()) if v.day >= office.first]
    chance = REFERRALS_PER_YEAR * history_days / 365 / max(1, len(visits))
    out = []
    for r, visit in visits:
        if rng.random() < chance:
            life = plan.start(r, visit)
            if life is not None:
                out.append(plan.life(life))
    return out + _staged(plan, recent)


def _needs_auth(r: Rostered) -> bool:
    insurance = r.patient.insurance
    plan = insurance.plan_type if insurance is not None else None  # a primary's plan type is known
    return plan is not None and plan.needs_referral_authorisation


class _Recent:
    """The adults' visits of the last weeks before the anchor, by day (for the staged records)."""

    def __init__(self, office: Office, roster: Sequence[Rostered]) -> None:
        self.office = office
        by_id = {r.id: r for r in roster}
        self.on_day: dict[date, list[tuple[Rostered, Visit]]] = {}
        for pid, visits in office.visits.items():
            r = by_id[pid]
            if r.patient.age_on(office.anchor) < 18:
                continue
            for v in visits:
                if office.anchor - timedelta(days=60) <= v.day < office.anchor:
                    self.on_day.setdefault(v.day, []).append((r, v))

    def visit(self, rng: random.Random, days_ago: int,
              fits: Callable[[Rostered], bool]) -> tuple[Rostered, Visit] | None:
        """A fitting visit on the last business day at least `days_ago` days before the anchor."""
        office = self.office
        day = office.previous_business_day(office.anchor - timedelta(days=days_ago - 1))
        seen = [(r, v) for r, v in self.on_day.get(day, []) if fits(r)]
        return seen[rng.randrange(len(seen))] if seen else None


def _staged(plan: _Referrals, pick: _Recent) -> list[_Referral]:
    """The loose ends around the anchor day (`d`): three stuck referrals (one sent about 23 days ago
    the specialist never answered, one seen about 27 days ago whose report is missing, an urgent one
    sent 6 days ago), two whose authorisation expires within the fortnight, and one whose visit the
    specialist's office called off while its authorisation ran out; and two drafts of the last
    business day the VMA sends late on the anchor day."""
    office, rng = plan.office, plan.rng
    d = office.anchor
    out: list[_Referral] = []

    def begin(days_ago: int, auth: bool, urgency: Urgency = Urgency.ROUTINE) -> _Referral | None:
        found = pick.visit(rng, days_ago, lambda r: _needs_auth(r) == auth)
        life = plan.start(*found, urgency) if found else None
        if life is not None:
            out.append(life)
        return life

    def step(life: _Referral, days_ago: int) -> datetime:
        """About `days_ago` days before the anchor, and after the referral's last move."""
        at = office.at(office.business_day(d - timedelta(days=days_ago)), time(10, 0)) + \
            MINUTE * rng.randint(0, 300)
        return max(at, life.since + MINUTE * 30)

    if life := begin(24, False):  # sent, the specialist never called
        plan.send(life, step(life, 23))
    if life := begin(44, False):  # seen, no report
        plan.send(life, step(life, 43))
        visit = plan.book(life, step(life, 37), 9)
        life.move(S.SEEN, max(step(life, 27), visit + MINUTE * 90), office.vma(rng, visit))
    if life := begin(6, False, Urgency.URGENT):
        plan.send(life, plan.later(life.draft.created_at, 0))
    def book_in_time(life: _Referral, days_ago: int) -> datetime:
        """Books the visit a few days before the authorisation ends (never after: refused)."""
        at = step(life, days_ago)
        until = life.draft.auth_valid_until or d
        return plan.book(life, at, max(1, (until - office.local_day(at)).days - 6))

    for created, auth_days_ago, booked in ((22, 19, 9), (26, 24, 11)):  # authorisation expiring
        if life := begin(created, True):
            plan.send(life, step(life, created - 1))
            plan.authorise(life, step(life, auth_days_ago), SHORT_AUTH_DAYS)
            book_in_time(life, booked)
    if life := begin(36, True):  # the visit fell through and the authorisation ran out meanwhile
        plan.send(life, step(life, 35))
        plan.authorise(life, step(life, 34), SHORT_AUTH_DAYS)
        visit = book_in_time(life, 26)
        at = min(step(life, 10), visit - timedelta(hours=20))
        life.move(S.SENT, at, office.vma(rng, at), REBOOKED)
    for n in range(2):  # drafts of the last business day, sent late on the anchor day
        if life := begin(1, n == 0):
            out[-1] = plan.life(life, send_at=office.at(d, time(16, 40 + 12 * n)))
    return out


# --- prior authorisations ------------------------------------------------------------------------

@dataclass
class _Auth:
    """A prior authorisation's whole life: each version with the moment it took effect."""

    versions: list[tuple[datetime, PriorAuth]]

    def as_of(self, now: datetime) -> PriorAuth | None:
        current = None
        for at, auth in self.versions:
            if at <= now:
                current = auth
        return current

    def change(self, at: datetime, by: str, note: str = "", **changes: Any) -> None:  # PriorAuth's fields
        before = self.versions[-1][1]
        after = replace(before, **changes)
        rules.check_prior_auth(after, before.status)  # the demo makes only changes the app allows
        at = at.replace(microsecond=0)
        if after.status is not before.status or note:  # as ReferralService.update_prior_auth
            after = replace(after, events=before.events + (StateEvent(after.status.value, at, by, note),))
        self.versions.append((at, after))


class _Auths:
    def __init__(self, rng: random.Random, office: Office) -> None:
        self.rng, self.office = rng, office

    def service(self, r: Rostered, day: date) -> tuple[PriorAuthKind, str] | None:
        rng, age = self.rng, r.patient.age_on(day)
        kind = weighted(rng, KINDS)
        table = list(PROCEDURES if kind is PriorAuthKind.PROCEDURE else MEDICATIONS)
        if kind is PriorAuthKind.MEDICATION and r.person.diabetic:
            table += [(name, (0, weight, weight, weight)) for name, weight in DIABETES_MEDICATIONS]
        choices = [(name, weights[age_band(age)]) for name, weights in table if weights[age_band(age)] > 0]
        if not choices:
            return None
        name = weighted(rng, choices)
        return (PriorAuthKind.IMAGING if name in IMAGING else kind), name

    def life(self, r: Rostered, visit: Visit | None, *, answer_days: int | None = None,
             follow_up: bool = True, renewing: PriorAuth | None = None) -> _Auth | None:
        """Submitted after the visit (or, `renewing` an approval, a few weeks before it ends),
        answered (and perhaps appealed) later; `answer_days` and no `follow_up` stage a payer that
        is late with the VMA not having called yet."""
        rng, office = self.rng, self.office
        insurance = r.patient.insurance
        if renewing is not None and renewing.valid_until is not None:
            chosen: tuple[PriorAuthKind, str] | None = (renewing.kind, renewing.service)
            first = renewing.valid_until - timedelta(days=rng.randint(*RENEWAL_LEAD_DAYS))
        else:
            assert visit is not None
            chosen, first = self.service(r, visit.day), visit.day + timedelta(days=rng.randint(0, 2))
        if insurance is None or not insurance.payer or chosen is None:
            return None
        kind, service = chosen
        hours = office.hours
        submitted = office.at(office.business_day(first),
                              time(rng.randint(8, 16), rng.randint(0, 59))).replace(microsecond=0)
        day = office.local_day(submitted)
        by = office.vma(rng, submitted)
        auth = PriorAuth(patient_id=r.id, kind=kind, payer=insurance.payer, service=service, submitted_on=day,
                         follow_up_on=office.business_day(day + timedelta(days=FOLLOW_UP_DAYS)),
                         events=(StateEvent(PriorAuthStatus.PENDING.value, submitted, by, "submitted"),))
        rules.check_prior_auth(auth, None)
        life = _Auth([(submitted, auth)])
        low, high, _ = weighted(rng, [(a, a[2]) for a in ANSWER_DAYS])
        answer = self._answer_day(day, answer_days or rng.randint(low, high))
        if follow_up:
            self._follow_ups(life, answer)
        status = weighted(rng, ANSWERS)
        self._answer(life, kind, status, answer)
        if status is PriorAuthStatus.DENIED and rng.random() < APPEALED:
            appeal = hours.working(answer + timedelta(days=rng.randint(2, 10)), rng)
            life.change(appeal, office.vma(rng, appeal), "Appeal sent with the office notes.",
                        status=PriorAuthStatus.APPEAL,
                        follow_up_on=office.business_day(office.local_day(appeal) + timedelta(days=10)))
            answer = self._answer_day(office.local_day(appeal), rng.randint(7, 20))
            self._follow_ups(life, answer)
            won = rng.random() < APPEAL_WON
            self._answer(life, kind, PriorAuthStatus.APPROVED if won else PriorAuthStatus.DENIED, answer,
                         reason=APPEAL_DENIED)
        return life

    def _answer_day(self, day: date, days: int) -> datetime:
        office = self.office
        return office.at(office.business_day(day + timedelta(days=days)), time(9, 0)) + \
            MINUTE * self.rng.randint(0, 7 * 60)

    def _follow_ups(self, life: _Auth, answer: datetime) -> None:
        """When the follow-up date passes before the payer answers, the VMA calls within a couple of
        business days and sets the next one."""
        rng, office = self.rng, self.office
        while True:
            due = life.versions[-1][1].follow_up_on
            called = office.at(office.business_day(due + timedelta(days=rng.choice((0, 0, 1, 1, 2, 4)))),
                               time(rng.randint(8, 16), rng.randint(0, 59)))
            if called >= answer:
                return
            next_call = office.business_day(office.local_day(called) + timedelta(days=rng.randint(3, 5)))
            life.change(called, office.vma(rng, called), rng.choice(FOLLOW_UP_NOTES), follow_up_on=next_call)

    def _answer(self, life: _Auth, kind: PriorAuthKind, status: PriorAuthStatus, at: datetime,
                reason: str = "") -> None:
        rng, office = self.rng, self.office
        by = office.vma(rng, at)
        day = office.local_day(at)
        if status is PriorAuthStatus.APPROVED:
            days = rng.choice(VALID_DAYS[kind])
            life.change(at, by, "", status=status, auth_number=f"PA{rng.randint(10**8, 10**9 - 1)}",
                        valid_from=day, valid_until=day + timedelta(days=days - 1))
        elif status is PriorAuthStatus.DENIED:
            life.change(at, by, "", status=status, denial_reason=reason or rng.choice(DENIALS[kind]))
        else:
            life.change(at, by, rng.choice(WITHDRAWN), status=status)


def _prior_auths(seed: int, office: Office, roster: Sequence[Rostered], history_days: int,
                 pick: _Recent) -> list[_Auth]:
    rng = stream(seed, "prior-auths")
    plan = _Auths(rng, office)
    visits = [(r, v) for r in roster if r.patient.insurance and r.patient.insurance.payer
              for v in office.visits.get(r.id, ()) if v.day >= office.first]
    chance = AUTHS_PER_YEAR * history_days / 365 / max(1, len(visits))
    out = [life for r, v in visits if rng.random() < chance and (life := plan.life(r, v)) is not None]
    # the anchor day's loose ends: two payers late, and the VMA has not called them yet
    for days_ago, answer_days in ((15, 20), (12, 17)):
        found = pick.visit(rng, days_ago, lambda r: bool(r.patient.insurance and r.patient.insurance.payer))
        if found and (life := plan.life(*found, answer_days=answer_days, follow_up=False)) is not None:
            out.append(life)
    # medication approvals ending around today: most have been renewed already (a renewal submitted
    # a few weeks before the end), so what stands out is the few that have not
    by_id = {r.id: r for r in roster}
    today, kept = office.local_day(office.now), False
    for life in list(out):
        auth = life.as_of(office.now)
        if auth is None or auth.status is not PriorAuthStatus.APPROVED or auth.valid_until is None \
                or auth.kind is not PriorAuthKind.MEDICATION:
            continue
        left = (auth.valid_until - today).days
        if not -30 <= left <= 21:
            continue
        if not kept and 0 <= left <= 14:
            kept = True  # one left to renew, for the trainer to show the flag
            continue
        if rng.random() < RENEWED and (renewal := plan.life(by_id[auth.patient_id], None, renewing=auth)):
            out.append(renewal)
    return out


def _used(seed: int, office: Office, auths: Sequence[PriorAuth]) -> list[PriorAuth]:
    """Approved procedures and imaging as they were used by now: most done within the approval
    (recorded as done, as `update_prior_auth` records it), physical therapy's visits counted (two a
    week from the approval)."""
    rng = stream(seed, "prior-auth-use")
    today, out = office.local_day(office.now), []
    for a in auths:
        valid_from, valid_until = a.valid_from, a.valid_until  # the same in every version of `a` below
        if a.status is not PriorAuthStatus.APPROVED or a.kind is PriorAuthKind.MEDICATION \
                or valid_from is None or valid_until is None or valid_from >= today:
            out.append(a)
            continue
        last = min(today, valid_until + timedelta(days=1))
        visits = COUNTED.get(a.service)
        if visits is not None:
            used = min(visits, (last - valid_from).days * 2 // 7)
            if used:  # counted after the latest visit, by the morning after it at the latest
                at = office.at(last - timedelta(days=1), time(rng.randint(12, 17), rng.randint(0, 59)))
                at = min(max(at, a.events[-1].at + MINUTE), office.now).replace(microsecond=0)
                note = f"{used} of {visits} visits used"
                a = replace(a, units_authorised=visits, units_used=used, unit_label="visits", events=(
                    *a.events, StateEvent(a.status.value, at, office.vma(rng, at), note)))
            else:
                a = replace(a, units_authorised=visits, unit_label="visits")
        elif rng.random() < DONE:
            done = office.business_day(valid_from + timedelta(days=rng.randint(*DONE_DAYS)))
            if done < today and done <= valid_until:
                at = office.at(done, time(rng.randint(9, 16), rng.randint(0, 59)))
                if at < office.now:
                    step = StateEvent(SERVICE_DONE, at.replace(microsecond=0), office.vma(rng, at),
                                      f"done {wording.date_text(done)}")
                    a = replace(a, service_done_on=done, events=(*a.events, step))
        rules.check_prior_auth(a, a.status)
        out.append(a)
    return out


def _told(seed: int, office: Office, referrals: Sequence[Referral]) -> list[Referral]:
    """Each specialist visit booked is told to the patient within hours, mostly (a "patient told"
    step after the booking); the latest booking still open is left untold, for the trainer to show
    the flag."""
    rng = stream(seed, "patient-told")
    open_booked = [r for r in referrals if r.state is ReferralState.SCHEDULED]
    untold = max(open_booked, key=lambda r: (r.state_since, r.id or 0)).id if open_booked else None
    out = []
    for r in referrals:
        events: list[StateEvent] = []
        for n, event in enumerate(r.events):
            events.append(event)
            if event.state != ReferralState.SCHEDULED.value or rng.random() >= TOLD or r.id == untold:
                continue
            at = (event.at + MINUTE * rng.randint(*TOLD_MINUTES)).replace(microsecond=0)
            following = r.events[n + 1].at if n + 1 < len(r.events) else office.now
            if at < following:
                how = weighted(rng, TOLD_HOW)
                events.append(StateEvent(PATIENT_TOLD, at, office.vma(rng, at), how.words))
                r = replace(r, patient_told_at=at, patient_told_by=events[-1].by, patient_told_how=how.value)
        out.append(replace(r, events=tuple(events)))
    return out


# --- writing -------------------------------------------------------------------------------------

def write(ctx: ServiceContext, *, seed: int, office: Office, roster: Sequence[Rostered], history_days: int,
          progress: Callable[[int], None]) -> Written:
    """Generate and write the referrals and prior authorisations of a freshly generated demo practice."""
    now = office.now
    recent = _Recent(office, roster)
    lives = [life for life in _referrals(seed, office, roster, history_days, recent)
             if life.draft.created_at <= now]
    lives.sort(key=lambda life: (life.draft.created_at, life.draft.patient_id, life.draft.specialty))
    as_of_now = [life.as_of(now, n) for n, life in enumerate(lives, start=1)]
    referrals = _told(seed, office, as_of_now)
    let_go(as_of_now, lives)
    asked = _prior_auths(seed, office, roster, history_days, recent)
    granted = [a for life in asked if (a := life.as_of(now))]
    used = _used(seed, office, granted)
    let_go(granted, asked)
    used.sort(key=lambda a: (a.events[0].at, a.patient_id, a.service))
    auths = [replace(a, id=n) for n, a in enumerate(used, start=1)]
    let_go(used)
    repo = ReferralRepository(ctx.conn)
    total = units(history_days)
    referral_batches = batches(referrals, lambda r: r.created_at, office, total)
    auth_batches = batches(auths, lambda a: a.events[0].at, office, total)
    for (done, some), (_, more) in zip(referral_batches, auth_batches, strict=True):
        with ctx.transaction():
            repo.insert_referrals(some)
            repo.insert_auths(more)
        progress(done)
    written = Written(len(referrals), len(auths))
    let_go(referrals, auths, recent.on_day)
    return written
