"""A key change inside the running app: the rest of the app (other windows, timers) stays live on the
same connection while the worker copies the workspace, so anything else that writes meanwhile is
refused with a plain message (a write to the old file after its copy would be lost at the rename);
a lock meanwhile leaves the workspace locked (never reopened behind it); an OS failure is a plain
message and the workspace keeps its key.

The rotation runs on a real thread with real SQLCipher, files and keyring; the only stand-in is
the step hook `rekey._pause`, made to wait on an event instead of sleeping (the in-process form of
VMA_DESK_TEST_PAUSE_AT), so the test acts at a named step.
"""

from __future__ import annotations

import errno
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from tests.conftest import signed_in
from vma_desk.core.errors import KnownError, LockedError, StorageError
from vma_desk.core.records import AuditAction, Patient, Phone
from vma_desk.services import Services
from vma_desk.storage import rekey
from vma_desk.storage.keys import KeyStore, parse_recovery_key
from vma_desk.storage.workspace import Workspace


class Paused:
    """A key change run on its own thread, held at `step` until `go()`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, step: str, work) -> None:  # noqa: ANN001
        self.reached = threading.Event()
        self.released = threading.Event()
        self.result: object = None
        self.error: BaseException | None = None

        def pause(name: str) -> None:
            if name == step:
                self.reached.set()
                assert self.released.wait(30), "the test never let the key change go on"

        def run() -> None:
            try:
                self.result = work()
            except BaseException as exc:  # noqa: BLE001 - checked by the test
                self.error = exc

        monkeypatch.setattr(rekey, "_pause", pause)
        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        assert self.reached.wait(30), f"the key change never reached {step!r}: {self.error!r}"

    def go(self) -> None:
        self.released.set()
        self.thread.join(30)
        assert not self.thread.is_alive()


@pytest.fixture
def manager(services: Services, keystore: KeyStore) -> Iterator[Services]:
    signed_in(services)
    yield services
    keystore.delete(rekey.pending_name(services.workspace.workspace_id))


def _patient(first: str) -> Patient:
    return Patient(first_name=first, last_name="O'Neil", date_of_birth=date(1961, 4, 2),
                   phones=(Phone("(312) 555-0142"),), notes="first note")


def _reopened(workspace: Workspace, keystore: KeyStore) -> Services:
    if not workspace.is_locked:
        workspace.lock()
    workspace.reopen_with_keyring(keystore)
    return Services.for_workspace(workspace)


def test_writes_during_a_rotation_are_refused_plainly_and_nothing_is_lost(
        manager: Services, keystore: KeyStore, monkeypatch: pytest.MonkeyPatch):
    workspace = manager.workspace
    ann, _ = manager.patients.create(_patient("Ann"))
    old_key = keystore.get(workspace.workspace_id)
    rotation = Paused(monkeypatch, "exported", lambda: manager.security.rotate_key(keystore))
    assert manager.security.changing_key
    # another window saving, the audit of a search, a raw statement: refused at once, plainly
    with pytest.raises(StorageError) as refused:
        manager.patients.create(_patient("Bea"))
    assert refused.value.message == rekey.CHANGING
    with pytest.raises(StorageError, match="key is being changed"):
        manager.patients.update(replace(ann, notes="edited during the key change"))
    for statement in ("INSERT INTO meta(key, value) VALUES ('x', 'y')", "COMMIT", "ROLLBACK",
                      "PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA user_version = 1",
                      "WITH t AS (SELECT 1) DELETE FROM meta WHERE key = 'x'"):
        with pytest.raises(StorageError, match="key is being changed"):
            workspace.conn.execute(statement)
    # reading goes on (lists, the open record)
    assert manager.patients.get(ann.id).notes == "first note"
    assert workspace.conn.execute("PRAGMA user_version").fetchone()[0] > 0
    rotation.go()
    assert rotation.error is None, rotation.error
    done, _change = rotation.result
    assert not manager.security.changing_key
    # the same services write again, into the new file
    bea, _ = manager.patients.create(_patient("Bea"))
    reopened = _reopened(workspace, keystore)
    assert keystore.get(workspace.workspace_id) == parse_recovery_key(done.recovery_key) != old_key
    names = sorted(p.first_name for p in reopened.patients.search("O'Neil"))
    assert names == ["Ann", "Bea"]
    assert reopened.patients.get(ann.id).notes == "first note"  # refused, so not half-saved either
    actions = [entry.action for entry in reopened.audit.page()]
    assert actions[:2] == [AuditAction.CREATE, AuditAction.REKEY]
    assert workspace.integrity_problems() == []


def test_a_lock_before_the_switch_stops_the_change_and_stays_locked(
        manager: Services, keystore: KeyStore, monkeypatch: pytest.MonkeyPatch):
    workspace = manager.workspace
    manager.patients.create(_patient("Ann"))
    old_key = keystore.get(workspace.workspace_id)
    rotation = Paused(monkeypatch, "exported", lambda: manager.security.rotate_key(keystore))
    workspace.lock()  # the screen locked (or the laptop went to sleep) under the key change
    assert workspace.is_locked
    rotation.go()
    assert isinstance(rotation.error, StorageError) and rotation.error.message == rekey.LOCKED_DURING
    # never reopened behind the lock: no connection, no key in memory
    assert workspace.is_locked
    with pytest.raises(LockedError):
        workspace.key_spec()
    with pytest.raises(LockedError):
        manager.patients.search("O'Neil")
    assert keystore.get(workspace.workspace_id) == old_key
    assert keystore.get(rekey.pending_name(workspace.workspace_id)) is None
    assert not rekey.partial_path(workspace.data_dir).exists()
    reopened = _reopened(workspace, keystore)  # signing in again: the old key, every record
    assert [p.first_name for p in reopened.patients.search("O'Neil")] == ["Ann"]
    assert AuditAction.REKEY not in [entry.action for entry in reopened.audit.page()]


def test_a_lock_after_the_switch_finishes_the_change_and_stays_locked(
        manager: Services, keystore: KeyStore, monkeypatch: pytest.MonkeyPatch):
    workspace = manager.workspace
    manager.patients.create(_patient("Ann"))
    rotation = Paused(monkeypatch, "replaced", lambda: manager.security.rotate_key(keystore))
    workspace.lock()
    rotation.go()
    assert rotation.error is None, rotation.error
    done, _change = rotation.result
    assert workspace.is_locked
    with pytest.raises(LockedError):
        workspace.key_spec()
    assert keystore.get(workspace.workspace_id) == parse_recovery_key(done.recovery_key)
    reopened = _reopened(workspace, keystore)
    assert [p.first_name for p in reopened.patients.search("O'Neil")] == ["Ann"]
    assert reopened.audit.page()[0].action is AuditAction.REKEY


@pytest.mark.parametrize("where", ["create_private", "replace"])
def test_an_os_error_is_said_plainly_and_the_workspace_keeps_its_key(
        where: str, manager: Services, keystore: KeyStore, monkeypatch: pytest.MonkeyPatch):
    """OSError(ENOSPC) from the partial's creation, or from the rename (monkeypatched: the real
    full disk is in tests/ui/security/test_security_dialog.py)."""
    workspace = manager.workspace
    manager.patients.create(_patient("Ann"))
    old_key = keystore.get(workspace.workspace_id)

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "replace":
        monkeypatch.setattr(rekey.os, "replace", full)
    else:
        monkeypatch.setattr(rekey, "create_private", full)
    with pytest.raises(KnownError) as failed:
        manager.security.rotate_key(keystore)
    monkeypatch.undo()
    assert "is full" in failed.value.message and "keeps its key" in failed.value.message
    assert not workspace.is_locked and manager.patients.search("O'Neil")  # open, as it was
    assert keystore.get(workspace.workspace_id) == old_key
    assert keystore.get(rekey.pending_name(workspace.workspace_id)) is None
    assert not rekey.partial_path(workspace.data_dir).exists()
    assert not (workspace.data_dir / rekey.JOURNAL_FILE).exists()
    manager.patients.create(_patient("Bea"))
    reopened = _reopened(workspace, keystore)
    assert sorted(p.first_name for p in reopened.patients.search("O'Neil")) == ["Ann", "Bea"]


def test_reads_only_tells_reads_from_writes():
    reads = ["SELECT 1", "  select * from patient", "-- note\nSELECT 1",
             "WITH t AS (SELECT 1) SELECT * FROM t", "PRAGMA user_version",
             "PRAGMA main.table_info(patient)", "PRAGMA quick_check(1)",
             "SELECT updated_at FROM patient"]
    writes = ["INSERT INTO x VALUES (1)", "UPDATE x SET a = 1", "DELETE FROM x", "BEGIN IMMEDIATE", "COMMIT",
              "ROLLBACK", "SAVEPOINT a", "PRAGMA user_version = 3", "PRAGMA wal_checkpoint(TRUNCATE)",
              "PRAGMA optimize", "REPLACE INTO x VALUES (1)", "CREATE TABLE y(a)", "VACUUM", "",
              "/* c */ INSERT INTO x VALUES (1)", "WITH t AS (SELECT 1) INSERT INTO x SELECT * FROM t"]
    assert [s for s in reads if not rekey._reads_only(s)] == []
    assert [s for s in writes if rekey._reads_only(s)] == []
