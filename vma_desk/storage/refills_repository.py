"""Refill requests with their required labs and time-stamped steps."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from vma_desk.core.calendar import VisitStatus
from vma_desk.core.communications import Urgency
from vma_desk.core.refills import (
    BookedVisit,
    ChartCheck,
    Decision,
    LabCheck,
    RefillEvent,
    RefillRequest,
    RefillSource,
    RefillStep,
)
from vma_desk.storage.calendar_repository import from_ts, to_ts
from vma_desk.storage.database import Db, inserted_id
from vma_desk.storage.sql import assignments, chunks, column_marks, marks

_COLUMNS = ("received_ts, patient_id, medication, strength, quantity, pharmacy, source, requested_by, "
            "prescriber_id, urgency, refills_remaining, notes, escalation_action, call_id, step, "
            "check_passed, check_reasons, check_notes, due_ts, decision, decided_by_id, decided_ts, "
            "decision_note")
_PLACEHOLDERS = column_marks(_COLUMNS)
_SETS = assignments(_COLUMNS)
#: a booked visit's statuses that leave the patient still needing the visit
_FELL_THROUGH = frozenset({VisitStatus.CANCELLED.value, VisitStatus.NO_SHOW.value})
#: every step but closed: a request is open until closed
_OPEN_STEPS = [step.value for step in RefillStep if step is not RefillStep.CLOSED]


def _opt_ts(moment: datetime | None) -> int | None:
    return None if moment is None else to_ts(moment)


def _opt_day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(text.split("\n")) if text else ()


def refill_row(r: RefillRequest) -> tuple[object, ...]:
    check = r.check
    return (to_ts(r.received_at), r.patient_id, r.medication, r.strength, r.quantity, r.pharmacy,
            r.source.value, r.requested_by, r.prescriber_id, r.urgency.value, r.refills_remaining, r.notes,
            r.escalation_action, r.call_id, r.step.value,
            None if check is None else int(check.passed), "\n".join(check.reasons) if check else "",
            "\n".join(check.notes) if check else "",
            _opt_ts(r.due_at), r.decision.value if r.decision else None, r.decided_by_id,
            _opt_ts(r.decided_at), r.decision_note)


class RefillRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def insert(self, request: RefillRequest) -> int:
        cur = self.conn.execute(f"INSERT INTO refill({_COLUMNS}) VALUES ({_PLACEHOLDERS})",
                                refill_row(request))
        refill_id = inserted_id(cur)
        self._write_labs(refill_id, request.labs)
        self.add_events(refill_id, request.events)
        return refill_id

    def insert_many(self, requests: Sequence[RefillRequest]) -> None:
        """Bulk insert of new requests that carry their ids (the demo), with labs and events."""
        self.conn.executemany(f"INSERT INTO refill(id, {_COLUMNS}) VALUES (?, {_PLACEHOLDERS})",
                              [(r.id, *refill_row(r)) for r in requests])
        self.conn.executemany(
            "INSERT INTO refill_lab(refill_id, name, every_months, last_done) VALUES (?, ?, ?, ?)",
            [(r.id, lab.name, lab.every_months, lab.last_done.isoformat() if lab.last_done else None)
             for r in requests for lab in r.labs])
        self.conn.executemany(
            "INSERT INTO refill_event(refill_id, step, at_ts, by_user, note, recorded_by)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(r.id, e.step.value, to_ts(e.at), e.by, e.note, e.recorded_by)
             for r in requests for e in r.events])

    def update(self, request: RefillRequest) -> None:
        self.conn.execute(f"UPDATE refill SET {_SETS} WHERE id = ?", (*refill_row(request), request.id))
        self._write_labs(request.id or 0, request.labs)

    def _write_labs(self, refill_id: int, labs: Sequence[LabCheck]) -> None:
        self.conn.execute("DELETE FROM refill_lab WHERE refill_id = ?", (refill_id,))
        self.conn.executemany(
            "INSERT INTO refill_lab(refill_id, name, every_months, last_done) VALUES (?, ?, ?, ?)",
            [(refill_id, lab.name, lab.every_months, lab.last_done.isoformat() if lab.last_done else None)
             for lab in labs])

    def add_events(self, refill_id: int, events: Sequence[RefillEvent]) -> None:
        self.conn.executemany(
            "INSERT INTO refill_event(refill_id, step, at_ts, by_user, note, recorded_by, action)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(refill_id, e.step.value, to_ts(e.at), e.by, e.note, e.recorded_by, e.action) for e in events])

    def _select(self, where: str, params: Sequence[object]) -> list[RefillRequest]:
        rows = self.conn.execute(f"SELECT id, {_COLUMNS}, visit_id FROM refill WHERE {where}",
                                 list(params)).fetchall()
        if not rows:
            return []
        ids = [r[0] for r in rows]
        labs: dict[int, list[LabCheck]] = {}
        events: dict[int, list[RefillEvent]] = {}
        visits = self._visits([r[24] for r in rows if r[24] is not None])
        for part in chunks(ids):
            listed = marks(len(part))
            for rid, name, months, last in self.conn.execute(
                    "SELECT refill_id, name, every_months, last_done FROM refill_lab"
                    f" WHERE refill_id IN ({listed})"
                    " ORDER BY refill_id, name", part):
                labs.setdefault(rid, []).append(LabCheck(name, months, _opt_day(last)))
            for rid, step, at, by, note, recorded_by, action in self.conn.execute(
                    "SELECT refill_id, step, at_ts, by_user, note, recorded_by, action FROM refill_event"
                    f" WHERE refill_id IN ({listed})"
                    " ORDER BY rowid", part):
                events.setdefault(rid, []).append(
                    RefillEvent(RefillStep(step), from_ts(at), by, note, recorded_by, action))
        return [self._request(r, labs.get(r[0], []), events.get(r[0], []), visits.get(r[24]))
                for r in rows]

    @staticmethod
    def _request(r: Sequence[Any], labs: list[LabCheck], events: list[RefillEvent],
                 visit: BookedVisit | None = None) -> RefillRequest:
        check = None if r[16] is None else ChartCheck(bool(r[16]), _lines(r[17]), _lines(r[18]))
        return RefillRequest(
            id=r[0], received_at=from_ts(r[1]), patient_id=r[2], medication=r[3], strength=r[4],
            quantity=r[5], pharmacy=r[6], source=RefillSource(r[7]), requested_by=r[8], prescriber_id=r[9],
            urgency=Urgency(r[10]), refills_remaining=r[11], notes=r[12], escalation_action=r[13],
            call_id=r[14], step=RefillStep(r[15]), check=check, due_at=from_ts(r[19]),
            decision=Decision(r[20]) if r[20] else None, decided_by_id=r[21], decided_at=from_ts(r[22]),
            decision_note=r[23], labs=tuple(labs), events=tuple(events), visit=visit)

    def _visits(self, visit_ids: Sequence[int]) -> dict[int, BookedVisit]:
        """The booked visits by id (a cancelled or no-show visit marked so)."""
        found: dict[int, BookedVisit] = {}
        for part in chunks(visit_ids):
            for vid, start_ts, provider_id, type_code, status in self.conn.execute(
                    "SELECT id, start_ts, provider_id, type_code, status FROM appointment"
                    f" WHERE id IN ({marks(len(part))})", part):
                found[vid] = BookedVisit(vid, from_ts(start_ts), provider_id, type_code,
                                         status in _FELL_THROUGH)
        return found

    def link_visit(self, refill_id: int, visit_id: int) -> None:
        self.conn.execute("UPDATE refill SET visit_id = ? WHERE id = ?", (visit_id, refill_id))

    def for_visits(self, visit_ids: Sequence[int]) -> dict[int, list[RefillRequest]]:
        """The requests each of these visits was booked for, by visit id."""
        found: dict[int, list[RefillRequest]] = {}
        for part in chunks(visit_ids):
            for request in self._select(f"visit_id IN ({marks(len(part))}) ORDER BY id", part):
                found.setdefault(request.visit.id if request.visit else 0, []).append(request)
        return found

    def awaiting_visit(self) -> list[RefillRequest]:
        """"Needs visit — not booked": open ones without a visit, and any whose visit fell through."""
        statuses = marks(len(_FELL_THROUGH))
        return self._select(
            "decision = 'needs_visit' AND (visit_id IS NULL AND step != 'closed' OR visit_id IN"
            f" (SELECT id FROM appointment WHERE status IN ({statuses}))) ORDER BY decided_ts, id",
            sorted(_FELL_THROUGH))

    def get(self, refill_id: int) -> RefillRequest | None:
        found = self._select("id = ?", [refill_id])
        return found[0] if found else None

    def open_requests(self) -> list[RefillRequest]:
        # the open steps by name: the step index finds them, where "!= 'closed'" reads every request
        return self._select(f"step IN ({marks(len(_OPEN_STEPS))}) ORDER BY due_ts, id", _OPEN_STEPS)

    def closed_between(self, start: datetime, end: datetime) -> list[RefillRequest]:
        return self._select(
            "step = 'closed' AND id IN (SELECT refill_id FROM refill_event WHERE step = 'closed'"
            " AND at_ts >= ? AND at_ts < ?) ORDER BY received_ts", [to_ts(start), to_ts(end)])

    def received_between(self, start: datetime, end: datetime) -> list[RefillRequest]:
        return self._select("received_ts >= ? AND received_ts < ? ORDER BY received_ts",
                            [to_ts(start), to_ts(end)])

    def for_patient_before(self, patient_id: int, end: datetime) -> list[RefillRequest]:
        return self._select("patient_id = ? AND received_ts < ? ORDER BY received_ts, id",
                            [patient_id, to_ts(end)])

    def for_patient(self, patient_id: int) -> list[RefillRequest]:
        return self._select("patient_id = ? ORDER BY received_ts DESC", [patient_id])

    def count_open(self) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM refill WHERE step IN ({marks(len(_OPEN_STEPS))})",
                                     _OPEN_STEPS).fetchone()[0])
