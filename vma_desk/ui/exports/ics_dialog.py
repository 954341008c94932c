"""File → Export calendar (.ics): one provider's schedule for a date range, to a file the user
names. Patient names are left out unless the user asks for them, with a warning."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.services import Services
from vma_desk.services.ics import export_ics
from vma_desk.ui.shared.widgets import ErrorLine, date_field, to_date


class ExportIcsDialog(QDialog):
    sig_exported = Signal(object)  # a core Change (the export's audit entry)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export calendar (.ics)")
        self.services = services
        layout = QVBoxLayout(self)
        intro = QLabel("Writes one provider's visits as an iCalendar file for another calendar "
                       "program. Each visit shows its type and a short reference; reasons, notes "
                       "and phone numbers are never written.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.provider_combo = QComboBox()
        for provider in services.practice.providers():
            self.provider_combo.addItem(provider.display_name, provider.id)
        today = services.context.today()
        monday = today - timedelta(days=today.weekday())
        self.from_edit, self.to_edit = date_field(monday), date_field(monday + timedelta(days=27))
        self.names_check = QCheckBox("Include patient names (the file is then protected health "
                                     "information: store and share it accordingly)")
        self.error_label = ErrorLine()
        form.addRow("&Provider", self.provider_combo)
        form.addRow("&From", self.from_edit)
        form.addRow("&To", self.to_edit)
        layout.addLayout(form)
        layout.addWidget(self.names_check)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Export…")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        #: tests set this to skip the file dialog
        self.choose_path = self._ask_for_path

    def _ask_for_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, "Export calendar", suggested,
                                              "iCalendar files (*.ics)")
        return path

    def _on_buttons_accepted(self) -> None:
        self.error_label.hide()
        provider_id = self.provider_combo.currentData()
        start, end = to_date(self.from_edit.date()), to_date(self.to_edit.date())
        name = self.provider_combo.currentText().split(",")[0].replace(" ", "-").lower()
        suggested = str(Path.home() / f"{name}-{start.isoformat()}-{end.isoformat()}.ics")
        path = self.choose_path(suggested)
        if not path:
            return
        try:
            names = self.names_check.isChecked()
            # made, audited and written together: a file that cannot be written leaves no entry
            # (services.exports.deliver); the file dialog asked about replacing already
            self.services.exports.write_file(
                Path(path), lambda: export_ics(self.services, provider_id=provider_id, start=start, end=end,
                                               include_names=names), replace=True)
        except ValidationError as exc:
            self.error_label.say(f"{'The last day' if exc.field == 'to' else exc.field} {exc.message}.")
            return
        except KnownError as exc:
            self.error_label.say(exc.message)
            return
        except OSError as exc:
            self.error_label.say(f"The file could not be written ({exc.strerror}). Choose another place.")
            return
        self.sig_exported.emit(Change(RecordKind.CALENDAR, AuditAction.EXPORT))
        self.accept()
