"""The Today tab inside the main window: the first tab, its title counting what is urgent, each row
opening its record in that record's own tab, changes made elsewhere shown at once, and the huddle
sheet's export asked for the day shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import reactivate
from tests.ui.today.support import (  # noqa: F401 - fixtures
    MONDAY,
    TUESDAY,
    attention_of,
    keys,
    press,
    rows_by_key,
    today_window_fixture,
    visit_row,
)
from vma_desk.core.calendar import VisitStatus
from vma_desk.core.records import ContactMethod
from vma_desk.ui.calendar.appointment import AppointmentDialog
from vma_desk.ui.calendar.tab import CalendarTab
from vma_desk.ui.exports.pdf_dialog import PdfExportDialog
from vma_desk.ui.main_window import TABS, MainWindow
from vma_desk.ui.messages.tab import MessagesTab
from vma_desk.ui.referrals.tab import ReferralsTab
from vma_desk.ui.refills.tab import RefillsTab
from vma_desk.ui.today.tab import TodayTab


def today_of(window: MainWindow) -> TodayTab:
    tab = window.tabs.widget(0)
    assert isinstance(tab, TodayTab)
    return tab


def open_due_row(qtbot, window: MainWindow, key: tuple[str, int]) -> None:
    """Back on the Today tab, Enter on a due row."""
    window.tabs.setCurrentIndex(0)
    reactivate(qtbot, window)
    tab = today_of(window)
    tab.due_view.setCurrentIndex(rows_by_key(tab.due_view)[key])
    press(qtbot, tab.due_view, Qt.Key.Key_Return)


def test_today_is_the_first_tab_and_its_title_counts_the_urgent_rows(qtbot, today_window):
    window, _huddle = today_window
    assert TABS[0].title == "Today" and window.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Today (3 urgent)")
    window.tabs.setCurrentIndex(3)
    reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentWidget() is today_of(window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert isinstance(window.tabs.currentWidget(), CalendarTab)


def test_each_due_row_opens_its_record_in_its_own_tab(qtbot, today_window):
    window, huddle = today_window
    open_due_row(qtbot, window, ("message", huddle.overdue_message.id))
    messages = window.tabs.currentWidget()
    assert isinstance(messages, MessagesTab) and messages.selected_message().id == huddle.overdue_message.id

    open_due_row(qtbot, window, ("refill", huddle.past_due_refill.id))
    refills = window.tabs.currentWidget()
    assert isinstance(refills, RefillsTab) and refills.selected_request().id == huddle.past_due_refill.id

    open_due_row(qtbot, window, ("referral", huddle.referral.id))
    referrals = window.tabs.currentWidget()
    assert isinstance(referrals, ReferralsTab) and referrals.ui.lists_tabs.currentIndex() == 0
    assert referrals.selected_referral().id == huddle.referral.id

    # a prior authorisation: the Referrals tab's second list, even when its filter hid it
    referrals.ui.lists_tabs.setCurrentIndex(1)
    referrals.ui.auth_filter_combo.setCurrentIndex(referrals.ui.auth_filter_combo.findData("approved"))
    referrals.ui.lists_tabs.setCurrentIndex(0)
    open_due_row(qtbot, window, ("prior_auth", huddle.auth.id))
    assert window.tabs.currentWidget() is referrals and referrals.ui.lists_tabs.currentIndex() == 1
    assert referrals.selected_auth().id == huddle.auth.id
    assert referrals.auth_view.hasFocus()


def test_a_visit_opens_in_the_calendar_and_confirming_it_there_updates_today(qtbot, today_window):
    window, huddle = today_window
    today = today_of(window)
    ann = huddle.visits["Ann"]
    today.visit_view.setCurrentIndex(rows_by_key(today.visit_view)[("appointment", ann.id)])
    press(qtbot, today.visit_view, Qt.Key.Key_Return)
    calendar = window.tabs.currentWidget()
    assert isinstance(calendar, CalendarTab) and calendar.days() == [MONDAY]
    dialog = dialog_of(qtbot, AppointmentDialog)
    assert dialog.appointment.id == ann.id
    dialog.ui.confirmation_combo.setCurrentIndex(
        dialog.ui.confirmation_combo.findData(VisitStatus.CONFIRMED.value))
    dialog.ui.method_combo.setCurrentIndex(dialog.ui.method_combo.findData(ContactMethod.PHONE.value))
    dialog.ui.button_box.accepted.emit()
    qtbot.waitUntil(lambda: no_dialog(AppointmentDialog))
    assert visit_row(today, ann)[-1] == "Care gap: A1c"
    assert "unconfirmed" not in attention_of(today, huddle.lee)


def test_an_eligibility_row_opens_tomorrows_visit_and_verifying_it_clears_the_row(qtbot, today_window):
    window, huddle = today_window
    today = today_of(window)
    tuesday = huddle.tuesday
    open_due_row(qtbot, window, ("eligibility", tuesday.id))
    calendar = window.tabs.currentWidget()
    assert isinstance(calendar, CalendarTab) and TUESDAY in calendar.days()
    dialog = dialog_of(qtbot, AppointmentDialog)
    assert dialog.appointment.id == tuesday.id
    dialog.ui.eligibility_combo.setCurrentIndex(dialog.ui.eligibility_combo.findData("verified"))
    dialog.ui.button_box.accepted.emit()
    qtbot.waitUntil(lambda: no_dialog(AppointmentDialog))
    assert ("eligibility", tuesday.id) not in keys(today.due_view)
    assert ("appointment", tuesday.id) in keys(today.due_view)  # its confirmation call is still due


def test_a_change_made_through_the_service_reaches_today_through_the_window(today_window):
    window, huddle = today_window
    today = today_of(window)
    _visit, change, _offers = huddle.services.calendar.set_status(
        huddle.visits["Ann"].id, VisitStatus.CONFIRMED, ContactMethod.PHONE)
    assert visit_row(today, huddle.visits["Ann"])[-1].startswith("Unconfirmed")
    window.sig_changed.emit(change)
    assert visit_row(today, huddle.visits["Ann"])[-1] == "Care gap: A1c"


def test_export_huddle_sheet_opens_the_export_for_the_day_and_provider_shown(qtbot, today_window):
    window, huddle = today_window
    today = today_of(window)
    today.set_provider(huddle.roe.id)
    today.step(1)
    assert today.ui.export_button.isVisible()
    qtbot.mouseClick(today.ui.export_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(qtbot, PdfExportDialog)
    assert dialog.day_edit.value() == TUESDAY
    assert dialog.provider_combo.currentData() == huddle.roe.id  # never silently every provider
    dialog.close()


def test_the_routine_rows_start_closed_under_their_count_when_the_window_opens(today_window):
    """The morning's eye goes to what is urgent: at a start on Today the confirmation calls and
    insurance checks wait closed under "Routine (n)", the urgent and soon rows open."""
    window, _huddle = today_window
    due = window.tabs.widget(0).due_view
    model = due.model()
    headings = [model.index(i, 0) for i in range(model.rowCount())]
    opened = {str(heading.data()): due.isExpanded(heading) for heading in headings}
    assert opened == {"Urgent (3)": True, "Soon (2)": True, "Routine (2)": False}
