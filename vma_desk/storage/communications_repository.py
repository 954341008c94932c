"""Calls, messages (with their state events and call links) and the full-text search index.

The index is an FTS5 table inside the encrypted workspace: names, numbers (in several digit forms,
so "312-555-0142", "(312) 5550142" and "5550142" all find the same call) and notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from vma_desk.core.communications import (
    Call,
    CallOutcome,
    CallReason,
    Direction,
    Message,
    MessageEvent,
    MessageState,
    Urgency,
)
from vma_desk.core.errors import StorageError
from vma_desk.storage.calendar_repository import from_ts, to_ts
from vma_desk.storage.database import DatabaseError, Db, inserted_id
from vma_desk.storage.sql import assignments, chunks, column_marks, marks

#: every state but closed: a message is open until closed
_OPEN_STATES = [state.value for state in MessageState if state is not MessageState.CLOSED]

CALL_COLUMNS = ("started_ts, direction, caller_name, number, patient_id, reason, duration_seconds, "
                 "outcome, routed_to, notes, taken_by, escalation_action")
_MESSAGE_COLUMNS = ("created_ts, caller_name, contact_number, patient_id, reason, urgency, callback_ts, "
                    "questions, recipient_id, call_id, state, escalation_action")
#: at most this many of the index's words spelled out for one typed prefix (`spelled_out`); a prefix
#: that starts more is left to FTS5
SPELLED_OUT_WORDS = 64
_PREFIX_TERM = re.compile(r'"([a-z0-9]+)"\*')  # a prefix term as `fts_query` writes it: '"refill"*'
#: the index's words (FTS5's own list of them), on the connection only: nothing is stored
_WORDS = "temp.comm_search_words"


def digit_forms(number: str) -> list[str]:
    """The digit strings a person may type for a number: full, national, and the last seven."""
    digits = re.sub(r"\D", "", number)
    if not digits:
        return []
    forms = {digits}
    if len(digits) == 11 and digits.startswith("1"):
        forms.add(digits[1:])
    if len(digits) >= 7:
        forms.add(digits[-7:])
    return sorted(forms)


def index_rowid(kind: str, record_id: int) -> int:
    """Each record's one row in the search index: calls on even rowids, messages on odd ones."""
    return 2 * record_id + (1 if kind == "message" else 0)


def call_row(c: Call) -> tuple[object, ...]:
    return (to_ts(c.started_at), c.direction.value, c.caller_name, c.number, c.patient_id,
            c.reason.value, c.duration_seconds, c.outcome.value, c.routed_to, c.notes, c.taken_by,
            c.escalation_action)


def call_from_row(row: Sequence[Any]) -> Call:
    started = from_ts(row[1])
    assert started is not None
    return Call(id=row[0], started_at=started, direction=Direction(row[2]), caller_name=row[3],
                number=row[4], patient_id=row[5], reason=CallReason(row[6]),
                duration_seconds=row[7], outcome=CallOutcome(row[8]), routed_to=row[9],
                notes=row[10], taken_by=row[11], escalation_action=row[12])


def message_row(m: Message) -> tuple[object, ...]:
    return (to_ts(m.created_at), m.caller_name, m.contact_number, m.patient_id, m.reason,
            m.urgency.value, to_ts(m.callback_at) if m.callback_at else None, m.questions,
            m.recipient_id, m.call_id, m.state.value, m.escalation_action)


class CommunicationsRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    # --- calls -----------------------------------------------------------------------------------
    def insert_call(self, call: Call, index_text: str) -> int:
        cur = self.conn.execute(
            f"INSERT INTO call({CALL_COLUMNS}) VALUES ({column_marks(CALL_COLUMNS)})", call_row(call))
        call_id = inserted_id(cur)
        self._index("call", call_id, index_text, fresh=True)
        return call_id

    def insert_calls(self, calls: Sequence[tuple[Call, str]]) -> None:
        """Bulk insert of new calls that carry their ids (the demo), with their index texts: one
        statement per table, and no look-up for an older index row (a new call has none)."""
        self.conn.executemany(
            f"INSERT INTO call(id, {CALL_COLUMNS}) VALUES (?, {column_marks(CALL_COLUMNS)})",
            [(c.id, *call_row(c)) for c, _ in calls])
        self.conn.executemany(
            "INSERT INTO comm_search(rowid, body, kind, record_id) VALUES (?, ?, 'call', ?)",
            [(index_rowid("call", c.id or 0), text, c.id) for c, text in calls])

    def update_call(self, call: Call, index_text: str) -> None:
        self.conn.execute(f"UPDATE call SET {assignments(CALL_COLUMNS)} WHERE id = ?",
                          (*call_row(call), call.id))
        self._index("call", call.id or 0, index_text)

    def get_call(self, call_id: int) -> Call | None:
        row = self.conn.execute(f"SELECT id, {CALL_COLUMNS} FROM call WHERE id = ?", (call_id,)).fetchone()
        return call_from_row(row) if row else None

    def calls_between(self, start: datetime, end: datetime, *, reason: CallReason | None = None,
                      routed_to: int | None = None) -> list[Call]:
        sql = f"SELECT id, {CALL_COLUMNS} FROM call WHERE started_ts >= ? AND started_ts < ?"
        params: list[object] = [to_ts(start), to_ts(end)]
        if reason is not None:
            sql += " AND reason = ?"
            params.append(reason.value)
        if routed_to is not None:
            sql += " AND routed_to = ?"
            params.append(routed_to)
        rows = self.conn.execute(sql + " ORDER BY started_ts DESC, id DESC", params)
        return [call_from_row(r) for r in rows]

    def link(self, call_id: int, kind: str, record_id: int) -> None:
        self.conn.execute("INSERT OR IGNORE INTO call_link(call_id, kind, record_id) VALUES (?, ?, ?)",
                          (call_id, kind, record_id))

    def links(self, call_id: int) -> list[tuple[str, int]]:
        return [(k, r) for k, r in self.conn.execute(
            "SELECT kind, record_id FROM call_link WHERE call_id = ? ORDER BY kind, record_id", (call_id,))]

    def links_of(self, call_ids: Sequence[int]) -> dict[int, list[tuple[str, int]]]:
        """`links` of several calls in one query: each call's list (empty when it has none)."""
        found: dict[int, list[tuple[str, int]]] = {call_id: [] for call_id in call_ids}
        for part in chunks(call_ids):
            for call_id, kind, record_id in self.conn.execute(
                    f"SELECT call_id, kind, record_id FROM call_link WHERE call_id IN ({marks(len(part))})"
                    " ORDER BY call_id, kind, record_id", part):
                found[call_id].append((kind, record_id))
        return found

    def calls_linked_to(self, kind: str, record_id: int) -> list[int]:
        return [r[0] for r in self.conn.execute(
            "SELECT call_id FROM call_link WHERE kind = ? AND record_id = ?", (kind, record_id))]

    # --- messages --------------------------------------------------------------------------------
    def insert_message(self, message: Message, index_text: str) -> int:
        cur = self.conn.execute(
            f"INSERT INTO message({_MESSAGE_COLUMNS}) VALUES ({column_marks(_MESSAGE_COLUMNS)})",
            message_row(message))
        message_id = inserted_id(cur)
        self.add_events(message_id, message.events)
        self._index("message", message_id, index_text, fresh=True)
        return message_id

    def insert_messages(self, messages: Sequence[tuple[Message, str]]) -> None:
        """Bulk insert of new messages that carry their ids (the demo): their events, index texts and,
        for those taken from a call, the call's link."""
        self.conn.executemany(
            f"INSERT INTO message(id, {_MESSAGE_COLUMNS}) VALUES (?, {column_marks(_MESSAGE_COLUMNS)})",
            [(m.id, *message_row(m)) for m, _ in messages])
        self.conn.executemany(
            "INSERT INTO message_event(message_id, state, at_ts, by_user, recorded_by)"
            " VALUES (?, ?, ?, ?, ?)",
            [(m.id, e.state.value, to_ts(e.at), e.by, e.recorded_by) for m, _ in messages for e in m.events])
        self.conn.executemany(
            "INSERT OR IGNORE INTO call_link(call_id, kind, record_id) VALUES (?, 'message', ?)",
            [(m.call_id, m.id) for m, _ in messages if m.call_id is not None])
        self.conn.executemany(
            "INSERT INTO comm_search(rowid, body, kind, record_id) VALUES (?, ?, 'message', ?)",
            [(index_rowid("message", m.id or 0), text, m.id) for m, text in messages])

    def update_message(self, message: Message) -> None:
        self.conn.execute(f"UPDATE message SET {assignments(_MESSAGE_COLUMNS)} WHERE id = ?",
                          (*message_row(message), message.id))

    def add_events(self, message_id: int, events: Iterable[MessageEvent]) -> None:
        self.conn.executemany(
            "INSERT INTO message_event(message_id, state, at_ts, by_user, recorded_by, note, action)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(message_id, e.state.value, to_ts(e.at), e.by, e.recorded_by, e.note, e.action) for e in events])

    def _messages(self, where: str, params: Sequence[object]) -> list[Message]:
        rows = self.conn.execute(
            f"SELECT id, {_MESSAGE_COLUMNS} FROM message WHERE {where}", list(params)).fetchall()
        if not rows:
            return []
        ids = [r[0] for r in rows]
        events: dict[int, list[MessageEvent]] = {}
        for part in chunks(ids):
            for mid, state, at, by, recorded_by, note, action in self.conn.execute(
                "SELECT message_id, state, at_ts, by_user, recorded_by, note, action FROM message_event"
                " WHERE message_id IN"
                f" ({marks(len(part))}) ORDER BY rowid", part):
                events.setdefault(mid, []).append(
                    MessageEvent(MessageState(state), from_ts(at), by, recorded_by,
                                 note, action))
        return [
            Message(id=r[0], created_at=from_ts(r[1]), caller_name=r[2], contact_number=r[3],
                    patient_id=r[4], reason=r[5], urgency=Urgency(r[6]), callback_at=from_ts(r[7]),
                    questions=r[8], recipient_id=r[9], call_id=r[10], state=MessageState(r[11]),
                    escalation_action=r[12], events=tuple(events.get(r[0], ())))
            for r in rows
        ]

    def get_message(self, message_id: int) -> Message | None:
        found = self._messages("id = ?", [message_id])
        return found[0] if found else None

    def open_messages(self) -> list[Message]:
        # the open states by name: the state index finds them, where "!= 'closed'" reads every message
        # (id after the time: read through the index, messages taken in the same second come in
        # the order they were taken, as the table's own order gave them before)
        return self._messages(f"state IN ({marks(len(_OPEN_STATES))}) ORDER BY created_ts, id", _OPEN_STATES)

    def messages_closed_between(self, start: datetime, end: datetime) -> list[Message]:
        return self._messages(
            "state = 'closed' AND id IN (SELECT message_id FROM message_event WHERE state = 'closed'"
            " AND at_ts >= ? AND at_ts < ?) ORDER BY created_ts", [to_ts(start), to_ts(end)])

    def messages_for_patient_before(self, patient_id: int, end: datetime) -> list[Message]:
        return self._messages("patient_id = ? AND created_ts < ? ORDER BY created_ts, id",
                              [patient_id, to_ts(end)])

    def messages_open_for_patient(self, patient_id: int) -> list[Message]:
        return self._messages("patient_id = ? AND state != 'closed' ORDER BY created_ts, id", [patient_id])

    def messages_for_call(self, call_id: int) -> list[Message]:
        return self._messages("call_id = ? ORDER BY created_ts", [call_id])

    def messages_between(self, start: datetime, end: datetime) -> list[Message]:
        return self._messages("created_ts >= ? AND created_ts < ? ORDER BY created_ts DESC",
                              [to_ts(start), to_ts(end)])

    # --- search ----------------------------------------------------------------------------------
    def _index(self, kind: str, record_id: int, text: str, *, fresh: bool = False) -> None:
        """Index a record's text under its own rowid, replacing the old row: a rowid look-up, where
        finding the row by kind and id would read the whole index (~50 ms on a 5-year workspace)."""
        rowid = index_rowid(kind, record_id)
        if not fresh:
            self.conn.execute("DELETE FROM comm_search WHERE rowid = ?", (rowid,))
        self.conn.execute("INSERT INTO comm_search(rowid, body, kind, record_id) VALUES (?, ?, ?, ?)",
                          (rowid, text, kind, record_id))

    def hit_titles(self, kind: str, ids: Sequence[int]) -> dict[int, tuple[datetime, str, str]]:
        """What a search hit's line shows of each found call (or message), by id: (when, caller's
        name, the call's number or the message's urgency), in one statement per `chunks()` of ids,
        not one look-up per hit. Ids of records that are gone are left out."""
        table, columns = (("message", "created_ts, caller_name, urgency") if kind == "message"
                          else ("call", "started_ts, caller_name, number"))
        out: dict[int, tuple[datetime, str, str]] = {}
        for part in chunks(ids):
            for record_id, ts, name, detail in self.conn.execute(
                    f"SELECT id, {columns} FROM {table} WHERE id IN ({marks(len(part))})", part):
                out[int(record_id)] = (from_ts(int(ts)), name, detail)  # the column is NOT NULL
        return out

    def spelled_out(self, match: str) -> str:
        """`match`, prefix terms as `services.communications.fts_query` writes them ('"refill"*'),
        with each prefix spelled out as the words of the index that start with it, joined by AND:
        '("refill" OR "refilled")'. The same rows, found sooner: FTS5 answers a prefix by gathering
        the rows of every word it starts (all 17,000 for "refill" in the 5-year demo) before it
        gives the newest; a list of words it reads newest first and stops at the rows asked for.
        '' when a prefix starts no word (nothing is found). `match` as it is when it holds anything
        else, a prefix starts more than SPELLED_OUT_WORDS words or one that is not plain ASCII
        letters and digits, or the list of words cannot be read (FTS5's fts5vocab, made on the
        connection on its first search, in memory)."""
        prefixes = [_PREFIX_TERM.fullmatch(part) for part in match.split(" ")]
        groups = []
        for prefix in prefixes:
            words = self._words_starting(prefix.group(1)) if prefix else None
            if words is None or len(words) > SPELLED_OUT_WORDS or not all(
                    w.isascii() and w.isalnum() for w in words):
                return match
            if not words:
                return ""
            groups.append("(" + " OR ".join(f'"{w}"' for w in words) + ")")
        return " AND ".join(groups)

    def _words_starting(self, prefix: str) -> list[str] | None:
        """Up to SPELLED_OUT_WORDS + 1 words of the index starting with `prefix` (ASCII), or None."""
        sql = f"SELECT term FROM {_WORDS} WHERE term >= ? AND term < ? LIMIT ?"
        bounds = (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1), SPELLED_OUT_WORDS + 1)
        try:
            return [row[0] for row in self.conn.execute(sql, bounds)]
        except DatabaseError:  # not made on this connection yet
            pass
        try:
            self.conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {_WORDS} "
                              "USING fts5vocab(main, comm_search, row)")
            return [row[0] for row in self.conn.execute(sql, bounds)]
        except (DatabaseError, StorageError):  # e.g. while the key changes: FTS5's prefix query then
            return None

    def search(self, match: str, kind: str, batch: int = 100) -> Iterator[tuple[str, int, datetime, str]]:
        """(kind, record id, when, indexed text) of the calls (or messages) that `match` (an FTS5
        query) finds, the last saved first: newest first as far as records are saved as they happen
        (the ranking reads the text and stops when it has enough). Read `batch` rows at a time on
        the index's own rowid order, each read a finished statement: no sort of every match, no
        statement left open between two reads, the first from the newest record's rowid on (calls,
        the more numerous, stand above every message in the index: a message's read would otherwise
        step past all of their rows first). Ranked by `core.rules.search`, snippets included."""
        table, column = ("message", "created_ts") if kind == "message" else ("call", "started_ts")
        newest = self.conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
        if newest is None:
            return
        before = index_rowid(kind, int(newest) + 1)  # an index row above it has no record: never shown
        while True:
            rows = self.conn.execute(
                f"SELECT s.rowid, s.record_id, (SELECT {column} FROM {table} WHERE id = s.record_id), s.body"
                " FROM comm_search AS s WHERE comm_search MATCH ? AND s.rowid % 2 = ? AND s.rowid < ?"
                " ORDER BY s.rowid DESC LIMIT ?", (match, before % 2, before, batch)).fetchall()
            for _rowid, record_id, ts, body in rows:
                at = from_ts(ts)
                if at is not None:
                    yield kind, int(record_id), at, body
            if len(rows) < batch:
                return
            before, batch = int(rows[-1][0]), batch * 4  # each read runs the query again: fewer, longer
