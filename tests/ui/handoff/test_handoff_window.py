"""The handoff from the main window, as two VMAs on one laptop meet it: Ann ends her shift with a
note (File → End shift…, Ctrl+Enter), VMA Desk locks and signs her out, Ben signs in and is shown
"Since your last shift" with Ann's note."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import TEST_PIN
from tests.ui.conftest import reactivate
from tests.ui.today.support import today_window_fixture  # noqa: F401 - a day of visits and work
from vma_desk.core.communications import MessageState
from vma_desk.core.records import AuditAction
from vma_desk.core.users import UserRole

BEN_PIN = "864213"


def test_end_shift_signs_out_and_the_next_vma_sees_the_note(qtbot, today_window, clock):
    from vma_desk.ui.handoff import EndShiftDialog, SinceLastShiftDialog

    window, _huddle = today_window
    ben, _ = window.services.users.add("Ben Ortiz", UserRole.VMA, BEN_PIN)
    # Ben worked yesterday and signed out then
    window.services.users.sign_in(ben.id, BEN_PIN)
    window.services.users.sign_out("end of shift")
    window.services.users.sign_in(window.services.users.by_name("Test VMA").id, TEST_PIN)
    clock.advance(timedelta(hours=1))
    message = next(m for m in window.services.communications.open_messages() if m.state is MessageState.NEW)
    window.services.communications.advance(message.id, MessageState.DELIVERED)  # Ann's work this shift

    qtbot.keyClick(window, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, EndShiftDialog) and w.isVisible())
    assert dialog.open_view.topLevelItemCount() > 0  # what is still open is listed
    reactivate(qtbot, dialog)  # offscreen Qt has no window manager to make it active
    qtbot.keyClicks(dialog.note_edit, "Mrs Ames's callback is Nora's after 4.")
    with qtbot.waitSignal(window.sig_locked, timeout=5000):
        qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.locked and window.workspace.is_locked
    assert "Shift ended" in window.sign_in_page.reason.text()

    page = window.sign_in_page
    names = [page.users.item(i).text() for i in range(page.users.count())]
    page.users.setCurrentRow(names.index("Ben Ortiz"))
    qtbot.keyClicks(page.pin, BEN_PIN)
    with qtbot.waitSignal(window.sig_unlocked, timeout=5000):
        qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(isinstance(w, SinceLastShiftDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    since = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SinceLastShiftDialog))
    texts = " ".join(label.text() for label in since.findChildren(type(page.title)))
    assert "Nora's after 4" in texts and "Test VMA" in texts
    assert since.changes_view.topLevelItemCount() > 0  # what Ann changed since Ben signed out
    entries = window.services.audit.page(0, 10)
    assert [e.action for e in entries][:1] == [AuditAction.SIGN_IN] and entries[0].user == "Ben Ortiz"
    assert any(e.action is AuditAction.SIGN_OUT and e.user == "Test VMA" for e in entries)
    since.close()
