"""The side panel beside the schedule: the two morning worklists and the waitlist.

- Confirmations due: visits 24-72 h ahead still unconfirmed (or with a message left), with the
  patient's phone and the type's prep reminder to read out.
- Eligibility checks due: visits 24-48 h ahead whose insurance is not verified, with the plan.
- Waitlist: who wants an earlier slot and their preferences, longest waiting first.
Each list asks its service query once per refresh; Enter or a double click opens the visit.

The two worklists show each visit's call attempts ("1 attempt · last: no answer 09:30", read for a
list in one query); Ctrl+Shift+L, the "Log attempt…" button or a row's context menu asks the tab
to log one on the selected visit (`sig_log_attempt_requested` with its `AttemptTarget`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QListView, QWidget

from vma_desk.core import calendar_text as text
from vma_desk.core import wording
from vma_desk.core.calendar import Appointment, VisitStatus, WaitlistEntry
from vma_desk.core.chase import ChaseKind, ChaseState
from vma_desk.core.rules.scheduling import booked_late
from vma_desk.ui.calendar.context import CalendarContext
from vma_desk.ui.calendar.lists import RECORD_ROLE, RecordListModel, WrappedLinesDelegate
from vma_desk.ui.forms.ui_calendar_side_panel import Ui_SidePanel
from vma_desk.ui.shared.attempt import AttemptTarget
from vma_desk.ui.shared.table import tab_action

CONFIRMATIONS, ELIGIBILITY, WAITLIST = range(3)
PAGE_TITLES = ("Confirmations due", "Eligibility checks due", "Waitlist")
#: the kind of chase each worklist page logs
PAGE_KINDS = {CONFIRMATIONS: ChaseKind.CONFIRMATION, ELIGIBILITY: ChaseKind.ELIGIBILITY}


class SidePanel(QWidget):
    #: a worklist's visit to open (an `Appointment`)
    sig_appointment_opened = Signal(object)
    sig_waitlist_add_requested = Signal()
    #: a waitlist entry to find a slot for, or to remove (a `WaitlistEntry`)
    sig_waitlist_book_requested = Signal(object)
    sig_waitlist_remove_requested = Signal(object)
    #: log a call attempt on a worklist's visit (an `AttemptTarget`)
    sig_log_attempt_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SidePanel()
        self.ui.setupUi(self)
        self._context: CalendarContext | None = None
        self.confirmations = RecordListModel(self)
        self.eligibility = RecordListModel(self)
        self.waitlist = RecordListModel(self)
        #: each worklist's visits' attempts, by appointment id (read with the lists)
        self._states: dict[ChaseKind, dict[int, ChaseState]] = {}
        ui = self.ui
        for view, model in ((ui.confirmations_list, self.confirmations),
                            (ui.eligibility_list, self.eligibility), (ui.waitlist_list, self.waitlist)):
            view.setModel(model)
            view.setItemDelegate(WrappedLinesDelegate(view))
            # rows are measured at the list's width: keep a scroll bar appearing from changing
            # it, and measure them again when the panel is resized
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setResizeMode(QListView.ResizeMode.Adjust)
        ui.confirmations_list.activated.connect(self._on_worklist_activated)
        ui.eligibility_list.activated.connect(self._on_worklist_activated)
        ui.waitlist_list.activated.connect(self._on_waitlist_list_activated)
        ui.add_waitlist_button.clicked.connect(self.sig_waitlist_add_requested)
        ui.book_waitlist_button.clicked.connect(self._on_book_waitlist_button_clicked)
        ui.remove_waitlist_button.clicked.connect(self._on_remove_waitlist_button_clicked)
        self.waitlist.modelReset.connect(self._update_waitlist_buttons)
        self._update_waitlist_buttons()
        self._build_actions()

    def _build_actions(self) -> None:
        """Ctrl+Shift+L (while the panel has focus), the button under the lists and each worklist's
        context menu log an attempt; the context menu also opens the visit."""
        ui = self.ui
        self.log_action = tab_action(self, "Lo&g attempt…", ("Ctrl+Shift+L",),
                                     "Log a call attempt on the selected visit", self.log_attempt)
        self.log_action.setIconText("Log attempt… (Ctrl+Shift+L)")
        ui.log_attempt_button.setDefaultAction(self.log_action)
        self.open_action = tab_action(self, "&Open visit", (), "Open the selected visit (Enter)",
                                      self.open_current)
        for view in (ui.confirmations_list, ui.eligibility_list):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addAction(self.log_action)
            view.addAction(self.open_action)
            view.selectionModel().currentChanged.connect(lambda *_: self._update_log_action())
            view.model().modelReset.connect(self._update_log_action)
        self._update_log_action()

    def set_context(self, context: CalendarContext) -> None:
        self._context = context

    def show_page(self, page: int) -> None:
        self.ui.panel_stack.setCurrentIndex(page)
        self.ui.panel_title_label.setText(PAGE_TITLES[page])
        self._update_log_action()

    def page(self) -> int:
        return self.ui.panel_stack.currentIndex()

    def current_list(self) -> QListView:
        return (self.ui.confirmations_list, self.ui.eligibility_list, self.ui.waitlist_list)[self.page()]

    # filling ----------------------------------------------------------------------------------------
    def refresh(self) -> tuple[int, int, int]:
        """Read the three lists again; returns how many rows each has now."""
        context = self._context
        if context is None:
            return 0, 0, 0
        calendar = context.calendar
        due, unverified = calendar.worklists()  # one read of the visits ahead for both
        # their patients (names, phones, plans) in a few queries, not a few per visit
        context.patients.get_many(a.patient_id for a in due + unverified)
        chase = context.services.chase
        lists = ((ChaseKind.CONFIRMATION, due), (ChaseKind.ELIGIBILITY, unverified))
        self._states = {kind: chase.states(kind, [a.id for a in visits if a.id is not None])
                        for kind, visits in lists}
        kept = self._current_ids()
        self.confirmations.set_records(due, [self._confirmation_line(a) for a in due],
                                       marked=[a.confirmation is VisitStatus.LEFT_MESSAGE for a in due])
        self.eligibility.set_records(unverified, [self._eligibility_line(a) for a in unverified])
        self._reselect(kept)
        waiting = calendar.waitlist()
        names = context.patients.names(e.patient_id for e in waiting)
        zone = context.zone()
        self.waitlist.set_records(waiting, [
            text.waitlist_line(e, names[e.patient_id], context.types, context.providers, zone)
            for e in waiting])
        return len(due), len(unverified), len(waiting)

    def clear(self) -> None:
        """Empty the three lists (the workspace locked), asking nothing of the services."""
        for model in (self.confirmations, self.eligibility, self.waitlist):
            model.clear()
        self._states = {}

    def _views(self) -> tuple[tuple[QListView, ChaseKind], ...]:
        return ((self.ui.confirmations_list, ChaseKind.CONFIRMATION),
                (self.ui.eligibility_list, ChaseKind.ELIGIBILITY))

    def _current_ids(self) -> dict[ChaseKind, int]:
        """The visit selected in each worklist, by its id (kept through a refresh)."""
        kept = {}
        for view, kind in self._views():
            record = view.currentIndex().data(RECORD_ROLE)
            if isinstance(record, Appointment) and record.id is not None:
                kept[kind] = record.id
        return kept

    def _reselect(self, kept: dict[ChaseKind, int]) -> None:
        for view, kind in self._views():
            model = view.model()
            rows = [r for r in range(model.rowCount())
                    if getattr(model.index(r, 0).data(RECORD_ROLE), "id", None) == kept.get(kind)]
            if rows:
                view.setCurrentIndex(model.index(rows[0], 0))

    def _attempts(self, kind: ChaseKind, a: Appointment) -> str:
        """'\nCalls: 1 attempt · last: no answer 09:30 · next Today 11:30 AM' ("" before the first)."""
        assert self._context is not None
        state = self._states.get(kind, {}).get(a.id or 0)
        if state is None or not state.count:
            return ""
        zone = self._context.zone()
        line = f"\nCalls: {state.text(zone)}"
        if state.next_at is not None:
            today = self._context.now().astimezone(zone).date()
            line += f" · next {wording.near_day_clock(state.next_at, zone, today)}"
        return line

    def _who(self, a: Appointment) -> str:
        assert self._context is not None
        context = self._context
        return f"{text.when(a.start, context.zone())} · {context.patients.name(a.patient_id)}"

    def _visit(self, a: Appointment) -> str:
        assert self._context is not None
        late = " · booked late: due now" if booked_late(a) else ""
        return (f"{text.type_name(self._context.types, a.type_code)} with "
                f"{text.provider_name(self._context.providers, a.provider_id)}{late}")

    def _confirmation_line(self, a: Appointment) -> str:
        assert self._context is not None
        phone = text.phone_suffix(self._context.patients.get(a.patient_id))
        state = text.STATUS_LABELS[a.confirmation]
        if a.confirmation_method is not None:
            state += f" ({text.METHOD_LABELS[a.confirmation_method].lower()})"
        kind = self._context.types.get(a.type_code)
        prep = f"\nPrep: {kind.prep}" if kind and kind.prep else ""
        calls = self._attempts(ChaseKind.CONFIRMATION, a)
        return f"{self._who(a)}{phone}\n{self._visit(a)} · {state}{prep}{calls}"

    def _eligibility_line(self, a: Appointment) -> str:
        assert self._context is not None
        patient = self._context.patients.get(a.patient_id)
        insurance = patient.insurance if patient else None
        plan = (f"{insurance.summary} · member {insurance.member_id}" if insurance and insurance.member_id
                else insurance.summary if insurance else "No insurance on file")
        secondary = patient.secondary_insurance if patient else None
        if secondary is not None:
            state = text.SECONDARY_STATE[a.eligibility.secondary_status]
            plan += f"\nSecondary: {secondary.summary} · member {secondary.member_id} ({state})"
        return f"{self._who(a)}\n{self._visit(a)}\n{plan}{self._attempts(ChaseKind.ELIGIBILITY, a)}"

    # acting -----------------------------------------------------------------------------------------
    def current_visit(self) -> Appointment | None:
        """The visit selected in the worklist shown (None on the waitlist's page)."""
        if self.page() not in PAGE_KINDS:
            return None
        record = self.current_list().currentIndex().data(RECORD_ROLE)
        return record if isinstance(record, Appointment) and record.id is not None else None

    def _update_log_action(self) -> None:
        on_worklist = self.page() in PAGE_KINDS
        self.ui.log_attempt_button.setVisible(on_worklist)
        self.log_action.setEnabled(self.current_visit() is not None)
        self.open_action.setEnabled(self.current_visit() is not None)

    def log_attempt(self) -> AttemptTarget | None:
        """Ctrl+Shift+L: ask the tab to log a call attempt on the selected visit (its
        confirmation call, or its eligibility call to the payer); the target asked for."""
        visit = self.current_visit()
        if visit is None or visit.id is None or self._context is None:
            return None
        kind = PAGE_KINDS[self.page()]
        state = self._states.get(kind, {}).get(visit.id, ChaseState())
        target = AttemptTarget(kind, visit.id, self._who(visit), visit.patient_id, True, state.attempts)
        self.sig_log_attempt_requested.emit(target)
        return target

    def open_current(self) -> None:
        visit = self.current_visit()
        if visit is not None:
            self.sig_appointment_opened.emit(visit)

    def _on_worklist_activated(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if isinstance(record, Appointment):
            self.sig_appointment_opened.emit(record)

    def _current_entry(self) -> WaitlistEntry | None:
        record = self.ui.waitlist_list.currentIndex().data(RECORD_ROLE)
        return record if isinstance(record, WaitlistEntry) else None

    def _on_waitlist_list_activated(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if isinstance(record, WaitlistEntry):
            self.sig_waitlist_book_requested.emit(record)

    def _on_book_waitlist_button_clicked(self) -> None:
        entry = self._current_entry()
        if entry is not None:
            self.sig_waitlist_book_requested.emit(entry)

    def _on_remove_waitlist_button_clicked(self) -> None:
        entry = self._current_entry()
        if entry is not None:
            self.sig_waitlist_remove_requested.emit(entry)

    def _update_waitlist_buttons(self) -> None:
        has_rows = self.waitlist.rowCount() > 0
        self.ui.book_waitlist_button.setEnabled(has_rows)
        self.ui.remove_waitlist_button.setEnabled(has_rows)
        if has_rows and not self.ui.waitlist_list.currentIndex().isValid():
            self.ui.waitlist_list.setCurrentIndex(self.waitlist.index(0))
