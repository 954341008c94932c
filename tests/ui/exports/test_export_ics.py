"""File → Export calendar (.ics): the file the user named, read back with an independent parser."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import vobject

from vma_desk.core.calendar import Appointment
from vma_desk.core.records import AuditAction, Patient, Phone, Role, Shift, StaffMember
from vma_desk.ui.exports.ics_dialog import ExportIcsDialog


def _lee_with_a_visit(services) -> None:  # noqa: ANN001 - the fixture's Services
    """Dr Lee, and Annabel Zyskowski's visit with her on Wednesday 2026-03-04 at 9:00."""
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    lee, _ = services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD",
                                                     working_hours=hours))
    ann, _ = services.patients.create(Patient("Annabel", "Zyskowski", date(1960, 1, 1),
                                              phones=(Phone("3125550101"),)))
    start = datetime(2026, 3, 4, 9, tzinfo=ZoneInfo("America/Chicago")).astimezone(UTC)
    services.calendar.book(Appointment(ann.id, lee.id, "est", start, 20, reason="knee pain"),
                           authorised_by="Dr Lee")


def test_export_writes_the_chosen_file_without_names(qtbot, services, tmp_path):
    _lee_with_a_visit(services)
    dialog = ExportIcsDialog(services)
    qtbot.addWidget(dialog)
    target = tmp_path / "lee.ics"
    dialog.choose_path = lambda suggested: str(target)
    with qtbot.waitSignal(dialog.sig_exported):
        dialog.findChild(type(dialog.names_check)).setChecked(False)
        dialog._on_buttons_accepted()
    text = target.read_text(encoding="utf-8")
    assert "Zyskowski" not in text and "knee pain" not in text
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    events = list(vobject.readOne(text).vevent_list)
    assert len(events) == 1
    assert events[0].dtstart.value.astimezone(ZoneInfo("America/Chicago")).hour == 9
    assert services.audit.page()[0].action is AuditAction.EXPORT


def test_a_file_that_cannot_be_written_leaves_no_export_in_the_audit(qtbot, services, tmp_path):
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD", working_hours=hours))
    taken = tmp_path / "lee.ics"
    taken.mkdir()  # a folder of that name is there (the tests run as root: modes do not stop a write)
    dialog = ExportIcsDialog(services)
    qtbot.addWidget(dialog)
    dialog.choose_path = lambda suggested: str(taken)
    with qtbot.assertNotEmitted(dialog.sig_exported):
        dialog._on_buttons_accepted()
    assert dialog.error_label.isVisibleTo(dialog) and dialog.error_label.text()
    assert taken.is_dir() and not any(taken.iterdir())
    assert all(e.action is not AuditAction.EXPORT for e in services.audit.page())


def test_the_file_is_made_off_the_gui_thread_with_the_buttons_off_meanwhile(qtbot, monkeypatch, services,
                                                                             tmp_path):
    import threading

    from PySide6.QtCore import Qt

    from vma_desk.ui.exports import ics_dialog

    _lee_with_a_visit(services)
    seen: list[tuple[bool, bool]] = []  # (on the GUI thread, the Export button on) while it is made
    made = ics_dialog.ics_calendar

    def watched(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - the service's own arguments
        seen.append((threading.current_thread() is threading.main_thread(), dialog.export_button.isEnabled()))
        return made(*args, **kwargs)

    monkeypatch.setattr(ics_dialog, "ics_calendar", watched)
    dialog = ExportIcsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.names_check.setChecked(True)
    target = tmp_path / "lee.ics"
    dialog.choose_path = lambda suggested: str(target)
    with qtbot.waitSignal(dialog.sig_exported):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert seen == [(False, False)]
    assert "Zyskowski" in target.read_text(encoding="utf-8")
    assert dialog.making_bar.isHidden() and services.audit.page()[0].action is AuditAction.EXPORT
