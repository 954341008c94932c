"""The shift handoff: at the end of a shift, what the signed-in user leaves open and what changed
during the shift, with a note for the next VMA (saved, audited); at the next sign-in, the notes
left for a user and what others changed since they last signed out.

"Touched" comes from the audit trail (the user's entries since their shift began, which is their
last sign-in, not their last unlock); "owns" from the records' own event rows (the steps a user is
named on). The open records come from the services' own lists (open messages, the refill and
referral worklists, the prior authorisations a VMA works with), so a handoff lists what the tabs
list. The tasks due by the end of the next shift (the end of the practice's next business day)
and those closed during the shift come from the tasks service.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, TypeVar
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import VisitStatus
from vma_desk.core.communications import CallOutcome, Urgency
from vma_desk.core.errors import NotFoundError, ValidationError
from vma_desk.core.handoff import (
    MAX_CHANGES,
    RECORD_KINDS,
    Handoff,
    HandoffItem,
    ShiftSummary,
    SinceLastShift,
    count_changes,
    kind_label,
    validate_note,
)
from vma_desk.core.records import AuditAction, AuditEntry, Change, RecordKind
from vma_desk.core.referrals import PriorAuthStatus
from vma_desk.core.rules import callbacks
from vma_desk.core.rules.business_days import next_business_day
from vma_desk.core.rules.scheduling import local_to_utc
from vma_desk.core.tasks import Task, TaskState, assignee_text
from vma_desk.core.users import User
from vma_desk.core.wording import clip, clock_text, date_text, days_ago, short_day, step_text
from vma_desk.services.base import ServiceContext
from vma_desk.services.calendar import CalendarService
from vma_desk.services.communications import CommunicationsService
from vma_desk.services.patients import PatientService
from vma_desk.services.practice import PracticeService
from vma_desk.services.referrals import ReferralService
from vma_desk.services.refills import RefillService
from vma_desk.services.users import NotAllowedError, UserService
from vma_desk.storage.audit import AuditRepository
from vma_desk.storage.handoff_repository import HandoffRepository

if TYPE_CHECKING:
    from vma_desk.services.tasks import TaskService

RECORD = RecordKind.HANDOFF
#: a user who never signed out sees the notes (and changes) of this last stretch
FIRST_LOOK_BACK = timedelta(hours=24)
#: the actions that change a record (not exports, sign-ins or locks)
_CHANGES = (AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE)
_PRIOR_AUTH_OPEN = (PriorAuthStatus.PENDING, PriorAuthStatus.APPEAL, PriorAuthStatus.DENIED)
_CLIP = 80
_Record = TypeVar("_Record")


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class HandoffService:
    def __init__(self, context: ServiceContext, *, practice: PracticeService, patients: PatientService,
                 calendar: CalendarService, communications: CommunicationsService, refills: RefillService,
                 referrals: ReferralService, users: UserService) -> None:
        self.ctx = context
        self.repo = HandoffRepository(context.conn)
        self.practice, self.patients, self.calendar = practice, patients, calendar
        self.communications, self.refills, self.referrals = communications, refills, referrals
        self.users = users
        self._tasks: TaskService | None = None

    @property
    def tasks(self) -> TaskService:
        """The tasks service, made on first use (a handoff without tasks does not import it)."""
        if self._tasks is None:
            from vma_desk.services.tasks import TaskService

            self._tasks = TaskService(self.ctx, users=self.users)
        return self._tasks

    # --- reading ---------------------------------------------------------------------------------
    def _user(self, user_id: int | None) -> User:
        user_id = self.ctx.user_id if user_id is None else user_id
        if user_id is None:
            raise NotAllowedError("Nobody is signed in: a shift belongs to a signed-in user.")
        return self.users.get(user_id)

    def shift_start(self, user_id: int | None = None) -> datetime:
        """When the user's shift began: their last sign-in (an unlock does not start a shift)."""
        user = self._user(user_id)
        assert user.id is not None
        return self.repo.last_sign_in_at(user.id) or user.last_sign_in or self.ctx.clock.now()

    def handoffs_by(self, user_id: int) -> list[Handoff]:
        return self.repo.by_user(user_id)

    def shift_summary(self, user_id: int | None = None) -> ShiftSummary:
        """The signed-in user's (or `user_id`'s) shift so far: open items they own or touched, what
        they changed, and the notable changes."""
        user = self._user(user_id)
        assert user.id is not None
        now, start = self.ctx.clock.now(), self.shift_start(user.id)
        entries = [e for e in AuditRepository(self.ctx.conn).between(
            _iso(start), _iso(now + timedelta(seconds=1)), user_id=user.id) if e.action in _CHANGES]
        touched: dict[str, set[int]] = {kind: set() for kind in RECORD_KINDS}
        for e in entries:
            if e.record_type in touched and e.record_id.isdigit():
                touched[e.record_type].add(int(e.record_id))
        describe = _Describer(self, self.ctx.practice_zone(), now)
        practice = self.practice.get()
        return ShiftSummary(
            user_id=user.id, user_name=user.name, shift_start=start, generated_at=now,
            practice_name=practice.name, time_zone=practice.time_zone,
            open_items=tuple(self._open_items(user, touched, describe, start)),
            counts=count_changes((e.record_type, e.record_id, e.action is AuditAction.CREATE)
                                 for e in entries if e.record_type in _COUNTED),
            notable=tuple(self._notable(entries, describe, start)),
            tasks_due=tuple(self._task_item(t, describe) for t in self.tasks.due_by(self.next_shift_end())),
            tasks_closed=tuple(self._task_item(t, describe) for t in self.tasks.closed_between(
                start, now + timedelta(seconds=1))))

    def next_shift_end(self) -> datetime:
        """When the next shift ends: midnight (practice time) after the practice's next business
        day. The handoff lists the open tasks due before then."""
        zone = self.ctx.practice_zone()
        day = next_business_day(self.practice.get(), self.ctx.today())
        return local_to_utc(datetime.combine(day + timedelta(days=1), datetime.min.time()), zone)

    def _task_item(self, task: Task, describe: _Describer) -> HandoffItem:
        """A task's row: its patient (or "(no patient)"), what it is, for whom and when due; a
        closed one says who closed it and when (a cancelled one why)."""
        title = clip(task.title, _CLIP)
        if task.state is TaskState.OPEN:
            late = " (overdue)" if task.overdue(describe.now) else ""
            detail = f"{title} · for {describe.assignee(task)} · due {describe.when(task.due_at)}{late}"
            at = task.due_at
        else:
            at = task.closed_at or describe.now
            how = "done" if task.state is TaskState.DONE else "cancelled"
            why = f" ({clip(task.cancel_reason, 60)})" if task.cancel_reason else ""
            detail = f"{title} · {how} by {task.closed_by or 'someone'} {describe.when(at)}{why}"
        return HandoffItem("task", task.id or 0, describe.person(task.patient_id), detail, at=at,
                           by=task.closed_by)

    def _open_items(self, user: User, touched: dict[str, set[int]], describe: _Describer,
                    start: datetime) -> Iterable[HandoffItem]:
        name, now = user.name, self.ctx.clock.now()

        def owns(events: Iterable[object]) -> bool:
            return any(getattr(e, "by", "") == name or getattr(e, "recorded_by", "") == name for e in events)

        messages = [m for m in self.communications.open_messages() if m.awaiting_callback and m.id is not None
                    and (m.id in touched["message"] or owns(m.events))]
        describe.load_patients([m.patient_id for m in messages])
        for m, due in callbacks.listing_order((m, self.communications.callback_due(m)) for m in messages):
            late = " (overdue)" if due < now else ""
            yield HandoffItem("message", m.id or 0, describe.person(m.patient_id, m.caller_name),
                              f"{m.urgency.value.capitalize()} · {m.state.label.lower()} · callback due "
                              f"{describe.when(due)}{late}", at=due)
        for call_id in sorted(touched["call"]):
            call = self._get(self.communications.get_call, call_id)
            if call is None or call.outcome is not CallOutcome.CALLBACK_NEEDED or \
                    self.communications.links(call_id):
                continue
            yield HandoffItem("call", call_id, describe.person(call.patient_id, call.caller_name),
                              f"{call.reason.label} · callback needed · call at "
                              f"{describe.when(call.started_at)}",
                              at=call.started_at)
        refills = [row for row in self.refills.worklist() if row.request.id in touched["refill"]
                   or owns(row.request.events)]
        describe.load_patients([row.request.patient_id for row in refills])
        for row in refills:
            r = row.request
            due_state = f" · {row.due_state.label.lower()}" if row.due_state is not None else ""
            medication = clip(f"{r.medication} {r.strength}", 40)
            yield HandoffItem("refill", r.id or 0, describe.person(r.patient_id),
                              f"{medication} · {r.stage.lower()}{due_state}",
                              at=r.due_at)
        referrals = [row for row in self.referrals.worklist() if row.referral.id in touched["referral"]
                     or owns(row.referral.events)]
        describe.load_patients([row.referral.patient_id for row in referrals])
        for referral_row in referrals:
            referral = referral_row.referral
            flags = "".join(f" · {f.label.lower()}" for f in referral_row.flags)
            yield HandoffItem("referral", referral.id or 0, describe.person(referral.patient_id),
                              f"{clip(referral.specialty, 30)} · {referral.state.label.lower()} "
                              f"{days_ago(referral_row.days_in_state)}{flags}",
                              at=referral.state_since)
        auths = [row for row in self.referrals.prior_auths() if row.auth.status in _PRIOR_AUTH_OPEN
                 and (row.auth.id in touched["prior_auth"] or owns(row.auth.events))]
        describe.load_patients([row.auth.patient_id for row in auths])
        for auth_row in auths:
            a = auth_row.auth
            flags = "".join(f" · {f.label.lower()}" for f in auth_row.flags)
            yield HandoffItem("prior_auth", a.id or 0, describe.person(a.patient_id),
                              f"{clip(a.service, 30)} · {a.status.label.lower()} · follow up "
                              f"{date_text(a.follow_up_on)}{flags}")
        visits = [v for v in (self._get(self.calendar.get, i) for i in sorted(touched["appointment"]))
                  if v is not None and v.status in (VisitStatus.UNCONFIRMED, VisitStatus.LEFT_MESSAGE)
                  and v.start > now]
        describe.load_patients([v.patient_id for v in visits])
        for v in sorted(visits, key=lambda v: v.start):
            yield HandoffItem("appointment", v.id or 0, describe.person(v.patient_id),
                              f"{describe.when(v.start)} with {describe.provider(v.provider_id)} · "
                              f"{v.status.label.lower()}", at=v.start)

    def _notable(self, entries: list[AuditEntry], describe: _Describer, start: datetime) -> list[HandoffItem]:
        """Escalations, late cancellations, overridden conflicts and referrals closed without their
        report, each once, in the order they happened."""
        found: list[HandoffItem] = []
        seen: set[tuple[str, int, str]] = set()

        def add(kind: str, record_id: int, what: str, title: str, detail: str, at: datetime) -> None:
            if (kind, record_id, what) not in seen:
                seen.add((kind, record_id, what))
                text = f"{what}: {detail}" if detail else what
                found.append(HandoffItem(kind, record_id, title, text, at=at))

        for e in entries:
            if not e.record_id.isdigit():
                continue
            record_id = int(e.record_id)
            if e.record_type == "message":
                m = self._get(self.communications.get_message, record_id)
                if m is not None and (m.escalation_action or m.urgency is Urgency.EMERGENCY):
                    add("message", record_id, "Escalated", describe.person(m.patient_id, m.caller_name),
                        clip(m.escalation_action, _CLIP) or f"{m.urgency.value} message", e.at)
            elif e.record_type == "call":
                c = self._get(self.communications.get_call, record_id)
                if c is not None and c.escalation_action:
                    add("call", record_id, "Escalated", describe.person(c.patient_id, c.caller_name),
                        clip(c.escalation_action, _CLIP), e.at)
            elif e.record_type == "appointment":
                v = self._get(self.calendar.get, record_id)
                if v is None:
                    continue
                visit = f"visit {describe.when(v.start)} with {describe.provider(v.provider_id)}"
                if v.late_cancel and v.cancelled_at is not None and v.cancelled_at >= start:
                    add("appointment", record_id, "Late cancellation", describe.person(v.patient_id), visit,
                        v.cancelled_at)
                if v.override_reason and "overridden" in e.detail:
                    add("appointment", record_id, "Conflict overridden", describe.person(v.patient_id),
                        f"{visit} ({clip(v.override_reason, 60)})", e.at)
            elif e.record_type == "referral" and "override" in e.detail:
                r = self._get(self.referrals.get, record_id)
                if r is not None:
                    add("referral", record_id, "Closed without the consult report",
                        describe.person(r.patient_id), clip(r.specialty, 40), e.at)
        return found

    @staticmethod
    def _get(getter: Callable[[int], _Record], record_id: int) -> _Record | None:
        try:
            return getter(record_id)
        except NotFoundError:
            return None

    # --- ending a shift --------------------------------------------------------------------------
    def end_shift(self, note: str, to_user_id: int | None = None) -> tuple[Handoff, Change]:
        """Save the handoff note (for `to_user_id`, or for whoever comes next) with its audit entry,
        in one transaction. The caller signs the user out afterwards (`users.sign_out`)."""
        me = self._user(None)
        assert me.id is not None
        text = validate_note(note)
        if to_user_id is not None:
            if to_user_id == me.id:
                raise ValidationError("to_user_id", "choose someone else, or whoever comes next")
            try:
                other = self.users.get(to_user_id)
            except NotFoundError:
                raise ValidationError("to_user_id", "is not a user of this workspace") from None
            if not other.active:
                raise ValidationError("to_user_id", f"{other.name} is deactivated: choose another user")
        handoff = Handoff(from_user_id=me.id, to_user_id=to_user_id, shift_start=self.shift_start(me.id),
                          created_at=self.ctx.clock.now(), note=text)
        with self.ctx.transaction():
            handoff_id = self.repo.insert(handoff)
            for_whom = f"for user {to_user_id}" if to_user_id is not None else "for whoever comes next"
            self.ctx.audit(AuditAction.CREATE, RECORD, handoff_id,
                           f"{for_whom}; {'with a note' if text else 'no note'}")
        saved = self.repo.get(handoff_id)
        assert saved is not None
        return saved, Change(RECORD, AuditAction.CREATE, (handoff_id,))

    # --- the next sign-in ------------------------------------------------------------------------
    def since_last_shift(self, user_id: int) -> SinceLastShift:
        """The notes left for `user_id` (or for whoever comes next) since they last signed out, newest
        first, and the records others changed meanwhile, newest first, one row each."""
        user = self.users.get(user_id)
        now = self.ctx.clock.now()
        since = user.last_sign_out
        start = since or now - FIRST_LOOK_BACK
        notes = tuple(self.repo.left_for(user_id, start))
        latest: dict[tuple[str, int], tuple[AuditEntry, int]] = {}
        for e in AuditRepository(self.ctx.conn).between(_iso(start), _iso(now + timedelta(seconds=1))):
            if e.user_id == user_id or e.record_type not in RECORD_KINDS or e.action not in _CHANGES \
                    or not e.record_id.isdigit():
                continue
            key = (e.record_type, int(e.record_id))
            count = latest[key][1] + 1 if key in latest else 1
            latest[key] = (e, count)
        newest = sorted(latest.items(), key=lambda kv: kv[1][0].id or 0, reverse=True)
        zone = self.ctx.practice_zone()
        describe = _Describer(self, zone, now)
        changes: list[HandoffItem] = []
        skipped = 0
        for (kind, record_id), (entry, count) in newest:
            if len(changes) >= MAX_CHANGES:
                skipped += 1
                continue
            found = describe.record(kind, record_id)
            if found is None:  # deleted since
                continue
            title, what = found
            words = _change_words(entry)
            done = what if what.endswith(f" · {words}") else f"{what} · {words}"
            times = f" · {count} changes" if count > 1 else ""
            changes.append(HandoffItem(kind, record_id, title,
                                       f"{done} by {entry.user}{times} · {describe.when(entry.at)}",
                                       at=entry.at, by=entry.user, count=count))
        return SinceLastShift(user_id=user_id, since=since, notes=notes, changes=tuple(changes),
                              more_changes=skipped, time_zone=zone.key)


#: the record kinds counted in a shift's changes
_COUNTED = frozenset({"call", "message", "refill", "referral", "prior_auth", "appointment", "patient",
                      "waitlist", "schedule_block", "staff", "setting", "practice", "task"})


def _change_words(entry: AuditEntry) -> str:
    """An audit entry's action in a few words: "new", "closed", "cancelled late", "edited"."""
    if entry.action is AuditAction.CREATE:
        return "new"
    if entry.action is AuditAction.DELETE:
        return "deleted"
    first = entry.detail.split(";")[0].strip()
    for prefix in ("state: ", "status: "):
        if first.startswith(prefix):
            return first[len(prefix):].replace("_", " ")
    if first.startswith("eligibility: "):
        return "eligibility " + first[len("eligibility: "):]
    if first.startswith("fields:"):
        return "edited"
    if first in ("cancelled", "cancelled late", "rescheduled") or first.startswith("linked "):
        return first
    return "updated"


class _Describer:
    """Titles (the patient or caller) and short descriptions of records, with names cached."""

    def __init__(self, service: HandoffService, zone: ZoneInfo, now: datetime) -> None:
        self.s, self.zone, self.now = service, zone, now
        self._patients: dict[int, str] = {}
        self._staff: dict[int, str] | None = None
        self._users: dict[int, str] | None = None

    def load_patients(self, ids: Iterable[int | None]) -> None:
        wanted = {i for i in ids if i is not None and i not in self._patients}
        if wanted:
            self._patients.update(self.s.patients.display_names(wanted))

    def person(self, patient_id: int | None, fallback: str = "") -> str:
        if patient_id is not None:
            self.load_patients([patient_id])
            if patient_id in self._patients:
                return self._patients[patient_id]
        return fallback or "(no patient)"

    def provider(self, staff_id: int) -> str:
        if self._staff is None:
            self._staff = {s.id or 0: s.display_name for s in self.s.practice.staff(active_only=False)}
        return self._staff.get(staff_id, "a provider")

    def assignee(self, task: Task) -> str:
        """Who is to do a task: a user's or staff member's name, or "Any nurse / clinical staff"."""
        if self._staff is None:
            self._staff = {s.id or 0: s.display_name for s in self.s.practice.staff(active_only=False)}
        if self._users is None:
            self._users = {u.id or 0: u.name for u in self.s.users.all()}
        return assignee_text(task, self._users, self._staff)

    def when(self, moment: datetime) -> str:
        """"10:30 AM" today, "Tue 03/03 10:00 AM" another day of this year."""
        local, today = moment.astimezone(self.zone), self.now.astimezone(self.zone)
        if local.date() == today.date():
            return clock_text(moment, self.zone)
        if local.year == today.year:
            return f"{short_day(local.date())} {clock_text(moment, self.zone)}"
        return step_text(moment, self.now, self.zone)

    def record(self, kind: str, record_id: int) -> tuple[str, str] | None:
        """(title, what it is) for a changed record; None when it no longer exists."""
        s = self.s
        try:
            if kind == "message":
                m = s.communications.get_message(record_id)
                return self.person(m.patient_id, m.caller_name), \
                    f"Message · {m.urgency.value} · {m.state.label.lower()}"
            if kind == "call":
                c = s.communications.get_call(record_id)
                return self.person(c.patient_id, c.caller_name), f"Call · {c.reason.label.lower()}"
            if kind == "refill":
                r = s.refills.get(record_id)
                return self.person(r.patient_id), f"Refill · {clip(r.medication, 30)} · {r.stage.lower()}"
            if kind == "referral":
                f = s.referrals.get(record_id)
                return self.person(f.patient_id), \
                    f"Referral · {clip(f.specialty, 30)} · {f.state.label.lower()}"
            if kind == "prior_auth":
                a = s.referrals.get_prior_auth(record_id)
                return self.person(a.patient_id), \
                    f"Prior authorisation · {clip(a.service, 30)} · {a.status.label.lower()}"
            if kind == "appointment":
                v = s.calendar.get(record_id)
                return self.person(v.patient_id), f"Visit {self.when(v.start)} · {v.status.label.lower()}"
            if kind == "task":
                t = s.tasks.get(record_id)
                return self.person(t.patient_id), f"Task · {clip(t.title, 40)} · {t.state.label.lower()}"
        except NotFoundError:
            return None
        return None


__all__ = ["HandoffService", "kind_label"]
