"""The patient editor's care-gap table keeps a gap's recorded completion date (set from the Recall
list, not shown in the table) when the patient is edited and saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from vma_desk.core.records import CareGap
from vma_desk.ui.patients.care_gaps import COL_NOTE, CareGapTableModel


def test_editing_a_gaps_note_keeps_its_completion_date(qtbot: QtBot) -> None:
    model = CareGapTableModel()
    model.set_gaps((CareGap("Mammogram", date(2026, 1, 10), done=date(2026, 2, 20)),))
    model.setData(model.index(0, COL_NOTE), "Done at the imaging centre", Qt.ItemDataRole.EditRole)
    model.append_row()
    gaps = model.gaps()
    assert gaps[0] == CareGap("Mammogram", date(2026, 1, 10), "Done at the imaging centre", date(2026, 2, 20))
    assert gaps[1].done is None
