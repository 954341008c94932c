"""Scheduling rules: working hours, recurring blocks, conflicts, open slots, waitlist matching,
late cancellations and the confirmation / eligibility windows.

Everything works on UTC datetimes; local wall time (the practice's zone) is used only where the
rule is a wall-clock rule: working hours and recurring blocks ("lunch 12:00-13:00" stays at noon
across a DST change because it is expanded in local time and only then converted).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from vma_desk.core.calendar import (
    Appointment,
    Block,
    BlockOccurrence,
    Conflict,
    ConflictKind,
    EligibilityStatus,
    Slot,
    VisitStatus,
    WaitlistEntry,
)
from vma_desk.core.records import Practice, StaffMember

SLOT_STEP = timedelta(minutes=15)
CONFIRM_FROM, CONFIRM_TO = timedelta(hours=24), timedelta(hours=72)
ELIGIBILITY_FROM, ELIGIBILITY_TO = timedelta(hours=24), timedelta(hours=48)


def local_to_utc(naive_local: datetime, zone: ZoneInfo) -> datetime:
    """A practice wall-clock time to UTC. In the repeated hour of a fall-back change the first
    occurrence is taken (fold=0); a time skipped by spring-forward moves forward by the gap."""
    return naive_local.replace(tzinfo=zone).astimezone(UTC)


def utc_to_local(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone)


def local_days(start: datetime, end: datetime, zone: ZoneInfo) -> list[date]:
    """The practice-local dates that [start, end) touches."""
    first = start.astimezone(zone).date()
    last = (end - timedelta(microseconds=1)).astimezone(zone).date()
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def working_hours(member: StaffMember, day: date, practice: Practice,
                  zone: ZoneInfo) -> list[tuple[datetime, datetime]]:
    """The provider's shifts on one practice-local day, in UTC; none on a closed day."""
    if not practice.is_business_day(day):
        return []
    return [
        (local_to_utc(datetime.combine(day, s.start), zone),
         local_to_utc(datetime.combine(day, s.end), zone))
        for s in member.working_hours if s.weekday == day.weekday()
    ]


def block_occurrences(blocks: Iterable[Block], start: datetime, end: datetime,
                      zone: ZoneInfo) -> list[BlockOccurrence]:
    """Every occurrence of `blocks` overlapping [start, end) (UTC), expanded in local time."""
    out: list[BlockOccurrence] = []
    local_from = start.astimezone(zone).replace(tzinfo=None)
    local_to = end.astimezone(zone).replace(tzinfo=None)
    for block in blocks:
        length = timedelta(minutes=block.minutes)
        if block.rrule:
            rule = rrulestr(block.rrule, dtstart=_near(block, local_from - length))
            firsts = rule.between(local_from - length, local_to, inc=True)
        else:
            firsts = [block.start] if block.start < local_to and block.start + length > local_from \
                else []
        for first in firsts:
            occ_start = local_to_utc(first, zone)
            occ_end = local_to_utc(first + length, zone)
            if occ_start < end and occ_end > start:
                out.append(BlockOccurrence(block, block.provider_id, occ_start, occ_end))
    out.sort(key=lambda o: o.start)
    return out


def _near(block: Block, moment: datetime) -> datetime:
    """A later dtstart that gives the same occurrences from `moment` on, so that expanding a rule
    begun years ago costs as much as one begun last week. Only for rules whose occurrence set is
    unchanged by a shift of whole weeks: daily or weekly, every interval 1, no COUNT."""
    parts = dict(p.split("=", 1) for p in block.rrule.upper().split(";") if "=" in p)
    if (parts.get("FREQ") not in ("DAILY", "WEEKLY") or parts.get("INTERVAL", "1") != "1"
            or "COUNT" in parts or moment <= block.start):
        return block.start
    weeks = (moment - block.start).days // 7 - 1
    return block.start + timedelta(weeks=max(weeks, 0))


def _overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    return a_start < b_end and b_start < a_end


def _hm(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


@dataclass(frozen=True)
class ScheduleContext:
    """What the conflict check needs about one provider around one appointment."""

    practice: Practice
    zone: ZoneInfo
    provider: StaffMember
    booked: Sequence[Appointment]  # the provider's other visits around that time
    blocks: Sequence[BlockOccurrence]
    buffers: dict[str, int]  # type code -> buffer minutes after the visit
    #: the patient's visits around that time, with any provider (a patient cannot be in two places)
    patient_visits: Sequence[Appointment] = ()
    #: provider id -> display name, for saying whom the patient is already booked with
    provider_names: Mapping[int, str] = field(default_factory=dict)


def conflicts(appointment: Appointment, ctx: ScheduleContext) -> list[Conflict]:
    """Why `appointment` cannot be booked as it is; empty when it can."""
    zone, found = ctx.zone, []
    start, end = appointment.start, appointment.end
    name = ctx.provider.display_name
    day = start.astimezone(zone).date()
    if not ctx.practice.is_business_day(day):
        holiday = next((h.name for h in ctx.practice.holidays if h.day == day), "")
        found.append(Conflict(ConflictKind.CLOSED, f"The practice is closed on {day:%a %b %d}"
                              + (f" ({holiday})." if holiday else ".")))
    else:
        shifts = working_hours(ctx.provider, day, ctx.practice, zone)
        if not any(s <= start and end <= e for s, e in shifts):
            hours = ", ".join(f"{_hm(s, zone)}-{_hm(e, zone)}" for s, e in shifts) or "none"
            found.append(Conflict(ConflictKind.OUTSIDE_HOURS,
                                  f"{_hm(start, zone)}-{_hm(end, zone)} is outside {name}'s hours "
                                  f"on {day:%A} ({hours})."))
    for occ in ctx.blocks:
        if occ.provider_id in (None, appointment.provider_id) and _overlaps(start, end, occ.start,
                                                                             occ.end):
            title = occ.block.title or occ.block.kind.value
            found.append(Conflict(ConflictKind.BLOCKED,
                                  f"{name} has {title} {_hm(occ.start, zone)}-{_hm(occ.end, zone)}."))
    own_end = end + timedelta(minutes=ctx.buffers.get(appointment.type_code, 0))
    # the patient's own visits, with any provider (no buffers: those are the provider's time)
    patient_busy = set()
    for other in ctx.patient_visits:
        if (other.id == appointment.id or other.patient_id != appointment.patient_id
                or not other.status.holds_slot or not _overlaps(start, end, other.start, other.end)):
            continue
        patient_busy.add(other.id)
        with_whom = ctx.provider_names.get(other.provider_id, "another provider")
        found.append(Conflict(ConflictKind.PATIENT_BUSY,
                              f"The patient already has a visit {_hm(other.start, zone)}-"
                              f"{_hm(other.end, zone)} with {with_whom}."))
    for other in ctx.booked:
        if other.id == appointment.id or not other.status.holds_slot or other.id in patient_busy:
            continue
        other_end = other.end + timedelta(minutes=ctx.buffers.get(other.type_code, 0))
        # each visit keeps its buffer after it, booked first or second alike
        if _overlaps(start, own_end, other.start, other_end):
            found.append(Conflict(ConflictKind.DOUBLE_BOOKING,
                                  f"{name} already has a visit {_hm(other.start, zone)}-"
                                  f"{_hm(other.end, zone)}."))
    return found


def free_slots(provider: StaffMember, day: date, minutes: int, ctx: ScheduleContext,
               *, not_before: datetime) -> list[Slot]:
    """Start times on one day (15-minute grid) where a visit of `minutes` fits without conflict."""
    zone = ctx.zone
    length = timedelta(minutes=minutes)
    busy = sorted(
        [(o.start, o.end) for o in ctx.blocks if o.provider_id in (None, provider.id)]
        + [(a.start, a.end + timedelta(minutes=ctx.buffers.get(a.type_code, 0)))
           for a in ctx.booked if a.status.holds_slot]
    )
    slots = []
    for shift_start, shift_end in working_hours(provider, day, ctx.practice, zone):
        cursor = shift_start
        while cursor + length <= shift_end:
            if cursor >= not_before:
                end = cursor + length
                clash = next((b for b in busy if _overlaps(cursor, end, b[0], b[1])), None)
                if clash is None:
                    slots.append(Slot(provider.id or 0, cursor, minutes))
                else:
                    # jump past the busy span, back onto the grid
                    while cursor < clash[1]:
                        cursor += SLOT_STEP
                    continue
            cursor += SLOT_STEP
    return slots


def fits_preferences(slot_start: datetime, zone: ZoneInfo, *, days: frozenset[int] | None,
                     earliest: time | None, latest: time | None) -> bool:
    local = slot_start.astimezone(zone)
    if days is not None and local.weekday() not in days:
        return False
    if earliest is not None and local.time() < earliest:
        return False
    return not (latest is not None and local.time() > latest)


def waitlist_matches(entry: WaitlistEntry, slot: Slot, zone: ZoneInfo,
                     type_minutes: dict[str, int]) -> bool:
    """Does an opened slot suit this waitlisted patient (provider, days, times, long enough)?"""
    if not entry.active:
        return False
    if entry.provider_id is not None and entry.provider_id != slot.provider_id:
        return False
    if type_minutes.get(entry.type_code, 0) > slot.minutes:
        return False
    return fits_preferences(slot.start, zone, days=entry.days, earliest=entry.earliest,
                            latest=entry.latest)


def rank_waitlist(entries: Iterable[WaitlistEntry], slot: Slot, zone: ZoneInfo,
                  type_minutes: dict[str, int]) -> list[WaitlistEntry]:
    """Matching entries, longest-waiting first."""
    return sorted((e for e in entries if waitlist_matches(e, slot, zone, type_minutes)),
                  key=lambda e: (e.added_at, e.id or 0))


def is_late_cancellation(start: datetime, cancelled_at: datetime, notice_hours: int) -> bool:
    return start - cancelled_at < timedelta(hours=notice_hours)


def booked_late(appointment: Appointment) -> bool:
    """Booked less than 24 hours ahead (the same day, the next morning): too late for the windows
    below to open, so its confirmation and eligibility check are due as soon as it is booked."""
    booked = appointment.booked_at
    return booked is not None and appointment.start - booked < CONFIRM_FROM


def confirmation_due(appointment: Appointment, now: datetime) -> bool:
    """Not confirmed yet, still to come, and inside the 24-72 h window; a late booking from its
    booking until the visit begins."""
    if appointment.arrival is not None or appointment.confirmation is VisitStatus.CONFIRMED:
        return False
    if booked_late(appointment) and now < appointment.start:
        return True
    return CONFIRM_FROM <= appointment.start - now <= CONFIRM_TO


def eligibility_due(appointment: Appointment, now: datetime) -> bool:
    """Not checked yet and inside the 24-48 h window; a late booking from its booking until the
    visit ends (the front desk may still verify at check-in)."""
    if not appointment.status.holds_slot \
            or appointment.eligibility.status is not EligibilityStatus.UNVERIFIED:
        return False
    if booked_late(appointment) and now < appointment.end:
        return True
    return ELIGIBILITY_FROM <= appointment.start - now <= ELIGIBILITY_TO


#: how a block repeats, as offered to people, and its RRULE ("{day}" is the first day's weekday)
REPEATS: dict[str, str] = {
    "none": "",
    "daily": "FREQ=DAILY",
    "weekdays": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "weekly": "FREQ=WEEKLY;BYDAY={day}",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2;BYDAY={day}",
}
_RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def repeat_rule(repeat: str, first: datetime, until: date | None = None) -> str:
    """The RRULE of a block that starts at `first` (practice-local) and repeats as `repeat`, up to
    and including `until`."""
    rule = REPEATS[repeat].format(day=_RRULE_DAYS[first.weekday()])
    if rule and until is not None:
        rule += f";UNTIL={until:%Y%m%d}T235959"
    return rule
