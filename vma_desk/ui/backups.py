"""Automatic backups in the app, owned by the main window.

`BackupController` makes a verified, encrypted backup (`services.backups.make` on a worker thread
through `run_task`, progress in the status bar, typing never blocked) into the folder chosen in
Edit → Preferences → Backups:

- at the first sign-in of the practice's day (no verified backup dated today yet): that run also
  checks the workspace file itself (`services.backups.check_workspace`, both integrity checks on a
  connection of its own), so damage in pages nobody reads is found within a day;
- at closing (`before_close`, called by the window's closeEvent while the workspace is still open):
  closing waits for it with a progress window whose Skip cancels it.

Back on the GUI thread the backup is recorded (audited) and only then older ones are pruned by the
retention preferences; a backup made while the workspace was checked as damaged is kept but prunes
nothing. A failure never touches the workspace (the service guarantees it): it is remembered with
what to do (QSettings: the folder and the message, never a patient value), and said in the status
bar and in a banner on the Today tab, which also warns when the last verified backup is older
than the practice's limit (`services.backups.stale_days`, default 2 days), when the folder is
missing (a USB drive unplugged), or when no backup exists yet. The key and the practice's name
are read on the GUI thread when a run starts; the worker touches only its own connections. A lock
stops a running backup at once (its connection interrupted, `storage.backup.Stop`) and waits for
the worker to end before the workspace closes, so no key outlives the lock; a backup that finished
meanwhile (a lock during the workspace's check) is recorded at the next sign-in.

`offer_folder()` is for the first start of a new real workspace: it asks, without blocking, whether
to choose a backup folder now (the Backups page of the preferences). `open_restore()` is
File → Restore from backup… (ui/restore.py).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from vma_desk import APP_NAME
from vma_desk.core.errors import IntegrityError, KnownError, LockedError
from vma_desk.core.wording import clock, days_ago, short_day
from vma_desk.services.backups import BackupRecord, BackupResult, total_records
from vma_desk.storage import backup as store
from vma_desk.storage.database import KeySpec
from vma_desk.ui.shared.widgets import show_dialog
from vma_desk.ui.tasks import Progress, run_task

if TYPE_CHECKING:  # the window imports this module
    from vma_desk.services import Services
    from vma_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: the status bar and the Today banner are brought up to date this often (staleness moves with time)
REFRESH_MS = 60_000
#: at a lock, the longest wait for a stopped backup's worker to end (it ends within milliseconds)
STOP_WAIT_S = 10.0
#: the start of the remembered problem when the workspace file itself failed its check
DAMAGE = "The workspace file failed its integrity check"
WHERE = "Edit → Preferences → Backups"
BANNER_STYLE = """
QFrame#backup_banner { background: #fff4e5; border: 1px solid #e0a040; border-radius: 4px; }
QFrame#backup_banner[severity="damage"] { background: #fdecea; border-color: #b00020; }
QLabel#backup_banner_text { color: #3d2600; }
"""


class Cancelled(Exception):  # noqa: N818 - the user skipped it, not an error
    """The user skipped the backup (or a lock came): the worker stops at its next progress report."""


# --- words ---------------------------------------------------------------------------------------------

def when_text(at: datetime, now: datetime, zone: ZoneInfo) -> str:
    """'today 8:02 AM', 'yesterday 5:10 PM', 'Mon 03/02 5:10 PM' in the practice's zone."""
    local, today = at.astimezone(zone), now.astimezone(zone).date()
    days = (today - local.date()).days
    day = {0: "today", 1: "yesterday"}.get(days, short_day(local.date()))
    return f"{day} {clock(local)}"


def status_text(last: BackupRecord | None, now: datetime, zone: ZoneInfo) -> str:
    return "Backup: none yet" if last is None else f"Backup: {when_text(last.at, now, zone)}"


def last_backup_sentence(last: BackupRecord | None, now: datetime, zone: ZoneInfo) -> str:
    if last is None:
        return "No backup of this workspace has been made yet."
    return (f"Last checked backup: {when_text(last.at, now, zone)}, {last.file_name} in {last.folder} "
            f"({total_records(last.counts):,} records).")


def _age_text(age: timedelta) -> str:
    days = age.days
    if days >= 1:
        return days_ago(days)
    hours = max(1, int(age.total_seconds() // 3600))
    return f"{hours} hour{'s' if hours != 1 else ''} ago"


#: what a backup run made: the backup, and what the workspace's check found (none: undamaged)
_Made = tuple[BackupResult, list[str]]


@dataclass
class _Run:
    kind: str  # "daily", "close", "now"
    folder: Path
    check_workspace: bool
    cancelled: bool = False
    done: bool = False
    percent: int = 0
    waiters: list[QEventLoop] = field(default_factory=list)
    #: read on the GUI thread at the start; dropped by the worker when it ends, or at a lock
    key: KeySpec | None = field(default=None, repr=False)
    practice: str = ""
    stop: store.Stop = field(default_factory=store.Stop)
    #: the worker took the key (then a lock waits for `ended`)
    started: bool = False
    ended: threading.Event = field(default_factory=threading.Event)
    guard: threading.Lock = field(default_factory=threading.Lock)

    def take_key(self) -> KeySpec | None:
        with self.guard:
            self.started = self.key is not None
            return self.key

    def drop_key(self) -> bool:
        """Forget the key; True when a worker holds it (and must be waited for)."""
        with self.guard:
            self.key = None
            return self.started and not self.ended.is_set()


class BackupBanner(QFrame):
    """The Today tab's warning: what is wrong with the backups and what to do, with two buttons."""

    sig_back_up_requested = Signal()
    sig_choose_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_banner")
        self.setStyleSheet(BANNER_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.text = QLabel()
        self.text.setObjectName("backup_banner_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back_up_button = QPushButton("&Back up now")
        self.back_up_button.setObjectName("backup_now_button")
        self.choose_button = QPushButton("Backup &settings…")
        self.choose_button.setObjectName("backup_settings_button")
        layout.addWidget(self.text, 1)
        layout.addWidget(self.back_up_button)
        layout.addWidget(self.choose_button)
        self.back_up_button.clicked.connect(self.sig_back_up_requested)
        self.choose_button.clicked.connect(self.sig_choose_requested)
        self.hide()

    def show_problems(self, lines: list[str], *, can_back_up: bool, damage: bool) -> None:
        self.text.setText("\n".join(f"⚠ {line}" for line in lines))
        self.setAccessibleName("Backup warning")
        self.setAccessibleDescription(self.text.text())
        self.setProperty("severity", "damage" if damage else "warning")
        self.style().unpolish(self)
        self.style().polish(self)
        self.back_up_button.setVisible(can_back_up)
        self.setVisible(bool(lines))


class BackupController(QObject):
    #: a backup was recorded: its result
    sig_backed_up = Signal(object)
    #: a run ended without a backup: the message ("" when skipped)
    sig_failed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.running: _Run | None = None
        #: a backup that finished while the workspace was locked: recorded at the next sign-in
        self._pending: tuple[BackupResult, list[str], Path] | None = None
        #: the progress window of the backup at closing (tests press its Skip)
        self.close_dialog: QProgressDialog | None = None
        self.label = QLabel("")
        self.label.setObjectName("backup_label")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        window.statusBar().addPermanentWidget(self.label)
        self.label.hide()
        self.banner = BackupBanner(window)  # a child from birth: dies with a window never signed in to
        self.banner.sig_back_up_requested.connect(self.back_up_now)
        self.banner.sig_choose_requested.connect(lambda: self.open_preferences())
        self._banner_placed = False
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        window.sig_unlocked.connect(self.on_signed_in)
        window.sig_locked.connect(self.on_locked)

    # --- what is set ---------------------------------------------------------------------------------
    @property
    def services(self) -> Services:
        return self.window.services

    @property
    def workspace_id(self) -> str:
        return self.window.workspace.workspace_id

    def folder(self) -> Path | None:
        text = self.window.preferences.backup_folder(self.workspace_id)
        return Path(text).expanduser() if text else None

    def _usable(self) -> bool:
        return not self.window.locked and not self.window.workspace.is_locked and not self.window._closed

    # --- signing in and locking ----------------------------------------------------------------------
    def on_signed_in(self) -> None:
        """Every sign-in: a backup finished while locked is recorded; the first sign-in of the
        practice's day starts the daily backup (when a folder is set and that is wanted)."""
        if self._pending is not None:
            result, problems, folder = self._pending
            self._pending = None
            self._finish(result, problems, folder)
        self.timer.start()
        self.refresh()
        at_sign_in, _at_close = self.window.preferences.backup_when(self.workspace_id)
        if at_sign_in and self.folder() is not None and self.needs_daily():
            self.start("daily")

    def needs_daily(self) -> bool:
        """No verified backup dated today (the practice's day) yet."""
        try:
            last = self.services.backups.last_verified()
            zone = self.services.context.practice_zone()
        except KnownError:
            return False
        return last is None or last.at.astimezone(zone).date() != self.services.context.today()

    def on_locked(self) -> None:
        """The app keeps no key while locked: a running backup stops (tried again at the next
        sign-in, since none was made today)."""
        self.timer.stop()
        run = self.running
        if run is not None and run.kind != "close":
            run.cancelled = True
            run.stop.stop()  # interrupts the worker's own connection: it ends within milliseconds
            if run.drop_key() and not run.ended.wait(STOP_WAIT_S):
                log.warning("the stopped backup had not ended %.0f s after the lock", STOP_WAIT_S)

    # --- running ---------------------------------------------------------------------------------------
    def start(self, kind: str = "now") -> bool:
        """Start a backup in the background; False when none can be made now (no folder, locked,
        one already running)."""
        folder = self.folder()
        if folder is None or self.running is not None or not self._usable():
            return False
        try:  # on the GUI thread: the worker never touches the app's connection
            key = self.window.workspace.key_spec()
            practice = self.services.backups.practice_name()
            check = kind != "close" and self.needs_daily()
        except KnownError:
            return False
        run = _Run(kind, folder, check_workspace=check, key=key, practice=practice)
        self.running = run
        backups = self.services.backups

        def work(progress: Progress) -> _Made | None:  # on the worker thread: no widgets here
            try:
                return _work(progress)
            except BaseException:
                if run.cancelled or run.stop.stopped:
                    return None  # stopped: nothing kept, and no traceback keeps the key's frames
                raise
            finally:
                run.key = None
                run.ended.set()

        def _work(progress: Progress) -> _Made | None:
            def report(done: int, total: int, label: str) -> None:
                if run.cancelled:
                    raise Cancelled()
                share = 70 if run.check_workspace else 100
                progress(share * done // max(total, 1), 100, label)

            key = run.take_key()
            if key is None:  # locked before the worker started
                return None
            result = backups.make(folder, report, key=key, practice=run.practice, stop=run.stop)
            problems: list[str] = []
            if run.check_workspace:
                def checking(done: int, total: int, _label: str) -> None:
                    if run.cancelled:
                        raise Cancelled()
                    progress(70 + 30 * done // max(total, 1), 100, "checking the workspace")

                try:
                    problems = backups.check_workspace(checking, key=key, stop=run.stop)
                except (Cancelled, store.Stopped, LockedError):
                    pass  # a lock ended the check, not damage: the verified backup stands
                except IntegrityError as exc:  # it no longer opens as it did: damage, said as such
                    problems = [exc.message]
                except KnownError as exc:  # not damage (a busy file …): unchecked today
                    log.warning("workspace check not done: %s", exc.code)
            return result, problems

        run_task(work, lambda value, exc: self._on_done(run, value, exc), self._on_progress)
        self._show_status()
        return True

    def back_up_now(self) -> None:
        if self.folder() is None:
            self.open_preferences()
            return
        if not self.start("now") and self.running is None:
            self.refresh()

    def _on_progress(self, done: int, total: int, _label: str) -> None:
        if self.running is not None:
            self.running.percent = 100 * done // max(total, 1)
            if self.close_dialog is not None:
                self.close_dialog.setValue(self.running.percent)
        self._show_status()

    def _on_done(self, run: _Run, value: _Made | None, exc: BaseException | None) -> None:
        run.done = True
        run.key = None
        self.running = None
        prefs = self.window.preferences
        try:
            if exc is not None:
                if run.cancelled or isinstance(exc, (Cancelled, store.Stopped)):
                    self.sig_failed.emit("")
                    return
                message = exc.message if isinstance(exc, KnownError) else (
                    f"The backup into {run.folder} failed ({type(exc).__name__}). The workspace is "
                    "unchanged; try Back up now, or choose another folder.")
                if not isinstance(exc, KnownError):
                    log.error("backup failed: %s", type(exc).__name__)
                prefs.set_backup_problem(self.workspace_id, message)
                prefs.sync()
                self.sig_failed.emit(message)
                return
            if value is None:  # stopped (a lock, Skip) or locked before it began
                self.sig_failed.emit("")
                return
            result, problems = value
            if not self._usable():  # locked (or closed) meanwhile: recorded at the next sign-in
                self._pending = (result, problems, run.folder)
                return
            self._finish(result, problems, run.folder)
        finally:
            for loop in run.waiters:
                loop.quit()
            if self._usable():
                self.refresh()
            else:
                self._show_status()

    def _finish(self, result: BackupResult, problems: list[str], folder: Path) -> None:
        """Record the verified backup (audited); prune only when the workspace checked sound."""
        prefs = self.window.preferences
        try:
            self.services.backups.record(result)
        except KnownError as exc:
            prefs.set_backup_problem(self.workspace_id, f"The backup was made but could not be recorded "
                                                        f"({exc.message}); it was removed.")
            self.sig_failed.emit(exc.message)
            return
        if problems:
            prefs.set_backup_problem(self.workspace_id, (
                f"{DAMAGE} today: {problems[0]} The backup just made was kept, but older ones are "
                "no longer removed. Restore the last good backup into a new folder (File → Restore "
                "from backup…)."))
        else:
            prefs.set_backup_problem(self.workspace_id, "")
            try:
                self.services.backups.prune(folder, prefs.backup_keep(self.workspace_id))
            except (KnownError, OSError) as exc:
                log.warning("older backups not pruned: %s", type(exc).__name__)
        prefs.sync()
        self.sig_backed_up.emit(result)

    # --- closing -----------------------------------------------------------------------------------------
    def before_close(self) -> None:
        """Called by the window's closeEvent while the workspace is still open: with a folder and
        "when VMA Desk closes" on, back up and wait (a progress window; Skip cancels it). A backup
        already running is waited for instead."""
        run = self.running
        if run is None:
            _at_sign_in, at_close = self.window.preferences.backup_when(self.workspace_id)
            if not at_close or not self.start("close"):
                return
            run = self.running
        assert run is not None
        dialog = QProgressDialog("Backing up before closing…", "&Skip", 0, 100, self.window)
        dialog.setObjectName("backup_close_progress")
        dialog.setWindowTitle(APP_NAME)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(run.percent)
        dialog.canceled.connect(lambda: setattr(run, "cancelled", True))
        self.close_dialog = dialog
        dialog.show()
        loop = QEventLoop()
        run.waiters.append(loop)
        if not run.done:
            loop.exec()
        self.close_dialog = None
        dialog.close()
        dialog.deleteLater()

    # --- showing -----------------------------------------------------------------------------------------
    def _place_banner(self) -> None:
        """Put the banner at the top of the first tab with room for one (the Today tab, built for
        it if it was not shown yet), the first time it has a warning to show."""
        if self._banner_placed:
            return
        self._banner_placed = self.window.add_banner(self.banner)

    def _state(self) -> tuple[BackupRecord | None, int, datetime, ZoneInfo] | None:
        """The last verified backup, the practice's limit, now and the practice's zone (None while
        the workspace cannot be read)."""
        try:
            return (self.services.backups.last_verified(), self.services.backups.stale_days(),
                    self.services.context.clock.now(), self.services.context.practice_zone())
        except KnownError:
            return None

    def problems(self) -> tuple[list[str], bool]:
        """The banner's lines (each with what to do) and whether one is damage of the workspace."""
        folder = self.folder()
        problem = self.window.preferences.backup_problem(self.workspace_id)
        damage = problem.startswith(DAMAGE)
        lines: list[str] = []
        missing = folder is not None and not folder.is_dir()
        if damage:
            lines.append(problem)
        if missing:
            lines.append(f"The backup folder {folder} is not there (a USB drive unplugged?). Connect it "
                         f"and press Back up now, or choose another folder ({WHERE}).")
        elif problem and not damage and self.running is None:
            lines.append(f"The last backup failed: {problem}")
        state = self._state()
        if state is None:
            return lines, damage
        last, limit, now, zone = state
        if folder is None and (last is not None or not self.window.workspace.is_demo):
            lines.append("Automatic backups are off: choose a backup folder on another drive "
                         f"({WHERE}), so that a lost or broken laptop does not lose the practice's records.")
        if last is None:
            if folder is not None and self.running is None and not missing:
                lines.append("No backup has been made yet: press Back up now.")
        elif now - last.at > timedelta(days=limit):
            todo = ("connect the backup drive and press Back up now" if missing else
                    f"choose a backup folder ({WHERE})" if folder is None else "press Back up now")
            lines.append(f"The last good backup is from {when_text(last.at, now, zone)} "
                         f"({_age_text(now - last.at)}), older than the practice's limit of {limit} "
                         f"day{'s' if limit != 1 else ''}: {todo}.")
        return lines, damage

    def refresh(self) -> None:
        """The status bar and the Today banner, as things stand now."""
        if not self._usable():
            return
        lines, damage = self.problems()
        if lines:  # placed when it has something to say (building the Today tab if need be)
            self._place_banner()
        self.banner.show_problems(lines, can_back_up=self.folder() is not None and self.running is None,
                                  damage=damage)
        self._show_status()

    def _show_status(self) -> None:
        label = self.label
        if self.running is not None:
            label.setText(f"Backup: running… {self.running.percent}%")
            label.setToolTip(f"Backing up into {self.running.folder}; keep working.")
            self._set_warning(False)
            label.show()
            return
        if not self._usable():
            return
        state = self._state()
        if state is None:
            return
        last, limit, now, zone = state
        label.setText(status_text(last, now, zone))
        lines, _damage = self.problems()
        label.setToolTip("\n".join(lines) if lines else last_backup_sentence(last, now, zone))
        stale = last is None or now - last.at > timedelta(days=limit)
        self._set_warning(bool(lines) or (stale and not self.window.workspace.is_demo))
        label.show()

    def _set_warning(self, on: bool) -> None:
        self.label.setProperty("warning", on)
        self.label.setStyleSheet("color: #b00020; font-weight: 600;" if on else "")

    # --- dialogs -----------------------------------------------------------------------------------------
    def open_preferences(self, page: str = "backups") -> QWidget:
        return self.window.open_preferences(page)

    def on_preferences_saved(self) -> None:
        """A folder chosen where there was none: the first backup starts now."""
        if self._usable():
            if self.folder() is not None and self.needs_daily():
                self.start("now")
            self.refresh()

    def offer_folder(self) -> QMessageBox | None:
        """The first start of a new real workspace: ask (without blocking) whether to choose a
        backup folder now; Choose folder… opens the Backups page of the preferences."""
        if self.window.workspace.is_demo or self.folder() is not None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME,
                          "Back up this workspace automatically?", QMessageBox.StandardButton.NoButton,
                          self.window)
        box.setObjectName("backup_offer_box")
        box.setInformativeText(
            "Right now the practice's records live only on this laptop. VMA Desk can keep encrypted, "
            "checked backups in a folder on another drive (a USB drive, a second disk or a backup "
            "share), at the first sign-in of each day and when it closes. A backup opens with the "
            "workspace's recovery key.")
        choose = box.addButton("&Choose folder…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(choose)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(button: object) -> None:
            if button is choose:
                QTimer.singleShot(0, self, lambda: self.open_preferences())

        box.buttonClicked.connect(answered)
        box.show()
        return box

    def open_restore(self) -> QWidget:
        from vma_desk.ui.restore import RestoreDialog

        dialog = RestoreDialog(self.window.keystore, self.window, clock=self.services.context.clock)
        dialog.sig_open_requested.connect(self.window.sig_switch_practice_requested.emit)
        show_dialog(dialog)
        return dialog
