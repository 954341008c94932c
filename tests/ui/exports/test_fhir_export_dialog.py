"""File → Export → FHIR bundle (.json), driven by keys: a period and a file typed, Enter exports a
bundle `fhir.resources` validates, owner-only; with a password an AES-256 zip that opens with it; a
short password, a period ending before it starts and a repeated password that differs refused
beside their fields with nothing written; an existing file replaced only when the user says so.
The clock is Monday 2026-03-02 09:30 in Chicago."""

from __future__ import annotations

import io
import json
import stat
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import pyzipper
from fhir.resources.R4B.bundle import Bundle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.conftest import signed_in
from tests.ui.conftest import answer_question, focused, reactivate, show_active, type_keys
from vma_desk.core.calendar import Appointment
from vma_desk.core.communications import Call, CallReason, Direction
from vma_desk.core.records import AuditAction, Change, Patient, Phone, Role, Shift, StaffMember
from vma_desk.ui.exports.fhir_dialog import ExportFhirDialog, export_path

CHICAGO = ZoneInfo("America/Chicago")


@pytest.fixture
def office(services):
    """Dr Lee; Ann Ames' visit with her on Wednesday 2026-03-04 at 9:00; a call from Cy Cole now."""
    signed_in(services, "Vera Voss")
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    lee, _ = services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD",
                                                     working_hours=hours))
    ann, cy = (services.patients.create(Patient(first, last, born, phones=(Phone(phone),)))[0]
               for first, last, born, phone in (("Ann", "Ames", date(1960, 1, 1), "+13125550101"),
                                                ("Cy", "Cole", date(1985, 2, 3), "+13125550103")))
    start = datetime(2026, 3, 4, 9, tzinfo=CHICAGO).astimezone(UTC)
    services.calendar.book(Appointment(ann.id, lee.id, "est", start, 20, reason="Knee pain"),
                           authorised_by="Patient (phone call)")
    services.communications.log_call(Call(
        started_at=services.context.clock.now(), direction=Direction.INBOUND, caller_name="Cy Cole",
        reason=CallReason.REFILL, number="+13125550103", patient_id=cy.id, notes="Out of lisinopril"))
    return services


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where the files go (tmp_path holds the workspace)."""
    out = tmp_path / "exports"
    out.mkdir()
    return out


def exports(services) -> list:  # noqa: ANN001 - the fixture's Services
    return [e for e in services.audit.page() if e.action is AuditAction.EXPORT]


def opened(qtbot, services) -> ExportFhirDialog:  # noqa: ANN001 - the fixture's Services
    dialog = ExportFhirDialog(services)
    show_active(qtbot, dialog)
    assert focused() is dialog.ui.from_edit
    return dialog


def type_period_and_file(qtbot, first: str, last: str, file: Path) -> None:
    """From the first field: the period's days (MMDDYYYY) and the file, each field left by Tab."""
    type_keys(qtbot, first, Qt.Key.Key_Tab, last, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, str(file))


def alt(qtbot, key: Qt.Key, until: Callable[[], bool]) -> None:
    """Alt+key on a button: its mnemonic clicks it a moment later (animateClick); wait for `until`."""
    qtbot.keyClick(focused(), key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(until)


def resource_types(bundle: dict) -> list[str]:
    return [entry["resource"]["resourceType"] for entry in bundle["entry"]]


def test_a_typed_period_and_file_exported_by_enter_give_a_valid_owner_only_bundle(qtbot, office, folder):
    dialog = opened(qtbot, office)
    type_period_and_file(qtbot, "03022026", "03062026", folder / "week")
    assert focused() is dialog.ui.file_edit
    with qtbot.waitSignal(dialog.sig_exported) as exported:
        type_keys(qtbot, Qt.Key.Key_Return)

    out = folder / "week.json"  # .json added to a name without an ending
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert isinstance(exported.args[0], Change)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    bundle = json.loads(out.read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    assert sorted(resource_types(bundle)) == ["Appointment", "Communication", "Patient", "Patient",
                                              "Practitioner"]
    assert "Out of lisinopril" not in out.read_text(encoding="utf-8")  # a call's category only
    (entry,) = exports(office)
    assert entry.detail.endswith("2026-03-02..2026-03-06; not encrypted")


def test_with_a_password_the_file_is_an_aes_zip_that_opens_with_it(qtbot, office, folder):
    dialog = opened(qtbot, office)
    type_period_and_file(qtbot, "03022026", "03062026", folder / "week.json")
    type_keys(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # past Browse to the password choice
    assert focused() is dialog.ui.protect_check
    type_keys(qtbot, Qt.Key.Key_Space)  # checked: on to the password
    assert focused() is dialog.ui.password_edit
    with qtbot.waitSignal(dialog.sig_exported):
        type_keys(qtbot, "correct horse", Qt.Key.Key_Tab, "correct horse", Qt.Key.Key_Return)

    out = folder / "week.zip"  # a protected file ends in .zip
    assert sorted(p.name for p in folder.iterdir()) == ["week.zip"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert b"Ames" not in out.read_bytes()
    with pyzipper.AESZipFile(io.BytesIO(out.read_bytes())) as archive:
        assert archive.namelist() == ["bundle.json"]
        archive.setpassword(b"correct horse")
        bundle = Bundle.model_validate_json(archive.read("bundle.json"))
    assert len(bundle.entry or []) == 5
    assert exports(office)[0].detail.endswith("; encrypted AES-256 zip")


def test_a_short_password_is_refused_beside_it_and_nothing_is_written(qtbot, office, folder):
    dialog = opened(qtbot, office)
    type_period_and_file(qtbot, "03022026", "03062026", folder / "week")
    alt(qtbot, Qt.Key.Key_P, dialog.ui.protect_check.isChecked)  # Alt+P: protect
    assert dialog.ui.protect_check.isChecked() and focused() is dialog.ui.password_edit
    with qtbot.assertNotEmitted(dialog.sig_exported):
        type_keys(qtbot, "short", Qt.Key.Key_Tab, "short", Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.ui.password_error.isVisibleTo(dialog)
    assert "at least 8 characters" in dialog.ui.password_error.text()
    assert focused() is dialog.ui.password_edit
    assert list(folder.iterdir()) == [] and exports(office) == []
    # a longer one, typed twice, is taken and the error goes
    dialog.ui.password_edit.clear()
    dialog.ui.confirm_edit.clear()
    with qtbot.waitSignal(dialog.sig_exported):
        type_keys(qtbot, "long enough", Qt.Key.Key_Tab, "long enough", Qt.Key.Key_Return)
    assert (folder / "week.zip").exists()


def test_a_repeated_password_that_differs_is_refused_beside_it(qtbot, office, folder):
    dialog = opened(qtbot, office)
    type_period_and_file(qtbot, "03022026", "03062026", folder / "week")
    alt(qtbot, Qt.Key.Key_P, dialog.ui.protect_check.isChecked)
    with qtbot.assertNotEmitted(dialog.sig_exported):
        type_keys(qtbot, "correct horse", Qt.Key.Key_Tab, "correct horsf", Qt.Key.Key_Return)
    assert dialog.ui.confirm_error.isVisibleTo(dialog) and "same" in dialog.ui.confirm_error.text()
    assert not dialog.ui.password_error.isVisibleTo(dialog)
    assert focused() is dialog.ui.confirm_edit
    assert list(folder.iterdir()) == [] and exports(office) == []


def test_a_period_ending_before_it_starts_is_refused_beside_the_last_day(qtbot, office, folder):
    dialog = opened(qtbot, office)
    type_period_and_file(qtbot, "03062026", "03022026", folder / "week")
    with qtbot.assertNotEmitted(dialog.sig_exported):
        type_keys(qtbot, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.ui.to_error.isVisibleTo(dialog)
    assert dialog.ui.to_error.text() == "The last day must be on or after the first day."
    assert dialog.ui.to_edit.property("invalid") is True
    assert focused() is dialog.ui.to_edit
    assert not dialog.ui.from_error.isVisibleTo(dialog) and not dialog.ui.form_error_label.isVisibleTo(dialog)
    assert list(folder.iterdir()) == [] and exports(office) == []


def test_an_existing_file_is_replaced_only_when_the_user_says_so(qtbot, office, folder):
    out = folder / "week.json"
    out.write_text("kept", encoding="utf-8")
    dialog = opened(qtbot, office)
    type_period_and_file(qtbot, "03022026", "03062026", out)
    seen: list[str] = []
    answer_question("Keep it", seen)
    with qtbot.assertNotEmitted(dialog.sig_exported):
        type_keys(qtbot, Qt.Key.Key_Return)
    assert seen and "exists already" in seen[0]
    assert out.read_text(encoding="utf-8") == "kept" and exports(office) == []
    reactivate(qtbot, dialog)
    assert focused() is dialog.ui.file_edit  # to type another name

    answer_question("Replace it", seen)
    with qtbot.waitSignal(dialog.sig_exported):
        type_keys(qtbot, Qt.Key.Key_Return)
    Bundle.model_validate_json(out.read_bytes())
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and len(exports(office)) == 1


def test_esc_cancels_and_writes_nothing(qtbot, office, folder):
    dialog = opened(qtbot, office)
    type_period_and_file(qtbot, "03022026", "03062026", folder / "week")
    with qtbot.assertNotEmitted(dialog.sig_exported):
        type_keys(qtbot, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert list(folder.iterdir()) == [] and exports(office) == []


def test_the_keys_walk_the_fields_in_order_and_the_dialog_says_what_the_file_holds(qtbot, office):
    dialog = opened(qtbot, office)
    ui = dialog.ui
    assert (ui.from_edit.value(), ui.to_edit.value()) == (date(2026, 3, 2), date(2026, 3, 8))  # this week
    assert ui.file_edit.text() == str(Path.home() / "fhir-2026-03-02-2026-03-08.json")
    assert not ui.password_edit.isEnabled() and not ui.confirm_edit.isEnabled()
    order = [ui.to_edit, ui.file_edit, ui.browse_button, ui.protect_check]
    for widget in order:
        type_keys(qtbot, Qt.Key.Key_Tab)
        assert focused() is widget
    type_keys(qtbot, Qt.Key.Key_Space)  # protected: the suggested name follows, the password fields open
    assert ui.file_edit.text().endswith("fhir-2026-03-02-2026-03-08.zip")
    type_keys(qtbot, Qt.Key.Key_Tab)
    assert focused() is ui.confirm_edit
    for key, widget in ((Qt.Key.Key_F, ui.from_edit), (Qt.Key.Key_T, ui.to_edit),
                        (Qt.Key.Key_I, ui.file_edit), (Qt.Key.Key_W, ui.password_edit),
                        (Qt.Key.Key_R, ui.confirm_edit)):
        qtbot.keyClick(focused(), key, Qt.KeyboardModifier.AltModifier)
        assert focused() is widget
    assert dialog.export_button.isDefault() and dialog.export_button.text() == "&Export"
    about = " ".join((ui.about_label.text(), ui.safety_label.text()))
    for said in ("FHIR R4", "providers", "Communication", "category only", "Task", "refill", "referral",
                 "patient data", "keep it safe", "7-Zip", "AES-256"):
        assert said in about
    dialog.reject()


def test_browse_puts_the_chosen_file_in_the_field(qtbot, office, folder):
    dialog = opened(qtbot, office)
    asked: list[str] = []
    dialog.choose_path = lambda suggested: asked.append(suggested) or str(folder / "chosen.json")
    alt(qtbot, Qt.Key.Key_B, lambda: bool(asked))
    assert asked == [str(Path.home() / "fhir-2026-03-02-2026-03-08.json")]
    assert dialog.ui.file_edit.text() == str(folder / "chosen.json")
    assert focused() is dialog.ui.file_edit
    dialog.reject()


@pytest.mark.parametrize(("typed", "protected", "meant"), [
    ("/x/week", False, "/x/week.json"), ("/x/week.json", False, "/x/week.json"),
    ("/x/week.zip", False, "/x/week.json"), ("/x/week", True, "/x/week.zip"),
    ("/x/week.JSON", True, "/x/week.zip"), ("/x/week.zip", True, "/x/week.zip"),
    ("/x/week.2026", False, "/x/week.2026.json"), ("  ", False, None),
])
def test_the_typed_name_gets_the_ending_of_what_the_file_is(typed, protected, meant):
    assert export_path(typed, protected) == (Path(meant) if meant else None)


def test_a_relative_name_goes_in_the_home_folder():
    assert export_path("week", False) == Path.home() / "week.json"
    assert export_path("~/week", True) == Path.home() / "week.zip"
