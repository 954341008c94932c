"""The Calls tab: one practice-local day of the call log, its filters and columns, and the
actions on a call.

Keys: F2 logs a call from anywhere in the window (the form's timer starts at once); in the tab,
Enter opens the selected call, Ctrl+M takes a message from it, Ctrl+B books an appointment for its
patient, Ctrl+R starts a refill request and Ctrl+Shift+R a referral (each linked to the call),
Ctrl+T today, Alt+Left / Alt+Right the previous / next day. A right click on the table's header
chooses the columns (remembered).

Opening a day reads that day only (`source.py`). Changes come back from the service as a `Change`:
the tab reloads its day and emits `sig_changed` for the rest of the window; `apply_change` takes
changes made elsewhere.
"""

from __future__ import annotations

import time as timer
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

from vma_desk.core import call_text as text
from vma_desk.core import wording
from vma_desk.core.calendar import Appointment
from vma_desk.core.communications import Call, CallReason
from vma_desk.core.errors import KnownError
from vma_desk.core.records import Change, Patient, RecordKind
from vma_desk.core.referrals import Referral
from vma_desk.core.refills import RefillRequest
from vma_desk.core.wording import long_day, zone_label
from vma_desk.services import Services
from vma_desk.ui.calendar.booking import BookingDialog
from vma_desk.ui.calendar.context import CalendarContext
from vma_desk.ui.calls.columns import ColumnChooser
from vma_desk.ui.calls.dialog import CallDialog
from vma_desk.ui.calls.model import CALL_ROLE, COL_TIME, COLUMNS, CallFilterProxy, CallRow, CallTableModel
from vma_desk.ui.calls.source import CallDaySource
from vma_desk.ui.forms.ui_calls_tab import Ui_CallsTab
from vma_desk.ui.messages.dialog import MessageDialog
from vma_desk.ui.record_list import RecordList, TabChanges
from vma_desk.ui.referrals.dialog import ReferralDialog
from vma_desk.ui.refills.dialog import RefillDialog
from vma_desk.ui.settings import Preferences
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import show_dialog
from vma_desk.ui.shared.tab import TabPage
from vma_desk.ui.shared.table import fit_columns, setup_record_table, tab_action

LOG_CALL_KEYS = "F2"
#: the widest text each column usually holds (its width at the start; the user may drag it)
COLUMN_SAMPLES = ("12:00 PM", "Voicemail", "Christopher Willis", "(000) 000-0000",
                  "Willis, Christopher", "Billing / insurance", "00:00", "Callback needed",
                  "Nora Nurse, RN", "Appointment", "")
#: record types whose changes alter what the tab shows
_SHOWN = frozenset({RecordKind.CALL, RecordKind.MESSAGE, RecordKind.REFILL, RecordKind.REFERRAL,
                     RecordKind.PATIENT, RecordKind.STAFF, RecordKind.PRACTICE, RecordKind.SETTING})
_OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CallsTab(TabPage):
    """F2 (`log_call_action`) logs a call from every tab (`window_actions`)."""

    def __init__(self, services: Services, preferences: Preferences | None = None,
                 parent: QWidget | None = None, *, context: TabContext | None = None) -> None:
        """`context`: the window's shared lookups (a tab built alone makes its own)."""
        super().__init__(parent)
        self.ui = Ui_CallsTab()
        self.ui.setupUi(self)
        self.context = context if context is not None else TabContext(services)
        self._source = CallDaySource(self.context)
        self._calendar_context: CalendarContext | None = None
        self.day = self.context.today()
        self.last_load_ms = 0.0
        self._changes = TabChanges(self, self.context, _SHOWN)
        self.model = CallTableModel(self)
        self.proxy = CallFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = self.ui.call_view
        self.view.setModel(self.proxy)
        # the detail line reads the selected call itself
        self._list = RecordList(self.view, self.model, lambda _row: self._update_detail())
        self._setup_view()
        fit_columns(self.view, COLUMN_SAMPLES)
        self.columns = ColumnChooser(self.view, "calls", COLUMNS, preferences or Preferences())
        self._build_actions()
        self._fill_filters()
        self._connect()
        self.ui.splitter.setStretchFactor(0, 1)
        self.ui.splitter.setStretchFactor(1, 0)
        self.ui.splitter.setSizes([560, 110])
        # the day's calls are read when the window first shows the tab (`load_shown`)

    # building -------------------------------------------------------------------------------------
    def _setup_view(self) -> None:
        setup_record_table(self.view, COL_TIME, Qt.SortOrder.DescendingOrder)
        self.view.horizontalHeader().setToolTip("Click to sort; right-click to choose the columns")
        self.view.installEventFilter(self)

    def _action(self, label: str, keys: str, tip: str, slot: Callable[[], object]) -> QAction:
        return tab_action(self, label, (keys,), tip, slot)

    def _build_actions(self) -> None:
        ui = self.ui
        self.log_call_action = self._action("&Log call…", LOG_CALL_KEYS,
                                            "Log a call: the timer starts at once", self.open_new_call)
        # F2 works from every tab: the main window adds this action to itself as well
        self.log_call_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.message_action = self._action("Take &message…", "Ctrl+M",
                                           "Take a message from the selected call", self.take_message)
        self.book_action = self._action("&Book appointment…", "Ctrl+B",
                                        "Book an appointment for the selected call's patient",
                                        self.book_appointment)
        self.refill_action = self._action("&Refill request…", "Ctrl+R",
                                          "Start a refill request from the selected call", self.start_refill)
        self.referral_action = self._action("Re&ferral…", "Ctrl+Shift+R",
                                            "Start a referral from the selected call", self.start_referral)
        self.previous_action = self._action("◀", "Alt+Left", "Previous day", lambda: self.step(-1))
        self.today_action = self._action("&Today", "Ctrl+T", "Go to today", self.go_today)
        self.next_action = self._action("▶", "Alt+Right", "Next day", lambda: self.step(1))
        # the toolbar's buttons say their keys: the call log is worked from the keyboard
        self.log_call_action.setIconText(f"Log call… ({LOG_CALL_KEYS})")
        # short button texts, so the toolbar fits a 1366-pixel screen (the tooltips say more)
        self.message_action.setIconText("Message… (Ctrl+M)")
        self.book_action.setIconText("Book… (Ctrl+B)")
        self.refill_action.setIconText("Refill… (Ctrl+R)")
        self.referral_action.setIconText("Referral… (Ctrl+⇧R)")
        ui.log_call_button.setDefaultAction(self.log_call_action)
        ui.message_button.setDefaultAction(self.message_action)
        ui.book_button.setDefaultAction(self.book_action)
        ui.refill_button.setDefaultAction(self.refill_action)
        ui.referral_button.setDefaultAction(self.referral_action)
        ui.previous_button.setDefaultAction(self.previous_action)
        ui.today_button.setDefaultAction(self.today_action)
        ui.next_button.setDefaultAction(self.next_action)

    def _fill_filters(self) -> None:
        for narrow in (self.ui.reason_filter_combo, self.ui.routed_filter_combo):
            # as wide as a typical entry, not the longest staff name (its popup still shows it all)
            narrow.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            narrow.setMinimumContentsLength(12)
        combo = self.ui.reason_filter_combo
        combo.addItem("All reasons", None)
        for reason in CallReason:
            combo.addItem(reason.label, reason)
        self._fill_routed_filter()

    def _fill_routed_filter(self) -> None:
        combo = self.ui.routed_filter_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Anyone", None)
        for member in self.context.staff.values():
            combo.addItem(member.display_name, member.id)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def _connect(self) -> None:
        ui = self.ui
        ui.reason_filter_combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        ui.routed_filter_combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.columns.sig_columns_changed.connect(self._on_columns_changed)

    # what is shown ----------------------------------------------------------------------------------
    def go_to(self, day: date) -> None:
        self.day = day
        self.load()

    def go_today(self) -> None:
        self.go_to(self.context.today())

    def step(self, days: int) -> None:
        self.go_to(self.day + timedelta(days=days))

    def load_shown(self) -> None:
        """The window shows the tab for the first time: read the day's calls (no count in its title)."""
        self.load()

    def load(self, select_id: int | None = None) -> None:
        """Read the shown day again, keeping the selected call (or selecting `select_id`)."""
        self.loaded = True  # it shows the day's calls from now on: changes and resume read again
        keep = select_id if select_id is not None else self._selected_id()
        started = timer.perf_counter()
        rows = self._source.load(self.day)
        self.model.set_rows(rows, self.context.zone(), self.day)
        self.last_load_ms = (timer.perf_counter() - started) * 1000
        self._list.reselect(keep)
        self._update_labels(rows)

    def _update_labels(self, rows: list[CallRow] | None = None) -> None:
        rows = self.model.rows() if rows is None else rows
        today = "  (today)" if self.day == self.context.today() else ""
        # the short form keeps the toolbar within a 1366-pixel screen; the tooltip has it in full
        self.ui.date_label.setText(f"{wording.weekday_date(self.day)}{today}")
        self.ui.date_label.setToolTip(long_day(self.day))
        shown = self.proxy.rowCount()
        escalated = sum(1 for r in rows if r.escalated)
        parts = [f"{len(rows)} call{'s' if len(rows) != 1 else ''}"]
        if shown != len(rows):
            parts.append(f"{shown} shown by the filters")
        if escalated:
            parts.append(f"{escalated} escalated")
        parts.append(f"times are the practice's: {zone_label(self.context.zone(), self.context.now())}")
        parts.append(f"{LOG_CALL_KEYS} logs a call")
        self.ui.summary_label.setText(self._changes.summary(" · ".join(parts)))
        self._update_detail()

    def _update_detail(self) -> None:
        call = self.selected_call()
        has = call is not None
        self.message_action.setEnabled(has)
        self.book_action.setEnabled(has)
        self.refill_action.setEnabled(has)
        self.referral_action.setEnabled(has)
        if call is None:
            self.ui.detail_label.setText("No call selected." if self.model.rowCount() else
                                         f"No calls logged on this day. {LOG_CALL_KEYS} logs one.")
            return
        self.ui.detail_label.setText(self._detail_text(call))

    def _detail_text(self, call: Call) -> str:
        context = self.context
        row = self.model.rows()[self.model.row_of(call.id or 0)]
        when = wording.when_in_year(call.started_at, context.zone(), self.day)
        lines = [f"{when} · {call.direction.label} · "
                 f"{call.caller_name}"
                 + (f" · patient {row.patient}" if row.patient else "")
                 + f" · taken by {call.taken_by}"]
        lines.append(f"Notes: {call.notes}" if call.notes else "No notes.")
        if call.escalation_action:
            lines.append(f"Red flag — what was done: {call.escalation_action}")
        if row.links:
            lines.append(f"Became: {text.links(list(row.links))}")
        return "\n".join(lines)

    # selection --------------------------------------------------------------------------------------
    def focus_main(self) -> None:
        """Alt+N or a click on the tab: the keyboard in the list (`RecordList.focus`)."""
        self._list.focus()

    def selected_call(self) -> Call | None:
        index = self.view.currentIndex()
        call = index.data(CALL_ROLE) if index.isValid() else None
        return call if isinstance(call, Call) else None

    def _selected_id(self) -> int | None:
        call = self.selected_call()
        return call.id if call else None

    def select_call(self, call_id: int) -> bool:
        return self._list.select(call_id)

    def show_record(self, call_id: int) -> bool:
        """Show a call (from search): its day, filters cleared if they hide it, selected."""
        try:
            call = self.context.comms.get_call(call_id)
        except KnownError:
            return False
        self.ui.reason_filter_combo.setCurrentIndex(0)
        self.ui.routed_filter_combo.setCurrentIndex(0)
        self.day = call.started_at.astimezone(self.context.zone()).date()
        self.load(select_id=call_id)
        self.view.setFocus()
        return self.select_call(call_id)

    # changes ----------------------------------------------------------------------------------------
    def apply_change(self, change: Change) -> None:
        """Refresh for a change made anywhere (this tab's own changes are already shown); a tab never
        shown yet reads nothing (its first load reads it)."""
        if not self._changes.concerns(change):
            return
        if change.kind in (RecordKind.STAFF, RecordKind.PRACTICE):
            self._fill_routed_filter()
        if self.loaded:
            self.load()

    def _publish(self, change: Change, notice: str = "", select_id: int | None = None) -> None:
        self._changes.publish(change, notice, lambda: self.load(select_id))

    def pause(self) -> None:
        """Locked: F2 (a window-wide key) must not open a form over the lock page."""
        self.log_call_action.setEnabled(False)

    def clear(self) -> None:
        """Locked (the workspace is closed): the day's calls, the detail line, the notice and the
        patients read are forgotten, asking nothing of the services; `resume` selects the call again."""
        self._list.clear(self._selected_id())
        self._changes.forget()
        self._calendar_context = None
        self.ui.summary_label.clear()  # its zone is the practice's, read again on resume

    def resume(self) -> None:
        """Unlocked: the day may have turned meanwhile; read again what is shown (nothing when the
        tab was never shown: it reads when it is)."""
        self.log_call_action.setEnabled(True)
        if self.loaded:
            self.load(select_id=self._list.take_kept())

    # dialogs ----------------------------------------------------------------------------------------
    def _show(self, dialog: QWidget) -> None:
        show_dialog(dialog)

    def window_actions(self) -> list[QAction]:
        return [self.log_call_action]

    def open_record(self, kind: str, record_id: int) -> bool:
        return kind == "call" and self.show_record(record_id)

    def open_form(self, form: str) -> bool:
        if form != "call":
            return False
        self.open_new_call()
        return True

    def open_form_for(self, form: str, patient: Patient) -> bool:
        if form != "call":
            return False
        self.open_new_call().ui.patient_picker.choose(patient)
        return True

    def current_patient(self) -> int | None:
        call = self.selected_call()
        return call.patient_id if call is not None else None

    def current_record(self) -> tuple[RecordKind, int] | None:
        call = self.selected_call()
        return (RecordKind.CALL, call.id) if call is not None and call.id is not None else None

    def open_new_call(self) -> CallDialog:
        dialog = CallDialog(self.context, None, self)
        dialog.sig_saved.connect(self._on_call_dialog_saved)
        self._show(dialog)
        return dialog

    def open_call(self, call: Call) -> CallDialog:
        dialog = CallDialog(self.context, call, self)
        dialog.sig_saved.connect(self._on_call_dialog_saved)
        self._show(dialog)
        return dialog

    def _on_call_dialog_saved(self, call: Call, change: Change, then_message: bool) -> None:
        day = call.started_at.astimezone(self.context.zone()).date()
        if day != self.day:
            self.day = day
        verb = "Logged" if change.action.value == "create" else "Saved"
        self._publish(change, f"{verb} the call with {call.caller_name}", select_id=call.id)
        if then_message:
            self.take_message(call)

    def take_message(self, call: Call | None = None) -> MessageDialog | None:
        call = call or self.selected_call()
        if call is None or call.id is None:
            return None
        draft = self.context.comms.message_from_call(call.id)
        dialog = MessageDialog(self.context, draft, self)
        dialog.sig_saved.connect(self._on_message_dialog_saved)
        self._show(dialog)
        return dialog

    def _on_message_dialog_saved(self, _message: object, change: Change) -> None:
        self._publish(change, "Message taken (linked to the call)")

    def start_refill(self, call: Call | None = None) -> RefillDialog | None:
        """The refill request form with the call's patient, caller and notes filled in; saving
        keeps the link to the call."""
        call = call or self.selected_call()
        if call is None or call.id is None:
            return None
        dialog = RefillDialog(self.context, self.context.services.refills.draft_from_call(call.id), self)
        dialog.sig_saved.connect(self._on_refill_dialog_saved)
        self._show(dialog)
        return dialog

    def _on_refill_dialog_saved(self, request: RefillRequest, change: Change) -> None:
        self._publish(change, "Refill request recorded (linked to the call)", select_id=request.call_id)

    def start_referral(self, call: Call | None = None) -> ReferralDialog | None:
        """The referral form with the call's patient and notes filled in, linked to the call."""
        call = call or self.selected_call()
        if call is None or call.id is None:
            return None
        dialog = ReferralDialog(self.context, self.context.services.referrals.draft_from_call(call.id), self)
        dialog.sig_saved.connect(self._on_referral_dialog_saved)
        self._show(dialog)
        return dialog

    def _on_referral_dialog_saved(self, referral: Referral, change: Change) -> None:
        self._publish(change, "Referral drafted (linked to the call)", select_id=referral.call_id)

    def book_appointment(self, call: Call | None = None) -> BookingDialog | None:
        call = call or self.selected_call()
        if call is None or call.id is None:
            return None
        if self._calendar_context is None:
            self._calendar_context = CalendarContext(self.context.services, self.context)
        patient = self.context.patients.get(call.patient_id) if call.patient_id is not None else None
        dialog = BookingDialog(self._calendar_context, patient=patient, parent=self)
        call_id = call.id
        dialog.sig_booked.connect(
            lambda booked, change: self._on_booking_dialog_booked(call_id, booked, change))
        self._show(dialog)
        return dialog

    def _on_booking_dialog_booked(self, call_id: int, booked: Appointment, change: Change) -> None:
        assert booked.id is not None
        self._changes.send(change)  # the calendar shows the visit
        try:
            linked = self.context.comms.link_call(call_id, RecordKind.APPOINTMENT, booked.id)
        except KnownError as error:
            self._changes.notice = error.message
            self._update_labels()
            return
        self._publish(linked, "Appointment booked (linked to the call)", select_id=call_id)

    # events -----------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in _OPEN_KEYS and not event.modifiers()):
            call = self.selected_call()
            if call is not None:
                self.open_call(call)
                return True
        return super().eventFilter(watched, event)

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        call = index.data(CALL_ROLE)
        if isinstance(call, Call):
            self.open_call(call)

    def _on_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_detail()

    def _on_filter_combo_changed(self, _index: int) -> None:
        reason = self.ui.reason_filter_combo.currentData()  # Qt hands a StrEnum back as its str
        self.proxy.set_filters(CallReason(reason) if reason else None,
                               self.ui.routed_filter_combo.currentData())
        if not self.view.currentIndex().isValid() and not self._list.select_first():
            self._update_detail()
        self._update_labels()

    def _on_columns_changed(self) -> None:
        self._update_labels()
