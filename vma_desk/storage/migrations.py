"""Numbered schema migrations. The schema version is SQLite's user_version.

A migration is appended, never edited once released: a workspace written at any older version is
brought forward step by step, each step in its own transaction. A workspace from a newer version of
VMA Desk is refused before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vma_desk.core.errors import NewerSchemaError
from vma_desk.storage import schema
from vma_desk.storage.database import Connection, Db, transaction


@dataclass(frozen=True)
class Migration:
    version: int
    title: str
    apply: Callable[[Connection], None]


def _script(sql: str) -> Callable[[Connection], None]:
    # statements are split on ";": keep semicolons out of the migrations' literals
    statements = [s.strip() for s in sql.split(";") if s.strip()]

    def run(conn: Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return run


_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE practice (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    business_days TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT ''
);
CREATE TABLE holiday (day TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    credentials TEXT NOT NULL DEFAULT '',
    receives TEXT NOT NULL DEFAULT '',
    supports TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE staff_shift (
    staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start TEXT NOT NULL,
    "end" TEXT NOT NULL
);
CREATE INDEX staff_shift_staff ON staff_shift(staff_id);
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
)
"""

_V2 = """
CREATE TABLE patient (
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    date_of_birth TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    preferred_contact TEXT NOT NULL,
    payer TEXT NOT NULL DEFAULT '',
    member_id TEXT NOT NULL DEFAULT '',
    plan_type TEXT,
    group_number TEXT NOT NULL DEFAULT '',
    preferred_pharmacy TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    search_name TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX patient_search_name ON patient(search_name);
CREATE INDEX patient_last_first ON patient(last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX patient_dob ON patient(date_of_birth);
CREATE TABLE patient_phone (
    patient_id INTEGER NOT NULL REFERENCES patient(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    kind TEXT NOT NULL,
    digits TEXT NOT NULL,
    PRIMARY KEY (patient_id, position)
);
CREATE INDEX patient_phone_digits ON patient_phone(digits);
CREATE TABLE patient_last_visit (
    patient_id INTEGER NOT NULL REFERENCES patient(id) ON DELETE CASCADE,
    provider_id INTEGER NOT NULL REFERENCES staff(id),
    day TEXT NOT NULL,
    PRIMARY KEY (patient_id, provider_id)
);
CREATE TABLE care_gap (
    patient_id INTEGER NOT NULL REFERENCES patient(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    due TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (patient_id, position)
);
CREATE INDEX audit_record ON audit(record_type, record_id)
"""

_V3 = """
CREATE TABLE appointment_type (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    buffer_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_minutes >= 0),
    new_patient INTEGER NOT NULL DEFAULT 0,
    telehealth INTEGER NOT NULL DEFAULT 0,
    prep TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1
);
INSERT INTO appointment_type(code, name, minutes, buffer_minutes, new_patient, telehealth, prep)
VALUES
    ('new', 'New patient', 40, 5, 1, 0,
     'Arrive 15 minutes early with insurance card, photo ID, medication list and prior records.'),
    ('est', 'Established visit', 20, 0, 0, 0, 'Bring insurance card and medication list.'),
    ('fu', 'Follow-up', 15, 0, 0, 0, 'Bring medication list.'),
    ('phys', 'Annual physical', 30, 0, 0, 0,
     'Fast 8 hours if labs are planned, and bring the insurance card.'),
    ('proc', 'Procedure', 45, 15, 0, 0,
     'Follow the procedure prep sheet and arrange a ride home if sedated.'),
    ('tele', 'Telehealth', 20, 0, 0, 1,
     'Test camera and microphone, then join from a quiet private place 5 minutes early.');
CREATE TABLE appointment (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patient(id),
    provider_id INTEGER NOT NULL REFERENCES staff(id),
    type_code TEXT NOT NULL REFERENCES appointment_type(code),
    start_ts INTEGER NOT NULL,
    end_ts INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    confirmation_method TEXT,
    cancel_reason TEXT NOT NULL DEFAULT '',
    cancelled_at INTEGER,
    late_cancel INTEGER NOT NULL DEFAULT 0,
    authorised_by TEXT NOT NULL DEFAULT '',
    override_reason TEXT NOT NULL DEFAULT '',
    elig_status TEXT NOT NULL DEFAULT 'unverified',
    elig_active INTEGER,
    elig_in_network INTEGER,
    elig_copay TEXT NOT NULL DEFAULT '',
    elig_checked_at INTEGER,
    elig_checked_by TEXT NOT NULL DEFAULT '',
    telehealth_link TEXT NOT NULL DEFAULT '',
    tech_check TEXT NOT NULL DEFAULT 'not_needed'
);
CREATE INDEX appointment_provider_start ON appointment(provider_id, start_ts);
CREATE INDEX appointment_start ON appointment(start_ts);
CREATE INDEX appointment_patient ON appointment(patient_id, start_ts);
CREATE TABLE schedule_block (
    id INTEGER PRIMARY KEY,
    provider_id INTEGER REFERENCES staff(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    start_local TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    rrule TEXT NOT NULL DEFAULT ''
);
CREATE TABLE waitlist (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patient(id),
    type_code TEXT NOT NULL REFERENCES appointment_type(code),
    provider_id INTEGER REFERENCES staff(id),
    days TEXT NOT NULL,
    earliest TEXT NOT NULL,
    latest TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    added_at INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX waitlist_active ON waitlist(active, added_at)
"""

_V4 = """
CREATE TABLE call (
    id INTEGER PRIMARY KEY,
    started_ts INTEGER NOT NULL,
    direction TEXT NOT NULL,
    caller_name TEXT NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    patient_id INTEGER REFERENCES patient(id),
    reason TEXT NOT NULL,
    duration_seconds INTEGER NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
    outcome TEXT NOT NULL,
    routed_to INTEGER REFERENCES staff(id),
    notes TEXT NOT NULL DEFAULT '',
    taken_by TEXT NOT NULL DEFAULT '',
    escalation_action TEXT NOT NULL DEFAULT ''
);
CREATE INDEX call_started ON call(started_ts);
CREATE INDEX call_patient ON call(patient_id, started_ts);
CREATE TABLE message (
    id INTEGER PRIMARY KEY,
    created_ts INTEGER NOT NULL,
    caller_name TEXT NOT NULL,
    contact_number TEXT NOT NULL,
    patient_id INTEGER REFERENCES patient(id),
    reason TEXT NOT NULL,
    urgency TEXT NOT NULL,
    callback_ts INTEGER,
    questions TEXT NOT NULL DEFAULT '',
    recipient_id INTEGER NOT NULL REFERENCES staff(id),
    call_id INTEGER REFERENCES call(id),
    state TEXT NOT NULL,
    escalation_action TEXT NOT NULL DEFAULT ''
);
CREATE INDEX message_state ON message(state, created_ts);
CREATE INDEX message_call ON message(call_id);
CREATE INDEX message_patient ON message(patient_id, created_ts);
CREATE TABLE message_event (
    message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    at_ts INTEGER NOT NULL,
    by_user TEXT NOT NULL
);
CREATE INDEX message_event_message ON message_event(message_id);
CREATE INDEX message_event_closed ON message_event(state, at_ts);
CREATE TABLE call_link (
    call_id INTEGER NOT NULL REFERENCES call(id),
    kind TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    PRIMARY KEY (call_id, kind, record_id)
);
CREATE VIRTUAL TABLE comm_search USING fts5(
    body, kind UNINDEXED, record_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
)
"""

_V5 = """
CREATE TABLE refill (
    id INTEGER PRIMARY KEY,
    received_ts INTEGER NOT NULL,
    patient_id INTEGER NOT NULL REFERENCES patient(id),
    medication TEXT NOT NULL,
    strength TEXT NOT NULL DEFAULT '',
    quantity TEXT NOT NULL DEFAULT '',
    pharmacy TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    prescriber_id INTEGER NOT NULL REFERENCES staff(id),
    urgency TEXT NOT NULL,
    refills_remaining INTEGER CHECK (refills_remaining IS NULL OR refills_remaining >= 0),
    notes TEXT NOT NULL DEFAULT '',
    escalation_action TEXT NOT NULL DEFAULT '',
    call_id INTEGER REFERENCES call(id),
    step TEXT NOT NULL,
    check_passed INTEGER,
    check_reasons TEXT NOT NULL DEFAULT '',
    check_notes TEXT NOT NULL DEFAULT '',
    due_ts INTEGER,
    decision TEXT,
    decided_by_id INTEGER REFERENCES staff(id),
    decided_ts INTEGER,
    decision_note TEXT NOT NULL DEFAULT '',
    CHECK ((decision IS NULL) = (decided_by_id IS NULL))
);
CREATE INDEX refill_step ON refill(step, due_ts);
CREATE INDEX refill_patient ON refill(patient_id, received_ts);
CREATE INDEX refill_received ON refill(received_ts);
CREATE TABLE refill_lab (
    refill_id INTEGER NOT NULL REFERENCES refill(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    every_months INTEGER NOT NULL,
    last_done TEXT,
    PRIMARY KEY (refill_id, name)
);
CREATE TABLE refill_event (
    refill_id INTEGER NOT NULL REFERENCES refill(id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    at_ts INTEGER NOT NULL,
    by_user TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX refill_event_refill ON refill_event(refill_id);
CREATE INDEX refill_event_step ON refill_event(step, at_ts);
CREATE TABLE referral (
    id INTEGER PRIMARY KEY,
    created_ts INTEGER NOT NULL,
    patient_id INTEGER NOT NULL REFERENCES patient(id),
    referring_provider_id INTEGER NOT NULL REFERENCES staff(id),
    specialty TEXT NOT NULL,
    specialist_office TEXT NOT NULL,
    specialist_contact TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    urgency TEXT NOT NULL,
    auth_required INTEGER NOT NULL DEFAULT 0,
    auth_number TEXT NOT NULL DEFAULT '',
    auth_valid_until TEXT,
    records_sent TEXT NOT NULL DEFAULT '',
    appointment_ts INTEGER,
    notes TEXT NOT NULL DEFAULT '',
    call_id INTEGER REFERENCES call(id),
    state TEXT NOT NULL,
    state_ts INTEGER NOT NULL
);
CREATE INDEX referral_state ON referral(state, state_ts);
CREATE INDEX referral_patient ON referral(patient_id, created_ts);
CREATE INDEX referral_created ON referral(created_ts);
CREATE TABLE referral_event (
    referral_id INTEGER NOT NULL REFERENCES referral(id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    at_ts INTEGER NOT NULL,
    by_user TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referral_event_referral ON referral_event(referral_id);
CREATE TABLE prior_auth (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patient(id),
    kind TEXT NOT NULL,
    payer TEXT NOT NULL,
    service TEXT NOT NULL,
    submitted_on TEXT NOT NULL,
    follow_up_on TEXT NOT NULL,
    status TEXT NOT NULL,
    auth_number TEXT NOT NULL DEFAULT '',
    valid_from TEXT,
    valid_until TEXT,
    denial_reason TEXT NOT NULL DEFAULT '',
    referral_id INTEGER REFERENCES referral(id),
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX prior_auth_status ON prior_auth(status, follow_up_on);
CREATE INDEX prior_auth_valid ON prior_auth(valid_until);
CREATE INDEX prior_auth_patient ON prior_auth(patient_id, submitted_on);
CREATE TABLE prior_auth_event (
    prior_auth_id INTEGER NOT NULL REFERENCES prior_auth(id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    at_ts INTEGER NOT NULL,
    by_user TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX prior_auth_event_auth ON prior_auth_event(prior_auth_id)
"""

_V6 = """
CREATE INDEX appointment_patient_status ON appointment(patient_id, status);
CREATE INDEX referral_event_state ON referral_event(state, at_ts)
"""

_V7 = """
CREATE TABLE app_user (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    pin_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_out INTEGER NOT NULL DEFAULT 0,
    retry_after_ts INTEGER NOT NULL DEFAULT 0,
    created_ts INTEGER NOT NULL,
    last_sign_in_ts INTEGER,
    last_sign_out_ts INTEGER
);
ALTER TABLE audit ADD COLUMN workstation TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN user_id INTEGER;
UPDATE audit SET workstation = user;
CREATE INDEX audit_user_time ON audit(user_id, at);
ALTER TABLE message_event ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE refill_event ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE referral_event ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE prior_auth_event ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN entered_by TEXT NOT NULL DEFAULT '';
CREATE TABLE handoff (
    id INTEGER PRIMARY KEY,
    from_user_id INTEGER NOT NULL REFERENCES app_user(id),
    to_user_id INTEGER REFERENCES app_user(id),
    shift_start_ts INTEGER NOT NULL,
    created_ts INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX handoff_created ON handoff(created_ts)
"""

_V9 = """
CREATE TABLE draft (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES app_user(id),
    form TEXT NOT NULL,
    record_key TEXT NOT NULL DEFAULT '',
    saved_ts INTEGER NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (user_id, form, record_key)
);
ALTER TABLE message_event ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE message_event ADD COLUMN action TEXT NOT NULL DEFAULT '';
ALTER TABLE refill_event ADD COLUMN action TEXT NOT NULL DEFAULT '';
ALTER TABLE referral_event ADD COLUMN action TEXT NOT NULL DEFAULT '';
ALTER TABLE prior_auth_event ADD COLUMN action TEXT NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN confirmation TEXT NOT NULL DEFAULT 'unconfirmed';
UPDATE appointment SET confirmation = status
    WHERE status IN ('unconfirmed', 'left_message', 'confirmed');
UPDATE appointment SET confirmation = 'confirmed'
    WHERE status IN ('arrived', 'no_show') AND confirmation_method IS NOT NULL;
ALTER TABLE appointment ADD COLUMN booked_ts INTEGER;
ALTER TABLE appointment ADD COLUMN elig_insurance TEXT NOT NULL DEFAULT 'primary';
ALTER TABLE appointment ADD COLUMN elig_deductible_met INTEGER;
ALTER TABLE appointment ADD COLUMN elig_deductible_remaining TEXT NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN elig_coinsurance TEXT NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN elig_oop_note TEXT NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN elig_secondary_status TEXT NOT NULL DEFAULT 'unverified';
ALTER TABLE patient ADD COLUMN secondary_payer TEXT NOT NULL DEFAULT '';
ALTER TABLE patient ADD COLUMN secondary_member_id TEXT NOT NULL DEFAULT '';
ALTER TABLE patient ADD COLUMN secondary_plan_type TEXT;
ALTER TABLE patient ADD COLUMN secondary_group_number TEXT NOT NULL DEFAULT '';
ALTER TABLE patient ADD COLUMN primary_subscriber TEXT NOT NULL DEFAULT '';
ALTER TABLE patient ADD COLUMN secondary_subscriber TEXT NOT NULL DEFAULT '';
ALTER TABLE prior_auth ADD COLUMN units_authorised INTEGER
    CHECK (units_authorised IS NULL OR units_authorised > 0);
ALTER TABLE prior_auth ADD COLUMN units_used INTEGER NOT NULL DEFAULT 0 CHECK (units_used >= 0);
ALTER TABLE prior_auth ADD COLUMN unit_label TEXT NOT NULL DEFAULT '';
ALTER TABLE prior_auth ADD COLUMN service_done_on TEXT;
ALTER TABLE prior_auth ADD COLUMN renewal_of INTEGER REFERENCES prior_auth(id);
CREATE INDEX prior_auth_renewal ON prior_auth(renewal_of);
ALTER TABLE refill ADD COLUMN visit_id INTEGER REFERENCES appointment(id);
CREATE INDEX refill_visit ON refill(visit_id);
ALTER TABLE referral ADD COLUMN patient_told_ts INTEGER;
ALTER TABLE referral ADD COLUMN patient_told_by TEXT NOT NULL DEFAULT '';
ALTER TABLE referral ADD COLUMN patient_told_how TEXT NOT NULL DEFAULT ''
"""


_V10 = """
CREATE TABLE contact_attempt (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    patient_id INTEGER REFERENCES patient(id),
    at_ts INTEGER NOT NULL,
    channel TEXT NOT NULL,
    outcome TEXT NOT NULL,
    by_user TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    next_ts INTEGER,
    recorded_ts INTEGER NOT NULL
);
CREATE INDEX contact_attempt_record ON contact_attempt(kind, record_id, at_ts);
CREATE INDEX contact_attempt_at ON contact_attempt(at_ts);
CREATE TABLE voicemail (
    id INTEGER PRIMARY KEY,
    left_ts INTEGER NOT NULL,
    caller_name TEXT NOT NULL DEFAULT '',
    number TEXT NOT NULL DEFAULT '',
    patient_id INTEGER REFERENCES patient(id),
    urgency TEXT NOT NULL DEFAULT 'routine',
    summary TEXT NOT NULL DEFAULT '',
    heard_ts INTEGER,
    heard_by TEXT NOT NULL DEFAULT '',
    returned_ts INTEGER,
    returned_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX voicemail_open ON voicemail(returned_ts, left_ts);
CREATE INDEX voicemail_left ON voicemail(left_ts);
CREATE TABLE voicemail_check (
    id INTEGER PRIMARY KEY,
    at_ts INTEGER NOT NULL,
    by_user TEXT NOT NULL DEFAULT '',
    found INTEGER NOT NULL DEFAULT 0 CHECK (found >= 0)
);
CREATE INDEX voicemail_check_at ON voicemail_check(at_ts);
ALTER TABLE call ADD COLUMN callback_done_ts INTEGER;
ALTER TABLE call ADD COLUMN callback_done_by TEXT NOT NULL DEFAULT '';
CREATE INDEX call_callback ON call(outcome, callback_done_ts);
ALTER TABLE care_gap ADD COLUMN done TEXT;
CREATE TABLE rebook_decision (
    appointment_id INTEGER PRIMARY KEY REFERENCES appointment(id),
    decision TEXT NOT NULL CHECK (decision IN ('rebooked', 'wont_rebook')),
    reason TEXT NOT NULL DEFAULT '',
    new_appointment_id INTEGER REFERENCES appointment(id),
    by_user TEXT NOT NULL DEFAULT '',
    at_ts INTEGER NOT NULL
);
ALTER TABLE appointment_type ADD COLUMN follow_up_days INTEGER
    CHECK (follow_up_days IS NULL OR follow_up_days > 0);
ALTER TABLE appointment ADD COLUMN call_after INTEGER NOT NULL DEFAULT 0;
CREATE TABLE follow_up_call (
    appointment_id INTEGER PRIMARY KEY REFERENCES appointment(id),
    due_ts INTEGER NOT NULL,
    done_ts INTEGER,
    done_by TEXT NOT NULL DEFAULT '',
    understood INTEGER,
    follow_up_booked INTEGER,
    prescription_picked_up INTEGER,
    has_question INTEGER,
    question TEXT NOT NULL DEFAULT '',
    message_id INTEGER REFERENCES message(id)
);
CREATE INDEX follow_up_call_due ON follow_up_call(done_ts, due_ts);
CREATE TABLE freed_slot (
    id INTEGER PRIMARY KEY,
    appointment_id INTEGER REFERENCES appointment(id),
    provider_id INTEGER NOT NULL REFERENCES staff(id),
    type_code TEXT NOT NULL,
    start_ts INTEGER NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    freed_ts INTEGER NOT NULL,
    why TEXT NOT NULL CHECK (why IN ('cancelled', 'moved', 'no_show')),
    filled_appointment_id INTEGER REFERENCES appointment(id),
    filled_ts INTEGER
);
CREATE INDEX freed_slot_freed ON freed_slot(freed_ts)
"""


_V11 = """
CREATE TABLE chase_closure (
    kind TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    reason TEXT NOT NULL,
    by_user TEXT NOT NULL DEFAULT '',
    at_ts INTEGER NOT NULL,
    PRIMARY KEY (kind, record_id)
)
"""


def _v8(conn: Connection) -> None:
    from vma_desk.storage import audit_chain

    conn.execute("ALTER TABLE audit ADD COLUMN mac TEXT NOT NULL DEFAULT ''")
    audit_chain.install(conn)  # the chain's random key, and every existing entry chained in id order


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "practice, staff, settings and the audit trail", _script(_V1)),
    Migration(2, "patients with phones, last visits and care gaps", _script(_V2)),
    Migration(3, "calendar: appointment types, appointments, blocks and the waitlist", _script(_V3)),
    Migration(4, "calls, messages with their events, call links and the search index", _script(_V4)),
    Migration(5, "refill requests, referrals and prior authorisations with their events", _script(_V5)),
    Migration(6, "indexes for the agenda (no-shows per patient) and the activity summary", _script(_V6)),
    Migration(7, "users who sign in, the workstation and user of each audit entry, who recorded "
                 "another's act, and shift handoffs", _script(_V7)),
    Migration(8, "a MAC on every audit entry, chained to the one before", _v8),
    Migration(9, "encrypted drafts, undo and reopen events, confirmation apart from arrival, when a visit "
                 "was booked, secondary insurance and eligibility details, authorisation units and "
                 "renewals, a refill's visit and a referral's patient-told step", _script(_V9)),
    Migration(10, "chasing: contact attempts, voicemails and box checks, callbacks done, care gaps done, "
                  "rebooking decisions, post-visit follow-up calls and freed slots", _script(_V10)),
    Migration(11, "chases closed as unreachable, with the reason", _script(_V11)),
    Migration(12, "the loops still open: tasks, intake packets, results expected and records requests",
              _script(";".join((schema.tasks.SQL, schema.intake.SQL, schema.results.SQL,
                                schema.records_requests.SQL, schema.hub.SQL)))),
    Migration(13, "where imported patients, visits and practitioners came from (the EHR's ids)",
              _script(schema.ehr.SQL)),
)
LATEST = MIGRATIONS[-1].version


def schema_version(conn: Db) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_newer(version: int) -> None:
    if version > LATEST:
        raise NewerSchemaError(
            f"This workspace was written by a newer version of VMA Desk (schema {version}; this "
            f"version understands up to {LATEST}). Update VMA Desk to open it; the file was not "
            "changed."
        )


def migrate(conn: Connection, target: int = LATEST) -> int:
    """Bring the schema to `target`; returns the version the workspace was at before."""
    before = schema_version(conn)
    check_not_newer(before)
    for migration in MIGRATIONS:
        if before < migration.version <= target:
            with transaction(conn):
                migration.apply(conn)
                conn.execute(f"PRAGMA user_version = {migration.version}")
    return before
