"""FHIR R4 in and out (issue 17, items 2 and 6): a practice's EHR bundle read into an `ImportBatch`,
and a period of VMA Desk's work written back as a FHIR bundle.

Every resource is parsed and validated by `fhir.resources`' published models (its R4B package: R4B
is R4 with fixes, and Patient, Practitioner, Appointment, Communication and Task are the same for
what is read and written here), never checked by hand.

Reading (`read_bundle`) takes a Bundle whose entries are Patients, Practitioners and Appointments
(and the Communications and Tasks an export of VMA Desk holds, validated and passed over: they are
the VMA's own work, which an import never changes). Anything else in it, a resource that does not
validate, a visit without a time zone or ending before it starts refuses the whole file with
`ImportFileError`, naming the entry ("entry 7" is the seventh entry, counted from 1) and the resource.

Writing (`export_bundle`, `write_export`) gives the period's visits and the patients, providers and
work (calls, messages, refill requests, referrals) around them, the minimum necessary: names, dates
of birth and phones of the patients concerned; for calls and messages their category and the reason
category only, never the free text (notes, the message's own words, questions), which may hold
clinical detail the EHR has its own place for; for refills the medication and for referrals the
specialty. The export is deliberate: written through `services.exports` (temporary file, then
renamed; owner-only; never over a file unless asked), encrypted as an AES-256 zip when a password is
given, and audited with counts and dates, never a name.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pydantic
from fhir.resources.R4B.appointment import Appointment as FhirAppointment
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.communication import Communication
from fhir.resources.R4B.patient import Patient as FhirPatient
from fhir.resources.R4B.practitioner import Practitioner
from fhir.resources.R4B.resource import Resource
from fhir.resources.R4B.task import Task

from vma_desk import __version__
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.communications import Call, Message, Urgency
from vma_desk.core.ehr import (
    ImportBatch,
    ImportFileError,
    SourcePatient,
    SourcePractitioner,
    SourceVisit,
    check_size,
    check_times,
)
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import AuditAction, Change, Patient, PhoneKind, RecordKind, Role, StaffMember
from vma_desk.core.referrals import Referral, ReferralState
from vma_desk.core.refills import Decision, RefillRequest, RefillStep
from vma_desk.core.rules import scheduling
from vma_desk.services import Services
from vma_desk.storage.communications_repository import CommunicationsRepository

#: the resource types a bundle may hold, and their models
READ_TYPES: dict[str, type[Resource]] = {
    "Patient": FhirPatient, "Practitioner": Practitioner, "Appointment": FhirAppointment}
#: the VMA's own work as `export_bundle` writes it: validated and passed over, so that an export
#: reads back (the workspace keeps that work itself; an import never changes it)
PASSED_OVER: dict[str, type[Resource]] = {"Communication": Communication, "Task": Task}

#: FHIR's appointment status -> the visit's status here; the others are refused
_STATUS_IN = {
    "proposed": VisitStatus.UNCONFIRMED, "pending": VisitStatus.UNCONFIRMED,
    "booked": VisitStatus.UNCONFIRMED, "arrived": VisitStatus.ARRIVED,
    "checked-in": VisitStatus.ARRIVED, "fulfilled": VisitStatus.ARRIVED,
    "cancelled": VisitStatus.CANCELLED, "noshow": VisitStatus.NO_SHOW,
}

#: a FHIR instant or dateTime with a time of day: it must end in Z or an offset
_HAS_TIME = re.compile(r"T\d")
_HAS_OFFSET = re.compile(r"(Z|[+-]\d\d:\d\d)$")

#: the identifier systems of what VMA Desk writes
SYSTEM = "urn:vma-desk"
APPOINTMENT_SYSTEM = f"{SYSTEM}:appointment"
#: the audit entry's record type
AUDIT_RECORD = "fhir"
#: the longest period one export covers (as the ICS export)
MAX_DAYS = 3 * 366
#: the file inside a password-protected export
ZIPPED_NAME = "bundle.json"


# --- reading ---------------------------------------------------------------------------------------

def read_bundle(data: bytes, name: str = "the file") -> ImportBatch:
    """The patients, practitioners and visits of a FHIR R4 Bundle (JSON), or `ImportFileError`
    naming the line (malformed JSON) or the entry and resource (anything else refused)."""
    check_size(len(data), name)
    document = _parse_json(data, name)
    if not isinstance(document, dict) or document.get("resourceType") != "Bundle":
        kind = document.get("resourceType") if isinstance(document, dict) else None
        raise ImportFileError(f"{name} is not a FHIR Bundle"
                              + (f" (it is a {kind})" if isinstance(kind, str) else "")
                              + ": export the appointments as a Bundle from the EHR.")
    raw_entries = document.get("entry") or []
    if not isinstance(raw_entries, list):
        raise ImportFileError(f"{name}: the Bundle's entry is not a list")
    try:  # the bundle itself (type, timestamp ...); its entries are validated one by one below
        Bundle.model_validate({k: v for k, v in document.items() if k != "entry"})
    except pydantic.ValidationError as error:
        raise ImportFileError(f"{name}: the Bundle {_first_error(error)}") from None

    entries: list[tuple[int, str, Any]] = []  # (number from 1, fullUrl, validated resource)
    for number, raw in enumerate(raw_entries, start=1):
        resource = raw.get("resource") if isinstance(raw, dict) else None
        if not isinstance(resource, dict):
            raise ImportFileError(f"entry {number}: has no resource")
        kind = resource.get("resourceType")
        model = (READ_TYPES.get(kind) or PASSED_OVER.get(kind)) if isinstance(kind, str) else None
        if model is None:
            raise ImportFileError(f"entry {number}: {kind or 'a resource without a type'} is not imported "
                                  "(Patient, Practitioner and Appointment are)")
        where = _where(number, kind, resource.get("id"))
        if kind == "Appointment":
            _check_offsets(resource, where)
        try:
            entries.append((number, str(raw.get("fullUrl") or ""), model.model_validate(resource)))
        except pydantic.ValidationError as error:
            raise ImportFileError(f"{where}: {_first_error(error)}") from None

    patients: dict[str, SourcePatient] = {}
    practitioners: dict[str, SourcePractitioner] = {}
    for number, full_url, resource in entries:
        where = _where(number, resource.get_resource_type(), resource.id)
        keys = _keys(full_url, resource)
        if isinstance(resource, FhirPatient):
            patient = _patient(resource, where)
            patients.update(dict.fromkeys(keys, patient))
        elif isinstance(resource, Practitioner):
            practitioner = _practitioner(resource, where)
            practitioners.update(dict.fromkeys(keys, practitioner))
    visits = [_visit(number, resource, patients, practitioners)
              for number, _, resource in entries if isinstance(resource, FhirAppointment)]
    seen_ids: dict[str, str] = {}
    for visit in visits:  # one visit per id: a second would take the first's link
        if not visit.source_id:
            raise ImportFileError(f"{visit.ref}: the appointment has no identifier or id")
        if visit.source_id in seen_ids:
            raise ImportFileError(f"{visit.ref}: the same appointment as {seen_ids[visit.source_id]}")
        seen_ids[visit.source_id] = visit.ref
    systems = {_identifier_system(r) for _, _, r in entries if isinstance(r, FhirAppointment)}
    system = next(iter(systems)) if len(systems) == 1 else None
    return ImportBatch(
        system=f"fhir:{system}" if system else "fhir:bundle",
        visits=tuple(visits),
        patients=tuple(_unique(patients.values())),
        practitioners=tuple(_unique(practitioners.values())),
    )


def _parse_json(data: bytes, name: str) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(f"{name} is not UTF-8 text (byte {error.start + 1}): export the bundle "
                              "as JSON") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"{name}, line {error.lineno}, column {error.colno}: not valid JSON "
                              f"({error.msg})") from None
    except RecursionError:
        raise ImportFileError(f"{name}: nested too deeply to be a FHIR bundle") from None


def _where(number: int, kind: object, resource_id: object) -> str:
    return f"entry {number} ({kind}/{resource_id})" if resource_id else f"entry {number} ({kind})"


def _first_error(error: pydantic.ValidationError) -> str:
    """The first problem pydantic found, as "field: message" (the field path in FHIR's names)."""
    first = error.errors(include_url=False)[0]
    field = ".".join(str(part) for part in first["loc"] if part != "__root__")
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{field}: {message}" if field else message


def _check_offsets(resource: Mapping[str, Any], where: str) -> None:
    """An appointment's start and end must say their offset (Z or +hh:mm): a time without one is
    refused here, with a plainer message than the model's pattern error."""
    for field in ("start", "end"):
        value = resource.get(field)
        if isinstance(value, str) and _HAS_TIME.search(value) and not _HAS_OFFSET.search(value):
            raise ImportFileError(f"{where}: {field} {value} has no time zone offset "
                                  "(it must end in Z or +hh:mm)")


def _keys(full_url: str, resource: Any) -> list[str]:
    """What a reference to this resource may say: its fullUrl, or ResourceType/id."""
    keys = [full_url] if full_url else []
    if resource.id:
        keys.append(f"{resource.get_resource_type()}/{resource.id}")
    return keys


def _unique(values: Iterable[Any]) -> list[Any]:
    seen: list[Any] = []
    for value in values:
        if not any(value is other for other in seen):
            seen.append(value)
    return seen


def _identifier(resource: Any) -> str:
    """The first identifier as "system|value" ("value" alone when it has no system); "" none."""
    for identifier in resource.identifier or ():
        if identifier.value:
            return f"{identifier.system}|{identifier.value}" if identifier.system else str(identifier.value)
    return ""


def _identifier_system(resource: Any) -> str | None:
    first = next((i for i in resource.identifier or () if i.value), None)
    return str(first.system) if first is not None and first.system else None


def _patient(resource: FhirPatient, where: str) -> SourcePatient:
    names = resource.name or []
    name = next((n for n in names if n.use == "official"), names[0] if names else None)
    first = " ".join(str(g) for g in (name.given or [])) if name else ""
    last = str(name.family or "") if name else ""
    if name is not None and not (first or last) and name.text:
        *given, family = str(name.text).split()
        first, last = " ".join(given), family
    phones = tuple(str(t.value) for t in resource.telecom or () if t.system == "phone" and t.value)
    return SourcePatient(source_id=_identifier(resource), first_name=first, last_name=last,
                         date_of_birth=_birth_date(resource.birthDate, where), phones=phones,
                         ref=where)


def _birth_date(value: object, where: str) -> date | None:
    """A full date of birth; FHIR allows a year or a month alone, which identifies nobody here."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    raise ImportFileError(f"{where}: birthDate {value} is not a full date (YYYY-MM-DD)")


def _practitioner(resource: Practitioner, where: str) -> SourcePractitioner:
    names = resource.name or []
    text = ""
    if names:
        name = names[0]
        text = str(name.text) if name.text else " ".join(
            [*(str(p) for p in name.prefix or ()), *(str(g) for g in name.given or ()),
             str(name.family or "")]).strip()
    return SourcePractitioner(source_id=_identifier(resource), name=text, ref=where)


def _visit(number: int, resource: FhirAppointment, patients: Mapping[str, SourcePatient],
           practitioners: Mapping[str, SourcePractitioner]) -> SourceVisit:
    where = _where(number, "Appointment", resource.id)
    status = _STATUS_IN.get(str(resource.status))
    if status is None:
        raise ImportFileError(f"{where}: status {resource.status} is not imported (a visit is proposed, "
                              "pending, booked, arrived, checked-in, fulfilled, cancelled or noshow)")
    if resource.start is None or resource.end is None:
        raise ImportFileError(f"{where}: the visit has no {'start' if resource.start is None else 'end'}")
    start, end = resource.start, resource.end
    check_times(start, end, where)
    patient: SourcePatient | None = None
    practitioner: SourcePractitioner | None = None
    for participant in resource.participant or ():
        reference = participant.actor.reference if participant.actor else None
        if not reference:
            continue
        reference = str(reference)
        if reference.rsplit("/", 2)[-2:-1] == ["Patient"] or reference in patients:
            patient = patients.get(reference) or patients.get(_tail(reference))
            if patient is None:
                raise ImportFileError(f"{where}: the patient {reference} is not in the bundle")
        elif reference.rsplit("/", 2)[-2:-1] == ["Practitioner"] or reference in practitioners:
            practitioner = practitioners.get(reference) or practitioners.get(_tail(reference))
            if practitioner is None:
                raise ImportFileError(f"{where}: the practitioner {reference} is not in the bundle")
    if patient is None:
        raise ImportFileError(f"{where}: the visit names no patient of the bundle")
    return SourceVisit(
        source_id=_identifier(resource) or str(resource.id or ""),
        status=status, start=start.astimezone(UTC), end=end.astimezone(UTC),
        patient=patient, practitioner=practitioner, type_text=_type_text(resource), ref=where)


def _tail(reference: str) -> str:
    """"Patient/12" of "https://ehr.example/fhir/Patient/12"."""
    return "/".join(reference.rsplit("/", 2)[-2:])


def _type_text(resource: FhirAppointment) -> str:
    concepts = [resource.appointmentType, *(resource.serviceType or ())]
    for concept in concepts:
        if concept is None:
            continue
        if concept.text:
            return str(concept.text)
        display = next((c.display for c in concept.coding or () if c.display), None)
        if display:
            return str(display)
    return ""


# --- writing ---------------------------------------------------------------------------------------

#: the visit's status here -> FHIR's
_STATUS_OUT = {
    VisitStatus.UNCONFIRMED: "booked", VisitStatus.LEFT_MESSAGE: "booked",
    VisitStatus.CONFIRMED: "booked", VisitStatus.ARRIVED: "arrived",
    VisitStatus.CANCELLED: "cancelled", VisitStatus.NO_SHOW: "noshow",
}
_PRIORITY = {Urgency.ROUTINE: "routine", Urgency.URGENT: "urgent", Urgency.EMERGENCY: "stat"}
_PHONE_USE = {PhoneKind.MOBILE: "mobile", PhoneKind.HOME: "home", PhoneKind.WORK: "work"}


def export_bundle(services: Services, start: date, end: date) -> dict[str, Any]:
    """The practice-local days `start` to `end` (both included) as a FHIR R4 collection Bundle,
    JSON-ready: every resource validated by its `fhir.resources` model. Reads only; not audited
    (`write_export` writes and audits it)."""
    if end < start:
        raise ValidationError("to", "must be on or after the first day")
    if (end - start).days >= MAX_DAYS:
        raise ValidationError("to", f"an export covers at most {MAX_DAYS} days")
    zone = services.context.practice_zone()
    window_start = scheduling.local_to_utc(datetime.combine(start, time(0)), zone)
    window_end = scheduling.local_to_utc(datetime.combine(end + timedelta(days=1), time(0)), zone)

    providers = services.practice.staff(role=Role.PROVIDER, active_only=False)
    provider_ids = {p.id for p in providers}
    visits = [a for a in services.calendar.appointments(sorted(i for i in provider_ids if i is not None),
                                                        window_start, window_end, include_cancelled=True)
              if window_start <= a.start < window_end]
    calls = [c for day in _days(start, end) for c in services.communications.calls_on(day)
             if c.patient_id is not None]
    messages = [m for m in CommunicationsRepository(services.context.conn).messages_between(
        window_start, window_end) if m.patient_id is not None]
    refills = services.refills.received_between(window_start, window_end)
    referrals = services.referrals.created_between(window_start, window_end)

    wanted = {a.patient_id for a in visits} | {c.patient_id for c in calls if c.patient_id} | {
        m.patient_id for m in messages if m.patient_id} | {r.patient_id for r in refills} | {
        r.patient_id for r in referrals}
    patients = services.patients.get_many(wanted)  # a removed patient is not exported, nor their work
    type_names = {t.code: t.name for t in services.calendar.types(include_inactive=True)}
    call_reasons = {c.id: c.reason.label for c in calls}

    resources: list[Resource] = []
    resources += [_patient_resource(p) for _, p in sorted(patients.items())]
    resources += [_practitioner_resource(p) for p in providers]
    resources += [_appointment_resource(a, type_names, provider_ids) for a in sorted(visits, key=_by_start)
                  if a.patient_id in patients]
    resources += [_call_resource(c) for c in sorted(calls, key=lambda c: c.started_at)
                  if c.patient_id in patients]
    resources += [_message_resource(m, call_reasons, provider_ids)
                  for m in sorted(messages, key=lambda m: m.created_at) if m.patient_id in patients]
    resources += [_refill_resource(r, provider_ids) for r in sorted(refills, key=lambda r: r.received_at)
                  if r.patient_id in patients]
    resources += [_referral_resource(r, provider_ids) for r in sorted(referrals, key=lambda r: r.created_at)
                  if r.patient_id in patients]
    # the Bundle's own fields validated by its model; its entries are the resources above, each
    # validated by its own model when it was made (validating them again inside the Bundle took
    # about a third of a year's export)
    bundle = Bundle.model_validate({
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": services.context.clock.now().astimezone(UTC),
        "meta": {"tag": [{"system": SYSTEM, "code": "export",
                          "display": f"VMA Desk {__version__}: {start.isoformat()}..{end.isoformat()}"}]},
    })
    dumped: dict[str, Any] = bundle.model_dump(mode="json", by_alias=True, exclude_none=True)
    dumped["entry"] = [{"resource": r.model_dump(mode="json", by_alias=True, exclude_none=True)}
                       for r in resources]
    return _in_workspace(dumped, services.workspace.workspace_id)


def own_system(workspace_id: str, kind: str = "appointment") -> str:
    """The identifier system of one workspace's own records of a kind ("urn:vma-desk:<id>:patient"):
    an import of that workspace's own export matches its records again, and another workspace,
    whose ids are not these, never mistakes them for its own."""
    return f"{SYSTEM}:{workspace_id}:{kind}"


def _in_workspace(bundle: dict[str, Any], workspace_id: str) -> dict[str, Any]:
    """The bundle's own identifiers named by the workspace they come from (`own_system`)."""
    prefix = f"{SYSTEM}:"
    for entry in bundle.get("entry", []):
        for identifier in entry.get("resource", {}).get("identifier", []):
            system = identifier.get("system", "")
            if system.startswith(prefix):
                identifier["system"] = own_system(workspace_id, system.removeprefix(prefix))
    return bundle


def _days(start: date, end: date) -> Iterable[date]:
    return (start + timedelta(days=n) for n in range((end - start).days + 1))


def _by_start(visit: Appointment) -> tuple[datetime, int]:
    return visit.start, visit.id or 0


def _ref(kind: str, prefix: str, record_id: int | None) -> dict[str, str]:
    return {"reference": f"{kind}/{prefix}-{record_id}"}


def _own_id(kind: str, record_id: int | None) -> list[dict[str, str]]:
    return [{"system": f"{SYSTEM}:{kind}", "value": str(record_id)}]


def _patient_resource(patient: Patient) -> FhirPatient:
    return FhirPatient.model_validate({
        "resourceType": "Patient", "id": f"patient-{patient.id}",
        "identifier": _own_id("patient", patient.id),
        "name": [{"use": "official", "family": patient.last_name, "given": [patient.first_name]}],
        "birthDate": patient.date_of_birth.isoformat(),
        "telecom": [{"system": "phone", "value": p.number, "use": _PHONE_USE.get(p.kind, "home")}
                    for p in patient.phones] or None,
    })


def _practitioner_resource(provider: StaffMember) -> Practitioner:
    return Practitioner.model_validate({
        "resourceType": "Practitioner", "id": f"practitioner-{provider.id}",
        "identifier": _own_id("staff", provider.id), "active": provider.active,
        "name": [{"text": provider.display_name}],
    })


def _appointment_resource(visit: Appointment, type_names: Mapping[str, str],
                          provider_ids: set[int | None]) -> FhirAppointment:
    participants = [{"actor": {**_ref("Patient", "patient", visit.patient_id)}, "status": "accepted"}]
    if visit.provider_id in provider_ids:
        participants.append({"actor": _ref("Practitioner", "practitioner", visit.provider_id),
                             "status": "accepted"})
    return FhirAppointment.model_validate({
        "resourceType": "Appointment", "id": f"appointment-{visit.id}",
        "identifier": [{"system": APPOINTMENT_SYSTEM, "value": str(visit.id)}],
        "status": _STATUS_OUT[visit.status],
        "appointmentType": {"text": type_names.get(visit.type_code, visit.type_code)},
        "start": visit.start.astimezone(UTC), "end": visit.end.astimezone(UTC),
        "minutesDuration": visit.minutes,
        "created": visit.booked_at.astimezone(UTC).date().isoformat() if visit.booked_at else None,
        "participant": participants,
    })


def _call_resource(call: Call) -> Communication:
    return Communication.model_validate({
        "resourceType": "Communication", "id": f"call-{call.id}",
        "identifier": _own_id("call", call.id), "status": "completed",
        "category": [{"text": f"Phone call ({call.direction.label.lower()})"}],
        "medium": [{"text": "telephone"}],
        "subject": _ref("Patient", "patient", call.patient_id),
        "sent": call.started_at.astimezone(UTC),
        "payload": [{"contentString": call.reason.label}],
    })


def _message_resource(message: Message, call_reasons: Mapping[int | None, str],
                      provider_ids: set[int | None]) -> Communication:
    """A message's own words may be clinical: its payload is the reason category of the call it
    came from ("Message" when it came from none), its priority the urgency."""
    resource: dict[str, Any] = {
        "resourceType": "Communication", "id": f"message-{message.id}",
        "identifier": _own_id("message", message.id),
        "status": "in-progress" if message.is_open else "completed",
        "category": [{"text": "Message (while you were out)"}],
        "priority": _PRIORITY[message.urgency],
        "subject": _ref("Patient", "patient", message.patient_id),
        "sent": message.created_at.astimezone(UTC),
        "payload": [{"contentString": call_reasons.get(message.call_id, "Message")
                     if message.call_id is not None else "Message"}],
    }
    if message.recipient_id in provider_ids:
        resource["recipient"] = [_ref("Practitioner", "practitioner", message.recipient_id)]
    return Communication.model_validate(resource)


def _refill_status(request: RefillRequest) -> str:
    if request.step is RefillStep.RECEIVED:
        return "requested"
    if request.step is RefillStep.CLOSED:
        return "rejected" if request.decision is Decision.DENIED else "completed"
    return "in-progress"


def _task(kind: str, record_id: int | None, *, status: str, step: str, urgency: Urgency, code: str,
          description: str, patient_id: int, authored: datetime, provider: tuple[str, int] | None) -> Task:
    """A Task of the VMA's work (a refill request, a referral): `step` its step in words, `provider`
    (role in the Task, staff id) the prescriber who owns it or the provider who asked for it."""
    resource: dict[str, Any] = {
        "resourceType": "Task", "id": f"{kind}-{record_id}", "identifier": _own_id(kind, record_id),
        "status": status, "intent": "order", "businessStatus": {"text": step},
        "priority": _PRIORITY[urgency], "code": {"text": code}, "description": description,
        "for": _ref("Patient", "patient", patient_id), "authoredOn": authored.astimezone(UTC),
    }
    if provider is not None:
        resource[provider[0]] = _ref("Practitioner", "practitioner", provider[1])
    return Task.model_validate(resource)


def _refill_resource(request: RefillRequest, provider_ids: set[int | None]) -> Task:
    return _task("refill", request.id, status=_refill_status(request), step=request.step.label,
                 urgency=request.urgency, code="Medication refill request", description=request.drug,
                 patient_id=request.patient_id, authored=request.received_at,
                 provider=("owner", request.prescriber_id) if request.prescriber_id in provider_ids else None)


_REFERRAL_STATUS = {
    ReferralState.DRAFT: "draft", ReferralState.CLOSED: "completed",
    ReferralState.CANCELLED: "cancelled", ReferralState.DECLINED: "rejected",
}


def _referral_resource(referral: Referral, provider_ids: set[int | None]) -> Task:
    asked_by = referral.referring_provider_id
    return _task("referral", referral.id, status=_REFERRAL_STATUS.get(referral.state, "in-progress"),
                 step=referral.state.label, urgency=referral.urgency, code="Referral",
                 description=referral.specialty, patient_id=referral.patient_id, authored=referral.created_at,
                 provider=("requester", asked_by) if asked_by in provider_ids else None)


def write_export(services: Services, start: date, end: date, out: Path, password: str | None = None, *,
                 replace: bool = False, first: Callable[[], None] | None = None) -> Change:
    """Write the period's bundle (`export_bundle`) to `out`: JSON, or with `password` an AES-256 zip
    holding `bundle.json`. Owner-only, never over an existing file unless `replace`, and audited as
    an export with the number of resources and the dates (never a name). `first` runs inside the
    export's transaction before its entry (the command line records its sign-in there: both entries
    or neither)."""
    services.exports.check_password(password)
    bundle = export_bundle(services, start, end)
    count = len(bundle.get("entry", []))
    text = json.dumps(bundle, indent=2, ensure_ascii=False).encode("utf-8")

    def audited() -> bytes:
        if first is not None:
            first()
        services.context.audit(
            AuditAction.EXPORT, AUDIT_RECORD, "",
            f"fhir bundle: {count} resources, {start.isoformat()}..{end.isoformat()}; "
            f"{'encrypted AES-256 zip' if password else 'not encrypted'}")
        return _zipped(text, password) if password else text

    services.exports.write_file(Path(out), audited, replace=replace)
    return Change(RecordKind.CALENDAR, AuditAction.EXPORT)


def _zipped(data: bytes, password: str) -> bytes:
    import pyzipper

    buffer = io.BytesIO()
    with pyzipper.AESZipFile(buffer, "w", compression=pyzipper.ZIP_DEFLATED,
                             encryption=pyzipper.WZ_AES) as archive:
        archive.setpassword(password.encode("utf-8"))
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        archive.writestr(ZIPPED_NAME, data)
    return buffer.getvalue()

