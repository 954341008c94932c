"""What someone holding a workspace's file and key can do to its audit trail, with SQLCipher itself
(not through VMA Desk): edit, delete, insert, swap, cut off, or rewrite the chain with its key."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3

from vma_desk.storage.workspace import DB_FILE

COLUMNS = "at, user, user_id, workstation, action, record_type, record_id, detail"


@contextlib.contextmanager
def attacker(data_dir: Path, key: bytes) -> Iterator[sqlcipher3.Connection]:
    conn = sqlcipher3.connect(str(data_dir / DB_FILE), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("BEGIN")
        yield conn
        conn.execute("COMMIT")
    finally:
        conn.close()


def edit(conn: sqlcipher3.Connection, entry_id: int) -> None:
    conn.execute("UPDATE audit SET detail = 'fields: nothing to see' WHERE id = ?", (entry_id,))


def delete(conn: sqlcipher3.Connection, entry_id: int) -> None:
    conn.execute("DELETE FROM audit WHERE id = ?", (entry_id,))


def insert(conn: sqlcipher3.Connection, *, mac: str = "") -> int:
    cur = conn.execute(
        f"INSERT INTO audit({COLUMNS}, mac) VALUES ('2026-03-02T15:31:00+00:00', 'Test VMA', 1, "
        "'ann@laptop', 'export', 'calendar', '1', 'names: yes', ?)", (mac,))
    return int(cur.lastrowid)


def swap(conn: sqlcipher3.Connection, a: int, b: int, *, with_mac: bool = True) -> None:
    """Exchange two entries' contents (and their MACs), keeping their ids: the order is changed."""
    columns = COLUMNS + (", mac" if with_mac else "")
    row_a = conn.execute(f"SELECT {columns} FROM audit WHERE id = ?", (a,)).fetchone()
    row_b = conn.execute(f"SELECT {columns} FROM audit WHERE id = ?", (b,)).fetchone()
    sets = ", ".join(f"{c.strip()} = ?" for c in columns.split(","))
    conn.execute(f"UPDATE audit SET {sets} WHERE id = ?", (*row_b, a))
    conn.execute(f"UPDATE audit SET {sets} WHERE id = ?", (*row_a, b))


def cut(conn: sqlcipher3.Connection, newest: int) -> None:
    conn.execute("DELETE FROM audit WHERE id IN (SELECT id FROM audit ORDER BY id DESC LIMIT ?)", (newest,))


def rechain(conn: sqlcipher3.Connection) -> None:
    """With the chain's key (read from the file, as anyone with the workspace key can), make every
    MAC match again: only the anchor outside the database can tell."""
    key = bytes.fromhex(conn.execute("SELECT value FROM meta WHERE key = 'audit_chain_key'").fetchone()[0])
    previous = bytes(32)
    fields = ("id", "at", "user", "user_id", "workstation", "action", "record_type", "record_id", "detail")
    for row in conn.execute(f"SELECT {', '.join(fields)} FROM audit ORDER BY id").fetchall():
        text = json.dumps(dict(zip(fields, row, strict=True)), sort_keys=True, separators=(",", ":"),
                          ensure_ascii=False).encode()
        previous = hmac.new(key, previous + text, hashlib.sha256).digest()
        conn.execute("UPDATE audit SET mac = ? WHERE id = ?", (previous.hex(), row[0]))
