"""Quick open (Ctrl+K): find a patient by name, date of birth or phone, and open their hub. The
patient of the record selected on the tab (a call's caller on file) is offered first: Ctrl+K, Enter.

Each pause in typing (120 ms) runs one `services.patients.search` of at most 50 rows: the palette
never loads the whole patient list. Focus stays in the search line: Up/Down/PageUp/PageDown move the
selection in the list, Enter opens the selected patient, Ctrl+N asks for a new patient, Esc closes.
A search is audited once (never its words) when its results stay on screen through a pause in typing
or one of them is opened (`SearchAudit`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QWidget

from vma_desk.core.records import Patient
from vma_desk.services import Services
from vma_desk.ui.forms.ui_quick_open import Ui_QuickOpen
from vma_desk.ui.patients.results_model import PATIENT_ID_ROLE, PatientResultListModel
from vma_desk.ui.search_as_you_type import SearchAsYouType
from vma_desk.ui.search_audit import SearchAudit

SEARCH_DELAY_MS = 120
RESULT_LIMIT = 50
_HINT = "Type the start of a last name (\u201cone ann\u201d), a date of birth or a phone number."


class QuickOpenDialog(QDialog):
    #: a lock closes this window (its results show patient data); what was typed is kept in memory
    #: by the main window (`lock_draft`) and searched again when the same user signs in
    closes_on_lock = True

    def lock_draft(self) -> str:
        return self.ui.search_edit.text()

    #: the id of the patient to open
    sig_patient_chosen = Signal(int)
    #: the user asked for a new patient instead (Ctrl+N or the button)
    sig_new_patient_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 current: Patient | None = None) -> None:
        super().__init__(parent)
        #: the patient of the record selected where Ctrl+K was pressed (a call's caller): offered
        #: first, so that Ctrl+K, Enter opens them; typing finds another
        self._current = current
        self.ui = Ui_QuickOpen()
        self.ui.setupUi(self)
        self._services = services
        self._results = PatientResultListModel(self)
        self.ui.result_list.setModel(self._results)
        self.ui.status_label.setText(_HINT)
        new_keys = QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)
        self.ui.new_patient_button.setText(f"&New patient\u2026 ({new_keys})")

        self._typing = SearchAsYouType(self, self.ui.search_edit, self.ui.result_list, self._search_now,
                                       SEARCH_DELAY_MS)
        self.search_audit = SearchAudit(self, lambda results: services.patients.record_search(
            "quick open", results))
        self.ui.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.ui.result_list.activated.connect(self._on_result_list_activated)
        self.ui.new_patient_button.clicked.connect(self._on_new_patient_button_clicked)
        new_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        new_shortcut.activated.connect(self._on_new_patient_button_clicked)
        self.ui.search_edit.setFocus()
        if current is not None:
            self._offer_current()

    def _offer_current(self) -> None:
        assert self._current is not None
        self._results.set_results([self._current], self._services.context.today())
        self.ui.result_list.setCurrentIndex(self._results.index(0))
        self.ui.status_label.setText(f"Enter opens {self._current.display_name} (selected on the tab); "
                                     "type to find another.")

    # searching --------------------------------------------------------------------------------------
    def _search_now(self) -> None:
        self._typing.stop()
        text = self.ui.search_edit.text().strip()
        if not text and self._current is not None:
            self._offer_current()
            return
        patients = self._services.patients.search(text, limit=RESULT_LIMIT) if text else []
        self._results.set_results(patients, self._services.context.today())
        self.search_audit.shown(text, len(patients))
        if patients:
            self.ui.result_list.setCurrentIndex(self._results.index(0))
        if not text:
            self.ui.status_label.setText(_HINT)
        elif not patients:
            self.ui.status_label.setText("No patient matches.")
        elif len(patients) == RESULT_LIMIT:
            self.ui.status_label.setText(f"The first {RESULT_LIMIT} matches: type more to narrow down.")
        else:
            self.ui.status_label.setText(f"{len(patients)} match{'es' if len(patients) > 1 else ''}.")

    # choosing ---------------------------------------------------------------------------------------
    @Slot()
    def _on_search_edit_return_pressed(self) -> None:
        self._typing.flush()
        self._choose(self.ui.result_list.currentIndex())

    @Slot(QModelIndex)
    def _on_result_list_activated(self, index: QModelIndex) -> None:
        self._choose(index)

    def _choose(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        patient_id = int(index.data(PATIENT_ID_ROLE))
        self.search_audit.commit()
        self.accept()
        self.sig_patient_chosen.emit(patient_id)

    @Slot()
    def _on_new_patient_button_clicked(self) -> None:
        self.accept()
        self.sig_new_patient_requested.emit()
