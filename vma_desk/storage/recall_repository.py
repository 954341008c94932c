"""The Recall and To rebook lists' rows: care gaps due, the visits booked ahead, the patients' last
visits and contacts, missed and cancelled visits and the rebooking decisions. SQL only, read in a few
set-based queries whatever the number of patients: the rules live in `core/recall.py` and
`core/rebooking.py`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class RecallQuery:
    """Which patients are on recall, in terms SQL takes: each gap kind (as spelled) with the visit
    type that closes it, the last day a gap may fall due, the visits that hold a slot (not over at
    `now`, one of `holding`), and the filter: kinds chosen (as spelled; empty: any), the provider
    seen last among `providers` (None: any; 0: none on record), the patients the attempts' part of
    the filter keeps (`calls`) and the last contact before a moment or never. A row is quiet while
    its last recall attempt's next one is to come, or that attempt was a letter that did not end
    the chase (`ChaseState.quiet`)."""

    closing: tuple[tuple[str, str], ...]
    last_day: date
    now: datetime
    holding: tuple[str, ...]
    chase_kind: str
    ending: tuple[str, ...]
    letter: str
    providers: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    provider_id: int | None = None
    #: the attempts' part of the filter, worked out from the chase states (`core.chase`): the
    #: patients called it keeps, every patient called, and whether it keeps those never called
    calls: tuple[frozenset[int], frozenset[int], bool] | None = None
    contacted_before: datetime | None = None


def _recall_sql(query: RecallQuery) -> tuple[str, list[Any]]:
    """The WITH clause whose last table, `chosen` (patient_id, first_due, quiet), holds the patients
    on recall `query` lets through; `open` (patient_id, kind, due) their gaps on recall (and the
    others'), for the SELECT that follows."""
    params: list[Any] = [v for pair in query.closing for v in pair] or ["", ""]
    closing = ", ".join("(?, ?)" for _ in query.closing) or "(?, ?)"  # none: a kind no gap has
    now = to_ts(query.now)
    params += [query.last_day.isoformat(), now - 86_400, now, *query.holding]
    # a gap's closing visit looked for through the patient's visits to come (appointment_patient)
    sql = (f"WITH closing(kind, code) AS (VALUES {closing}),"
           " open AS (SELECT g.patient_id, g.kind, g.due FROM care_gap g JOIN closing c ON c.kind = g.kind"
           f" WHERE g.done IS NULL AND g.due <= ? AND g.{_LIVE}"
           " AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.patient_id = g.patient_id"
           " AND a.type_code = c.code AND a.start_ts > ? AND a.end_ts > ?"
           f" AND a.status IN ({marks(len(query.holding))}))),"
           " listed AS (SELECT patient_id, min(due) AS first_due")
    if query.kinds:
        sql += f", max(kind IN ({marks(len(query.kinds))})) AS has_kind"
        params += list(query.kinds)
    # the recall calls through the attempts' index (kind, record_id, at_ts): a few rows a patient
    attempts = "FROM contact_attempt a WHERE a.kind = ? AND a.record_id = l.patient_id"
    last = f"(SELECT {{}} {attempts} ORDER BY a.at_ts DESC, a.id DESC LIMIT 1)"
    quiet = f"coalesce(a.next_ts > ?, 0) OR (a.channel = ? AND a.outcome NOT IN ({marks(len(query.ending))}))"
    sql += (" FROM open GROUP BY patient_id),"
            " chosen AS (SELECT l.patient_id, l.first_due,"  # quiet: not due yet, or a letter went out
            f" coalesce({last.format(quiet)}, 0) AS quiet"
            " FROM listed l WHERE 1")
    params += [now, query.letter, *query.ending, query.chase_kind]
    if query.kinds:
        sql += " AND l.has_kind"
    if query.provider_id is not None:
        sql += (" AND coalesce((SELECT v.provider_id FROM patient_last_visit v"
                " WHERE v.patient_id = l.patient_id"
                f" AND v.provider_id IN ({marks(len(query.providers))}) ORDER BY v.day DESC, v.provider_id"
                " LIMIT 1), 0) = ?")
        params += [*query.providers, query.provider_id]
    if query.calls is not None:
        kept, called, never = query.calls
        sql += (" AND (l.patient_id IN (SELECT value FROM json_each(?))"
                " OR (? AND l.patient_id NOT IN (SELECT value FROM json_each(?))))")
        params += [json.dumps(sorted(kept)), int(never), json.dumps(sorted(called))]
    if query.contacted_before is not None:
        sql += f" AND coalesce((SELECT max(a.at_ts) {attempts}), 0) < ?"
        params += [query.chase_kind, to_ts(query.contacted_before)]
    return sql + ")", params


class RecallRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    # --- recall ---------------------------------------------------------------------------------
    def open_gaps_of(self, patient_ids: Sequence[int], last_day: date) -> dict[int, list[CareGap]]:
        """`open_gaps_due_by` for these patients only (a page of the list)."""
        out: dict[int, list[CareGap]] = {}
        for part in chunks(patient_ids):
            for patient_id, kind, due, note in self.conn.execute(
                    "SELECT patient_id, kind, due, note FROM care_gap WHERE patient_id IN"
                    f" ({marks(len(part))}) AND done IS NULL AND due <= ? ORDER BY patient_id, position",
                    (*part, last_day.isoformat())):
                out.setdefault(patient_id, []).append(CareGap(kind, date.fromisoformat(due), note))
        return out

    def open_kinds_due_by(self, last_day: date) -> list[str]:
        """The kinds (as spelled) of the gaps not done and due on or before `last_day`."""
        return [row[0] for row in self.conn.execute(
            f"SELECT DISTINCT kind FROM care_gap WHERE done IS NULL AND due <= ? AND {_LIVE}",
            (last_day.isoformat(),))]

    def recall_page(self, query: RecallQuery, offset: int, limit: int | None) -> tuple[list[int], int, int]:
        """The patients on recall `query` lets through, the one whose first gap is due first first
        (then by id), `limit` of them from `offset` (None: all); with how many there are in all and
        how many of those are due a call now (not quiet). See `RecallQuery`."""
        chosen, params = _recall_sql(query)
        page = (f"{chosen} SELECT patient_id, count(*) OVER (), sum(1 - quiet) OVER () FROM chosen"
                " ORDER BY first_due, patient_id")
        if limit is not None:
            page += " LIMIT ? OFFSET ?"
        rows = self.conn.execute(page, [*params, limit, offset] if limit is not None else params).fetchall()
        if rows:
            return [row[0] for row in rows], int(rows[0][1]), int(rows[0][2])
        total, due_now = self.conn.execute(  # none on this page: the counts all the same
            f"{chosen} SELECT count(*), coalesce(sum(1 - quiet), 0) FROM chosen", params).fetchone()
        return [], int(total), int(due_now)

    def called(self, kind: str) -> list[int]:
        """The records of one kind of chase with at least one contact attempt."""
        return [row[0] for row in self.conn.execute(
            "SELECT DISTINCT record_id FROM contact_attempt WHERE kind = ? ORDER BY record_id", (kind,))]

    def phones(self, patient_ids: Sequence[int]) -> dict[int, str]:
        """Each patient's first phone number as stored (digits), by id; those with none left out."""
        out: dict[int, str] = {}
        for part in chunks(patient_ids):
            out.update(self.conn.execute(
                f"SELECT patient_id, number FROM patient_phone WHERE patient_id IN ({marks(len(part))})"
                " AND position = (SELECT min(position) FROM patient_phone p WHERE p.patient_id ="
                " patient_phone.patient_id)", part).fetchall())
        return out

    def gaps(self, patient_id: int) -> list[tuple[int, CareGap]]:
        """One patient's gaps with their positions, in their order."""
        return [(row[1], _gap(row[2:])) for row in self.conn.execute(
            f"{_GAP} WHERE patient_id = ? ORDER BY position", (patient_id,))]

    def set_gaps_done(self, patient_id: int, positions: Sequence[int], day: date) -> None:
        self.conn.execute(f"UPDATE care_gap SET done = ? WHERE patient_id = ? AND position IN"
                          f" ({marks(len(positions))})", (day.isoformat(), patient_id, *positions))

    def types_not_over(self, moment: datetime, statuses: Sequence[str],
                       patient_ids: Sequence[int]) -> dict[int, set[str]]:
        """The types of these patients' visits not over at `moment` (to come, or under way) with one
        of `statuses`, by patient id. A visit is at most a day long: the scan starts a day early."""
        out: dict[int, set[str]] = {}
        for part in chunks(patient_ids):
            for patient_id, code in self.conn.execute(
                    f"SELECT DISTINCT patient_id, type_code FROM appointment WHERE patient_id IN"
                    f" ({marks(len(part))}) AND start_ts > ? AND end_ts > ?"
                    f" AND status IN ({marks(len(statuses))})",
                    (*part, to_ts(moment) - 86_400, to_ts(moment), *statuses)):
                out.setdefault(patient_id, set()).add(code)
        return out

    def last_seen(self, provider_ids: Sequence[int], patient_ids: Sequence[int]) -> dict[int, int]:
        """Of each of `patient_ids`, the provider among `provider_ids` with the latest last visit on
        their record (on the same day, the lowest id), by patient id (those who saw none left out)."""
        out: dict[int, int] = {}
        if not provider_ids:
            return out
        for part in chunks(patient_ids):
            out.update(self.conn.execute(
                "SELECT patient_id, provider_id FROM (SELECT patient_id, provider_id, row_number() OVER"
                " (PARTITION BY patient_id ORDER BY day DESC, provider_id) AS nth FROM patient_last_visit"
                f" WHERE patient_id IN ({marks(len(part))}) AND provider_id IN ({marks(len(provider_ids))}))"
                " WHERE nth = 1", (*part, *provider_ids)).fetchall())
        return out

    # --- rebooking ------------------------------------------------------------------------------
    def undecided_since(self, since: datetime, statuses: Sequence[str]) -> list[Appointment]:
        """The visits of patients not deleted starting at or after `since` with one of `statuses`
        and no rebooking decision, in time order."""
        return [appointment_from_row(row) for row in self.conn.execute(
            f"SELECT id, {APPOINTMENT_COLUMNS} FROM appointment WHERE start_ts >= ? AND status IN"
            f" ({marks(len(statuses))}) AND {_LIVE}"
            " AND id NOT IN (SELECT appointment_id FROM rebook_decision)"
            " ORDER BY start_ts, id", (to_ts(since), *statuses))]

    def latest_starts_after(self, moment: datetime, statuses: Sequence[str],
                            patient_ids: Sequence[int]) -> dict[int, datetime]:
        """Of each of `patient_ids`, their latest visit start after `moment` among visits with one
        of `statuses` (read through the per-patient index: a few rows each)."""
        out: dict[int, datetime] = {}
        for part in chunks(patient_ids):
            for patient_id, latest in self.conn.execute(
                    "SELECT patient_id, max(start_ts) FROM appointment WHERE patient_id IN"
                    f" ({marks(len(part))})"
                    f" AND start_ts > ? AND status IN ({marks(len(statuses))}) GROUP BY patient_id",
                    (*part, to_ts(moment), *statuses)):
                out[patient_id] = from_ts(int(latest))
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
