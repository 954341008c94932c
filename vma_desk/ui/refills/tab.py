"""The Refills tab: every open refill request with its due time and due state, the near- and
past-due ones standing out, the stage each is at, and the steps that move it on (route to the
prescriber, record the provider's decision, pharmacy and patient notified, pickup, close), each
time-stamped in the detail pane.

Keys (while the tab has focus): Ctrl+N a new request, Ctrl+Enter the selected request's next
step, Ctrl+Shift+L an attempt to tell the patient the decision (the shared "Log attempt" dialog);
each step's button has its Alt+letter. The tab reads the open requests once per change; the
model's own timer moves the due states (and so the count in the tab's title,
`sig_badge_changed`) every 30 s.
"""

from __future__ import annotations

import time as timer
from collections.abc import Callable, Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QPushButton, QStyle, QWidget

from vma_desk.core import history
from vma_desk.core import refill_text as text
from vma_desk.core.calendar import Appointment
from vma_desk.core.chase import Attempt, ChaseKind, Outcome
from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import AuditAction, Change, Patient, RecordKind
from vma_desk.core.refills import Decision, RefillRequest, RefillStep
from vma_desk.core.rules.refills import DueState, next_steps
from vma_desk.services import Services
from vma_desk.ui.calendar.booking import BookingDialog
from vma_desk.ui.calendar.context import CalendarContext
from vma_desk.ui.forms.ui_refills_tab import Ui_RefillsTab
from vma_desk.ui.record_list import ListTab, set_flag, show_error
from vma_desk.ui.refills import detail
from vma_desk.ui.refills.dialog import RefillDialog
from vma_desk.ui.refills.model import (
    COL_DUE,
    COL_DUE_STATE,
    COL_PHARMACY,
    FILTERS,
    SHOW_CLOSED,
    SHOW_NEEDS_VISIT,
    SHOW_OPEN,
    RefillFilterProxy,
    RefillTableModel,
    RefillTableRow,
)
from vma_desk.ui.refills.source import RefillRowSource
from vma_desk.ui.refills.steps import (
    DecisionDialog,
    RecheckDialog,
    RefillStepDialog,
    RouteDialog,
    WithdrawDialog,
)
from vma_desk.ui.shared.attempt import AttemptTarget, LogAttemptDialog
from vma_desk.ui.shared.badges import refills_title
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import show_dialog
from vma_desk.ui.shared.table import fit_columns, setup_record_table, tab_action
from vma_desk.ui.shared.widgets import ask_reason, confirm, flow_row

#: the widest text each column usually holds (its width at the start)
COLUMN_SAMPLES = ("Tomorrow 5:00 PM", "Near due · urgent", "Waiting for provider", "Willis, Christopher",
                  "Levothyroxine 50 mcg", "180", "", "E-request", "Dana Lee, MD", "Tue 03/03 12:00 PM")
TAB_STYLE = """
QLabel#detail_title, QLabel#fields_title, QLabel#check_title, QLabel#decision_title,
QLabel#steps_title { font-weight: bold; }
QLabel#due_label[pastDue="true"] { color: #8e0016; font-weight: bold; }
QLabel#due_label[nearDue="true"] { color: #6b4300; font-weight: bold; }
QLabel#check_label[needsAppointment="true"] { color: #5b2a86; }
QPushButton[nextStep="true"] { font-weight: bold; }
QLabel#step_error_label { color: #b00020; }
"""
_SHOWN = frozenset({RecordKind.REFILL, RecordKind.PATIENT, RecordKind.STAFF, RecordKind.PRACTICE,
                     RecordKind.SETTING, RecordKind.CONTACT_ATTEMPT})
#: the steps done with one click (no dialog), as their buttons and notices say them
STEP_LABELS = {RefillStep.ROUTED: "Routed to the prescriber",
               RefillStep.PHARMACY_NOTIFIED: "Pharmacy notified",
               RefillStep.PATIENT_NOTIFIED: "Patient notified", RefillStep.PICKED_UP: "Pickup confirmed",
               RefillStep.CLOSED: "Closed"}
#: closing is a withdrawal (with a reason) while no decision has been recorded
_BEFORE_DECISION = (RefillStep.RECEIVED, RefillStep.CHECKED, RefillStep.ROUTED)


class RefillsTab(ListTab):
    """`sig_badge_changed` counts the open requests near or past due now; `sig_record_requested`
    shows a booked visit in the calendar."""

    record_kind = "refill"
    model: RefillTableModel
    proxy: RefillFilterProxy

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 context: TabContext | None = None) -> None:
        """`context`: the window's shared lookups (a tab built alone makes its own)."""
        super().__init__(parent)
        self.ui = Ui_RefillsTab()
        self.ui.setupUi(self)
        flow_row(self.ui.steps_row)  # the step buttons go on to a second line rather than cut words
        context = context if context is not None else TabContext(services)
        # a closed request shown alone leaves no current row behind
        self.hold_list(context, RefillTableModel(context.now, self), RefillFilterProxy(self),
                       self.ui.request_view, _SHOWN, forget_current=True)
        self._source = RefillRowSource(self.context)
        self._shown: RefillTableRow | None = None
        self._calendar_context: CalendarContext | None = None  # made when a visit is first booked
        ui = self.ui
        self._steps: dict[RefillStep, QPushButton] = {
            RefillStep.ROUTED: ui.route_button, RefillStep.DECIDED: ui.decision_button,
            RefillStep.PHARMACY_NOTIFIED: ui.pharmacy_button, RefillStep.PATIENT_NOTIFIED: ui.patient_button,
            RefillStep.PICKED_UP: ui.pickup_button, RefillStep.CLOSED: ui.close_button,
        }
        self._setup_view()
        self._build_actions()
        self._connect()
        for label, mode in FILTERS:
            ui.filter_combo.addItem(label, mode)
        # fonts by style sheet: a font set on a label inside the splitter does not survive the
        # tab's move into the main window's tab widget
        self.setStyleSheet(TAB_STYLE)
        ui.step_error_label.hide()
        # the table above, the selected request below it across the whole width: ten columns
        # and a side pane do not fit side by side on a 1366-pixel laptop screen
        ui.splitter.setStretchFactor(0, 1)
        ui.splitter.setStretchFactor(1, 0)
        ui.splitter.setSizes([420, 230])  # the list first; the pane holds a request in ~12 lines
        self.load()

    # building -------------------------------------------------------------------------------------
    def _setup_view(self) -> None:
        setup_record_table(self.view, COL_DUE, Qt.SortOrder.AscendingOrder)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        fit_columns(self.view, COLUMN_SAMPLES)
        icon = self.view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        header.resizeSection(COL_DUE_STATE, header.sectionSize(COL_DUE_STATE) + icon + 6)  # its icon
        header.setSectionResizeMode(COL_PHARMACY, QHeaderView.ResizeMode.Stretch)

    def _build_actions(self) -> None:
        self.new_action = tab_action(self, "&New refill request…", ("Ctrl+N",),
                                     "Enter a refill request (a fax, an e-request, a portal message...)",
                                     self.open_new_request)
        self.next_step_action = tab_action(self, "Next step", ("Ctrl+Return", "Ctrl+Enter"),
                                           "Do the selected request's next step", self.next_step)
        self.reopen_action = tab_action(self, "Reo&pen…", ("Ctrl+Shift+R",),
                                        "Open the closed request again, with the reason", self.reopen)
        self.log_action = tab_action(self, "Lo&g attempt…", ("Ctrl+Shift+L",),
                                     "Log an attempt to tell the patient the decision", self.log_attempt)
        self.new_action.setIconText("New refill request… (Ctrl+N)")
        self.ui.new_request_button.setDefaultAction(self.new_action)
        tips = {RefillStep.ROUTED: "Send the request to the prescriber for a decision",
                RefillStep.DECIDED: "Record what the provider decided, who decided and when",
                RefillStep.PHARMACY_NOTIFIED: "The pharmacy has been told the decision (stops the clock)",
                RefillStep.PATIENT_NOTIFIED: "The patient has been told the decision",
                RefillStep.PICKED_UP: "The patient has picked up the medication",
                RefillStep.CLOSED: "Nothing is left to do: close the request"}
        for step, button in self._steps.items():
            button.setToolTip(tips[step])
        self.ui.withdraw_button.setToolTip("Close the request before a decision (a duplicate...): "
                                           "needs a reason")
        self.ui.recheck_button.setToolTip("Enter lab dates or refills left found later and check again")
        self.ui.visit_button.setToolTip("The provider decided the patient needs a visit: book it, linked to "
                                        "this request")

    def _connect(self) -> None:
        ui = self.ui
        ui.filter_combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.model.sig_attention_changed.connect(self._on_model_attention_changed)
        self.model.dataChanged.connect(self._on_model_data_changed)
        ui.route_button.clicked.connect(lambda: self.advance(RefillStep.ROUTED))
        ui.route_other_button.clicked.connect(self.open_route)
        ui.decision_button.clicked.connect(self.open_decision)
        ui.pharmacy_button.clicked.connect(lambda: self.advance(RefillStep.PHARMACY_NOTIFIED))
        ui.patient_button.clicked.connect(lambda: self.advance(RefillStep.PATIENT_NOTIFIED))
        ui.pickup_button.clicked.connect(lambda: self.advance(RefillStep.PICKED_UP))
        ui.close_button.clicked.connect(lambda: self.advance(RefillStep.CLOSED))
        ui.withdraw_button.clicked.connect(self.open_withdraw)
        ui.recheck_button.clicked.connect(self.open_recheck)
        ui.reopen_button.clicked.connect(self.reopen)
        ui.log_attempt_button.clicked.connect(self.log_attempt)
        ui.visit_button.clicked.connect(self._on_visit_button_clicked)

    # what is shown ----------------------------------------------------------------------------------
    def load(self, select_id: int | None = None) -> None:
        """Read the open requests again, keeping the selected one (or selecting `select_id`)."""
        keep = select_id if select_id is not None else self._selected_id()
        started = timer.perf_counter()
        set_up = self.context.services.practice.is_set_up()
        rows = self._source.open_rows(closed_today=self.proxy.mode() == SHOW_CLOSED,
                                      awaiting_visit=self.proxy.mode() == SHOW_NEEDS_VISIT) if set_up else []
        self.model.set_rows(rows, self.context.zone())
        self.last_load_ms = (timer.perf_counter() - started) * 1000
        self._list.reselect(keep)
        self._update_summary()

    def refresh(self) -> None:
        """What the timer does: due states and the badge follow the clock (no query)."""
        self.model.tick()

    def attention_count(self) -> int:
        return self.model.attention_count()

    def _rows_with(self, record_ids: Collection[int]) -> list[RefillTableRow] | None:
        """The requests read again, if each is still open and the list shows only the open ones
        (the filters that add closed requests read the whole list), in the worklist's order."""
        if self.proxy.mode() in (SHOW_CLOSED, SHOW_NEEDS_VISIT):
            return None
        refills = self.context.services.refills
        try:
            fresh = {i: refills.get(i) for i in record_ids}
        except KnownError:  # gone meanwhile: the whole list says so
            return None
        if not all(r.is_open for r in fresh.values()):
            return None
        requests = [fresh.get(row.record_id or 0, row.request) for row in self.model.rows()]
        return self._source.rows(row.request for row in refills.in_order(requests))

    def title(self) -> str:
        """The tab's title: 'Refills (1 past due, 2 near due)' while any is, else 'Refills'."""
        return refills_title(self.model.count(DueState.PAST_DUE), self.model.count(DueState.NEAR_DUE))

    def publish_badge(self) -> None:
        self.sig_badge_changed.emit(self.attention_count())

    def _update_summary(self) -> None:
        rows = [r.request for r in self.model.rows() if r.request.is_open]
        stages = [r.stage for r in rows]
        needs = stages.count("Needs appointment")
        unbooked = sum(r.awaiting_visit for r in rows)
        parts = [f"{len(rows)} open request{'s' if len(rows) != 1 else ''}",
                 f"{self.model.count(DueState.PAST_DUE)} past due",
                 f"{self.model.count(DueState.NEAR_DUE)} near due",
                 f"{needs} need{'s' if needs == 1 else ''} an appointment",
                 f"{stages.count('Waiting for provider')} waiting for the provider",
                 f"{unbooked} need{'s' if unbooked == 1 else ''} a visit booked",
                 "Ctrl+N new request · Ctrl+Enter next step · Ctrl+Shift+L logs an attempt"]
        self.ui.summary_label.setText(self._changes.summary(" · ".join(parts)))

    # selection and detail ---------------------------------------------------------------------------
    def selected_request(self) -> RefillRequest | None:
        return self._shown.request if self._shown else None

    def _selected_id(self) -> int | None:
        request = self.selected_request()
        return request.id if request else None

    def select_request(self, refill_id: int) -> bool:
        return self._list.select(refill_id)

    def show_record(self, refill_id: int) -> bool:
        """Show a request (from search or a call's link): selected in the list while it is there,
        else in the pane alone."""
        def show_open() -> None:
            self.ui.filter_combo.setCurrentIndex(self.ui.filter_combo.findData(SHOW_OPEN))
            self.load(select_id=refill_id)

        return self._list.show_record(refill_id, self.context.services.refills.get, show_open,
                                      lambda request: self._source.rows([request])[0])

    def _show_row(self, row: RefillTableRow | None) -> None:
        ui = self.ui
        self._shown = row
        ui.step_error_label.hide()
        for title in (ui.fields_title, ui.check_title, ui.decision_title, ui.steps_title):
            title.setVisible(row is not None)
        if row is None:
            ui.detail_title.setText("No request selected" if self.proxy.rowCount()
                                    else "No refill requests here")
            ui.detail_label.setText("Ctrl+N enters a refill request: a pharmacy fax or e-request, a portal "
                                    "message, a nurse's relay or a patient's call.")
            for label in (ui.due_label, ui.check_label, ui.decision_label, ui.notice_label,
                          ui.timeline_label):
                label.setText("")
            ui.notice_label.hide()
            self._enable_steps(None)
            return
        request = row.request
        zone, today = self.model.zone(), self.model.today()
        ui.detail_title.setText(detail.title(row))
        self._show_due()
        ui.detail_label.setText(detail.body(row, zone, today))
        ui.check_label.setText(detail.check(request))
        set_flag(ui.check_label, "needsAppointment", request.needs_appointment)
        ui.decision_label.setText(detail.decision(request, self.context.staff_name(request.decided_by_id),
                                                  zone, today, self.context.staff_name))
        notice = detail.notice(row, zone, today)
        ui.notice_label.setText(notice)
        ui.notice_label.setVisible(bool(notice))
        ui.timeline_label.setText(detail.timeline(request, zone, today))
        self._enable_steps(request)

    def _show_due(self) -> None:
        row = self._shown
        if row is None:
            return
        request = row.request
        source_row = self.model.row_of(request.id or 0)
        state = self.model.due_state(source_row) if source_row >= 0 and request.is_open else None
        label = self.ui.due_label
        label.setText(detail.due(row, state, self.model.now(), self.model.zone()))
        set_flag(label, "pastDue", state is DueState.PAST_DUE)
        set_flag(label, "nearDue", state is DueState.NEAR_DUE)

    def _enable_steps(self, request: RefillRequest | None) -> None:
        """Offer only the steps the request may take from where it stands."""
        allowed = next_steps(request) if request is not None else ()
        early = request is not None and request.step in _BEFORE_DECISION
        following = self._next_step(request)
        for step, button in self._steps.items():
            legal = step in allowed and not (step is RefillStep.CLOSED and early)
            button.setEnabled(legal)
            button.setDefault(step is following)
            set_flag(button, "nextStep", step is following)
            button.updateGeometry()  # bold needs more room than the size the row gave it
        self.ui.withdraw_button.setEnabled(RefillStep.CLOSED in allowed and early)
        self.ui.route_other_button.setEnabled(RefillStep.ROUTED in allowed)
        self.ui.recheck_button.setEnabled(bool(request and request.is_open and request.decision is None))
        self._enable_visit(request)
        self.next_step_action.setEnabled(following is not None or self._visit_next(request))
        closed = request is not None and not request.is_open
        self.ui.reopen_button.setVisible(closed)
        self.reopen_action.setEnabled(closed)
        decided = request is not None and request.decision is not None
        self.ui.log_attempt_button.setEnabled(decided)
        self.log_action.setEnabled(request is not None)  # without a decision it says why not

    def _enable_visit(self, request: RefillRequest | None) -> None:
        """"Book visit…" while a "needs visit" decision has no visit standing (the next thing to do
        right after the decision), "Open booked visit" once one is booked; hidden otherwise."""
        button = self.ui.visit_button
        needs = request is not None and request.decision is Decision.NEEDS_VISIT
        button.setVisible(needs)
        button.setEnabled(needs)
        booked = bool(request and request.visit_booked)
        button.setText("Open &booked visit" if booked else "&Book visit…")
        button.setToolTip("Show the visit booked for this request in the calendar" if booked else
                          "The provider decided the patient needs a visit: book it, linked to this request")
        visit_next = self._visit_next(request)
        if visit_next:
            for step_button in self._steps.values():
                step_button.setDefault(False)
                set_flag(step_button, "nextStep", False)
        button.setDefault(visit_next)
        set_flag(button, "nextStep", visit_next)
        button.updateGeometry()

    @staticmethod
    def _visit_next(request: RefillRequest | None) -> bool:
        """Booking the visit comes first once the provider decided "needs visit"."""
        return bool(request and request.awaiting_visit and request.is_open
                    and request.step is RefillStep.DECIDED)

    @staticmethod
    def _next_step(request: RefillRequest | None) -> RefillStep | None:
        """The step Ctrl+Enter does: the first legal one (a withdrawal is never "next")."""
        allowed = next_steps(request) if request is not None else ()
        return allowed[0] if allowed else None

    def _on_model_data_changed(self, *_args: object) -> None:
        self._show_due()  # the due line moves with the clock; no query on a tick

    # steps ------------------------------------------------------------------------------------------
    def next_step(self) -> None:
        request = self.selected_request()
        if self._visit_next(request):
            self.open_book_visit()
            return
        step = self._next_step(request)
        if step is RefillStep.DECIDED:
            self.open_decision()
        elif step is not None:
            self.advance(step, ask=True)

    def advance(self, step: RefillStep, *, ask: bool = False) -> RefillRequest | None:
        """A one-click step: route, pharmacy or patient notified, pickup confirmed, close. `ask`:
        closing by Ctrl+Enter asks first (a click on Close is asked only when something is missing)."""
        request = self.selected_request()
        if request is None or request.id is None:
            return None
        missing = request.awaiting_visit or (request.decision is Decision.APPROVED
                                             and request.reached(RefillStep.PICKED_UP) is None)
        if (ask and step is RefillStep.CLOSED and not missing
                and not confirm(self, "Close request", f"Close the request for {self._name(request)}? It "
                                "leaves the open list (Edit → Undo or Reopen brings it back).",
                                "Close it", "Keep it open")):
            return None
        if (step is RefillStep.CLOSED and request.decision is Decision.APPROVED
                and request.reached(RefillStep.PICKED_UP) is None
                and not confirm(self, "Close without pickup",
                                f"Close the request for {self._name(request)} without a confirmed "
                                "pickup?",
                                "Close it", "Keep it open")):
            return None
        if (step is RefillStep.CLOSED and request.awaiting_visit
                and not confirm(self, "Close without a booked visit",
                                f"The provider decided {self.context.patient_name(request.patient_id)} "
                                "needs a visit and none is booked. Close the request anyway? It leaves "
                                "the \"Needs visit — not booked\" list.",
                                "Close it", "Keep it open")):
            return None
        refills = self.context.services.refills
        try:
            updated, change = (refills.route(request.id) if step is RefillStep.ROUTED
                               else refills.advance(request.id, step))
        except (ValidationError, KnownError) as error:  # changed meanwhile, elsewhere
            show_error(self.ui.step_error_label, f"This request cannot: {error.message}.")
            return None
        self._stepped(updated, change, STEP_LABELS[step], before=request)
        return updated

    def _stepped(self, updated: RefillRequest, change: Change, what: str,
                 before: RefillRequest | None = None) -> None:
        self._publish(change, f"{what}: {self._name(updated)}", select_id=updated.id)
        if before is not None:
            refills = self.context.services.refills
            self.sig_undoable.emit(f"{history.lower_first(what)} (refill for {self._name(updated)})",
                                   lambda: refills.undo_step(before, updated))
        if updated.is_open:
            self.select_request(updated.id or 0)
        else:  # the closed request's history stays in view until another row is chosen
            self._list.show_alone(self._source.rows([updated])[0])
        self.view.setFocus()

    def reopen(self) -> RefillRequest | None:
        """Open the selected closed request again, after asking why."""
        request = self.selected_request()
        if request is None or request.id is None or request.is_open:
            return None
        reason = ask_reason(self, "Reopen refill request",
                            f"Why is the request for {self._name(request)} reopened?", "Reopen")
        if reason is None:
            return None
        try:
            updated, change = self.context.services.refills.reopen(request.id, reason)
        except (ValidationError, KnownError) as error:
            show_error(self.ui.step_error_label, f"This request cannot: {error.message}.")
            return None
        self._stepped(updated, change, "Reopened")
        return updated

    def log_attempt(self) -> LogAttemptDialog | None:
        """Ctrl+Shift+L: the shared "Log attempt" dialog on telling the selected request's patient
        the provider's decision (a "reached" is refused once the patient is marked notified or the
        request is closed). Before a decision there is nothing to tell: said beside the steps."""
        row = self._shown
        refill_id = row.request.id if row is not None else None
        if row is None or refill_id is None:
            return None
        request = row.request
        if request.decision is None:
            show_error(self.ui.step_error_label, "No decision yet: the patient is told once the provider's "
                       "decision is recorded.")
            return None
        self.ui.step_error_label.hide()
        target = AttemptTarget(ChaseKind.REFILL_NOTICE, refill_id, self._name(request), request.patient_id,
                               detail.notice_open(request), row.notice.attempts)
        dialog = LogAttemptDialog(self.context, target, self)
        dialog.sig_logged.connect(lambda attempt, change: self._on_attempt_logged(request, attempt, change))
        show_dialog(dialog)
        return dialog

    def _on_attempt_logged(self, request: RefillRequest, attempt: Attempt, change: Change) -> None:
        notice = f"Logged {attempt.outcome.label}: {self._name(request)}"
        if attempt.outcome is Outcome.REACHED and detail.notice_open(request):  # its own step, with who
            notice += " (record \"Patient notified\" in its steps once told)"
        self._publish(change, notice, select_id=request.id)
        if self._selected_id() != request.id:  # a closed request (shown alone) stays in the pane
            self._list.show_alone(self._source.rows([self.context.services.refills.get(request.id or 0)])[0])
        self.view.setFocus()

    def _name(self, request: RefillRequest) -> str:
        return text.request_for(request, self.context.patient_name(request.patient_id))

    # changes ----------------------------------------------------------------------------------------
    def clear(self) -> None:
        """Locked: what `ListTab.clear` forgets, and the patients the booking dialog read."""
        self._calendar_context = None
        super().clear()

    def _on_filter_combo_changed(self, _index: int) -> None:
        mode = self.ui.filter_combo.currentData()
        # the closed requests (closed today, or still needing a visit) are read on demand
        reload = bool({SHOW_CLOSED, SHOW_NEEDS_VISIT} & {mode, self.proxy.mode()})
        self.proxy.set_mode(mode)
        if reload:
            self.load()
        self._show_first_unless_current()

    def _open_form(self) -> None:
        self.open_new_request()

    # dialogs ----------------------------------------------------------------------------------------
    def open_form_for(self, form: str, patient: Patient) -> bool:
        if form != self.record_kind:
            return False
        self.open_new_request().ui.patient_picker.choose(patient)
        return True

    def current_patient(self) -> int | None:
        request = self.selected_request()
        return request.patient_id if request is not None else None

    def current_record(self) -> tuple[RecordKind, int] | None:
        request = self.selected_request()
        return (RecordKind.REFILL, request.id) if request is not None and request.id is not None else None

    def open_new_request(self, draft: RefillRequest | None = None) -> RefillDialog:
        dialog = RefillDialog(self.context, draft, self)
        dialog.sig_saved.connect(self._on_refill_dialog_saved)
        show_dialog(dialog)
        return dialog

    def _on_refill_dialog_saved(self, request: RefillRequest, change: Change) -> None:
        verdict = "needs an appointment" if request.needs_appointment else "chart check passed"
        self._publish(change, f"Entered {self._name(request)}: {verdict}", select_id=request.id)

    def _open_step(self, kind: Callable[[TabContext, RefillRequest, QWidget], RefillStepDialog]
                   ) -> RefillStepDialog | None:
        request = self.selected_request()
        if request is None or request.id is None:
            return None
        dialog = kind(self.context, request, self)
        dialog.sig_saved.connect(lambda updated, change, before=request:
                                 self._on_step_dialog_saved(updated, change, before))
        show_dialog(dialog)
        return dialog

    def open_decision(self) -> RefillStepDialog | None:
        return self._open_step(DecisionDialog)

    def open_route(self) -> RefillStepDialog | None:
        """Route to a covering provider instead of the prescriber."""
        return self._open_step(RouteDialog)

    def open_recheck(self) -> RefillStepDialog | None:
        return self._open_step(RecheckDialog)

    def open_withdraw(self) -> RefillStepDialog | None:
        return self._open_step(WithdrawDialog)

    def _on_visit_button_clicked(self) -> None:
        request = self.selected_request()
        if request is not None and request.visit_booked and request.visit is not None:
            self.sig_record_requested.emit("appointment", request.visit.id)
        else:
            self.open_book_visit()

    def open_book_visit(self) -> BookingDialog | None:
        """The booking dialog for the visit a "needs visit" decision asks for: the patient, the
        provider who decided, a follow-up and "Refill: <medication> needs visit" filled in; booking
        saves the visit and links it to the request in one transaction."""
        request = self.selected_request()
        if request is None or request.id is None or not request.awaiting_visit:
            return None
        refill_id = request.id
        try:
            draft = self.context.services.refills.visit_draft(refill_id)
        except (ValidationError, KnownError) as error:  # changed meanwhile, elsewhere
            show_error(self.ui.step_error_label, f"This request cannot: {error.message}.")
            return None
        if self._calendar_context is None:
            self._calendar_context = CalendarContext(self.context.services, self.context)
        linked: list[RefillRequest] = []

        def book(appointment: Appointment, *, authorised_by: str | None = None,
                 override_reason: str = "") -> tuple[Appointment, Change]:  # as calendar.book
            updated, booked, change = self.context.services.refills.book_visit(
                refill_id, appointment, authorised_by=authorised_by, override_reason=override_reason)
            linked.append(updated)
            return booked, change

        dialog = BookingDialog(self._calendar_context, provider_id=draft.provider_id,
                               patient=self._calendar_context.patients.get(draft.patient_id),
                               type_code=draft.type_code or None, reason=draft.reason, book=book, parent=self)
        dialog.sig_booked.connect(lambda booked, change: self._on_visit_booked(linked[-1], booked, change))
        show_dialog(dialog)
        return dialog

    def _on_visit_booked(self, updated: RefillRequest, booked: Appointment, change: Change) -> None:
        # for the Calendar and Today tabs
        self._changes.send(Change(RecordKind.APPOINTMENT, AuditAction.CREATE, (booked.id or 0,)))
        self._stepped(updated, change, "Visit booked")

    def _on_step_dialog_saved(self, updated: RefillRequest, change: Change,
                              before: RefillRequest | None = None) -> None:
        last = updated.events[-1] if updated.events else None
        what = {RefillStep.DECIDED: "Decision recorded", RefillStep.CHECKED: "Chart re-checked",
                RefillStep.CLOSED: "Withdrawn", RefillStep.ROUTED: "Routed"}.get(
            last.step if last else RefillStep.CHECKED, "Updated")
        self._stepped(updated, change, what, before=before)
