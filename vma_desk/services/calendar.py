"""The calendar: book, reschedule and cancel without conflicts, find open slots, the waitlist,
visit status, eligibility and telehealth checks, and the two morning worklists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from vma_desk.core.calendar import (
    Appointment,
    AppointmentType,
    Block,
    BlockOccurrence,
    Conflict,
    ConflictKind,
    Eligibility,
    EligibilityStatus,
    Slot,
    TechCheck,
    VisitStatus,
    WaitlistEntry,
)
from vma_desk.core.chase import ChaseKind
from vma_desk.core.errors import ChangedSinceError, ConflictError, NotFoundError, ValidationError
from vma_desk.core.records import AuditAction, Change, ContactMethod, Practice, RecordKind, StaffMember
from vma_desk.core.rules import scheduling
from vma_desk.core.validation import (
    clean_text,
    require_aware,
    validate_appointment_type,
    validate_eligibility,
)
from vma_desk.services.base import ServiceContext, changed_fields
from vma_desk.storage.calendar_repository import CalendarRepository, to_ts
from vma_desk.storage.chase_repository import ChaseRepository
from vma_desk.storage.freed_slot_repository import FreedSlotRepository
from vma_desk.storage.repositories import (
    PatientRepository,
    PracticeRepository,
    SettingRepository,
    StaffRepository,
)

RECORD = RecordKind.APPOINTMENT
NOTICE_KEY = "calendar.notice_hours"
DEFAULT_NOTICE_HOURS = 24
SEARCH_HORIZON_DAYS = 90
MAX_MINUTES = 8 * 60
#: how early a patient may be marked arrived (early arrivals in the waiting room)
ARRIVAL_WINDOW = timedelta(hours=3)


class CalendarService:
    def __init__(self, context: ServiceContext) -> None:
        self.ctx = context
        self.repo = CalendarRepository(context.conn)
        #: the freed slots every schedule change records (cancelled, moved, no-show) and fills
        self.freed = FreedSlotRepository(context.conn)

    # --- reference data --------------------------------------------------------------------------
    def _practice(self) -> Practice:
        practice = PracticeRepository(self.ctx.conn).get()
        if practice is None:
            raise NotFoundError("The workspace has no practice set up yet.")
        return practice

    def _zone(self) -> ZoneInfo:
        return self.ctx.practice_zone()

    def _provider(self, provider_id: int) -> StaffMember:
        provider = StaffRepository(self.ctx.conn).providers().get(provider_id)
        if provider is None:
            raise ValidationError("provider_id", "is not a provider of this practice")
        return provider

    def types(self, *, include_inactive: bool = False) -> list[AppointmentType]:
        return [t for t in self.repo.types() if t.active or include_inactive]

    def _type_map(self) -> dict[str, AppointmentType]:
        return {t.code: t for t in self.repo.types()}

    def save_settings(self, types: Sequence[AppointmentType], notice_hours: int) -> Change:
        """Appointment types and the late-cancellation window, all or nothing."""
        if not 0 <= notice_hours <= 168:
            raise ValidationError("notice_hours", "must be between 0 and 168 hours")
        clean = [validate_appointment_type(t) for t in types]  # follow-up days 1-30 or off among them
        with self.ctx.transaction():
            for appointment_type in clean:
                self.repo.save_type(appointment_type)
                self.ctx.audit(AuditAction.UPDATE, "appointment_type", appointment_type.code)
            SettingRepository(self.ctx.conn).set(NOTICE_KEY, str(notice_hours))
            self.ctx.audit(AuditAction.UPDATE, "setting", NOTICE_KEY)
        return Change(RecordKind.APPOINTMENT_TYPE, AuditAction.UPDATE)

    def notice_hours(self) -> int:
        value = SettingRepository(self.ctx.conn).get(NOTICE_KEY)
        return int(value) if value else DEFAULT_NOTICE_HOURS

    # --- reading the schedule --------------------------------------------------------------------
    def appointments(self, provider_ids: Sequence[int], start: datetime, end: datetime, *,
                     include_cancelled: bool = False) -> list[Appointment]:
        return self.repo.between(start, end, list(provider_ids), include_cancelled=include_cancelled)

    def get(self, appointment_id: int) -> Appointment:
        appointment = self.repo.get(appointment_id)
        if appointment is None:
            raise NotFoundError(f"Appointment {appointment_id} does not exist.")
        return appointment

    def block_occurrences(self, provider_ids: Sequence[int] | None, start: datetime,
                          end: datetime) -> list[BlockOccurrence]:
        require_aware("start", start), require_aware("end", end)
        ids = None if provider_ids is None else list(provider_ids)
        return scheduling.block_occurrences(self.repo.blocks(ids), start, end, self._zone())

    def working_hours(self, provider_id: int, day: date) -> list[tuple[datetime, datetime]]:
        return scheduling.working_hours(self._provider(provider_id), day, self._practice(),
                                        self._zone())

    def blocks(self) -> list[Block]:
        return self.repo.blocks()

    def add_block(self, block: Block) -> tuple[Block, Change]:
        if not 5 <= block.minutes <= 60 * 24 * 31:
            raise ValidationError("minutes", "must be between 5 minutes and 31 days")
        if block.provider_id is not None:
            self._provider(block.provider_id)
        if block.rrule:
            try:
                rrulestr(block.rrule, dtstart=block.start)
            except (ValueError, TypeError):
                raise ValidationError("rrule", "is not a recurrence rule (e.g. FREQ=WEEKLY;BYDAY=MO)") \
                    from None
        with self.ctx.transaction():
            block_id = self.repo.insert_block(block)
            self.ctx.audit(AuditAction.CREATE, "schedule_block", block_id)
        return replace(block, id=block_id), Change(RecordKind.SCHEDULE_BLOCK, AuditAction.CREATE, (block_id,))

    def remove_block(self, block_id: int) -> Change:
        with self.ctx.transaction():
            self.repo.delete_block(block_id)
            self.ctx.audit(AuditAction.DELETE, "schedule_block", block_id)
        return Change(RecordKind.SCHEDULE_BLOCK, AuditAction.DELETE, (block_id,))

    # --- conflicts -------------------------------------------------------------------------------
    def _schedule_context(self, provider: StaffMember, start: datetime, end: datetime,
                          patient_id: int | None = None) -> scheduling.ScheduleContext:
        assert provider.id is not None
        # the patient's other visits, with any provider: a patient cannot be in two places
        patient_visits = [] if patient_id is None else self.repo.between(start, end, patient_id=patient_id)
        return scheduling.ScheduleContext(
            practice=self._practice(), zone=self._zone(), provider=provider,
            # a visit's buffer reaches past its end: look a little beyond both ends
            booked=self.repo.between(start - timedelta(hours=2), end + timedelta(hours=2), [provider.id]),
            blocks=scheduling.block_occurrences(self.repo.blocks([provider.id]), start, end,
                                                self._zone()),
            buffers={t.code: t.buffer_minutes for t in self.repo.types()},
            patient_visits=patient_visits,
            provider_names={p.id: p.display_name for p in StaffRepository(self.ctx.conn).all()
                            if p.id is not None} if patient_visits else {},
        )

    def check(self, appointment: Appointment) -> list[Conflict]:
        provider = self._provider(appointment.provider_id)
        ctx = self._schedule_context(provider, appointment.start, appointment.end, appointment.patient_id)
        return scheduling.conflicts(appointment, ctx)

    def _validate(self, appointment: Appointment, authorised_by: str | None) -> Appointment:
        """The appointment checked and cleaned, entered by the signed-in user and authorised by
        `authorised_by` (the signed-in user when None)."""
        authorised_by = self.ctx.user if authorised_by is None else authorised_by
        types = self._type_map()
        if appointment.type_code not in types:
            raise ValidationError("type_code", "is not an appointment type of this practice")
        if not PatientRepository(self.ctx.conn).exists(appointment.patient_id):
            raise ValidationError("patient_id", "is not a patient in this workspace")
        self._provider(appointment.provider_id)
        if appointment.start.tzinfo is None:
            raise ValidationError("start", "must carry its time zone")
        if not 5 <= appointment.minutes <= MAX_MINUTES:
            raise ValidationError("minutes", f"must be between 5 and {MAX_MINUTES}")
        clean_text("authorised_by", authorised_by, required=True)
        link = appointment.telehealth_link.strip()
        if link and not link.startswith("https://"):
            raise ValidationError("telehealth_link", "must be an https:// link")
        tech = appointment.tech_check
        if types[appointment.type_code].telehealth and tech is TechCheck.NOT_NEEDED:
            tech = TechCheck.PENDING
        return replace(
            appointment, start=appointment.start.replace(second=0, microsecond=0),
            reason=clean_text("reason", appointment.reason, required=False, limit=200),
            notes=clean_text("notes", appointment.notes, required=False, limit=2000),
            authorised_by=" ".join(authorised_by.split()), telehealth_link=link, tech_check=tech,
            entered_by=self.ctx.user,
        )

    def _refuse_conflicts(self, appointment: Appointment, override_reason: str) -> str:
        found = self.check(appointment)
        reason = " ".join((override_reason or "").split())
        if found and not reason:
            raise ConflictError(found)
        return reason if found else ""

    # --- changing the schedule -------------------------------------------------------------------
    def book(self, appointment: Appointment, *, authorised_by: str | None = None,
             override_reason: str = "") -> tuple[Appointment, Change]:
        clean = self._validate(replace(appointment, id=None, status=VisitStatus.UNCONFIRMED,
                                       confirmation=VisitStatus.UNCONFIRMED,
                                       booked_at=self.ctx.clock.now().replace(microsecond=0)),
                               authorised_by)
        with self.ctx.transaction():  # checked under the write lock: two windows cannot both pass
            clean = replace(clean, override_reason=self._refuse_conflicts(clean, override_reason))
            override = clean.override_reason
            appointment_id = self.repo.insert(clean)
            self.freed.follow(None, replace(clean, id=appointment_id), self.ctx.clock.now())
            # booked: the patient leaves the waitlist entries this visit answers
            for entry in self.repo.waitlist():
                if entry.patient_id == clean.patient_id and entry.type_code == clean.type_code and (
                        entry.provider_id in (None, clean.provider_id)):
                    self.repo.set_waitlist_active(entry.id or 0, False)
                    self.ctx.audit(AuditAction.UPDATE, "waitlist", entry.id, "booked")
            self.ctx.audit(AuditAction.CREATE, RECORD, appointment_id,
                           "authorised" + ("; conflict overridden" if override else ""))
        return replace(clean, id=appointment_id), Change(RECORD, AuditAction.CREATE, (appointment_id,))

    def reschedule(self, appointment_id: int, *, start: datetime, provider_id: int | None = None,
                   minutes: int | None = None, authorised_by: str | None = None,
                   override_reason: str = "") -> tuple[Appointment, Change, list[WaitlistEntry]]:
        before = self.get(appointment_id)
        if before.status not in (VisitStatus.UNCONFIRMED, VisitStatus.LEFT_MESSAGE,
                                 VisitStatus.CONFIRMED):
            raise ValidationError("status", f"a visit marked {before.status.label.lower()} cannot be "
                                            "moved: book a new one")
        moved = replace(before, start=start, provider_id=provider_id or before.provider_id,
                        minutes=minutes or before.minutes)
        if moved.start != before.start:
            # a new time needs a new confirmation, and eligibility is checked for the date
            moved = replace(moved, status=VisitStatus.UNCONFIRMED, confirmation=VisitStatus.UNCONFIRMED,
                            confirmation_method=None, eligibility=Eligibility())
        clean = self._validate(moved, authorised_by)
        with self.ctx.transaction():
            clean = replace(clean, override_reason=self._refuse_conflicts(clean, override_reason))
            override = clean.override_reason
            self.repo.update(clean)
            self.freed.follow(before, clean, self.ctx.clock.now())
            self.ctx.audit(AuditAction.UPDATE, RECORD, appointment_id,
                           "rescheduled; authorised" + ("; conflict overridden" if override else ""))
        freed = Slot(before.provider_id, before.start, before.minutes)
        return clean, Change(RECORD, AuditAction.UPDATE, (appointment_id,)), self.proposals_for(freed)

    def cancel(self, appointment_id: int, *, reason: str,
               authorised_by: str | None = None) -> tuple[Appointment, Change, list[WaitlistEntry]]:
        before = self.get(appointment_id)
        if before.status is VisitStatus.CANCELLED:
            raise ValidationError("status", "is already cancelled")
        if before.status in (VisitStatus.NO_SHOW, VisitStatus.ARRIVED):
            raise ValidationError("status", f"a visit marked {before.status.label.lower()} is history: "
                                            "it cannot be cancelled")
        reason_text = clean_text("cancel_reason", reason, required=True, limit=200)
        who = clean_text("authorised_by", self.ctx.user if authorised_by is None else authorised_by,
                         required=True)
        now = self.ctx.clock.now()
        late = scheduling.is_late_cancellation(before.start, now, self.notice_hours())
        cancelled = replace(before, status=VisitStatus.CANCELLED, cancel_reason=reason_text,
                            cancelled_at=now, late_cancel=late, authorised_by=who,
                            entered_by=self.ctx.user)
        with self.ctx.transaction():
            self.repo.update(cancelled)
            self.freed.follow(before, cancelled, now)
            self.ctx.audit(AuditAction.UPDATE, RECORD, appointment_id,
                           "cancelled" + (" late" if late else "") + "; authorised")
        freed = Slot(before.provider_id, before.start, before.minutes)
        proposals = self.proposals_for(freed) if before.start > now else []
        return cancelled, Change(RECORD, AuditAction.UPDATE, (appointment_id,)), proposals

    def set_status(self, appointment_id: int, status: VisitStatus,
                   method: ContactMethod | None = None) -> tuple[Appointment, Change, list[WaitlistEntry]]:
        """Record a confirmation call (unconfirmed, left message, confirmed: the visit's
        `confirmation`, kept whatever becomes of the visit) or what became of the visit (arrived,
        no-show: its `status`, the confirmation kept)."""
        before = self.get(appointment_id)
        if status is VisitStatus.CANCELLED:
            raise ValidationError("status", "cancel a visit with its reason (Cancel visit)")
        if before.status is VisitStatus.CANCELLED:
            raise ValidationError("status", "a cancelled visit keeps its status")
        if status in (VisitStatus.CONFIRMED, VisitStatus.LEFT_MESSAGE) and method is None:
            raise ValidationError("confirmation_method", "say how the patient was reached")
        now = self.ctx.clock.now()
        if status is VisitStatus.NO_SHOW and now < before.start:
            raise ValidationError("status", "a visit is a no-show only once its time has come")
        if status is VisitStatus.ARRIVED and now < before.start - ARRIVAL_WINDOW:
            raise ValidationError("status", "the patient can be marked arrived on the day of the visit")
        if status.is_confirmation:
            # a visit still to come shows its confirmation; one that arrived keeps its arrival
            updated = replace(before, confirmation=status,
                              status=status if before.arrival is None else before.status,
                              confirmation_method=method or before.confirmation_method)
            detail = f"confirmation: {status.value}"
        else:
            updated, detail = replace(before, status=status), f"status: {status.value}"
        updated = replace(updated, entered_by=self.ctx.user)
        with self.ctx.transaction():
            self.repo.update(updated)
            self.freed.follow(before, updated, now)
            self.ctx.audit(AuditAction.UPDATE, RECORD, appointment_id, detail)
        proposals: list[WaitlistEntry] = []
        if status is VisitStatus.NO_SHOW:
            if before.end > now:  # the rest of the slot can still be offered
                start = max(before.start, now.replace(second=0, microsecond=0))
                proposals = self.proposals_for(
                    Slot(before.provider_id, start, int((before.end - start).total_seconds() // 60)))
        return updated, Change(RECORD, AuditAction.UPDATE, (appointment_id,)), proposals

    #: what an undo puts back: the visit's time and place and where it stood (not its notes)
    _UNDONE_FIELDS = ("provider_id", "start", "minutes", "status", "confirmation", "confirmation_method",
                      "cancel_reason", "cancelled_at", "late_cancel", "authorised_by", "override_reason",
                      "eligibility")

    def undo_change(self, before: Appointment, after: Appointment, what: str) -> tuple[Appointment, Change]:
        """Take back a move, a cancellation or a status step (Edit → Undo right after it): the visit
        is again where and as it was. Refused when it changed since, and when its old time is taken
        now (the conflict says by what). Audited as "undo: <what>"; the audit keeps both."""
        current = self.get(before.id or 0)
        if any(getattr(current, name) != getattr(after, name) for name in self._UNDONE_FIELDS):
            raise ChangedSinceError("This visit changed after that step: open it and make the change "
                                    "you need.")
        restored = replace(current, **{name: getattr(before, name) for name in self._UNDONE_FIELDS},
                           entered_by=self.ctx.user)
        with self.ctx.transaction():
            moved = restored.start != current.start or restored.provider_id != current.provider_id
            if restored.status.holds_slot and (moved or not current.status.holds_slot):
                # the old time's own overridden conflicts (lunch, after hours) were accepted then;
                # what refuses the undo is the time taken now, by another visit of either
                taken = [c for c in self.check(restored)
                         if c.kind in (ConflictKind.DOUBLE_BOOKING, ConflictKind.PATIENT_BUSY)]
                if taken:
                    raise ConflictError(taken)
            self.repo.update(restored)
            self.freed.follow(current, restored, self.ctx.clock.now(), undo=True)
            self.ctx.audit(AuditAction.UPDATE, RECORD, restored.id, f"undo: {what}")
        return restored, Change(RECORD, AuditAction.UPDATE, (restored.id or 0,))

    def clear_arrival(self, appointment_id: int) -> tuple[Appointment, Change]:
        """An arrival or no-show recorded by mistake: the visit is to come again, showing its
        confirmation as it was."""
        before = self.get(appointment_id)
        if before.status not in (VisitStatus.ARRIVED, VisitStatus.NO_SHOW):
            raise ValidationError("status", "only an arrival or a no-show can be taken back")
        updated = replace(before, status=before.confirmation, entered_by=self.ctx.user)
        with self.ctx.transaction():
            self.repo.update(updated)
            self.freed.follow(before, updated, self.ctx.clock.now())
            self.ctx.audit(AuditAction.UPDATE, RECORD, appointment_id,
                           f"status: {before.confirmation.value} (arrival taken back)")
        return updated, Change(RECORD, AuditAction.UPDATE, (appointment_id,))

    def record_eligibility(self, appointment_id: int,
                           eligibility: Eligibility) -> tuple[Appointment, Change]:
        before = self.get(appointment_id)
        result = replace(validate_eligibility(eligibility), checked_at=self.ctx.clock.now(),
                         checked_by=self.ctx.user)
        updated = replace(before, eligibility=result)
        # the statuses, and the names (never the values) of the details that changed
        detail = [f"eligibility: {result.status.value}"]
        if result.secondary_status is not EligibilityStatus.UNVERIFIED \
                or result.secondary_status is not before.eligibility.secondary_status:
            detail.append(f"secondary: {result.secondary_status.value}")
        fields_changed = changed_fields(before.eligibility, result,
                                        ignore=("status", "secondary_status", "checked_at", "checked_by"))
        if fields_changed:
            detail.append(fields_changed)
        with self.ctx.transaction():
            self.repo.update(updated)
            self.ctx.audit(AuditAction.UPDATE, RECORD, appointment_id, "; ".join(detail))
        return updated, Change(RECORD, AuditAction.UPDATE, (appointment_id,))

    def set_telehealth(self, appointment_id: int, *, link: str,
                       tech_check: TechCheck) -> tuple[Appointment, Change]:
        before = self.get(appointment_id)
        link = link.strip()
        if link and not link.startswith("https://"):
            raise ValidationError("telehealth_link", "must be an https:// link")
        updated = replace(before, telehealth_link=link, tech_check=tech_check)
        with self.ctx.transaction():
            self.repo.update(updated)
            self.ctx.audit(AuditAction.UPDATE, RECORD, appointment_id, "fields: telehealth")
        return updated, Change(RECORD, AuditAction.UPDATE, (appointment_id,))

    # --- finding time ----------------------------------------------------------------------------
    def find_slots(self, *, minutes: int, provider_ids: Sequence[int] | None, after: datetime,
                   days: frozenset[int] | None = None, earliest: time | None = None,
                   latest: time | None = None, count: int = 5) -> list[Slot]:
        """The first `count` open slots from `after`, across the providers, in time order."""
        require_aware("after", after)
        if not 5 <= minutes <= MAX_MINUTES:
            raise ValidationError("minutes", f"must be between 5 and {MAX_MINUTES}")
        if earliest is not None and latest is not None and earliest > latest:
            raise ValidationError("latest", "must not be before the earliest time")
        providers = StaffRepository(self.ctx.conn).providers()
        chosen = [providers[p] for p in (provider_ids or providers) if p in providers]
        if not chosen:
            raise ValidationError("provider_id", "choose at least one provider")
        practice, zone = self._practice(), self._zone()
        buffers = {t.code: t.buffer_minutes for t in self.repo.types()}
        ids = [p.id for p in chosen if p.id is not None]
        blocks = self.repo.blocks(ids)
        first_day = after.astimezone(zone).date()
        found: list[Slot] = []
        for offset in range(SEARCH_HORIZON_DAYS):
            day = first_day + timedelta(days=offset)
            if not practice.is_business_day(day) or (days is not None and day.weekday() not in days):
                continue
            day_start = scheduling.local_to_utc(datetime.combine(day, time(0)), zone)
            day_end = scheduling.local_to_utc(datetime.combine(day + timedelta(days=1), time(0)), zone)
            booked = self.repo.between(day_start, day_end, ids)
            occurrences = scheduling.block_occurrences(blocks, day_start, day_end, zone)
            for provider in chosen:
                ctx = scheduling.ScheduleContext(
                    practice, zone, provider, [a for a in booked if a.provider_id == provider.id],
                    occurrences, buffers)
                found += [s for s in scheduling.free_slots(provider, day, minutes, ctx,
                                                           not_before=after)
                          if scheduling.fits_preferences(s.start, zone, days=days,
                                                         earliest=earliest, latest=latest)]
            if len(found) >= count:
                break
        found.sort(key=lambda s: (s.start, s.provider_id))
        return found[:count]

    # --- waitlist --------------------------------------------------------------------------------
    def waitlist(self) -> list[WaitlistEntry]:
        return self.repo.waitlist()

    def add_to_waitlist(self, entry: WaitlistEntry) -> tuple[WaitlistEntry, Change]:
        if entry.type_code not in self._type_map():
            raise ValidationError("type_code", "is not an appointment type of this practice")
        if not PatientRepository(self.ctx.conn).exists(entry.patient_id):
            raise ValidationError("patient_id", "is not a patient in this workspace")
        if entry.provider_id is not None:
            self._provider(entry.provider_id)
        if not entry.days:
            raise ValidationError("days", "choose at least one day")
        if entry.earliest >= entry.latest:
            raise ValidationError("latest", "must be after the earliest time")
        clean = replace(entry, id=None, active=True, added_at=self.ctx.clock.now(),
                        note=clean_text("note", entry.note, required=False, limit=200))
        with self.ctx.transaction():
            entry_id = self.repo.insert_waitlist(clean)
            self.ctx.audit(AuditAction.CREATE, "waitlist", entry_id)
        return replace(clean, id=entry_id), Change(RecordKind.WAITLIST, AuditAction.CREATE, (entry_id,))

    def remove_from_waitlist(self, entry_id: int) -> Change:
        with self.ctx.transaction():
            self.repo.set_waitlist_active(entry_id, False)
            self.ctx.audit(AuditAction.DELETE, "waitlist", entry_id)
        return Change(RecordKind.WAITLIST, AuditAction.DELETE, (entry_id,))

    def proposals_for(self, slot: Slot, type_code: str | None = None) -> list[WaitlistEntry]:
        """Waitlisted patients the opened slot suits, longest-waiting first."""
        minutes = {t.code: t.minutes for t in self.repo.types()}
        if slot.end <= self.ctx.clock.now() or not self._slot_is_free(slot):
            return []
        patients = PatientRepository(self.ctx.conn)
        entries = [e for e in self.repo.waitlist()
                   if (type_code is None or e.type_code == type_code) and patients.exists(e.patient_id)]
        return scheduling.rank_waitlist(entries, slot, self._zone(), minutes)

    def _slot_is_free(self, slot: Slot) -> bool:
        """Nothing else holds the opened time: no other visit (an overridden double booking, the
        moved visit's new time), no block, and the provider works then."""
        provider = StaffRepository(self.ctx.conn).providers().get(slot.provider_id)
        if provider is None:
            return False
        probe = Appointment(patient_id=0, provider_id=slot.provider_id, type_code="", start=slot.start,
                            minutes=slot.minutes)
        return not scheduling.conflicts(probe, self._schedule_context(provider, slot.start, slot.end))

    # --- worklists -------------------------------------------------------------------------------
    def confirmation_worklist(self) -> list[Appointment]:
        """Visits whose confirmation call is due now: the 24-72 h window, and late bookings (less
        than 24 h ahead) from their booking on; a chase closed as unreachable left out."""
        return self.worklists()[0]

    def eligibility_worklist(self) -> list[Appointment]:
        """Visits whose eligibility check is due now: the 24-48 h window, and late bookings."""
        return self.worklists()[1]

    def worklists(self) -> tuple[list[Appointment], list[Appointment]]:
        """(`confirmation_worklist`, `eligibility_worklist`) from one read of the visits ahead (the
        longer of the two windows): the day's agenda and the calendar's side panel want both."""
        now = self.ctx.clock.now()
        window = self.repo.between(now, now + max(scheduling.CONFIRM_TO, scheduling.ELIGIBILITY_TO))
        # each keeps what its own read would have (`between` ends at the window's end, in seconds)
        confirm_end = to_ts(now + scheduling.CONFIRM_TO)
        eligibility_end = to_ts(now + scheduling.ELIGIBILITY_TO)
        confirm = [a for a in window if to_ts(a.start) < confirm_end and scheduling.confirmation_due(a, now)]
        closed = ChaseRepository(self.ctx.conn).closed_of(ChaseKind.CONFIRMATION,
                                                          [a.id for a in confirm if a.id is not None])
        return ([a for a in confirm if a.id not in closed],  # a chase closed as unreachable leaves it
                [a for a in window
                 if to_ts(a.start) < eligibility_end and scheduling.eligibility_due(a, now)])

    def no_show_counts(self, patient_ids: Sequence[int]) -> dict[int, int]:
        return self.repo.no_show_counts(list(patient_ids))
