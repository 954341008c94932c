"""Automatic backups and File → Restore from backup… as a practice meets them: a folder chosen in
Preferences → Backups, a verified backup at the first sign-in of the next day and at closing, the
status bar saying when, the Today tab warning (with what to do) when the drive is unplugged or the
last good backup is too old, retention 7/4/12, and a restore into a new folder by keys and clicks.
Real SQLCipher files, the real keyring, the FixedClock."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.conftest import signed_in, snapshot, unlock
from tests.ui.conftest import reactivate, show_active, tab_of
from vma_desk.core.records import Practice
from vma_desk.services import Services
from vma_desk.storage import backup as store
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.main_window import MainWindow
from vma_desk.ui.preferences import PreferencesDialog
from vma_desk.ui.restore import RestoreDialog
from vma_desk.ui.settings import Preferences
from vma_desk.ui.today.tab import TodayTab

CHICAGO_MORNING = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)  # Monday 9:30 AM in Chicago


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def backup_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "usb-drive"
    folder.mkdir()
    return folder


def open_window(qtbot, services: Services, keystore, preferences: Preferences) -> MainWindow:  # noqa: ANN001
    window = MainWindow(services.workspace, keystore, preferences=preferences, services=services)
    show_active(qtbot, window)
    return window


def backups_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def wait_idle(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.backups.running is None, timeout=20_000)


def today_tab(window: MainWindow) -> TodayTab:
    return tab_of(window, TodayTab)


def banner_text(window: MainWindow) -> str:
    banner = window.backups.banner
    if not banner.isVisible():  # placed the first time it has something to say
        return ""
    assert banner.parent() is not None and today_tab(window).isAncestorOf(banner)
    return banner.text.text()


def backup_audits(services: Services) -> list[tuple[str, str, str]]:
    return services.workspace.conn.execute(
        "SELECT user, record_id, detail FROM audit WHERE action = 'backup' ORDER BY id").fetchall()


def test_a_folder_chosen_in_preferences_then_the_next_days_first_sign_in_makes_a_verified_backup(
        qtbot, services, keystore, preferences, backup_dir, clock):
    signed_in(services)
    window = open_window(qtbot, services, keystore, preferences)
    label = window.backups.label
    assert label.text() == "Backup: none yet" and label.property("warning")
    assert "Automatic backups are off" in banner_text(window)
    assert "Edit → Preferences → Backups" in banner_text(window)

    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PreferencesDialog))
    qtbot.waitExposed(dialog)
    dialog.ui.pages.setCurrentWidget(dialog.ui.backups_page)
    ui = dialog.ui
    keep = ui.keep_daily_spin.value(), ui.keep_weekly_spin.value(), ui.keep_monthly_spin.value()
    assert keep == (7, 4, 12)
    assert ui.backup_sign_in_check.isChecked() and ui.backup_close_check.isChecked()
    assert ui.stale_spin.value() == 2
    qtbot.keyClicks(ui.backup_folder_edit, str(backup_dir / "nowhere"))
    ui.button_box.button(ui.button_box.StandardButton.Save).click()
    assert dialog.isVisible() and "is not there" in ui.backup_folder_error.text()  # said beside the field
    ui.backup_folder_edit.clear()
    qtbot.keyClicks(ui.backup_folder_edit, str(backup_dir))
    ui.button_box.button(ui.button_box.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert preferences.backup_folder(services.workspace.workspace_id) == str(backup_dir)

    wait_idle(qtbot, window)  # the first one starts as soon as the folder is chosen
    first = backups_in(backup_dir)
    assert len(first) == 1 and first[0].endswith(store.SUFFIX)
    assert label.text() == "Backup: today 9:30 AM" and not label.property("warning")
    assert banner_text(window) == ""

    clock.advance(timedelta(days=1, hours=-1, minutes=-28))  # Tuesday 8:02 AM in Chicago
    reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    unlock(window)
    wait_idle(qtbot, window)
    second = [name for name in backups_in(backup_dir) if name not in first]
    assert len(second) == 1 and "_20260303T140200Z" in second[0]
    made = backup_dir / second[0]
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert store.verify(made, services.workspace.key_spec())  # opens with the key, both checks pass
    assert label.text() == "Backup: today 8:02 AM"
    audits = backup_audits(services)
    assert [row[1] for row in audits] == [first[0], second[0]]
    assert all(row[0] == "Test VMA" and row[2].startswith("verified") for row in audits)
    window.close()


def test_closing_with_a_folder_makes_one_and_waits_for_it(qtbot, services, keystore, preferences,
                                                           backup_dir, data_dir):
    signed_in(services)
    wid = services.workspace.workspace_id
    preferences.set_backup_folder(wid, str(backup_dir))
    preferences.set_backup_when(wid, False, True)  # at closing only
    window = open_window(qtbot, services, keystore, preferences)
    assert backups_in(backup_dir) == []
    window.close()
    made = backups_in(backup_dir)
    assert len(made) == 1 and not made[0].startswith(".")
    ws = Workspace.unlock_with_keyring(data_dir, keystore)
    try:
        check = Services.for_workspace(ws)
        assert check.backups.last_verified().file_name == made[0]
        assert check.workspace.conn.execute(
            "SELECT user FROM audit WHERE action = 'backup'").fetchone()[0] == "Test VMA"
    finally:
        ws.close()


def test_the_folder_missing_says_what_to_do_in_today_and_disturbs_nothing(
        qtbot, services, keystore, preferences, backup_dir, data_dir, add_patient):
    add_patient()
    signed_in(services)
    wid = services.workspace.workspace_id
    preferences.set_backup_folder(wid, str(backup_dir))
    preferences.set_backup_when(wid, False, True)
    backup_dir.rmdir()  # the USB drive was unplugged
    window = open_window(qtbot, services, keystore, preferences)
    text = banner_text(window)
    assert f"The backup folder {backup_dir} is not there" in text and "Connect it" in text
    assert window.backups.label.property("warning")

    services.workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = {k: v for k, v in snapshot(data_dir).items() if not k.endswith("-shm")}
    window.backups.banner.back_up_button.setVisible(True)
    qtbot.mouseClick(window.backups.banner.back_up_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert {k: v for k, v in snapshot(data_dir).items() if not k.endswith("-shm")} == before
    assert "does not exist (a drive not connected?)" in preferences.backup_problem(wid)
    assert services.backups.history() == []
    assert services.workspace.integrity_problems() == []
    assert services.patients.search("O'Neil")  # the records are all there

    window.close()  # the backup at closing fails the same way: closing is not held up
    assert not backup_dir.exists()
    assert not any(p.name.endswith(store.PARTIAL) for p in backup_dir.parent.iterdir())

    # the next start says it in Today, with what to do
    services2 = Services.for_workspace(Workspace.unlock_with_keyring(data_dir, keystore))
    window2 = MainWindow(services2.workspace, keystore, preferences=preferences, services=services2)
    show_active(qtbot, window2)
    unlock(window2)
    text = banner_text(window2)
    assert "is not there (a USB drive unplugged?)" in text and "choose another folder" in text
    window2.close()


def test_three_days_without_a_good_backup_warn_in_today_and_the_status_bar(
        qtbot, services, keystore, preferences, backup_dir, clock):
    signed_in(services)
    wid = services.workspace.workspace_id
    services.backups.backup_to(backup_dir)
    preferences.set_backup_folder(wid, str(backup_dir))
    preferences.set_backup_when(wid, False, False)
    clock.advance(timedelta(days=1))
    window = open_window(qtbot, services, keystore, preferences)
    assert window.backups.label.text() == "Backup: yesterday 9:30 AM"
    assert not window.backups.label.property("warning") and banner_text(window) == ""
    window.lock()
    clock.advance(timedelta(days=2))  # Thursday: three days since Monday's backup
    unlock(window)
    assert window.backups.label.text() == "Backup: Mon 03/02 9:30 AM"
    assert window.backups.label.property("warning")
    text = banner_text(window)
    assert "The last good backup is from Mon 03/02 9:30 AM (3 days ago)" in text
    assert "older than the practice's limit of 2 days: press Back up now" in text
    assert window.backups.banner.back_up_button.isVisible()
    qtbot.mouseClick(window.backups.banner.back_up_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert window.backups.label.text() == "Backup: today 9:30 AM" and banner_text(window) == ""
    window.close()


def test_retention_keeps_7_daily_4_weekly_12_monthly(qtbot, services, keystore, preferences, backup_dir,
                                                     clock):
    signed_in(services)
    wid = services.workspace.workspace_id
    monthly = [date(2024, 12, 1)] + [date(2025, m, 1) for m in range(1, 13)] + [date(2026, 1, 1)]
    weekly = [date(2026, 1, 5) + timedelta(weeks=n) for n in range(7)]  # Mondays to Feb 16
    daily = [date(2026, 2, 20) + timedelta(days=n) for n in range(10)]  # Feb 20 to Mar 1
    for day in monthly + weekly + daily:
        clock.current = datetime.combine(day, CHICAGO_MORNING.timetz())
        services.backups.make(backup_dir)
    clock.current = CHICAGO_MORNING  # Monday March 2: the first sign-in of the day backs up and prunes
    preferences.set_backup_folder(wid, str(backup_dir))
    window = open_window(qtbot, services, keystore, preferences)
    wait_idle(qtbot, window)
    kept = sorted(store.parse_name(name)[1].date() for name in backups_in(backup_dir))
    expected = sorted(
        [date(2026, 2, 24) + timedelta(days=n) for n in range(6)] + [date(2026, 3, 2)]  # 7 days
        + [date(2026, 2, 22), date(2026, 2, 9)]  # the newest of the weeks of Feb 16 and Feb 9
        + [date(2026, 1, 26)] + [date(2025, m, 1) for m in range(4, 13)])  # of Jan, Dec ... Apr
    assert kept == expected
    pruned = services.workspace.conn.execute(
        "SELECT detail FROM audit WHERE action = 'delete' AND record_type = 'backup'").fetchone()[0]
    assert pruned.startswith("pruned: ") and pruned.count(store.SUFFIX) == 32 - 19
    window.close()


def test_restore_from_the_file_menu_into_a_new_folder(qtbot, tmp_path, keystore, preferences, backup_dir,
                                                      clock):
    ws, recovery_key = Workspace.create(tmp_path / "laptop", keystore)
    services = Services.for_workspace(ws, clock=clock)
    services.practice.save(Practice(name="Lakeside Family Medicine", time_zone="America/Chicago"))
    signed_in(services)
    made = services.backups.backup_to(backup_dir)
    window = open_window(qtbot, services, keystore, preferences)
    try:
        window.restore_action.trigger()
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RestoreDialog))
        qtbot.waitExposed(dialog)
        reactivate(qtbot, dialog)
        assert dialog.file_edit.hasFocus()
        qtbot.keyClicks(dialog.file_edit, str(made.path))
        qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Tab)
        # a typo in its first letter (a key with neither an A nor a C, 1 in 40, once went in whole)
        qtbot.keyClicks(dialog.secret_edit, ("B" if recovery_key[0] != "B" else "C") + recovery_key[1:])
        dialog.folder_edit.setText(str(ws.data_dir))  # the workspace itself: refused, never replaced
        before = {k: v for k, v in snapshot(ws.data_dir).items() if not k.endswith("-shm")}
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.restore_button.isEnabled() and (
            dialog.secret_error.isVisible() or dialog.folder_error.isVisible()), timeout=20_000)
        assert dialog.secret_error.isVisible()  # a typo in the key is said beside the key
        qtbot.keyClicks(dialog.secret_edit, recovery_key)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.folder_error.isVisible(), timeout=20_000)
        assert "already holds a workspace" in dialog.folder_error.text()
        assert {k: v for k, v in snapshot(ws.data_dir).items() if not k.endswith("-shm")} == before

        new_laptop = tmp_path / "new-laptop"
        dialog.folder_edit.clear()
        qtbot.keyClicks(dialog.folder_edit, str(new_laptop))
        qtbot.keyClicks(dialog.secret_edit, recovery_key)
        qtbot.keyClick(dialog.folder_edit, Qt.Key.Key_Return)  # Restore is the default button
        qtbot.waitUntil(dialog.open_button.isVisible, timeout=20_000)
        assert f"records in {new_laptop}" in dialog.status.text()
        with qtbot.waitSignal(window.sig_switch_practice_requested) as opened:
            qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        assert opened.args == [new_laptop]
        restored = Workspace.unlock_with_keyring(new_laptop, keystore)
        try:
            assert restored.integrity_problems() == []
            rows = restored.conn.execute(
                "SELECT action, detail FROM audit WHERE action = 'restore'").fetchall()
            assert rows and made.path.name in rows[0][1]
            assert Services.for_workspace(restored).practice.get().name == "Lakeside Family Medicine"
        finally:
            restored.close()
    finally:
        window.close()
        keystore.delete(ws.workspace_id)


def test_the_first_start_of_a_new_workspace_offers_to_choose_a_backup_folder(
        qtbot, services, keystore, preferences):
    signed_in(services)
    window = open_window(qtbot, services, keystore, preferences)
    box = window.backups.offer_folder()
    assert box is not None and "Back up this workspace automatically?" in box.text()
    choose = next(b for b in box.buttons() if b.text() == "&Choose folder…")
    QTimer.singleShot(0, choose.click)
    qtbot.waitUntil(lambda: any(isinstance(w, PreferencesDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PreferencesDialog))
    assert dialog.ui.pages.currentWidget() is dialog.ui.backups_page
    dialog.reject()
    window.close()


def test_damage_in_pages_nobody_reads_is_said_in_today_at_the_days_first_backup(
        qtbot, services, keystore, preferences, backup_dir, data_dir, add_patient):
    for _ in range(3):
        add_patient()
    signed_in(services)
    wid = services.workspace.workspace_id
    preferences.set_backup_folder(wid, str(backup_dir))
    services.workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = data_dir / "workspace.vmadesk"
    page = 4096
    data = bytearray(db.read_bytes())
    last = len(data) // page - 1
    data[last * page + 100] ^= 0xFF  # the last page: bytes nobody has read this session
    db.write_bytes(bytes(data))
    window = open_window(qtbot, services, keystore, preferences)  # the day's first sign-in
    wait_idle(qtbot, window)
    text = banner_text(window)
    assert "failed" in text and ("integrity check" in text or "damaged" in text), text
    assert window.backups.label.property("warning")
    window.close()


def test_a_lock_stops_a_running_backup_at_once_and_no_key_outlives_it(
        qtbot, services, keystore, preferences, backup_dir, monkeypatch):
    import threading

    from tests.storage.test_backup_safety import endless_export
    from tests.ui.test_lock import key_referrers

    signed_in(services)
    preferences.set_backup_folder(services.workspace.workspace_id, str(backup_dir))
    started = threading.Event()
    monkeypatch.setattr(store, "_export", endless_export(started))
    window = open_window(qtbot, services, keystore, preferences)  # the day's first sign-in: a backup
    run = window.backups.running
    assert run is not None and started.wait(10)
    key = window.workspace._key.raw
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked and run.ended.is_set()  # the lock waited for the stopped worker
    assert backups_in(backup_dir) == []  # its partial removed
    wait_idle(qtbot, window)
    assert key_referrers(key) == []
    monkeypatch.undo()
    unlock(window)
    wait_idle(qtbot, window)  # tried again at the next sign-in, since none was made today
    assert len(backups_in(backup_dir)) == 1
    assert banner_text(window) == ""
    window.close()


def test_a_lock_during_the_workspace_check_is_not_called_damage(
        qtbot, services, keystore, preferences, backup_dir, monkeypatch):
    from vma_desk.core.errors import LockedError

    signed_in(services)
    preferences.set_backup_folder(services.workspace.workspace_id, str(backup_dir))

    def locked(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202 - what the old shared connection met
        raise LockedError()

    monkeypatch.setattr(services.backups, "check_workspace", locked)
    window = open_window(qtbot, services, keystore, preferences)
    wait_idle(qtbot, window)
    assert len(backups_in(backup_dir)) == 1
    assert banner_text(window) == "" and not window.backups.label.property("warning")
    assert services.backups.last_verified() is not None
    window.close()
