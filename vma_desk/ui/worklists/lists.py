"""The worklists the Worklists tab shows, each a few lines on the `Worklist` protocol: its title, the
kind of chase its attempts are logged as, its own columns, its rows (read from the services, names
fetched in bulk), the step that takes a row off it ("Returned", "Done", "Confirmed", or a form:
"Mark done…") and the step that books it ("Book…", "Rebook…", a form; `steps.py`).

`worklists(context)` is the one list of them, in the tab's order: a new worklist is a class here and
an entry there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from PySide6.QtWidgets import QDialog, QWidget

from vma_desk.core import wording
from vma_desk.core.calendar import VisitStatus
from vma_desk.core.chase import ChaseKind, ChaseState, Voicemail, voicemail_due
from vma_desk.core.communications import Urgency
from vma_desk.core.follow_up import FollowUpCall
from vma_desk.core.rebooking import RebookRow
from vma_desk.core.recall import RecallFilter, RecallRow
from vma_desk.core.records import Change, ContactMethod, Patient, RecordKind
from vma_desk.core.validation import format_phone
from vma_desk.ui.calendar.context import CalendarContext
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.worklists.model import WorkRow
from vma_desk.ui.worklists.recall import PAGE
from vma_desk.ui.worklists.steps import FollowUpDialog, GapDoneDialog, rebook_dialog, recall_booking


@dataclass(frozen=True)
class DoneStep:
    """The step that takes the selected row off its list (Ctrl+D): its button's label, its tooltip,
    the service call (given the row and the reason asked for), the notice said after it
    ("Returned: Ann Ames") and, for a step that needs one, the question its reason answers."""

    label: str
    tip: str
    take: Callable[[WorkRow, str], Change]
    notice: str
    ask: str = ""
    #: takes the step back (Edit → Undo right after it): the record and its change
    undo: Callable[[WorkRow], tuple[object, Change]] | None = None
    #: a chase closed as unreachable: refused before any attempt (said before the reason is asked)
    chase: bool = False


class Saved(Protocol):
    """Called once a step's form saved: the service's change, any other change it made at once (a
    message the answers became) and what the notice adds ("; question sent to Nora Nurse, RN")."""

    def __call__(self, change: Change, *also: Change, said: str = "") -> None: ...


#: opens a step's form on a row: (row, parent, saved) -> the dialog, not shown yet
Opener = Callable[[WorkRow, QWidget, Saved], QDialog]


@dataclass(frozen=True)
class FormStep:
    """A step that opens a form on the selected row: its button's label ("&Book…"), its tooltip,
    what opens the form, and the notice said after it saved ("Booked: Ann Ames")."""

    label: str
    tip: str
    open: Opener
    notice: str


class Worklist(Protocol):
    """One worklist of the tab."""

    @property
    def title(self) -> str:
        """Its sub-tab's title ("Voicemail"), with its count of rows due now after it."""

    @property
    def kind(self) -> ChaseKind:
        """What its attempts are logged as (`services.chase.log_attempt`)."""

    @property
    def columns(self) -> tuple[tuple[str, str], ...]:
        """Its own columns, between "Next" and "Attempts": ((key, header), ...)."""

    @property
    def samples(self) -> tuple[str, ...]:
        """The widest text each of its own columns usually holds ("": the one that stretches)."""

    @property
    def done(self) -> DoneStep | FormStep | None:
        """The step that takes a row off the list (Ctrl+D), None when it has none."""

    @property
    def close(self) -> DoneStep | None:
        """The step that closes a row without it being done (Ctrl+Shift+D), with the reason: a
        chase nobody could be reached for ("Close as unreachable…", `close_step`), a task
        cancelled, a records request closed; None where the list's own step ends the row
        (Returned, Won't rebook…) or a letter keeps it (Recall)."""

    @property
    def book(self) -> FormStep | None:
        """The step that books the row's visit (Ctrl+Enter), None when it has none."""

    @property
    def opens(self) -> str:
        """The kind of record a row opens in its tab (Ctrl+O: "call", "appointment"), "" for none."""

    @property
    def reads(self) -> frozenset[RecordKind]:
        """The kinds of record its rows are read from: a change of another kind leaves it as it is."""

    def rows(self) -> list[WorkRow]: ...

    def forget(self) -> None:
        """The workspace locked: drop what was read (it names patients)."""

    # optional: `make_panel(view, reload) -> QWidget`: the list's own widget around its table (its
    # filters, a "New…" button), shown in its sub-tab instead of the bare table; `reload()` reads
    # the list again (a filter chosen). Its widgets must forget what they show in `forget`.


def close_step(context: TabContext, kind: ChaseKind) -> DoneStep:
    """"Close as unreachable…" on a list of `kind`: the chase stops, with the reason asked for."""
    chase = context.services.chase
    return DoneStep("Close as &unreachable…", "Nobody could be reached: stop chasing, with the reason (it "
                    "leaves the list; Edit → Undo reopens it)",
                    lambda row, why: chase.close_unreachable(kind, row.record_id, why),
                    "Closed as unreachable",
                    ask="Why is this chase closed (e.g. no answer after 3 calls, wrong number)?",
                    undo=lambda row: (None, chase.reopen_chase(kind, row.record_id)), chase=True)


def _phone(number: str) -> str:
    return format_phone(number) if number else ""


def _patient_phone(patient: Patient | None) -> str:
    return _phone(patient.phones[0].number) if patient and patient.phones else ""


class VoicemailList:
    """Voicemails not returned yet, the most urgent first, then the oldest."""

    title = "Voicemail"
    kind = ChaseKind.VOICEMAIL
    columns = (("left", "Left"), ("return_by", "Return by"), ("urgency", "Urgency"), ("caller", "Caller"),
               ("number", "Number"), ("summary", "Summary"))
    samples = ("Tue 03/03 10:42 AM", "Overdue: 5:00 PM", "Emergency", "Christopher Willis",
               "(312) 555-0142", "")
    close = None
    opens = ""
    book = None
    #: a patient's name, the practice's hours and the response standard (a setting) say its due times
    reads = frozenset({RecordKind.VOICEMAIL, RecordKind.VOICEMAIL_CHECK, RecordKind.CONTACT_ATTEMPT,
                       RecordKind.PATIENT, RecordKind.PRACTICE, RecordKind.SETTING})

    def __init__(self, context: TabContext) -> None:
        self.context = context
        self._read: list[Voicemail] = []
        chase = context.services.chase
        self.done = DoneStep("&Returned", "The voicemail's callback is done: it leaves the list",
                             lambda row, _why: chase.mark_returned(row.record_id)[1], "Returned")

    def rows(self) -> list[WorkRow]:
        context = self.context
        services = context.services
        self._read = services.chase.unreturned_voicemails()
        names = context.patients.names(vm.patient_id for vm in self._read if vm.patient_id is not None)
        practice, zone, now = services.practice.get(), context.zone(), context.now()
        today = now.astimezone(zone).date()
        policy, limit = context.comms.callback_policy(), services.chase.policy(self.kind).max_attempts
        rows = []
        for vm in self._read:
            assert vm.id is not None
            who = names.get(vm.patient_id, "") if vm.patient_id is not None else ""
            caller = who or vm.caller_name
            if who and vm.caller_name and vm.caller_name != who:
                caller = f"{vm.caller_name} (for {who})"
            due = voicemail_due(vm, practice, zone, policy)
            urgency = Urgency(vm.urgency)
            due_text = wording.when_in_year(due, zone, today)
            rows.append(WorkRow(
                self.kind, vm.id, who or vm.caller_name, ChaseState(vm.attempts, limit),
                (wording.when_in_year(vm.left_at, zone, today),
                 f"Overdue: {due_text}" if due < now else due_text, urgency.value.capitalize(), caller,
                 _phone(vm.number), " ".join(vm.summary.split())),
                (vm.left_at.timestamp(), due.timestamp(), -urgency.rank),
                patient_id=vm.patient_id, tip=vm.summary, urgent=urgency.rank >= Urgency.URGENT.rank))
        return rows

    def heard_since(self, moment: datetime | None) -> int:
        """How many of the voicemails read were recorded since `moment` (all of them for None)."""
        return sum(1 for vm in self._read
                   if moment is None or (vm.heard_at is not None and vm.heard_at > moment))

    def forget(self) -> None:
        self._read = []


class CallbackList:
    """Calls logged "callback needed" whose callback is not done, the oldest first."""

    title = "Callbacks"
    kind = ChaseKind.CALLBACK
    columns = (("called", "Called"), ("caller", "Caller"), ("number", "Number"), ("notes", "Notes"))
    samples = ("Tue 03/03 10:42 AM", "Christopher Willis", "(312) 555-0142", "")
    close = None
    opens = "call"
    book = None
    reads = frozenset({RecordKind.CALL, RecordKind.CONTACT_ATTEMPT, RecordKind.PATIENT, RecordKind.SETTING})

    def __init__(self, context: TabContext) -> None:
        self.context = context
        chase = context.services.chase
        self.done = DoneStep("&Done", "The callback is done: the call leaves the list",
                             lambda row, _why: chase.mark_callback_done(row.record_id), "Callback done")

    def rows(self) -> list[WorkRow]:
        context = self.context
        chase = context.services.chase
        calls = [c for c in chase.open_callbacks() if c.id is not None]
        states = chase.states(self.kind, [c.id for c in calls if c.id is not None])
        names = context.patients.names(c.patient_id for c in calls if c.patient_id is not None)
        zone, today = context.zone(), context.today()
        rows = []
        for call in calls:
            assert call.id is not None
            who = names.get(call.patient_id, "") if call.patient_id is not None else ""
            rows.append(WorkRow(
                self.kind, call.id, who or call.caller_name, states[call.id],
                (wording.when_in_year(call.started_at, zone, today), who or call.caller_name,
                 _phone(call.number), " ".join(call.notes.split())),
                (call.started_at.timestamp(),), patient_id=call.patient_id, tip=call.notes))
        return rows

    def forget(self) -> None:
        """Nothing is kept between reads."""


class ConfirmationList:
    """Visits whose confirmation call is due (24-72 h ahead, and late bookings), the soonest first."""

    title = "Confirmations"
    kind = ChaseKind.CONFIRMATION
    columns = (("visit", "Visit"), ("patient", "Patient"), ("phone", "Phone"), ("type", "Type"),
               ("provider", "Provider"))
    samples = ("Tue 03/03 10:40 AM", "Christopher Willis", "(312) 555-0142", "Established patient",
               "Dana Lee, MD")
    opens = "appointment"
    book = None
    reads = frozenset({RecordKind.APPOINTMENT, RecordKind.CONTACT_ATTEMPT, RecordKind.PATIENT,
                       RecordKind.STAFF, RecordKind.APPOINTMENT_TYPE, RecordKind.PRACTICE,
                       RecordKind.SETTING})

    def __init__(self, context: TabContext) -> None:
        self.context = context
        calendar = context.services.calendar

        def confirm(row: WorkRow, _why: str) -> Change:
            return calendar.set_status(row.record_id, VisitStatus.CONFIRMED, ContactMethod.PHONE)[1]

        self.done = DoneStep("&Confirmed", "The patient confirmed the visit (by phone): it leaves the list",
                             confirm, "Confirmed")
        self.close = close_step(context, self.kind)

    def rows(self) -> list[WorkRow]:
        context = self.context
        visits = sorted((a for a in context.calendar.confirmation_worklist() if a.id is not None),
                        key=lambda a: (a.start, a.id or 0))
        states = context.services.chase.states(self.kind, [a.id for a in visits if a.id is not None])
        patients = context.patients.get_many(a.patient_id for a in visits)
        zone, today = context.zone(), context.today()
        rows = []
        for visit in visits:
            assert visit.id is not None
            patient = patients.get(visit.patient_id)
            who = context.patient_name(visit.patient_id)
            kind = context.types.get(visit.type_code)
            rows.append(WorkRow(
                self.kind, visit.id, who, states[visit.id],
                (wording.when_in_year(visit.start, zone, today), who, _patient_phone(patient),
                 kind.name if kind else visit.type_code, context.staff_name(visit.provider_id)),
                (visit.start.timestamp(),), patient_id=visit.patient_id))
        return rows

    def forget(self) -> None:
        """Nothing is kept between reads."""


class RecallList:
    """Patients with a care gap due and no visit booked that closes it, the longest overdue first.
    The list says "due", never advice; a row leaves it when the visit is booked ("Book…", or in the
    Calendar) or its gaps are recorded done ("Mark done…", or the patient's window)."""

    title = "Recall"
    kind = ChaseKind.RECALL
    #: the rows a page adds ("Show 200 more")
    page_size = PAGE
    columns = (("due", "Due"), ("patient", "Patient"), ("phone", "Phone"), ("gaps", "Due for"),
               ("book", "Visit to book"), ("provider", "Provider"))
    samples = ("Overdue 03/02/2026", "Christopher Willis", "(312) 555-0142", "",
               "Annual physical", "Dana Lee, MD")
    close = None
    opens = ""
    reads = frozenset({RecordKind.APPOINTMENT, RecordKind.PATIENT, RecordKind.CONTACT_ATTEMPT,
                       RecordKind.SETTING, RecordKind.STAFF, RecordKind.APPOINTMENT_TYPE})

    def __init__(self, context: TabContext) -> None:
        self.context = context
        #: the rows read, by patient: what "Book…" and "Mark done…" work from
        self._read: dict[int, RecallRow] = {}
        self._calendar: CalendarContext | None = None
        #: what the list is narrowed to, how many rows it shows (pages of `PAGE`), and how many it
        #: holds in all and due now (as last read)
        self.chosen = RecallFilter()
        self.limit = self.page_size
        self.total = 0
        self.due_now = 0
        self.done = FormStep("&Mark done…", "A care gap was done, on which day: the row leaves the list once "
                             "none is due", self._open_done, "Marked done")
        self.book = FormStep("&Book…", "Book the visit that is due, in one of the next open slots",
                             self._open_booking, "Booked")

    def _open_done(self, row: WorkRow, parent: QWidget, saved: Saved) -> QDialog:
        dialog = GapDoneDialog(self.context, self._read[row.record_id], row.who, parent)
        dialog.sig_saved.connect(saved)
        return dialog

    def _open_booking(self, row: WorkRow, parent: QWidget, saved: Saved) -> QDialog:
        if self._calendar is None:
            self._calendar = CalendarContext(self.context.services, self.context)
        found = self._read[row.record_id]
        booking = self.context.services.recall.booking_for(found)
        dialog = recall_booking(self._calendar, found, booking, parent)
        dialog.sig_booked.connect(lambda _booked, change: saved(change))
        return dialog

    def rows(self) -> list[WorkRow]:
        """The first `limit` rows the filter lets through (the longest overdue first), with
        `total` and `due_now` counting all of them."""
        context = self.context
        recall = context.services.recall
        page = recall.page(self.chosen, 0, self.limit)
        self.total, self.due_now = page.total, page.due_now
        found = page.rows
        self._read = {r.patient_id: r for r in found}
        ids = [r.patient_id for r in found]
        context.patients.names(ids)
        phones = recall.phones(ids)
        today = context.today()
        rows = []
        for row in found:
            who = context.patient_name(row.patient_id)
            kind = context.types.get(row.type_code)
            due = wording.date_text(row.due)
            rows.append(WorkRow(
                self.kind, row.patient_id, who, row.chase,
                (f"Overdue {due}" if row.due < today else due, who, _phone(phones.get(row.patient_id, "")),
                 ", ".join(gap.kind for gap in row.gaps), kind.name if kind else row.type_code,
                 context.staff_name(row.provider_id) if row.provider_id else "Any provider"),
                (row.due.toordinal(),), patient_id=row.patient_id))
        return rows

    def forget(self) -> None:
        self._read = {}
        self._calendar = None
        self.total = self.due_now = 0


class RebookList:
    """No-shows and cancellations to call and rebook, each with its reason and the patient's
    no-shows; "Rebook…" (a slot picked) or "Won't rebook" (with its reason) takes a row off, a
    visit booked again in the Calendar too."""

    title = "To rebook"
    kind = ChaseKind.REBOOK
    columns = (("missed", "Missed visit"), ("reason", "Reason"), ("patient", "Patient"), ("phone", "Phone"),
               ("no_shows", "No-shows"), ("type", "Type"), ("provider", "Provider"))
    samples = ("Tue 03/03 10:40 AM", "", "Christopher Willis", "(312) 555-0142", "No-shows",
               "Established patient", "Dana Lee, MD")
    close = None
    opens = "appointment"
    reads = frozenset({RecordKind.APPOINTMENT, RecordKind.PATIENT, RecordKind.CONTACT_ATTEMPT,
                       RecordKind.SETTING, RecordKind.STAFF, RecordKind.APPOINTMENT_TYPE})

    def __init__(self, context: TabContext) -> None:
        self.context = context
        rebooking = context.services.rebooking
        self.done = DoneStep("&Won't rebook…", "Not to be rebooked, with the reason: it leaves the list",
                             lambda row, why: rebooking.wont_rebook(row.record_id, why), "Won't rebook",
                             ask="Why is this visit not to be rebooked?")
        self.book = FormStep("&Rebook…", "Book the missed visit again (its type, provider and length) in one "
                             "of the next open slots", self._open_rebook, "Rebooked")
        #: the rows read, by visit: what "Rebook…" works from
        self._read: dict[int, RebookRow] = {}

    def _open_rebook(self, row: WorkRow, parent: QWidget, saved: Saved) -> QDialog:
        dialog = rebook_dialog(self.context, self._read[row.record_id], row.who, parent)
        dialog.sig_saved.connect(saved)
        return dialog

    def rows(self) -> list[WorkRow]:
        context = self.context
        found = context.services.rebooking.to_rebook()
        self._read = {r.appointment_id: r for r in found}
        ids = sorted({r.patient_id for r in found})
        context.patients.names(ids)
        phones = context.services.recall.phones(ids)
        zone, today = context.zone(), context.today()
        rows = []
        for row in found:
            visit = row.appointment
            who = context.patient_name(row.patient_id)
            kind = context.types.get(visit.type_code)
            reason = f"{row.reason} (late cancel)" if row.late_cancel else row.reason
            rows.append(WorkRow(
                self.kind, row.appointment_id, who, row.chase,
                (wording.when_in_year(visit.start, zone, today), reason, who,
                 _phone(phones.get(row.patient_id, "")), str(row.no_shows),
                 kind.name if kind else visit.type_code, context.staff_name(visit.provider_id)),
                (visit.start.timestamp(), None, None, None, row.no_shows), patient_id=row.patient_id,
                tip=reason))
        return rows

    def forget(self) -> None:
        self._read = {}


class FollowUpList:
    """Follow-up calls due after a visit that took place (its type asks for one, or it was marked
    "call after"), the longest due first; "Record answers…" (the fixed script) takes a row off, a
    call the patient declined too (logged as an attempt)."""

    title = "Follow-up calls"
    kind = ChaseKind.FOLLOW_UP
    columns = (("due", "Due"), ("visit", "Visit"), ("patient", "Patient"), ("phone", "Phone"),
               ("type", "Type"), ("provider", "Provider"))
    samples = ("Tue 03/03 8:00 AM", "Tue 03/03 10:40 AM", "Christopher Willis", "(312) 555-0142",
               "Established patient", "Dana Lee, MD")
    opens = "appointment"
    book = None
    reads = frozenset({RecordKind.APPOINTMENT, RecordKind.CONTACT_ATTEMPT, RecordKind.PATIENT,
                       RecordKind.STAFF, RecordKind.APPOINTMENT_TYPE, RecordKind.PRACTICE,
                       RecordKind.SETTING})

    def __init__(self, context: TabContext) -> None:
        self.context = context
        #: the calls read, by visit: what "Record answers…" works from
        self._read: dict[int, FollowUpCall] = {}
        self.done = FormStep("&Record answers…", "The patient answered the follow-up script: the call leaves "
                             "the list (a question goes to the clinical staff)", self._open_answers,
                             "Answers recorded")
        self.close = close_step(context, self.kind)

    def _open_answers(self, row: WorkRow, parent: QWidget, saved: Saved) -> QDialog:
        dialog = FollowUpDialog(self.context, self._read[row.record_id], row.who, parent)
        context = self.context

        def on_saved(change: Change, message_change: Change | None) -> None:
            if message_change is None:
                saved(change)
                return
            message = context.comms.get_message(message_change.ids[0]) if message_change.ids else None
            to = context.staff_name(message.recipient_id) if message else "the clinical staff"
            saved(change, message_change, said=f"; question sent to {to}")

        dialog.sig_saved.connect(on_saved)
        return dialog

    def rows(self) -> list[WorkRow]:
        context = self.context
        found = context.services.follow_up.due_calls()
        self._read = {c.appointment_id: c for c in found}
        patients = context.patients.get_many(c.appointment.patient_id for c in found)
        zone, today = context.zone(), context.today()
        rows = []
        for call in found:
            visit = call.appointment
            who = context.patient_name(visit.patient_id)
            kind = context.types.get(visit.type_code)
            rows.append(WorkRow(
                self.kind, call.appointment_id, who, call.chase,
                (wording.when_in_year(call.due_at, zone, today),
                 wording.when_in_year(visit.start, zone, today), who,
                 _patient_phone(patients.get(visit.patient_id)), kind.name if kind else visit.type_code,
                 context.staff_name(visit.provider_id)),
                (call.due_at.timestamp(), visit.start.timestamp()), patient_id=visit.patient_id))
        return rows

    def forget(self) -> None:
        self._read = {}


def worklists(context: TabContext) -> list[Worklist]:
    """The tab's worklists, in its order."""
    # issue 16's lists import the steps defined here: read when the tab is built
    from vma_desk.ui.worklists.intake_list import IntakeList
    from vma_desk.ui.worklists.records_list import RecordsList
    from vma_desk.ui.worklists.results_list import ResultsList
    from vma_desk.ui.worklists.tasks_list import TaskList

    return [VoicemailList(context), CallbackList(context), ConfirmationList(context), RecallList(context),
            RebookList(context), FollowUpList(context), TaskList(context), IntakeList(context),
            ResultsList(context), RecordsList(context)]
