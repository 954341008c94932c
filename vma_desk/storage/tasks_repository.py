"""Tasks' rows (`task` <-> `core.tasks.Task`). SQL only: the rules live in `core/tasks.py` and
`services/tasks.py`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from vma_desk.core.records import RecordKind
from vma_desk.core.tasks import Task, TaskState
from vma_desk.storage.calendar_repository import from_ts, to_ts
from vma_desk.storage.database import Db, inserted_id
from vma_desk.storage.sql import chunks, marks

_COLUMNS = ("title, assignee_user_id, assignee_staff_id, assignee_role, due_ts, link_kind, link_id,"
            " patient_id, rrule, repeats_id, note, state, created_ts, created_by, closed_ts, closed_by,"
            " cancel_reason")
_SELECT = f"SELECT id, {_COLUMNS} FROM task"
#: the table each kind of record a task may link to is kept in
_TABLES = {RecordKind.PATIENT: "patient", RecordKind.APPOINTMENT: "appointment", RecordKind.CALL: "call",
           RecordKind.MESSAGE: "message", RecordKind.REFILL: "refill", RecordKind.REFERRAL: "referral",
           RecordKind.PRIOR_AUTH: "prior_auth", RecordKind.RESULT: "result",
           RecordKind.RECORDS_REQUEST: "records_request"}
_STATES = {s.value: s for s in TaskState}


def _task(row: tuple[Any, ...]) -> Task:
    return Task(id=row[0], title=row[1], assignee_user_id=row[2], assignee_staff_id=row[3],
                assignee_role=row[4], due_at=from_ts(row[5]),
                link_kind=RecordKind(row[6]) if row[6] else None,
                link_id=row[7], patient_id=row[8], rrule=row[9], repeats_id=row[10], note=row[11],
                state=_STATES[row[12]], created_at=from_ts(row[13]), created_by=row[14],
                closed_at=from_ts(row[15]), closed_by=row[16], cancel_reason=row[17])


def _values(task: Task) -> tuple[Any, ...]:
    return (task.title, task.assignee_user_id, task.assignee_staff_id, task.assignee_role, to_ts(task.due_at),
            task.link_kind.value if task.link_kind else "", task.link_id, task.patient_id, task.rrule,
            task.repeats_id, task.note, task.state.value,
            None if task.created_at is None else to_ts(task.created_at), task.created_by,
            None if task.closed_at is None else to_ts(task.closed_at), task.closed_by, task.cancel_reason)


class TaskRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def insert(self, task: Task) -> int:
        return inserted_id(self.conn.execute(
            f"INSERT INTO task({_COLUMNS}) VALUES ({marks(17)})", _values(task)))

    def update(self, task: Task) -> None:
        sets = ", ".join(f"{c.strip()} = ?" for c in _COLUMNS.split(","))
        self.conn.execute(f"UPDATE task SET {sets} WHERE id = ?", (*_values(task), task.id))

    def get(self, task_id: int) -> Task | None:
        row = self.conn.execute(f"{_SELECT} WHERE id = ?", (task_id,)).fetchone()
        return None if row is None else _task(row)

    def open_due_before(self, moment: datetime | None = None) -> list[Task]:
        """The open tasks (due before `moment` when given), the soonest due first (state, due index)."""
        if moment is None:
            rows = self.conn.execute(f"{_SELECT} WHERE state = 'open' ORDER BY due_ts, id")
        else:
            rows = self.conn.execute(f"{_SELECT} WHERE state = 'open' AND due_ts < ? ORDER BY due_ts, id",
                                     (to_ts(moment),))
        return [_task(r) for r in rows]

    def linked_next(self, task_id: int) -> list[Task]:
        """The occurrences made from this one (a repeating task's next)."""
        return [_task(r) for r in self.conn.execute(f"{_SELECT} WHERE repeats_id = ?", (task_id,))]

    def delete(self, task_id: int) -> None:
        self.conn.execute("DELETE FROM task WHERE id = ?", (task_id,))

    def of_patient(self, patient_id: int, closed: int) -> list[Task]:
        """A patient's open tasks and their last `closed` done or cancelled ones."""
        open_rows = self.conn.execute(
            f"{_SELECT} WHERE patient_id = ? AND state = 'open' ORDER BY due_ts, id",
            (patient_id,)).fetchall()
        closed_rows = self.conn.execute(
            f"{_SELECT} WHERE patient_id = ? AND state != 'open' ORDER BY closed_ts DESC, id DESC LIMIT ?",
            (patient_id, closed)).fetchall()
        return [_task(r) for r in (*open_rows, *closed_rows)]

    def linked_to(self, kind: RecordKind, record_ids: Sequence[int]) -> list[Task]:
        """The tasks linked to these records of one kind, open first, then by due time."""
        out: list[Task] = []
        for part in chunks(list(record_ids)):
            out += [_task(r) for r in self.conn.execute(
                f"{_SELECT} WHERE link_kind = ? AND link_id IN ({marks(len(part))})", (kind.value, *part))]
        return sorted(out, key=lambda t: (not t.is_open, t.due_at, t.id or 0))

    def closed_between(self, start: datetime, end: datetime) -> list[Task]:
        """Tasks done or cancelled in [start, end), in that order (the handoff's "what changed")."""
        return [_task(r) for r in self.conn.execute(
            f"{_SELECT} WHERE state != 'open' AND closed_ts >= ? AND closed_ts < ? ORDER BY closed_ts, id",
            (to_ts(start), to_ts(end)))]

    def record_exists(self, kind: RecordKind, record_id: int) -> bool:
        table = _TABLES.get(kind)
        return table is not None and self.conn.execute(
            f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)).fetchone() is not None

    def patient_of(self, kind: RecordKind, record_id: int) -> int | None:
        """The patient a linked record is about (None when it names none: a call from a stranger)."""
        if kind is RecordKind.PATIENT:
            return record_id
        table = _TABLES.get(kind)
        if table is None:
            return None
        row = self.conn.execute(f"SELECT patient_id FROM {table} WHERE id = ?", (record_id,)).fetchone()
        return None if row is None or row[0] is None else int(row[0])
