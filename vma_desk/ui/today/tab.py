"""The Today tab: what needs the team on one day, before the morning huddle. On the left the day's
visits under each provider, with the provider's "needs attention" line on top and each visit's
flags; on the right everything due across the app, urgent first. Enter (or a double click) on a row
opens its record in its own tab (`sig_record_requested`, taken by the main window).

It shows `services.agenda.day()` as it comes: the huddle sheet prints the same `DayAgenda`, so the
tab works nothing out again. It reads the agenda once per change made anywhere (`apply_change`) and
once a minute, since callbacks go overdue and refills past due by the clock alone.

Keys (while the tab has focus): Alt+Left / Alt+Right the day before / after, Ctrl+T today, Enter
opens the selected row.
"""

from __future__ import annotations

import time as timer
from collections.abc import Hashable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from vma_desk.core import agenda_text as text
from vma_desk.core.agenda import ROUTINE, DayAgenda
from vma_desk.core.errors import KnownError
from vma_desk.core.records import Change, RecordKind, Role
from vma_desk.core.wording import zone_label
from vma_desk.services import Services
from vma_desk.ui.forms.ui_today_tab import Ui_TodayTab
from vma_desk.ui.shared.badges import today_title
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.tab import TabPage
from vma_desk.ui.shared.table import tab_action
from vma_desk.ui.today.model import (
    COL_FLAGS,
    DUE_STATUS,
    DUE_WHAT,
    DueTreeModel,
    VisitTreeModel,
)
from vma_desk.ui.today.view import GroupTreeView

#: the agenda is read again this often while unlocked: due states move with the clock
REFRESH_MS = 60_000
#: the widest text each column usually holds (its width at the start)
VISIT_SAMPLES = ("12:30 PM", "Gallagher, Ibrahim", "100", "Established visit", "New/Est.", "Video")
DUE_SAMPLES = ("Gallagher, Ibrahim", "", "due Tue 11/24 12:35 PM")
#: the characters a visit's flags keep on each of their (at most three) lines at any text size
FLAGS_LEAST = 14
#: record types whose changes alter the agenda
_SHOWN = frozenset({RecordKind.APPOINTMENT, RecordKind.APPOINTMENT_TYPE, RecordKind.MESSAGE,
                     RecordKind.REFILL, RecordKind.REFERRAL, RecordKind.PRIOR_AUTH, RecordKind.PATIENT,
                     RecordKind.STAFF, RecordKind.PRACTICE, RecordKind.SETTING,
                     # the chase's due rows: voicemails, the box's check, calls waiting for a callback
                     RecordKind.VOICEMAIL, RecordKind.VOICEMAIL_CHECK, RecordKind.CALL,
                     # issue 16's loops: due tasks, forms and results not back, late requests
                     RecordKind.TASK, RecordKind.INTAKE, RecordKind.RESULT, RecordKind.RECORDS_REQUEST,
                     RecordKind.CONTACT_ATTEMPT})
TAB_STYLE = """
QLabel#visits_title, QLabel#due_title { font-weight: bold; }
QLabel#visits_empty_label, QLabel#due_empty_label { padding: 12px 4px; }
"""


class TodayTab(TabPage):
    """Only reads: never emits `sig_changed`; `sig_badge_changed` counts the urgent due rows,
    `sig_record_requested` opens a row's record."""

    #: "Export huddle sheet…": (the day shown, the provider's id or None for all)
    sig_export_requested = Signal(object, object)

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 context: TabContext | None = None) -> None:
        """`context`: the window's shared lookups (a tab built alone makes its own)."""
        super().__init__(parent)
        self.ui = Ui_TodayTab()
        self.ui.setupUi(self)
        self.services = services
        self.context = context if context is not None else TabContext(services)
        self.day = services.context.today()
        self.agenda: DayAgenda | None = None
        self.last_load_ms = 0.0
        self._following_today = True  # at midnight the tab moves on with the clock
        self._urgent = 0
        self._locked = False
        #: what `clear` kept for the reload after the next sign-in: the day, and each list's
        #: selected row (by key) and scrolling
        self._kept: tuple[date, dict[str, tuple[Hashable | None, int]]] | None = None
        self.visit_model = VisitTreeModel(self)
        self.due_model = DueTreeModel(self)
        self.visit_view: GroupTreeView = self.ui.visit_view
        self.due_view: GroupTreeView = self.ui.due_view
        self._setup_views()
        self._build_actions()
        self._connect()
        self.setStyleSheet(TAB_STYLE)
        font = QFont(self.ui.date_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1.5)
        self.ui.date_label.setFont(font)
        self.ui.date_label.setMinimumWidth(self.ui.date_label.fontMetrics().horizontalAdvance(
            "Wednesday, September 30, 2026 (yesterday)") + 8)
        self.ui.export_button.hide()  # until the window says it can export (`set_export_available`)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        self.ui.splitter.setSizes([840, 500])
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self.refresh_timer.start()
        self._fill_providers()
        self.load()

    # building -------------------------------------------------------------------------------------
    def _setup_views(self) -> None:
        self.visit_view.setModel(self.visit_model)
        self.visit_view.fit_columns(VISIT_SAMPLES, COL_FLAGS, least=FLAGS_LEAST)
        self.due_view.setModel(self.due_model)
        self.due_view.fit_columns(DUE_SAMPLES, DUE_WHAT, DUE_STATUS)
        # routine rows (confirmation calls and insurance checks, also in the Calendar's side panel)
        # start closed under their count: the morning's eye goes to what is urgent
        self.due_view.start_collapsed(ROUTINE)

    def _build_actions(self) -> None:
        ui = self.ui
        self.previous_action = tab_action(self, "◀", ("Alt+Left",), "The day before", lambda: self.step(-1))
        self.today_action = tab_action(self, "&Today", ("Ctrl+T",), "Back to today", self.go_today)
        self.next_action = tab_action(self, "▶", ("Alt+Right",), "The day after", lambda: self.step(1))
        ui.previous_button.setDefaultAction(self.previous_action)
        ui.today_button.setDefaultAction(self.today_action)
        ui.next_button.setDefaultAction(self.next_action)

    def _connect(self) -> None:
        ui = self.ui
        ui.provider_combo.currentIndexChanged.connect(self._on_provider_combo_changed)
        ui.export_button.clicked.connect(self.export_huddle)
        self.visit_view.sig_open_requested.connect(self._on_view_open_requested)
        self.due_view.sig_open_requested.connect(self._on_view_open_requested)

    def add_banner(self, banner: QWidget) -> bool:
        """A warning above the day (the backups' banner): shown and hidden by its owner."""
        self.ui.tab_layout.insertWidget(0, banner)
        return True

    def set_export_available(self, available: bool) -> None:
        """Show "Export huddle sheet…" (the window has a way to export it)."""
        self.ui.export_button.setVisible(available)

    def _fill_providers(self) -> None:
        """The provider filter: "All providers", then each provider, those who left last (the
        agenda keeps their visits to hand over); the choice is kept while still there."""
        combo = self.ui.provider_combo
        keep = combo.currentData()
        staff = self.context.staff.values() if self.services.practice.is_set_up() else ()
        providers = [member for member in staff if member.role is Role.PROVIDER]
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("All providers", None)
        for provider in sorted(providers, key=lambda p: not p.active):
            combo.addItem(provider.display_name + ("" if provider.active else " (inactive)"), provider.id)
        found = combo.findData(keep) if keep is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    # what is shown ----------------------------------------------------------------------------------
    def provider_id(self) -> int | None:
        provider_id: int | None = self.ui.provider_combo.currentData()
        return provider_id

    def set_provider(self, provider_id: int | None) -> None:
        self.ui.provider_combo.setCurrentIndex(max(self.ui.provider_combo.findData(provider_id), 0))

    def go_to(self, day: date) -> None:
        self.day = day
        self._following_today = day == self.services.context.today()
        self.load()

    def go_today(self) -> None:
        self.go_to(self.services.context.today())

    def step(self, days: int) -> None:
        self.go_to(self.day + timedelta(days=days))

    def refresh(self) -> None:
        """Time passed (the timer, an unlock): read the agenda again; past midnight, today is a new day."""
        today = self.services.context.today()
        if self._following_today and self.day != today:
            self.day = today
        self.load()

    def load(self) -> None:
        """Read the day's agenda, keeping the selected rows and where each list was scrolled."""
        if not self.services.practice.is_set_up():
            self._show(None, "Set up the practice and its providers to see the day's visits.")
            return
        started = timer.perf_counter()
        provider_id = self.provider_id()
        try:
            agenda = self.services.agenda.day(self.day, provider_id=provider_id)
        except KnownError as error:
            if provider_id is not None:  # the provider left the staff list meanwhile: everyone's day
                self.context.forget_staff()
                self._fill_providers()
                if self.provider_id() is None:
                    self.load()
                    return
            self._show(None, error.message)
            return
        self.last_load_ms = (timer.perf_counter() - started) * 1000
        self._show(agenda)

    def _show(self, agenda: DayAgenda | None, problem: str = "") -> None:
        ui = self.ui
        today = self.services.context.today()
        zone = self.services.context.practice_zone()
        before, self.agenda = self.agenda, agenda
        kept, self._kept = self._kept, None
        if agenda is None or before is None or (agenda.day, agenda.providers, agenda.due) != (
                before.day, before.providers, before.due):
            # unchanged rows keep the lists as they are (scrolled, selected, groups opened)
            shown_day = before.day if before is not None else kept[0] if kept else None
            self._fill_lists(agenda, zone, today, same_day=agenda is not None and agenda.day == shown_day,
                             kept=kept[1] if kept else {})
        ui.date_label.setText(text.day_heading(self.day, today))
        visits = self.visit_model.record_count()
        providers = len(agenda.providers) if agenda else 0
        ui.visits_title.setText(text.visits_heading(providers, visits))
        ui.due_title.setText(text.due_heading(self.day, today, agenda.due if agenda else ()))
        ui.due_title.setToolTip("" if self.day == today else
                                "Everything due by that day as things stand now; the confirmation "
                                "and eligibility worklists are today's only.")
        provider = ui.provider_combo.currentText() if self.provider_id() is not None else None
        ui.visits_empty_label.setText(problem or text.no_visits(self.day, provider))
        ui.visits_empty_label.setVisible(not visits)
        self.visit_view.setVisible(bool(visits))
        due = self.due_model.record_count()
        ui.due_empty_label.setText(problem or "Nothing is due: no callbacks, refills, referrals, "
                                              "authorisations or confirmation calls waiting.")
        ui.due_empty_label.setVisible(not due)
        self.due_view.setVisible(bool(due))
        self._update_summary(agenda, zone)
        urgent = self.due_model.urgent_count()
        if urgent != self._urgent:
            self._urgent = urgent
            self.sig_badge_changed.emit(urgent)

    def _fill_lists(self, agenda: DayAgenda | None, zone: ZoneInfo, today: date, *, same_day: bool,
                    kept: dict[str, tuple[Hashable | None, int]]) -> None:
        """Both lists read again; on the same day the selected rows and the scrolling are kept
        (those `clear` kept, after a lock)."""
        for view, model in ((self.visit_view, self.visit_model), (self.due_view, self.due_model)):
            now_shown = view.current_key(), view.verticalScrollBar().value()
            key, scrolled = kept.get(view.objectName(), now_shown)
            if agenda is None:
                model.clear()
            else:
                model.set_agenda(agenda, zone, today)
            view.show_groups()
            view.doItemsLayout()
            view.verticalScrollBar().setValue(scrolled if same_day else 0)
            if not view.select_key(key) and view is self.visit_view:
                view.select_first()  # the due list waits to be entered: one selection in sight

    def _update_summary(self, agenda: DayAgenda | None, zone: ZoneInfo) -> None:
        if agenda is None:
            self.ui.summary_label.setText("")
            return
        parts = [text.generated(agenda.generated_at, zone),
                 f"times are the practice's: {zone_label(zone, agenda.generated_at)}",
                 "Enter opens the selected row · Alt+Left / Alt+Right another day · Ctrl+T today"]
        self.ui.summary_label.setText(" · ".join(parts))

    def urgent_count(self) -> int:
        return self._urgent

    def title(self) -> str:
        """The tab's title: 'Today (3 urgent)' while any due row is urgent, else 'Today'."""
        return today_title(self._urgent)

    def publish_badge(self) -> None:
        self.sig_badge_changed.emit(self._urgent)

    def focus_main(self) -> None:
        """Alt+1 or a click on the tab: the keyboard in the day's visits, a row chosen, so Enter
        opens it at once."""
        if not self.visit_view.currentIndex().isValid():
            self.visit_view.select_first()
        self.visit_view.setFocus()

    #: the records Today's rows open, as the words their keys carry, by the kind a task links to
    _LINKABLE = {"appointment": RecordKind.APPOINTMENT, "follow_up": RecordKind.APPOINTMENT,
                 "eligibility": RecordKind.APPOINTMENT, "message": RecordKind.MESSAGE,
                 "refill": RecordKind.REFILL, "referral": RecordKind.REFERRAL,
                 "prior_auth": RecordKind.PRIOR_AUTH, "call": RecordKind.CALL, "callback": RecordKind.CALL,
                 "result": RecordKind.RESULT, "records_request": RecordKind.RECORDS_REQUEST}

    def current_record(self) -> tuple[RecordKind, int] | None:
        """The record of the row selected in the list that has the keyboard (the visits' unless the
        due list has it): what "Make a task…" links to."""
        view = self.due_view if self.due_view.hasFocus() else self.visit_view
        key = view.current_key()
        if not isinstance(key, tuple) or len(key) != 2:
            return None
        kind = self._LINKABLE.get(str(key[0]))
        return (kind, int(key[1])) if kind is not None else None

    def current_patient(self) -> int | None:
        record = self.current_record()
        if record is None or record[0] is not RecordKind.APPOINTMENT:
            return None
        return self.context.calendar.get(record[1]).patient_id

    # opening and exporting --------------------------------------------------------------------------
    def _on_view_open_requested(self, key: tuple[str, int]) -> None:
        kind, record_id = key
        self.sig_record_requested.emit(kind, record_id)

    def export_huddle(self) -> None:
        self.sig_export_requested.emit(self.day, self.provider_id())

    # changes ----------------------------------------------------------------------------------------
    def apply_change(self, change: Change) -> None:
        """A change made anywhere: read the agenda again when it can alter it."""
        if change.kind not in _SHOWN:
            return
        if change.kind in (RecordKind.STAFF, RecordKind.PRACTICE):
            self.context.forget_staff()  # the window's did already; a tab built alone has its own
            self._fill_providers()
        self.load()

    def pause(self) -> None:
        """Locked: nothing is read until the workstation is unlocked."""
        self._locked = True
        self.refresh_timer.stop()

    def clear(self) -> None:
        """Locked (the workspace is closed): the agenda and both lists are forgotten, asking nothing
        of the services; the day, the provider, each list's selected row and scrolling are kept
        for `resume`."""
        self._locked = True
        if self.agenda is not None:  # a second clear keeps what the first one kept
            self._kept = (self.agenda.day, {view.objectName(): (view.current_key(),
                                                                view.verticalScrollBar().value())
                                            for view in (self.visit_view, self.due_view)})
        self.agenda = None
        self.visit_model.clear()
        self.due_model.clear()
        self.ui.summary_label.clear()
        if self._urgent:
            self._urgent = 0
            self.sig_badge_changed.emit(0)

    def resume(self) -> None:
        self._locked = False
        self.refresh_timer.start()
        self.refresh()

    def _on_refresh_timer_timeout(self) -> None:
        if not self._locked:  # a timeout queued before the lock reads nothing
            self.refresh()

    def _on_provider_combo_changed(self, _index: int) -> None:
        self.load()

