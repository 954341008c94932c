"""Choosing the patient in a form (a booking, a waitlist entry, a call, a message, a refill, a referral,
an export): quick open's search, inside a form.

It reuses quick open's pieces (the result list model, its line per patient, the pause before a
search and the row limit): typing searches after a pause, Up/Down move in the list without leaving
the search line, Enter takes the highlighted patient and moves on to the next field. A search is
audited as quick open's are (`SearchAudit`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Patient
from vma_desk.services import Services
from vma_desk.ui.patients.quick_open import RESULT_LIMIT, SEARCH_DELAY_MS
from vma_desk.ui.patients.results_model import PATIENT_ROLE, PatientResultListModel, result_line
from vma_desk.ui.search_as_you_type import SearchAsYouType
from vma_desk.ui.search_audit import SearchAudit


class PatientPicker(QWidget):
    #: the chosen patient's id
    sig_patient_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services: Services | None = None
        self._patient: Patient | None = None
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("patient_search_edit")
        self.search_edit.setPlaceholderText("Last name, date of birth (MM/DD/YYYY) or phone number")
        self.search_edit.setAccessibleName("Find patient")
        self.search_edit.setClearButtonEnabled(True)
        self.results = PatientResultListModel(self)
        self.result_list = QListView()
        self.result_list.setObjectName("patient_result_list")
        self.result_list.setAccessibleName("Matching patients")
        self.result_list.setModel(self.results)
        self.result_list.setUniformItemSizes(True)
        self.result_list.setMaximumHeight(self.fontMetrics().height() * 5 + 12)
        self.result_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.chosen_label = QLabel("No patient chosen yet.")
        self.chosen_label.setObjectName("chosen_patient_label")
        self.chosen_label.setTextFormat(Qt.TextFormat.PlainText)
        self.chosen_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.result_list)
        layout.addWidget(self.chosen_label)
        self.setFocusProxy(self.search_edit)

        self._typing = SearchAsYouType(self, self.search_edit, self.result_list, self.search_now,
                                       SEARCH_DELAY_MS)
        self.search_audit = SearchAudit(self, self._record_search)
        self.search_edit.installEventFilter(self)  # Enter: see eventFilter
        self.result_list.activated.connect(self._on_result_list_activated)
        self.result_list.clicked.connect(self._on_result_list_activated)

    def set_services(self, services: Services) -> None:
        self._services = services

    def _record_search(self, results: int) -> None:
        if self._services is not None:
            self._services.patients.record_search("patient picker", results)

    # the choice -----------------------------------------------------------------------------------
    def patient(self) -> Patient | None:
        return self._patient

    def patient_id(self) -> int | None:
        return self._patient.id if self._patient else None

    def required_id(self) -> int:
        """The chosen patient's id; a `ValidationError` on "patient_id" when none is chosen."""
        if self._patient is None or self._patient.id is None:
            raise ValidationError("patient_id", "is required: find the patient and press Enter")
        return self._patient.id

    def set_patient(self, patient: Patient | None) -> None:
        self._patient = patient
        if patient is None or self._services is None:
            self.chosen_label.setText("No patient chosen yet.")
            return
        self.chosen_label.setText(f"Patient: {result_line(patient, self._services.context.today())}")

    def choose(self, patient: Patient) -> None:
        """Choose a patient as if found and picked (the form fills in what follows from them)."""
        self.set_patient(patient)
        if patient.id is not None:
            self.sig_patient_chosen.emit(patient.id)

    # searching ------------------------------------------------------------------------------------
    def search_now(self) -> None:
        self._typing.stop()
        if self._services is None:
            return
        typed = self.search_edit.text().strip()
        found = self._services.patients.search(typed, limit=RESULT_LIMIT) if typed else []
        self.results.set_results(found, self._services.context.today())
        self.search_audit.shown(typed, len(found))
        if found:
            self.result_list.setCurrentIndex(self.results.index(0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.search_edit and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            # Enter here picks the patient; it must not reach the dialog's default button
            self._on_search_edit_enter()
            return True
        return super().eventFilter(watched, event)

    def _on_search_edit_enter(self) -> None:
        self._typing.flush()
        # on to the next field, unless the form already moved the focus on (past fields it filled)
        if self._choose(self.result_list.currentIndex()) and self.window().focusWidget() is self.search_edit:
            self.focusNextChild()

    def _on_result_list_activated(self, index: QModelIndex) -> None:
        self._choose(index)

    def _choose(self, index: QModelIndex) -> bool:
        patient = index.data(PATIENT_ROLE) if index.isValid() else None
        if not isinstance(patient, Patient) or patient.id is None:
            return False
        self.search_audit.commit()
        self.set_patient(patient)
        self.sig_patient_chosen.emit(patient.id)
        return True
