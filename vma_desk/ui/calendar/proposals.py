"""Offering a freed slot to the waitlist: "Offer this slot to: ..." and booking one in one action.

After a cancellation, a move or a no-show the service returns the waitlisted patients the freed
slot suits, longest waiting first. The dialog lists them with their phone and preferences; Enter
(or "Book selected") books the highlighted one into the slot with their waitlisted visit type, and
the service takes them off the waitlist.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from vma_desk.core import calendar_text as text
from vma_desk.core.calendar import Appointment, Slot, WaitlistEntry
from vma_desk.ui.calendar.context import CalendarContext, CalendarDialog
from vma_desk.ui.calendar.lists import RECORD_ROLE, RecordListModel, WrappedLinesDelegate
from vma_desk.ui.forms.ui_calendar_proposals import Ui_CalendarProposals
from vma_desk.ui.shared.form import attempt


@dataclass(frozen=True)
class Offer:
    """A slot that just opened and the waitlisted patients it suits."""

    slot: Slot
    entries: tuple[WaitlistEntry, ...]


class ProposalsDialog(CalendarDialog):
    ui: Ui_CalendarProposals
    #: the booked `Appointment` and the `Change`
    sig_booked = Signal(object, object)

    def __init__(self, context: CalendarContext, offer: Offer, parent: QWidget | None = None) -> None:
        super().__init__(Ui_CalendarProposals(), context, parent)
        self.offer = offer
        where = text.slot_line(offer.slot, context.providers, context.zone())
        self.ui.slot_label.setText(f"Offer this slot to: {where}")
        font = self.ui.slot_label.font()
        font.setBold(True)
        self.ui.slot_label.setFont(font)
        self.model = RecordListModel(self)
        self.model.set_records(offer.entries, [self._line(e) for e in offer.entries])
        self.ui.proposal_list.setModel(self.model)
        self.ui.proposal_list.setItemDelegate(WrappedLinesDelegate(self.ui.proposal_list))
        if offer.entries:
            self.ui.proposal_list.setCurrentIndex(self.model.index(0))
        self.book_button = self._main_button(QDialogButtonBox.StandardButton.Ok, "&Book selected")
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Close).setText("Not now")
        self.ui.proposal_list.doubleClicked.connect(self._on_proposal_list_double_clicked)
        self.ui.proposal_list.setFocus()

    def _line(self, entry: WaitlistEntry) -> str:
        context = self._context
        phone = text.phone_suffix(context.patients.get(entry.patient_id))
        line = text.waitlist_line(entry, context.patients.name(entry.patient_id), context.types,
                                  context.providers, context.zone())
        first, _, rest = line.partition("\n")
        return f"{first}{phone}\n{rest}"

    def selected(self) -> WaitlistEntry | None:
        record = self.ui.proposal_list.currentIndex().data(RECORD_ROLE)
        return record if isinstance(record, WaitlistEntry) else None

    def _on_proposal_list_double_clicked(self, _index: object) -> None:
        self._on_button_box_accepted()

    def _on_button_box_accepted(self) -> None:
        self._errors.clear()
        entry = self.selected()
        if entry is None:
            self._errors.show_general("Choose the patient who takes the slot.")
            return
        approval = self.ui.approval_panel
        if not approval.check_override(self._errors):
            return
        slot = self.offer.slot
        kind = self._context.types.get(entry.type_code)
        visit = Appointment(patient_id=entry.patient_id, provider_id=slot.provider_id,
                            type_code=entry.type_code, start=slot.start,
                            minutes=kind.minutes if kind else slot.minutes,
                            reason="From the waitlist", notes=entry.note)
        done = attempt(self._errors, lambda: self._context.calendar.book(
            visit, authorised_by=approval.authorised_by(), override_reason=approval.override_reason()),
            conflicts=approval)
        if done is None:
            return
        booked, change = done
        approval.remember()
        self.accept()
        self.sig_booked.emit(booked, change)


def offer_for(freed: Slot, proposals: list[WaitlistEntry]) -> Offer | None:
    """The offer to show after a change freed `freed`; None when nobody waits for such a slot."""
    return Offer(freed, tuple(proposals)) if proposals else None
