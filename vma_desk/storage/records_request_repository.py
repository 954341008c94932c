"""Records requests' rows and their steps' events. SQL only: the clock and the release rules live in
`core/records_requests.py`. Days are ISO text (practice-local), times UTC integer seconds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from vma_desk.core.records_requests import (
    Direction,
    RecordsRequest,
    RequestEvent,
    RequestState,
    SecureChannel,
)
from vma_desk.storage.calendar_repository import from_ts, to_ts
from vma_desk.storage.database import Db, inserted_id
from vma_desk.storage.sql import assignments, chunks, column_marks, marks

_COLUMNS = ("direction, patient_id, party, items, purpose, asked_on, authorization_on,"
            " authorization_expires, channel, sent_ts, sent_by, received_ts, received_by,"
            " state, closed_reason, created_ts, created_by")
_PLACEHOLDERS = column_marks(_COLUMNS)
_SETS = assignments(_COLUMNS)
_EVENT_COLUMNS = "request_id, state, at_ts, by_user, note, recorded_by, action"
_EVENT_MARKS = column_marks(_EVENT_COLUMNS)


def _opt_ts(moment: datetime | None) -> int | None:
    return None if moment is None else to_ts(moment)


def _opt_iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _opt_day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def request_row(r: RecordsRequest) -> tuple[object, ...]:
    """The request's columns, in `_COLUMNS` order (the demo writes the same rows)."""
    return (r.direction.value, r.patient_id, r.party, r.items, r.purpose, r.asked_on.isoformat(),
            _opt_iso(r.authorization_on), _opt_iso(r.authorization_expires),
            r.channel.value if r.channel else "", _opt_ts(r.sent_at), r.sent_by, _opt_ts(r.received_at),
            r.received_by, r.state.value, r.closed_reason,
            to_ts(r.created_at) if r.created_at else 0, r.created_by)


def event_row(request_id: int, e: RequestEvent) -> tuple[object, ...]:
    return (request_id, e.state.value, to_ts(e.at), e.by, e.note, e.recorded_by, e.action)


def _request(r: Sequence[Any], events: Sequence[RequestEvent]) -> RecordsRequest:
    return RecordsRequest(
        id=r[0], direction=Direction(r[1]), patient_id=r[2], party=r[3], items=r[4], purpose=r[5],
        asked_on=date.fromisoformat(r[6]), authorization_on=_opt_day(r[7]),
        authorization_expires=_opt_day(r[8]), channel=SecureChannel(r[9]) if r[9] else None,
        sent_at=from_ts(r[10]), sent_by=r[11], received_at=from_ts(r[12]), received_by=r[13],
        state=RequestState(r[14]), closed_reason=r[15], created_at=from_ts(r[16]) if r[16] else None,
        created_by=r[17], events=tuple(events))


class RecordsRequestRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def insert(self, request: RecordsRequest) -> int:
        cur = self.conn.execute(f"INSERT INTO records_request({_COLUMNS}) VALUES ({_PLACEHOLDERS})",
                                request_row(request))
        request_id = inserted_id(cur)
        self.add_events(request_id, request.events)
        return request_id

    def update(self, request: RecordsRequest) -> None:
        self.conn.execute(f"UPDATE records_request SET {_SETS} WHERE id = ?",
                          (*request_row(request), request.id))

    def add_events(self, request_id: int, events: Sequence[RequestEvent]) -> None:
        self.conn.executemany(f"INSERT INTO records_request_event({_EVENT_COLUMNS}) VALUES ({_EVENT_MARKS})",
                              [event_row(request_id, e) for e in events])

    def _select(self, where: str, params: Sequence[object]) -> list[RecordsRequest]:
        rows = self.conn.execute(f"SELECT id, {_COLUMNS} FROM records_request WHERE {where}",
                                 list(params)).fetchall()
        events: dict[int, list[RequestEvent]] = {}
        for part in chunks([r[0] for r in rows]):
            for rid, state, at, by, note, recorded_by, action in self.conn.execute(
                    f"SELECT {_EVENT_COLUMNS} FROM records_request_event"
                    f" WHERE request_id IN ({marks(len(part))}) ORDER BY rowid", part):
                events.setdefault(rid, []).append(
                    RequestEvent(RequestState(state), from_ts(at), by, note, recorded_by, action))
        return [_request(r, events.get(r[0], ())) for r in rows]

    def get(self, request_id: int) -> RecordsRequest | None:
        found = self._select("id = ?", [request_id])
        return found[0] if found else None

    def open_requests(self) -> list[RecordsRequest]:
        """Every open request, oldest asked first (the state index finds them)."""
        return self._select("state = 'open' ORDER BY asked_on, id", [])

    def of_patient(self, patient_id: int) -> list[RecordsRequest]:
        """A patient's requests, newest asked first."""
        return self._select("patient_id = ? ORDER BY asked_on DESC, id DESC", [patient_id])

    def sent_to_others(self, patient_id: int, start: datetime, end: datetime) -> list[RecordsRequest]:
        """A patient's releases sent in [start, end), oldest first: the disclosures."""
        return self._select(
            "patient_id = ? AND direction = 'outgoing' AND state = 'sent' AND sent_ts >= ? AND sent_ts < ?"
            " ORDER BY sent_ts, id", [patient_id, to_ts(start), to_ts(end)])
