"""The visit dialog as a VMA uses it on the day: it shows the visit's flags as Today and the huddle
do, and keeps the confirmation (unconfirmed / left message / confirmed) apart from the arrival
(arrived / no-show): a visit confirmed and then arrived still shows it was confirmed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.ui.calendar.support import (  # noqa: F401 - fixtures
    at,
    book_fixture,
    dialog_of,
    no_dialog,
    open_visit,
    staff_fixture,
    tab_fixture,
)
from tests.ui.conftest import focused, type_keys
from vma_desk.core.calendar import VisitStatus
from vma_desk.core.records import ContactMethod
from vma_desk.core.referrals import PriorAuth, PriorAuthKind
from vma_desk.ui.calendar.appointment import AppointmentDialog

MONDAY = date(2026, 3, 2)  # today: the clock stands at 9:30
ENTER = Qt.Key.Key_Return


def test_the_visit_dialog_shows_its_flags_and_keeps_the_confirmation_apart_from_the_arrival(
        qtbot, services, tab, staff, add_patient, book):
    ann = add_patient()
    services.referrals.add_prior_auth(PriorAuth(
        ann.id, PriorAuthKind.IMAGING, "Prairie Health", "MRI knee", submitted_on=date(2026, 2, 26),
        follow_up_on=date(2026, 3, 5)))
    visit = book(ann.id, staff["lee"], at(MONDAY, 10, 0))
    tab.go_to(MONDAY)
    dialog = open_visit(qtbot, tab, visit, staff["lee"])
    ui = dialog.ui
    flags = ui.flags_label.text()
    assert ui.flags_label.isVisible()
    # the same flags, in the same words, as the Today tab
    assert flags.startswith("Flags: Insurance not verified: not checked · "
                            "Prior auth pending: MRI knee (Prairie Health) · Unconfirmed · ")
    assert "Care gap: Mammogram" in flags
    # two separate controls: how the confirmation calls stand; whether the patient came
    assert [ui.confirmation_combo.itemText(i) for i in range(ui.confirmation_combo.count())] == [
        "Unconfirmed", "Left message", "Confirmed"]
    assert [ui.status_combo.itemText(i) for i in range(ui.status_combo.count())] == [
        "Not yet (visit to come)", "Arrived", "No show"]
    assert focused() is ui.confirmation_combo
    type_keys(qtbot, "Conf", Qt.Key.Key_Tab)  # the patient confirmed, by phone
    assert focused() is ui.method_combo
    type_keys(qtbot, "Pho", Qt.Key.Key_Tab)
    assert focused() is ui.status_combo
    type_keys(qtbot, "Arr")  # ... and has just arrived
    with qtbot.waitSignal(dialog.finished):
        type_keys(qtbot, ENTER)
    assert no_dialog(AppointmentDialog)
    saved = services.calendar.get(visit.id)
    assert (saved.confirmation, saved.status, saved.confirmation_method) == (
        VisitStatus.CONFIRMED, VisitStatus.ARRIVED, ContactMethod.PHONE)
    assert "Arrived" in tab.model.index_of(visit.id).data()

    again = open_visit(qtbot, tab, visit, staff["lee"])
    assert again.ui.confirmation_combo.currentText() == "Confirmed"
    assert again.ui.method_combo.currentText() == "Phone"
    assert again.ui.status_combo.currentText() == "Arrived"
    assert "Unconfirmed" not in again.ui.flags_label.text()
    assert "Prior auth pending" in again.ui.flags_label.text()
    again.close()


def test_an_arrival_marked_by_mistake_is_taken_back_and_the_confirmation_stays(
        qtbot, services, tab, staff, add_patient, book):
    visit = book(add_patient().id, staff["roe"], at(MONDAY, 11, 0))
    services.calendar.set_status(visit.id, VisitStatus.LEFT_MESSAGE, ContactMethod.TEXT)
    services.calendar.set_status(visit.id, VisitStatus.ARRIVED)  # the wrong patient's row
    tab.go_to(MONDAY)
    dialog = open_visit(qtbot, tab, visit, staff["roe"])
    assert dialog.ui.confirmation_combo.currentText() == "Left message"
    dialog.ui.status_combo.setFocus()
    type_keys(qtbot, "Not")
    with qtbot.waitSignal(dialog.finished):
        type_keys(qtbot, ENTER)
    saved = services.calendar.get(visit.id)
    assert (saved.status, saved.confirmation) == (VisitStatus.LEFT_MESSAGE, VisitStatus.LEFT_MESSAGE)
    assert services.audit.page()[0].user == "tester@desk"


def test_a_no_show_before_its_time_is_refused_beside_the_arrival(qtbot, services, tab, staff, add_patient,
                                                                  book):
    visit = book(add_patient().id, staff["roe"], at(MONDAY, 15, 0))
    tab.go_to(MONDAY)
    dialog = open_visit(qtbot, tab, visit, staff["roe"])
    dialog.ui.status_combo.setFocus()
    type_keys(qtbot, "No", ENTER)
    assert dialog.isVisible()
    assert dialog.ui.status_error.text() == ("Arrival status: a visit is a no-show only once its time "
                                             "has come.")
    assert services.calendar.get(visit.id).status is VisitStatus.UNCONFIRMED
    dialog.close()
