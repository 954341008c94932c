"""The users dialogs, typed and clicked as a practice manager or a VMA would, against a real
workspace: the first user, Edit → Users… (add, reset PIN, deactivate, read-only for a VMA) and
“Forgot PIN?” with the recovery key."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from tests.ui.conftest import answer_question, focused, reactivate, show_active, type_keys
from vma_desk.core.errors import SignInError
from vma_desk.core.records import AuditAction
from vma_desk.core.users import MAX_FAILURES, User, UserRole
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.users.editors import AddUserDialog, EditUserDialog, ResetPinDialog, UserFormDialog
from vma_desk.ui.users.fields import chosen_role, set_role
from vma_desk.ui.users.first_user import FirstUserDialog
from vma_desk.ui.users.manage import UsersDialog
from vma_desk.ui.users.model import NAME, PIN, STATUS, UserTableModel
from vma_desk.ui.users.recovery import ForgotPinDialog

TAB, ENTER, ESC = Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Escape
MANAGER_PIN, VMA_PIN = "135790", "246813"


@pytest.fixture
def created(data_dir, keystore: KeyStore) -> Iterator[tuple[Workspace, str]]:
    ws, recovery = Workspace.create(data_dir, keystore)
    assert recovery is not None
    yield ws, recovery
    ws.close()
    keystore.delete(ws.workspace_id)


@pytest.fixture
def workspace(created):  # the shared `services` fixture builds on this one
    return created[0]


@pytest.fixture
def recovery_key(created) -> str:
    return created[1]


@pytest.fixture
def manager(services) -> User:
    user, _change = services.users.create_first("Dana Reyes", MANAGER_PIN, MANAGER_PIN)
    return user


@pytest.fixture
def vma(services, manager) -> User:
    user, _change = services.users.add("Sam Lee", UserRole.VMA, VMA_PIN, VMA_PIN)
    return user


def first_user_dialog(qtbot, services) -> FirstUserDialog:
    dialog = FirstUserDialog(services, explanation="Your new workspace is ready and its recovery key "
                                                   "is saved.")
    show_active(qtbot, dialog)
    return dialog


def users_dialog(qtbot, services) -> UsersDialog:
    dialog = UsersDialog(services)
    show_active(qtbot, dialog)
    return dialog


def opened(qtbot, parent: QWidget, kind: type[UserFormDialog]) -> UserFormDialog:
    """The small dialog a button opened (without blocking), once it has keyboard focus."""
    found = [d for d in parent.findChildren(kind) if d.isVisible()]
    assert len(found) == 1, f"expected one open {kind.__name__}"
    dialog = found[0]
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def select(qtbot, dialog: UsersDialog, name: str) -> None:
    row = next(r for r, u in enumerate(dialog.model.users) if u.name == name)
    rect = dialog.table_view.visualRect(dialog.model.index(row, NAME))
    qtbot.mouseClick(dialog.table_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.selected_user() is not None and dialog.selected_user().name == name


def lock_out(services, clock, user: User) -> None:
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInError):
            services.users.check_pin(user.id, "000000")
        clock.advance(timedelta(seconds=31))  # past each wrong PIN's delay
    assert services.users.get(user.id).locked_out


# --- the first user --------------------------------------------------------------------------------

def test_the_first_user_is_created_by_typing(qtbot, services):
    assert services.users.needs_first_user()
    dialog = first_user_dialog(qtbot, services)
    assert focused() is dialog.name_edit
    assert dialog.pin_edit.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.confirm_edit.echoMode() is QLineEdit.EchoMode.Password
    assert "audit trail" in dialog.pin_explanation_label.text()
    assert "Edit → Users…" in dialog.pin_explanation_label.text()

    type_keys(qtbot, "Dana Reyes", TAB)
    assert focused() is dialog.pin_edit
    type_keys(qtbot, MANAGER_PIN, TAB)
    assert focused() is dialog.confirm_edit
    type_keys(qtbot, MANAGER_PIN, TAB)
    assert focused() is dialog.create_button
    type_keys(qtbot, ENTER)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None and dialog.user.name == "Dana Reyes"
    assert dialog.user.role is UserRole.MANAGER
    current = services.users.current()
    assert current is not None and current.id == dialog.user.id  # signed in at once
    assert not services.users.needs_first_user()


def test_a_four_digit_pin_is_refused_beside_the_pin_and_creates_nothing(qtbot, services):
    dialog = first_user_dialog(qtbot, services)
    audit_before = services.audit.count()
    type_keys(qtbot, "Dana Reyes", TAB, "1234", TAB, "1234", ENTER)

    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.pin_error.isVisible()
    assert dialog.pin_error.text() == "PIN must be at least 6 digits."
    assert dialog.pin_edit.property("invalid") is True and focused() is dialog.pin_edit
    assert not dialog.name_error.isVisible() and not dialog.confirm_error.isVisible()
    assert services.users.needs_first_user() and services.audit.count() == audit_before
    assert dialog.user is None

    # typing replaces the refused PIN (it is selected), and Tab selects the repeated one
    type_keys(qtbot, MANAGER_PIN, TAB, MANAGER_PIN, ENTER)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.pin_error.isVisible() and dialog.user is not None


def test_pins_that_differ_are_shown_beside_the_repeated_pin(qtbot, services):
    dialog = first_user_dialog(qtbot, services)
    type_keys(qtbot, "Dana Reyes", TAB, MANAGER_PIN, TAB, "135791", ENTER)
    assert dialog.confirm_error.isVisible()
    assert dialog.confirm_error.text() == "The repeated PIN does not match the PIN."
    assert focused() is dialog.confirm_edit and services.users.needs_first_user()


def test_the_first_user_dialog_cannot_be_accepted_without_a_user_and_cancel_quits(qtbot, services):
    dialog = first_user_dialog(qtbot, services)
    dialog.accept()
    assert dialog.isVisible()
    type_keys(qtbot, "", ENTER)  # nothing typed: the name is required
    assert dialog.name_error.text() == "Name is required." and dialog.isVisible()
    type_keys(qtbot, ESC)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert services.users.needs_first_user()


# --- Edit → Users… -----------------------------------------------------------------------------------

def test_a_manager_adds_a_vma(qtbot, services, manager):
    dialog = users_dialog(qtbot, services)
    assert not dialog.read_only_label.isVisible() and dialog.add_button.isEnabled()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    add = opened(qtbot, dialog, AddUserDialog)
    assert focused() is add.name_edit
    assert chosen_role(add.role_combo) is UserRole.VMA
    type_keys(qtbot, "Sam Lee", TAB)
    assert focused() is add.role_combo
    with qtbot.waitSignal(dialog.sig_changed) as changed:
        type_keys(qtbot, TAB, VMA_PIN, TAB, VMA_PIN, ENTER)

    change = changed.args[0]
    assert change.action is AuditAction.CREATE
    sam = services.users.get(change.ids[0])
    assert (sam.name, sam.role, sam.active) == ("Sam Lee", UserRole.VMA, True)
    assert [u.name for u in dialog.model.users] == ["Dana Reyes", "Sam Lee"]
    assert dialog.selected_user().name == "Sam Lee"
    assert dialog.model.index(1, 1).data() == "Virtual medical assistant"


def test_a_duplicate_name_is_refused_beside_the_name(qtbot, services, manager):
    dialog = users_dialog(qtbot, services)
    dialog.open_add()
    add = opened(qtbot, dialog, AddUserDialog)
    audit_before = services.audit.count()
    with qtbot.assertNotEmitted(dialog.sig_changed):
        type_keys(qtbot, "dana  reyes", TAB, TAB, VMA_PIN, TAB, VMA_PIN, ENTER)
    error = add.error_label_of("name")
    assert error.isVisible() and error.text() == "“dana reyes” is already a user of this workspace."
    assert add.name_edit.property("invalid") is True and focused() is add.name_edit
    assert add.isVisible() and len(services.users.all()) == 1
    assert services.audit.count() == audit_before


def test_a_short_pin_when_adding_is_refused_and_nothing_is_saved(qtbot, services, manager):
    dialog = users_dialog(qtbot, services)
    dialog.open_add()
    add = opened(qtbot, dialog, AddUserDialog)
    type_keys(qtbot, "Sam Lee", TAB, TAB, "12345", TAB, "12345", ENTER)
    assert add.error_label_of("pin").text() == "PIN must be at least 6 digits."
    assert focused() is add.pin_edit and services.users.by_name("Sam Lee") is None


def test_a_manager_resets_a_locked_out_users_pin(qtbot, services, clock, vma):
    lock_out(services, clock, vma)
    dialog = users_dialog(qtbot, services)
    row = dialog.model.row_of(vma.id)
    assert dialog.model.index(row, PIN).data() == f"Locked out ({MAX_FAILURES} wrong PINs)"
    select(qtbot, dialog, "Sam Lee")
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    reset = opened(qtbot, dialog, ResetPinDialog)
    assert "locked out" in reset.intro_label.text() and focused() is reset.pin_edit
    with qtbot.waitSignal(dialog.sig_changed):
        type_keys(qtbot, "975318", TAB, "975318", ENTER)

    sam = services.users.get(vma.id)
    assert not sam.locked_out and sam.failed_attempts == 0
    assert services.users.check_pin(vma.id, "975318").id == vma.id
    assert dialog.model.index(dialog.model.row_of(vma.id), PIN).data() == ""


def test_deactivating_the_last_manager_is_refused_with_a_message(qtbot, services, manager, vma):
    dialog = users_dialog(qtbot, services)
    select(qtbot, dialog, "Dana Reyes")
    assert dialog.active_button.text() == "&Deactivate…"
    seen: list[str] = []
    answer_question("Deactivate", seen)
    with qtbot.assertNotEmitted(dialog.sig_changed):
        qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert seen == ["Dana Reyes will no longer be able to sign in; their records keep their name. "
                    "You can reactivate them later."]
    assert dialog.message_label.isVisible()
    assert dialog.message_label.text().startswith(
        "Dana Reyes cannot be deactivated: this is the last active practice manager")
    assert services.users.get(manager.id).active

    # nor can the last manager be given another role: said beside the role
    reactivate(qtbot, dialog)
    dialog.open_edit()
    edit = opened(qtbot, dialog, EditUserDialog)
    set_role(edit.role_combo, UserRole.VMA)
    type_keys(qtbot, ENTER)
    assert edit.error_label_of("role").text().startswith(
        "Role cannot change: this is the last active practice manager")
    assert services.users.get(manager.id).role is UserRole.MANAGER


def test_a_vma_is_deactivated_after_the_question_and_reactivated(qtbot, services, vma):
    dialog = users_dialog(qtbot, services)
    select(qtbot, dialog, "Sam Lee")
    seen: list[str] = []
    answer_question("Keep active", seen)
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert seen and services.users.get(vma.id).active

    answer_question("Deactivate", seen)
    with qtbot.waitSignal(dialog.sig_changed):
        qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert not services.users.get(vma.id).active
    assert dialog.model.index(dialog.model.row_of(vma.id), STATUS).data() == "Deactivated"
    assert dialog.active_button.text() == "&Reactivate"
    with qtbot.waitSignal(dialog.sig_changed):  # reactivating asks nothing
        qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert services.users.get(vma.id).active


def test_a_manager_renames_a_user(qtbot, services, vma):
    dialog = users_dialog(qtbot, services)
    select(qtbot, dialog, "Sam Lee")
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    edit = opened(qtbot, dialog, EditUserDialog)
    assert focused() is edit.name_edit
    with qtbot.waitSignal(dialog.sig_changed):
        type_keys(qtbot, "Samantha Lee", TAB, "F", ENTER)  # F: Front desk
    sam = services.users.get(vma.id)
    assert (sam.name, sam.role) == ("Samantha Lee", UserRole.FRONT_DESK)


def test_a_vma_sees_the_list_read_only_but_may_set_their_own_pin(qtbot, services, manager, vma):
    services.users.sign_in(vma.id, VMA_PIN)
    dialog = users_dialog(qtbot, services)
    assert dialog.read_only_label.isVisible()
    assert "Only a practice manager" in dialog.read_only_label.text()
    assert dialog.selected_user().id == vma.id  # their own row
    assert dialog.model.index(dialog.model.row_of(vma.id), NAME).data() == "Sam Lee (you)"
    assert not dialog.add_button.isEnabled() and not dialog.edit_button.isEnabled()
    assert not dialog.active_button.isEnabled() and dialog.reset_button.isEnabled()

    select(qtbot, dialog, "Dana Reyes")
    assert not dialog.reset_button.isEnabled() and dialog.open_reset_pin() is None
    assert dialog.open_add() is None and dialog.open_edit() is None

    select(qtbot, dialog, "Sam Lee")
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    reset = opened(qtbot, dialog, ResetPinDialog)
    assert reset.windowTitle() == "Change my PIN"
    with qtbot.waitSignal(dialog.sig_changed):
        type_keys(qtbot, "864202", TAB, "864202", ENTER)
    assert services.users.check_pin(vma.id, "864202").id == vma.id


# --- Forgot PIN ----------------------------------------------------------------------------------------

def test_forgot_pin_with_the_recovery_key_sets_a_pin_that_signs_in(qtbot, services, clock, vma,
                                                                   recovery_key):
    lock_out(services, clock, vma)
    dialog = ForgotPinDialog(services, vma.id)
    show_active(qtbot, dialog)
    assert focused() is dialog.recovery_key_edit
    # a typo in the key is named beside it, and nothing changes
    typo = ("B" if recovery_key[0] != "B" else "C") + recovery_key[1:]
    with qtbot.assertNotEmitted(dialog.sig_saved):
        type_keys(qtbot, typo, TAB, "975318", TAB, "975318", ENTER)
    assert dialog.error_label_of("recovery_key").text().startswith("Recovery key has a typo")
    assert focused() is dialog.recovery_key_edit and services.users.get(vma.id).locked_out

    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, recovery_key.lower(), ENTER)
    assert dialog.result() == QDialog.DialogCode.Accepted
    user, new_sign_in = services.users.sign_in(vma.id, "975318")
    assert user.id == vma.id and new_sign_in
    assert services.users.current().id == vma.id


def test_forgot_pin_shows_pin_errors_beside_the_pin(qtbot, services, vma, recovery_key):
    dialog = ForgotPinDialog(services, vma.id)
    show_active(qtbot, dialog)
    type_keys(qtbot, recovery_key, TAB, "1234", TAB, "1234", ENTER)
    assert dialog.error_label_of("pin").text() == "PIN must be at least 6 digits."
    assert focused() is dialog.pin_edit
    type_keys(qtbot, "975318", TAB, "975319", ENTER)
    assert dialog.error_label_of("confirmation").text() == "The repeated PIN does not match the PIN."
    assert services.users.check_pin(vma.id, VMA_PIN).id == vma.id  # the old PIN still works


# --- the model -------------------------------------------------------------------------------------

def test_the_users_model_passes_the_model_tester(qtmodeltester, services, clock, manager, vma):
    lock_out(services, clock, vma)
    services.users.add("Ida Moss", UserRole.TRAINER, "ida-training", "ida-training")
    model = UserTableModel(services.context.practice_zone())
    model.set_users(services.users.all(), manager.id)
    qtmodeltester.check(model)
    rows = {model.index(r, NAME).data(): r for r in range(model.rowCount())}
    assert set(rows) == {"Dana Reyes (you)", "Ida Moss", "Sam Lee"}
    assert model.index(rows["Ida Moss"], 4).data() == "Never"
    # Dana signed in at 09:30 in Chicago (15:30 UTC): shown in the practice's time zone
    assert model.index(rows["Dana Reyes (you)"], 4).data() == "03/02/2026 9:30 AM"
    model.set_users([], None)
    qtmodeltester.check(model)
