"""Read-only queries for the summaries: one patient's records up to a moment, and the practice's
records of a period. Every query is a range on an indexed time column (per patient on the
(patient_id, time) indexes); a record's events come with it in one more query per 500 records,
never one per row. Rows become records through the owning repositories' own mappings.
"""

from __future__ import annotations

from datetime import datetime

from vma_desk.core.activity import CallFact, VisitFact
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.communications import Call, Direction, Message
from vma_desk.core.records import ContactMethod
from vma_desk.core.referrals import Referral
from vma_desk.core.refills import RefillRequest
from vma_desk.storage.calendar_repository import APPOINTMENT_COLUMNS, appointment_from_row, from_ts, to_ts
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
        """When each call of [start, end) began and which way it went; nothing else is read."""
        return [CallFact(from_ts(ts), Direction(direction))
                for ts, direction in self.conn.execute(
                    "SELECT started_ts, direction FROM call WHERE started_ts >= ? AND started_ts < ?",
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
