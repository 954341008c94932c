"""Edit → Users…: who may sign in to this workspace, and a practice manager's changes to them.

A manager adds users, edits a name or role, sets a new PIN (which ends a lock-out) and deactivates
or reactivates users. Anyone else sees the list read-only, with a line saying so, and may set only
their own PIN. The service decides in every case; the buttons merely follow what it would allow.
The small dialogs open without blocking (as every dialog does, so the auto-lock can hide them).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import Change
from vma_desk.core.users import User
from vma_desk.services import Services
from vma_desk.ui.shared.form import show_dialog
from vma_desk.ui.shared.widgets import confirm
from vma_desk.ui.users.editors import AddUserDialog, EditUserDialog, ResetPinDialog, UserFormDialog
from vma_desk.ui.users.model import NAME, USER_ROLE, UserTableModel

READ_ONLY_TEXT = ("Only a practice manager can add or change users. You can set your own PIN "
                  "(select your name, then Reset PIN…).")


class UsersDialog(QDialog):
    sig_changed = Signal(object)  # a core Change, after each change

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Users")
        layout = QVBoxLayout(self)
        zone = services.context.practice_zone()
        self.intro_label = QLabel(
            "The people who sign in to VMA Desk in this workspace. Deactivated users cannot sign "
            f"in; their records keep their name. Sign-in times are the practice's ({zone.key}).")
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        self.read_only_label = QLabel(READ_ONLY_TEXT)
        self.read_only_label.setObjectName("read_only_label")
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.read_only_label)

        self.model = UserTableModel(zone, self)
        self.table_view = QTableView()
        self.table_view.setObjectName("table_view")
        self.table_view.setModel(self.model)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setTabKeyNavigation(False)  # Tab moves on to the buttons
        self.table_view.setAlternatingRowColors(True)
        self.table_view.verticalHeader().hide()
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # names never cut off
        header.setStretchLastSection(True)
        self.table_view.setWordWrap(False)
        self.table_view.doubleClicked.connect(self._on_table_view_double_clicked)
        self.table_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        layout.addWidget(self.table_view, 1)

        row = QHBoxLayout()
        self.add_button = QPushButton("&Add user…")
        self.edit_button = QPushButton("&Edit…")
        self.reset_button = QPushButton("Reset &PIN…")
        self.active_button = QPushButton("&Deactivate…")
        for name, button in (("add_button", self.add_button), ("edit_button", self.edit_button),
                             ("reset_button", self.reset_button), ("active_button", self.active_button)):
            button.setObjectName(name)
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.reset_button.clicked.connect(self.open_reset_pin)
        self.active_button.clicked.connect(self.toggle_active)

        self.message_label = QLabel()
        self.message_label.setObjectName("message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.hide()
        layout.addWidget(self.message_label)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        self.setMinimumSize(760, 360)
        self.resize(820, 460)
        self.reload()
        self.table_view.setFocus()

    # --- state -----------------------------------------------------------------------------------
    @property
    def can_manage(self) -> bool:
        me = self.services.users.current()
        return me is not None and me.is_manager and me.active

    def selected_user(self) -> User | None:
        index = self.table_view.currentIndex()
        user = index.siblingAtColumn(NAME).data(USER_ROLE) if index.isValid() else None
        return user if isinstance(user, User) else None

    def select_user(self, user_id: int | None) -> None:
        row = self.model.row_of(user_id)
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table_view.selectRow(row)
            self.table_view.setCurrentIndex(self.model.index(row, NAME))

    def reload(self, select_id: int | None = None) -> None:
        before = self.selected_user()
        current_id = self.services.context.user_id
        self.model.set_users(self.services.users.all(), current_id)
        if select_id is None:
            select_id = before.id if before is not None else current_id
        self.select_user(select_id)
        manager = self.can_manage
        self.read_only_label.setVisible(not manager)
        self.add_button.setEnabled(manager)
        self._update_buttons()

    def _update_buttons(self) -> None:
        user = self.selected_user()
        manager = self.can_manage
        own = user is not None and user.id is not None and user.id == self.services.context.user_id
        self.edit_button.setEnabled(manager and user is not None)
        self.reset_button.setEnabled(user is not None and (manager or own))
        self.active_button.setEnabled(manager and user is not None)
        self.active_button.setText("&Reactivate" if user is not None and not user.active else "&Deactivate…")

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _on_table_view_double_clicked(self, _index: QModelIndex) -> None:
        if self.edit_button.isEnabled():
            self.open_edit()
        elif self.reset_button.isEnabled():
            self.open_reset_pin()

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _changed(self, change: Change) -> None:
        self.reload(change.ids[0] if change.ids else None)
        self.sig_changed.emit(change)

    # --- actions ---------------------------------------------------------------------------------
    def _open(self, dialog: UserFormDialog) -> UserFormDialog:
        self._show_message("")
        dialog.sig_saved.connect(self._changed)
        show_dialog(dialog)
        return dialog

    def open_add(self) -> UserFormDialog | None:
        if not self.can_manage:
            return None
        return self._open(AddUserDialog(self.services, self))

    def open_edit(self) -> UserFormDialog | None:
        user = self.selected_user()
        if user is None or not self.can_manage:
            return None
        return self._open(EditUserDialog(self.services, user, self))

    def open_reset_pin(self) -> UserFormDialog | None:
        user = self.selected_user()
        if user is None or not self.reset_button.isEnabled():
            return None
        return self._open(ResetPinDialog(self.services, user, self))

    def toggle_active(self) -> None:
        """Deactivate the selected user (after a question) or reactivate them."""
        user = self.selected_user()
        if user is None or user.id is None or not self.can_manage:
            return
        self._show_message("")
        if user.active and not confirm(
                self, "Deactivate user",
                f"{user.name} will no longer be able to sign in; their records keep their name. "
                "You can reactivate them later.", "Deactivate", "Keep active"):
            return
        try:
            _user, change = self.services.users.update(user.id, active=not user.active)
        except ValidationError as exc:
            what = "deactivated" if user.active else "reactivated"
            reason = exc.message.removeprefix("cannot change: ")
            self._show_message(f"{user.name} cannot be {what}: {reason}.")
            return
        except KnownError as exc:
            self._show_message(exc.message)
            return
        self._changed(change)
