"""Encrypted backups of a workspace, and putting one back as a new workspace.

A backup is a SQLCipher database keyed like the workspace (the same raw key, which the recovery key
writes out, or the same passphrase), so it opens without the OS keyring. It is made on a connection
of its own (never the app's): `ATTACH` a new keyed file, `sqlcipher_export` inside one read
transaction (WAL: a consistent snapshot while others keep writing), the record counts taken in that
same transaction. The file is `.<name>.partial`, created owner-only before SQLCipher writes to it;
it is verified (opened with the key, SQLCipher's page check, SQLite's structural check, counts equal
to the snapshot's), synced, and only then renamed to its name, never over an existing file. Nothing
decrypted reaches the disk: the attached file is encrypted page by page, temporary storage stays in
memory. A failure removes the partial and nothing else. The backup holds the audit chain as it
was at the snapshot (its head verifies there); the anchor beside the workspace is refreshed by the
service after each recorded backup.

A `Stop` lets another thread (the app, when it locks) end a backup or a check at once: it
interrupts the connection the work is on, and the work raises `Stopped` (the partial removed).
"""

from __future__ import annotations

import os
import re
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vma_desk.core.errors import (
    IntegrityError,
    KnownError,
    NotAWorkspaceError,
    StorageError,
    WrongKeyError,
    WrongPassphraseError,
)
from vma_desk.storage import database, files, migrations
from vma_desk.storage.database import Connection, KeySpec

SUFFIX = ".vmadesk-backup"
PARTIAL = ".partial"
#: characters of the workspace id in a backup's name: tells this workspace's backups from others'
TAG_LENGTH = 8
_CHUNK = 1 << 20
#: `<practice-slug>_<workspace tag>_<UTC time>[-n].vmadesk-backup`
NAME = re.compile(r"^(?P<slug>[a-z0-9-]+)_(?P<tag>[0-9a-f]{8})_(?P<time>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?"
                  + re.escape(SUFFIX) + "$")

#: (done, total, label): the same shape as the CLI's progress bar and ui.tasks
Progress = Callable[[int, int, str], None]


class BackupDamagedError(IntegrityError):
    """The backup opens with the key but fails an integrity check (exit 3)."""

    code = "backup-damaged"


@dataclass(frozen=True)
class Snapshot:
    path: Path
    #: records per table, as in the workspace at the snapshot (equal in the verified backup)
    counts: dict[str, int]
    size: int
    started_at: datetime
    verified_at: datetime


# --- names -------------------------------------------------------------------------------------------

def slug(practice: str) -> str:
    """ "Lakeside Family Medicine" -> "lakeside-family-medicine" (ASCII, at most 40 characters)."""
    text = unicodedata.normalize("NFKD", practice).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-")
    return text or "workspace"


def tag(workspace_id: str) -> str:
    return (re.sub(r"[^0-9a-f]", "", workspace_id.lower()) + "0" * TAG_LENGTH)[:TAG_LENGTH]


def backup_name(practice: str, workspace_id: str, at: datetime, n: int = 1) -> str:
    stamp = at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{slug(practice)}_{tag(workspace_id)}_{stamp}{'' if n == 1 else f'-{n}'}{SUFFIX}"


def parse_name(name: str) -> tuple[str, datetime, int] | None:
    """(workspace tag, UTC time, sequence) of a backup's file name; None for any other file."""
    match = NAME.match(name)
    if not match:
        return None
    try:
        at = datetime.strptime(match["time"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None
    return match["tag"], at, int(match["n"] or 1)


def partial_of(final: Path) -> Path:
    return final.with_name(f".{final.name}{PARTIAL}")


# --- files -------------------------------------------------------------------------------------------

#: one set of file helpers (storage/files.py); these names stay importable from here (storage/rekey.py)
create_private = files.create_private
fsync_file = files.fsync_file
fsync_folder = files.fsync_dir


def rename_no_replace(source: Path, target: Path) -> None:
    """Give `source` the name `target` (synced, then its folder), failing (FileExistsError) rather
    than replacing a file."""
    files.publish(source, target, replace=False)


class Stopped(Exception):  # noqa: N818 - an ending asked for, not an error
    """A backup or check ended by `Stop.stop()` (not a failure: nothing was kept)."""


class Stop:
    """Ends a running backup or check from another thread: `stop()` interrupts the connection
    the work is on (SQLite's interrupt is safe from any thread); later steps refuse to start."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn: Connection | None = None
        self.stopped = False

    def attach(self, conn: Connection | None) -> None:
        with self._lock:
            if conn is not None and self.stopped:
                raise Stopped()
            self._conn = conn

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            if self._conn is not None:
                try:
                    self._conn.interrupt()
                except database.DatabaseError:  # closed meanwhile
                    pass

    def check(self) -> None:
        if self.stopped:
            raise Stopped()


def _folder_error(folder: Path, exc: OSError) -> KnownError:
    reason = exc.strerror or type(exc).__name__
    if isinstance(exc, FileNotFoundError) and not folder.is_dir():
        return StorageError(f"The backup folder {folder} does not exist (a drive not connected?). "
                            "Connect it or choose another folder; nothing was written.")
    if isinstance(exc, PermissionError) or getattr(exc, "errno", None) == 30:  # EROFS
        return StorageError(f"The backup folder {folder} cannot be written to ({reason}): choose a "
                            "folder you can write to. Nothing was written; the workspace is unchanged.")
    if getattr(exc, "errno", None) == 28:  # ENOSPC
        return StorageError(f"The backup folder {folder} is full: free some space or choose another "
                            "folder. The incomplete backup was removed; the workspace is unchanged.")
    return StorageError(f"The backup could not be written to {folder} ({reason}). The incomplete "
                        "backup was removed; the workspace is unchanged.")


# --- the database side -------------------------------------------------------------------------------

def key_text(key: KeySpec) -> str:
    """The key as `ATTACH … KEY ?` takes it: x'…' for a raw key, else the passphrase."""
    if key.raw is not None:
        return f"x'{key.raw.hex()}'"
    if key.passphrase:
        return key.passphrase
    raise ValueError("a KeySpec needs a raw key or a passphrase")


def tables(conn: Connection, schema: str = "main") -> list[str]:
    """The tables that hold rows (FTS shadow tables included: they are the search index)."""
    return [row[0] for row in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND rootpage > 0 "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]


_SHADOW = re.compile(r"^(?P<table>.+)_(data|idx|content|docsize|config)$")


def tables_of_records(counts: dict[str, int]) -> dict[str, int]:
    """The counts without full-text search's own tables (`x_data`, `x_idx` … beside `x_config`)."""
    indexes = {m["table"] for name in counts if (m := _SHADOW.match(name)) and name.endswith("_config")}
    return {name: count for name, count in counts.items()
            if not ((m := _SHADOW.match(name)) and m["table"] in indexes)}


def counts(conn: Connection, schema: str = "main") -> dict[str, int]:
    return {name: int(conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
            for name in tables(conn, schema)}


def _own_connection(path: Path, key: KeySpec) -> Connection:
    conn = database.connect(path, key)
    conn.execute("PRAGMA temp_store = MEMORY")  # sorting and temporary b-trees never touch the disk
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def make_backup(db_path: Path, key: KeySpec, folder: Path, *, practice: str, workspace_id: str,
                now: datetime, progress: Progress | None = None, stop: Stop | None = None) -> Snapshot:
    """Back the workspace file at `db_path` up into a new file in `folder`; see the module's text.
    Raises StorageError for a folder that is missing, read-only or full, Stopped when `stop` ended
    it (the partial removed either way)."""
    report = progress or (lambda done, total, label: None)
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise StorageError(f"The backup folder {folder} does not exist (a drive not connected?). "
                           "Connect it or choose another folder; nothing was written.")
    n = 1
    while True:
        final = folder / backup_name(practice, workspace_id, now, n)
        partial = partial_of(final)
        if not final.exists() and not partial.exists():
            try:
                create_private(partial)
                break
            except FileExistsError:
                pass
            except OSError as exc:
                raise _folder_error(folder, exc) from None
        n += 1
    created = True
    try:
        report(0, 100, "copying")
        if stop is not None:
            stop.check()
        source = _own_connection(db_path, key)
        try:
            if stop is not None:
                stop.attach(source)
            snapshot_counts = _export(source, partial, key, db_path, report)
        finally:
            if stop is not None:
                stop.attach(None)
            source.close()
        report(50, 100, "checking the copy")
        verify(partial, key, expected=snapshot_counts, progress=report, stop=stop)
        verified_at = datetime.now(UTC)
        report(95, 100, "saving")
        rename_no_replace(partial, final)  # synced, never over a file, the folder synced too
        created = False
        size = final.stat().st_size
    except Exception as exc:
        if stop is not None and stop.stopped:
            raise Stopped() from None
        if isinstance(exc, OSError):
            raise _folder_error(folder, exc) from None
        raise
    finally:
        if created:
            partial.unlink(missing_ok=True)
    report(100, 100, "done")
    return Snapshot(final, snapshot_counts, size, now, verified_at)


def _export(conn: Connection, partial: Path, key: KeySpec, db_path: Path, report: Progress) -> dict[str, int]:
    """sqlcipher_export into the keyed partial, within one read transaction; the snapshot's counts."""
    total = max(1, db_path.stat().st_size + _wal_size(db_path))

    shown = [time.monotonic()]

    def copying() -> int:
        now = time.monotonic()
        if now - shown[0] < 0.1:  # a size check ten times a second at most
            return 0
        shown[0] = now
        try:
            done = partial.stat().st_size
        except OSError:
            return 0
        report(min(49, 1 + 48 * done // total), 100, "copying")
        return 0

    try:
        conn.execute("ATTACH DATABASE ? AS backup KEY ?", (str(partial), key_text(key)))
    except database.DatabaseError as exc:
        raise (database._classify(exc, partial) or exc) from None
    try:
        conn.execute("PRAGMA backup.journal_mode = DELETE")  # a single file, no -wal beside it
        conn.set_progress_handler(copying, 10000)
        try:
            conn.execute("BEGIN")
            try:
                snapshot = counts(conn)  # the read transaction starts here: the snapshot
                report(1, 100, "copying")
                conn.execute("SELECT sqlcipher_export('backup')").fetchall()
                version = migrations.schema_version(conn)
                conn.execute(f"PRAGMA backup.user_version = {int(version)}")
                conn.execute(f"PRAGMA backup.application_id = {database.APPLICATION_ID}")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        finally:
            conn.set_progress_handler(None, 0)
    except database.DatabaseError as exc:
        # damage met while reading is the workspace's (named by its folder); the rest, the target's
        known = database.damage_error(exc, db_path.parent) or database._classify(exc, partial)
        if known is not None and "disk is full" in known.message:
            raise OSError(28, "No space left on device") from None
        raise (known or exc) from None
    finally:
        try:
            conn.execute("DETACH DATABASE backup")
        except database.DatabaseError:
            pass
    return snapshot


def _wal_size(db_path: Path) -> int:
    try:
        return (db_path.parent / (db_path.name + "-wal")).stat().st_size
    except OSError:
        return 0


def open_backup(path: Path, key: KeySpec) -> Connection:
    """A keyed connection to a backup file, or a plain refusal: damaged (wrong size) or not
    opening with this key (which, for a damaged first page, cannot be told apart: both are said)."""
    path = Path(path)
    if not path.is_file():
        raise KnownError(f"There is no backup file {path}.")
    try:
        database.sniff(path)
    except NotAWorkspaceError:
        raise KnownError(f"{path.name} is damaged or not a VMA Desk backup (its size is wrong: it may "
                         "have been cut off while copying). Use another backup.") from None
    try:
        conn = _own_connection(path, key)
    except database.DatabaseError as exc:  # opens, but its first pages do not read
        raise _damaged(path, exc) from None
    except (WrongKeyError, WrongPassphraseError):
        what = "recovery key" if key.raw is not None else "passphrase"
        raise WrongKeyError(
            f"This {what} does not open {path.name}: it is the {what} of another workspace (or from "
            f"before a key change), or the backup is damaged. Check the {what}; if it is right, "
            "use another backup. Nothing was changed.") from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != database.APPLICATION_ID:
            raise NotAWorkspaceError(f"{path.name} is an encrypted database, but not a VMA Desk backup.")
        migrations.check_not_newer(migrations.schema_version(conn))
    except database.DatabaseError as exc:
        conn.close()
        raise _damaged(path, exc) from None
    except BaseException:
        conn.close()
        raise
    return conn


def _damaged(path: Path, exc: Exception) -> BackupDamagedError:
    code = getattr(exc, "sqlite_errorname", "") or type(exc).__name__
    return BackupDamagedError(f"{Path(path).name} is damaged: it failed its integrity check ({code}). "
                              "Use another backup.")


def read_meta(conn: Connection, path: Path, sql: str) -> tuple[Any, ...] | None:
    """One row of a backup, a read failure reported as damage."""
    try:
        row: tuple[Any, ...] | None = conn.execute(sql).fetchone()
        return row
    except database.DatabaseError as exc:
        raise _damaged(path, exc) from None


def verify(path: Path, key: KeySpec, *, expected: dict[str, int] | None = None,
           progress: Progress | None = None, stop: Stop | None = None, name: str = "") -> dict[str, int]:
    """Open the backup with the key and run both integrity checks; the counts must equal
    `expected` when given. Returns the counts; raises BackupDamagedError (exit 3) when a check
    fails, KnownError when the file does not open, Stopped when `stop` ended it."""
    report = progress or (lambda done, total, label: None)
    if stop is not None:
        stop.check()
    conn = open_backup(path, key)
    try:
        if stop is not None:
            stop.attach(conn)
        try:
            report(55, 100, "checking the copy")
            problems = [f"cipher: {row[0]}" for row in conn.execute("PRAGMA cipher_integrity_check")]
            report(70, 100, "checking the copy")
            if not problems:
                rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
                problems = [] if rows == ["ok"] else [f"sqlite: {r}" for r in rows]
            report(85, 100, "counting records")
            found = counts(conn) if not problems else {}
        except database.DatabaseError as exc:
            if stop is not None and stop.stopped:  # interrupted: not damage
                raise Stopped() from None
            problems = [f"{getattr(exc, 'sqlite_errorname', '') or 'error'}: {exc}"]
            found = {}
        if problems:
            raise BackupDamagedError(
                f"{name or Path(path).name} is damaged: it failed its integrity check ({len(problems)} "
                f"problem(s); the first: {problems[0]}). Use another backup.",
                detail=f"{len(problems)} problem(s); the first: {problems[0]}")
        if expected is not None and found != expected:
            differ = sorted(k for k in set(found) | set(expected) if found.get(k) != expected.get(k))
            raise BackupDamagedError(
                f"The backup's record counts differ from the workspace's ({', '.join(differ[:5])}): "
                "it was not kept.")
        return found
    finally:
        if stop is not None:
            stop.attach(None)
        conn.close()


def install(backup: Path, data_dir: Path, db_file: str, key: KeySpec,
            progress: Progress | None = None) -> dict[str, int]:
    """Copy the backup into `data_dir` as `db_file` through an owner-only partial, verify the copy
    (both checks) and rename it into place, never over a file. Returns the copy's counts. The
    partial has a name of its own each time, so one left by a killed restore is in no one's way."""
    report = progress or (lambda done, total, label: None)
    target = data_dir / db_file
    total = max(1, backup.stat().st_size)
    with files.private_temp(target) as partial:
        with backup.open("rb") as source, partial.open("r+b") as copy:
            done = 0
            while chunk := source.read(_CHUNK):
                copy.write(chunk)
                done += len(chunk)
                report(40 * done // total, 100, "copying")
            copy.flush()
            os.fsync(copy.fileno())
        found = verify(partial, key, progress=lambda d, t, label: report(40 + d // 2, 100, label),
                       name=f"The backup {backup.name}")
        rename_no_replace(partial, target)
    return found
