"""File → Switch practice…: the workspaces opened before on this laptop, by their practice's name.

A VMA who covers several small practices keeps one workspace per practice; each has its own
keyring entry, users and lock. The list lives in QSettings (folder and practice name only: a
practice's name is not patient data) and is checked against the folders when shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vma_desk.storage.workspace import probe
from vma_desk.ui.settings import Preferences
from vma_desk.ui.shared.widgets import ErrorLine


class SwitchPracticeDialog(QDialog):
    sig_practice_chosen = Signal(object)  # the Path of the chosen workspace folder

    def __init__(self, current: Path, parent: QWidget | None = None, *,
                 preferences: Preferences | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Switch practice")
        self.setObjectName("switch_practice_dialog")
        self.preferences = preferences or Preferences()
        self.current = Path(current)
        intro = QLabel("Each practice you cover has its own workspace, users and lock. VMA Desk "
                       "closes this one and opens the one you choose.")
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("practice_list")
        self.list.setMinimumWidth(460)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.addButton("&Open", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setDefault(True)
        self.browse_button = QPushButton("Open another &folder…")
        self.buttons.addButton(self.browse_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_open)
        self.buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._on_open())
        self.browse_button.clicked.connect(self._on_browse)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        for folder, practice in self.preferences.recent_workspaces():
            path = Path(folder)
            here = path.resolve() == self.current.resolve()
            exists = probe(path).exists
            label = practice or path.name
            if here:
                label += "  (open now)"
            elif not exists:
                label += "  (not found: drive not connected?)"
            item = QListWidgetItem(f"{label}\n{folder}")
            item.setData(Qt.ItemDataRole.UserRole, folder)
            if here or not exists:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        enabled = [i for i in range(self.list.count())
                   if self.list.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]
        if enabled:
            self.list.setCurrentRow(enabled[0])
        self.open_button.setEnabled(bool(enabled))
        self.list.setFocus()

    def choose(self, folder: Path) -> bool:
        """Open `folder` instead of the current workspace; False (with the reason shown) when it
        holds no workspace."""
        if not probe(Path(folder)).exists:
            self.error.say(f"There is no VMA Desk workspace in {folder}.")
            return False
        self.sig_practice_chosen.emit(Path(folder))
        self.accept()
        return True

    def _on_open(self) -> None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return
        self.choose(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _on_browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Workspace folder", str(self.current.parent))
        if folder:
            self.choose(Path(folder))
