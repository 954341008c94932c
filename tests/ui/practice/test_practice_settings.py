"""Practice settings as a practice manager sets them up: zone, days, notice window, types."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from vma_desk.ui.practice.settings import PracticeSettingsDialog
from vma_desk.ui.practice.types_model import MINUTES, NAME


@pytest.fixture
def dialog(qtbot, services):
    d = PracticeSettingsDialog(services)
    qtbot.addWidget(d)
    d.show()
    return d


def test_settings_are_saved_in_the_workspace(qtbot, dialog, services):
    dialog.ui.name_edit.setText("Lakeside Family Medicine & Pediatrics")
    dialog.ui.zone_combo.setCurrentText("America/Denver")
    dialog.day_checks[5].setChecked(True)  # Saturday clinic
    dialog.ui.notice_spin.setValue(48)
    model = dialog.types_model
    row = next(i for i, t in enumerate(model.types) if t.code == "new")
    model.setData(model.index(row, MINUTES), 60)
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.ui.button_box.accepted.emit()
    practice = services.practice.get()
    assert practice.name == "Lakeside Family Medicine & Pediatrics"
    assert practice.time_zone == "America/Denver"
    assert practice.business_days == frozenset({0, 1, 2, 3, 4, 5})
    assert services.calendar.notice_hours() == 48
    assert next(t for t in services.calendar.types() if t.code == "new").minutes == 60


def test_bad_zone_is_shown_beside_the_field_and_nothing_is_saved(qtbot, dialog, services):
    dialog.ui.zone_combo.setCurrentText("Mars/Olympus_Mons")
    model = dialog.types_model
    model.setData(model.index(0, MINUTES), 90)
    dialog.ui.button_box.accepted.emit()
    assert dialog.isVisible()
    assert "not a known time zone" in dialog.ui.time_zone_error.text()
    assert dialog.ui.time_zone_error.isVisible()
    assert services.practice.get().time_zone == "America/Chicago"
    assert 90 not in [t.minutes for t in services.calendar.types()]


def test_an_empty_type_name_is_refused(qtbot, dialog, services):
    model = dialog.types_model
    model.setData(model.index(0, NAME), "  ")
    dialog.ui.button_box.accepted.emit()
    assert "name is required" in dialog.ui.types_error.text()
    assert all(t.name.strip() for t in services.calendar.types(include_inactive=True))


def test_types_model_passes_the_model_tester(qtmodeltester, dialog):
    qtmodeltester.check(dialog.types_model)
    assert dialog.types_model.flags(dialog.types_model.index(0, 4)) & Qt.ItemFlag.ItemIsUserCheckable


def test_message_settings_are_saved_and_a_bad_red_flag_is_shown_on_its_page(qtbot, dialog, services):
    dialog.ui.urgent_spin.setValue(30)
    dialog.ui.flags_edit.setPlainText("cardiac: chest pain\nneuro: worst headache")
    dialog.ui.step_edit.setPlainText("Transfer to the nurse line, ext. 210.")
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.ui.button_box.accepted.emit()
    comms = services.communications
    assert comms.callback_policy().urgent_minutes == 30
    assert comms.red_flag_phrases() == ("cardiac: chest pain", "neuro: worst headache")
    assert comms.escalation_step() == "Transfer to the nurse line, ext. 210."

    again = PracticeSettingsDialog(services)
    qtbot.addWidget(again)
    again.show()
    again.ui.pages.setCurrentIndex(0)
    again.ui.flags_edit.setPlainText("cardiac: ...")
    again.ui.button_box.accepted.emit()
    assert again.isVisible() and again.ui.pages.currentWidget() is again.ui.messages_page
    assert again.ui.red_flags_error.isVisibleTo(again)
    assert comms.red_flag_phrases() == ("cardiac: chest pain", "neuro: worst headache")


def test_refill_protocol_and_referral_aging_are_saved(qtbot, dialog, services):
    ui = dialog.ui
    assert "metformin: A1c, 6" in ui.lab_rules_edit.toPlainText()  # the defaults are shown
    ui.visit_months_spin.setValue(6)
    ui.lab_rules_edit.setPlainText("lisinopril: Potassium, 6\nwarfarin: INR, 1")
    ui.urgent_days_spin.setValue(2)
    with qtbot.waitSignal(dialog.sig_saved):
        ui.button_box.accepted.emit()
    protocol = services.refills.protocol()
    assert protocol.visit_months == 6
    assert protocol.labs_for("Lisinopril 10 mg") == (("Potassium", 6),)
    assert services.referrals.aging_policy().urgent_days == 2


def test_a_malformed_lab_rule_is_shown_on_its_page_and_nothing_is_saved(qtbot, dialog, services):
    ui = dialog.ui
    ui.name_edit.setText("Renamed practice")
    ui.lab_rules_edit.setPlainText("metformin A1c every 6 months")
    ui.button_box.accepted.emit()
    assert dialog.isVisible()
    assert ui.pages.currentWidget() is ui.refills_page
    assert "medication: lab, months" in ui.lab_rules_error.text() and ui.lab_rules_error.isVisible()
    assert services.practice.get().name == "Lakeside Family Medicine"
    assert services.refills.protocol().labs_for("metformin")[0] == ("A1c", 6)


def test_a_failure_on_the_last_page_saves_none_of_the_pages(qtbot, dialog, services, monkeypatch):
    from vma_desk.core.errors import KnownError

    def disk_full(_practice):
        raise KnownError("The disk is full: nothing was saved.")

    dialog.ui.notice_spin.setValue(72)  # the calendar's page, saved first
    dialog.ui.visit_months_spin.setValue(3)  # the refills page
    monkeypatch.setattr(services.practice, "save", disk_full)  # the practice, saved last, fails
    dialog.ui.button_box.accepted.emit()
    assert dialog.isVisible() and "The disk is full" in dialog.ui.form_error_label.text()
    assert services.calendar.notice_hours() != 72
    assert services.refills.protocol().visit_months == 12
