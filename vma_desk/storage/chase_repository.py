"""Chasing's rows: contact attempts (`contact_attempt` <-> `Attempt`), voicemails and the box's
checks, and the calls waiting for a callback. SQL only: the rules live in `core/chase.py` and
`services/chase.py`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from vma_desk.core.chase import Attempt, Channel, ChaseKind, Outcome, Voicemail
from vma_desk.core.communications import Call
from vma_desk.storage.calendar_repository import from_ts, to_ts
from vma_desk.storage.communications_repository import CALL_COLUMNS, call_from_row
from vma_desk.storage.database import Db, inserted_id

_ATTEMPT = ("SELECT id, kind, record_id, patient_id, at_ts, channel, outcome, by_user, note, next_ts"
            " FROM contact_attempt")
_VOICEMAIL = ("SELECT id, left_ts, caller_name, number, patient_id, urgency, summary, heard_ts, heard_by,"
              " returned_ts, returned_by FROM voicemail")
#: SQLite's default limit of bound parameters is far above this; lists are read in chunks of it
_CHUNK = 500


#: stored words to members by dictionary: calling an enum per value costs more than the rest of
#: the row when a worklist reads thousands of attempts
_KINDS = {k.value: k for k in ChaseKind}
_CHANNELS = {c.value: c for c in Channel}
_OUTCOMES = {o.value: o for o in Outcome}


def _attempt(row: tuple[Any, ...]) -> Attempt:
    return Attempt(id=row[0], kind=_KINDS[row[1]], record_id=row[2], patient_id=row[3], at=from_ts(row[4]),
                   channel=_CHANNELS[row[5]], outcome=_OUTCOMES[row[6]], by=row[7], note=row[8],
                   next_at=from_ts(row[9]))


def attempts_from_rows(rows: Iterable[tuple[Any, ...]]) -> list[Attempt]:
    """Attempts from rows read as `_ATTEMPT` reads them (id, kind, record_id, ... next_ts)."""
    return [_attempt(row) for row in rows]


def _voicemail(row: tuple[Any, ...]) -> Voicemail:
    return Voicemail(id=row[0], left_at=from_ts(row[1]), caller_name=row[2], number=row[3], patient_id=row[4],
                     urgency=row[5], summary=row[6], heard_at=from_ts(row[7]), heard_by=row[8],
                     returned_at=from_ts(row[9]), returned_by=row[10])


class ChaseRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    # --- attempts -------------------------------------------------------------------------------
    def insert_attempt(self, attempt: Attempt, recorded_at: datetime) -> int:
        cursor = self.conn.execute(
            "INSERT INTO contact_attempt(kind, record_id, patient_id, at_ts, channel, outcome, by_user, note,"
            " next_ts, recorded_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (attempt.kind.value, attempt.record_id, attempt.patient_id, to_ts(attempt.at),
             attempt.channel.value, attempt.outcome.value, attempt.by, attempt.note,
             None if attempt.next_at is None else to_ts(attempt.next_at), to_ts(recorded_at)))
        return inserted_id(cursor)

    def attempts(self, kind: ChaseKind, record_id: int) -> list[Attempt]:
        """A record's attempts, oldest first."""
        return [_attempt(r) for r in self.conn.execute(
            f"{_ATTEMPT} WHERE kind = ? AND record_id = ? ORDER BY at_ts, id", (kind.value, record_id))]

    def attempts_of(self, kind: ChaseKind, record_ids: Sequence[int]) -> dict[int, list[Attempt]]:
        """The attempts of many records of one kind in one read per chunk, each record's oldest first."""
        out: dict[int, list[Attempt]] = defaultdict(list)
        ids = list(dict.fromkeys(record_ids))
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            for row in self.conn.execute(
                    f"{_ATTEMPT} WHERE kind = ? AND record_id IN ({marks}) ORDER BY at_ts, id",
                    (kind.value, *chunk)):
                out[row[2]].append(_attempt(row))
        return dict(out)

    def attempts_between(self, start: datetime, end: datetime) -> list[Attempt]:
        """Every attempt made in [start, end), oldest first (the activity summary's figures)."""
        return [_attempt(r) for r in self.conn.execute(
            f"{_ATTEMPT} WHERE at_ts >= ? AND at_ts < ? ORDER BY at_ts, id", (to_ts(start), to_ts(end)))]

    # --- chases closed as unreachable ------------------------------------------------------------
    def insert_closure(self, kind: ChaseKind, record_id: int, reason: str, by: str, at: datetime) -> None:
        self.conn.execute("INSERT INTO chase_closure(kind, record_id, reason, by_user, at_ts) VALUES"
                          " (?, ?, ?, ?, ?)", (kind.value, record_id, reason, by, to_ts(at)))

    def delete_closure(self, kind: ChaseKind, record_id: int) -> None:
        self.conn.execute("DELETE FROM chase_closure WHERE kind = ? AND record_id = ?",
                          (kind.value, record_id))

    def closure(self, kind: ChaseKind, record_id: int) -> tuple[str, str, datetime] | None:
        """(reason, by, when) of a chase closed as unreachable; None while it is not."""
        row = self.conn.execute("SELECT reason, by_user, at_ts FROM chase_closure WHERE kind = ? AND"
                                " record_id = ?", (kind.value, record_id)).fetchone()
        return None if row is None else (row[0], row[1], from_ts(row[2]))

    def closed_of(self, kind: ChaseKind, record_ids: Sequence[int]) -> set[int]:
        """Which of these records' chases of one kind are closed as unreachable."""
        out: set[int] = set()
        ids = list(dict.fromkeys(record_ids))
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            out.update(row[0] for row in self.conn.execute(
                f"SELECT record_id FROM chase_closure WHERE kind = ? AND record_id IN ({marks})",
                (kind.value, *chunk)))
        return out

    # --- voicemail ------------------------------------------------------------------------------
    def insert_voicemail(self, vm: Voicemail) -> int:
        cursor = self.conn.execute(
            "INSERT INTO voicemail(left_ts, caller_name, number, patient_id, urgency, summary, heard_ts,"
            " heard_by, returned_ts, returned_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (to_ts(vm.left_at), vm.caller_name, vm.number, vm.patient_id, vm.urgency, vm.summary,
             None if vm.heard_at is None else to_ts(vm.heard_at), vm.heard_by,
             None if vm.returned_at is None else to_ts(vm.returned_at), vm.returned_by))
        return inserted_id(cursor)

    def update_voicemail(self, vm: Voicemail) -> None:
        self.conn.execute(
            "UPDATE voicemail SET left_ts = ?, caller_name = ?, number = ?, patient_id = ?, urgency = ?,"
            " summary = ?, heard_ts = ?, heard_by = ?, returned_ts = ?, returned_by = ? WHERE id = ?",
            (to_ts(vm.left_at), vm.caller_name, vm.number, vm.patient_id, vm.urgency, vm.summary,
             None if vm.heard_at is None else to_ts(vm.heard_at), vm.heard_by,
             None if vm.returned_at is None else to_ts(vm.returned_at), vm.returned_by, vm.id))

    def voicemail(self, voicemail_id: int) -> Voicemail | None:
        row = self.conn.execute(f"{_VOICEMAIL} WHERE id = ?", (voicemail_id,)).fetchone()
        return _voicemail(row) if row else None

    def unreturned_voicemails(self) -> list[Voicemail]:
        """Voicemails not returned yet, oldest first (the service orders them by urgency and age)."""
        return [_voicemail(r) for r in self.conn.execute(
            f"{_VOICEMAIL} WHERE returned_ts IS NULL ORDER BY left_ts, id")]

    def voicemails_between(self, start: datetime, end: datetime) -> list[Voicemail]:
        """Voicemails left in [start, end), oldest first."""
        return [_voicemail(r) for r in self.conn.execute(
            f"{_VOICEMAIL} WHERE left_ts >= ? AND left_ts < ? ORDER BY left_ts, id",
            (to_ts(start), to_ts(end)))]

    def insert_box_check(self, at: datetime, by: str, found: int) -> int:
        cursor = self.conn.execute("INSERT INTO voicemail_check(at_ts, by_user, found) VALUES (?, ?, ?)",
                                   (to_ts(at), by, found))
        return inserted_id(cursor)

    def last_box_check(self) -> datetime | None:
        row = self.conn.execute("SELECT max(at_ts) FROM voicemail_check").fetchone()
        return from_ts(row[0]) if row and row[0] is not None else None

    def box_checks_between(self, start: datetime, end: datetime) -> list[datetime]:
        return [from_ts(r[0]) for r in self.conn.execute(
            "SELECT at_ts FROM voicemail_check WHERE at_ts >= ? AND at_ts < ? ORDER BY at_ts",
            (to_ts(start), to_ts(end)))]

    # --- calls waiting for a callback --------------------------------------------------------------
    def open_callbacks(self) -> list[Call]:
        """Calls logged "callback needed" whose callback is not done, oldest first (one read)."""
        return [call_from_row(r) for r in self.conn.execute(
            f"SELECT id, {CALL_COLUMNS} FROM call WHERE outcome = 'callback_needed'"
            " AND callback_done_ts IS NULL ORDER BY started_ts, id")]

    def callback_done(self, call_id: int) -> datetime | None:
        row = self.conn.execute("SELECT callback_done_ts FROM call WHERE id = ?", (call_id,)).fetchone()
        return from_ts(row[0]) if row and row[0] is not None else None

    def set_callback_done(self, call_id: int, at: datetime | None, by: str) -> None:
        self.conn.execute("UPDATE call SET callback_done_ts = ?, callback_done_by = ? WHERE id = ?",
                          (None if at is None else to_ts(at), by, call_id))
