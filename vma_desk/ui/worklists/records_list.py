"""The Records requests list: releases of a patient's records to someone outside the practice and
records asked from a hospital, an ER or another office, while open; the late ones first, then those
due today, then by due day (business days from the day asked, a practice setting).

Keys: Ctrl+D "Mark sent…" on a release (the secure way it went; refused without a valid
authorisation) or "Mark received" on records asked for; Ctrl+Enter "Authorisation…" on a release
(the day signed, the day it expires); Ctrl+Shift+D "Close…" with a reason (withdrawn, revoked, a
duplicate); Alt+N "New request…"; Ctrl+Shift+L logs an attempt to chase records asked for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from vma_desk.core.chase import ChaseKind
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change, RecordKind
from vma_desk.core.records_requests import Direction, RecordsRequest, Timing
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.tab import enclosing_tab
from vma_desk.ui.shared.table import tab_action
from vma_desk.ui.shared.widgets import show_dialog
from vma_desk.ui.worklists.lists import DoneStep, FormStep, Saved
from vma_desk.ui.worklists.model import ROW_ROLE, WorkRow
from vma_desk.ui.worklists.records_steps import (
    AuthorisationDialog,
    MarkSentDialog,
    RecordsRequestDialog,
    authorisation_text,
    due_text,
)

CLOSE_QUESTION = ("Why is this request closed without being done (withdrawn, authorisation revoked, "
                  "a duplicate)?")


class RecordsPanel(QWidget):
    """The list's table with "New request… (Alt+N)" above it, and the
    last step's notice or refusal beside them."""

    def __init__(self, records: RecordsList, view: QTableView, reload: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("records_panel")
        self.records, self.view, self.reload = records, view, reload
        self.new_button = QPushButton("New request… (Alt+N)")
        self.new_button.setToolTip("Record a release of a patient's records, or records asked from elsewhere")
        self.notice_label = QLabel()
        self.notice_label.setObjectName("records_notice")
        self.notice_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.notice_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        self.setFocusProxy(view)
        self.new_button.clicked.connect(lambda _checked: self.open_new())
        self.new_action = tab_action(self, "New request…", ("Alt+N",), "Record a new records request",
                                     self.open_new)

    def current(self) -> WorkRow | None:
        row = self.view.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, WorkRow) else None

    def say(self, text: str, *, refused: bool = False) -> None:
        self.notice_label.setProperty("fieldError", refused)
        self.notice_label.setStyleSheet("color: #b00020;" if refused else "")
        self.notice_label.setText(text)

    def open_new(self) -> RecordsRequestDialog:
        """Alt+N: the "New request" form; the list is read again once it is saved."""
        dialog = RecordsRequestDialog(self.records.context, self)
        dialog.sig_saved.connect(lambda change: self._done("Request recorded", change))
        show_dialog(dialog)
        return dialog

    def _done(self, notice: str, change: Change) -> None:
        """Read the list again, say what was done, tell the window (Today's late rows, the hub), and
        keep focus on the table."""
        self.reload()
        self.say(notice)
        tab = enclosing_tab(self)
        if tab is not None:
            tab.send_change(change)
        self.view.setFocus()


class RecordsList:
    """Open records requests, the late ones first, then due today, then by due day."""

    title = "Records requests"
    kind = ChaseKind.RECORDS_REQUEST
    columns = (("due", "Due"), ("direction", "Direction"), ("party", "Party"), ("patient", "Patient"),
               ("items", "Items"), ("authorisation", "Authorisation"))
    samples = ("Due today: 03/02", "Release to", "Mercy Hospital Records", "Christopher Willis", "",
               "Signed 02/20, expires 08/20")
    opens = ""
    #: a patient's name, the business-day clock (a setting) and the practice's holidays say the rows
    reads = frozenset({RecordKind.RECORDS_REQUEST, RecordKind.CONTACT_ATTEMPT, RecordKind.PATIENT,
                       RecordKind.SETTING, RecordKind.PRACTICE})

    def __init__(self, context: TabContext) -> None:
        self.context = context
        #: the requests read, by id: what the steps work from
        self._read: dict[int, RecordsRequest] = {}
        self.panel: RecordsPanel | None = None
        records = context.services.records_requests
        self._send = FormStep("Mark &sent…", "The release went out by a secure way: it leaves the list "
                              "and goes on the patient's accounting of disclosures", self._open_sent, "Sent")
        self.close = DoneStep("&Close…", "Close the selected request without it being done (withdrawn, "
                              "revoked, a duplicate), with the reason",
                              lambda row, why: records.close(row.record_id, why)[1], "Closed",
                              ask=CLOSE_QUESTION)
        self._receive = DoneStep("Mark &received", "The records asked for came in: the request leaves the "
                                 "list", lambda row, _why: records.mark_received(row.record_id)[1],
                                 "Received")
        self._authorise = FormStep("&Authorisation…", "Record the patient's signed authorisation: the day "
                                   "signed and the day it expires", self._open_authorisation,
                                   "Authorisation recorded")

    # the steps follow the selected row: a release is sent and authorised, records asked for received
    def _selected(self) -> RecordsRequest | None:
        row = self.panel.current() if self.panel is not None else None
        return self._read.get(row.record_id) if row is not None else None

    @property
    def done(self) -> DoneStep | FormStep:
        selected = self._selected()
        return self._receive if selected and selected.direction is Direction.INCOMING else self._send

    @property
    def book(self) -> FormStep | None:
        selected = self._selected()
        return None if selected and selected.direction is Direction.INCOMING else self._authorise

    def _request(self, row: WorkRow) -> RecordsRequest:
        return self.context.services.records_requests.get(row.record_id)

    def _open_sent(self, row: WorkRow, parent: QWidget, saved: Saved) -> QDialog:
        request = self._request(row)
        if request.direction is not Direction.OUTGOING:
            raise ValidationError("direction", "is records asked for: mark them received instead")
        dialog = MarkSentDialog(self.context, request, row.who, parent)
        dialog.sig_saved.connect(saved)
        return dialog

    def _open_authorisation(self, row: WorkRow, parent: QWidget, saved: Saved) -> QDialog:
        request = self._request(row)
        if request.direction is not Direction.OUTGOING:
            raise ValidationError("direction", "is records asked for: only a release needs an authorisation")
        dialog = AuthorisationDialog(self.context, request, row.who, parent)
        dialog.sig_saved.connect(saved)
        return dialog

    def make_panel(self, view: QTableView, reload: Callable[[], None]) -> QWidget:
        self.panel = RecordsPanel(self, view, reload)
        return self.panel

    def rows(self) -> list[WorkRow]:
        context = self.context
        found = context.services.records_requests.open_requests(context.today())
        self._read = {r.request.id: r.request for r in found if r.request.id is not None}
        context.patients.names(r.request.patient_id for r in found)
        rows = []
        for position, row in enumerate(found):
            request = row.request
            assert request.id is not None
            who = context.patient_name(request.patient_id)
            outgoing = request.direction is Direction.OUTGOING
            items = " ".join(request.items.split())
            rows.append(WorkRow(
                self.kind, request.id, who, row.chase,
                (due_text(row.due_on, row.late, row.timing is Timing.DUE_TODAY),
                 "Release to" if outgoing else "Asked from", request.party, who, items,
                 authorisation_text(request)),
                (position,), patient_id=request.patient_id,
                tip=f"{request.items}\nPurpose: {request.purpose}" if request.purpose else request.items,
                urgent=row.late))
        return rows

    def forget(self) -> None:
        self._read = {}
        if self.panel is not None:
            self.panel.say("")
