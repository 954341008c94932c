"""ensure_demo_workspace: makes the demo once, opens it after, and never touches a real workspace."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import snapshot
from vma_desk.core.records import Practice
from vma_desk.demo import DEMO_PASSPHRASE, NotADemoError, create_demo_workspace, ensure_demo_workspace
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import DB_FILE, MANIFEST_FILE, Protection, Workspace

ANCHOR = date(2026, 3, 2)


def test_made_once_then_opened(data_dir: Path, keystore: KeyStore):
    ws, recovery = ensure_demo_workspace(data_dir, keystore, anchor=ANCHOR)
    try:
        assert recovery and ws.is_demo and ws.protection is Protection.KEYRING
        patients = Services.for_workspace(ws).patients.count()
        ws.close()
        again, recovery_again = ensure_demo_workspace(data_dir, keystore, seed=5)
        assert recovery_again is None
        assert again.workspace_id == ws.workspace_id
        assert again.meta("demo_seed") == "1"  # an existing demo is opened as it is
        assert Services.for_workspace(again).patients.count() == patients
        again.close()
    finally:
        keystore.delete(ws.workspace_id)


def test_a_real_workspace_is_refused_and_left_alone(workspace: Workspace, keystore: KeyStore):
    Services.for_workspace(workspace).practice.save(Practice("Real Practice", "America/Chicago"))
    workspace.close()
    before = snapshot(workspace.data_dir)
    with pytest.raises(NotADemoError, match="not the demo"):
        ensure_demo_workspace(workspace.data_dir, keystore)
    assert snapshot(workspace.data_dir) == before


def test_a_passphrase_workspace_that_is_not_the_demo_is_refused(data_dir: Path, keystore: KeyStore):
    ws, _ = Workspace.create(data_dir, keystore, passphrase="someone's own passphrase")
    ws.close()
    before = snapshot(data_dir)
    with pytest.raises(NotADemoError, match="passphrase"):
        ensure_demo_workspace(data_dir, keystore)
    assert snapshot(data_dir) == before


def test_without_a_keyring_the_published_passphrase_protects_it(data_dir: Path, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    store = KeyStore.from_environment()
    assert not store.available
    ws, recovery = ensure_demo_workspace(data_dir, store, anchor=ANCHOR)
    assert recovery is None and ws.protection is Protection.PASSPHRASE
    ws.close()
    Workspace.unlock_with_passphrase(data_dir, DEMO_PASSPHRASE).close()
    again, _ = ensure_demo_workspace(data_dir, store)
    assert again.is_demo
    again.close()


def test_an_interrupted_generation_is_made_again(data_dir: Path, keystore: KeyStore):
    ws, _ = Workspace.create(data_dir, keystore)
    ws.set_meta("demo", "1")
    ws.set_meta("demo_status", "generating")
    ws.close()
    fresh, recovery = ensure_demo_workspace(data_dir, keystore, anchor=ANCHOR)
    try:
        assert recovery and fresh.workspace_id != ws.workspace_id
        assert fresh.meta("demo_status") == "complete"
        assert keystore.get(ws.workspace_id) is None  # the abandoned key went with its file
    finally:
        fresh.close()
        keystore.delete(fresh.workspace_id)


def test_a_failed_generation_leaves_nothing_behind(data_dir: Path, keystore: KeyStore):
    made: list[str] = []

    def boom(done: int, total: int, label: str) -> None:
        if done > 1:
            made.append(label)
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        create_demo_workspace(data_dir, keystore, anchor=ANCHOR, progress=boom)
    assert made
    assert not (data_dir / DB_FILE).exists() and not (data_dir / MANIFEST_FILE).exists()
    assert list(data_dir.iterdir()) == []
