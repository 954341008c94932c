"""The preferences dialog: the lock (QSettings) and, given the services of an open workspace,
its automatic backups: the folder, when, and how many to keep (QSettings, per workspace: a folder
path is not patient data), with the practice's staleness limit (the workspace's settings table,
saved through `services.backups`, audited)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QWidget

from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.rules.backup_retention import RetentionPolicy
from vma_desk.services import Services
from vma_desk.ui.forms.ui_preferences import Ui_Preferences
from vma_desk.ui.settings import MAX_AUTOLOCK_MINUTES, MIN_AUTOLOCK_MINUTES, Preferences
from vma_desk.ui.shared.widgets import FIELD_ERROR_STYLE, FieldErrors, FieldSlot

#: `page=` names of the dialog's pages
PAGES = ("lock", "backups")


class PreferencesDialog(QDialog):
    sig_saved = Signal()

    def __init__(self, preferences: Preferences, parent: QWidget | None = None, *,
                 services: Services | None = None, page: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_Preferences()
        self.ui.setupUi(self)
        self.setStyleSheet(FIELD_ERROR_STYLE)
        self.preferences = preferences
        self.services = services
        ui = self.ui
        ui.autolock_spin.setRange(MIN_AUTOLOCK_MINUTES, MAX_AUTOLOCK_MINUTES)
        ui.autolock_spin.setValue(preferences.autolock_minutes)
        ui.silent_start_check.setChecked(preferences.silent_single_user)
        self.errors = FieldErrors(QLabel(self))  # every error here has its field
        FieldErrors.prepare(ui.backup_folder_error, ui.stale_error)
        self._stale_days: int | None = None
        self._load_backups()
        ui.backup_choose_button.clicked.connect(self._on_backup_choose_button_clicked)
        ui.backup_folder_edit.textChanged.connect(self._on_backup_folder_edit_changed)
        ui.button_box.accepted.connect(self._on_button_box_accepted)
        ui.button_box.rejected.connect(self.reject)
        if page in PAGES:
            ui.pages.setCurrentIndex(PAGES.index(page))

    # --- backups -----------------------------------------------------------------------------------
    @property
    def workspace_id(self) -> str:
        return self.services.workspace.workspace_id if self.services is not None else ""

    def _load_backups(self) -> None:
        ui = self.ui
        if self.services is None:  # no workspace to back up: the page is not offered
            ui.pages.removeTab(ui.pages.indexOf(ui.backups_page))
            return
        prefs, wid = self.preferences, self.workspace_id
        ui.backup_folder_edit.setText(prefs.backup_folder(wid))
        at_sign_in, at_close = prefs.backup_when(wid)
        ui.backup_sign_in_check.setChecked(at_sign_in)
        ui.backup_close_check.setChecked(at_close)
        keep = prefs.backup_keep(wid)
        ui.keep_daily_spin.setValue(keep.daily)
        ui.keep_weekly_spin.setValue(keep.weekly)
        ui.keep_monthly_spin.setValue(keep.monthly)
        try:
            self._stale_days = self.services.backups.stale_days()
            last = self.services.backups.last_verified()
            zone = self.services.context.practice_zone()
            now = self.services.context.clock.now()
        except KnownError:  # locked: the practice's limit cannot be read now
            ui.stale_spin.setEnabled(False)
            ui.last_backup_label.setText("")
        else:
            from vma_desk.ui.backups import last_backup_sentence

            ui.stale_spin.setValue(self._stale_days)
            ui.last_backup_label.setText(last_backup_sentence(last, now, zone))
        self._on_backup_folder_edit_changed(ui.backup_folder_edit.text())

    def _on_backup_choose_button_clicked(self) -> None:
        start = self.ui.backup_folder_edit.text().strip() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Choose the backup folder", start)
        if folder:
            self.ui.backup_folder_edit.setText(folder)

    def _on_backup_folder_edit_changed(self, text: str) -> None:
        """A word under the folder when it is on the workspace's own disk (lost with the laptop)."""
        note = ""
        folder = Path(text.strip()).expanduser() if text.strip() else None
        if folder is not None and self.services is not None and folder.is_dir():
            try:
                same = os.stat(folder).st_dev == os.stat(self.services.workspace.data_dir).st_dev
            except OSError:
                same = False
            if same:
                note = ("This folder is on the same disk as the workspace: a backup there is lost "
                        "with the laptop. A USB drive or a second disk is safer.")
        self.ui.backup_folder_note.setProperty("role", "hint")
        self.ui.backup_folder_note.setText(note)
        self.ui.backup_folder_note.setVisible(bool(note))

    def _check_backup_folder(self) -> str:
        """The folder as it will be saved ("" for none); ValidationError beside the field."""
        text = self.ui.backup_folder_edit.text().strip()
        if not text:
            return ""
        folder = Path(text).expanduser()
        if not folder.is_absolute():
            raise ValidationError("backup_folder", "must be a full path (or use Choose…)")
        if not folder.is_dir():
            raise ValidationError("backup_folder", f"{folder} is not there: connect the drive, or choose "
                                                   "another folder")
        assert self.services is not None
        workspace_dir = self.services.workspace.data_dir.resolve()
        resolved = folder.resolve()
        if resolved == workspace_dir or workspace_dir in resolved.parents:
            raise ValidationError("backup_folder", "must not be the workspace's own folder: choose a "
                                                   "folder on another drive")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ValidationError("backup_folder", f"{folder} cannot be written to: choose a folder "
                                                   "you can write to")
        return str(folder)

    def _save_backups(self) -> bool:
        ui = self.ui
        slots = {"backup_folder": FieldSlot(ui.backup_folder_edit, ui.backup_folder_error,
                                            "The backup folder"),
                 "stale_days": FieldSlot(ui.stale_spin, ui.stale_error, "The warning limit")}
        self.errors.clear()
        try:
            folder = self._check_backup_folder()
            if self._stale_days is not None and ui.stale_spin.value() != self._stale_days:
                assert self.services is not None
                self.services.backups.set_stale_days(ui.stale_spin.value())
                self._stale_days = ui.stale_spin.value()
        except ValidationError as exc:
            ui.pages.setCurrentWidget(ui.backups_page)
            self.errors.show(slots.get(exc.field, slots["backup_folder"]), exc.message)
            return False
        except KnownError as exc:
            ui.pages.setCurrentWidget(ui.backups_page)
            self.errors.show(slots["stale_days"], exc.message)
            return False
        prefs, wid = self.preferences, self.workspace_id
        if folder != prefs.backup_folder(wid):
            prefs.set_backup_problem(wid, "")  # a new folder: the old one's trouble is no longer news
        prefs.set_backup_folder(wid, folder)
        prefs.set_backup_when(wid, ui.backup_sign_in_check.isChecked(), ui.backup_close_check.isChecked())
        prefs.set_backup_keep(wid, RetentionPolicy(ui.keep_daily_spin.value(), ui.keep_weekly_spin.value(),
                                                   ui.keep_monthly_spin.value()))
        return True

    # --- saving ------------------------------------------------------------------------------------
    def _on_button_box_accepted(self) -> None:
        if self.services is not None and not self._save_backups():
            return
        self.preferences.autolock_minutes = self.ui.autolock_spin.value()
        self.preferences.silent_single_user = self.ui.silent_start_check.isChecked()
        self.preferences.sync()
        self.sig_saved.emit()
        self.accept()
