"""Edit → Workspace security…: how the workspace is protected (the OS keyring or a passphrase) and,
for a practice manager, "Rotate key…", "Use a passphrase…", "Change passphrase…" and "Use the OS
keyring". Every change asks first (saying what the old key still opens), runs in the background
with a progress dialog (`run_task`), and a new recovery key is shown once in the same dialog as at
creation (Copy, Save, Print, "I have saved it"). services.security does the work and the audit;
anyone else sees the protection read-only with a line saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vma_desk.core.errors import KnownError, StorageError, WrongPassphraseError
from vma_desk.services import Services
from vma_desk.services.security import OLD_KEY_NOTE, OLD_PASSPHRASE_NOTE
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.rekey import KeyChange
from vma_desk.storage.workspace import Protection
from vma_desk.ui.shared.widgets import confirm
from vma_desk.ui.tasks import run_task
from vma_desk.ui.unlock.dialogs import RecoveryKeyDialog, SecretEntryDialog

READ_ONLY_TEXT = "Only a practice manager can change the workspace's key or how it is protected."
KEYRING_TEXT = ("This workspace is protected by the OS keyring: its key is kept in this computer's keyring, "
                "so VMA Desk opens it by itself, and the recovery key opens it anywhere.")
PASSPHRASE_TEXT = ("This workspace is protected by a passphrase: it is asked each time VMA Desk starts, "
                   "and there is no recovery key.")


class WorkspaceSecurityDialog(QDialog):
    sig_changed = Signal(object)  # a core Change, after each key change
    #: after each key change ends, done or not (a lock deferred meanwhile may run now)
    sig_finished = Signal()

    def __init__(self, services: Services, keystore: KeyStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.keystore = keystore
        self.setWindowTitle("Workspace security")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.read_only_label = QLabel(READ_ONLY_TEXT)
        self.read_only_label.setObjectName("read_only_label")
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.read_only_label)
        buttons = QHBoxLayout()
        self.rotate_button = QPushButton("&Rotate key…")
        self.passphrase_button = QPushButton("Use a &passphrase…")
        self.change_button = QPushButton("&Change passphrase…")
        self.keyring_button = QPushButton("Use the OS &keyring")
        for button, slot in ((self.rotate_button, self.rotate_key),
                             (self.passphrase_button, self.use_passphrase),
                             (self.change_button, self.use_passphrase),
                             (self.keyring_button, self.use_keyring)):
            button.clicked.connect(lambda _checked=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        #: the progress dialog while a change runs (None otherwise)
        self.progress: QProgressDialog | None = None
        #: a change that ended while the workspace was locked: told when shown again, unlocked
        self._untold: tuple[KeyChange, Any] | None = None
        self.refresh()

    # --- state -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        security = self.services.security
        keyring = security.protection is Protection.KEYRING
        self.status_label.setText(KEYRING_TEXT if keyring else PASSPHRASE_TEXT)
        manager = security.may_change()
        self.read_only_label.setVisible(not manager)
        self.rotate_button.setVisible(keyring)
        self.passphrase_button.setVisible(keyring)
        self.change_button.setVisible(not keyring)
        self.keyring_button.setVisible(not keyring)
        for button in (self.rotate_button, self.passphrase_button, self.change_button):
            button.setEnabled(manager)
        self.keyring_button.setEnabled(manager and self.keystore.available)
        self.keyring_button.setToolTip("" if self.keystore.available else self.keystore.reason)

    # --- the changes -----------------------------------------------------------------------------
    def rotate_key(self) -> None:
        if not confirm(self, "Rotate the workspace key",
                       "Give the workspace a new random key and a new recovery key?\n\n"
                       f"{OLD_KEY_NOTE}\n\nYou will be shown the new recovery key once, to save or print.",
                       "Rotate key", "Cancel"):
            return
        self._run("Rotating the workspace key…",
                  lambda report: self.services.security.rotate_key(self.keystore, progress=report))

    def use_keyring(self) -> None:
        if not confirm(self, "Use the OS keyring",
                       "Protect the workspace with a new random key kept in this computer's keyring? It "
                       "will open by itself, and you get a recovery key to save.\n\n" + OLD_PASSPHRASE_NOTE,
                       "Use the keyring", "Cancel"):
            return
        self._run("Switching to the OS keyring…",
                  lambda report: self.services.security.use_keyring(self.keystore, progress=report))

    def use_passphrase(self) -> None:
        security = self.services.security
        changing = security.protection is Protection.PASSPHRASE
        if changing and not self._current_passphrase_given():
            return
        entry = SecretEntryDialog(
            title="New passphrase" if changing else "Use a passphrase",
            explanation=("Choose the workspace's new passphrase (at least 10 characters). It will be asked "
                         "each time VMA Desk starts; nobody can open the workspace without it."),
            label="&New passphrase", attempt=lambda text, again: security.check_new_passphrase(text, again),
            confirm=True, ok_text="Continue", parent=self)
        entry.setObjectName("new_passphrase_dialog")
        if entry.exec() != QDialog.DialogCode.Accepted:
            entry.deleteLater()
            return
        passphrase = entry.result_value
        entry.deleteLater()
        question = ("Give the workspace this new passphrase?\n\n" + OLD_PASSPHRASE_NOTE if changing else
                    "Protect the workspace with this passphrase instead of the OS keyring? Its key will be "
                    "removed from the keyring, and there is no recovery key: without the passphrase nobody "
                    "can open the workspace.\n\n" + OLD_KEY_NOTE)
        if not confirm(self, "Change passphrase" if changing else "Use a passphrase", question,
                       "Change passphrase" if changing else "Use the passphrase", "Cancel"):
            return
        self._run("Changing the passphrase…" if changing else "Switching to a passphrase…",
                  lambda report: security.use_passphrase(self.keystore, passphrase, progress=report))

    def _current_passphrase_given(self) -> bool:
        workspace = self.services.workspace

        def attempt(text: str, _again: str) -> bool:
            if not workspace.matches_passphrase(text):
                raise WrongPassphraseError("That is not the current passphrase.")
            return True

        dialog = SecretEntryDialog(title="Current passphrase",
                                   explanation="Enter the workspace's current passphrase first.",
                                   label="&Current passphrase", attempt=attempt, ok_text="Continue",
                                   parent=self)
        dialog.setObjectName("current_passphrase_dialog")
        given = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return given

    def _run(self, title: str, work: Callable[[Callable[[int, int, str], None]], Any]) -> None:
        progress = QProgressDialog(title, "", 0, 100, self)
        progress.setWindowTitle("Workspace security")
        progress.setCancelButton(None)  # a half-made change is undone, never left: no Cancel
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setValue(0)
        self.progress = progress
        self.setEnabled(False)

        def on_progress(done: int, total: int, label: str) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)
            progress.setLabelText(f"{title}\n{label}")

        run_task(work, self._on_done, on_progress)

    def _on_done(self, result: Any, error: BaseException | None) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.setEnabled(True)
        self.sig_finished.emit()  # a lock deferred meanwhile runs now: then the result waits for it
        self._report(result, error)

    def _report(self, result: Any, error: BaseException | None) -> None:
        locked = self.services.workspace.is_locked
        if not locked:
            self.refresh()
        if isinstance(error, OSError):  # storage/rekey.py says these plainly; never "a bug"
            error = StorageError(f"The workspace's key could not be changed: {error.strerror or error}.")
        if isinstance(error, KnownError):
            QMessageBox.warning(self, "Workspace security", error.message)
            return
        if error is not None:
            raise error
        if locked:  # no recovery key on a locked screen: told to whoever this dialog is shown to
            self._untold = result
            return
        done, change = result
        self.sig_changed.emit(change)
        self._tell(done)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._untold is not None and not self.services.workspace.is_locked:
            result, self._untold = self._untold, None
            self.refresh()
            QTimer.singleShot(0, self, lambda: self._report(result, None))

    def _tell(self, done: KeyChange) -> None:
        note = OLD_KEY_NOTE if done.before == "keyring" else OLD_PASSPHRASE_NOTE
        if done.recovery_key is not None:
            dialog = RecoveryKeyDialog(done.recovery_key, self.services.workspace.data_dir, self)
            dialog.setObjectName("new_recovery_key_dialog")
            dialog.ui.heading_label.setText("Save your new recovery key now")
            dialog.ui.explanation_label.setText(
                "The workspace has a new key, kept in this computer's keyring. This recovery key opens it "
                "if the keyring is ever reset, or on another computer. It is shown once: save it or print "
                f"it and keep it somewhere safe, away from this laptop.\n\n{note}")
            dialog.exec()
            dialog.deleteLater()
        else:
            QMessageBox.information(
                self, "Workspace security",
                "The workspace is now protected by the new passphrase."
                + (" Its key was removed from the OS keyring." if done.before == "keyring" else ""))
        if done.warning:
            QMessageBox.warning(self, "Workspace security", done.warning)
