"""Offering a freed slot to the waitlist: "Offer this slot to: ..." and booking one in one action.

After a cancellation, a move or a no-show the service returns the waitlisted patients the freed
slot suits, longest waiting first. The dialog lists them with their phone and preferences; Enter
(or "Book selected") books the highlighted one into the slot with their waitlisted visit type, and
the service takes them off the waitlist.

An offer made by phone or text that is not taken at once is logged (Ctrl+Shift+L, "Log offer…"):
`services.freed_slots.offer` records it against the freed slot the change recorded, and each
patient's line then says the offers made to them ("Offered: 1 attempt · last: no answer 09:30").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from vma_desk.core import calendar_text as text
from vma_desk.core.calendar import Appointment, Slot, WaitlistEntry
from vma_desk.core.chase import Attempt, ChaseKind, ChaseState
from vma_desk.core.freed_slots import FreedSlot
from vma_desk.core.records import Change
from vma_desk.ui.calendar.context import CalendarContext, CalendarDialog
from vma_desk.ui.calendar.lists import RECORD_ROLE, RecordListModel, WrappedLinesDelegate
from vma_desk.ui.forms.ui_calendar_proposals import Ui_CalendarProposals
from vma_desk.ui.shared.attempt import AttemptTarget, LogAttemptDialog
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import attempt, show_dialog
from vma_desk.ui.shared.table import tab_action


@dataclass(frozen=True)
class Offer:
    """A slot that just opened and the waitlisted patients it suits."""

    slot: Slot
    entries: tuple[WaitlistEntry, ...]


class OfferAttemptDialog(LogAttemptDialog):
    """The shared "Log attempt" dialog for a waitlist offer: logged as it is made (now, its next
    attempt by the practice's policy for waitlist offers), through `services.freed_slots.offer`,
    which refuses it once the slot is filled or its time has passed (said on top)."""

    def __init__(self, context: TabContext, target: AttemptTarget, parent: QWidget | None = None) -> None:
        super().__init__(context, target, parent)
        ui = self.ui
        for widget in (ui.at_edit, ui.next_check, ui.next_edit):
            widget.setEnabled(False)
            widget.setToolTip("A waitlist offer is logged as it is made: now, and tried again by the "
                              "practice's policy")

    def log(self) -> tuple[Attempt, Change] | None:
        target = self.target
        patient_id = target.patient_id
        assert patient_id is not None, "an offer is made to a patient"
        result = attempt(self._errors, lambda: self.context.services.freed_slots.offer(
            target.record_id, patient_id, channel=self.channel(), outcome=self.outcome(),
            note=self.ui.note_edit.text()), slot_for=self._slot_for, show=self._show_refusal)
        if result is None:
            return None
        self.sig_logged.emit(*result)
        self.accept()
        return result


class ProposalsDialog(CalendarDialog):
    ui: Ui_CalendarProposals
    #: the booked `Appointment` and the `Change`
    sig_booked = Signal(object, object)
    #: a waitlist offer was logged: its `Attempt` and the `Change`
    sig_offer_logged = Signal(object, object)

    def __init__(self, context: CalendarContext, offer: Offer, parent: QWidget | None = None) -> None:
        super().__init__(Ui_CalendarProposals(), context, parent)
        self.offer = offer
        where = text.slot_line(offer.slot, context.providers, context.zone())
        self.ui.slot_label.setText(f"Offer this slot to: {where}")
        font = self.ui.slot_label.font()
        font.setBold(True)
        self.ui.slot_label.setFont(font)
        #: the freed slot the calendar recorded for this one (the offers' record), if any
        self.freed = self._freed_slot()
        self.model = RecordListModel(self)
        self.model.set_records(offer.entries, [self._line(e) for e in offer.entries])
        self.ui.proposal_list.setModel(self.model)
        self.ui.proposal_list.setItemDelegate(WrappedLinesDelegate(self.ui.proposal_list))
        if offer.entries:
            self.ui.proposal_list.setCurrentIndex(self.model.index(0))
        self.book_button = self._main_button(QDialogButtonBox.StandardButton.Ok, "&Book selected")
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Close).setText("Not now")
        self.ui.proposal_list.doubleClicked.connect(self._on_proposal_list_double_clicked)
        self.log_action = tab_action(self, "Lo&g offer…", ("Ctrl+Shift+L",),
                                     "Log an offer of this slot to the selected patient (no answer, left "
                                     "voicemail, declined...)", self.log_offer)
        self.log_button = QPushButton("Lo&g offer… (Ctrl+Shift+L)")
        self.log_button.setAutoDefault(False)
        self.log_button.setToolTip(self.log_action.toolTip())
        self.log_button.clicked.connect(self.log_offer)
        self.ui.button_box.addButton(self.log_button, QDialogButtonBox.ButtonRole.ActionRole)
        if self.freed is None:  # a slot the calendar did not record as freed (its time has passed)
            self.log_action.setEnabled(False)
            self.log_button.setEnabled(False)
        self.ui.proposal_list.setFocus()

    def _freed_slot(self) -> FreedSlot | None:
        """The open freed slot of this slot's provider overlapping its time, freed last."""
        slot = self.offer.slot
        found = [f for f in self._context.services.freed_slots.open_slots()
                 if f.provider_id == slot.provider_id and f.start < slot.end and slot.start < f.end]
        return max(found, key=lambda f: f.freed_at, default=None)

    def _line(self, entry: WaitlistEntry) -> str:
        context = self._context
        phone = text.phone_suffix(context.patients.get(entry.patient_id))
        line = text.waitlist_line(entry, context.patients.name(entry.patient_id), context.types,
                                  context.providers, context.zone())
        first, _, rest = line.partition("\n")
        offers = tuple(a for a in self.freed.offers if a.patient_id == entry.patient_id) if self.freed else ()
        offered = f"\nOffered: {ChaseState(offers).text(context.zone())}" if offers else ""
        return f"{first}{phone}\n{rest}{offered}"

    def selected(self) -> WaitlistEntry | None:
        record = self.ui.proposal_list.currentIndex().data(RECORD_ROLE)
        return record if isinstance(record, WaitlistEntry) else None

    def log_offer(self) -> OfferAttemptDialog | None:
        """Ctrl+Shift+L: log an offer of the slot to the selected patient."""
        entry, freed = self.selected(), self.freed
        if entry is None or freed is None or freed.id is None:
            return None
        who = self._context.patients.name(entry.patient_id)
        target = AttemptTarget(ChaseKind.WAITLIST_OFFER, freed.id, who, entry.patient_id, True, freed.offers)
        dialog = OfferAttemptDialog(self._context.shared, target, self)
        dialog.sig_logged.connect(self._on_offer_logged)
        show_dialog(dialog)
        return dialog

    def _on_offer_logged(self, logged: Attempt, change: Change) -> None:
        """The patients' lines say the offers made to them; the same one stays selected."""
        if self.freed is not None and self.freed.id is not None:
            self.freed = self._context.services.freed_slots.get(self.freed.id)
        row = self.ui.proposal_list.currentIndex().row()
        entries = self.offer.entries
        self.model.set_records(entries, [self._line(e) for e in entries])
        if 0 <= row < len(entries):
            self.ui.proposal_list.setCurrentIndex(self.model.index(row))
        self.ui.proposal_list.setFocus()
        self.sig_offer_logged.emit(logged, change)

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
