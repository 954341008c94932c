"""File → Export → Accounting of disclosures (PDF): the patient chosen by keys, the six years up to
today by default, the preview made from memory, the file saved where the user chose and audited as
an export (ids and dates, never a name); without a patient, or with the period reversed, it says why
beside the fields and writes nothing."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of
from tests.ui.comms_support import window_fixture  # noqa: F401 - fixtures
from tests.ui.conftest import focused, type_keys
from vma_desk.core.records import AuditAction
from vma_desk.core.records_requests import Direction, RecordsRequest, SecureChannel
from vma_desk.ui.exports.pdf_dialog import PdfExportDialog
from vma_desk.ui.shared.widgets import show_dialog

MONDAY = date(2026, 3, 2)


def text_of(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def open_export(qtbot, window) -> PdfExportDialog:
    """What File → Export → Accounting of disclosures (PDF)… opens."""
    show_dialog(PdfExportDialog(window.services, "disclosures", window))
    return dialog_of(qtbot, PdfExportDialog)


def sent_release(services, patient_id: int) -> None:
    made, _ = services.records_requests.add(RecordsRequest(
        Direction.OUTGOING, patient_id=patient_id, party="Harbor Mutual Insurance", asked_on=MONDAY,
        items="Visit notes 2025", purpose="Life insurance application",
        authorization_on=date(2026, 2, 20), authorization_expires=date(2026, 8, 20)))
    services.records_requests.mark_sent(made.id, SecureChannel.SECURE_FAX)


def test_the_accounting_of_a_patient_chosen_by_keys_is_saved_and_audited(qtbot, window, tmp_path):
    services = window.services
    ann = services.patients.search("Ames")[0]
    sent_release(services, ann.id)
    dialog = open_export(qtbot, window)
    assert dialog.windowTitle() == "Export accounting of disclosures (PDF)"
    assert (dialog.from_edit.value(), dialog.to_edit.value()) == (date(2020, 3, 2), MONDAY)
    dialog.patient_picker.search_edit.setFocus()
    type_keys(qtbot, "Ames")
    qtbot.waitUntil(lambda: dialog.patient_picker.results.rowCount() == 1)
    with qtbot.waitSignal(dialog.sig_previewed, timeout=10_000) as shown:
        type_keys(qtbot, Qt.Key.Key_Return)
    assert shown.args == [True]
    page = dialog.document.getAllText(0).text()
    assert "Accounting of disclosures" in page and "Harbor Mutual" in page

    dialog.choose_path = lambda suggested: str(tmp_path / "accounting")
    assert dialog.save() == tmp_path / "accounting.pdf"
    text = text_of(tmp_path / "accounting.pdf")
    assert "Ann Ames" in text and "Secure fax" in text and "Visit notes 2025" in text and "1 release" in text
    entry = services.audit.page()[0]
    assert (entry.action, entry.record_type, entry.record_id) == (AuditAction.EXPORT, "pdf", "disclosures")
    assert entry.detail == f"patient {ann.id}, 2020-03-02 to 2026-03-02; not encrypted"
    assert "Ames" not in entry.detail


def test_without_a_patient_or_with_the_period_reversed_it_says_why(qtbot, window, tmp_path):
    dialog = open_export(qtbot, window)
    assert not dialog.preview()
    assert "Patient id: is required" in dialog.error_label.text()
    ann = window.services.patients.search("Ames")[0]
    dialog.patient_picker.set_patient(ann)
    dialog.to_edit.set_value(date(2019, 1, 1))
    assert not dialog.preview()
    assert dialog.error_label.text() == "To: must not be before the start."
    dialog.choose_path = lambda suggested: str(tmp_path / "never.pdf")
    assert dialog.save() is None and not (tmp_path / "never.pdf").exists()
    assert focused() is not None
    dialog.close()
