"""What the app audits besides changes (issue 11, item 6), driven as a user would: the start-up's
unlock (silent or with the passphrase), a patient's record opened in the editor, a search typed
into quick open counted once (when its results stay on screen through a pause in typing, or when
one is opened), and the audit view wording the new entries."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from tests.conftest import signed_in
from tests.ui.conftest import show_active, type_keys
from tests.ui.unlock.test_unlock_flow import when_dialog
from vma_desk.core.records import AuditAction
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.audit.model import COL_ACTION, COL_DETAIL, COL_RECORD, AuditTableModel
from vma_desk.ui.patients.editor import PatientEditorDialog
from vma_desk.ui.patients.quick_open import QuickOpenDialog
from vma_desk.ui.unlock.dialogs import SecretEntryDialog
from vma_desk.ui.unlock.flow import UnlockFlow


def trail(services: Services, action: AuditAction):
    return [e for e in services.audit.page(0, 1000) if e.action is action]


def test_the_silent_keyring_unlock_at_start_is_audited(qtbot, data_dir, keystore):
    created, _ = Workspace.create(data_dir, keystore)
    created.close()
    workspace = UnlockFlow(data_dir, keystore).open_or_create()  # no dialog: the keyring's key
    assert workspace is not None
    try:
        (entry,) = trail(Services.for_workspace(workspace), AuditAction.UNLOCK)
        assert (entry.record_type, entry.record_id, entry.detail) == (
            "workspace", workspace.workspace_id, "opened with the keyring's key (silently, at start)")
    finally:
        workspace.close()
        keystore.delete(workspace.workspace_id)


def test_the_passphrase_unlock_is_audited_and_a_wrong_try_is_not_an_unlock(qtbot, data_dir, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    store = KeyStore.from_environment()
    created, _ = Workspace.create(data_dir, store, passphrase="river stone lantern")
    created.close()
    seen: list = []

    def enter(dialog: SecretEntryDialog) -> None:
        dialog.ui.secret_edit.setText("river stone lanterns")
        dialog.ui.button_box.accepted.emit()  # wrong: the dialog stays
        dialog.ui.secret_edit.setText("river stone lantern")
        dialog.ui.button_box.accepted.emit()

    when_dialog(qtbot, SecretEntryDialog, enter, seen)
    workspace = UnlockFlow(data_dir, store).open_or_create()
    assert workspace is not None and len(seen) == 1
    try:
        opened = trail(Services.for_workspace(workspace), AuditAction.UNLOCK)
        assert [(e.record_type, e.detail) for e in opened] == [("workspace", "opened with the passphrase")]
    finally:
        workspace.close()


def test_the_patient_editor_audits_opening_the_record(qtbot, services, add_patient):
    signed_in(services, "Vera Voss")
    ann = add_patient()
    dialog = PatientEditorDialog(services, ann.id)
    show_active(qtbot, dialog)
    assert dialog.ui.last_name_edit.text() == "O'Neil"
    (entry,) = trail(services, AuditAction.OPEN)
    assert (entry.record_type, entry.record_id, entry.detail, entry.user) == (
        "patient", str(ann.id), "patient editor", "Vera Voss")
    dialog.close()
    PatientEditorDialog(services).close()  # a new patient opens no record
    assert len(trail(services, AuditAction.OPEN)) == 1


def test_quick_open_audits_a_search_once_when_typing_pauses_or_a_result_opens(qtbot, services, add_patient):
    signed_in(services, "Vera Voss")
    add_patient()
    dialog = QuickOpenDialog(services)
    dialog.search_audit.timer.setInterval(400)  # the pause (2 s in use), shortened for the test
    show_active(qtbot, dialog)
    chosen: list[int] = []
    dialog.sig_patient_chosen.connect(chosen.append)

    type_keys(qtbot, "o")
    qtbot.waitUntil(lambda: dialog.ui.result_list.model().rowCount() == 1)
    type_keys(qtbot, "n")  # more typing within the pause: the same search, refined
    qtbot.wait(250)
    type_keys(qtbot, "e")
    qtbot.wait(200)
    assert trail(services, AuditAction.SEARCH) == []  # results refreshed, the user still typing
    qtbot.waitUntil(lambda: len(trail(services, AuditAction.SEARCH)) == 1, timeout=3000)
    qtbot.wait(600)
    (entry,) = trail(services, AuditAction.SEARCH)  # once, however long they look
    assert (entry.record_type, entry.detail, entry.user) == ("patients", "quick open: 1 result", "Vera Voss")

    type_keys(qtbot, " ann", Qt.Key.Key_Return)  # typed on, then opened at once: a second search
    assert chosen and len(trail(services, AuditAction.SEARCH)) == 2
    assert "ann" not in " ".join(e.detail + e.record_id for e in services.audit.page()).lower()


def test_the_audit_view_words_the_new_entries(qtbot, services):
    signed_in(services, "Vera Voss")
    services.communications.record_search("search (Ctrl+F)", 3)
    services.audit.record(AuditAction.UNLOCK, "workspace", services.workspace.workspace_id,
                          "opened by command check")
    services.audit.record(AuditAction.SIGN_IN_FAILED, "user", 1, "wrong PIN")
    model = AuditTableModel(services.audit, ZoneInfo("America/Chicago"))
    model.refresh()
    rows = [[model.index(r, c).data() for c in (COL_ACTION, COL_RECORD, COL_DETAIL)] for r in range(3)]
    assert rows == [
        ["Sign-in failed", "User #1", "wrong PIN"],
        ["Unlock", f"Workspace #{services.workspace.workspace_id}", "opened by command check"],
        ["Search", "Calls and messages", "search (Ctrl+F): 3 results"],
    ]
