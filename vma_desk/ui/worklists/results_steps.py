"""The forms a Results row opens: "Record disposition…" (what the provider said to do, with the
provider's name, a note and whether they marked it urgent), "Book visit…" for a "needs visit" (the
Calendar's booking dialog with the next open slots, booked and linked to the result in one action),
and "New expected result…" (the test a provider ordered: patient, test, who ordered it, when, the day
it should be back by and the visit it is for).

The VMA records the provider's disposition as given and never interprets a result: the words here
stay front-office. Each form runs one service call; a refusal is shown beside its field with
nothing saved, and `sig_saved` carries the service's `Change` once it is done.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QWidget

from vma_desk.core import wording
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import AuditAction, Change, RecordKind, StaffMember
from vma_desk.core.results import Disposition, ExpectedResult
from vma_desk.ui.calendar.booking import BookingDialog
from vma_desk.ui.calendar.context import CalendarContext
from vma_desk.ui.forms.ui_result_disposition import Ui_ResultDisposition
from vma_desk.ui.forms.ui_result_expected import Ui_ResultExpected
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import FormDialog
from vma_desk.ui.shared.widgets import FieldSlot

#: "expected by" starts this many business days after the order
BUSINESS_DAYS_BACK = 3
#: how far ahead the visits offered for "For the visit" go
VISITS_AHEAD = timedelta(days=180)


def fill_providers(combo: QComboBox, providers: list[StaffMember], chosen: int | None = None) -> None:
    """The active providers, after a blank first choice ("Choose the provider"): a provider is named
    on purpose, never by default."""
    combo.clear()
    combo.addItem("Choose the provider…", None)
    for provider in providers:
        combo.addItem(provider.display_name, provider.id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)


def bold(label: QLabel) -> None:
    """A dialog's first line, what it is about, in bold."""
    font = label.font()
    font.setBold(True)
    label.setFont(font)


def active_providers(context: TabContext) -> list[StaffMember]:
    return sorted((p for p in context.providers.values() if p.active), key=lambda p: p.display_name)


def result_line(context: TabContext, result: ExpectedResult, who: str) -> str:
    """'Lipid panel for Ames, Ann, ordered by Dana Lee, MD on 02/20/2026'."""
    ordered = f" on {wording.date_text(result.ordered_on)}" if result.ordered_on else ""
    return f"{result.test} for {who}, ordered by {context.staff_name(result.ordered_by_id)}{ordered}"


class DispositionDialog(FormDialog):
    """"Record disposition…" on a result with the provider: `sig_saved(change)` once recorded through
    `services.results.record_disposition` (refused without the provider, beside that field)."""

    ui: Ui_ResultDisposition
    sig_saved = Signal(object)

    def __init__(self, context: TabContext, result: ExpectedResult, who: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_ResultDisposition(), context.services, parent)
        self.context = context
        self.expected_result = result
        ui = self.ui
        self.setWindowTitle(f"Record disposition: {who}")
        self._main_button(QDialogButtonBox.StandardButton.Save, "&Record disposition")
        ui.about_label.setText(result_line(context, result, who))
        bold(ui.about_label)
        for disposition in Disposition:
            ui.disposition_combo.addItem(disposition.label, disposition)
        fill_providers(ui.provider_combo, active_providers(context))
        ui.note_edit.setMaxLength(1000)
        ui.disposition_combo.setFocus()

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return {"disposition": FieldSlot(ui.disposition_combo, ui.disposition_error, "Disposition"),
                "provider_id": FieldSlot(ui.provider_combo, ui.provider_error, "Provider"),
                "disposition_note": FieldSlot(ui.note_edit, ui.note_error, "Note"),
                "urgent": FieldSlot(ui.urgent_check, ui.urgent_error, "Urgent")}.get(field)

    def save(self) -> Change | None:
        """Record the disposition (the dialog closes), or show why not (it stays open as typed)."""
        ui = self.ui
        disposition = Disposition(ui.disposition_combo.currentData())
        provider_id = ui.provider_combo.currentData()
        done = self._attempt(lambda: self.context.services.results.record_disposition(
            self.expected_result.id or 0, disposition, provider_id=provider_id, note=ui.note_edit.text(),
            urgent=ui.urgent_check.isChecked()))
        if done is None:
            return None
        self.sig_saved.emit(done[1])
        self.accept()
        return done[1]

    def _on_button_box_accepted(self) -> None:
        self.save()


def needed_visit_booking(context: TabContext, calendar: CalendarContext, result: ExpectedResult,
                         parent: QWidget | None = None) -> BookingDialog:
    """"Book visit…" on a result the provider said needs a visit: the Calendar's booking dialog with
    the patient, the provider who gave the disposition, a follow-up and the reason filled in, and the
    next open slots listed (Enter takes one, Enter again books). The visit is booked and linked to
    the result in one action (`services.results.book_needed_visit`); `sig_booked(appointment,
    change)` with the result's change. A result that needs no visit is refused before it opens."""
    results = context.services.results
    draft = results.visit_draft(result.id or 0)

    def book(appointment: Appointment, *, authorised_by: str | None = None,
             override_reason: str = "") -> tuple[Appointment, Change]:
        _result, booked, change = results.book_needed_visit(result.id or 0, appointment,
                                                             authorised_by=authorised_by,
                                                             override_reason=override_reason)
        return booked, change

    dialog = BookingDialog(calendar, provider_id=draft.provider_id or None,
                           patient=context.patients.get(result.patient_id), type_code=draft.type_code or None,
                           reason=draft.reason[:200], book=book, parent=parent)
    dialog.setWindowTitle(f"Book visit: {result.test}")
    dialog.find_slots()
    return dialog


def booked_visit_change(appointment: Appointment) -> Change:
    """What the Calendar and the patient's window learn of the visit booked with a result."""
    return Change(RecordKind.APPOINTMENT, AuditAction.CREATE, (appointment.id or 0,))


def business_days_after(context: TabContext, day: date, count: int) -> date:
    """The `count`th business day of the practice after `day` (its open days and holidays)."""
    practice = context.services.practice.get()
    found = 0
    while found < count:
        day += timedelta(days=1)
        if practice.is_business_day(day):
            found += 1
    return day


class ExpectedResultDialog(FormDialog):
    """"New expected result…": a test a provider ordered, to follow until the patient is told.
    "Expected by" follows "Ordered on" (3 business days later) until it is changed by hand.
    `sig_saved(result, change)` once recorded through `services.results.expect`."""

    ui: Ui_ResultExpected
    sig_saved = Signal(object, object)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(Ui_ResultExpected(), context.services, parent)
        self.context = context
        ui = self.ui
        self._main_button(QDialogButtonBox.StandardButton.Save, "&Save expected result")
        fill_providers(ui.ordered_by_combo, active_providers(context))
        ui.test_edit.setMaxLength(120)
        today = context.today()
        ui.ordered_on_edit.set_value(today)
        #: the "expected by" the form last suggested: changed by hand, it is left as typed
        self._suggested = business_days_after(context, today, BUSINESS_DAYS_BACK)
        ui.expected_by_edit.set_value(self._suggested)
        ui.ordered_on_edit.dateChanged.connect(lambda _day: self._suggest_expected())
        ui.patient_picker.sig_patient_chosen.connect(self._fill_visits)
        self._fill_visits(None)
        ui.patient_picker.setFocus()

    def _suggest_expected(self) -> None:
        ui = self.ui
        ordered = ui.ordered_on_edit.value()
        if ordered is None or ui.expected_by_edit.value() != self._suggested:
            return
        self._suggested = business_days_after(self.context, ordered, BUSINESS_DAYS_BACK)
        ui.expected_by_edit.set_value(self._suggested)

    def _fill_visits(self, patient_id: int | None) -> None:
        """The chosen patient's visits from today on (not cancelled), after "No visit"."""
        combo = self.ui.visit_combo
        combo.clear()
        combo.addItem("No visit", None)
        if patient_id is None:
            return
        context = self.context
        now = context.now()
        found = context.services.calendar.appointments(list(context.providers), now - timedelta(hours=12),
                                                       now + VISITS_AHEAD)
        zone, today = context.zone(), context.today()
        for visit in sorted(found, key=lambda v: v.start):
            if visit.patient_id != patient_id or visit.status is VisitStatus.CANCELLED:
                continue
            kind = context.types.get(visit.type_code)
            what = kind.name if kind else visit.type_code
            combo.addItem(f"{wording.when_in_year(visit.start, zone, today)}: {what} with "
                          f"{context.staff_name(visit.provider_id)}", visit.id)

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return {"patient_id": FieldSlot(ui.patient_picker.search_edit, ui.patient_error, "Patient"),
                "test": FieldSlot(ui.test_edit, ui.test_error, "Test"),
                "ordered_by_id": FieldSlot(ui.ordered_by_combo, ui.ordered_by_error, "Ordered by"),
                "ordered_on": FieldSlot(ui.ordered_on_edit, ui.ordered_on_error, "Ordered on"),
                "expected_by": FieldSlot(ui.expected_by_edit, ui.expected_by_error, "Expected by"),
                "appointment_id": FieldSlot(ui.visit_combo, ui.visit_error, "Visit")}.get(field)

    def expected(self) -> ExpectedResult:
        """The result as typed (a `ValidationError` while the patient or a date is missing)."""
        ui = self.ui
        patient_id = ui.patient_picker.required_id()
        ordered_on, expected_by = ui.ordered_on_edit.value(), ui.expected_by_edit.value()
        if ordered_on is None:
            raise ValidationError("ordered_on", "is required: enter when it was ordered")
        if expected_by is None:
            raise ValidationError("expected_by", "is required: enter the day it should be back by")
        return ExpectedResult(patient_id=patient_id, test=ui.test_edit.text(), expected_by=expected_by,
                              ordered_by_id=ui.ordered_by_combo.currentData(), ordered_on=ordered_on,
                              appointment_id=ui.visit_combo.currentData())

    def save(self) -> tuple[ExpectedResult, Change] | None:
        """Record the expected result (the dialog closes), or show why not (it stays open as typed)."""
        done = self._attempt(lambda: self.context.services.results.expect(self.expected()))
        if done is None:
            return None
        self.sig_saved.emit(*done)
        self.accept()
        return done

    def _on_button_box_accepted(self) -> None:
        self.save()
