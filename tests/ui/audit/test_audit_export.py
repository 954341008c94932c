"""Export CSV… from the audit view: the period's days as the user set them, a refusal said under them."""

from __future__ import annotations

import csv
from datetime import timedelta

from PySide6.QtCore import QDate

from vma_desk.ui.audit.export import AuditExportDialog


def test_a_period_ending_before_it_starts_is_said_and_nothing_is_written(qtbot, services, tmp_path):
    dialog = AuditExportDialog(services)
    qtbot.addWidget(dialog)
    today = services.context.today()
    assert dialog.from_edit.date().toPython() == today - timedelta(days=30)
    assert dialog.to_edit.date().toPython() == today and dialog.to_edit.displayFormat() == "MM/dd/yyyy"
    out = tmp_path / "out"
    out.mkdir()
    asked: list[str] = []
    dialog.choose_path = lambda suggested: asked.append(suggested) or str(out / "audit.csv")
    dialog.to_edit.setDate(QDate(2026, 1, 1))
    dialog.from_edit.setDate(QDate(2026, 1, 2))
    dialog._on_buttons_accepted()
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text() == "The last day is before the first day."
    assert asked == [] and dialog.written is None and not any(out.iterdir())

    dialog.from_edit.setDate(QDate(2026, 1, 1))
    dialog._on_buttons_accepted()
    assert not dialog.error_label.isVisibleTo(dialog)
    path, count = dialog.written
    assert asked[0].endswith("audit-2026-01-01-2026-01-01.csv") and path == out / "audit.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        assert len(list(csv.reader(handle))) == count + 1  # the header and each entry
    assert oct(path.stat().st_mode & 0o777) == "0o600"
