"""Tasks between staff: assignee (a signed-in user, a staff member or any of a role), due time, an
optional link to any record, an optional repeat (RRULE), open -> done or cancelled (with who and
when). A repeating task's next occurrence is its own row (`repeats_id`: the one it came from)."""

SQL = """
CREATE TABLE task (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    assignee_user_id INTEGER REFERENCES app_user(id),
    assignee_staff_id INTEGER REFERENCES staff(id),
    assignee_role TEXT NOT NULL DEFAULT '',
    due_ts INTEGER NOT NULL,
    link_kind TEXT NOT NULL DEFAULT '',
    link_id INTEGER,
    patient_id INTEGER REFERENCES patient(id),
    rrule TEXT NOT NULL DEFAULT '',
    repeats_id INTEGER REFERENCES task(id),
    note TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'cancelled')),
    created_ts INTEGER NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    closed_ts INTEGER,
    closed_by TEXT NOT NULL DEFAULT '',
    cancel_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX task_state_due ON task(state, due_ts);
CREATE INDEX task_patient ON task(patient_id);
CREATE INDEX task_link ON task(link_kind, link_id)
"""
