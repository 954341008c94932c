"""Records requests: outgoing releases (requester, patient, authorisation received with its date
and expiry, items, purpose, sent by which secure channel and when) and incoming requests (records
asked from a hospital, another practice or a specialist: from whom, what, when asked, received),
each on a business-day clock from when it was asked."""

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
CREATE INDEX records_request_patient ON records_request(patient_id)
"""
