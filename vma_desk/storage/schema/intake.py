"""Intake packets: the practice's items per appointment type (`intake_item`, in the packet's
order), and each visit's items with their state (`visit_form`: not sent / sent by which channel /
received / reviewed, each with who and when, `position` keeping the packet's order). A visit's
items are derived from its type until the first step is recorded: then all of them are written.
Nothing of the forms' content is kept (it stays in the practice's EHR or portal)."""

SQL = """
CREATE TABLE intake_item (
    type_code TEXT NOT NULL REFERENCES appointment_type(code) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (type_code, position)
);
CREATE TABLE visit_form (
    appointment_id INTEGER NOT NULL REFERENCES appointment(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'not_sent'
        CHECK (state IN ('not_sent', 'sent', 'received', 'reviewed')),
    channel TEXT NOT NULL DEFAULT '',
    sent_ts INTEGER,
    sent_by TEXT NOT NULL DEFAULT '',
    received_ts INTEGER,
    received_by TEXT NOT NULL DEFAULT '',
    reviewed_ts INTEGER,
    reviewed_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (appointment_id, name)
)
"""
