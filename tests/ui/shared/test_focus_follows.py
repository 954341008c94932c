"""Issue 12, item 8: focus follows the user. Alt+1…6 (or a click on a tab) puts the keyboard in the
tab's main list, its first row chosen, so the tab's own keys work at once: nothing is clicked in
the list first. Driven with keys only, as a VMA at the phone does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from tests.ui.calendar.support import dialog_of
from tests.ui.conftest import reactivate
from tests.ui.today.support import MONDAY, at, today_window_fixture  # noqa: F401 - fixtures
from vma_desk.core.communications import Call, CallReason, Direction, MessageState
from vma_desk.core.refills import RefillStep
from vma_desk.ui.calendar.appointment import AppointmentDialog
from vma_desk.ui.calendar.booking import BookingDialog
from vma_desk.ui.calls.dialog import CallDialog
from vma_desk.ui.main_window import MainWindow
from vma_desk.ui.messages.dialog import MessageDialog
from vma_desk.ui.referrals.dialog import ReferralDialog
from vma_desk.ui.refills.dialog import RefillDialog

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
ENTER = Qt.Key.Key_Return


NONE = Qt.KeyboardModifier.NoModifier


def press(qtbot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    """A key pressed wherever the keyboard is now (the window itself when nothing has focus)."""
    target: QWidget = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def close(qtbot, window: MainWindow, dialog: QWidget) -> None:
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    reactivate(qtbot, window)


def log_call(huddle) -> Call:
    call, _ = huddle.services.communications.log_call(Call(
        at(MONDAY, 9, 20), Direction.INBOUND, "Ann Ames", CallReason.APPOINTMENT, number="3125550100",
        patient_id=huddle.patients["Ann"].id, notes="wants an earlier visit"))
    return call


def calls_enter_opens_the_call(qtbot, window: MainWindow, _huddle) -> None:
    press(qtbot, window, ENTER)
    opened = dialog_of(qtbot, CallDialog)
    assert opened.windowTitle().startswith("Call of")
    close(qtbot, window, opened)
    press(qtbot, window, Qt.Key.Key_M, CTRL)  # a message from the same call
    close(qtbot, window, dialog_of(qtbot, MessageDialog))


def today_enter_opens_the_first_visit(qtbot, window: MainWindow, _huddle) -> None:
    press(qtbot, window, ENTER)  # in the Calendar, on its day
    close(qtbot, window, dialog_of(qtbot, AppointmentDialog))


def calendar_ctrl_n_books(qtbot, window: MainWindow, _huddle) -> None:
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    close(qtbot, window, dialog_of(qtbot, BookingDialog))


def messages_ctrl_enter_takes_the_next_step(qtbot, window: MainWindow, huddle) -> None:
    first = window.tabs.widget(3).selected_message()
    assert first is not None and first.state is MessageState.NEW
    press(qtbot, window, ENTER, CTRL)
    assert huddle.services.communications.get_message(first.id).state is MessageState.NEW.next
    press(qtbot, window, Qt.Key.Key_M, CTRL)
    close(qtbot, window, dialog_of(qtbot, MessageDialog))


def refills_ctrl_enter_routes(qtbot, window: MainWindow, huddle) -> None:
    refill = window.tabs.widget(4).selected_request()
    assert refill is not None and refill.reached(RefillStep.ROUTED) is None
    press(qtbot, window, ENTER, CTRL)
    assert huddle.services.refills.get(refill.id).reached(RefillStep.ROUTED) is not None
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    close(qtbot, window, dialog_of(qtbot, RefillDialog))


def referrals_ctrl_n_starts_one(qtbot, window: MainWindow, _huddle) -> None:
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    close(qtbot, window, dialog_of(qtbot, ReferralDialog))


#: each tab's key and what it does, and the widget of the tab the VMA had used last (a filter)
CASES = [(1, today_enter_opens_the_first_visit, "provider_combo"),
         (2, calendar_ctrl_n_books, "worklist_combo"),
         (3, calls_enter_opens_the_call, "reason_filter_combo"),
         (4, messages_ctrl_enter_takes_the_next_step, "filter_combo"),
         (5, refills_ctrl_enter_routes, "filter_combo"),
         (6, referrals_ctrl_n_starts_one, "referral_filter_combo")]


@pytest.mark.parametrize(("number", "then", "used_last"), CASES, ids=[c[1].__name__ for c in CASES])
def test_alt_number_then_the_tabs_key_works_at_once(qtbot, today_window, number, then, used_last):
    window, huddle = today_window
    log_call(huddle)
    window.page(2).load()  # the call came in through the service, as from another window
    reactivate(qtbot, window)
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6]
    press(qtbot, window, keys[number - 1], ALT)
    tab = window.tabs.widget(number - 1)
    getattr(tab.ui, used_last).setFocus()  # earlier the VMA chose a filter of the tab...
    press(qtbot, window, keys[2 if number == 1 else 0], ALT)  # ...then worked in another tab
    press(qtbot, window, keys[number - 1], ALT)
    assert window.tabs.currentIndex() == number - 1
    assert isinstance(QApplication.focusWidget(), QAbstractItemView)  # the tab's list, not the filter
    then(qtbot, window, huddle)


def test_a_click_on_a_tab_puts_the_keyboard_in_its_list(qtbot, today_window):
    window, _huddle = today_window
    reactivate(qtbot, window)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(5).center())
    referrals = window.tabs.widget(5)  # built by its first show, the click
    assert QApplication.focusWidget() is referrals.referral_view
    assert referrals.selected_referral() is not None  # the first row, chosen
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    close(qtbot, window, dialog_of(qtbot, ReferralDialog))

    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert QApplication.focusWidget() is window.tabs.widget(0).visit_view
    press(qtbot, window, ENTER)
    close(qtbot, window, dialog_of(qtbot, AppointmentDialog))


def test_alt_number_on_the_tab_shown_brings_the_keyboard_back_to_its_list(qtbot, today_window):
    window, _huddle = today_window
    reactivate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_4, ALT)
    messages = window.tabs.widget(3)
    messages.ui.filter_combo.setFocus()  # the VMA went to the filter, and now wants the list
    press(qtbot, window, Qt.Key.Key_4, ALT)
    assert QApplication.focusWidget() is messages.view
