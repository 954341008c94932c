"""What the audit trail holds besides changes and exports (issue 11, item 6): a patient's record
opened, a search made (never its words), settings changed (their names only), the headless
commands' opening of the workspace, the demo's creation; and, after a day's work through the
services, not one patient value in any entry."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

import pytest

from tests.conftest import TEST_PIN, signed_in
from vma_desk import cli
from vma_desk.core.calendar import Appointment, Block, BlockKind, VisitStatus
from vma_desk.core.communications import Call, CallReason, Direction, Message, MessageState
from vma_desk.core.errors import NotFoundError
from vma_desk.core.records import (
    AuditAction,
    AuditEntry,
    ContactMethod,
    LastVisit,
    Patient,
    Phone,
    Practice,
    Role,
    Shift,
    StaffMember,
)
from vma_desk.core.referrals import Referral, ReferralState
from vma_desk.core.refills import RefillRequest, RefillSource
from vma_desk.core.rules.callbacks import CallbackPolicy
from vma_desk.core.rules.referrals import AgingPolicy
from vma_desk.demo import create_demo_workspace
from vma_desk.reports import patient_summary
from vma_desk.services import Services
from vma_desk.storage.workspace import Workspace

HOURS = tuple(Shift(d, time(8), time(17)) for d in range(5))


def is_opening(entry: AuditEntry) -> bool:
    """A command's (or the start-up's) opening of the workspace: for tests that count the other
    entries."""
    return entry.action is AuditAction.UNLOCK and entry.record_type == "workspace"


def entries(services, action: AuditAction | None = None):
    found = services.audit.page(0, 10_000)
    return [e for e in found if action is None or e.action is action]


@pytest.fixture
def office(services):
    signed_in(services, "Vera Voss")
    doc, _ = services.practice.add_staff(StaffMember("Dana Doyle", Role.PROVIDER, credentials="MD",
                                                     working_hours=HOURS))
    pat, _ = services.patients.create(Patient(
        "Philippa", "Quarrington", date(1958, 7, 19), phones=(Phone("(312) 555-0177"),),
        last_visits=(LastVisit(doc.id, date(2025, 11, 3)),)))
    return services, doc, pat


def test_opening_a_patients_record_is_audited_with_the_view_and_returns_the_record(office):
    services, _doc, pat = office
    opened = services.patients.open(pat.id, "patient editor")
    assert opened == services.patients.get(pat.id)
    entry = entries(services)[0]
    assert (entry.action, entry.record_type, entry.record_id, entry.detail, entry.user) == (
        AuditAction.OPEN, "patient", str(pat.id), "patient editor", "Vera Voss")
    before = services.audit.count()
    with pytest.raises(NotFoundError):
        services.patients.open(pat.id + 99, "patient editor")
    assert services.audit.count() == before  # nothing was opened
    services.patients.get(pat.id)  # the plain getter (lists, lookups) is not an opening
    services.patients.search("Quarrington")
    assert services.audit.count() == before


def test_a_search_is_audited_as_made_never_its_words(office):
    services, _doc, _pat = office
    services.patients.record_search("quick open", 1)
    services.communications.record_search("search (Ctrl+F)", 0)
    comms, patients = entries(services, AuditAction.SEARCH)
    assert (patients.record_type, patients.record_id, patients.detail) == (
        "patients", "", "quick open: 1 result")
    assert (comms.record_type, comms.detail) == ("calls_and_messages", "search (Ctrl+F): 0 results")


def test_every_settings_change_is_audited_with_the_settings_names_only(office):
    services, doc, _pat = office
    before = services.audit.count()
    services.practice.save(Practice("Lakeside Family Medicine", "America/Denver"))
    types = services.calendar.types(include_inactive=True)
    services.calendar.save_settings(types, 36)
    services.refills.save_protocol(visit_months=9, lab_rules=["Metformin: A1c, 6"])
    services.referrals.save_aging_policy(AgingPolicy(routine_days=11, urgent_days=3, emergency_days=1))
    services.communications.save_settings(red_flags=["crushing chest pain"], step="Call 911 first",
                                          policy=CallbackPolicy(5, 45, time(17)))
    block, _ = services.calendar.add_block(Block(provider_id=doc.id, kind=BlockKind.LUNCH, title="Lunch",
                                                 start=datetime(2026, 3, 2, 12), minutes=60,
                                                 rrule="FREQ=WEEKLY;BYDAY=MO"))
    services.calendar.remove_block(block.id)
    new = entries(services)[: services.audit.count() - before]
    details = {(e.record_type, e.record_id): e.detail for e in new}
    assert details[("practice", "1")] == "fields: time_zone"
    assert details[("setting", "refills")] == "settings: visit_months, lab_rules"
    assert details[("setting", "referrals")] == "settings: routine_days, urgent_days, emergency_days"
    assert details[("setting", "messages")].startswith("settings: red_flags, escalation_step")
    assert ("setting", "calendar.notice_hours") in details  # the late-cancellation window
    assert {t for t, _ in details} >= {"appointment_type", "schedule_block"}
    every = " ".join(e.detail for e in new)
    for value in ("Denver", "Metformin", "A1c", "crushing", "911", "36", "17:00", "Lunch", "FREQ"):
        assert value not in every
    assert all(e.user == "Vera Voss" for e in new)


def test_the_demos_creation_is_audited_once_by_its_trainer(data_dir, keystore, clock):
    workspace, _key, summary = create_demo_workspace(data_dir, keystore, seed=7, years=1,
                                                     anchor=date(2026, 3, 2))
    try:
        services = Services.for_workspace(workspace, clock=clock)
        made = [e for e in entries(services) if e.record_type == "demo"]
        assert len(made) == 1 and made[0].action is AuditAction.CREATE
        assert made[0].user_id is not None and services.users.get(made[0].user_id).role.value == "trainer"
        assert f"{summary.patients} patients" in made[0].detail and "seed 7" in made[0].detail
    finally:
        workspace.close()
        keystore.delete(workspace.workspace_id)


def test_a_headless_command_audits_its_opening_of_the_workspace(data_dir, keystore, clock, tmp_path):
    workspace, _ = Workspace.create(data_dir, keystore)
    try:
        services = Services.for_workspace(workspace, clock=clock)
        services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago"))
        signed_in(services, "Vera Voss")
        pat, _ = services.patients.create(PEOPLE[0])
        workspace.close()
        pin = tmp_path / "pin"
        pin.write_text(TEST_PIN + "\n")
        out = tmp_path / "summary.pdf"
        assert cli.run(cli.parse_args(["check", "--data-dir", str(data_dir)])) == 0
        assert cli.run(cli.parse_args([
            "export", "patient-summary", "--data-dir", str(data_dir), "--patient", str(pat.id),
            "--from", "2026-01-01", "--to", "2026-03-31", "--out", str(out)])) == 0
        # an unknown patient: refused, and neither a sign-in nor an opening is left behind
        assert cli.run(cli.parse_args([
            "export", "patient-summary", "--data-dir", str(data_dir), "--patient", str(pat.id + 50),
            "--from", "2026-01-01", "--to", "2026-03-31", "--out", str(tmp_path / "x.pdf")])) != 0
        workspace.reopen_with_keyring(keystore)
        trail = [(e.action, e.record_type, e.detail) for e in reversed(entries(services))]
    finally:
        workspace.close()
        keystore.delete(workspace.workspace_id)
    opened = [d for a, t, d in trail if a is AuditAction.UNLOCK and t == "workspace"]
    assert opened == ["opened by command check", "opened by command export patient-summary",
                      "opened by command export patient-summary"]
    after = trail[trail.index((AuditAction.UNLOCK, "workspace", opened[1])):]
    assert [a for a, _t, _d in after] == [AuditAction.UNLOCK, AuditAction.SIGN_IN, AuditAction.OPEN,
                                          AuditAction.EXPORT, AuditAction.UNLOCK]
    assert after[2][2] == "patient summary, 2026-01-01 to 2026-03-31"


# --- a day's work, then the whole trail scanned for patient values ------------------------------

PEOPLE = [
    Patient("Philippa", "Quarrington", date(1958, 7, 19), phones=(Phone("(312) 555-0177"),)),
    Patient("Bartholomew", "Zielinski", date(1983, 12, 5), phones=(Phone("773-555-0133"),),
            email="bz@example.com"),
    Patient("Odalys", "Fairweather", date(2001, 2, 28), phones=(Phone("608.555.0109"),)),
]


def patient_values(patient: Patient) -> list[str]:
    """A patient's name, phone numbers (as digits, and their last 7 and 4) and date of birth (ISO,
    US, compact) as they could appear in text."""
    dob = patient.date_of_birth
    values = [patient.first_name, patient.last_name, dob.isoformat(), dob.strftime("%m/%d/%Y"),
              f"{dob.month}/{dob.day}/{dob.year}", dob.strftime("%Y%m%d")]
    for phone in patient.phones:
        digits = re.sub(r"\D", "", phone.number)
        values += [digits, digits[-7:], f"{digits[-7:-4]}-{digits[-4:]}"]
    return values


def test_a_days_work_leaves_no_patient_value_in_any_audit_entry(services, tmp_path):
    signed_in(services, "Vera Voss")
    doc, _ = services.practice.add_staff(StaffMember("Dana Doyle", Role.PROVIDER, credentials="MD",
                                                     working_hours=HOURS))
    nurse, _ = services.practice.add_staff(StaffMember("Nora Nurse", Role.CLINICAL))
    people = [services.patients.create(p)[0] for p in PEOPLE]
    clock = services.context.clock
    for n, pat in enumerate(people):
        clock.advance(timedelta(minutes=7))
        services.patients.record_search("quick open", len(services.patients.search(pat.last_name[:4])))
        opened = services.patients.open(pat.id, "patient editor")
        services.patients.update(Patient(**{**opened.__dict__, "notes": f"prefers calls after {n + 1} pm",
                                            "email": f"{pat.first_name.lower()}@example.org"}))
        services.communications.log_call(Call(
            started_at=clock.now(), direction=Direction.INBOUND, reason=CallReason.REFILL,
            caller_name=f"{pat.first_name} {pat.last_name}", number=pat.phones[0].number,
            patient_id=pat.id, notes=f"{pat.first_name} asks about a refill"))
        message, _ = services.communications.take_message(Message(
            caller_name=f"{pat.first_name} {pat.last_name}", contact_number=pat.phones[0].number,
            reason=f"DOB {pat.date_of_birth:%m/%d/%Y} wants a callback", recipient_id=nurse.id,
            patient_id=pat.id, created_at=clock.now()))
        services.communications.advance(message.id, MessageState.DELIVERED)
        services.communications.record_search("search (Ctrl+F)", len(services.communications.search(
            pat.phones[0].number)))
        booked, _ = services.calendar.book(Appointment(
            patient_id=pat.id, provider_id=doc.id, type_code="est",
            start=datetime(2026, 3, 3, 15 + n, tzinfo=UTC), minutes=20, reason=f"{pat.last_name} follow-up"))
        services.calendar.set_status(booked.id, VisitStatus.CONFIRMED, ContactMethod.PHONE)
        refill, _ = services.refills.create(RefillRequest(
            patient_id=pat.id, medication="Lisinopril", strength="10 mg", quantity="90",
            pharmacy="Walgreens Main St", source=RefillSource.PHARMACY_FAX, requested_by=pat.last_name,
            prescriber_id=doc.id, received_at=clock.now()))
        referral, _ = services.referrals.create(Referral(
            patient_id=pat.id, referring_provider_id=doc.id, specialty="Cardiology",
            specialist_office="Heart Partners", reason=f"{pat.first_name}'s stress test",
            records_sent=frozenset({"Referral letter"}), created_at=clock.now()))
        services.referrals.move(referral.id, ReferralState.SENT)
        start, end = date(2026, 1, 1), date(2026, 3, 31)
        services.patients.open(pat.id, f"patient summary preview, {start} to {end}")
        pdf = patient_summary.build(services, pat.id, start, end)
        services.exports.write_pdf(pdf, tmp_path / f"summary-{n}.pdf", kind="patient-summary",
                                   detail=f"patient {pat.id}, {start} to {end}", password=None)
    services.patients.delete(people[2].id)
    services.patients.restore(people[2].id)
    services.users.record_lock("idle")

    trail = entries(services)
    kinds = {e.action for e in trail}
    assert {AuditAction.OPEN, AuditAction.SEARCH, AuditAction.CREATE, AuditAction.UPDATE,
            AuditAction.EXPORT, AuditAction.DELETE, AuditAction.LOCK} <= kinds
    text = "\n".join(f"{e.record_type} {e.record_id} {e.detail}" for e in trail)
    leaked = [v for p in people for v in patient_values(p) if v.lower() in text.lower()]
    assert leaked == [], leaked
    assert "Lisinopril" not in text and "Cardiology" not in text and "example.org" not in text
