"""The Calendar tab: the toolbar, the schedule table and the side panel, and the flows between them.

Everything is shown in the practice's time zone (`services.context.practice_zone()`), whatever the
laptop's. Opening a day or a week reads only that window (see `source.py`). Each change made here
comes back from the service as a `Change`: the tab refreshes what it shows and emits
`sig_changed` for the rest of the window; `apply_change` takes changes made elsewhere.

Keys (while the tab has focus): Ctrl+N books at the current cell, Enter opens, Delete cancels,
Ctrl+T today, Alt+Left / Alt+Right (or Page Up / Page Down in the table) previous / next; in the
side panel's confirmation and eligibility worklists, Ctrl+Shift+L logs a call attempt on the
selected visit (the shared "Log attempt" dialog).
"""

from __future__ import annotations

import time as timer
from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMenu, QWidget

from vma_desk.core import calendar_text as text
from vma_desk.core import wording
from vma_desk.core.calendar import Appointment, WaitlistEntry
from vma_desk.core.chase import Attempt
from vma_desk.core.errors import KnownError
from vma_desk.core.records import Change, Patient, RecordKind
from vma_desk.services import Services
from vma_desk.ui.calendar.appointment import AppointmentDialog
from vma_desk.ui.calendar.booking import BookingDialog, Preferences
from vma_desk.ui.calendar.cancel import CancelDialog
from vma_desk.ui.calendar.context import CalendarContext
from vma_desk.ui.calendar.grid import SLOT_MINUTES, step_day, week_days
from vma_desk.ui.calendar.model import (
    APPOINTMENTS_ROLE,
    KIND_ROLE,
    PROVIDER_ROLE,
    START_ROLE,
    ScheduleModel,
)
from vma_desk.ui.calendar.move import MoveDialog
from vma_desk.ui.calendar.panels import CONFIRMATIONS, ELIGIBILITY, WAITLIST
from vma_desk.ui.calendar.proposals import Offer, ProposalsDialog
from vma_desk.ui.calendar.providers_menu import ProvidersMenu
from vma_desk.ui.calendar.source import ScheduleSource
from vma_desk.ui.calendar.waitlist import WaitlistEntryDialog
from vma_desk.ui.forms.ui_calendar_tab import Ui_CalendarTab
from vma_desk.ui.shared.attempt import AttemptTarget, LogAttemptDialog
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import show_dialog
from vma_desk.ui.shared.tab import TabPage
from vma_desk.ui.shared.widgets import confirm

DAY, WEEK = "day", "week"
#: the worklists' windows move with the clock: re-read them this often while unlocked
WORKLIST_REFRESH_MS = 5 * 60_000
#: rows shown above the current cell when a day or week is opened
LEAD_ROWS = 4
#: record types whose changes alter what the tab shows
_SHOWN = frozenset({RecordKind.APPOINTMENT, RecordKind.SCHEDULE_BLOCK, RecordKind.WAITLIST,
                     RecordKind.PATIENT, RecordKind.STAFF, RecordKind.PRACTICE, RecordKind.APPOINTMENT_TYPE,
                     RecordKind.SETTING, RecordKind.CONTACT_ATTEMPT})


class CalendarTab(TabPage):
    """`sig_undoable`: a move, a cancellation or a status Edit → Undo can take back."""

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 context: TabContext | None = None) -> None:
        """`context`: the window's shared lookups (a tab built alone makes its own)."""
        super().__init__(parent)
        self.ui = Ui_CalendarTab()
        self.ui.setupUi(self)
        self.context = CalendarContext(services, context)
        self._source = ScheduleSource(services, self.context.patients)
        self.model = ScheduleModel(self)
        self.view = self.ui.schedule_view
        self.view.setModel(self.model)
        self.side_panel = self.ui.side_panel
        self.side_panel.set_context(self.context)
        self.mode = DAY
        self.anchor = services.context.today()
        self.last_load_ms = 0.0
        self._notice = ""
        self._shown_days: list[date] = []
        self._scrolled_once = False
        self._locked = False
        #: the current cell when the workspace locked (`clear`), for the reload after the next sign-in
        self._kept_place: tuple[date, int, int] | None = None
        self.providers_menu = ProvidersMenu(self)
        self.ui.providers_button.setMenu(self.providers_menu)
        self.ui.splitter.setStretchFactor(0, 1)
        self.ui.splitter.setStretchFactor(1, 0)
        self.ui.splitter.setSizes([1000, 340])
        font = QFont(self.ui.date_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1.5)
        self.ui.date_label.setFont(font)
        self.ui.date_label.setMinimumWidth(self.ui.date_label.fontMetrics().horizontalAdvance(
            "Wednesday, September 30, 2026") + 4)  # not wider: 150% text on a 1366-pixel screen
        self.ui.day_button.setChecked(True)
        self.ui.worklist_combo.addItems(["Confirmations due", "Eligibility checks due"])
        self._build_actions()
        self._connect()
        self._timer = QTimer(self)
        self._timer.setInterval(WORKLIST_REFRESH_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        self.side_panel.show_page(CONFIRMATIONS)
        # the providers, the schedule and the worklists are read when the window first shows the
        # tab (`load_shown`)

    # building -------------------------------------------------------------------------------------
    def _action(self, label: str, keys: tuple[str, ...], tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(label, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shown = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        action.setToolTip(f"{tip} ({shown})" if keys else tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.book_action = self._action("&Book…", ("Ctrl+N",), "Book at the selected slot",
                                        self.book_at_current)
        self.today_action = self._action("&Today", ("Ctrl+T",), "Go to today", self.go_today)
        self.previous_action = self._action("◀", ("Alt+Left",), "Previous day or week",
                                            lambda: self.step(-1))
        self.next_action = self._action("▶", ("Alt+Right",), "Next day or week", lambda: self.step(1))
        self.ui.today_button.setDefaultAction(self.today_action)
        self.ui.previous_button.setDefaultAction(self.previous_action)
        self.ui.next_button.setDefaultAction(self.next_action)

    def _connect(self) -> None:
        ui = self.ui
        ui.day_button.toggled.connect(self._on_day_button_toggled)
        ui.find_slot_button.clicked.connect(self._on_find_slot_button_clicked)
        ui.waitlist_button.toggled.connect(self._on_waitlist_button_toggled)
        ui.worklist_combo.activated.connect(self._on_worklist_combo_activated)
        self.providers_menu.sig_selection_changed.connect(self._on_providers_menu_selection_changed)
        self.view.sig_open_requested.connect(self._on_view_open_requested)
        self.view.sig_cancel_requested.connect(self._on_view_cancel_requested)
        self.view.sig_page_requested.connect(self.step)
        self.model.sig_move_requested.connect(self._on_model_move_requested)
        panel = self.side_panel
        panel.sig_appointment_opened.connect(self._on_side_panel_appointment_opened)
        panel.sig_waitlist_add_requested.connect(self._on_side_panel_waitlist_add_requested)
        panel.sig_waitlist_book_requested.connect(self._on_side_panel_waitlist_book_requested)
        panel.sig_waitlist_remove_requested.connect(self._on_side_panel_waitlist_remove_requested)
        panel.sig_log_attempt_requested.connect(self.open_log_attempt)

    # what is shown -----------------------------------------------------------------------------------
    def days(self) -> list[date]:
        if self.mode == DAY:
            return [self.anchor]
        return week_days(self.anchor, self._business_days())

    def _business_days(self) -> frozenset[int]:
        return self.context.services.practice.get().business_days

    def set_mode(self, mode: str) -> None:
        (self.ui.day_button if mode == DAY else self.ui.week_button).setChecked(True)

    def set_providers(self, provider_ids: list[int]) -> None:
        self.providers_menu.set_selected(provider_ids)

    def go_to(self, day: date) -> None:
        self.anchor = day
        if self.loaded:
            self.load_schedule()
        else:  # the first read, of this day
            self.ensure_loaded()

    def go_today(self) -> None:
        self.go_to(self.context.services.context.today())

    def step(self, direction: int) -> None:
        if self.mode == WEEK:
            self.go_to(self.anchor + timedelta(days=7 * direction))
        else:
            self.go_to(step_day(self.anchor, direction, self._business_days()))

    def load_shown(self) -> None:
        """The window shows the tab for the first time: read the providers, the schedule and the
        worklists (no count in its title)."""
        self._reload_reference_data()
        self.refresh()

    def refresh(self) -> None:
        """Read again what the tab shows: the schedule's window and the side panel (all of it, the
        first time)."""
        if not self.loaded:
            self.ensure_loaded()
            return
        if self.load_schedule():
            self._refresh_side_panel()

    def load_schedule(self) -> bool:
        """Read the shown window again, keeping the current cell; False before the practice is set up."""
        if not self.context.services.practice.is_set_up():
            self.ui.summary_label.setText("Set up the practice and its providers to see schedules.")
            return False
        place = self._place(self.view.currentIndex()) or self._kept_place
        self._kept_place = None
        days = self.days()
        started = timer.perf_counter()
        providers = self.providers_menu.selected()
        schedule = self._source.load(days, providers, self.context.types)
        self.model.set_schedule(schedule)
        self.last_load_ms = (timer.perf_counter() - started) * 1000
        self._restore_place(place)
        if days != self._shown_days:
            self._shown_days = days
            self._scroll_to_current()
        self._update_labels()
        return True

    def _place(self, index: QModelIndex) -> tuple[date, int, int] | None:
        """Where the current cell is: its day, its wall-clock minute and its provider."""
        grid = self.model.grid
        if grid is None or not index.isValid():
            return None
        column = grid.columns[index.column()]
        assert column.provider.id is not None
        return column.day, grid.minute_of(index.row()), column.provider.id

    def _restore_place(self, place: tuple[date, int, int] | None) -> None:
        """The same time and provider again (on the same day when still shown), or a fresh start."""
        grid = self.model.grid
        index = QModelIndex()
        if grid is not None and place is not None:
            day, minute, provider_id = place
            columns = [i for i, c in enumerate(grid.columns) if c.provider.id == provider_id]
            column = grid.column_of(day, provider_id)
            row = (minute - grid.first_minute) // SLOT_MINUTES
            if columns and 0 <= row < grid.rows:
                index = self.model.index(row, columns[0] if column is None else column)
        if not index.isValid():
            index = self._first_working_cell()
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _scroll_to_current(self) -> None:
        """Put the current cell near the top, with the hour before it (the morning so far)."""
        index = self.view.currentIndex()
        if index.isValid():
            above = self.model.index(max(index.row() - LEAD_ROWS, 0), index.column())
            self.view.scrollTo(above, self.view.ScrollHint.PositionAtTop)
            self.view.scrollTo(index)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._scrolled_once:  # scrolling while hidden has no viewport to measure yet
            self._scrolled_once = True
            QTimer.singleShot(0, self, self._scroll_to_current)

    def focus_main(self) -> None:
        """Alt+2 or a click on the tab: the keyboard in the schedule, a slot current (now, or the
        first one worked), so Ctrl+N books there and Enter opens it at once."""
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self._first_working_cell())
        self.view.setFocus()

    def _first_working_cell(self) -> QModelIndex:
        """Now, when today is shown; else the first slot anybody works."""
        grid = self.model.grid
        if grid is None or not grid.columns:
            return QModelIndex()
        now = self.context.now()
        for column in grid.columns:
            assert column.provider.id is not None
            index = self.model.index_at(now, column.provider.id)
            if index.isValid():
                return index
        opened = min(grid.open_cells, default=(0, 0))
        return self.model.index(*opened)

    def _update_labels(self) -> None:
        days = self.days()
        zone = self.context.zone()
        if self.mode == DAY:
            shown = wording.long_day(days[0])
        else:
            shown = f"{wording.short_day(days[0])} – {wording.short_day(days[-1])}, {days[-1].year}"
        self.ui.date_label.setText(shown)
        button = self.ui.providers_button
        button.setText(self.providers_menu.summary())
        button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 32)
        grid = self.model.grid
        visits = grid.appointment_count if grid else 0
        moment = datetime.combine(days[0], datetime.min.time()).replace(tzinfo=zone)
        summary = (f"{visits} visit{'s' if visits != 1 else ''} shown · times are the practice's: "
                   f"{wording.zone_label(zone, moment)}")
        self.ui.summary_label.setText(f"{self._notice}   ·   {summary}" if self._notice else summary)

    def _reload_reference_data(self) -> None:
        self.context.forget_reference_data()
        if not self.context.services.practice.is_set_up():
            return
        ticked = self.providers_menu.selected_ids() or None
        self.providers_menu.set_providers(list(self.context.providers.values()), ticked)

    # changes ----------------------------------------------------------------------------------------
    def apply_change(self, change: Change) -> None:
        """Refresh for a change made anywhere (this tab's own changes are already shown); a tab never
        shown yet reads nothing (its first load reads it)."""
        if self.made_here(change) or change.kind not in _SHOWN:
            return
        if change.kind is RecordKind.PATIENT:
            self.context.patients.forget(change.ids)
        if not self.loaded:
            return
        if change.kind is RecordKind.CONTACT_ATTEMPT:  # only the worklists show attempts
            if not self._locked:
                self._refresh_side_panel()
            return
        if change.kind in (RecordKind.STAFF, RecordKind.PRACTICE, RecordKind.APPOINTMENT_TYPE):
            self._reload_reference_data()
        self.refresh()

    def _publish(self, change: Change, notice: str = "") -> None:
        self._notice = notice
        self.refresh()
        self.send_change(change)

    def pause(self) -> None:
        """Locked: stop re-reading the worklists."""
        self._locked = True
        self._timer.stop()

    def clear(self) -> None:
        """Locked (the workspace is closed): the schedule, the side panel's lists, the notice and
        the patients read are forgotten, asking nothing of the services; the day, the mode, the
        providers and the current cell are kept for `resume`."""
        self._locked = True
        self._kept_place = self._place(self.view.currentIndex()) or self._kept_place
        self.model.clear()
        self.side_panel.clear()
        self.context.patients.forget()
        self._notice = ""
        self.ui.summary_label.clear()

    def resume(self) -> None:
        """Unlocked: time has passed, so read again what is shown (nothing when the tab was never
        shown: it reads when it is)."""
        self._locked = False
        self._timer.start()
        if self.loaded:
            self.refresh()

    def _on_timer_timeout(self) -> None:
        if self.loaded and not self._locked:  # nor before the first show or after the lock
            self._refresh_side_panel()

    # the cell under the cursor ------------------------------------------------------------------------
    def _appointments_at(self, index: QModelIndex) -> tuple[Appointment, ...]:
        return tuple(index.data(APPOINTMENTS_ROLE) or ()) if index.isValid() else ()

    def _choose(self, index: QModelIndex, verb: str) -> Appointment | None:
        """The appointment of a cell; asks which one where several overlap."""
        found = self._appointments_at(index)
        if len(found) <= 1:
            return found[0] if found else None
        menu = QMenu(self)
        zone = self.context.zone()
        for a in found:
            action = menu.addAction(f"{verb} {text.when(a.start, zone)} "
                                    f"{self.context.patients.name(a.patient_id)}")
            action.setData(a.id)
        rect = self.view.visualRect(index)
        picked = menu.exec(self.view.viewport().mapToGlobal(rect.topLeft() + QPoint(8, 8)))
        return next((a for a in found if picked is not None and a.id == picked.data()), None)

    def book_at_current(self) -> BookingDialog:
        index = self.view.currentIndex()
        if not index.isValid():
            return self.open_booking()
        return self.open_booking(provider_id=index.data(PROVIDER_ROLE), start=index.data(START_ROLE))

    def _on_view_open_requested(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if index.data(KIND_ROLE) in ("visit", "covered"):
            chosen = self._choose(index, "Open")
            if chosen is not None:
                self.open_appointment(chosen)
        else:
            self.book_at_current()

    def _on_view_cancel_requested(self, index: QModelIndex) -> None:
        chosen = self._choose(index, "Cancel")
        if chosen is not None:
            self.open_cancel(chosen)

    def _on_model_move_requested(self, appointment_id: int, provider_id: int, start: datetime) -> None:
        found = next((a for v in self.model.spans() for a in v.appointments if a.id == appointment_id),
                     None)
        if found is None or (found.start == start and found.provider_id == provider_id):
            return
        self.open_move(found, provider_id, start)

    # dialogs ----------------------------------------------------------------------------------------
    def open_booking(self, *, provider_id: int | None = None, start: datetime | None = None,
                     entry: WaitlistEntry | None = None, patient: Patient | None = None) -> BookingDialog:
        """The booking form (Ctrl+N): empty, for a slot, a waitlist entry's or a patient's (the hub)."""
        if entry is not None:
            patient = self.context.patients.get(entry.patient_id)
        preferences = Preferences(entry.days, entry.earliest, entry.latest,
                                  any_provider=entry.provider_id is None) if entry else None
        dialog = BookingDialog(
            self.context, provider_id=entry.provider_id if entry else provider_id, start=start,
            patient=patient, type_code=entry.type_code if entry else None, preferences=preferences,
            parent=self)
        dialog.sig_booked.connect(self._on_dialog_booked)
        show_dialog(dialog)
        return dialog

    def open_appointment(self, appointment: Appointment) -> AppointmentDialog:
        dialog = AppointmentDialog(self.context, appointment, self)
        dialog.sig_saved.connect(self._on_appointment_dialog_saved)
        shown = [appointment]  # what the visit was before each save of this dialog

        def undoable(_change: Change, _offer: object) -> None:
            before, after = shown[0], dialog.appointment
            shown[0] = after
            if (before.status, before.confirmation) != (after.status, after.confirmation):
                self._offer_undo(before, after, f"status {after.status.label.lower()}")

        dialog.sig_saved.connect(undoable)
        dialog.sig_cancel_requested.connect(self.open_cancel)
        show_dialog(dialog)
        return dialog

    def open_cancel(self, appointment: Appointment) -> CancelDialog:
        dialog = CancelDialog(self.context, appointment, self)
        dialog.sig_cancelled.connect(self._on_cancel_dialog_cancelled)
        dialog.sig_cancelled.connect(lambda cancelled, _change, _offer, before=appointment:
                                     self._offer_undo(before, cancelled, "cancellation"))
        show_dialog(dialog)
        return dialog

    def show_appointment(self, appointment_id: int) -> bool:
        """Go to a visit's day with its provider shown, select it and open it, as a worklist row
        does (a row of the Today tab, a link); False when it no longer exists."""
        try:
            appointment = self.context.calendar.get(appointment_id)
        except KnownError:
            return False
        self.ensure_loaded()  # the providers to show it with (when the window has not shown the tab)
        self._on_side_panel_appointment_opened(appointment)
        return True

    def open_record(self, kind: str, record_id: int) -> bool:
        return kind in ("appointment", "eligibility") and self.show_appointment(record_id)

    def open_form(self, form: str) -> bool:
        if form != "booking":
            return False
        self.open_booking()
        return True

    def _current_visit(self) -> Appointment | None:
        """The one visit of the selected cell (None: an empty cell, or several overlapping)."""
        found = self._appointments_at(self.view.currentIndex())
        return found[0] if len(found) == 1 else None

    def current_record(self) -> tuple[RecordKind, int] | None:
        visit = self._current_visit()
        return (RecordKind.APPOINTMENT, visit.id) if visit is not None and visit.id is not None else None

    def current_patient(self) -> int | None:
        visit = self._current_visit()
        return visit.patient_id if visit is not None else None

    def open_form_for(self, form: str, patient: Patient) -> bool:
        if form != "booking":
            return False
        self.open_booking(patient=patient)
        return True

    def open_move(self, appointment: Appointment, provider_id: int, start: datetime) -> MoveDialog:
        dialog = MoveDialog(self.context, appointment, provider_id=provider_id, start=start, parent=self)
        dialog.sig_moved.connect(self._on_move_dialog_moved)
        dialog.sig_moved.connect(lambda moved, _change, _offer, before=appointment:
                                 self._offer_undo(before, moved, "move"))
        show_dialog(dialog)
        return dialog

    def _offer_undo(self, before: Appointment, after: Appointment, what: str) -> None:
        calendar = self.context.calendar
        when = text.when(before.start, self.context.zone())
        self.sig_undoable.emit(f"{what} (visit {when})", lambda: calendar.undo_change(before, after, what))

    def open_offer(self, offer: Offer) -> ProposalsDialog:
        dialog = ProposalsDialog(self.context, offer, self)
        dialog.sig_booked.connect(self._on_dialog_booked)
        dialog.sig_offer_logged.connect(lambda attempt, change: self._on_offer_logged(attempt, change))
        show_dialog(dialog)
        return dialog

    # dialog results -----------------------------------------------------------------------------------
    def _show_visit(self, appointment: Appointment) -> None:
        day = appointment.start.astimezone(self.context.zone()).date()
        if day not in self.days():
            self.anchor = day
        if appointment.provider_id not in self.providers_menu.selected_ids():
            self.providers_menu.set_selected([*self.providers_menu.selected_ids(),
                                              appointment.provider_id])

    def _select_visit(self, appointment: Appointment) -> None:
        assert appointment.id is not None
        index = self.model.index_of(appointment.id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _on_dialog_booked(self, booked: Appointment, change: Change) -> None:
        self._show_visit(booked)
        name = self.context.patients.name(booked.patient_id)
        self._publish(change, f"Booked {name} {text.when(booked.start, self.context.zone())}")
        self._select_visit(booked)

    def _on_appointment_dialog_saved(self, change: Change, offer: Offer | None) -> None:
        self._publish(change, "Saved")
        if offer is not None:
            self.open_offer(offer)

    def _on_cancel_dialog_cancelled(self, cancelled: Appointment, change: Change,
                                    offer: Offer | None) -> None:
        late = " (late cancellation)" if cancelled.late_cancel else ""
        self._publish(change, f"Cancelled {text.when(cancelled.start, self.context.zone())}{late}")
        if offer is not None:
            self.open_offer(offer)

    def _on_move_dialog_moved(self, moved: Appointment, change: Change, offer: Offer | None) -> None:
        self._show_visit(moved)
        self._publish(change, f"Moved to {text.when(moved.start, self.context.zone())}")
        self._select_visit(moved)
        if offer is not None:
            self.open_offer(offer)

    # toolbar and side panel ---------------------------------------------------------------------------
    def _on_day_button_toggled(self, checked: bool) -> None:
        self.mode = DAY if checked else WEEK
        self.load_schedule()

    def _on_providers_menu_selection_changed(self) -> None:
        self.load_schedule()

    def _on_find_slot_button_clicked(self) -> None:
        index = self.view.currentIndex()
        dialog = self.open_booking(provider_id=index.data(PROVIDER_ROLE) if index.isValid() else None)
        dialog.ui.any_provider_check.setChecked(True)
        dialog.find_slots()
        dialog.ui.patient_picker.setFocus()

    def _on_waitlist_button_toggled(self, checked: bool) -> None:
        self.side_panel.show_page(WAITLIST if checked else
                                  (CONFIRMATIONS, ELIGIBILITY)[self.ui.worklist_combo.currentIndex()])

    def _on_worklist_combo_activated(self, index: int) -> None:
        self.ui.waitlist_button.setChecked(False)
        self.side_panel.show_page((CONFIRMATIONS, ELIGIBILITY)[index])

    def _refresh_side_panel(self) -> None:
        confirmations, eligibility, waiting = self.side_panel.refresh()
        combo = self.ui.worklist_combo
        combo.setItemText(0, f"Confirmations due ({confirmations})")
        combo.setItemText(1, f"Eligibility checks due ({eligibility})")
        self.ui.waitlist_button.setText(f"Wait&list ({waiting})")

    def _on_side_panel_appointment_opened(self, appointment: Appointment) -> None:
        self._show_visit(appointment)
        self.load_schedule()
        self._select_visit(appointment)
        self.open_appointment(appointment)

    def open_log_attempt(self, target: AttemptTarget) -> LogAttemptDialog:
        """The shared "Log attempt" dialog on a worklist's visit (Ctrl+Shift+L in the side panel)."""
        dialog = LogAttemptDialog(self.context.shared, target, self)
        dialog.sig_logged.connect(lambda attempt, change: self._on_attempt_logged(target, attempt, change))
        show_dialog(dialog)
        return dialog

    def _on_attempt_logged(self, target: AttemptTarget, attempt: Attempt, change: Change) -> None:
        """Only the worklists show attempts: they are read again, the schedule is not."""
        self._notice = f"Logged {attempt.outcome.label}: {target.kind.label.lower()}, {target.who}"
        self._refresh_side_panel()
        self._update_labels()
        self.send_change(change)
        self.side_panel.current_list().setFocus()

    def _on_offer_logged(self, attempt: Attempt, change: Change) -> None:
        name = self.context.patients.name(attempt.patient_id) if attempt.patient_id is not None else ""
        self._notice = f"Logged {attempt.outcome.label}: waitlist offer to {name}"
        self._update_labels()
        self.send_change(change)

    def _on_side_panel_waitlist_add_requested(self) -> None:
        dialog = WaitlistEntryDialog(self.context, self)
        dialog.sig_added.connect(self._on_waitlist_entry_dialog_added)
        show_dialog(dialog)

    def _on_waitlist_entry_dialog_added(self, entry: WaitlistEntry, change: Change) -> None:
        self._publish(change, f"{self.context.patients.name(entry.patient_id)} is on the waitlist")

    def _on_side_panel_waitlist_book_requested(self, entry: WaitlistEntry) -> None:
        dialog = self.open_booking(entry=entry)
        dialog.find_slots()

    def _on_side_panel_waitlist_remove_requested(self, entry: WaitlistEntry) -> None:
        name = self.context.patients.name(entry.patient_id)
        if entry.id is None or not confirm(self, "Remove from waitlist",
                                           f"Take {name} off the waitlist?", "Remove", "Keep"):
            return
        try:
            change = self.context.calendar.remove_from_waitlist(entry.id)
        except KnownError as error:
            self._notice = error.message
            self._update_labels()
            return
        self._publish(change, f"{name} is off the waitlist")
