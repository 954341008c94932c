"""Freed slots and the waitlist's fill rate: the slots cancellations, moves and no-shows freed (the
calendar records them as it makes each change: `CalendarService` -> `FreedSlotRepository.follow`),
the waitlist offers made for each (the chase log, kind WAITLIST_OFFER, record id the slot's id),
and how many were filled and how long before their time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from vma_desk.core.chase import Attempt, Channel, ChaseKind, Outcome
from vma_desk.core.errors import ValidationError
from vma_desk.core.freed_slots import FillRate, FreedSlot, fill_rate
from vma_desk.core.records import Change
from vma_desk.core.validation import require_aware
from vma_desk.services.base import ServiceContext
from vma_desk.services.chase import ChaseService
from vma_desk.storage.chase_repository import ChaseRepository
from vma_desk.storage.freed_slot_repository import FreedSlotRepository


def _check_span(start: datetime, end: datetime) -> None:
    if require_aware("end", end) <= require_aware("start", start):
        raise ValidationError("end", "must be after the start")


class FreedSlotService:
    def __init__(self, context: ServiceContext, *, chase: ChaseService) -> None:
        self.ctx = context
        self.chase = chase
        self.repo = FreedSlotRepository(context.conn)

    def _with_offers(self, slots: Sequence[FreedSlot]) -> list[FreedSlot]:
        """The slots with their offers, read in one query."""
        found = ChaseRepository(self.ctx.conn).attempts_of(
            ChaseKind.WAITLIST_OFFER, [s.id for s in slots if s.id is not None])
        return [replace(s, offers=tuple(found.get(s.id or 0, ()))) for s in slots]

    def get(self, slot_id: int) -> FreedSlot:
        slot = self.repo.get(slot_id)
        if slot is None:
            raise ValidationError("slot_id", "is not a freed slot in this workspace")
        return self._with_offers([slot])[0]

    def open_slots(self, now: datetime | None = None) -> list[FreedSlot]:
        """The freed slots not filled and not over yet, soonest first, each with its offers: the
        waitlist offers still worth making."""
        when = require_aware("now", now) if now is not None else self.ctx.clock.now()
        return self._with_offers(self.repo.open_after(when))

    def offer(self, slot_id: int, patient_id: int, *, channel: Channel, outcome: Outcome,
              note: str = "") -> tuple[Attempt, Change]:
        """One waitlist offer of the slot to a patient, logged in the chase log (its next attempt by
        the practice's retry policy for waitlist offers). Refused when the slot is filled or over."""
        slot = self.get(slot_id)
        if slot.filled:
            raise ValidationError("slot_id", "this slot is already filled")
        if slot.end <= self.ctx.clock.now():
            raise ValidationError("slot_id", "this slot's time has passed")
        return self.chase.log_attempt(ChaseKind.WAITLIST_OFFER, slot_id, channel=channel, outcome=outcome,
                                      note=note, patient_id=patient_id)

    def freed_between(self, start: datetime, end: datetime) -> list[FreedSlot]:
        """The slots freed in [start, end), in the order they were freed, each with its offers and
        whether (and when) it was filled."""
        _check_span(start, end)
        return self._with_offers(self.repo.freed_between(start, end))

    def fill_rate(self, start: datetime, end: datetime) -> FillRate:
        """Of the slots freed in [start, end), how many were filled (compare with `TARGET_RATE`)."""
        _check_span(start, end)
        return fill_rate(self.repo.freed_between(start, end))
