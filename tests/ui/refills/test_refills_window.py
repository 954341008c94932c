"""The Refills tab in the main window: its title counts the requests near or past due and
follows the clock, it hears changes made elsewhere, and its own changes reach the window."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from tests.conftest import unlock
from tests.ui.refills.support import refills_window_fixture, request_draft  # noqa: F401
from vma_desk.ui.main_window import TABS


def refills_index(window) -> int:
    return [entry.title for entry in TABS].index("Refills")


def test_the_tab_title_counts_near_and_past_due_requests(qtbot, clock, refills_window):
    window, desk = refills_window
    index = refills_index(window)
    assert window.tabs.tabText(index) == "Refills"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # View → Refills
    assert window.tabs.currentIndex() == index
    tab = window.tabs.widget(index)

    # a request entered elsewhere (the Calls tab) reaches the tab as a change
    _saved, change = window.services.refills.create(request_draft(desk))
    window._on_change(change.from_origin("CallsTab"))
    assert tab.proxy.rowCount() == 1

    clock.advance(timedelta(hours=6))  # 15:30: due at 5:00 PM
    tab.refresh()  # the tab's timer, sooner
    assert window.tabs.tabText(index) == "Refills (1 near due)"
    clock.advance(timedelta(hours=2))
    tab.refresh()
    assert window.tabs.tabText(index) == "Refills (1 past due)"

    with qtbot.waitSignal(window.sig_changed) as sent:  # the tab's own step, for the other tabs
        tab.ui.route_button.click()
    assert sent.args[0].kind == "refill"

    window.lock()
    assert not tab.model.timer.isActive()  # the clock's marks stop while the screen is locked
    unlock(window)
    assert tab.model.timer.isActive()
