"""FHIR R4 in and out (issue 17): an EHR's bundle read into visits at the right UTC times and
statuses, files that cannot be imported refused naming the line or entry, and a period of the
workspace exported as a bundle that `fhir.resources` validates, that reads back into the same visits,
that opens only with its password when encrypted, and whose audit entry names nobody.
The clock is Monday 2026-03-02 09:30 in Chicago."""

from __future__ import annotations

import io
import json
import stat
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import pyzipper
from fhir.resources.R4B.bundle import Bundle

from tests.conftest import signed_in
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.communications import Call, CallReason, Direction, Message, Urgency
from vma_desk.core.ehr import MAX_BYTES, ImportFileError
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import AuditAction, ContactMethod, Patient, Phone, Role, Shift, StaffMember
from vma_desk.core.referrals import Referral, ReferralState
from vma_desk.core.refills import RefillRequest, RefillSource
from vma_desk.services.ehr.fhir_io import export_bundle, read_bundle, write_export

CHICAGO = ZoneInfo("America/Chicago")
MON = date(2026, 3, 2)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=CHICAGO).astimezone(UTC)


def ehr_bundle(*extra: dict, appointments: list[dict] | None = None) -> dict:
    """What an EHR exports: two patients, a practitioner and three visits (one with an offset, one
    in UTC, one cancelled), the patients referred to by fullUrl and by ResourceType/id."""
    ident = "http://ehr.example/appointments"
    visits = appointments if appointments is not None else [
        {"resourceType": "Appointment", "id": "a1", "identifier": [{"system": ident, "value": "A-1"}],
         "status": "booked", "start": "2026-03-02T09:00:00-06:00", "end": "2026-03-02T09:20:00-06:00",
         "appointmentType": {"text": "Follow-up"},
         "participant": [{"actor": {"reference": "urn:uuid:pat-ann"}, "status": "accepted"},
                         {"actor": {"reference": "Practitioner/dr-lee"}, "status": "accepted"}]},
        {"resourceType": "Appointment", "id": "a2", "identifier": [{"system": ident, "value": "A-2"}],
         "status": "arrived", "start": "2026-03-02T16:30:00Z", "end": "2026-03-02T17:10:00Z",
         "serviceType": [{"coding": [{"display": "New patient"}]}],
         "participant": [{"actor": {"reference": "Patient/bob"}, "status": "accepted"}]},
        {"resourceType": "Appointment", "id": "a3", "identifier": [{"system": ident, "value": "A-3"}],
         "status": "cancelled", "start": "2026-03-09T10:00:00-05:00", "end": "2026-03-09T10:20:00-05:00",
         "participant": [{"actor": {"reference": "Patient/bob"}, "status": "declined"}]},
    ]
    entries = [
        {"fullUrl": "urn:uuid:pat-ann", "resource": {
            "resourceType": "Patient", "id": "ann",
            "identifier": [{"system": "http://ehr.example/mrn", "value": "MRN-1"}],
            "name": [{"family": "Ames", "given": ["Ann", "Marie"]}], "birthDate": "1960-01-01",
            "telecom": [{"system": "phone", "value": "+13125550101"},
                        {"system": "email", "value": "ann@example.org"}]}},
        {"resource": {"resourceType": "Patient", "id": "bob",
                      "identifier": [{"system": "http://ehr.example/mrn", "value": "MRN-2"}],
                      "name": [{"family": "Burr", "given": ["Bob"]}], "birthDate": "1970-05-06"}},
        {"resource": {"resourceType": "Practitioner", "id": "dr-lee",
                      "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}],
                      "name": [{"text": "Dana Lee, MD"}]}},
        *({"resource": v} for v in visits),
        *extra,
    ]
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def as_bytes(document: dict, *, indent: int | None = 2) -> bytes:
    return json.dumps(document, indent=indent).encode()


# --- reading ---------------------------------------------------------------------------------------

def test_a_bundle_reads_into_visits_at_their_utc_times_and_statuses():
    batch = read_bundle(as_bytes(ehr_bundle()))

    assert batch.system == "fhir:http://ehr.example/appointments"
    assert [(p.source_id, p.first_name, p.last_name, p.date_of_birth, p.phones) for p in batch.patients] == [
        ("http://ehr.example/mrn|MRN-1", "Ann Marie", "Ames", date(1960, 1, 1), ("+13125550101",)),
        ("http://ehr.example/mrn|MRN-2", "Bob", "Burr", date(1970, 5, 6), ()),
    ]
    assert [(p.source_id, p.name) for p in batch.practitioners] == [
        ("http://hl7.org/fhir/sid/us-npi|1234567893", "Dana Lee, MD")]
    first, second, third = batch.visits
    assert (first.source_id, first.status, first.start, first.end, first.minutes) == (
        "http://ehr.example/appointments|A-1", VisitStatus.UNCONFIRMED,
        datetime(2026, 3, 2, 15, 0, tzinfo=UTC), datetime(2026, 3, 2, 15, 20, tzinfo=UTC), 20)
    assert first.start.utcoffset() == timedelta(0)
    assert (first.patient.last_name, first.practitioner and first.practitioner.name, first.type_text) == (
        "Ames", "Dana Lee, MD", "Follow-up")
    assert (second.status, second.start, second.minutes, second.patient.last_name, second.practitioner,
            second.type_text) == (VisitStatus.ARRIVED, datetime(2026, 3, 2, 16, 30, tzinfo=UTC), 40, "Burr",
                                  None, "New patient")
    assert (third.status, third.start) == (VisitStatus.CANCELLED, datetime(2026, 3, 9, 15, 0, tzinfo=UTC))
    assert third.ref == "entry 6 (Appointment/a3)"


def test_appointments_without_a_shared_identifier_system_are_from_the_bundle_and_keep_their_ids():
    visit = {"resourceType": "Appointment", "id": "x9", "status": "noshow",
             "start": "2026-03-02T09:00:00-06:00", "end": "2026-03-02T09:20:00-06:00",
             "participant": [{"actor": {"reference": "Patient/bob"}, "status": "accepted"}]}
    batch = read_bundle(as_bytes(ehr_bundle(appointments=[visit])))
    assert batch.system == "fhir:bundle"
    assert [(v.source_id, v.status) for v in batch.visits] == [("x9", VisitStatus.NO_SHOW)]


def test_malformed_json_is_refused_naming_its_line():
    text = as_bytes(ehr_bundle()).decode().splitlines()
    text[7] = text[7] + ","  # a stray comma on line 8
    with pytest.raises(ImportFileError, match=r"appointments\.json, line \d+, column \d+: not valid JSON"):
        read_bundle("\n".join(text).encode(), "appointments.json")
    with pytest.raises(ImportFileError, match="line 3, column"):
        read_bundle(b'{"resourceType": "Bundle",\n "type": "collection",\n "entry": [}', "x.json")


def test_an_observation_is_refused_naming_its_entry():
    observation = {"resource": {"resourceType": "Observation", "status": "final", "code": {"text": "A1c"}}}
    with pytest.raises(ImportFileError) as refused:
        read_bundle(as_bytes(ehr_bundle(observation)))
    assert str(refused.value) == "entry 7: Observation is not imported (Patient, Practitioner and " \
                                 "Appointment are)"


def test_a_visit_ending_before_it_starts_is_refused_naming_it():
    visit = {"resourceType": "Appointment", "id": "bad", "status": "booked",
             "start": "2026-03-02T09:20:00-06:00", "end": "2026-03-02T09:00:00-06:00",
             "participant": [{"actor": {"reference": "Patient/bob"}, "status": "accepted"}]}
    with pytest.raises(ImportFileError,
                       match=r"^entry 4 \(Appointment/bad\): the visit ends before it starts"):
        read_bundle(as_bytes(ehr_bundle(appointments=[visit])))


@pytest.mark.parametrize(("change", "message"), [
    ({"start": "2026-03-02T09:00:00"}, r"entry 4 \(Appointment/v\): start 2026-03-02T09:00:00 has no time "
                                       r"zone offset"),
    ({"status": "waitlist"}, r"entry 4 \(Appointment/v\): status waitlist is not imported"),
    ({"status": "entered-in-error"}, r"entry 4 \(Appointment/v\): status entered-in-error is not imported"),
    ({"status": "someday"}, r"entry 4 \(Appointment/v\): status someday is not imported"),
    ({"minutesDuration": "twenty"}, r"entry 4 \(Appointment/v\): minutesDuration: "),  # the model's check
    ({"participant": [{"actor": {"reference": "Patient/zed"}, "status": "accepted"}]},
     r"entry 4 \(Appointment/v\): the patient Patient/zed is not in the bundle"),
])
def test_a_visit_the_desk_cannot_take_is_refused_naming_the_entry_and_why(change, message):
    visit = {"resourceType": "Appointment", "id": "v", "status": "booked",
             "start": "2026-03-02T09:00:00-06:00", "end": "2026-03-02T09:20:00-06:00",
             "participant": [{"actor": {"reference": "Patient/bob"}, "status": "accepted"}], **change}
    with pytest.raises(ImportFileError, match=message):
        read_bundle(as_bytes(ehr_bundle(appointments=[visit])))


def test_a_patient_that_fails_validation_is_refused_naming_the_field():
    document = ehr_bundle()
    document["entry"][1]["resource"]["birthDate"] = "06/05/1970"
    with pytest.raises(ImportFileError, match=r"^entry 2 \(Patient/bob\): birthDate: "):
        read_bundle(as_bytes(document))


def test_a_file_that_is_not_a_bundle_is_refused():
    with pytest.raises(ImportFileError, match="is not a FHIR Bundle \\(it is a Patient\\)"):
        read_bundle(b'{"resourceType": "Patient"}')


def test_a_file_over_50_mb_is_refused_before_it_is_parsed():
    data = b"{" + b" " * MAX_BYTES  # one byte over, and not JSON: the size is what refuses it
    assert len(data) == MAX_BYTES + 1
    with pytest.raises(ImportFileError, match=r"^big\.json is 50 MB: an import reads files up to 50 MB"):
        read_bundle(data, "big.json")


# --- writing ---------------------------------------------------------------------------------------

@pytest.fixture
def office(services):
    """A week in Lakeside's life: two providers, three patients' visits (one confirmed, one
    cancelled, one next week), a call, a message, a refill request and a referral; a fourth patient
    with nothing in the week."""
    signed_in(services, "Vera Voss")
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    lee, kim = (services.practice.add_staff(StaffMember(name, Role.PROVIDER, credentials="MD",
                                                        working_hours=hours))[0]
                for name in ("Dana Lee", "Sam Kim"))
    nurse, _ = services.practice.add_staff(StaffMember("Nora Nurse", Role.CLINICAL))
    ann, bob, cy, dee = (services.patients.create(Patient(first, last, born, phones=(Phone(phone),)))[0]
                         for first, last, born, phone in (
                             ("Ann", "Ames", date(1960, 1, 1), "+13125550101"),
                             ("Bob", "Burr", date(1970, 5, 6), "+13125550102"),
                             ("Cy", "Cole", date(1985, 2, 3), "+13125550103"),
                             ("Dee", "Dunn", date(1990, 7, 8), "+13125550104")))

    def book(patient, provider, start, code="est", minutes=20):
        return services.calendar.book(Appointment(patient.id, provider.id, code, start, minutes,
                                                  reason="Knee pain", notes="Gate code 4411"),
                                      authorised_by="Patient (phone call)")[0]

    visits = [book(ann, lee, at(MON, 9)), book(bob, kim, at(MON, 14, 30), "new", 40),
              book(ann, kim, at(date(2026, 3, 5), 11))]
    services.calendar.set_status(visits[0].id, VisitStatus.CONFIRMED, ContactMethod.PHONE)
    services.calendar.cancel(visits[2].id, reason="Car trouble", authorised_by="Patient")
    book(dee, lee, at(date(2026, 3, 10), 9))  # after the week
    now = services.context.clock.now()
    call, _ = services.communications.log_call(Call(
        started_at=now, direction=Direction.INBOUND, caller_name="Cy Cole", reason=CallReason.REFILL,
        number="+13125550103", patient_id=cy.id, notes="Out of lisinopril, dizzy since Friday"))
    services.communications.take_message(Message(
        caller_name="Cy Cole", contact_number="+13125550103", reason="Asks whether dizziness is the pills",
        recipient_id=lee.id, created_at=now, urgency=Urgency.URGENT, patient_id=cy.id, call_id=call.id,
        questions="Can he take it at night?"))
    services.refills.create(RefillRequest(
        patient_id=cy.id, medication="Lisinopril", strength="10 mg", quantity="90", pharmacy="Walgreens",
        source=RefillSource.PATIENT_CALL, requested_by="Cy Cole", prescriber_id=lee.id, received_at=now))
    referral, _ = services.referrals.create(Referral(
        patient_id=bob.id, referring_provider_id=kim.id, specialty="Cardiology",
        specialist_office="Heart Partners", reason="Chest tightness on stairs", created_at=now,
        records_sent=frozenset({"Referral letter"})))
    services.referrals.move(referral.id, ReferralState.SENT)
    return services, [ann, bob, cy, dee], visits


WEEK = (MON, date(2026, 3, 6))


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_the_export_validates_and_holds_the_weeks_work(office):
    services, (ann, bob, cy, dee), visits = office
    bundle = export_bundle(services, *WEEK)

    Bundle.model_validate_json(json.dumps(bundle))  # every resource, read back by its model
    assert bundle["type"] == "collection"
    assert sorted(p["id"] for p in resources(bundle, "Patient")) == sorted(
        f"patient-{p.id}" for p in (ann, bob, cy))  # Dee has nothing in the week
    assert [p["name"][0]["text"] for p in resources(bundle, "Practitioner")] == [
        "Dana Lee, MD", "Sam Kim, MD"]
    appointments = resources(bundle, "Appointment")
    assert [(a["id"], a["status"], a["start"], a["end"], a["appointmentType"]["text"])
            for a in appointments] == [
        (f"appointment-{visits[0].id}", "booked", "2026-03-02T15:00:00Z", "2026-03-02T15:20:00Z",
         "Established visit"),
        (f"appointment-{visits[1].id}", "booked", "2026-03-02T20:30:00Z", "2026-03-02T21:10:00Z",
         "New patient"),
        (f"appointment-{visits[2].id}", "cancelled", "2026-03-05T17:00:00Z", "2026-03-05T17:20:00Z",
         "Established visit"),
    ]
    own = f"urn:vma-desk:{services.workspace.workspace_id}"  # the workspace's own ids, named by it
    assert appointments[0]["identifier"] == [{"system": f"{own}:appointment", "value": str(visits[0].id)}]
    call, message = resources(bundle, "Communication")
    assert (call["subject"], call["payload"], call["sent"]) == (
        {"reference": f"Patient/patient-{cy.id}"}, [{"contentString": "Refill"}], "2026-03-02T15:30:00Z")
    assert (message["priority"], message["payload"]) == ("urgent", [{"contentString": "Refill"}])
    refill, referral = resources(bundle, "Task")
    (request,) = services.refills.for_patient(cy.id)
    assert (refill["intent"], refill["status"], refill["businessStatus"]["text"], refill["description"],
            refill["for"], refill["owner"]) == (
        "order", "in-progress", request.step.label, "Lisinopril 10 mg",
        {"reference": f"Patient/patient-{cy.id}"},
        {"reference": f"Practitioner/practitioner-{request.prescriber_id}"})
    assert (referral["status"], referral["businessStatus"]["text"], referral["description"]) == (
        "in-progress", "Sent", "Cardiology")
    text = json.dumps(bundle)
    for private in ("Knee pain", "Gate code", "dizz", "Car trouble", "at night", "Chest tightness",
                    "Walgreens", "Heart Partners"):
        assert private not in text, private


def test_the_export_reads_back_into_the_same_visits_at_the_same_times(office):
    services, _, visits = office
    batch = read_bundle(json.dumps(export_bundle(services, *WEEK)).encode())

    own = f"urn:vma-desk:{services.workspace.workspace_id}:appointment"
    assert batch.system == f"fhir:{own}"
    assert [(v.source_id, v.start, v.end, v.status) for v in batch.visits] == [
        (f"{own}|{v.id}", v.start, v.end,
         VisitStatus.CANCELLED if v.id == visits[2].id else VisitStatus.UNCONFIRMED) for v in visits]
    assert [v.practitioner and v.practitioner.name for v in batch.visits] == [
        "Dana Lee, MD", "Sam Kim, MD", "Sam Kim, MD"]
    assert [(v.patient.first_name, v.patient.last_name) for v in batch.visits] == [
        ("Ann", "Ames"), ("Bob", "Burr"), ("Ann", "Ames")]


def test_an_export_refuses_a_period_ending_before_it_starts(office):
    services, _, _ = office
    with pytest.raises(ValidationError, match="on or after the first day"):
        export_bundle(services, date(2026, 3, 6), MON)


def export_entries(services) -> list:
    return [e for e in services.audit.page(0, 50) if e.action is AuditAction.EXPORT]


def test_the_written_export_is_owner_only_audited_without_names_and_never_over_a_file(office, tmp_path):
    services, people, _ = office
    out = tmp_path / "week.json"
    write_export(services, *WEEK, out, None)

    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    Bundle.model_validate_json(out.read_bytes())
    (entry,) = export_entries(services)
    count = len(json.loads(out.read_bytes())["entry"])
    assert entry.detail == f"fhir bundle: {count} resources, 2026-03-02..2026-03-06; not encrypted"
    written = f"{entry.record_type} {entry.record_id} {entry.detail}"
    for p in people:
        for value in (p.first_name, p.last_name, p.phones[0].number[-7:], str(p.date_of_birth)):
            assert value not in written
    before = out.read_bytes()
    with pytest.raises(ValidationError, match="exists already"):
        write_export(services, *WEEK, out, None)
    assert out.read_bytes() == before and len(export_entries(services)) == 1
    write_export(services, MON, MON, out, None, replace=True)
    assert len(json.loads(out.read_bytes())["entry"]) < count


def test_a_password_protected_export_opens_with_its_password_only(office, tmp_path):
    services, _, _ = office
    out = tmp_path / "week.zip"
    write_export(services, *WEEK, out, "correct horse")

    assert b"Ames" not in out.read_bytes()
    with pyzipper.AESZipFile(io.BytesIO(out.read_bytes())) as archive:
        assert archive.namelist() == ["bundle.json"]
        with pytest.raises(RuntimeError, match="password"):
            archive.read("bundle.json")
        archive.setpassword(b"wrong password")
        with pytest.raises(RuntimeError, match="(?i)bad password"):
            archive.read("bundle.json")
        archive.setpassword(b"correct horse")
        bundle = Bundle.model_validate_json(archive.read("bundle.json"))
    assert len(bundle.entry or []) == 12  # 3 patients, 2 providers, 3 visits, a call, a message, 2 tasks
    assert export_entries(services)[0].detail.endswith("; encrypted AES-256 zip")


def test_a_short_password_is_refused_and_nothing_is_written(office, tmp_path):
    services, _, _ = office
    with pytest.raises(ValidationError, match="at least 8 characters"):
        write_export(services, *WEEK, tmp_path / "week.zip", "short")
    assert list(tmp_path.iterdir()) == [] or not (tmp_path / "week.zip").exists()
    assert export_entries(services) == []
