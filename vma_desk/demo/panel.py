"""Who comes to the demo visits: each provider's panel of generated patients, and their last visits.

A provider sees the patients who have them as primary or second provider, the chronically ill and
the very old or young more often, and the same patient at most every couple of weeks when the panel
allows. About half the panel was already established when the generated history begins; the others
join during it (babies at birth) and come first to a "new patient" visit, and the few the patient
generator left "not seen yet" join on the anchor day, so they only have visits ahead. A patient whose
last visit with a provider lies more than a year back has lapsed: they are seen until that day and
on it, never after. When the visits are laid out, every patient's last visit per provider is set
from the visits they attended (`changed_last_visits`), so the patient record and the calendar agree.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from vma_desk.core.records import LastVisit, Patient
from vma_desk.demo.patients import Person

#: a last visit further back than this means the patient has lapsed with that provider
LAPSED = timedelta(days=365)
#: the share of the panel already established when the generated history begins
ESTABLISHED = 0.5
#: the same patient is not booked with the same provider again within this many days, if avoidable
MIN_GAP_DAYS = 14
#: draws before a slot is left open; the gap rule is dropped after SOFT_TRIES
TRIES, SOFT_TRIES = 16, 8


@dataclass(frozen=True)
class Rostered:
    """A written patient (with its database id) and the traits the patient generator gave them."""

    id: int
    patient: Patient
    person: Person


class Panel:
    def __init__(self, rng: random.Random, roster: Sequence[Rostered], provider_ids: Sequence[int],
                 first: date, anchor: date) -> None:
        self.rng = rng
        self.roster = roster
        self.provider_ids = list(provider_ids)
        self.first, self.anchor = first, anchor
        slots = range(len(provider_ids))
        slot_of = {pid: slot for slot, pid in enumerate(provider_ids)}
        self.members: list[list[int]] = [[] for _ in slots]
        self.cum_weights: list[list[float]] = [[] for _ in slots]
        self.until: dict[tuple[int, int], date] = {}  # (patient, slot) -> lapsed on that day
        self.must_see: dict[tuple[int, date], list[int]] = {}
        self.established = [False] * len(roster)
        self.joined: list[date] = []
        newcomers: list[list[tuple[date, int]]] = [[] for _ in slots]
        for who, r in enumerate(roster):
            stored = {v.provider_id: v.day for v in r.patient.last_visits}
            lapsed = False
            for slot, share in ((r.person.primary, 1.0), (r.person.also_sees, 0.5)):
                if slot is None or slot >= len(provider_ids):
                    continue
                self._add(slot, who, share * _weight(r, anchor))
                day = stored.get(provider_ids[slot])
                if day is not None and day < anchor - LAPSED:
                    lapsed = True
                    self.until[(who, slot)] = day
                    if day >= first:
                        self.must_see.setdefault((slot, day), []).append(who)
            joined = self._joined(r, lapsed, any(p in slot_of for p in stored))
            self.joined.append(joined)
            if joined < first:
                self.established[who] = True
            elif r.person.primary < len(provider_ids):
                newcomers[r.person.primary].append((joined, who))
        self.queues = [[who for _, who in sorted(q)] for q in newcomers]
        self.heads = [0] * len(provider_ids)
        self.carry: list[list[int]] = [[] for _ in slots]
        self.pending: list[list[int]] = [[] for _ in slots]
        self.last_booked: dict[tuple[int, int], date] = {}
        self.attended: dict[tuple[int, int], date] = {}

    def _add(self, slot: int, who: int, weight: float) -> None:
        total = self.cum_weights[slot][-1] if self.cum_weights[slot] else 0.0
        self.members[slot].append(who)
        self.cum_weights[slot].append(total + weight)

    def _joined(self, r: Rostered, lapsed: bool, seen_before: bool) -> date:
        """When the patient joined the practice: before the history, during it, or on the anchor."""
        born = r.patient.date_of_birth
        if lapsed:
            return self.first - timedelta(days=1)
        if born >= self.first:  # a baby: the first visit within weeks of birth
            return min(born + timedelta(days=self.rng.randint(5, 28)), self.anchor)
        if not seen_before:  # "not seen yet": books a first visit from the anchor on
            return self.anchor
        if self.rng.random() < ESTABLISHED:
            return self.first - timedelta(days=1)
        return self.first + timedelta(days=self.rng.randrange(max(1, (self.anchor - self.first).days)))

    def patient(self, who: int) -> Rostered:
        return self.roster[who]

    # --- one provider-day ------------------------------------------------------------------------
    def start_day(self, slot: int, day: date) -> None:
        """Lapsed patients due on this day (or left over from a day the provider did not see
        patients) come first."""
        self.pending[slot] = self.carry[slot] + self.must_see.pop((slot, day), [])
        self.carry[slot] = []

    def end_day(self, slot: int) -> None:
        self.carry[slot], self.pending[slot] = self.pending[slot], []

    def pick(self, slot: int, day: date, today: set[int], code: str) -> tuple[int, str, bool] | None:
        """A patient for a slot of type `code` on `day`: (patient, type code, must attend), or None
        when nobody fits (the slot stays open). A "new" slot goes to the next newcomer who has
        joined, or becomes an established visit."""
        if code == "new":
            queue, head = self.queues[slot], self.heads[slot]
            if head < len(queue) and self.joined[queue[head]] <= day and queue[head] not in today:
                who = queue[head]
                self.heads[slot] += 1
                self.established[who] = True
                return who, code, False
            code = "est"
        pending = self.pending[slot]
        while pending:
            who = pending.pop()
            if who not in today:
                return who, code, True
        members, weights = self.members[slot], self.cum_weights[slot]
        for attempt in range(TRIES):
            who = self.rng.choices(members, cum_weights=weights)[0]
            if not self.established[who] or who in today:
                continue
            if self.roster[who].patient.date_of_birth > day:
                continue
            until = self.until.get((who, slot))
            if until is not None and day >= until:
                continue
            last = self.last_booked.get((who, slot))
            if last is not None and attempt < SOFT_TRIES and (day - last).days < MIN_GAP_DAYS:
                continue
            return who, code, False
        return None

    def booked(self, who: int, slot: int, day: date, *, attended: bool) -> None:
        self.last_booked[(who, slot)] = day
        if attended:
            self.attended[(who, slot)] = day

    def waiting_newcomers(self, day: date) -> list[int]:
        """Patients who have joined by `day` and still wait for their first visit."""
        return [who for slot, queue in enumerate(self.queues)
                for who in queue[self.heads[slot]:] if self.joined[who] <= day]

    # --- afterwards ------------------------------------------------------------------------------
    def changed_last_visits(self) -> list[Patient]:
        """Patients whose stored last visits differ from the visits they attended, corrected. A
        last visit before the generated history is kept: nothing generated contradicts it."""
        out = []
        for who, r in enumerate(self.roster):
            stored = {v.provider_id: v.day for v in r.patient.last_visits}
            visits = []
            for slot in (r.person.primary, r.person.also_sees):
                if slot is None or slot >= len(self.provider_ids):
                    continue
                provider_id = self.provider_ids[slot]
                day = self.attended.get((who, slot))
                before = stored.get(provider_id)
                if day is None and before is not None and before < self.first:
                    day = before
                if day is not None:
                    visits.append(LastVisit(provider_id, day))
            visits.sort(key=lambda v: v.provider_id)
            if tuple(visits) != r.patient.last_visits:
                out.append(replace(r.patient, id=r.id, last_visits=tuple(visits)))
        return out


def _weight(r: Rostered, anchor: date) -> float:
    """How often a patient comes, relative to a healthy adult."""
    age = r.patient.age_on(anchor)
    weight = 2.5 if r.person.diabetic else 1.0
    if age >= 65 or age < 2:
        weight *= 2.0
    return weight
