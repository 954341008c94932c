"""A locked VMA Desk holds nothing: when the workspace locks, every tab's `clear()` empties its
lists, detail panes, summary and caches of patients, reading nothing (the database is closed); no
timer, tick or event reads while locked; `resume()` after the next sign-in shows the same day,
filters and selected records again.

The practice is the Today tab's (`today_support.build_huddle`: eight patients with visits,
messages, refills, a referral and a prior authorisation) with fourteen more patients who called
this morning, each with a message, a refill request, a referral or a visit on Wednesday, some of
them on the waitlist: every tab has names to show.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTableView, QWidget

from tests.ui.conftest import show_active
from tests.ui.privacy_support import patient_text_in_widgets, patient_text_places
from tests.ui.today.support import MONDAY, Huddle, at, build_huddle
from vma_desk.core.calendar import Appointment, WaitlistEntry
from vma_desk.core.clock import FixedClock
from vma_desk.core.communications import Call, CallReason, Direction, Message
from vma_desk.core.errors import LockedError
from vma_desk.core.records import Patient, Phone
from vma_desk.core.referrals import PriorAuth, PriorAuthKind, Referral
from vma_desk.core.refills import RefillRequest, RefillSource
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.calendar.model import APPOINTMENTS_ROLE
from vma_desk.ui.calendar.tab import WEEK, CalendarTab
from vma_desk.ui.calls.tab import CallsTab
from vma_desk.ui.messages.tab import MessagesTab
from vma_desk.ui.referrals.tab import ReferralsTab
from vma_desk.ui.refills.tab import RefillsTab
from vma_desk.ui.shared.tab import TabPage
from vma_desk.ui.today.tab import TodayTab

WEDNESDAY = date(2026, 3, 4)
#: the Refills filter whose rows the test selects from (not the first filter: it must be kept)
NEEDS_APPOINTMENT = "Needs appointment"
CALLERS = (("Ivy", "Irwin"), ("Jon", "Jarvis"), ("Kim", "Kowalski"), ("Lou", "Lindqvist"),
           ("Mia", "Moreno"), ("Ned", "Nakamura"), ("Ola", "Okafor"), ("Pam", "Petrov"),
           ("Quin", "Quarles"), ("Rex", "Rasmussen"), ("Sue", "Sandoval"), ("Tom", "Tanaka"),
           ("Uma", "Umber"), ("Vic", "Valdez"))


def add_callers(huddle: Huddle, clock: FixedClock) -> list[Patient]:
    """Fourteen patients who called this morning; each also has one more record."""
    services = huddle.services
    nurse = next(s for s in services.practice.staff(active_only=False) if s.name == "Nora Nurse")
    callers = []
    for number, (first, last) in enumerate(CALLERS):
        phone = f"31255502{number:02d}"
        patient, _ = services.patients.create(Patient(first, last, date(1970 + number, 1, 1),
                                                      phones=(Phone(phone),)))
        callers.append(patient)
        services.communications.log_call(Call(
            at(MONDAY, 8, 30 + number), Direction.INBOUND, f"{first} {last}", CallReason.GENERAL,
            number=phone, patient_id=patient.id, duration_seconds=60, notes="asked a question"))
        kind = number % 4
        if kind == 0:
            services.communications.take_message(Message(
                f"{first} {last}", phone, "wants a call about a form", nurse.id, clock.now(),
                patient_id=patient.id))
        elif kind == 1:
            services.refills.create(RefillRequest(
                patient_id=patient.id, medication="Atorvastatin", strength="20 mg", quantity="90",
                pharmacy="CVS, W Belmont Ave", source=RefillSource.PHARMACY_FAX, requested_by="CVS",
                prescriber_id=huddle.lee.id, received_at=at(MONDAY, 8)))
        elif kind == 2:
            services.referrals.create(Referral(patient.id, huddle.roe.id, "Dermatology", "Skin Clinic",
                                               "a mole to check", clock.now()))
            services.referrals.add_prior_auth(PriorAuth(patient.id, PriorAuthKind.PROCEDURE, "Aetna",
                                                        "Skin biopsy", submitted_on=MONDAY,
                                                        follow_up_on=WEDNESDAY))
        else:
            services.calendar.book(Appointment(patient.id, huddle.roe.id, "est",
                                               at(WEDNESDAY, 9 + number // 4), 20),
                                   authorised_by="front desk")
            services.calendar.add_to_waitlist(WaitlistEntry(patient.id, "est", clock.now()))
    return callers


@pytest.fixture(name="tabs")
def tabs_fixture(qtbot, services: Services, clock: FixedClock):
    huddle = build_huddle(services, clock)
    callers = add_callers(huddle, clock)
    shown: dict[str, TabPage] = {}
    for kind in (TodayTab, CalendarTab, CallsTab, MessagesTab, RefillsTab, ReferralsTab):
        tab = kind(services)
        tab.resize(1366, 720)
        show_active(qtbot, tab)
        tab.ensure_loaded()  # as the window does when it shows the tab
        shown[kind.__name__] = tab
    yield huddle, callers, shown
    for tab in shown.values():
        tab.pause()


def fire_timers(tab: QWidget) -> None:
    """What the tab's own timers do when they fire (a tick queued just before the lock, a timer
    someone forgot to stop)."""
    for timer in tab.findChildren(QTimer):
        timer.timeout.emit()


def pick_second(view: QTableView) -> None:
    """Select the list's second row: the first is what a tab selects when it forgets its choice."""
    assert view.model().rowCount() >= 2
    view.setCurrentIndex(view.model().index(1, 0))


def select_records(huddle: Huddle, tabs: dict[str, QWidget]) -> dict[str, object]:
    """Choose a day, filter or mode and a record (not the first) in each tab; returns what each
    tab shows then."""
    today = tabs["TodayTab"]
    assert isinstance(today, TodayTab)
    today.set_provider(huddle.lee.id)
    assert today.visit_view.select_key(("appointment", huddle.visits["Bob"].id))  # Ann's is first
    calendar = tabs["CalendarTab"]
    assert isinstance(calendar, CalendarTab)
    calendar.set_mode(WEEK)
    calendar.view.setCurrentIndex(calendar.model.index_of(huddle.visits["Bob"].id))
    calls, messages = tabs["CallsTab"], tabs["MessagesTab"]
    assert isinstance(calls, CallsTab) and isinstance(messages, MessagesTab)
    pick_second(calls.view)
    pick_second(messages.view)
    refills = tabs["RefillsTab"]
    assert isinstance(refills, RefillsTab)
    refills.ui.filter_combo.setCurrentIndex(refills.ui.filter_combo.findData(NEEDS_APPOINTMENT))
    pick_second(refills.view)
    referrals = tabs["ReferralsTab"]
    assert isinstance(referrals, ReferralsTab)
    pick_second(referrals.referral_view)
    referrals.ui.lists_tabs.setCurrentIndex(1)
    pick_second(referrals.auth_view)
    return shown_state(tabs)


def shown_state(tabs: dict[str, QWidget]) -> dict[str, object]:
    """Each tab's day, filter or mode and the record it shows."""
    today, calendar, calls = tabs["TodayTab"], tabs["CalendarTab"], tabs["CallsTab"]
    messages, refills, referrals = tabs["MessagesTab"], tabs["RefillsTab"], tabs["ReferralsTab"]
    assert isinstance(today, TodayTab) and isinstance(calendar, CalendarTab)
    assert isinstance(calls, CallsTab) and isinstance(messages, MessagesTab)
    assert isinstance(refills, RefillsTab) and isinstance(referrals, ReferralsTab)
    visits = calendar.view.currentIndex().data(APPOINTMENTS_ROLE) or ()
    return {
        "today": (today.day, today.provider_id(), today.visit_view.current_key()),
        "calendar": (calendar.anchor, calendar.mode, [a.id for a in visits]),
        "calls": (calls.day, record_id(calls.selected_call())),
        "messages": (messages.proxy.mode(), record_id(messages.selected_message())),
        "refills": (refills.proxy.mode(), record_id(refills.selected_request())),
        "referrals": (referrals.ui.lists_tabs.currentIndex(), record_id(referrals.selected_referral()),
                      record_id(referrals.selected_auth())),
    }


def record_id(record: object) -> int | None:
    return getattr(record, "id", None)


def test_a_locked_desk_holds_no_patient_names_and_shows_them_again_after_sign_in(
        qtbot, services: Services, workspace: Workspace, keystore: KeyStore, tabs) -> None:
    huddle, callers, shown = tabs
    selected = select_records(huddle, shown)
    assert selected["calendar"][2] == [huddle.visits["Bob"].id]
    patients = services.patients.display_names([*(p.id for p in huddle.patients.values()),
                                                *(p.id for p in callers)])
    last_names = [name.split(",")[0] for name in patients.values()]
    names = [*patients.values(), *last_names]
    places = patient_text_places(last_names)
    seen = {name for name, _where, _text in places}
    assert len(seen) >= 20, f"only {sorted(seen)} are shown before the lock"
    for kind in shown:  # every tab shows names, so each one's clear() is put to the test
        assert any(f"(in {kind})" in where for _name, where, _text in places), kind

    with qtbot.capture_exceptions() as errors:
        workspace.lock()  # closed first: clear() must read nothing
        for tab in shown.values():
            tab.pause()
            tab.clear()
        qtbot.wait(200)
        for tab in shown.values():
            fire_timers(tab)
            tab.repaint()
        qtbot.wait(50)
    assert [e for _type, e, _tb in errors] == []
    assert patient_text_in_widgets(names) == []
    for kind in ("CalendarTab", "CallsTab", "MessagesTab", "RefillsTab", "ReferralsTab"):
        assert shown[kind].context.patients.remembered() == 0, kind
    assert shown["TodayTab"].agenda is None

    with pytest.raises(LockedError):  # the test's premise: the workspace is closed
        services.patients.get(callers[0].id)
    workspace.reopen_with_keyring(keystore)
    with qtbot.capture_exceptions() as errors:
        for tab in shown.values():
            tab.resume()
        qtbot.wait(50)
    assert [e for _type, e, _tb in errors] == []
    assert shown_state(shown) == selected
    assert len({name for name, _where, _text in patient_text_places(last_names)}) >= 20
