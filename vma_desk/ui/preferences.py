"""The preferences dialog (stored in QSettings: UI state only)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from vma_desk.ui.forms.ui_preferences import Ui_Preferences
from vma_desk.ui.settings import MAX_AUTOLOCK_MINUTES, MIN_AUTOLOCK_MINUTES, Preferences


class PreferencesDialog(QDialog):
    sig_saved = Signal()

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_Preferences()
        self.ui.setupUi(self)
        self.preferences = preferences
        self.ui.autolock_spin.setRange(MIN_AUTOLOCK_MINUTES, MAX_AUTOLOCK_MINUTES)
        self.ui.autolock_spin.setValue(preferences.autolock_minutes)
        self.ui.silent_start_check.setChecked(preferences.silent_single_user)
        self.ui.button_box.accepted.connect(self._on_button_box_accepted)
        self.ui.button_box.rejected.connect(self.reject)

    def _on_button_box_accepted(self) -> None:
        self.preferences.autolock_minutes = self.ui.autolock_spin.value()
        self.preferences.silent_single_user = self.ui.silent_start_check.isChecked()
        self.preferences.sync()
        self.sig_saved.emit()
        self.accept()
