"""`vma-desk backup` and `vma-desk restore` as a user runs them: the real command line in a
subprocess, the real keyring, files and exit codes.

The first test is the issue's: back up, lose the laptop (the workspace folder and its keyring entry),
restore with only the backup and the recovery key, and find everything as it was."""

from __future__ import annotations

import shutil
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from tests.cli.test_cli import vma
from tests.conftest import snapshot
from vma_desk.core.records import AuditAction
from vma_desk.demo import create_demo_workspace
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import MANIFEST_FILE, Manifest, Workspace

ANCHOR = date(2026, 3, 2)
PASSPHRASE = "correct horse battery"


@pytest.fixture
def demo(tmp_path: Path, keystore: KeyStore):
    """A closed 1-year demo workspace (patients, messages, refills) and its recovery key in a file."""
    folder = tmp_path / "laptop" / "workspace"
    workspace, recovery, _ = create_demo_workspace(folder, keystore, anchor=ANCHOR)
    workspace.close()
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(f"{recovery}\n")
    yield folder, key_file, workspace.workspace_id
    keystore.delete(workspace.workspace_id)


def records(folder: Path, keystore: KeyStore) -> dict[str, list[dict]]:
    """A sample of patients, messages and refills, field by field, read through the services."""
    services = Services.for_workspace(Workspace.unlock_with_keyring(folder, keystore))
    try:
        conn = services.context.conn
        ids = {kind: [r[0] for r in conn.execute(f"SELECT id FROM {kind} ORDER BY id")][::37]
               for kind in ("patient", "message", "refill")}
        return {"patient": [asdict(services.patients.get(i)) for i in ids["patient"]],
                "message": [asdict(services.communications.get_message(i)) for i in ids["message"]],
                "refill": [asdict(services.refills.get(i)) for i in ids["refill"]]}
    finally:
        services.workspace.close()


def test_backup_then_restore_on_a_laptop_that_never_saw_it(demo, tmp_path: Path, keystore: KeyStore):
    folder, key_file, workspace_id = demo
    before = records(folder, keystore)
    assert all(len(sample) > 5 for sample in before.values())
    usb = tmp_path / "usb"
    usb.mkdir()
    made = vma("backup", "--data-dir", folder, "--to", usb)
    assert made.returncode == 0, made.stderr
    [backup] = list(usb.iterdir())
    assert backup.name.endswith(".vmadesk-backup") and backup.stat().st_mode & 0o777 == 0o600
    assert f"Backed up to {backup}" in made.stdout and "patient: 1600" in made.stdout
    assert "100%" in made.stderr  # progress on stderr
    services = Services.for_workspace(Workspace.unlock_with_keyring(folder, keystore))
    try:
        entry = services.audit.page()[0]
        assert entry.action is AuditAction.BACKUP and entry.record_id == backup.name
        assert services.backups.last_verified().file_name == backup.name  # type: ignore[union-attr]
    finally:
        services.workspace.close()

    # the laptop is gone: its folder and its keyring entry
    shutil.rmtree(folder.parent)
    keystore.delete(workspace_id)
    assert keystore.get(workspace_id) is None
    new = tmp_path / "new-laptop" / "VMA Desk"
    restored = vma("restore", "--from", backup, "--data-dir", new, "--recovery-key-file", key_file)
    assert restored.returncode == 0, restored.stderr
    assert f"into {new}" in restored.stdout and "Its key is in the OS keyring" in restored.stdout
    assert keystore.get(workspace_id) is not None
    checked = vma("check", "--data-dir", new)
    assert checked.returncode == 0, checked.stderr
    assert "Patients: 1600" in checked.stdout
    assert records(new, keystore) == before
    services = Services.for_workspace(Workspace.unlock_with_keyring(new, keystore))
    try:
        restore_entry = next(e for e in services.audit.page() if e.action is AuditAction.RESTORE)
        assert f"restored from backup {backup.name}" in restore_entry.detail
    finally:
        services.workspace.close()


def test_a_passphrase_workspace_backs_up_and_restores_with_its_passphrase(tmp_path: Path, keystore: KeyStore):
    folder = tmp_path / "demo"
    pass_file = tmp_path / "pass.txt"
    pass_file.write_text(PASSPHRASE + "\n")
    workspace, recovery, _ = create_demo_workspace(folder, keystore, anchor=ANCHOR, passphrase=PASSPHRASE)
    workspace.close()
    assert recovery is None
    usb = tmp_path / "usb"
    usb.mkdir()
    assert vma("backup", "--data-dir", folder, "--to", usb, "--passphrase-file", pass_file).returncode == 0
    [backup] = list(usb.iterdir())
    new = tmp_path / "new"
    restored = vma("restore", "--from", backup, "--data-dir", new, "--passphrase-file", pass_file)
    assert restored.returncode == 0, restored.stderr
    assert "protected by passphrase" in restored.stdout
    assert Manifest.read(new).protection.value == "passphrase"  # type: ignore[union-attr]
    assert keystore.get(Manifest.read(new).workspace_id) is None  # type: ignore[union-attr]
    assert vma("check", "--data-dir", new, "--passphrase-file", pass_file).returncode == 0


def refused(result, words: str) -> None:  # type: ignore[no-untyped-def]
    """One plain message on stderr after any progress lines; never exit 1 (a bug)."""
    assert result.returncode not in (0, 1), result.stderr
    lines = [line for line in result.stderr.strip().splitlines() if "% (" not in line]
    assert len(lines) == 1 and lines[0].startswith("vma-desk: "), result.stderr
    assert words in lines[0]


@pytest.fixture(scope="module")
def backed_up(tmp_path_factory: pytest.TempPathFactory):
    """(a closed demo workspace, its recovery key file, a backup of it), made once for the refusals."""
    tmp_path = tmp_path_factory.mktemp("backed-up")
    keystore = KeyStore.from_environment()
    folder = tmp_path / "workspace"
    workspace, recovery, _ = create_demo_workspace(folder, keystore, anchor=ANCHOR)
    workspace.close()
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(f"{recovery}\n")
    usb = tmp_path / "usb"
    usb.mkdir()
    assert vma("backup", "--data-dir", folder, "--to", usb).returncode == 0
    [backup] = list(usb.iterdir())
    yield folder, key_file, backup
    keystore.delete(workspace.workspace_id)


def test_restore_refuses_a_folder_that_holds_a_workspace(backed_up):
    folder, key_file, backup = backed_up
    before = snapshot(folder)
    result = vma("restore", "--from", backup, "--data-dir", folder, "--recovery-key-file", key_file)
    assert result.returncode == 2
    refused(result, "already holds a workspace")
    assert snapshot(folder) == before


def test_restore_refuses_a_wrong_key(backed_up, tmp_path: Path):
    _, _, backup = backed_up
    other = tmp_path / "other-key.txt"
    from vma_desk.storage.keys import format_recovery_key, new_key

    other.write_text(format_recovery_key(new_key()))
    result = vma("restore", "--from", backup, "--data-dir", tmp_path / "new", "--recovery-key-file", other)
    assert result.returncode == 2
    refused(result, "does not open")
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize(("damage", "status"), [("cut-off", 2), ("cut-at-a-page", 3), ("bit-flip", 3)])
def test_restore_refuses_a_damaged_backup(backed_up, tmp_path: Path, damage: str, status: int):
    _, key_file, backup = backed_up
    data = bytearray(backup.read_bytes())
    if damage == "cut-off":
        data = data[: len(data) // 2 + 100]
    elif damage == "cut-at-a-page":
        data = data[: (len(data) // 2) // 4096 * 4096]
    else:
        data[len(data) // 2 + 1234] ^= 0x10
    copy = tmp_path / backup.name
    copy.write_bytes(bytes(data))
    before = snapshot(tmp_path)
    new = tmp_path / "new"
    result = vma("restore", "--from", copy, "--data-dir", new, "--recovery-key-file", key_file)
    assert result.returncode == status, result.stderr
    refused(result, "damaged")
    assert not new.exists()
    assert snapshot(tmp_path) == before  # the damaged file untouched


@pytest.mark.parametrize("where", ["missing", "a file"])
def test_a_backup_to_a_folder_that_is_not_there_says_so(backed_up, tmp_path: Path, where: str):
    folder, _, _ = backed_up
    target = tmp_path / "unplugged"
    if where == "a file":
        target.write_text("not a folder")
    result = vma("backup", "--data-dir", folder, "--to", target)
    assert result.returncode == 2
    refused(result, "does not exist")
    assert not list(tmp_path.glob("**/*.partial")) and not list(folder.parent.glob("**/*.partial"))
    assert vma("check", "--data-dir", folder).returncode == 0


def test_restore_needs_a_key_and_a_new_folder(backed_up, tmp_path: Path):
    _, key_file, backup = backed_up
    refused(vma("restore", "--from", backup, "--data-dir", tmp_path / "new"), "--recovery-key-file")
    refused(vma("restore", "--from", backup, "--recovery-key-file", key_file), "--data-dir")
    (tmp_path / "has-manifest").mkdir()
    (tmp_path / "has-manifest" / MANIFEST_FILE).write_text("{}")
    refused(vma("restore", "--from", backup, "--data-dir", tmp_path / "has-manifest", "--recovery-key-file",
                key_file), "already holds a workspace")


def _workspace_id(folder: Path) -> str:
    manifest = Manifest.read(folder)
    assert manifest is not None
    return manifest.workspace_id


def test_restoring_a_backup_of_a_workspace_rekeyed_since_on_the_same_laptop_is_refused(
        backed_up, tmp_path: Path, keystore: KeyStore):
    folder, key_file, backup = backed_up
    workspace_id = _workspace_id(folder)
    own = keystore.get(workspace_id)
    from vma_desk.storage.keys import new_key

    newer = new_key()  # what a rekey since the backup leaves in the keyring
    keystore.put(workspace_id, newer)
    try:
        new = tmp_path / "restored"
        result = vma("restore", "--from", backup, "--data-dir", new, "--recovery-key-file", key_file)
        assert result.returncode == 2
        refused(result, "still exists on this computer")
        assert "another computer" in result.stderr and "remove" in result.stderr
        assert keystore.get(workspace_id) == newer  # never overwritten
        assert not new.exists()
    finally:
        keystore.put(workspace_id, own)  # type: ignore[arg-type]


def test_restoring_with_the_same_key_on_the_same_laptop_says_the_copies_share_an_id(
        backed_up, tmp_path: Path, keystore: KeyStore):
    folder, key_file, backup = backed_up
    workspace_id = _workspace_id(folder)
    own = keystore.get(workspace_id)
    new = tmp_path / "second-copy"
    new.mkdir()
    (new / ".workspace.vmadesk.partial").write_bytes(b"left by a restore that was killed")
    result = vma("restore", "--from", backup, "--data-dir", new, "--recovery-key-file", key_file)
    assert result.returncode == 0, result.stderr
    assert "shares its id" in result.stdout
    assert keystore.get(workspace_id) == own
    assert vma("check", "--data-dir", folder).returncode == 0  # the original opens as before
    assert vma("check", "--data-dir", new).returncode == 0


def test_restore_refuses_a_sync_folder(backed_up, tmp_path: Path):
    _, key_file, backup = backed_up
    new = tmp_path / "Dropbox" / "practice"
    result = vma("restore", "--from", backup, "--data-dir", new, "--recovery-key-file", key_file)
    assert result.returncode == 2
    refused(result, "cannot be restored here")
    assert "Dropbox" in result.stderr and not new.exists()


def test_a_backup_is_kept_when_the_audit_anchor_cannot_be_written(backed_up, tmp_path: Path,
                                                                   keystore: KeyStore):
    folder, _, _ = backed_up
    copy = tmp_path / "workspace"
    shutil.copytree(folder, copy)  # the same workspace (its key in the keyring), its anchor unwritable
    anchor = copy / "audit.anchor"
    anchor.unlink(missing_ok=True)
    anchor.mkdir()
    usb = tmp_path / "usb"
    usb.mkdir()
    result = vma("backup", "--data-dir", copy, "--to", usb)
    assert result.returncode == 0, result.stderr
    [made] = list(usb.iterdir())
    assert str(made) in result.stdout
    services = Services.for_workspace(Workspace.unlock_with_keyring(copy, keystore))
    try:
        assert services.backups.last_verified().file_name == made.name
    finally:
        services.workspace.close()
