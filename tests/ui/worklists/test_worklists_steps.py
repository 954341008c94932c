"""The steps that take a Recall or To rebook row off its list, by keys: Ctrl+Enter on a recall row
opens the Calendar's booking dialog with the visit that is due and the next open slots (arrows,
Enter takes one, Enter books it) and the row leaves; Ctrl+D "Mark done…" records which care gap
was done on which day (a day in the future refused beside the field, nothing saved); Ctrl+Enter on
a missed visit offers the next open slots with its provider and books the one picked again (a slot
taken meanwhile refused on top, nothing saved)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import focused, reactivate, type_keys
from tests.ui.worklists.support import (  # noqa: F401 - fixtures
    CTRL,
    MONDAY,
    at,
    column,
    current_id,
    desk_fixture,
    shown_ids,
    worklists_tab_fixture,
)
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.rebooking import Decision
from vma_desk.core.records import CareGap, Patient, Phone
from vma_desk.ui.calendar.booking import BookingDialog
from vma_desk.ui.calendar.lists import RECORD_ROLE
from vma_desk.ui.worklists.steps import SLOT_ROLE, GapDoneDialog, SlotPickerDialog

RECALL, REBOOK = 3, 4
ENTER = Qt.Key.Key_Return


def _recall_patient(services, *gaps: CareGap) -> Patient:
    cole, _ = services.patients.create(Patient("Cy", "Cole", date(1958, 6, 1), phones=(Phone("3125550177"),),
                                               care_gaps=gaps))
    return cole


def _visits_of(services, desk, patient_id: int) -> list[Appointment]:
    found = services.calendar.appointments([desk.lee.id], at(MONDAY, 0, 0), at(date(2026, 7, 1), 0, 0))
    return [a for a in found if a.patient_id == patient_id and a.status is not VisitStatus.NO_SHOW]


def _show(tab, index: int):
    tab.load()
    tab.ui.lists_tabs.setCurrentIndex(index)
    tab.focus_main()
    return tab.pages[index]


def test_ctrl_enter_books_a_recall_row_in_an_offered_slot_and_it_leaves_the_list(
        qtbot, services, worklists_tab, desk):
    cole = _recall_patient(services, CareGap("Mammogram", date(2026, 1, 15)))
    tab = worklists_tab
    page = _show(tab, RECALL)
    assert shown_ids(page) == [cole.id]
    assert tab.ui.book_button.isVisible() and tab.ui.book_button.text() == "Book… (Ctrl+Enter)"
    assert tab.ui.done_button.text() == "Mark done… (Ctrl+D)"
    booking = services.recall.booking_for(services.recall.due()[0])

    qtbot.keyClick(focused(), ENTER, CTRL)
    dialog = dialog_of(qtbot, BookingDialog)
    ui = dialog.ui
    assert ui.patient_picker.patient_id() == cole.id
    assert ui.type_combo.currentData() == booking.type_code
    assert ui.minutes_spin.value() == booking.minutes
    assert ui.reason_edit.text() == "Recall: due for Mammogram"
    slots = [dialog._slots.index(r).data(RECORD_ROLE) for r in range(dialog._slots.rowCount())]
    assert len(slots) >= 2 and all(s.start > at(MONDAY, 9, 29) for s in slots)
    assert focused() is ui.slot_list
    type_keys(qtbot, Qt.Key.Key_Down, ENTER)  # the second slot taken into the visit
    with qtbot.waitSignal(dialog.sig_booked):
        type_keys(qtbot, ENTER)  # booked
    qtbot.waitUntil(lambda: no_dialog(BookingDialog))
    reactivate(qtbot, tab)

    [visit] = _visits_of(services, desk, cole.id)
    assert (visit.start, visit.provider_id, visit.type_code) == (slots[1].start, slots[1].provider_id,
                                                                 booking.type_code)
    assert shown_ids(page) == [] and tab.ui.lists_tabs.tabText(RECALL) == "Recall"
    assert "Booked: Cole, Cy" in tab.ui.summary_label.text()


def test_mark_done_refuses_a_day_in_the_future_beside_the_field_and_saves_nothing(
        qtbot, services, worklists_tab, desk):
    cole = _recall_patient(services, CareGap("Mammogram", date(2026, 1, 15)),
                           CareGap("A1c", date(2026, 2, 1)))
    tab = worklists_tab
    page = _show(tab, RECALL)
    assert column(page, "gaps") == ["Mammogram, A1c"]

    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)
    dialog = dialog_of(qtbot, GapDoneDialog)
    ui = dialog.ui
    assert focused() is ui.gap_combo
    assert [ui.gap_combo.itemText(i) for i in range(ui.gap_combo.count())] == [
        "Mammogram (due 01/15/2026)", "A1c (due 02/01/2026)"]
    assert ui.day_edit.value() == date(2026, 3, 2)  # today
    type_keys(qtbot, Qt.Key.Key_Tab, "03/09/2026", ENTER)  # next Monday
    assert dialog.isVisible() and ui.day_error.isVisible()
    assert ui.day_error.text() == "Done on: cannot be in the future: enter when it was done."
    assert focused() is ui.day_edit
    assert all(g.done is None for g in services.patients.get(cole.id).care_gaps)

    type_keys(qtbot, Qt.Key.Key_Backtab, Qt.Key.Key_Tab, "02/20/2026", ENTER)  # back in, typed again
    qtbot.waitUntil(lambda: no_dialog(GapDoneDialog))
    reactivate(qtbot, tab)
    gaps = {g.kind: g.done for g in services.patients.get(cole.id).care_gaps}
    assert gaps == {"Mammogram": date(2026, 2, 20), "A1c": None}
    assert shown_ids(page) == [cole.id] and column(page, "gaps") == ["A1c"]  # one gap still due
    assert "Marked done: Cole, Cy" in tab.ui.summary_label.text()

    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)  # the other one, done today
    dialog = dialog_of(qtbot, GapDoneDialog)
    assert dialog.ui.gap_combo.currentText() == "A1c (due 02/01/2026)"
    type_keys(qtbot, ENTER)
    qtbot.waitUntil(lambda: no_dialog(GapDoneDialog))
    reactivate(qtbot, tab)
    assert shown_ids(page) == [] and tab.ui.lists_tabs.tabText(RECALL) == "Recall"
    assert {g.kind: g.done for g in services.patients.get(cole.id).care_gaps}["A1c"] == date(2026, 3, 2)


def _no_show(services, clock, desk) -> Appointment:
    clock.current = at(date(2026, 2, 27), 9, 0)  # booked on the Friday before
    visit, _ = services.calendar.book(Appointment(desk.ann.id, desk.lee.id, "est", at(MONDAY, 8, 0), 20),
                                      authorised_by="Dr Lee")
    clock.current = at(MONDAY, 8, 30)
    services.calendar.set_status(visit.id, VisitStatus.NO_SHOW)
    clock.current = at(MONDAY, 9, 30)
    return visit


def _offered(dialog: SlotPickerDialog) -> list:
    slots = dialog.ui.slot_list
    return [slots.item(r).data(SLOT_ROLE) for r in range(slots.count())]


def test_ctrl_enter_rebooks_a_missed_visit_in_the_slot_picked_and_it_leaves_the_list(
        qtbot, services, clock, worklists_tab, desk):
    visit = _no_show(services, clock, desk)
    tab = worklists_tab
    page = _show(tab, REBOOK)
    assert current_id(page) == visit.id and tab.ui.book_button.text() == "Rebook… (Ctrl+Enter)"

    qtbot.keyClick(focused(), ENTER, CTRL)
    dialog = dialog_of(qtbot, SlotPickerDialog)
    assert dialog.ui.about_label.text() == (
        "Rebook Ames, Ann: Established visit, 20 min with Dana Lee, MD (missed 8:00 AM, no-show)")
    offered = _offered(dialog)
    assert len(offered) == 8 and {s.provider_id for s in offered} == {desk.lee.id}
    assert all(s.minutes == 20 and s.start >= at(MONDAY, 9, 30) for s in offered)
    assert focused() is dialog.ui.slot_list
    assert dialog.ui.slot_list.currentItem().text() == "Mon 03/02 9:30 AM · Dana Lee, MD (20 min)"
    type_keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Down, ENTER)
    qtbot.waitUntil(lambda: no_dialog(SlotPickerDialog))
    reactivate(qtbot, tab)

    decision = services.rebooking.decision(visit.id)
    assert decision is not None and decision.decision is Decision.REBOOKED
    again = services.calendar.get(decision.new_appointment_id)
    assert (again.start, again.provider_id, again.type_code, again.minutes) == (
        offered[2].start, desk.lee.id, "est", 20)
    assert shown_ids(page) == [] and "Rebooked: Ames, Ann" in tab.ui.summary_label.text()


def test_a_slot_taken_meanwhile_is_refused_on_top_and_nothing_is_saved(qtbot, services, clock, worklists_tab,
                                                                      desk):
    visit = _no_show(services, clock, desk)
    bo, _ = services.patients.create(Patient("Bo", "Burr", date(1970, 5, 5), phones=(Phone("2175550199"),)))
    tab = worklists_tab
    _show(tab, REBOOK)
    qtbot.keyClick(focused(), ENTER, CTRL)
    dialog = dialog_of(qtbot, SlotPickerDialog)
    first = _offered(dialog)[0]
    # another VMA books Bo into the first slot while this dialog is open
    services.calendar.book(Appointment(bo.id, desk.lee.id, "est", first.start, 20))
    before = len(_visits_of(services, desk, desk.ann.id))

    type_keys(qtbot, ENTER)
    assert dialog.isVisible()
    error = dialog.ui.form_error_label
    assert error.isVisible() and error.text().startswith("Not booked: ")
    assert error.text().endswith("Nothing was saved; choose another slot.")
    assert services.rebooking.decision(visit.id) is None
    assert len(_visits_of(services, desk, desk.ann.id)) == before
    assert first not in _offered(dialog)  # the slots read again
    type_keys(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: no_dialog(SlotPickerDialog))
    assert QApplication.activeModalWidget() is None
