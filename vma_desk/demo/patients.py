"""Demo patients: who they are (from the seed only) and their dated history (laid out from the anchor).

Identities (names, date of birth, phones, e-mail, contact preference, insurance, pharmacy, primary
provider) come from one random stream seeded by the seed alone, and ages for them are reckoned on a
fixed reference day, so the same seed gives the same people whatever the anchor. Last visits and care
gaps come from a second stream and are placed relative to the anchor, so the demo always has a
"today". Phone numbers are built in E.164 directly: validation would leave them unchanged.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from vma_desk.core.records import (
    ContactMethod,
    Insurance,
    LastVisit,
    Patient,
    Phone,
    PhoneKind,
    PlanType,
)
from vma_desk.demo import catalog, names
from vma_desk.demo.care_gaps import Subject, care_gaps
from vma_desk.demo.randomness import stream, weighted

#: ages are drawn for this day; the youngest patient is born at least two months before it
REFERENCE_DAY = date(2025, 1, 1)
_YOUNGEST_DAYS = 60
#: (lowest age, highest age, weight): a family practice's panel, children to 95
_AGE_BANDS = ((0, 17, 20), (18, 39, 26), (40, 64, 32), (65, 95, 22))
#: primary provider by roster slot (MD, DO, NP, PA)
_PANEL_SHARE = ((0, 32), (1, 28), (2, 22), (3, 18))
_NOTES = (
    "Prefers afternoon calls", "Hard of hearing: speak slowly and clearly",
    "Daughter helps with scheduling (release on file)", "OK to leave detailed voicemail",
    "Do not leave detailed voicemail: call back only", "Needs a wheelchair-accessible room",
    "Prefers text reminders two days ahead", "Works nights: call after 1 pm",
)


@dataclass(frozen=True)
class Person:
    """A demo patient's identity plus the traits that shape their history (not stored as such)."""

    patient: Patient
    sex: str
    diabetic: bool
    primary: int
    also_sees: int | None


@dataclass(frozen=True)
class Calendar:
    """What dated records need to land on plausible days."""

    anchor: date
    history_days: int
    closed: frozenset[date]
    #: per provider slot: its database id and the weekdays it works
    provider_ids: Sequence[int]
    provider_days: Sequence[frozenset[int]]

    def last_working_day(self, slot: int, day: date) -> date:
        """The latest day on or before `day` when the practice is open and the provider works."""
        days = self.provider_days[slot]
        while day.weekday() not in days or day in self.closed:
            day -= timedelta(days=1)
        return day


# --- identities ----------------------------------------------------------------------------------

def identities(seed: int, count: int) -> Iterator[Person]:
    rng = stream(seed, "patients")
    for _ in range(count):
        yield _person(rng)


def _age_on_reference(rng: random.Random) -> date:
    low, high, _ = weighted(rng, [(band, band[2]) for band in _AGE_BANDS])
    born = REFERENCE_DAY - timedelta(days=rng.randint(low * 365, high * 365 + 364))
    return min(born, REFERENCE_DAY - timedelta(days=_YOUNGEST_DAYS))


def _person(rng: random.Random) -> Person:
    born = _age_on_reference(rng)
    age = REFERENCE_DAY.year - born.year
    sex = "F" if rng.random() < 0.52 else "M"
    first, last = names.first_name(rng, sex, born.year), names.surname(rng)
    phones = _phones(rng, age)
    email = _email(rng, first, last, age)
    contact = _contact(rng, phones, email)
    plan = weighted(rng, catalog.PLAN_MIX["child" if age < 18 else "adult" if age < 65 else "senior"])
    patient = Patient(
        first_name=first, last_name=last, date_of_birth=born, phones=phones, email=email,
        preferred_contact=contact, insurance=_insurance(rng, plan),
        preferred_pharmacy=rng.choice(catalog.PHARMACIES) if rng.random() < 0.94 else "",
        notes=rng.choice(_NOTES) if rng.random() < 0.08 else "",
    )
    patient = replace(patient, secondary_insurance=_secondary(patient))
    diabetic = age >= 18 and rng.random() < (0.22 if age >= 65 else 0.08)
    primary = weighted(rng, _PANEL_SHARE)
    also = rng.choice([s for s, _ in _PANEL_SHARE if s != primary]) if rng.random() < 0.25 else None
    return Person(patient, sex, diabetic, primary, also)


def _number(rng: random.Random) -> str:
    area = weighted(rng, catalog.AREA_CODES)
    # 555-0101 to 555-0199: 555-0100 is the practice's own line
    return f"+1{area}55501{rng.randint(1, 99):02d}"


def _phones(rng: random.Random, age: int) -> tuple[Phone, ...]:
    senior = age >= 65
    phones: list[Phone] = []
    if rng.random() < (0.8 if senior else 0.97):
        phones.append(Phone(_number(rng), PhoneKind.MOBILE))
    if not phones or rng.random() < (0.35 if senior else 0.08):
        phones.append(Phone(_number(rng), PhoneKind.HOME))
    if 18 <= age < 65 and rng.random() < 0.1:
        phones.append(Phone(_number(rng), PhoneKind.WORK))
    unique = {p.number: p for p in reversed(phones)}  # a repeated number keeps its first kind
    return tuple(p for p in phones if unique[p.number] is p)


def _email(rng: random.Random, first: str, last: str, age: int) -> str:
    if rng.random() >= (0.35 if age >= 65 else 0.5 if age < 18 else 0.75):
        return ""
    local = "".join(ch for ch in f"{first}.{last}".lower() if ch.isalnum() or ch == ".")
    if rng.random() < 0.5:
        local += str(rng.randint(1, 99))
    return f"{local}@{rng.choice(catalog.EMAIL_DOMAINS)}"


def _contact(rng: random.Random, phones: tuple[Phone, ...], email: str) -> ContactMethod:
    texts = any(p.kind is PhoneKind.MOBILE for p in phones)
    table = [(ContactMethod.PHONE, 45.0), (ContactMethod.PORTAL, 15.0)]
    if texts:
        table.append((ContactMethod.TEXT, 30.0))
    if email:
        table.append((ContactMethod.EMAIL, 10.0))
    return weighted(rng, table)


def _insurance(rng: random.Random, plan: PlanType) -> Insurance:
    if plan is PlanType.SELF_PAY:
        return Insurance(payer="", member_id="", plan_type=plan)
    payer, prefix, grouped = rng.choice(catalog.PAYERS[plan])
    if plan is PlanType.MEDICARE:
        member = _medicare_id(rng)
    else:
        member = f"{prefix}{rng.randint(0, 999_999_999):09d}"
    group = f"G-{rng.randint(10_000, 99_999)}" if grouped else ""
    return Insurance(payer=payer, member_id=member, plan_type=plan, group_number=group)


def _secondary(patient: Patient) -> Insurance | None:
    """A secondary insurance for some: most original-Medicare patients (a supplement), a few adults
    (a spouse's employer plan, held by the spouse). A generator of its own, seeded by the patient, so
    the demo's other draws stay as they were."""
    primary = patient.insurance
    if primary is None or primary.plan_type not in catalog.SECONDARY_SHARE:
        return None
    own = random.Random(f"secondary:{patient.last_name}:{patient.first_name}:{patient.date_of_birth}")
    if own.random() >= catalog.SECONDARY_SHARE[primary.plan_type]:
        return None
    payer, prefix, plan = own.choice(catalog.SECONDARY_PAYERS[primary.plan_type])
    spouse = primary.plan_type is not PlanType.MEDICARE and patient.age_on(REFERENCE_DAY) >= 18
    holder = f"{names.first_name(own, own.choice('FM'), patient.date_of_birth.year)} {patient.last_name}" \
        if spouse else ""
    return Insurance(payer=payer, member_id=f"{prefix}{own.randint(0, 999_999_999):09d}", plan_type=plan,
                     group_number=f"G-{own.randint(10_000, 99_999)}" if plan else "", subscriber=holder)


def _medicare_id(rng: random.Random) -> str:
    """Shaped like a Medicare Beneficiary Identifier (11 characters, no S L O I B Z), not a real one."""
    letters = "ACDEFGHJKMNPQRTUVWXY"
    alnum = letters + "0123456789"
    shape = "N" "L" "A" "N" "L" "A" "N" "L" "L" "N" "N"
    pick = {"N": "0123456789", "L": letters, "A": alnum}
    chars = [rng.choice(pick[c] if i else "123456789") for i, c in enumerate(shape)]
    text = "".join(chars)
    return f"{text[:4]}-{text[4:7]}-{text[7:]}"


# --- dated history -------------------------------------------------------------------------------

def with_history(rng: random.Random, person: Person, cal: Calendar) -> Patient:
    """The person's last visits and care gaps, laid out before (and just after) the anchor day."""
    patient = person.patient
    born = patient.date_of_birth
    visits: list[LastVisit] = []
    if rng.random() >= 0.04:  # the rest are new to the practice, not seen yet
        for slot, recent in ((person.primary, True), (person.also_sees, False)):
            if slot is None:
                continue
            day = cal.last_working_day(slot, cal.anchor - timedelta(days=_days_since(rng, cal, recent)))
            if day >= born:
                visits.append(LastVisit(cal.provider_ids[slot], day))
    insurance = patient.insurance
    subject = Subject(
        sex=person.sex, age=patient.age_on(cal.anchor), diabetic=person.diabetic,
        medicare=insurance is not None and insurance.plan_type in (
            PlanType.MEDICARE, PlanType.MEDICARE_ADVANTAGE),
    )
    return replace(
        patient,
        last_visits=tuple(sorted(visits, key=lambda v: v.provider_id)),
        care_gaps=care_gaps(rng, subject, cal.anchor, born),
    )


def _days_since(rng: random.Random, cal: Calendar, recent: bool) -> int:
    """Most patients were seen within the year; a tail lapsed over the whole history."""
    tail = max(3 * 365, cal.history_days + 365)
    bands = ((1, 180, 55), (181, 365, 25), (366, 730, 12), (731, tail, 8)) if recent else \
        ((1, 365, 40), (366, 730, 35), (731, tail, 25))
    low, high, _ = weighted(rng, [(b, b[2]) for b in bands])
    return rng.randint(low, max(low, high))
