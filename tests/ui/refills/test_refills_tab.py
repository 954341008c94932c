"""Refill requests as a VMA works them in the Refills tab: from the form to the provider's
decision to pickup and close, each step time-stamped in the detail pane; the near- and past-due
ones standing out as the clock moves; a protocol failure shown as "Needs appointment" with why."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import answer_question, focused, reactivate, type_keys
from tests.ui.refills.support import (  # noqa: F401 - fixtures
    BMP,
    MONDAY,
    at,
    enter_request,
    open_request_form,
    refill_desk_fixture,
    refills_tab_fixture,
)
from vma_desk.core.refills import Decision, LabCheck, RefillStep
from vma_desk.core.rules.refills import DueState
from vma_desk.ui.refills.model import (
    COL_DUE,
    COL_DUE_STATE,
    COL_PATIENT,
    COL_STAGE,
    DUE_STATE_ROLE,
    NEAR_FILL,
    PAST_FILL,
    REQUEST_ROLE,
)
from vma_desk.ui.refills.steps import DecisionDialog, RecheckDialog, RouteDialog, WithdrawDialog

ENTER = Qt.Key.Key_Return
CTRL = Qt.KeyboardModifier.ControlModifier


def next_step(qtbot, tab) -> None:
    """Ctrl+Enter in the list: the selected request's next step."""
    reactivate(qtbot, tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, ENTER, CTRL)


def enabled_steps(tab) -> set[str]:
    ui = tab.ui
    buttons = (ui.route_button, ui.decision_button, ui.pharmacy_button, ui.patient_button, ui.pickup_button,
               ui.close_button, ui.recheck_button, ui.withdraw_button)
    return {b.text().replace("&", "") for b in buttons if b.isEnabled()}


def test_a_request_from_the_form_to_pickup_and_close(qtbot, services, clock, refills_tab, refill_desk):
    tab, desk = refills_tab, refill_desk
    dialog = open_request_form(qtbot, tab)
    ui = dialog.ui
    assert focused() is ui.source_combo
    ui.source_combo.setCurrentIndex(ui.source_combo.findText("Pharmacy fax"))
    ui.patient_picker.search_edit.setFocus()
    type_keys(qtbot, "Ames", ENTER)  # picks Ann and moves on
    assert focused() is ui.requested_by_edit
    assert ui.pharmacy_edit.text() == "Walgreens, N Clark St"  # her preferred pharmacy
    assert ui.prescriber_combo.currentText() == "Dana Lee, MD"  # the provider she saw last
    type_keys(qtbot, "Walgreens fax line")
    ui.medication_edit.setFocus()
    type_keys(qtbot, "Lisinopril")
    assert ui.labs_editor.names() == [BMP]  # the protocol's labs follow the medication
    ui.strength_edit.setText("10 mg")
    ui.quantity_edit.setText("90")
    ui.labs_editor.date_edit(BMP).set_value(date(2025, 11, 3))
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save_button.click()
    assert no_dialog(type(dialog))
    [saved] = services.refills.worklist()
    request = saved.request
    assert request.requested_by == "Walgreens fax line"
    assert request.labs == (LabCheck(BMP, 12, date(2025, 11, 3)),)

    # the new request is selected, checked, and shown with every field and its history
    assert tab.selected_request().id == request.id
    assert tab.proxy.index(0, COL_STAGE).data() == "To route"
    assert tab.proxy.index(0, COL_DUE).data() == "Today 5:00 PM"  # received 9:30, before noon
    assert tab.ui.check_label.text().startswith("Passed")
    assert "Kidney function (BMP) (every 12 months): last 11/03/2025" in tab.ui.check_label.text()
    assert ("Received Today 9:30 AM from pharmacy fax, requested by Walgreens fax line"
            in tab.ui.detail_label.text())
    assert "Received — Today 9:30 AM: Pharmacy fax (entered by tester@desk)" in tab.ui.timeline_label.text()
    assert "Chart checked — Today 9:30 AM: passed" in tab.ui.timeline_label.text()
    assert enabled_steps(tab) == {"Route to prescriber", "Re-check chart…", "Withdraw…"}

    clock.advance(timedelta(minutes=5))
    next_step(qtbot, tab)  # route
    assert tab.proxy.index(0, COL_STAGE).data() == "Waiting for provider"
    assert "Routed to prescriber — Today 9:35 AM: Dana Lee, MD" in tab.ui.timeline_label.text()
    assert enabled_steps(tab) == {"Record provider's decision…", "Re-check chart…", "Withdraw…"}

    clock.advance(timedelta(minutes=25))
    next_step(qtbot, tab)  # the decision is the provider's: a dialog records it
    decision = dialog_of(qtbot, DecisionDialog)
    assert "You only record it" in decision.ui.about_label.text()
    assert decision.ui.decided_by_combo.currentData() is None  # nobody chosen for the VMA
    decision.ui.approved_radio.setChecked(True)
    decision.ok_button.click()
    assert decision.ui.decided_by_error.isVisible()
    assert decision.ui.decided_by_error.text() == (
        "Decided by: a decision needs the name of the provider who made it.")
    assert decision.isVisible() and services.refills.get(request.id).decision is None
    decision.ui.decided_by_combo.setCurrentIndex(decision.ui.decided_by_combo.findData(desk.lee.id))
    with qtbot.waitSignal(decision.sig_saved):
        decision.ok_button.click()
    decided = services.refills.get(request.id)
    assert (decided.decision, decided.decided_by_id) == (Decision.APPROVED, desk.lee.id)
    assert tab.ui.decision_label.text() == "Approved by Dana Lee, MD, Today 10:00 AM"
    assert ("Decided — Today 10:00 AM: Approved by Dana Lee, MD (recorded by tester@desk)"
            in tab.ui.timeline_label.text())
    assert tab.proxy.index(0, COL_STAGE).data() == "To notify"
    assert enabled_steps(tab) == {"Pharmacy notified"}  # an approval reaches the pharmacy first

    for button, line in ((tab.ui.pharmacy_button, "Pharmacy notified — Today 10:10 AM"),
                         (tab.ui.patient_button, "Patient notified — Today 10:20 AM"),
                         (tab.ui.pickup_button, "Pickup confirmed — Today 10:30 AM"),
                         (tab.ui.close_button, "Closed — Today 10:40 AM")):
        clock.advance(timedelta(minutes=10))
        assert button.isEnabled()
        button.click()
        assert line in tab.ui.timeline_label.text()
    closed = services.refills.get(request.id)
    assert [e.step for e in closed.events] == list(RefillStep)
    assert tab.proxy.rowCount() == 0  # gone from the open list, its history still in the pane
    assert "Closed: Lisinopril 10 mg for Ames, Ann" in tab.ui.summary_label.text()
    assert tab.ui.detail_title.text() == "Ames, Ann · Lisinopril 10 mg · Closed"
    assert enabled_steps(tab) == set()
    tab.ui.filter_combo.setCurrentIndex(tab.ui.filter_combo.findText("Closed today"))
    assert tab.proxy.rowCount() == 1
    assert tab.proxy.index(0, 0).data(REQUEST_ROLE).id == request.id


def test_a_protocol_failure_shows_needs_appointment_with_its_reasons(qtbot, services, refills_tab,
                                                                      refill_desk):
    tab, desk = refills_tab, refill_desk
    enter_request(desk)  # Ann: meets the protocol
    bob = enter_request(desk, desk.bob, medication="Metformin", strength="500 mg", labs=())
    tab.load(select_id=bob.id)
    stage = tab.view.currentIndex().siblingAtColumn(COL_STAGE)
    assert tab.proxy.index(stage.row(), COL_PATIENT).data() == "Birch, Bob"
    assert stage.data() == "Needs appointment"
    assert stage.data(Qt.ItemDataRole.FontRole).bold()
    tip = stage.data(Qt.ItemDataRole.ToolTipRole)
    assert "Needs appointment:\n• no visit with Dana Lee, MD in 12 months (last 06/01/2024)" in tip
    check = tab.ui.check_label.text()
    assert check.startswith("Needs appointment:\n• no visit with Dana Lee, MD in 12 months (last 06/01/2024)")
    assert "• A1c required every 6 months: no result on record" in check
    assert "• A1c (every 6 months): no result on record" in check
    assert "Chart checked — Today 9:30 AM: needs appointment" in tab.ui.timeline_label.text()
    # the filter keeps only the requests that need an appointment
    tab.ui.filter_combo.setCurrentIndex(tab.ui.filter_combo.findText("Needs appointment"))
    assert [tab.proxy.index(r, COL_PATIENT).data() for r in range(tab.proxy.rowCount())] == ["Birch, Bob"]

    # the VMA finds the labs in the chart: the labs no longer fail, the missing visit still does
    tab.ui.recheck_button.click()
    recheck = dialog_of(qtbot, RecheckDialog)
    assert recheck.ui.labs_editor.names() == ["A1c", BMP]
    recheck.ui.labs_editor.date_edit("A1c").set_value(date(2026, 1, 10))
    recheck.ui.labs_editor.date_edit(BMP).set_value(date(2026, 1, 10))
    with qtbot.waitSignal(recheck.sig_saved):
        recheck.ok_button.click()
    check = tab.ui.check_label.text()
    assert check.startswith("Needs appointment:\n• no visit with Dana Lee, MD")
    assert "A1c required" not in check and "• A1c (every 6 months): last 01/10/2026" in check
    assert "Chart checked — Today 9:30 AM: re-checked: needs appointment" in tab.ui.timeline_label.text()
    assert "Chart re-checked: Metformin 500 mg for Birch, Bob" in tab.ui.summary_label.text()


def test_near_and_past_due_rows_and_the_badge_follow_the_clock(qtbot, services, clock, refills_tab,
                                                               refill_desk):
    tab, desk = refills_tab, refill_desk
    early = enter_request(desk, received_at=at(MONDAY, 9))  # before noon: due today 5:00 PM
    clock.advance(timedelta(hours=3))  # 12:30
    late = enter_request(desk, desk.bob, received_at=at(MONDAY, 12, 30))  # due tomorrow 5:00 PM
    tab.load(select_id=early.id)
    assert [tab.proxy.index(r, COL_DUE).data() for r in range(2)] == ["Today 5:00 PM", "Tomorrow 5:00 PM"]
    assert [tab.proxy.index(r, COL_DUE_STATE).data() for r in range(2)] == ["On time", "On time"]
    assert tab.proxy.index(0, COL_DUE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert tab.title() == "Refills" and tab.attention_count() == 0

    clock.advance(timedelta(hours=3))  # 15:30: an hour and a half left on the early one
    with qtbot.waitSignal(tab.sig_badge_changed) as changed:
        tab.refresh()  # what the 30 s timer does; the services are not asked again
    assert changed.args == [1]
    assert tab.title() == "Refills (1 near due)"
    index = tab.proxy.index(0, COL_DUE_STATE)
    assert (index.data(REQUEST_ROLE).id, index.data(), index.data(DUE_STATE_ROLE)) == (
        early.id, "Near due", DueState.NEAR_DUE)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == NEAR_FILL
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    font = index.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert tab.ui.due_label.text() == "⚠ Due Today 5:00 PM — Near due: 1 h 30 min left"
    assert tab.proxy.index(1, COL_DUE_STATE).data() == "On time"

    clock.advance(timedelta(hours=2))  # 17:30: late
    with qtbot.waitSignal(tab.sig_badge_changed) as changed:
        tab.refresh()  # still one needing attention, now late: the badge says so
    assert changed.args == [1]
    assert tab.title() == "Refills (1 past due)"
    assert tab.proxy.index(0, COL_DUE_STATE).data() == "Past due"
    assert tab.proxy.index(0, COL_DUE).data(Qt.ItemDataRole.BackgroundRole).color() == PAST_FILL
    assert tab.ui.due_label.text() == "⚠ Due Today 5:00 PM — Past due 30 min"
    assert "1 past due · 0 near due" in tab.ui.summary_label.text()
    tab.ui.filter_combo.setCurrentIndex(tab.ui.filter_combo.findText("Near or past due"))
    assert tab.proxy.rowCount() == 1 and tab.proxy.index(0, 0).data(REQUEST_ROLE).id == early.id

    # the clock stops once the pharmacy is told
    tab.ui.filter_combo.setCurrentIndex(tab.ui.filter_combo.findText("All open"))
    services.refills.route(early.id)
    services.refills.record_decision(early.id, Decision.APPROVED, decided_by_id=desk.lee.id)
    tab.load(select_id=early.id)
    tab.ui.pharmacy_button.click()
    assert tab.title() == "Refills" and tab.attention_count() == 0
    assert tab.ui.due_label.text() == "Due Today 5:00 PM — the clock stopped when the pharmacy was told."
    assert late.id in [tab.proxy.index(r, 0).data(REQUEST_ROLE).id for r in range(tab.proxy.rowCount())]


def test_withdrawing_before_a_decision_needs_a_reason(qtbot, services, refills_tab, refill_desk):
    tab = refills_tab
    other = enter_request(refill_desk, refill_desk.bob, received_at=at(MONDAY, 8))
    request = enter_request(refill_desk)
    tab.load(select_id=request.id)
    assert not tab.ui.close_button.isEnabled()  # closing before a decision is a withdrawal
    reactivate(qtbot, tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    dialog = dialog_of(qtbot, WithdrawDialog)
    assert focused() is dialog.ui.reason_edit
    qtbot.keyClick(dialog.ui.reason_edit, ENTER)
    assert dialog.ui.reason_error.isVisible()
    assert dialog.ui.reason_error.text().startswith("Reason: say why the request is closed before a decision")
    assert services.refills.get(request.id).is_open
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, "Duplicate of the e-request", ENTER)
    assert not services.refills.get(request.id).is_open
    timeline = tab.ui.timeline_label.text()
    assert "Closed — Today 9:30 AM: Duplicate of the e-request (by tester@desk)" in timeline
    assert tab.ui.detail_title.text() == "Ames, Ann · Lisinopril 10 mg · Closed"
    assert not tab.view.selectionModel().hasSelection()  # the pane is not about a listed row
    assert tab.proxy.rowCount() == 1
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.view.visualRect(tab.proxy.index(0, COL_PATIENT)).center())
    assert tab.selected_request().id == other.id
    assert tab.ui.detail_title.text().startswith("Birch, Bob")


def test_closing_an_approved_request_without_pickup_asks_first(qtbot, services, refills_tab, refill_desk):
    tab, desk = refills_tab, refill_desk
    request = enter_request(desk)
    services.refills.route(request.id)
    services.refills.record_decision(request.id, Decision.APPROVED, decided_by_id=desk.lee.id)
    services.refills.advance(request.id, RefillStep.PHARMACY_NOTIFIED)
    services.refills.advance(request.id, RefillStep.PATIENT_NOTIFIED)
    tab.load(select_id=request.id)
    assert tab.proxy.index(0, COL_STAGE).data() == "Awaiting pickup"
    assert tab.ui.pickup_button.isDefault()
    seen: list[str] = []
    answer_question("Keep it open", seen)
    tab.ui.close_button.click()
    assert seen == ["Close the request for Lisinopril 10 mg for Ames, Ann without a confirmed pickup?"]
    assert services.refills.get(request.id).is_open
    answer_question("Close it", seen)
    tab.ui.close_button.click()
    assert not services.refills.get(request.id).is_open


def test_the_refill_models_pass_the_model_tester(qtmodeltester, services, clock, refills_tab, refill_desk):
    enter_request(refill_desk)
    enter_request(refill_desk, refill_desk.bob, medication="Metformin", labs=())
    refills_tab.load()
    clock.advance(timedelta(hours=9))
    refills_tab.refresh()
    qtmodeltester.check(refills_tab.model, force_py=True)
    qtmodeltester.check(refills_tab.proxy, force_py=True)


def test_holding_ctrl_enter_takes_one_step_only(qtbot, services, refills_tab, refill_desk):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    request = enter_request(refill_desk)
    services.refills.route(request.id)
    services.refills.record_decision(request.id, Decision.APPROVED, decided_by_id=refill_desk.lee.id)
    tab = refills_tab
    tab.load(request.id)
    next_step(qtbot, tab)  # one press: pharmacy notified
    for _ in range(4):  # the key held down: auto-repeated presses
        QApplication.sendEvent(tab.view, QKeyEvent(QEvent.Type.KeyPress, ENTER, CTRL, "", True))
    assert services.refills.get(request.id).step is RefillStep.PHARMACY_NOTIFIED


def test_a_request_can_go_to_a_covering_provider(qtbot, services, refills_tab, refill_desk):
    request = enter_request(refill_desk)  # Dr Lee prescribes
    tab = refills_tab
    tab.load(request.id)
    assert tab.ui.route_other_button.isEnabled()
    qtbot.mouseClick(tab.ui.route_other_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(qtbot, RouteDialog)
    combo = dialog.ui.provider_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [refill_desk.roe.id]  # not the prescriber
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.ok_button.click()
    routed = services.refills.get(request.id)
    assert routed.step is RefillStep.ROUTED and routed.prescriber_id == refill_desk.roe.id
    timeline = tab.ui.timeline_label.text()
    assert "Routed to prescriber" in timeline and "Sam Roe, DO" in timeline
    assert not tab.ui.route_other_button.isEnabled()  # routed: the decision comes next
