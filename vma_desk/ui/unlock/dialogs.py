"""The unlock dialogs: one secret-entry dialog (recovery key or passphrase) and the recovery key
shown once at creation, with Copy, Save and Print."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.storage.files import write_private
from vma_desk.ui.forms.ui_recovery_key_shown import Ui_RecoveryKeyShown
from vma_desk.ui.forms.ui_secret_entry import Ui_SecretEntry


def run_modal(dialog: QDialog) -> bool:
    """Run a parentless dialog modally and hand it to Qt for deletion: left to Python's garbage
    collector, its widgets may be torn down after their C++ parent (a crash at exit)."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted


class SecretEntryDialog(QDialog):
    """Asks for a recovery key or passphrase and tries it with `attempt` before closing.

    A failed attempt shows its message under the field and keeps what was typed; `result_value`
    holds what `attempt` returned once it succeeded.
    """

    def __init__(
        self,
        *,
        title: str,
        explanation: str,
        label: str,
        attempt: Callable[[str, str], Any],
        secret: bool = True,
        confirm: bool = False,
        ok_text: str = "Unlock",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SecretEntry()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.heading_label.setText(title)
        self.ui.heading_label.setProperty("role", "heading")
        self.ui.explanation_label.setText(explanation)
        self.ui.secret_label.setText(label)
        self._attempt = attempt
        self._secret = secret
        self.result_value: Any = None
        for error in (self.ui.secret_error, self.ui.confirm_error):
            error.setProperty("role", "field-error")
            error.hide()
        self.ui.confirm_label.setVisible(confirm)
        self.ui.confirm_edit.setVisible(confirm)
        self._confirm = confirm
        self.ui.show_secret_check.setVisible(secret)
        self.ui.show_secret_check.toggled.connect(self._on_show_secret_check_toggled)
        self._on_show_secret_check_toggled(False)
        if not secret:
            mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            self.ui.secret_edit.setFont(mono)
            self.ui.secret_edit.setPlaceholderText("XXXXX-XXXXX-XXXXX-…")
        ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        self.ui.button_box.accepted.connect(self._on_button_box_accepted)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.secret_edit.setFocus()
        self.setMinimumWidth(480)

    def _on_show_secret_check_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if (shown or not self._secret) else QLineEdit.EchoMode.Password
        self.ui.secret_edit.setEchoMode(mode)
        self.ui.confirm_edit.setEchoMode(mode)

    def show_error(self, field: str, message: str) -> None:
        target = self.ui.confirm_error if field == "confirmation" else self.ui.secret_error
        edit = self.ui.confirm_edit if field == "confirmation" else self.ui.secret_edit
        target.setText(message)
        target.show()
        edit.setProperty("invalid", True)
        edit.style().unpolish(edit)
        edit.style().polish(edit)
        edit.setFocus()
        edit.selectAll()

    def _clear_errors(self) -> None:
        for error, edit in ((self.ui.secret_error, self.ui.secret_edit),
                            (self.ui.confirm_error, self.ui.confirm_edit)):
            error.hide()
            edit.setProperty("invalid", False)
            edit.style().unpolish(edit)
            edit.style().polish(edit)

    def _on_button_box_accepted(self) -> None:
        self._clear_errors()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result_value = self._attempt(
                self.ui.secret_edit.text(), self.ui.confirm_edit.text() if self._confirm else ""
            )
        except ValidationError as exc:
            self.show_error(exc.field, f"This {exc.message}." if exc.field != "confirmation"
                            else f"The repeated passphrase {exc.message}.")
            return
        except KnownError as exc:
            self.show_error("secret", exc.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()


class RecoveryKeyDialog(QDialog):
    """Shows a new workspace's recovery key once; closes only after the user says it is saved."""

    def __init__(self, recovery_key: str, workspace_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RecoveryKeyShown()
        self.ui.setupUi(self)
        self._key = recovery_key
        self._dir = workspace_dir
        self.ui.heading_label.setProperty("role", "heading")
        self.ui.key_label.setText(recovery_key)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10) * 1.4)
        mono.setWeight(QFont.Weight.DemiBold)
        self.ui.key_label.setFont(mono)
        self.ui.key_label.setProperty("role", "recovery-key")
        self.ui.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.ui.save_button.clicked.connect(self._on_save_button_clicked)
        self.ui.print_button.clicked.connect(self._on_print_button_clicked)
        self._ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setEnabled(False)
        self.ui.saved_check.toggled.connect(self._ok.setEnabled)
        self.ui.button_box.accepted.connect(self.accept)

    def reject(self) -> None:  # Esc must not skip past the only chance to save the key
        if self.ui.saved_check.isChecked():
            super().reject()

    def done(self, result: int) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() == self._key:  # don't leave the key for clipboard managers to keep
            clipboard.clear()
        super().done(result)

    def _text(self) -> str:
        return (
            "VMA Desk recovery key\n\n"
            f"Workspace folder: {self._dir}\n"
            f"Recovery key: {self._key}\n\n"
            "Keep this somewhere safe, away from the laptop. Anyone with this key and the "
            "workspace file can read the workspace.\n"
        )

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self._key)

    def _on_save_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save recovery key", str(Path.home() / "vma-desk-recovery-key.txt"),
            "Text files (*.txt)",
        )
        if not path:
            return
        try:  # readable by this user only; the file dialog already asked about replacing
            write_private(Path(path), self._text().encode("utf-8"), replace=True)
        except OSError as exc:
            QMessageBox.warning(self, "Recovery key not saved",
                                f"The file could not be written ({exc.strerror}). Choose another "
                                "place, or print the key instead.")
            return
        self.ui.saved_check.setChecked(True)

    def _on_print_button_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            document = QTextDocument()
            document.setPlainText(self._text())
            document.print_(printer)
            self.ui.saved_check.setChecked(True)
