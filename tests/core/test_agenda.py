"""The day's agenda from hand-made records: which flags a visit gets and why, the attention lines,
and the order of what is due today."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from vma_desk.core.agenda import (
    ROUTINE,
    SOON,
    URGENT,
    AgendaInputs,
    ItemKind,
    VisitFlag,
    build_agenda,
)
from vma_desk.core.calendar import Appointment, AppointmentType, Eligibility, EligibilityStatus, VisitStatus
from vma_desk.core.communications import Message, Urgency
from vma_desk.core.records import CareGap, Patient, Role, StaffMember
from vma_desk.core.referrals import Flag, PriorAuth, PriorAuthKind, Referral, ReferralState
from vma_desk.core.refills import RefillRequest, RefillSource, RefillStep
from vma_desk.core.rules.refills import DueState

DAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 13, 30, tzinfo=UTC)
LEE = StaffMember("Dana Lee", Role.PROVIDER, id=1, credentials="MD")
ORTIZ = StaffMember("Omar Ortiz", Role.PROVIDER, id=2)
TYPES = {
    "est": AppointmentType("est", "Established visit", 20),
    "new": AppointmentType("new", "New patient", 40, new_patient=True),
    "tele": AppointmentType("tele", "Telehealth", 20, telehealth=True),
}
ANN = Patient(
    "Ann",
    "Ames",
    date(1960, 3, 3),
    id=10,
    care_gaps=(CareGap("A1c", date(2026, 2, 1)), CareGap("Colonoscopy", date(2027, 1, 1))),
)
BO = Patient("Bo", "Birch", date(1990, 1, 1), id=11)
VERIFIED = Eligibility(status=EligibilityStatus.VERIFIED)


def visit(patient: Patient, hour: int, **kw) -> Appointment:
    values = dict(
        patient_id=patient.id,
        provider_id=1,
        type_code="est",
        start=datetime(2026, 3, 2, hour, tzinfo=UTC),
        minutes=20,
        id=hour,
        status=VisitStatus.CONFIRMED,
        eligibility=VERIFIED,
    )
    values.update(kw)
    return Appointment(**values)


def routed_refill(
    patient_id: int, medication: str, record_id: int, due_in: timedelta | None = None, strength: str = ""
) -> RefillRequest:
    """A refill request waiting for the provider, due `due_in` from now."""
    return RefillRequest(
        patient_id=patient_id,
        medication=medication,
        strength=strength,
        quantity="",
        pharmacy="CVS",
        source=RefillSource.PORTAL,
        requested_by="caller",
        prescriber_id=1,
        received_at=NOW,
        step=RefillStep.ROUTED,
        id=record_id,
        due_at=NOW + due_in if due_in is not None else None,
    )


def inputs(**kw) -> AgendaInputs:
    values = dict(
        day=DAY,
        now=NOW,
        practice_name="Lakeside",
        time_zone="America/Chicago",
        providers=(LEE, ORTIZ),
        types=TYPES,
        appointments=(),
        patients={10: ANN, 11: BO},
        names={10: "Ames, Ann", 11: "Birch, Bo"},
        no_shows={},
        confirmations=(),
        eligibility=(),
        open_messages=(),
        refills=(),
        referrals=(),
        prior_auths=(),
    )
    values.update(kw)
    return AgendaInputs(**values)


def test_a_clean_visit_has_no_flags_and_providers_without_visits_are_left_out():
    agenda = build_agenda(inputs(appointments=(visit(BO, 15),)))
    [day] = agenda.providers
    assert day.provider is LEE and day.attention() == ()
    [line] = day.visits
    assert (line.patient_name, line.age, line.type_name, line.new_patient, line.flags) == (
        "Birch, Bo",
        36,
        "Established visit",
        False,
        (),
    )


def test_each_flag_comes_from_its_record():
    referral = Referral(
        patient_id=10,
        referring_provider_id=1,
        specialty="Cardiology",
        specialist_office="Heart",
        reason="murmur",
        created_at=NOW - timedelta(days=30),
        state=ReferralState.SEEN,
        id=5,
    )
    auth = PriorAuth(
        patient_id=10,
        kind=PriorAuthKind.PROCEDURE,
        payer="Aetna",
        service="MRI",
        submitted_on=DAY,
        follow_up_on=DAY + timedelta(days=5),
        id=6,
    )
    urgent = Message(
        caller_name="Ann",
        contact_number="+13125550142",
        reason="dizzy",
        recipient_id=3,
        created_at=NOW - timedelta(hours=1),
        urgency=Urgency.URGENT,
        patient_id=10,
        id=7,
    )
    refill = routed_refill(10, "Metformin", 8, strength="500 mg")
    agenda = build_agenda(
        inputs(
            appointments=(
                visit(ANN, 14, status=VisitStatus.LEFT_MESSAGE, eligibility=Eligibility(), type_code="tele"),
            ),
            no_shows={10: 2},
            referrals=((referral, (), 3),),
            prior_auths=((auth, ()),),
            open_messages=((urgent, NOW + timedelta(minutes=30), False),),
            refills=((refill, DueState.ON_TIME),),
            # the visit was booked because the provider decided another refill needs one
            visit_refills={14: (routed_refill(10, "Lisinopril", 9, strength="10 mg"),)},
            forms_incomplete={14: ("Registration", "Health history")},
            labs_not_back={14: ("CBC", "A1c")},
        )
    )
    [line] = agenda.providers[0].visits
    assert dict(line.flags) == {
        VisitFlag.MISSING_REPORT: "Cardiology consult note",
        VisitFlag.LABS_NOT_BACK: "CBC, A1c",
        VisitFlag.FORMS_INCOMPLETE: "Registration, Health history",
        VisitFlag.INSURANCE_UNVERIFIED: "not checked",
        VisitFlag.PRIOR_AUTH_PENDING: "MRI (Aetna)",
        VisitFlag.UNCONFIRMED: "left message",
        VisitFlag.URGENT_MESSAGE: "urgent",
        VisitFlag.PENDING_REFILL: "Metformin 500 mg",
        VisitFlag.REFILL_NEEDS_VISIT: "Lisinopril 10 mg",
        VisitFlag.CARE_GAP: "A1c",  # the colonoscopy is not due yet
        VisitFlag.NO_SHOW_HISTORY: "2 no-shows",
        VisitFlag.TELEHEALTH_NOT_READY: "no link",
    }
    assert [f for f, _ in line.flags] == list(VisitFlag)  # always in the same order
    assert line.telehealth and agenda.providers[0].attention()[0] == "1 patient with an urgent message open"


def test_attention_counts_visits_per_flag():
    agenda = build_agenda(
        inputs(
            appointments=(
                visit(ANN, 14, status=VisitStatus.UNCONFIRMED),
                visit(BO, 15, status=VisitStatus.UNCONFIRMED),
                visit(BO, 16, provider_id=2),
            )
        )
    )
    lee, ortiz = agenda.providers
    assert "2 visits unconfirmed" in lee.attention() and ortiz.attention() == ()
    assert [v.appointment.start.hour for v in lee.visits] == [14, 15]


def test_due_rows_are_ordered_by_severity_then_kind():
    late = Message(
        caller_name="Bo",
        contact_number="+13125550143",
        reason="call me",
        recipient_id=3,
        created_at=NOW - timedelta(days=2),
        patient_id=11,
        id=1,
    )
    past = routed_refill(10, "Lisinopril", 2, -timedelta(hours=1))
    near = routed_refill(11, "Atorvastatin", 3, timedelta(hours=1))
    calm = routed_refill(11, "Aspirin", 4, timedelta(days=1))
    stuck = Referral(
        patient_id=10,
        referring_provider_id=1,
        specialty="ENT",
        specialist_office="ENT Co",
        reason="x",
        created_at=NOW,
        state=ReferralState.SENT,
        id=9,
    )
    agenda = build_agenda(
        inputs(
            confirmations=(visit(BO, 20),),
            open_messages=((late, NOW - timedelta(days=1), True),),
            refills=((past, DueState.PAST_DUE), (near, DueState.NEAR_DUE), (calm, DueState.ON_TIME)),
            referrals=((stuck, (Flag.STUCK,), 20),),
        )
    )
    assert [(i.kind, i.record_id, i.severity) for i in agenda.due] == [
        (ItemKind.MESSAGE, 1, URGENT),
        (ItemKind.REFILL, 2, URGENT),
        (ItemKind.REFERRAL, 9, URGENT),
        (ItemKind.REFILL, 3, SOON),
        (ItemKind.CONFIRMATION, 20, ROUTINE),
    ]
    assert agenda.due[0].patient_name == "Birch, Bo" and agenda.due[1].detail == "past due"


def test_patients_are_counted_once_however_many_visits_they_have():
    two = (visit(ANN, 14, status=VisitStatus.UNCONFIRMED), visit(ANN, 16, status=VisitStatus.UNCONFIRMED))
    lines = build_agenda(inputs(appointments=two)).providers[0].attention()
    assert "2 visits unconfirmed" in lines and "1 patient with a care gap due" in lines
    refill = routed_refill(10, "Metformin", 8)
    lines = (
        build_agenda(inputs(appointments=two, refills=((refill, DueState.ON_TIME),))).providers[0].attention()
    )
    assert "1 refill waiting for a decision" in lines


def test_a_callback_due_later_today_counts_in_the_practices_zone_whatever_the_clock():
    # Los Angeles: a routine callback due today at 5 PM is 01:00 UTC tomorrow
    message = Message(
        caller_name="Bo",
        contact_number="+13125550143",
        reason="please call about the form, "
        "which the school needs back before Friday afternoon at the latest",
        recipient_id=3,
        created_at=NOW,
        patient_id=11,
        id=4,
    )
    due = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
    agenda = build_agenda(inputs(time_zone="America/Los_Angeles", open_messages=((message, due, False),)))
    [item] = agenda.due
    assert item.title.startswith("Callback: please call about the form") and item.title.endswith("…")
    assert " the…" not in item.title and len(item.title) <= len("Callback: ") + 60


def test_a_patient_not_told_and_an_authorisation_used_up_are_due_today():
    """Issue 12, items 12 and 15: they stand out on Today, not only in the Referrals tab."""
    booked = Referral(patient_id=10, referring_provider_id=1, specialty="ENT", specialist_office="ENT Co",
                      reason="x", created_at=NOW, state=ReferralState.SCHEDULED, id=9)
    therapy = PriorAuth(patient_id=11, kind=PriorAuthKind.PROCEDURE, payer="Aetna",
                        service="Physical therapy", submitted_on=DAY, follow_up_on=DAY, id=4)
    agenda = build_agenda(inputs(referrals=((booked, (Flag.PATIENT_NOT_TOLD,), 1),),
                                 prior_auths=((therapy, (Flag.UNITS_USED_UP,)),)))
    assert [(i.kind, i.record_id, i.detail, i.severity) for i in agenda.due] == [
        (ItemKind.PRIOR_AUTH, 4, "units used up", URGENT),
        (ItemKind.REFERRAL, 9, "patient not told", SOON),
    ]
