"""Primary and secondary insurance and an eligibility result's details, through the services and a
real SQLCipher workspace: what is saved is what comes back after a restart, audited by field name."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from tests.conftest import signed_in
from vma_desk.core.calendar import Appointment, Eligibility, EligibilityStatus, InsuranceRank
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import AuditAction, Insurance, Patient, Phone, PlanType, Role, Shift, StaffMember
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

PRIMARY = Insurance("Prairie Health", "PH-12345", PlanType.MEDICARE, subscriber="")
SECONDARY = Insurance("Harbor Mutual", "HM-778812", PlanType.PPO, "G-55", subscriber="Jim O'Neil")


def ann(**overrides) -> Patient:
    values = dict(first_name="Ann", last_name="O'Neil", date_of_birth=date(1951, 4, 2),
                  phones=(Phone("(312) 555-0142"),), insurance=PRIMARY, secondary_insurance=SECONDARY)
    return Patient(**(values | overrides))


def reopened(services: Services, keystore: KeyStore) -> Services:
    ws = services.workspace
    ws.close()
    return Services.for_workspace(Workspace.unlock_with_keyring(ws.data_dir, keystore))


def test_both_insurances_survive_a_restart(services, keystore):
    saved, _ = services.patients.create(ann())
    again = reopened(services, keystore)
    try:
        loaded = again.patients.get(saved.id)
        assert loaded.insurance == PRIMARY
        assert loaded.secondary_insurance == SECONDARY
        assert loaded == saved
        assert again.patients.repo.get_many([saved.id])[saved.id] == saved  # the bulk read of lists
    finally:
        again.workspace.conn.close()


def test_adding_and_removing_a_secondary_is_audited_by_field_name(services):
    saved, _ = services.patients.create(ann(secondary_insurance=None))
    assert services.patients.get(saved.id).secondary_insurance is None
    services.patients.update(ann(id=saved.id, secondary_insurance=Insurance("Harbor Mutual", "HM-1", None)))
    with_secondary = services.patients.get(saved.id).secondary_insurance
    assert with_secondary == Insurance("Harbor Mutual", "HM-1", None)  # plan type not recorded
    services.patients.update(ann(id=saved.id, secondary_insurance=None))
    assert services.patients.get(saved.id).secondary_insurance is None
    entries = [e for e in services.audit.page()
               if e.record_type == "patient" and e.action is AuditAction.UPDATE]
    assert [e.detail for e in entries[:2]] == ["fields: secondary_insurance"] * 2
    assert all("Harbor" not in e.detail and "HM-1" not in e.detail for e in entries)


def test_a_secondary_without_a_primary_is_refused_and_nothing_saved(services):
    before = services.audit.count()
    with pytest.raises(ValidationError) as caught:
        services.patients.create(ann(insurance=None))
    assert caught.value.field == "secondary_insurance.payer"
    assert services.patients.count() == 0 and services.audit.count() == before


@pytest.fixture
def visit(services):
    signed_in(services, "Rosa Vega")
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    lee, _ = services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD",
                                                     working_hours=hours))
    patient, _ = services.patients.create(ann())
    booked, _ = services.calendar.book(Appointment(
        patient_id=patient.id, provider_id=lee.id, type_code="est",
        start=datetime(2026, 3, 3, 15, 0, tzinfo=UTC), minutes=20), authorised_by="Rosa Vega")
    return booked


def test_an_eligibility_result_keeps_its_details_as_fields(services, keystore, visit):
    result = Eligibility(EligibilityStatus.VERIFIED, True, True, "$25 copay", deductible_met=False,
                         deductible_remaining="350", coinsurance="20", oop_note="OOP max $6,000; $1,100 met",
                         secondary_status=EligibilityStatus.PROBLEM, insurance=InsuranceRank.PRIMARY)
    saved, change = services.calendar.record_eligibility(visit.id, result)
    assert change.ids == (visit.id,)
    entry = services.audit.page()[0]
    assert entry.user == "Rosa Vega"
    assert entry.detail == ("eligibility: verified; secondary: problem; fields: active, in_network, "
                            "copay_note, deductible_met, deductible_remaining, coinsurance, oop_note")
    again = reopened(services, keystore)
    try:
        loaded = again.calendar.get(visit.id).eligibility
    finally:
        again.workspace.conn.close()
    assert loaded == saved.eligibility
    assert (loaded.deductible_met, loaded.deductible_remaining, loaded.coinsurance) \
        == (False, "$350.00", "20%")
    assert loaded.oop_note == "OOP max $6,000; $1,100 met"
    assert loaded.secondary_status is EligibilityStatus.PROBLEM
    assert (loaded.checked_by, loaded.active, loaded.in_network) == ("Rosa Vega", True, True)


def test_a_wrong_eligibility_detail_saves_nothing(services, visit):
    before = services.audit.count()
    with pytest.raises(ValidationError) as caught:
        services.calendar.record_eligibility(visit.id, Eligibility(
            EligibilityStatus.VERIFIED, deductible_met=True, deductible_remaining="$350"))
    assert caught.value.field == "deductible_remaining"
    assert services.calendar.get(visit.id).eligibility == Eligibility()
    assert services.audit.count() == before
