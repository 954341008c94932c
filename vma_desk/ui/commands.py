"""Undo as thin commands: each calls one service method in redo() and its inverse in undo().

Deletes are soft, so undoing one restores the record and both steps stay in the audit trail. The
changes they make reach the window with the origin "undo" or "redo" (every tab shows them again,
the one whose step it was too).
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
        self.notify(self.services.patients.delete(self.patient_id).from_origin("redo"))

    def undo(self) -> None:
        self.notify(self.services.patients.restore(self.patient_id).from_origin("undo"))


class StepCommand(QUndoCommand):
    """Pushed after a step was taken (a message closed, a refill decision, a referral moved): the
    first redo() is the step already done; undo() asks the service to take it back, which records
    an "undo" event (history is never deleted). A step undone is not redone (Qt drops the command):
    taking it again is the ordinary step. When the record changed since, the undo is refused and
    `failed` says why."""

    def __init__(self, label: str, take_back: Callable[[], tuple[object, Change]],
                 notify: Callable[[Change], None], failed: Callable[[str], None]) -> None:
        super().__init__(label)
        self._take_back = take_back
        self._notify = notify
        self._failed = failed

    def redo(self) -> None:  # the step itself was done by the tab before this was pushed
        pass

    def undo(self) -> None:
        from vma_desk.core.errors import KnownError, ValidationError

        self.setObsolete(True)  # once: Qt drops it from the stack
        try:
            _record, change = self._take_back()
        except (KnownError, ValidationError) as error:
            self._failed(f"Could not undo {self.text()}: {getattr(error, 'message', str(error))}")
            return
        self._notify(change.from_origin("undo"))
