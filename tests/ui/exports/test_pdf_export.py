"""File → Export → a PDF report, as a VMA uses it before the huddle: preview, print, save (with
or without a password). The practice has one provider with two visits on Monday 2026-03-02."""

from __future__ import annotations

import io
import subprocess
import threading
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from tests.ui.calendar.support import dialog_of
from tests.ui.comms_support import at, window_fixture  # noqa: F401 - fixtures
from vma_desk.core.calendar import Appointment
from vma_desk.core.records import AuditAction, Patient, Phone, Role, Shift, StaffMember
from vma_desk.ui.exports.pdf_dialog import PdfExportDialog, pages_chosen, paint_pages

MONDAY = date(2026, 3, 2)
HOURS = tuple(Shift(d, time(8), time(17)) for d in range(5))


@pytest.fixture
def huddle(qtbot, window):
    services = window.services
    lee = next(p for p in services.practice.providers())
    bo, _ = services.patients.create(Patient("Bo", "Birch", date(1980, 4, 4), phones=(Phone("3125550150"),)))
    ann = services.patients.search("Ames")[0]
    for patient, hour in ((ann, 10), (bo, 11)):
        services.calendar.book(Appointment(patient_id=patient.id, provider_id=lee.id, type_code="est",
                                           start=at(MONDAY, hour), minutes=20), authorised_by="Dr Lee")
    window.open_export_huddle(MONDAY)
    return dialog_of(qtbot, PdfExportDialog)


def text_of(path: Path, password: str | None = None) -> str:
    args = ["pdftotext", "-layout"] + (["-upw", password] if password else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def out_dir(tmp_path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_preview_shows_the_huddle_sheet_from_memory(qtbot, huddle, out_dir):
    huddle.choose_path = lambda suggested: pytest.fail("previewing asks for no file")
    assert huddle.preview()
    assert huddle.document.pageCount() == 1 and huddle.pages_label.text() == "1 page"
    assert huddle.view.document() is huddle.document


def test_save_writes_the_file_the_user_chose_and_audits_it(qtbot, window, huddle, out_dir):
    out = out_dir / "huddle.pdf"
    huddle.choose_path = lambda suggested: str(out)
    assert huddle.save() == out
    text = text_of(out)
    assert "Ames, Ann" in text and "Birch, Bo" in text
    assert (out.stat().st_mode & 0o777) == 0o600
    entry = window.services.audit.page()[0]
    assert (entry.action, entry.record_type, entry.record_id) == (AuditAction.EXPORT, "pdf", "huddle")
    assert "Ames" not in entry.detail and "2026-03-02" in entry.detail


def test_a_protected_file_needs_its_password_and_no_plain_copy_exists(qtbot, huddle, out_dir):
    out = out_dir / "huddle.pdf"
    huddle.choose_path = lambda suggested: str(out)
    huddle.protect_check.setChecked(True)
    huddle.password_edit.setText("correct horse")
    huddle.confirm_edit.setText("correct horsf")
    assert huddle.save() is None
    assert "the two passwords differ" in huddle.error_label.text() and not out.exists()
    huddle.confirm_edit.setText("correct horse")
    assert huddle.save() == out
    assert list(out_dir.iterdir()) == [out]
    shown = subprocess.run(["qpdf", "--show-encryption", str(out)], capture_output=True, text=True)
    assert "AESv3" in shown.stdout or "R = 6" in shown.stdout
    assert subprocess.run(["pdftotext", str(out), "-"], capture_output=True).returncode != 0
    assert "Birch, Bo" in text_of(out, "correct horse")


def test_a_short_password_is_refused_beside_the_fields(qtbot, huddle, tmp_path):
    huddle.choose_path = lambda suggested: pytest.fail("no file dialog for a refused password")
    huddle.protect_check.setChecked(True)
    huddle.password_edit.setText("short")
    huddle.confirm_edit.setText("short")
    assert huddle.save() is None
    assert "at least 8 characters" in huddle.error_label.text() and huddle.error_label.isVisible()


def test_printing_to_a_file_is_refused_and_nothing_is_written(qtbot, window, huddle, out_dir):
    target = out_dir / "printed.pdf"

    def printer_chosen(printer: QPrinter) -> bool:  # what "Print to file" in the dialog would do
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    huddle.choose_printer = printer_chosen
    huddle.print_report()
    assert not target.exists() and "use Save as PDF instead" in huddle.error_label.text()
    assert window.services.audit.page()[0].action is not AuditAction.EXPORT


def test_the_chosen_pages_are_drawn_for_the_printer(qtbot, window, huddle):
    # a second provider, so the sheet has two pages; drawn into a PDF writer held in memory
    services = window.services
    ortiz, _ = services.practice.add_staff(StaffMember("Omar Ortiz", Role.PROVIDER, working_hours=HOURS))
    ann = services.patients.search("Ames")[0]
    services.calendar.book(Appointment(patient_id=ann.id, provider_id=ortiz.id, type_code="est",
                                       start=at(MONDAY, 14), minutes=20), authorised_by="Dr Ortiz")
    huddle.provider_combo.setCurrentIndex(0)
    assert huddle.preview() and huddle.document.pageCount() == 2
    assert pages_chosen(0, 0, 2) == [0, 1] and pages_chosen(2, 2, 2) == [1]
    assert pages_chosen(1, 9, 2) == [0, 1]
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    assert paint_pages(huddle.document, [1], painter, writer, 72) == 1
    painter.end()
    assert len(PdfReader(io.BytesIO(bytes(buffer.data()))).pages) == 1


def test_a_patient_summary_asks_for_the_patient_first(qtbot, window):
    window.open_export_patient_summary()
    dialog = dialog_of(qtbot, PdfExportDialog)
    assert not dialog.preview()
    assert "Patient id: is required" in dialog.error_label.text()
    dialog.close()


def test_the_preview_follows_the_fields(qtbot, huddle):
    qtbot.waitUntil(lambda: "Birch, Bo" in huddle.document.getAllText(0).text())  # made on opening
    huddle.day_edit.set_value(date(2026, 3, 7))  # a Saturday: no visits
    qtbot.waitUntil(lambda: "Birch, Bo" not in huddle.document.getAllText(0).text())
    assert "Saturday, March 7, 2026" in huddle.document.getAllText(0).text()
    assert huddle.error_label.isHidden()


def test_patient_and_activity_summaries_are_saved_from_the_window(qtbot, window, huddle, out_dir):
    huddle.close()
    ann = window.services.patients.search("Ames")[0]
    window.open_export_patient_summary(ann.id)
    summary = dialog_of(qtbot, PdfExportDialog)
    summary.from_edit.set_value(date(2026, 3, 1))
    summary.to_edit.set_value(date(2026, 3, 31))
    summary.choose_path = lambda suggested: str(out_dir / "ann")  # the .pdf is added
    assert summary.save() == out_dir / "ann.pdf"
    text = text_of(out_dir / "ann.pdf")
    assert "Patient communication summary" in text and "Ames" in text and "10:00 AM" in text
    window.open_export_activity()
    activity = dialog_of(qtbot, PdfExportDialog)
    activity.from_edit.set_value(date(2026, 3, 1))
    activity.to_edit.set_value(date(2026, 3, 2))
    activity.choose_path = lambda suggested: str(out_dir / "activity.pdf")
    assert activity.save() == out_dir / "activity.pdf"
    assert "Activity summary" in text_of(out_dir / "activity.pdf")
    kinds = [e.record_id for e in window.services.audit.page()[:2]]
    assert kinds == ["activity", "patient-summary"]


def test_the_report_is_made_off_the_gui_thread_with_progress_beside_preview(qtbot, monkeypatch, huddle,
                                                                             out_dir):
    from vma_desk.reports import huddle as huddle_report

    qtbot.waitUntil(lambda: huddle.pages_label.text() == "1 page")  # the preview made on opening
    made_on: list[bool] = []
    build = huddle_report.build

    def build_watched(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - the report's own arguments
        made_on.append(threading.current_thread() is threading.main_thread())
        return build(*args, **kwargs)

    monkeypatch.setattr(huddle_report, "build", build_watched)
    with qtbot.waitSignal(huddle.sig_previewed, timeout=10_000) as shown:
        qtbot.keyClick(huddle, Qt.Key.Key_F5)
        assert huddle.making_bar.isVisible() and huddle.pages_label.text() == "Making the report…"
    assert shown.args == [True] and made_on == [False]
    assert huddle.making_bar.isHidden() and huddle.pages_label.text() == "1 page"
    assert "Birch, Bo" in huddle.document.getAllText(0).text()
    out = out_dir / "huddle.pdf"
    huddle.choose_path = lambda suggested: str(out)
    qtbot.mouseClick(huddle.save_button, Qt.MouseButton.LeftButton)  # the preview is current: not made again
    assert made_on == [False] and "Birch, Bo" in text_of(out)


def test_a_lock_while_the_report_is_made_closes_the_dialog_once_the_worker_is_done(qtbot, window, huddle):
    qtbot.waitUntil(lambda: huddle.pages_label.text() == "1 page")
    huddle.day_edit.set_value(date(2026, 3, 3))
    qtbot.mouseClick(huddle.preview_button, Qt.MouseButton.LeftButton)
    assert huddle.making_bar.isVisible()
    window.lock()
    assert not huddle.isVisible() and window.workspace.is_locked
    qtbot.wait(200)  # the worker's end reaches the closed dialog: dropped, no error
    assert window.locked
