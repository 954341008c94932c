"""Fixtures and helpers for the Calls, Messages and search tests: a small front office, the tabs
shown, and the main window on the same workspace and clock.

Test modules import the fixtures by their function names (`desk_fixture` ...); pytest knows them
by their `name` (`desk` ...). The practice is in America/Chicago; the test clock stands at Monday
2026-03-02 09:30 there. Nora Nurse, RN receives urgent medical questions, test results and
refills; Fran Front appointments and general calls; Dana Lee, MD is the provider.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.conftest import signed_in
from tests.ui.calendar.support import dialog_of, no_dialog  # noqa: F401 - for the test modules
from tests.ui.conftest import reactivate, show_active
from vma_desk.core.communications import Call, CallReason, Direction, Message
from vma_desk.core.records import Patient, Phone, Practice, Role, RouteCategory, Shift, StaffMember
from vma_desk.services import Services
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.calls.dialog import CallDialog
from vma_desk.ui.calls.tab import CallsTab
from vma_desk.ui.main_window import MainWindow
from vma_desk.ui.messages.dialog import MessageDialog
from vma_desk.ui.messages.tab import MessagesTab
from vma_desk.ui.settings import Preferences

CHICAGO = ZoneInfo("America/Chicago")
MONDAY = date(2026, 3, 2)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A Chicago wall-clock time as the UTC instant the services take."""
    return datetime.combine(day, time(hour, minute), tzinfo=CHICAGO).astimezone(UTC)


@dataclass
class Desk:
    services: Services
    nurse: StaffMember
    front: StaffMember
    lee: StaffMember
    ann: Patient


def build_desk(services: Services) -> Desk:
    practice = services.practice
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    lee, _ = practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD", working_hours=hours))
    clinical = frozenset({RouteCategory.URGENT_MEDICAL, RouteCategory.TEST_RESULTS, RouteCategory.REFILLS})
    nurse, _ = practice.add_staff(StaffMember("Nora Nurse", Role.CLINICAL, credentials="RN",
                                              receives=clinical))
    desk = frozenset({RouteCategory.APPOINTMENTS, RouteCategory.GENERAL})
    front, _ = practice.add_staff(StaffMember("Fran Front", Role.FRONT_DESK, receives=desk))
    ann, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550142"),)))
    return Desk(services, nurse, front, lee, ann)


@pytest.fixture(name="desk")
def desk_fixture(services: Services) -> Desk:
    return build_desk(services)


@pytest.fixture(name="preferences")
def preferences_fixture(tmp_path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture(name="calls_tab")
def calls_tab_fixture(qtbot, services: Services, desk: Desk, preferences: Preferences) -> CallsTab:
    widget = CallsTab(services, preferences)
    widget.resize(1366, 720)
    show_active(qtbot, widget)
    widget.ensure_loaded()  # as the window does when it shows the tab
    return widget


@pytest.fixture(name="messages_tab")
def messages_tab_fixture(qtbot, services: Services, desk: Desk) -> MessagesTab:
    widget = MessagesTab(services)
    widget.resize(1366, 720)
    show_active(qtbot, widget)
    return widget


@pytest.fixture(name="window")
def window_fixture(qtbot, tmp_path, data_dir, keystore, clock):
    workspace, _ = Workspace.create(data_dir, keystore)
    services = Services.for_workspace(workspace, clock=clock)
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago"))
    build_desk(services)
    preferences = Preferences(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    win = MainWindow(workspace, keystore, preferences=preferences, services=signed_in(services))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    keystore.delete(workspace.workspace_id)


def log_call(services: Services, ann: Patient | None = None, **fields: object) -> Call:
    """Log a call through the service, as another screen would."""
    values: dict[str, object] = dict(
        started_at=at(MONDAY, 9, 20), direction=Direction.INBOUND, caller_name="Ann Ames",
        number="(312) 555-0142", patient_id=ann.id if ann else None, reason=CallReason.APPOINTMENT,
        duration_seconds=95, notes="wants an earlier visit")
    values.update(fields)
    saved, _ = services.communications.log_call(Call(**values))  # type: ignore[arg-type]
    return saved


def take_message(services: Services, recipient: StaffMember, **fields: object) -> Message:
    assert recipient.id is not None
    values: dict[str, object] = dict(caller_name="Bo Burr", contact_number="2175550199",
                                     reason="question about a form", recipient_id=recipient.id,
                                     created_at=services.context.clock.now())
    values.update(fields)
    saved, _ = services.communications.take_message(Message(**values))  # type: ignore[arg-type]
    return saved


def open_call_form(qtbot, tab: CallsTab) -> CallDialog:
    """F2 in the Calls tab, as a VMA picking up the phone."""
    reactivate(qtbot, tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    return dialog_of(qtbot, CallDialog)


def open_message_form(qtbot, tab: MessagesTab) -> MessageDialog:
    """Ctrl+M in the Messages tab."""
    reactivate(qtbot, tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    return dialog_of(qtbot, MessageDialog)
