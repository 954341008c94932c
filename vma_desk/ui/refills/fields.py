"""Fields the refill dialogs share: a practice-time moment typed as a date and a time, the
refills-left count that may be "not known", and the providers to choose from."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox, QSpinBox, QTimeEdit

from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Role, StaffMember
from vma_desk.core.rules.scheduling import local_to_utc
from vma_desk.ui.shared.widgets import DateEdit

NOT_KNOWN = "Not known"


def set_moment(date_edit: DateEdit, time_edit: QTimeEdit, moment: datetime, zone: ZoneInfo) -> None:
    local = moment.astimezone(zone)
    date_edit.set_value(local.date())
    date_edit.blank_calendar_page = QDate(local.year, local.month, local.day)
    time_edit.setTime(QTime(local.hour, local.minute))


def read_moment(date_edit: DateEdit, time_edit: QTimeEdit, zone: ZoneInfo, field: str) -> datetime:
    """The typed practice-time moment as UTC; a `ValidationError` on `field` without a whole date."""
    day = date_edit.value()
    if day is None:
        raise ValidationError(field, "needs a whole date (MM/DD/YYYY)")
    typed = time_edit.time()
    return local_to_utc(datetime.combine(day, time(typed.hour(), typed.minute())), zone)


def setup_refills_spin(spin: QSpinBox, value: int | None) -> None:
    """0 to 99, below which "Not known" (the request did not say)."""
    spin.setRange(-1, 99)
    spin.setSpecialValueText(NOT_KNOWN)
    spin.setAccessibleName("Refills left")
    spin.setValue(-1 if value is None else value)


def refills_value(spin: QSpinBox) -> int | None:
    return None if spin.value() < 0 else spin.value()


def providers(staff: list[StaffMember]) -> list[StaffMember]:
    return [s for s in staff if s.role is Role.PROVIDER and s.active]


def fill_providers(combo: QComboBox, staff: list[StaffMember], none_label: str) -> None:
    """The practice's providers, after a first entry meaning "none chosen yet"."""
    combo.addItem(none_label, None)
    for member in providers(staff):
        combo.addItem(member.display_name, member.id)
