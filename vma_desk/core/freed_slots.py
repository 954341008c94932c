"""Freed slots and what became of them: the waitlist's fill rate.

A visit cancelled, moved or not shown up for frees its time. Each freed slot is recorded with why
and when, the waitlist offers made for it (contact attempts of kind WAITLIST_OFFER, the slot's id)
and whether another visit filled it and when, so the practice can compare its fill rate with the
60-80% of last-minute cancellations a good waitlist fills.

What is freed: the part of the visit's time still ahead when it is freed (from the current minute
to the visit's end), when at least `MIN_MINUTES` of it are. A future visit cancelled or moved frees
its whole slot; a no-show (recorded only once its time has come) frees the rest of its slot while
enough of it remains; a visit whose time has passed frees nothing. A visit moved keeps a slot only
when its start or provider changed (a shorter visit at the same time frees nothing).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import Attempt

#: a freed part shorter than this is not worth offering (and is not counted)
MIN_MINUTES = 10
#: the fill rate a good waitlist reaches, as the sources give it (of last-minute cancellations)
TARGET_RATE = (0.6, 0.8)


class FreedWhy(StrEnum):
    CANCELLED = "cancelled"
    MOVED = "moved"
    NO_SHOW = "no_show"

    @property
    def label(self) -> str:
        return {"no_show": "No-show"}.get(self.value, self.value.capitalize())


@dataclass(frozen=True)
class FreedSlot:
    """One freed slot: whose time, when it was freed and why, and the visit that filled it."""

    provider_id: int
    type_code: str  # the freed visit's type
    start: datetime  # UTC
    minutes: int
    freed_at: datetime  # UTC
    why: FreedWhy
    #: the visit that freed it
    appointment_id: int | None = None
    filled_appointment_id: int | None = None
    filled_at: datetime | None = None
    id: int | None = None
    #: the waitlist offers made for it (contact attempts), oldest first
    offers: tuple[Attempt, ...] = ()

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    @property
    def filled(self) -> bool:
        return self.filled_appointment_id is not None

    @property
    def notice(self) -> timedelta:
        """How long before the slot's start it was freed."""
        return self.start - self.freed_at

    @property
    def filled_ahead(self) -> timedelta | None:
        """How long before the slot's start it was filled; None while it is not."""
        return None if self.filled_at is None else self.start - self.filled_at

    @property
    def offered_to(self) -> tuple[int, ...]:
        """The patients it was offered to, in the order of the first offer to each."""
        return tuple(dict.fromkeys(a.patient_id for a in self.offers if a.patient_id is not None))


def freed_part(appointment: Appointment, now: datetime) -> tuple[datetime, int] | None:
    """(start, minutes) of the part of the visit's time still ahead at `now` (from the current
    minute), or None when less than `MIN_MINUTES` of it remains."""
    start = max(appointment.start, now.replace(second=0, microsecond=0))
    minutes = int((appointment.end - start).total_seconds() // 60)
    return (start, minutes) if minutes >= MIN_MINUTES else None


def _moved(before: Appointment, after: Appointment) -> bool:
    return before.start != after.start or before.provider_id != after.provider_id


def freed_by(before: Appointment | None, after: Appointment, now: datetime) -> FreedSlot | None:
    """The slot a schedule change frees: a visit that held its time and no longer does (cancelled,
    no-show), or that moved to another time or provider; None when nothing (enough) is freed."""
    if before is None or not before.status.holds_slot:
        return None
    if after.status is VisitStatus.CANCELLED:
        why = FreedWhy.CANCELLED
    elif after.status is VisitStatus.NO_SHOW:
        why = FreedWhy.NO_SHOW
    elif _moved(before, after):
        why = FreedWhy.MOVED
    else:
        return None
    part = freed_part(before, now)
    if part is None:
        return None
    return FreedSlot(provider_id=before.provider_id, type_code=before.type_code, start=part[0],
                     minutes=part[1], freed_at=now, why=why, appointment_id=before.id)


def takes_time(before: Appointment | None, after: Appointment) -> bool:
    """The change makes `after` hold a time it did not hold before: booked, moved, or a cancellation
    or no-show taken back."""
    if not after.status.holds_slot:
        return False
    return before is None or not before.status.holds_slot or _moved(before, after)


def overlaps(slot: FreedSlot, appointment: Appointment) -> bool:
    return (slot.provider_id == appointment.provider_id and slot.start < appointment.end
            and appointment.start < slot.end)


@dataclass(frozen=True)
class FillRate:
    """How many freed slots were filled, of how many."""

    freed: int
    filled: int

    @property
    def rate(self) -> float | None:
        """filled / freed; None when nothing was freed."""
        return self.filled / self.freed if self.freed else None

    @property
    def meets_target(self) -> bool | None:
        """At or above the low end of `TARGET_RATE`; None when nothing was freed."""
        rate = self.rate
        return None if rate is None else rate >= TARGET_RATE[0]

    def text(self) -> str:
        """ "7 of 10 freed slots filled (70%)"."""
        rate = self.rate
        if rate is None:
            return "No freed slots"
        return f"{self.filled} of {self.freed} freed slot{'' if self.freed == 1 else 's'} filled ({rate:.0%})"


def fill_rate(slots: Iterable[FreedSlot]) -> FillRate:
    counted = list(slots)
    return FillRate(freed=len(counted), filled=sum(1 for s in counted if s.filled))
