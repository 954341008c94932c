"""The Results worklist: every open expected result, flagged first (an urgent result nobody acted on
within the hour, then "Labs not back"), then by the day it is expected by.

Ctrl+D takes the selected result's next step, named after it: "Received", "With the provider",
"Record disposition…" (a form: the provider's disposition with their name, a note, urgent),
"Patient notified" (a "reached" logged with Ctrl+Shift+L gives it its time and caller), "Close".
Ctrl+Enter "Book visit…" books the visit a "needs visit" asks for. Alt+N (the panel's button)
records a new expected result. Ctrl+Shift+L logs an attempt to tell the patient (the result's
notice chase). The VMA records the provider's disposition; the list never interprets a result.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QTableView, QWidget

from vma_desk.core import results as rules
from vma_desk.core import wording
from vma_desk.core.chase import ChaseKind
from vma_desk.core.records import Change, RecordKind
from vma_desk.core.results import ExpectedResult, ResultStep
from vma_desk.services.results import ResultRow
from vma_desk.ui.calendar.context import CalendarContext
from vma_desk.ui.forms.ui_result_panel import Ui_ResultPanel
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.tab import enclosing_tab
from vma_desk.ui.shared.widgets import show_dialog
from vma_desk.ui.worklists.lists import DoneStep, FormStep, Saved
from vma_desk.ui.worklists.model import ROW_ROLE, WorkRow
from vma_desk.ui.worklists.results_steps import (
    DispositionDialog,
    ExpectedResultDialog,
    booked_visit_change,
    needed_visit_booking,
)

#: the plain step Ctrl+D takes from where a result stands: (button label, tooltip, notice)
PLAIN_STEPS: dict[ResultStep, tuple[ResultStep, str, str, str]] = {
    ResultStep.AWAITED: (ResultStep.RECEIVED, "&Received",
                         "The result came in: next, send it to the provider", "Received"),
    ResultStep.RECEIVED: (ResultStep.WITH_PROVIDER, "&With the provider",
                          "The result was sent to the provider who ordered it", "With the provider"),
    ResultStep.DISPOSITION: (ResultStep.PATIENT_NOTIFIED, "Patient &notified",
                             "The patient was told as the provider asked (a \"reached\" logged with "
                             "Ctrl+Shift+L gives its time and caller)", "Patient notified"),
    ResultStep.PATIENT_NOTIFIED: (ResultStep.CLOSED, "&Close",
                                  "Nothing more to do: the result leaves the list", "Closed"),
}


def step_text(result: ExpectedResult) -> str:
    """The Step column: 'Received', 'Needs visit · to book', 'Notify patient'."""
    if result.step is not ResultStep.DISPOSITION or result.disposition is None:
        return result.step.label
    if result.awaiting_visit:
        return f"{result.disposition.label} · to book"
    if result.visit_id is not None:
        return f"{result.disposition.label} · booked"
    return result.disposition.label


def flags_text(flags: tuple[str, ...]) -> str:
    """The Flags column, short (the Expected column says the day): 'Urgent: …; Labs not back'."""
    return "; ".join(rules.NOT_BACK if flag.startswith(rules.NOT_BACK) else flag for flag in flags)


class ResultsPanel(QWidget):
    """The Results list's table with "New expected result…" (Alt+N) above it and the count of
    flagged results beside it."""

    def __init__(self, view: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ResultPanel()
        self.ui.setupUi(self)
        self.ui.table_layout.addWidget(view)
        self.setFocusProxy(view)

    def show_flagged(self, count: int) -> None:
        text = f"{wording.plural(count, 'result')} flagged (listed first)" if count else ""
        self.ui.flagged_label.setText(text)


class ResultsList:
    """Open results, flagged first; Ctrl+D the selected result's next step."""

    title = "Results"
    kind = ChaseKind.RESULT_NOTICE
    columns = (("expected", "Expected"), ("test", "Test"), ("patient", "Patient"),
               ("ordered_by", "Ordered by"), ("step", "Step"), ("flags", "Flags"))
    samples = ("03/02/2026", "Comprehensive metabolic", "Christopher Willis", "Dana Lee, MD",
               "Needs visit · to book", "")
    opens = ""
    #: a visit booked or cancelled, a patient's or provider's name change what the rows say
    reads = frozenset({RecordKind.RESULT, RecordKind.CONTACT_ATTEMPT, RecordKind.PATIENT, RecordKind.STAFF,
                       RecordKind.APPOINTMENT})

    def __init__(self, context: TabContext) -> None:
        self.context = context
        #: the results read, by id: what the steps work from
        self._read: dict[int, ResultRow] = {}
        self._view: QTableView | None = None
        self._panel: ResultsPanel | None = None
        self._calendar: CalendarContext | None = None
        self.book = FormStep("Book &visit…", "The provider said the result needs a visit: book it in one "
                             "of the next open slots (linked to the result)", self._open_booking,
                             "Visit booked")
        self._disposition = FormStep("Record &disposition…", "Record what the provider said to do, with "
                                     "their name (the VMA records it, never interprets)",
                                     self._open_disposition, "Disposition recorded")

    # the steps ------------------------------------------------------------------------------------
    def _current(self) -> ExpectedResult | None:
        index = self._view.currentIndex() if self._view is not None else None
        row = index.data(ROW_ROLE) if index is not None and index.isValid() else None
        found = self._read.get(row.record_id) if isinstance(row, WorkRow) else None
        return found.result if found else None

    @property
    def done(self) -> DoneStep | FormStep:
        """The selected result's next step (Ctrl+D): a plain step, or the disposition's form."""
        result = self._current()
        if result is not None and result.step is ResultStep.WITH_PROVIDER:
            return self._disposition
        step = PLAIN_STEPS.get(result.step if result else ResultStep.AWAITED, PLAIN_STEPS[ResultStep.AWAITED])
        _to, label, tip, notice = step
        results = self.context.services.results
        # Edit → Undo takes the step back from the result as it stood when the step was taken
        undo = None if result is None else (lambda _row, before=result: results.undo_step(before))
        return DoneStep(label, tip, self._advance, notice, undo=undo)

    @property
    def close(self) -> DoneStep:
        """Ctrl+Shift+D: close the selected result before its steps are done (the test was
        cancelled, the result came to another practice), with the reason; Edit → Undo reopens it."""
        result = self._current()
        results = self.context.services.results
        undo = None if result is None else (lambda _row, before=result: results.undo_step(before))
        return DoneStep("&Close result…", "Close the result without its remaining steps, with the reason "
                        "(Edit → Undo takes it back)",
                        lambda row, why: results.advance(row.record_id, ResultStep.CLOSED, note=why)[1],
                        "Closed", ask="Why is this result closed (e.g. the test was cancelled)?", undo=undo)

    def _advance(self, row: WorkRow, _why: str) -> Change:
        """The plain next step of the row's result, from where it stands as read."""
        result = self._read[row.record_id].result
        to = PLAIN_STEPS[result.step][0] if result.step in PLAIN_STEPS else ResultStep.DISPOSITION
        return self.context.services.results.advance(row.record_id, to)[1]

    def _open_disposition(self, row: WorkRow, parent: QWidget, saved: Saved) -> QDialog:
        dialog = DispositionDialog(self.context, self._read[row.record_id].result, row.who, parent)
        dialog.sig_saved.connect(saved)
        return dialog

    def _open_booking(self, row: WorkRow, parent: QWidget, saved: Saved) -> QDialog:
        if self._calendar is None:
            self._calendar = CalendarContext(self.context.services, self.context)
        dialog = needed_visit_booking(self.context, self._calendar, self._read[row.record_id].result, parent)
        dialog.sig_booked.connect(lambda booked, change: saved(change, booked_visit_change(booked)))
        return dialog

    # its panel ------------------------------------------------------------------------------------
    def make_panel(self, view: QTableView, reload: Callable[[], None]) -> QWidget:
        """The table with "New expected result…" (Alt+N) above it."""
        self._view = view
        self._panel = ResultsPanel(view)
        self._panel.ui.new_button.clicked.connect(lambda _checked=False: self.open_new(reload))
        return self._panel

    def open_new(self, reload: Callable[[], None]) -> ExpectedResultDialog:
        """Alt+N: the "New expected result" form; once saved the list is read again and the other
        tabs (Today, the patient's window) told."""
        parent = self._panel or None
        dialog = ExpectedResultDialog(self.context, parent)

        def on_saved(_result: object, change: Change) -> None:
            reload()
            tab = enclosing_tab(parent) if parent is not None else None
            if tab is not None:
                tab.send_change(change)
            if self._view is not None:
                self._view.setFocus()

        dialog.sig_saved.connect(on_saved)
        show_dialog(dialog)
        return dialog

    # reading --------------------------------------------------------------------------------------
    def rows(self) -> list[WorkRow]:
        context = self.context
        found = context.services.results.open_results()
        self._read = {r.result.id or 0: r for r in found}
        context.patients.names(r.result.patient_id for r in found)
        rows = []
        for row in found:
            result = row.result
            who = context.patient_name(result.patient_id)
            rows.append(WorkRow(
                self.kind, result.id or 0, who, row.chase,
                (wording.date_text(result.expected_by), result.test, who,
                 context.staff_name(result.ordered_by_id), step_text(result), flags_text(row.flags)),
                (result.expected_by.toordinal(),), patient_id=result.patient_id,
                tip="\n".join((*row.flags, result.disposition_note)).strip(),
                urgent=rules.URGENT_UNACTED in row.flags or (result.urgent and result.is_open)))
        if self._panel is not None:
            self._panel.show_flagged(sum(1 for r in found if r.flagged))
        return rows

    def forget(self) -> None:
        self._read = {}
        self._calendar = None
        if self._panel is not None:
            self._panel.show_flagged(0)
