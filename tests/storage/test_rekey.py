"""A new key, and keyring <-> passphrase: the old recovery key refused, the new one opening, backups
made before still opening with the old key, and a process killed (SIGKILL) at every step of the
real command leaving a workspace that opens and passes `vma-desk check`.

The kill tests use the test hook VMA_DESK_TEST_PAUSE_AT=<step> (storage/rekey.py `_pause`): the
real `python -m vma_desk rekey|protect` stops at that named step and says so on stderr; the test
then kills it with SIGKILL. Nothing is mocked: real SQLCipher, the real keyring, real files.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from vma_desk.core.errors import KnownError, StorageError, WrongKeyError, WrongPassphraseError
from vma_desk.core.records import AuditAction, Practice
from vma_desk.services import Services
from vma_desk.storage import backup, database, rekey
from vma_desk.storage.database import KeySpec
from vma_desk.storage.keys import KeyStore, format_recovery_key, parse_recovery_key
from vma_desk.storage.workspace import DB_FILE, Manifest, Protection, Workspace

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "staple and a long line"
MANAGER = "Morgan Reyes"


def _fill(workspace: Workspace) -> Services:
    services = Services.for_workspace(workspace)
    services.practice.save(Practice(name="Lakeside Family Medicine", time_zone="America/Chicago"))
    services.users.create_first(MANAGER, "135790")
    return services


@pytest.fixture
def made(tmp_path: Path, keystore: KeyStore) -> Iterator[tuple[Path, str]]:
    """A closed keyring workspace with one user (a manager) and its recovery key."""
    folder = tmp_path / "ws"
    workspace, recovery = Workspace.create(folder, keystore)
    _fill(workspace)
    workspace_id = workspace.workspace_id
    workspace.close()
    assert recovery is not None
    yield folder, recovery
    for name in (workspace_id, rekey.pending_name(workspace_id)):
        keystore.delete(name)


@pytest.fixture
def made_with_passphrase(tmp_path: Path, keystore: KeyStore) -> Iterator[Path]:
    folder = tmp_path / "ws"
    workspace, _ = Workspace.create(folder, keystore, passphrase=PASSPHRASE)
    _fill(workspace)
    workspace_id = workspace.workspace_id
    workspace.close()
    yield folder
    for name in (workspace_id, rekey.pending_name(workspace_id)):
        keystore.delete(name)


def _signed_in(workspace: Workspace) -> Services:
    services = Services.for_workspace(workspace)
    services.users.act_as(services.users.all()[0])
    return services


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()
                  if p.name.endswith((".partial", "-journal")) or p.name == rekey.JOURNAL_FILE)


def test_rekey_refuses_the_old_recovery_key_and_opens_with_the_new(made, keystore: KeyStore, tmp_path: Path):
    folder, old_recovery = made
    workspace = Workspace.unlock_with_keyring(folder, keystore)
    services = _signed_in(workspace)
    before = backup.make_backup(workspace.db_path, workspace.key_spec(), tmp_path,
                                practice="Lakeside", workspace_id=workspace.workspace_id,
                                now=datetime.now(UTC))
    patients = services.patients.count()
    done, change = services.security.rotate_key(keystore)
    assert (done.before, done.after, change.action) == ("keyring", "keyring", AuditAction.REKEY)
    assert done.recovery_key and done.recovery_key != old_recovery
    # the open workspace carries on with the new key
    assert services.patients.count() == patients
    assert services.audit.page()[0].action is AuditAction.REKEY
    assert keystore.get(workspace.workspace_id) == parse_recovery_key(done.recovery_key)
    assert keystore.get(rekey.pending_name(workspace.workspace_id)) is None
    workspace.close()
    assert _leftovers(folder) == []
    assert oct((folder / DB_FILE).stat().st_mode & 0o777) == "0o600"

    with pytest.raises(WrongKeyError):
        Workspace.unlock_with_recovery_key(folder, old_recovery, keystore)
    reopened, restored = Workspace.unlock_with_recovery_key(folder, done.recovery_key, keystore)
    assert restored and reopened.integrity_problems() == []
    reopened.close()
    # the backup made before still opens with the old key (and only with it)
    old = backup.open_backup(before.path, KeySpec(raw=parse_recovery_key(old_recovery)))
    old.close()
    with pytest.raises(WrongKeyError):
        backup.open_backup(before.path, KeySpec(raw=parse_recovery_key(done.recovery_key)))


def test_no_key_material_in_the_audit_trail(made, keystore: KeyStore):
    folder, old_recovery = made
    workspace = Workspace.unlock_with_keyring(folder, keystore)
    services = _signed_in(workspace)
    done, _ = services.security.rotate_key(keystore)
    done2, _ = services.security.use_passphrase(keystore, NEW_PASSPHRASE)
    text = " ".join(f"{e.detail} {e.record_id}" for e in services.audit.page())
    workspace.close()
    assert done.recovery_key is not None
    new_hex = parse_recovery_key(done.recovery_key).hex()
    for secret in (old_recovery, done.recovery_key, new_hex, NEW_PASSPHRASE):
        assert secret not in text
    assert done2.recovery_key is None


def test_protect_switches_both_ways_and_changes_the_passphrase(made, keystore: KeyStore):
    folder, old_recovery = made
    workspace = Workspace.unlock_with_keyring(folder, keystore)
    services = _signed_in(workspace)
    workspace_id = workspace.workspace_id
    done, _ = services.security.use_passphrase(keystore, PASSPHRASE, PASSPHRASE)
    assert (done.before, done.after, workspace.protection) == ("keyring", "passphrase", Protection.PASSPHRASE)
    assert keystore.get(workspace_id) is None  # removed only after the switch
    assert Manifest.read(folder).protection is Protection.PASSPHRASE

    done, _ = services.security.use_passphrase(keystore, NEW_PASSPHRASE)
    assert (done.before, done.after) == ("passphrase", "passphrase")
    done, _ = services.security.use_keyring(keystore)
    assert (done.after, workspace.protection) == ("keyring", Protection.KEYRING)
    assert done.recovery_key is not None
    assert [e.action for e in services.audit.page()[:3]] == [AuditAction.PROTECTION_CHANGED] * 3
    workspace.close()
    assert _leftovers(folder) == []
    with pytest.raises(WrongPassphraseError):
        Workspace.unlock_with_passphrase(folder, NEW_PASSPHRASE)
    reopened = Workspace.unlock_with_keyring(folder, keystore)
    assert reopened.integrity_problems() == []
    reopened.close()
    assert keystore.get(workspace_id) == parse_recovery_key(done.recovery_key)


def test_a_new_passphrase_must_differ_and_be_long_enough(made_with_passphrase: Path, keystore: KeyStore):
    workspace = Workspace.unlock_with_passphrase(made_with_passphrase, PASSPHRASE)
    services = _signed_in(workspace)
    from vma_desk.core.errors import ValidationError

    with pytest.raises(ValidationError, match="current passphrase"):
        services.security.use_passphrase(keystore, PASSPHRASE)
    with pytest.raises(ValidationError, match="at least"):
        services.security.use_passphrase(keystore, "short")
    with pytest.raises(KnownError, match="no random key to rotate"):
        services.security.rotate_key(keystore)
    workspace.close()


def test_refused_while_another_connection_has_it_open(made, keystore: KeyStore):
    folder, old_recovery = made
    workspace = Workspace.unlock_with_keyring(folder, keystore)
    services = _signed_in(workspace)
    other = Workspace.unlock_with_keyring(folder, keystore)  # as VMA Desk beside a command
    before = (folder / DB_FILE).read_bytes()
    with pytest.raises(StorageError, match="open in VMA Desk"):
        services.security.rotate_key(keystore)
    assert services.patients.count() == 0  # the workspace is open again, with the old key
    other.close()
    workspace.close()
    assert _leftovers(folder) == []
    assert keystore.get(Manifest.read(folder).workspace_id) == parse_recovery_key(old_recovery)
    assert (folder / DB_FILE).stat().st_size >= len(before) // 2
    Workspace.unlock_with_recovery_key(folder, old_recovery, keystore)[0].close()


def test_a_failed_copy_changes_nothing(made, keystore: KeyStore):
    """The audit hook fails inside the new file: no switch, the old key still in use."""
    folder, old_recovery = made
    workspace = Workspace.unlock_with_keyring(folder, keystore)

    def fail(_conn: database.Connection) -> None:
        raise StorageError("The disk is full: free some space and try again. Nothing was lost.")

    with pytest.raises(StorageError, match="disk is full"):
        rekey.rekey(workspace, keystore, before_swap=fail)
    assert workspace.integrity_problems() == []
    workspace.close()
    assert _leftovers(folder) == []
    assert keystore.get(rekey.pending_name(Manifest.read(folder).workspace_id)) is None
    Workspace.unlock_with_recovery_key(folder, old_recovery, keystore)[0].close()


# --- killed in the middle ---------------------------------------------------------------------------

REKEY_STEPS = ["locked", "exported", "verified", "pending-stored", "journal-written", "replaced",
               "main-stored", "manifest-written", "keyring-cleaned"]
TO_PASSPHRASE_STEPS = ["locked", "exported", "verified", "journal-written", "replaced",
                       "manifest-written", "keyring-cleaned"]
TO_KEYRING_STEPS = REKEY_STEPS
#: from this step on, the new file is in place
SWAPPED = {"replaced", "main-stored", "manifest-written", "keyring-cleaned"}


def vma(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "vma_desk", *map(str, args)], cwd=ROOT,
                            env=env or os.environ.copy(), stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, timeout=120, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def kill_at(step: str, *args: object) -> None:
    """Run the real command until it reaches `step`, then SIGKILL it there."""
    env = os.environ.copy()
    env[rekey.PAUSE_ENV] = step
    process = subprocess.Popen([sys.executable, "-m", "vma_desk", *map(str, args)], cwd=ROOT, env=env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        assert process.stderr is not None
        seen = []
        for line in process.stderr:
            seen.append(line)
            if f"test pause at {step}" in line:
                break
        else:
            raise AssertionError(f"never reached {step}: {''.join(seen)}")
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        if process.stdout:
            process.stdout.close()
        if process.stderr:
            process.stderr.close()
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize("step", REKEY_STEPS)
def test_rekey_killed_at_each_step_still_opens(step: str, made, keystore: KeyStore):
    folder, old_recovery = made
    workspace_id = Manifest.read(folder).workspace_id
    kill_at(step, "rekey", "--data-dir", folder)
    pending = keystore.get(rekey.pending_name(workspace_id))
    checked = vma("check", "--data-dir", folder)
    assert checked.returncode == 0, checked.stderr
    assert "protected by keyring" in checked.stdout
    assert _leftovers(folder) == []
    main = keystore.get(workspace_id)
    assert keystore.get(rekey.pending_name(workspace_id)) is None
    if step in SWAPPED:  # the new key, kept in the keyring before the switch, is the key now
        assert main is not None and main != parse_recovery_key(old_recovery)
        assert pending in (None, main)
        with pytest.raises(WrongKeyError):
            Workspace.unlock_with_recovery_key(folder, old_recovery, keystore)
    else:  # undone: the old key and recovery key as they were
        assert main == parse_recovery_key(old_recovery)
    Workspace.unlock_with_recovery_key(folder, format_recovery_key(main), keystore)[0].close()


@pytest.mark.parametrize("step", TO_PASSPHRASE_STEPS)
def test_keyring_to_passphrase_killed_at_each_step_still_opens(step: str, made, keystore: KeyStore,
                                                                tmp_path: Path):
    folder, old_recovery = made
    workspace_id = Manifest.read(folder).workspace_id
    secret = tmp_path / "new.txt"
    secret.write_text(PASSPHRASE + "\n")
    kill_at(step, "protect", "--data-dir", folder, "--passphrase-file", secret)
    if step in SWAPPED:
        checked = vma("check", "--data-dir", folder, "--passphrase-file", secret)
        assert checked.returncode == 0, checked.stderr
        assert "protected by passphrase" in checked.stdout
        assert keystore.get(workspace_id) is None  # the old key, which opens nothing now, is gone
        with pytest.raises(WrongKeyError):
            Workspace.unlock_with_recovery_key(folder, old_recovery, keystore)
    else:
        checked = vma("check", "--data-dir", folder)
        assert checked.returncode == 0, checked.stderr
        assert "protected by keyring" in checked.stdout
        assert keystore.get(workspace_id) == parse_recovery_key(old_recovery)
    assert _leftovers(folder) == []


@pytest.mark.parametrize("step", TO_KEYRING_STEPS)
def test_passphrase_to_keyring_killed_at_each_step_still_opens(step: str, made_with_passphrase: Path,
                                                                keystore: KeyStore, tmp_path: Path):
    folder = made_with_passphrase
    workspace_id = Manifest.read(folder).workspace_id
    secret = tmp_path / "current.txt"
    secret.write_text(PASSPHRASE + "\n")
    kill_at(step, "protect", "--data-dir", folder, "--keyring", "--current-passphrase-file", secret)
    if step in SWAPPED:
        checked = vma("check", "--data-dir", folder)
        assert checked.returncode == 0, checked.stderr
        assert "protected by keyring" in checked.stdout
        assert keystore.get(workspace_id) is not None
        assert keystore.get(rekey.pending_name(workspace_id)) is None
    else:
        checked = vma("check", "--data-dir", folder, "--passphrase-file", secret)
        assert checked.returncode == 0, checked.stderr
        assert "protected by passphrase" in checked.stdout
        assert keystore.get(rekey.pending_name(workspace_id)) is None
    assert _leftovers(folder) == []


@pytest.mark.parametrize("step", ["journal-written", "replaced", "manifest-written"])
def test_passphrase_change_killed_opens_with_old_or_new(step: str, made_with_passphrase: Path,
                                                        tmp_path: Path):
    folder = made_with_passphrase
    current, new = tmp_path / "current.txt", tmp_path / "new.txt"
    current.write_text(PASSPHRASE + "\n")
    new.write_text(NEW_PASSPHRASE + "\n")
    kill_at(step, "protect", "--data-dir", folder, "--passphrase-file", new, "--current-passphrase-file",
            current)
    which = new if step in SWAPPED else current
    checked = vma("check", "--data-dir", folder, "--passphrase-file", which)
    assert checked.returncode == 0, checked.stderr
    assert _leftovers(folder) == []


def test_a_rekey_after_a_killed_one_finishes_it_first(made, keystore: KeyStore):
    folder, _old = made
    workspace_id = Manifest.read(folder).workspace_id
    kill_at("replaced", "rekey", "--data-dir", folder)
    pending = keystore.get(rekey.pending_name(workspace_id))
    again = vma("rekey", "--data-dir", folder)
    assert again.returncode == 0, again.stderr
    recovery = next(line.split(": ", 1)[1] for line in again.stdout.splitlines()
                    if line.startswith("New recovery key: "))
    assert keystore.get(workspace_id) == parse_recovery_key(recovery) != pending
    assert _leftovers(folder) == []
