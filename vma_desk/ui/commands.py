"""Undo as thin commands: each calls one service method in redo() and its inverse in undo().

Deletes are soft, so undoing one restores the record and both steps stay in the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from vma_desk.core.records import Change
from vma_desk.services import Services


class DeletePatientCommand(QUndoCommand):
    """Pushed after the editor deleted a patient: the first redo() is the delete already done."""

    def __init__(self, services: Services, patient_id: int, label: str,
                 notify: Callable[[Change], None]) -> None:
        super().__init__(f"delete {label}")
        self.services = services
        self.patient_id = patient_id
        self.notify = notify
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.notify(self.services.patients.delete(self.patient_id))

    def undo(self) -> None:
        self.notify(self.services.patients.restore(self.patient_id))
