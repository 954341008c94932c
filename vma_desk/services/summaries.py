"""The summaries behind two PDFs: one patient's communication history over a period, and the
practice's activity figures for a period. Each gathers what `core.patient_history` and
`core.activity` need with one range
query per kind of record; the core computes every line and figure."""

from __future__ import annotations

from datetime import date

from vma_desk.core.activity import (
    MAX_ACTIVITY_DAYS,
    ActivityInputs,
    ActivitySummary,
    Period,
    activity_as_of,
    activity_summary,
)
from vma_desk.core.errors import ValidationError
from vma_desk.core.patient_history import HistoryInputs, PatientHistory, patient_history
from vma_desk.services.base import ServiceContext
from vma_desk.services.communications import CommunicationsService
from vma_desk.services.practice import PracticeService
from vma_desk.services.referrals import ReferralService
from vma_desk.storage.calendar_repository import CalendarRepository
from vma_desk.storage.repositories import PatientRepository
from vma_desk.storage.summaries_repository import SummaryRepository


class SummaryService:
    def __init__(self, context: ServiceContext, *, practice: PracticeService,
                 communications: CommunicationsService, referrals: ReferralService) -> None:
        self.ctx = context
        self.practice, self.communications, self.referrals = practice, communications, referrals
        self.repo = SummaryRepository(context.conn)

    def _staff_names(self) -> dict[int, str]:
        return {s.id: s.display_name for s in self.practice.staff(active_only=False) if s.id is not None}

    def patient_history(self, patient_id: int, start: date, end: date) -> PatientHistory:
        """The patient's calls, messages, refill requests, referrals and visits of the
        practice-local days `start` to `end` (both included), in time order."""
        period = Period.checked(start, end)
        patient = PatientRepository(self.ctx.conn).get(patient_id)
        if patient is None:
            raise ValidationError("patient", "is not a patient in this workspace")
        zone, repo = self.ctx.practice_zone(), self.repo
        lo, hi = period.bounds(zone)
        return patient_history(HistoryInputs(
            patient=patient, period=period, zone=zone, now=self.ctx.clock.now(), practice=self.practice.get(),
            callback_policy=self.communications.callback_policy(), staff=self._staff_names(),
            type_names={t.code: t.name for t in CalendarRepository(self.ctx.conn).types()},
            calls=repo.patient_calls(patient_id, lo, hi), messages=repo.patient_messages(patient_id, hi),
            refills=repo.patient_refills(patient_id, hi), referrals=repo.patient_referrals(patient_id, hi),
            appointments=repo.patient_appointments(patient_id, lo, hi)))

    def activity(self, start: date, end: date) -> ActivitySummary:
        """The practice's figures for the practice-local days `start` to `end` (both included, at
        most a year): call volume, message and refill turnaround, referral aging, visit rates, the
        chasing figures and a page of figures per user who did anything in the period."""
        period = Period.checked(start, end, max_days=MAX_ACTIVITY_DAYS)
        zone, now, repo = self.ctx.practice_zone(), self.ctx.clock.now(), self.repo
        lo, hi = period.bounds(zone)
        open_then = repo.referrals_open_at(activity_as_of(period, zone, now))
        known = {r.id for r in open_then}
        reported = [r for r in repo.referrals_reported(lo, hi) if r.id not in known]
        return activity_summary(ActivityInputs(
            period=period, zone=zone, now=now, practice=self.practice.get(),
            callback_policy=self.communications.callback_policy(), aging_policy=self.referrals.aging_policy(),
            staff=self._staff_names(), calls=repo.call_facts(lo, hi), messages=repo.messages_taken(lo, hi),
            refills=repo.refills_received(lo, hi), referrals=open_then + reported,
            visits=repo.visit_facts(lo, hi), chasing=repo.chase_inputs(lo, hi)))
