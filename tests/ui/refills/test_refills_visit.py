"""A "needs visit" refill decision as a VMA records it and books the visit from the Refills tab:
the decision, then Ctrl+Enter (or Alt+B) opens the booking dialog with the patient, the provider
who decided, a follow-up and the reason filled in; booking links the visit to the request, whose
pane then names the visit and opens it in the calendar. Cancelling the visit puts the request back
on "Needs visit — not booked"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import answer_question, focused, reactivate, type_keys
from tests.ui.refills.support import (  # noqa: F401 - fixtures
    at,
    enter_request,
    refill_desk_fixture,
    refills_tab_fixture,
    refills_window_fixture,
)
from vma_desk.core.calendar import Appointment
from vma_desk.core.refills import Decision, RefillStep
from vma_desk.ui.calendar.appointment import AppointmentDialog
from vma_desk.ui.calendar.booking import BookingDialog
from vma_desk.ui.calendar.tab import CalendarTab
from vma_desk.ui.refills.model import SHOW_NEEDS_VISIT
from vma_desk.ui.refills.steps import DecisionDialog

ENTER = Qt.Key.Key_Return
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def routed_metformin(desk):
    """Bob's metformin request (he has not been seen in over a year), routed to Dr Lee."""
    request = enter_request(desk, desk.bob, medication="Metformin", strength="500 mg", labs=())
    desk.services.refills.route(request.id)
    return request


def in_list(qtbot, tab, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    reactivate(qtbot, tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, key, modifier)


def test_needs_visit_then_book_visit_links_the_visit_both_ways(qtbot, services, refills_tab, refill_desk):
    tab, desk = refills_tab, refill_desk
    request = routed_metformin(desk)
    tab.load(select_id=request.id)
    assert not tab.ui.visit_button.isVisible()  # nothing to book before the decision

    in_list(qtbot, tab, ENTER, CTRL)  # the next step: the provider's decision
    decision = dialog_of(qtbot, DecisionDialog)
    decision.ui.needs_visit_radio.setFocus()
    qtbot.keyClick(decision.ui.needs_visit_radio, Qt.Key.Key_Space)
    decision.ui.decided_by_combo.setFocus()
    type_keys(qtbot, "Dana")  # a combo box finds its entry as typed
    with qtbot.waitSignal(decision.sig_saved):
        qtbot.mouseClick(decision.ok_button, Qt.MouseButton.LeftButton)

    # right after the decision the pane says the visit is not booked and offers it as the next step
    assert "Needs visit — not booked" in tab.ui.decision_label.text()
    button = tab.ui.visit_button
    assert button.isVisible() and button.isEnabled() and button.text() == "&Book visit…"
    assert button.property("nextStep") is True

    in_list(qtbot, tab, ENTER, CTRL)  # Ctrl+Enter: Book visit…
    dialog = dialog_of(qtbot, BookingDialog)
    ui = dialog.ui
    assert "Birch, Bob" in ui.patient_picker.chosen_label.text()
    assert ui.provider_combo.currentText() == "Dana Lee, MD"  # who decided
    assert ui.type_combo.currentText().startswith("Follow-up")
    assert ui.reason_edit.text() == "Refill: Metformin 500 mg needs visit"
    qtbot.mouseClick(ui.find_button, Qt.MouseButton.LeftButton)
    assert focused() is ui.slot_list
    type_keys(qtbot, ENTER)  # takes the first open slot
    assert focused() is dialog.book_button
    with qtbot.waitSignal(dialog.sig_booked):
        type_keys(qtbot, ENTER)
    assert no_dialog(BookingDialog)

    linked = services.refills.get(request.id)
    assert linked.visit_booked
    visit = services.calendar.get(linked.visit.id)
    assert (visit.patient_id, visit.provider_id, visit.type_code) == (desk.bob.id, desk.lee.id, "fu")
    assert visit.reason == "Refill: Metformin 500 mg needs visit"
    assert services.refills.for_visits([visit.id])[visit.id][0].id == request.id
    # the pane names the visit; the button now opens it
    assert tab.selected_request().id == request.id
    assert "Visit booked: Today 9:30 AM with Dana Lee, MD" in tab.ui.decision_label.text()
    assert button.text() == "Open &booked visit"
    assert "Visit booked" in tab.ui.summary_label.text()
    with qtbot.waitSignal(tab.sig_record_requested) as opened:
        in_list(qtbot, tab, Qt.Key.Key_B, ALT)
    assert opened.args == ["appointment", visit.id]


def test_a_cancelled_visit_puts_the_request_back_on_needs_visit_not_booked(qtbot, services, refills_tab,
                                                                          refill_desk):
    tab, desk = refills_tab, refill_desk
    request = routed_metformin(desk)
    services.refills.record_decision(request.id, Decision.NEEDS_VISIT, decided_by_id=desk.lee.id)
    draft = services.refills.visit_draft(request.id)
    _linked, visit, _ = services.refills.book_visit(request.id, Appointment(
        desk.bob.id, desk.lee.id, "fu", at(date(2026, 3, 3), 10), 15, reason=draft.reason))
    services.refills.advance(request.id, RefillStep.PATIENT_NOTIFIED)
    services.refills.advance(request.id, RefillStep.CLOSED)
    services.calendar.cancel(visit.id, reason="Patient is travelling")

    tab.load()
    assert tab.proxy.rowCount() == 0  # closed: not among the open requests
    reactivate(qtbot, tab)
    tab.ui.filter_combo.setFocus()
    type_keys(qtbot, Qt.Key.Key_End, Qt.Key.Key_Up)  # Show: the worklist of visits to book
    assert tab.ui.filter_combo.currentData() == SHOW_NEEDS_VISIT
    assert tab.proxy.rowCount() == 1 and tab.selected_request().id == request.id
    assert "was cancelled or missed" in tab.ui.decision_label.text()
    in_list(qtbot, tab, Qt.Key.Key_B, ALT)  # Book visit… again, from the closed request
    dialog = dialog_of(qtbot, BookingDialog)
    assert dialog.ui.reason_edit.text() == "Refill: Metformin 500 mg needs visit"
    dialog.reject()


def test_closing_a_needs_visit_request_without_a_visit_asks_first(qtbot, services, refills_tab, refill_desk):
    tab, desk = refills_tab, refill_desk
    request = routed_metformin(desk)
    services.refills.record_decision(request.id, Decision.NEEDS_VISIT, decided_by_id=desk.lee.id)
    services.refills.advance(request.id, RefillStep.PATIENT_NOTIFIED)
    tab.load(select_id=request.id)
    seen: list[str] = []
    answer_question("Keep it open", seen)
    qtbot.mouseClick(tab.ui.close_button, Qt.MouseButton.LeftButton)
    assert seen and "needs a visit and none is booked" in seen[0]
    assert services.refills.get(request.id).is_open


def test_open_booked_visit_shows_it_in_the_calendar_with_the_refill_flag(qtbot, refills_window):
    window, desk = refills_window
    services = window.services
    request = routed_metformin(desk)
    services.refills.record_decision(request.id, Decision.NEEDS_VISIT, decided_by_id=desk.lee.id)
    draft = services.refills.visit_draft(request.id)
    _linked, visit, _ = services.refills.book_visit(request.id, Appointment(
        desk.bob.id, desk.lee.id, "fu", at(date(2026, 3, 3), 10), 15, reason=draft.reason))
    window.open_record("refill", request.id)
    tab = window.tabs.currentWidget()
    qtbot.mouseClick(tab.ui.visit_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.tabs.currentWidget(), CalendarTab)
    opened = dialog_of(qtbot, AppointmentDialog)  # the visit, on its day
    assert opened.appointment.id == visit.id
    assert "Refill needs visit: Metformin 500 mg" in opened.ui.flags_label.text()  # why it was booked
    opened.reject()
