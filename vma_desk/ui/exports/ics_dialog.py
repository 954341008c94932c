"""File → Export calendar (.ics): one provider's schedule for a date range, to a file the user
names. Patient names are left out unless the user asks for them, with a warning.

The file is made on a worker thread (`run_task`: four weeks of a provider on the 5-year demo take
0.1-0.2 s), a busy bar shown meanwhile, and the window keeps painting; it is then written, with
its audit entry, on the GUI thread (`services.exports.write_file`). The worker only reads the
window's connection (see docs/architecture.md, "Reports are made off the GUI thread"); closing the
dialog waits for it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.services import Services
from vma_desk.services.ics import ics_calendar, record_ics_export
from vma_desk.ui.shared.widgets import ErrorLine, date_field, to_date
from vma_desk.ui.tasks import Progress, run_task

#: at closing, the longest wait for a file being made to end
STOP_WAIT_S = 10.0


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
        self.making_bar = QProgressBar()
        self.making_bar.setObjectName("making_calendar")
        self.making_bar.setRange(0, 0)  # busy
        self.making_bar.setTextVisible(False)
        self.making_bar.hide()
        layout.addWidget(self.making_bar)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.export_button.setText("Export…")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        #: tests set this to skip the file dialog
        self.choose_path = self._ask_for_path
        self._ended: threading.Event | None = None  # set when the worker is done with the file
        self._waiting: QEventLoop | None = None
        self._closed = False

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
        services, names = self.services, self.names_check.isChecked()

        def audited(data: bytes) -> Callable[[], bytes]:
            def make() -> bytes:
                record_ics_export(services, provider_id=provider_id, start=start, end=end,
                                  include_names=names)
                return data
            return make

        try:
            data = self._made(lambda: ics_calendar(services, provider_id=provider_id, start=start, end=end,
                                                   include_names=names))
            if data is None:  # closed meanwhile
                return
            # audited and written together: a file that cannot be written leaves no entry
            # (services.exports.deliver); the file dialog asked about replacing already
            self.services.exports.write_file(Path(path), audited(data), replace=True)
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

    def _made(self, make: Callable[[], bytes]) -> bytes | None:
        """`make()` on the worker, waited for with the event loop running (a busy bar shown, the
        buttons off); its exception raised here; None when the dialog closed meanwhile."""
        ended = threading.Event()
        outcome: list[tuple[bytes | None, BaseException | None]] = []
        loop = QEventLoop()

        def work(_progress: Progress) -> bytes:  # on the worker thread: no widgets here
            try:
                return make()
            finally:
                ended.set()

        def finished(data: bytes | None, exc: BaseException | None) -> None:
            outcome.append((data, exc))
            loop.quit()

        self._ended, self._waiting = ended, loop
        self.making_bar.show()
        self.export_button.setEnabled(False)
        run_task(work, finished)
        if not outcome:
            loop.exec()
        self._ended = self._waiting = None
        if self._closed or not outcome:
            return None
        self.making_bar.hide()
        self.export_button.setEnabled(True)
        data, exc = outcome[0]
        if exc is not None:
            raise exc
        return data

    def done(self, result: int) -> None:
        """Closing (a lock closes it) waits for a file being made: no worker reads past the lock."""
        self._closed = True
        if self._ended is not None:
            self._ended.wait(STOP_WAIT_S)
        if self._waiting is not None:
            self._waiting.quit()
        super().done(result)
