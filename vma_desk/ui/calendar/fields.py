"""Form fields the calendar's dialogs share: a start typed in the practice's zone, weekday boxes,
and the type and provider choices."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QComboBox, QLabel, QTimeEdit

from vma_desk.core import wording
from vma_desk.core.calendar import AppointmentType
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import StaffMember
from vma_desk.core.wording import WEEKDAY_NAMES
from vma_desk.ui.calendar.grid import local_to_utc
from vma_desk.ui.shared.widgets import DateEdit


def qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def show_start(date_edit: DateEdit, time_edit: QTimeEdit, zone_label: QLabel, moment: datetime,
               zone: ZoneInfo) -> None:
    """Put a UTC instant into the date and time fields, as the practice's wall clock shows it."""
    local = moment.astimezone(zone)
    date_edit.set_value(local.date())
    time_edit.setTime(QTime(local.hour, local.minute))
    zone_label.setText(wording.zone_label(zone, moment))


def read_start(date_edit: DateEdit, time_edit: QTimeEdit, zone: ZoneInfo) -> datetime:
    """The typed day and time (the practice's wall clock) as a UTC instant."""
    day: date | None = date_edit.value()
    if day is None:
        raise ValidationError("start", "needs a date (MM/DD/YYYY)")
    typed = time_edit.time()
    return local_to_utc(day, typed.hour() * 60 + typed.minute(), zone)


def add_day_checks(layout: QBoxLayout, weekdays: Iterable[int],
                   chosen: frozenset[int] | None) -> dict[int, QCheckBox]:
    """One box per business day (Mon, Tue ...), ticked when in `chosen` (all when None)."""
    checks = {}
    for weekday in sorted(weekdays):
        check = QCheckBox(WEEKDAY_NAMES[weekday][:3])
        check.setChecked(chosen is None or weekday in chosen)
        layout.addWidget(check)
        checks[weekday] = check
    layout.addStretch(1)
    return checks


def checked_days(checks: dict[int, QCheckBox]) -> frozenset[int]:
    return frozenset(d for d, check in checks.items() if check.isChecked())


def fill_types(combo: QComboBox, types: dict[str, AppointmentType]) -> None:
    for code, kind in types.items():
        combo.addItem(f"{kind.name} ({kind.minutes} min)", code)


def fill_providers(combo: QComboBox, providers: dict[int, StaffMember], *, any_label: str = "") -> None:
    """The providers by name; first an "any provider" choice (data None) when `any_label` is given."""
    if any_label:
        combo.addItem(any_label, None)
    for provider_id, provider in providers.items():
        combo.addItem(provider.display_name, provider_id)


def select_data(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))
