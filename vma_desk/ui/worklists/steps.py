"""The forms a worklist row opens for the steps that need more than a key: a recall row's "Mark
done" (which care gap, done on which day), a recall row's "Book…" (the Calendar's booking dialog,
prefilled with the visit to book and the next open slots listed), a missed visit's "Rebook…"
(the next open slots of its type and provider; one is picked and booked again) and a follow-up
call's "Record answers…" (the fixed script; a question goes to the clinical staff).

Each form runs one service call through `attempt`: a refusal is shown beside its field (or on top,
with what to do next) and nothing is saved; `sig_saved(change)` once it is done.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QListWidgetItem, QWidget

from vma_desk.core import calendar_text, wording
from vma_desk.core.calendar import Appointment, Conflict, Slot
from vma_desk.core.errors import ValidationError
from vma_desk.core.follow_up import SCRIPT, FollowUpAnswers, FollowUpCall
from vma_desk.core.rebooking import RebookRow
from vma_desk.core.recall import RecallBooking, RecallRow
from vma_desk.core.records import Change
from vma_desk.ui.calendar.booking import BookingDialog, Preferences
from vma_desk.ui.calendar.context import CalendarContext
from vma_desk.ui.forms.ui_worklists_follow_up import Ui_WorklistsFollowUp
from vma_desk.ui.forms.ui_worklists_gap_done import Ui_WorklistsGapDone
from vma_desk.ui.forms.ui_worklists_slots import Ui_WorklistsSlots
from vma_desk.ui.shared.comms_form import CommsFormDialog
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import FormDialog, attempt
from vma_desk.ui.shared.widgets import FieldSlot

#: how many open slots "Rebook…" offers at a time
SLOTS_OFFERED = 8
SLOT_ROLE = Qt.ItemDataRole.UserRole


class GapDoneDialog(FormDialog):
    """"Mark done" on a recall row: which of its care gaps was done, and the day (today unless
    changed; a day in the future is refused beside the field). `sig_saved(change)` once recorded."""

    ui: Ui_WorklistsGapDone
    sig_saved = Signal(object)

    def __init__(self, context: TabContext, row: RecallRow, who: str, parent: QWidget | None = None) -> None:
        super().__init__(Ui_WorklistsGapDone(), context.services, parent)
        self.context = context
        self.row = row
        ui = self.ui
        self.setWindowTitle(f"Mark done: {who}")
        self._main_button(QDialogButtonBox.StandardButton.Save, "&Mark done")
        ui.about_label.setText(f"Recall: {who} is due for {wording.plural(len(row.gaps), 'care gap')}.")
        for gap in row.gaps:
            ui.gap_combo.addItem(f"{gap.kind} (due {wording.date_text(gap.due)})", gap.kind)
        ui.day_edit.set_value(context.today())
        ui.gap_combo.setFocus()

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return {"kind": FieldSlot(ui.gap_combo, ui.gap_error, "Care gap"),
                "day": FieldSlot(ui.day_edit, ui.day_error, "Done on")}.get(field)

    def kind(self) -> str:
        return str(self.ui.gap_combo.currentData() or "")

    def _record(self) -> Change:
        day: date | None = self.ui.day_edit.value()
        if day is None:  # a blank or half-typed date: the service takes a date only
            raise ValidationError("day", "is required")
        return self.context.services.recall.record_done(self.row.patient_id, self.kind(), day)

    def save(self) -> Change | None:
        """Record the gap done (the dialog closes), or show why not (it stays open as typed)."""
        change = self._attempt(self._record)
        if change is None:
            return None
        self.sig_saved.emit(change)
        self.accept()
        return change

    def _on_button_box_accepted(self) -> None:
        self.save()


def recall_booking(context: CalendarContext, row: RecallRow, booking: RecallBooking,
                   parent: QWidget | None = None) -> BookingDialog:
    """The Calendar's booking dialog for a recall row: the patient, the visit type that closes the
    gaps with its length, the provider seen last (any provider when none), and the next open
    slots already listed with the first one current (Enter takes it, Enter again books)."""
    gaps = ", ".join(gap.kind for gap in row.gaps)
    dialog = BookingDialog(context, provider_id=booking.provider_id,
                           patient=context.patients.get(row.patient_id), type_code=booking.type_code,
                           preferences=Preferences(any_provider=booking.provider_id is None),
                           reason=f"Recall: due for {gaps}"[:200], parent=parent)
    dialog.ui.minutes_spin.setValue(booking.minutes)
    dialog.find_slots()
    return dialog


class SlotPickerDialog(FormDialog):
    """The next open slots for one visit, one picked and booked by `book(slot)` (Enter or a
    double-click): "Rebook…" on a missed visit. A refusal (the slot taken meanwhile, a conflict) is
    said on top with nothing saved, and the slots are read again. `sig_saved(change)` once booked."""

    ui: Ui_WorklistsSlots
    sig_saved = Signal(object)

    def __init__(self, context: TabContext, title: str, about: str, find: Callable[[], list[Slot]],
                 book: Callable[[Slot], tuple[Any, Change]], parent: QWidget | None = None) -> None:
        super().__init__(Ui_WorklistsSlots(), context.services, parent)
        self.context = context
        self._find = find
        self._book = book
        self.setWindowTitle(title)
        self.book_button = self._main_button(QDialogButtonBox.StandardButton.Ok, "&Book this slot")
        self.ui.about_label.setText(about)
        font = self.ui.about_label.font()
        font.setBold(True)
        self.ui.about_label.setFont(font)
        self.ui.slot_list.itemDoubleClicked.connect(lambda _item: self.book())
        self.read_slots()
        self.ui.slot_list.setFocus()

    def read_slots(self) -> list[Slot]:
        """List the next open slots again, the first one current."""
        ui = self.ui
        ui.slot_list.clear()
        found = attempt(self._errors, self._find, slot_for=self._slot_for) or []
        zone, providers = self.context.zone(), self.context.providers
        for slot in found:
            item = QListWidgetItem(calendar_text.slot_line(slot, providers, zone))
            item.setData(SLOT_ROLE, slot)
            ui.slot_list.addItem(item)
        if found:
            ui.slot_list.setCurrentRow(0)
            ui.status_label.setText("Arrows choose a slot; Enter books it.")
        else:
            ui.status_label.setText("No open slot in the next 90 days for this visit: "
                                    "book it in the Calendar.")
        self.book_button.setEnabled(bool(found))
        return found

    def selected(self) -> Slot | None:
        item = self.ui.slot_list.currentItem()
        slot = item.data(SLOT_ROLE) if item is not None else None
        return slot if isinstance(slot, Slot) else None

    def _slot_for(self, field: str) -> FieldSlot | None:
        return FieldSlot(self.ui.slot_list, self.ui.slot_error, "Slot") if field == "start" else None

    def book(self) -> Change | None:
        """Book the slot chosen (the dialog closes), or say why not (nothing is saved)."""
        slot = self.selected()
        if slot is None:
            self._errors.show_general("Choose a slot first.")
            return None
        done = attempt(self._errors, lambda: self._book(slot), slot_for=self._slot_for, conflicts=self)
        if done is None:
            return None
        self.sig_saved.emit(done[1])
        self.accept()
        return done[1]

    def _on_button_box_accepted(self) -> None:
        self.book()

    # where `attempt` puts a conflict (`form.ConflictPanel`): said whole on top, the slots read again
    def slot_for(self, field: str) -> FieldSlot | None:
        return None

    def show_conflicts(self, conflicts: Sequence[Conflict]) -> None:
        self.read_slots()
        said = " ".join(c.message for c in conflicts)
        self._errors.show_general(f"Not booked: {said} Nothing was saved; choose another slot.")


def rebook_dialog(context: TabContext, row: RebookRow, who: str,
                  parent: QWidget | None = None) -> SlotPickerDialog:
    """"Rebook…" on a missed visit: the next open slots of its length with its provider, from now;
    the one picked is booked again through `services.rebooking.rebook` (its type, provider and
    length, and the decision, together)."""
    visit: Appointment = row.appointment
    services, zone = context.services, context.zone()
    kind = context.types.get(visit.type_code)
    missed = wording.when_in_year(visit.start, zone, context.today())
    about = (f"Rebook {who}: {kind.name if kind else visit.type_code}, {visit.minutes} min with "
             f"{context.staff_name(visit.provider_id)} (missed {missed}, {row.reason})")

    def find() -> list[Slot]:
        return services.calendar.find_slots(minutes=visit.minutes, provider_ids=[visit.provider_id],
                                            after=context.now().astimezone(UTC), count=SLOTS_OFFERED)

    def book(slot: Slot) -> tuple[Any, Change]:
        return services.rebooking.rebook(row.appointment_id, slot.start)

    return SlotPickerDialog(context, f"Rebook: {who}", about, find, book, parent)


#: the answers a script line takes, in the order of its choices: Y and N pick them by key
ANSWERS: tuple[tuple[str, bool | None], ...] = (("Not asked / no answer", None), ("Yes", True), ("No", False))


class FollowUpDialog(CommsFormDialog):
    """"Record answers…" on a follow-up call: the fixed script's questions with what the patient
    said to each, and their question in their words (required when they have one; it goes to the
    clinical staff as a message, with what was done when it names a red flag). Saved through
    `services.follow_up.record_answers`, all or nothing; `sig_saved(change, message_change)` (None
    without a question)."""

    ui: Ui_WorklistsFollowUp
    sig_saved = Signal(object, object)

    def __init__(self, context: TabContext, call: FollowUpCall, who: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_WorklistsFollowUp(), context, ("question_edit",), parent)
        self.context = context
        self.call = call
        ui = self.ui
        visit = call.appointment
        self.setWindowTitle(f"Record answers: {who}")
        self.save_button.setText("&Save answers")
        kind = context.types.get(visit.type_code)
        ui.about_label.setText(
            f"Follow-up call: {who}, after the visit of "
            f"{wording.when_in_year(visit.start, context.zone(), context.today())} "
            f"({kind.name if kind else visit.type_code} with {context.staff_name(visit.provider_id)})")
        font = ui.about_label.font()
        font.setBold(True)
        ui.about_label.setFont(font)
        ui.script_grid.setColumnStretch(0, 3)
        ui.script_grid.setColumnStretch(1, 1)
        for number, line in enumerate(SCRIPT, start=1):
            label: QLabel = getattr(ui, f"{line.field}_label")
            label.setText(f"&{number}. {line.text}")
            combo: QComboBox = getattr(ui, f"{line.field}_combo")
            combo.setAccessibleName(line.text)
            for text, value in ANSWERS:
                combo.addItem(text, value)
        ui.question_edit.setAccessibleName("The patient's question")
        ui.understood_combo.setFocus()

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        if field in {line.field for line in SCRIPT}:
            return FieldSlot(getattr(ui, f"{field}_combo"), getattr(ui, f"{field}_error"), "Answer")
        if field == "question":
            return FieldSlot(ui.question_edit, ui.question_error, "Question")
        return super()._slot_for(field)

    def answers(self) -> FollowUpAnswers:
        """The answers as chosen."""
        ui = self.ui
        given = {line.field: getattr(ui, f"{line.field}_combo").currentData() for line in SCRIPT}
        return FollowUpAnswers(**given, question=ui.question_edit.toPlainText())

    def _show_refusal(self, slot: FieldSlot, error: ValidationError) -> None:
        """The core's sentences ("Write down the patient's question to pass it on.") as they are."""
        self._errors.show(slot, error.message)
        if error.message[:1].isupper():
            slot.label.setText(error.message)

    def save(self) -> tuple[Change, Change | None] | None:
        """Record the answers (the dialog closes), or show why not (it stays open as typed)."""
        answers, action = self.answers(), self.ui.escalation_panel.action()
        done = attempt(self._errors, lambda: self.context.services.follow_up.record_answers(
            self.call.appointment_id, answers, escalation_action=action), slot_for=self._slot_for,
            show=self._show_refusal)
        if done is None:
            return None
        _call, change, message_change = done
        self.sig_saved.emit(change, message_change)
        self.accept()
        return change, message_change

    def _on_button_box_accepted(self) -> None:
        self.save()
