"""The list model behind quick open: one search's patients, as one readable line each."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from vma_desk.core import wording
from vma_desk.core.records import Patient
from vma_desk.core.validation import format_phone

#: the `Patient` record of a row
PATIENT_ROLE = Qt.ItemDataRole.UserRole + 1
#: the patient's id (int)
PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def result_line(patient: Patient, today: date, region: str = "US") -> str:
    """'O'Neil, Ann · 04/02/1961 (age 64) · (312) 555-0142': name, birth date and first phone."""
    born = patient.date_of_birth
    parts = [patient.display_name, f"{wording.date_text(born)} (age {patient.age_on(today)})"]
    if patient.phones:
        parts.append(format_phone(patient.phones[0].number, region))
    return "  ·  ".join(parts)


class PatientResultListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._patients: list[Patient] = []
        self._lines: list[str] = []

    def set_results(self, patients: list[Patient], today: date) -> None:
        self.beginResetModel()
        self._patients = list(patients)
        self._lines = [result_line(p, today) for p in self._patients]
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._patients)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._patients):
            return None
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._lines[row]
        if role == PATIENT_ROLE:
            return self._patients[row]
        if role == PATIENT_ID_ROLE:
            return self._patients[row].id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
