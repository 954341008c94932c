"""The main window: tabs, menus, status bar, patient quick-open, audit view and auto-lock."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vma_desk import APP_NAME, __version__
from vma_desk.core.clock import Clock
from vma_desk.core.errors import KnownError
from vma_desk.core.records import Change
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Protection, Workspace
from vma_desk.ui.coming import ComingPage
from vma_desk.ui.commands import DeletePatientCommand
from vma_desk.ui.demo_mark import DemoTitleMarker
from vma_desk.ui.lock import IdleWatcher, LockPage
from vma_desk.ui.settings import Preferences

log = logging.getLogger(__name__)

#: (tab title, what it will do) for tabs whose issue has not landed yet
TABS = (
    ("Today", "The day's visits per provider with their flags, and everything due today across the app."),
    ("Calendar", "Several providers' day and week schedules, booking without conflicts, the "
                 "waitlist, and the confirmation and eligibility worklists."),
    ("Calls", "A keyboard-fast call log with a running timer, routing and one-key follow-ups."),
    ("Messages", "\"While you were out\" messages with their age, callbacks due and escalation."),
    ("Refills", "Refill requests with the protocol check, the provider's decision and the "
                "business-day clock."),
    ("Referrals", "Referrals and prior authorisations tracked until the consult report is back."),
)


class MainWindow(QMainWindow):
    sig_locked = Signal()
    sig_unlocked = Signal()
    sig_changed = Signal(object)  # a core Change, fanned out to every tab

    def __init__(
        self,
        workspace: Workspace,
        keystore: KeyStore,
        *,
        preferences: Preferences | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.keystore = keystore
        self.services = Services.for_workspace(workspace, clock=clock)
        self.preferences = preferences or Preferences()
        self.locked = False
        self._hidden_windows: list[QWidget] = []
        self._closed = False
        self.demo_marker = DemoTitleMarker(self) if workspace.is_demo else None
        self.setObjectName("main_window")

        self.stack = QStackedWidget()
        self.workspace_page = self._build_workspace_page()
        self.lock_page = LockPage(workspace.protection is Protection.PASSPHRASE)
        self.lock_page.sig_unlock_requested.connect(self._on_lock_page_unlock_requested)
        self.stack.addWidget(self.workspace_page)
        self.stack.addWidget(self.lock_page)
        self.setCentralWidget(self.stack)
        self._build_actions()
        self._build_status_bar()
        self._update_title()
        self.idle_watcher = IdleWatcher(self.preferences.autolock_minutes * 60_000, self)
        self.idle_watcher.sig_idle.connect(self._on_idle_watcher_idle)
        self._restore_window()

    # --- building --------------------------------------------------------------------------------
    def _build_workspace_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if self.workspace.is_demo:
            banner = QLabel("DEMO WORKSPACE — fictional practice and patients, for training only")
            banner.setObjectName("demo_banner")
            banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(banner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.tabs.setDocumentMode(True)
        for title, what in TABS:
            self.tabs.addTab(PAGES[title](self) if title in PAGES else ComingPage(title, what), title)
        layout.addWidget(self.tabs)
        return page

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.quick_open_action = self._action(file_menu, "&Open patient…", "Ctrl+K",
                                              self.open_quick_open)
        self.new_patient_action = self._action(file_menu, "&New patient…", "Ctrl+Shift+N",
                                               lambda: self.open_patient_editor(None))
        file_menu.addSeparator()
        export_menu = file_menu.addMenu("&Export")
        self.export_ics_action = self._action(export_menu, "&Calendar (.ics)…", None,
                                              self.open_export_ics)
        export_menu.addSeparator()
        self.export_huddle_action = self._action(export_menu, "&Huddle sheet (PDF)…", "Ctrl+Shift+H",
                                                 lambda: self.open_export_huddle())
        self.export_patient_action = self._action(export_menu, "&Patient summary (PDF)…", None,
                                                  lambda: self.open_export_patient_summary())
        self.export_activity_action = self._action(export_menu, "&Activity summary (PDF)…", None,
                                                   self.open_export_activity)
        file_menu.addSeparator()
        self.lock_action = self._action(file_menu, "&Lock now", "Ctrl+L", self.lock)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)
        edit_menu = menu.addMenu("&Edit")
        self.undo_stack = QUndoStack(self)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.practice_action = self._action(edit_menu, "Practice &settings…", None,
                                            self.open_practice_settings)
        self.blocks_action = self._action(edit_menu, "Schedule &blocks…", None, self.open_blocks)
        self.preferences_action = self._action(edit_menu, "&Preferences…", "Ctrl+,",
                                               self.open_preferences)
        edit_menu.addSeparator()
        self.search_action = self._action(edit_menu, "&Find in calls and messages…", "Ctrl+F",
                                          self.open_search)
        view_menu = menu.addMenu("&View")
        self.audit_action = self._action(view_menu, "&Audit log", "Ctrl+Shift+A", self.open_audit)
        for index in range(self.tabs.count()):
            self._action(view_menu, self.tabs.tabText(index), f"Alt+{index + 1}",
                         lambda i=index: self.tabs.setCurrentIndex(i))
        help_menu = menu.addMenu("&Help")
        self._action(help_menu, "&About VMA Desk", None, self.show_about)
        #: actions that show patient data: disabled while locked
        self.guarded_actions = [self.quick_open_action, self.new_patient_action, self.lock_action,
                                self.preferences_action, self.practice_action, self.audit_action,
                                self.export_ics_action, self.blocks_action, self.search_action,
                                self.undo_action,
                                self.redo_action]

    def _action(self, menu, text, shortcut, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # never pass `checked` on
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.workspace_label = QLabel(f"Workspace: {self.workspace.data_dir}")
        self.workspace_label.setObjectName("workspace_label")
        self.workspace_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lock_state_label = QLabel()
        self.lock_state_label.setObjectName("lock_state_label")
        bar.addWidget(self.workspace_label, 1)
        if self.workspace.is_demo:
            demo = QLabel("DEMO")
            demo.setObjectName("demo_badge")
            bar.addPermanentWidget(demo)
        bar.addPermanentWidget(self.lock_state_label)
        self._update_lock_state()

    def _update_lock_state(self) -> None:
        how = ("OS keyring" if self.workspace.protection is Protection.KEYRING else "passphrase")
        self.lock_state_label.setText(
            "Locked" if self.locked else f"Encrypted · unlocked ({how})")
        self.lock_state_label.setProperty("locked", self.locked)
        self.lock_state_label.style().unpolish(self.lock_state_label)
        self.lock_state_label.style().polish(self.lock_state_label)

    def _update_title(self) -> None:
        practice = self.services.practice.get().name if self.services.practice.is_set_up() else ""
        parts = [APP_NAME]
        if self.workspace.is_demo:
            parts.append("DEMO")
        if self.locked:
            parts.append("Locked")
        elif practice:
            parts.append(practice)
        self.setWindowTitle(" — ".join(parts))

    def _restore_window(self) -> None:
        geometry = self.preferences.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = QApplication.primaryScreen().availableGeometry()
            self.resize(min(1280, screen.width()), min(800, screen.height()))
        state = self.preferences.window_state()
        if state is not None:
            self.restoreState(state)
        self.tabs.setCurrentIndex(min(self.preferences.last_tab(), self.tabs.count() - 1))

    # --- patients and audit ----------------------------------------------------------------------
    def _show_dialog(self, dialog: QWidget) -> None:
        """Dialogs are shown non-blocking so that auto-lock can hide them and bring them back
        with what was typed still there."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def open_quick_open(self) -> None:
        if self.locked:
            return
        from vma_desk.ui.patients.quick_open import QuickOpenDialog

        dialog = QuickOpenDialog(self.services, self)
        dialog.sig_patient_chosen.connect(self.open_patient_editor)
        dialog.sig_new_patient_requested.connect(lambda: self.open_patient_editor(None))
        self._show_dialog(dialog)

    def open_patient_editor(self, patient_id: int | None) -> None:
        if self.locked:
            return
        from vma_desk.ui.patients.editor import PatientEditorDialog

        try:
            dialog = PatientEditorDialog(self.services, patient_id, self)
        except KnownError as exc:
            QMessageBox.warning(self, APP_NAME, exc.message)
            return
        dialog.sig_saved.connect(self._on_change)
        dialog.sig_deleted.connect(self._on_patient_deleted)
        self._show_dialog(dialog)

    def open_audit(self) -> None:
        if self.locked:
            return
        from vma_desk.ui.audit.view import AuditDialog

        self._show_dialog(AuditDialog(self.services, self))

    def open_preferences(self) -> None:
        from vma_desk.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.preferences, self)
        dialog.sig_saved.connect(self._on_preferences_saved)
        self._show_dialog(dialog)

    def open_export_ics(self) -> None:
        if self.locked:
            return
        from vma_desk.ui.export_ics import ExportIcsDialog

        dialog = ExportIcsDialog(self.services, self)
        dialog.sig_exported.connect(self._on_change)
        self._show_dialog(dialog)

    def _open_pdf_export(self, kind: str, **choice: object) -> QWidget | None:
        if self.locked:
            return None
        from vma_desk.ui.exports.pdf_dialog import PdfExportDialog

        dialog = PdfExportDialog(self.services, kind, self, **choice)  # type: ignore[arg-type]
        dialog.sig_exported.connect(self._on_change)
        self._show_dialog(dialog)
        return dialog

    def open_export_huddle(self, day: date | None = None, provider_id: int | None = None) -> QWidget | None:
        """The huddle sheet of `day` (today) for every provider or one, previewed before it is saved."""
        return self._open_pdf_export("huddle", day=day, provider_id=provider_id)

    def open_export_patient_summary(self, patient_id: int | None = None) -> QWidget | None:
        return self._open_pdf_export("patient-summary", patient_id=patient_id)

    def open_export_activity(self) -> QWidget | None:
        return self._open_pdf_export("activity")

    def open_search(self) -> None:
        if self.locked:
            return
        from vma_desk.ui.search.dialog import SearchDialog

        dialog = SearchDialog(self.services, self)
        dialog.sig_record_chosen.connect(self.open_record)
        self._show_dialog(dialog)

    def open_record(self, kind: str, record_id: int) -> None:
        """Show a record in its tab (a search result, a Today row, a link): a call, message, refill
        request or referral in its list; a prior authorisation in the Referrals tab's list of them;
        an appointment (or its eligibility check) opened in the Calendar, on its day."""
        title = RECORD_TABS.get(kind)
        if title is None or title not in PAGES:
            return
        index = [t for t, _what in TABS].index(title)
        self.tabs.setCurrentIndex(index)
        tab = self.tabs.widget(index)
        if kind == "prior_auth":
            _show_prior_auth(tab, record_id)
        elif kind in ("appointment", "eligibility"):
            tab.show_appointment(record_id)  # type: ignore[attr-defined]
        else:
            tab.show_record(record_id)  # type: ignore[attr-defined]

    def open_blocks(self) -> None:
        if self.locked:
            return
        from vma_desk.ui.calendar.blocks import BlocksDialog

        dialog = BlocksDialog(self.services, self)
        dialog.sig_changed.connect(self._on_change)
        self._show_dialog(dialog)

    def open_practice_settings(self) -> None:
        if self.locked:
            return
        from vma_desk.ui.practice.settings import PracticeSettingsDialog

        dialog = PracticeSettingsDialog(self.services, self)
        dialog.sig_saved.connect(self._on_practice_saved)
        self._show_dialog(dialog)

    def _on_practice_saved(self, change: Change) -> None:
        self._update_title()
        self._on_change(Change("practice", change.action))

    def _on_preferences_saved(self) -> None:
        self.idle_watcher.set_timeout_ms(self.preferences.autolock_minutes * 60_000)

    def _on_patient_deleted(self, change: Change) -> None:
        patient_id = change.ids[0]
        self.undo_stack.push(DeletePatientCommand(
            self.services, patient_id, f"patient {patient_id}", self._on_change))
        self.statusBar().showMessage(
            f"Patient {patient_id} deleted. Edit → Undo ({self.undo_action.shortcut().toString()}) "
            "brings the record back.", 15_000)
        self._on_change(change)

    def _on_change(self, change: Change) -> None:
        if change.record_type == "practice":
            self._update_title()
        self.sig_changed.emit(change)

    def show_about(self) -> None:
        how = "OS keyring" if self.workspace.protection is Protection.KEYRING else "passphrase"
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>The workstation of a remote virtual medical "
            f"assistant.<br><br>Workspace: {self.workspace.data_dir}<br>Protected by: {how}")

    # --- locking ---------------------------------------------------------------------------------
    def lock(self, why: str = "Locked by you.") -> None:
        if self.locked or self._closed:
            return
        self.locked = True
        visible = [w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()]
        # a question box is answered "no" and closed: brought back later it would answer nothing
        for box in [w for w in visible if isinstance(w, QMessageBox)]:
            box.reject()
        self._hidden_windows = [w for w in visible if not isinstance(w, QMessageBox)]
        for window in self._hidden_windows:
            window.hide()
        self.stack.setCurrentWidget(self.lock_page)
        self.workspace_page.hide()
        self.lock_page.show_locked(why)
        for action in self.guarded_actions:
            action.setEnabled(False)
        self.idle_watcher.pause()
        self._update_lock_state()
        self._update_title()
        log.info("workspace locked")
        self.sig_locked.emit()

    def _on_idle_watcher_idle(self) -> None:
        minutes = self.preferences.autolock_minutes
        self.lock(f"Locked after {minutes} minute{'s' if minutes != 1 else ''} without activity, "
                  "to keep patient details private.")

    def _on_lock_page_unlock_requested(self, passphrase: str) -> None:
        try:
            if self.workspace.protection is Protection.PASSPHRASE:
                ok = self.workspace.matches_passphrase(passphrase)
                problem = "That passphrase is not the workspace's passphrase."
            else:
                ok = self.workspace.matches_key(self.keystore.get(self.workspace.workspace_id))
                problem = ("The OS keyring no longer holds this workspace's key. Restart VMA Desk "
                           "and enter the recovery key.")
        except KnownError as exc:
            self.lock_page.show_error(exc.message)
            return
        if not ok:
            self.lock_page.show_error(problem)
            return
        self.unlock()

    def unlock(self) -> None:
        self.locked = False
        self.stack.setCurrentWidget(self.workspace_page)
        self.workspace_page.show()
        for action in self.guarded_actions:
            action.setEnabled(True)
        for window in self._hidden_windows:
            window.show()
        self._hidden_windows = []
        self.idle_watcher.resume()
        self._update_lock_state()
        self._update_title()
        log.info("workspace unlocked")
        self.sig_unlocked.emit()

    # --- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.preferences.save_window(self.saveGeometry(), self.saveState(), self.tabs.currentIndex())
        self.preferences.sync()
        for window in QApplication.topLevelWidgets():
            if window is not self and window.isVisible():
                window.close()
        super().closeEvent(event)
        self.shutdown()

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.sig_locked.emit()  # every tab stops its timers: nothing may read a closed workspace
        self.idle_watcher.stop()
        if self.demo_marker:
            self.demo_marker.stop()
        self.workspace.close()


def _today_page(window: MainWindow) -> QWidget:
    from vma_desk.ui.today.tab import TodayTab

    tab = TodayTab(window.services, window)
    tab.sig_record_requested.connect(window.open_record)
    tab.sig_export_requested.connect(window.open_export_huddle)  # the huddle sheet of the day shown
    tab.set_export_available(True)
    return _badged_page(window, tab, tab.sig_urgent_changed, tab.publish_urgent)


def _calendar_page(window: MainWindow) -> QWidget:
    from vma_desk.ui.calendar.tab import CalendarTab

    tab = CalendarTab(window.services, window)
    _wire_tab(window, tab)
    return tab


def _calls_page(window: MainWindow) -> QWidget:
    from vma_desk.ui.calls.tab import CallsTab

    tab = CallsTab(window.services, window.preferences, window)
    _wire_tab(window, tab)
    window.addAction(tab.log_call_action)  # F2 logs a call from every tab
    return tab


def _wire_tab(window: MainWindow, tab: QWidget) -> None:
    """A tab's changes go to the window, the window's to the tab; it pauses while locked."""
    tab.sig_changed.connect(window._on_change)  # type: ignore[attr-defined]
    window.sig_changed.connect(tab.apply_change)  # type: ignore[attr-defined]
    window.sig_locked.connect(tab.pause)  # type: ignore[attr-defined]
    window.sig_unlocked.connect(tab.resume)  # type: ignore[attr-defined]


def _badged_page(window: MainWindow, tab: QWidget, count_changed: SignalInstance,
                 publish: Callable[[], None]) -> QWidget:
    """A tab whose title counts what needs attention ("Messages (3 overdue)", "Refills (1 past
    due)"): the title is set whenever the count changes, and once the tab is in place."""
    _wire_tab(window, tab)

    def show_badge(_count: int) -> None:
        index = window.tabs.indexOf(tab)
        if index >= 0:
            window.tabs.setTabText(index, tab.title())  # type: ignore[attr-defined]

    count_changed.connect(show_badge)
    QTimer.singleShot(0, tab, publish)
    return tab


def _show_prior_auth(tab: QWidget, auth_id: int) -> None:
    """The Referrals tab's prior authorisations, with one selected (all current ones shown when
    the list's filter hid it)."""
    from vma_desk.ui.referrals.tab import ReferralsTab

    assert isinstance(tab, ReferralsTab)
    tab.ui.lists_tabs.setCurrentIndex(1)
    if not tab.select_auth(auth_id):
        tab.ui.auth_filter_combo.setCurrentIndex(0)
        tab.load(select_auth=auth_id)
    tab.auth_view.setFocus()


def _messages_page(window: MainWindow) -> QWidget:
    from vma_desk.ui.messages.tab import MessagesTab

    tab = MessagesTab(window.services, window)
    return _badged_page(window, tab, tab.sig_overdue_changed, tab.publish_overdue)


def _refills_page(window: MainWindow) -> QWidget:
    from vma_desk.ui.refills.tab import RefillsTab

    tab = RefillsTab(window.services, window)
    return _badged_page(window, tab, tab.sig_attention_changed, tab.publish_attention)


def _referrals_page(window: MainWindow) -> QWidget:
    from vma_desk.ui.referrals.tab import ReferralsTab

    tab = ReferralsTab(window.services, window)
    return _badged_page(window, tab, tab.sig_attention_changed, tab.publish_attention)


#: the tab that shows each kind of record `MainWindow.open_record` is given
RECORD_TABS = {"call": "Calls", "message": "Messages", "refill": "Refills", "referral": "Referrals",
               "prior_auth": "Referrals", "appointment": "Calendar", "eligibility": "Calendar"}

#: the tabs that have landed, by title: each builds its page for the window
PAGES: dict[str, Callable[[MainWindow], QWidget]] = {
    "Today": _today_page, "Calendar": _calendar_page, "Calls": _calls_page, "Messages": _messages_page,
    "Refills": _refills_page, "Referrals": _referrals_page}
