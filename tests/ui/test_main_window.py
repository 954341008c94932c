"""The app shell as a VMA meets it: silent unlock, tabs, DEMO marks, auto-lock hiding patients."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit

from tests.conftest import TEST_PIN, signed_in
from vma_desk.core.records import Patient, Phone, Practice
from vma_desk.services import Services
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.main_window import TABS, MainWindow
from vma_desk.ui.settings import Preferences


@pytest.fixture
def preferences(tmp_path):
    from PySide6.QtCore import QSettings

    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, data_dir, keystore, preferences):
    ws, _ = Workspace.create(data_dir, keystore)
    services = Services.for_workspace(ws)
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago"))
    win = MainWindow(ws, keystore, preferences=preferences, services=signed_in(services))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    keystore.delete(ws.workspace_id)


def visible_texts() -> str:
    """Everything a person could read on screen: widget texts, titles and item views' rows."""
    texts = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # list models keep columnCount private: one column
                columns = 1
            for row in range(model.rowCount(QModelIndex())):
                for column in range(columns):
                    texts.append(str(model.index(row, column).data() or ""))
        for getter in ("text", "windowTitle", "toolTip", "placeholderText"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    texts.append(str(value()))
                except TypeError:
                    pass
    return "\n".join(texts)


def test_every_tab_is_a_live_page(window):
    from vma_desk.ui.calendar.tab import CalendarTab
    from vma_desk.ui.referrals.tab import ReferralsTab
    from vma_desk.ui.refills.tab import RefillsTab
    from vma_desk.ui.today.tab import TodayTab

    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [t.title for t in TABS]
    assert isinstance(window.tabs.widget(0), TodayTab)  # the tab shown at sign-in: built
    assert not isinstance(window.tabs.widget(1), CalendarTab)  # the others: on their first show
    for index in range(window.tabs.count()):
        window.show_tab(index)  # Alt+1…6
    assert isinstance(window.tabs.widget(1), CalendarTab)
    assert isinstance(window.tabs.widget(4), RefillsTab) and isinstance(window.tabs.widget(5), ReferralsTab)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [t.title for t in TABS]
    assert "Lakeside Family Medicine" in window.windowTitle()
    assert "unlocked (OS keyring)" in window.lock_state_label.text()
    assert "DEMO" not in window.windowTitle()


def test_idle_locks_and_hides_every_patient_detail(qtbot, window):
    window.services.patients.create(
        Patient("Zebediah", "Quarrington", date(1950, 5, 6), phones=(Phone("3125550111"),)))
    window.open_quick_open()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if type(w).__name__ == "QuickOpenDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit), "quarr")
    qtbot.waitUntil(lambda: "Quarrington" in visible_texts())

    window.idle_watcher.set_timeout_ms(50)
    with qtbot.waitSignal(window.sig_locked, timeout=3000):
        pass
    assert "Quarrington" not in visible_texts()
    assert "Zebediah" not in visible_texts()
    assert "without activity" in window.lock_page.reason.text()
    assert window.lock_state_label.text() == "Locked"
    assert not window.quick_open_action.isEnabled()

    window.idle_watcher.set_timeout_ms(60_000)
    with qtbot.waitSignal(window.sig_unlocked, timeout=3000):
        qtbot.keyClicks(window.lock_page.pin, TEST_PIN)
        qtbot.mouseClick(window.lock_page.button, Qt.MouseButton.LeftButton)
    # the search the VMA was in the middle of is back, as typed (closed by the lock, since its
    # results show patients; opened again with the same words and searched again)
    qtbot.waitUntil(lambda: "Quarrington" in visible_texts())


def test_ctrl_l_locks_and_keyboard_unlocks(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    assert window.workspace.is_locked
    qtbot.waitUntil(lambda: window.lock_page.pin.hasFocus())  # one user: straight to the PIN
    with qtbot.waitSignal(window.sig_unlocked, timeout=3000):
        qtbot.keyClicks(window.lock_page.pin, TEST_PIN)
        qtbot.keyClick(window.lock_page.pin, Qt.Key.Key_Return)
    assert not window.locked


def test_unlock_without_a_pin_does_not_open(qtbot, window):
    window.lock()
    qtbot.mouseClick(window.lock_page.button, Qt.MouseButton.LeftButton)
    assert window.locked and window.workspace.is_locked
    assert "PIN" in window.lock_page.error.text()


def test_unlock_needs_the_keyring_to_still_hold_the_key(qtbot, window, keystore):
    window.lock()
    keystore.delete(window.workspace.workspace_id)
    qtbot.keyClicks(window.lock_page.pin, TEST_PIN)
    qtbot.mouseClick(window.lock_page.button, Qt.MouseButton.LeftButton)
    assert window.locked
    assert "recovery key" in window.lock_page.error.text()


def test_autolock_preference_is_remembered(qtbot, window, preferences):
    from vma_desk.ui.preferences import PreferencesDialog

    window.open_preferences()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PreferencesDialog))
    dialog.ui.autolock_spin.setValue(3)
    assert not dialog.ui.silent_start_check.isChecked()  # the PIN is asked at start by default
    dialog.ui.silent_start_check.setChecked(True)
    dialog.ui.button_box.accepted.emit()
    assert preferences.autolock_minutes == 3
    assert preferences.silent_single_user
    assert window.idle_watcher.timeout_ms() == 3 * 60_000


def test_demo_workspace_says_demo_in_every_window(qtbot, data_dir, keystore, preferences):
    ws, _ = Workspace.create(data_dir, keystore)
    ws.set_meta("demo", "1")
    services = Services.for_workspace(ws)
    services.practice.save(Practice("Demo Practice", "America/Chicago"))
    win = MainWindow(ws, keystore, preferences=preferences, services=signed_in(services))
    qtbot.addWidget(win)
    win.show()
    try:
        assert "DEMO" in win.windowTitle()
        assert win.findChild(QLabel, "demo_banner").isVisible()
        win.open_audit()
        qtbot.waitUntil(lambda: any(
            w.isVisible() and w is not win for w in QApplication.topLevelWidgets()))
        others = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not win]
        assert others and all("DEMO" in w.windowTitle() for w in others)
    finally:
        win.close()
        keystore.delete(ws.workspace_id)




def test_deleting_a_patient_can_be_undone(qtbot, window):
    from tests.ui.conftest import answer_question, reactivate
    from vma_desk.ui.patients.editor import PatientEditorDialog

    saved, _ = window.services.patients.create(
        Patient("Hester", "Blackwood", date(1948, 2, 3), phones=(Phone("3125550177"),)))
    window.open_patient_editor(saved.id)
    editor = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PatientEditorDialog))
    seen: list[str] = []
    answer_question("Delete patient", seen)
    with qtbot.waitSignal(editor.sig_deleted, timeout=5000):
        editor.ui.delete_button.click()
    assert window.services.patients.search("blackwood") == []
    assert "Undo" in window.statusBar().currentMessage()

    reactivate(qtbot, window)  # offscreen Qt has no window manager to give focus back
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [p.id for p in window.services.patients.search("blackwood")] == [saved.id]
    window.undo_stack.redo()
    assert window.services.patients.search("blackwood") == []


def test_a_laptop_that_slept_past_the_timeout_locks_on_waking(qtbot, window):
    watcher = window.idle_watcher
    watcher._last_activity -= 11 * 60  # as if the laptop slept 11 minutes: the wall clock moved
    with qtbot.waitSignal(window.sig_locked, timeout=7000):
        pass
    assert window.locked


def test_file_export_calendar_opens_the_export_dialog(qtbot, window):
    from vma_desk.ui.exports.ics_dialog import ExportIcsDialog

    window.export_ics_action.trigger()
    assert any(isinstance(w, ExportIcsDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    window.lock()
    assert not window.export_ics_action.isEnabled()


def test_file_export_fhir_and_file_import_open_their_dialogs(qtbot, window):
    from vma_desk.ui.ehr_import.dialog import ImportDialog
    from vma_desk.ui.exports.fhir_dialog import ExportFhirDialog

    window.export_fhir_action.trigger()
    assert any(isinstance(w, ExportFhirDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    window.import_action.trigger()
    assert any(isinstance(w, ImportDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    window.lock()
    assert not window.export_fhir_action.isEnabled() and not window.import_action.isEnabled()


def test_file_export_accounting_of_disclosures_opens_its_export(qtbot, window):
    from vma_desk.ui.exports.pdf_dialog import PdfExportDialog

    window.export_disclosures_action.trigger()
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfExportDialog) and w.isVisible()]
    assert len(shown) == 1 and "disclosures" in shown[0].windowTitle().lower()
    window.lock()
    assert not window.export_disclosures_action.isEnabled()


def test_a_folder_others_can_read_is_warned_about_with_the_fix(qtbot, data_dir, keystore, preferences):
    ws, _ = Workspace.create(data_dir, keystore)
    services = Services.for_workspace(ws)
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago"))
    signed_in(services)
    ws.close()
    data_dir.chmod(0o755)
    opened = Workspace.unlock_with_keyring(data_dir, keystore)
    win = MainWindow(opened, keystore, preferences=preferences, services=Services.for_workspace(opened))
    qtbot.addWidget(win)
    win.show()
    try:
        qtbot.waitUntil(lambda: any(w.objectName() == "location_warning_box" and w.isVisible()
                                    for w in QApplication.topLevelWidgets()))
        label = win.location_warning_label
        assert label.isVisible() and f"chmod 700 '{data_dir}'" in label.toolTip()
    finally:
        win.close()
        keystore.delete(opened.workspace_id)
