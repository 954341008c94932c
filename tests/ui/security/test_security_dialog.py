"""Edit → Workspace security… driven by clicks and keys: a manager rotates the key (asked first, the
new recovery key shown once and closable only once saved), switches to a passphrase (typed twice,
asked first) and back to the keyring; anyone else sees it read-only."""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from tests.conftest import TEST_PIN, signed_in
from tests.ui.conftest import answer_question
from vma_desk.core.errors import StorageError
from vma_desk.core.records import AuditAction, Patient, Phone
from vma_desk.core.users import UserRole
from vma_desk.services import Services
from vma_desk.storage import rekey
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


def _patient(first: str) -> Patient:
    return Patient(first_name=first, last_name="O'Neil", date_of_birth=date(1961, 4, 2),
                   phones=(Phone("(312) 555-0142"),))


def test_another_window_saving_during_a_rotation_is_told_to_wait_and_nothing_is_lost(
        qtbot, services, keystore: KeyStore, monkeypatch: pytest.MonkeyPatch):
    """The worker is held at 'exported' (rekey._pause made to wait on an event: the in-process
    VMA_DESK_TEST_PAUSE_AT) while the GUI thread saves, as an open patient editor would."""
    signed_in(services)
    workspace = services.workspace
    ann, _ = services.patients.create(_patient("Ann"))
    reached, go = threading.Event(), threading.Event()

    def pause(step: str) -> None:
        if step == "exported":
            reached.set()
            go.wait(30)

    monkeypatch.setattr(rekey, "_pause", pause)
    dialog = shown_dialog(qtbot, services, keystore)
    shown: dict[str, str] = {}

    def save_it(key_dialog: QWidget) -> None:
        shown["key"] = key_dialog.ui.key_label.text()
        key_dialog.ui.saved_check.click()
        key_dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()

    seen: list[str] = []
    answer_question("Rotate key", seen)
    qtbot.mouseClick(dialog.rotate_button, Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(reached.is_set, timeout=20000)
        assert services.security.changing_key
        with pytest.raises(StorageError) as refused:
            services.patients.create(_patient("Bea"))
        assert refused.value.message == rekey.CHANGING
        assert services.patients.get(ann.id).first_name == "Ann"  # reading goes on
    finally:
        go.set()
    when_shown(RecoveryKeyDialog, save_it)
    qtbot.waitUntil(lambda: "key" in shown and dialog.progress is None, timeout=20000)
    assert not services.security.changing_key
    services.patients.create(_patient("Bea"))  # after the change: saved, in the new file
    workspace.lock()
    workspace.reopen_with_keyring(keystore)
    assert keystore.get(workspace.workspace_id) == parse_recovery_key(shown["key"])
    assert sorted(p.first_name for p in services.patients.search("O'Neil")) == ["Ann", "Bea"]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 4 MiB tmpfs (as root); skipped where mounting is not allowed."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(mount_point)],
                          capture_output=True, text=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {made.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_full_disk_during_a_rotation_is_said_and_the_key_is_kept(qtbot, small_disk: Path, clock,
                                                                    keystore: KeyStore):
    folder = small_disk / "workspace"
    workspace, _ = Workspace.create(folder, keystore)
    try:
        services = signed_in(Services.for_workspace(workspace, clock=clock, user="tester@desk"))
        services.patients.create(_patient("Ann"))
        workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        old_key = keystore.get(workspace.workspace_id)
        # fill the disk but for 96 KiB: the copy with the new key (the partial) cannot be written
        with (small_disk / "filler").open("wb") as filler:
            free = os.statvfs(small_disk)
            filler.write(b"\0" * (free.f_bavail * free.f_frsize - 96 * 1024))
        assert workspace.db_path.stat().st_size > 2 * 96 * 1024
        dialog = shown_dialog(qtbot, services, keystore)
        told: list[str] = []

        def read_it(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            told.append(box.text())
            box.accept()

        seen: list[str] = []
        answer_question("Rotate key", seen)
        qtbot.mouseClick(dialog.rotate_button, Qt.MouseButton.LeftButton)
        when_shown(QMessageBox, read_it)
        qtbot.waitUntil(lambda: bool(told) and dialog.progress is None, timeout=20000)
        assert "disk is full" in told[0] and "bug" not in told[0].lower()
        assert dialog.isEnabled() and dialog.rotate_button.isEnabled()
        # open as it was, with its old key; nothing of the attempt left on the disk
        assert not workspace.is_locked and services.patients.search("O'Neil")
        assert keystore.get(workspace.workspace_id) == old_key
        assert keystore.get(rekey.pending_name(workspace.workspace_id)) is None
        assert not rekey.partial_path(folder).exists()
        assert services.audit.page()[0].action is not AuditAction.REKEY
        workspace.close()
        reopened = Workspace.unlock_with_keyring(folder, keystore)
        assert reopened.integrity_problems() == []
        reopened.close()
    finally:
        workspace.close()
        for name in (workspace.workspace_id, rekey.pending_name(workspace.workspace_id)):
            keystore.delete(name)


def test_a_rotation_that_ends_while_locked_shows_its_recovery_key_after_sign_in(
        qtbot, services, keystore: KeyStore, monkeypatch: pytest.MonkeyPatch):
    signed_in(services)
    workspace = services.workspace
    reached, go = threading.Event(), threading.Event()

    def pause(step: str) -> None:
        if step == "replaced":
            reached.set()
            go.wait(30)

    monkeypatch.setattr(rekey, "_pause", pause)
    dialog = shown_dialog(qtbot, services, keystore)
    finished: list[bool] = []
    dialog.sig_finished.connect(lambda: finished.append(workspace.is_locked))
    seen: list[str] = []
    answer_question("Rotate key", seen)
    qtbot.mouseClick(dialog.rotate_button, Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(reached.is_set, timeout=20000)
        dialog.hide()  # what the window's lock does to its dialogs, then the lock itself
        workspace.lock()
    finally:
        go.set()
    qtbot.waitUntil(lambda: finished == [True] and dialog.progress is None, timeout=20000)
    assert workspace.is_locked and QApplication.activeModalWidget() is None  # nothing on the lock screen
    shown: dict[str, str] = {}

    def save_it(key_dialog: QWidget) -> None:
        shown["key"] = key_dialog.ui.key_label.text()
        key_dialog.ui.saved_check.click()
        key_dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()

    workspace.reopen_with_keyring(keystore)  # signed in again: the new key, from the keyring
    when_shown(RecoveryKeyDialog, save_it)
    dialog.show()
    qtbot.waitUntil(lambda: "key" in shown, timeout=20000)
    assert keystore.get(workspace.workspace_id) == parse_recovery_key(shown["key"])
    assert services.audit.page()[0].action is AuditAction.REKEY
