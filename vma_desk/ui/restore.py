"""File → Restore from backup…: a workspace rebuilt from a backup file in a NEW folder.

The same checks as `vma-desk restore` (services/backups.restore does the work on a worker thread):
the backup is verified with the recovery key or passphrase before anything is made, a folder that
already holds a workspace is refused (never overwritten), the copy is verified again, a keyring
workspace's key goes into the OS keyring, and the restore is audited in the restored workspace.
Afterwards the dialog offers to open it (`sig_open_requested`, the window's switch-practice path).
Errors appear beside their fields; the current workspace is never touched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vma_desk.core.clock import Clock
from vma_desk.core.errors import KnownError, ValidationError, WorkspaceExistsError, WrongKeyError
from vma_desk.services import backups
from vma_desk.storage.backup import SUFFIX
from vma_desk.storage.keys import KeyStore
from vma_desk.ui.shared.widgets import FIELD_ERROR_STYLE, FieldErrors, FieldSlot
from vma_desk.ui.tasks import Progress, run_task


class RestoreDialog(QDialog):
    #: the restored workspace's folder, to open instead of this one
    sig_open_requested = Signal(object)

    def __init__(self, keystore: KeyStore, parent: QWidget | None = None, *, clock: Clock | None = None,
                 synchronous: bool = False) -> None:
        super().__init__(parent)
        self.keystore = keystore
        self.clock = clock
        self.synchronous = synchronous
        self.restored: Path | None = None
        self.setObjectName("restore_dialog")
        self.setWindowTitle("Restore from backup")
        self.setStyleSheet(FIELD_ERROR_STYLE)
        layout = QVBoxLayout(self)
        intro = QLabel("Rebuild a workspace from one of its backups, in a new folder: the backup is "
                       "checked first, and a folder that already holds a workspace is never "
                       "overwritten. This workspace stays as it is.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("backup_file_edit")
        self.file_edit.setPlaceholderText(f"a file ending in {SUFFIX}")
        self.file_button = QPushButton("B&rowse…")
        self.file_button.setAutoDefault(False)
        self.file_error = QLabel()
        form.addRow(self._label("Backup &file", self.file_edit), self._row(self.file_edit, self.file_button))
        form.addRow("", self.file_error)
        self.recovery_radio = QRadioButton("Recovery &key")
        self.passphrase_radio = QRadioButton("&Passphrase")
        self.recovery_radio.setChecked(True)
        kind = QHBoxLayout()
        kind.addWidget(self.recovery_radio)
        kind.addWidget(self.passphrase_radio)
        kind.addStretch(1)
        form.addRow("Opens with", kind)
        self.secret_edit = QLineEdit()
        self.secret_edit.setObjectName("secret_edit")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setPlaceholderText("XXXXX-XXXXX-… (the key shown when the workspace was made)")
        self.secret_error = QLabel()
        self.secret_label = self._label("&Key", self.secret_edit)
        form.addRow(self.secret_label, self.secret_edit)
        form.addRow("", self.secret_error)
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("new_folder_edit")
        self.folder_edit.setPlaceholderText("a new or empty folder")
        self.folder_button = QPushButton("C&hoose…")
        self.folder_button.setAutoDefault(False)
        self.folder_error = QLabel()
        form.addRow(self._label("New &folder", self.folder_edit),
                    self._row(self.folder_edit, self.folder_button))
        form.addRow("", self.folder_error)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("restore_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton("&Open restored workspace",
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(self.buttons)
        self.general = QLabel()
        layout.addWidget(self.general)
        self.errors = FieldErrors(self.general)
        FieldErrors.prepare(self.file_error, self.secret_error, self.folder_error)
        self.slots = {"file": FieldSlot(self.file_edit, self.file_error, "The backup file"),
                      "recovery_key": FieldSlot(self.secret_edit, self.secret_error, "The recovery key"),
                      "passphrase": FieldSlot(self.secret_edit, self.secret_error, "The passphrase"),
                      "folder": FieldSlot(self.folder_edit, self.folder_error, "The new folder")}
        self.file_button.clicked.connect(self._on_file_button_clicked)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.passphrase_radio.toggled.connect(self._on_passphrase_radio_toggled)
        self.restore_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.resize(620, 340)
        self.file_edit.setFocus()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        return row

    def _on_passphrase_radio_toggled(self, on: bool) -> None:
        self.secret_label.setText("&Passphrase" if on else "&Key")
        self.secret_edit.setPlaceholderText("the workspace's passphrase" if on else
                                            "XXXXX-XXXXX-… (the key shown when the workspace was made)")

    def _on_file_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose the backup", self.file_edit.text(),
                                              f"VMA Desk backups (*{SUFFIX});;All files (*)")
        if name:
            self.file_edit.setText(name)

    def _on_folder_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a new, empty folder", self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    # --- restoring ---------------------------------------------------------------------------------------
    def _inputs(self) -> tuple[Path, Path, str]:
        """What was typed, checked before anything is read; ValidationError names the field."""
        file_text, folder_text = self.file_edit.text().strip(), self.folder_edit.text().strip()
        if not file_text:
            raise ValidationError("file", "is required")
        backup_file = Path(file_text).expanduser()
        if not backup_file.is_file():
            raise ValidationError("file", f"{backup_file} is not there")
        if not self.secret_edit.text():
            raise ValidationError("passphrase" if self.passphrase_radio.isChecked() else "recovery_key",
                                  "is required")
        if not folder_text:
            raise ValidationError("folder", "is required")
        folder = Path(folder_text).expanduser()
        if not folder.is_absolute():
            raise ValidationError("folder", "must be a full path (or use Choose…)")
        return backup_file, folder, self.secret_edit.text()

    def start(self) -> None:
        self.errors.clear()
        self.status.clear()
        try:
            backup_file, folder, secret = self._inputs()
        except ValidationError as exc:
            self.errors.show(self.slots[exc.field], exc.message)
            return
        with_passphrase = self.passphrase_radio.isChecked()
        keystore, clock = self.keystore, self.clock

        def work(progress: Progress) -> dict[str, int]:  # on the worker thread
            workspace, counts = backups.restore(
                backup_file, folder, keystore, progress=progress, clock=clock,
                passphrase=secret if with_passphrase else None,
                recovery_key=None if with_passphrase else secret)
            workspace.close()
            return counts

        self._busy(True)
        self.status.setText("Checking the backup…")
        run_task(work, lambda counts, exc: self._on_done(folder, counts, exc), self._on_progress,
                 synchronous=self.synchronous)

    def _busy(self, busy: bool) -> None:
        for widget in (self.file_edit, self.file_button, self.secret_edit, self.folder_edit,
                       self.folder_button, self.recovery_radio, self.passphrase_radio, self.restore_button):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setValue(0)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setValue(100 * done // max(total, 1))
        if label:
            self.status.setText(f"Restoring: {label}…")

    def _on_done(self, folder: Path, counts: dict[str, int] | None, exc: BaseException | None) -> None:
        self._busy(False)
        self.secret_edit.clear()
        if exc is not None:
            self.status.clear()
            if isinstance(exc, ValidationError):
                self.errors.show(self.slots.get(exc.field, self.slots["recovery_key"]), exc.message)
            elif isinstance(exc, WorkspaceExistsError):
                self.errors.show(self.slots["folder"], exc.message)
            elif isinstance(exc, WrongKeyError) or (isinstance(exc, KnownError) and "passphrase" in exc.code):
                self.errors.show(self.slots["passphrase" if self.passphrase_radio.isChecked()
                                            else "recovery_key"], exc.message)
            elif isinstance(exc, KnownError):
                self.errors.show(self.slots["file"], exc.message)
            else:
                self.errors.show_general(f"The restore failed ({type(exc).__name__}); nothing was kept "
                                         "in the new folder and this workspace is unchanged.")
            return
        assert counts is not None  # run_task gives the work's value when it raised nothing
        self.restored = folder
        records = backups.total_records(counts)
        self.status.setText(f"Restored and checked: {records:,} records in {folder}. The restore is "
                            "recorded in that workspace's audit log. Open it now?")
        self.restore_button.hide()
        self.open_button.show()
        self.open_button.setDefault(True)
        self.open_button.setFocus()

    def _on_open_button_clicked(self) -> None:
        if self.restored is not None:
            self.accept()
            self.sig_open_requested.emit(self.restored)
