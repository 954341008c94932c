"""Demo intake packets, on a workspace with a few weeks of visits booked here (past ones marked
arrived or no-show): the practice's packets are written, the forms' steps follow their order and
never come after the demo's "now", past visits are mostly reviewed, visits ahead are in every state
and the worklist finds packets due; the same seed gives the same rows."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from tests.services.march_in_chicago import CHICAGO, HOURS, ident, local
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.clock import FixedClock
from vma_desk.core.records import Patient, Phone, Role, StaffMember
from vma_desk.demo import intake as demo_intake
from vma_desk.demo import refills
from vma_desk.demo.refills import Office
from vma_desk.services import Services
from vma_desk.storage.calendar_repository import to_ts

NOW = local(16, 9, 30)  # Monday 16 March 2026, 9:30 in Chicago


def book_weeks(services: Services, clock: FixedClock) -> list[int]:
    """Visits of the packet types on every business day of 2-20 March (some of another type), the
    past ones arrived or (every seventh) missed."""
    doctor, _ = services.practice.add_staff(
        StaffMember("Dana Lee", Role.PROVIDER, credentials="MD", working_hours=HOURS))
    patients = [services.patients.create(Patient(f"Pat{i}", "Demo", date(1970, 1, 1 + i),
                                                 phones=(Phone(f"31255501{i:02d}"),)))[0] for i in range(4)]
    clock.current = local(1, 9)
    booked = []
    for day in range(2, 21):
        if date(2026, 3, day).weekday() >= 5:
            continue
        for hour, code in ((9, "new"), (11, "phys"), (13, "proc"), (15, "est")):
            visit, _ = services.calendar.book(Appointment(
                patient_id=ident(patients[(day + hour) % 4].id), provider_id=ident(doctor.id), type_code=code,
                start=local(day, hour), minutes=45))
            booked.append(ident(visit.id))
    for number, visit_id in enumerate(booked):
        start = services.calendar.get(visit_id).start
        if start < NOW:
            clock.current = start + timedelta(minutes=5)
            became = VisitStatus.NO_SHOW if number % 7 == 0 else VisitStatus.ARRIVED
            services.calendar.set_status(visit_id, became)
    clock.current = NOW
    return booked


def office_of(services: Services) -> Office:
    return refills.office(services.context, practice=services.practice.get(), anchor=date(2026, 3, 16),
                          history_days=30, roster=[], refill_calls=[])


def forms(services: Services) -> list[tuple[Any, ...]]:
    return list(services.workspace.conn.execute("SELECT * FROM visit_form ORDER BY 1, 2"))


@pytest.fixture
def demo(services: Services, clock: FixedClock) -> Services:
    book_weeks(services, clock)
    assert demo_intake.write(services.context, seed=3, office=office_of(services)) == len(forms(services)) > 0
    return services


def test_the_practice_packets_are_written(demo: Services) -> None:
    assert demo.intake.packets() == {"new": ["Registration", "HIPAA acknowledgement", "Health history"],
                                     "phys": ["Health history update"], "proc": ["Procedure consent"]}


def test_each_form_follows_its_order_and_nothing_is_after_now(demo: Services) -> None:
    now = to_ts(NOW)
    starts = dict(demo.workspace.conn.execute("SELECT id, start_ts FROM appointment"))
    for visit, _, _, state, channel, sent, _, received, _, reviewed, _ in forms(demo):
        assert channel in ("portal", "email", "text", "letter")
        assert sent <= now and sent < starts[visit]
        assert (received is not None) == (state in ("received", "reviewed"))
        assert (reviewed is not None) == (state == "reviewed")
        if received is not None:
            assert sent <= received <= now
        if reviewed is not None:
            assert received <= reviewed <= min(now, starts[visit])
    for (ts,) in demo.workspace.conn.execute(
            "SELECT sent_ts FROM visit_form"
            " UNION SELECT received_ts FROM visit_form WHERE received_ts IS NOT NULL"):
        at = datetime.fromtimestamp(ts, UTC).astimezone(CHICAGO)  # sent and received in the practice's hours
        assert at.weekday() < 5 and time(8) <= at.time() < time(17), at


def test_past_visits_are_mostly_reviewed_and_visits_ahead_are_in_every_state(demo: Services) -> None:
    now = to_ts(NOW)
    past = Counter(r[0] for r in demo.workspace.conn.execute(
        "SELECT f.state FROM visit_form f JOIN appointment a ON a.id = f.appointment_id"
        " WHERE a.start_ts < ? AND a.status = 'arrived'", (now,)))
    assert past["reviewed"] > 0.8 * sum(past.values())
    ahead_ids = [r[0] for r in demo.workspace.conn.execute(
        "SELECT id FROM appointment WHERE start_ts > ? AND type_code != 'est'", (now,))]
    states = {f.state for i in ahead_ids if (p := demo.intake.visit_packet(i)) for f in p.forms}
    assert {s.value for s in states} == {"not_sent", "sent", "received", "reviewed"}


def test_the_worklist_finds_packets_due_in_the_demo(demo: Services) -> None:
    due = demo.intake.due_packets()
    assert due and all(p.due(NOW) is not None for p in due)
    assert all(NOW < p.appointment.start <= NOW + timedelta(hours=72) for p in due)


def test_the_same_seed_gives_the_same_rows(demo: Services) -> None:
    written = forms(demo)
    conn = demo.workspace.conn
    with demo.context.transaction():
        conn.execute("DELETE FROM visit_form")
        conn.execute("DELETE FROM intake_item")
    demo_intake.write(demo.context, seed=3, office=office_of(demo))
    assert forms(demo) == written
    with demo.context.transaction():
        conn.execute("DELETE FROM visit_form")
        conn.execute("DELETE FROM intake_item")
    demo_intake.write(demo.context, seed=4, office=office_of(demo))
    assert forms(demo) != written


def test_a_practice_without_the_packet_types_gets_nothing(services: Services) -> None:
    with services.context.transaction():
        services.workspace.conn.execute("DELETE FROM appointment_type WHERE code IN ('new', 'phys', 'proc')")
    assert demo_intake.write(services.context, seed=1, office=office_of(services)) == 0
