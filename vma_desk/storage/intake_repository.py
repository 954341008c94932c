"""Intake packets' rows: the practice's items per appointment type (`intake_item`) and the visits'
items once a step was taken (`visit_form`). A visit with no rows has its type's packet, all not
sent: that is derived in the service, never stored ahead. SQL only: the rules live in
`core/intake.py`. Every read of visits goes through the appointment indexes (by id, by start, by
patient and start), so the worklists read only the visits of their window.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from vma_desk.core.calendar import Appointment
from vma_desk.core.chase import Channel
from vma_desk.core.intake import FormState, VisitForm
from vma_desk.storage.calendar_repository import APPOINTMENT_COLUMNS, appointment_from_row, from_ts, to_ts
from vma_desk.storage.database import Db
from vma_desk.storage.sql import chunks, marks

_FORM_COLUMNS = ("appointment_id, position, name, state, channel, sent_ts, sent_by, received_ts, received_by,"
                 " reviewed_ts, reviewed_by")


def _opt_ts(moment: datetime | None) -> int | None:
    return None if moment is None else to_ts(moment)


def _form(row: Sequence[Any]) -> VisitForm:
    return VisitForm(name=row[2], state=FormState(row[3]), channel=Channel(row[4]) if row[4] else None,
                     sent_at=from_ts(row[5]), sent_by=row[6], received_at=from_ts(row[7]),
                     received_by=row[8], reviewed_at=from_ts(row[9]), reviewed_by=row[10])


class IntakeRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    # --- the practice's packets ----------------------------------------------------------------------
    def items(self) -> dict[str, list[str]]:
        """Every type's packet (type code -> item names in order); a type without one is absent."""
        packets: dict[str, list[str]] = {}
        for code, name in self.conn.execute(
                "SELECT type_code, name FROM intake_item ORDER BY type_code, position"):
            packets.setdefault(code, []).append(name)
        return packets

    def set_items(self, type_code: str, names: Sequence[str]) -> None:
        """The type's packet replaced by `names`, in that order (none: the type has no packet)."""
        self.conn.execute("DELETE FROM intake_item WHERE type_code = ?", (type_code,))
        self.conn.executemany("INSERT INTO intake_item(type_code, position, name) VALUES (?, ?, ?)",
                              [(type_code, i, name) for i, name in enumerate(names, start=1)])

    # --- a visit's forms -----------------------------------------------------------------------------
    def forms(self, appointment_ids: Sequence[int]) -> dict[int, tuple[VisitForm, ...]]:
        """The stored items of each visit that has any, in the packet's order."""
        found: dict[int, list[VisitForm]] = {}
        for part in chunks(list(appointment_ids)):
            for row in self.conn.execute(
                    f"SELECT {_FORM_COLUMNS} FROM visit_form WHERE appointment_id IN ({marks(len(part))})"
                    " ORDER BY appointment_id, position", part):
                found.setdefault(row[0], []).append(_form(row))
        return {i: tuple(forms) for i, forms in found.items()}

    def save_forms(self, appointment_id: int, forms: Sequence[VisitForm]) -> None:
        """The visit's items as given, replacing those stored (none: back to its type's packet)."""
        self.conn.execute("DELETE FROM visit_form WHERE appointment_id = ?", (appointment_id,))
        self.conn.executemany(
            f"INSERT INTO visit_form({_FORM_COLUMNS}) VALUES ({marks(11)})",
            [(appointment_id, i, f.name, f.state.value, f.channel.value if f.channel else "",
              _opt_ts(f.sent_at), f.sent_by, _opt_ts(f.received_at), f.received_by, _opt_ts(f.reviewed_at),
              f.reviewed_by) for i, f in enumerate(forms, start=1)])

    # --- the visits ----------------------------------------------------------------------------------
    def visits(self, appointment_ids: Sequence[int]) -> list[Appointment]:
        """The visits of those ids that exist, soonest first."""
        found: list[Appointment] = []
        for part in chunks(list(appointment_ids)):
            found += [appointment_from_row(r) for r in self.conn.execute(
                f"SELECT id, {APPOINTMENT_COLUMNS} FROM appointment WHERE id IN ({marks(len(part))})", part)]
        return sorted(found, key=lambda a: (a.start, a.id or 0))

    def starting(self, start: datetime, end: datetime, *, patient_id: int | None = None) -> list[Appointment]:
        """The visits not cancelled starting in [start, end), of any patient or of `patient_id`,
        soonest first."""
        sql = (f"SELECT id, {APPOINTMENT_COLUMNS} FROM appointment"
               " WHERE start_ts >= ? AND start_ts < ? AND status != 'cancelled'")
        params: list[object] = [to_ts(start), to_ts(end)]
        if patient_id is not None:
            sql += " AND patient_id = ?"
            params.append(patient_id)
        return [appointment_from_row(r) for r in self.conn.execute(sql + " ORDER BY start_ts, id", params)]
