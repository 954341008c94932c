"""Referrals and prior authorisations: every referral tracked from draft to the consult report
(the loop closes only when the report is back, or with an override reason), with aging by urgency
and authorisation expiry flags; prior authorisations with their payer status and follow-ups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from vma_desk.core import history, wording
from vma_desk.core.communications import attribution
from vma_desk.core.errors import NotFoundError, ValidationError
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.core.referrals import (
    PATIENT_TOLD,
    SERVICE_DONE,
    Flag,
    PriorAuth,
    PriorAuthStatus,
    Referral,
    ReferralState,
    StateEvent,
    TellMethod,
    is_move,
    step_label,
)
from vma_desk.core.rules import referrals as rules
from vma_desk.core.rules.business_days import next_business_day
from vma_desk.core.validation import clean_text, normalize_phone
from vma_desk.services.base import ServiceContext, changed_fields, last_seen_provider
from vma_desk.services.communications import CommunicationsService
from vma_desk.storage.referrals_repository import ReferralRepository
from vma_desk.storage.repositories import (
    PatientRepository,
    PracticeRepository,
    SettingRepository,
    StaffRepository,
)

RECORD = RecordKind.REFERRAL
AUTH_RECORD = RecordKind.PRIOR_AUTH
AGING_KEYS = ("referrals.routine_days", "referrals.urgent_days", "referrals.emergency_days")
#: prior authorisations a VMA still sees after they end (denied, expired)
RECENT_DAYS = 30
#: routine prior authorisations take 3-7 days: the first follow-up is due after this many
FOLLOW_UP_DAYS = 5


@dataclass(frozen=True)
class ReferralRow:
    referral: Referral
    flags: tuple[Flag, ...]
    days_in_state: int


@dataclass(frozen=True)
class PriorAuthRow:
    auth: PriorAuth
    flags: tuple[Flag, ...]


def _latest_submissions(auths: Sequence[PriorAuth]) -> dict[tuple[int, str], date]:
    """The latest submitted date per patient and service: an older approval has been renewed."""
    latest: dict[tuple[int, str], date] = {}
    for a in auths:
        if a.status is not PriorAuthStatus.WITHDRAWN:
            key = (a.patient_id, a.service.casefold())
            latest[key] = max(latest.get(key, a.submitted_on), a.submitted_on)
    return latest


class ReferralService:
    def __init__(self, context: ServiceContext, communications: CommunicationsService) -> None:
        self.ctx = context
        self.repo = ReferralRepository(context.conn)
        self.settings = SettingRepository(context.conn)
        self.communications = communications

    # --- settings --------------------------------------------------------------------------------
    def aging_policy(self) -> rules.AgingPolicy:
        values = [self.settings.get(key) for key in AGING_KEYS]
        default = rules.AgingPolicy()
        return rules.AgingPolicy(
            routine_days=int(values[0]) if values[0] else default.routine_days,
            urgent_days=int(values[1]) if values[1] else default.urgent_days,
            emergency_days=int(values[2]) if values[2] else default.emergency_days)

    def save_aging_policy(self, policy: rules.AgingPolicy) -> Change:
        for field, days in (("routine_days", policy.routine_days), ("urgent_days", policy.urgent_days),
                            ("emergency_days", policy.emergency_days)):
            if not 1 <= days <= 90:
                raise ValidationError(field, "must be between 1 and 90 days")
        with self.ctx.transaction():
            for key, days in zip(AGING_KEYS, (policy.routine_days, policy.urgent_days, policy.emergency_days),
                                 strict=True):
                self.settings.set(key, str(days))
            self.ctx.audit(AuditAction.UPDATE, "setting", "referrals",
                           "settings: routine_days, urgent_days, emergency_days")
        return Change(RecordKind.SETTING, AuditAction.UPDATE)

    # --- referrals -------------------------------------------------------------------------------
    def get(self, referral_id: int) -> Referral:
        found = self.repo.get_referral(referral_id)
        if found is None:
            raise NotFoundError(f"Referral {referral_id} does not exist.")
        return found

    def worklist(self) -> list[ReferralRow]:
        """Every open referral with its flags and days in its state, flagged ones first."""
        rows = self.rows_for(self.repo.open_referrals())
        return sorted(rows, key=lambda row: (not row.flags, -row.days_in_state))

    def rows_for(self, referrals: Sequence[Referral]) -> list[ReferralRow]:
        """Referrals with their flags and days in their state, as the worklist shows them."""
        now, today, zone, policy = self.ctx.clock.now(), self.ctx.today(), self.ctx.practice_zone(), \
            self.aging_policy()
        return [ReferralRow(r, rules.referral_flags(r, now, today, policy),
                            rules.days_in_state(r, today, zone)) for r in referrals]

    def for_patient(self, patient_id: int) -> list[Referral]:
        return self.repo.referrals_for_patient(patient_id)

    def created_between(self, start: datetime, end: datetime) -> list[Referral]:
        return self.repo.referrals_created_between(start, end)

    def draft_from_call(self, call_id: int) -> Referral:
        """A new referral with the call's patient and notes filled in (not saved)."""
        call = self.communications.get_call(call_id)
        patient = PatientRepository(self.ctx.conn).get(call.patient_id) if call.patient_id else None
        referring = last_seen_provider(self.ctx, patient)
        return Referral(patient_id=call.patient_id or 0, referring_provider_id=referring, specialty="",
                        specialist_office="", reason=call.notes, created_at=self.ctx.clock.now(),
                        auth_required=self._plan_needs_auth(call.patient_id), call_id=call.id)

    def _plan_needs_auth(self, patient_id: int | None) -> bool:
        patient = PatientRepository(self.ctx.conn).get(patient_id) if patient_id else None
        plan = patient.insurance.plan_type if patient and patient.insurance else None
        return bool(plan and plan.needs_referral_authorisation)

    def _validated(self, referral: Referral) -> Referral:
        if not referral.patient_id or not PatientRepository(self.ctx.conn).exists(referral.patient_id):
            raise ValidationError("patient_id", "choose the patient")
        if referral.referring_provider_id not in StaffRepository(self.ctx.conn).providers():
            raise ValidationError("referring_provider_id", "choose the referring provider")
        contact = referral.specialist_contact.strip()
        if contact:
            contact = normalize_phone("specialist_contact", contact)
        if referral.call_id is not None:
            self.communications.get_call(referral.call_id)
        auth_number = " ".join(referral.auth_number.split())
        if referral.auth_valid_until is not None and not auth_number:
            raise ValidationError("auth_number", "enter the authorisation number that the date belongs to")
        return replace(
            referral,
            specialty=clean_text("specialty", referral.specialty, required=True),
            specialist_office=clean_text("specialist_office", referral.specialist_office, required=True),
            specialist_contact=contact,
            reason=clean_text("reason", referral.reason, required=True, limit=2000),
            notes=clean_text("notes", referral.notes, required=False, limit=2000),
            auth_number=auth_number,
            auth_required=referral.auth_required or self._plan_needs_auth(referral.patient_id),
            records_sent=frozenset(r.strip() for r in referral.records_sent if r.strip()))

    def create(self, referral: Referral) -> tuple[Referral, Change]:
        """Save a new referral as a draft (send it with `move`)."""
        now = self.ctx.clock.now()
        clean = self._validated(replace(referral, id=None, created_at=now, state=ReferralState.DRAFT,
                                        state_since=now))
        clean = replace(clean, events=(StateEvent(ReferralState.DRAFT.value, now, self.ctx.user, "created"),))
        with self.ctx.transaction():
            referral_id = self.repo.insert_referral(clean)
            if clean.call_id is not None:
                self.communications.repo.link(clean.call_id, RECORD, referral_id)
            self.ctx.audit(AuditAction.CREATE, RECORD, referral_id, f"urgency: {clean.urgency.value}")
        return replace(clean, id=referral_id), Change(RECORD, AuditAction.CREATE, (referral_id,))

    def update(self, referral: Referral) -> tuple[Referral, Change]:
        """Change a referral's details (office, contact, authorisation, records sent, notes); its
        state moves only with `move`."""
        if referral.id is None:
            raise ValidationError("id", "an unsaved referral cannot be updated")
        before = self.get(referral.id)
        if before.state.is_final:
            raise ValidationError("state", f"the referral is {before.state.label.lower()}")
        clean = self._validated(replace(referral, created_at=before.created_at, state=before.state,
                                        state_since=before.state_since, events=before.events,
                                        patient_id=before.patient_id, call_id=before.call_id))
        with self.ctx.transaction():
            self.repo.update_referral(clean)
            self.ctx.audit(AuditAction.UPDATE, RECORD, referral.id, changed_fields(before, clean))
        return clean, Change(RECORD, AuditAction.UPDATE, (referral.id,))

    def move(self, referral_id: int, to: ReferralState, *, note: str = "",
             appointment_at: datetime | None = None, by: str | None = None) -> tuple[Referral, Change]:
        """Move a referral on (sent, scheduled, seen, report received, closed, cancelled, declined).
        Closing without a consult report needs an override reason in `note`. `by` is who did it (the
        signed-in user unless named; the signed-in user is then kept as who recorded it)."""
        referral = self.get(referral_id)
        rules.check_referral_move(referral, to, note=note, appointment_at=appointment_at,
                                  now=self.ctx.clock.now(), zone=self.ctx.practice_zone())
        text = clean_text("note", note, required=False, limit=500)
        now = self.ctx.clock.now()
        if to is ReferralState.CLOSED and referral.state is not ReferralState.REPORT_RECEIVED:
            text = "closed without a consult report: " + text
        if appointment_at is not None:
            said = f"specialist visit {wording.when_text(appointment_at, self.ctx.practice_zone())}"
            text = f"{text} {said}" if text else said
        who, recorder = attribution(by, self.ctx.user)
        event = StateEvent(to.value, now, who, text, recorder)
        visit = appointment_at or referral.appointment_at
        if to is ReferralState.SENT:
            visit = None  # back to sent: the specialist visit is off
        updated = replace(referral, state=to, state_since=now, events=referral.events + (event,),
                          appointment_at=visit)
        override = to is ReferralState.CLOSED and referral.state is not ReferralState.REPORT_RECEIVED
        return self._save_move(updated, event, f"state: {to.value}" + ("; override" if override else ""))

    def undo_move(self, before: Referral, after: Referral | None = None) -> tuple[Referral, Change]:
        """Take back the move that took a referral on from `before` (Edit → Undo right after it): the
        referral is again as it was, and an "undo" event records that; the move itself stays in the
        history. Refused when it changed since."""
        current = self.get(before.id or 0)
        taken = history.steps_to_undo(current.events, before.events, after.events if after else None)
        what = ", ".join(step_label(e.state).lower() for e in taken)
        now = self.ctx.clock.now()
        event = StateEvent(before.state.value, now, self.ctx.user, f"took back: {what}", action=history.UNDO)
        # only what a move changes goes back: details edited since (office, notes...) stay as they are
        updated = replace(current, state=before.state, state_since=before.state_since,
                          appointment_at=before.appointment_at, events=current.events + (event,))
        return self._save_move(updated, event, f"undo: state {current.state.value} -> {before.state.value}")

    def reopen(self, referral_id: int, reason: str) -> tuple[Referral, Change]:
        """Open a closed, cancelled or declined referral again, with the reason: back to the state it
        had before (a "reopen" event; the closing stays in the history)."""
        referral = self.get(referral_id)
        if not referral.state.is_final:
            raise ValidationError("state", "is still open: only a closed referral can be reopened")
        text = history.reopen_reason(reason)
        back = ReferralState(history.state_before_closing(
            [e for e in referral.events if is_move(e)], lambda e: e.state,
            lambda s: ReferralState(s).is_final))
        now = self.ctx.clock.now()
        event = StateEvent(back.value, now, self.ctx.user, text, action=history.REOPEN)
        updated = replace(referral, state=back, state_since=now, events=referral.events + (event,))
        return self._save_move(updated, event, f"reopened: state {back.value}")

    def _save_move(self, updated: Referral, event: StateEvent, detail: str) -> tuple[Referral, Change]:
        """One step of a referral saved: the record, its event and the audit entry, together."""
        with self.ctx.transaction():
            self.repo.update_referral(updated)
            self.repo.add_referral_events(updated.id or 0, (event,))
            self.ctx.audit(AuditAction.UPDATE, RECORD, updated.id, detail)
        return updated, Change(RECORD, AuditAction.UPDATE, (updated.id or 0,))

    def mark_patient_told(self, referral_id: int, how: TellMethod | str, *, at: datetime | None = None,
                          by: str | None = None) -> tuple[Referral, Change]:
        """The "patient told" step: the patient was told about their referral (the specialist visit
        booked, or that it went out) `how` (phone, portal, letter, in person), `at` (now unless
        given) by `by` (the signed-in user unless named). It moves nothing: a history line, and
        the "patient not told" flag of a booked visit goes."""
        referral = self.get(referral_id)
        now = self.ctx.clock.now()
        when = at or now
        rules.check_patient_told(referral, str(how or ""), when, now)
        try:
            method = TellMethod(how)
        except ValueError:
            raise ValidationError("how", "choose phone, portal, letter or in person") from None
        who, recorder = attribution(by, self.ctx.user)
        event = StateEvent(PATIENT_TOLD, when, who, method.words, recorder)
        updated = replace(referral, patient_told_at=when, patient_told_by=who, patient_told_how=method.value,
                          events=referral.events + (event,))
        return self._save_move(updated, event, f"step: {PATIENT_TOLD}; how")

    # --- prior authorisations --------------------------------------------------------------------
    def get_prior_auth(self, auth_id: int) -> PriorAuth:
        found = self.repo.get_auth(auth_id)
        if found is None:
            raise NotFoundError(f"Prior authorisation {auth_id} does not exist.")
        return found

    def prior_auths(self) -> list[PriorAuthRow]:
        """The authorisations a VMA works with (waiting for the payer, recently denied, approved and
        valid or recently expired), flagged ones first."""
        today, policy = self.ctx.today(), self.aging_policy()
        since = today - timedelta(days=RECENT_DAYS)
        auths = self.repo.current_auths(since, self.ctx.clock.now() - timedelta(days=RECENT_DAYS))
        latest = _latest_submissions(auths)
        linked = self.repo.renewed([a.id for a in auths if a.id is not None])
        rows = []
        for a in auths:
            renewed = a.id in linked or \
                latest.get((a.patient_id, a.service.casefold()), a.submitted_on) > a.submitted_on
            rows.append(PriorAuthRow(a, rules.prior_auth_flags(a, today, policy, renewed=renewed)))
        return sorted(rows, key=lambda row: (not row.flags, row.auth.follow_up_on))

    def prior_auth_row(self, auth: PriorAuth) -> PriorAuthRow:
        """One authorisation read alone, flagged as the list would (a linked renewal counts)."""
        renewed = auth.id is not None and auth.id in self.repo.renewed([auth.id])
        return PriorAuthRow(auth, rules.prior_auth_flags(auth, self.ctx.today(), self.aging_policy(),
                                                         renewed=renewed))

    def prior_auths_for_patient(self, patient_id: int) -> list[PriorAuth]:
        return self.repo.auths_for_patient(patient_id)

    def default_follow_up(self, submitted_on: date) -> date:
        """Five days after submitting (routine answers take 3-7), moved to a business day."""
        day = submitted_on + timedelta(days=FOLLOW_UP_DAYS)
        practice = PracticeRepository(self.ctx.conn).get()
        if practice is not None and not practice.is_business_day(day):
            day = next_business_day(practice, day)
        return day

    def _validated_auth(self, auth: PriorAuth, previous: PriorAuthStatus | None) -> PriorAuth:
        if not auth.patient_id or not PatientRepository(self.ctx.conn).exists(auth.patient_id):
            raise ValidationError("patient_id", "choose the patient")
        if auth.submitted_on > self.ctx.today():
            raise ValidationError("submitted_on", "is in the future")
        if auth.referral_id is not None:
            self.get(auth.referral_id)
        if auth.renewal_of is not None:
            renewed = self.repo.get_auth(auth.renewal_of)
            if renewed is None or renewed.patient_id != auth.patient_id or renewed.id == auth.id:
                raise ValidationError("renewal_of", "renews no authorisation of this patient")
        if auth.service_done_on is not None and auth.service_done_on > self.ctx.today():
            raise ValidationError("service_done_on", "is in the future")
        clean = replace(auth, payer=clean_text("payer", auth.payer, required=True),
                        unit_label=clean_text("unit_label", auth.unit_label, required=False).lower(),
                        service=clean_text("service", auth.service, required=True),
                        auth_number=" ".join(auth.auth_number.split()),
                        denial_reason=clean_text("denial_reason", auth.denial_reason, required=False,
                                                 limit=500),
                        notes=clean_text("notes", auth.notes, required=False, limit=2000))
        rules.check_prior_auth(clean, previous)
        return clean

    def add_prior_auth(self, auth: PriorAuth) -> tuple[PriorAuth, Change]:
        clean = self._validated_auth(replace(auth, id=None, status=PriorAuthStatus.PENDING, units_used=0,
                                             service_done_on=None), None)
        said = "submitted"
        if clean.renewal_of is not None:
            renewed = self.get_prior_auth(clean.renewal_of)
            said = f"submitted as a renewal of {renewed.auth_number or f'#{renewed.id}'}"
        event = StateEvent(PriorAuthStatus.PENDING.value, self.ctx.clock.now(), self.ctx.user, said)
        clean = replace(clean, events=(event,))
        with self.ctx.transaction():
            auth_id = self.repo.insert_auth(clean)
            self.ctx.audit(AuditAction.CREATE, AUTH_RECORD, auth_id,
                           f"{clean.kind.value}" + ("; renewal" if clean.renewal_of is not None else ""))
        return replace(clean, id=auth_id), Change(AUTH_RECORD, AuditAction.CREATE, (auth_id,))

    def update_prior_auth(self, auth: PriorAuth, *, note: str = "",
                          by: str | None = None) -> tuple[PriorAuth, Change]:
        """Record the payer's answer (approved with number and dates, denied with a reason), an
        appeal, a new follow-up date or notes, the units or visits authorised and used so far, the
        day the authorised procedure or imaging was done; a status change, a note, units used and
        the service done are each a time-stamped event."""
        if auth.id is None:
            raise ValidationError("id", "an unsaved authorisation cannot be updated")
        before = self.get_prior_auth(auth.id)
        clean = self._validated_auth(replace(auth, events=before.events, patient_id=before.patient_id,
                                             renewal_of=before.renewal_of), before.status)
        events: tuple[StateEvent, ...] = ()
        text = clean_text("note", note, required=False, limit=500)
        now = self.ctx.clock.now()
        who, recorder = attribution(by, self.ctx.user)
        if clean.status is not before.status or text:
            # a status change, or a follow-up note under the same status ("payer: still in review")
            events += (StateEvent(clean.status.value, now, who, text, recorder),)
        if clean.units_authorised is not None and (clean.units_used, clean.units_authorised) != (
                before.units_used, before.units_authorised):
            events += (StateEvent(clean.status.value, now, who, f"{clean.units_used} of "
                                  f"{clean.units_authorised} {clean.units_word} used", recorder),)
        if clean.service_done_on is not None and clean.service_done_on != before.service_done_on:
            done = f"done {wording.date_text(clean.service_done_on)}"
            events += (StateEvent(SERVICE_DONE, now, who, done, recorder),)
        clean = replace(clean, events=before.events + events)
        with self.ctx.transaction():
            self.repo.update_auth(clean)
            self.repo.add_auth_events(auth.id, events)
            status = f"status: {clean.status.value}; " if clean.status is not before.status else ""
            self.ctx.audit(AuditAction.UPDATE, AUTH_RECORD, auth.id, status + changed_fields(before, clean))
        return clean, Change(AUTH_RECORD, AuditAction.UPDATE, (auth.id,))

    def attention_count(self, referrals: Sequence[ReferralRow] | None = None,
                        auths: Sequence[PriorAuthRow] | None = None) -> int:
        """Flagged referrals and authorisations (the Referrals tab's badge)."""
        referrals = self.worklist() if referrals is None else referrals
        auths = self.prior_auths() if auths is None else auths
        return sum(1 for row in referrals if row.flags) + sum(1 for row in auths if row.flags)
