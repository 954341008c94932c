"""One appointment, opened with Enter: its flags (as Today and the huddle show them), its
confirmation and method, apart from its arrival (arrived / no-show), whether the patient gets a
follow-up call after it ("call after"), the insurance eligibility result, the telehealth link and
tech check, and rescheduling.

Save sends only what changed, each part through its own service call (confirmation, arrival,
"call after", eligibility, telehealth, then the move, which needs "Authorised by"). A part that
fails shows why beside its field; the parts already saved stay saved and the dialog stays open with
everything typed.
A no-show or a move frees a slot: the tab offers it to the waitlist.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from vma_desk.core import calendar_text as text
from vma_desk.core import wording
from vma_desk.core.agenda_text import flags as flag_text
from vma_desk.core.calendar import (
    ARRIVALS,
    CONFIRMATIONS,
    Appointment,
    Eligibility,
    EligibilityStatus,
    Slot,
    TechCheck,
    VisitStatus,
)
from vma_desk.core.errors import ValidationError
from vma_desk.core.follow_up import DEFAULT_DAYS
from vma_desk.core.records import Change, ContactMethod
from vma_desk.ui.calendar.context import CalendarContext, CalendarDialog
from vma_desk.ui.calendar.fields import fill_providers, read_start, select_data, show_start
from vma_desk.ui.calendar.move import reschedule
from vma_desk.ui.calendar.proposals import Offer, offer_for
from vma_desk.ui.forms.ui_calendar_appointment import Ui_CalendarAppointment
from vma_desk.ui.shared.widgets import FieldSlot

#: what saving one part gives: the updated record, its `Change`, and the `Offer` of a freed slot
Saved = tuple[Appointment, Change, Offer | None]


class AppointmentDialog(CalendarDialog):
    ui: Ui_CalendarAppointment
    #: one part was saved: its `Change` and the `Offer` of a freed slot (or None)
    sig_saved = Signal(object, object)
    #: "Cancel visit…" was chosen for this `Appointment`
    sig_cancel_requested = Signal(object)

    def __init__(self, context: CalendarContext, appointment: Appointment,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_CalendarAppointment(), context, parent)
        ui = self.ui
        self._zone = context.zone()
        self.appointment = appointment
        #: the part being saved ("confirmation" errors about the status go beside its combo)
        self._saving = ""
        #: why "call after" is not the VMA's to change here (its type calls after every visit, or
        #: the call is done); "" when it is
        self._call_after_fixed = ""
        for status in CONFIRMATIONS:
            ui.confirmation_combo.addItem(text.STATUS_LABELS[status], status.value)
        ui.status_combo.addItem("Not yet (visit to come)", None)
        for status in ARRIVALS:  # cancelling needs its reason: "Cancel visit…"
            ui.status_combo.addItem(text.STATUS_LABELS[status], status.value)
        ui.method_combo.addItem("Not reached yet", None)
        for method in ContactMethod:
            ui.method_combo.addItem(text.METHOD_LABELS[method], method.value)
        for eligibility in EligibilityStatus:
            ui.eligibility_combo.addItem(text.ELIGIBILITY_LABELS[eligibility], eligibility.value)
            ui.secondary_eligibility_combo.addItem(text.SECONDARY_ELIGIBILITY_LABELS[eligibility],
                                                   eligibility.value)
        for label, met in (("Not recorded", None), ("Met", True), ("Not met", False)):
            ui.deductible_met_combo.addItem(label, met)
        for check in TechCheck:
            ui.tech_check_combo.addItem(text.TECH_CHECK_LABELS[check], check.value)
        fill_providers(ui.provider_combo, context.providers)
        self._main_button(QDialogButtonBox.StandardButton.Save, "&Save")
        ui.cancel_visit_button.clicked.connect(self._on_cancel_visit_button_clicked)
        for signal in (ui.provider_combo.currentIndexChanged, ui.date_edit.dateChanged,
                       ui.time_edit.timeChanged, ui.minutes_spin.valueChanged):
            signal.connect(self._on_schedule_edited)
        self._load(appointment)
        ui.confirmation_combo.setFocus()

    # record -> fields ---------------------------------------------------------------------------------
    def _load(self, a: Appointment) -> None:
        self.appointment = a
        ui, context = self.ui, self._context
        self._show_texts(a)
        self._show_flags(a)
        select_data(ui.confirmation_combo, a.confirmation.value)
        if a.status is VisitStatus.CANCELLED and ui.status_combo.findData(a.status.value) < 0:
            ui.status_combo.addItem(text.STATUS_LABELS[a.status], a.status.value)
        select_data(ui.status_combo, a.arrival.value if a.arrival else None)
        select_data(ui.method_combo, a.confirmation_method.value if a.confirmation_method else None)
        self._show_call_after(a)
        eligibility = a.eligibility
        select_data(ui.eligibility_combo, eligibility.status.value)
        ui.active_check.setChecked(bool(eligibility.active))
        ui.in_network_check.setChecked(bool(eligibility.in_network))
        ui.copay_edit.setText(eligibility.copay_note)
        ui.deductible_met_combo.setCurrentIndex({None: 0, True: 1, False: 2}[eligibility.deductible_met])
        ui.deductible_remaining_edit.setText(eligibility.deductible_remaining)
        ui.coinsurance_edit.setText(eligibility.coinsurance)
        ui.oop_edit.setText(eligibility.oop_note)
        select_data(ui.secondary_eligibility_combo, eligibility.secondary_status.value)
        self._show_secondary(a)
        kind = context.types.get(a.type_code)
        ui.telehealth_group.setVisible(bool(kind and kind.telehealth) or bool(a.telehealth_link))
        ui.link_edit.setText(a.telehealth_link)
        select_data(ui.tech_check_combo, a.tech_check.value)
        select_data(ui.provider_combo, a.provider_id)
        show_start(ui.date_edit, ui.time_edit, ui.zone_label, a.start, self._zone)
        ui.minutes_spin.setValue(a.minutes)
        cancelled = a.status is VisitStatus.CANCELLED
        for widget in (ui.status_group, ui.eligibility_group, ui.telehealth_group,
                       ui.reschedule_group, ui.cancel_visit_button):
            widget.setEnabled(not cancelled)
        self._saved = self._parts()

    def _show_texts(self, a: Appointment) -> None:
        ui, context = self.ui, self._context
        # no patient name in a title: titles show in task bars, screen shares and window lists
        visit_type = context.types.get(a.type_code)
        local = a.start.astimezone(self._zone)
        self.setWindowTitle(f"Visit · {visit_type.name if visit_type else a.type_code} · "
                            f"{wording.short_day(local.date())} {wording.clock(local)}")
        ui.summary_label.setText(text.visit_summary(
            a, context.patients.name(a.patient_id), context.types, context.providers, self._zone))
        ui.details_label.setText(self._details(a))
        eligibility = a.eligibility
        ui.eligibility_checked_label.setText(
            f"Checked {text.when(eligibility.checked_at, self._zone)} by {eligibility.checked_by}."
            if eligibility.checked_at else "Not checked yet.")

    def _show_flags(self, a: Appointment) -> None:
        """The visit's flags, worked out as for Today and the huddle (by the agenda service)."""
        found = () if a.id is None else self._context.services.agenda.visit_flags(a.id)
        self.ui.flags_label.setText(f"Flags: {flag_text(found)}" if found else "No flags.")

    def _show_call_after(self, a: Appointment) -> None:
        """The "call after" mark: the VMA's to set for this visit; checked and greyed out, saying why,
        when the visit's type calls after every visit or the call is already done."""
        ui = self.ui
        kind = self._context.types.get(a.type_code)
        days = kind.follow_up_days if kind else None
        name = kind.name if kind else a.type_code
        call = (self._context.services.follow_up.get(a.id)
                if a.id is not None and a.status is VisitStatus.ARRIVED else None)
        done_at = call.done_at if call is not None else None
        if call is not None and done_at is not None:
            self._call_after_fixed = (f"Its follow-up call is done: answers recorded "
                                      f"{text.when(done_at, self._zone)} by {call.done_by}.")
        elif days is not None:
            self._call_after_fixed = (f"Every {name} visit gets a follow-up call "
                                      f"{wording.plural(days, 'business day')} after it "
                                      f"(Practice settings, Appointment types).")
        else:
            self._call_after_fixed = ""
        ui.call_after_check.setChecked(a.call_after or days is not None or done_at is not None)
        ui.call_after_check.setEnabled(not self._call_after_fixed)
        ui.call_after_note.setText(self._call_after_fixed)
        ui.call_after_note.setVisible(bool(self._call_after_fixed))
        ui.call_after_check.setToolTip(self._call_after_fixed or (
            f"Call the patient after this visit: once they have arrived, the call falls due "
            f"{wording.plural(DEFAULT_DAYS, 'business day')} after it (the {name} type sets none) "
            f"on Worklists, Follow-up calls. A type set to call after every visit shows this "
            f"checked and greyed out, saying so."))

    def _show_secondary(self, a: Appointment) -> None:
        """The secondary's verification, when the patient has a secondary (or one was recorded)."""
        patient = self._context.patients.get(a.patient_id)
        secondary = patient.secondary_insurance if patient else None
        ui = self.ui
        shown = secondary is not None or a.eligibility.secondary_status is not EligibilityStatus.UNVERIFIED
        ui.secondary_eligibility_label.setVisible(shown)
        ui.secondary_eligibility_combo.setVisible(shown)
        ui.secondary_eligibility_combo.setToolTip(
            f"The secondary insurance, {secondary.summary}: verified with its payer too?" if secondary
            else "The secondary insurance's verification")
        primary = patient.insurance if patient else None
        ui.eligibility_combo.setToolTip(f"The primary insurance, {primary.summary}" if primary else "")

    def _details(self, a: Appointment) -> str:
        lines = []
        if a.reason:
            lines.append(f"Reason: {a.reason}")
        if a.notes:
            lines.append(f"Notes: {a.notes}")
        if a.authorised_by:
            lines.append(f"Last schedule change authorised by {a.authorised_by}.")
        if a.entered_by and a.entered_by.casefold() != a.authorised_by.casefold():
            lines.append(f"Last change entered by {a.entered_by}.")
        if a.override_reason:
            lines.append(f"Booked over a conflict: {a.override_reason}")
        if a.status is VisitStatus.CANCELLED:
            late = "Late cancellation" if a.late_cancel else "Cancelled"
            when = text.when(a.cancelled_at, self._zone) if a.cancelled_at else ""
            lines.append(f"{late} {when}: {a.cancel_reason}")
        no_shows = self._context.calendar.no_show_counts([a.patient_id]).get(a.patient_id, 0)
        if no_shows:
            lines.append(f"No-shows on record for this patient: {no_shows}")
        return "\n".join(lines)

    # fields -> parts ----------------------------------------------------------------------------------
    def _confirmation(self) -> tuple[VisitStatus, ContactMethod | None]:
        method = self.ui.method_combo.currentData()
        return (VisitStatus(self.ui.confirmation_combo.currentData()),
                ContactMethod(method) if method else None)

    def _arrival(self) -> VisitStatus | None:
        chosen = self.ui.status_combo.currentData()
        return VisitStatus(chosen) if chosen else None

    def _call_after(self) -> bool:
        """The mark as the VMA set it (the visit's own when it is not theirs to change here)."""
        return self.appointment.call_after if self._call_after_fixed else self.ui.call_after_check.isChecked()

    def _eligibility(self) -> Eligibility:
        ui = self.ui
        return replace(self.appointment.eligibility,
                       status=EligibilityStatus(ui.eligibility_combo.currentData()),
                       active=ui.active_check.isChecked(), in_network=ui.in_network_check.isChecked(),
                       copay_note=ui.copay_edit.text(), deductible_met=ui.deductible_met_combo.currentData(),
                       deductible_remaining=ui.deductible_remaining_edit.text(),
                       coinsurance=ui.coinsurance_edit.text(), oop_note=ui.oop_edit.text(),
                       secondary_status=EligibilityStatus(ui.secondary_eligibility_combo.currentData()))

    def _telehealth(self) -> tuple[str, TechCheck]:
        return self.ui.link_edit.text(), TechCheck(self.ui.tech_check_combo.currentData())

    def _schedule(self) -> tuple[int, str, int, int]:
        ui = self.ui
        return (int(ui.provider_combo.currentData()), ui.date_edit.date().toString("yyyyMMdd"),
                ui.time_edit.time().msecsSinceStartOfDay(), ui.minutes_spin.value())

    def _parts(self) -> dict[str, object]:
        eligibility = self._eligibility()
        return {"confirmation": self._confirmation(), "arrival": self._arrival(),
                "call_after": self._call_after(), "telehealth": self._telehealth(),
                "schedule": self._schedule(),
                "eligibility": (eligibility.status, eligibility.active, eligibility.in_network,
                                eligibility.copay_note.strip(), eligibility.deductible_met,
                                eligibility.deductible_remaining.strip(), eligibility.coinsurance.strip(),
                                eligibility.oop_note.strip(), eligibility.secondary_status)}

    def changed_parts(self) -> list[str]:
        now = self._parts()
        # the move first: it is the part a conflict can refuse (so nothing else is saved before a
        # refusal), and a new time resets the confirmation a status typed here then sets again
        return [part for part in ("schedule", "confirmation", "arrival", "call_after", "eligibility",
                                  "telehealth")
                if now[part] != self._saved[part]]

    # saving -------------------------------------------------------------------------------------------
    def _on_button_box_accepted(self) -> None:
        self._errors.clear()
        for part in self.changed_parts():
            if not self._save_part(part):
                return
        self.accept()

    def _save_part(self, part: str) -> bool:
        save = {"confirmation": self._save_confirmation, "arrival": self._save_arrival,
                "call_after": self._save_call_after, "eligibility": self._save_eligibility,
                "telehealth": self._save_telehealth, "schedule": self._save_schedule}[part]
        self._saving = part
        try:
            done = save()
        finally:
            self._saving = ""
        if done is None:
            return False
        updated, change, offer = done
        # the fields already show what was saved; later parts keep what is typed in them
        self.appointment = updated
        self._saved[part] = self._parts()[part]
        self._show_texts(updated)
        self._show_flags(updated)
        self.sig_saved.emit(change, offer)
        return True

    def _save_confirmation(self) -> Saved | None:
        done = self._attempt(lambda: self._context.calendar.set_status(self._id(), *self._confirmation()))
        return None if done is None else (done[0], done[1], None)

    def _save_arrival(self) -> Saved | None:
        before, arrival, calendar = self.appointment, self._arrival(), self._context.calendar
        if arrival is None:  # an arrival or no-show recorded by mistake, taken back
            done = self._attempt(lambda: calendar.clear_arrival(self._id()))
            return None if done is None else (*done, None)
        marked = self._attempt(lambda: calendar.set_status(self._id(), arrival))
        if marked is None:
            return None
        updated, change, proposals = marked
        return updated, change, offer_for(self._no_show_slot(before), proposals)

    def _save_call_after(self) -> Saved | None:
        follow_up = self._context.services.follow_up
        done = self._attempt(lambda: follow_up.set_call_after(self._id(), self._call_after()))
        return None if done is None else (*done, None)

    def _save_eligibility(self) -> Saved | None:
        calendar = self._context.calendar
        done = self._attempt(lambda: calendar.record_eligibility(self._id(), self._eligibility()))
        return None if done is None else (*done, None)

    def _save_telehealth(self) -> Saved | None:
        calendar = self._context.calendar
        link, check = self._telehealth()
        done = self._attempt(lambda: calendar.set_telehealth(self._id(), link=link, tech_check=check))
        return None if done is None else (*done, None)

    def _save_schedule(self) -> Saved | None:
        ui = self.ui
        try:
            start = read_start(ui.date_edit, ui.time_edit, self._zone)
        except ValidationError as error:
            self._errors.show(FieldSlot(ui.date_edit, ui.start_error, "Date and time"), error.message)
            return None
        return reschedule(self._context, self.appointment, start=start,
                          provider_id=int(ui.provider_combo.currentData()),
                          minutes=ui.minutes_spin.value(), approval=ui.approval_panel,
                          errors=self._errors, slot_for=self._slot_for)

    def _id(self) -> int:
        assert self.appointment.id is not None
        return self.appointment.id

    def _no_show_slot(self, before: Appointment) -> Slot:
        """What a no-show frees: the rest of the visit from now on (as the service offers it)."""
        now = self._context.now().replace(second=0, microsecond=0)
        start = max(before.start, now)
        return Slot(before.provider_id, start, max(int((before.end - start) / timedelta(minutes=1)), 0))

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        if field == "status" and self._saving == "confirmation":
            return FieldSlot(ui.confirmation_combo, ui.confirmation_error, "Confirmation")
        return self._shared_slot(field) or {
            "status": FieldSlot(ui.status_combo, ui.status_error, "Arrival status"),
            "call_after": FieldSlot(ui.call_after_check, ui.call_after_error, "Follow-up call"),
            "confirmation_method": FieldSlot(ui.method_combo, ui.method_error, "Method"),
            "copay_note": FieldSlot(ui.copay_edit, ui.copay_error, "Copay"),
            "deductible_remaining": FieldSlot(ui.deductible_remaining_edit, ui.deductible_remaining_error,
                                              "Deductible remaining"),
            "coinsurance": FieldSlot(ui.coinsurance_edit, ui.coinsurance_error, "Coinsurance"),
            "oop_note": FieldSlot(ui.oop_edit, ui.oop_error, "Out-of-pocket"),
            "telehealth_link": FieldSlot(ui.link_edit, ui.link_error, "Link"),
            "start": FieldSlot(ui.date_edit, ui.start_error, "Date and time"),
            "minutes": FieldSlot(ui.minutes_spin, ui.minutes_error, "Duration"),
        }.get(field)

    def _on_schedule_edited(self, *_args: object) -> None:
        self.ui.approval_panel.clear_conflicts()

    def _on_cancel_visit_button_clicked(self) -> None:
        self.accept()
        self.sig_cancel_requested.emit(self.appointment)

