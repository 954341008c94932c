"""Who calls the demo practice: its patients (the chronically ill and the very old or young more
often), their family, and the pharmacies, payers, specialist offices, hospitals and labs that work
with it; now and then someone who is nobody's patient.

A child's parent or an old patient's son or daughter is the same person (same name, same number)
every time they call. Organisation names are invented; every number is a 555-01XX number, fictional
by the numbering plan's own reservation.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from vma_desk.demo import catalog, names
from vma_desk.demo.panel import Rostered
from vma_desk.demo.randomness import weighted

SPECIALISTS = (
    "Northside Cardiology Associates", "Lakeshore Orthopedics", "Prairie Dermatology Group",
    "Riverbend Endocrine Clinic", "North Shore Pulmonary Partners", "Midway Women's Health",
    "Cedar Park Eye Care", "Lakeview Gastroenterology",
)
HOSPITALS = (
    "Lakeshore General Hospital, discharge planning", "St. Brendan Medical Center, case management",
    "Prairie Regional Hospital, emergency department",
)
LABS = ("Prairie Lab Services", "Lakeshore Imaging Center", "Midwest Reference Laboratory")
VENDORS = ("Midwest Medical Supply, sales", "ClearLine Phone Systems, support",
           "Prairie Shred Services", "Lakeside Linen Service")
#: who a family caller is, by the patient's age: ((lowest age, highest age, chance), relations)
_FAMILY = (
    ((0, 12, 1.0), ("mother", "mother", "father")),
    ((13, 17, 0.6), ("mother", "father")),
    ((75, 200, 0.35), ("daughter", "son", "daughter-in-law")),
    ((18, 74, 0.04), ("wife", "husband")),
)

#: a relative's year of birth relative to the patient's
_BORN_APART = {"mother": -30, "father": -32, "wife": 2, "husband": -2}


@dataclass(frozen=True)
class Caller:
    name: str
    number: str  # E.164, "" when withheld
    patient: Rostered | None = None
    #: "patient", "family", "pharmacy", "payer", "specialist", "hospital", "lab", "prospect",
    #: "vendor" or "wrong number"
    kind: str = "patient"
    relation: str = ""


def org_number(kind_index: int, index: int) -> str:
    """A fixed fictional number per organisation."""
    area = ("312", "773", "630", "708", "847", "872")[kind_index % 6]
    return f"+1{area}55501{(40 + 7 * kind_index + index) % 99 + 1:02d}"


def _orgs(kind_index: int, kind: str, org_names: Sequence[str]) -> list[Caller]:
    return [Caller(n, org_number(kind_index, i), kind=kind) for i, n in enumerate(org_names)]


PHARMACIES = {c.name: c for c in _orgs(0, "pharmacy", catalog.PHARMACIES)}
PAYERS = _orgs(1, "payer", sorted({f"{p[0]}, provider services" for plans in catalog.PAYERS.values()
                                  for p in plans}))
ORGANISATIONS = {"payer": PAYERS, "specialist": _orgs(2, "specialist", SPECIALISTS),
                 "hospital": _orgs(3, "hospital", HOSPITALS), "lab": _orgs(4, "lab", LABS),
                 "vendor": _orgs(5, "vendor", VENDORS)}


class Callers:
    def __init__(self, rng: random.Random, roster: Sequence[Rostered], anchor: date) -> None:
        self.rng = rng
        self.roster = roster
        self.cum_weights = list(itertools.accumulate(_weight(r, anchor) for r in roster))
        self.family: dict[int, Caller] = {}

    def patient(self, day: date) -> Rostered:
        """A patient born by `day`, the frequent callers more often."""
        for _ in range(20):
            chosen = self.rng.choices(self.roster, cum_weights=self.cum_weights)[0]
            if chosen.patient.date_of_birth < day:
                return chosen
        return self.roster[0]

    def about(self, r: Rostered, day: date) -> Caller:
        """The patient themselves, or the family member who calls for them."""
        age = r.patient.age_on(day)
        for (low, high, chance), relations in _FAMILY:
            if low <= age <= high and self.rng.random() < chance:
                return self._relative(r, relations)
        return Caller(f"{r.patient.first_name} {r.patient.last_name}", phone(r), r)

    def _relative(self, r: Rostered, relations: tuple[str, ...]) -> Caller:
        known = self.family.get(r.id)
        if known is None:
            rng = self.rng
            relation = rng.choice(relations)
            sex = "M" if relation in ("father", "son", "husband") else "F"
            born = r.patient.date_of_birth.year + _BORN_APART.get(relation, 30)
            last = r.patient.last_name if rng.random() < 0.8 else names.surname(rng)
            number = phone(r) if rng.random() < 0.6 else f"+1{weighted(rng, catalog.AREA_CODES)}55501" \
                f"{rng.randint(1, 99):02d}"
            known = Caller(f"{names.first_name(rng, sex, born)} {last} ({relation})", number, r,
                           "family", relation)
            self.family[r.id] = known
        return known

    def pharmacy(self, r: Rostered) -> Caller:
        """The patient's own pharmacy, calling about them."""
        name = r.patient.preferred_pharmacy or self.rng.choice(catalog.PHARMACIES)
        org = PHARMACIES[name]
        return Caller(org.name, org.number, r, "pharmacy")

    def organisation(self, kind: str, r: Rostered | None) -> Caller:
        org = self.rng.choice(ORGANISATIONS[kind])
        return Caller(org.name, org.number, r, kind)

    def stranger(self) -> Caller:
        """Someone who is not a patient: a prospective patient or a wrong number."""
        rng = self.rng
        kind = "prospect" if rng.random() < 0.75 else "wrong number"
        sex = rng.choice("FM")
        name = f"{names.first_name(rng, sex, rng.randint(1950, 2000))} {names.surname(rng)}"
        number = f"+1{weighted(rng, catalog.AREA_CODES)}55501{rng.randint(1, 99):02d}"
        return Caller(name, number if rng.random() < 0.95 else "", None, kind)


def phone(r: Rostered) -> str:
    return r.patient.phones[0].number if r.patient.phones else ""


def _weight(r: Rostered, anchor: date) -> float:
    """How often a patient (or their family) calls, relative to a healthy adult."""
    age = r.patient.age_on(anchor)
    return (2.5 if r.person.diabetic else 1.0) * (1.8 if age >= 65 or age < 6 else 1.0)
