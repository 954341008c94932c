"""Calls, messages and search: the call log, "while you were out" messages with their life cycle
and callback clock, red-flag escalation, and one search over both."""

from __future__ import annotations

import heapq
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from vma_desk.core import history
from vma_desk.core.communications import (
    Call,
    CallOutcome,
    CallReason,
    Message,
    MessageEvent,
    MessageState,
    SearchHit,
    Urgency,
    attribution,
    route_call,
)
from vma_desk.core.errors import NotFoundError, ValidationError
from vma_desk.core.records import AuditAction, Change, RecordKind, StaffMember
from vma_desk.core.rules import callbacks, escalation
from vma_desk.core.rules import search as search_rules
from vma_desk.core.rules.scheduling import local_to_utc
from vma_desk.core.validation import clean_text, format_phone, normalize_phone, require_aware
from vma_desk.services.base import ServiceContext, record_search
from vma_desk.storage.communications_repository import CommunicationsRepository, digit_forms
from vma_desk.storage.repositories import (
    PatientRepository,
    PracticeRepository,
    SettingRepository,
    StaffRepository,
)

RED_FLAGS_KEY = "escalation.phrases"
STEP_KEY = "escalation.step"
URGENT_KEY = "messages.urgent_minutes"
EMERGENCY_KEY = "messages.emergency_minutes"
CLOSE_KEY = "messages.close_time"
DEFAULT_STEP = ("Transfer the caller to the on-site nurse now. If no nurse can take the call, or the "
                "caller describes an emergency, tell them to hang up and call 911.")
MAX_CALL_SECONDS = 4 * 3600
#: a search reads at most this many of the newest matches to rank them (a word in 17,000 notes of a
#: 5-year workspace would take seconds to read whole); the best of those are shown
SEARCH_READS = 1000


@dataclass(frozen=True)
class Escalation:
    """What the red-flag check found in a text, and what the practice says to do."""

    hits: tuple[escalation.RedFlagHit, ...]
    step: str

    @property
    def found(self) -> bool:
        return bool(self.hits)


def call_index_text(call: Call, patient_name: str) -> str:
    """What the search index holds for a call (the demo generator indexes its calls with it too)."""
    return " ".join([call.caller_name, *digit_forms(call.number), patient_name, call.reason.label,
                     call.notes, call.escalation_action])


def message_index_text(m: Message, patient_name: str) -> str:
    """What the search index holds for a message."""
    return " ".join([m.caller_name, *digit_forms(m.contact_number), patient_name, m.reason, m.questions,
                     m.escalation_action])


class CommunicationsService:
    def __init__(self, context: ServiceContext) -> None:
        self.ctx = context
        self.repo = CommunicationsRepository(context.conn)
        self.settings = SettingRepository(context.conn)

    # --- settings --------------------------------------------------------------------------------
    def red_flag_phrases(self) -> tuple[str, ...]:
        custom = self.settings.get(RED_FLAGS_KEY)
        if not custom:
            return escalation.DEFAULT_RED_FLAGS
        return tuple(line.strip() for line in custom.splitlines() if line.strip())

    def escalation_step(self) -> str:
        return self.settings.get(STEP_KEY) or DEFAULT_STEP

    def check_red_flags(self, *texts: str) -> Escalation:
        hits: list[escalation.RedFlagHit] = []
        phrases = self.red_flag_phrases()
        for text in texts:
            hits += escalation.check(text or "", phrases)
        return Escalation(tuple(hits), self.escalation_step())

    def save_settings(self, *, red_flags: Sequence[str], step: str,
                      policy: callbacks.CallbackPolicy) -> Change:
        """The practice's red-flag list, escalation step and callback clock, all or nothing."""
        phrases = [line.strip() for line in red_flags if line.strip()]
        if not phrases:
            raise ValidationError("red_flags", "keep at least one red-flag phrase")
        escalation.validate_phrases(phrases)
        step_text = clean_text("escalation_step", step, required=True, limit=500)
        if not 0 <= policy.emergency_minutes <= 60:
            raise ValidationError("emergency_minutes", "must be between 0 and 60")
        if not 5 <= policy.urgent_minutes <= 8 * 60:
            raise ValidationError("urgent_minutes", "must be between 5 minutes and 8 hours")
        with self.ctx.transaction():
            self.settings.set(RED_FLAGS_KEY, "\n".join(phrases))
            self.settings.set(STEP_KEY, step_text)
            self.settings.set(EMERGENCY_KEY, str(policy.emergency_minutes))
            self.settings.set(URGENT_KEY, str(policy.urgent_minutes))
            self.settings.set(CLOSE_KEY, policy.close_time.isoformat("minutes"))
            self.ctx.audit(AuditAction.UPDATE, "setting", "messages", "settings: red_flags, escalation_step, "
                           "emergency_minutes, urgent_minutes, close_time")
        return Change(RecordKind.SETTING, AuditAction.UPDATE)

    def callback_policy(self) -> callbacks.CallbackPolicy:
        close = self.settings.get(CLOSE_KEY)
        return callbacks.CallbackPolicy(
            emergency_minutes=int(self.settings.get(EMERGENCY_KEY) or 0),
            urgent_minutes=int(self.settings.get(URGENT_KEY) or 60),
            close_time=time.fromisoformat(close) if close else time(17, 0),
        )

    # --- routing ---------------------------------------------------------------------------------
    def route_for(self, reason: CallReason, *, provider_id: int | None = None,
                  urgent_medical: bool = False) -> StaffMember | None:
        """Who receives a call about `reason` by the practice's routing rules (`route_call`):
        clinical calls only to clinical staff, the patient's provider's own staff first."""
        return route_call(reason, StaffRepository(self.ctx.conn).all(), provider_id=provider_id,
                          urgent_medical=urgent_medical)

    # --- calls -----------------------------------------------------------------------------------
    def _call_text(self, call: Call) -> str:
        return call_index_text(call, self._patient_name(call.patient_id))

    def _patient_name(self, patient_id: int | None) -> str:
        if patient_id is None:
            return ""
        patient = PatientRepository(self.ctx.conn).get(patient_id)
        return f"{patient.first_name} {patient.last_name}" if patient else ""

    def _validate_call(self, call: Call) -> Call:
        caller = clean_text("caller_name", call.caller_name, required=True)
        number = normalize_phone("number", call.number) if call.number.strip() else ""
        if call.patient_id is not None and not PatientRepository(self.ctx.conn).exists(call.patient_id):
            raise ValidationError("patient_id", "is not a patient in this workspace")
        if not 0 <= call.duration_seconds <= MAX_CALL_SECONDS:
            raise ValidationError("duration_seconds", "must be between 0 and 4 hours")
        if require_aware("started_at", call.started_at) > self.ctx.clock.now() + timedelta(minutes=5):
            raise ValidationError("started_at", "is in the future")
        if call.routed_to is not None and call.routed_to not in {s.id for s in
                                                                 StaffRepository(self.ctx.conn).all()}:
            raise ValidationError("routed_to", "is not on the staff list")
        notes = clean_text("notes", call.notes, required=False, limit=4000)
        found = self.check_red_flags(notes)
        action = " ".join(call.escalation_action.split())
        if found.found and not action:
            raise ValidationError("escalation_action",
                                  f"the notes mention \"{found.hits[0].said}\": say what was done")
        outcome = CallOutcome.ESCALATED if found.found else call.outcome
        return replace(call, caller_name=caller, number=number, notes=notes, escalation_action=action,
                       outcome=outcome, taken_by=call.taken_by or self.ctx.user)

    def log_call(self, call: Call) -> tuple[Call, Change]:
        clean = self._validate_call(replace(call, id=None))
        with self.ctx.transaction():
            call_id = self.repo.insert_call(clean, self._call_text(clean))
            self.ctx.audit(AuditAction.CREATE, RecordKind.CALL, call_id,
                           "escalated" if clean.escalation_action else "")
        return replace(clean, id=call_id), Change(RecordKind.CALL, AuditAction.CREATE, (call_id,))

    def update_call(self, call: Call) -> tuple[Call, Change]:
        if call.id is None or self.repo.get_call(call.id) is None:
            raise NotFoundError("That call does not exist.")
        clean = self._validate_call(call)
        with self.ctx.transaction():
            self.repo.update_call(clean, self._call_text(clean))
            self.ctx.audit(AuditAction.UPDATE, RecordKind.CALL, call.id)
        return clean, Change(RecordKind.CALL, AuditAction.UPDATE, (call.id,))

    def get_call(self, call_id: int) -> Call:
        call = self.repo.get_call(call_id)
        if call is None:
            raise NotFoundError(f"Call {call_id} does not exist.")
        return call

    def calls_on(self, day: date, *, reason: CallReason | None = None,
                 routed_to: int | None = None) -> list[Call]:
        """One practice-local day's calls, newest first."""
        zone = self.ctx.practice_zone()
        start = local_to_utc(datetime.combine(day, time(0)), zone)
        end = local_to_utc(datetime.combine(day + timedelta(days=1), time(0)), zone)
        return self.repo.calls_between(start, end, reason=reason, routed_to=routed_to)

    def links(self, call_id: int) -> list[tuple[str, int]]:
        """What became of a call: ("message", id), ("appointment", id)..."""
        return self.repo.links(call_id)

    def links_of(self, call_ids: Sequence[int]) -> dict[int, list[tuple[str, int]]]:
        """`links` of several calls (a day of the call log) in one read."""
        return self.repo.links_of(call_ids)

    def link_call(self, call_id: int, kind: RecordKind, record_id: int) -> Change:
        """Say that the call became the record `kind` `record_id` (a message, an appointment...)."""
        self.get_call(call_id)
        with self.ctx.transaction():
            self.repo.link(call_id, kind, record_id)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.CALL, call_id, f"linked {kind} {record_id}")
        return Change(RecordKind.CALL, AuditAction.UPDATE, (call_id,))

    def calls_linked_to(self, kind: RecordKind, record_id: int) -> list[int]:
        return self.repo.calls_linked_to(kind, record_id)

    # --- messages --------------------------------------------------------------------------------
    def _message_text(self, m: Message) -> str:
        return message_index_text(m, self._patient_name(m.patient_id))

    def take_message(self, message: Message) -> tuple[Message, Change]:
        """Record a new message (from a call or not); red flags make it an emergency and need
        the action taken."""
        now = self.ctx.clock.now()
        caller = clean_text("caller_name", message.caller_name, required=True)
        number = normalize_phone("contact_number", message.contact_number)
        reason = clean_text("reason", message.reason, required=True, limit=2000)
        questions = clean_text("questions", message.questions, required=False, limit=2000)
        if message.patient_id is not None and not PatientRepository(self.ctx.conn).exists(message.patient_id):
            raise ValidationError("patient_id", "is not a patient in this workspace")
        if message.recipient_id not in {s.id for s in StaffRepository(self.ctx.conn).all() if s.active}:
            raise ValidationError("recipient_id", "choose who receives the message")
        if message.callback_at is not None and \
                require_aware("callback_at", message.callback_at) < now - timedelta(minutes=1):
            raise ValidationError("callback_at", "is in the past")
        if message.call_id is not None and self.repo.get_call(message.call_id) is None:
            raise ValidationError("call_id", "is not a logged call")
        urgency, action = message.urgency, " ".join(message.escalation_action.split())
        found = self.check_red_flags(reason, questions)
        if found.found:
            urgency = Urgency.EMERGENCY
            new = self._new_red_flags(message.call_id, found)
            if not action and not new:
                action = self.get_call(message.call_id or 0).escalation_action  # done on the call
            if not action:
                said = next(hit.said for hit in found.hits if hit.phrase in new)
                raise ValidationError("escalation_action",
                                      f"the message mentions \"{said}\": say what was done")
        clean = replace(message, id=None, caller_name=caller, contact_number=number, reason=reason,
                        questions=questions, urgency=urgency, escalation_action=action, created_at=now,
                        state=MessageState.NEW, events=(MessageEvent(MessageState.NEW, now, self.ctx.user),))
        with self.ctx.transaction():
            message_id = self.repo.insert_message(clean, self._message_text(clean))
            if clean.call_id is not None:
                self.repo.link(clean.call_id, RecordKind.MESSAGE, message_id)
            self.ctx.audit(AuditAction.CREATE, RecordKind.MESSAGE, message_id,
                           f"urgency: {urgency.value}" + ("; escalated" if action else ""))
        return replace(clean, id=message_id), Change(RecordKind.MESSAGE, AuditAction.CREATE, (message_id,))

    def _new_red_flags(self, call_id: int | None, found: Escalation) -> tuple[str, ...]:
        """The red flags `found` in a message that its call did not escalate already: all of them
        when it was taken from no call or from a call without an escalation."""
        phrases = tuple(dict.fromkeys(hit.phrase for hit in found.hits))
        call = self.repo.get_call(call_id) if call_id is not None else None
        if call is None or not call.escalation_action:
            return phrases
        on_call = {hit.phrase for hit in self.check_red_flags(call.notes).hits}
        return tuple(p for p in phrases if p not in on_call)

    def new_red_flags(self, call_id: int | None, *texts: str) -> tuple[str, ...]:
        """The red flags in a message's texts that its call's escalation did not cover (what the
        message form must ask "What was done?" about)."""
        return self._new_red_flags(call_id, self.check_red_flags(*texts))

    def message_from_call(self, call_id: int, **fields: Any) -> Message:  # Message's fields (replace checks)
        """A draft message with the call's caller, number and patient filled in (not saved); from an
        escalated call, an emergency carrying what was done on the call (not asked again)."""
        call = self.get_call(call_id)
        recipient = self.route_for(call.reason)
        draft = Message(caller_name=call.caller_name, contact_number=call.number,
                        patient_id=call.patient_id, reason=call.notes, call_id=call.id,
                        recipient_id=call.routed_to or (recipient.id if recipient else 0) or 0,
                        created_at=self.ctx.clock.now(), escalation_action=call.escalation_action,
                        urgency=Urgency.EMERGENCY if call.escalation_action else Urgency.ROUTINE)
        return replace(draft, **fields)

    def get_message(self, message_id: int) -> Message:
        message = self.repo.get_message(message_id)
        if message is None:
            raise NotFoundError(f"Message {message_id} does not exist.")
        return message

    def advance(self, message_id: int, to: MessageState, *, by: str | None = None) -> tuple[Message, Change]:
        """Move a message along new → delivered → acknowledged → callback done → closed, one step
        or several at once (each step is time-stamped); never backwards. `by` is who did it (the
        signed-in user unless named); when it names someone else, the signed-in user is kept as who
        recorded it."""
        message = self.get_message(message_id)
        order = list(MessageState)
        if order.index(to) <= order.index(message.state):
            raise ValidationError("state", f"is already {message.state.label.lower()}")
        now, (who, recorder) = self.ctx.clock.now(), attribution(by, self.ctx.user)
        steps = order[order.index(message.state) + 1: order.index(to) + 1]
        events = tuple(MessageEvent(step, now, who, recorder) for step in steps)
        updated = replace(message, state=to, events=message.events + events)
        return self._save_step(updated, events, f"state: {to.value}")

    def _save_step(self, updated: Message, events: tuple[MessageEvent, ...], detail: str
                   ) -> tuple[Message, Change]:
        """A message's step(s) saved: the record, its events and the audit entry, together."""
        with self.ctx.transaction():
            self.repo.update_message(updated)
            self.repo.add_events(updated.id or 0, events)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.MESSAGE, updated.id, detail)
        return updated, Change(RecordKind.MESSAGE, AuditAction.UPDATE, (updated.id or 0,))

    def undo_step(self, before: Message, after: Message | None = None) -> tuple[Message, Change]:
        """Take back the step(s) that moved a message on from `before` (Edit → Undo right after
        it): the message returns to its earlier state, and an "undo" event records that; the step
        itself stays in the history. Refused when the message changed since."""
        current = self.get_message(before.id or 0)
        taken = history.steps_to_undo(current.events, before.events, after.events if after else None)
        what = ", ".join(e.state.label.lower() for e in taken)
        event = MessageEvent(before.state, self.ctx.clock.now(), self.ctx.user, note=f"took back: {what}",
                             action=history.UNDO)
        updated = replace(current, state=before.state, events=current.events + (event,))
        detail = f"undo: state {current.state.value} -> {before.state.value}"
        return self._save_step(updated, (event,), detail)

    def reopen(self, message_id: int, reason: str) -> tuple[Message, Change]:
        """Open a closed message again, with the reason: it returns to the state it had before it
        was closed (a "reopen" event; the closing stays in the history)."""
        message = self.get_message(message_id)
        if message.state is not MessageState.CLOSED:
            raise ValidationError("state", "is not closed: only a closed message can be reopened")
        text = history.reopen_reason(reason)
        back = MessageState(history.state_before_closing(
            message.events, lambda e: e.state.value, lambda s: s == MessageState.CLOSED.value))
        event = MessageEvent(back, self.ctx.clock.now(), self.ctx.user, note=text, action=history.REOPEN)
        updated = replace(message, state=back, events=message.events + (event,))
        return self._save_step(updated, (event,), f"reopened: state {back.value}")

    def open_messages(self) -> list[Message]:
        return self.repo.open_messages()

    def messages_closed_on(self, day: date) -> list[Message]:
        """Messages closed on one practice-local day (the Messages tab's "Closed today")."""
        zone = self.ctx.practice_zone()
        start = local_to_utc(datetime.combine(day, time(0)), zone)
        end = local_to_utc(datetime.combine(day + timedelta(days=1), time(0)), zone)
        return self.repo.messages_closed_between(start, end)

    def callback_due(self, message: Message) -> datetime:
        practice = PracticeRepository(self.ctx.conn).get()
        assert practice is not None
        return callbacks.callback_due(message, practice, self.ctx.practice_zone(), self.callback_policy())

    def overdue(self, messages: list[Message] | None = None) -> list[Message]:
        practice = PracticeRepository(self.ctx.conn).get()
        if practice is None:
            return []
        now, zone, policy = self.ctx.clock.now(), self.ctx.practice_zone(), self.callback_policy()
        pool = self.open_messages() if messages is None else messages
        return [m for m in pool if callbacks.is_overdue(m, now, practice, zone, policy)]

    # --- search ----------------------------------------------------------------------------------
    def record_search(self, where: str, results: int) -> None:
        """Audit that a search of calls and messages was made (once per search the user ran, not
        per keystroke; the caller decides when), never its words."""
        record_search(self.ctx, "calls_and_messages", where, results)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Calls and messages holding every word typed, best first (`core.rules.search`): the words
        said together, then said apart, then only under a negation; newer above older in each."""
        match = fts_query(text)
        if not match:
            return []
        words = search_rules.terms(match)
        query = self.repo.spelled_out(match)  # the same rows, read sooner
        if not query:
            return []
        batch = max(limit, 1)  # as many as the ranking reads when they all say the words together
        newest = heapq.merge(self.repo.search(query, "call", batch),
                             self.repo.search(query, "message", batch), key=lambda f: f[2], reverse=True)
        found = search_rules.ranked_at(words, itertools.islice(newest, SEARCH_READS), text=lambda f: f[3],
                                       at=lambda f: f[2], limit=limit, newest_first=True)
        titles = {kind: self.repo.hit_titles(kind, [f[1] for f, _where in found if f[0] == kind])
                  for kind in ("call", "message")}  # one read per kind, not one per hit
        hits = []
        for rank, ((kind, record_id, _at, body), where) in enumerate(found):
            title = titles[kind].get(record_id)
            if title is None:
                continue
            at, caller_name, detail = title
            snippet = search_rules.snippet_at(body, words, where)  # where the ranking found the words
            if kind == "call":
                number = f" · {format_phone(detail)}" if detail else ""
                hits.append(SearchHit("call", record_id, at, f"Call · {caller_name}{number}", snippet,
                                      float(rank)))
            else:
                urgency = Urgency(detail).value.capitalize()
                hits.append(SearchHit("message", record_id, at, f"Message · {caller_name} · {urgency}",
                                      snippet, float(rank)))
        return hits


def fts_query(text: str) -> str:
    """What a person types -> an FTS5 query: each word a prefix term, all required; a phone
    number typed with any punctuation becomes one digit term."""
    text = text.strip()
    if not text:
        return ""
    digits = re.sub(r"\D", "", text)
    if len(digits) >= 4 and len(digits) >= len(re.sub(r"[\s()+.\-]", "", text)):
        if len(digits) == 11 and digits.startswith("1"):
            digits = digits[1:]
        return f'"{digits}"*'
    words = re.findall(r"\w+", text.lower())
    return " ".join(f'"{w}"*' for w in words)
