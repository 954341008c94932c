"""What the call, message, refill and referral forms add to a `FormDialog`: the red-flag watch with
its banner, Ctrl+Enter to save from a notes field, the staff lists, and drafts kept.

The small step dialogs (a refill's decision, a referral's move) use `ui/shared/form.py`'s
`hold_form`, `main_button` and `attempt` alone: they have no patient search or red-flag watch."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit, QWidget

from vma_desk.core.records import Change, Patient, StaffMember
from vma_desk.ui.drafts import DraftGuard
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import FormDialog
from vma_desk.ui.shared.red_flags import EscalationPanel, RedFlagWatcher
from vma_desk.ui.shared.widgets import FieldSlot

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CommsFormDialog(FormDialog):
    def __init__(self, form: Any, context: TabContext, notes: Sequence[str],
                 parent: QWidget | None = None) -> None:
        """`notes` names the form's text fields that are checked for red flags."""
        super().__init__(form, context.services, parent)
        self._context = context
        self._notes: list[QPlainTextEdit] = [getattr(form, name) for name in notes]
        self.red_flags = RedFlagWatcher(context.comms, self._notes, self)
        self.red_flags.sig_checked.connect(self._on_red_flags_checked)
        self.save_button = self._main_button(QDialogButtonBox.StandardButton.Save, "&Save")
        for edit in self._notes:
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched in self._notes and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in _ENTER_KEYS
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            # Enter in a notes field starts a new line; Ctrl+Enter saves, as Enter does elsewhere
            self._on_button_box_accepted()
            return True
        return super().eventFilter(watched, event)

    def _tab_order(self, *widgets: QWidget) -> None:
        """Tab walks the form in this order (Designer's order misses the patient search inside its
        picker, a compound widget)."""
        for first, second in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # filling ----------------------------------------------------------------------------------------
    def _fill_staff(self, combo: Any, staff: Sequence[StaffMember], none_label: str = "") -> None:
        if none_label:
            combo.addItem(none_label, None)
        for member in staff:
            combo.addItem(f"{member.display_name} \u00b7 {member.role.label}", member.id)

    @staticmethod
    def _select(combo: Any, value: object) -> None:
        found = combo.findData(value)
        if found >= 0:
            combo.setCurrentIndex(found)

    def _patient(self, patient_id: int | None) -> Patient | None:
        return None if patient_id is None else self._context.patients.get(patient_id)

    # saving -----------------------------------------------------------------------------------------
    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        if field == "escalation_action":
            panel: EscalationPanel = ui.escalation_panel  # each form's (Designer's custom widget)
            return panel.slot()
        if field == "patient_id":
            return FieldSlot(ui.patient_picker.search_edit, ui.patient_error, "Patient")
        return None

    # red flags --------------------------------------------------------------------------------------
    def _on_red_flags_checked(self, found: bool) -> None:
        self.ui.escalation_panel.show_escalation(self.red_flags.escalation if found else None)

    def _keep_drafts(self, form: str, record_key: str = "", *, edits: bool = False) -> None:
        """`record_key`: which record's draft ("" a new one); `edits`: the form changes a saved record."""
        self.draft_guard = DraftGuard(self, self._context.services, form, record_key,
                                      warning=self._unsaved_warning, edits=edits)

    def _unsaved_warning(self) -> str:
        """What the discard question adds: the red flags the notes name, if any."""
        phrases = sorted({hit.phrase for hit in self.red_flags.hits()})
        if not phrases:
            return ""
        return ("It mentions a red flag (" + ", ".join(f"\u201c{p}\u201d" for p in phrases)
                + "): discarding it loses the only record of what the caller said.")


class SavingFormDialog(CommsFormDialog):
    """A form whose Save is one service call: on success the dialog closes and `sig_saved` carries
    the saved record and its `Change`; a refusal stays beside its field with nothing typed lost."""

    #: the saved record and its `Change`
    sig_saved = Signal(object, object)

    def _save_on_ctrl_enter(self, *edits: QPlainTextEdit) -> None:
        """Ctrl+Enter saves from these text fields too (no red-flag check: this is no phone call)."""
        for edit in edits:
            self._notes.append(edit)
            edit.installEventFilter(self)

    def save(self) -> Any:
        done = self._attempt(self._save_call())
        if done is None:
            return None
        saved, change = done
        self.accept()
        self.sig_saved.emit(saved, change)
        return saved

    def _save_call(self) -> Callable[[], tuple[Any, Change]]:
        raise NotImplementedError

    def _on_button_box_accepted(self) -> None:
        self.save()
