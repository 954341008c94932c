"""The start-up unlock flow, driven through its real dialogs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from vma_desk.storage.keys import KeyStore, new_key
from vma_desk.storage.workspace import Protection, Workspace
from vma_desk.ui.unlock.dialogs import RecoveryKeyDialog, SecretEntryDialog
from vma_desk.ui.unlock.flow import UnlockFlow


def when_dialog(qtbot, kind: type[QDialog], act: Callable[[QDialog], None], seen: list) -> None:
    """Answer the next modal dialog of `kind` (the flow runs them with exec()). Another dialog
    showing up instead is closed after a few seconds, so a wrong turn fails instead of hanging."""
    deadline = [250]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            seen.append(dialog)
            act(dialog)
        elif deadline[0] <= 0 and dialog is not None:
            seen.append(f"unexpected {type(dialog).__name__}")
            dialog.close()
        else:
            deadline[0] -= 1
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_first_start_shows_the_recovery_key_once_then_opens_silently(qtbot, data_dir, keystore):
    shown: list = []

    def save_and_close(dialog: RecoveryKeyDialog) -> None:
        assert not dialog._ok.isEnabled()  # cannot skip past it without saying it is saved
        dialog.reject()  # Esc does not close it either
        assert dialog.isVisible()
        dialog.ui.saved_check.setChecked(True)
        dialog.accept()

    when_dialog(qtbot, RecoveryKeyDialog, save_and_close, shown)
    workspace = UnlockFlow(data_dir, keystore).open_or_create()
    assert workspace is not None and len(shown) == 1
    key_text = shown[0].ui.key_label.text()
    assert len(key_text.split("-")) == 11
    workspace.close()

    again = UnlockFlow(data_dir, keystore).open_or_create()  # no dialog: it would hang here
    assert again is not None
    again.close()
    keystore.delete(workspace.workspace_id)


def test_lost_keyring_entry_asks_for_the_recovery_key_and_restores_it(qtbot, data_dir, keystore):
    workspace, recovery = Workspace.create(data_dir, keystore)
    workspace.close()
    keystore.delete(workspace.workspace_id)
    seen: list = []

    def answer(dialog: SecretEntryDialog) -> None:
        assert "no key for this workspace" in dialog.ui.explanation_label.text()
        qtbot.keyClicks(dialog.ui.secret_edit, "AAAAA-BBBBB")
        dialog.ui.button_box.accepted.emit()
        assert dialog.isVisible()  # a wrong key keeps the dialog open, with a message
        assert dialog.ui.secret_error.isVisibleTo(dialog)
        assert "letters and digits" in dialog.ui.secret_error.text()
        dialog.ui.secret_edit.setText(recovery.lower())
        dialog.ui.button_box.accepted.emit()

    when_dialog(qtbot, SecretEntryDialog, answer, seen)
    opened = UnlockFlow(data_dir, keystore).open_or_create()
    assert opened is not None and seen
    opened.close()
    assert keystore.get(workspace.workspace_id) is not None
    keystore.delete(workspace.workspace_id)


def test_wrong_key_in_the_keyring_is_explained(qtbot, data_dir, keystore):
    workspace, _ = Workspace.create(data_dir, keystore)
    workspace.close()
    keystore.put(workspace.workspace_id, new_key())
    seen: list = []
    when_dialog(qtbot, SecretEntryDialog, lambda d: d.reject(), seen)
    assert UnlockFlow(data_dir, keystore).open_or_create() is None
    assert "does not open this workspace" in seen[0].ui.explanation_label.text()
    keystore.delete(workspace.workspace_id)


def test_no_keyring_creates_a_passphrase_workspace(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    store = KeyStore.from_environment()
    seen: list = []

    def answer(dialog: SecretEntryDialog) -> None:
        assert "passphrase instead" in dialog.ui.explanation_label.text()
        qtbot.keyClicks(dialog.ui.secret_edit, "river stone lantern")
        qtbot.keyClicks(dialog.ui.confirm_edit, "river stone lanterns")
        dialog.ui.button_box.accepted.emit()
        assert "does not match" in dialog.ui.confirm_error.text()
        dialog.ui.confirm_edit.setText("river stone lantern")
        dialog.ui.button_box.accepted.emit()

    when_dialog(qtbot, SecretEntryDialog, answer, seen)
    workspace = UnlockFlow(data_dir, store).open_or_create()
    assert workspace is not None and workspace.protection is Protection.PASSPHRASE
    workspace.close()

    def enter(dialog: SecretEntryDialog) -> None:
        dialog.ui.secret_edit.setText("river stone lantern")
        dialog.ui.button_box.accepted.emit()

    when_dialog(qtbot, SecretEntryDialog, enter, seen)
    reopened = UnlockFlow(data_dir, store).open_or_create()
    assert reopened is not None
    reopened.close()


@pytest.mark.parametrize("content", [b"not a workspace at all\n" * 400])
def test_not_a_workspace_is_refused_with_a_message(qtbot, data_dir, keystore, content):
    from PySide6.QtWidgets import QMessageBox

    from vma_desk.storage.workspace import DB_FILE

    data_dir.mkdir(parents=True)
    (data_dir / DB_FILE).write_bytes(content)
    (data_dir / "workspace.json").write_text(
        '{"id": "x", "protection": "keyring"}', encoding="utf-8")
    seen: list = []
    texts: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        texts.append(box.text())
        box.accept()

    when_dialog(qtbot, QMessageBox, read_and_close, seen)
    assert UnlockFlow(data_dir, keystore).open_or_create() is None
    assert "not a VMA Desk workspace" in texts[0]
    assert (data_dir / DB_FILE).read_bytes() == content


def test_the_window_gets_the_services_the_workspace_was_opened_with(qtbot, data_dir, keystore):
    created, _ = Workspace.create(data_dir, keystore)
    created.close()
    flow = UnlockFlow(data_dir, keystore)
    workspace = flow.open_or_create()
    try:
        assert workspace is not None and flow.services is not None
        assert flow.services.context.workspace is workspace  # one Services, handed to MainWindow
        assert [e.detail for e in flow.services.audit.page(0, 10)] == [
            "opened with the keyring's key (silently, at start)"]
    finally:
        workspace.close()
        keystore.delete(created.workspace_id)


def test_a_missing_manifest_asks_for_the_recovery_key_and_takes_the_passphrase(qtbot, data_dir, keystore):
    Workspace.create(data_dir, keystore, passphrase="river stone lantern")[0].close()
    (data_dir / "workspace.json").unlink()
    seen: list = []

    def answer(dialog: SecretEntryDialog) -> None:
        assert "manifest (workspace.json) is missing" in dialog.ui.explanation_label.text()
        dialog.ui.secret_edit.setText("river stone lantern")
        dialog.ui.button_box.accepted.emit()

    when_dialog(qtbot, SecretEntryDialog, answer, seen)
    flow = UnlockFlow(data_dir, keystore)
    workspace = flow.open_or_create()
    assert workspace is not None and seen
    try:
        assert workspace.protection is Protection.PASSPHRASE
        assert flow.services is not None
        assert [e.detail for e in flow.services.audit.page(0, 10)] == ["opened with the passphrase"]
    finally:
        workspace.close()
