"""The Calls and Messages tabs inside the main window: F2 from any tab, the overdue count in the
Messages tab's title, changes flowing between the tabs, and the lock hiding every call and
message (and the forms open over them, brought back as typed)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from tests.conftest import unlock
from tests.ui.comms_support import (  # noqa: F401 - fixtures
    dialog_of,
    log_call,
    take_message,
    window_fixture,
)
from tests.ui.conftest import reactivate, tab_of, type_keys
from tests.ui.test_main_window import visible_texts
from vma_desk.core.communications import Urgency
from vma_desk.ui.calls.dialog import CallDialog
from vma_desk.ui.calls.tab import CallsTab
from vma_desk.ui.messages.tab import MessagesTab


def test_f2_logs_a_call_from_any_tab_and_the_calls_tab_shows_it(qtbot, window):
    window.tabs.setCurrentIndex(1)  # the calendar
    reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    dialog = dialog_of(qtbot, CallDialog)
    type_keys(qtbot, Qt.Key.Key_Tab, "Zed Zimmer", Qt.Key.Key_Tab, "3125550177")  # not a patient
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, Qt.Key.Key_Return)
    calls = tab_of(window, CallsTab)
    assert calls.proxy.index(0, 2).data() == "Zed Zimmer"


def test_the_messages_tab_title_counts_the_overdue(qtbot, window, clock):
    messages = tab_of(window, MessagesTab)
    index = window.tabs.indexOf(messages)
    nurse = next(s for s in window.services.practice.staff() if s.name == "Nora Nurse")
    take_message(window.services, nurse, urgency=Urgency.URGENT, reason="new rash")
    messages.load()
    assert window.tabs.tabText(index) == "Messages"
    clock.advance(timedelta(minutes=90))
    with qtbot.waitSignal(messages.sig_badge_changed):
        messages.model.tick()
    assert window.tabs.tabText(index) == "Messages (1 overdue)"
    messages.select_message(messages.model.rows()[0].message.id)
    messages.ui.close_button.click()
    assert window.tabs.tabText(index) == "Messages"


def test_a_message_taken_from_a_call_reaches_the_messages_tab(qtbot, window):
    calls, messages = tab_of(window, CallsTab), tab_of(window, MessagesTab)
    ann = window.services.patients.search("ames")[0]
    log_call(window.services, ann, notes="wants her lab results")
    calls.load()
    dialog = calls.take_message()
    dialog.ui.questions_edit.setPlainText("Are they back?")
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save_button.click()
    assert messages.model.rowCount() == 1
    assert messages.proxy.index(0, 3).data() == "Ann Ames"


def test_the_lock_hides_every_call_and_message_and_the_open_form(qtbot, window):
    services = window.services
    nurse = next(s for s in services.practice.staff() if s.name == "Nora Nurse")
    log_call(services, None, caller_name="Quincy Quarrington", number="3125550188")
    take_message(services, nurse, caller_name="Zebediah Zorn", reason="asks about Quarrington's bill")
    calls = tab_of(window, CallsTab)
    calls.load()
    tab_of(window, MessagesTab).load()
    window.tabs.setCurrentWidget(calls)
    reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    dialog = dialog_of(qtbot, CallDialog)
    type_keys(qtbot, Qt.Key.Key_Tab, "Xavier Xu")
    assert "Quarrington" in visible_texts()

    window.lock()
    texts = visible_texts()
    assert "Quarrington" not in texts and "Xavier" not in texts and "Zorn" not in texts
    assert not calls.log_call_action.isEnabled()  # F2 opens nothing over the lock page
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert not dialog.isVisible()
    assert not window.search_action.isEnabled()

    unlock(window)
    assert dialog.isVisible() and dialog.ui.caller_edit.text() == "Xavier Xu"  # nothing typed is lost
    assert calls.log_call_action.isEnabled()
    dialog.close()


def test_the_window_fits_a_1366_pixel_laptop_screen_on_any_day(qtbot, window):
    from datetime import date

    calls = tab_of(window, CallsTab)
    calls.go_to(date(2026, 9, 30))  # the longest day name in the longest month name
    assert "09/30/2026" in calls.ui.date_label.text()
    assert calls.ui.date_label.toolTip() == "Wednesday, September 30, 2026"
    assert window.minimumSizeHint().width() <= 1366
