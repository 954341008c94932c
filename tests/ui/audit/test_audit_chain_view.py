"""View → Audit log: a line at the top says the chain verified, or what broke (in red) once someone
with the key altered an entry; Export CSV… writes the rows the view shows."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from tests.storage import audit_tamper as tamper
from tests.ui.conftest import show_active
from vma_desk.core.records import AuditAction
from vma_desk.storage.keys import KeyStore
from vma_desk.ui.audit import AuditView
from vma_desk.ui.audit.model import ENTRY_ROLE


def test_the_view_says_verified_then_what_broke(qtbot, services, workspace, keystore: KeyStore):
    for n in range(5):
        services.audit.record(AuditAction.EXPORT, "calendar", n, "names: no")
    view = AuditView(services)
    show_active(qtbot, view)
    count = services.audit.count()
    assert view.ui.chain_label.text() == f"Audit trail verified: {count:,} entries, chain intact."

    key = keystore.get(workspace.workspace_id)
    assert key is not None
    with tamper.attacker(workspace.data_dir, key) as conn:
        tamper.edit(conn, 3)
    qtbot.keyClick(view.ui.table_view, Qt.Key.Key_F5)  # Refresh
    text = view.ui.chain_label.text()
    assert "audit entry #3 was edited" in text and "verified" not in text
    assert "b00020" in view.ui.chain_label.styleSheet()


def test_export_csv_writes_the_rows_the_view_shows(qtbot, services, tmp_path: Path):
    for n in range(7):
        services.audit.record(AuditAction.EXPORT, "calendar", n, "names: no")
    view = AuditView(services)
    show_active(qtbot, view)
    shown = [view.model.index(r, 0).data(ENTRY_ROLE) for r in range(view.model.rowCount())]
    out = tmp_path / "audit.csv"

    def fill_in() -> None:
        dialog = view.export_dialog
        dialog.choose_path = lambda suggested: str(out)  # the file dialog's answer
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        assert save.text() == "Export…"
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    qtbot.mouseClick(view.ui.export_button, Qt.MouseButton.LeftButton)
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[1:]
    assert [(int(r[0]), r[2], r[4], r[5], r[6], r[7]) for r in rows] == \
        [(e.id, e.user, e.action.value, e.record_type, e.record_id, e.detail) for e in reversed(shown)]
    # the export was recorded, and the view shows it after
    newest = view.model.index(0, 0).data(ENTRY_ROLE)
    assert newest.action is AuditAction.EXPORT and newest.record_type == "audit"
    assert view.ui.chain_label.text().startswith("Audit trail verified")
