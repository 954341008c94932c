"""Storage that fails safe (issue 11, items 7-9): owner-only files whatever the umask, writes that
never destroy the earlier file, damage said as damage (exit 3), out-of-range values refused (exit 2),
sync and network folders recognised, a full disk and killed writers losing nothing acknowledged."""

from __future__ import annotations

import contextlib
import io
import os
import random
import shutil
import signal
import stat
import subprocess
import time
from datetime import UTC, date, datetime
from pathlib import Path, PurePath

import pytest

from tests.conftest import snapshot, umask
from vma_desk import cli
from vma_desk.core.communications import Call, CallReason, Direction
from vma_desk.core.errors import IntegrityError, KnownError, StorageError
from vma_desk.core.records import Patient, Phone
from vma_desk.services import Services
from vma_desk.storage import database, files
from vma_desk.storage.location import location_problem_in, mount_of, sync_folder
from vma_desk.storage.workspace import DB_FILE, MANIFEST_FILE, Workspace

ROOT = Path(__file__).resolve().parents[2]




def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        status = cli.run(cli.parse_args(list(argv)), out=out, err=err)
    except SystemExit as exc:  # argparse's refusal
        status = int(exc.code or 0)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def filled(tmp_path, keystore):
    """A closed workspace with a few hundred patients and its recovery key in a file."""
    data_dir = tmp_path / "filled"
    workspace, recovery = Workspace.create(data_dir, keystore)
    services = Services.for_workspace(workspace, user="tester")
    with services.context.all_or_nothing():
        for i in range(300):
            services.patients.create(Patient(f"Pat{i}", "Lake", date(1970, 1, 1 + i % 28),
                                             phones=(Phone("3125550142"),), notes="x" * 200))
    workspace.close()
    key_file = tmp_path / "key.txt"
    key_file.write_text(recovery + "\n")
    yield data_dir, key_file, recovery
    keystore.delete(workspace.workspace_id)


# --- owner-only files -----------------------------------------------------------------------------

def test_every_workspace_file_is_owner_only_with_umask_022(tmp_path, keystore):
    data_dir = tmp_path / "new" / "workspace"
    with umask(0o022):
        workspace, _ = Workspace.create(data_dir, keystore)
        services = Services.for_workspace(workspace, user="tester")
        services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550142"),)))
        names = {p.name for p in data_dir.iterdir()}
        assert {DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", MANIFEST_FILE} <= names
        for path in data_dir.iterdir():
            assert mode(path) == 0o600, path.name
        assert mode(data_dir) == 0o700
        assert workspace.warnings == []
        out = tmp_path / "export.bin"
        files.write_private(out, b"data")
        assert mode(out) == 0o600
        workspace.close()
        keystore.delete(workspace.workspace_id)


def test_an_old_workspace_made_readable_is_made_owner_only_and_an_open_folder_is_warned_about(
        tmp_path, keystore):
    data_dir = tmp_path / "open"
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    workspace, recovery = Workspace.create(data_dir, keystore)
    workspace.close()
    os.chmod(data_dir / DB_FILE, 0o644)
    os.chmod(data_dir / MANIFEST_FILE, 0o644)
    with umask(0o022):
        again = Workspace.unlock_with_keyring(data_dir, keystore)
        Services.for_workspace(again, user="t").patients.create(
            Patient("Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550142"),)))
        for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", MANIFEST_FILE):
            assert mode(data_dir / name) == 0o600, name
        assert len(again.warnings) == 1
        assert "other users of this computer" in again.warnings[0]
        assert f"chmod 700 '{data_dir}'" in again.warnings[0]
        again.close()
    keystore.delete(workspace.workspace_id)


# --- writes that never destroy what was there ------------------------------------------------------

def test_replacing_a_file_never_touches_it_until_the_new_one_is_complete(tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"someone's earlier file")
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        files.write_private(target, b"new content", replace=True)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert target.read_bytes() == b"someone's earlier file"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temporary file left
    with pytest.raises(FileExistsError):
        files.write_private(target, b"new content")
    files.write_private(target, b"new content", replace=True)
    assert target.read_bytes() == b"new content" and mode(target) == 0o600


def test_a_device_node_or_fifo_is_refused_and_left_in_place(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(files.NotARegularFileError):
        files.write_private(fifo, b"data", replace=True)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    if os.geteuid() == 0:  # a copy of /dev/null: a root shell must not write through or unlink it
        node = tmp_path / "null"
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        with pytest.raises(files.NotARegularFileError):
            files.write_private(node, b"data", replace=True)
        assert stat.S_ISCHR(os.stat(node).st_mode)


@contextlib.contextmanager
def tiny_filesystem(tmp_path: Path, size: str = "1m"):
    """A 1 MiB tmpfs where the tests run as root (yields True), else None (the caller falls back)."""
    where = tmp_path / "tiny"
    where.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        yield None
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                             capture_output=True).returncode == 0
    try:
        yield where if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_a_failed_export_with_force_on_a_full_disk_keeps_the_earlier_file(tmp_path, services):
    with tiny_filesystem(tmp_path) as tiny:
        if tiny is None:
            pytest.skip("no tmpfs here (not root): the fsync failure test above covers the path")
        print("disk full: a 1 MiB tmpfs")
        earlier = tiny / "huddle.pdf"
        earlier.write_bytes(b"%PDF- the earlier huddle sheet")
        filler = tiny / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as handle:
            handle.write(b"\0" * (2 << 20))
        before = services.audit.count()
        with pytest.raises(KnownError) as refused:
            services.exports.write_pdf(b"%PDF-" + os.urandom(64 << 10), earlier, kind="huddle",
                                       detail="2026-03-02", replace=True)
        assert "could not be written" in refused.value.message
        assert earlier.read_bytes() == b"%PDF- the earlier huddle sheet"
        assert sorted(p.name for p in tiny.iterdir()) == ["filler", "huddle.pdf"]
        assert services.audit.count() == before


def test_a_full_disk_is_a_clear_error_that_loses_nothing(tmp_path, keystore):
    with tiny_filesystem(tmp_path, "2m") as tiny:
        if tiny is not None:
            how = "a 2 MiB tmpfs"
            data_dir = tiny / "workspace"
        else:
            how = "PRAGMA max_page_count"
            data_dir = tmp_path / "workspace"
        print(f"disk full: {how}")
        workspace, _ = Workspace.create(data_dir, keystore)
        services = Services.for_workspace(workspace, user="tester")
        if tiny is None:
            pages = workspace.conn.execute("PRAGMA page_count").fetchone()[0]
            workspace.conn.execute(f"PRAGMA max_page_count = {pages + 40}")
        saved: list[int] = []
        with pytest.raises(StorageError) as full:
            for i in range(100_000):
                patient, _ = services.patients.create(Patient(
                    f"Pat{i}", "Full", date(1970, 1, 1), phones=(Phone("3125550142"),),
                    notes=os.urandom(900).hex()))
                saved.append(patient.id)
        assert "disk is full" in full.value.message and "Nothing was lost" in full.value.message
        assert saved
        workspace.close()
        if tiny is not None:
            (tiny / "room").write_bytes(b"")  # nothing freed: it must open on a full disk too
        again = Workspace.unlock_with_keyring(data_dir, keystore)
        assert again.integrity_problems() == []
        again_services = Services.for_workspace(again, user="tester")
        assert again_services.patients.count() == len(saved)
        again.close()
        keystore.delete(workspace.workspace_id)


# --- damage -----------------------------------------------------------------------------------------

def _damaged_copy(source: Path, tmp_path: Path, name: str, change) -> Path:  # noqa: ANN001
    copy = tmp_path / name
    shutil.copytree(source, copy)
    path = copy / DB_FILE
    data = bytearray(path.read_bytes())
    path.write_bytes(bytes(change(data)))
    return copy


def assert_untouched(copy: Path, before: dict[str, str]) -> None:
    """The workspace file and manifest byte for byte as they were; SQLite may leave an empty -wal
    (and its -shm) beside a file whose first write failed."""
    wal = copy / (DB_FILE + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    after = {k: v for k, v in snapshot(copy).items() if not k.endswith(("-wal", "-shm"))}
    assert after == before


def _flip(offset_of):  # noqa: ANN001, ANN202
    def change(data: bytearray) -> bytearray:
        data[offset_of(len(data))] ^= 0x01
        return data
    return change


DAMAGE = {
    "truncated to half": lambda data: data[: len(data) // 2 // 4096 * 4096],
    "last pages cut off": lambda data: data[: len(data) - 3 * 4096],
    "a bit flipped in the middle": _flip(lambda n: n // 2 + 100),
    "a bit flipped in page 2": _flip(lambda n: 4096 + 50),
    "a bit flipped in the last page": _flip(lambda n: n - 200),
    "a bit flipped in page 1": _flip(lambda n: 100),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_copy_is_reported_as_damage_with_exit_3_and_left_untouched(filled, tmp_path, damage):
    data_dir, key_file, _ = filled
    copy = _damaged_copy(data_dir, tmp_path, "damaged", DAMAGE[damage])
    before = snapshot(copy)
    status, _, err = run_cli("check", "--data-dir", str(copy), "--recovery-key-file", str(key_file))
    assert status == 3, err
    assert "damaged" in err and "Restore the workspace from a backup" in err
    assert "bug" not in err and "read-only" not in err
    assert_untouched(copy, before)


@pytest.mark.parametrize("damage", ["truncated to half", "a bit flipped in page 2",
                                    "a bit flipped in page 1"])
def test_a_command_that_meets_damage_says_so(filled, tmp_path, damage):
    data_dir, key_file, _ = filled
    copy = _damaged_copy(data_dir, tmp_path, "damaged", DAMAGE[damage])
    before = snapshot(copy)
    for argv in (["users", "list"], ["export", "activity", "--from", "2026-01-01", "--to", "2026-01-31",
                                     "--out", str(tmp_path / "a.pdf")]):
        status, _, err = run_cli(*argv, "--data-dir", str(copy), "--recovery-key-file", str(key_file))
        assert status == 3, (argv, err)
        assert "damaged" in err and "from a backup" in err and "bug" not in err
    assert_untouched(copy, before)
    assert not (tmp_path / "a.pdf").exists()


def test_a_damaged_salt_cannot_be_told_from_a_wrong_key_and_the_message_says_both(filled, tmp_path):
    data_dir, key_file, _ = filled
    copy = _damaged_copy(data_dir, tmp_path, "damaged", _flip(lambda n: 3))
    status, _, err = run_cli("check", "--data-dir", str(copy), "--recovery-key-file", str(key_file))
    assert status == 2
    assert "does not open the workspace" in err and "damaged" in err
    assert "vma-desk check" in err and "backup" in err


def test_a_wrong_key_is_still_a_wrong_key(filled, tmp_path):
    from vma_desk.storage.keys import format_recovery_key, new_key

    data_dir, _, _ = filled
    other = tmp_path / "other.txt"
    other.write_text(format_recovery_key(new_key()) + "\n")
    assert not database.key_opens_page_2(data_dir / DB_FILE, database.KeySpec(raw=new_key()))
    status, _, err = run_cli("check", "--data-dir", str(data_dir), "--recovery-key-file", str(other))
    assert status == 2 and "does not open the workspace" in err


def test_damage_met_by_a_service_is_an_integrity_error(filled, tmp_path, keystore):
    data_dir, _, recovery = filled
    copy = _damaged_copy(data_dir, tmp_path, "damaged", _flip(lambda n: n - 200))
    workspace, _ = Workspace.unlock_with_recovery_key(copy, recovery, keystore)
    try:
        services = Services.for_workspace(workspace, user="tester")
        with pytest.raises(IntegrityError) as damaged:
            for patient_id in range(1, 301):
                services.patients.get(patient_id)
        assert "Restore the workspace from a backup" in damaged.value.message
    finally:
        workspace.close()


# --- out-of-range values --------------------------------------------------------------------------

OUT_OF_RANGE = [
    (["export", "activity", "--from", "0001-01-01", "--to", "0001-01-05"], "--from"),
    (["export", "activity", "--from", "9999-12-30", "--to", "9999-12-31"], "--from"),
    (["export", "patient-summary", "--patient", "99999999999999999999", "--from", "2026-01-01",
      "--to", "2026-01-05"], "--patient"),
    (["export", "patient-summary", "--patient", "1", "--from", "2026-01-01", "--to", "9999-12-31"], "--to"),
    (["export", "huddle", "--date", "9999-12-31"], "--date"),
    (["export", "huddle", "--date", "0001-01-01"], "--date"),
    (["export", "ics", "--provider", "Dana Lee", "--from", "9999-12-01", "--to", "9999-12-31"], "--from"),
    (["demo", "create", "--anchor", "0001-01-01"], "--anchor"),
]


@pytest.mark.parametrize(("argv", "option"), OUT_OF_RANGE,
                         ids=[" ".join(a[:2]) + " " + o for a, o in OUT_OF_RANGE])
def test_out_of_range_values_are_refused_with_exit_2_naming_the_option(tmp_path, capsys, argv, option):
    out = [] if argv[0] == "demo" else ["--out", str(tmp_path / "out.file")]
    status, _, _ = run_cli(*argv, *out, "--data-dir", str(tmp_path / "ws"))
    err = capsys.readouterr().err
    assert status == 2
    assert f"argument {option}" in err and "must be" in err and "bug" not in err
    assert not (tmp_path / "out.file").exists() and not (tmp_path / "ws").exists()


# --- where a workspace may live ----------------------------------------------------------------------

MOUNTINFO = r"""22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
40 27 0:50 / /mnt/share rw,relatime - nfs4 server:/export rw,vers=4.2
41 27 0:51 / /mnt/office rw,relatime - cifs //nas/office rw
42 27 0:52 / /home/ann/remote rw,nosuid - fuse.sshfs ann@host:/ rw
43 27 0:53 / /home/ann/My\040Cloud rw - fuse.rclone gdrive: rw
44 40 254:1 / /mnt/share/local rw - ext4 /dev/vdb rw
"""


@pytest.mark.parametrize(("path", "kind"), [
    ("/home/ann/vma", None),
    ("/mnt/share/vma", "nfs4"),
    ("/mnt/office/vma desk", "cifs"),
    ("/home/ann/remote/vma", "fuse.sshfs"),
    ("/home/ann/My Cloud/vma", "fuse.rclone"),
    ("/mnt/share/local/vma", None),  # a local disk mounted inside the share
    ("/mnt/sharelist/vma", None),
])
def test_network_and_fuse_file_systems_are_recognised_from_mountinfo(path, kind):
    problem = location_problem_in(PurePath(path), MOUNTINFO)
    if kind is None:
        assert problem is None
    else:
        assert kind in problem and "local file locking and shared memory" in problem


@pytest.mark.parametrize(("path", "tool"), [
    ("/home/ann/Dropbox/vma", "Dropbox"),
    ("/home/ann/Dropbox (Personal)/vma", "Dropbox"),
    ("C:/Users/ann/OneDrive - Lakeside Clinic/vma", "OneDrive"),
    ("/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/vma", "iCloud Drive"),
    ("/Users/ann/Google Drive/My Drive/vma", "Google Drive"),
    ("/home/ann/dropboxer/vma", None),
    ("/home/ann/vma", None),
])
def test_sync_folders_are_recognised_by_name(path, tool):
    assert sync_folder(PurePath(path)) == tool
    problem = location_problem_in(PurePath(path), MOUNTINFO)
    assert (problem is None) == (tool is None)
    if tool:
        assert "copy a live database in the middle of a write" in problem


def test_mount_of_takes_the_longest_mount_point():
    assert mount_of(PurePath("/mnt/share/local/x"), MOUNTINFO) == ("/mnt/share/local", "ext4")
    assert mount_of(PurePath("/etc"), MOUNTINFO) == ("/", "ext4")


def test_a_workspace_in_a_sync_folder_is_refused_at_creation_and_warned_about_at_opening(
        tmp_path, keystore):
    synced = tmp_path / "Dropbox" / "vma"
    with pytest.raises(StorageError) as refused:
        Workspace.create(synced, keystore)
    assert "Dropbox" in refused.value.message and "cannot be created here" in refused.value.message
    assert not synced.exists()
    # one made elsewhere and moved there later opens, with the warning
    elsewhere = tmp_path / "local"
    workspace, _ = Workspace.create(elsewhere, keystore)
    workspace.close()
    synced.parent.mkdir(mode=0o700)
    elsewhere.rename(synced)
    moved = Workspace.unlock_with_keyring(synced, keystore)
    assert any("Dropbox" in w and "Move the workspace folder" in w for w in moved.warnings)
    moved.close()
    keystore.delete(workspace.workspace_id)


# --- killed writers and power cuts -----------------------------------------------------------------

def test_durability_pragma_is_full(workspace):
    assert workspace.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def _writer(data_dir: Path, recovery: str, out: int) -> None:
    """The forked writer: saves calls through the services and writes each acknowledged id."""
    from vma_desk.storage.database import KeySpec
    from vma_desk.storage.keys import parse_recovery_key
    from vma_desk.storage.workspace import Manifest

    workspace = Workspace._open(data_dir, KeySpec(raw=parse_recovery_key(recovery)),  # noqa: SLF001
                                Manifest.read(data_dir))
    services = Services.for_workspace(workspace, user="crash writer")
    at = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    while True:
        call, _ = services.communications.log_call(Call(
            started_at=at, direction=Direction.INBOUND, caller_name="Crash Test",
            reason=CallReason.GENERAL, notes="saved before the kill"))
        os.write(out, f"{call.id}\n".encode())


def test_a_writer_killed_at_random_loses_no_acknowledged_save(tmp_path, keystore):
    """A writer process saving through the services, SIGKILLed at random 24 times: after each kill
    the workspace passes both integrity checks and holds every call whose save had returned. (The
    writer is forked from this process, so each start costs milliseconds, not a Python start-up.)"""
    data_dir = tmp_path / "crash"
    workspace, recovery = Workspace.create(data_dir, keystore)
    workspace.close()
    rng = random.Random(11)
    acknowledged: set[int] = set()
    started = time.monotonic()
    for kill in range(1, 25):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer: never returns into pytest
            try:
                os.close(read_end)
                _writer(data_dir, recovery, write_end)
            finally:
                os._exit(1)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            first = pipe.readline()  # saving: kill it at a random point from here
            time.sleep(rng.uniform(0.0, 0.05))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            acknowledged |= {int(n) for n in (first + pipe.read()).split()}
        check = Workspace.unlock_with_keyring(data_dir, keystore)
        try:
            assert check.integrity_problems() == []
            stored = {row[0] for row in check.conn.execute("SELECT id FROM call")}
        finally:
            check.close()
        assert acknowledged <= stored, f"lost after kill {kill}: {sorted(acknowledged - stored)[:5]}"
    print(f"24 kills, {len(acknowledged)} acknowledged saves, {time.monotonic() - started:.1f} s")
    assert len(acknowledged) > 24
    keystore.delete(workspace.workspace_id)
