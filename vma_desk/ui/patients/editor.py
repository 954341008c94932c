"""The patient editor dialog: create, edit or (soft) delete one patient.

Saving goes through `services.patients`; a `ValidationError` is shown beside the field it names and
the dialog stays open with everything as typed. Ctrl+S or Enter saves (Enter inside the notes makes a
new line), Esc cancels and asks first when something was changed (closing from code does not ask).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QWidget

from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change, Patient
from vma_desk.services import Services
from vma_desk.ui.drafts import DraftGuard
from vma_desk.ui.forms.ui_patient_editor import Ui_PatientEditor
from vma_desk.ui.patients.care_gaps import CareGapTableModel
from vma_desk.ui.patients.patient_form import PatientForm
from vma_desk.ui.shared.form import FormDialog, attempt
from vma_desk.ui.shared.widgets import confirm

#: narrower than this (pixels), the two columns of fields stack instead of squeezing their fields
ONE_COLUMN_BELOW = 740


def _field_error(error: ValidationError) -> str:
    """A refusal no field of the editor shows: "care_gaps: ..."."""
    return f"{error.field}: {error.message}"


class PatientEditorDialog(FormDialog):
    """Create (patient_id None) or edit one patient. Raises NotFoundError for an unknown id."""

    ui: Ui_PatientEditor

    #: the `Change` of a create or an update
    sig_saved = Signal(object)
    #: the `Change` of a soft delete; `services.patients.restore(change.ids[0])` undoes it
    sig_deleted = Signal(object)

    def __init__(self, services: Services, patient_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_PatientEditor(), services, parent)
        self._services = services
        self._patient: Patient | None = (
            services.patients.open(patient_id, "patient editor") if patient_id is not None else None)
        self._gaps = CareGapTableModel(self)
        self._form = PatientForm(self.ui, self._gaps)

        self._form.load(self._patient)
        self._form.update_insurance_fields()
        self._loaded = self._form.snapshot()
        editing = self._patient is not None
        self.setWindowTitle("Edit patient" if editing else "New patient")
        self.ui.delete_button.setVisible(editing)
        save = self.ui.button_box.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        save.setToolTip(f"Save ({QKeySequence(QKeySequence.StandardKey.Save).toString()} or Enter)")
        self._stacked = False
        self._update_remove_button()
        self._connect()
        self.draft_guard = DraftGuard(self, services, "patient", str(patient_id or ""),
                                      changed=self.has_unsaved_edits, edits=True)
        self.ui.first_name_edit.setFocus()

    def _connect(self) -> None:
        ui = self.ui
        ui.delete_button.clicked.connect(self._on_delete_button_clicked)
        ui.add_care_gap_button.clicked.connect(self._on_add_care_gap_button_clicked)
        ui.remove_care_gap_button.clicked.connect(self._on_remove_care_gap_button_clicked)
        ui.plan_type_combo.currentIndexChanged.connect(self._on_plan_type_combo_changed)
        ui.care_gap_table.selectionModel().currentChanged.connect(self._on_care_gap_table_current_changed)
        self._gaps.rowsRemoved.connect(self._update_remove_button)
        self._gaps.modelReset.connect(self._update_remove_button)
        for edit in self._form.phone_edits:
            edit.editingFinished.connect(self._on_phone_edit_editing_finished)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.activated.connect(self._on_save_shortcut_activated)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_columns(stacked=event.size().width() < ONE_COLUMN_BELOW)

    def _arrange_columns(self, *, stacked: bool) -> None:
        if stacked == self._stacked:
            return
        self._stacked = stacked
        grid, right = self.ui.form_grid, self.ui.right_column
        grid.removeItem(right)
        if stacked:
            grid.addLayout(right, 1, 0)
        else:
            grid.addLayout(right, 0, 1)
        grid.setColumnStretch(1, 0 if stacked else 1)

    # state ----------------------------------------------------------------------------------------
    def has_unsaved_edits(self) -> bool:
        return self._form.snapshot() != self._loaded

    # saving ---------------------------------------------------------------------------------------
    @Slot()
    def _on_button_box_accepted(self) -> None:
        self._save()

    @Slot()
    def _on_save_shortcut_activated(self) -> None:
        table = self.ui.care_gap_table
        focused = QApplication.focusWidget()
        if focused is not None and focused is not table and table.isAncestorOf(focused):
            table.setFocus()  # a care-gap cell being edited commits its text when it loses focus
        self._save()

    def _save(self) -> None:
        self._errors.clear()
        if self._patient is not None and not self.has_unsaved_edits():
            self.accept()  # nothing to write, and no empty entry in the audit trail
            return
        change = attempt(self._errors, lambda: self._form.explained(self._write),
                         slot_for=self._form.slot_for, general=_field_error)
        if change is None:
            return
        self.accept()
        self.sig_saved.emit(change)

    def _write(self) -> Change:
        patient = self._form.read(self._patient)
        if self._patient is None:
            _saved, change = self._services.patients.create(patient)
        else:
            _saved, change = self._services.patients.update(patient)
        return change

    # cancelling -------------------------------------------------------------------------------------
    # Esc, Cancel and the title bar's close button ask before discarding edits (the draft guard, which
    # also keeps an encrypted draft); reject() or close() called by code (the auto-lock, the main
    # window closing) close without a question and keep the draft. (`FormDialog`'s Cancel.)

    # deleting ---------------------------------------------------------------------------------------
    @Slot()
    def _on_delete_button_clicked(self) -> None:
        assert self._patient is not None and self._patient.id is not None
        question = (
            f"Delete {self._patient.display_name}?\n\nThe patient disappears from lists and search. "
            "The record is not erased: Edit → Undo (Ctrl+Z) brings it back, and the deletion is "
            "recorded in the audit trail."
        )
        if not confirm(self, "Delete patient", question, "Delete patient", "Cancel"):
            return
        patient_id = self._patient.id
        change = attempt(self._errors, lambda: self._services.patients.delete(patient_id))
        if change is None:
            return
        self.accept()
        self.sig_deleted.emit(change)

    # care gaps --------------------------------------------------------------------------------------
    @Slot()
    def _on_add_care_gap_button_clicked(self) -> None:
        index = self._gaps.append_row()
        table = self.ui.care_gap_table
        table.setCurrentIndex(index)
        table.setFocus()
        table.edit(index)

    @Slot()
    def _on_remove_care_gap_button_clicked(self) -> None:
        current = self.ui.care_gap_table.currentIndex()
        if current.isValid():
            self._gaps.removeRow(current.row())

    @Slot(QModelIndex, QModelIndex)
    def _on_care_gap_table_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_remove_button()

    @Slot()
    def _update_remove_button(self) -> None:
        self.ui.remove_care_gap_button.setEnabled(self.ui.care_gap_table.currentIndex().isValid())

    # other fields -----------------------------------------------------------------------------------
    @Slot(int)
    def _on_plan_type_combo_changed(self, _index: int) -> None:
        self._form.update_insurance_fields()

    @Slot()
    def _on_phone_edit_editing_finished(self) -> None:
        edit = self.sender()
        if isinstance(edit, QLineEdit) and edit in self._form.phone_edits:
            self._form.tidy_phone(edit)
