"""Fixtures and helpers for the Calendar tab's tests: two providers, a lunch block, the tab shown.

Test modules import the fixtures by their function names (`tab_fixture` ...); pytest knows them
by their `name` (`tab` ...). The practice is in America/Chicago; the test clock stands at Monday
2026-03-02 09:30 there. Dana Lee, MD works 8:00-17:00 with lunch 12:00-13:00 (a recurring block);
Sam Roe, DO works 9:00-17:00. Both Monday to Friday.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import reactivate, show_active
from vma_desk.core.calendar import Appointment, Block, BlockKind
from vma_desk.core.records import Role, Shift, StaffMember
from vma_desk.services import Services
from vma_desk.ui.calendar.appointment import AppointmentDialog
from vma_desk.ui.calendar.tab import CalendarTab

CHICAGO = ZoneInfo("America/Chicago")
TUESDAY = date(2026, 3, 3)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A Chicago wall-clock time as the UTC instant the services take."""
    return datetime.combine(day, time(hour, minute), tzinfo=CHICAGO).astimezone(UTC)


def _weekdays(start: str, end: str) -> tuple[Shift, ...]:
    return tuple(Shift(d, time.fromisoformat(start), time.fromisoformat(end)) for d in range(5))


@pytest.fixture(name="staff")
def staff_fixture(services: Services) -> dict[str, StaffMember]:
    lee, _ = services.practice.add_staff(StaffMember(
        "Dana Lee", Role.PROVIDER, credentials="MD", working_hours=_weekdays("08:00", "17:00")))
    roe, _ = services.practice.add_staff(StaffMember(
        "Sam Roe", Role.PROVIDER, credentials="DO", working_hours=_weekdays("09:00", "17:00")))
    services.calendar.add_block(Block(BlockKind.LUNCH, datetime(2026, 1, 5, 12, 0), 60, lee.id,
                                      "Lunch", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"))
    return {"lee": lee, "roe": roe}


@pytest.fixture(name="book")
def book_fixture(services: Services):
    """Book through the service, as another workstation would."""

    def book_(patient_id: int, provider: StaffMember, start: datetime, type_code: str = "est",
              minutes: int = 20, override: str = "") -> Appointment:
        assert provider.id is not None
        booked, _ = services.calendar.book(
            Appointment(patient_id, provider.id, type_code, start, minutes),
            authorised_by="front desk", override_reason=override)
        return booked

    return book_


@pytest.fixture(name="tab")
def tab_fixture(qtbot, services: Services, staff) -> CalendarTab:
    widget = CalendarTab(services)
    widget.resize(1366, 720)
    show_active(qtbot, widget)
    widget.ensure_loaded()  # as the window does when it shows the tab
    widget.go_to(TUESDAY)
    return widget


def dialog_of(qtbot, kind: type[QWidget]) -> QWidget:
    """The visible dialog of this class, once it is shown and active (offscreen has no WM)."""
    qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def no_dialog(kind: type[QWidget]) -> bool:
    return not any(isinstance(w, kind) and w.isVisible() for w in QApplication.topLevelWidgets())


def select(tab: CalendarTab, moment: datetime, provider: StaffMember) -> None:
    """Make the cell of `moment` for `provider` current and give the table focus."""
    assert provider.id is not None
    index = tab.model.index_at(moment, provider.id)
    assert index.isValid(), f"{moment} is not in view"
    tab.view.setCurrentIndex(index)
    tab.view.setFocus()


def open_visit(qtbot, tab: CalendarTab, visit: Appointment, provider: StaffMember) -> AppointmentDialog:
    """Enter on the visit's cell: the visit dialog it opens."""
    reactivate(qtbot, tab)
    select(tab, visit.start, provider)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    dialog = dialog_of(qtbot, AppointmentDialog)
    assert isinstance(dialog, AppointmentDialog)
    return dialog


def cancel_by_keys(qtbot, tab: CalendarTab, visit: Appointment, provider: StaffMember) -> QWidget:
    """Delete on the visit's cell, "Patient request", OK: the offer to the waitlist it opens."""
    from vma_desk.ui.calendar.cancel import CancelDialog
    from vma_desk.ui.calendar.proposals import ProposalsDialog

    select(tab, visit.start, provider)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    cancel = dialog_of(qtbot, CancelDialog)
    cancel.ui.reason_combo.setCurrentText("Patient request")
    with qtbot.waitSignal(cancel.sig_cancelled):
        cancel.ui.button_box.accepted.emit()
    return dialog_of(qtbot, ProposalsDialog)


def day_visits(services: Services, provider: StaffMember, day: date) -> list[Appointment]:
    assert provider.id is not None
    return services.calendar.appointments([provider.id], at(day, 0), at(day, 0) + timedelta(days=1))
