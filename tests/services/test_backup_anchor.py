"""The audit chain's head is kept outside the database at each backup: the backup holds the chain
as it stood (its head verifies there), and the anchor file beside the workspace is refreshed."""

from __future__ import annotations

import json

from vma_desk.core.records import AuditAction
from vma_desk.storage import audit_chain
from vma_desk.storage.backup import open_backup


def test_a_backup_holds_the_chain_and_refreshes_the_anchor(services, workspace, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    before = audit_chain.chain_head(workspace.conn)
    result = services.backups.backup_to(folder)
    conn = open_backup(result.path, workspace.key_spec())
    try:
        assert audit_chain.chain_head(conn) == before  # the snapshot's chain, up to its head
        assert audit_chain.verify(conn).ok
    finally:
        conn.close()
    # the backup's own entry came after the snapshot; the anchor is the workspace's head now
    assert services.audit.page(0, 1)[0].action is AuditAction.BACKUP
    anchor = json.loads(audit_chain.anchor_path(workspace.data_dir).read_text())
    head = audit_chain.chain_head(workspace.conn).to_json()
    assert anchor["entries"] == head["entries"] == before.count + 1
    assert anchor["last_mac"] == head["last_mac"]
    assert audit_chain.anchor_path(workspace.data_dir).stat().st_mode & 0o777 == 0o600
