"""File → Import… (Ctrl+Shift+I): a file the practice's EHR exported, previewed before anything
changes. F5 reads the file and shows the plan: a summary ("Patients: 2 new, 5 matched · Visits: 3
new, 1 moved") and a row per patient and visit with what will happen, refused rows with their line
or resource and the reason, overlaps flagged. Enter on a patient the file matched to two of ours
chooses which one it is; Ctrl+Enter imports (one transaction, audited); a file that cannot be read
is refused beside the file, nothing imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QTableWidgetItem, QWidget

from vma_desk.core.ehr import ImportBatch
from vma_desk.core.ehr_plan import Action, ImportPlan, PatientPlan, source_key
from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import Change, Role
from vma_desk.services import Services
from vma_desk.ui.forms.ui_ehr_import import Ui_EhrImport

_COLUMNS = ("What", "In the file", "Action", "Details")
_REFUSED = QColor("#b00020")
#: the preview's order: refusals, then changes, then what stays as it is
_ORDER = {Action.REFUSED: 0, Action.NEW: 1, Action.MOVED: 1, Action.CANCELLED: 1, Action.UPDATED: 1,
          Action.MATCHED: 2, Action.UNCHANGED: 2}
_FLAGGED = QColor("#a15c00")


class ImportDialog(QDialog):
    """`sig_imported(change)` once an import is saved (the window tells every tab)."""

    sig_imported = Signal(object)
    #: a lock closes it (its preview names patients)
    closes_on_lock = True

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 path: Path | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_EhrImport()
        self.ui.setupUi(self)
        self.services = services
        self.batch: ImportBatch | None = None
        self.plan: ImportPlan | None = None
        #: patients the VMA chose for ambiguous matches, by the source patient's key
        self.choices: dict[str, int] = {}
        #: the preview's rows that are patients, by row
        self._row_patients: dict[int, PatientPlan] = {}
        ui = self.ui
        for label, fmt in (("From the file's name", ""), ("FHIR R4 bundle (.json)", "fhir"),
                           ("CSV appointment report", "csv"), ("iCalendar feed (.ics)", "ics")):
            ui.format_combo.addItem(label, fmt)
        for member in services.practice.staff(role=Role.PROVIDER):
            ui.provider_combo.addItem(member.display_name, member.name)
        ui.plan_table.setColumnCount(len(_COLUMNS))
        ui.plan_table.setHorizontalHeaderLabels(list(_COLUMNS))
        ui.plan_table.horizontalHeader().setStretchLastSection(True)
        ui.error_label.setStyleSheet("color: #b00020;")
        ui.error_label.hide()
        ui.import_button.setEnabled(False)
        if path is not None:
            ui.file_edit.setText(str(path))
        ui.browse_button.clicked.connect(lambda _checked=False: self.browse())
        ui.preview_button.clicked.connect(lambda _checked=False: self.preview())
        ui.import_button.clicked.connect(lambda _checked=False: self.run_import())
        ui.close_button.clicked.connect(self.reject)
        ui.plan_table.activated.connect(lambda index: self.choose(index.row()))
        for keys, slot in ((QKeySequence("F5"), self.preview),
                           (QKeySequence("Ctrl+Return"), self.run_import),
                           (QKeySequence("Ctrl+Enter"), self.run_import)):
            QShortcut(keys, self).activated.connect(slot)
        for widget in (ui.file_edit, ui.profile_edit):
            widget.textChanged.connect(lambda _text: self._stale())
        for combo in (ui.format_combo, ui.provider_combo):
            combo.currentIndexChanged.connect(lambda _index: self._stale())
        ui.add_providers_check.toggled.connect(lambda _on: self._stale())
        ui.file_edit.setFocus()

    def lock_draft(self) -> str:
        return ""

    # choosing the file -----------------------------------------------------------------------------
    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Import from the EHR", self.ui.file_edit.text(),
                                                "EHR exports (*.json *.csv *.txt *.ics);;All files (*)")
        if chosen:
            self.ui.file_edit.setText(chosen)
            self.preview()

    def _stale(self) -> None:
        """A choice changed: the preview shown no longer says what Import would do."""
        self.plan = None
        self.choices = {}  # a choice made for one file's patient is not another file's
        self.ui.import_button.setEnabled(False)

    # the preview -----------------------------------------------------------------------------------
    def preview(self) -> ImportPlan | None:
        """F5: read the file and show what importing it would do (nothing changes)."""
        ui = self.ui
        ui.error_label.hide()
        text = ui.file_edit.text().strip()
        if not text:
            self._refuse("Choose the file to import (Alt+B).")
            return None
        try:
            self.batch = self.services.ehr_import.read(
                Path(text).expanduser(), ui.format_combo.currentData() or None,
                profile=ui.profile_edit.text().strip() or "generic",
                provider=ui.provider_combo.currentData() or "")
            return self._show_plan()
        except (KnownError, ValidationError) as error:
            self.batch = None
            said = error.message if isinstance(error, KnownError) else f"{error.field}: {error.message}"
            self._refuse(said)
            return None

    def _show_plan(self) -> ImportPlan | None:
        assert self.batch is not None
        ui = self.ui
        self.plan = self.services.ehr_import.plan(
            self.batch, add_providers=ui.add_providers_check.isChecked(), choices=self.choices)
        plan = self.plan
        ui.summary_label.setText(f"{plan.summary()} (source {plan.system})")
        rows: list[tuple[str, str, Action, str, QColor | None, PatientPlan | None]] = []
        for p in plan.patients:
            name = f"Patient {p.source.last_name}, {p.source.first_name}"
            colour = _REFUSED if p.action is Action.REFUSED else None
            rows.append((name, p.source.ref, p.action, p.reason, colour, p))
        for pr in plan.providers:
            if pr.action is not Action.MATCHED:
                rows.append((f"Provider {pr.source.name}", pr.source.ref, pr.action, pr.reason,
                             _REFUSED if pr.action is Action.REFUSED else None, None))
        zone = self.services.context.practice_zone()
        for v in plan.visits:
            when = v.source.start.astimezone(zone)
            who = f"{v.source.patient.last_name}, {v.source.patient.first_name}"
            what = f"Visit {when:%m/%d %I:%M %p} · {who}"
            detail = v.reason or v.note
            colour = _REFUSED if v.action is Action.REFUSED else _FLAGGED if v.note else None
            rows.append((what, v.source.ref, v.action, detail, colour, None))
        # what needs a look first: refusals, then what changes, then what stays as it is
        rows.sort(key=lambda row: (_ORDER[row[2]], bool(row[5]) is False))
        self._row_patients = {r: row[5] for r, row in enumerate(rows) if row[5] is not None}
        table = ui.plan_table
        table.setRowCount(len(rows))
        for r, (what, where, action, detail, colour, _patient) in enumerate(rows):
            for c, value in enumerate((what, where, action.value, detail)):
                item = QTableWidgetItem(value)
                if colour is not None:
                    item.setForeground(colour)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        ui.import_button.setEnabled(any(v.action is not Action.REFUSED for v in plan.visits)
                                    or any(p.action is Action.NEW for p in plan.patients))
        return plan

    def _refuse(self, text: str) -> None:
        self.plan = None
        self.ui.import_button.setEnabled(False)
        self.ui.error_label.setText(text)
        self.ui.error_label.show()
        self.ui.file_edit.setFocus()

    def choose(self, row: int) -> PatientPlan | None:
        """Enter on a patient the file matched to two of ours: which one it is (the preview again)."""
        plan = self._row_patients.get(row) if self.plan is not None else None
        if plan is None or not plan.candidates:
            return None
        people = self.services.patients.get_many(plan.candidates)
        labels = [f"{people[i].display_name} (patient {i}, born {people[i].date_of_birth:%m/%d/%Y})"
                  for i in plan.candidates if i in people]
        picked, ok = QInputDialog.getItem(self, "Which patient is it?", f"{plan.source.ref} is:", labels, 0,
                                          False)
        if not ok:
            return None
        self.choices[source_key(plan.source)] = plan.candidates[labels.index(picked)]
        self._show_plan()
        return plan

    # importing -------------------------------------------------------------------------------------
    def run_import(self) -> Change | None:
        """Ctrl+Enter: import what the preview shows (refused rows left out), in one transaction."""
        if self.plan is None or self.batch is None or not self.ui.import_button.isEnabled():
            self.preview()
            return None
        try:
            outcome, change = self.services.ehr_import.run(
                self.batch, add_providers=self.ui.add_providers_check.isChecked(), choices=self.choices,
                source=Path(self.ui.file_edit.text()).name)
        except (KnownError, ValidationError) as error:
            self._refuse(error.message)
            return None
        self.ui.summary_label.setText(f"Imported: {outcome.plan.summary()}")
        self.ui.import_button.setEnabled(False)
        self.sig_imported.emit(change)
        return change


