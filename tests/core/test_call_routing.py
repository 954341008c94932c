"""Issue 12, item 8: a call's reasons include a clinical question, and who receives a call follows
the practice's routing rules (`core.communications.route_call`): clinical questions, test results
and urgent medical calls go to clinical staff (a nurse, else the patient's provider), never to the
front desk, even when someone there was set to receive them by mistake."""

from __future__ import annotations

from vma_desk.core.communications import CallReason, route_call
from vma_desk.core.records import Role, RouteCategory, StaffMember

R = RouteCategory
LEE = StaffMember("Dana Lee", Role.PROVIDER, id=1, credentials="MD")
ROE = StaffMember("Sam Roe", Role.PROVIDER, id=2, credentials="DO")
NORA = StaffMember("Nora Nurse", Role.CLINICAL, id=3, credentials="RN",
                   receives=frozenset({R.URGENT_MEDICAL, R.TEST_RESULTS, R.PROVIDER_STAFF}),
                   supports=frozenset({1}))
PAT = StaffMember("Pat Page", Role.CLINICAL, id=4, credentials="LPN",
                  receives=frozenset({R.PROVIDER_STAFF}), supports=frozenset({2}))
FRAN = StaffMember("Fran Front", Role.FRONT_DESK, id=5,
                   receives=frozenset({R.APPOINTMENTS, R.GENERAL, R.PROVIDER_STAFF}))
BILL = StaffMember("Bill Byrd", Role.BILLING, id=6, receives=frozenset({R.BILLING}))


def test_clinical_question_is_a_reason_with_its_label():
    assert CallReason("clinical_question") is CallReason.CLINICAL_QUESTION
    assert CallReason.CLINICAL_QUESTION.label == "Clinical question"
    assert CallReason.CLINICAL_QUESTION.clinical and CallReason.TEST_RESULTS.clinical
    assert not CallReason.APPOINTMENT.clinical and not CallReason.GENERAL.clinical


def test_a_clinical_question_goes_to_the_patients_providers_nurse():
    staff = [FRAN, LEE, ROE, NORA, PAT, BILL]  # the front desk first: it must never be chosen
    assert route_call(CallReason.CLINICAL_QUESTION, staff, provider_id=2) == PAT  # Dr Roe's LPN
    assert route_call(CallReason.CLINICAL_QUESTION, staff, provider_id=1) == NORA
    assert route_call(CallReason.CLINICAL_QUESTION, staff) in (NORA, PAT)


def test_without_anyone_receiving_clinical_questions_a_nurse_then_the_provider_gets_them():
    nurse = StaffMember("Nora Nurse", Role.CLINICAL, id=3, credentials="RN")  # receives nothing set
    front = StaffMember("Fran Front", Role.FRONT_DESK, id=5, receives=frozenset(R))  # everything
    assert route_call(CallReason.CLINICAL_QUESTION, [front, LEE, nurse], provider_id=1) == nurse
    assert route_call(CallReason.TEST_RESULTS, [front, LEE, nurse]) == nurse
    # no nurse at all: the patient's own provider, never the front desk
    assert route_call(CallReason.CLINICAL_QUESTION, [front, LEE, ROE], provider_id=2) == ROE
    assert route_call(CallReason.CLINICAL_QUESTION, [front, LEE], provider_id=None) is None
    assert route_call(CallReason.GENERAL, [front, LEE, nurse], urgent_medical=True) == nurse


def test_other_reasons_keep_their_routes_and_inactive_staff_receive_nothing():
    staff = [FRAN, LEE, NORA, BILL]
    assert route_call(CallReason.APPOINTMENT, staff) == FRAN
    assert route_call(CallReason.BILLING, staff) == BILL
    assert route_call(CallReason.RECORDS, staff) is None  # nobody receives records: the VMA chooses
    away = StaffMember("Nora Nurse", Role.CLINICAL, id=3, receives=NORA.receives, active=False)
    assert route_call(CallReason.CLINICAL_QUESTION, [FRAN, LEE, away], provider_id=1) == LEE
