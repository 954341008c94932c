"""The patient hub's reads of one patient: visits either side of a moment, the last calls and
attempts, open messages. Each through a per-patient index (`appointment_patient`, `call_patient`,
`message_patient`, `contact_attempt_patient`): a few rows whatever the practice's history."""

from __future__ import annotations

from datetime import datetime

from vma_desk.core.calendar import Appointment
from vma_desk.core.chase import Attempt
from vma_desk.core.communications import Call, Message
from vma_desk.storage.calendar_repository import APPOINTMENT_COLUMNS, appointment_from_row, to_ts
from vma_desk.storage.chase_repository import attempts_from_rows
from vma_desk.storage.communications_repository import CALL_COLUMNS, CommunicationsRepository, call_from_row
from vma_desk.storage.database import Db


class HubRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def visits_from(self, patient_id: int, moment: datetime, limit: int) -> list[Appointment]:
        """The patient's next `limit` visits starting at or after `moment` (cancelled ones left out)."""
        return [appointment_from_row(r) for r in self.conn.execute(
            f"SELECT id, {APPOINTMENT_COLUMNS} FROM appointment WHERE patient_id = ? AND start_ts >= ?"
            " AND status != 'cancelled' ORDER BY start_ts, id LIMIT ?", (patient_id, to_ts(moment), limit))]

    def visits_before(self, patient_id: int, moment: datetime, limit: int) -> list[Appointment]:
        """The patient's last `limit` visits before `moment`, the latest first (any status)."""
        return [appointment_from_row(r) for r in self.conn.execute(
            f"SELECT id, {APPOINTMENT_COLUMNS} FROM appointment WHERE patient_id = ? AND start_ts < ?"
            " ORDER BY start_ts DESC, id DESC LIMIT ?", (patient_id, to_ts(moment), limit))]

    def last_checked(self, patient_id: int) -> Appointment | None:
        """The patient's visit (not cancelled) whose eligibility was checked last, of all their visits."""
        row = self.conn.execute(
            f"SELECT id, {APPOINTMENT_COLUMNS} FROM appointment WHERE patient_id = ?"
            " AND status != 'cancelled' AND elig_checked_at IS NOT NULL"
            " ORDER BY elig_checked_at DESC, id DESC LIMIT 1",
            (patient_id,)).fetchone()
        return None if row is None else appointment_from_row(row)

    def last_calls(self, patient_id: int, limit: int) -> list[Call]:
        return [call_from_row(r) for r in self.conn.execute(
            f"SELECT id, {CALL_COLUMNS} FROM call WHERE patient_id = ? ORDER BY started_ts DESC, id DESC"
            " LIMIT ?", (patient_id, limit))]

    def last_attempts(self, patient_id: int, limit: int) -> list[Attempt]:
        return attempts_from_rows(self.conn.execute(
            "SELECT id, kind, record_id, patient_id, at_ts, channel, outcome, by_user, note, next_ts"
            " FROM contact_attempt WHERE patient_id = ? ORDER BY at_ts DESC, id DESC LIMIT ?",
            (patient_id, limit)))

    def open_messages(self, patient_id: int) -> list[Message]:
        """The patient's messages not closed, oldest first."""
        return CommunicationsRepository(self.conn).messages_open_for_patient(patient_id)
