"""Patient dialogs: the editor (create, edit, delete) and the Ctrl+K quick-open palette."""

from vma_desk.ui.patients.editor import PatientEditorDialog
from vma_desk.ui.patients.quick_open import QuickOpenDialog

__all__ = ["PatientEditorDialog", "QuickOpenDialog"]
