"""Fixtures and helpers for the Refills tab's tests: a practice with two providers, two patients
(one seen lately, one not in over a year), the tab shown, and requests entered as another screen
would.

Test modules import the fixtures by their function names (`refill_desk_fixture` ...); pytest knows
them by their `name` (`refill_desk` ...). The practice is in America/Chicago; the test clock stands
at Monday 2026-03-02 09:30 there, so a routine request received by noon is due today at 5:00 PM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.conftest import signed_in
from tests.ui.calendar.support import dialog_of
from tests.ui.conftest import reactivate, show_active
from vma_desk.core.records import LastVisit, Patient, Phone, Practice, Role, Shift, StaffMember
from vma_desk.core.refills import LabCheck, RefillRequest, RefillSource
from vma_desk.services import Services
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.main_window import MainWindow
from vma_desk.ui.refills.dialog import RefillDialog
from vma_desk.ui.refills.tab import RefillsTab
from vma_desk.ui.settings import Preferences

CHICAGO = ZoneInfo("America/Chicago")
MONDAY = date(2026, 3, 2)
BMP = "Kidney function (BMP)"


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A Chicago wall-clock time as the UTC instant the services take."""
    return datetime.combine(day, time(hour, minute), tzinfo=CHICAGO).astimezone(UTC)


@dataclass
class RefillDesk:
    services: Services
    lee: StaffMember
    roe: StaffMember
    front: StaffMember
    ann: Patient  # seen by Dr Lee in November: meets the visit rule
    bob: Patient  # last seen in June 2024: needs an appointment


def build_refill_desk(services: Services) -> RefillDesk:
    practice = services.practice
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    lee, _ = practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD", working_hours=hours))
    roe, _ = practice.add_staff(StaffMember("Sam Roe", Role.PROVIDER, credentials="DO", working_hours=hours))
    front, _ = practice.add_staff(StaffMember("Fran Front", Role.FRONT_DESK))
    ann, _ = services.patients.create(Patient(
        "Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550142"),),
        preferred_pharmacy="Walgreens, N Clark St", last_visits=(LastVisit(lee.id or 0, date(2025, 11, 3)),)))
    bob, _ = services.patients.create(Patient(
        "Bob", "Birch", date(1970, 5, 5), phones=(Phone("3125550143"),),
        preferred_pharmacy="CVS, W Belmont Ave", last_visits=(LastVisit(lee.id or 0, date(2024, 6, 1)),)))
    return RefillDesk(services, lee, roe, front, ann, bob)


@pytest.fixture(name="refill_desk")
def refill_desk_fixture(services: Services) -> RefillDesk:
    return build_refill_desk(services)


@pytest.fixture(name="refills_tab")
def refills_tab_fixture(qtbot, services: Services, refill_desk: RefillDesk) -> RefillsTab:
    widget = RefillsTab(services)
    widget.resize(1366, 720)
    show_active(qtbot, widget)
    yield widget
    widget.pause()


@pytest.fixture(name="refills_window")
def refills_window_fixture(qtbot, tmp_path, data_dir, keystore, clock):
    """The main window on a workspace with the same practice, and its `RefillDesk`."""
    workspace, _ = Workspace.create(data_dir, keystore)
    services = Services.for_workspace(workspace, clock=clock, user="tester@desk")
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago"))
    desk = build_refill_desk(services)
    preferences = Preferences(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    win = MainWindow(workspace, keystore, preferences=preferences, services=signed_in(services))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win, desk
    win.close()
    keystore.delete(workspace.workspace_id)


def request_draft(desk: RefillDesk, patient: Patient | None = None, **fields: object) -> RefillRequest:
    """A request as a form would hand it over (a fax received at 9:00 this morning by default)."""
    patient = patient or desk.ann
    values: dict[str, object] = dict(
        patient_id=patient.id, medication="Lisinopril", strength="10 mg", quantity="90",
        pharmacy=patient.preferred_pharmacy, source=RefillSource.PHARMACY_FAX, requested_by="Walgreens",
        prescriber_id=desk.lee.id, received_at=at(MONDAY, 9),
        labs=(LabCheck(BMP, 12, date(2025, 11, 3)),))
    values.update(fields)
    return RefillRequest(**values)  # type: ignore[arg-type]


def enter_request(desk: RefillDesk, patient: Patient | None = None, **fields: object) -> RefillRequest:
    """A request entered through the service, as another screen would."""
    saved, _ = desk.services.refills.create(request_draft(desk, patient, **fields))
    return saved


def open_request_form(qtbot, tab: RefillsTab) -> RefillDialog:
    """Ctrl+N in the Refills tab."""
    reactivate(qtbot, tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    return dialog_of(qtbot, RefillDialog)
