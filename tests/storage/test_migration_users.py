"""A workspace written at schema 6, before users who sign in, opened by today's code: it migrates to
7, its audit entries keep the OS login they were written by (as both user and workstation, with no
user id), and it has no users yet, so the app asks for the first one."""

from __future__ import annotations

from pathlib import Path

from vma_desk.core.records import AuditAction
from vma_desk.services import Services
from vma_desk.storage import database, migrations
from vma_desk.storage.keys import KeyStore, format_recovery_key, new_key
from vma_desk.storage.workspace import DB_FILE, Workspace

OLD_ROWS = [
    ("2025-11-03T14:05:00+00:00", "ann@front-pc", "create", "patient", "1", ""),
    ("2025-11-03T14:07:30+00:00", "ann@front-pc", "update", "patient", "1", "fields: phones"),
    ("2025-11-04T09:12:00+00:00", "raj@laptop", "export", "calendar", "2", "names: no"),
]


def test_a_schema_6_workspace_gets_users_and_keeps_its_audit_trail(data_dir: Path, keystore: KeyStore):
    key = new_key()
    data_dir.mkdir(parents=True)
    conn = database.create(data_dir / DB_FILE, database.KeySpec(raw=key))
    migrations.migrate(conn, target=6)
    assert migrations.schema_version(conn) == 6
    conn.execute("INSERT INTO meta(key, value) VALUES ('workspace_id', 'before-users')")
    conn.execute("INSERT INTO practice(id, name, time_zone, business_days) "
                 "VALUES (1, 'Old Practice', 'America/Chicago', '0,1,2,3,4')")
    conn.executemany("INSERT INTO audit(at, user, action, record_type, record_id, detail) "
                     "VALUES (?, ?, ?, ?, ?, ?)", OLD_ROWS)
    conn.close()

    ws, _ = Workspace.unlock_with_recovery_key(data_dir, format_recovery_key(key), keystore)
    try:
        assert ws.migrated_from == 6
        assert migrations.schema_version(ws.conn) == migrations.LATEST >= 7
        services = Services.for_workspace(ws)
        assert services.users.needs_first_user()
        assert services.users.all() == [] and not services.users.signed_in
        entries = sorted(services.audit.page(), key=lambda e: e.id or 0)
        assert [(e.user, e.workstation, e.user_id) for e in entries] == \
            [(row[1], row[1], None) for row in OLD_ROWS]
        assert [(e.action, e.record_type, e.detail) for e in entries] == \
            [(AuditAction(row[2]), row[3], row[5]) for row in OLD_ROWS]
        assert ws.integrity_problems() == []
    finally:
        ws.close()
        keystore.delete("before-users")
