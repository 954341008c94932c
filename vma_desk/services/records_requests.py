"""Records requests: releases of a patient's records (outgoing: who asked, the authorisation with its
date and expiry, what, why, sent by which secure channel and when) and records asked from a hospital,
another practice or a specialist (incoming: from whom, what, when asked, received), on a business-day
clock from the day asked (a practice setting, 5 by default); the worklist puts the late ones first.

A release is refused without the patient's valid authorisation (signed, dated no later than the day
sent, not expired then), with the reason; a release sent is a disclosure and lists on the patient's
accounting of disclosures (`disclosures`, `reports/disclosures.py`). Chasing records asked for uses
the shared attempt log (kind RECORDS_REQUEST, the request's id): this service only reads it.

Every change is one transaction with one audit entry (the step and its channel, never a name, the
items or a reason's words) and returns a `Change`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from vma_desk.core.chase import ChaseKind, ChaseState
from vma_desk.core.communications import attribution
from vma_desk.core.errors import NotFoundError, ValidationError
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.core.records_requests import (
    DEFAULT_DAYS,
    Direction,
    Problem,
    RecordsRequest,
    RequestEvent,
    RequestState,
    SecureChannel,
    Timing,
    accounting_start,
    check_authorisation,
    check_cancel,
    check_days,
    check_received,
    check_release,
    check_reopen,
    check_request,
    due_on,
    timing,
)
from vma_desk.core.rules.scheduling import local_to_utc
from vma_desk.core.validation import clean_text, require_aware
from vma_desk.services.base import ServiceContext, changed_fields
from vma_desk.services.chase import ChaseService
from vma_desk.services.practice import PracticeService
from vma_desk.storage.records_request_repository import RecordsRequestRepository
from vma_desk.storage.repositories import PatientRepository, SettingRepository

RECORD = RecordKind.RECORDS_REQUEST
DAYS_KEY = "records_requests.days"
#: a time a little ahead of the clock is taken as now (two clocks a few seconds apart)
_SLACK = timedelta(minutes=5)
_PRESSING = {Timing.LATE: 0, Timing.DUE_TODAY: 1, Timing.ON_TIME: 2, None: 3}


@dataclass(frozen=True)
class RequestRow:
    """One request as a worklist or the patient hub shows it: its due day, where it stands against
    it (None once done or cancelled) and, for records asked for, the attempts to chase them."""

    request: RecordsRequest
    due_on: date
    timing: Timing | None
    chase: ChaseState = ChaseState()

    @property
    def late(self) -> bool:
        return self.timing is Timing.LATE


def _raise(problem: Problem | None) -> None:
    if problem is not None:
        raise ValidationError(problem.field, problem.message)


class RecordsRequestService:
    def __init__(self, context: ServiceContext, *, practice: PracticeService, chase: ChaseService) -> None:
        self.ctx = context
        self.practice = practice
        self.chase = chase
        self.repo = RecordsRequestRepository(context.conn)

    # --- the business-day clock (a practice setting) ------------------------------------------------
    def settings(self) -> int:
        """The business days a request has from the day asked (`DEFAULT_DAYS` until set)."""
        raw = SettingRepository(self.ctx.conn).get(DAYS_KEY)
        return int(raw) if raw and raw.isdigit() and check_days(int(raw)) is None else DEFAULT_DAYS

    def save_settings(self, days: int) -> Change:
        _raise(check_days(days))
        with self.ctx.transaction():
            SettingRepository(self.ctx.conn).set(DAYS_KEY, str(days))
            self.ctx.audit(AuditAction.UPDATE, RecordKind.SETTING, "records_requests",
                           f"business days: {days}")
        return Change(RecordKind.SETTING, AuditAction.UPDATE)

    # --- reading ------------------------------------------------------------------------------------
    def get(self, request_id: int) -> RecordsRequest:
        found = self.repo.get(request_id)
        if found is None:
            raise NotFoundError(f"Records request {request_id} does not exist.")
        return found

    def rows(self, requests: list[RecordsRequest], today: date | None = None) -> list[RequestRow]:
        """The requests with their due days and timing on `today` (default: the practice's today),
        and the chase of the open ones asked for; in the order given."""
        day = today or self.ctx.today()
        practice, days = self.practice.get(), self.settings()
        chased = [r.id or 0 for r in requests if r.direction is Direction.INCOMING and r.is_open]
        states = self.chase.states(ChaseKind.RECORDS_REQUEST, chased) if chased else {}
        return [RequestRow(r, due_on(r, practice, days), timing(r, day, practice, days),
                           states.get(r.id or 0, ChaseState())) for r in requests]

    def open_requests(self, today: date | None = None) -> list[RequestRow]:
        """The worklist: every open request, late first, then due today, then by due day."""
        rows = self.rows(self.repo.open_requests(), today)
        return sorted(rows, key=lambda row: (_PRESSING[row.timing], row.due_on, row.request.id or 0))

    def late(self, today: date | None = None) -> list[RequestRow]:
        """The open requests past their due day on `today`, the longest late first."""
        return [row for row in self.open_requests(today) if row.late]

    def of_patient(self, patient_id: int) -> list[RequestRow]:
        """A patient's requests, newest asked first (the patient hub)."""
        return self.rows(self.repo.of_patient(patient_id))

    def open_loops(self, patient_id: int) -> list[tuple[str, str]]:
        """The patient hub's lines: each open request ("Records release", "to Acme Insurance · due
        03/09 · late")."""
        lines = []
        for row in self.of_patient(patient_id):
            request = row.request
            if not request.is_open:
                continue
            outgoing = request.direction is Direction.OUTGOING
            kind = "Records release" if outgoing else "Records asked for"
            where = f"to {request.party}" if outgoing else f"from {request.party}"
            state = f" · {row.timing.label.lower()}" if row.timing is not None else ""
            lines.append((kind, f"{where} · due {row.due_on:%m/%d}{state}"))
        return lines

    def disclosures(self, patient_id: int, start: date | None = None,
                    end: date | None = None) -> list[RecordsRequest]:
        """Every release of the patient's records sent from `start` to `end` (practice-local days,
        both included; default: the six years up to today), oldest first: date sent, to whom,
        what, why and the channel are on each."""
        if not PatientRepository(self.ctx.conn).exists(patient_id, include_deleted=True):
            raise NotFoundError(f"Patient {patient_id} does not exist.")
        last = end or self.ctx.today()
        first = start or accounting_start(last)
        if last < first:
            raise ValidationError("end", "must not be before the start")
        zone = self.ctx.practice_zone()
        after = last + timedelta(days=1)
        return self.repo.sent_to_others(patient_id, local_to_utc(datetime.combine(first, time(0)), zone),
                                        local_to_utc(datetime.combine(after, time(0)), zone))

    # --- recording --------------------------------------------------------------------------------
    def _clean(self, request: RecordsRequest) -> RecordsRequest:
        """The texts trimmed and every rule checked; refused with the first problem."""
        if not isinstance(request.direction, Direction):
            raise ValidationError("direction", "is required: a release, or records asked for")
        if not request.patient_id or not PatientRepository(self.ctx.conn).exists(request.patient_id):
            raise ValidationError("patient_id", "choose the patient")
        # one line each for who and why; what may run over a few lines (its limit checked by the rules)
        clean = replace(request, party=" ".join(request.party.split()), items=request.items.strip(),
                        purpose=" ".join(request.purpose.split()))
        for problem in check_request(clean, self.ctx.today()):
            _raise(problem)
        return clean

    def add(self, request: RecordsRequest) -> tuple[RecordsRequest, Change]:
        """Record a new request, open, on the clock from `asked_on`. A release may carry its
        authorisation already (or get it later: `record_authorisation`)."""
        now = self.ctx.clock.now()
        clean = self._clean(replace(request, id=None, state=RequestState.OPEN, channel=None, sent_at=None,
                                    sent_by="", received_at=None, received_by="", closed_reason=""))
        event = RequestEvent(RequestState.OPEN, now, self.ctx.user, "asked")
        clean = replace(clean, created_at=now, created_by=self.ctx.user, events=(event,))
        with self.ctx.transaction():
            request_id = self.repo.insert(clean)
            authorised = "; authorisation on file" if clean.authorization_on else ""
            self.ctx.audit(AuditAction.CREATE, RECORD, request_id,
                           f"created: {clean.direction.value}{authorised}")
        return replace(clean, id=request_id), Change(RECORD, AuditAction.CREATE, (request_id,))

    def update(self, request: RecordsRequest) -> tuple[RecordsRequest, Change]:
        """Correct an open request's party, items, purpose, day asked or authorisation dates. The
        direction and the patient stay (a wrong one is closed and recorded again)."""
        current = self.get(request.id or 0)
        if not current.is_open:
            raise ValidationError("state", f"is {current.state.value}: only an open request is corrected")
        if request.direction is not current.direction or request.patient_id != current.patient_id:
            raise ValidationError("direction" if request.direction is not current.direction else "patient_id",
                                  "cannot change: close this request and record a new one")
        updated = self._clean(replace(current, party=request.party, items=request.items,
                                      purpose=request.purpose, asked_on=request.asked_on,
                                      authorization_on=request.authorization_on,
                                      authorization_expires=request.authorization_expires))
        detail = changed_fields(current, updated)
        if not detail:
            return current, Change(RECORD, AuditAction.UPDATE, (current.id or 0,))
        with self.ctx.transaction():
            self.repo.update(updated)
            self.ctx.audit(AuditAction.UPDATE, RECORD, updated.id, detail)
        return updated, Change(RECORD, AuditAction.UPDATE, (updated.id or 0,))

    def _save(self, updated: RecordsRequest, event: RequestEvent,
              detail: str) -> tuple[RecordsRequest, Change]:
        updated = replace(updated, events=updated.events + (event,))
        with self.ctx.transaction():
            self.repo.update(updated)
            self.repo.add_events(updated.id or 0, (event,))
            self.ctx.audit(AuditAction.UPDATE, RECORD, updated.id, detail)
        return updated, Change(RECORD, AuditAction.UPDATE, (updated.id or 0,))

    def record_authorisation(self, request_id: int, signed_on: date,
                             expires_on: date) -> tuple[RecordsRequest, Change]:
        """The patient's signed authorisation for a release: the day it was signed and the day it
        expires (both required; an earlier one is replaced)."""
        request = self.get(request_id)
        if request.direction is not Direction.OUTGOING:
            raise ValidationError("direction", "is records asked for: an authorisation is for a release")
        if not request.is_open:
            raise ValidationError("state", f"is {request.state.value}: only an open release is authorised")
        if signed_on is None:
            raise ValidationError("authorization_on", "is required: enter the day it was signed")
        if expires_on is None:
            raise ValidationError("authorization_expires",
                                  "is required: an authorisation says when it expires")
        for problem in check_authorisation(signed_on, expires_on, self.ctx.today()):
            _raise(problem)
        updated = replace(request, authorization_on=signed_on, authorization_expires=expires_on)
        event = RequestEvent(RequestState.OPEN, self.ctx.clock.now(), self.ctx.user, "authorisation recorded")
        return self._save(updated, event, "authorisation recorded")

    def _when(self, at: datetime | None, request: RecordsRequest) -> datetime:
        """When a step was done: now unless given; not in the future, nor before the day asked."""
        now = self.ctx.clock.now()
        when = require_aware("at", at) if at is not None else now
        if when > now + _SLACK:
            raise ValidationError("at", "cannot be in the future: enter when it was done")
        if when.astimezone(self.ctx.practice_zone()).date() < request.asked_on:
            raise ValidationError("at", "is before the day the request was asked")
        return when

    def mark_sent(self, request_id: int, channel: SecureChannel | None, *, at: datetime | None = None,
                  by: str | None = None) -> tuple[RecordsRequest, Change]:
        """The release went out by `channel` at `at` (default now), by `by` (default the signed-in
        user, who is then kept as who recorded it). Refused without a valid authorisation on the
        day it is sent, with the reason; nothing is saved then."""
        request = self.get(request_id)
        if not isinstance(channel, SecureChannel):
            raise ValidationError("channel", "is required: choose the secure way the records were sent")
        when = self._when(at, request)
        _raise(check_release(request, when.astimezone(self.ctx.practice_zone()).date()))
        who, recorder = attribution(by, self.ctx.user)
        updated = replace(request, state=RequestState.SENT, channel=channel, sent_at=when, sent_by=who)
        event = RequestEvent(RequestState.SENT, when, who, channel.label, recorder)
        return self._save(updated, event, f"sent: {channel.value}")

    def mark_received(self, request_id: int, *, at: datetime | None = None,
                      by: str | None = None) -> tuple[RecordsRequest, Change]:
        """The records asked for came in at `at` (default now): the request is done, its chase over."""
        request = self.get(request_id)
        _raise(check_received(request))
        when = self._when(at, request)
        who, recorder = attribution(by, self.ctx.user)
        updated = replace(request, state=RequestState.RECEIVED, received_at=when, received_by=who)
        event = RequestEvent(RequestState.RECEIVED, when, who, "", recorder)
        return self._save(updated, event, "received")

    def close(self, request_id: int, reason: str) -> tuple[RecordsRequest, Change]:
        """Close an open request without it being done (withdrawn, the authorisation revoked, a
        duplicate, the other office has no records), with the reason."""
        request = self.get(request_id)
        text = " ".join((reason or "").split())
        _raise(check_cancel(request, text))
        updated = replace(request, state=RequestState.CANCELLED, closed_reason=text)
        event = RequestEvent(RequestState.CANCELLED, self.ctx.clock.now(), self.ctx.user, text)
        return self._save(updated, event, "cancelled")

    def reopen(self, request_id: int, reason: str) -> tuple[RecordsRequest, Change]:
        """Open a cancelled request, or records received that were not the ones asked for, again,
        with the reason: back on the worklist, on its clock from the day first asked. A release sent
        is refused (it is a disclosure)."""
        request = self.get(request_id)
        _raise(check_reopen(request))
        text = clean_text("reason", reason, required=True, limit=500)
        updated = replace(request, state=RequestState.OPEN, closed_reason="", received_at=None,
                          received_by="")
        event = RequestEvent(RequestState.OPEN, self.ctx.clock.now(), self.ctx.user, text, action="reopen")
        return self._save(updated, event, f"reopened from {request.state.value}")
