"""Records requests: outgoing releases (requester, patient, authorisation received with its date
and expiry, items, purpose, sent by which secure channel and when) and incoming requests (records
asked from a hospital, another practice or a specialist: from whom, what, when asked, received),
each on a business-day clock from when it was asked. Every step (asked, authorisation recorded,
sent or received, cancelled, reopened) is a `records_request_event` row: when, who did it, who
recorded it when someone else did, a short note, and "reopen" on a reopening (its reason the note)."""

SQL = """
CREATE TABLE records_request (
    id INTEGER PRIMARY KEY,
    direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
    patient_id INTEGER NOT NULL REFERENCES patient(id),
    party TEXT NOT NULL,
    items TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    asked_on TEXT NOT NULL,
    authorization_on TEXT,
    authorization_expires TEXT,
    channel TEXT NOT NULL DEFAULT '',
    sent_ts INTEGER,
    sent_by TEXT NOT NULL DEFAULT '',
    received_ts INTEGER,
    received_by TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'open',
    closed_reason TEXT NOT NULL DEFAULT '',
    created_ts INTEGER NOT NULL,
    created_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX records_request_state ON records_request(state, asked_on);
CREATE INDEX records_request_patient ON records_request(patient_id);
CREATE TABLE records_request_event (
    request_id INTEGER NOT NULL REFERENCES records_request(id),
    state TEXT NOT NULL,
    at_ts INTEGER NOT NULL,
    by_user TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT ''
);
CREATE INDEX records_request_event_request ON records_request_event(request_id)
"""
