"""The Messages tab: every open message with its age and callback due time, the overdue ones
standing out, and the steps that move a message on (deliver, acknowledge, callback done, close),
each recorded with who and when in the detail pane.

Keys (while the tab has focus): Ctrl+M a new message, Ctrl+Enter the next step of the selected
message, Ctrl+Shift+L a callback attempt on it (the shared "Log attempt" dialog; the detail pane
says the attempts so far). The tab reads the open messages once per change; the model's own timer
moves the ages and the overdue marks (and so the count in the tab's title, `sig_badge_changed`)
every 30 s.
"""

from __future__ import annotations

import time as timer
from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QPushButton, QWidget

from vma_desk.core.chase import Attempt, ChaseKind, Outcome
from vma_desk.core.communications import Message, MessageState
from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import Change, Patient, RecordKind
from vma_desk.services import Services
from vma_desk.ui.forms.ui_messages_tab import Ui_MessagesTab
from vma_desk.ui.messages import detail
from vma_desk.ui.messages.dialog import MessageDialog
from vma_desk.ui.messages.model import (
    COL_REASON,
    SHOW_CLOSED,
    SHOW_OPEN,
    SHOW_OVERDUE,
    MessageFilterProxy,
    MessageRow,
    MessageTableModel,
)
from vma_desk.ui.messages.source import MessageSource
from vma_desk.ui.record_list import ListTab, set_flag, show_error
from vma_desk.ui.shared.attempt import AttemptTarget, LogAttemptDialog
from vma_desk.ui.shared.badges import messages_title
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import show_dialog
from vma_desk.ui.shared.table import fit_columns, setup_record_table, tab_action
from vma_desk.ui.shared.widgets import ask_reason, confirm

#: the widest text each column usually holds (its width at the start)
COLUMN_SAMPLES = ("23 h 59 min", "Overdue 23 h 59 min", "Emergency", "Christopher Willis",
                  "Willis, Christopher", "", "Nora Nurse, RN", "Callback done")
TAB_STYLE = """
QLabel#detail_title, QLabel#steps_title { font-weight: bold; }
QPushButton[nextStep="true"] { font-weight: bold; }
QLabel#step_error_label { color: #b00020; }
"""
_SHOWN = frozenset({RecordKind.MESSAGE, RecordKind.CALL, RecordKind.PATIENT, RecordKind.STAFF,
                     RecordKind.PRACTICE, RecordKind.SETTING, RecordKind.CONTACT_ATTEMPT})


class MessagesTab(ListTab):
    """`sig_badge_changed` counts the open messages overdue now."""

    record_kind = "message"
    model: MessageTableModel
    proxy: MessageFilterProxy

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 context: TabContext | None = None) -> None:
        """`context`: the window's shared lookups (a tab built alone makes its own)."""
        super().__init__(parent)
        self.ui = Ui_MessagesTab()
        self.ui.setupUi(self)
        context = context if context is not None else TabContext(services)
        self.hold_list(context, MessageTableModel(context.now, self), MessageFilterProxy(self),
                       self.ui.message_view, _SHOWN)
        self._source = MessageSource(self.context)
        self._shown: MessageRow | None = None
        self._steps: dict[MessageState, QPushButton] = {
            MessageState.DELIVERED: self.ui.deliver_button,
            MessageState.ACKNOWLEDGED: self.ui.acknowledge_button,
            MessageState.CALLBACK_DONE: self.ui.callback_button,
            MessageState.CLOSED: self.ui.close_button,
        }
        self._setup_view()
        self._build_actions()
        self._connect()
        self.ui.filter_combo.addItem("All open", SHOW_OPEN)
        self.ui.filter_combo.addItem("Overdue only", SHOW_OVERDUE)
        self.ui.filter_combo.addItem("Closed today", SHOW_CLOSED)
        # fonts by style sheet: a font set on a label inside the splitter does not survive the
        # tab's move into the main window's tab widget
        self.setStyleSheet(TAB_STYLE)
        self.ui.step_error_label.hide()
        self.ui.by_edit.setPlaceholderText("Your name, or who did it (e.g. the nurse)")
        self.ui.by_edit.setToolTip(
            "Who did this step: you, the signed-in user, unless you type another name. When you record "
            "someone else's act (a nurse acknowledged the message), type their name: the step keeps who "
            "did it and that you recorded it.")
        self.ui.splitter.setStretchFactor(0, 1)
        self.ui.splitter.setStretchFactor(1, 0)
        self.ui.splitter.setSizes([980, 330])
        self.load()

    # building -------------------------------------------------------------------------------------
    def _setup_view(self) -> None:
        # no column sorts at the start: the rows come in the listing order (emergencies first, then
        # by callback due); a heading's click sorts by it, its third click gives that order back
        setup_record_table(self.view, -1, Qt.SortOrder.AscendingOrder)
        header = self.view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setStretchLastSection(False)
        fit_columns(self.view, COLUMN_SAMPLES)
        # the reason takes the width left: the recipient and the state stay in view
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)

    def _build_actions(self) -> None:
        self.new_action = tab_action(self, "&New message…", ("Ctrl+M",),
                                     "Take a message (not from a logged call)", self.open_new_message)
        self.next_step_action = tab_action(self, "Next step", ("Ctrl+Return", "Ctrl+Enter"),
                                           "Do the selected message's next step", self.next_step)
        self.reopen_action = tab_action(self, "&Reopen…", ("Ctrl+Shift+R",),
                                        "Open the closed message again, with the reason", self.reopen)
        self.log_action = tab_action(self, "Lo&g attempt…", ("Ctrl+Shift+L",),
                                     "Log a callback attempt on the selected message", self.log_attempt)
        self.new_action.setIconText("New message… (Ctrl+M)")
        self.ui.new_message_button.setDefaultAction(self.new_action)

    def _connect(self) -> None:
        ui = self.ui
        ui.filter_combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.model.sig_overdue_changed.connect(self._on_model_attention_changed)
        self.model.dataChanged.connect(self._on_model_data_changed)
        for state, button in self._steps.items():
            button.clicked.connect(lambda _checked=False, s=state: self.advance(s))
        ui.reopen_button.clicked.connect(self.reopen)
        ui.log_attempt_button.clicked.connect(self.log_attempt)

    # what is shown ----------------------------------------------------------------------------------
    def load(self, select_id: int | None = None) -> None:
        """Read the open messages again, keeping the selected one (or selecting `select_id`)."""
        keep = select_id if select_id is not None else self._selected_id()
        started = timer.perf_counter()
        rows = self._source.open_rows() if self.context.services.practice.is_set_up() else []
        self.model.set_rows(rows, self.context.zone())
        self.last_load_ms = (timer.perf_counter() - started) * 1000
        self._list.reselect(keep)
        self._update_summary()

    def overdue_count(self) -> int:
        return self.model.overdue_count()

    def _rows_with(self, record_ids: Collection[int]) -> list[MessageRow] | None:
        """The messages read again, if each is still open (a closed one: the whole list, which
        knows which closed today)."""
        try:
            fresh = {i: self.context.comms.get_message(i) for i in record_ids}
        except KnownError:  # gone meanwhile: the whole list says so
            return None
        if not all(m.is_open for m in fresh.values()):
            return None
        return self._source.rows(fresh.get(row.record_id or 0, row.message) for row in self.model.rows())

    def title(self) -> str:
        """The tab's title: 'Messages (3 overdue)' while any is, else 'Messages'."""
        return messages_title(self.overdue_count())

    def publish_badge(self) -> None:
        self.sig_badge_changed.emit(self.overdue_count())

    def _update_summary(self) -> None:
        rows = sum(1 for r in self.model.rows() if r.message.is_open)
        overdue = self.overdue_count()
        parts = [f"{rows} open message{'s' if rows != 1 else ''}", f"{overdue} overdue",
                 "Ctrl+M takes a message · Ctrl+Enter does the next step · Ctrl+Shift+L logs an attempt"]
        self.ui.summary_label.setText(self._changes.summary(" · ".join(parts)))

    # selection and detail ---------------------------------------------------------------------------
    def selected_message(self) -> Message | None:
        return self._shown.message if self._shown else None

    def _selected_id(self) -> int | None:
        message = self.selected_message()
        return message.id if message else None

    def select_message(self, message_id: int) -> bool:
        return self._list.select(message_id)

    def show_record(self, message_id: int) -> bool:
        """Show a message (from search): selected in the list while open, else in the pane alone."""
        def show_open() -> None:
            self.ui.filter_combo.setCurrentIndex(self.ui.filter_combo.findData(SHOW_OPEN))
            self.load(select_id=message_id)

        return self._list.show_record(message_id, self.context.comms.get_message, show_open,
                                      lambda message: self._source.rows([message])[0])

    def _show_row(self, row: MessageRow | None) -> None:
        ui = self.ui
        self._shown = row
        ui.step_error_label.hide()
        if row is None:  # reads nothing: the pane is emptied this way while locked
            ui.detail_title.setText("No message selected" if self.proxy.rowCount() else "No messages here")
            ui.detail_label.setText("Ctrl+M takes a message; from a call in the Calls tab, Ctrl+M "
                                    "takes it with the call's details filled in.")
            ui.timeline_label.setText("")
            ui.by_edit.clear()
            for button in self._steps.values():
                button.setEnabled(False)
            self.next_step_action.setEnabled(False)
            ui.reopen_button.setVisible(False)
            self.reopen_action.setEnabled(False)
            ui.log_attempt_button.setEnabled(False)
            self.log_action.setEnabled(False)
            return
        message = row.message
        zone, now = self.context.zone(), self.model.now()
        ui.detail_title.setText(detail.title(row))
        ui.detail_label.setText(detail.body(row, now, zone))
        ui.timeline_label.setText(detail.timeline(message, zone, now.astimezone(zone).date()))
        order = list(MessageState)
        following = message.state.next
        for state, button in self._steps.items():
            button.setEnabled(order.index(state) > order.index(message.state))
            button.setDefault(state is following)
            set_flag(button, "nextStep", state is following)
        self.next_step_action.setEnabled(following is not None)
        closed = message.state is MessageState.CLOSED
        ui.reopen_button.setVisible(closed)
        self.reopen_action.setEnabled(closed)
        ui.log_attempt_button.setEnabled(message.id is not None)
        self.log_action.setEnabled(message.id is not None)
        ui.by_edit.setText(self._default_by(row, following))

    def _default_by(self, _row: MessageRow, _step: MessageState | None) -> str:
        """Every step is the signed-in user's unless they type another name: prefilling the recipient
        made the VMA's click read as the nurse acknowledging. A name typed is kept as who did the step,
        with the signed-in user as who recorded it."""
        return self.context.services.context.user

    def _on_model_data_changed(self, *_args: object) -> None:
        if self._shown is not None:  # the age and due lines move with the clock
            now, zone = self.model.now(), self.model.zone()  # no query on a tick
            self.ui.detail_label.setText(detail.body(self._shown, now, zone))

    # steps ------------------------------------------------------------------------------------------
    def next_step(self) -> Message | None:
        message = self.selected_message()
        if message is None or message.state.next is None:
            return None
        if message.state.next is MessageState.CLOSED and not confirm(
                self, "Close message?", f"Close the message from {message.caller_name}? It leaves the "
                "open list (Edit → Undo or Reopen brings it back).", "Close message", "Cancel"):
            return None
        return self.advance(message.state.next)

    def advance(self, to: MessageState) -> Message | None:
        message = self.selected_message()
        if message is None or message.id is None:
            return None
        by = " ".join(self.ui.by_edit.text().split()) or None
        try:
            updated, change = self.context.comms.advance(message.id, to, by=by)
        except ValidationError as error:  # already at or past that step (changed meanwhile)
            show_error(self.ui.step_error_label, f"This message {error.message}.")
            return None
        except KnownError as error:
            show_error(self.ui.step_error_label, error.message)
            return None
        notice = f"{detail.STEP_LABELS[to]}: the message from {updated.caller_name}"
        self._publish(change, notice, select_id=updated.id)
        comms = self.context.comms
        self.sig_undoable.emit(f"{detail.STEP_LABELS[to].lower()} (message from {updated.caller_name})",
                               lambda: comms.undo_step(message, updated))
        if updated.is_open:
            self.select_message(updated.id or 0)
        else:
            self.view.setFocus()
        return updated

    def reopen(self) -> Message | None:
        """Open the selected closed message again, after asking why."""
        message = self.selected_message()
        if message is None or message.id is None or message.state is not MessageState.CLOSED:
            return None
        reason = ask_reason(self, "Reopen message", f"Why is the message from {message.caller_name} "
                            "reopened?", "Reopen")
        if reason is None:
            return None
        try:
            updated, change = self.context.comms.reopen(message.id, reason)
        except KnownError as error:
            show_error(self.ui.step_error_label, error.message)
            return None
        except ValidationError as error:
            show_error(self.ui.step_error_label, f"This message {error.message}.")
            return None
        self._publish(change, f"Reopened: the message from {updated.caller_name}", select_id=updated.id)
        self.select_message(updated.id or 0)
        return updated

    def log_attempt(self) -> LogAttemptDialog | None:
        """Ctrl+Shift+L: the shared "Log attempt" dialog on the selected message's callback (a
        "reached" is refused once the message no longer awaits its callback)."""
        row = self._shown
        message_id = row.message.id if row is not None else None
        if row is None or message_id is None:
            return None
        message = row.message
        self.ui.step_error_label.hide()
        target = AttemptTarget(ChaseKind.MESSAGE, message_id, message.caller_name, message.patient_id,
                               message.awaiting_callback, row.chase.attempts)
        dialog = LogAttemptDialog(self.context, target, self)
        dialog.sig_logged.connect(lambda attempt, change: self._on_attempt_logged(message, attempt, change))
        show_dialog(dialog)
        return dialog

    def _on_attempt_logged(self, message: Message, attempt: Attempt, change: Change) -> None:
        notice = f"Logged {attempt.outcome.label}: the message from {message.caller_name}"
        if attempt.outcome is Outcome.REACHED and message.awaiting_callback:  # its own step, with who
            notice += " (when the callback is done, Ctrl+Enter takes that step)"
        self._publish(change, notice, select_id=message.id)
        self.view.setFocus()

    # changes, locking and opening: `ListTab` -------------------------------------------------------
    def _on_filter_combo_changed(self, _index: int) -> None:
        self.proxy.set_mode(self.ui.filter_combo.currentData())
        self._show_first_unless_current()

    def _open_form(self) -> None:
        self.open_new_message()

    # dialogs ----------------------------------------------------------------------------------------
    def open_form_for(self, form: str, patient: Patient) -> bool:
        if form != self.record_kind:
            return False
        self.open_new_message().ui.patient_picker.choose(patient)
        return True

    def current_patient(self) -> int | None:
        message = self.selected_message()
        return message.patient_id if message is not None else None

    def current_record(self) -> tuple[RecordKind, int] | None:
        message = self.selected_message()
        return (RecordKind.MESSAGE, message.id) if message is not None and message.id is not None else None

    def open_new_message(self) -> MessageDialog:
        dialog = MessageDialog(self.context, None, self)
        dialog.sig_saved.connect(self._on_message_dialog_saved)
        show_dialog(dialog)
        return dialog

    def _on_message_dialog_saved(self, message: Message, change: Change) -> None:
        self._publish(change, f"Message from {message.caller_name} taken", select_id=message.id)
