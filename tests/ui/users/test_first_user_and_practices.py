"""Starting VMA Desk as a new user meets it: a workspace from before users existed asks for its
first user before showing anything; a VMA covering two practices switches between them, each with
its own data, users and lock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.conftest import TEST_PIN, signed_in, unlock
from vma_desk.core.records import Patient, Phone, Practice
from vma_desk.services import Services
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.main_window import MainWindow
from vma_desk.ui.settings import Preferences


def preferences_in(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


def test_a_workspace_without_users_asks_for_its_first_user_before_showing_anything(
        qtbot, data_dir, keystore, tmp_path):
    from vma_desk.ui.users.first_user import FirstUserDialog

    ws, _ = Workspace.create(data_dir, keystore)  # as a migrated schema-6 workspace: no users
    services = Services.for_workspace(ws)
    services.practice.save(Practice("Old Practice", "America/Chicago"))
    seen: list[str] = []

    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, FirstUserDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, answer)
            return
        seen.append(dialog.windowTitle())
        assert window.tabs.count() == 0  # nothing of the workspace is built yet
        qtbot.keyClicks(dialog.name_edit, "Dana Reyes")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.pin_edit, "2468")  # too short: said beside the PIN
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.confirm_edit, "2468")
        qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)
        assert "6 digits" in dialog.pin_error.text() and dialog.isVisible()
        for edit in (dialog.pin_edit, dialog.confirm_edit):
            edit.setText(TEST_PIN)
        qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    window = MainWindow(ws, keystore, preferences=preferences_in(tmp_path), services=services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert seen
    assert window.tabs.count() == 7
    assert window.user_label.text() == "Signed in: Dana Reyes"
    assert services.users.current().is_manager
    # a new real workspace then offers to choose where its backups go
    qtbot.waitUntil(lambda: any(w.objectName() == "backup_offer_box" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    window.lock()
    unlock(window)  # the new PIN opens it
    window.close()
    keystore.delete(ws.workspace_id)


def test_switch_practice_opens_the_other_workspace_with_its_own_data(qtbot, tmp_path, keystore):
    from vma_desk.ui.practices import SwitchPracticeDialog

    preferences = preferences_in(tmp_path)
    folders = {}
    for name, patient in (("Lakeside Family Medicine", "Quarrington"), ("Hillcrest Pediatrics", "Ostrowski")):
        folder = tmp_path / name.split()[0].lower()
        ws, _ = Workspace.create(folder, keystore)
        services = Services.for_workspace(ws)
        services.practice.save(Practice(name, "America/Chicago"))
        signed_in(services, name=f"VMA of {name.split()[0]}")
        services.patients.create(Patient("Ada", patient, date(1970, 1, 1), phones=(Phone("3125550142"),)))
        ws.remember_practice(name)
        preferences.remember_workspace(str(folder.resolve()), name)
        ws.close()
        folders[name] = (folder, patient, ws.workspace_id)

    lakeside, _patient, _ = folders["Lakeside Family Medicine"]
    ws = Workspace.unlock_with_keyring(lakeside, keystore)
    window = MainWindow(ws, keystore, preferences=preferences, services=Services.for_workspace(ws))
    qtbot.addWidget(window)
    window.show()
    assert window.locked and window.sign_in_page.title.text() == "Sign in"
    unlock(window)
    assert "Lakeside" in window.windowTitle()
    assert window.services.patients.search("quarrington")

    dialog = SwitchPracticeDialog(window.workspace.data_dir, window, preferences=preferences)
    qtbot.addWidget(dialog)
    items = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any(t.startswith("Lakeside Family Medicine  (open now)") for t in items)
    assert any(t.startswith("Hillcrest Pediatrics\n") for t in items)
    chosen: list[Path] = []
    dialog.sig_practice_chosen.connect(chosen.append)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    hillcrest = folders["Hillcrest Pediatrics"][0]
    assert [p.resolve() for p in chosen] == [hillcrest.resolve()]
    window.close()  # as the app does: this workspace closes (its user signed out) ...
    assert window.workspace.is_locked

    other = Workspace.unlock_with_keyring(hillcrest, keystore)  # ... and the chosen one opens
    second = MainWindow(other, keystore, preferences=preferences, services=Services.for_workspace(other))
    qtbot.addWidget(second)
    second.show()
    page = second.sign_in_page
    assert [page.users_label.text()] == ["VMA of Hillcrest"]  # its own users
    unlock(second)
    assert "Hillcrest" in second.windowTitle()
    assert second.services.patients.search("ostrowski") and not second.services.patients.search("quarrington")
    second.close()
    for _folder, _patient, workspace_id in folders.values():
        keystore.delete(workspace_id)
