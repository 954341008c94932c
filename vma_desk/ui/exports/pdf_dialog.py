"""File → Export → a PDF report (huddle sheet, patient summary, activity summary, a patient's
accounting of disclosures: the releases of their records sent, six years back by default): choose what it
covers, see it (QtPdf, from memory), then print it or save it where the user chooses, optionally
protected with a password (AES-256).

The report is made in memory and shown from memory: no file exists until the user saves one, and
a protected one is encrypted before it is written. Saving and printing are both deliberate acts;
saving is audited by the service.

The report is made on a worker thread (`run_task`; a sheet of the 5-year demo takes a few hundred
ms), "Making the report…" with a busy bar beside Preview meanwhile, so the window keeps painting and
taking keys. The worker reads through the window's own services (their one SQLCipher connection,
which SQLite serialises: it is opened `check_same_thread=False` and SQLite is built THREADSAFE=1);
what a report writes (the patient summary's audited opening) is written on the GUI thread before
the work starts, so the worker reads only and never joins a transaction. Closing the dialog (a
lock closes it) waits for a report being made to end, so no worker reads past the lock.
`preview()` waits for its report with the event loop running (Save and Print use it when the
fields changed); the Preview button, F5 and the fields' changes start one without waiting.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEventLoop,
    QIODevice,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPagedPaintDevice, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import AuditAction, Change, RecordKind, Role
from vma_desk.core.records_requests import accounting_start
from vma_desk.services import Services
from vma_desk.ui.shared.patient_picker import PatientPicker
from vma_desk.ui.shared.widgets import DateEdit
from vma_desk.ui.tasks import Progress, run_task

log = logging.getLogger(__name__)

#: at closing, the longest wait for a report being made to end (it ends within a second)
STOP_WAIT_S = 10.0
MAKING = "Making the report…"
#: what a report refuses with, its reason shown beside the fields
REFUSALS = (ValidationError, KnownError)


@dataclass(frozen=True)
class ReportChoice:
    """What one report covers, as chosen in the dialog."""

    kind: str  # "huddle", "patient-summary", "activity", "disclosures"
    detail: str  # for the audit trail: dates and ids, never names
    file_name: str  # suggested
    #: on the worker thread: reads only, and imports the report there (reportlab's first import
    #: takes about 0.2 s)
    make: Callable[[], bytes]
    #: on the GUI thread before `make` (what making it writes: the patient summary's opening)
    before: Callable[[], None] | None = None


@dataclass
class _Making:
    """One report being made on the worker; `ended` is set when the worker is done with it."""

    choice: ReportChoice
    ended: threading.Event = field(default_factory=threading.Event)
    done: bool = False
    pdf: bytes | None = None
    error: BaseException | None = None
    loop: QEventLoop | None = None  # preview() waiting for it


KINDS = {"huddle": "Daily huddle sheet", "patient-summary": "Patient communication summary",
         "activity": "Activity summary", "handoff": "Shift handoff",
         "disclosures": "Accounting of disclosures"}
#: the reports made for one patient, chosen with the patient picker
PATIENT_KINDS = ("patient-summary", "disclosures")


#: pages are drawn at this resolution at most: finer costs memory (a letter page at 1200 dpi is
#: ~540 MB of pixels) and nothing a reader sees
PRINT_DPI = 300


def pages_chosen(first: int, last: int, count: int) -> list[int]:
    """The 0-based pages of a print dialog's range (1-based, 0 and 0 for "all")."""
    if first <= 0 or last <= 0:
        return list(range(count))
    return list(range(max(first, 1) - 1, min(last, count)))


def paint_pages(document: QPdfDocument, pages: Sequence[int], painter: QPainter,
                device: QPagedPaintDevice, dpi: int) -> int:
    """Draw `pages` of `document`, one a sheet, scaled to the painter's viewport; returns how many
    were drawn (a page that cannot be rendered stops it)."""
    drawn = 0
    for number, page in enumerate(pages):
        points = document.pagePointSize(page)
        size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
        image = document.render(page, size)
        if image.isNull():
            break
        if number:
            device.newPage()
        scaled = size.scaled(painter.viewport().size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRect(QPoint(0, 0), scaled), image)
        drawn += 1
    return drawn


class PdfExportDialog(QDialog):
    #: a lock closes this window (it shows patient data and holds no form being filled in)
    closes_on_lock = True

    sig_exported = Signal(object)  # a core Change (the export's audit entry)
    #: a report made and shown (True) or refused with its reason shown (False)
    sig_previewed = Signal(bool)

    def __init__(self, services: Services, kind: str, parent: QWidget | None = None, *,
                 day: date | None = None, provider_id: int | None = None,
                 patient_id: int | None = None, handoff_note: str = "",
                 handoff_to: int | None = None) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"unknown report {kind!r}")
        self.services, self.kind = services, kind
        self.setWindowTitle(f"Export {KINDS[kind].lower()} (PDF)")
        self._pdf: bytes | None = None
        self._choice: ReportChoice | None = None
        self._buffer: QBuffer | None = None
        self._making: _Making | None = None
        self._encrypting: _Making | None = None  # Save's encryption
        self._again = False  # the fields changed while a report was being made
        self._closed = False
        #: the shift handoff's note and who it is for, as typed in the End shift dialog
        self.handoff_note, self.handoff_to = handoff_note, handoff_to
        self.document = QPdfDocument(self)
        #: tests set these to skip the file and print dialogs
        self.choose_path: Callable[[str], str] = self._ask_for_path
        self.choose_printer: Callable[[QPrinter], bool] | None = None

        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self._build_choices(day, provider_id, patient_id)
        layout.addLayout(self.form)
        self.preview_button = QPushButton("&Preview")
        self.preview_button.setToolTip("Make the report and show it here (F5)")
        self.preview_button.clicked.connect(self.start_preview)
        QShortcut(QKeySequence("F5"), self, self.start_preview)
        self.pages_label = QLabel()
        self.making_bar = QProgressBar()
        self.making_bar.setObjectName("making_report")
        self.making_bar.setRange(0, 0)  # busy: a report has no steps to count
        self.making_bar.setMaximumWidth(160)
        self.making_bar.setTextVisible(False)
        self.making_bar.hide()
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addWidget(self.making_bar)
        row.addWidget(self.pages_label, 1)
        layout.addLayout(row)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_preview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setMinimumHeight(360)
        layout.addWidget(self.view, 1)

        self.protect_check = QCheckBox("Protect the saved file with a pass&word (AES-256)")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("at least 8 characters")
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setPlaceholderText("the same again")
        self.protect_check.toggled.connect(self._on_protect_check_toggled)
        secret = QHBoxLayout()
        secret.addWidget(self.protect_check)
        secret.addWidget(self.password_edit)
        secret.addWidget(self.confirm_edit)
        layout.addLayout(secret)
        self._on_protect_check_toggled(False)
        self.error_label = QLabel()
        self.error_label.setObjectName("export_error")
        self.error_label.setProperty("role", "field-error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QHBoxLayout()
        self.print_button = QPushButton("P&rint…")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton("&Save as PDF…")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setDefault(True)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(820, screen.width() - 40) if screen else 820,
                    min(760, screen.height() - 60) if screen else 760)
        # the preview follows the fields: made again a moment after one changes (and at once
        # for a report whose fields are filled in already)
        self._auto = QTimer(self)
        self._auto.setSingleShot(True)
        self._auto.setInterval(400)
        self._auto.timeout.connect(self._on_auto_timeout)
        for edit in self.findChildren(DateEdit):
            edit.dateChanged.connect(self._auto.start)
        if self.kind == "huddle":
            self.provider_combo.currentIndexChanged.connect(self._auto.start)
        elif self.kind in PATIENT_KINDS:
            self.patient_picker.sig_patient_chosen.connect(self._auto.start)
        if self.kind not in PATIENT_KINDS or patient_id is not None:
            self._auto.start()

    # what the report covers ---------------------------------------------------------------------
    def _build_choices(self, day: date | None, provider_id: int | None, patient_id: int | None) -> None:
        today = self.services.context.today()
        if self.kind == "handoff":  # the End shift dialog chose what it covers: the shift so far
            return
        if self.kind == "huddle":
            self.day_edit = DateEdit()
            self.day_edit.set_value(day or today)
            self.provider_combo = QComboBox()
            self.provider_combo.addItem("Every provider (a page each)", None)
            # inactive providers too: one who has left may still have visits to hand over
            for provider in self.services.practice.staff(role=Role.PROVIDER, active_only=False):
                label = provider.display_name + ("" if provider.active else " (inactive)")
                self.provider_combo.addItem(label, provider.id)
            index = self.provider_combo.findData(provider_id)
            if provider_id is not None and index < 0:
                raise ValueError(f"provider {provider_id} is not on the staff list")
            self.provider_combo.setCurrentIndex(max(index, 0))
            self.form.addRow("&Day", self.day_edit)
            self.form.addRow("Pro&vider", self.provider_combo)
            return
        if self.kind in PATIENT_KINDS:
            self.patient_picker = PatientPicker()
            self.patient_picker.set_services(self.services)
            if patient_id is not None:
                self.patient_picker.set_patient(self.services.patients.get(patient_id))
            self.form.addRow("P&atient", self.patient_picker)
            # an accounting covers the six years before it is asked for (HIPAA)
            first = accounting_start(today) if self.kind == "disclosures" else today - timedelta(days=90)
        else:
            first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)  # last month
            today = today.replace(day=1) - timedelta(days=1)
        self.from_edit, self.to_edit = DateEdit(), DateEdit()
        self.from_edit.set_value(first)
        self.to_edit.set_value(today)
        self.form.addRow("&From", self.from_edit)
        self.form.addRow("&To", self.to_edit)

    def choice(self) -> ReportChoice:
        """What the fields say, as a report to make; a `ValidationError` for a missing field."""
        services = self.services
        if self.kind == "handoff":
            note, to_user_id, user_id = self.handoff_note, self.handoff_to, services.context.user_id
            day = services.context.today()

            def make_handoff() -> bytes:
                from vma_desk.reports import handoff

                return handoff.build(services, note, to_user_id=to_user_id)

            return ReportChoice("handoff", f"user {user_id}, {day}", f"handoff-{day}.pdf", make_handoff)
        if self.kind == "huddle":
            day = self._day(self.day_edit, "day")
            provider_id = self.provider_combo.currentData()
            detail = day.isoformat() + (f", provider {provider_id}" if provider_id else "")
            suffix = f"-{provider_id}" if provider_id else ""

            def make_huddle() -> bytes:
                from vma_desk.reports import huddle

                return huddle.build(services, day, provider_id)

            return ReportChoice("huddle", detail, f"huddle-{day.isoformat()}{suffix}.pdf", make_huddle)
        start, end = self._day(self.from_edit, "from"), self._day(self.to_edit, "to")
        if self.kind == "patient-summary":
            patient_id = self.patient_picker.required_id()

            def opened() -> None:  # each summary previewed is an opening of the patient's record
                services.patients.open(patient_id, f"patient summary preview, {start} to {end}")

            def make_summary() -> bytes:
                from vma_desk.reports import patient_summary

                return patient_summary.build(services, patient_id, start, end)

            return ReportChoice("patient-summary", f"patient {patient_id}, {start} to {end}",
                                f"patient-{patient_id}-{start}-{end}.pdf", make_summary, opened)
        if self.kind == "disclosures":
            return self._disclosures(start, end)

        def make_activity() -> bytes:
            from vma_desk.reports import activity

            return activity.build(services, start, end)

        return ReportChoice("activity", f"{start} to {end}", f"activity-{start}-{end}.pdf", make_activity)

    def _disclosures(self, start: date, end: date) -> ReportChoice:
        """A patient's accounting of disclosures from `start` to `end`: each preview opens the
        patient's record (audited), as the patient summary's does."""
        services, patient_id = self.services, self.patient_picker.required_id()
        if end < start:
            raise ValidationError("to", "must not be before the start")

        def opened() -> None:
            services.patients.open(patient_id, f"accounting of disclosures preview, {start} to {end}")

        def make_disclosures() -> bytes:
            from vma_desk.reports import disclosures

            return disclosures.build(services, patient_id, start, end)

        return ReportChoice("disclosures", f"patient {patient_id}, {start} to {end}",
                            f"disclosures-{patient_id}-{start}-{end}.pdf", make_disclosures, opened)

    def _on_auto_timeout(self) -> None:
        try:
            self.choice()
        except (ValidationError, KnownError):
            return  # a field is not filled in yet: the preview waits (F5 says why)
        self.start_preview()

    @staticmethod
    def _day(edit: DateEdit, field: str) -> date:
        value = edit.value()
        if value is None:
            raise ValidationError(field, "enter a date (MM/DD/YYYY)")
        return value

    # making and showing -------------------------------------------------------------------------
    def preview(self) -> bool:
        """Make the report in memory and show it, waiting for it with the event loop running;
        False (with the reason shown) when refused or when the dialog closed meanwhile."""
        while self._making is not None:  # one is being made: wait for it, then make this one
            if not self._wait(self._making):
                return False
        making = self._start()
        return making is not None and self._wait(making)

    def start_preview(self) -> None:
        """Make the report and show it when it is made, without waiting (the Preview button, F5,
        a field changed): the reason is shown when refused."""
        if self._making is not None:  # made again once this one is shown, if the fields changed
            try:
                same = self.choice().detail == self._making.choice.detail
            except REFUSALS:
                same = False
            self._again = self._again or not same
            return
        self._start()

    def _start(self) -> _Making | None:
        """Check the fields and start making the report on the worker; None (the reason shown)
        when a field is refused."""
        self._clear_error()
        self._again = False
        try:
            choice = self.choice()
            if choice.before is not None:
                choice.before()
        except REFUSALS as exc:
            self._refused(exc)
            return None
        making = _Making(choice)
        self._making = making
        self.making_bar.show()
        self.pages_label.setText(MAKING)

        def work(progress: Progress) -> bytes:  # on the worker thread: no widgets here
            try:
                progress(0, 0, MAKING)
                return choice.make()
            finally:
                making.ended.set()

        run_task(work, lambda pdf, exc: self._on_made(making, pdf, exc))
        return making

    def _wait(self, making: _Making) -> bool:
        """Wait for `making` with the event loop running; True when its report is shown. A bug
        in making it is raised here, as it was when the report was made on this thread."""
        if not making.done:
            making.loop = QEventLoop()
            making.loop.exec()
            making.loop = None
        if self._closed:
            return False
        if making.error is not None and not isinstance(making.error, REFUSALS):
            raise making.error
        return making.pdf is not None

    def _on_made(self, making: _Making, pdf: bytes | None, exc: BaseException | None) -> None:
        """Back on the GUI thread: show the report made (or why not), unless the dialog closed."""
        making.done, making.pdf, making.error = True, pdf, exc
        if self._making is making:
            self._making = None
        if making.loop is not None:
            making.loop.quit()
        if self._closed or not Shiboken.isValid(self):
            return
        self.making_bar.hide()
        if pdf is not None:
            self._show(making.choice, pdf)
        else:
            self.pages_label.clear()
            if isinstance(exc, REFUSALS):
                self._refused(exc)
            elif exc is not None and making.loop is None:  # a bug, nobody waiting: the crash handler
                raise exc
        if pdf is not None or isinstance(exc, REFUSALS):
            self.sig_previewed.emit(pdf is not None)
        if self._again:
            self.start_preview()

    def _refused(self, exc: ValidationError | KnownError) -> None:
        if isinstance(exc, ValidationError):
            self._show_error(f"{exc.field.replace('_', ' ').capitalize()}: {exc.message}.")
        else:
            self._show_error(exc.message)

    def _show(self, choice: ReportChoice, pdf: bytes) -> None:
        self._choice, self._pdf = choice, pdf
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        count = self.document.pageCount()
        self.pages_label.setText(f"{count} page{'s' if count != 1 else ''}")

    def _current(self) -> bytes | None:
        """The report as the fields now say (made again only when a field changed)."""
        try:
            same = self._choice is not None and self.choice().detail == self._choice.detail
        except (ValidationError, KnownError):
            same = False
        if same or self.preview():
            return self._pdf
        return None

    # printing -----------------------------------------------------------------------------------
    def print_report(self) -> None:
        """Qt's print dialog, without "print to file" (that would write an unprotected copy past
        Save's password and audit), then the pages the user chose."""
        if self._current() is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFromTo(1, self.document.pageCount())
        if self.choose_printer is not None:
            if self.choose_printer(printer):
                self.print_to(printer)
            return
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setMinMax(1, self.document.pageCount())
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.open()  # type: ignore[call-arg]  # the stub has only open(receiver, member): QDialog.open() hidden

    def print_to(self, printer: QPrinter) -> int:
        """The chosen pages on the printer (audited); returns how many were printed."""
        if printer.outputFileName():
            self._show_error("Printing to a file would write a copy without its password or audit "
                             "entry: use Save as PDF instead.")
            return 0
        pages = pages_chosen(printer.fromPage(), printer.toPage(), self.document.pageCount())
        painter = QPainter()
        if not painter.begin(printer):
            self._show_error("The printer could not be opened.")
            return 0
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            printed = paint_pages(self.document, pages, painter, printer, dpi)
        finally:
            painter.end()
        if printed != len(pages):
            self._show_error("A page could not be prepared for the printer (not enough memory).")
        if printed and self._choice is not None:
            self.services.exports.record_print(kind=self._choice.kind, detail=self._choice.detail,
                                               pages=printed)
        return printed

    # saving -------------------------------------------------------------------------------------
    def _ask_for_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), suggested, "PDF files (*.pdf)")
        return path

    def _password(self) -> str | None:
        if not self.protect_check.isChecked():
            return None
        password = self.password_edit.text()
        if password != self.confirm_edit.text():
            raise ValidationError("password", "the two passwords differ")
        self.services.exports.check_password(password)
        return password

    def save(self) -> Path | None:
        """Ask where, then write (encrypted first when protected) and close; None when refused."""
        self._clear_error()
        try:
            password = self._password()
        except ValidationError as exc:
            self._show_error(f"Password: {exc.message}.")
            self.password_edit.setFocus()
            return None
        pdf = self._current()
        if pdf is None:
            return None
        assert self._choice is not None
        path = self.choose_path(str(Path.home() / self._choice.file_name))
        if not path or getattr(self.parent(), "locked", False):  # locked while the file dialog was up
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        choice = self._choice
        try:
            data = pdf if password is None else self._encrypted(choice, pdf, password)
            if data is None:  # closed meanwhile
                return None
            written = self.services.exports.write_pdf(
                data, Path(path), kind=choice.kind, detail=choice.detail, password=password,
                protected=password is not None, replace=True)  # the file dialog asked already
        except ValidationError as exc:
            self._show_error(f"{exc.message[:1].upper()}{exc.message[1:]}.")
            return None
        except KnownError as exc:
            self._show_error(exc.message)
            return None
        self.sig_exported.emit(Change(RecordKind.PDF, AuditAction.EXPORT))
        self.accept()
        return written

    def _encrypted(self, choice: ReportChoice, pdf: bytes, password: str) -> bytes | None:
        """The report encrypted on the worker (pypdf: ~40 ms, its first import ~0.1 s), waited for
        with the event loop running; None when the dialog closed meanwhile."""
        job = _Making(choice)
        self._encrypting = job
        exports = self.services.exports

        def work(_progress: Progress) -> bytes:  # no widgets, no database here
            try:
                return exports.finish(pdf, password=password)
            finally:
                job.ended.set()

        def finished(data: bytes | None, exc: BaseException | None) -> None:
            job.done, job.pdf, job.error = True, data, exc
            if job.loop is not None:
                job.loop.quit()

        shown = self.pages_label.text()
        self.making_bar.show()
        self.pages_label.setText("Encrypting the report…")
        run_task(work, finished)
        if not job.done:
            job.loop = QEventLoop()
            job.loop.exec()
            job.loop = None
        self._encrypting = None
        if self._closed:
            return None
        self.making_bar.hide()
        self.pages_label.setText(shown)
        if job.error is not None:
            raise job.error
        return job.pdf

    # small things -------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Closing (a lock closes it) waits for a report being made to end: no worker reads the
        workspace after the lock closed it, and what it made is dropped."""
        self._closed = True
        for making in (self._making, self._encrypting):
            if making is not None:
                if not making.ended.wait(STOP_WAIT_S):
                    log.warning("a report was still being made when its dialog closed")
                if making.loop is not None:
                    making.loop.quit()
        self._making = self._encrypting = None
        super().done(result)

    def _on_protect_check_toggled(self, on: bool) -> None:
        for edit in (self.password_edit, self.confirm_edit):
            edit.setEnabled(on)
            if not on:
                edit.clear()
        if on:
            self.password_edit.setFocus()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _clear_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()
