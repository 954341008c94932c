"""The lock as a VMA meets it: Ctrl+L, the idle timer and the desktop's screen lock all close the
workspace and forget its key; nothing of a patient stays in any widget; only a user's PIN opens it
again, with the tab that was open; wrong PINs wait longer each time and are audited; two users'
work carries their own names."""

from __future__ import annotations

import gc
import subprocess
import types
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from tests.conftest import TEST_PIN, snapshot
from tests.ui.privacy_support import patient_text_in_widgets
from tests.ui.today.support import today_window_fixture  # noqa: F401 - a day of visits and work
from vma_desk.core.errors import LockedError
from vma_desk.core.records import AuditAction
from vma_desk.core.users import UserRole

BEN_PIN = "864213"


@pytest.fixture
def window(today_window):  # noqa: ANN001
    win, _huddle = today_window
    return win


def patient_names(window) -> list[str]:  # noqa: ANN001
    """Each patient as the lists show them ("Ames, Ann") and their last names alone."""
    rows = window.workspace.conn.execute("SELECT first_name, last_name FROM patient").fetchall()
    return sorted({f"{last}, {first}" for first, last in rows} | {last for _first, last in rows})


def key_referrers(key: bytes) -> list[object]:
    """What still refers to the key's bytes, apart from the test's own frames and lists."""
    gc.collect()
    return [r for r in gc.get_referrers(key) if not isinstance(r, (types.FrameType, list))]


def sign_in(qtbot, window, pin: str, user: str | None = None) -> None:  # noqa: ANN001
    page = window.sign_in_page
    if user is not None:
        page.users.setCurrentRow(next(i for i in range(page.users.count())
                                      if page.users.item(i).text() == user))
    qtbot.keyClicks(page.pin, pin)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)


def assert_locked_and_empty(window, names: list[str]) -> None:  # noqa: ANN001
    assert window.locked and window.workspace.is_locked
    with pytest.raises(LockedError):
        window.services.patients.search("ames")
    assert patient_text_in_widgets(names, root=window) == []
    for action in (window.export_huddle_action, window.export_ics_action, window.quick_open_action,
                   window.end_shift_action, window.users_action):
        assert not action.isEnabled(), action.text()
    assert not window.export_menu.isEnabled()


def test_ctrl_l_closes_the_workspace_forgets_the_key_and_the_pin_brings_the_tab_back(qtbot, window):
    names = patient_names(window)
    assert patient_text_in_widgets(names, root=window), "the desk shows patients before the lock"
    window.tabs.setCurrentIndex(3)  # Messages
    messages = window.tabs.widget(3)
    shown = messages.model.rowCount()
    assert shown > 0
    key = window.workspace._key.raw
    assert key is not None and key_referrers(key)  # the workspace holds it while open

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert_locked_and_empty(window, names)
    assert key_referrers(key) == []
    assert window.lock_state_label.text() == "Locked" and not window.user_label.isVisible()

    with qtbot.waitSignal(window.sig_unlocked, timeout=5000):
        sign_in(qtbot, window, TEST_PIN)
    assert window.tabs.currentIndex() == 3
    assert messages.model.rowCount() == shown
    assert "Test VMA" in window.user_label.text()
    actions = [e.action for e in window.services.audit.page(0, 5)]
    assert actions[:2] == [AuditAction.UNLOCK, AuditAction.LOCK]


def test_the_idle_timer_locks_the_same_way(qtbot, window):
    names = patient_names(window)
    window.idle_watcher.set_timeout_ms(50)
    with qtbot.waitSignal(window.sig_locked, timeout=5000):
        pass
    assert_locked_and_empty(window, names)
    assert "without activity" in window.sign_in_page.reason.text()


def test_the_desktops_screen_lock_locks_the_same_way(qtbot, window):
    if not window.screen_lock.sources:
        pytest.skip("no D-Bus session bus (the test command starts one)")
    names = patient_names(window)
    with qtbot.waitSignal(window.sig_locked, timeout=5000):
        # what a desktop's screensaver says on the session bus when the screen locks
        subprocess.run(["dbus-send", "--session", "--type=signal", "/org/freedesktop/ScreenSaver",
                        "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:true"], check=True)
    assert_locked_and_empty(window, names)
    assert "screen was locked" in window.sign_in_page.reason.text()


def test_wrong_pins_wait_longer_each_time_are_audited_and_never_stored(qtbot, window, clock, data_dir,
                                                                      settings_home):
    window.lock()
    page = window.sign_in_page
    waits = []
    for _attempt in range(3):
        sign_in(qtbot, window, "999999")
        assert window.locked and window.workspace.is_locked
        assert "not right" in page.error.text()
        assert page.waiting and not page.button.isEnabled()
        waits.append(page._wait_left)
        clock.advance(timedelta(seconds=waits[-1]))
        page._stop_wait()  # the countdown, without waiting for it in real time
    assert waits == [1, 2, 4]

    with qtbot.waitSignal(window.sig_unlocked, timeout=5000):
        sign_in(qtbot, window, TEST_PIN)
    failed = [e for e in window.services.audit.page(0, 20) if e.action is AuditAction.SIGN_IN_FAILED]
    assert len(failed) == 3 and all("999999" not in e.detail for e in failed)
    # the PINs typed are nowhere: not in the workspace's files, not in the settings
    window.close()
    for folder in (data_dir, settings_home):
        for name in snapshot(folder):
            data = (folder / name).read_bytes()
            assert b"999999" not in data and TEST_PIN.encode() not in data, name


def test_two_users_each_sign_in_as_themselves(qtbot, window):
    ben, _ = window.services.users.add("Ben Ortiz", UserRole.VMA, BEN_PIN)
    window.switch_user()
    assert window.workspace.is_locked
    page = window.sign_in_page
    assert [page.users.item(i).text() for i in range(page.users.count())] == ["Ben Ortiz", "Test VMA"]
    sign_in(qtbot, window, TEST_PIN, user="Ben Ortiz")  # Ben's name, the other user's PIN
    assert window.locked and "not right" in page.error.text()
    window.services.context.clock.advance(timedelta(seconds=5))
    page._stop_wait()
    with qtbot.waitSignal(window.sig_unlocked, timeout=5000):
        sign_in(qtbot, window, BEN_PIN, user="Ben Ortiz")
    assert window.user_label.text() == "Signed in: Ben Ortiz"
    window.services.patients.search("ames")  # open again
    entries = window.services.audit.page(0, 10)
    assert entries[0].action is AuditAction.SIGN_IN and entries[0].user == "Ben Ortiz"
    assert entries[0].user_id == ben.id and "@" in entries[0].workstation
    assert any(e.action is AuditAction.SIGN_OUT and e.user == "Test VMA" for e in entries)


def test_a_workspace_removed_while_locked_says_so(qtbot, window, data_dir):
    window.lock()
    moved = data_dir.with_name("elsewhere")
    data_dir.rename(moved)
    sign_in(qtbot, window, TEST_PIN)
    assert window.locked
    assert "gone" in window.sign_in_page.error.text()
    moved.rename(data_dir)
    with qtbot.waitSignal(window.sig_unlocked, timeout=5000):
        sign_in(qtbot, window, TEST_PIN)


def test_a_passphrase_workspace_asks_the_passphrase_and_the_pin_after_a_lock(qtbot, data_dir, keystore,
                                                                             tmp_path):
    from PySide6.QtCore import QSettings

    from tests.conftest import signed_in
    from vma_desk.core.records import Practice
    from vma_desk.services import Services
    from vma_desk.storage.workspace import Workspace
    from vma_desk.ui.main_window import MainWindow
    from vma_desk.ui.settings import Preferences

    passphrase = "correct horse battery"
    ws, _ = Workspace.create(data_dir, keystore, passphrase=passphrase)
    services = Services.for_workspace(ws)
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago"))
    preferences = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    window = MainWindow(ws, keystore, preferences=preferences, services=signed_in(services))
    qtbot.addWidget(window)
    window.show()
    window.lock()
    page = window.sign_in_page
    assert page.passphrase.isVisible() and ws._key is None
    qtbot.keyClicks(page.passphrase, "wrong horse battery")
    sign_in(qtbot, window, TEST_PIN)
    assert window.locked and "passphrase" in page.error.text().lower()
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    with qtbot.waitSignal(window.sig_unlocked, timeout=5000):
        sign_in(qtbot, window, TEST_PIN)
    details = [e.detail for e in window.services.audit.page(0, 10)]
    assert "wrong passphrase (1 while locked)" in details
    window.close()


def test_a_lock_closes_windows_that_show_patients_and_keeps_the_handoff_note(qtbot, window):
    from PySide6.QtWidgets import QApplication, QLineEdit

    from vma_desk.ui.handoff import EndShiftDialog
    from vma_desk.ui.patients.quick_open import QuickOpenDialog

    names = patient_names(window)
    window.open_quick_open()
    quick = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QuickOpenDialog))
    quick.findChild(QLineEdit).setText("a")
    qtbot.waitUntil(lambda: patient_text_in_widgets(names, root=window) != [])
    window.open_export_patient_summary()
    end_shift = window.open_end_shift()
    end_shift.note_edit.setPlainText("Call the pharmacy back about the prior auth.")

    window.lock()
    qtbot.wait(50)
    assert patient_text_in_widgets(names, root=window) == []
    assert not any(isinstance(w, (QuickOpenDialog, EndShiftDialog)) and w.isVisible()
                   for w in QApplication.topLevelWidgets())

    with qtbot.waitSignal(window.sig_unlocked, timeout=5000):
        sign_in(qtbot, window, TEST_PIN)
    again = next(w for w in QApplication.topLevelWidgets()
                 if isinstance(w, EndShiftDialog) and w.isVisible())
    assert again.note() == "Call the pharmacy back about the prior auth."  # put back for its user
    again.close()
