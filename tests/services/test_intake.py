"""Intake packets through the services, on a real workspace with a fake clock: the practice sets a
packet per visit type, a visit 3 days ahead is due to send, a day ahead with an item not back it is
chased and flagged "forms incomplete", steps out of order are refused with nothing saved, and Undo
takes a step back.

Practice in America/Chicago, open Monday to Friday; the clock starts Monday 2026-03-02 09:30.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from tests.services.march_in_chicago import HOURS, ident, local
from vma_desk.core.calendar import Appointment
from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.clock import FixedClock
from vma_desk.core.errors import ChangedSinceError, ValidationError
from vma_desk.core.intake import INCOMPLETE, FormState, PacketDue
from vma_desk.core.records import Patient, Phone, RecordKind, Role, StaffMember
from vma_desk.services import Services

NEW_PATIENT = ["Registration", "HIPAA acknowledgement", "Health history"]


class Desk:
    def __init__(self, services: Services, clock: FixedClock) -> None:
        self.services, self.clock = services, clock
        self.intake = services.intake
        self.doctor, _ = services.practice.add_staff(
            StaffMember("Dana Lee", Role.PROVIDER, credentials="MD", working_hours=HOURS))
        self.patient, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1),
                                                           phones=(Phone("3125550101"),)))
        self.other, _ = services.patients.create(Patient("Bo", "Best", date(1971, 5, 6),
                                                         phones=(Phone("3125550102"),)))
        self.intake.set_packet("new", NEW_PATIENT)
        self.intake.set_packet("proc", ["Procedure consent"])

    def visit(self, start: datetime, code: str = "new", patient: Patient | None = None) -> int:
        booked, _ = self.services.calendar.book(Appointment(
            patient_id=ident((patient or self.patient).id), provider_id=ident(self.doctor.id), type_code=code,
            start=start, minutes=40 if code == "new" else 45))
        return ident(booked.id)

    def forms(self) -> list[tuple[Any, ...]]:
        return list(self.services.workspace.conn.execute("SELECT * FROM visit_form ORDER BY 1, 2"))

    def due(self) -> list[tuple[int, PacketDue | None]]:
        now = self.clock.now()
        return [(p.appointment_id, p.due(now)) for p in self.intake.due_packets()]


@pytest.fixture
def desk(services: Services, clock: FixedClock) -> Desk:
    return Desk(services, clock)


def test_a_new_patient_visit_three_days_ahead_with_no_packet_sent_is_due_to_send(desk: Desk) -> None:
    thursday = desk.visit(local(5, 9))  # 71.5 hours ahead of Monday 9:30
    desk.visit(local(5, 11))            # 73.5 hours ahead: not yet
    desk.visit(local(5, 10), code="est")  # an established visit: no packet
    [packet] = desk.intake.due_packets()
    assert packet.appointment_id == thursday
    assert packet.due(desk.clock.now()) is PacketDue.TO_SEND
    assert [f.name for f in packet.forms] == NEW_PATIENT
    assert all(f.state is FormState.NOT_SENT for f in packet.forms) and not packet.stored
    assert packet.send_by == local(2, 9) and packet.chase_at == local(4, 9)
    assert desk.forms() == []  # derived: nothing stored before a step is taken


def test_at_24_hours_with_an_item_missing_the_huddle_line_says_forms_incomplete(desk: Desk) -> None:
    visit = desk.visit(local(5, 9))
    for name in NEW_PATIENT:
        desk.intake.mark(visit, name, FormState.SENT, channel=Channel.PORTAL)
    assert desk.due() == []  # all sent, not a day ahead yet: nothing to do
    desk.clock.current = local(3, 14)
    desk.intake.mark(visit, "Registration", FormState.RECEIVED)
    desk.intake.mark(visit, "HIPAA acknowledgement", FormState.RECEIVED)
    desk.clock.current = local(4, 9)  # 24 hours before
    assert desk.due() == [(visit, PacketDue.TO_CHASE)]
    missing = desk.intake.incomplete_by_visit([visit])
    assert missing == {visit: ["Health history"]}
    huddle_line = INCOMPLETE if missing.get(visit) else ""
    assert huddle_line == "forms incomplete"
    desk.intake.mark(visit, "Health history", FormState.RECEIVED)
    assert desk.intake.incomplete_by_visit([visit]) == {}
    assert desk.due() == []


def test_a_packet_item_marked_reviewed_before_received_is_refused_and_nothing_is_saved(desk: Desk) -> None:
    visit = desk.visit(local(5, 9))
    untouched = desk.visit(local(5, 10), patient=desk.other)
    desk.intake.mark(visit, "Registration", FormState.SENT, channel=Channel.EMAIL)
    audits, rows = desk.services.audit.count(), desk.forms()
    with pytest.raises(ValidationError) as refused:
        desk.intake.mark(visit, "Registration", FormState.REVIEWED)
    assert refused.value.field == "state"
    assert refused.value.message == "cannot be reviewed before it is received: mark it received first"
    with pytest.raises(ValidationError) as first:  # on a packet not stored yet, too
        desk.intake.mark(untouched, "Registration", FormState.REVIEWED)
    assert first.value.field == "state"
    assert desk.services.audit.count() == audits and desk.forms() == rows


def test_bad_steps_are_refused_by_field_with_nothing_saved(desk: Desk) -> None:
    visit = desk.visit(local(5, 9))
    plain = desk.visit(local(5, 10), code="est", patient=desk.other)
    audits = desk.services.audit.count()
    for call, field in (
        (lambda: desk.intake.mark(visit, "Registration", FormState.SENT), "channel"),
        (lambda: desk.intake.mark(visit, "Registration", FormState.SENT, channel=Channel.PHONE), "channel"),
        (lambda: desk.intake.mark(visit, "Insurance card", FormState.RECEIVED), "name"),
        (lambda: desk.intake.mark(visit, "Registration", FormState.RECEIVED, at=local(2, 12)), "at"),
        (lambda: desk.intake.mark(visit, "Registration", FormState.RECEIVED, at=datetime(2026, 3, 2, 9)),
         "at"),
        (lambda: desk.intake.mark(plain, "Registration", FormState.RECEIVED), "appointment_id"),
    ):
        with pytest.raises(ValidationError) as refused:
            call()
        assert refused.value.field == field
    assert desk.services.audit.count() == audits and desk.forms() == []


def test_each_step_is_audited_by_item_number_never_by_name(desk: Desk) -> None:
    visit = desk.visit(local(5, 9))
    packet, change = desk.intake.mark(visit, "HIPAA acknowledgement", FormState.SENT, channel=Channel.PORTAL)
    assert change.kind is RecordKind.INTAKE and change.ids == (visit,)
    form = packet.form("HIPAA acknowledgement")
    assert form is not None and (form.state, form.channel, form.sent_by) == (
        FormState.SENT, Channel.PORTAL, "tester@desk")
    assert form.sent_at == desk.clock.now()
    entry = desk.services.audit.page(0, 1)[0]
    assert (entry.record_type, entry.record_id, entry.detail) == (
        "intake", str(visit), "form 2: sent by portal")
    # the whole packet is stored with the first step, in its order
    assert [(r[1], r[2], r[3]) for r in desk.forms()] == [
        (1, "Registration", "not_sent"), (2, "HIPAA acknowledgement", "sent"),
        (3, "Health history", "not_sent")]


def test_a_visit_keeps_its_items_once_a_step_is_taken_when_the_packet_changes(desk: Desk) -> None:
    started = desk.visit(local(5, 9))
    untouched = desk.visit(local(5, 10), patient=desk.other)
    desk.intake.mark(started, "Registration", FormState.SENT, channel=Channel.TEXT)
    desk.intake.set_packet("new", ["Registration", "Health history", "PHQ-9 questionnaire"])
    started_packet, untouched_packet = desk.intake.visit_packet(started), desk.intake.visit_packet(untouched)
    assert started_packet is not None and untouched_packet is not None
    assert [f.name for f in started_packet.forms] == NEW_PATIENT
    assert [f.name for f in untouched_packet.forms] == [
        "Registration", "Health history", "PHQ-9 questionnaire"]


def test_the_practice_packets_are_kept_and_bad_ones_refused_with_nothing_saved(desk: Desk) -> None:
    assert desk.intake.packet("new") == NEW_PATIENT
    assert desk.intake.packet("est") == []
    change = desk.intake.set_packet("phys", ["  Health history   update "])
    assert change.kind is RecordKind.INTAKE
    assert desk.intake.packets()["phys"] == ["Health history update"]
    entry = desk.services.audit.page(0, 1)[0]
    assert (entry.record_id, entry.detail) == ("type phys", "packet: 1 item")
    audits = desk.services.audit.count()
    for code, names, field in (("bh", ["PHQ-9"], "type_code"), ("new", ["Registration", ""], "names"),
                               ("new", ["Consent", "CONSENT"], "names"),
                               ("new", [f"Form {i}" for i in range(21)], "names")):
        with pytest.raises(ValidationError) as refused:
            desk.intake.set_packet(code, names)
        assert refused.value.field == field
    desk.intake.set_packet("new", NEW_PATIENT)  # the same again: nothing to record
    assert desk.services.audit.count() == audits
    assert desk.intake.packet("new") == NEW_PATIENT


def test_a_cancelled_visit_has_no_packet_due_and_is_not_flagged(desk: Desk) -> None:
    visit = desk.visit(local(5, 9))
    desk.services.calendar.cancel(visit, reason="Patient asked", authorised_by="Ann Ames")
    assert desk.intake.due_packets() == []
    assert desk.intake.incomplete_by_visit([visit]) == {}


def test_the_worklist_is_soonest_first_with_the_chase_and_drops_a_chase_closed_as_unreachable(
        desk: Desk) -> None:
    later = desk.visit(local(4, 15))
    sooner = desk.visit(local(3, 9), code="proc", patient=desk.other)
    assert [i for i, _ in desk.due()] == [sooner, later]
    desk.services.chase.log_attempt(ChaseKind.INTAKE, sooner, channel=Channel.PHONE,
                                    outcome=Outcome.NO_ANSWER)
    [first, _] = desk.intake.due_packets()
    assert first.chase.count == 1 and first.chase.last is not None
    desk.services.chase.close_unreachable(ChaseKind.INTAKE, sooner, "No answer, no portal account")
    assert [i for i, _ in desk.due()] == [later]


def test_undo_takes_a_step_back_and_is_refused_once_the_forms_changed(desk: Desk) -> None:
    visit = desk.visit(local(5, 9))
    before = desk.intake.visit_packet(visit)
    assert before is not None
    after, _ = desk.intake.mark(visit, "Registration", FormState.SENT, channel=Channel.EMAIL)
    back, change = desk.intake.undo(before, after)
    assert not back.stored and desk.forms() == [] and change.ids == (visit,)
    assert desk.services.audit.page(0, 1)[0].detail == "undo: form 1: sent -> not_sent"
    sent, _ = desk.intake.mark(visit, "Registration", FormState.SENT, channel=Channel.EMAIL)
    received, _ = desk.intake.mark(visit, "Registration", FormState.RECEIVED)
    audits = desk.services.audit.count()
    with pytest.raises(ChangedSinceError):
        desk.intake.undo(before, sent)  # the form was received since
    assert desk.services.audit.count() == audits
    back, _ = desk.intake.undo(sent, received)
    form = back.form("Registration")
    assert form is not None and form.state is FormState.SENT


def test_the_patient_hub_shows_the_packets_of_visits_to_come(desk: Desk) -> None:
    desk.visit(local(2, 8), code="proc")  # earlier today: already begun
    soon = desk.visit(local(5, 9))
    desk.visit(local(6, 9), code="est")
    later = desk.visit(local(20, 9), code="proc")
    desk.visit(local(6, 10), patient=desk.other)
    assert [p.appointment_id for p in desk.intake.of_patient(ident(desk.patient.id))] == [soon, later]


def test_the_worklist_reads_only_its_window(desk: Desk) -> None:
    desk.visit(local(5, 9))
    desk.clock.current = local(2, 9, 30) + timedelta(days=30)
    assert desk.intake.due_packets() == []
