"""The Recall and To rebook lists' rows: care gaps due, the visits booked ahead, the patients' last
visits and contacts, missed and cancelled visits and the rebooking decisions. SQL only, read in a few
set-based queries whatever the number of patients: the rules live in `core/recall.py` and
`core/rebooking.py`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from vma_desk.core.calendar import Appointment
from vma_desk.core.rebooking import Decision, RebookDecision
from vma_desk.core.records import CareGap
from vma_desk.storage.calendar_repository import APPOINTMENT_COLUMNS, appointment_from_row, from_ts, to_ts
from vma_desk.storage.database import Db
from vma_desk.storage.sql import chunks, marks

#: a care gap as it is stored, with its place in the patient's list (the row's key with the patient)
_GAP = "SELECT patient_id, position, kind, due, note, done FROM care_gap"
#: not a deleted patient's (the deleted are few: the list of them is short)
_LIVE = "patient_id NOT IN (SELECT id FROM patient WHERE deleted_at IS NOT NULL)"


def _gap(row: Sequence[Any]) -> CareGap:
    kind, due, note, done = row
    return CareGap(kind, date.fromisoformat(due), note, date.fromisoformat(done) if done else None)


class RecallRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    # --- recall ---------------------------------------------------------------------------------
    def open_gaps_due_by(self, last_day: date) -> dict[int, list[CareGap]]:
        """The gaps not done and due on or before `last_day` of every patient not deleted, by
        patient id, each patient's in their order."""
        out: dict[int, list[CareGap]] = {}
        days: dict[str, date] = {}  # the same few hundred days stand in thousands of rows
        for patient_id, kind, due, note in self.conn.execute(
                "SELECT patient_id, kind, due, note FROM care_gap WHERE done IS NULL AND due <= ?"
                f" AND {_LIVE} ORDER BY patient_id, position", (last_day.isoformat(),)):
            day = days.get(due) or days.setdefault(due, date.fromisoformat(due))
            out.setdefault(patient_id, []).append(CareGap(kind, day, note))
        return out

    def gaps(self, patient_id: int) -> list[tuple[int, CareGap]]:
        """One patient's gaps with their positions, in their order."""
        return [(row[1], _gap(row[2:])) for row in self.conn.execute(
            f"{_GAP} WHERE patient_id = ? ORDER BY position", (patient_id,))]

    def set_gaps_done(self, patient_id: int, positions: Sequence[int], day: date) -> None:
        self.conn.execute(f"UPDATE care_gap SET done = ? WHERE patient_id = ? AND position IN"
                          f" ({marks(len(positions))})", (day.isoformat(), patient_id, *positions))

    def types_not_over(self, moment: datetime, statuses: Sequence[str]) -> dict[int, set[str]]:
        """The types of the visits not over at `moment` (to come, or under way) with one of
        `statuses`, by patient id. A visit is at most a day long: the scan starts a day early on the
        start index."""
        out: dict[int, set[str]] = {}
        for patient_id, code in self.conn.execute(
                f"SELECT DISTINCT patient_id, type_code FROM appointment WHERE start_ts > ? AND end_ts > ?"
                f" AND status IN ({marks(len(statuses))})",
                (to_ts(moment) - 86_400, to_ts(moment), *statuses)):
            out.setdefault(patient_id, set()).add(code)
        return out

    def last_seen(self, provider_ids: Sequence[int]) -> dict[int, int]:
        """Of every patient, the provider among `provider_ids` with the latest last visit on their
        record, by patient id (patients who saw none of them are left out)."""
        if not provider_ids:
            return {}
        # SQLite gives a bare column of the row that holds the max()
        return {patient_id: provider_id for patient_id, provider_id, _ in self.conn.execute(
            "SELECT patient_id, provider_id, max(day) FROM patient_last_visit WHERE provider_id IN"
            f" ({marks(len(provider_ids))}) GROUP BY patient_id", list(provider_ids))}

    def attempted(self, kind: str) -> set[int]:
        """The records of one kind of chase with at least one contact attempt."""
        return {row[0] for row in self.conn.execute(
            "SELECT DISTINCT record_id FROM contact_attempt WHERE kind = ?", (kind,))}

    # --- rebooking ------------------------------------------------------------------------------
    def visits_since(self, since: datetime, statuses: Sequence[str]) -> list[Appointment]:
        """The visits of patients not deleted starting at or after `since` with one of `statuses`,
        in time order."""
        return [appointment_from_row(row) for row in self.conn.execute(
            f"SELECT id, {APPOINTMENT_COLUMNS} FROM appointment WHERE start_ts >= ? AND status IN"
            f" ({marks(len(statuses))}) AND {_LIVE} ORDER BY start_ts, id", (to_ts(since), *statuses))]

    def latest_starts_after(self, moment: datetime, statuses: Sequence[str]) -> dict[int, datetime]:
        """Each patient's latest visit start after `moment` among visits with one of `statuses`."""
        return {patient_id: from_ts(latest) for patient_id, latest in self.conn.execute(
            f"SELECT patient_id, max(start_ts) FROM appointment WHERE start_ts > ? AND status IN"
            f" ({marks(len(statuses))}) GROUP BY patient_id", (to_ts(moment), *statuses))}

    def decided(self, appointment_ids: Sequence[int]) -> set[int]:
        """Those of the visits that have a rebooking decision."""
        out: set[int] = set()
        for part in chunks(appointment_ids):
            out.update(row[0] for row in self.conn.execute(
                f"SELECT appointment_id FROM rebook_decision WHERE appointment_id IN ({marks(len(part))})",
                part))
        return out

    def decision(self, appointment_id: int) -> RebookDecision | None:
        row = self.conn.execute(
            "SELECT appointment_id, decision, reason, new_appointment_id, by_user, at_ts FROM rebook_decision"
            " WHERE appointment_id = ?", (appointment_id,)).fetchone()
        return None if row is None else RebookDecision(
            appointment_id=row[0], decision=Decision(row[1]), reason=row[2], new_appointment_id=row[3],
            by=row[4], at=from_ts(row[5]))

    def insert_decision(self, decision: RebookDecision) -> None:
        self.conn.execute(
            "INSERT INTO rebook_decision(appointment_id, decision, reason, new_appointment_id, by_user,"
            " at_ts) VALUES (?, ?, ?, ?, ?, ?)",
            (decision.appointment_id, decision.decision.value, decision.reason, decision.new_appointment_id,
             decision.by, to_ts(decision.at)))
