"""The practice settings' Chasing page as a practice manager uses it: how often the voicemail box is
checked, and per kind of chase when to try again and when to stop; a bad cell is named beside the
table and nothing is saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from vma_desk.core.chase import ChaseKind
from vma_desk.ui.practice.settings import RETRY_COLUMNS, PracticeSettingsDialog


@pytest.fixture
def dialog(qtbot, services):
    d = PracticeSettingsDialog(services)
    qtbot.addWidget(d)
    d.show()
    d.ui.pages.setCurrentWidget(d.ui.chasing_page)
    return d


def type_in_cell(qtbot, dialog, kind: ChaseKind, field: str, text: str) -> None:
    table = dialog.ui.retry_table
    row = list(ChaseKind).index(kind)
    column = [name for name, _ in RETRY_COLUMNS].index(field)
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # edit the cell, as a user does
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and table.isAncestorOf(QApplication.focusWidget()))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, column).text() == text)


def test_the_page_shows_the_defaults_and_saves_what_is_typed(qtbot, dialog, services):
    table = dialog.ui.retry_table
    assert table.rowCount() == len(ChaseKind)
    assert table.verticalHeaderItem(list(ChaseKind).index(ChaseKind.RECALL)).text() == "Recall"
    assert table.item(0, 0).text() == "2" and table.item(0, 4).text() == "3"
    type_in_cell(qtbot, dialog, ChaseKind.RECALL, "no_answer_hours", "4")
    type_in_cell(qtbot, dialog, ChaseKind.RECALL, "max_attempts", "5")
    dialog.ui.box_hours_spin.setValue(2)
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.ui.button_box.accepted.emit()
    policy = services.chase.policy(ChaseKind.RECALL)
    assert (policy.no_answer_hours, policy.max_attempts) == (4, 5)
    assert services.chase.policy(ChaseKind.VOICEMAIL).no_answer_hours == 2
    assert services.chase.box_check_hours() == 2


@pytest.mark.parametrize(("text", "said"), [
    ("two", "Rebooking, Stop after: type a whole number"),
    ("0", "Rebooking: must be between 1 and 10"),
])
def test_a_bad_cell_is_named_beside_the_table_and_nothing_is_saved(qtbot, dialog, services, text, said):
    dialog.ui.box_hours_spin.setValue(5)
    type_in_cell(qtbot, dialog, ChaseKind.REBOOK, "max_attempts", text)
    dialog.ui.button_box.accepted.emit()
    assert dialog.isVisible()
    assert said in dialog.ui.retry_error.text()
    assert dialog.ui.retry_error.isVisible()
    assert services.chase.box_check_hours() == 3  # nothing saved, the other pages included
    assert services.chase.policy(ChaseKind.REBOOK).max_attempts == 3


def test_a_type_gets_a_follow_up_call_after_n_business_days(qtbot, services):
    from vma_desk.ui.practice.types_model import FOLLOW_UP

    dialog = PracticeSettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.pages.setCurrentWidget(dialog.ui.types_page)
    model, view = dialog.types_model, dialog.ui.types_view
    row = next(i for i, t in enumerate(model.types) if t.code == "proc")
    assert model.index(row, FOLLOW_UP).data() == "off"  # off by default
    view.setFocus()
    view.setCurrentIndex(model.index(row, FOLLOW_UP))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and view.isAncestorOf(QApplication.focusWidget()))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "45")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # leaves the cell: what was typed is kept
    assert model.types[row].follow_up_days == 45
    dialog.ui.button_box.accepted.emit()
    assert "follow-up call must be between 1 and 30 business days" in dialog.ui.types_error.text()
    assert next(t for t in services.calendar.types() if t.code == "proc").follow_up_days is None
    model.setData(model.index(row, FOLLOW_UP), "2")
    assert model.index(row, FOLLOW_UP).data() == "2 business days"
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.ui.button_box.accepted.emit()
    assert next(t for t in services.calendar.types() if t.code == "proc").follow_up_days == 2
