"""A workspace: one data directory holding one SQLCipher file and a small manifest.

The manifest (``workspace.json``) holds no patient data: the workspace's random id (its keyring
entry's user name), how it is protected (OS keyring or passphrase) and the file format. The
encrypted file holds everything else.

Unlocking never re-creates, re-keys or overwrites an existing file. Every refusal (wrong key, wrong
passphrase, not a workspace, newer schema) happens before anything is written.
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from vma_desk.core.errors import (
    KeyMissingError,
    KnownError,
    LockedError,
    NotAWorkspaceError,
    StorageError,
    ValidationError,
    WorkspaceExistsError,
    WorkspaceMissingError,
)
from vma_desk.storage import database, migrations
from vma_desk.storage.database import Connection, KeySpec, WorkspaceConnection
from vma_desk.storage.files import (
    InstanceLock,
    folder_warning,
    make_private,
    make_private_dir,
    write_private,
)
from vma_desk.storage.keys import KeyStore, format_recovery_key, new_key, parse_recovery_key
from vma_desk.storage.location import location_problem

log = logging.getLogger(__name__)

DB_FILE = "workspace.vmadesk"
MANIFEST_FILE = "workspace.json"
MANIFEST_FORMAT = 1
MIN_PASSPHRASE = 10


class Protection(StrEnum):
    KEYRING = "keyring"
    PASSPHRASE = "passphrase"


@dataclass(frozen=True)
class Manifest:
    workspace_id: str
    protection: Protection
    #: the practice's name, for "Switch practice" lists (not patient data; may be "")
    practice: str = field(default="", compare=False)

    @staticmethod
    def read(data_dir: Path) -> Manifest | None:
        try:
            data = json.loads((data_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
            return Manifest(str(data["id"]), Protection(data["protection"]), str(data.get("practice", "")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def write(self, data_dir: Path) -> None:
        text = json.dumps(
            {"app": "vma-desk", "format": MANIFEST_FORMAT, "id": self.workspace_id,
             "protection": self.protection.value, "practice": self.practice},
            indent=2,
        )
        write_private(data_dir / MANIFEST_FILE, (text + "\n").encode("utf-8"), replace=True)


@dataclass(frozen=True)
class WorkspaceState:
    """What is on disk before unlocking: decides which unlock path to offer."""

    data_dir: Path
    exists: bool
    manifest: Manifest | None

    @property
    def protection(self) -> Protection | None:
        return self.manifest.protection if self.manifest else None


def probe(data_dir: Path, keystore: KeyStore | None = None) -> WorkspaceState:
    """First finishes (or undoes) a key change a killed process left half-done (storage/rekey.py:
    two stat calls when there is none), so the manifest read here says how the file opens."""
    from vma_desk.storage.rekey import finish_interrupted

    finish_interrupted(Path(data_dir), keystore)
    return WorkspaceState(data_dir, (data_dir / DB_FILE).exists(), Manifest.read(data_dir))


def validate_passphrase(passphrase: str, confirmation: str | None = None) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError("passphrase", f"must be at least {MIN_PASSPHRASE} characters")
    if confirmation is not None and confirmation != passphrase:
        raise ValidationError("confirmation", "does not match the passphrase")
    return passphrase


class Workspace:
    """An unlocked, migrated workspace and its one connection.

    `lock()` closes the connection and drops the key: the object stays (services hold it), but
    every read or write raises `LockedError` until `reopen_*` puts a verified connection back.
    """

    def __init__(self, data_dir: Path, conn: Connection, manifest: Manifest, key: KeySpec) -> None:
        self.data_dir = data_dir
        self.conn = WorkspaceConnection(conn)
        self.manifest = manifest
        self._key: KeySpec | None = key
        self.migrated_from = migrations.LATEST
        self._demo = _meta(conn, "demo") == "1"
        #: what the user should know about where the workspace lives (a folder others can open, a
        #: network or sync folder), each saying what to do; the window shows them
        self.warnings: list[str] = opening_warnings(data_dir)
        with contextlib.suppress(OSError):  # a manifest written before files were owner-only
            make_private(data_dir / MANIFEST_FILE)
        self._instance_lock: InstanceLock | None = None

    # --- creating ------------------------------------------------------------------------------
    @classmethod
    def create(
        cls, data_dir: Path, keystore: KeyStore, *, passphrase: str | None = None
    ) -> tuple[Workspace, str | None]:
        """Create a new workspace. Returns it and its recovery key (None for a passphrase)."""
        data_dir = Path(data_dir)
        if (data_dir / DB_FILE).exists():
            raise WorkspaceExistsError(f"A workspace already exists in {data_dir}.")
        if (data_dir / MANIFEST_FILE).exists():
            raise WorkspaceMissingError(
                f"{data_dir} has a workspace manifest but not its file ({DB_FILE}). If the "
                "workspace lives on a drive that is not connected, connect it and try again; "
                "VMA Desk will not create a new workspace over it."
            )
        problem = location_problem(data_dir)
        if problem:
            raise StorageError(f"A workspace cannot be created here: {problem} Choose a folder on "
                               "this computer's own disk (backups may go to such folders).")
        workspace_id = uuid.uuid4().hex
        if passphrase is None:
            key = new_key()
            spec = KeySpec(raw=key)
            protection = Protection.KEYRING
        else:
            spec = KeySpec(passphrase=validate_passphrase(passphrase))
            protection = Protection.PASSPHRASE
        make_private_dir(data_dir)
        if protection is Protection.KEYRING:
            keystore.put(workspace_id, key)  # first: if the keyring refuses, nothing is on disk
        path = data_dir / DB_FILE
        conn = None
        try:
            conn = database.create(path, spec)
            migrations.migrate(conn)
            with database.transaction(conn):
                conn.executemany(
                    "INSERT INTO meta(key, value) VALUES (?, ?)",
                    [("workspace_id", workspace_id),
                     ("created_at", datetime.now(UTC).isoformat(timespec="seconds"))],
                )
            manifest = Manifest(workspace_id, protection)
            manifest.write(data_dir)
        except BaseException:
            if conn is not None:
                conn.close()
            remove_files(data_dir)
            if protection is Protection.KEYRING:
                keystore.delete(workspace_id)
            raise
        recovery = format_recovery_key(key) if protection is Protection.KEYRING else None
        return cls(data_dir, conn, manifest, spec), recovery

    # --- unlocking -----------------------------------------------------------------------------
    @classmethod
    def unlock_with_keyring(cls, data_dir: Path, keystore: KeyStore) -> Workspace:
        state = probe(Path(data_dir), keystore)
        manifest = cls._manifest_for_keyring(state)
        key = keystore.get(manifest.workspace_id)
        if key is None:
            raise KeyMissingError(
                "The OS keyring has no key for this workspace (the keyring was reset, or the "
                "workspace came from another computer). Enter the recovery key that was shown "
                "when the workspace was created."
            )
        return cls._open(state.data_dir, KeySpec(raw=key), manifest)

    @classmethod
    def unlock_with_recovery_key(
        cls, data_dir: Path, recovery_key: str, keystore: KeyStore
    ) -> tuple[Workspace, bool]:
        """Open with the recovery key and put the key back in the keyring.

        Returns the workspace and whether the key is back in the keyring (False when there is no
        usable keyring: the workspace is open for this session only).
        """
        data_dir = Path(data_dir)
        key = parse_recovery_key(recovery_key)
        state = probe(data_dir, keystore)
        if not state.exists:
            raise WorkspaceMissingError(f"There is no workspace in {data_dir}.")
        conn = cls._verified_connection(data_dir, KeySpec(raw=key))
        workspace_id = _meta(conn, "workspace_id") or uuid.uuid4().hex
        manifest = Manifest(workspace_id, Protection.KEYRING)
        workspace = cls._finish_open(data_dir, conn, manifest, KeySpec(raw=key))
        restored = False
        if keystore.available:
            try:
                keystore.put(workspace_id, key)
                restored = True
            except KnownError as exc:
                log.warning("recovered key not stored in the keyring: %s", exc.code)
        if state.manifest != manifest:
            manifest.write(data_dir)
        return workspace, restored

    @classmethod
    def unlock_with_passphrase(cls, data_dir: Path, passphrase: str) -> Workspace:
        data_dir = Path(data_dir)
        state = probe(data_dir)
        if not state.exists:
            raise WorkspaceMissingError(f"There is no workspace in {data_dir}.")
        if not passphrase:
            raise ValidationError("passphrase", "is required")
        spec = KeySpec(passphrase=passphrase)
        conn = cls._verified_connection(data_dir, spec)
        workspace_id = _meta(conn, "workspace_id") or uuid.uuid4().hex
        manifest = Manifest(workspace_id, Protection.PASSPHRASE)
        workspace = cls._finish_open(data_dir, conn, manifest, spec)
        if state.manifest != manifest:
            manifest.write(data_dir)
        return workspace

    @staticmethod
    def _manifest_for_keyring(state: WorkspaceState) -> Manifest:
        if not state.exists:
            raise WorkspaceMissingError(f"There is no workspace in {state.data_dir}.")
        database.sniff(state.data_dir / DB_FILE)  # "not a workspace" before "key missing"
        if state.manifest is None:
            raise KeyMissingError(
                "This workspace's manifest (workspace.json) is missing, so its keyring entry "
                "cannot be found. Enter the recovery key or the passphrase to open it."
            )
        if state.manifest.protection is not Protection.KEYRING:
            raise KeyMissingError("This workspace is protected by a passphrase.")
        return state.manifest

    @classmethod
    def _open(cls, data_dir: Path, key: KeySpec, manifest: Manifest) -> Workspace:
        conn = cls._verified_connection(data_dir, key)
        return cls._finish_open(data_dir, conn, manifest, key)

    @staticmethod
    def _verified_connection(data_dir: Path, key: KeySpec) -> Connection:
        """Key verified, application id and schema version checked; nothing written yet."""
        path = data_dir / DB_FILE
        if not path.exists():
            raise WorkspaceMissingError(f"There is no workspace in {data_dir}.")
        database.sniff(path)
        conn = database.connect(path, key)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != database.APPLICATION_ID:
                raise NotAWorkspaceError(
                    f"{path.name} is an encrypted database, but not a VMA Desk workspace."
                )
            migrations.check_not_newer(migrations.schema_version(conn))
        except BaseException:
            conn.close()
            raise
        return conn

    @classmethod
    def _finish_open(
        cls, data_dir: Path, conn: Connection, manifest: Manifest, key: KeySpec
    ) -> Workspace:
        try:
            database.configure(conn)
            before = migrations.migrate(conn)
        except BaseException:
            conn.close()
            raise
        workspace = cls(data_dir, conn, manifest, key)
        workspace.migrated_from = before
        return workspace

    # --- while open ----------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE

    @property
    def workspace_id(self) -> str:
        return self.manifest.workspace_id

    @property
    def protection(self) -> Protection:
        return self.manifest.protection

    def meta(self, key: str) -> str | None:
        return _meta(self.conn, key)

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        if key == "demo":
            self._demo = value == "1"

    @property
    def is_demo(self) -> bool:
        """Read when opened (and when a demo is made): known while locked, as the title needs."""
        return self._demo

    def key_spec(self) -> KeySpec:
        """The key the open workspace was unlocked with: a backup is keyed with the same one."""
        if self._key is None or not self.conn.is_open:
            raise LockedError()
        return self._key

    def matches_passphrase(self, passphrase: str) -> bool:
        return self._key is not None and self._key.passphrase is not None \
            and self._key.passphrase == passphrase

    def matches_key(self, key: bytes | None) -> bool:
        return key is not None and self._key is not None and self._key.raw == key

    def remember_practice(self, name: str) -> None:
        """Keep the practice's name in the manifest, so lists of workspaces can name it."""
        if name and name != self.manifest.practice:
            self.manifest = replace(self.manifest, practice=name)
            try:
                self.manifest.write(self.data_dir)
            except OSError as exc:
                log.warning("manifest not updated: %s", type(exc).__name__)

    # --- locking -------------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return not self.conn.is_open

    def lock(self) -> None:
        """Close the database and forget the key: nothing of the workspace stays in memory but
        its folder and manifest. Idempotent."""
        if self.conn.is_open:
            self.close(keep_instance_lock=True)  # the window is still this workspace's
        self._key = None

    # --- one window per workspace ----------------------------------------------------------------
    @staticmethod
    def claim(data_dir: Path) -> InstanceLock | None:
        """`workspace.lock` of `data_dir`, taken for a window about to open it; None when another
        VMA Desk window holds it. Headless commands do not take it."""
        lock = InstanceLock(Path(data_dir))
        try:
            return lock if lock.acquire() else None
        except OSError as exc:  # a read-only folder: opening the database says what is wrong
            log.warning("instance lock not taken: %s", type(exc).__name__)
            return lock

    def hold_instance_lock(self, lock: InstanceLock) -> None:
        """Keep the window's `workspace.lock` until `close()`."""
        self._instance_lock = lock

    def reopen_with_keyring(self, keystore: KeyStore) -> None:
        """Unlock again with the key the OS keyring holds (read anew: never kept while locked)."""
        self._require_file()
        manifest = self._manifest_for_keyring(probe(self.data_dir, keystore))
        key = keystore.get(manifest.workspace_id)
        if key is None:
            raise KeyMissingError(
                "The OS keyring no longer holds this workspace's key. Quit VMA Desk and start it "
                "again: it will ask for the recovery key.")
        self._reopen(KeySpec(raw=key))

    def reopen_with_passphrase(self, passphrase: str) -> None:
        if not passphrase:
            raise ValidationError("passphrase", "is required")
        self._reopen(KeySpec(passphrase=passphrase))

    def reopen_with_recovery_key(self, recovery_key: str) -> None:
        self._reopen(KeySpec(raw=parse_recovery_key(recovery_key)))

    def reopen_with_key(self, key: KeySpec, manifest: Manifest | None = None) -> None:
        """After a key change (storage/rekey.py): open the file again with its new key, and keep
        the manifest that says how it is protected now."""
        self._reopen(key)
        if manifest is not None:
            self.manifest = manifest

    def _reopen(self, key: KeySpec) -> None:
        if self.conn.is_open:
            raise LockedError("The workspace is already open.")
        self._require_file()
        conn = self._verified_connection(self.data_dir, key)
        if _meta(conn, "workspace_id") not in (None, self.workspace_id):
            conn.close()
            raise NotAWorkspaceError(
                f"The file in {self.data_dir} is now another workspace. Start VMA Desk again to open it.")
        try:
            database.configure(conn)
            migrations.migrate(conn)
        except BaseException:
            conn.close()
            raise
        self.conn.attach(conn)
        self._key = key

    def _require_file(self) -> None:
        if not self.db_path.exists():
            raise WorkspaceMissingError(
                f"The workspace file is gone from {self.data_dir} (removed, or its drive was "
                "disconnected while VMA Desk was locked). Reconnect the drive, or restore the "
                "workspace, and start VMA Desk again.")

    def integrity_problems(self) -> list[str]:
        """SQLCipher's page HMAC check and SQLite's structural check: each misses what the other
        catches. An empty list means both passed."""
        problems = [f"cipher: {row[0]}" for row in
                    self.conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        rows = [row[0] for row in self.conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            problems += [f"sqlite: {r}" for r in rows]
        problems += [f"foreign key: {r[0]} row {r[1]}" for r in
                     self.conn.execute("PRAGMA foreign_key_check").fetchall()]
        return problems

    def close(self, *, keep_instance_lock: bool = False) -> None:
        if self.conn.is_open and not self.conn.in_transaction:
            from vma_desk.storage.audit_chain import write_anchor

            try:  # the audit chain's head, anchored outside the database
                write_anchor(self)
            except (OSError, database.DatabaseError, KnownError) as exc:
                log.warning("audit anchor not written: %s", type(exc).__name__)
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except (database.DatabaseError, KnownError):
            pass
        self.conn.close()
        self._key = None  # nothing of the key stays with a closed workspace either
        if self._instance_lock is not None and not keep_instance_lock:
            self._instance_lock.release()
            self._instance_lock = None


def opening_warnings(data_dir: Path) -> list[str]:
    """Warnings about where a workspace lives: a sync or network folder; a folder others can open."""
    warnings = []
    where = location_problem(data_dir)
    if where:
        warnings.append(f"{where} Move the workspace folder to this computer's own disk (with VMA "
                        "Desk closed); keep only backups in such places.")
    loose = folder_warning(data_dir)
    if loose:
        warnings.append(loose)
    if warnings:
        log.warning("workspace opened with %d location warning(s)", len(warnings))
    return warnings


def remove_files(data_dir: Path) -> None:
    """Delete a workspace's files (database, WAL, manifest): only for one just made by us."""
    for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", DB_FILE + "-journal", MANIFEST_FILE,
                 MANIFEST_FILE + ".tmp"):
        (data_dir / name).unlink(missing_ok=True)


def _meta(conn: Connection | WorkspaceConnection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except database.DatabaseError as exc:
        damage = database.damage_error(exc)
        if damage is not None:  # never taken for "no id yet" (a new id would be written)
            raise damage from None
        return None
    return row[0] if row else None
