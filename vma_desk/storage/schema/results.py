"""Results expected for a patient: the test, who ordered it, when it is expected, the visit it is
for, its state (awaited -> received -> with the provider -> disposition recorded -> patient
notified -> closed) with one event per step (who, when), the provider's disposition as recorded
by the VMA (never interpreted), urgency (when and by which provider), and the visit booked for
"needs visit". An event's `action` is "" for a step, "undo", "reopen" or "urgent" (`core/results.py`)."""

SQL = """
CREATE TABLE result (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patient(id),
    test TEXT NOT NULL,
    ordered_by_id INTEGER REFERENCES staff(id),
    ordered_on TEXT,
    expected_by TEXT NOT NULL,
    appointment_id INTEGER REFERENCES appointment(id),
    state TEXT NOT NULL DEFAULT 'awaited',
    urgent INTEGER NOT NULL DEFAULT 0,
    urgent_ts INTEGER,
    urgent_by_id INTEGER REFERENCES staff(id),
    disposition TEXT NOT NULL DEFAULT '',
    disposition_by_id INTEGER REFERENCES staff(id),
    disposition_note TEXT NOT NULL DEFAULT '',
    visit_id INTEGER REFERENCES appointment(id),
    created_ts INTEGER NOT NULL,
    created_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX result_state ON result(state, expected_by);
CREATE INDEX result_patient ON result(patient_id);
CREATE INDEX result_appointment ON result(appointment_id);
CREATE TABLE result_event (
    result_id INTEGER NOT NULL REFERENCES result(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    state TEXT NOT NULL,
    at_ts INTEGER NOT NULL,
    by_user TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (result_id, position)
)
"""
