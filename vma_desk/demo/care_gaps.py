"""Care gaps for demo patients: screenings and vaccines that are due soon or overdue on the anchor day.

Each rule says who it applies to, how often it recurs and how many eligible patients are behind.
For every rule that applies, a patient is up to date (nothing is flagged), due within the look-ahead
window, or overdue (with the month it was last done, or no record at all), so the huddle sheet shows
some overdue and some coming up.
These are scheduling flags for the front office, never clinical advice.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from vma_desk.core.records import CareGap

# month names spelled out here: strftime's %b follows the locale, which Qt sets from the user's
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: how far after the anchor an upcoming gap may fall due
LOOK_AHEAD_DAYS = 60


@dataclass(frozen=True)
class Subject:
    """What the rules look at: sex, age on the anchor day, and two traits of the fictional chart."""

    sex: str
    age: int
    diabetic: bool
    medicare: bool


@dataclass(frozen=True)
class Rule:
    kind: str
    applies: Callable[[Subject], bool]
    every_days: int
    #: the share of eligible patients who are overdue on the anchor day
    overdue: float
    #: of those, the share with no record of it at all
    never: float
    #: a one-time item (a vaccine series): only ever flagged as never done
    once: bool = False


RULES = (
    Rule("Mammogram", lambda s: s.sex == "F" and 40 <= s.age <= 74, 730, 0.25, 0.2),
    Rule("Colonoscopy", lambda s: 45 <= s.age <= 75, 3650, 0.30, 0.6),
    Rule("Cervical cancer screening", lambda s: s.sex == "F" and 21 <= s.age <= 65, 1095, 0.20, 0.2),
    Rule("A1c", lambda s: s.diabetic, 182, 0.25, 0.1),
    Rule("Diabetic eye exam", lambda s: s.diabetic, 365, 0.30, 0.3),
    Rule("Lipid panel", lambda s: 40 <= s.age <= 75, 1825, 0.15, 0.3),
    Rule("Flu shot", lambda s: s.age >= 1, 365, 0.20, 0.3),
    Rule("Pneumococcal vaccine", lambda s: s.age >= 65, 0, 0.30, 1.0, once=True),
    Rule("Annual wellness visit", lambda s: s.medicare, 365, 0.25, 0.2),
    Rule("Well-child visit", lambda s: s.age < 18, 365, 0.20, 0.1),
)
#: the share of eligible patients whose next one falls due within the look-ahead window
DUE_SOON = 0.12


def care_gaps(rng: random.Random, subject: Subject, anchor: date, born: date) -> tuple[CareGap, ...]:
    gaps: list[CareGap] = []
    for rule in RULES:
        if not rule.applies(subject):
            continue
        draw = rng.random()
        if draw < rule.overdue and (rule.once or rng.random() < rule.never):
            # eligible for a while and never done: overdue since some time in the past year
            due = max(born, anchor - timedelta(days=rng.randint(1, 365)))
            gaps.append(CareGap(rule.kind, due, "No record on file"))
            continue
        if rule.once:
            continue
        if draw < rule.overdue:
            due = anchor - timedelta(days=rng.randint(1, min(rule.every_days, 730)))
        elif draw < rule.overdue + DUE_SOON:
            due = anchor + timedelta(days=rng.randint(0, LOOK_AHEAD_DAYS))
        else:
            continue  # up to date: nothing to flag
        last = due - timedelta(days=rule.every_days)
        if last >= born:
            gaps.append(CareGap(rule.kind, due, f"Last done {_MONTHS[last.month - 1]} {last.year}"))
    return tuple(sorted(gaps, key=lambda g: (g.due, g.kind)))
