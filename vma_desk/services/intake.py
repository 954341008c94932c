"""Intake packets: the practice's packet per appointment type (a practice setting), each visit's items
with their state, the worklist of packets due to send or to chase, and the visits whose forms are
incomplete (for Today and the huddle sheet).

A visit's items are derived from its type's packet, never stored ahead: the `visit_form` rows are
written (all items of the visit at once, in the packet's order) when its first step is recorded, and
from then on the visit keeps those items whatever the type's packet becomes. The attempts to get
the forms back go to the chase log (kind INTAKE, record id the visit's id). Every change is one
transaction with one audit entry (the item's number and state, never its name nor anything of the
forms' content, which stays in the practice's EHR or portal) and returns a `Change`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import Channel, ChaseKind
from vma_desk.core.errors import ChangedSinceError, ValidationError
from vma_desk.core.intake import (
    SEND_AHEAD,
    FormState,
    VisitPacket,
    apply_step,
    check_packet,
    check_step,
    derived_forms,
)
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.core.validation import require_aware
from vma_desk.services.base import ServiceContext
from vma_desk.services.calendar import CalendarService
from vma_desk.services.chase import ChaseService
from vma_desk.services.practice import PracticeService
from vma_desk.storage.intake_repository import IntakeRepository

#: how far ahead the patient hub shows a patient's visits' packets
UPCOMING = timedelta(days=366)


class IntakeService:
    def __init__(self, context: ServiceContext, *, practice: PracticeService, calendar: CalendarService,
                 chase: ChaseService) -> None:
        self.ctx = context
        self.practice = practice
        self.calendar = calendar
        self.chase = chase
        self.repo = IntakeRepository(context.conn)

    # --- the practice's packets (a setting) ----------------------------------------------------------
    def packet(self, type_code: str) -> list[str]:
        """The items of a type's packet, in order ([] when the type has none)."""
        return self.repo.items().get(type_code, [])

    def packets(self) -> dict[str, list[str]]:
        """Every type's packet (type code -> item names); a type without one is absent."""
        return self.repo.items()

    def set_packet(self, type_code: str, names: Sequence[str]) -> Change:
        """The items every visit of this type gets (none: the type has no packet). Visits with a
        step already recorded keep their own items; the others follow the new packet. Refused for a
        type the practice does not have, a blank or duplicate name, more than 20 items."""
        if type_code not in {t.code for t in self.calendar.types(include_inactive=True)}:
            raise ValidationError("type_code", "is not a visit type of this practice")
        cleaned = check_packet(names)
        if cleaned == self.packet(type_code):
            return Change(RecordKind.INTAKE, AuditAction.UPDATE)
        with self.ctx.transaction():
            self.repo.set_items(type_code, cleaned)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.INTAKE, f"type {type_code}",
                           f"packet: {len(cleaned)} item{'' if len(cleaned) == 1 else 's'}")
        return Change(RecordKind.INTAKE, AuditAction.UPDATE)

    # --- a visit's packet ----------------------------------------------------------------------------
    def _packets(self, visits: Sequence[Appointment]) -> list[VisitPacket]:
        """The packets of these visits that have one (stored items, else their type's), in the
        visits' order, with the chase of each (two reads, three with the chase)."""
        ids = [v.id or 0 for v in visits]
        stored = self.repo.forms(ids)
        packets = self.repo.items()
        found = []
        for visit in visits:
            forms = stored.get(visit.id or 0)
            if forms is not None:
                found.append(VisitPacket(visit, forms, stored=True))
            elif packets.get(visit.type_code):
                found.append(VisitPacket(visit, derived_forms(packets[visit.type_code])))
        states = self.chase.states(ChaseKind.INTAKE, [p.appointment_id for p in found])
        return [replace(p, chase=states[p.appointment_id]) for p in found]

    def visit_packet(self, appointment_id: int) -> VisitPacket | None:
        """A visit's items with their state and chase; None when its type has no packet and no step
        was recorded. An unknown visit raises `NotFoundError`."""
        found = self._packets([self.calendar.get(appointment_id)])
        return found[0] if found else None

    def mark(self, appointment_id: int, name: str, state: FormState, *, channel: Channel | None = None,
             at: datetime | None = None) -> tuple[VisitPacket, Change]:
        """Record one step of one item of a visit's packet: sent (with how it went out), received,
        reviewed; `at` defaults to now. Reviewed needs received first; nothing goes back (Undo
        does). The first step writes all the visit's items. Refused with a `ValidationError`
        naming the field; nothing is saved then."""
        packet = self.visit_packet(appointment_id)
        if packet is None:
            raise ValidationError("appointment_id", "has no intake packet: its visit type has none")
        if packet.appointment.status is VisitStatus.CANCELLED:
            raise ValidationError("appointment_id", "is a cancelled visit: its packet is no longer needed")
        form = packet.form(name)
        if form is None:
            raise ValidationError("name", "is not an item of this visit's packet")
        now = self.ctx.clock.now()
        when = (require_aware("at", at) if at is not None else now).replace(microsecond=0)
        check_step(form, FormState(state), at=when, now=now, channel=channel)
        position = packet.forms.index(form) + 1
        updated = apply_step(form, FormState(state), at=when, by=self.ctx.user, channel=channel)
        forms = tuple(updated if f is form else f for f in packet.forms)
        how = f" by {channel.value}" if channel is not None else ""
        with self.ctx.transaction():
            self.repo.save_forms(appointment_id, forms)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.INTAKE, appointment_id,
                           f"form {position}: {FormState(state).value}{how}")
        return (replace(packet, forms=forms, stored=True),
                Change(RecordKind.INTAKE, AuditAction.UPDATE, (appointment_id,)))

    def undo(self, before: VisitPacket, after: VisitPacket) -> tuple[VisitPacket, Change]:
        """Take back the step that made `after` of `before` (Edit → Undo right after `mark`): the
        visit's items are again as they were (a packet that had no step goes back to its type's).
        Refused with `ChangedSinceError` when the visit's items changed since."""
        current = self.visit_packet(before.appointment_id)
        if current is None or current.forms != after.forms:
            raise ChangedSinceError("This visit's forms changed since: look at them again before taking a "
                                    "step back.")
        steps = [f"form {i}: {a.state.value} -> {b.state.value}"
                 for i, (b, a) in enumerate(zip(before.forms, after.forms, strict=False), start=1) if a != b]
        with self.ctx.transaction():
            self.repo.save_forms(before.appointment_id, before.forms if before.stored else ())
            self.ctx.audit(AuditAction.UPDATE, RecordKind.INTAKE, before.appointment_id,
                           "undo: " + ("; ".join(steps) or "nothing changed"))
        return (replace(current, forms=before.forms, stored=before.stored),
                Change(RecordKind.INTAKE, AuditAction.UPDATE, (before.appointment_id,)))

    # --- the worklist, Today and the huddle sheet ----------------------------------------------------
    def due_packets(self, now: datetime | None = None) -> list[VisitPacket]:
        """The Intake forms worklist: visits starting in the next 72 hours (from `now`, default the
        clock's) whose packet is due to send or to chase (`VisitPacket.due`), soonest first, each
        with its chase state. Cancelled visits have none due; a chase closed as unreachable leaves
        the list. Reads only the visits of the window (the start index)."""
        when = require_aware("now", now) if now is not None else self.ctx.clock.now()
        visits = self.repo.starting(when, when + SEND_AHEAD + timedelta(seconds=1))
        due = [p for p in self._packets(visits) if p.due(when) is not None]
        closed = self.chase.closed(ChaseKind.INTAKE, [p.appointment_id for p in due])
        return [p for p in due if p.appointment_id not in closed]

    def incomplete_by_visit(self, appointment_ids: Sequence[int]) -> dict[int, list[str]]:
        """For Today and the huddle sheet: the items not back yet (names in the packet's order) of
        each of these visits whose packet is incomplete; visits with no packet, all back, or
        cancelled are absent. The huddle line says `core.intake.INCOMPLETE` ("forms incomplete")."""
        packets = self._packets(self.repo.visits(appointment_ids))
        return {p.appointment_id: p.missing for p in packets if p.incomplete}

    def of_patient(self, patient_id: int) -> list[VisitPacket]:
        """For the patient hub: the packets of the patient's visits to come (not cancelled), soonest
        first."""
        now = self.ctx.clock.now()
        return self._packets(self.repo.starting(now, now + UPCOMING, patient_id=patient_id))

    def open_loops(self, patient_id: int) -> list[tuple[str, str]]:
        """The patient hub's lines: each visit to come whose forms are not all back ("Intake forms",
        "03/04: 2 of 3 not back: Registration, Health history")."""
        zone = self.ctx.practice_zone()
        lines = []
        for packet in self.of_patient(patient_id):
            missing = packet.missing
            if missing:
                when = packet.appointment.start.astimezone(zone)
                count = f"{len(missing)} of {len(packet.forms)} not back"
                lines.append(("Intake forms", f"{when:%m/%d}: {count}: " + ", ".join(missing)))
        return lines

