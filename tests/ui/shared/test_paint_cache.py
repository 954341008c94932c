"""A tab shown again draws its lists from their last picture (`ui.shared.paint_cache`), and what the
VMA sees is always what a fresh paint would show: the same pixels when nothing changed, the new
rows when something changed while the tab was hidden, the new selection after a click."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTableView

from tests.ui.comms_support import take_message, window_fixture  # noqa: F401 - fixture
from tests.ui.conftest import tab_of
from vma_desk.core.records import StaffMember
from vma_desk.core.validation import format_phone
from vma_desk.ui.messages.tab import MessagesTab
from vma_desk.ui.shared.paint_cache import REST_MS, ViewportCache

MESSAGES, CALLS = 3, 2


def staff(window, name: str) -> StaffMember:  # noqa: ANN001
    return next(s for s in window.services.practice.staff() if s.name == name)


def seen(view: QTableView) -> QImage:
    """What the list shows now, painted as it is on screen (through its picture when it has one)."""
    return view.viewport().grab().toImage()


def fresh(view: QTableView, cache: ViewportCache) -> QImage:
    """What a paint without any picture shows."""
    cache.drop()
    return view.viewport().grab().toImage()


def shown_and_looked_at(qtbot, window, index: int) -> None:  # noqa: ANN001
    window.show_tab(index)  # Alt+N
    qtbot.wait(REST_MS + 150)  # the VMA reads the tab: its lists are pictured meanwhile
    if index == MESSAGES:
        _view, cache = message_list(window)
        qtbot.waitUntil(lambda: cache.pictured)  # (a loaded machine takes longer)


def message_list(window) -> tuple[QTableView, ViewportCache]:  # noqa: ANN001
    view = tab_of(window, MessagesTab).view
    [cache] = view.findChildren(ViewportCache, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return view, cache


def test_a_tab_shown_again_is_drawn_from_its_picture_and_looks_the_same(qtbot, window):
    take_message(window.services, staff(window, "Nora Nurse"), caller_name="Bo Burr")
    take_message(window.services, staff(window, "Fran Front"), caller_name="Cy Cole")
    shown_and_looked_at(qtbot, window, MESSAGES)
    view, cache = message_list(window)
    before = seen(view)

    shown_and_looked_at(qtbot, window, CALLS)
    hits = cache.hits
    window.show_tab(MESSAGES)
    qtbot.waitUntil(lambda: cache.hits > hits)  # painted from the picture
    assert seen(view) == before
    assert seen(view) == fresh(view, cache)


def test_a_message_taken_while_the_tab_was_hidden_is_shown_not_the_old_picture(qtbot, window):
    take_message(window.services, staff(window, "Nora Nurse"), caller_name="Bo Burr")
    shown_and_looked_at(qtbot, window, MESSAGES)
    messages = tab_of(window, MessagesTab)
    view, cache = message_list(window)
    before = seen(view)
    shown_and_looked_at(qtbot, window, CALLS)

    dialog = messages.open_new_message()  # Ctrl+M with the Calls tab in front
    ui = dialog.ui
    ui.caller_edit.setText("Cy Cole")
    ui.contact_edit.setText("217-555-0123")
    ui.reason_edit.setPlainText("asks for a callback")
    ui.recipient_combo.setCurrentIndex(ui.recipient_combo.findData(staff(window, "Fran Front").id))
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save_button.click()
    assert messages.model.rowCount() == 2
    hits = cache.hits

    window.show_tab(MESSAGES)
    qtbot.wait(50)
    after = seen(view)
    assert cache.hits == hits  # painted anew, not from the picture taken before
    assert after != before
    assert after == fresh(view, cache)


def test_a_row_clicked_before_switching_away_is_still_selected_when_shown_again(qtbot, window):
    for caller in ("Bo Burr", "Cy Cole", "Di Dunn"):
        take_message(window.services, staff(window, "Nora Nurse"), caller_name=caller)
    shown_and_looked_at(qtbot, window, MESSAGES)
    view, cache = message_list(window)
    last = view.model().index(2, 1)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(last).center())
    assert view.currentIndex().row() == 2
    qtbot.waitUntil(lambda: cache.pictured)  # the VMA reads the message clicked: pictured meanwhile
    clicked = seen(view)
    shown_and_looked_at(qtbot, window, CALLS)

    hits = cache.hits
    window.show_tab(MESSAGES)
    qtbot.waitUntil(lambda: cache.hits > hits)
    assert seen(view) == clicked == fresh(view, cache)


def test_a_message_that_fell_overdue_while_the_tab_was_hidden_shows_it(qtbot, window, clock):
    """Only the model's 30-second tick changes the list here (no dialog, no click): its repaint of
    the ages and overdue marks must reach the screen, not the picture taken days earlier."""
    take_message(window.services, staff(window, "Nora Nurse"), caller_name="Bo Burr")
    shown_and_looked_at(qtbot, window, MESSAGES)
    view, cache = message_list(window)
    before = seen(view)
    shown_and_looked_at(qtbot, window, CALLS)

    clock.advance(timedelta(days=3))
    tab_of(window, MessagesTab).model.timer.timeout.emit()  # its 30-second tick, not waited for
    assert tab_of(window, MessagesTab).overdue_count() == 1
    hits = cache.hits
    window.show_tab(MESSAGES)
    qtbot.wait(50)
    after = seen(view)
    assert cache.hits == hits and after != before
    assert after == fresh(view, cache)


def test_a_locked_window_keeps_no_picture_of_a_list_nor_a_remembered_phone_number(qtbot, window):
    take_message(window.services, staff(window, "Nora Nurse"), caller_name="Bo Burr")
    shown_and_looked_at(qtbot, window, MESSAGES)
    _view, cache = message_list(window)
    assert cache.pictured and format_phone.cache_info().currsize > 0

    window.lock()  # Ctrl+L
    assert not cache.pictured
    assert format_phone.cache_info().currsize == 0
