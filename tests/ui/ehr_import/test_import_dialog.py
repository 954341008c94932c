"""File → Import from the EHR (Ctrl+Shift+I) by keys: the file typed, F5 previews what would change
(nothing changes yet), a patient the file matches to two of ours is chosen with Enter, Ctrl+Enter
imports and the Calendar has the visits; a file that cannot be read is refused beside the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from tests.ui.calendar.support import dialog_of
from tests.ui.comms_support import window_fixture  # noqa: F401 - fixtures
from tests.ui.conftest import focused, reactivate, type_keys
from vma_desk.core.records import Patient, Phone
from vma_desk.ui.ehr_import.dialog import ImportDialog

HEADER = ("Visit ID,Patient ID,Last Name,First Name,Date of Birth,Phone,Provider ID,Provider,Visit Type,"
          "Status,Date,Start,End")
ROWS = ("V-1,,Ames,Ann,1960-01-01,(312) 555-0142,,Dana Lee,Established visit,Scheduled,2026-03-04,09:00,"
        "09:20",
        "V-2,,Cole,Cy,1980-05-05,(312) 555-0188,,Dana Lee,Follow-up,Confirmed,2026-03-05,10:00,10:15")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _pick(index: int) -> None:
    """Answer the next "which patient is it?" box with its `index`th choice (it runs modally)."""
    tries = iter(range(500))

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            if next(tries, None) is not None:
                QTimer.singleShot(10, poll)
            return
        box.setTextValue(box.comboBoxItems()[index])
        box.accept()

    QTimer.singleShot(0, poll)


def test_previewed_then_imported_by_keys_with_an_ambiguous_patient_chosen(qtbot, window, tmp_path: Path):
    services = window.services
    twin, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1),
                                               phones=(Phone("3125550109"),)))
    report = tmp_path / "week.csv"
    report.write_text("\n".join((HEADER, *ROWS)) + "\n", encoding="utf-8")
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL_SHIFT)
    dialog = dialog_of(qtbot, ImportDialog)
    assert focused() is dialog.ui.file_edit
    type_keys(qtbot, str(report), Qt.Key.Key_F5)
    ui = dialog.ui
    assert ui.error_label.text() == ""
    said = ui.summary_label.text()
    assert said == "Patients: 1 new, 1 refused · Visits: 1 new, 1 refused (source csv:generic)"
    assert ui.plan_table.item(0, 2).text() == "refused"
    assert "matches two patients" in ui.plan_table.item(0, 3).text()
    assert services.patients.search("cole") == []  # a preview changes nothing

    _pick(1)  # the second Ann Ames: the one added above
    ui.plan_table.setFocus()
    ui.plan_table.setCurrentCell(0, 0)
    qtbot.keyClick(ui.plan_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Visits: 2 new" in ui.summary_label.text())
    reactivate(qtbot, dialog)  # offscreen Qt gives no activation back after the question box
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert ui.summary_label.text().startswith("Imported: ")
    [cy] = services.patients.search("cole")
    lee = next(s for s in services.practice.staff() if s.name == "Dana Lee")
    booked = services.calendar.appointments([lee.id], *_week())
    assert sorted(a.patient_id for a in booked) == sorted([twin.id, cy.id])


def _week():
    from datetime import UTC, datetime

    return datetime(2026, 3, 2, tzinfo=UTC), datetime(2026, 3, 9, tzinfo=UTC)


def test_a_file_it_cannot_read_is_refused_beside_the_file(qtbot, window, tmp_path: Path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"resourceType": "Bundle", "entry": [', encoding="utf-8")
    dialog = window.open_import()
    assert dialog is not None
    dialog.ui.file_edit.setText(str(bad))
    dialog.preview()
    assert dialog.ui.error_label.isVisible() and "line 1" in dialog.ui.error_label.text()
    assert not dialog.ui.import_button.isEnabled()
