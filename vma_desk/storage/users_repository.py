"""Users who sign in (rows <-> `User` records), their PIN hashes and wrong-PIN counters, and
shift handoffs. SQL only: the rules live in `core/users.py` and `services/users.py`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from vma_desk.core.users import User, UserRole
from vma_desk.storage.database import Db, inserted_id

_COLUMNS = ("id, name, role, active, failed_attempts, locked_out, retry_after_ts, last_sign_in_ts, "
            "last_sign_out_ts")


def _ts(value: int | None) -> datetime | None:
    return datetime.fromtimestamp(value, UTC) if value else None


def _epoch(value: datetime | None) -> int | None:
    return int(value.timestamp()) if value is not None else None


def _user(row: tuple[Any, ...]) -> User:
    return User(id=row[0], name=row[1], role=UserRole(row[2]), active=bool(row[3]),
                failed_attempts=row[4], locked_out=bool(row[5]), retry_after=_ts(row[6]),
                last_sign_in=_ts(row[7]), last_sign_out=_ts(row[8]))


class UserRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def all(self) -> list[User]:
        return [_user(r) for r in self.conn.execute(
            f"SELECT {_COLUMNS} FROM app_user ORDER BY name COLLATE NOCASE")]

    def get(self, user_id: int) -> User | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM app_user WHERE id = ?", (user_id,)).fetchone()
        return _user(row) if row else None

    def by_name(self, name: str) -> User | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM app_user WHERE name = ? COLLATE NOCASE",
                                (name,)).fetchone()
        return _user(row) if row else None

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM app_user").fetchone()[0])

    def pin_hash(self, user_id: int) -> str:
        row = self.conn.execute("SELECT pin_hash FROM app_user WHERE id = ?", (user_id,)).fetchone()
        return str(row[0]) if row else ""

    def insert(self, user: User, pin_hash: str, now: datetime) -> int:
        cursor = self.conn.execute(
            "INSERT INTO app_user(name, role, active, pin_hash, created_ts) VALUES (?, ?, ?, ?, ?)",
            (user.name, user.role.value, int(user.active), pin_hash, _epoch(now)))
        return inserted_id(cursor)

    def update(self, user: User) -> None:
        self.conn.execute(
            "UPDATE app_user SET name = ?, role = ?, active = ? WHERE id = ?",
            (user.name, user.role.value, int(user.active), user.id))

    def set_pin_hash(self, user_id: int, pin_hash: str) -> None:
        """A new PIN also ends a lock-out and forgets the wrong PINs before it."""
        self.conn.execute(
            "UPDATE app_user SET pin_hash = ?, failed_attempts = 0, locked_out = 0, retry_after_ts = 0"
            " WHERE id = ?", (pin_hash, user_id))

    def record_failure(self, user_id: int, failures: int, locked_out: bool, retry_after: datetime) -> None:
        self.conn.execute(
            "UPDATE app_user SET failed_attempts = ?, locked_out = ?, retry_after_ts = ? WHERE id = ?",
            (failures, int(locked_out), _epoch(retry_after), user_id))

    def record_sign_in(self, user_id: int, now: datetime) -> None:
        self.conn.execute(
            "UPDATE app_user SET failed_attempts = 0, retry_after_ts = 0, last_sign_in_ts = ? WHERE id = ?",
            (_epoch(now), user_id))

    def record_sign_out(self, user_id: int, now: datetime) -> None:
        self.conn.execute("UPDATE app_user SET last_sign_out_ts = ? WHERE id = ?", (_epoch(now), user_id))
