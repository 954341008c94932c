"""The demo practice: its name, calendar (business days, holidays, closures) and staff roster.

The roster is a fixed shape, four providers (MD, DO, NP, PA) with realistic hours including a half
day, two nurses who take urgent medical calls, test-result questions and refills for the providers
they support, billing, records and a front desk, so that every routing category has a receiver. The
names come from the seed; the holidays cover the years around the anchor date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

import holidays

from vma_desk.core.records import Holiday, Practice, Role, RouteCategory, Shift, StaffMember
from vma_desk.demo import catalog, names
from vma_desk.demo.randomness import stream

#: the federal holidays a small practice actually closes for (holidays.US lists more)
_CLOSED_ON = frozenset({
    "New Year's Day", "Memorial Day", "Independence Day", "Labor Day", "Thanksgiving Day",
    "Christmas Day",
})
_MON_FRI = range(5)


def _shifts(days: range | tuple[int, ...], *spans: tuple[str, str]) -> tuple[Shift, ...]:
    return tuple(Shift(d, time.fromisoformat(a), time.fromisoformat(b)) for d in days for a, b in spans)


@dataclass(frozen=True)
class _Slot:
    """One position on the roster; the person in it is drawn from the seed."""

    role: Role
    credentials: str
    hours: tuple[Shift, ...]
    receives: frozenset[RouteCategory] = frozenset()
    #: indexes into the provider slots
    supports: tuple[int, ...] = ()


_CLINICAL_ROUTES = frozenset({RouteCategory.URGENT_MEDICAL, RouteCategory.TEST_RESULTS,
                              RouteCategory.REFILLS, RouteCategory.PROVIDER_STAFF})

PROVIDER_SLOTS = (
    _Slot(Role.PROVIDER, "MD", _shifts(_MON_FRI, ("08:00", "12:00"), ("13:00", "17:00"))),
    # a half day on Friday
    _Slot(Role.PROVIDER, "DO", _shifts(range(4), ("08:30", "12:00"), ("13:00", "17:30"))
          + _shifts((4,), ("08:00", "12:00"))),
    # the evening clinic, Monday to Thursday
    _Slot(Role.PROVIDER, "NP", _shifts(range(4), ("09:00", "12:30"), ("13:30", "18:00"))),
    # Monday afternoons only, early starts the rest of the week
    _Slot(Role.PROVIDER, "PA", _shifts((0,), ("12:00", "17:00"))
          + _shifts(range(1, 5), ("07:30", "11:30"), ("12:30", "16:00"))),
)

STAFF_SLOTS = (
    _Slot(Role.CLINICAL, "RN", _shifts(_MON_FRI, ("07:30", "16:00")), _CLINICAL_ROUTES, (0, 1)),
    _Slot(Role.CLINICAL, "LPN", _shifts(_MON_FRI, ("09:30", "18:00")), _CLINICAL_ROUTES, (2, 3)),
    _Slot(Role.BILLING, "", _shifts(_MON_FRI, ("08:00", "16:30")), frozenset({RouteCategory.BILLING})),
    _Slot(Role.RECORDS, "", _shifts(_MON_FRI, ("08:00", "16:30")), frozenset({RouteCategory.RECORDS})),
    _Slot(Role.FRONT_DESK, "", _shifts(_MON_FRI, ("07:30", "17:30")),
          frozenset({RouteCategory.APPOINTMENTS, RouteCategory.GENERAL})),
)


def roster_names(seed: int) -> list[str]:
    """One distinct full name per roster slot (providers first), drawn from the seed only."""
    rng = stream(seed, "practice-staff")
    chosen: list[str] = []
    while len(chosen) < len(PROVIDER_SLOTS) + len(STAFF_SLOTS):
        sex = rng.choice("FM")
        name = f"{names.first_name(rng, sex, rng.randint(1960, 1995))} {names.surname(rng)}"
        if all(name.split()[-1] != other.split()[-1] for other in chosen):
            chosen.append(name)
    return chosen


def providers(seed: int) -> list[StaffMember]:
    full_names = roster_names(seed)
    return [
        StaffMember(name=full_names[i], role=slot.role,
                    credentials=slot.credentials, working_hours=slot.hours)
        for i, slot in enumerate(PROVIDER_SLOTS)
    ]


def support_staff(seed: int, provider_ids: list[int]) -> list[StaffMember]:
    full_names = roster_names(seed)[len(PROVIDER_SLOTS):]
    return [
        StaffMember(name=full_names[i], role=slot.role, credentials=slot.credentials,
                    working_hours=slot.hours, receives=slot.receives,
                    supports=frozenset(provider_ids[p] for p in slot.supports))
        for i, slot in enumerate(STAFF_SLOTS)
    ]


def covered_years(anchor: date, history_days: int) -> range:
    """From the oldest dated record to the year after the anchor (bookings run into next year)."""
    return range((anchor - timedelta(days=history_days)).year, anchor.year + 2)


def closures(years: range) -> list[Holiday]:
    """Holidays the practice closes for, plus its own closures, sorted by day."""
    days: dict[date, str] = {}
    for day, title in holidays.country_holidays("US", years=years, language="en_US").items():
        if any(part.removesuffix(" (observed)") in _CLOSED_ON for part in title.split("; ")):
            days[day] = title
    for year in years:
        year_holidays = holidays.country_holidays("US", years=year, language="en_US")
        thanksgiving = next(d for d, t in year_holidays.items() if t.startswith("Thanksgiving"))
        days.setdefault(thanksgiving + timedelta(days=1), "Practice closed: day after Thanksgiving")
        eve = date(year, 12, 24)
        if eve.weekday() < 5:
            days.setdefault(eve, "Practice closed: Christmas Eve")
    return [Holiday(d, t) for d, t in sorted(days.items())]


def practice(seed: int, anchor: date, history_days: int) -> Practice:
    rng = stream(seed, "practice")
    return Practice(
        name=rng.choice(catalog.PRACTICE_NAMES),
        time_zone=catalog.TIME_ZONE,
        business_days=frozenset(_MON_FRI),
        holidays=tuple(closures(covered_years(anchor, history_days))),
        phone=catalog.PRACTICE_PHONE,
    )
