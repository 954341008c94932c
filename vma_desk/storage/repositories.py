"""Repositories: rows <-> records. SQL only; validation and rules live in core and services."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import Any

from vma_desk.core.records import (
    CareGap,
    ContactMethod,
    Holiday,
    Insurance,
    LastVisit,
    Patient,
    Phone,
    PhoneKind,
    PlanType,
    Practice,
    Role,
    RouteCategory,
    Shift,
    StaffMember,
)
from vma_desk.storage.database import Db, inserted_id
from vma_desk.storage.sql import assignments, chunks, column_marks, marks


def _csv(values: Iterable[object]) -> str:
    return ",".join(sorted(str(v) for v in values))


def _split(text: str) -> list[str]:
    return [v for v in text.split(",") if v]


def search_key(*names: str) -> str:
    """Lower-case letters without accents: "O'Neil-Smith, Ann" and "oneilsmith ann" find the same
    row, and "munoz" finds "Muñoz"."""
    return " ".join(re.sub(r"[^a-z0-9]", "", _fold(n)) for n in names)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def digits_of(text: str) -> str:
    return re.sub(r"\D", "", text)


class PracticeRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def get(self) -> Practice | None:
        row = self.conn.execute(
            "SELECT name, time_zone, business_days, phone FROM practice WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        holidays = tuple(
            Holiday(date.fromisoformat(d), n)
            for d, n in self.conn.execute("SELECT day, name FROM holiday ORDER BY day")
        )
        return Practice(
            name=row[0],
            time_zone=row[1],
            business_days=frozenset(int(d) for d in _split(row[2])),
            holidays=holidays,
            phone=row[3],
        )

    def save(self, practice: Practice) -> None:
        self.conn.execute(
            "INSERT INTO practice(id, name, time_zone, business_days, phone) VALUES (1, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,"
            " business_days = excluded.business_days, phone = excluded.phone",
            (practice.name, practice.time_zone, _csv(practice.business_days), practice.phone),
        )
        self.conn.execute("DELETE FROM holiday")
        self.conn.executemany(
            "INSERT INTO holiday(day, name) VALUES (?, ?)",
            [(h.day.isoformat(), h.name) for h in practice.holidays],
        )


class SettingRepository:
    """Practice settings kept inside the encrypted workspace (never in QSettings)."""

    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def get(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO setting(key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


class StaffRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def insert(self, member: StaffMember) -> int:
        cur = self.conn.execute(
            "INSERT INTO staff(name, role, credentials, receives, supports, active)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (member.name, member.role.value, member.credentials, _csv(member.receives),
             _csv(member.supports), int(member.active)),
        )
        staff_id = inserted_id(cur)
        self._write_shifts(staff_id, member.working_hours)
        return staff_id

    def update(self, member: StaffMember) -> None:
        assert member.id is not None
        self.conn.execute(
            "UPDATE staff SET name = ?, role = ?, credentials = ?, receives = ?, supports = ?,"
            " active = ? WHERE id = ?",
            (member.name, member.role.value, member.credentials, _csv(member.receives),
             _csv(member.supports), int(member.active), member.id),
        )
        self.conn.execute("DELETE FROM staff_shift WHERE staff_id = ?", (member.id,))
        self._write_shifts(member.id, member.working_hours)

    def _write_shifts(self, staff_id: int, shifts: tuple[Shift, ...]) -> None:
        self.conn.executemany(
            'INSERT INTO staff_shift(staff_id, weekday, start, "end") VALUES (?, ?, ?, ?)',
            [(staff_id, s.weekday, s.start.isoformat("minutes"), s.end.isoformat("minutes"))
             for s in shifts],
        )

    def all(self) -> list[StaffMember]:
        shifts: dict[int, list[Shift]] = {}
        for staff_id, weekday, start, end in self.conn.execute(
            'SELECT staff_id, weekday, start, "end" FROM staff_shift ORDER BY staff_id, weekday, start'
        ):
            shifts.setdefault(staff_id, []).append(
                Shift(weekday, time.fromisoformat(start), time.fromisoformat(end))
            )
        return [
            StaffMember(
                id=row[0], name=row[1], role=Role(row[2]), credentials=row[3],
                receives=frozenset(RouteCategory(v) for v in _split(row[4])),
                supports=frozenset(int(v) for v in _split(row[5])),
                active=bool(row[6]), working_hours=tuple(shifts.get(row[0], ())),
            )
            for row in self.conn.execute(
                "SELECT id, name, role, credentials, receives, supports, active FROM staff"
                " ORDER BY role != 'provider', name"
            )
        ]

    def providers(self) -> dict[int, StaffMember]:
        """Every provider of the practice, active or not, by id."""
        return {s.id: s for s in self.all() if s.role is Role.PROVIDER and s.id is not None}

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM staff").fetchone()[0])


_PATIENT_COLUMNS = (
    "first_name, last_name, date_of_birth, email, preferred_contact, payer, member_id, "
    "plan_type, group_number, preferred_pharmacy, notes, search_name, "
    "secondary_payer, secondary_member_id, secondary_plan_type, secondary_group_number, "
    "primary_subscriber, secondary_subscriber"
)


def _patient_values(p: Patient) -> tuple[object, ...]:
    ins, second = p.insurance, p.secondary_insurance
    return (
        p.first_name, p.last_name, p.date_of_birth.isoformat(), p.email,
        p.preferred_contact.value, ins.payer if ins else "", ins.member_id if ins else "",
        ins.plan_type.value if ins and ins.plan_type else None, ins.group_number if ins else "",
        p.preferred_pharmacy, p.notes, search_key(p.last_name, p.first_name),
        # a secondary is there when its payer is (its plan type may not be recorded)
        second.payer if second else "", second.member_id if second else "",
        second.plan_type.value if second and second.plan_type else None,
        second.group_number if second else "",
        ins.subscriber if ins else "", second.subscriber if second else "",
    )


class PatientRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def insert(self, patient: Patient) -> int:
        cur = self.conn.execute(
            f"INSERT INTO patient({_PATIENT_COLUMNS}) VALUES ({column_marks(_PATIENT_COLUMNS)})",
            _patient_values(patient),
        )
        patient_id = inserted_id(cur)
        self._write_children(patient_id, patient)
        return patient_id

    def update(self, patient: Patient) -> None:
        assert patient.id is not None
        self.conn.execute(
            f"UPDATE patient SET {assignments(_PATIENT_COLUMNS)} WHERE id = ?",
            (*_patient_values(patient), patient.id),
        )
        for table in ("patient_phone", "patient_last_visit", "care_gap"):
            self.conn.execute(f"DELETE FROM {table} WHERE patient_id = ?", (patient.id,))
        self._write_children(patient.id, patient)

    def _write_children(self, patient_id: int, p: Patient) -> None:
        self.conn.executemany(
            "INSERT INTO patient_phone(patient_id, position, number, kind, digits)"
            " VALUES (?, ?, ?, ?, ?)",
            [(patient_id, i, ph.number, ph.kind.value, digits_of(ph.number))
             for i, ph in enumerate(p.phones)],
        )
        self.conn.executemany(
            "INSERT INTO patient_last_visit(patient_id, provider_id, day) VALUES (?, ?, ?)",
            [(patient_id, v.provider_id, v.day.isoformat()) for v in p.last_visits],
        )
        self.conn.executemany(
            "INSERT INTO care_gap(patient_id, position, kind, due, note, done) VALUES (?, ?, ?, ?, ?, ?)",
            [(patient_id, i, g.kind, g.due.isoformat(), g.note, g.done.isoformat() if g.done else None)
             for i, g in enumerate(p.care_gaps)],
        )

    def set_deleted(self, patient_id: int, when: datetime | None) -> None:
        self.conn.execute(
            "UPDATE patient SET deleted_at = ? WHERE id = ?",
            (when.isoformat() if when else None, patient_id),
        )

    def exists(self, patient_id: int, *, include_deleted: bool = False) -> bool:
        sql = "SELECT 1 FROM patient WHERE id = ?"
        if not include_deleted:
            sql += " AND deleted_at IS NULL"
        return self.conn.execute(sql, (patient_id,)).fetchone() is not None

    def display_names(self, patient_ids: Sequence[int]) -> dict[int, str]:
        """"Last, First" of each patient not deleted, in one query per 500 ids."""
        found: dict[int, str] = {}
        for part in chunks(patient_ids):
            for pid, first, last in self.conn.execute(
                    f"SELECT id, first_name, last_name FROM patient WHERE deleted_at IS NULL AND id IN"
                    f" ({marks(len(part))})", part):
                found[pid] = f"{last}, {first}"
        return found

    def get(self, patient_id: int) -> Patient | None:
        row = self.conn.execute(
            f"SELECT id, {_PATIENT_COLUMNS} FROM patient WHERE id = ? AND deleted_at IS NULL",
            (patient_id,),
        ).fetchone()
        return self._patient(row) if row else None

    def get_many(self, patient_ids: Sequence[int]) -> dict[int, Patient]:
        """Many patients (not deleted) by id, whole, in a few queries per 500 ids."""
        found: dict[int, Patient] = {}
        for part in chunks(sorted(set(patient_ids))):
            listed = marks(len(part))
            rows = self.conn.execute(
                f"SELECT id, {_PATIENT_COLUMNS} FROM patient WHERE deleted_at IS NULL AND id IN ({listed})",
                part).fetchall()
            children = self._children(part, listed)
            found.update((row[0], self._patient(row, children)) for row in rows)
        return found

    def _children(self, ids: Sequence[int], listed: str) -> dict[str, dict[int, list[tuple[Any, ...]]]]:
        """Phones, last visits and care gaps of the patients `ids`, by patient id."""
        out: dict[str, dict[int, list[tuple[Any, ...]]]] = {"phones": {}, "visits": {}, "gaps": {}}
        for name, sql in (
                ("phones", "SELECT patient_id, number, kind FROM patient_phone WHERE patient_id IN ({})"
                           " ORDER BY patient_id, position"),
                ("visits", "SELECT patient_id, provider_id, day FROM patient_last_visit"
                           " WHERE patient_id IN ({}) ORDER BY patient_id, provider_id"),
                ("gaps", "SELECT patient_id, kind, due, note, done FROM care_gap WHERE patient_id IN ({})"
                         " ORDER BY patient_id, position")):
            for row in self.conn.execute(sql.format(listed), list(ids)):
                out[name].setdefault(row[0], []).append(row[1:])
        return out

    def _patient(self, row: tuple[Any, ...],
                 children: dict[str, dict[int, list[tuple[Any, ...]]]] | None = None) -> Patient:
        pid = row[0]
        mine = children or self._children([pid], "?")
        phones = tuple(Phone(n, PhoneKind(k)) for n, k in mine["phones"].get(pid, ()))
        visits = tuple(LastVisit(prov, date.fromisoformat(d)) for prov, d in mine["visits"].get(pid, ()))
        gaps = tuple(CareGap(k, date.fromisoformat(d), n, date.fromisoformat(done) if done else None)
                     for k, d, n, done in mine["gaps"].get(pid, ()))
        insurance = (
            Insurance(payer=row[6], member_id=row[7], plan_type=PlanType(row[8]),
                      group_number=row[9], subscriber=row[17])
            if row[8] else None
        )
        secondary = (
            Insurance(payer=row[13], member_id=row[14], plan_type=PlanType(row[15]) if row[15] else None,
                      group_number=row[16], subscriber=row[18])
            if row[13] else None
        )
        return Patient(
            id=pid, first_name=row[1], last_name=row[2],
            date_of_birth=date.fromisoformat(row[3]), email=row[4],
            preferred_contact=ContactMethod(row[5]), insurance=insurance,
            preferred_pharmacy=row[10], notes=row[11],
            phones=phones, last_visits=visits, care_gaps=gaps, secondary_insurance=secondary,
        )

    def search(self, text: str, limit: int = 50) -> list[Patient]:
        """Name prefix ("smi jo", "smith, john"), date of birth (1980-04-02 or 04/02/1980) or
        phone digits (4 or more, anywhere in the number)."""
        text = text.strip()
        if not text:
            return []
        born = _parse_dob(text)
        digits = digits_of(text)
        base = f"SELECT id, {_PATIENT_COLUMNS} FROM patient WHERE deleted_at IS NULL AND "
        if born is not None:
            rows = self.conn.execute(
                base + "date_of_birth = ? ORDER BY search_name LIMIT ?", (born.isoformat(), limit)
            ).fetchall()
        elif len(digits) >= 4 and len(digits) >= len(re.sub(r"[\s()+.-]", "", text)):
            rows = self.conn.execute(
                base + "id IN (SELECT patient_id FROM patient_phone WHERE digits LIKE ?)"
                " ORDER BY search_name LIMIT ?", (f"%{digits}%", limit)
            ).fetchall()
        else:
            words = [search_key(w) for w in re.split(r"[\s,]+", text) if search_key(w)]
            if not words:
                return []
            # the first word is a last-name prefix (indexed); the rest narrow down
            clauses = ["search_name >= ? AND search_name < ?"]
            params: list[object] = [words[0], words[0] + "\uffff"]
            for word in words[1:]:
                clauses.append("instr(search_name, ' ' || ?) > 0")
                params.append(word)
            rows = self.conn.execute(
                base + " AND ".join(clauses) + " ORDER BY search_name LIMIT ?", (*params, limit)
            ).fetchall()
        return [self._patient(r) for r in rows]

    def count(self) -> int:
        return int(
            self.conn.execute("SELECT count(*) FROM patient WHERE deleted_at IS NULL").fetchone()[0]
        )


def _parse_dob(text: str) -> date | None:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        y, m, d = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
        if not match:
            return None
        m, d, y = (int(g) for g in match.groups())
    try:
        return date(y, m, d)
    except ValueError:
        return None
