"""Intake and consent forms before a visit: the practice's packet per appointment type, each visit's
items with where they stand, and when the packet is due to send or to chase.

The practice names the items of each type's packet (a new patient: registration, HIPAA
acknowledgement, health history). Every visit of that type gets those items, each one not sent,
sent (by portal, e-mail, text or letter), received or reviewed, with who and when. The packet is
due to send 72 hours before the visit (`SEND_AHEAD`) and the items not back are chased from 24
hours before (`CHASE_AHEAD`), through the chase log every chase shares (kind INTAKE). A packet
with an item not back is "forms incomplete" on Today and the huddle sheet.

The forms' content stays in the practice's EHR or portal: VMA Desk tracks only whether they came
back, so nothing here holds what a patient wrote. Times are aware datetimes in UTC.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import Channel, ChaseState
from vma_desk.core.errors import ValidationError

#: the packet goes out this long before the visit ("send by")
SEND_AHEAD = timedelta(hours=72)
#: the items not back are chased from this long before the visit
CHASE_AHEAD = timedelta(hours=24)
#: the most items a packet may have, and the longest an item's name may be
MAX_ITEMS = 20
NAME_LIMIT = 80
#: what Today and the huddle sheet say of a visit whose packet has an item not back
INCOMPLETE = "forms incomplete"
#: how a form goes out (a form cannot be sent by phone)
SEND_CHANNELS = (Channel.PORTAL, Channel.EMAIL, Channel.TEXT, Channel.LETTER)
#: a step recorded this little ahead of the clock is taken as now (clocks of two laptops differ)
CLOCK_SLACK = timedelta(minutes=1)


class FormState(StrEnum):
    """Where one item of a visit's packet stands, in the order it goes through them."""

    NOT_SENT = "not_sent"
    SENT = "sent"
    RECEIVED = "received"
    REVIEWED = "reviewed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def back(self) -> bool:
        """The form came back (received, or received and reviewed)."""
        return self in (FormState.RECEIVED, FormState.REVIEWED)


class PacketDue(StrEnum):
    """What a packet needs now: its items sent, or the items sent and not back chased."""

    TO_SEND = "to_send"
    TO_CHASE = "to_chase"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True)
class VisitForm:
    """One item of a visit's packet: its name (the practice's, never the patient's answers) and
    each step taken, with when (UTC) and by whom."""

    name: str
    state: FormState = FormState.NOT_SENT
    channel: Channel | None = None
    sent_at: datetime | None = None
    sent_by: str = ""
    received_at: datetime | None = None
    received_by: str = ""
    reviewed_at: datetime | None = None
    reviewed_by: str = ""

    @property
    def back(self) -> bool:
        return self.state.back


def send_by(visit_start: datetime) -> datetime:
    """When the visit's packet should have gone out: 72 hours before the visit."""
    return visit_start - SEND_AHEAD


def chase_at(visit_start: datetime) -> datetime:
    """From when the items not back are chased: 24 hours before the visit."""
    return visit_start - CHASE_AHEAD


@dataclass(frozen=True)
class VisitPacket:
    """One visit's packet: its items with their state, whether they are stored yet (`stored`:
    False while no step was taken: the items are the type's packet, all not sent) and the chase of
    the items not back (kind INTAKE, the visit's id)."""

    appointment: Appointment
    forms: tuple[VisitForm, ...]
    stored: bool = False
    chase: ChaseState = ChaseState()

    @property
    def appointment_id(self) -> int:
        return self.appointment.id or 0

    @property
    def send_by(self) -> datetime:
        return send_by(self.appointment.start)

    @property
    def chase_at(self) -> datetime:
        return chase_at(self.appointment.start)

    @property
    def missing(self) -> list[str]:
        """The items not back yet (not sent, or sent and not received), in the packet's order."""
        return [f.name for f in self.forms if not f.back]

    @property
    def incomplete(self) -> bool:
        return incomplete(self)

    def form(self, name: str) -> VisitForm | None:
        return next((f for f in self.forms if f.name == name), None)

    def due(self, now: datetime) -> PacketDue | None:
        return packet_due(self, now)


def derived_forms(names: Sequence[str]) -> tuple[VisitForm, ...]:
    """A visit's items before any step is taken: the type's packet, each not sent."""
    return tuple(VisitForm(name) for name in names)


def incomplete(packet: VisitPacket) -> bool:
    """An item of the packet is not back (not received nor reviewed). A cancelled visit's packet
    is never incomplete: nobody needs it any more."""
    if packet.appointment.status is VisitStatus.CANCELLED:
        return False
    return any(not f.back for f in packet.forms)


def packet_due(packet: VisitPacket, now: datetime) -> PacketDue | None:
    """What the packet needs at `now`: "to send" from 72 hours before the visit while an item is
    not sent; "to chase" from 24 hours before while an item sent is not back; None otherwise (all
    back, not due yet, or the visit started, was cancelled or missed)."""
    visit = packet.appointment
    if visit.status in (VisitStatus.CANCELLED, VisitStatus.NO_SHOW, VisitStatus.ARRIVED):
        return None
    if visit.start <= now or not packet.forms:
        return None
    if now >= packet.send_by and any(f.state is FormState.NOT_SENT for f in packet.forms):
        return PacketDue.TO_SEND
    if now >= packet.chase_at and any(f.state is FormState.SENT for f in packet.forms):
        return PacketDue.TO_CHASE
    return None


def check_step(form: VisitForm, to: FormState, *, at: datetime, now: datetime,
               channel: Channel | None = None) -> None:
    """Refuse a step that does not follow the form's order, with a `ValidationError` naming the
    field: sent needs how it went out (a form sent again keeps its place, once back it cannot be
    sent), received may come without a send (the patient filled it in on their own), reviewed needs
    received first; no step goes back (that is Undo's) or happens in the future or before the step
    it follows."""
    if at > now + CLOCK_SLACK:
        raise ValidationError("at", "cannot be in the future: enter when it was done")
    if to is FormState.NOT_SENT:
        raise ValidationError("state", "cannot be set back to not sent: undo the step instead")
    if to is FormState.SENT:
        if form.back:
            raise ValidationError("state", "cannot be sent: this form is already back")
        if channel is None:
            raise ValidationError("channel", "is required: say how the form went out")
        if channel not in SEND_CHANNELS:
            raise ValidationError("channel", "cannot be the phone: a form goes out by portal, e-mail, text "
                                             "or letter")
        return
    if channel is not None:
        raise ValidationError("channel", "is only given when a form is sent")
    if to is form.state:
        raise ValidationError("state", f"is already {to.label.lower()}")
    if to is FormState.RECEIVED:
        if form.state is FormState.REVIEWED:
            raise ValidationError("state", "cannot go back to received: undo the review instead")
        if form.sent_at is not None and at < form.sent_at:
            raise ValidationError("at", "cannot be before the form was sent")
        return
    if not form.back:
        raise ValidationError("state", "cannot be reviewed before it is received: mark it received first")
    if form.received_at is not None and at < form.received_at:
        raise ValidationError("at", "cannot be before the form was received")


def apply_step(form: VisitForm, to: FormState, *, at: datetime, by: str,
               channel: Channel | None = None) -> VisitForm:
    """The form after a step `check_step` allowed: its state, and who took the step when."""
    if to is FormState.SENT:
        return replace(form, state=to, channel=channel, sent_at=at, sent_by=by)
    if to is FormState.RECEIVED:
        return replace(form, state=to, received_at=at, received_by=by)
    return replace(form, state=to, reviewed_at=at, reviewed_by=by)


def check_packet(names: Sequence[str]) -> list[str]:
    """A packet's item names as stored (spaces tidied), refused with a `ValidationError` on field
    "names" when one is blank or too long, one is listed twice (whatever the case), or there are
    more than `MAX_ITEMS`. An empty list is allowed: the type has no packet."""
    if len(names) > MAX_ITEMS:
        raise ValidationError("names", f"has too many items (at most {MAX_ITEMS})")
    cleaned: list[str] = []
    seen: set[str] = set()
    for index, raw in enumerate(names, start=1):
        name = " ".join((raw or "").split())
        if not name:
            raise ValidationError("names", f"item {index} is blank: give it a name or remove it")
        if len(name) > NAME_LIMIT:
            raise ValidationError("names", f"item {index} is too long (at most {NAME_LIMIT} characters)")
        if name.casefold() in seen:
            raise ValidationError("names", f"item {index} is listed twice")
        seen.add(name.casefold())
        cleaned.append(name)
    return cleaned
