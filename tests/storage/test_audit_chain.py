"""The audit trail's MAC chain: every entry chained to the one before, the head anchored in an
owner-only file beside the workspace. Someone with the file and its key edits, deletes, inserts,
swaps or cuts off entries with SQLCipher itself; the chain names what was done and where."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import signed_in
from tests.storage import audit_tamper as tamper
from vma_desk.core.records import AuditAction
from vma_desk.services import Services
from vma_desk.storage import audit_chain, database, migrations
from vma_desk.storage.audit_chain import Kind
from vma_desk.storage.keys import KeyStore, format_recovery_key, new_key
from vma_desk.storage.workspace import DB_FILE, Workspace

ENTRIES = 12


@pytest.fixture
def closed(services: Services, workspace: Workspace, keystore: KeyStore) -> tuple[Path, bytes]:
    """A workspace with a dozen audit entries, closed as the app closes it (anchor written)."""
    signed_in(services)
    for n in range(ENTRIES):
        services.audit.record(AuditAction.EXPORT, "calendar", n, "names: no")
    key = keystore.get(workspace.workspace_id)
    assert key is not None
    workspace.close()
    return workspace.data_dir, key


def report_after(data_dir: Path, keystore: KeyStore) -> audit_chain.ChainReport:
    ws = Workspace.unlock_with_keyring(data_dir, keystore)
    try:
        return audit_chain.check_workspace(ws)
    finally:
        ws.close()


def test_an_untouched_trail_verifies_against_its_anchor(closed, keystore: KeyStore):
    data_dir, _ = closed
    report = report_after(data_dir, keystore)
    assert report.ok and report.first_problem is None and report.cut_off is None
    assert report.anchor is not None and report.anchor.head == report.head
    assert report.summary() == f"Audit trail: {report.count:,} entries, verified"


@pytest.mark.parametrize(("attack", "expected"), [
    (lambda c: tamper.edit(c, 5), (5, Kind.EDITED)),
    (lambda c: tamper.edit(c, 1), (1, Kind.EDITED)),
    (lambda c: tamper.delete(c, 5), (5, Kind.DELETED)),
    (lambda c: tamper.delete(c, 1), (1, Kind.DELETED)),
    (lambda c: tamper.insert(c), ("new", Kind.INSERTED)),
    (lambda c: tamper.insert(c, mac="ab" * 32), ("new", Kind.INSERTED)),
    (lambda c: tamper.swap(c, 4, 9), (4, Kind.REORDERED)),
    (lambda c: tamper.swap(c, 6, 7), (6, Kind.REORDERED)),
    (lambda c: tamper.swap(c, 4, 9, with_mac=False), (4, Kind.REORDERED)),
], ids=["edit", "edit-first", "delete", "delete-first", "insert", "insert-forged-mac", "swap",
        "swap-neighbours", "swap-content-only"])
def test_each_alteration_is_named_with_its_entry(closed, keystore: KeyStore, attack, expected):
    data_dir, key = closed
    with tamper.attacker(data_dir, key) as conn:
        newest = conn.execute("SELECT max(id) FROM audit").fetchone()[0]
        attack(conn)
    report = report_after(data_dir, keystore)
    entry_id = newest + 1 if expected[0] == "new" else expected[0]
    assert not report.ok
    assert report.first_problem is not None
    assert (report.first_problem.entry_id, report.first_problem.kind) == (entry_id, expected[1])
    assert f"#{entry_id} was {expected[1].value}" in report.summary()


def test_a_swap_names_both_entries(closed, keystore: KeyStore):
    data_dir, key = closed
    with tamper.attacker(data_dir, key) as conn:
        tamper.swap(conn, 4, 9)
    problem = report_after(data_dir, keystore).first_problem
    assert problem is not None and problem.other_id == 9


def test_cutting_off_the_newest_entries_is_seen_by_the_anchor(closed, keystore: KeyStore):
    data_dir, key = closed
    with tamper.attacker(data_dir, key) as conn:
        newest = conn.execute("SELECT max(id) FROM audit").fetchone()[0]
        tamper.cut(conn, 3)
    report = report_after(data_dir, keystore)
    assert not report.ok and report.first_problem is None  # what is left is a valid chain
    assert report.cut_off is not None and "newest entries were cut off" in report.cut_off
    assert f"#{newest - 3}" in report.cut_off and f"#{newest}" in report.cut_off


def test_the_anchor_keeps_its_evidence_when_the_app_closes_again(closed, keystore: KeyStore):
    data_dir, key = closed
    with tamper.attacker(data_dir, key) as conn:
        tamper.cut(conn, 3)
    for _ in range(2):  # the app opened, used and closed again before anyone ran check
        ws = Workspace.unlock_with_keyring(data_dir, keystore)
        Services.for_workspace(ws).audit.record(AuditAction.EXPORT, "calendar", 99, "names: no")
        ws.close()
    report = report_after(data_dir, keystore)
    assert not report.ok and report.cut_off is not None


def test_a_chain_rewritten_with_the_key_is_seen_by_the_anchor(closed, keystore: KeyStore):
    data_dir, key = closed
    with tamper.attacker(data_dir, key) as conn:
        tamper.edit(conn, 5)
        tamper.rechain(conn)
    report = report_after(data_dir, keystore)
    assert report.first_problem is None  # every MAC holds
    assert not report.ok and report.cut_off is not None and "rewritten" in report.cut_off


def test_without_the_anchor_a_rewrite_is_not_seen(closed, keystore: KeyStore):
    """What the chain cannot do: whoever holds the key and the anchor file can rewrite both."""
    data_dir, key = closed
    with tamper.attacker(data_dir, key) as conn:
        tamper.cut(conn, 3)
        tamper.rechain(conn)
    (data_dir / audit_chain.ANCHOR_FILE).unlink()
    report = report_after(data_dir, keystore)
    assert report.ok and "no anchor file yet" in report.summary()


def test_a_replaced_anchor_file_is_reported(closed, keystore: KeyStore):
    data_dir, _ = closed
    (data_dir / audit_chain.ANCHOR_FILE).write_text("not json", encoding="utf-8")
    report = report_after(data_dir, keystore)
    assert not report.ok and report.cut_off is not None and "anchor file" in report.cut_off


def test_the_anchor_is_owner_only_with_umask_022(services: Services, workspace: Workspace):
    services.audit.record(AuditAction.EXPORT, "calendar", 1, "names: no")
    old = os.umask(0o022)
    try:
        workspace.close()
    finally:
        os.umask(old)
    path = workspace.data_dir / audit_chain.ANCHOR_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    anchor = audit_chain.Anchor.read(path)
    assert anchor is not None and anchor.workspace_id == workspace.workspace_id
    assert anchor.head.count >= 1
    assert not [p for p in workspace.data_dir.iterdir() if p.name.endswith(".tmp")]


def test_canonical_bytes_cannot_be_confused_across_fields():
    a = (1, "2026-03-02T15:30:00+00:00", "ann", None, "w", "export", "calendar", "1", "x")
    b = (1, "2026-03-02T15:30:00+00:00", "ann", None, "w", "export", "calendar", "", "1x")
    c = (1, "2026-03-02T15:30:00+00:00", "ann", 0, "w", "export", "calendar", "1", "x")
    assert len({audit_chain.canonical(r) for r in (a, b, c)}) == 3


OLD_ROWS = [
    ("2026-01-05T14:05:00+00:00", "Ann Manager", "create", "patient", "1", "", "ann@front-pc", 1),
    ("2026-01-05T14:07:30+00:00", "Ann Manager", "update", "patient", "1", "fields: phones",
     "ann@front-pc", 1),
    ("2026-01-06T09:12:00+00:00", "Raj VMA", "export", "calendar", "2", "names: no", "raj@laptop", 2),
]


def test_the_migration_chains_a_schema_7_workspaces_entries(data_dir: Path, keystore: KeyStore):
    key = new_key()
    data_dir.mkdir(parents=True)
    conn = database.create(data_dir / DB_FILE, database.KeySpec(raw=key))
    migrations.migrate(conn, target=7)
    conn.execute("INSERT INTO meta(key, value) VALUES ('workspace_id', 'before-the-chain')")
    conn.executemany("INSERT INTO audit(at, user, action, record_type, record_id, detail, workstation, "
                     "user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", OLD_ROWS)
    conn.close()

    ws, _ = Workspace.unlock_with_recovery_key(data_dir, format_recovery_key(key), keystore)
    try:
        assert ws.migrated_from == 7 and migrations.schema_version(ws.conn) >= 8
        report = audit_chain.verify(ws.conn)
        assert report.ok and report.count == len(OLD_ROWS)
        macs = [r[0] for r in ws.conn.execute("SELECT mac FROM audit ORDER BY id")]
        assert all(len(m) == 64 for m in macs) and len(set(macs)) == len(macs)
        # a new entry continues the migrated chain
        Services.for_workspace(ws).audit.record(AuditAction.EXPORT, "calendar", 3, "names: no")
        assert audit_chain.verify(ws.conn).ok
        assert audit_chain.chain_head(ws.conn).count == len(OLD_ROWS) + 1
    finally:
        ws.close()
        keystore.delete("before-the-chain")
