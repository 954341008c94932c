"""Edit → Workspace security… driven by clicks and keys: a manager rotates the key (asked first, the
new recovery key shown once and closable only once saved), switches to a passphrase (typed twice,
asked first) and back to the keyring; anyone else sees it read-only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from tests.conftest import TEST_PIN, signed_in
from tests.ui.conftest import answer_question
from vma_desk.core.records import AuditAction
from vma_desk.core.users import UserRole
from vma_desk.storage.keys import KeyStore, parse_recovery_key
from vma_desk.storage.workspace import Protection, Workspace
from vma_desk.ui.security import WorkspaceSecurityDialog
from vma_desk.ui.unlock.dialogs import RecoveryKeyDialog, SecretEntryDialog

PASSPHRASE = "correct horse battery"


def when_shown(kind: type, act: Callable[[QWidget], None]) -> None:
    """Do `act` to the next modal dialog of `kind` (it runs its own loop, so act from a timer)."""
    tries = iter(range(3000))

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            if next(tries, None) is not None:
                QTimer.singleShot(10, poll)
            return
        act(widget)

    QTimer.singleShot(0, poll)


def shown_dialog(qtbot, services, keystore: KeyStore) -> WorkspaceSecurityDialog:
    dialog = WorkspaceSecurityDialog(services, keystore)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_manager_rotates_the_key_and_sees_the_new_recovery_key_once(qtbot, services, keystore: KeyStore):
    signed_in(services)
    workspace = services.workspace
    dialog = shown_dialog(qtbot, services, keystore)
    assert "OS keyring" in dialog.status_label.text()
    assert dialog.rotate_button.isEnabled() and not dialog.read_only_label.isVisibleTo(dialog)
    old_key = keystore.get(workspace.workspace_id)
    shown: dict[str, object] = {}

    def save_it(key_dialog: QWidget) -> None:
        assert isinstance(key_dialog, RecoveryKeyDialog)
        shown["key"] = key_dialog.ui.key_label.text()
        shown["explanation"] = key_dialog.ui.explanation_label.text()
        ok = key_dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        shown["ok_before"] = ok.isEnabled()
        qtbot.keyClick(key_dialog, Qt.Key.Key_Escape)  # Esc must not skip saving the key
        shown["open_after_esc"] = key_dialog.isVisible()
        key_dialog.ui.saved_check.click()
        ok.click()

    seen: list[str] = []
    answer_question("Rotate key", seen)
    when_shown(RecoveryKeyDialog, save_it)
    qtbot.mouseClick(dialog.rotate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "key" in shown and dialog.isEnabled() and dialog.progress is None, timeout=20000)
    assert "still opens the backups made before" in seen[0]
    assert shown["ok_before"] is False and shown["open_after_esc"] is True
    assert "backups made before" in str(shown["explanation"])
    new_key = parse_recovery_key(str(shown["key"]))
    assert new_key != old_key and keystore.get(workspace.workspace_id) == new_key
    # the window's services carry on, on the new file
    assert services.audit.page()[0].action is AuditAction.REKEY
    assert services.audit.page()[0].user == "Test VMA"


def test_cancel_changes_nothing(qtbot, services, keystore: KeyStore):
    signed_in(services)
    dialog = shown_dialog(qtbot, services, keystore)
    old_key = keystore.get(services.workspace.workspace_id)
    seen: list[str] = []
    answer_question("Cancel", seen)
    qtbot.mouseClick(dialog.rotate_button, Qt.MouseButton.LeftButton)
    assert seen and keystore.get(services.workspace.workspace_id) == old_key
    assert services.audit.page()[0].action is not AuditAction.REKEY


def test_switch_to_a_passphrase_and_back_by_keys(qtbot, services, keystore: KeyStore):
    signed_in(services)
    workspace = services.workspace
    dialog = shown_dialog(qtbot, services, keystore)

    def type_passphrase(entry: QWidget) -> None:
        assert isinstance(entry, SecretEntryDialog)
        entry.ui.secret_edit.setFocus()
        qtbot.keyClicks(entry.ui.secret_edit, "too short")
        qtbot.keyClicks(entry.ui.confirm_edit, "too short")
        qtbot.keyClick(entry.ui.confirm_edit, Qt.Key.Key_Return)
        assert entry.isVisible() and "at least 10" in entry.ui.secret_error.text()
        entry.ui.secret_edit.clear()
        entry.ui.confirm_edit.clear()
        qtbot.keyClicks(entry.ui.secret_edit, PASSPHRASE)
        qtbot.keyClicks(entry.ui.confirm_edit, PASSPHRASE)
        answer_question("Use the passphrase", seen)
        qtbot.keyClick(entry.ui.confirm_edit, Qt.Key.Key_Return)

    seen: list[str] = []
    when_shown(SecretEntryDialog, type_passphrase)
    qtbot.mouseClick(dialog.passphrase_button, Qt.MouseButton.LeftButton)
    answer_question("OK", seen)  # "now protected by the new passphrase"
    qtbot.waitUntil(lambda: workspace.protection is Protection.PASSPHRASE and dialog.progress is None,
                    timeout=20000)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert "no recovery key" in seen[0]
    assert keystore.get(workspace.workspace_id) is None
    assert dialog.keyring_button.isVisible() and dialog.change_button.isVisible()
    assert not dialog.rotate_button.isVisible()
    assert "passphrase" in dialog.status_label.text()

    shown: dict[str, str] = {}

    def save_it(key_dialog: QWidget) -> None:
        assert isinstance(key_dialog, RecoveryKeyDialog)
        shown["key"] = key_dialog.ui.key_label.text()
        key_dialog.ui.saved_check.click()
        key_dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()

    answer_question("Use the keyring", seen)
    when_shown(RecoveryKeyDialog, save_it)
    qtbot.mouseClick(dialog.keyring_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "key" in shown and dialog.progress is None, timeout=20000)
    assert workspace.protection is Protection.KEYRING
    assert keystore.get(workspace.workspace_id) == parse_recovery_key(shown["key"])
    workspace.close()
    reopened = Workspace.unlock_with_keyring(workspace.data_dir, keystore)
    assert reopened.integrity_problems() == []
    reopened.close()


def test_anyone_but_a_manager_sees_it_read_only(qtbot, services, keystore: KeyStore):
    signed_in(services)
    clerk, _ = services.users.add("Lee Park", UserRole.FRONT_DESK, TEST_PIN)
    services.users.act_as(clerk)
    dialog = shown_dialog(qtbot, services, keystore)
    assert dialog.read_only_label.isVisible()
    assert not dialog.rotate_button.isEnabled() and not dialog.passphrase_button.isEnabled()
