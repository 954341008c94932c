"""Read-only queries for the summaries: one patient's records up to a moment, and the practice's
records of a period. Every query is a range on an indexed time column (per patient on the
(patient_id, time) indexes); a record's events come with it in one more query per 500 records,
never one per row. Rows become records through the owning repositories' own mappings.
"""

from __future__ import annotations

from datetime import date, datetime

from vma_desk.core.activity import (
    BoxCheckFact,
    CallbackCallFact,
    CallFact,
    ChaseInputs,
    FollowUpFact,
    FreedSlotFact,
    GapDoneFact,
    LaterVisitFact,
    NoShowFact,
    VisitFact,
)
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import ChaseKind
from vma_desk.core.communications import Call, CallOutcome, Direction, Message
from vma_desk.core.records import ContactMethod
from vma_desk.core.referrals import Referral
from vma_desk.core.refills import RefillRequest
from vma_desk.storage.calendar_repository import APPOINTMENT_COLUMNS, appointment_from_row, from_ts, to_ts
from vma_desk.storage.chase_repository import ChaseRepository
from vma_desk.storage.communications_repository import CALL_COLUMNS, CommunicationsRepository, call_from_row
from vma_desk.storage.database import Db
from vma_desk.storage.referrals_repository import ReferralRepository
from vma_desk.storage.refills_repository import RefillRepository


class SummaryRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn
        self._messages = CommunicationsRepository(conn)
        self._refills = RefillRepository(conn)
        self._referrals = ReferralRepository(conn)
        self._chase = ChaseRepository(conn)

    # --- one patient -----------------------------------------------------------------------------
    def patient_calls(self, patient_id: int, start: datetime, end: datetime) -> list[Call]:
        return [call_from_row(r) for r in self.conn.execute(
            f"SELECT id, {CALL_COLUMNS} FROM call WHERE patient_id = ? AND started_ts >= ?"
            " AND started_ts < ? ORDER BY started_ts, id", (patient_id, to_ts(start), to_ts(end)))]

    def patient_appointments(self, patient_id: int, start: datetime, end: datetime) -> list[Appointment]:
        """The patient's visits starting in [start, end), cancelled ones too."""
        return [appointment_from_row(r) for r in self.conn.execute(
            f"SELECT id, {APPOINTMENT_COLUMNS} FROM appointment WHERE patient_id = ? AND start_ts >= ?"
            " AND start_ts < ? ORDER BY start_ts, id", (patient_id, to_ts(start), to_ts(end)))]

    def patient_messages(self, patient_id: int, end: datetime) -> list[Message]:
        """The patient's messages taken before `end`, with their events."""
        return self._messages.messages_for_patient_before(patient_id, end)

    def patient_refills(self, patient_id: int, end: datetime) -> list[RefillRequest]:
        return self._refills.for_patient_before(patient_id, end)

    def patient_referrals(self, patient_id: int, end: datetime) -> list[Referral]:
        return self._referrals.referrals_for_patient_before(patient_id, end)

    # --- the practice over a period --------------------------------------------------------------
    def call_facts(self, start: datetime, end: datetime) -> list[CallFact]:
        """When each call of [start, end) began, which way it went and who took it; nothing else."""
        return [CallFact(from_ts(ts), Direction(direction), taken_by)
                for ts, direction, taken_by in self.conn.execute(
                    "SELECT started_ts, direction, taken_by FROM call"
                    " WHERE started_ts >= ? AND started_ts < ?",
                    (to_ts(start), to_ts(end)))]

    def messages_taken(self, start: datetime, end: datetime) -> list[Message]:
        return self._messages.messages_between(start, end)

    def refills_received(self, start: datetime, end: datetime) -> list[RefillRequest]:
        return self._refills.received_between(start, end)

    def referrals_open_at(self, moment: datetime) -> list[Referral]:
        return self._referrals.open_at(moment)

    def referrals_reported(self, start: datetime, end: datetime) -> list[Referral]:
        return self._referrals.reported_between(start, end)

    def visit_facts(self, start: datetime, end: datetime) -> list[VisitFact]:
        """The visits starting in [start, end), cancelled ones too, as the rates need them."""
        return [VisitFact(provider, from_ts(ts), VisitStatus(status),
                          ContactMethod(method) if method else None, bool(late))
                for provider, ts, status, method, late in self.conn.execute(
                    "SELECT provider_id, start_ts, status, confirmation_method, late_cancel FROM appointment"
                    " WHERE start_ts >= ? AND start_ts < ?", (to_ts(start), to_ts(end)))]

    # --- chasing over a period ---------------------------------------------------------------------
    def chase_inputs(self, start: datetime, end: datetime) -> ChaseInputs:
        """What the chasing figures of [start, end) read: a range query per table on its time
        index (the voicemails through the chase repository), and the later visits and done care
        gaps of the period's no-show and recall patients through the per-patient index."""
        lo, hi = to_ts(start), to_ts(end)
        return ChaseInputs(
            attempts=self._chase.attempts_between(start, end),
            voicemails=self._chase.voicemails_between(start, end),
            box_checks=[BoxCheckFact(from_ts(at), by) for at, by in self.conn.execute(
                "SELECT at_ts, by_user FROM voicemail_check WHERE at_ts >= ? AND at_ts < ?", (lo, hi))],
            callback_calls=self._callback_calls(lo, hi), freed_slots=self._freed_slots(lo, hi),
            no_shows=self._no_shows(lo, hi), later_visits=self._later_visits(lo, hi),
            gaps_done=[GapDoneFact(pid, date.fromisoformat(done)) for pid, done in self.conn.execute(
                "SELECT patient_id, done FROM care_gap WHERE done IS NOT NULL"
                f" AND patient_id IN ({_RECALLED})",
                (ChaseKind.RECALL.value, lo, hi))],
            follow_ups=[FollowUpFact(from_ts(ts), by, bool(question))
                        for ts, by, question in self.conn.execute(
                            "SELECT done_ts, done_by, has_question FROM follow_up_call"
                            " WHERE done_ts >= ? AND done_ts < ?", (lo, hi))])

    def _callback_calls(self, lo: int, hi: int) -> list[CallbackCallFact]:
        return [CallbackCallFact(from_ts(ts), taken, from_ts(done), done_by)
                for ts, taken, done, done_by in self.conn.execute(
                    "SELECT started_ts, taken_by, callback_done_ts, callback_done_by FROM call"
                    " WHERE started_ts >= ? AND started_ts < ? AND outcome = ?",
                    (lo, hi, CallOutcome.CALLBACK_NEEDED.value))]

    def _freed_slots(self, lo: int, hi: int) -> list[FreedSlotFact]:
        """Slots freed in the period, and the slots offered to the waitlist in it (freed earlier too)."""
        columns = "SELECT id, start_ts, freed_ts, filled_appointment_id FROM freed_slot"
        return [FreedSlotFact(sid, from_ts(st), from_ts(freed), filled is not None)
                for sid, st, freed, filled in self.conn.execute(
                    f"{columns} WHERE freed_ts >= ? AND freed_ts < ? UNION {columns} WHERE id IN"
                    " (SELECT record_id FROM contact_attempt WHERE kind = ? AND at_ts >= ? AND at_ts < ?)",
                    (lo, hi, ChaseKind.WAITLIST_OFFER.value, lo, hi))]

    def _no_shows(self, lo: int, hi: int) -> list[NoShowFact]:
        return [NoShowFact(aid, pid, from_ts(ts), bool(decided))
                for aid, pid, ts, decided in self.conn.execute(
                    "SELECT a.id, a.patient_id, a.start_ts, d.appointment_id IS NOT NULL"
                    " FROM appointment a LEFT JOIN rebook_decision d"
                    " ON d.appointment_id = a.id AND d.decision = 'rebooked'"
                    " WHERE a.start_ts >= ? AND a.start_ts < ? AND a.status = ?",
                    (lo, hi, VisitStatus.NO_SHOW.value))]

    def _later_visits(self, lo: int, hi: int) -> list[LaterVisitFact]:
        """The visits starting or booked from the period's start on, of the patients with a no-show
        or a recall attempt in the period."""
        return [LaterVisitFact(pid, from_ts(ts), VisitStatus(status), from_ts(booked))
                for pid, ts, status, booked in self.conn.execute(
                    "SELECT patient_id, start_ts, status, booked_ts FROM appointment WHERE patient_id IN"
                    " (SELECT patient_id FROM appointment WHERE start_ts >= ? AND start_ts < ? AND status = ?"
                    f" UNION {_RECALLED}) AND (start_ts >= ? OR booked_ts >= ?)",
                    (lo, hi, VisitStatus.NO_SHOW.value, ChaseKind.RECALL.value, lo, hi, lo, lo))]


#: the patients with a recall attempt in [?, ?) (the kind the first parameter)
_RECALLED = "SELECT record_id FROM contact_attempt WHERE kind = ? AND at_ts >= ? AND at_ts < ?"
