"""File → Export → FHIR bundle (.json): a period of the practice's work written as a FHIR R4 bundle
for its EHR (`services.ehr.fhir_io.write_export`), optionally protected with a password (then an
AES-256 zip holding bundle.json, which 7-Zip opens).

The bundle holds the patients with a visit, call, message, refill request or referral in the
period, the providers, the visits, calls and messages as Communication (their category only) and
refill requests and referrals as Task; the dialog says so, and that the file holds patient data.

Keys: Alt+F the first day, Alt+T the last day, Alt+I the file (typed: "~" is the home folder and a
name without a folder goes there), Alt+B browses for it, Alt+P protects it with a password, Alt+W
the password, Alt+R the password again; Enter exports, Esc cancels. With a password the file ends in
.zip, without one in .json (a name ending in the other has it swapped, any other name gets it
added). An existing file is replaced only when the user says so (the safe answer, Keep it, is the
default). Refusals go beside their field; nothing is written and nothing audited then.

The file is made and written on the GUI thread (a wait cursor meanwhile): the service makes the
bundle and writes it, with its audit entry, in one call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QWidget

from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change
from vma_desk.services import Services
from vma_desk.services.ehr.fhir_io import MAX_DAYS, write_export
from vma_desk.ui.forms.ui_export_fhir import Ui_ExportFhir
from vma_desk.ui.shared.form import attempt, hold_form, main_button
from vma_desk.ui.shared.widgets import FieldSlot, confirm

JSON, ZIP = ".json", ".zip"


def export_path(text: str, protected: bool) -> Path | None:
    """The file a typed name means: "~" expanded, a relative name in the home folder, ending in
    .zip when protected and .json when not (a name ending in the other has it swapped, any other
    name gets it added); None for nothing typed."""
    text = text.strip()
    if not text:
        return None
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = Path.home() / path
    wanted, other = (ZIP, JSON) if protected else (JSON, ZIP)
    if path.suffix.lower() == wanted:
        return path
    if path.suffix.lower() == other:
        return path.with_suffix(wanted)
    return path.with_name(path.name + wanted)


class ExportFhirDialog(QDialog):
    """A period, a file and an optional password; Export writes the bundle and closes."""

    sig_exported = Signal(object)  # the export's core Change (after the file is written)

    ui: Ui_ExportFhir

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ui = Ui_ExportFhir()
        self._errors = hold_form(self, self.ui)
        self.export_button = main_button(self.ui.button_box, QDialogButtonBox.StandardButton.Save, "&Export")
        self.ui.button_box.accepted.connect(self.export)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.ui.protect_check.toggled.connect(self._on_protect_check_toggled)
        today = services.context.today()
        monday = today - timedelta(days=today.weekday())
        self.ui.from_edit.set_value(monday)  # this week, Monday to Sunday
        self.ui.to_edit.set_value(monday + timedelta(days=6))
        self._suggested = ""
        self._suggest()
        for edit in (self.ui.from_edit, self.ui.to_edit):
            edit.dateChanged.connect(lambda _day: self._suggest())
        self._on_protect_check_toggled(False)
        #: tests set this to skip the file dialog: the suggested path -> the chosen one ("" none)
        self.choose_path: Callable[[str], str] = self._ask_for_path
        #: tests set this to answer "replace the existing file?" without a question box
        self.confirm_replace: Callable[[Path], bool] = self._ask_replace
        self.setMinimumWidth(560)
        self.ui.from_edit.setFocus()

    # the fields -------------------------------------------------------------------------------
    def _suggest(self) -> None:
        """The suggested file follows the period and the password choice until the user types one."""
        start, end = self.ui.from_edit.value(), self.ui.to_edit.value()
        if start is None or end is None or self.ui.file_edit.text() not in ("", self._suggested):
            return
        suffix = ZIP if self.ui.protect_check.isChecked() else JSON
        self._suggested = str(Path.home() / f"fhir-{start.isoformat()}-{end.isoformat()}{suffix}")
        self.ui.file_edit.setText(self._suggested)

    def _on_protect_check_toggled(self, on: bool) -> None:
        for widget in (self.ui.password_label, self.ui.password_edit, self.ui.confirm_label,
                       self.ui.confirm_edit):
            widget.setEnabled(on)
        if not on:
            self.ui.password_edit.clear()
            self.ui.confirm_edit.clear()
        self._suggest()
        if on and self.isVisible():
            self.ui.password_edit.setFocus()

    def _ask_for_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export a FHIR bundle", suggested, "FHIR bundle (*.json);;Encrypted zip (*.zip)",
            options=QFileDialog.Option.DontConfirmOverwrite)  # Export asks before replacing
        return path

    def _on_browse_button_clicked(self) -> None:
        path = self.choose_path(self.ui.file_edit.text().strip() or self._suggested)
        if path:
            self.ui.file_edit.setText(path)
        self.ui.file_edit.setFocus()

    def _ask_replace(self, path: Path) -> bool:
        return confirm(self, "Replace the file?",
                       f"{path} exists already. Replace it with this export? What it holds now is lost.",
                       "&Replace it", "&Keep it")

    # exporting --------------------------------------------------------------------------------
    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return {
            "from": FieldSlot(ui.from_edit, ui.from_error, "The first day"),
            "to": FieldSlot(ui.to_edit, ui.to_error, "The last day"),
            "out": FieldSlot(ui.file_edit, ui.file_error, "File"),
            "password": FieldSlot(ui.password_edit, ui.password_error, "Password"),
            "confirm": FieldSlot(ui.confirm_edit, ui.confirm_error, "The password typed again"),
        }.get(field)

    def _checked(self) -> tuple[date, date, Path, str | None]:
        """What the fields say, refused (`ValidationError`) before anything is asked or written."""
        ui = self.ui
        start, end = ui.from_edit.value(), ui.to_edit.value()
        if start is None:
            raise ValidationError("from", "enter a date (MM/DD/YYYY)")
        if end is None:
            raise ValidationError("to", "enter a date (MM/DD/YYYY)")
        if end < start:  # the service's own words (it refuses it too)
            raise ValidationError("to", "must be on or after the first day")
        if (end - start).days >= MAX_DAYS:
            raise ValidationError("to", f"an export covers at most {MAX_DAYS} days")
        password: str | None = None
        if ui.protect_check.isChecked():
            password = ui.password_edit.text()
            self.services.exports.check_password(password)
            if ui.confirm_edit.text() != password:
                raise ValidationError("confirm", "must be the same as the password")
        path = export_path(ui.file_edit.text(), password is not None)
        if path is None:
            raise ValidationError("out", "is required: type where to write it, or Browse (Alt+B)")
        if path.is_dir():
            raise ValidationError("out", "is a folder: add a file name")
        if not path.parent.is_dir():
            raise ValidationError("out", f"cannot go in {path.parent}: there is no such folder")
        return start, end, path, password

    def export(self) -> Change | None:
        """Check the fields, ask before replacing a file, write the bundle and close; None (the
        reason beside its field) when refused or when the user keeps the existing file."""
        checked = attempt(self._errors, self._checked, slot_for=self._slot_for)
        if checked is None:
            return None
        start, end, path, password = checked
        self.ui.file_edit.setText(str(path))  # the name as written (its ending added)
        replace = path.exists()
        if replace and not self.confirm_replace(path):
            self.ui.file_edit.setFocus()
            self.ui.file_edit.selectAll()
            return None
        if getattr(self.parent(), "locked", False):  # locked while the question was up
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            change = attempt(self._errors, lambda: write_export(self.services, start, end, path, password,
                                                                replace=replace),
                             slot_for=self._slot_for)
        except OSError as exc:  # not expected (the service says KnownError), never a traceback
            change = None
            self._errors.show_general(f"The file could not be written ({exc.strerror or exc}).")
        finally:
            QApplication.restoreOverrideCursor()
        if change is None:
            return None
        self.sig_exported.emit(change)
        self.accept()
        return change

    def reject(self) -> None:
        self.ui.password_edit.clear()
        self.ui.confirm_edit.clear()
        super().reject()

