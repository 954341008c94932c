"""`vma-desk rekey` and `vma-desk protect` as a user runs them: the new recovery key shown once (or
written owner-only to a new file, never over one), protection switched both ways, a passphrase
changed, and anyone but a practice manager refused (exit 2, nothing changed). The crash tests
(SIGKILL at every step) are in tests/storage/test_rekey.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_cli import refused, vma
from tests.conftest import snapshot
from vma_desk.core.records import AuditAction, Practice
from vma_desk.core.users import UserRole
from vma_desk.services import Services
from vma_desk.storage import rekey
from vma_desk.storage.keys import KeyStore, parse_recovery_key
from vma_desk.storage.workspace import Manifest, Workspace

MANAGER, MANAGER_PIN = "Morgan Reyes", "135790"
VMA, VMA_PIN = "Sam Okafor", "864209"
PASSPHRASE = "correct horse battery"


@pytest.fixture
def team(tmp_path: Path, keystore: KeyStore) -> Iterator[tuple[Path, str]]:
    folder = tmp_path / "ws"
    workspace, recovery = Workspace.create(folder, keystore)
    services = Services.for_workspace(workspace)
    services.practice.save(Practice(name="Lakeside Family Medicine", time_zone="America/Chicago"))
    services.users.create_first(MANAGER, MANAGER_PIN)
    services.users.add(VMA, UserRole.VMA, VMA_PIN)
    workspace_id = workspace.workspace_id
    workspace.close()
    (tmp_path / "manager.pin").write_text(MANAGER_PIN + "\n")
    (tmp_path / "vma.pin").write_text(VMA_PIN + "\n")
    assert recovery is not None
    yield folder, recovery
    keystore.delete(workspace_id)
    keystore.delete(rekey.pending_name(workspace_id))


def as_manager(folder: Path) -> list[object]:
    return ["--user", MANAGER, "--pin-file", folder.parent / "manager.pin"]


def new_recovery_key(stdout: str) -> str:
    lines = [line for line in stdout.splitlines() if line.startswith("New recovery key: ")]
    assert len(lines) == 1, stdout
    return lines[0].removeprefix("New recovery key: ")


def test_rekey_prints_a_new_recovery_key_once_and_the_old_one_stops_working(team, tmp_path: Path):
    folder, old = team
    done = vma("rekey", "--data-dir", folder, *as_manager(folder))
    assert done.returncode == 0, done.stderr
    new = new_recovery_key(done.stdout)
    assert new != old
    assert "no longer opens this workspace, but it still opens the backups made before" in done.stdout
    assert "shown only this once" in done.stdout
    (tmp_path / "old.key").write_text(old + "\n")
    (tmp_path / "new.key").write_text(new + "\n")
    refused(vma("check", "--data-dir", folder, "--recovery-key-file", tmp_path / "old.key"), "does not open")
    assert vma("check", "--data-dir", folder, "--recovery-key-file", tmp_path / "new.key").returncode == 0
    ws = Workspace.unlock_with_keyring(folder, KeyStore.from_environment())
    entries = Services.for_workspace(ws).audit.page()
    ws.close()
    rekeyed = [e for e in entries if e.action is AuditAction.REKEY]
    assert len(rekeyed) == 1 and rekeyed[0].user == MANAGER
    assert new not in rekeyed[0].detail and old not in rekeyed[0].detail


def test_rekey_writes_the_key_owner_only_and_never_over_a_file(team, tmp_path: Path, keystore: KeyStore):
    folder, _old = team
    out = tmp_path / "recovery.txt"
    done = vma("rekey", "--data-dir", folder, "--recovery-key-out", out, *as_manager(folder))
    assert done.returncode == 0, done.stderr
    assert "New recovery key" not in done.stdout and str(out) in done.stdout
    assert out.stat().st_mode & 0o777 == 0o600
    key = out.read_text().splitlines()[0]
    assert keystore.get(Manifest.read(folder).workspace_id) == parse_recovery_key(key)
    # the file opens the workspace as it is
    assert vma("check", "--data-dir", folder, "--recovery-key-file", out).returncode == 0

    before, files = out.read_bytes(), snapshot(folder)
    again = vma("rekey", "--data-dir", folder, "--recovery-key-out", out, *as_manager(folder))
    refused(again, "already exists")
    assert again.returncode == 2
    assert out.read_bytes() == before
    assert snapshot(folder)["workspace.vmadesk"] == files["workspace.vmadesk"]


def test_a_user_who_is_not_a_manager_is_refused(team, tmp_path: Path, keystore: KeyStore):
    folder, old = team
    (tmp_path / "new.txt").write_text(PASSPHRASE + "\n")
    vma_user = ["--user", VMA, "--pin-file", tmp_path / "vma.pin"]
    for argv in (["rekey"], ["protect", "--passphrase-file", tmp_path / "new.txt"]):
        result = vma(*argv, "--data-dir", folder, *vma_user)
        refused(result, "Only a practice manager")
        assert result.returncode == 2
    # the key is what it was: the keyring's entry, the old recovery key opening the workspace
    assert keystore.get(Manifest.read(folder).workspace_id) == parse_recovery_key(old)
    (tmp_path / "old.key").write_text(old + "\n")
    assert vma("check", "--data-dir", folder, "--recovery-key-file", tmp_path / "old.key").returncode == 0
    assert Manifest.read(folder).protection.value == "keyring"


def test_protect_switches_to_a_passphrase_changes_it_and_back_to_the_keyring(team, tmp_path: Path,
                                                                           keystore: KeyStore):
    folder, _old = team
    workspace_id = Manifest.read(folder).workspace_id
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(PASSPHRASE + "\n")
    second.write_text("a second long passphrase\n")

    short = tmp_path / "short.txt"
    short.write_text("short\n")
    refused(vma("protect", "--data-dir", folder, "--passphrase-file", short, *as_manager(folder)),
            "--passphrase-file: must be at least 10 characters")

    done = vma("protect", "--data-dir", folder, "--passphrase-file", first, *as_manager(folder))
    assert done.returncode == 0, done.stderr
    assert "now protected by a passphrase" in done.stdout and "removed from the OS keyring" in done.stdout
    assert keystore.get(workspace_id) is None
    assert Manifest.read(folder).protection.value == "passphrase"

    changed = vma("protect", "--data-dir", folder, "--passphrase-file", second,
                  "--current-passphrase-file", first, *as_manager(folder))
    assert changed.returncode == 0, changed.stderr
    assert "has a new passphrase" in changed.stdout
    refused(vma("check", "--data-dir", folder, "--passphrase-file", first), "passphrase does not open")

    back = vma("protect", "--data-dir", folder, "--keyring", "--current-passphrase-file", second,
               *as_manager(folder))
    assert back.returncode == 0, back.stderr
    key = new_recovery_key(back.stdout)
    assert keystore.get(workspace_id) == parse_recovery_key(key)
    checked = vma("check", "--data-dir", folder)
    assert checked.returncode == 0 and "protected by keyring" in checked.stdout
    again = vma("protect", "--data-dir", folder, "--keyring", *as_manager(folder))
    assert again.returncode == 0 and "already protected by the OS keyring" in again.stdout


def test_a_passphrase_workspace_needs_its_current_passphrase(team, tmp_path: Path):
    folder, _old = team
    first = tmp_path / "first.txt"
    first.write_text(PASSPHRASE + "\n")
    made = vma("protect", "--data-dir", folder, "--passphrase-file", first, *as_manager(folder))
    assert made.returncode == 0, made.stderr
    refused(vma("protect", "--data-dir", folder, "--keyring", *as_manager(folder)),
            "--current-passphrase-file")
    refused(vma("rekey", "--data-dir", folder, "--passphrase-file", first, *as_manager(folder)),
            "no random key to rotate")
