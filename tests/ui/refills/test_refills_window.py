"""The Refills tab in the main window: its title counts the requests near or past due and
follows the clock, it hears changes made elsewhere, and its own changes reach the window."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from tests.conftest import unlock
from tests.ui.refills.support import refills_window_fixture, request_draft  # noqa: F401
from vma_desk.core.refills import RefillStep
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


def test_a_request_routed_elsewhere_is_read_alone_and_shown_in_its_place(qtbot, monkeypatch, refills_window):
    """A step taken on a request from another part of the window: the Refills tab reads that
    request again, not its list, and shows it routed; the list keeps its order."""
    window, desk = refills_window
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # View → Refills
    tab = window.tabs.widget(refills_index(window))
    first, change = window.services.refills.create(request_draft(desk))
    window._on_change(change.from_origin("CallsTab"))
    second, change = window.services.refills.create(request_draft(desk))
    window._on_change(change.from_origin("CallsTab"))
    order = [row.record_id for row in tab.model.rows()]
    assert sorted(order) == sorted([first.id, second.id])
    whole: list[int] = []
    open_rows = tab._source.open_rows
    monkeypatch.setattr(tab._source, "open_rows", lambda **kw: whole.append(1) or open_rows(**kw))

    routed, change = window.services.refills.route(first.id)
    window._on_change(change.from_origin("CallsTab"))
    assert whole == []  # only the routed request was read again
    shown = tab.model.row(tab.model.row_of(first.id)).request
    assert shown == routed and routed.reached(RefillStep.ROUTED) is not None
    assert [row.record_id for row in tab.model.rows()] == order
