"""Where imported records came from (issue 17): each patient, visit and practitioner matched or
created by an import keeps the source system and its id there, so a later import of the same
visit updates it, and each record can say where it came from. `note` keeps what the import
flagged (a visit that overlaps another: imported, since the EHR owns the schedule)."""

SQL = """
CREATE TABLE source_link (
    kind TEXT NOT NULL CHECK (kind IN ('patient', 'appointment', 'staff')),
    system TEXT NOT NULL,
    source_id TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    imported_ts INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (kind, system, source_id)
);
CREATE INDEX source_link_record ON source_link(kind, record_id)
"""
