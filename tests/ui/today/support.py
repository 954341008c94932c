"""Fixtures and helpers for the Today tab's tests: a small practice whose Monday has visits with
known flags, the tab shown, the main window on the same workspace, and readers of what the two
lists show.

Test modules import the fixtures by their function names (`huddle_fixture` ...); pytest knows
them by their `name` (`huddle` ...). The practice is in America/Chicago; the test clock stands at
Monday 2026-03-02 09:30 there. Earlier records are made with the clock set back, as they were made
then, and the clock is put back before the fixture returns.

Monday's visits (all confirmed and insurance verified unless said):
- Dana Lee, MD: 10:00 Ann Ames (unconfirmed, A1c care gap due), 11:00 Bob Birch (seen by
  cardiology last week, no consult report), 14:00 Cal Cruz (an urgent message open).
- Sam Roe, DO: 9:00 Dee Diaz (a refill waiting for a decision), 10:30 Eve Ennis (a prior
  authorisation pending, its payer follow-up overdue), 13:00 Fay Fox (a no-show last week), 15:00 Hal
  Hart (telehealth, link and tech check done: no flag).
Due besides: Gus Gray's routine message from Friday (overdue) and his refill from Friday (past due);
Ann's visit with Dr Roe on Tuesday 10:00 needs its confirmation call and eligibility check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt

from tests.conftest import signed_in
from tests.ui.conftest import show_active
from vma_desk.core.agenda import DayAgenda
from vma_desk.core.calendar import Appointment, Eligibility, EligibilityStatus, TechCheck, VisitStatus
from vma_desk.core.clock import FixedClock
from vma_desk.core.communications import Message, Urgency
from vma_desk.core.records import (
    CareGap,
    ContactMethod,
    Patient,
    Phone,
    Practice,
    Role,
    RouteCategory,
    Shift,
    StaffMember,
)
from vma_desk.core.referrals import PriorAuth, PriorAuthKind, Referral, ReferralState
from vma_desk.core.refills import RefillRequest, RefillSource
from vma_desk.services import Services
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.main_window import MainWindow
from vma_desk.ui.settings import Preferences
from vma_desk.ui.today.model import KEY_ROLE, LEVEL_ROLE
from vma_desk.ui.today.tab import TodayTab
from vma_desk.ui.today.view import GroupTreeView

CHICAGO = ZoneInfo("America/Chicago")
MONDAY = date(2026, 3, 2)
TUESDAY = date(2026, 3, 3)
FRIDAY = date(2026, 2, 27)
LAST_MONDAY = date(2026, 2, 23)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A Chicago wall-clock time as the UTC instant the services take."""
    return datetime.combine(day, time(hour, minute), tzinfo=CHICAGO).astimezone(UTC)


@dataclass
class Huddle:
    services: Services
    lee: StaffMember
    roe: StaffMember
    patients: dict[str, Patient]  # by first name
    visits: dict[str, Appointment]  # Monday's, by the patient's first name
    tuesday: Appointment  # Ann's, with Dr Roe
    overdue_message: Message  # Gus's, from Friday
    urgent_message: Message  # Cal's, this morning
    past_due_refill: RefillRequest  # Gus's, from Friday
    pending_refill: RefillRequest  # Dee's, this morning
    referral: Referral  # Bob's, seen without a report
    auth: PriorAuth  # Eve's, pending


def build_huddle(services: Services, clock: FixedClock) -> Huddle:
    practice, calendar, comms = services.practice, services.calendar, services.communications
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    lee, _ = practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD", working_hours=hours))
    roe, _ = practice.add_staff(StaffMember("Sam Roe", Role.PROVIDER, credentials="DO", working_hours=hours))
    clinical = frozenset({RouteCategory.URGENT_MEDICAL, RouteCategory.TEST_RESULTS, RouteCategory.REFILLS})
    nurse, _ = practice.add_staff(StaffMember("Nora Nurse", Role.CLINICAL, credentials="RN",
                                              receives=clinical))
    patients = {}
    for number, (first, last, born) in enumerate((
            ("Ann", "Ames", date(1960, 1, 1)), ("Bob", "Birch", date(1970, 5, 5)),
            ("Cal", "Cruz", date(1985, 7, 7)), ("Dee", "Diaz", date(1952, 2, 2)),
            ("Eve", "Ennis", date(1990, 3, 3)), ("Fay", "Fox", date(2001, 4, 4)),
            ("Gus", "Gray", date(1948, 8, 8)), ("Hal", "Hart", date(1979, 9, 9)))):
        gaps = (CareGap("A1c", date(2026, 2, 1), "overdue"),) if first == "Ann" else ()
        patients[first], _ = services.patients.create(Patient(
            first, last, born, phones=(Phone(f"31255501{number:02d}"),), care_gaps=gaps))

    def book(first: str, provider: StaffMember, start: datetime, type_code: str = "est") -> Appointment:
        booked, _ = calendar.book(Appointment(patients[first].id, provider.id, type_code, start, 20),
                                  authorised_by="front desk")
        return booked

    now = clock.current
    # last week: Fay did not come; Bob saw the cardiologist on Tuesday
    clock.current = at(LAST_MONDAY, 9, 30)
    missed = book("Fay", roe, at(LAST_MONDAY, 9))
    calendar.set_status(missed.id, VisitStatus.NO_SHOW)
    referral, _ = services.referrals.create(Referral(
        patients["Bob"].id, lee.id, "Cardiology", "Heart Partners", "abnormal stress test", clock.now(),
        records_sent=frozenset({"Referral letter"})))
    services.referrals.move(referral.id, ReferralState.SENT)
    services.referrals.move(referral.id, ReferralState.SCHEDULED, appointment_at=at(date(2026, 2, 24), 10))
    clock.current = at(date(2026, 2, 25), 9)
    referral, _ = services.referrals.move(referral.id, ReferralState.SEEN)
    # Friday: Gus's message and refill request; Eve's prior authorisation sent to the payer
    clock.current = at(FRIDAY, 9, 30)
    overdue, _ = comms.take_message(Message("Gus Gray", "3125550106", "question about a bill", nurse.id,
                                            clock.now(), patient_id=patients["Gus"].id))
    past_due, _ = services.refills.create(_refill(patients["Gus"], lee, at(FRIDAY, 9), "Metformin"))
    auth, _ = services.referrals.add_prior_auth(PriorAuth(
        patients["Eve"].id, PriorAuthKind.PROCEDURE, "Blue Cross", "Cardiac MRI", submitted_on=FRIDAY,
        follow_up_on=FRIDAY))
    # Monday's visits were booked on Friday (a visit booked this morning would be a late booking,
    # its confirmation and eligibility due now)
    visits = {"Ann": book("Ann", lee, at(MONDAY, 10)), "Bob": book("Bob", lee, at(MONDAY, 11)),
              "Cal": book("Cal", lee, at(MONDAY, 14)), "Dee": book("Dee", roe, at(MONDAY, 9)),
              "Eve": book("Eve", roe, at(MONDAY, 10, 30)), "Fay": book("Fay", roe, at(MONDAY, 13)),
              "Hal": book("Hal", roe, at(MONDAY, 15), "tele")}
    clock.current = now
    # this morning
    verified = Eligibility(EligibilityStatus.VERIFIED, active=True, in_network=True)
    for first, visit in visits.items():
        if first != "Ann":
            calendar.set_status(visit.id, VisitStatus.CONFIRMED, ContactMethod.PHONE)
        calendar.record_eligibility(visit.id, verified)
    calendar.set_telehealth(visits["Hal"].id, link="https://meet.example.org/hal",
                            tech_check=TechCheck.PASSED)
    visits = {first: calendar.get(v.id) for first, v in visits.items()}
    urgent, _ = comms.take_message(Message("Cal Cruz", "3125550102", "rash spreading since last night",
                                           nurse.id, clock.now(), Urgency.URGENT,
                                           patient_id=patients["Cal"].id))
    pending, _ = services.refills.create(_refill(patients["Dee"], roe, at(MONDAY, 9), "Lisinopril"))
    tuesday = book("Ann", roe, at(TUESDAY, 10))
    return Huddle(services, lee, roe, patients, visits, tuesday, overdue, urgent, past_due, pending,
                  referral, auth)


def _refill(patient: Patient, prescriber: StaffMember, received: datetime, medication: str) -> RefillRequest:
    return RefillRequest(patient_id=patient.id, medication=medication, strength="10 mg", quantity="90",
                         pharmacy="Walgreens, N Clark St", source=RefillSource.PHARMACY_FAX,
                         requested_by="Walgreens", prescriber_id=prescriber.id, received_at=received)


@pytest.fixture(name="huddle")
def huddle_fixture(services: Services, clock: FixedClock) -> Huddle:
    return build_huddle(services, clock)


@pytest.fixture(name="today_tab")
def today_tab_fixture(qtbot, services: Services, huddle: Huddle) -> TodayTab:
    widget = TodayTab(services)
    widget.resize(1366, 720)
    show_active(qtbot, widget)
    yield widget
    widget.pause()


@pytest.fixture(name="today_window")
def today_window_fixture(qtbot, tmp_path, data_dir, keystore, clock):
    """The main window on a workspace with the same practice, and its `Huddle`."""
    workspace, _ = Workspace.create(data_dir, keystore)
    services = Services.for_workspace(workspace, clock=clock, user="tester@desk")
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago"))
    huddle = build_huddle(services, clock)
    preferences = Preferences(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    win = MainWindow(workspace, keystore, preferences=preferences, services=signed_in(services))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win, huddle
    win.close()
    keystore.delete(workspace.workspace_id)


# reading what the lists show ------------------------------------------------------------------------
def plain(shown: object) -> str:
    """A cell's text as typed: the spaces and hyphens that keep words together on a wrapped line
    (a due time, 'no-show') as ordinary ones."""
    return str(shown or "").replace("\u00a0", " ").replace("\u2011", "-")


def cells(view: GroupTreeView, index: QModelIndex) -> tuple[str, ...]:
    model = view.model()
    parent = index.parent()
    return tuple(plain(model.index(index.row(), c, parent).data()) for c in range(model.columnCount()))


def groups(view: GroupTreeView) -> list[tuple[str, list[QModelIndex]]]:
    """Each group's heading and the first-column indexes of its rows, as shown (top to bottom)."""
    model = view.model()
    found = []
    for number in range(model.rowCount()):
        heading = model.index(number, 0)
        rows = [model.index(r, 0, heading) for r in range(model.rowCount(heading))]
        found.append((str(heading.data()), rows))
    return found


def rows_by_key(view: GroupTreeView) -> dict[object, QModelIndex]:
    return {index.data(KEY_ROLE): index for _heading, rows in groups(view) for index in rows
            if index.data(KEY_ROLE) is not None}


def keys(view: GroupTreeView) -> list[object]:
    return [index.data(KEY_ROLE) for _heading, rows in groups(view) for index in rows
            if index.data(KEY_ROLE) is not None]


def visit_row(tab: TodayTab, visit: Appointment) -> tuple[str, ...]:
    return cells(tab.visit_view, rows_by_key(tab.visit_view)[("appointment", visit.id)])


def visit_level(tab: TodayTab, visit: Appointment) -> int:
    return rows_by_key(tab.visit_view)[("appointment", visit.id)].data(LEVEL_ROLE)


def attention_of(tab: TodayTab, provider: StaffMember) -> str:
    """The "needs attention" line under a provider's heading ("" when there is none)."""
    for heading, rows in groups(tab.visit_view):
        if heading.startswith(provider.display_name):
            first = rows[0] if rows else None
            return plain(first.data()) if first is not None and first.data(KEY_ROLE) is None else ""
    raise AssertionError(f"{provider.display_name} is not shown")


def agenda_of(services: Services, day: date | None = None, provider_id: int | None = None) -> DayAgenda:
    return services.agenda.day(day, provider_id=provider_id)


def press(qtbot, view: GroupTreeView, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    view.setFocus()
    qtbot.keyClick(view, key, modifier)
