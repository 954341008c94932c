"""A tab reads what it shows the first time the window shows it: signing in on Today reads neither
the day's calls nor the schedule, which nobody looks at yet; Alt+3 shows the calls, and a call
opened from elsewhere is shown and selected in the Calls tab it reads first."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt

from tests.conftest import TEST_PIN
from tests.ui.comms_support import log_call, window_fixture  # noqa: F401 - fixtures
from tests.ui.conftest import tab_of
from tests.ui.today.support import today_window_fixture  # noqa: F401 - fixtures
from vma_desk.ui.calendar.panels import SidePanel
from vma_desk.ui.calendar.source import ScheduleSource
from vma_desk.ui.calls.source import CallDaySource
from vma_desk.ui.calls.tab import CallsTab

#: what the Calls and Calendar tabs read their records with, by class and method
SOURCES = {"calls": (CallDaySource, "load"), "schedule": (ScheduleSource, "load"),
           "worklists": (SidePanel, "refresh")}


@pytest.fixture(name="reads")
def reads_fixture(monkeypatch) -> Counter[str]:
    """Each read of the Calls and Calendar tabs' records from now on, the window's sign-in too
    (requested before `window`, so that it is counted from the window's start)."""
    reads: Counter[str] = Counter()
    for name, (cls, method) in SOURCES.items():
        original = getattr(cls, method)

        def counted(self: object, *args: object, _original=original, _name: str = name) -> object:
            reads[_name] += 1
            return _original(self, *args)

        monkeypatch.setattr(cls, method, counted)
    return reads


def test_signing_in_on_today_reads_neither_the_calls_nor_the_schedule(qtbot, reads, window):
    calls = tab_of(window, CallsTab)
    assert window.tabs.currentIndex() == 0  # Today
    assert reads == Counter()
    ann = window.services.patients.search("ames")[0]
    logged = log_call(window.services, ann)

    window.lock()  # a tab never shown does not read at the next sign-in either
    qtbot.keyClicks(window.sign_in_page.pin, TEST_PIN)
    qtbot.keyClick(window.sign_in_page.pin, Qt.Key.Key_Return)
    assert not window.locked
    assert reads == Counter()

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentWidget() is calls
    assert reads == Counter({"calls": 1})
    assert [row.call.id for row in calls.model.rows()] == [logged.id]
    assert calls.proxy.rowCount() == 1


def test_a_call_opened_on_the_never_shown_calls_tab_is_selected(qtbot, reads, window):
    ann = window.services.patients.search("ames")[0]
    logged = log_call(window.services, ann)
    calls = tab_of(window, CallsTab)

    window.open_record("call", logged.id)

    assert window.tabs.currentWidget() is calls
    selected = calls.selected_call()
    assert selected is not None and selected.id == logged.id
    assert reads["schedule"] == 0 and reads["worklists"] == 0  # the Calendar is still unread


def test_a_tab_not_yet_shown_counts_in_its_title_as_it_will_once_shown(qtbot, today_window):
    """Only the tab shown at sign-in is built; the others' titles count from the services
    (`TabEntry.badge`) and say the same once the tab is built and has read its rows."""
    window, huddle = today_window
    # the counts come a moment after the window is painted (the tab shown first)
    qtbot.waitUntil(lambda: any("(" in window.tabs.tabText(i) for i in range(3, 6)))
    before = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for index in range(1, window.tabs.count()):
        window.show_tab(index)  # Alt+2…6: each tab built on its first show
    after = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert after == before
