"""Fixtures and helpers for the Referrals tab's tests: a provider, an HMO patient and a PPO patient,
the tab shown, and referrals and prior authorisations made through the services.

Test modules import the fixtures by their function names (`office_fixture` ...); pytest knows them
by their `name` (`office` ...). The practice is in America/Chicago; the test clock stands at Monday
2026-03-02 09:30 there (`tests/conftest.py`). Ann Ames has a Blue Cross HMO plan (a referral needs
an authorisation number); Bob Birch an Aetna PPO (it does not).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.ui.calendar.support import dialog_of
from tests.ui.comms_support import CHICAGO, MONDAY, at  # noqa: F401 - for the test modules
from tests.ui.conftest import reactivate, show_active
from vma_desk.core.records import Insurance, LastVisit, Patient, Phone, PlanType, Role, StaffMember
from vma_desk.core.referrals import PriorAuth, PriorAuthKind, Referral
from vma_desk.services import Services
from vma_desk.ui.referrals.dialog import ReferralDialog
from vma_desk.ui.referrals.tab import ReferralsTab


@dataclass
class Office:
    services: Services
    lee: StaffMember
    ann: Patient  # HMO
    bob: Patient  # PPO


def build_office(services: Services) -> Office:
    lee, _ = services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD"))
    services.practice.add_staff(StaffMember("Nora Nurse", Role.CLINICAL, credentials="RN"))
    ann, _ = services.patients.create(Patient(
        "Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550142"),),
        insurance=Insurance("Blue Cross", "XJ100200", PlanType.HMO),
        last_visits=(LastVisit(lee.id, date(2026, 2, 1)),)))
    bob, _ = services.patients.create(Patient(
        "Bob", "Birch", date(1970, 5, 5), phones=(Phone("3125550143"),),
        insurance=Insurance("Aetna", "A9001234", PlanType.PPO)))
    return Office(services, lee, ann, bob)


@pytest.fixture(name="office")
def office_fixture(services: Services) -> Office:
    return build_office(services)


@pytest.fixture(name="referrals_tab")
def referrals_tab_fixture(qtbot, services: Services, office: Office) -> ReferralsTab:
    widget = ReferralsTab(services)
    widget.resize(1366, 720)
    show_active(qtbot, widget)
    return widget


def refer(office: Office, patient: Patient, **fields: object) -> Referral:
    """A referral made through the service, as another workstation would."""
    values: dict[str, object] = dict(
        patient_id=patient.id, referring_provider_id=office.lee.id, specialty="Cardiology",
        specialist_office="Heart Partners", specialist_contact="(312) 555-0199",
        reason="abnormal stress test", created_at=office.services.context.clock.now(),
        records_sent=frozenset({"Referral letter", "Office notes"}))
    values.update(fields)
    saved, _ = office.services.referrals.create(Referral(**values))  # type: ignore[arg-type]
    return saved


def submit_auth(office: Office, patient: Patient, **fields: object) -> PriorAuth:
    values: dict[str, object] = dict(
        patient_id=patient.id, kind=PriorAuthKind.PROCEDURE, payer="Blue Cross", service="Cardiac MRI",
        submitted_on=MONDAY, follow_up_on=date(2026, 3, 6))
    values.update(fields)
    saved, _ = office.services.referrals.add_prior_auth(PriorAuth(**values))  # type: ignore[arg-type]
    return saved


def press(qtbot, tab: ReferralsTab, view: QWidget, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.ControlModifier) -> None:
    """A key pressed in one of the tab's lists, as a VMA working the list would."""
    reactivate(qtbot, tab)
    view.setFocus()
    qtbot.keyClick(view, key, modifier)


def open_referral_form(qtbot, tab: ReferralsTab) -> ReferralDialog:
    """Ctrl+N in the referrals list."""
    tab.ui.lists_tabs.setCurrentIndex(0)
    press(qtbot, tab, tab.referral_view, Qt.Key.Key_N)
    return dialog_of(qtbot, ReferralDialog)
