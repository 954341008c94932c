"""The main window: tabs, menus, status bar, patient quick-open, audit view and auto-lock."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vma_desk import APP_NAME, __version__
from vma_desk.core.errors import KnownError, SignInError, ValidationError
from vma_desk.core.records import AuditAction, Change, Patient, RecordKind
from vma_desk.core.users import User
from vma_desk.core.validation import format_phone
from vma_desk.services import Services
from vma_desk.services.users import DEMO_PIN
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Protection, Workspace
from vma_desk.ui.backups import BackupController
from vma_desk.ui.commands import DeletePatientCommand, StepCommand
from vma_desk.ui.demo_mark import DemoTitleMarker
from vma_desk.ui.lock import IdleWatcher
from vma_desk.ui.screen_lock import ScreenLockWatcher
from vma_desk.ui.settings import Preferences
from vma_desk.ui.shared import badges
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.paint_cache import cache_views
from vma_desk.ui.shared.tab import TabEntry, TabPage
from vma_desk.ui.shared.widgets import show_dialog
from vma_desk.ui.sign_in import SignInChoice, SignInPage

if TYPE_CHECKING:
    from vma_desk.ui.drafts import DraftsBanner
    from vma_desk.ui.ehr_import.dialog import ImportDialog
    from vma_desk.ui.handoff import EndShiftDialog
    from vma_desk.ui.hub.dialog import PatientHubDialog
    from vma_desk.ui.patients.quick_open import QuickOpenDialog
    from vma_desk.ui.search.dialog import SearchDialog
    from vma_desk.ui.staff_tasks.dialog import TaskDialog

log = logging.getLogger(__name__)

#: how often the titles of the tabs not built yet count again (time passes: messages fall overdue)
BADGE_REFRESH_MS = 60_000

class MainWindow(QMainWindow):
    """The window of one workspace. Nothing of the workspace is shown until a user signs in: with
    `services` whose context has a signed-in user the tabs are built at once; otherwise the window
    opens on the sign-in page (or asks for the first user of a workspace that has none)."""

    sig_locked = Signal()
    sig_unlocked = Signal()
    sig_changed = Signal(object)  # a core Change, fanned out to every tab
    sig_switch_practice_requested = Signal(object)  # the Path of the workspace to open instead

    def __init__(
        self,
        workspace: Workspace,
        keystore: KeyStore,
        *,
        preferences: Preferences | None = None,
        services: Services,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.keystore = keystore
        self.services = services
        self.preferences = preferences or Preferences()
        self.locked = True  # until somebody signs in
        #: windows hidden by a lock, by the user whose work they are: shown again only to them
        self._hidden_windows: dict[int | None, list[QWidget]] = {}
        self._drafts_banner: DraftsBanner | None = None
        self._undo_user: int | None = None
        #: drafts of windows a lock closed (the handoff note), by user: put back for them only
        self._drafts: dict[int | None, list[tuple[str, str]]] = {}
        #: passphrase attempts that failed while the workspace was closed (audited once it opens)
        self._failed_passphrases = 0
        #: the users the sign-in page lists (read before the workspace closes)
        self._choices: list[SignInChoice] | None = None
        self._closed = False
        self._tabs_built = False
        self._practice_name = self._read_practice_name()
        self.demo_marker = DemoTitleMarker(self) if workspace.is_demo else None
        self.setObjectName("main_window")

        self.stack = QStackedWidget()
        self.workspace_page = self._build_workspace_page()
        self._sign_in_page: SignInPage | None = None  # built the first time it is shown
        #: the tabs built so far, by index (each is built the first time it is shown: `page`)
        self._pages: dict[int, TabPage] = {}
        #: every minute, the counts in the titles of the tabs not built yet (`TabEntry.badge`)
        self._badge_timer = QTimer(self)
        self._badge_timer.setInterval(BADGE_REFRESH_MS)
        self._badge_timer.timeout.connect(self._refresh_badges)
        #: the same after changes, once the event loop is free: a burst of changes (an import, an
        #: undo of several steps) counts once, and a save returns before the counts are read
        self._badges_after_change = QTimer(self)
        self._badges_after_change.setSingleShot(True)
        self._badges_after_change.setInterval(0)
        self._badges_after_change.timeout.connect(self._refresh_badges)
        self.stack.addWidget(self.workspace_page)
        self.setCentralWidget(self.stack)
        self._build_actions()
        self._build_status_bar()
        self.backups = BackupController(self)  # automatic backups: status bar, Today banner, closing
        self.idle_watcher = IdleWatcher(self.preferences.autolock_minutes * 60_000, self)
        self.idle_watcher.sig_idle.connect(self._on_idle_watcher_idle)
        self.screen_lock = ScreenLockWatcher(self)
        self.screen_lock.sig_screen_locked.connect(self.lock)
        self._restore_window()
        if getattr(workspace, "warnings", None):  # said once, in words, at opening (not blocking)
            box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, "\n\n".join(workspace.warnings),
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("location_warning_box")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            QTimer.singleShot(0, self, box.show)
        if self.services.users.signed_in:
            self._enter(fresh=False)
        else:
            self._show_sign_in("Sign in", "")

    # --- building --------------------------------------------------------------------------------
    @property
    def sign_in_page(self) -> SignInPage:
        """The page shown while nobody is signed in (at a start with a PIN, and while locked):
        built the first time it is needed, so that a start signed in at once builds none of it."""
        if self._sign_in_page is None:
            page = self._sign_in_page = SignInPage()
            page.sig_sign_in_requested.connect(self._on_sign_in_page_sign_in_requested)
            page.sig_forgot_pin_requested.connect(self._on_sign_in_page_forgot_pin_requested)
            self.stack.addWidget(page)
        return self._sign_in_page

    @property
    def lock_page(self) -> SignInPage:
        """The page shown while locked: the sign-in page."""
        return self.sign_in_page

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
        layout.addWidget(self.tabs)
        return page

    def _build_tabs(self) -> None:
        """The tab bar, when the first user signs in, never before: only the tab shown is built
        (and reads what it shows); each other tab is an empty page until it is first shown
        (`page`), its title counting what needs attention from its entry's `badge` meanwhile.
        So a start builds, imports and reads one tab, not seven."""
        self._tabs_built = True
        #: the lookups every tab shares (names, providers, types, the practice's clock): built once
        self.tab_context = TabContext(self.services)
        for entry in TABS:
            placeholder = QWidget()
            placeholder.setObjectName(f"{entry.title.lower()}_placeholder")
            self.tabs.addTab(placeholder, entry.title)
        index = min(self.preferences.last_tab(), self.tabs.count() - 1)
        self.tabs.setCurrentIndex(index)
        self.page(index)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)  # a click on a tab, too

    def page(self, index: int) -> TabPage:
        """The tab at `index`, built now if it never was (its first show, a record or a form
        opened in it): its entry's factory makes it, it is wired like every tab and put in its
        place in the tab bar."""
        tab = self._pages.get(index)
        if tab is None:
            tab = self._pages[index] = TABS[index].factory(self)
            for stand_in in self._key_stand_ins.pop(index, []):  # the tab's own actions from now on
                self.removeAction(stand_in)
                self.guarded_actions.remove(stand_in)
                stand_in.deleteLater()
            self._wire_tab(tab)
            cache_views(tab)  # shown again, its lists are drawn from their last picture
            current = self.tabs.currentIndex()
            placeholder = self.tabs.widget(index)
            self.tabs.blockSignals(True)  # the same tab stays current: nothing to tell anyone
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, tab.title() or TABS[index].title)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            if placeholder is not None:
                placeholder.deleteLater()
        return tab

    def tab_parent(self) -> QWidget:
        """What a tab is built in: the tab widget's own page stack, where `insertTab` puts it. A tab
        built in the window and moved there is styled twice over (a widget that changes parent is
        re-polished, its children with it, under the application's style sheet): 53 ms of the
        Referrals tab's first show, 16 ms of the Refills tab's."""
        stack = self.tabs.findChild(QStackedWidget, "qt_tabwidget_stackedwidget")
        return stack if stack is not None else self.tabs

    def show_tab(self, index: int) -> None:
        """Alt+1…7: the tab, with the keyboard in its main list (also when it was shown already)."""
        self.tabs.setCurrentIndex(index)
        self.focus_tab()

    def focus_tab(self) -> None:
        """The keyboard in the current tab's main list (each tab's `focus_main`), so the tab's keys
        (Enter, Ctrl+Enter, Ctrl+N, Ctrl+M) work at once, without a click in the list first."""
        index = self.tabs.currentIndex()
        if index < 0 or self.locked:
            return
        self._tab(index).focus_main()

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._load_current()
        self.focus_tab()

    def _load_current(self) -> None:
        """The tab shown is built and reads what it shows, if it never has (not while locked:
        nothing is shown)."""
        index = self.tabs.currentIndex()
        if index >= 0 and not self.locked:
            self.page(index).ensure_loaded()

    def tab_pages(self) -> list[TabPage]:
        """The tabs built so far, in the tab bar's order (those not built hold nothing to clear,
        pause or tell of a change)."""
        return [self._pages[i] for i in sorted(self._pages)]

    def _tab(self, index: int) -> TabPage:
        tab = self._pages.get(index)
        assert tab is not None, f"tab {index} is not built: only a shown tab has the keyboard"
        return tab

    def add_banner(self, banner: QWidget) -> bool:
        """Show a window-wide banner (the drafts waiting, the backups' warning) at the top of the
        first tab with room for one (the Today tab, built for it if it was not)."""
        if not self._tabs_built:
            return False
        return any(self.page(i).add_banner(banner) for i, entry in enumerate(TABS) if entry.banners)

    def _refresh_badges(self) -> None:
        """The titles of the tabs not built yet, from their entries' count calls (a built tab
        sets its own title from what it has read: `_show_badge`)."""
        if self.locked or not self._tabs_built:
            return
        for index, entry in enumerate(TABS):
            if entry.badge is not None and index not in self._pages:
                try:
                    self.tabs.setTabText(index, entry.badge(self))
                except KnownError as exc:  # the workspace went away under us: the plain title
                    log.warning("tab count not read: %s", exc.code)
                    self.tabs.setTabText(index, entry.title)

    def _wire_tab(self, tab: TabPage) -> None:
        """The same wiring for every tab: its changes go to the window and the window's to it, its
        undoable steps to Edit → Undo, its record links to `open_record`, its count to its title;
        it pauses while locked, and its window-wide shortcuts work from every tab."""
        tab.sig_changed.connect(self._on_change)
        self.sig_changed.connect(tab.apply_change)
        tab.sig_undoable.connect(self.push_step)
        tab.sig_record_requested.connect(self.open_record)
        tab.sig_badge_changed.connect(lambda _count, t=tab: self._show_badge(t))
        for action in tab.window_actions():
            self.addAction(action)
        QTimer.singleShot(0, tab, tab.publish_badge)  # the title's count, once the tab is in place

    def _show_badge(self, tab: TabPage) -> None:
        """A tab's title counts what needs attention ("Messages (3 overdue)", "Refills (1 past
        due)"): set again whenever the count changes."""
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.setTabText(index, tab.title() or TABS[index].title)

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.quick_open_action = self._action(file_menu, "&Open patient…", "Ctrl+K",
                                              self.open_quick_open)
        self.new_patient_action = self._action(file_menu, "&New patient…", "Ctrl+Shift+N",
                                               lambda: self.open_patient_editor(None))
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, "&Import from the EHR…", "Ctrl+Shift+I",
                                          lambda: self.open_import())
        export_menu = file_menu.addMenu("&Export")
        export_menu.menuAction().setObjectName("export_menu_action")
        self.export_ics_action = self._action(export_menu, "&Calendar (.ics)…", None,
                                              self.open_export_ics)
        self.export_fhir_action = self._action(export_menu, "&FHIR bundle (.json)…", None,
                                               lambda: self.open_export_fhir())
        export_menu.addSeparator()
        self.export_huddle_action = self._action(export_menu, "&Huddle sheet (PDF)…", "Ctrl+Shift+H",
                                                 lambda: self.open_export_huddle())
        self.export_patient_action = self._action(export_menu, "&Patient summary (PDF)…", None,
                                                  lambda: self.open_export_patient_summary())
        self.export_activity_action = self._action(export_menu, "&Activity summary (PDF)…", None,
                                                   self.open_export_activity)
        self.export_disclosures_action = self._action(export_menu, "Accounting of &disclosures (PDF)…", None,
                                                      lambda: self.open_export_disclosures())
        file_menu.addSeparator()
        self.end_shift_action = self._action(file_menu, "&End shift…", "Ctrl+Shift+E", self.open_end_shift)
        self.lock_action = self._action(file_menu, "&Lock now", "Ctrl+L", self.lock)
        self.switch_user_action = self._action(file_menu, "S&witch user…", "Ctrl+Shift+U", self.switch_user)
        self.switch_practice_action = self._action(file_menu, "Switch &practice…", "Ctrl+Shift+P",
                                                   self.open_switch_practice)
        self.restore_action = self._action(file_menu, "&Restore from backup…", None,
                                           lambda: self.backups.open_restore())
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
        self.users_action = self._action(edit_menu, "&Users…", None, self.open_users)
        self.security_action = self._action(edit_menu, "Workspace se&curity…", None, self.open_security)
        self.preferences_action = self._action(edit_menu, "&Preferences…", "Ctrl+,",
                                               self.open_preferences)
        edit_menu.addSeparator()
        self.search_action = self._action(edit_menu, "&Find in calls and messages…", "Ctrl+F",
                                          self.open_search)
        self.make_task_action = self._action(edit_menu, "Make a &task…", "Ctrl+Shift+K",
                                             lambda: self.make_task())
        view_menu = menu.addMenu("&View")
        self.audit_action = self._action(view_menu, "&Audit log", "Ctrl+Shift+A", self.open_audit)
        tab_actions = [self._action(view_menu, title, f"Alt+{index + 1}",
                                    partial(self.show_tab, index))
                       for index, title in enumerate(entry.title for entry in TABS)]
        #: the tabs' window-wide keys (F2) while their tab is not built (`TabEntry.keys`)
        self._key_stand_ins: dict[int, list[QAction]] = {}
        for index, entry in enumerate(TABS):
            for key, form in entry.keys:
                action = QAction(self)
                action.setShortcut(QKeySequence(key))
                action.triggered.connect(lambda _checked=False, i=index, f=form: self.page(i).open_form(f))
                self.addAction(action)
                self._key_stand_ins.setdefault(index, []).append(action)
        help_menu = menu.addMenu("&Help")
        self._action(help_menu, "&About VMA Desk", None, self.show_about)
        #: actions that need the open workspace or a signed-in user: disabled while locked
        self.guarded_actions = [self.quick_open_action, self.new_patient_action, self.lock_action,
                                self.preferences_action, self.practice_action, self.audit_action,
                                self.export_ics_action, self.export_fhir_action, self.export_huddle_action,
                                self.export_patient_action, self.export_activity_action,
                                self.export_disclosures_action,
                                self.blocks_action, self.search_action, self.users_action,
                                self.make_task_action, self.import_action,
                                self.security_action,
                                self.end_shift_action, self.switch_user_action,
                                self.undo_action, self.redo_action, *tab_actions,
                                *(a for actions in self._key_stand_ins.values() for a in actions)]
        self.export_menu = export_menu

    def _action(self, menu: QMenu, text: str, shortcut: str | QKeySequence.StandardKey | None,
                slot: Callable[[], object]) -> QAction:
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
        self.user_label = QLabel()
        self.user_label.setObjectName("user_label")
        bar.addWidget(self.workspace_label, 1)
        warnings = list(getattr(self.workspace, "warnings", []))
        self.location_warning_label = QLabel("⚠ Workspace location: see the tooltip" if warnings else "")
        self.location_warning_label.setObjectName("location_warning_label")
        self.location_warning_label.setProperty("role", "field-error")
        self.location_warning_label.setToolTip("\n\n".join(warnings))
        self.location_warning_label.setVisible(bool(warnings))
        bar.addPermanentWidget(self.location_warning_label)
        bar.addPermanentWidget(self.user_label)
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
        ctx = self.services.context
        self.user_label.setText("" if self.locked or ctx.user_id is None else f"Signed in: {ctx.user}")
        self.user_label.setVisible(not self.locked)
        self.lock_state_label.setProperty("locked", self.locked)
        self.lock_state_label.style().unpolish(self.lock_state_label)
        self.lock_state_label.style().polish(self.lock_state_label)

    @property
    def practice_name(self) -> str:
        return self._practice_name or self.workspace.manifest.practice

    def _read_practice_name(self) -> str:
        try:
            name = self.services.practice.get().name if self.services.practice.is_set_up() else ""
        except KnownError:  # opened locked: the name is read at sign-in
            return self.workspace.manifest.practice
        self.workspace.remember_practice(name)
        return name

    def _update_title(self) -> None:
        practice = self._practice_name
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

    # --- patients and audit ----------------------------------------------------------------------
    def open_quick_open(self) -> QuickOpenDialog | None:
        if self.locked:
            return None
        from vma_desk.ui.patients.quick_open import QuickOpenDialog

        current = self._current_patient()
        dialog = QuickOpenDialog(self.services, self, current=current)
        dialog.sig_patient_chosen.connect(self.open_patient_hub)
        dialog.sig_new_patient_requested.connect(lambda: self.open_patient_editor(None))
        show_dialog(dialog)
        return dialog

    def _current_patient(self) -> Patient | None:
        """The patient of the record selected on the tab shown (None: none, or a tab not built)."""
        if not self._tabs_built:
            return None
        patient_id = self.page(self.tabs.currentIndex()).current_patient()
        if patient_id is None:
            return None
        return self.services.patients.get_many([patient_id]).get(patient_id)

    def open_patient_hub(self, patient_id: int) -> PatientHubDialog | None:
        """The patient's hub (Ctrl+K, then Enter; Enter on a worklist row): audited as an opening."""
        if self.locked:
            return None
        from vma_desk.ui.hub.dialog import PatientHubDialog

        try:
            hub = self.services.hub.open(patient_id)
        except KnownError as exc:
            QMessageBox.warning(self, APP_NAME, exc.message)
            return None
        dialog = PatientHubDialog(self.tab_context, hub, self)
        dialog.sig_step.connect(self.open_form_for)
        show_dialog(dialog)
        return dialog

    def open_form_for(self, form: str, patient_id: int) -> bool:
        """A step from the patient hub: `form` opened for the patient (its tab shown): a booking,
        a call, a message, a refill request, a referral; "patient" edits the demographics."""
        if form == "patient":
            self.open_patient_editor(patient_id)
            return True
        if form == "task":
            self.make_task(patient_id=patient_id)
            return True
        index = next((i for i, entry in enumerate(TABS) if form in entry.forms), None)
        patient = self.services.patients.get_many([patient_id]).get(patient_id)
        if index is None or patient is None or not self._tabs_built:
            return False
        self.tabs.setCurrentIndex(index)
        return self.page(index).open_form_for(form, patient)

    def make_task(self, *, patient_id: int | None = None) -> TaskDialog | None:
        """Edit → Make a task… (Ctrl+Shift+K): a task linked to the record selected on the tab
        shown (a call, a message, a referral, a worklist row's record), or about `patient_id`."""
        if self.locked:
            return None
        from vma_desk.ui.staff_tasks.dialog import make_task

        link = None
        if patient_id is None and self._tabs_built:
            link = self.page(self.tabs.currentIndex()).current_record()
        dialog = make_task(self.tab_context, self, link=link, patient_id=patient_id)
        dialog.sig_saved.connect(lambda _task, change: self._on_change(change.from_origin("task_dialog")))
        return dialog

    def open_patient_editor(self, patient_id: int | None) -> None:
        if self.locked:
            return
        from vma_desk.ui.patients.editor import PatientEditorDialog

        try:
            dialog = PatientEditorDialog(self.services, patient_id, self)
        except KnownError as exc:
            QMessageBox.warning(self, APP_NAME, exc.message)
            return
        dialog.sig_saved.connect(self._changed_by("patient_editor"))
        dialog.sig_deleted.connect(self._on_patient_deleted)
        show_dialog(dialog)

    def open_audit(self) -> None:
        if self.locked:
            return
        from vma_desk.ui.audit.view import AuditDialog

        show_dialog(AuditDialog(self.services, self))

    def open_preferences(self, page: str = "") -> QWidget:
        from vma_desk.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.preferences, self, services=self.services, page=page)
        dialog.sig_saved.connect(self._on_preferences_saved)
        dialog.sig_saved.connect(self.backups.on_preferences_saved)
        show_dialog(dialog)
        return dialog

    def open_export_ics(self) -> None:
        if self.locked:
            return
        from vma_desk.ui.exports.ics_dialog import ExportIcsDialog

        dialog = ExportIcsDialog(self.services, self)
        dialog.sig_exported.connect(self._changed_by("export_ics"))
        show_dialog(dialog)

    def _open_pdf_export(self, kind: str, *, day: date | None = None, provider_id: int | None = None,
                         patient_id: int | None = None) -> QWidget | None:
        if self.locked:
            return None
        from vma_desk.ui.exports.pdf_dialog import PdfExportDialog

        dialog = PdfExportDialog(self.services, kind, self, day=day, provider_id=provider_id,
                                 patient_id=patient_id)
        dialog.sig_exported.connect(self._changed_by("export_pdf"))
        show_dialog(dialog)
        return dialog

    def open_export_huddle(self, day: date | None = None, provider_id: int | None = None) -> QWidget | None:
        """The huddle sheet of `day` (today) for every provider or one, previewed before it is saved."""
        return self._open_pdf_export("huddle", day=day, provider_id=provider_id)

    def open_export_patient_summary(self, patient_id: int | None = None) -> QWidget | None:
        return self._open_pdf_export("patient-summary", patient_id=patient_id)

    def open_export_activity(self) -> QWidget | None:
        return self._open_pdf_export("activity")

    def open_export_fhir(self) -> None:
        """File → Export → FHIR bundle: a period's patients, providers, visits and the VMA's work."""
        if self.locked:
            return
        from vma_desk.ui.exports.fhir_dialog import ExportFhirDialog

        dialog = ExportFhirDialog(self.services, self)
        dialog.sig_exported.connect(self._changed_by("export_fhir"))
        show_dialog(dialog)

    def open_import(self) -> ImportDialog | None:
        """File → Import from the EHR… (Ctrl+Shift+I): a file previewed, then imported at once."""
        if self.locked:
            return None
        from vma_desk.ui.ehr_import.dialog import ImportDialog

        dialog = ImportDialog(self.services, self)
        dialog.sig_imported.connect(self._changed_by("import"))
        show_dialog(dialog)
        return dialog

    def open_export_disclosures(self, patient_id: int | None = None) -> QWidget | None:
        """A patient's accounting of disclosures (the releases of their records sent), previewed first."""
        return self._open_pdf_export("disclosures", patient_id=patient_id)

    def open_search(self) -> SearchDialog | None:
        if self.locked:
            return None
        from vma_desk.ui.search.dialog import SearchDialog

        dialog = SearchDialog(self.services, self)
        dialog.sig_record_chosen.connect(self.open_record)
        show_dialog(dialog)
        return dialog

    def open_record(self, kind: str, record_id: int) -> None:
        """Show a record in its tab (a search result, a Today row, a link): a call, message, refill
        request or referral in its list; a prior authorisation in the Referrals tab's list of them;
        an appointment (or its eligibility check) opened in the Calendar, on its day."""
        index = next((i for i, entry in enumerate(TABS) if kind in entry.records), None)
        if index is None or not self._tabs_built:
            return
        self.tabs.setCurrentIndex(index)
        self.page(index).open_record(kind, record_id)

    def open_blocks(self) -> None:
        if self.locked:
            return
        from vma_desk.ui.calendar.blocks import BlocksDialog

        dialog = BlocksDialog(self.services, self)
        dialog.sig_changed.connect(self._changed_by("blocks"))
        show_dialog(dialog)

    def open_practice_settings(self) -> None:
        if self.locked:
            return
        from vma_desk.ui.practice.settings import PracticeSettingsDialog

        dialog = PracticeSettingsDialog(self.services, self)
        dialog.sig_saved.connect(self._on_practice_saved)
        show_dialog(dialog)

    def _on_practice_saved(self, change: Change) -> None:
        self._practice_name = self._read_practice_name()
        self._update_title()
        self._on_change(Change(RecordKind.PRACTICE, change.action, origin="practice_settings"))

    def _on_preferences_saved(self) -> None:
        self.idle_watcher.set_timeout_ms(self.preferences.autolock_minutes * 60_000)

    def _on_patient_deleted(self, change: Change) -> None:
        patient_id = change.ids[0]
        self.undo_stack.push(DeletePatientCommand(
            self.services, patient_id, f"patient {patient_id}", self._on_change))  # as "undo"/"redo"
        self.statusBar().showMessage(
            f"Patient {patient_id} deleted. Edit → Undo ({self.undo_action.shortcut().toString()}) "
            "brings the record back.", 15_000)
        self._on_change(change.from_origin("patient_editor"))

    def push_step(self, label: str, take_back: Callable[[], tuple[object, Change]]) -> None:
        """A tab took a step that Edit → Undo (Ctrl+Z) can take back (`ui/commands.StepCommand`)."""
        self.undo_stack.push(StepCommand(label, take_back, self._on_change, self._on_undo_failed))
        self.undo_action.setEnabled(True)

    def _on_undo_failed(self, why: str) -> None:
        self.statusBar().showMessage(why, 15_000)
        QMessageBox.information(self, "Undo", why)

    def _changed_by(self, origin: str) -> Callable[[Change], None]:
        """The slot for the changes of a dialog the window opened: they reach `_on_change` (and
        every tab) with `origin` ("patient_editor"), the name of what made them."""
        return lambda change: self._on_change(change.from_origin(origin))

    def _on_change(self, change: Change) -> None:
        """A change made in the window: by a tab (its `send_change`), a dialog the window opened
        (`_changed_by`) or Edit → Undo/Redo (`ui/commands`), each naming itself as the change's
        origin. Fanned out to every tab; the tab that made it skips it (`TabPage.made_here`)."""
        assert change.origin, f"a change sent to the window without its origin: {change}"
        assert isinstance(change.kind, RecordKind), f"a change whose kind is not a RecordKind: {change}"
        if change.kind is RecordKind.PRACTICE:
            self._update_title()
        if self._tabs_built:  # once, before the tabs read again
            self.tab_context.forget_changed(change)
        self.sig_changed.emit(change)
        self._badges_after_change.start()

    def show_about(self) -> None:
        how = "OS keyring" if self.workspace.protection is Protection.KEYRING else "passphrase"
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>The workstation of a remote virtual medical "
            f"assistant.<br><br>Workspace: {self.workspace.data_dir}<br>Protected by: {how}")

    # --- signing in and locking --------------------------------------------------------------------
    def lock(self, why: str = "Locked by you.", *, sign_out: bool = False) -> None:
        """Lock the same way whatever asked (Ctrl+L, the idle timer, the screen lock, switch user):
        every window hidden, every tab emptied, the database closed and its key dropped. Only a
        user's PIN (and, on a passphrase workspace, the passphrase) opens it again."""
        if self._closed:
            return
        if self.locked:
            if not self.workspace.is_locked:  # the start's sign-in page: close the database too
                self._choices = self._sign_in_choices()
                self.workspace.lock()
                self._show_sign_in(self.sign_in_page.title.text(), why)
            return
        self.locked = True
        user_id = self.services.context.user_id
        try:
            self.services.users.record_lock(why)
            self._choices = self._sign_in_choices()
        except KnownError as exc:  # the disk went away: lock all the same
            log.warning("lock not audited: %s", exc.code)
        visible = [w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()]
        # a question box is answered "no" and closed: brought back later it would answer nothing
        for box in [w for w in visible if isinstance(w, QMessageBox)]:
            box.reject()
        kept = [w for w in visible if not isinstance(w, QMessageBox)]
        # windows that show patient data but hold no form are closed (a draft, e.g. the handoff
        # note, is kept in memory for its user); forms being filled in are hidden as they are
        for window in [w for w in kept if getattr(w, "closes_on_lock", False)]:
            draft = window.lock_draft() if hasattr(window, "lock_draft") else ""
            if draft:
                self._drafts.setdefault(user_id, []).append((type(window).__name__, draft))
            kept.remove(window)
            window.close()
        self._hidden_windows.setdefault(user_id, []).extend(kept)
        for window in self._hidden_windows[user_id]:
            window.hide()
        if sign_out:
            try:
                self.services.users.sign_out("end of shift")
            except KnownError as exc:
                log.warning("sign-out not recorded: %s", exc.code)
        self.stack.setCurrentWidget(self.sign_in_page)
        self.workspace_page.hide()
        for tab in self.tab_pages():
            tab.pause()
            tab.clear()  # their lists' pictures go with their rows (`shared/paint_cache`)
        format_phone.cache_clear()  # the phone numbers search remembered (`core.validation`)
        self._badge_timer.stop()
        self._badges_after_change.stop()
        for index, entry in enumerate(TABS):  # no counts while locked, the built tabs' either
            if index not in self._pages:
                self.tabs.setTabText(index, entry.title)
        self.sig_locked.emit()
        self.workspace.lock()
        self._show_sign_in("VMA Desk is locked", why, selected=user_id)
        log.info("workspace locked")

    def switch_user(self) -> None:
        """Lock, and let someone else sign in (what the last user typed stays hidden for them)."""
        if not self.locked:
            self.lock("Switch user: choose your name and type your PIN.")
            self.sign_in_page.users.setFocus()

    def _sign_in_choices(self) -> list[SignInChoice]:
        return [SignInChoice(u.id or 0, u.name, u.role.label) for u in self.services.users.active()]

    def _show_sign_in(self, title: str, why: str, selected: int | None = None) -> None:
        self.locked = True
        if self._choices is None:
            self._choices = self._sign_in_choices()
        if not self._choices and not self.workspace.is_locked:
            QTimer.singleShot(0, self, self.ask_first_user)
        self.stack.setCurrentWidget(self.sign_in_page)
        self.workspace_page.hide()
        self.sign_in_page.show_sign_in(
            title=title, why=why, users=self._choices, selected=selected,
            needs_passphrase=self.workspace.is_locked and self.workspace.protection is Protection.PASSPHRASE,
            demo_pin=DEMO_PIN if self.workspace.is_demo else "")
        for action in self.guarded_actions:
            action.setEnabled(False)
        self.export_menu.setEnabled(False)
        if self.workspace.is_locked:
            self.idle_watcher.pause()
        else:  # the start's sign-in page: idle there closes the workspace too
            self.idle_watcher.resume()
        self._update_lock_state()
        self._update_title()

    def _open_workspace_again(self, passphrase: str) -> None:
        """The database was closed by a lock: open it with the keyring's key, or the passphrase."""
        if not self.workspace.is_locked:
            return
        if self.workspace.protection is Protection.PASSPHRASE:
            try:
                self.workspace.reopen_with_passphrase(passphrase)
            except KnownError:
                self._failed_passphrases += 1
                raise
        else:
            self.workspace.reopen_with_keyring(self.keystore)
        if self._failed_passphrases:  # by nobody yet: whoever typed them had not signed in
            self.services.audit.record(AuditAction.SIGN_IN_FAILED, "workspace", self.workspace.workspace_id,
                                       f"wrong passphrase ({self._failed_passphrases} while locked)",
                                       anonymous=True)
            self._failed_passphrases = 0

    def _on_sign_in_page_sign_in_requested(self, user_id: int, pin: str, passphrase: str) -> None:
        page = self.sign_in_page
        was_closed = self.workspace.is_locked
        try:
            self._open_workspace_again(passphrase)
            user, fresh = self.services.users.sign_in(user_id, pin)
        except SignInError as exc:
            self._close_again(was_closed)
            page.show_error(exc.message, wait_seconds=exc.wait_seconds, field=exc.field)
            return
        except ValidationError as exc:
            self._close_again(was_closed)
            page.show_error(exc.message, field=exc.field)
            return
        except KnownError as exc:
            self._close_again(was_closed)
            page.show_error(exc.message, field="passphrase" if "passphrase" in exc.code else "pin")
            return
        self._enter(fresh=fresh, user=user)

    def _close_again(self, was_closed: bool) -> None:
        if was_closed:
            self.workspace.lock()

    def _on_sign_in_page_forgot_pin_requested(self, user_id: int) -> None:
        if self.workspace.protection is Protection.PASSPHRASE:
            self.sign_in_page.show_error(
                "A practice manager can set a new PIN for you (Edit → Users…).")
            return
        try:
            self._open_workspace_again("")
        except KnownError as exc:
            self.sign_in_page.show_error(exc.message)
            return
        from vma_desk.ui.users.recovery import ForgotPinDialog

        dialog = ForgotPinDialog(self.services, user_id, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.idle_watcher.resume()  # the workspace is open behind this dialog: idle closes it
        dialog.exec()
        self.idle_watcher.pause()
        if self.locked:
            self.workspace.lock()
        if dialog.result():
            self.sign_in_page.show_error("Your new PIN is set: type it to sign in.")

    def ask_first_user(self) -> None:
        """A workspace without users (new, or from before users existed): its first user, a
        practice manager, is created now; without one VMA Desk closes."""
        if self._closed or not self.services.users.needs_first_user():
            return
        from vma_desk.ui.users.first_user import FirstUserDialog

        explanation = ("This workspace has no users yet. Everyone who works in VMA Desk signs in "
                       "as themselves, so that what they record carries their name.")
        dialog = FirstUserDialog(self.services, self, explanation=explanation)
        if not dialog.exec():
            self.close()
            return
        self._enter(fresh=False, user=dialog.user)
        self.backups.offer_folder()  # a new workspace: where should its backups go?

    def _enter(self, *, fresh: bool, user: User | None = None) -> None:
        """A user signed in (or was already): show the workspace, as it was for them."""
        self.locked = False
        self._practice_name = self._read_practice_name()
        # the tabs built before (a lock) read again below; at the first sign-in, the tab shown is
        # built now and reads as it is built, the others when first shown
        resuming = self.tab_pages()
        if not self._tabs_built:
            self._build_tabs()
        self.stack.setCurrentWidget(self.workspace_page)
        self.workspace_page.show()
        for action in self.guarded_actions:
            action.setEnabled(True)
        self.export_menu.setEnabled(True)
        if self.services.context.user_id != self._undo_user:  # one user's undo is not another's
            self.undo_stack.clear()
            self._undo_user = self.services.context.user_id
        self.undo_action.setEnabled(self.undo_stack.canUndo())
        self.redo_action.setEnabled(self.undo_stack.canRedo())
        for window in self._hidden_windows.pop(self.services.context.user_id, []):
            window.show()
        for kind, draft in self._drafts.pop(self.services.context.user_id, []):
            self._put_back(kind, draft)
        self.idle_watcher.resume()
        self._update_lock_state()
        self._update_title()
        log.info("workspace unlocked")
        for tab in resuming:
            tab.resume()
        # the other tabs' counts once the window is painted, the tab shown first: posted from the
        # event loop's first turn, behind the paint that showing the window has queued by then
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._refresh_badges))
        self._badge_timer.start()
        self.sig_unlocked.emit()
        self._load_current()  # the tab signed in on reads, the first time
        self.focus_tab()  # after the tabs read again: a row of the list is there to choose
        self._offer_drafts()
        if fresh and user is not None:
            QTimer.singleShot(0, self, lambda: self.show_since_last_shift(user))

    def _offer_drafts(self) -> None:
        """The drafts a crash or a closed app left for this user (not those of forms open now)."""
        try:
            waiting = self.services.drafts.waiting()
        except KnownError:
            return
        if not waiting and self._drafts_banner is None:  # the usual start: no form machinery imported
            return
        from vma_desk.ui import drafts

        open_now = drafts.held()
        waiting = [d for d in waiting if (d.form, d.record_key) not in open_now]
        if self._drafts_banner is None:
            if not waiting:  # no banner (nor the tab it goes in) is built for nothing
                return
            banner = drafts.DraftsBanner(self.services, self.open_form, self.workspace_page)
            if not self.add_banner(banner):
                banner.deleteLater()
                return
            self._drafts_banner = banner
        self._drafts_banner.show_drafts(waiting)

    def open_form(self, form: str, record_key: str = "") -> bool:
        """Open a form that keeps drafts (`ui/drafts.py`) as its user left it: False for a form
        of a saved record that only its record opens (a call, a referral, an authorisation)."""
        if form == "patient":
            self.open_patient_editor(int(record_key) if record_key else None)
            return True
        if record_key:
            return False
        index = next((i for i, entry in enumerate(TABS) if form in entry.forms), None)
        if index is None or not self._tabs_built:
            return False
        self.tabs.setCurrentIndex(index)
        return self.page(index).open_form(form)

    def _put_back(self, kind: str, draft: str) -> None:
        """Open again a window a lock closed, with what its user had typed (a search, a note): the
        windows that keep a draft (`lock_draft`) are these three."""
        if kind == "EndShiftDialog":
            end_shift = self.open_end_shift()
            if end_shift is not None:
                end_shift.note_edit.setPlainText(draft)
            return
        search = (self.open_quick_open() if kind == "QuickOpenDialog"
                  else self.open_search() if kind == "SearchDialog" else None)
        if search is not None:
            search.ui.search_edit.setText(draft)

    def show_since_last_shift(self, user: User) -> QWidget | None:
        """At a new sign-in: the handoff notes left for this user and what changed since they
        last signed out (nothing is shown when there is nothing to say)."""
        if self.locked or self._closed or user.id is None:
            return None
        from vma_desk.ui.handoff import SinceLastShiftDialog

        try:
            dialog = SinceLastShiftDialog(self.services, user.id, self)
        except KnownError as exc:
            log.warning("since your last shift not shown: %s", exc.code)
            return None
        if not dialog.has_content():
            dialog.deleteLater()
            return None
        dialog.sig_record_requested.connect(self.open_record)
        show_dialog(dialog, modal=False)  # its rows open records in the window behind it
        return dialog

    def open_end_shift(self) -> EndShiftDialog | None:
        if self.locked:
            return None
        from vma_desk.ui.handoff import EndShiftDialog

        dialog = EndShiftDialog(self.services, self)
        dialog.sig_shift_ended.connect(self._on_shift_ended)  # as "end_shift"
        dialog.sig_record_requested.connect(self.open_record)
        show_dialog(dialog)
        return dialog

    def _on_shift_ended(self, change: Change) -> None:
        """The handoff is saved: the user signs out and the next one signs in."""
        self._on_change(change.from_origin("end_shift"))
        self.lock("Shift ended. The next VMA signs in here.", sign_out=True)

    def open_users(self) -> None:
        if self.locked:
            return
        from vma_desk.ui.users.manage import UsersDialog

        dialog = UsersDialog(self.services, self)
        dialog.sig_changed.connect(self._on_users_changed)
        show_dialog(dialog)

    def open_security(self) -> None:
        if self.locked:
            return
        from vma_desk.ui.security import WorkspaceSecurityDialog

        dialog = WorkspaceSecurityDialog(self.services, self.keystore, self)
        dialog.sig_changed.connect(self._changed_by("security"))
        show_dialog(dialog)

    def _on_users_changed(self, change: Change) -> None:
        self._update_lock_state()
        self._on_change(change.from_origin("users"))

    def open_switch_practice(self) -> None:
        from vma_desk.ui.practices import SwitchPracticeDialog

        dialog = SwitchPracticeDialog(self.workspace.data_dir, self)
        dialog.sig_practice_chosen.connect(self._on_practice_chosen)
        show_dialog(dialog)

    def _on_practice_chosen(self, data_dir: Path) -> None:
        if Path(data_dir).resolve() != self.workspace.data_dir.resolve():
            self.sig_switch_practice_requested.emit(Path(data_dir))

    def _on_idle_watcher_idle(self) -> None:
        minutes = self.preferences.autolock_minutes
        self.lock(f"Locked after {minutes} minute{'s' if minutes != 1 else ''} without activity, "
                  "to keep patient details private.")

    # --- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.locked:
            self.backups.before_close()  # waits (Skip in its progress window) while the workspace is open
        tab = self.tabs.currentIndex() if self._tabs_built else self.preferences.last_tab()
        self.preferences.save_window(self.saveGeometry(), self.saveState(), tab)
        if not self.workspace.is_locked:
            try:
                self.services.users.sign_out("closed VMA Desk")
            except KnownError as exc:
                log.warning("sign-out not recorded: %s", exc.code)
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
        self._badge_timer.stop()
        self._badges_after_change.stop()
        for tab in self.tab_pages():
            tab.pause()  # every tab stops its timers: nothing may read a closed workspace
            tab.clear()
        self.sig_locked.emit()
        if self._failed_passphrases:  # the workspace never opened again: they cannot be audited
            log.warning("%d wrong passphrase(s) typed while locked, not audited", self._failed_passphrases)
        self.idle_watcher.stop()
        if self.demo_marker:
            self.demo_marker.stop()
        self.workspace.close()


def _today_page(window: MainWindow) -> TabPage:
    from vma_desk.ui.today.tab import TodayTab

    tab = TodayTab(window.services, window.tab_parent(), context=window.tab_context)
    tab.sig_export_requested.connect(window.open_export_huddle)  # the huddle sheet of the day shown
    tab.set_export_available(True)
    return tab


def _calendar_page(window: MainWindow) -> TabPage:
    from vma_desk.ui.calendar.tab import CalendarTab

    return CalendarTab(window.services, window.tab_parent(), context=window.tab_context)


def _calls_page(window: MainWindow) -> TabPage:
    from vma_desk.ui.calls.tab import CallsTab

    return CallsTab(window.services, window.preferences, window.tab_parent(), context=window.tab_context)


def _messages_page(window: MainWindow) -> TabPage:
    from vma_desk.ui.messages.tab import MessagesTab

    return MessagesTab(window.services, window.tab_parent(), context=window.tab_context)


def _refills_page(window: MainWindow) -> TabPage:
    from vma_desk.ui.refills.tab import RefillsTab

    return RefillsTab(window.services, window.tab_parent(), context=window.tab_context)


def _referrals_page(window: MainWindow) -> TabPage:
    from vma_desk.ui.referrals.tab import ReferralsTab

    return ReferralsTab(window.services, window.tab_parent(), context=window.tab_context)


def _worklists_page(window: MainWindow) -> TabPage:
    from vma_desk.ui.worklists.tab import WorklistsTab

    tab = WorklistsTab(window.services, window.tab_parent(), context=window.tab_context)
    tab.sig_patient_requested.connect(window.open_patient_hub)  # Enter on a row: its patient's hub
    return tab


#: the window's tabs, in order (Alt+1…7): each is built when the first user signs in, never before
TABS: tuple[TabEntry[MainWindow], ...] = (
    TabEntry("Today", _today_page, badge=lambda w: badges.today_badge(w.services), banners=True),
    TabEntry("Calendar", _calendar_page, records=("appointment", "eligibility"), forms=("booking",)),
    TabEntry("Calls", _calls_page, records=("call",), forms=("call",), keys=(("F2", "call"),)),
    TabEntry("Messages", _messages_page, records=("message",), forms=("message",),
             badge=lambda w: badges.messages_badge(w.services)),
    TabEntry("Refills", _refills_page, records=("refill",), forms=("refill",),
             badge=lambda w: badges.refills_badge(w.services)),
    TabEntry("Referrals", _referrals_page, records=("referral", "prior_auth"),
             forms=("referral", "prior_auth"), badge=lambda w: badges.referrals_badge(w.services)),
    TabEntry("Worklists", _worklists_page, records=("voicemail", "voicemail_box", "callback", "follow_up",
                                                    "task", "intake", "result", "records_request"),
             badge=lambda w: badges.worklists_badge(w.services)),
)
