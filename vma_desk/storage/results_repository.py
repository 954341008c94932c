"""Results expected for a patient, with their time-stamped events. SQL only: the rules live in
`core/results.py`. Dates are ISO text, times UTC integer seconds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from vma_desk.core.results import Disposition, ExpectedResult, ResultEvent, ResultStep
from vma_desk.storage.calendar_repository import from_ts, to_ts
from vma_desk.storage.database import Db, inserted_id
from vma_desk.storage.sql import assignments, chunks, column_marks, marks

_COLUMNS = ("patient_id, test, ordered_by_id, ordered_on, expected_by, appointment_id, state, urgent, "
            "urgent_ts, urgent_by_id, disposition, disposition_by_id, disposition_note, visit_id")
_PLACEHOLDERS = column_marks(_COLUMNS)
_SETS = assignments(_COLUMNS)
#: every state but closed, by name: the state index finds them ("!= 'closed'" would read every row)
_OPEN_STATES = [step.value for step in ResultStep if step is not ResultStep.CLOSED]


def result_row(r: ExpectedResult) -> tuple[object, ...]:
    return (r.patient_id, r.test, r.ordered_by_id, r.ordered_on.isoformat() if r.ordered_on else None,
            r.expected_by.isoformat(), r.appointment_id, r.step.value, int(r.urgent),
            None if r.urgent_at is None else to_ts(r.urgent_at), r.urgent_by_id,
            r.disposition.value if r.disposition else "", r.disposition_by_id, r.disposition_note, r.visit_id)


def event_rows(result_id: int, events: Sequence[ResultEvent], first: int = 0) -> list[tuple[object, ...]]:
    """The `result_event` rows of `events`, numbered from `first`."""
    return [(result_id, first + i, e.step.value, to_ts(e.at), e.by, e.recorded_by, e.note, e.action)
            for i, e in enumerate(events)]


EVENT_INSERT = ("INSERT INTO result_event(result_id, position, state, at_ts, by_user, recorded_by, note,"
                " action) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def _result(r: Sequence[Any], events: list[ResultEvent]) -> ExpectedResult:
    return ExpectedResult(
        id=r[0], patient_id=r[1], test=r[2], ordered_by_id=r[3],
        ordered_on=date.fromisoformat(r[4]) if r[4] else None, expected_by=date.fromisoformat(r[5]),
        appointment_id=r[6], step=ResultStep(r[7]), urgent=bool(r[8]), urgent_at=from_ts(r[9]),
        urgent_by_id=r[10], disposition=Disposition(r[11]) if r[11] else None, disposition_by_id=r[12],
        disposition_note=r[13], visit_id=r[14], events=tuple(events))


class ResultRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def insert(self, result: ExpectedResult, *, created_at: datetime, created_by: str) -> int:
        cur = self.conn.execute(
            f"INSERT INTO result({_COLUMNS}, created_ts, created_by) VALUES ({_PLACEHOLDERS}, ?, ?)",
            (*result_row(result), to_ts(created_at), created_by))
        result_id = inserted_id(cur)
        self.conn.executemany(EVENT_INSERT, event_rows(result_id, result.events))
        return result_id

    def update(self, result: ExpectedResult) -> None:
        self.conn.execute(f"UPDATE result SET {_SETS} WHERE id = ?", (*result_row(result), result.id))

    def add_events(self, result_id: int, events: Sequence[ResultEvent]) -> None:
        first = self.conn.execute(
            "SELECT coalesce(max(position) + 1, 0) FROM result_event WHERE result_id = ?",
            (result_id,)).fetchone()[0]
        self.conn.executemany(EVENT_INSERT, event_rows(result_id, events, int(first)))

    def link_visit(self, result_id: int, visit_id: int) -> None:
        self.conn.execute("UPDATE result SET visit_id = ? WHERE id = ?", (visit_id, result_id))

    def _select(self, where: str, params: Sequence[object]) -> list[ExpectedResult]:
        rows = self.conn.execute(f"SELECT id, {_COLUMNS} FROM result r WHERE {where}",
                                 list(params)).fetchall()
        events: dict[int, list[ResultEvent]] = {}
        for part in chunks([r[0] for r in rows]):
            for rid, state, at, by, recorded_by, note, action in self.conn.execute(
                    "SELECT result_id, state, at_ts, by_user, recorded_by, note, action FROM result_event"
                    f" WHERE result_id IN ({marks(len(part))}) ORDER BY result_id, position", part):
                events.setdefault(rid, []).append(
                    ResultEvent(ResultStep(state), from_ts(at), by, note, recorded_by, action))
        return [_result(r, events.get(r[0], [])) for r in rows]

    def get(self, result_id: int) -> ExpectedResult | None:
        found = self._select("id = ?", [result_id])
        return found[0] if found else None

    def open_results(self) -> list[ExpectedResult]:
        """Every result not closed, the earliest expected first."""
        return self._select(f"state IN ({marks(len(_OPEN_STATES))}) ORDER BY expected_by, id", _OPEN_STATES)

    def of_patient(self, patient_id: int, *, closed: int) -> list[ExpectedResult]:
        """The patient's open results (earliest expected first), then the `closed` last closed."""
        open_ones = self._select(f"patient_id = ? AND state IN ({marks(len(_OPEN_STATES))})"
                                 " ORDER BY expected_by, id", [patient_id, *_OPEN_STATES])
        last = self._select(
            "patient_id = ? AND state = 'closed' ORDER BY"
            " (SELECT max(at_ts) FROM result_event e WHERE e.result_id = r.id) DESC, id DESC LIMIT ?",
            [patient_id, closed])
        return open_ones + last

    def awaited_of(self, patient_ids: Sequence[int]) -> list[ExpectedResult]:
        """The results still awaited of these patients, earliest expected first."""
        found: list[ExpectedResult] = []
        for part in chunks(list(patient_ids)):
            found += self._select(f"patient_id IN ({marks(len(part))}) AND state = 'awaited'"
                                  " ORDER BY expected_by, id", part)
        return found

    def visits(self, appointment_ids: Sequence[int]) -> dict[int, tuple[int, datetime]]:
        """(patient id, start) of each of these appointments, by id."""
        found: dict[int, tuple[int, datetime]] = {}
        for part in chunks(list(appointment_ids)):
            for visit_id, patient_id, start in self.conn.execute(
                    "SELECT id, patient_id, start_ts FROM appointment"
                    f" WHERE id IN ({marks(len(part))})", part):
                found[visit_id] = (patient_id, from_ts(start))
        return found

    def appointment_patient(self, appointment_id: int) -> int | None:
        row = self.conn.execute("SELECT patient_id FROM appointment WHERE id = ?",
                                (appointment_id,)).fetchone()
        return None if row is None else int(row[0])

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM result").fetchone()[0])
