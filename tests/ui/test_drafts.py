"""Nothing typed is lost (issue 12, item 1): Esc, Cancel or the close button on a form with typed
content asks "Discard / Keep editing" (a red flag in a call's notes is named in the question); an
unsaved form keeps an encrypted draft inside the workspace that comes back after a crash or a
restart; nothing of it is written anywhere else."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.conftest import TEST_PIN, signed_in, unlock
from tests.ui.comms_support import (  # noqa: F401 - fixtures
    MONDAY,
    build_desk,
    calls_tab_fixture,
    desk_fixture,
    dialog_of,
    no_dialog,
    open_call_form,
    preferences_fixture,
    window_fixture,
)
from tests.ui.conftest import answer_question, focused, tab_of, type_keys
from vma_desk.core.records import Practice
from vma_desk.services import Services
from vma_desk.storage.workspace import Workspace
from vma_desk.ui import drafts
from vma_desk.ui.calendar.booking import BookingDialog
from vma_desk.ui.calls.dialog import CallDialog
from vma_desk.ui.main_window import MainWindow
from vma_desk.ui.messages.dialog import MessageDialog
from vma_desk.ui.patients.editor import PatientEditorDialog
from vma_desk.ui.referrals.auth_dialog import PriorAuthDialog
from vma_desk.ui.referrals.dialog import ReferralDialog
from vma_desk.ui.refills.dialog import RefillDialog
from vma_desk.ui.settings import Preferences

ESC = Qt.Key.Key_Escape
CTRL = Qt.KeyboardModifier.ControlModifier


def _esc(qtbot, dialog: QDialog) -> None:
    """Esc where the keyboard is (after a question box closes offscreen, nothing has focus: the
    dialog then)."""
    qtbot.keyClick(QApplication.focusWidget() or dialog, ESC)


def test_esc_on_a_call_naming_chest_pain_asks_and_keeps_everything(qtbot, services, calls_tab, desk):
    signed_in(services)
    dialog = open_call_form(qtbot, calls_tab)
    ui = dialog.ui
    ui.caller_edit.setFocus()
    type_keys(qtbot, "Ann Ames")
    ui.notes_edit.setFocus()
    type_keys(qtbot, "Husband called: chest pain since 8 this morning")

    seen: list[str] = []
    answer_question("Keep editing", seen)
    _esc(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(seen))
    assert "not saved" in seen[0] and "red flag" in seen[0] and "\u201cchest pain\u201d" in seen[0]
    assert dialog.isVisible()
    assert ui.notes_edit.toPlainText() == "Husband called: chest pain since 8 this morning"
    assert ui.caller_edit.text() == "Ann Ames"

    answer_question("Discard call", seen)
    _esc(qtbot, dialog)
    qtbot.waitUntil(lambda: no_dialog(CallDialog))
    assert len(seen) == 2
    assert services.communications.calls_on(MONDAY) == []
    assert services.drafts.waiting() == []  # discarded on purpose: no draft comes back


def test_an_untouched_form_closes_on_esc_without_a_question(qtbot, services, calls_tab, desk):
    signed_in(services)
    dialog = open_call_form(qtbot, calls_tab)
    _esc(qtbot, dialog)
    qtbot.waitUntil(lambda: no_dialog(CallDialog))
    assert services.drafts.waiting() == []


def test_cancel_asks_too(qtbot, services, calls_tab, desk):
    signed_in(services)
    # (the title bar's close button sends a spontaneous close event, which the offscreen platform
    # cannot make: the guard treats it as Esc)
    dialog = open_call_form(qtbot, calls_tab)
    dialog.ui.caller_edit.setFocus()
    type_keys(qtbot, "Bo Burr")
    seen: list[str] = []
    answer_question("Keep editing", seen)
    dialog.ui.button_box.button(dialog.ui.button_box.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: bool(seen))
    assert dialog.isVisible() and dialog.ui.caller_edit.text() == "Bo Burr"


# every form that creates a record asks; each opened with the keys a VMA uses ----------------------
FORMS = [
    # (tab key, keys that open the form, form class, the field typed in)
    ("4", (Qt.Key.Key_M, CTRL), MessageDialog, "reason_edit"),
    ("5", (Qt.Key.Key_N, CTRL), RefillDialog, "medication_edit"),
    ("6", (Qt.Key.Key_N, CTRL), ReferralDialog, "reason_edit"),
    ("2", (Qt.Key.Key_N, CTRL), BookingDialog, "reason_edit"),
]


@pytest.mark.parametrize(("tab", "keys", "kind", "field"), FORMS, ids=[f[2].__name__ for f in FORMS])
def test_every_form_asks_before_esc_discards_typing(qtbot, window, tab, keys, kind, field):
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{tab}"), Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(focused(), *keys)
    dialog = dialog_of(qtbot, kind)
    edit = getattr(dialog.ui, field)
    edit.setFocus()
    type_keys(qtbot, "typed by hand")
    seen: list[str] = []
    answer_question("Keep editing", seen)
    _esc(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(seen))
    assert "not saved" in seen[0]
    assert dialog.isVisible() and "typed by hand" in (
        edit.toPlainText() if hasattr(edit, "toPlainText") else edit.text())
    dialog.reject()  # by code: closes without a question


def test_a_prior_authorisation_and_a_new_patient_ask_too(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    editor = dialog_of(qtbot, PatientEditorDialog)
    type_keys(qtbot, "Zed")
    seen: list[str] = []
    answer_question("Keep editing", seen)
    _esc(qtbot, editor)
    qtbot.waitUntil(lambda: bool(seen))
    assert editor.isVisible() and editor.ui.first_name_edit.text() == "Zed"
    editor.reject()

    referrals = tab_of(window, "ReferralsTab")
    auth = referrals.open_new_auth()
    auth.activateWindow()
    qtbot.waitUntil(auth.isActiveWindow)
    auth.ui.service_edit.setFocus()
    type_keys(qtbot, "MRI lumbar spine")
    answer_question("Keep editing", seen)
    _esc(qtbot, auth)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert isinstance(auth, PriorAuthDialog) and auth.isVisible()
    auth.reject()


# drafts -------------------------------------------------------------------------------------------
def test_a_draft_is_kept_encrypted_and_offered_when_the_form_opens_again(qtbot, services, calls_tab, desk,
                                                                          monkeypatch, data_dir):
    signed_in(services)
    monkeypatch.setattr(drafts, "KEEP_EVERY_MS", 50)
    dialog = open_call_form(qtbot, calls_tab)
    dialog.ui.caller_edit.setFocus()
    type_keys(qtbot, "Ann Ames")
    dialog.ui.notes_edit.setFocus()
    type_keys(qtbot, "Zyxwv wants a callback about her knee")
    qtbot.waitUntil(lambda: services.drafts.find("call") is not None, timeout=3000)
    assert "Zyxwv" in services.drafts.find("call").fields["notes_edit"]
    services.workspace.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    for path in Path(data_dir).rglob("*"):  # the database, its WAL: no plaintext anywhere
        if path.is_file():
            assert b"Zyxwv" not in path.read_bytes(), path

    dialog.reject()  # closed by code, as when the app quits: the draft stays
    qtbot.waitUntil(lambda: no_dialog(CallDialog))
    assert services.drafts.find("call") is not None

    again = open_call_form(qtbot, calls_tab)
    bar = again.draft_guard.bar
    assert bar is not None and bar.isVisible() and "new call" in bar.label.text()
    assert again.ui.notes_edit.toPlainText() == ""
    bar.restore_button.click()
    assert again.ui.notes_edit.toPlainText() == "Zyxwv wants a callback about her knee"
    assert again.ui.caller_edit.text() == "Ann Ames"
    with qtbot.waitSignal(again.sig_saved):
        again.save_button.click()
    assert services.drafts.find("call") is None  # saved as a call: the draft is gone


def test_a_draft_can_be_declined(qtbot, services, calls_tab, desk):
    signed_in(services)
    services.drafts.keep("call", "", {"caller_edit": "Cy Cole", "notes_edit": "old text"})
    dialog = open_call_form(qtbot, calls_tab)
    dialog.draft_guard.bar.discard_button.click()
    assert services.drafts.find("call") is None
    assert dialog.ui.caller_edit.text() == ""
    _esc(qtbot, dialog)  # nothing typed: closes at once
    qtbot.waitUntil(lambda: no_dialog(CallDialog))


_CRASHING_APP = textwrap.dedent("""
    import os, signal, sys
    from datetime import date
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from tests.ui.comms_support import at
    from vma_desk.core.clock import FixedClock
    from vma_desk.services import Services
    from vma_desk.storage.keys import KeyStore
    from vma_desk.storage.workspace import Workspace
    from vma_desk.ui import drafts
    from vma_desk.ui.main_window import MainWindow
    from vma_desk.ui.settings import Preferences

    data_dir, pin, ini = sys.argv[1], sys.argv[2], sys.argv[3]
    drafts.KEEP_EVERY_MS = 100
    app = QApplication([])
    keystore = KeyStore.from_environment()
    workspace = Workspace.unlock_with_keyring(data_dir, keystore)
    clock = FixedClock(at(date(2026, 3, 2), 9, 30))
    services = Services.for_workspace(workspace, clock=clock)
    preferences = Preferences(QSettings(ini, QSettings.Format.IniFormat))
    window = MainWindow(workspace, keystore, preferences=preferences, services=services)
    window.show()
    window.sign_in_page.pin.setText(pin)
    window.sign_in_page.button.click()
    window.show_tab(2)  # Alt+3: the Calls tab
    dialog = window.tabs.currentWidget().open_new_call()
    dialog.ui.caller_edit.setText("Dee Dunn")
    dialog.ui.notes_edit.setFocus()
    QTest.keyClicks(dialog.ui.notes_edit, "fell at home, hip hurts")

    def crash_when_kept():
        if services.drafts.find("call") is not None:
            os.kill(os.getpid(), signal.SIGKILL)  # a crash: no closeEvent, no checkpoint
        QTimer.singleShot(50, crash_when_kept)

    QTimer.singleShot(50, crash_when_kept)
    app.exec()
""")


def test_a_draft_survives_a_crash_and_is_offered_at_the_next_sign_in(qtbot, tmp_path, data_dir, keystore,
                                                                      clock):
    workspace, _ = Workspace.create(data_dir, keystore)
    services = Services.for_workspace(workspace, clock=clock)
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago"))
    build_desk(services)
    signed_in(services)
    workspace.close()

    script = tmp_path / "crash.py"
    script.write_text(_CRASHING_APP)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    done = subprocess.run([sys.executable, str(script), str(data_dir), TEST_PIN, str(tmp_path / "c.ini")],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr[-3000:]

    workspace = Workspace.unlock_with_keyring(data_dir, keystore)
    services = Services.for_workspace(workspace, clock=clock)
    preferences = Preferences(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, keystore, preferences=preferences, services=services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    unlock(window)
    qtbot.waitUntil(lambda: window._drafts_banner is not None and window._drafts_banner.isVisible())
    banner = window._drafts_banner
    assert "new call" in banner.label.text()
    banner.reopen_button.click()
    dialog = dialog_of(qtbot, CallDialog)
    assert dialog.ui.notes_edit.toPlainText() == "fell at home, hip hurts"
    assert dialog.ui.caller_edit.text() == "Dee Dunn"
    assert not banner.isVisible()
    dialog.reject()
    window.close()
    keystore.delete(workspace.workspace_id)


def test_a_draft_left_behind_by_a_lock_stays_its_users(qtbot, services, calls_tab, desk, monkeypatch):
    from vma_desk.core.users import UserRole

    signed_in(services)
    ann_id = services.context.user_id
    ben, _ = services.users.add("Ben Ortiz", UserRole.VMA, "246802")
    monkeypatch.setattr(drafts, "KEEP_EVERY_MS", 50)
    dialog = open_call_form(qtbot, calls_tab)
    dialog.ui.notes_edit.setFocus()
    type_keys(qtbot, "Zyxwv: chest pain")
    qtbot.waitUntil(lambda: services.drafts.find("call") is not None, timeout=3000)
    services.users.sign_in(ben.id, "246802")  # the form stays hidden for Ann; Ben works meanwhile
    type_keys(qtbot, " since 8")  # what Ann typed last, kept by the next tick
    qtbot.wait(300)
    assert services.drafts.waiting() == []  # nothing of Ann's under Ben's name
    services.users.sign_in(ann_id, TEST_PIN)
    assert services.drafts.find("call").fields["notes_edit"] == "Zyxwv: chest pain"
    dialog.reject()


def test_a_draft_offered_back_is_not_lost_by_typing_or_esc(qtbot, services, calls_tab, desk, monkeypatch):
    signed_in(services)
    monkeypatch.setattr(drafts, "KEEP_EVERY_MS", 50)
    services.drafts.keep("call", "", {"caller_edit": "Dee Dunn", "notes_edit": "fell at home, hip hurts"})
    dialog = open_call_form(qtbot, calls_tab)  # the phone rings: a new call, the bar ignored
    assert dialog.draft_guard.bar is not None
    dialog.ui.caller_edit.setFocus()
    type_keys(qtbot, "Eve Eck")
    qtbot.wait(300)
    assert services.drafts.find("call").fields["notes_edit"] == "fell at home, hip hurts"
    dialog.reject()
    untouched = open_call_form(qtbot, calls_tab)
    _esc(qtbot, untouched)  # nothing typed: closes, and the draft it offered stays
    qtbot.waitUntil(lambda: no_dialog(CallDialog))
    assert services.drafts.find("call").fields["caller_edit"] == "Dee Dunn"
