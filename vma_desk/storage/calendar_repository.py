"""Calendar rows <-> records: appointment types, appointments, schedule blocks, the waitlist.

Times are stored as UTC epoch seconds (`start_ts`, `end_ts`), so a day or week is one indexed
range scan. Block starts are practice-local wall times (ISO text), expanded by the scheduling rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, time
from typing import Any, overload

from vma_desk.core.calendar import (
    Appointment,
    AppointmentType,
    Block,
    BlockKind,
    Eligibility,
    EligibilityStatus,
    InsuranceRank,
    TechCheck,
    VisitStatus,
    WaitlistEntry,
)
from vma_desk.core.records import ContactMethod
from vma_desk.core.validation import require_aware
from vma_desk.storage.database import Db, inserted_id
from vma_desk.storage.sql import assignments, column_marks, marks


def to_ts(moment: datetime) -> int:
    """Epoch seconds; every repository stores times through here, so a time without a zone is
    refused here, by name, before it is written or compared."""
    return int(require_aware("time", moment).timestamp())


@overload
def from_ts(value: int) -> datetime: ...
@overload
def from_ts(value: int | None) -> datetime | None: ...
def from_ts(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def _opt_bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


APPOINTMENT_COLUMNS = (
    "patient_id, provider_id, type_code, start_ts, end_ts, reason, notes, status, "
    "confirmation_method, cancel_reason, cancelled_at, late_cancel, authorised_by, override_reason, "
    "elig_status, elig_active, elig_in_network, elig_copay, elig_checked_at, elig_checked_by, "
    "telehealth_link, tech_check, entered_by, "
    "elig_deductible_met, elig_deductible_remaining, elig_coinsurance, elig_oop_note, "
    "elig_secondary_status, elig_insurance, "
    "confirmation, booked_ts, call_after"
)


def appointment_row(a: Appointment) -> tuple[object, ...]:
    e = a.eligibility
    return (
        a.patient_id, a.provider_id, a.type_code, to_ts(a.start), to_ts(a.end), a.reason, a.notes,
        a.status.value, a.confirmation_method.value if a.confirmation_method else None,
        a.cancel_reason, to_ts(a.cancelled_at) if a.cancelled_at else None, int(a.late_cancel),
        a.authorised_by, a.override_reason, e.status.value,
        None if e.active is None else int(e.active),
        None if e.in_network is None else int(e.in_network), e.copay_note,
        to_ts(e.checked_at) if e.checked_at else None, e.checked_by, a.telehealth_link,
        a.tech_check.value, a.entered_by,
        None if e.deductible_met is None else int(e.deductible_met), e.deductible_remaining,
        e.coinsurance, e.oop_note, e.secondary_status.value, e.insurance.value,
        a.confirmation.value, to_ts(a.booked_at) if a.booked_at else None, int(a.call_after),
    )


def appointment_from_row(row: Sequence[Any]) -> Appointment:
    start = from_ts(row[4])
    assert start is not None
    return Appointment(
        id=row[0], patient_id=row[1], provider_id=row[2], type_code=row[3], start=start,
        minutes=(row[5] - row[4]) // 60, reason=row[6], notes=row[7], status=VisitStatus(row[8]),
        confirmation_method=ContactMethod(row[9]) if row[9] else None, cancel_reason=row[10],
        cancelled_at=from_ts(row[11]), late_cancel=bool(row[12]), authorised_by=row[13],
        override_reason=row[14],
        eligibility=Eligibility(EligibilityStatus(row[15]), _opt_bool(row[16]), _opt_bool(row[17]),
                                row[18], from_ts(row[19]), row[20], deductible_met=_opt_bool(row[24]),
                                deductible_remaining=row[25], coinsurance=row[26], oop_note=row[27],
                                secondary_status=EligibilityStatus(row[28]),
                                insurance=InsuranceRank(row[29])),
        telehealth_link=row[21], tech_check=TechCheck(row[22]), entered_by=row[23],
        confirmation=VisitStatus(row[30]), booked_at=from_ts(row[31]), call_after=bool(row[32]),
    )


class CalendarRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    # --- types -----------------------------------------------------------------------------------
    def types(self) -> list[AppointmentType]:
        return [
            AppointmentType(code=r[0], name=r[1], minutes=r[2], buffer_minutes=r[3],
                            new_patient=bool(r[4]), telehealth=bool(r[5]), prep=r[6],
                            active=bool(r[7]), follow_up_days=r[8])
            for r in self.conn.execute(
                "SELECT code, name, minutes, buffer_minutes, new_patient, telehealth, prep, active,"
                " follow_up_days FROM appointment_type ORDER BY name")
        ]

    def save_type(self, t: AppointmentType) -> None:
        self.conn.execute(
            "INSERT INTO appointment_type(code, name, minutes, buffer_minutes, new_patient,"
            " telehealth, prep, active, follow_up_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(code) DO UPDATE SET name = excluded.name, minutes = excluded.minutes,"
            " buffer_minutes = excluded.buffer_minutes, new_patient = excluded.new_patient,"
            " telehealth = excluded.telehealth, prep = excluded.prep, active = excluded.active,"
            " follow_up_days = excluded.follow_up_days",
            (t.code, t.name, t.minutes, t.buffer_minutes, int(t.new_patient), int(t.telehealth),
             t.prep, int(t.active), t.follow_up_days),
        )

    # --- appointments ----------------------------------------------------------------------------
    def insert(self, a: Appointment) -> int:
        cur = self.conn.execute(
            f"INSERT INTO appointment({APPOINTMENT_COLUMNS}) VALUES ({column_marks(APPOINTMENT_COLUMNS)})",
            appointment_row(a),
        )
        return inserted_id(cur)

    def insert_many(self, rows: Iterable[Appointment]) -> None:
        self.conn.executemany(
            f"INSERT INTO appointment({APPOINTMENT_COLUMNS}) VALUES ({column_marks(APPOINTMENT_COLUMNS)})",
            (appointment_row(a) for a in rows),
        )

    def update(self, a: Appointment) -> None:
        self.conn.execute(f"UPDATE appointment SET {assignments(APPOINTMENT_COLUMNS)} WHERE id = ?",
                          (*appointment_row(a), a.id))

    def get(self, appointment_id: int) -> Appointment | None:
        row = self.conn.execute(
            f"SELECT id, {APPOINTMENT_COLUMNS} FROM appointment WHERE id = ?", (appointment_id,)
        ).fetchone()
        return appointment_from_row(row) if row else None

    def between(self, start: datetime, end: datetime, provider_ids: Sequence[int] | None = None,
                *, include_cancelled: bool = False, patient_id: int | None = None) -> list[Appointment]:
        """Visits overlapping [start, end), with any provider or `provider_ids`'s, of any patient
        or of `patient_id`. A visit is at most a day long, so the scan starts a day early on the
        start index and filters on the end."""
        sql = (f"SELECT id, {APPOINTMENT_COLUMNS} FROM appointment"
               " WHERE start_ts >= ? AND start_ts < ? AND end_ts > ?")
        params: list[object] = [to_ts(start) - 86_400, to_ts(end), to_ts(start)]
        if provider_ids is not None:
            sql += f" AND provider_id IN ({marks(len(provider_ids))})"
            params += list(provider_ids)
        if patient_id is not None:
            sql += " AND patient_id = ?"
            params.append(patient_id)
        if not include_cancelled:
            sql += " AND status != 'cancelled'"
        return [appointment_from_row(r) for r in self.conn.execute(sql + " ORDER BY start_ts, id", params)]

    def no_show_counts(self, patient_ids: Sequence[int]) -> dict[int, int]:
        if not patient_ids:
            return {}
        rows = self.conn.execute(
            "SELECT patient_id, count(*) FROM appointment WHERE status = 'no_show' AND patient_id IN"
            f" ({marks(len(patient_ids))}) GROUP BY patient_id", list(patient_ids))
        counts = dict.fromkeys(patient_ids, 0)
        counts.update({pid: n for pid, n in rows})
        return counts

    # --- blocks ----------------------------------------------------------------------------------
    def blocks(self, provider_ids: Sequence[int] | None = None) -> list[Block]:
        sql = "SELECT id, provider_id, kind, title, start_local, minutes, rrule FROM schedule_block"
        params: list[object] = []
        if provider_ids is not None:
            sql += f" WHERE provider_id IS NULL OR provider_id IN ({marks(len(provider_ids))})"
            params = list(provider_ids)
        return [
            Block(id=r[0], provider_id=r[1], kind=BlockKind(r[2]), title=r[3],
                  start=datetime.fromisoformat(r[4]), minutes=r[5], rrule=r[6])
            for r in self.conn.execute(sql + " ORDER BY id", params)
        ]

    def insert_block(self, b: Block) -> int:
        cur = self.conn.execute(
            "INSERT INTO schedule_block(provider_id, kind, title, start_local, minutes, rrule)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (b.provider_id, b.kind.value, b.title, b.start.isoformat(timespec="minutes"), b.minutes,
             b.rrule),
        )
        return inserted_id(cur)

    def delete_block(self, block_id: int) -> None:
        self.conn.execute("DELETE FROM schedule_block WHERE id = ?", (block_id,))

    # --- waitlist --------------------------------------------------------------------------------
    def waitlist(self, *, active_only: bool = True) -> list[WaitlistEntry]:
        sql = ("SELECT id, patient_id, type_code, provider_id, days, earliest, latest, note, added_at,"
               " active FROM waitlist")
        if active_only:
            sql += " WHERE active = 1"
        return [
            WaitlistEntry(
                id=r[0], patient_id=r[1], type_code=r[2], provider_id=r[3],
                days=frozenset(int(d) for d in r[4].split(",") if d),
                earliest=time.fromisoformat(r[5]), latest=time.fromisoformat(r[6]), note=r[7],
                added_at=from_ts(r[8]) or datetime.now(UTC), active=bool(r[9]),
            )
            for r in self.conn.execute(sql + " ORDER BY added_at, id")
        ]

    def insert_waitlist(self, e: WaitlistEntry) -> int:
        cur = self.conn.execute(
            "INSERT INTO waitlist(patient_id, type_code, provider_id, days, earliest, latest, note,"
            " added_at, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (e.patient_id, e.type_code, e.provider_id, ",".join(str(d) for d in sorted(e.days)),
             e.earliest.isoformat("minutes"), e.latest.isoformat("minutes"), e.note,
             to_ts(e.added_at), int(e.active)),
        )
        return inserted_id(cur)

    def set_waitlist_active(self, entry_id: int, active: bool) -> None:
        self.conn.execute("UPDATE waitlist SET active = ? WHERE id = ?", (int(active), entry_id))
