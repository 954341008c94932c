"""Rows of `draft` <-> `Draft` records: one per user, form and record, its fields as JSON inside
the encrypted database (never a file beside it). SQL only."""

from __future__ import annotations

import json
from typing import Any

from vma_desk.core.drafts import Draft
from vma_desk.storage.calendar_repository import from_ts, to_ts
from vma_desk.storage.database import Db


def _draft(row: tuple[Any, ...]) -> Draft:
    return Draft(form=row[0], record_key=row[1], saved_at=from_ts(row[2]),
                 fields=json.loads(row[3]))


class DraftsRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def put(self, user_id: int | None, draft: Draft) -> None:
        self.conn.execute(
            "INSERT INTO draft(user_id, form, record_key, saved_ts, body) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(user_id, form, record_key) DO UPDATE SET saved_ts = excluded.saved_ts,"
            " body = excluded.body",
            (user_id, draft.form, draft.record_key, to_ts(draft.saved_at),
             json.dumps(dict(draft.fields), sort_keys=True)))

    def get(self, user_id: int | None, form: str, record_key: str) -> Draft | None:
        row = self.conn.execute(
            "SELECT form, record_key, saved_ts, body FROM draft WHERE user_id IS ? AND form = ?"
            " AND record_key = ?", (user_id, form, record_key)).fetchone()
        return _draft(row) if row else None

    def delete(self, user_id: int | None, form: str, record_key: str) -> bool:
        cursor = self.conn.execute("DELETE FROM draft WHERE user_id IS ? AND form = ? AND record_key = ?",
                                   (user_id, form, record_key))
        return cursor.rowcount > 0

    def of_user(self, user_id: int | None) -> list[Draft]:
        """The user's drafts, oldest first."""
        return [_draft(r) for r in self.conn.execute(
            "SELECT form, record_key, saved_ts, body FROM draft WHERE user_id IS ?"
            " ORDER BY saved_ts, id", (user_id,))]
