"""The Intake forms list, by keys: a new-patient visit 3 days ahead with no form sent is listed "to
send" (a visit further ahead is not); Ctrl+D "Mark forms…" lists the packet's forms and marks them
sent (by the channel chosen), received and reviewed with Alt+S, Alt+R and Alt+V; "reviewed before
received" is refused beside the forms with nothing saved; once every form is sent or back the visit
leaves the list until its chase is due."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import focused, reactivate, type_keys
from tests.ui.worklists.support import (  # noqa: F401 - fixtures
    ALT,
    CTRL,
    at,
    column,
    current_id,
    desk_fixture,
    shown_ids,
    worklists_tab_fixture,
)
from vma_desk.core.calendar import Appointment
from vma_desk.core.chase import Channel
from vma_desk.core.intake import FormState
from vma_desk.ui.worklists.intake_steps import IntakeMarkDialog

INTAKE = 7
NEW_PATIENT = ["Registration", "HIPAA acknowledgement", "Health history"]
THURSDAY, FRIDAY = date(2026, 3, 5), date(2026, 3, 6)


def _new_patient_visit(services, desk, day: date, hour: int) -> Appointment:
    visit, _ = services.calendar.book(Appointment(desk.ann.id, desk.lee.id, "new", at(day, hour), 40),
                                      authorised_by="Dr Lee")
    return visit


def _states(services, visit: Appointment) -> list[tuple[FormState, Channel | None]]:
    return [(f.state, f.channel) for f in services.intake.visit_packet(visit.id).forms]


def test_a_new_patient_visit_three_days_ahead_is_to_send_and_its_forms_are_marked_by_keys(
        qtbot, services, worklists_tab, desk):
    services.intake.set_packet("new", NEW_PATIENT)
    visit = _new_patient_visit(services, desk, THURSDAY, 9)  # 71.5 hours ahead: due to send
    _new_patient_visit(services, desk, FRIDAY, 10)  # more than 72 hours ahead: not yet
    tab = worklists_tab
    tab.load()
    tab.ui.lists_tabs.setCurrentIndex(INTAKE)
    tab.focus_main()
    page = tab.pages[INTAKE]
    assert tab.ui.lists_tabs.tabText(INTAKE) == "Intake forms (1)"
    assert shown_ids(page) == [visit.id] and current_id(page) == visit.id
    assert column(page, "visit") == ["Thu 03/05 9:00 AM"] and column(page, "patient") == ["Ames, Ann"]
    assert column(page, "forms") == ["0 of 3 back"]
    assert column(page, "missing") == [", ".join(NEW_PATIENT)] and column(page, "due") == ["to send"]
    assert column(page, "next") == ["Overdue: Today 9:00 AM"]  # send by: 72 hours before the visit
    assert tab.ui.done_button.text() == "Mark forms… (Ctrl+D)"

    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)
    dialog = dialog_of(qtbot, IntakeMarkDialog)
    ui = dialog.ui
    table = ui.items_table
    assert focused() is table and table.currentRow() == 0
    assert [table.item(r, 0).text() for r in range(3)] == NEW_PATIENT
    assert [table.item(r, 1).text() for r in range(3)] == ["Not sent"] * 3
    assert ui.channel_combo.currentText() == "Portal"

    qtbot.keyClick(focused(), Qt.Key.Key_S, ALT)  # Registration sent by portal
    assert table.item(0, 1).text() == "Sent by portal" and table.item(0, 2).text() == "9:30 AM"
    type_keys(qtbot, Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_V, ALT)  # HIPAA reviewed before it came back: refused
    assert ui.item_error.isVisible()
    assert ui.item_error.text() == ("HIPAA acknowledgement: cannot be reviewed before it is received: "
                                    "mark it received first.")
    assert focused() is table and table.item(1, 1).text() == "Not sent"
    assert _states(services, visit)[1] == (FormState.NOT_SENT, None)

    qtbot.keyClick(focused(), Qt.Key.Key_R, ALT)
    assert not ui.item_error.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_V, ALT)
    assert table.item(1, 1).text() == "Reviewed"
    type_keys(qtbot, Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_B, ALT)  # the channel: a letter
    assert focused() is ui.channel_combo
    type_keys(qtbot, "L")
    assert ui.channel_combo.currentText() == "Letter"
    qtbot.keyClick(focused(), Qt.Key.Key_S, ALT)
    assert table.item(2, 1).text() == "Sent by letter" and focused() is table
    assert _states(services, visit) == [(FormState.SENT, Channel.PORTAL), (FormState.REVIEWED, None),
                                        (FormState.SENT, Channel.LETTER)]

    type_keys(qtbot, Qt.Key.Key_Return)  # done: every form sent or back, nothing due before Wednesday
    qtbot.waitUntil(lambda: no_dialog(IntakeMarkDialog))
    reactivate(qtbot, tab)
    assert shown_ids(page) == [] and tab.ui.lists_tabs.tabText(INTAKE) == "Intake forms"
    assert "Forms marked: Ames, Ann" in tab.ui.summary_label.text()


def test_a_packet_sent_and_not_back_a_day_ahead_is_to_chase(qtbot, services, clock, worklists_tab, desk):
    services.intake.set_packet("new", NEW_PATIENT)
    visit = _new_patient_visit(services, desk, THURSDAY, 9)
    for name in NEW_PATIENT:
        services.intake.mark(visit.id, name, FormState.SENT, channel=Channel.EMAIL)
    services.intake.mark(visit.id, "Registration", FormState.RECEIVED)
    clock.current = at(date(2026, 3, 4), 9, 30)  # Wednesday: the visit is 23.5 hours ahead
    tab = worklists_tab
    tab.load()
    page = tab.pages[INTAKE]
    assert shown_ids(page) == [visit.id]
    assert column(page, "due") == ["to chase"] and column(page, "forms") == ["1 of 3 back"]
    assert column(page, "missing") == ["HIPAA acknowledgement, Health history"]
    assert column(page, "next") == ["Overdue: Today 9:00 AM"]
