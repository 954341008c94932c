"""The sign-in page: shown at start (several users) and whenever VMA Desk is locked.

Pick your name (arrows, or type its first letters), type your PIN, press Enter. On a passphrase
workspace that was locked, the passphrase is asked too (the workspace's key is not kept while
locked). After a wrong PIN the page counts down the wait before the next try. Nothing on this page
comes from patient records: the user names are kept while locked, the workspace is closed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vma_desk.ui.shared.widgets import ErrorLine


@dataclass(frozen=True)
class SignInChoice:
    """A user as the sign-in page lists them (kept while the workspace is closed)."""

    user_id: int
    name: str
    role: str


class SignInPage(QWidget):
    sig_sign_in_requested = Signal(int, str, str)  # user id, PIN, passphrase ("" when not asked)
    sig_forgot_pin_requested = Signal(int)  # user id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._wait_left = 0
        self._preselected = False
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._on_wait_timer_timeout)

        self.title = QLabel("VMA Desk is locked")
        self.title.setProperty("role", "lock-title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason = QLabel("")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason.setWordWrap(True)
        self.users = QListWidget()
        self.users.setObjectName("sign_in_users")
        self.users.setAccessibleName("Your name")
        self.users.setMinimumWidth(300)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("sign_in_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("Workspace passphrase")
        self.pin = QLineEdit()
        self.pin.setObjectName("sign_in_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText("PIN")
        self.pin.setMaxLength(128)
        self.error = ErrorLine("sign_in_error")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_hint = QLabel("")
        self.demo_hint.setObjectName("sign_in_demo_hint")
        self.demo_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_hint.hide()
        self.button = QPushButton("&Sign in")
        self.button.setObjectName("sign_in_button")
        self.button.setDefault(True)
        self.button.setMinimumWidth(160)
        self.forgot = QPushButton("&Forgot PIN?")
        self.forgot.setObjectName("forgot_pin_button")
        self.forgot.setFlat(True)

        form_box = QWidget()
        form_box.setMaximumWidth(420)
        form = QFormLayout(form_box)
        self.users_label = QLabel("&Your name")
        self.users_label.setBuddy(self.users)
        form.addRow(self.users_label, self.users)
        self.passphrase_label = QLabel("P&assphrase")
        self.passphrase_label.setBuddy(self.passphrase)
        form.addRow(self.passphrase_label, self.passphrase)
        pin_label = QLabel("&PIN")
        pin_label.setBuddy(self.pin)
        form.addRow(pin_label, self.pin)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.forgot)
        buttons.addWidget(self.button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.reason)
        layout.addSpacing(12)
        layout.addWidget(form_box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.demo_hint)
        layout.addStretch(3)
        self.setTabOrder(self.users, self.passphrase)
        self.setTabOrder(self.passphrase, self.pin)
        self.setTabOrder(self.pin, self.button)
        self.setTabOrder(self.button, self.forgot)

        self.button.clicked.connect(self._on_button_clicked)
        self.pin.returnPressed.connect(self._on_button_clicked)
        self.passphrase.returnPressed.connect(self.pin.setFocus)
        self.users.itemActivated.connect(lambda _item: self._focus_next_field())
        self.users.currentRowChanged.connect(lambda _row: self.error.hide())
        self.forgot.clicked.connect(self._on_forgot_clicked)

    # --- showing ---------------------------------------------------------------------------------
    def show_sign_in(self, *, title: str, why: str, users: list[SignInChoice],
                     selected: int | None, needs_passphrase: bool, demo_pin: str = "") -> None:
        """Fill the page: `users` to pick from (the one with id `selected` preselected)."""
        self.title.setText(title)
        self.reason.setText(why)
        self.reason.setVisible(bool(why))
        self.users.clear()
        for choice in users:
            item = QListWidgetItem(choice.name)
            item.setData(Qt.ItemDataRole.UserRole, choice.user_id)
            item.setToolTip(choice.role)
            self.users.addItem(item)
        rows = [i for i, c in enumerate(users) if c.user_id == selected]
        self.users.setCurrentRow(rows[0] if rows else 0)
        self._preselected = bool(rows)
        one = len(users) == 1
        shown_rows = min(max(len(users), 3), 8)  # the list as tall as its names (scrolls past 8)
        row_height = max(self.users.sizeHintForRow(0), 18)
        self.users.setFixedHeight(shown_rows * row_height + 2 * self.users.frameWidth() + 4)
        self.users.setVisible(not one)
        self.users_label.setText(users[0].name if one else "&Your name")
        self.users_label.setBuddy(self.pin if one else self.users)
        self.passphrase.setVisible(needs_passphrase)
        self.passphrase_label.setVisible(needs_passphrase)
        self.passphrase.clear()
        self.pin.clear()
        self.error.hide()
        self.demo_hint.setText(f"Demo workspace: every user's PIN is {demo_pin}" if demo_pin else "")
        self.demo_hint.setVisible(bool(demo_pin))
        self._stop_wait()
        QTimer.singleShot(0, self, self._focus_first_field)

    def _focus_first_field(self) -> None:
        if self.users.isVisible() and not self._preselected:
            self.users.setFocus()
        else:
            self._focus_next_field()

    def _focus_next_field(self) -> None:
        if self.passphrase.isVisible() and not self.passphrase.text():
            self.passphrase.setFocus()
        else:
            self.pin.setFocus()

    def selected_user(self) -> int | None:
        item = self.users.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def show_error(self, message: str, *, wait_seconds: float = 0.0, field: str = "pin") -> None:
        self.error.say(message)
        self.pin.clear()
        if field == "passphrase":
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        elif field == "user" and self.users.isVisible():
            self.users.setFocus()
        else:
            self.pin.setFocus()
        if wait_seconds > 0:
            self._start_wait(wait_seconds)

    # --- the wait after a wrong PIN --------------------------------------------------------------
    def _start_wait(self, seconds: float) -> None:
        self._wait_left = max(1, round(seconds))
        self.button.setEnabled(False)
        self.pin.setReadOnly(True)
        self._show_wait()
        self._wait_timer.start()

    def _show_wait(self) -> None:
        self.button.setText(f"Wait {self._wait_left} s")

    def _on_wait_timer_timeout(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._stop_wait()
            self.pin.setFocus()
        else:
            self._show_wait()

    def _stop_wait(self) -> None:
        self._wait_timer.stop()
        self._wait_left = 0
        self.button.setEnabled(True)
        self.button.setText("&Sign in")
        self.pin.setReadOnly(False)

    @property
    def waiting(self) -> bool:
        return self._wait_left > 0

    # --- asking ----------------------------------------------------------------------------------
    def _on_button_clicked(self) -> None:
        if self.waiting:
            return
        user_id = self.selected_user()
        if user_id is None:
            self.show_error("Choose your name from the list.", field="user")
            return
        if not self.pin.text():
            self.show_error("Type your PIN.")
            return
        if self.passphrase.isVisible() and not self.passphrase.text():
            self.show_error("Type the workspace's passphrase.", field="passphrase")
            return
        pin, passphrase = self.pin.text(), self.passphrase.text() if self.passphrase.isVisible() else ""
        self.pin.clear()
        self.sig_sign_in_requested.emit(user_id, pin, passphrase)

    def _on_forgot_clicked(self) -> None:
        user_id = self.selected_user()
        if user_id is None:
            self.show_error("Choose your name from the list first.", field="user")
            return
        self.sig_forgot_pin_requested.emit(user_id)

