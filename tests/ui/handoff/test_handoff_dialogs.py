"""The End shift dialog and "Since your last shift", driven by keys and clicks on a real workspace:
Ann types a note, leaves it for Ben and ends her shift with Ctrl+Enter; at Ben's sign-in his dialog
shows the note first and Ann's changes, and Enter on a row asks for that record. Esc asks before
discarding a typed note; Save as PDF… writes the one-page handoff through the export dialog.
The shift is the services' test shift (tests/services/test_handoff.py)."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.services.test_handoff import PIN, Made, at, make_shift
from tests.ui.conftest import answer_question, show_active, type_keys
from vma_desk.core.records import AuditAction
from vma_desk.ui.handoff import EndShiftDialog, SinceLastShiftDialog

NOTE = "Cal Cruz: Nora calls back before 4."


@pytest.fixture
def made(services, clock) -> Made:
    return make_shift(services, clock)


def open_end_shift(qtbot, made: Made) -> EndShiftDialog:
    dialog = EndShiftDialog(made.services)
    show_active(qtbot, dialog)
    return dialog


def rows(view) -> list[tuple[str, ...]]:
    return [tuple(view.topLevelItem(r).text(c) for c in range(view.columnCount()))
            for r in range(view.topLevelItemCount())]


def test_type_a_note_end_the_shift_and_the_next_user_sees_it(qtbot, made: Made):
    services = made.services
    dialog = open_end_shift(qtbot, made)
    assert dialog.open_view.topLevelItemCount() == 6
    assert rows(dialog.open_view)[0] == ("Message", "Cruz, Cal",
                                         "Urgent · delivered · callback due 9:00 AM (overdue)")
    assert "Messages: 2 new" in dialog.counts_label.text()
    assert [r[0] for r in rows(dialog.notable_view)] == ["Escalated message", "Late cancellation",
                                                         "Conflict overridden"]
    assert QApplication.focusWidget() is dialog.note_edit
    type_keys(qtbot, NOTE, Qt.Key.Key_Tab)  # Tab leaves the note for the combo
    assert QApplication.focusWidget() is dialog.to_combo
    qtbot.keyClick(dialog.to_combo, Qt.Key.Key_Down)
    assert dialog.to_combo.currentText() == "Ben Ortiz"
    with qtbot.waitSignal(dialog.sig_shift_ended) as ended:
        qtbot.keyClick(dialog.to_combo, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert ended.args[0].kind == "handoff" and ended.args[0].action is AuditAction.CREATE
    assert not dialog.isVisible()
    # the window signs Ann out; Ben signs in
    services.users.sign_out("end of shift")
    made.clock.current = at(made.clock.current.date(), 15, 30)
    services.users.sign_in(made.ben.id, PIN)
    since = SinceLastShiftDialog(services, made.ben.id)
    assert since.has_content()
    show_active(qtbot, since)
    assert [label.text() for label in since.note_labels] == [NOTE]
    changes = rows(since.changes_view)
    assert len(changes) == 8 and all(row[3] == "Ann Lee" for row in changes)
    assert ("Message", "Diaz, Dee", "emergency · closed · 2 changes", "Ann Lee", "Mon 03/02 9:00 AM") \
        in changes
    first = since.changes_view.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole)
    assert QApplication.focusWidget() is since.changes_view
    with qtbot.waitSignal(since.sig_record_requested) as requested:
        qtbot.keyClick(since.changes_view, Qt.Key.Key_Return)
    assert tuple(requested.args) == tuple(first) == ("appointment", made.early.id)
    assert since.isVisible()  # Enter opened the record, it did not close the dialog
    # a double-click on another row
    item = since.changes_view.topLevelItem(2)
    rect = since.changes_view.visualItemRect(item)
    qtbot.mouseClick(since.changes_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # its press
    with qtbot.waitSignal(since.sig_record_requested) as requested:
        qtbot.mouseDClick(since.changes_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tuple(requested.args) == tuple(item.data(0, Qt.ItemDataRole.UserRole))


def test_escape_asks_before_discarding_a_typed_note(qtbot, made: Made):
    dialog = open_end_shift(qtbot, made)
    type_keys(qtbot, "half a thought")
    seen: list[str] = []
    answer_question("Keep writing", seen)
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Escape)
    assert seen == ["The note for the next VMA is not saved, and your shift goes on."]
    assert dialog.isVisible() and dialog.note() == "half a thought"
    answer_question("Discard the note", seen)
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert made.services.handoff.handoffs_by(made.ann.id) == []
    # without a note Esc closes at once
    other = open_end_shift(qtbot, made)
    qtbot.keyClick(other.note_edit, Qt.Key.Key_Escape)
    assert not other.isVisible() and len(seen) == 2


def test_enter_on_an_open_item_asks_for_it_and_does_not_end_the_shift(qtbot, made: Made):
    dialog = open_end_shift(qtbot, made)
    dialog.open_view.setFocus()
    dialog.open_view.setCurrentItem(dialog.open_view.topLevelItem(1))
    with qtbot.waitSignal(dialog.sig_record_requested) as requested:
        qtbot.keyClick(dialog.open_view, Qt.Key.Key_Return)
    assert tuple(requested.args) == ("refill", made.refill.id)
    assert dialog.isVisible() and made.services.handoff.handoffs_by(made.ann.id) == []


def test_save_as_pdf_writes_the_handoff_as_typed(qtbot, made: Made, tmp_path):
    dialog = open_end_shift(qtbot, made)
    type_keys(qtbot, NOTE)
    out = tmp_path / "handoff.pdf"
    dialog.choose_path = lambda suggested: str(out)
    qtbot.mouseClick(dialog.save_pdf_button, Qt.MouseButton.LeftButton)
    assert out.exists()
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, check=True,
                          timeout=60).stdout.decode()
    assert text.count("\f") == 1 and NOTE in " ".join(text.split())
    entry = made.services.audit.page(0, 1)[0]
    assert (entry.action, entry.record_type, entry.record_id) == (AuditAction.EXPORT, "pdf", "handoff")
    assert dialog.isVisible() and dialog.note() == NOTE  # the shift goes on until it is ended


def test_nothing_since_the_last_shift_means_no_dialog(qtbot, made: Made):
    services = made.services
    services.users.sign_out("end of shift")
    made.clock.current = at(made.clock.current.date(), 16)
    services.users.sign_in(made.ann.id, PIN)
    dialog = SinceLastShiftDialog(services, made.ann.id)
    qtbot.addWidget(dialog)
    assert not dialog.has_content()


def test_screenshots(qtbot, made: Made):
    """Both dialogs filled in by keys, shown and closed without a refusal."""
    dialog = open_end_shift(qtbot, made)
    type_keys(qtbot, "Cal Cruz's rash: Nora calls back before 4.")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    type_keys(qtbot, "Eve's MRI auth: Blue Cross said Wednesday.")
    dialog.end_shift()
    made.services.users.sign_out("end of shift")
    made.clock.current = at(made.clock.current.date(), 15, 30)
    made.services.users.sign_in(made.ben.id, PIN)
    since = SinceLastShiftDialog(made.services, made.ben.id)
    show_active(qtbot, since)


def test_a_note_too_long_is_said_under_it_and_the_shift_goes_on(qtbot, made: Made):
    dialog = open_end_shift(qtbot, made)
    error = dialog.findChild(type(dialog.error_label), "handoff_error")
    assert error is not None and not error.isVisible()
    dialog.note_edit.setPlainText("x" * 4001)
    assert dialog.end_shift() is False
    assert error.isVisible() and error.text() == "Note: must be at most 4000 characters."
    assert dialog.isVisible()
    dialog.note_edit.setPlainText(NOTE)
    assert dialog.end_shift() is True and error.isHidden()
