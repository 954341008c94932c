"""What every form dialog shares: showing it without blocking (`show_dialog`), its Designer form set
up with errors beside their fields (`hold_form`), the button that does its work (`main_button`), the
one way a service call is run from a form (`attempt`), and the dialog base that does all of it
(`FormDialog`: the call, message, refill and referral forms, and the calendar's dialogs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from vma_desk.core.calendar import Conflict
from vma_desk.core.errors import ConflictError, KnownError, ValidationError
from vma_desk.services import Services
from vma_desk.ui.drafts import DraftGuard, cancel
from vma_desk.ui.shared.widgets import FIELD_ERROR_STYLE, FieldErrors, FieldSlot, show_dialog

__all__ = ["show_dialog"]  # defined beside `fit_to_screen`, so the window imports no form machinery

T = TypeVar("T")


def hold_form(dialog: QDialog, form: Any) -> FieldErrors:
    """Set a Designer form up in `dialog`, its `*_error` labels ready beside their fields; the
    errors of the form (`form_error_label` for what no field shows; a form that scrolls, its
    `scroll_area`, scrolls to the field in error)."""
    form.setupUi(dialog)
    dialog.setStyleSheet(FIELD_ERROR_STYLE)
    errors = FieldErrors(form.form_error_label, getattr(form, "scroll_area", None))
    form.form_error_label.setWordWrap(True)
    FieldErrors.prepare(*(label for name, label in vars(form).items()
                          if name.endswith("_error") and isinstance(label, QLabel)))
    return errors


def main_button(box: QDialogButtonBox, which: QDialogButtonBox.StandardButton, label: str) -> QPushButton:
    """Name the button that does the dialog's work, and make it what Enter presses."""
    button = box.button(which)
    button.setText(label)
    button.setDefault(True)
    return button


def field_sentence(error: ValidationError) -> str:
    """A refusal no field of the form shows, said whole: "Due date: is in the past."."""
    return f"{error.field.replace('_', ' ').capitalize()}: {error.message}."


class ConflictPanel(Protocol):
    """Where a form shows a `ConflictError` (the calendar's approval panel), with its own fields."""

    def slot_for(self, field: str) -> FieldSlot | None: ...

    def show_conflicts(self, conflicts: Sequence[Conflict]) -> None: ...


def attempt(errors: FieldErrors, change: Callable[[], T], *,
            slot_for: Callable[[str], FieldSlot | None] | None = None,
            general: Callable[[ValidationError], str] = field_sentence,
            conflicts: ConflictPanel | None = None,
            show: Callable[[FieldSlot, ValidationError], None] | None = None) -> T | None:
    """Run one service call from a form and return its result; or show why it was refused and
    return None. The form's earlier errors are cleared first. A `ValidationError` goes beside the
    field it names (`slot_for`, then the conflict panel's own fields; `show` words it there when
    `FieldErrors.show` is not enough), else on top as `general` says it; a `ConflictError` into the
    conflict panel (on top without one); any other known error on top."""
    errors.clear()
    try:
        return change()
    except ValidationError as error:
        slot = (slot_for(error.field) if slot_for else None) or (
            conflicts.slot_for(error.field) if conflicts else None)
        if slot is None:
            errors.show_general(general(error))
        elif show is not None:
            show(slot, error)
        else:
            errors.show(slot, error.message)
    except ConflictError as error:
        if conflicts is None:
            errors.show_general(error.message)
        else:
            conflicts.show_conflicts(error.conflicts)
    except KnownError as error:
        errors.show_general(error.message)
    return None


class FormDialog(QDialog):
    """What every form dialog starts with: its Designer form (held as `self.ui`), errors shown on it
    (`self._errors`, beside their fields), the patient search wired to the services (in forms that
    have one), its button box connected (Cancel and Esc ask before discarding typing when the form
    keeps drafts, `draft_guard`), and `_attempt` for its service calls."""

    def __init__(self, form: Any, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = form
        self._errors = hold_form(self, form)
        if hasattr(form, "patient_picker"):
            form.patient_picker.set_services(services)
        form.button_box.accepted.connect(self._on_button_box_accepted)
        form.button_box.rejected.connect(self._on_button_box_rejected)
        #: asks before Esc or Cancel discards typing, and keeps a draft (forms that create records)
        self.draft_guard: DraftGuard | None = None

    def _main_button(self, which: QDialogButtonBox.StandardButton, label: str) -> QPushButton:
        return main_button(self.ui.button_box, which, label)

    def _slot_for(self, field: str) -> FieldSlot | None:
        """Where the error about `field` goes (None: on top); forms override it."""
        return None

    def _attempt(self, change: Callable[[], T], conflicts: ConflictPanel | None = None) -> T | None:
        return attempt(self._errors, change, slot_for=self._slot_for, conflicts=conflicts)

    def _on_button_box_accepted(self) -> None:
        raise NotImplementedError

    def _on_button_box_rejected(self) -> None:
        cancel(self)
