"""services.agenda.day(): one call gathers the day's visits with their flags and what is due."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from vma_desk.core.agenda import ItemKind, VisitFlag
from vma_desk.core.calendar import Appointment
from vma_desk.core.communications import Message, Urgency
from vma_desk.core.errors import NotFoundError
from vma_desk.core.records import CareGap, Patient, Phone, Role, Shift, StaffMember


@pytest.fixture
def day(services):
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    doc, _ = services.practice.add_staff(StaffMember("Dana Doyle", Role.PROVIDER, credentials="MD",
                                                     working_hours=hours))
    nurse, _ = services.practice.add_staff(StaffMember("Nora Nurse", Role.CLINICAL))
    ann, _ = services.patients.create(
        Patient(
            "Ann",
            "Ames",
            date(1960, 1, 1),
            phones=(Phone("3125550142"),),
            care_gaps=(CareGap("A1c", date(2026, 1, 1)),),
        )
    )
    services.calendar.book(
        Appointment(
            patient_id=ann.id,
            provider_id=doc.id,
            type_code="est",
            start=datetime(2026, 3, 2, 17, 0, tzinfo=UTC),
            minutes=20,
        ),
        authorised_by="Dr Doyle",
    )
    services.communications.take_message(
        Message(
            caller_name="Ann Ames",
            contact_number="3125550142",
            reason="question about her bill",
            recipient_id=nurse.id,
            created_at=services.context.clock.now(),
            patient_id=ann.id,
            urgency=Urgency.URGENT,
        )
    )
    return services, doc, ann


def test_the_day_holds_each_visit_with_its_flags_and_the_due_rows(day):
    services, doc, ann = day
    agenda = services.agenda.day()
    assert agenda.day == date(2026, 3, 2) and agenda.practice_name == "Lakeside Family Medicine"
    [provider] = agenda.providers
    [line] = provider.visits
    assert provider.provider.id == doc.id and line.patient_name == "Ames, Ann" and line.age == 66
    flags = dict(line.flags)
    assert flags[VisitFlag.CARE_GAP] == "A1c" and flags[VisitFlag.URGENT_MESSAGE] == "urgent"
    assert VisitFlag.UNCONFIRMED in flags and VisitFlag.INSURANCE_UNVERIFIED in flags
    [message] = [i for i in agenda.due if i.kind is ItemKind.MESSAGE]
    assert message.patient_name == "Ames, Ann"
    services.context.clock.advance(timedelta(hours=2))  # the urgent callback is now overdue
    [message] = [i for i in services.agenda.day().due if i.kind is ItemKind.MESSAGE]
    assert message.detail == "overdue"


def test_another_day_and_one_provider(day):
    services, doc, _ann = day
    assert services.agenda.day(date(2026, 3, 3)).providers == ()
    assert services.agenda.day(provider_id=doc.id).visit_count == 1
    with pytest.raises(NotFoundError):
        services.agenda.day(provider_id=999)
