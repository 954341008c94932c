"""Post-visit follow-up calls through the services, on a real workspace with a fake clock: a visit
booked and marked arrived becomes a call due N business days later (weekends and holidays
skipped), its answers are stored, and a question goes to the clinical staff as a message.

Practice in America/Chicago, open Monday to Friday; the clock starts Monday 2026-03-02 09:30.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.services.march_in_chicago import HOURS, ident, local
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.clock import FixedClock
from vma_desk.core.errors import ValidationError
from vma_desk.core.follow_up import SCRIPT, FollowUpAnswers
from vma_desk.core.records import Holiday, Patient, Phone, Practice, RecordKind, Role, StaffMember
from vma_desk.services import Services
from vma_desk.services.follow_up import FollowUpService


class Office:
    def __init__(self, services: Services, clock: FixedClock) -> None:
        self.services, self.clock = services, clock
        # Monday 9 March is a practice holiday (the follow-up call skips it)
        services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago",
                                        holidays=(Holiday(date(2026, 3, 9), "Staff training day"),)))
        self.doctor, _ = services.practice.add_staff(
            StaffMember("Dana Lee", Role.PROVIDER, credentials="MD", working_hours=HOURS))
        self.front, _ = services.practice.add_staff(StaffMember("Fran Front", Role.FRONT_DESK))
        self.nurse, _ = services.practice.add_staff(
            StaffMember("Nora Nurse", Role.CLINICAL, credentials="RN"))
        self.patient, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1),
                                                           phones=(Phone("3125550101"),)))
        types = services.calendar.types(include_inactive=True)
        services.calendar.save_settings(
            [replace(t, follow_up_days=2) if t.code == "proc" else t for t in types],
            services.calendar.notice_hours())
        self.follow_up = FollowUpService(services.context, practice=services.practice, chase=services.chase,
                                         communications=services.communications)

    def visit(self, start: datetime, code: str = "proc", minutes: int = 45) -> int:
        """The id of a visit booked for the patient with the doctor."""
        booked, _ = self.services.calendar.book(Appointment(
            patient_id=ident(self.patient.id), provider_id=ident(self.doctor.id), type_code=code, start=start,
            minutes=minutes))
        return ident(booked.id)

    def arrived(self, start: datetime, code: str = "proc", minutes: int = 45) -> int:
        """The id of a visit booked and marked arrived five minutes after its start."""
        visit = self.visit(start, code, minutes)
        self.clock.current = start + timedelta(minutes=5)
        self.services.calendar.set_status(visit, VisitStatus.ARRIVED)
        return visit

    def due_ids(self) -> list[int]:
        return [c.appointment_id for c in self.follow_up.due_calls()]


@pytest.fixture
def office(services: Services, clock: FixedClock) -> Office:
    return Office(services, clock)


def test_an_arrived_procedure_visit_is_called_two_business_days_later_skipping_a_holiday(
        office: Office) -> None:
    visit = office.arrived(local(5, 10))  # Thursday 5 March
    office.clock.current = local(6, 16)   # Friday: one business day, not due yet
    assert office.due_ids() == []
    office.clock.current = local(9, 12)   # Monday 9 is the practice's holiday: still not due
    assert office.due_ids() == []
    office.clock.current = local(10, 7, 59)  # Tuesday before opening
    assert office.due_ids() == []
    office.clock.current = local(10, 8)   # Tuesday 8:00 local (after the change to daylight time)
    [call] = office.follow_up.due_calls()
    assert call.appointment_id == visit
    assert call.due_at == local(10, 8) == datetime(2026, 3, 10, 13, tzinfo=UTC)
    assert call.chase.count == 0 and not call.done
    office.clock.current = local(12, 15)  # still on the list days later, until it is made
    assert office.due_ids() == [visit]


def test_only_arrived_visits_that_ask_for_a_call_are_called(office: Office) -> None:
    no_call = office.arrived(local(2, 10), code="est", minutes=20)  # its type asks for none
    office.clock.current = local(2, 9, 30)
    missed = office.visit(local(2, 11))
    office.clock.current = local(2, 11, 30)
    office.services.calendar.set_status(missed, VisitStatus.NO_SHOW)
    office.clock.current = local(10, 9)
    assert office.due_ids() == []
    assert office.follow_up.get(no_call) is None


def test_a_visit_marked_call_after_is_called_after_two_business_days(office: Office) -> None:
    booked = office.visit(local(3, 14), code="est", minutes=20)  # Tuesday
    marked, change = office.follow_up.set_call_after(booked, True)
    assert marked.call_after and change.kind is RecordKind.APPOINTMENT
    assert office.services.calendar.get(booked).call_after  # kept with the visit
    office.clock.current = local(3, 14, 5)
    office.services.calendar.set_status(booked, VisitStatus.ARRIVED)
    assert office.services.calendar.get(booked).call_after  # a status step keeps the mark
    office.clock.current = local(5, 7, 30)
    assert office.due_ids() == []
    office.clock.current = local(5, 8)  # Thursday 8:00: two business days after Tuesday
    assert office.due_ids() == [booked]
    office.follow_up.set_call_after(booked, False)
    assert office.due_ids() == []


def test_answers_are_stored_and_the_call_leaves_the_list(office: Office) -> None:
    visit = office.arrived(local(5, 10))
    office.clock.current = local(10, 9)
    office.services.chase.log_attempt(ChaseKind.FOLLOW_UP, visit, channel=Channel.PHONE,
                                      outcome=Outcome.NO_ANSWER, patient_id=ident(office.patient.id))
    [call] = office.follow_up.due_calls()
    assert call.chase.count == 1 and call.chase.quiet(office.clock.now())
    office.clock.current = local(10, 11, 15)
    answers = FollowUpAnswers(understood=True, follow_up_booked=False, prescription_picked_up=True,
                              has_question=False)
    done, change, message_change = office.follow_up.record_answers(visit, answers)
    assert message_change is None and change.ids == (visit,)
    assert done.done_at == local(10, 11, 15) and done.done_by == "tester@desk"
    assert office.due_ids() == []
    stored = office.follow_up.get(visit)
    assert stored is not None and stored.answers == answers and stored.message_id is None
    assert stored.chase.count == 1
    assert [c.appointment_id for c in office.follow_up.follow_ups_between(local(10, 0), local(11, 0))] \
        == [visit]
    assert office.follow_up.follow_ups_between(local(11, 0), local(12, 0)) == []
    with pytest.raises(ValidationError) as again:
        office.follow_up.record_answers(visit, answers)
    assert again.value.field == "done"
    entry = office.services.audit.page(0, 1)[0]
    assert (entry.record_type, entry.record_id, entry.detail) == ("follow_up_call", str(visit),
                                                                   "answers recorded")


def test_a_question_becomes_a_message_to_the_clinical_staff_linked_to_the_visit(office: Office) -> None:
    visit = office.arrived(local(5, 10))
    office.clock.current = local(10, 9)
    answers = FollowUpAnswers(understood=False, has_question=True,
                              question="  Which day should the dressing come off?  ")
    done, _, message_change = office.follow_up.record_answers(visit, answers)
    assert message_change is not None and message_change.kind is RecordKind.MESSAGE
    message = office.services.communications.get_message(ident(done.message_id))
    assert message.recipient_id == office.nurse.id  # clinical staff, never the front desk
    assert message.patient_id == office.patient.id
    assert message.questions == "Which day should the dressing come off?"
    assert message.contact_number == "+13125550101"
    assert "follow-up call" in message.reason and "Mar 5" in message.reason
    stored = office.follow_up.get(visit)
    assert stored is not None and stored.message_id == message.id
    assert stored.answers.question == "Which day should the dressing come off?"
    # the audit says that a question went on, never its words
    details = [e.detail for e in office.services.audit.page(0, 10)]
    assert "answers recorded; question sent to clinical staff" in details
    assert not any("dressing" in d for d in details)


def test_refused_answers_save_nothing(office: Office, services: Services) -> None:
    visit = office.arrived(local(5, 10))
    office.clock.current = local(10, 9)
    for answers, field in [
            (FollowUpAnswers(), "answers"),
            (FollowUpAnswers(has_question=True, question="   "), "question"),
            (FollowUpAnswers(understood=True, question="When do I come back?"), "has_question")]:
        with pytest.raises(ValidationError) as refused:
            office.follow_up.record_answers(visit, answers)
        assert refused.value.field == field
    # a question that mentions a red flag needs what was done, as any message does: refused, and
    # neither the answers nor a message are saved
    messages_before = len(services.communications.open_messages())
    red = FollowUpAnswers(has_question=True, question="Is crushing chest pain since the visit expected?")
    with pytest.raises(ValidationError) as red_flag:
        office.follow_up.record_answers(visit, red)
    assert red_flag.value.field == "escalation_action"
    assert len(services.communications.open_messages()) == messages_before
    stored = office.follow_up.get(visit)
    assert stored is not None and not stored.done
    assert office.due_ids() == [visit]
    done, _, _ = office.follow_up.record_answers(visit, red,
                                                 escalation_action="Transferred to the nurse line")
    message = services.communications.get_message(ident(done.message_id))
    assert message.urgency.value == "emergency"


def test_without_a_nurse_the_question_goes_to_the_visits_provider(office: Office, services: Services) -> None:
    services.practice.update_staff(replace(office.nurse, active=False))
    visit = office.arrived(local(5, 10))
    office.clock.current = local(10, 9)
    done, _, _ = office.follow_up.record_answers(visit, FollowUpAnswers(has_question=True,
                                                                           question="When do I come back?"))
    assert services.communications.get_message(ident(done.message_id)).recipient_id == office.doctor.id


def test_a_declined_call_leaves_the_list(office: Office) -> None:
    visit = office.arrived(local(5, 10))
    office.clock.current = local(10, 9)
    office.services.chase.log_attempt(ChaseKind.FOLLOW_UP, visit, channel=Channel.PHONE,
                                      outcome=Outcome.DECLINED, patient_id=ident(office.patient.id))
    assert office.due_ids() == []


def test_the_follow_up_days_of_a_type_are_checked(office: Office, services: Services) -> None:
    types = services.calendar.types(include_inactive=True)
    for days in (0, 31):
        with pytest.raises(ValidationError) as refused:
            services.calendar.save_settings([replace(t, follow_up_days=days) for t in types], 24)
        assert refused.value.field == "follow_up_days"
    saved = {t.code: t.follow_up_days for t in services.calendar.types(include_inactive=True)}
    assert saved["proc"] == 2 and saved["est"] is None  # nothing of the refused settings saved


def test_the_script_asks_the_four_questions_in_plain_words() -> None:
    assert [line.field for line in SCRIPT] == ["understood", "follow_up_booked", "prescription_picked_up",
                                               "has_question"]
    assert all("?" in line.text for line in SCRIPT)
