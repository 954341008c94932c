"""Backups where things go wrong around them: the audit anchor cannot be written, a caller's
transaction rolls back, a lock stops a backup mid-copy, the workspace's own daily check finds damage.
Real SQLCipher files, the real keyring, real folders."""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from vma_desk.core.records import AuditAction
from vma_desk.services import Services
from vma_desk.storage import audit_chain
from vma_desk.storage import backup as store
from vma_desk.storage.workspace import Workspace


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


def test_a_backup_stands_when_the_anchor_cannot_be_written(services: Services, workspace: Workspace,
                                                            folder: Path, caplog: pytest.LogCaptureFixture):
    anchor = audit_chain.anchor_path(workspace.data_dir)
    anchor.unlink(missing_ok=True)
    anchor.mkdir()  # what a full or read-only data disk does to the write: an OSError
    with caplog.at_level(logging.WARNING):
        result = services.backups.backup_to(folder)
    assert result.path.is_file()  # the verified backup is kept …
    assert services.backups.last_verified().file_name == result.path.name  # … and recorded
    assert services.audit.page(0, 1)[0].action is AuditAction.BACKUP
    assert "anchor not refreshed after the backup: NotARegularFileError" in caplog.text
    assert str(workspace.data_dir) not in caplog.text  # the type only


def test_a_record_inside_a_transaction_that_rolls_back_leaves_no_false_cut_off(
        services: Services, workspace: Workspace, folder: Path):
    services.backups.anchor()
    path = audit_chain.anchor_path(workspace.data_dir)
    anchored = path.read_bytes()
    result = services.backups.make(folder)
    with pytest.raises(RuntimeError), services.context.all_or_nothing():
        services.backups.record(result)
        assert path.read_bytes() == anchored  # never the uncommitted head
        raise RuntimeError("the commit fails")
    assert path.read_bytes() == anchored
    report = audit_chain.check_workspace(workspace)
    assert report.ok and report.cut_off is None, report.summary()


def test_make_given_the_key_and_name_never_touches_the_apps_connection(
        services: Services, workspace: Workspace, folder: Path):
    key, practice = workspace.key_spec(), services.backups.practice_name()
    workspace.conn.close()  # as a lock does: any use of the app's connection raises LockedError
    result = services.backups.make(folder, key=key, practice=practice)
    assert result.path.name.startswith("lakeside-family-medicine_")
    assert store.verify(result.path, key) == result.counts


def endless_export(started: threading.Event):  # noqa: ANN202
    """A copy that only an interrupt of its connection ends (no progress report comes meanwhile)."""
    def export(conn, partial, key, db_path, report):  # noqa: ANN001, ANN202 - a copy that never ends
        started.set()
        conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                     "SELECT count(*) FROM c").fetchone()
        raise AssertionError("not interrupted")
    return export


def test_a_stop_ends_a_running_backup_at_once_and_leaves_nothing(
        services: Services, workspace: Workspace, folder: Path, monkeypatch: pytest.MonkeyPatch):
    started, stop, outcome = threading.Event(), store.Stop(), []
    monkeypatch.setattr(store, "_export", endless_export(started))
    key, db_path, wid = workspace.key_spec(), workspace.db_path, workspace.workspace_id

    def run() -> None:
        try:
            store.make_backup(db_path, key, folder, practice="Lakeside", workspace_id=wid,
                              now=datetime(2026, 3, 3, tzinfo=UTC), stop=stop)
        except BaseException as exc:  # noqa: BLE001
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    assert started.wait(10)
    time.sleep(0.1)
    begun = time.monotonic()
    stop.stop()
    worker.join(5)
    assert not worker.is_alive() and time.monotonic() - begun < 2
    assert len(outcome) == 1 and isinstance(outcome[0], store.Stopped)
    assert list(folder.iterdir()) == []  # the partial removed
    with pytest.raises(store.Stopped):  # a stopped run starts nothing more
        store.verify(db_path, key, stop=stop)


@pytest.mark.parametrize("damage", ["a changed page", "cut off"])
def test_the_workspaces_own_check_says_workspace_damage_in_the_workspaces_words(
        services: Services, workspace: Workspace, data_dir: Path, damage: str):
    workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    key = workspace.key_spec()
    db = workspace.db_path
    data = bytearray(db.read_bytes())
    if damage == "a changed page":
        data[(len(data) // 4096 - 1) * 4096 + 100] ^= 0xFF
    else:
        data = data[: len(data) - 1000]
    db.write_bytes(bytes(data))
    problems = services.backups.check_workspace(key=key)
    assert len(problems) == 1
    text = problems[0]
    assert text.startswith(f"The workspace file in {data_dir} is damaged"), text
    assert "backup" not in text.split("Restore the workspace from a backup")[0]
    assert "Use another backup" not in text and "recovery key" not in text
