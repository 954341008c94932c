"""The practice settings' "Forms and records" page by keys, as a practice manager sets it up: the
intake packet of each appointment type (one form a line, kept while another type is shown) and the
business days a records request has; a packet listing a form twice is refused beside the items,
naming the type, and nothing is saved (the other pages included)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import focused, show_active, type_keys
from vma_desk.ui.practice.settings import PracticeSettingsDialog

ENTER = Qt.Key.Key_Return
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def dialog(qtbot, services):
    d = PracticeSettingsDialog(services)
    d.resize(900, 640)
    show_active(qtbot, d)
    d.ui.pages.setCurrentWidget(d.ui.forms_page)
    return d


def test_the_page_shows_the_clock_and_each_types_packet(dialog, services):
    ui = dialog.ui
    assert ui.pages.tabText(ui.pages.indexOf(ui.forms_page)) == "Forms and records"
    assert ui.records_days_spin.value() == 5 and ui.records_days_spin.minimum() == 1
    assert ui.records_days_spin.maximum() == 30
    assert [ui.packet_type_combo.itemText(i) for i in range(ui.packet_type_combo.count())] == [
        "Annual physical", "Established visit", "Follow-up", "New patient", "Procedure", "Telehealth"]
    assert ui.packet_edit.toPlainText() == ""


def test_a_packet_and_the_clock_saved_by_keys_a_duplicate_refused_beside_the_items(qtbot, dialog, services):
    ui = dialog.ui
    ui.packet_type_combo.setFocus()
    type_keys(qtbot, "p")  # Procedure (the first type starting with P)
    assert ui.packet_type_combo.currentText() == "Procedure"
    type_keys(qtbot, Qt.Key.Key_Tab, "Procedure consent")
    qtbot.keyClick(focused(), Qt.Key.Key_Y, ALT)  # back to the type: the one above
    assert focused() is ui.packet_type_combo
    type_keys(qtbot, Qt.Key.Key_Up)
    assert ui.packet_type_combo.currentText() == "New patient" and ui.packet_edit.toPlainText() == ""
    qtbot.keyClick(focused(), Qt.Key.Key_I, ALT)
    assert focused() is ui.packet_edit
    type_keys(qtbot, "Registration form", ENTER, "HIPAA acknowledgement", ENTER, "registration  form")
    qtbot.keyClick(focused(), Qt.Key.Key_D, ALT)
    assert focused() is ui.records_days_spin
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "7", ENTER)
    assert dialog.isVisible() and ui.packet_error.isVisible()
    assert ui.packet_error.text() == "Intake packet: New patient: item 3 is listed twice."
    assert focused() is ui.packet_edit
    assert services.intake.packets() == {} and services.records_requests.settings() == 5  # nothing saved

    qtbot.keyClick(focused(), Qt.Key.Key_End, CTRL)  # the last line taken out
    qtbot.keyClick(focused(), Qt.Key.Key_Home, SHIFT)
    type_keys(qtbot, Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Tab)
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, ENTER)
    assert not dialog.isVisible()
    assert services.intake.packets() == {"new": ["Registration form", "HIPAA acknowledgement"],
                                         "proc": ["Procedure consent"]}
    assert services.records_requests.settings() == 7


def test_settings_saved_again_read_back(qtbot, services):
    services.intake.set_packet("phys", ["Health history"])
    services.records_requests.save_settings(12)
    dialog = PracticeSettingsDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.ui.packet_edit.toPlainText() == "Health history"  # the first type, Annual physical
    assert dialog.ui.records_days_spin.value() == 12
