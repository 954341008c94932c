"""Chasing: the one contact-attempt log every worklist writes to, voicemails and the box's checks,
and the calls waiting for a callback.

Every change is one transaction with one audit entry (never the note's words) and returns a
`Change`. The retry policy of each kind of chase is a practice setting (`chase.policy.<kind>`,
JSON), the box-check cadence another (`chase.box_check_hours`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, fields, replace
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from vma_desk.core.chase import (
    BOX_CHECK_HOURS,
    DEFAULT_POLICY,
    Attempt,
    Channel,
    ChaseKind,
    ChaseState,
    Outcome,
    RetryPolicy,
    Voicemail,
    box_check_due,
    check_attempt,
    next_attempt,
    returned_within,
    standard_due,
    voicemail_due,
)
from vma_desk.core.communications import Call, Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import AuditAction, Change, Practice, RecordKind
from vma_desk.core.rules.callbacks import CallbackPolicy
from vma_desk.core.validation import clean_text, normalize_phone, require_aware
from vma_desk.services.base import ServiceContext
from vma_desk.services.communications import CommunicationsService
from vma_desk.services.practice import PracticeService
from vma_desk.storage.chase_repository import ChaseRepository
from vma_desk.storage.communications_repository import CommunicationsRepository
from vma_desk.storage.repositories import PatientRepository, SettingRepository

_POLICY_KEY = "chase.policy.{}"
_BOX_KEY = "chase.box_check_hours"
_URGENCY_RANK = {u.value: u.rank for u in Urgency}
#: the chases whose record a "reached" closes in the same transaction (what the audit adds): the
#: Voicemail and Callbacks lists' own records. A message's callback and a refill's "patient
#: notified" are steps of their own workflows (each with who did it, in order): a "reached" is
#: logged there and the step taken in the tab, which says so.
_CLOSED_WHEN_REACHED = {ChaseKind.VOICEMAIL: "returned", ChaseKind.CALLBACK: "callback done"}


class ChaseService:
    def __init__(self, context: ServiceContext, *, practice: PracticeService,
                 communications: CommunicationsService) -> None:
        self.ctx = context
        self.practice = practice
        #: its message callback settings are the response standard of voicemails and callbacks
        self.communications = communications
        self.repo = ChaseRepository(context.conn)

    # --- settings ---------------------------------------------------------------------------------
    def policy(self, kind: ChaseKind) -> RetryPolicy:
        raw = SettingRepository(self.ctx.conn).get(_POLICY_KEY.format(kind.value))
        if not raw:
            return DEFAULT_POLICY
        try:
            data = json.loads(raw)
            known = {f.name for f in fields(RetryPolicy)}
            values: dict[str, Any] = {k: (time.fromisoformat(v) if k in ("opens", "closes") else int(v))
                                      for k, v in data.items() if k in known}
            return RetryPolicy(**values)
        except (ValueError, TypeError):  # a damaged setting falls back to the defaults
            return DEFAULT_POLICY

    def set_policy(self, kind: ChaseKind, policy: RetryPolicy) -> Change:
        for name in ("no_answer_hours", "left_voicemail_hours", "wrong_number_hours", "call_later_hours"):
            if not 1 <= getattr(policy, name) <= 24 * 14:
                raise ValidationError(name, "must be between 1 hour and 14 days")
        if not 1 <= policy.max_attempts <= 10:
            raise ValidationError("max_attempts", "must be between 1 and 10")
        if policy.opens >= policy.closes:
            raise ValidationError("closes", "must be after the opening time")
        data = {k: (v.isoformat(timespec="minutes") if isinstance(v, time) else v)
                for k, v in asdict(policy).items()}
        with self.ctx.transaction():
            SettingRepository(self.ctx.conn).set(_POLICY_KEY.format(kind.value),
                                                 json.dumps(data, sort_keys=True))
            self.ctx.audit(AuditAction.UPDATE, RecordKind.SETTING, "chase", f"retry policy: {kind.value}")
        return Change(RecordKind.SETTING, AuditAction.UPDATE)

    def box_check_hours(self) -> int:
        raw = SettingRepository(self.ctx.conn).get(_BOX_KEY)
        return int(raw) if raw and raw.isdigit() and 1 <= int(raw) <= 24 else BOX_CHECK_HOURS

    def set_box_check_hours(self, hours: int) -> Change:
        if not 1 <= hours <= 24:
            raise ValidationError("box_check_hours", "must be between 1 and 24 hours")
        with self.ctx.transaction():
            SettingRepository(self.ctx.conn).set(_BOX_KEY, str(hours))
            self.ctx.audit(AuditAction.UPDATE, RecordKind.SETTING, "chase", "box check hours")
        return Change(RecordKind.SETTING, AuditAction.UPDATE)

    # --- attempts ---------------------------------------------------------------------------------
    def _practice(self) -> Practice:
        return self.practice.get()

    def log_attempt(self, kind: ChaseKind, record_id: int, *, channel: Channel, outcome: Outcome,
                    at: datetime | None = None, note: str = "", next_at: datetime | None = None,
                    patient_id: int | None = None, record_open: bool = True) -> tuple[Attempt, Change]:
        """Record one attempt. `at` defaults to now; `next_at` to the policy's next attempt (None
        after a reached or declined outcome, or once the limit of unanswered attempts is reached).
        `record_open` False: the record is already closed (a "reached" is refused). Refused with a
        `ValidationError` naming the field; nothing is saved then."""
        now = self.ctx.clock.now()
        when = require_aware("at", at) if at is not None else now
        if next_at is not None:
            require_aware("next_at", next_at)
        clean_note = clean_text("note", note, required=False, limit=500)
        if patient_id is not None and not PatientRepository(self.ctx.conn).exists(patient_id):
            raise ValidationError("patient_id", "is not a patient in this workspace")
        attempt = Attempt(kind=kind, record_id=record_id, at=when, channel=channel, outcome=outcome,
                          by=self.ctx.user, note=clean_note, next_at=next_at, patient_id=patient_id)
        closes = outcome is Outcome.REACHED and kind in _CLOSED_WHEN_REACHED
        if kind in _CLOSED_WHEN_REACHED:  # this service's own records: checked here
            record_open = self._still_open(kind, record_id, when) and record_open
        for problem in check_attempt(attempt, now, record_open=record_open):
            raise ValidationError(problem.field, problem.message)
        with self.ctx.transaction():
            earlier = self.repo.attempts(kind, record_id)
            if kind is ChaseKind.WAITLIST_OFFER:  # one slot, several patients offered it: a count each
                earlier = [a for a in earlier if a.patient_id == patient_id]
            if next_at is None:
                attempt = replace(attempt, next_at=next_attempt(attempt, earlier, self._practice(),
                                                                self.ctx.practice_zone(), self.policy(kind)))
            attempt_id = self.repo.insert_attempt(attempt, now)
            if closes:  # the caller reached: the voicemail is returned, the callback done, at once
                self._close_reached(kind, record_id, when)
            self.ctx.audit(AuditAction.CREATE, RecordKind.CONTACT_ATTEMPT, attempt_id,
                           f"{kind.value} {record_id}: {channel.value}, {outcome.value}"
                           + (f"; {_CLOSED_WHEN_REACHED[kind]}" if closes else ""))
        return replace(attempt, id=attempt_id), Change(RecordKind.CONTACT_ATTEMPT, AuditAction.CREATE,
                                                       (attempt_id,))

    def _still_open(self, kind: ChaseKind, record_id: int, when: datetime) -> bool:
        """A voicemail not returned, a call whose callback is not done (a "reached" closes it);
        refused when the attempt is before the voicemail was left or the call was made."""
        if kind is ChaseKind.VOICEMAIL:
            vm = self.repo.voicemail(record_id)
            if vm is None:
                raise ValidationError("record_id", "is not a voicemail in this workspace")
            if when < vm.left_at:
                raise ValidationError("at", "is before the voicemail was left")
            return vm.returned_at is None
        call = CommunicationsRepository(self.ctx.conn).get_call(record_id)
        if call is None:
            raise ValidationError("record_id", "is not a call in this workspace")
        if when < call.started_at:
            raise ValidationError("at", "is before the call was made")
        return self.repo.callback_done(record_id) is None

    def _close_reached(self, kind: ChaseKind, record_id: int, when: datetime) -> None:
        """Inside the attempt's transaction: the caller was reached at `when`, by the signed-in user."""
        if kind is ChaseKind.VOICEMAIL:
            vm = self.repo.voicemail(record_id)
            assert vm is not None  # checked by `_still_open`
            self.repo.update_voicemail(replace(vm, returned_at=when, returned_by=self.ctx.user))
        else:
            self.repo.set_callback_done(record_id, when, self.ctx.user)

    def attempts(self, kind: ChaseKind, record_id: int) -> list[Attempt]:
        return self.repo.attempts(kind, record_id)

    def states(self, kind: ChaseKind, record_ids: Sequence[int]) -> dict[int, ChaseState]:
        """Where the chase of each record stands (one read); a record never attempted has an empty
        state."""
        limit = self.policy(kind).max_attempts
        found = self.repo.attempts_of(kind, record_ids)
        return {rid: ChaseState(tuple(found.get(rid, ())), limit) for rid in record_ids}

    # --- closing a chase as unreachable ------------------------------------------------------------
    def close_unreachable(self, kind: ChaseKind, record_id: int, reason: str) -> Change:
        """Stop chasing a record nobody could be reached for (the limit of attempts reached, or a
        wrong number and no other): it leaves its worklist, with the reason, by whom and when
        (audited, never the reason's words). Refused before any attempt and when already closed;
        `reopen_chase` takes it back."""
        text = clean_text("reason", reason, required=True, limit=200)
        if not self.repo.attempts(kind, record_id):
            raise ValidationError("reason", "log the attempts made first: a chase is closed as unreachable "
                                            "after trying")
        if self.repo.closure(kind, record_id) is not None:
            raise ValidationError("reason", "this chase is already closed")
        with self.ctx.transaction():
            self.repo.insert_closure(kind, record_id, text, self.ctx.user, self.ctx.clock.now())
            self.ctx.audit(AuditAction.UPDATE, RecordKind.CONTACT_ATTEMPT, f"{kind.value} {record_id}",
                           "closed as unreachable")
        return Change(RecordKind.CONTACT_ATTEMPT, AuditAction.UPDATE, (record_id,))

    def reopen_chase(self, kind: ChaseKind, record_id: int) -> Change:
        """A chase closed as unreachable is open again (Undo right after closing it, or the patient
        called back): the record is back on its worklist."""
        if self.repo.closure(kind, record_id) is None:
            raise ValidationError("reason", "this chase is not closed")
        with self.ctx.transaction():
            self.repo.delete_closure(kind, record_id)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.CONTACT_ATTEMPT, f"{kind.value} {record_id}",
                           "reopened")
        return Change(RecordKind.CONTACT_ATTEMPT, AuditAction.UPDATE, (record_id,))

    def closed(self, kind: ChaseKind, record_ids: Sequence[int]) -> set[int]:
        """Which of these records' chases are closed as unreachable (one read per 500)."""
        return self.repo.closed_of(kind, record_ids)

    # --- voicemail --------------------------------------------------------------------------------
    def _clean_voicemail(self, vm: Voicemail) -> Voicemail:
        now = self.ctx.clock.now()
        left = require_aware("left_at", vm.left_at)
        if left > now + timedelta(minutes=1):
            raise ValidationError("left_at", "is in the future")
        if vm.urgency not in _URGENCY_RANK:
            raise ValidationError("urgency", "is not an urgency")
        caller = clean_text("caller_name", vm.caller_name, required=vm.patient_id is None, limit=200)
        number = normalize_phone("number", vm.number) if vm.number.strip() else ""
        if vm.patient_id is not None and not PatientRepository(self.ctx.conn).exists(vm.patient_id):
            raise ValidationError("patient_id", "is not a patient in this workspace")
        summary = clean_text("summary", vm.summary, required=False, limit=2000)
        for name in ("heard_at", "returned_at"):
            moment = getattr(vm, name)
            if moment is not None and require_aware(name, moment) < left:
                raise ValidationError(name, "is before the voicemail was left")
        return replace(vm, left_at=left, caller_name=caller, number=number, summary=summary)

    def record_voicemail(self, vm: Voicemail) -> tuple[Voicemail, Change]:
        """A voicemail heard in the box: when it was left, who from, its urgency and what it says.
        Heard now (by the signed-in user) unless `heard_at` is given."""
        clean = self._clean_voicemail(replace(vm, id=None))
        if clean.heard_at is None:
            clean = replace(clean, heard_at=self.ctx.clock.now(), heard_by=self.ctx.user)
        with self.ctx.transaction():
            vm_id = self.repo.insert_voicemail(clean)
            self.ctx.audit(AuditAction.CREATE, RecordKind.VOICEMAIL, vm_id, clean.urgency)
        return replace(clean, id=vm_id), Change(RecordKind.VOICEMAIL, AuditAction.CREATE, (vm_id,))

    def get_voicemail(self, voicemail_id: int) -> Voicemail:
        vm = self.repo.voicemail(voicemail_id)
        if vm is None:
            raise ValidationError("voicemail_id", "is not a voicemail in this workspace")
        return replace(vm, attempts=tuple(self.repo.attempts(ChaseKind.VOICEMAIL, voicemail_id)))

    def mark_returned(self, voicemail_id: int, at: datetime | None = None) -> tuple[Voicemail, Change]:
        """The voicemail's callback is done (the caller reached, or the chase closed)."""
        vm = self.get_voicemail(voicemail_id)
        if vm.returned:
            raise ValidationError("returned_at", "this voicemail is already returned")
        when = require_aware("returned_at", at) if at is not None else self.ctx.clock.now()
        if when < vm.left_at:
            raise ValidationError("returned_at", "is before the voicemail was left")
        if when > self.ctx.clock.now() + timedelta(minutes=1):
            raise ValidationError("returned_at", "is in the future")
        updated = replace(vm, returned_at=when, returned_by=self.ctx.user)
        with self.ctx.transaction():
            self.repo.update_voicemail(updated)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.VOICEMAIL, voicemail_id, "returned")
        return updated, Change(RecordKind.VOICEMAIL, AuditAction.UPDATE, (voicemail_id,))

    def unreturned_voicemails(self) -> list[Voicemail]:
        """The Voicemail worklist: not returned yet, most urgent first, then oldest first; each with
        its attempts."""
        found = self.repo.unreturned_voicemails()
        attempts = self.repo.attempts_of(ChaseKind.VOICEMAIL, [vm.id for vm in found if vm.id is not None])
        rows = [replace(vm, attempts=tuple(attempts.get(vm.id or 0, ()))) for vm in found]
        return sorted(rows, key=lambda vm: (-_URGENCY_RANK[vm.urgency], vm.left_at, vm.id or 0))

    def returned_within(self, vm: Voicemail) -> bool | None:
        """Whether a returned voicemail was returned by the practice's response standard (the
        message callback clock of `core/rules/callbacks.py` for its urgency, with the practice's
        callback settings); None while it is not returned."""
        return returned_within(vm, *self._standard())

    def _standard(self) -> tuple[Practice, ZoneInfo, CallbackPolicy]:
        """What the response standard reads: the practice, its zone, its message callback settings."""
        return self._practice(), self.ctx.practice_zone(), self.communications.callback_policy()

    def voicemail_due(self, vm: Voicemail) -> datetime:
        return voicemail_due(vm, *self._standard())

    def check_box(self, found: int = 0) -> Change:
        """"Box checked": one audited event, with how many new voicemails were in it."""
        if not 0 <= found <= 200:
            raise ValidationError("found", "must be between 0 and 200")
        with self.ctx.transaction():
            check_id = self.repo.insert_box_check(self.ctx.clock.now(), self.ctx.user, found)
            self.ctx.audit(AuditAction.CREATE, RecordKind.VOICEMAIL_CHECK, check_id, f"{found} new")
        return Change(RecordKind.VOICEMAIL_CHECK, AuditAction.CREATE, (check_id,))

    def last_box_check(self) -> datetime | None:
        return self.repo.last_box_check()

    def box_check_due(self) -> bool:
        """The box was last checked longer ago than the practice's cadence, in business hours."""
        return box_check_due(self.repo.last_box_check(), self.ctx.clock.now(), self._practice(),
                             self.ctx.practice_zone(), self.box_check_hours())

    # --- callbacks --------------------------------------------------------------------------------
    def open_callbacks(self) -> list[Call]:
        """Calls logged "callback needed" whose callback is not done, oldest first."""
        return self.repo.open_callbacks()

    def callback_due(self, call: Call) -> datetime:
        """When a "callback needed" call is due to be called back: the routine standard from the call."""
        return standard_due(call.started_at, Urgency.ROUTINE, *self._standard())

    def mark_callback_done(self, call_id: int) -> Change:
        if CommunicationsRepository(self.ctx.conn).get_call(call_id) is None:
            raise ValidationError("call_id", "is not a call in this workspace")
        if self.repo.callback_done(call_id) is not None:
            raise ValidationError("callback_done", "this callback is already done")
        with self.ctx.transaction():
            self.repo.set_callback_done(call_id, self.ctx.clock.now(), self.ctx.user)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.CALL, call_id, "callback done")
        return Change(RecordKind.CALL, AuditAction.UPDATE, (call_id,))
