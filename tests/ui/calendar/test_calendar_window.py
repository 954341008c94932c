"""The Calendar tab inside the main window: its changes reach the window, changes made elsewhere
reach it, and the auto-lock hides its dialogs and brings them back as typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from PySide6.QtCore import QSettings

from tests.conftest import signed_in, unlock
from tests.ui.calendar.support import TUESDAY, at, dialog_of
from vma_desk.core.calendar import Appointment
from vma_desk.core.records import Patient, Phone, Practice, Role, Shift, StaffMember
from vma_desk.services import Services
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.calendar.booking import BookingDialog
from vma_desk.ui.calendar.tab import CalendarTab
from vma_desk.ui.main_window import MainWindow
from vma_desk.ui.settings import Preferences


@pytest.fixture
def window(qtbot, tmp_path, data_dir, keystore, clock):
    ws, _ = Workspace.create(data_dir, keystore)
    services = Services.for_workspace(ws, clock=clock)
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago"))
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD",
                                            working_hours=hours))
    preferences = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    win = MainWindow(ws, keystore, preferences=preferences, services=signed_in(services))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    keystore.delete(ws.workspace_id)


def calendar_of(window: MainWindow) -> CalendarTab:
    tab = window.page(1)  # after Today (built as its first show builds it)
    assert isinstance(tab, CalendarTab)
    return tab


def test_changes_flow_between_the_tab_and_the_window(qtbot, window):
    tab = calendar_of(window)
    services = window.services
    lee = services.practice.providers()[0]
    ann, _ = services.patients.create(
        Patient("Ann", "O'Neil", date(1961, 4, 2), phones=(Phone("3125550142"),)))
    booked, _change = services.calendar.book(Appointment(ann.id, lee.id, "est", at(TUESDAY, 9), 20),
                                            authorised_by="front desk")
    tab.go_to(TUESDAY)
    assert tab.model.index_of(booked.id).data().startswith("9:00 AM  O'Neil, Ann")
    # a patient renamed in the patient editor: the window fans the change out, the tab shows it
    _saved, renamed = services.patients.update(replace(ann, last_name="O'Neill"))
    window._on_change(renamed.from_origin("patient_editor"))
    assert tab.model.index_of(booked.id).data().startswith("9:00 AM  O'Neill, Ann")
    # the tab's own change reaches the window
    dialog = tab.open_cancel(booked)
    dialog.ui.reason_combo.setCurrentText("Patient request")
    with qtbot.waitSignal(window.sig_changed) as seen:
        dialog.ui.button_box.accepted.emit()
    assert seen.args[0].kind == "appointment"
    assert not tab.model.index_of(booked.id).isValid()


def test_lock_hides_a_booking_in_progress_and_unlock_brings_it_back(qtbot, window):
    tab = calendar_of(window)
    tab.go_to(TUESDAY)
    dialog = tab.open_booking()
    dialog_of(qtbot, BookingDialog)
    dialog.ui.reason_edit.setText("Knee pain")
    window.lock()
    assert not dialog.isVisible()
    assert not tab._timer.isActive()
    with qtbot.waitSignal(window.sig_unlocked):
        unlock(window)
    assert dialog.isVisible() and dialog.ui.reason_edit.text() == "Knee pain"
    assert tab._timer.isActive()
    dialog.close()
