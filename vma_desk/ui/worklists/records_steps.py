"""The forms of the Records requests list: "New request…" (a release of the patient's records, or
records asked from elsewhere), "Mark sent…" on a release (the secure way it went; refused beside the
authorisation without a valid one, nothing saved) and "Authorisation…" (the day the patient signed
it and the day it expires).

Each runs one `services.records_requests` call: a refusal is shown beside its field with what was
typed kept; `sig_saved(change)` once it is done.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from vma_desk.core import wording
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change
from vma_desk.core.records_requests import (
    ITEMS_LIMIT,
    PARTY_LIMIT,
    PURPOSE_LIMIT,
    Direction,
    RecordsRequest,
    SecureChannel,
)
from vma_desk.ui.forms.ui_records_authorisation import Ui_RecordsAuthorisation
from vma_desk.ui.forms.ui_records_request import Ui_RecordsRequest
from vma_desk.ui.forms.ui_records_sent import Ui_RecordsSent
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import FormDialog, attempt
from vma_desk.ui.shared.widgets import FieldSlot

#: the direction choices, as the list's "Direction" column says them
DIRECTIONS = ((Direction.OUTGOING, "Release to someone (our records go out)"),
              (Direction.INCOMING, "Asked from elsewhere (records come in)"))


def authorisation_text(request: RecordsRequest) -> str:
    """ "Signed 02/20/26, expires 02/20/27" for a release (or "Missing"); "" for records asked for
    (the years said: an authorisation often runs a year to the day)."""
    if request.direction is not Direction.OUTGOING:
        return ""
    if request.authorization_on is None:
        return "Missing"
    signed = f"Signed {request.authorization_on:%m/%d/%y}"
    if request.authorization_expires is None:
        return f"{signed}, no expiry"
    return f"{signed}, expires {request.authorization_expires:%m/%d/%y}"


def _who(request: RecordsRequest, name: str) -> str:
    """ "Release of Ames, Ann's records to Acme Insurance" / "Records of ... asked from ..." """
    if request.direction is Direction.OUTGOING:
        return f"Release of {name}'s records to {request.party}"
    return f"{name}'s records asked from {request.party}"


def _day(value: date | None, field: str) -> date:
    if value is None:
        raise ValidationError(field, "is required: enter a date (MM/DD/YYYY)")
    return value


class RecordsRequestDialog(FormDialog):
    """ "New request…" (Alt+N): the direction, the patient, to or from whom, the day asked, which
    records and why; for a release the authorisation's dates when it is on file already (left
    blank: recorded later with "Authorisation…"). `sig_saved(change)` once recorded."""

    ui: Ui_RecordsRequest
    sig_saved = Signal(object)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(Ui_RecordsRequest(), context.services, parent)
        self.context = context
        ui = self.ui
        self.setWindowTitle("New records request")
        self._main_button(QDialogButtonBox.StandardButton.Save, "&Save request")
        ui.about_label.setText("A release of the patient's records, or records the practice asks for.")
        for direction, text in DIRECTIONS:
            ui.direction_combo.addItem(text, direction.value)
        ui.asked_on_edit.set_value(context.today())
        ui.signed_edit.set_value(None)
        ui.expires_edit.set_value(None)
        for edit, limit, hint in ((ui.party_edit, PARTY_LIMIT, "e.g. Acme Insurance, or Mercy Hospital ER"),
                                  (ui.items_edit, ITEMS_LIMIT, "e.g. Visit notes 2024-2025, immunisations"),
                                  (ui.purpose_edit, PURPOSE_LIMIT, "e.g. life insurance application")):
            edit.setMaxLength(limit)
            edit.setPlaceholderText(hint)
        ui.direction_combo.currentIndexChanged.connect(lambda _index: self._on_direction_changed())
        self._on_direction_changed()
        ui.direction_combo.setFocus()

    def direction(self) -> Direction:
        # Qt keeps a StrEnum as its plain text
        return Direction(self.ui.direction_combo.currentData() or Direction.OUTGOING.value)

    def _on_direction_changed(self) -> None:
        """Records asked for need no authorisation, and their purpose is optional."""
        ui = self.ui
        release = self.direction() is Direction.OUTGOING
        for widget in (ui.signed_label, ui.signed_edit, ui.expires_label, ui.expires_edit):
            widget.setEnabled(release)
        if not release:
            ui.signed_edit.set_value(None)
            ui.expires_edit.set_value(None)
        ui.party_label.setText("&To whom:" if release else "&From whom:")
        ui.purpose_label.setText("P&urpose:" if release else "P&urpose (optional):")

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return {"direction": FieldSlot(ui.direction_combo, ui.direction_error, "Direction"),
                "patient_id": FieldSlot(ui.patient_picker, ui.patient_error, "Patient"),
                "party": FieldSlot(ui.party_edit, ui.party_error,
                                   "To whom" if self.direction() is Direction.OUTGOING else "From whom"),
                "asked_on": FieldSlot(ui.asked_on_edit, ui.asked_on_error, "Asked on"),
                "items": FieldSlot(ui.items_edit, ui.items_error, "Items"),
                "purpose": FieldSlot(ui.purpose_edit, ui.purpose_error, "Purpose"),
                "authorization_on": FieldSlot(ui.signed_edit, ui.authorization_on_error, "Signed on"),
                "authorization_expires": FieldSlot(ui.expires_edit, ui.authorization_expires_error,
                                                   "Expires on")}.get(field)

    def request(self) -> RecordsRequest:
        """The request as typed (a blank day asked is refused beside its field)."""
        ui = self.ui
        return RecordsRequest(direction=self.direction(), patient_id=ui.patient_picker.patient_id() or 0,
                              party=ui.party_edit.text(), asked_on=_day(ui.asked_on_edit.value(), "asked_on"),
                              items=ui.items_edit.text(), purpose=ui.purpose_edit.text(),
                              authorization_on=ui.signed_edit.value(),
                              authorization_expires=ui.expires_edit.value())

    def save(self) -> Change | None:
        """Record the request (the dialog closes), or show why not (it stays open as typed)."""
        done = self._attempt(lambda: self.context.services.records_requests.add(self.request()))
        if done is None:
            return None
        self.sig_saved.emit(done[1])
        self.accept()
        return done[1]

    def _on_button_box_accepted(self) -> None:
        self.save()


class MarkSentDialog(FormDialog):
    """ "Mark sent…" on a release: the secure way it went out (now). Without the patient's valid
    authorisation it is refused beside the authorisation with the reason, and nothing is saved."""

    ui: Ui_RecordsSent
    sig_saved = Signal(object)

    def __init__(self, context: TabContext, request: RecordsRequest, who: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_RecordsSent(), context.services, parent)
        self.context = context
        self.request = request
        ui = self.ui
        self.setWindowTitle(f"Mark sent: {who}")
        self._main_button(QDialogButtonBox.StandardButton.Save, "&Mark sent")
        ui.about_label.setText(f"{_who(request, who)}: {request.items}")
        ui.authorisation_value.setText(authorisation_text(request))
        ui.channel_combo.addItem("Choose how it was sent", None)
        for channel in SecureChannel:
            ui.channel_combo.addItem(channel.label, channel.value)
        ui.channel_combo.setFocus()

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        authorisation = FieldSlot(ui.authorisation_value, ui.authorisation_error, "Authorisation")
        return {"channel": FieldSlot(ui.channel_combo, ui.channel_error, "Sent by"),
                "authorization_on": authorisation, "authorization_expires": authorisation,
                "at": FieldSlot(ui.channel_combo, ui.channel_error, "Sent")}.get(field)

    def _show_refusal(self, slot: FieldSlot, error: ValidationError) -> None:
        """ "Authorisation has passed: …", "Sent by is required: …": the caption and the reason."""
        self._errors.show(slot, error.message)
        slot.label.setText(f"{slot.caption} {error.message}.")

    def save(self) -> Change | None:
        """Mark the release sent (the dialog closes), or show why not (nothing is saved)."""
        chosen = self.ui.channel_combo.currentData()  # Qt keeps a StrEnum as its plain text
        channel = SecureChannel(chosen) if chosen else None
        done = attempt(self._errors, lambda: self.context.services.records_requests.mark_sent(
            self.request.id or 0, channel), slot_for=self._slot_for, show=self._show_refusal)
        if done is None:
            return None
        self.sig_saved.emit(done[1])
        self.accept()
        return done[1]

    def _on_button_box_accepted(self) -> None:
        self.save()


class AuthorisationDialog(FormDialog):
    """ "Authorisation…" on a release: the day the patient signed it and the day it expires (both
    required; a later form replaces the one on file)."""

    ui: Ui_RecordsAuthorisation
    sig_saved = Signal(object)

    def __init__(self, context: TabContext, request: RecordsRequest, who: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_RecordsAuthorisation(), context.services, parent)
        self.context = context
        self.request = request
        ui = self.ui
        self.setWindowTitle(f"Authorisation: {who}")
        self._main_button(QDialogButtonBox.StandardButton.Save, "&Save authorisation")
        on_file = authorisation_text(request)
        ui.about_label.setText(f"{_who(request, who)}. On file: {on_file}.")
        ui.signed_edit.set_value(request.authorization_on or context.today())
        ui.expires_edit.set_value(request.authorization_expires)
        ui.signed_edit.setFocus()

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return {"authorization_on": FieldSlot(ui.signed_edit, ui.authorization_on_error, "Signed on"),
                "authorization_expires": FieldSlot(ui.expires_edit, ui.authorization_expires_error,
                                                   "Expires on")}.get(field)

    def save(self) -> Change | None:
        ui = self.ui

        def record() -> Change:
            signed = _day(ui.signed_edit.value(), "authorization_on")
            expires = _day(ui.expires_edit.value(), "authorization_expires")
            return self.context.services.records_requests.record_authorisation(
                self.request.id or 0, signed, expires)[1]

        change = self._attempt(record)
        if change is None:
            return None
        self.sig_saved.emit(change)
        self.accept()
        return change

    def _on_button_box_accepted(self) -> None:
        self.save()


def due_text(due: date, late: bool, due_today: bool) -> str:
    """The Due column: "Late: 03/02", "Due today: 03/02", "Fri 03/06"."""
    if late:
        return f"Late: {wording.month_day(due)}"
    if due_today:
        return f"Due today: {wording.month_day(due)}"
    return f"{due:%a} {wording.month_day(due)}"
