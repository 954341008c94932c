"""Where imported records came from (`source_link`): the source system and its id for a patient, a
visit or a practitioner, and what the import flagged. SQL only: the rules live in
`core/ehr_plan.py` and `services/ehr_import.py`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from vma_desk.core.calendar import Appointment
from vma_desk.core.records import Patient
from vma_desk.storage.calendar_repository import APPOINTMENT_COLUMNS, appointment_from_row, to_ts
from vma_desk.storage.database import Db
from vma_desk.storage.repositories import PatientRepository
from vma_desk.storage.sql import chunks, marks


class SourceRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def links(self, kind: str, system: str) -> dict[str, int]:
        """This source system's ids of one kind of record, with the record each is."""
        return dict(self.conn.execute("SELECT source_id, record_id FROM source_link WHERE kind = ? AND"
                                      " system = ?", (kind, system)).fetchall())

    def link(self, kind: str, system: str, source_id: str, record_id: int, at: datetime,
             note: str = "") -> None:
        self.conn.execute(
            "INSERT INTO source_link(kind, system, source_id, record_id, imported_ts, note) VALUES"
            " (?, ?, ?, ?, ?, ?) ON CONFLICT(kind, system, source_id) DO UPDATE SET"
            " record_id = excluded.record_id, imported_ts = excluded.imported_ts, note = excluded.note",
            (kind, system, source_id, record_id, to_ts(at), note))

    def origin(self, kind: str, record_id: int) -> tuple[str, str, str] | None:
        """(system, source id, note) of a record an import made or matched; None for one made here."""
        row = self.conn.execute("SELECT system, source_id, note FROM source_link WHERE kind = ? AND"
                                " record_id = ? ORDER BY imported_ts DESC LIMIT 1",
                                (kind, record_id)).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    def patients_named(self, keys: Sequence[tuple[str, str, date]]) -> list[Patient]:
        """The patients (not deleted) whose date of birth is one of `keys`' (names compared by the
        caller, as typed): one read per 500 dates, through the date-of-birth index."""
        days = sorted({k[2].isoformat() for k in keys})
        ids: list[int] = []
        for part in chunks(days):
            ids += [row[0] for row in self.conn.execute(
                f"SELECT id FROM patient WHERE date_of_birth IN ({marks(len(part))}) AND deleted_at IS NULL",
                part)]
        return list(PatientRepository(self.conn).get_many(ids).values())

    def visits(self, ids: Sequence[int]) -> dict[int, Appointment]:
        out: dict[int, Appointment] = {}
        for part in chunks(list(ids)):
            for row in self.conn.execute(
                    f"SELECT id, {APPOINTMENT_COLUMNS} FROM appointment WHERE id IN ({marks(len(part))})",
                    part):
                visit = appointment_from_row(row)
                out[visit.id or 0] = visit
        return out
