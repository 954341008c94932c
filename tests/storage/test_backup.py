"""Backups and restore below the command line: real SQLCipher files, the real keyring, real folders.

A backup is a verified, owner-only, keyed snapshot that a failure never half-writes; restore refuses
what it must; the retention rule keeps 7 daily, 4 weekly and 12 monthly backups, and pruning touches
only this workspace's older files."""

from __future__ import annotations

import contextlib
import os
import subprocess
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import snapshot, umask
from vma_desk.core.errors import KnownError, StorageError, WorkspaceExistsError
from vma_desk.core.records import AuditAction, Patient, Phone, Practice
from vma_desk.core.rules.backup_retention import RetentionPolicy, keep
from vma_desk.services import Services
from vma_desk.services.backups import restore
from vma_desk.storage import backup as store
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import DB_FILE, MANIFEST_FILE, Protection, Workspace

PASSPHRASE = "correct horse battery"


def patient(n: int) -> Patient:
    return Patient(first_name=f"Pat{n}", last_name="Example",
                   date_of_birth=date(1960, 1, 1) + timedelta(days=n),
                   phones=(Phone(f"(312) 555-{n % 10000:04d}"),), notes=f"note {n}")


def fill(services: Services, n: int = 30) -> list[int]:
    return [services.patients.create(patient(i))[0].id for i in range(n)]  # type: ignore[misc]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "backups"
    path.mkdir()
    return path




@contextlib.contextmanager
def read_only_folder(tmp_path: Path):
    """A folder nobody can write to, root included: a read-only mount where we may make one."""
    path = tmp_path / "read-only"
    path.mkdir()
    if os.geteuid() != 0:
        path.chmod(0o555)
        yield path
        path.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(path)],
                             capture_output=True, check=False).returncode == 0
    try:
        yield path if mounted else Path("/sys/kernel")  # sysfs: root cannot create files there either
    finally:
        if mounted:
            subprocess.run(["umount", str(path)], check=False)


def test_a_backup_is_verified_owner_only_and_remembered(services: Services, folder: Path):
    fill(services)
    with umask(0o022):
        modes: list[int] = []

        def progress(done: int, total: int, label: str) -> None:
            modes.extend(p.stat().st_mode & 0o777 for p in folder.glob(".*.partial"))

        result = services.backups.backup_to(folder, progress=progress)
    assert modes and set(modes) == {0o600}  # the partial, while SQLCipher wrote it
    assert result.path.parent == folder and result.path.stat().st_mode & 0o777 == 0o600
    assert result.path.name.startswith("lakeside-family-medicine_") and result.path.name.endswith(
        "_20260302T153000Z.vmadesk-backup")
    assert [p.name for p in folder.iterdir()] == [result.path.name]  # no partial left
    assert result.counts["patient"] == 30 and result.size == result.path.stat().st_size
    # opens with the workspace's key alone, and says what it is
    assert store.verify(result.path, services.workspace.key_spec()) == result.counts
    last = services.backups.last_verified()
    assert last is not None and last.file_name == result.path.name and last.counts == result.counts
    assert last.folder == str(folder.resolve())
    entry = services.audit.page()[0]
    assert entry.action is AuditAction.BACKUP and entry.record_id == result.path.name
    assert "Example" not in entry.detail and "Pat" not in entry.detail
    # a second one in the same second gets its own name; neither replaces the other
    again = services.backups.backup_to(folder)
    assert again.path.name.endswith("_20260302T153000Z-2.vmadesk-backup")
    assert [r.file_name for r in services.backups.history()] == [again.path.name, result.path.name]


def test_a_backup_taken_while_another_connection_writes_is_a_consistent_snapshot(
        services: Services, folder: Path, keystore: KeyStore):
    fill(services, 200)
    other = Services.for_workspace(Workspace.unlock_with_keyring(services.workspace.data_dir, keystore))
    written: list[int] = []
    calls: list[str] = []

    def write_meanwhile(done: int, total: int, label: str) -> None:
        calls.append(label)
        if label == "copying" and len(calls) > 1:  # the first comes before the export begins
            written.append(other.patients.create(patient(1000 + len(written)))[0].id)  # type: ignore[arg-type]

    try:
        result = services.backups.backup_to(folder, progress=write_meanwhile)
        assert written, "the export ran without a chance to write beside it"
        assert result.counts["patient"] == 200  # the snapshot, not the writes made during it
        assert services.patients.count() == 200 + len(written)
        assert store.verify(result.path, services.workspace.key_spec())["patient"] == 200
    finally:
        other.workspace.close()


def test_a_failed_backup_removes_only_its_partial(services: Services, folder: Path, keystore: KeyStore,
                                                   monkeypatch: pytest.MonkeyPatch):
    fill(services)
    older = services.backups.backup_to(folder)
    (folder / "notes.txt").write_text("mine")
    workspace = services.workspace
    key, db_path, workspace_id = workspace.key_spec(), workspace.db_path, workspace.workspace_id
    workspace.close()
    before_ws, before_folder = snapshot(workspace.data_dir), snapshot(folder)

    def boom(path: object) -> None:  # the disk fails while the verified copy is synced
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(store.files, "fsync_file", boom)
    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(StorageError, match="incomplete backup was removed; the workspace is unchanged"):
        store.make_backup(db_path, key, folder, practice="Lakeside", workspace_id=workspace_id,
                          now=datetime(2026, 3, 3, tzinfo=UTC))
    monkeypatch.undo()
    assert snapshot(folder) == before_folder  # no partial, the older backup and other files as they were
    assert snapshot(workspace.data_dir) == before_ws
    assert store.verify(older.path, key) == older.counts


@pytest.mark.parametrize("where", ["missing", "read-only"])
def test_a_backup_to_a_missing_or_read_only_folder_says_so(
        services: Services, tmp_path: Path, where: str):
    fill(services, 3)
    workspace = services.workspace
    key, db_path, workspace_id = workspace.key_spec(), workspace.db_path, workspace.workspace_id
    workspace.close()
    before = snapshot(workspace.data_dir)
    with read_only_folder(tmp_path) as read_only:
        target = tmp_path / "unplugged" if where == "missing" else read_only
        words = "does not exist" if where == "missing" else "cannot be written to"
        with pytest.raises(StorageError, match=words):
            store.make_backup(db_path, key, target, practice="Lakeside", workspace_id=workspace_id,
                              now=datetime(2026, 3, 3, tzinfo=UTC))
        assert not target.exists() or not any(p.name.endswith(".partial") for p in target.iterdir())
    assert snapshot(workspace.data_dir) == before


def test_a_passphrase_workspace_round_trip(tmp_path: Path, keystore: KeyStore, clock):
    workspace, _ = Workspace.create(tmp_path / "ws", keystore, passphrase=PASSPHRASE)
    services = Services.for_workspace(workspace, clock=clock, user="tester@desk")
    services.practice.save(Practice(name="Lakeside Family Medicine", time_zone="America/Chicago"))
    ids = fill(services, 5)
    originals = [services.patients.get(i) for i in ids]
    result = services.backups.backup_to(tmp_path / "ws")  # beside the workspace: any folder will do
    workspace.close()
    with pytest.raises(KnownError, match="passphrase does not open"):
        restore(result.path, tmp_path / "wrong", keystore, passphrase="not the passphrase")
    assert not (tmp_path / "wrong").exists()
    restored, counts = restore(result.path, tmp_path / "new", keystore, passphrase=PASSPHRASE)
    try:
        assert restored.protection is Protection.PASSPHRASE
        assert keystore.get(restored.workspace_id) is None  # it stays a passphrase workspace
        assert counts["patient"] == 5
        again = Services.for_workspace(restored)
        assert [asdict(again.patients.get(i)) for i in ids] == [asdict(p) for p in originals]
        entry = again.audit.page()[0]
        assert entry.action is AuditAction.RESTORE and result.path.name in entry.detail
    finally:
        restored.close()
    with umask(0o022):
        assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700
        for name in (DB_FILE, MANIFEST_FILE):
            assert (tmp_path / "new" / name).stat().st_mode & 0o777 == 0o600
    assert Workspace.unlock_with_passphrase(tmp_path / "new", PASSPHRASE).integrity_problems() == []


def test_restore_refuses_a_folder_with_a_workspace_or_its_manifest(services: Services, folder: Path,
                                                                   keystore: KeyStore, tmp_path: Path):
    result = services.backups.backup_to(folder)
    key = services.workspace.key_spec()
    from vma_desk.storage.keys import format_recovery_key

    recovery = format_recovery_key(key.raw)  # type: ignore[arg-type]
    services.workspace.close()
    occupied = services.workspace.data_dir
    before = snapshot(occupied)
    with pytest.raises(WorkspaceExistsError, match="never replaces"):
        restore(result.path, occupied, keystore, recovery_key=recovery)
    assert snapshot(occupied) == before
    manifest_only = tmp_path / "manifest-only"
    manifest_only.mkdir()
    (manifest_only / MANIFEST_FILE).write_text("{}")
    with pytest.raises(WorkspaceExistsError):
        restore(result.path, manifest_only, keystore, recovery_key=recovery)
    assert [p.name for p in manifest_only.iterdir()] == [MANIFEST_FILE]
    assert (manifest_only / MANIFEST_FILE).read_text() == "{}"


# --- retention ---------------------------------------------------------------------------------------

def daily_for_a_year(last: date) -> list[datetime]:
    newest = datetime(last.year, last.month, last.day, 8, 2, tzinfo=UTC)
    return [newest - timedelta(days=n) for n in range(365)]


def test_retention_keeps_7_daily_4_weekly_12_monthly_over_a_year():
    times = daily_for_a_year(date(2026, 3, 2))  # a Monday
    kept = sorted(t.date() for t in keep(times))
    daily = [date(2026, 3, 2) - timedelta(days=n) for n in range(7)]  # Feb 24 .. Mar 2
    weekly = [date(2026, 3, 2), date(2026, 3, 1), date(2026, 2, 22), date(2026, 2, 15)]  # Sundays end weeks
    monthly = [date(2026, 3, 2)] + [date(y, m, 1) - timedelta(days=1) for y, m in
                                    [(2026, 3), (2026, 2), (2026, 1), (2025, 12), (2025, 11), (2025, 10),
                                     (2025, 9), (2025, 8), (2025, 7), (2025, 6), (2025, 5)]]
    assert kept == sorted(set(daily + weekly + monthly))
    assert len(kept) == 7 + 2 + 10  # overlaps counted once: Mar 1, Mar 2 and Feb 28 are daily too


def test_retention_counts_days_that_have_backups_and_always_keeps_the_newest():
    # a laptop off for a month: its last seven daily backups stay
    times = [datetime(2026, 1, d, 8, tzinfo=UTC) for d in range(1, 11)]
    times.append(datetime(2026, 2, 20, 8, tzinfo=UTC))
    kept = keep(times, RetentionPolicy(daily=7, weekly=0, monthly=0))
    assert sorted(t.day for t in kept if t.month == 1) == [5, 6, 7, 8, 9, 10]
    assert datetime(2026, 2, 20, 8, tzinfo=UTC) in kept
    assert keep(times, RetentionPolicy(0, 0, 0)) == {max(times)}
    # several in one day: the newest of that day
    same_day = [datetime(2026, 3, 2, h, tzinfo=UTC) for h in (8, 12, 18)]
    assert keep(same_day, RetentionPolicy(1, 0, 0)) == {same_day[-1]}
    with pytest.raises(ValueError, match="daily"):
        keep(times, RetentionPolicy(daily=-1))


def test_prune_removes_only_this_workspaces_older_backups(services: Services, folder: Path, clock):
    workspace_id = services.workspace.workspace_id
    mine = [folder / store.backup_name("Lakeside Family Medicine", workspace_id, at)
            for at in daily_for_a_year(date(2026, 3, 1))[:40]]
    others = [folder / store.backup_name("Lakeside Family Medicine", "f" * 32, at)
              for at in daily_for_a_year(date(2026, 3, 1))[:40]]
    strays = [folder / "notes.txt", folder / ".x.vmadesk-backup.partial"]
    for path in mine + others + strays:
        path.write_bytes(b"x")
    assert services.backups.prune(folder) == []  # no verified backup yet: nothing goes
    assert all(p.exists() for p in mine)
    newest = services.backups.backup_to(folder, policy=RetentionPolicy(daily=7, weekly=4, monthly=12))
    left = {p.name for p in folder.iterdir()}
    assert {p.name for p in others + strays} <= left and newest.path.name in left
    kept_mine = sorted(p for p in mine if p.name in left)
    # 7 newest days (the new backup is one) + weeks + months, all from mine
    assert len(kept_mine) < len(mine) and mine[0] in kept_mine
    entry = services.audit.page()[0]
    assert entry.action is AuditAction.DELETE and entry.record_type == "backup"
