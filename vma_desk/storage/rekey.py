"""Changing a workspace's key: a new random key (rekey), keyring <-> passphrase, a new passphrase.

Why not SQLCipher's ``PRAGMA rekey``: it rewrites every page of the live file in place, refuses a
WAL database, and a process killed half-way leaves pages under two keys, a file that no key opens.
Instead the workspace is copied into a new keyed file beside it and that file replaces the old one
in one rename, with the new key stored *before* the rename and the old one forgotten only *after*.

The steps (each named: the name is the test hook's, see `_pause`):

1. ``locked``: the workspace's own connection takes SQLite's exclusive lock
   (``locking_mode = EXCLUSIVE``) and leaves WAL (``journal_mode = DELETE``, which checkpoints the
   WAL and removes ``-wal`` and ``-shm``), so no other process reads or writes the old file until
   it is replaced and no ``-wal``/``-shm``/``-journal`` of the old file is left to be taken for the
   new file's. Another connection open on the workspace (VMA Desk, a command) makes this fail:
   nothing changed. ``workspace.keychange.lock`` (an OS lock, let go when the process ends) keeps
   two key changes, or a change and the clean-up below, apart.
2. ``exported``: ``sqlcipher_export`` into ``workspace.vmadesk.rekey.partial`` (created 0600, keyed
   with the new key; nothing decrypted reaches the disk).
3. ``verified``: the partial opened with the new key; record counts equal the workspace's; the
   caller's audit entry is written into it; SQLCipher's and SQLite's integrity checks; fsync.
4. ``pending-stored`` (to the keyring only): the new key in the keyring under ``<id>.pending``.
5. ``journal-written``: ``workspace.keychange.json`` (0600, fsynced) says what the file becomes:
   ``{"to": "keyring" | "passphrase", "id": …}``.
6. ``replaced``: ``os.replace`` of the partial over ``workspace.vmadesk``, folder fsynced.
7. ``main-stored`` (to the keyring): the new key in the workspace's own keyring entry.
8. ``manifest-written``: the manifest says the new protection.
9. ``keyring-cleaned``: the pending entry deleted (to the keyring), or the old key's entry deleted
   (keyring -> passphrase); then the journal is deleted.

What is on disk when a process dies, and how the next opening (`finish_interrupted`, called by
`workspace.probe`, so by every unlock) settles it: the partial's presence says whether step 6
happened (``os.replace`` is atomic: the partial is there before, gone after).

- No journal (killed in steps 1-4): the old file with the old key, untouched. A leftover partial
  is deleted, then the pending entry (which opened only the partial).
- Journal and partial (killed in 5-6, before the rename): the old key still opens the file. The
  change is undone: pending entry, journal, partial deleted (in that order).
- Journal, no partial (killed in 6-9): the new file is in place. To the keyring: the pending key
  is checked to open the file, copied to the main entry, the manifest updated, the pending entry
  deleted. To a passphrase: the manifest says passphrase and the old key's keyring entry (which
  opens nothing now) is deleted. Then the journal goes. A keyring that cannot be read leaves all
  of it for the next opening; a pending key is never deleted unless the file opens without it.

In the app the change runs on a worker thread on the app's own connection while the other windows
and timers stay live: from step 1 until the change ends, `_KeyChangeGuard` stands in for that
connection and refuses, at once and plainly (`CHANGING`), every statement from another thread that
may write (a write to the old file after its copy would be lost at the rename); reads go on. A lock
meanwhile closes nothing under the change: before step 5 the change stops (`LOCKED_DURING`, nothing
changed), after it the change finishes; either way the workspace stays locked, never reopened.
A full disk or another OS or SQLite failure before the rename is a plain `StorageError`, undone.

So at every instant the file opens with the keyring's main or pending entry, or with the
passphrase the user gave; the recovery key (the key itself) printed at the end opens it too.
Backups are separate files: the old recovery key (or passphrase) still opens the ones made before.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import re
import sys
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, Unpack, cast

from vma_desk.core.errors import (
    IntegrityError,
    KeyringUnavailableError,
    KnownError,
    StorageError,
    WrongKeyError,
    WrongPassphraseError,
)
from vma_desk.storage import database, migrations
from vma_desk.storage.backup import counts, create_private, fsync_file, fsync_folder, key_text
from vma_desk.storage.database import Connection, Cursor, KeySpec, Parameters
from vma_desk.storage.files import InstanceLock, write_private
from vma_desk.storage.keys import NO_KEYRING_HELP, KeyStore, format_recovery_key, new_key

if TYPE_CHECKING:  # workspace.py imports this module
    from collections.abc import Iterable

    from vma_desk.storage.workspace import Manifest, Workspace

log = logging.getLogger(__name__)

JOURNAL_FILE = "workspace.keychange.json"
PARTIAL_SUFFIX = ".rekey.partial"
PENDING_SUFFIX = ".pending"
#: the test hook's environment variable: the name of the step to stop at (see `_pause`)
PAUSE_ENV = "VMA_DESK_TEST_PAUSE_AT"
KEYRING, PASSPHRASE = "keyring", "passphrase"

#: (done, total, label)
Progress = Callable[[int, int, str], None]


class KeyChangeOptions(TypedDict, total=False):
    """The optional keywords of `change_key`, passed on by `rekey`, `use_keyring` and `use_passphrase`."""

    progress: Progress | None
    before_swap: Callable[[Connection], None] | None
    keep_recovery_key: Callable[[str], None] | None

IN_USE = ("The workspace is open in VMA Desk or in another vma-desk command. Close VMA Desk (or wait "
          "for the command to finish) and try again. Nothing was changed.")


#: what anything else that writes to the workspace is told while its key changes
CHANGING = "The workspace's key is being changed: try again in a moment. This was not saved."
LOCKED_DURING = ("The workspace was locked while its key was being changed, so its key was not changed. "
                 "Sign in and try again.")


class KeyChangeLock(InstanceLock):
    """Held while a key change runs, and while an interrupted one is settled."""

    NAME = "workspace.keychange.lock"


@dataclass(frozen=True)
class KeyChange:
    """What a key change did: the protection before and after, and the new recovery key (a
    keyring workspace's new key, written for people; None for a passphrase)."""

    before: str
    after: str
    recovery_key: str | None
    #: a step after the switch that must wait for the next opening (empty: none)
    warning: str = ""


def pending_name(workspace_id: str) -> str:
    """The keyring entry (user name under service ``vma-desk``) of a key not yet in use."""
    return workspace_id + PENDING_SUFFIX


def partial_path(data_dir: Path) -> Path:
    from vma_desk.storage.workspace import DB_FILE

    return Path(data_dir) / (DB_FILE + PARTIAL_SUFFIX)


def _pause(step: str) -> None:
    """A test hook, not a mock: with VMA_DESK_TEST_PAUSE_AT=<step> the real process says so on
    stderr and sleeps at that named step, so a test can kill it (SIGKILL) exactly there."""
    if os.environ.get(PAUSE_ENV) == step:
        sys.stderr.write(f"vma-desk: test pause at {step}\n")
        sys.stderr.flush()
        time.sleep(3600)


# --- the change -----------------------------------------------------------------------------------


def rekey(workspace: Workspace, keystore: KeyStore, **options: Unpack[KeyChangeOptions]) -> KeyChange:
    """A new random key for a keyring workspace (see the module's text)."""
    from vma_desk.storage.workspace import Protection

    if workspace.protection is not Protection.KEYRING:
        raise KnownError(
            "This workspace is protected by a passphrase, so it has no random key to rotate. To "
            "give it a new key, set a new passphrase (that re-encrypts it), or switch it to the OS "
            "keyring, which gives it a new random key and a recovery key.")
    return change_key(workspace, keystore, KeySpec(raw=new_key()), **options)


def use_keyring(workspace: Workspace, keystore: KeyStore, **options: Unpack[KeyChangeOptions]) -> KeyChange:
    """From a passphrase to a new random key kept in the OS keyring (and a new recovery key)."""
    return change_key(workspace, keystore, KeySpec(raw=new_key()), **options)


def use_passphrase(workspace: Workspace, keystore: KeyStore, passphrase: str,
                   **options: Unpack[KeyChangeOptions]) -> KeyChange:
    """To a passphrase (from the keyring, or a new passphrase for a passphrase workspace)."""
    return change_key(workspace, keystore, KeySpec(passphrase=passphrase), **options)


def change_key(workspace: Workspace, keystore: KeyStore, new: KeySpec, *,
               progress: Progress | None = None,
               before_swap: Callable[[Connection], None] | None = None,
               keep_recovery_key: Callable[[str], None] | None = None) -> KeyChange:
    """Re-key the open `workspace` to `new`; it is open again with the new key afterwards (unless
    it was locked meanwhile: then it stays locked, see `_KeyChangeGuard`).

    `before_swap(conn)` runs inside a transaction on the new file before it replaces the old one
    (the service's audit entry: in the file if and only if the change happened).
    `keep_recovery_key(text)` gets the new recovery key before the switch, so a file the user
    asked for holds it before it is the only way in; if it raises, nothing is changed.
    A full disk or another OS or SQLite failure before the switch is a `StorageError` (a plain
    message) and leaves the workspace as it was, open with its old key."""
    from vma_desk.storage.workspace import Manifest, Protection

    report = progress or (lambda done, total, label: None)
    data_dir = workspace.data_dir
    before = workspace.protection.value
    after = KEYRING if new.raw is not None else PASSPHRASE
    if after == KEYRING and not keystore.available:
        raise KeyringUnavailableError(keystore.reason or NO_KEYRING_HELP)
    old = workspace.key_spec()
    if workspace.conn.in_transaction:
        raise StorageError("The workspace is saving something: try again in a moment.")
    lock = KeyChangeLock(data_dir)
    try:
        if not lock.acquire():
            raise StorageError("Another key change of this workspace is running. Nothing was changed.")
    except OSError as exc:
        raise _plain(exc, workspace) from None
    try:
        try:
            if _settle(data_dir, keystore) is None and (data_dir / JOURNAL_FILE).exists():
                raise StorageError("An earlier key change of this workspace is unfinished and could not "
                                   "be finished now (is the OS keyring locked?). Nothing was changed.")
        except (OSError, database.DatabaseError) as exc:
            raise _plain(exc, workspace) from None
        workspace_id = workspace.workspace_id
        partial = partial_path(data_dir)
        swapped = False
        stored_pending = False
        guard = _KeyChangeGuard.install(workspace)
        conn = guard.conn
        try:
            report(0, 100, "preparing")
            _take_exclusive(conn, workspace.db_path)
            _pause("locked")
            source = counts(conn)
            _export(conn, workspace.db_path, partial, new, report)
            _pause("exported")
            guard.stop_if_locked()
            report(60, 100, "checking the copy")
            _verify(partial, new, source, before_swap)
            fsync_file(partial)
            _pause("verified")
            report(90, 100, "switching to the new key")
            if keep_recovery_key is not None and new.raw is not None:
                keep_recovery_key(format_recovery_key(new.raw))
            if after == KEYRING:
                assert new.raw is not None
                keystore.put(pending_name(workspace_id), new.raw)
                stored_pending = True
                _pause("pending-stored")
            guard.stop_if_locked()  # the last moment to leave a locked workspace as it was
            _write_journal(data_dir, after, workspace_id)
            _pause("journal-written")
            os.replace(partial, workspace.db_path)
            swapped = True
            try:
                fsync_folder(data_dir)
            except OSError as exc:  # the rename happened; the next opening settles the rest
                log.warning("folder not synced after the key change: %s", type(exc).__name__)
            _pause("replaced")
        except BaseException as exc:
            if swapped:
                guard.release()
                raise
            try:
                _undo(data_dir, keystore, workspace_id, stored_pending)
            except (OSError, KnownError) as undo_exc:  # the next opening cleans up (`_settle`)
                log.warning("key change not undone yet: %s", type(undo_exc).__name__)
            if guard.release():
                try:
                    _reopen(workspace, old, None)
                except KnownError as reopen_exc:  # stays locked; the first error is the one to say
                    log.warning("workspace not reopened after a failed key change: %s", reopen_exc.code)
            if isinstance(exc, OSError | database.DatabaseError):
                raise _plain(exc, workspace) from None
            raise
        still_open = guard.release()
        workspace.conn.close()  # the old file's connection: its file is gone from the folder now
        manifest = replace(workspace.manifest, protection=Protection(after))
        warning = ""
        try:
            _finish(data_dir, keystore, after, workspace_id, manifest, new, forget_main=before == KEYRING)
        except (KnownError, OSError, database.DatabaseError) as exc:
            log.warning("key change to be finished at the next opening: %s", type(exc).__name__)
            reason = exc.message if isinstance(exc, KnownError) else _plain(exc, workspace).message
            warning = (f"The workspace has its new key, but one last step must wait ({reason}); "
                       "it is finished the next time the workspace opens.")
        manifest = manifest if not warning else Manifest.read(data_dir) or manifest
        if still_open:
            _reopen(workspace, new, manifest)
        else:  # locked meanwhile: the key stays out of memory until someone signs in again
            workspace.manifest = manifest
        report(100, 100, "done")
        recovery = format_recovery_key(new.raw) if new.raw is not None else None
        return KeyChange(before, after, recovery, warning)
    finally:
        lock.release()


def _plain(exc: BaseException, workspace: Workspace) -> KnownError:
    """An OS or SQLite failure met while the key changes, said plainly (a full disk, a read-only
    folder ...): never a traceback. The workspace keeps its key (the caller undid the change)."""
    if isinstance(exc, KnownError):
        return exc
    if isinstance(exc, database.DatabaseError):
        known = database.known_error(exc, workspace.db_path)
        if known is not None:
            return known
        log.warning("key change failed: %s", getattr(exc, "sqlite_errorname", "") or type(exc).__name__)
        return StorageError("The workspace's key could not be changed (SQLite said "
                            f"{getattr(exc, 'sqlite_errorname', '') or 'an error'}). Nothing was changed.")
    where = getattr(exc, "filename", None) or workspace.data_dir
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageError(f"The disk holding {where} is full: free some space and try "
                            "again. Nothing was changed: the workspace keeps its key.")
    reason = getattr(exc, "strerror", None) or type(exc).__name__
    return StorageError(f"The workspace's key could not be changed: {reason} ({where}). "
                        "Nothing was changed: the workspace keeps its key.")


class _KeyChangeGuard:
    """Stands in for the workspace's SQLCipher connection (inside the `WorkspaceConnection` every
    service and repository holds) while its key changes, so that the rest of the app, which stays
    live (other windows, timers), cannot write to the old file after its copy was taken: such a
    write would be lost when the copy replaces it. From any thread but the key change's, a statement
    that may write (anything but SELECT, WITH … SELECT, EXPLAIN or a reading PRAGMA), COMMIT or
    ROLLBACK raises `StorageError(CHANGING)` at once, without waiting for SQLite; reads go through.
    Closing it from elsewhere (the lock) closes nothing under the key change: it is remembered, the
    change stops if it has not switched files yet, and the workspace is not reopened afterwards."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.handle = workspace.conn
        # the SQLCipher connection under the handle (never another guard: KeyChangeLock keeps
        # a second key change out)
        self.conn = cast(Connection, self.handle._live())  # noqa: SLF001
        self.owner = threading.get_ident()
        self.closed_by_app = False

    @classmethod
    def install(cls, workspace: Workspace) -> _KeyChangeGuard:
        guard = cls(workspace)
        guard.handle._conn = guard  # noqa: SLF001 - swapped in place: every service meets the guard
        _CHANGING.add(workspace)
        return guard

    def release(self) -> bool:
        """Put the real connection back; False (and it closed) when the workspace was locked meanwhile."""
        _CHANGING.discard(self.workspace)
        if self.handle._conn is self and not self.closed_by_app:  # noqa: SLF001
            self.handle._conn = self.conn  # noqa: SLF001
            return True
        if self.handle._conn is self:  # noqa: SLF001
            self.handle._conn = None  # noqa: SLF001
        with contextlib.suppress(database.DatabaseError):
            self.conn.close()
        return False

    def stop_if_locked(self) -> None:
        if self.closed_by_app:
            raise StorageError(LOCKED_DURING)

    def _mine(self) -> bool:
        return threading.get_ident() == self.owner

    def _check(self, sql: str) -> None:
        if not self._mine() and not _reads_only(sql):
            raise StorageError(CHANGING)

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def execute(self, sql: str, parameters: Parameters = ()) -> Cursor:
        self._check(sql)
        return self.conn.execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Parameters]) -> Cursor:
        self._check(sql)
        return self.conn.executemany(sql, parameters)

    def executescript(self, script: str) -> Cursor:
        self._check("script")
        return self.conn.executescript(script)

    def commit(self) -> None:
        self._check("COMMIT")
        self.conn.commit()

    def rollback(self) -> None:
        self._check("ROLLBACK")
        self.conn.rollback()

    def close(self) -> None:
        if self._mine():
            self.conn.close()
        else:
            self.closed_by_app = True

    def __getattr__(self, name: str) -> object:
        return getattr(self.conn, name)


#: workspaces whose key is being changed now (see `changing_key`)
_CHANGING: weakref.WeakSet[Workspace] = weakref.WeakSet()

_READING_PRAGMA = re.compile(r"pragma\s+(?:\w+\.)?(\w+)\s*(?:\(\s*[\w.]*\s*\))?\s*;?\s*$", re.IGNORECASE)
_WRITING_PRAGMAS = {"wal_checkpoint", "optimize", "incremental_vacuum"}
_WRITE_WORDS = re.compile(r"\b(insert|update|delete|replace|create|drop|alter)\b", re.IGNORECASE)


def _reads_only(sql: str) -> bool:
    """Whether a statement only reads (conservative: anything unsure counts as a write)."""
    text = re.sub(r"--[^\n]*|/\*.*?\*/", " ", sql, flags=re.DOTALL).strip()
    first = text.split(None, 1)[0].lower() if text else ""
    if first == "select":
        return True
    if first in ("with", "explain"):
        return not _WRITE_WORDS.search(text)
    if first == "pragma":
        match = _READING_PRAGMA.match(text)
        return match is not None and match.group(1).lower() not in _WRITING_PRAGMAS
    return False


def changing_key(workspace: Workspace) -> bool:
    """Whether the key of `workspace` is being changed now (the window defers its lock until then)."""
    return workspace in _CHANGING


def _take_exclusive(conn: Connection, db_path: Path) -> None:
    try:
        conn.execute("PRAGMA main.locking_mode = EXCLUSIVE")
        conn.execute("PRAGMA busy_timeout = 1000")
        mode = conn.execute("PRAGMA main.journal_mode = DELETE").fetchone()[0]
    except (database.DatabaseError, StorageError) as exc:
        known = database.known_error(exc) if isinstance(exc, database.DatabaseError) else exc
        if known is None or isinstance(known, StorageError):
            raise StorageError(IN_USE) from None
        raise known from None
    if str(mode).lower() != "delete":
        raise StorageError(IN_USE)
    # from here on the old file takes no more writes; exclusive mode keeps the rollback journal's
    # file (its header zeroed, as no transaction is open), which must not stay beside the new file
    conn.execute("PRAGMA main.journal_mode = MEMORY")
    journal = db_path.with_name(db_path.name + "-journal")
    try:
        with journal.open("rb") as handle:
            head = handle.read(28)
    except FileNotFoundError:
        return
    if any(head):
        raise StorageError("The workspace has an unfinished save in its journal: open it in VMA Desk "
                           "once, then try again. Nothing was changed.")
    journal.unlink()


def _export(conn: Connection, db_path: Path, partial: Path, new: KeySpec, report: Progress) -> None:
    partial.unlink(missing_ok=True)
    partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
    create_private(partial)
    total = max(1, db_path.stat().st_size)

    def copying() -> int:
        with contextlib.suppress(OSError):
            report(min(59, 59 * partial.stat().st_size // total), 100, "copying with the new key")
        return 0

    conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(partial), key_text(new)))
    try:
        conn.execute("PRAGMA rekeyed.journal_mode = DELETE")
        conn.set_progress_handler(copying, 20000)
        try:
            conn.execute("SELECT sqlcipher_export('rekeyed')").fetchall()
        finally:
            conn.set_progress_handler(None, 0)
        conn.execute(f"PRAGMA rekeyed.user_version = {int(migrations.schema_version(conn))}")
        conn.execute(f"PRAGMA rekeyed.application_id = {database.APPLICATION_ID}")
    finally:
        with contextlib.suppress(database.DatabaseError):
            conn.execute("DETACH DATABASE rekeyed")


def _verify(partial: Path, new: KeySpec, source: dict[str, int],
            before_swap: Callable[[Connection], None] | None) -> None:
    conn = database.connect(partial, new)
    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        if conn.execute("PRAGMA application_id").fetchone()[0] != database.APPLICATION_ID:
            raise IntegrityError("The copy with the new key is not a workspace. Nothing was changed.")
        found = counts(conn)
        if found != source:
            raise IntegrityError("The copy with the new key does not hold every record of the workspace. "
                                 "Nothing was changed.")
        if before_swap is not None:
            with database.transaction(conn):
                before_swap(conn)
        problems = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if problems or rows != ["ok"]:
            raise IntegrityError("The copy with the new key failed its integrity check (a failing disk?). "
                                 "Nothing was changed; run `vma-desk check`.")
    finally:
        conn.close()


def _write_journal(data_dir: Path, after: str, workspace_id: str) -> None:
    text = json.dumps({"app": "vma-desk", "to": after, "id": workspace_id}) + "\n"
    write_private(data_dir / JOURNAL_FILE, text.encode("utf-8"), replace=True)


def _read_journal(data_dir: Path) -> tuple[str, str] | None:
    """(to, workspace id) of an unfinished change; None when there is none (or it is unreadable:
    written by a temp file and a rename, so a journal is whole or absent)."""
    try:
        data = json.loads((data_dir / JOURNAL_FILE).read_text(encoding="utf-8"))
        to, workspace_id = str(data["to"]), str(data["id"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return (to, workspace_id) if to in (KEYRING, PASSPHRASE) else None


def _undo(data_dir: Path, keystore: KeyStore, workspace_id: str, stored_pending: bool) -> None:
    """Before the rename: forget the new key, the journal and the partial (in that order)."""
    if stored_pending:
        _forget(keystore, pending_name(workspace_id))
    with contextlib.suppress(FileNotFoundError):
        (data_dir / JOURNAL_FILE).unlink()
        fsync_folder(data_dir)
    partial = partial_path(data_dir)
    partial.unlink(missing_ok=True)
    partial.with_name(partial.name + "-journal").unlink(missing_ok=True)


def _finish(data_dir: Path, keystore: KeyStore, after: str, workspace_id: str, manifest: Manifest,
            new: KeySpec, *, forget_main: bool) -> None:
    """After the rename: the keyring and the manifest follow the file, then the journal goes."""
    if after == KEYRING:
        assert new.raw is not None
        keystore.put(workspace_id, new.raw)
        _pause("main-stored")
        manifest.write(data_dir)
        _pause("manifest-written")
        _forget(keystore, pending_name(workspace_id))
    else:
        manifest.write(data_dir)
        _pause("manifest-written")
        if forget_main and keystore.available:
            _forget(keystore, workspace_id)
    _pause("keyring-cleaned")
    (data_dir / JOURNAL_FILE).unlink(missing_ok=True)
    fsync_folder(data_dir)


def _forget(keystore: KeyStore, name: str) -> None:
    if keystore.available:
        keystore.delete(name)


def _reopen(workspace: Workspace, key: KeySpec, manifest: Manifest | None) -> None:
    workspace.conn.close()
    workspace.reopen_with_key(key, manifest)


# --- settling an interrupted change ---------------------------------------------------------------


def finish_interrupted(data_dir: Path, keystore: KeyStore | None = None) -> str | None:
    """Finish (or undo) a key change that a killed process left half-done; see the module's text.
    Returns "undone", "finished", "cleaned" or None (nothing to do, or nothing doable now: another
    process is changing the key, or the keyring cannot be read). Never raises for known conditions."""
    data_dir = Path(data_dir)
    if not (data_dir / JOURNAL_FILE).exists() and not partial_path(data_dir).exists():
        return None
    lock = KeyChangeLock(data_dir)
    try:
        if not lock.acquire():
            return None
    except OSError:
        return None
    try:
        return _settle(data_dir, keystore)
    except (KnownError, OSError) as exc:
        log.warning("interrupted key change not settled: %s", type(exc).__name__)
        return None
    finally:
        lock.release()


def _settle(data_dir: Path, keystore: KeyStore | None) -> str | None:
    from vma_desk.storage.workspace import DB_FILE, Manifest, Protection

    journal = _read_journal(data_dir)
    partial = partial_path(data_dir)
    if journal is None:
        if not partial.exists():
            return None
        # killed before the journal: the old key is in use; a pending key (if stored) opens
        # only the partial, which goes first
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
        manifest = Manifest.read(data_dir)
        if manifest is not None:
            _forget(keystore if keystore is not None else KeyStore.from_environment(),
                    pending_name(manifest.workspace_id))
        return "cleaned"
    after, workspace_id = journal
    keystore = keystore if keystore is not None else KeyStore.from_environment()
    if partial.exists():  # the rename never happened
        _undo(data_dir, keystore, workspace_id, stored_pending=after == KEYRING)
        return "undone"
    db = data_dir / DB_FILE
    manifest = Manifest.read(data_dir) or Manifest(workspace_id, Protection(after))
    manifest = replace(manifest, protection=Protection(after))
    if after == KEYRING:
        if not keystore.available:
            return None
        main, pending = keystore.get(workspace_id), keystore.get(pending_name(workspace_id))
        if pending is not None and pending != main and _opens(db, pending):
            keystore.put(workspace_id, pending)
        elif main is None or not _opens(db, main):
            return None  # neither key opens it: leave every key where it is
        manifest.write(data_dir)
        _forget(keystore, pending_name(workspace_id))
    else:
        manifest.write(data_dir)
        if keystore.available:
            main = keystore.get(workspace_id)
            if main is not None and not _opens(db, main):
                keystore.delete(workspace_id)
    (data_dir / JOURNAL_FILE).unlink(missing_ok=True)
    fsync_folder(data_dir)
    return "finished"


def _opens(db: Path, key: bytes) -> bool:
    """Whether `key` opens the file (WrongKeyError: no; damage or a busy file raise)."""
    try:
        conn = database.connect(db, KeySpec(raw=key))
    except (WrongKeyError, WrongPassphraseError):
        return False
    conn.close()
    return True
