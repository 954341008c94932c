"""Backups and restore: the one API the CLI and the app's automatic backups call.

`BackupService.backup_to(folder)` makes a verified encrypted backup (storage/backup.py, on a
connection of its own, so the app's connection is free meanwhile), then records it in the workspace
(`meta` "backup_history": time, file name, folder, counts, size) with its audit entry, in one
transaction. `make(folder)` and `record(snapshot)` are the two halves, for a background thread:
`make` touches only the workspace file and the folder (given the key and the practice's name, read
on the caller's thread, it never touches the workspace's connection), `record` the workspace's own
connection; after the record is committed the audit anchor beside the workspace is refreshed (best
effort: a full or read-only data disk is logged, the backup stands).
`prune(folder, policy)` removes this workspace's older backups that the retention rule does not
keep, only ever older than the last verified one. Module-level `restore(...)` rebuilds a workspace
from a backup in a new folder.

Audit entries name the file and the counts; never a patient value.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vma_desk.core.clock import Clock, SystemClock
from vma_desk.core.errors import (
    IntegrityError,
    KnownError,
    LockedError,
    StorageError,
    ValidationError,
    WorkspaceExistsError,
)
from vma_desk.core.records import AuditAction
from vma_desk.core.rules.backup_retention import DEFAULT_POLICY, RetentionPolicy, to_remove
from vma_desk.services.base import ServiceContext
from vma_desk.storage import audit_chain, database
from vma_desk.storage import backup as store
from vma_desk.storage.audit import workstation_user
from vma_desk.storage.database import KeySpec
from vma_desk.storage.files import make_private, make_private_dir
from vma_desk.storage.keys import KeyStore, parse_recovery_key
from vma_desk.storage.location import location_problem
from vma_desk.storage.repositories import SettingRepository
from vma_desk.storage.workspace import DB_FILE, MANIFEST_FILE, Workspace, remove_files

log = logging.getLogger(__name__)

HISTORY_KEY = "backup_history"
#: the practice's limit (days) after which the last verified backup counts as stale (setting table)
STALE_DAYS_KEY = "backup_stale_days"
DEFAULT_STALE_DAYS = 2
MAX_STALE_DAYS = 90
#: backups remembered in the workspace (the files themselves are what prune keeps)
HISTORY_LENGTH = 100

Progress = store.Progress


#: path, counts, size, started_at, verified_at of a verified backup
BackupResult = store.Snapshot


@dataclass(frozen=True)
class BackupRecord:
    """A verified backup as the workspace remembers it."""

    at: datetime
    file_name: str
    folder: str
    counts: dict[str, int]
    size: int = 0

    def to_json(self) -> dict[str, object]:
        return {"at": self.at.astimezone(UTC).isoformat(timespec="seconds"), "file": self.file_name,
                "folder": self.folder, "counts": self.counts, "size": self.size}

    @staticmethod
    def from_json(data: dict[str, Any]) -> BackupRecord:  # as json.loads gives it
        return BackupRecord(datetime.fromisoformat(str(data["at"])), str(data["file"]), str(data["folder"]),
                            {str(k): int(v) for k, v in dict(data.get("counts") or {}).items()},
                            int(data.get("size") or 0))


def total_records(counts: dict[str, int]) -> int:
    return sum(counts.values())


class BackupService:
    def __init__(self, context: ServiceContext) -> None:
        self.ctx = context

    # --- making ------------------------------------------------------------------------------------
    def backup_to(self, folder: Path, progress: Progress | None = None, *,
                  policy: RetentionPolicy | None = None) -> BackupResult:
        """Make a verified backup in `folder`, record and audit it; then, with `policy`, prune this
        workspace's older backups there. A failure leaves the workspace and older backups as they
        were (and no partial file)."""
        result = self.make(folder, progress)
        self.record(result)
        if policy is not None:
            self.prune(folder, policy)
        return result

    def practice_name(self) -> str:
        """The practice's name, for the backup's file name (read on the workspace's connection)."""
        row = self.ctx.conn.execute("SELECT name FROM practice WHERE id = 1").fetchone()
        return row[0] if row else (self.ctx.workspace.manifest.practice or "")

    def make(self, folder: Path, progress: Progress | None = None, *, key: KeySpec | None = None,
             practice: str | None = None, stop: store.Stop | None = None) -> BackupResult:
        """The backup file itself. On a worker thread pass `key` and `practice` (read on the GUI
        thread: `workspace.key_spec()`, `practice_name()`): then only the workspace file, its own
        connection and the folder are touched; `stop` ends it from another thread (Stopped)."""
        workspace = self.ctx.workspace
        key = key if key is not None else workspace.key_spec()
        practice = practice if practice is not None else self.practice_name()
        return store.make_backup(workspace.db_path, key, Path(folder).expanduser(), practice=practice,
                                 workspace_id=workspace.workspace_id, now=self.ctx.clock.now(),
                                 progress=progress, stop=stop)

    def record(self, result: BackupResult) -> None:
        """Remember the verified backup in the workspace, with its audit entry (both or neither: if
        they cannot be saved, the new file is removed so no unrecorded backup is left)."""
        entry = BackupRecord(result.started_at, result.path.name, str(result.path.parent.resolve()),
                             result.counts, result.size)
        try:
            with self.ctx.transaction():
                history = [entry] + self.history()
                self.ctx.workspace.set_meta(HISTORY_KEY, json.dumps(
                    [r.to_json() for r in history[:HISTORY_LENGTH]], separators=(",", ":")))
                self.ctx.audit(AuditAction.BACKUP, "backup", result.path.name,
                               f"verified; {total_records(result.counts)} records in "
                               f"{len(result.counts)} tables; {result.size} bytes")
        except BaseException:
            result.path.unlink(missing_ok=True)
            raise
        if not self.ctx.conn.in_transaction:  # inside a caller's transaction: it anchors after its commit
            self.anchor()

    def anchor(self) -> None:
        """Refresh the audit chain's anchor beside the workspace (the backup holds the chain itself).
        Best effort, and only outside a transaction (never an uncommitted head): a full or read-only
        data disk is logged and the committed backup stands."""
        if self.ctx.conn.in_transaction:
            log.warning("audit anchor not written inside a transaction")
            return
        try:
            audit_chain.write_anchor(self.ctx.workspace)
        except (OSError, KnownError) as exc:
            log.warning("audit anchor not refreshed after the backup: %s", type(exc).__name__)

    # --- what the workspace remembers ------------------------------------------------------------
    def history(self) -> list[BackupRecord]:
        """Verified backups, newest first."""
        text = self.ctx.workspace.meta(HISTORY_KEY)
        if not text:
            return []
        try:
            return [BackupRecord.from_json(item) for item in json.loads(text)]
        except (ValueError, TypeError, KeyError, AttributeError):
            log.warning("backup history unreadable; starting a new one")
            return []

    def last_verified(self) -> BackupRecord | None:
        history = self.history()
        return history[0] if history else None

    def check_workspace(self, progress: Progress | None = None, *, key: KeySpec | None = None,
                        stop: store.Stop | None = None) -> list[str]:
        """The workspace file's own integrity (SQLCipher's page check and SQLite's structural
        check) on a connection of its own, so damage in pages nobody reads is found: on a worker
        thread pass `key` (read on the GUI thread), like `make`. An empty list means both passed;
        a failure is said as the workspace's damage (never a backup's words). Raises Stopped when
        `stop` ended it, LockedError without a key while locked."""
        workspace = self.ctx.workspace
        key = key if key is not None else workspace.key_spec()
        try:
            store.verify(workspace.db_path, key, progress=progress, stop=stop, name="The workspace file")
        except (LockedError, StorageError):
            raise
        except store.BackupDamagedError as exc:
            message = database.damaged(workspace.data_dir).message
            return [f"{message} ({exc.detail})" if exc.detail else message]
        except IntegrityError as exc:
            return [exc.message]
        except KnownError:  # the right key no longer opens it, or its size is wrong: damage
            return [database.damaged(workspace.data_dir).message]
        return []

    # --- the practice's staleness limit ------------------------------------------------------------
    def stale_days(self) -> int:
        """Days after which the last verified backup is too old (the practice's; default 2)."""
        value = SettingRepository(self.ctx.conn).get(STALE_DAYS_KEY)
        try:
            days = int(value) if value is not None else DEFAULT_STALE_DAYS
        except ValueError:
            return DEFAULT_STALE_DAYS
        return min(max(days, 1), MAX_STALE_DAYS)

    def set_stale_days(self, days: int) -> None:
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_STALE_DAYS:
            raise ValidationError("stale_days", f"must be a whole number of days from 1 to {MAX_STALE_DAYS}")
        if days == self.stale_days():
            return
        with self.ctx.transaction():
            SettingRepository(self.ctx.conn).set(STALE_DAYS_KEY, str(days))
            self.ctx.audit(AuditAction.UPDATE, "setting", "backups", "settings: backup_stale_days")

    # --- pruning -----------------------------------------------------------------------------------
    def backups_in(self, folder: Path) -> list[tuple[Path, datetime]]:
        """This workspace's backups in `folder` (by the workspace tag in their names), newest first."""
        mine = store.tag(self.ctx.workspace.workspace_id)
        found = []
        for path in Path(folder).expanduser().iterdir():
            parsed = store.parse_name(path.name)
            if parsed and parsed[0] == mine and path.is_file():
                found.append((path, parsed[1], parsed[2]))
        found.sort(key=lambda item: (item[1], item[2]), reverse=True)
        return [(path, at) for path, at, _ in found]

    def prune(self, folder: Path, policy: RetentionPolicy = DEFAULT_POLICY) -> list[Path]:
        """Remove this workspace's backups in `folder` that `policy` does not keep. Only files older
        than the last verified backup go, and never that one: with no verified backup, nothing."""
        policy = policy.validated()
        last = self.last_verified()
        if last is None:
            return []
        folder = Path(folder).expanduser()
        mine = self.backups_in(folder)
        zone = self.ctx.practice_zone()
        # one time per file (several in one second: the newest sequence stands for that second)
        times = {at for _, at in mine}
        going = to_remove({at.astimezone(zone) for at in times}, policy)
        removed = []
        for path, at in mine:
            if path.name == last.file_name or at.astimezone(zone) not in going or at >= last.at:
                continue
            try:
                path.unlink()
                removed.append(path)
            except OSError as exc:
                log.warning("old backup not removed: %s", type(exc).__name__)
        if removed:
            with self.ctx.transaction():
                self.ctx.audit(AuditAction.DELETE, "backup", len(removed),
                               "pruned: " + ", ".join(p.name for p in removed))
        return removed


# --- restore -----------------------------------------------------------------------------------------

def restore(backup_file: Path, new_data_dir: Path, keystore: KeyStore, *, recovery_key: str | None = None,
            passphrase: str | None = None, progress: Progress | None = None,
            clock: Clock | None = None,
            note: Callable[[str], None] | None = None) -> tuple[Workspace, dict[str, int]]:
    """Rebuild a workspace from `backup_file` in `new_data_dir` (a new or empty folder): the backup
    verified, the folder refused if it holds a workspace or its manifest, the file copied through
    an owner-only partial and verified again, the manifest written, a keyring workspace's key put
    in the OS keyring (a passphrase workspace stays one), opened, and the restore audited in it.
    A keyring that holds another key under the backup's workspace id (the workspace still exists
    here) is refused, never overwritten; the same key is fine and said through `note`. A sync or
    network folder is refused as for a new workspace."""
    backup_file, data_dir = Path(backup_file).expanduser(), Path(new_data_dir).expanduser()
    if (recovery_key is None) == (passphrase is None):
        raise ValidationError("key", "give the backup's recovery key or its passphrase (one of them)")
    key = KeySpec(raw=parse_recovery_key(recovery_key)) if recovery_key is not None \
        else KeySpec(passphrase=passphrase)
    if data_dir.exists() and not data_dir.is_dir():
        raise WorkspaceExistsError(f"{data_dir} is a file, not a folder: choose a new folder.")
    for name in (DB_FILE, MANIFEST_FILE, DB_FILE + "-wal"):
        if (data_dir / name).exists():
            raise WorkspaceExistsError(
                f"{data_dir} already holds a workspace ({name}); restore never replaces one. Choose a "
                "new, empty folder.")
    # the key and the backup first, before anything is made
    conn = store.open_backup(backup_file, key)
    try:
        row = store.read_meta(conn, backup_file, "SELECT value FROM meta WHERE key = 'workspace_id'")
        practice = store.read_meta(conn, backup_file, "SELECT name FROM practice WHERE id = 1")
    finally:
        conn.close()
    if row is None:
        raise KnownError(f"{backup_file.name} is not a VMA Desk backup (it has no workspace id).")
    workspace_id = str(row[0])
    if key.raw is not None and keystore.available:
        held = keystore.get(workspace_id)
        if held is not None and held != key.raw:
            raise WorkspaceExistsError(
                f"{backup_file.name} is a backup of a workspace that still exists on this computer "
                "under another key (it was rekeyed since this backup, or its recovery key changed): "
                "restoring it here would replace that workspace's key in the OS keyring. Restore it on "
                "another computer, or remove that workspace from this one first. Nothing was changed.")
        if held is not None and note is not None:
            note(f"This computer already has a workspace with the same id and key (perhaps the one "
                 f"this backup was made of): the copy in {data_dir} shares its id and its OS keyring "
                 "entry. Keep using one of them; removing either one's key from the keyring locks "
                 "both.")
    problem = location_problem(data_dir)
    if problem:
        raise StorageError(f"A workspace cannot be restored here: {problem} Choose a folder on this "
                           "computer's own disk (backups may go to such folders). Nothing was changed.")
    made_folder = not data_dir.exists()
    try:
        make_private_dir(data_dir)
    except OSError as exc:
        raise KnownError(f"The folder {data_dir} could not be made ({exc.strerror or 'error'}).") from None
    installed = False
    try:
        counts = store.install(backup_file, data_dir, DB_FILE, key, progress)
        if progress:
            progress(100, 100, "done")
        installed = True
        if key.raw is not None:
            assert recovery_key is not None
            workspace, _ = Workspace.unlock_with_recovery_key(data_dir, recovery_key, keystore)
        else:
            assert passphrase is not None
            workspace = Workspace.unlock_with_passphrase(data_dir, passphrase)
        make_private(data_dir / MANIFEST_FILE)
        if practice and practice[0]:
            workspace.remember_practice(str(practice[0]))
            make_private(data_dir / MANIFEST_FILE)
        try:
            ctx = ServiceContext(workspace, clock or SystemClock(), workstation_user())
            with ctx.transaction():
                ctx.audit(AuditAction.RESTORE, "workspace", workspace.workspace_id,
                          f"restored from backup {backup_file.name}; {total_records(counts)} records")
        except BaseException:
            workspace.close()
            raise
    except BaseException:
        if installed:
            remove_files(data_dir)
        if made_folder:
            try:
                data_dir.rmdir()
            except OSError:
                pass
        raise
    return workspace, counts


__all__ = ["BackupRecord", "BackupResult", "BackupService", "RetentionPolicy", "restore"]
