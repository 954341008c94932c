"""The practice settings dialog (Edit → Practice settings…).

Name, time zone and business days drive every time rule (the calendar is always shown in the
practice's zone); the late-cancellation window and appointment types are the calendar's own.
The "Refills and referrals" page holds the refill protocol (visit with the prescriber within N
months, labs required per medication) and how long a referral may stand still by urgency. The
"Chasing" page holds how often the voicemail box is checked and, per kind of chase, when to try
again after each outcome and after how many unanswered attempts to stop. The "Forms and records"
page holds the intake packet of each appointment type (one form a line) and the business days a
records request has from the day it was asked.
Everything is stored in the encrypted workspace. Errors appear beside their fields; everything is
checked before anything is saved.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QCheckBox, QHeaderView, QTableWidgetItem, QWidget

from vma_desk.core.chase import ChaseKind, RetryPolicy
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change, Practice
from vma_desk.core.rules import escalation
from vma_desk.core.rules.callbacks import CallbackPolicy
from vma_desk.core.rules.referrals import AgingPolicy
from vma_desk.core.validation import clean_text, validate_appointment_type, validate_practice
from vma_desk.core.wording import WEEKDAY_NAMES
from vma_desk.services import Services
from vma_desk.services.refills import format_lab_rules, parse_lab_rules
from vma_desk.ui.forms.ui_practice_settings import Ui_PracticeSettings
from vma_desk.ui.practice.types_model import (
    BUFFER,
    FOLLOW_UP,
    MINUTES,
    NAME,
    PREP,
    AppointmentTypeTableModel,
)
from vma_desk.ui.shared.form import FormDialog, attempt
from vma_desk.ui.shared.widgets import FieldSlot, select_cell, to_time

#: the zones a US practice most often needs, first; every IANA zone can still be typed
COMMON_ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
                "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu")
#: the retry table's columns after the kind: (RetryPolicy field, heading)
RETRY_COLUMNS = (("no_answer_hours", "No answer (h)"), ("left_voicemail_hours", "Voicemail left (h)"),
                 ("wrong_number_hours", "Wrong number (h)"), ("call_later_hours", "Call later (h)"),
                 ("max_attempts", "Stop after"))


class PracticeSettingsDialog(FormDialog):
    ui: Ui_PracticeSettings
    sig_saved = Signal(object)  # a core Change

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(Ui_PracticeSettings(), services, parent)
        self.services = services
        self.practice = services.practice.get()
        ui = self.ui
        ui.name_edit.setText(self.practice.name)
        zones = list(COMMON_ZONES) + sorted(z for z in available_timezones()
                                            if "/" in z and z not in COMMON_ZONES)
        ui.zone_combo.addItems(zones)
        ui.zone_combo.setCurrentText(self.practice.time_zone)
        self.day_checks: list[QCheckBox] = []
        for number, name in enumerate(WEEKDAY_NAMES):
            check = QCheckBox(name[:3])
            check.setObjectName(f"day_{number}_check")
            check.setChecked(number in self.practice.business_days)
            ui.days_layout.addWidget(check)
            self.day_checks.append(check)
        ui.days_layout.addStretch(1)
        ui.notice_spin.setValue(services.calendar.notice_hours())
        self.types_model = AppointmentTypeTableModel(services.calendar.types(include_inactive=True), self)
        ui.types_view.setModel(self.types_model)
        header = ui.types_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PREP, QHeaderView.ResizeMode.Stretch)
        ui.types_view.verticalHeader().hide()
        comms = services.communications
        policy = comms.callback_policy()
        ui.urgent_spin.setValue(policy.urgent_minutes)
        ui.emergency_spin.setValue(policy.emergency_minutes)
        ui.close_time_edit.setTime(QTime(policy.close_time.hour, policy.close_time.minute))
        ui.step_edit.setPlainText(comms.escalation_step())
        ui.flags_edit.setPlainText("\n".join(comms.red_flag_phrases()))
        protocol = services.refills.protocol()
        ui.visit_months_spin.setValue(protocol.visit_months)
        ui.lab_rules_edit.setPlainText("\n".join(format_lab_rules(protocol.lab_rules)))
        aging = services.referrals.aging_policy()
        ui.routine_days_spin.setValue(aging.routine_days)
        ui.urgent_days_spin.setValue(aging.urgent_days)
        ui.emergency_days_spin.setValue(aging.emergency_days)
        ui.box_hours_spin.setValue(services.chase.box_check_hours())
        self._fill_retry_table()
        self._fill_forms_page()

    def _fill_forms_page(self) -> None:
        """The packet of each type (edited one type at a time, kept while another is shown) and
        the records requests' business-day clock."""
        ui = self.ui
        #: each type's packet as typed, by type code
        self.packets: dict[str, list[str]] = {}
        saved = self.services.intake.packets()
        for kind in self.services.calendar.types(include_inactive=True):
            self.packets[kind.code] = list(saved.get(kind.code, []))
            ui.packet_type_combo.addItem(kind.name + ("" if kind.active else " (inactive)"), kind.code)
        self._packet_code = ui.packet_type_combo.currentData()
        ui.packet_edit.setPlainText("\n".join(self.packets.get(self._packet_code, [])))
        ui.packet_type_combo.currentIndexChanged.connect(lambda _index: self._on_packet_type_changed())
        ui.records_days_spin.setValue(self.services.records_requests.settings())

    def _keep_packet(self) -> None:
        """What the items box says, kept for the type it shows (blank lines left out)."""
        if self._packet_code is not None:
            lines = self.ui.packet_edit.toPlainText().splitlines()
            self.packets[self._packet_code] = [line for line in lines if line.strip()]

    def _on_packet_type_changed(self) -> None:
        self._keep_packet()
        self._packet_code = self.ui.packet_type_combo.currentData()
        self.ui.packet_edit.setPlainText("\n".join(self.packets.get(self._packet_code, [])))

    def _save_packets(self) -> None:
        """Each type's packet that changed; a refusal names the type and shows it."""
        intake = self.services.intake
        self._keep_packet()
        saved = intake.packets()
        for code, names in self.packets.items():
            if names == saved.get(code, []):
                continue
            try:
                intake.set_packet(code, names)
            except ValidationError as exc:
                combo = self.ui.packet_type_combo
                combo.setCurrentIndex(combo.findData(code))
                name = combo.currentText()
                raise ValidationError("names", f"{name}: {exc.message}") from exc

    def _fill_retry_table(self) -> None:
        table = self.ui.retry_table
        table.setColumnCount(len(RETRY_COLUMNS))
        table.setHorizontalHeaderLabels([heading for _, heading in RETRY_COLUMNS])
        table.setRowCount(len(ChaseKind))
        table.setVerticalHeaderLabels([kind.label for kind in ChaseKind])
        for row, kind in enumerate(ChaseKind):
            policy = self.services.chase.policy(kind)
            for column, (name, _) in enumerate(RETRY_COLUMNS):
                table.setItem(row, column, QTableWidgetItem(str(getattr(policy, name))))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ui.retry_error.hide()

    def _retry_policies(self) -> dict[ChaseKind, RetryPolicy]:
        """The table's policies; a cell that is not a whole number is refused by its kind and column."""
        table = self.ui.retry_table
        out: dict[ChaseKind, RetryPolicy] = {}
        for row, kind in enumerate(ChaseKind):
            values: dict[str, Any] = {}
            for column, (name, heading) in enumerate(RETRY_COLUMNS):
                item = table.item(row, column)
                text = item.text().strip() if item is not None else ""
                if not text.isdigit():
                    select_cell(table, row, column)
                    raise ValidationError("retry", f"{kind.label}, {heading}: type a whole number")
                values[name] = int(text)
            out[kind] = replace(self.services.chase.policy(kind), **values)
        return out

    def _slots(self) -> dict[str, FieldSlot]:
        ui = self.ui
        return {
            "name": FieldSlot(ui.name_edit, ui.name_error, "Name"),
            "time_zone": FieldSlot(ui.zone_combo, ui.time_zone_error, "Time zone"),
            "business_days": FieldSlot(self.day_checks[0], ui.business_days_error, "Business days"),
            "escalation_step": FieldSlot(ui.step_edit, ui.escalation_step_error, "Escalation step"),
            "red_flags": FieldSlot(ui.flags_edit, ui.red_flags_error, "Red flags"),
            "urgent_minutes": FieldSlot(ui.urgent_spin, ui.escalation_step_error, "Urgent callback"),
            "emergency_minutes": FieldSlot(ui.emergency_spin, ui.escalation_step_error,
                                           "Emergency callback"),
            "lab_rules": FieldSlot(ui.lab_rules_edit, ui.lab_rules_error, "Labs required"),
            "box_check_hours": FieldSlot(ui.box_hours_spin, ui.retry_error, "Voicemail box"),
            "retry": FieldSlot(ui.retry_table, ui.retry_error, "Attempts"),
            "names": FieldSlot(ui.packet_edit, ui.packet_error, "Intake packet"),
            "type_code": FieldSlot(ui.packet_type_combo, ui.packet_error, "Appointment type"),
            "days": FieldSlot(ui.records_days_spin, ui.records_days_error, "Records requests"),
            **{name: FieldSlot(ui.retry_table, ui.retry_error, "Attempts")
               for name, _ in RETRY_COLUMNS},
        }

    def _slot_for(self, field: str) -> FieldSlot | None:
        """Where the error about `field` goes (None: on top), its page brought forward first."""
        slot = self._slots().get(field)
        if slot is not None:
            self._show_page_of(slot.widget)
        return slot

    def _on_button_box_accepted(self) -> None:
        self._errors.clear()
        days = frozenset(i for i, check in enumerate(self.day_checks) if check.isChecked())
        practice = replace(self.practice, name=self.ui.name_edit.text(),
                           time_zone=self.ui.zone_combo.currentText().strip(), business_days=days)
        # everything is checked before anything is written: all or nothing
        for row, appointment_type in enumerate(self.types_model.types):
            try:
                validate_appointment_type(appointment_type)
            except ValidationError as exc:
                self._show_type_error(row, exc)
                return
        change = attempt(self._errors, lambda: self._save(practice), slot_for=self._slot_for, general=str)
        if change is None:
            return
        self.sig_saved.emit(change)
        self.accept()

    def _save(self, practice: Practice) -> Change:
        """Check every page, then save them all together (or none)."""
        ui = self.ui
        policy = CallbackPolicy(ui.emergency_spin.value(), ui.urgent_spin.value(),
                                to_time(ui.close_time_edit.time()))
        validate_practice(practice)
        escalation.validate_phrases([p for p in ui.flags_edit.toPlainText().splitlines() if p.strip()])
        clean_text("escalation_step", ui.step_edit.toPlainText(), required=True, limit=500)
        lab_rules = ui.lab_rules_edit.toPlainText().splitlines()
        parse_lab_rules(lab_rules)
        retry = self._retry_policies()
        chase = self.services.chase
        with self.services.context.all_or_nothing():  # every page saved together, or none
            chase.set_box_check_hours(ui.box_hours_spin.value())
            for kind, retry_policy in retry.items():
                if retry_policy != chase.policy(kind):
                    try:
                        chase.set_policy(kind, retry_policy)
                    except ValidationError as exc:  # say which kind: the table has a row per kind
                        raise ValidationError(exc.field, f"{kind.label}: {exc.message}") from exc
            change = self.services.calendar.save_settings(self.types_model.changed(),
                                                          self.ui.notice_spin.value())
            self.services.communications.save_settings(
                red_flags=ui.flags_edit.toPlainText().splitlines(), step=ui.step_edit.toPlainText(),
                policy=policy)
            self.services.refills.save_protocol(visit_months=ui.visit_months_spin.value(),
                                                lab_rules=lab_rules)
            self.services.referrals.save_aging_policy(AgingPolicy(
                routine_days=ui.routine_days_spin.value(), urgent_days=ui.urgent_days_spin.value(),
                emergency_days=ui.emergency_days_spin.value()))
            self._save_packets()
            if ui.records_days_spin.value() != self.services.records_requests.settings():
                self.services.records_requests.save_settings(ui.records_days_spin.value())
            self.services.practice.save(practice)
        return change

    def _show_page_of(self, widget: QWidget) -> None:
        for index in range(self.ui.pages.count()):
            page = self.ui.pages.widget(index)
            if page is not None and page.isAncestorOf(widget):
                self.ui.pages.setCurrentIndex(index)

    def _show_type_error(self, row: int, exc: ValidationError) -> None:
        self.ui.pages.setCurrentWidget(self.ui.types_page)
        column = {"name": NAME, "minutes": MINUTES, "buffer_minutes": BUFFER,
                  "follow_up_days": FOLLOW_UP}.get(exc.field, PREP)
        label = "follow-up call" if exc.field == "follow_up_days" else \
            exc.field.replace("_minutes", "").replace("_", " ")
        self.ui.types_error.setText(f"Appointment type {row + 1}: {label} {exc.message}.")
        self.ui.types_error.show()
        select_cell(self.ui.types_view, row, column)
        self.ui.types_view.setFocus()
