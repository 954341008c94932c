"""Export CSV… from the audit view: the practice's days FROM to TO, to a file the user chooses
(owner-only, written whole or not at all, recorded in the audit trail)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.services import Services
from vma_desk.ui.shared.widgets import ErrorLine, date_field, to_date


class AuditExportDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export the audit trail")
        self.services = services
        today = services.context.today()
        start = today - timedelta(days=30)
        self.from_edit, self.to_edit = date_field(start), date_field(today)
        self.error_label = ErrorLine()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("The entries of these days (practice time), with each entry's MAC. "
                                "The file holds record ids and field names, never patient values."))
        form = QFormLayout()
        form.addRow("&From", self.from_edit)
        form.addRow("&To", self.to_edit)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Export…")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        #: tests set this to skip the file dialog
        self.choose_path = self._ask_for_path
        #: the file written and its number of entries, once exported
        self.written: tuple[Path, int] | None = None

    def _ask_for_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), suggested, "CSV files (*.csv)")
        return path

    def _on_buttons_accepted(self) -> None:
        self.error_label.hide()
        start, end = to_date(self.from_edit.date()), to_date(self.to_edit.date())
        if end < start:
            self.error_label.say("The last day is before the first day.")
            return
        path = self.choose_path(str(Path.home() / f"audit-{start.isoformat()}-{end.isoformat()}.csv"))
        if not path:
            return
        try:  # the file dialog asked before replacing a file
            count = self.services.audit.export_csv(start, end, Path(path), replace=True)
        except ValidationError as exc:
            self.error_label.say(f"{'The last day' if exc.field == 'to' else exc.field} {exc.message}.")
            return
        except KnownError as exc:
            self.error_label.say(f"{exc.message} Choose another place.")
            return
        self.written = (Path(path), count)
        self.accept()
