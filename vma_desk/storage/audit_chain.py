"""The audit trail's MAC chain and its anchor outside the database.

Each audit entry carries ``mac_i = HMAC-SHA256(key, mac_{i-1} || canonical_i)`` (hex), with
``mac_0`` 32 zero bytes and ``canonical_i`` the entry's fields as compact JSON with sorted keys
(unambiguous: every field is quoted or a number, nothing can run into its neighbour). The key is a
random 32 bytes made once per workspace and kept in the encrypted file (meta ``audit_chain_key``):
whoever can read it holds the workspace key already, and it survives a rekey, so history is never
rewritten and old backups verify their own chain.

Editing an entry, deleting one, inserting one or moving entries around breaks the chain at that
entry; `verify` names the first such entry and what was done to it. Cutting off the newest entries
leaves a valid but shorter chain: the anchor file (``audit.anchor`` beside the workspace file,
owner-only, written at each close and after each backup) remembers the head the database had, so
`verify` with the anchor says that the newest entries are gone. Someone who holds the key *and*
can write the anchor can rewrite both; a backup they do not hold still shows the old head.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vma_desk.core.errors import IntegrityError
from vma_desk.core.records import AuditEntry
from vma_desk.storage.files import write_private

if TYPE_CHECKING:
    from vma_desk.storage.database import Db
    from vma_desk.storage.workspace import Workspace

log = logging.getLogger(__name__)

KEY_META = "audit_chain_key"
ANCHOR_FILE = "audit.anchor"
GENESIS = bytes(32)
#: the fields a MAC covers, in the order rows are read
FIELDS = ("id", "at", "user", "user_id", "workstation", "action", "record_type", "record_id", "detail")
_SELECT = f"SELECT {', '.join(FIELDS)}, mac FROM audit"
#: one encoder for every entry (json.dumps with options builds a new one each call: half the cost)
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class Kind(StrEnum):
    EDITED = "edited"
    DELETED = "deleted"
    INSERTED = "inserted"
    REORDERED = "reordered"


@dataclass(frozen=True)
class Problem:
    #: the entry's id (for a deletion: the first missing id)
    entry_id: int
    kind: Kind
    #: for a reordering: the entry it was swapped with
    other_id: int | None = None

    def describe(self) -> str:
        if self.kind is Kind.REORDERED and self.other_id is not None:
            return (f"audit entry #{self.entry_id} was reordered (its content was swapped with "
                    f"entry #{self.other_id})")
        if self.kind is Kind.DELETED:
            return f"audit entry #{self.entry_id} was deleted"
        if self.kind is Kind.INSERTED:
            return f"audit entry #{self.entry_id} was inserted (VMA Desk did not write it)"
        return f"audit entry #{self.entry_id} was edited"


@dataclass(frozen=True)
class Head:
    """Where the chain ends: what the anchor file and a backup keep."""

    count: int
    last_id: int
    last_mac: str

    def to_json(self) -> dict[str, Any]:
        return {"entries": self.count, "last_id": self.last_id, "last_mac": self.last_mac}


@dataclass(frozen=True)
class Anchor:
    head: Head
    workspace_id: str
    at: str

    @staticmethod
    def read(path: Path) -> Anchor | None:
        """The anchor in `path`; None when there is none. A file that is not an anchor raises
        ValueError (someone replaced it: `verify` reports it)."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not an anchor")
        head = Head(int(data["entries"]), int(data["last_id"]), str(data["last_mac"]))
        return Anchor(head, str(data.get("workspace_id", "")), str(data.get("at", "")))


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    #: entries in the database
    count: int
    #: the first entry that was edited, deleted, inserted or reordered (None: the chain holds)
    first_problem: Problem | None
    head: Head
    #: what the anchor says that the database does not (newest entries cut off, chain rewritten)
    cut_off: str | None = None
    #: the anchor that was compared (None: there was none)
    anchor: Anchor | None = None

    def summary(self) -> str:
        """One line for `check` and the audit view."""
        if self.ok:
            anchored = "" if self.anchor is not None else " (no anchor file yet)"
            return f"Audit trail: {self.count:,} entries, verified{anchored}"
        parts = []
        if self.first_problem is not None:
            parts.append(self.first_problem.describe())
        if self.cut_off:
            parts.append(self.cut_off)
        return "Audit trail: " + "; ".join(parts)


# --- the MAC -----------------------------------------------------------------------------------------

def canonical(row: Sequence[Any]) -> bytes:
    """The bytes a MAC covers: the row's `FIELDS` as compact JSON with sorted keys."""
    return _ENCODER.encode(dict(zip(FIELDS, row, strict=True))).encode("utf-8")


def link(key: bytes, previous: bytes, row: Sequence[Any]) -> bytes:
    return hmac.new(key, previous + canonical(row), hashlib.sha256).digest()


def _unhex(text: str) -> bytes | None:
    try:
        raw = bytes.fromhex(text)
    except (ValueError, TypeError):
        return None
    return raw if len(raw) == 32 else None


def chain_key(conn: Db) -> bytes | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (KEY_META,)).fetchone()
    return _unhex(row[0]) if row else None


def install(conn: Db) -> None:
    """Make the chain's key (once) and chain every entry in id order: migration 8's step."""
    key = chain_key(conn)
    if key is None:
        key = secrets.token_bytes(32)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (KEY_META, key.hex()))
    previous = GENESIS
    updates = []
    for row in conn.execute(f"{_SELECT} ORDER BY id").fetchall():
        previous = link(key, previous, row[:-1])
        updates.append((previous.hex(), row[0]))
    conn.executemany("UPDATE audit SET mac = ? WHERE id = ?", updates)


def append(conn: Db, entry: AuditEntry) -> int:
    """Insert `entry` with its MAC, chained to the newest entry; returns its id. Call inside the
    transaction of the change (a BEGIN IMMEDIATE one: no other writer can slip in between)."""
    key = chain_key(conn)
    if key is None:
        raise IntegrityError("The audit trail's key is missing from the workspace, so no entry can "
                             "be written. Run `vma-desk check`, and restore from a backup.")
    last = conn.execute("SELECT id, mac FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    new_id = last[0] + 1 if last else 1
    previous = (_unhex(last[1]) or last[1].encode("utf-8")) if last else GENESIS
    row = (new_id, utc_text(entry.at), entry.user, entry.user_id,
           entry.workstation, entry.action.value, entry.record_type, entry.record_id, entry.detail)
    mac = link(key, previous, row)
    conn.execute(f"INSERT INTO audit({', '.join(FIELDS)}, mac) VALUES ({', '.join('?' * 10)})",
                 (*row, mac.hex()))
    return new_id


def chain_head(conn: Db) -> Head:
    """The chain's head (entry count, newest id and MAC), for the anchor file and backups."""
    count = int(conn.execute("SELECT count(*) FROM audit").fetchone()[0])
    last = conn.execute("SELECT id, mac FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    return Head(count, last[0], last[1]) if last else Head(0, 0, GENESIS.hex())


# --- verifying -------------------------------------------------------------------------------------

def verify(conn: Db, anchor: Anchor | None = None) -> ChainReport:
    """Walk the whole chain (and compare its head with `anchor`, when given)."""
    key = chain_key(conn)
    rows = conn.execute(f"{_SELECT} ORDER BY id").fetchall()
    head = Head(len(rows), rows[-1][0], rows[-1][-1]) if rows else Head(0, 0, GENESIS.hex())
    if key is None:
        return ChainReport(False, len(rows), None, head, anchor=anchor,
                           cut_off="the chain's key is missing from the workspace, so no entry can be "
                                   "verified")
    problem = _first_problem(key, rows, anchor)
    cut_off = _compare_anchor(rows, anchor) if anchor is not None else None
    return ChainReport(problem is None and cut_off is None, len(rows), problem, head, cut_off, anchor)


def _first_problem(key: bytes, rows: list[tuple[Any, ...]], anchor: Anchor | None) -> Problem | None:
    macs = [_unhex(r[-1]) for r in rows]

    def stored(p: int) -> bytes:
        return GENESIS if p < 0 else (macs[p] or b"")

    def holds(p: int, previous: bytes | None = None, row: Sequence[Any] | None = None) -> bool:
        mac = macs[p]
        return mac is not None and hmac.compare_digest(
            link(key, stored(p - 1) if previous is None else previous, rows[p][:-1] if row is None else row),
            mac)

    bad = [p for p in range(len(rows)) if not holds(p)]
    if not bad:
        return None
    p = bad[0]
    entry_id = rows[p][0]
    expected_id = rows[p - 1][0] + 1 if p else 1
    if entry_id != expected_id:  # a gap in the ids: what was there is gone
        return Problem(expected_id, Kind.DELETED)
    swapped = _swapped_with(key, rows, macs, p, bad)
    if swapped is not None:
        return Problem(entry_id, Kind.REORDERED, swapped)
    following = p + 1 < len(rows)
    if following and macs[p] is not None and holds(p + 1, macs[p]):
        return Problem(entry_id, Kind.EDITED)  # its MAC is the one its successor was chained to
    beyond_anchor = anchor is not None and entry_id > anchor.head.last_id
    if macs[p] is None or beyond_anchor:  # VMA Desk always writes a MAC, and wrote none past the anchor
        return Problem(entry_id, Kind.INSERTED)
    if following and holds(p + 1, stored(p - 1), (entry_id, *rows[p + 1][1:-1])):
        return Problem(entry_id, Kind.INSERTED)  # the rest was renumbered around a foreign entry
    if following and holds(p + 1, stored(p), (rows[p + 1][0] + 1, *rows[p + 1][1:-1])):
        return Problem(entry_id, Kind.DELETED)  # the rest was renumbered to close the gap
    return Problem(entry_id, Kind.EDITED)


def _swapped_with(key: bytes, rows: list[tuple[Any, ...]], macs: list[bytes | None], p: int,
                  bad: list[int]) -> int | None:
    """The entry whose content (with or without its MAC) was exchanged with entry p's: swapping
    them back makes every link around both hold."""
    for q in bad[1:64]:
        content = {p: rows[q][1:-1], q: rows[p][1:-1]}
        for mac in ({p: macs[q], q: macs[p]}, {}):
            if all(_holds_with(key, rows, macs, content, mac, i) for i in {p, p + 1, q, q + 1}
                   if i < len(rows)):
                return int(rows[q][0])
    return None


def _holds_with(key: bytes, rows: list[tuple[Any, ...]], macs: list[bytes | None],
                content: dict[int, tuple[Any, ...]], mac: dict[int, bytes | None], i: int) -> bool:
    """Whether entry i's link holds with some entries' content and MACs replaced."""
    own = mac.get(i, macs[i])
    previous = GENESIS if i == 0 else mac.get(i - 1, macs[i - 1])
    if own is None or previous is None:
        return False
    row = (rows[i][0], *content.get(i, rows[i][1:-1]))
    return hmac.compare_digest(link(key, previous, row), own)


def _compare_anchor(rows: list[tuple[Any, ...]], anchor: Anchor) -> str | None:
    """What the anchored head says is missing: newest entries cut off, or history rewritten."""
    head = anchor.head
    if head.count == 0:
        return None
    by_id = {r[0]: p for p, r in enumerate(rows)}
    last_id = rows[-1][0] if rows else 0
    p = by_id.get(head.last_id)
    when = f" when the anchor was written ({anchor.at})" if anchor.at else ""
    if p is None and last_id < head.last_id:
        return (f"the newest entries were cut off: the database ends at entry #{last_id} "
                f"({len(rows):,} entries), but it had {head.count:,} up to #{head.last_id}{when}")
    if p is None or rows[p][-1] != head.last_mac:
        return (f"the chain was rewritten: entry #{head.last_id} is not the one anchored{when} "
                f"(the anchor's last MAC is not in the database)")
    if p + 1 != head.count:
        return (f"entries before #{head.last_id} were removed or added: the anchor counted "
                f"{head.count:,} up to it, the database has {p + 1:,}")
    return None


# --- the anchor file ---------------------------------------------------------------------------------

def anchor_path(data_dir: Path) -> Path:
    return Path(data_dir) / ANCHOR_FILE


def write_anchor(workspace: Workspace) -> Path | None:
    """Write the chain's head beside the workspace file (owner-only, temp file + rename). Not done
    when the database no longer extends the anchor already there (entries cut off or rewritten) or
    an entry since then does not verify (one inserted or edited): that anchor is the evidence
    `check` reports. Only the entries since the last anchor are verified, so a close stays cheap.
    Returns the path, or None when not written."""
    path = anchor_path(workspace.data_dir)
    conn = workspace.conn
    head = chain_head(conn)
    try:
        old = Anchor.read(path)
    except (OSError, ValueError, KeyError, TypeError):
        old = None  # not an anchor: replaced by the real one
    if old is not None and old.workspace_id not in ("", workspace.workspace_id):
        old = None  # another workspace's (a copied folder): this one starts its own
    since, previous = 0, GENESIS
    if old is not None and old.head.count:
        row = conn.execute("SELECT mac, (SELECT count(*) FROM audit WHERE id <= ?) FROM audit "
                           "WHERE id = ?", (old.head.last_id, old.head.last_id)).fetchone()
        if row is None or row[0] != old.head.last_mac or row[1] != old.head.count:
            log.info("audit anchor kept: the database no longer extends it")
            return None
        if old.head == head and old.workspace_id == workspace.workspace_id:
            return path  # nothing new: the file stays as it is
        since, previous = old.head.last_id, _unhex(old.head.last_mac) or b""
    key = chain_key(conn)
    if key is None:
        return None
    for row in conn.execute(f"{_SELECT} WHERE id > ? ORDER BY id", (since,)):
        mac = _unhex(row[-1])
        if mac is None or not hmac.compare_digest(link(key, previous, row[:-1]), mac):
            log.info("audit anchor kept: an entry since it does not verify")
            return None
        previous = mac
    data = {"app": "vma-desk", "workspace_id": workspace.workspace_id, **head.to_json(),
            "at": datetime.now(UTC).isoformat(timespec="seconds")}
    write_private(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"), replace=True)
    return path


def read_anchor(data_dir: Path) -> Anchor | None:
    return Anchor.read(anchor_path(data_dir))


def check_workspace(workspace: Workspace) -> ChainReport:
    """The chain verified against the anchor file beside the workspace (what `check` and the
    audit view report)."""
    path = anchor_path(workspace.data_dir)
    try:
        anchor = Anchor.read(path)
    except (OSError, ValueError, KeyError, TypeError):
        report = verify(workspace.conn)
        return replace(report, ok=False, cut_off=f"the anchor file {path.name} is not readable or "
                                                 "was replaced, so cut-off entries cannot be ruled out")
    report = verify(workspace.conn, anchor)
    if anchor is not None and anchor.workspace_id not in ("", workspace.workspace_id):
        return replace(report, ok=False, cut_off=f"the anchor file {path.name} belongs to another "
                                                 "workspace (the workspace file was replaced)")
    return report


def utc_text(moment: datetime) -> str:
    """A time as the audit trail stores it: UTC, ISO 8601, whole seconds."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def rows_between(conn: Db, start: str, end: str) -> Iterable[tuple[Any, ...]]:
    """Entries with `start <= at < end` (ISO UTC texts), oldest first, with their MACs: for the
    CSV export."""
    return conn.execute(f"{_SELECT} WHERE at >= ? AND at < ? ORDER BY id", (start, end))
