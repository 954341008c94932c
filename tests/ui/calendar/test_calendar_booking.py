"""Booking as a VMA on the phone does it: Ctrl+N at a slot, the patient's name, Enter; conflicts
refused with their reason unless deliberately overridden; the next open slot found by preference."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QPoint, Qt, QTime

from tests.ui.calendar.support import (  # noqa: F401 - fixtures
    CHICAGO,
    TUESDAY,
    at,
    book_fixture,
    day_visits,
    dialog_of,
    no_dialog,
    select,
    staff_fixture,
    tab_fixture,
)
from tests.ui.conftest import focused, reactivate, type_keys
from vma_desk.ui.calendar.booking import BookingDialog
from vma_desk.ui.calendar.lists import RECORD_ROLE

ENTER = Qt.Key.Key_Return


def open_booking(qtbot, tab, moment, provider) -> BookingDialog:
    reactivate(qtbot, tab)  # a dialog closed before: offscreen Qt has no window manager to
    select(tab, moment, provider)
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    return dialog_of(qtbot, BookingDialog)


def pick_patient(qtbot, dialog: BookingDialog, typed: str) -> None:
    assert focused() is dialog.ui.patient_picker.search_edit
    type_keys(qtbot, typed)
    qtbot.waitUntil(lambda: dialog.ui.patient_picker.results.rowCount() == 1)
    type_keys(qtbot, ENTER)
    assert dialog.ui.patient_picker.patient_id() is not None


def test_book_from_the_keyboard(qtbot, services, tab, staff, add_patient):
    ann = add_patient()
    dialog = open_booking(qtbot, tab, at(TUESDAY, 10, 0), staff["lee"])
    assert dialog.ui.provider_combo.currentText() == "Dana Lee, MD"
    assert dialog.ui.time_edit.time() == QTime(10, 0)
    pick_patient(qtbot, dialog, "o'neil")
    assert "O'Neil, Ann" in dialog.ui.patient_picker.chosen_label.text()
    assert focused() is dialog.ui.type_combo  # Enter in the search took the patient and moved on
    type_keys(qtbot, "New")  # a combo box finds its entry as typed
    assert dialog.ui.minutes_spin.value() == 40  # the type's default length
    with qtbot.waitSignal(dialog.sig_booked):
        type_keys(qtbot, ENTER)
    assert no_dialog(BookingDialog)
    [visit] = day_visits(services, staff["lee"], TUESDAY)
    assert (visit.patient_id, visit.start, visit.type_code) == (ann.id, at(TUESDAY, 10, 0), "new")
    assert visit.minutes == 40
    assert visit.authorised_by == "tester@desk"  # the workstation user, unless another is typed
    index = tab.model.index_of(visit.id)
    assert index.data().startswith("10:00 AM  O'Neil, Ann")
    assert tab.view.currentIndex() == index
    assert "Booked O'Neil, Ann Tue 03/03 10:00 AM" in tab.ui.summary_label.text()


def test_the_type_sets_the_length_and_errors_stay_beside_their_fields(qtbot, services, tab, staff):
    dialog = open_booking(qtbot, tab, at(TUESDAY, 14, 0), staff["roe"])
    ui = dialog.ui
    ui.type_combo.setCurrentIndex(ui.type_combo.findData("proc"))
    assert ui.minutes_spin.value() == 45
    ui.reason_edit.setText("Mole removal")
    ui.approval_panel.authorised_by_edit.clear()
    dialog.book_button.click()
    assert ui.patient_error.isVisible()
    assert ui.patient_error.text().startswith("Patient is required")
    assert ui.reason_edit.text() == "Mole removal"  # nothing typed is lost
    assert day_visits(services, staff["roe"], TUESDAY) == []
    dialog.close()


def test_authorised_by_is_asked_and_remembered_for_the_session(qtbot, services, tab, staff,
                                                               add_patient):
    add_patient()
    dialog = open_booking(qtbot, tab, at(TUESDAY, 10, 0), staff["roe"])
    pick_patient(qtbot, dialog, "o'neil")
    approval = dialog.ui.approval_panel
    approval.authorised_by_edit.clear()
    dialog.book_button.click()
    assert approval.authorised_by_error.text() == "Authorised by is required."
    approval.authorised_by_edit.setText("Dr Roe")
    with qtbot.waitSignal(dialog.sig_booked):
        dialog.book_button.click()
    assert day_visits(services, staff["roe"], TUESDAY)[0].authorised_by == "Dr Roe"
    again = open_booking(qtbot, tab, at(TUESDAY, 11, 0), staff["roe"])
    assert again.ui.approval_panel.authorised_by() == "Dr Roe"
    again.close()


def test_conflict_is_refused_with_its_reason_then_deliberately_overridden(qtbot, services, tab,
                                                                          staff, add_patient):
    add_patient()
    dialog = open_booking(qtbot, tab, at(TUESDAY, 12, 15), staff["lee"])
    pick_patient(qtbot, dialog, "o'neil")
    approval = dialog.ui.approval_panel
    dialog.book_button.click()
    assert approval.conflicts_label.isVisible()
    assert "Dana Lee, MD has Lunch 12:00-13:00." in approval.conflicts_label.text()
    assert day_visits(services, staff["lee"], TUESDAY) == []
    # overriding needs the box ticked and a reason typed
    approval.override_check.setChecked(True)
    dialog.book_button.click()
    assert approval.override_reason_error.text() == "Override reason is required to override a conflict."
    assert focused() is approval.override_reason_edit
    type_keys(qtbot, "Only slot before surgery")
    with qtbot.waitSignal(dialog.sig_booked):
        type_keys(qtbot, ENTER)
    [visit] = day_visits(services, staff["lee"], TUESDAY)
    assert visit.override_reason == "Only slot before surgery"
    assert "override" in tab.model.index_of(visit.id).data()


def test_changing_the_time_takes_the_override_back(qtbot, tab, staff, add_patient, book):
    add_patient()
    bob = add_patient(first_name="Bob", last_name="Smith")
    book(bob.id, staff["roe"], at(TUESDAY, 10, 0))
    dialog = open_booking(qtbot, tab, at(TUESDAY, 10, 0), staff["roe"])
    pick_patient(qtbot, dialog, "o'neil")
    dialog.book_button.click()
    approval = dialog.ui.approval_panel
    assert "Sam Roe, DO already has a visit 10:00-10:20." in approval.conflicts_label.text()
    approval.override_check.setChecked(True)
    dialog.ui.time_edit.setTime(QTime(11, 0))
    assert not approval.override_check.isChecked() and approval.conflicts_label.isHidden()
    dialog.close()


def test_find_next_slot_honours_the_patients_preferences(qtbot, services, tab, staff, add_patient):
    add_patient()
    dialog = open_booking(qtbot, tab, at(TUESDAY, 9, 0), staff["lee"])
    ui = dialog.ui
    pick_patient(qtbot, dialog, "o'neil")
    for weekday, check in dialog._day_checks.items():
        check.setChecked(weekday == 3)  # Thursdays only
    ui.earliest_edit.setTime(QTime(14, 0))
    ui.latest_edit.setTime(QTime(15, 30))
    ui.any_provider_check.setChecked(True)
    qtbot.mouseClick(ui.find_button, Qt.MouseButton.LeftButton)
    slots = [dialog._slots.index(r).data(RECORD_ROLE) for r in range(dialog._slots.rowCount())]
    assert len(slots) >= 3
    for slot in slots:
        local = slot.start.astimezone(CHICAGO)
        assert local.weekday() == 3 and time(14, 0) <= local.time() <= time(15, 30)
    assert slots[0].start == at(date(2026, 3, 5), 14, 0)
    assert dialog._slots.index(0).data().startswith("Thu 03/05 2:00 PM")
    # Enter takes the highlighted candidate into the visit; a second Enter books it
    assert focused() is ui.slot_list
    type_keys(qtbot, Qt.Key.Key_Down, ENTER)
    chosen = slots[1]
    assert ui.provider_combo.currentData() == chosen.provider_id
    assert ui.date_edit.value() == date(2026, 3, 5)
    assert ui.time_edit.time() == QTime(chosen.start.astimezone(CHICAGO).hour,
                                        chosen.start.astimezone(CHICAGO).minute)
    with qtbot.waitSignal(dialog.sig_booked):
        type_keys(qtbot, ENTER)
    assert tab.anchor == date(2026, 3, 5)  # the tab went to the booked day


def test_a_patient_already_booked_with_another_provider_is_a_conflict_overridden_with_a_reason(
        qtbot, services, tab, staff, add_patient, book):
    ann = add_patient()
    book(ann.id, staff["roe"], at(TUESDAY, 10, 0))  # Ann sees Dr Roe at 10:00
    dialog = open_booking(qtbot, tab, at(TUESDAY, 10, 0), staff["lee"])  # Dr Lee is free then
    pick_patient(qtbot, dialog, "o'neil")
    type_keys(qtbot, ENTER)
    approval = dialog.ui.approval_panel
    assert dialog.isVisible() and approval.conflicts_label.isVisible()
    assert approval.conflicts_label.text() == (
        "Refused: this conflicts with the schedule.\n"
        "• The patient already has a visit 10:00-10:20 with Sam Roe, DO.")
    assert day_visits(services, staff["lee"], TUESDAY) == []
    box = approval.override_check  # ticked where its box is drawn, as a VMA clicks it
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    qtbot.mouseClick(approval.override_reason_edit, Qt.MouseButton.LeftButton)
    type_keys(qtbot, "Back-to-back: Dr Roe's visit is a 5-minute injection")
    with qtbot.waitSignal(dialog.sig_booked):
        type_keys(qtbot, ENTER)
    [visit] = day_visits(services, staff["lee"], TUESDAY)
    assert visit.override_reason == "Back-to-back: Dr Roe's visit is a 5-minute injection"
    entry = services.audit.page()[0]
    assert (entry.user, entry.detail) == ("tester@desk", "authorised; conflict overridden")
