"""The unlock policy's decisions (services.unlock), without Qt, on real SQLCipher workspaces and the
real keyring: what opens silently, which secret is asked for next and why, and what is refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import snapshot
from vma_desk.core.errors import (
    KeyMissingError,
    KeyringLockedError,
    KeyringUnavailableError,
    KnownError,
    NewerSchemaError,
    NotAWorkspaceError,
    ValidationError,
    WorkspaceMissingError,
    WrongKeyError,
    WrongPassphraseError,
)
from vma_desk.services import unlock
from vma_desk.services.unlock import Method, Needs, Opened, Secret
from vma_desk.storage import migrations
from vma_desk.storage.keys import KeyStore, format_recovery_key, new_key
from vma_desk.storage.workspace import DB_FILE, MANIFEST_FILE, Workspace

PASSPHRASE = "river stone lantern"


@pytest.fixture
def closed(data_dir: Path, keystore: KeyStore):
    """A closed keyring workspace and its recovery key; its keyring entry removed afterwards."""
    workspace, recovery = Workspace.create(data_dir, keystore)
    workspace.close()
    yield workspace, recovery
    keystore.delete(workspace.workspace_id)


@pytest.fixture
def no_keyring(monkeypatch) -> KeyStore:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    store = KeyStore.from_environment()
    assert not store.available
    return store


def opened(outcome: Opened | Needs) -> Opened:
    assert isinstance(outcome, Opened), outcome
    return outcome


def needs(outcome: Opened | Needs) -> Needs:
    if isinstance(outcome, Opened):
        outcome.workspace.close()
    assert isinstance(outcome, Needs), outcome
    return outcome


def test_the_keyrings_key_opens_silently_with_one_services(closed, keystore, data_dir):
    workspace, _ = closed
    result = opened(unlock.unlock(data_dir, keystore))
    try:
        assert result.method is Method.KEYRING
        assert result.services.context.workspace is result.workspace
        assert result.services.practice.is_set_up() is False  # the services read this workspace
        assert result.workspace.workspace_id == workspace.workspace_id
    finally:
        result.workspace.close()


def test_a_lost_keyring_entry_asks_for_the_recovery_key_which_puts_it_back(closed, keystore, data_dir):
    workspace, recovery = closed
    keystore.delete(workspace.workspace_id)
    before = snapshot(data_dir)
    asked = needs(unlock.unlock(data_dir, keystore))
    assert asked.secret is Secret.RECOVERY_KEY and not asked.either
    assert "no key for this workspace" in asked.why
    assert isinstance(asked.refusal, KeyMissingError)
    assert snapshot(data_dir) == before  # asking changed nothing

    with pytest.raises(ValidationError):  # a typo is a typo
        unlock.with_recovery_key(data_dir, keystore, "AAAAA-BBBBB")
    with pytest.raises(WrongKeyError):  # another workspace's key does not open it
        unlock.with_recovery_key(data_dir, keystore, format_recovery_key(new_key()))
    result = unlock.with_recovery_key(data_dir, keystore, recovery.lower())
    result.workspace.close()
    assert result.method is Method.RECOVERY_KEY and result.key_restored
    again = opened(unlock.unlock(data_dir, keystore))  # back in the keyring: silent again
    again.workspace.close()


def test_a_wrong_key_in_the_keyring_asks_for_the_recovery_key(closed, keystore, data_dir):
    workspace, recovery = closed
    keystore.put(workspace.workspace_id, new_key())
    asked = needs(unlock.unlock(data_dir, keystore))
    assert asked.secret is Secret.RECOVERY_KEY
    assert "does not open this workspace" in asked.why
    assert isinstance(asked.refusal, WrongKeyError)
    # where nobody can be asked (a command), the refusal keeps its kind and says how to answer
    refused = asked.refused("Give it with --recovery-key-file FILE.")
    assert isinstance(refused, WrongKeyError) and refused.message.endswith("--recovery-key-file FILE.")
    result = unlock.with_recovery_key(data_dir, keystore, recovery)
    result.workspace.close()
    again = opened(unlock.unlock(data_dir, keystore))  # the right key is back in the keyring
    again.workspace.close()


def test_a_refusal_reported_to_a_command_keeps_its_kind_and_its_detail():
    locked = KeyringLockedError("The OS keyring is locked.", detail="org.freedesktop.Secret: locked")
    asked = Needs(Secret.RECOVERY_KEY, locked.message, locked)
    refused = asked.refused("Give it with --recovery-key-file FILE.")
    assert isinstance(refused, KeyringLockedError) and refused.exit_status == locked.exit_status
    assert refused.message == "The OS keyring is locked. Give it with --recovery-key-file FILE."
    assert refused.detail == "org.freedesktop.Secret: locked"
    # a passphrase workspace met no refusal: a plain KnownError, with no detail
    plain = Needs(Secret.PASSPHRASE, unlock.PASSPHRASE_PROTECTED).refused("Give it with --passphrase-file.")
    assert type(plain) is KnownError and plain.detail == ""


def test_without_a_keyring_the_recovery_key_opens_for_this_session_only(closed, no_keyring, data_dir):
    _, recovery = closed
    asked = needs(unlock.unlock(data_dir, no_keyring))
    assert asked.secret is Secret.RECOVERY_KEY
    assert isinstance(asked.refusal, KeyringUnavailableError)
    result = unlock.with_recovery_key(data_dir, no_keyring, recovery)
    result.workspace.close()
    assert result.method is Method.RECOVERY_KEY and not result.key_restored


def test_a_passphrase_workspace_asks_for_its_passphrase(data_dir, keystore):
    Workspace.create(data_dir, keystore, passphrase=PASSPHRASE)[0].close()
    asked = needs(unlock.unlock(data_dir, keystore))
    assert asked.secret is Secret.PASSPHRASE and asked.refusal is None
    assert "protected by a passphrase" in asked.why
    # a published passphrase (the demo's) is tried first, and a wrong one still asks
    asked = needs(unlock.unlock(data_dir, keystore, known_passphrase="vma-desk-demo"))
    assert asked.secret is Secret.PASSPHRASE
    with pytest.raises(WrongPassphraseError):
        unlock.with_passphrase(data_dir, "not the passphrase")
    result = unlock.with_passphrase(data_dir, PASSPHRASE)
    result.workspace.close()
    assert result.method is Method.PASSPHRASE
    known = opened(unlock.unlock(data_dir, keystore, known_passphrase=PASSPHRASE))
    known.workspace.close()
    assert known.method is Method.KNOWN_PASSPHRASE


def test_a_secret_given_up_front_is_used_before_the_keyring(closed, keystore, data_dir):
    workspace, recovery = closed
    keystore.put(workspace.workspace_id, new_key())  # the keyring would not open it
    result = opened(unlock.unlock(data_dir, keystore, recovery_key=recovery))
    result.workspace.close()
    assert result.method is Method.RECOVERY_KEY
    with pytest.raises(WrongPassphraseError):  # a keyring workspace has no passphrase
        unlock.unlock(data_dir, keystore, passphrase=PASSPHRASE)


def test_a_missing_manifest_takes_the_recovery_key_or_the_passphrase(tmp_path, keystore):
    with_key, with_passphrase = tmp_path / "key", tmp_path / "passphrase"
    workspace, recovery = Workspace.create(with_key, keystore)
    workspace.close()
    Workspace.create(with_passphrase, keystore, passphrase=PASSPHRASE)[0].close()
    try:
        for folder, secret in ((with_key, recovery), (with_passphrase, PASSPHRASE)):
            (folder / MANIFEST_FILE).unlink()
            asked = needs(unlock.unlock(folder, keystore))
            assert asked.secret is Secret.RECOVERY_KEY and asked.either
            assert "manifest (workspace.json) is missing" in asked.why
            result = unlock.with_recovery_key(folder, keystore, secret, either=asked.either)
            result.workspace.close()
            assert (folder / MANIFEST_FILE).exists()  # written back
        assert json.loads((with_passphrase / MANIFEST_FILE).read_text())["protection"] == "passphrase"
    finally:
        keystore.delete(workspace.workspace_id)


def test_what_no_secret_can_fix_is_refused_and_the_file_left_as_it_was(tmp_path, closed, keystore,
                                                                        data_dir):
    with pytest.raises(WorkspaceMissingError):
        unlock.unlock(tmp_path / "nothing here", keystore)
    assert not (tmp_path / "nothing here").exists()

    stray = tmp_path / "stray"
    stray.mkdir()
    (stray / DB_FILE).write_bytes(b"not a workspace at all\n" * 400)
    (stray / MANIFEST_FILE).write_text('{"id": "x", "protection": "keyring"}', encoding="utf-8")
    before = snapshot(stray)
    with pytest.raises(NotAWorkspaceError):  # called what it is, not a lost keyring entry
        unlock.unlock(stray, keystore)
    assert snapshot(stray) == before

    workspace = Workspace.unlock_with_keyring(data_dir, keystore)
    workspace.conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    workspace.close()
    before = snapshot(data_dir)
    with pytest.raises(NewerSchemaError):
        unlock.unlock(data_dir, keystore)
    assert snapshot(data_dir) == before


def test_the_policy_loads_without_qt():
    code = "import sys, vma_desk.services.unlock; print([m for m in sys.modules if m.startswith('PySide6')])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

