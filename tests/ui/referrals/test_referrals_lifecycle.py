"""A referral from the form to the closed loop, as a VMA works it: started with Ctrl+N, sent, its
specialist visit booked, seen, the report back, closed; each step time-stamped with who in the
detail pane. Closing without the report needs an override reason, and an HMO patient's visit
needs the authorisation number first: both refusals are shown where the VMA looks."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTime

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import focused, type_keys
from tests.ui.referrals.support import (  # noqa: F401 - fixtures
    CHICAGO,
    office_fixture,
    open_referral_form,
    press,
    refer,
    referrals_tab_fixture,
)
from vma_desk.core.referrals import ReferralState
from vma_desk.ui.referrals.dialog import ReferralDialog
from vma_desk.ui.referrals.model import COL_DAYS, COL_STATE, ENTRY_ROLE
from vma_desk.ui.referrals.moves import MoveDialog

ENTER = Qt.Key.Key_Return
TAB = Qt.Key.Key_Tab


def row_of(tab, referral_id: int) -> int:
    return next(r for r in range(tab.referral_proxy.rowCount())
                if tab.referral_proxy.index(r, 0).data(ENTRY_ROLE).referral.id == referral_id)


def next_step(qtbot, tab) -> None:
    press(qtbot, tab, tab.referral_view, ENTER)  # Ctrl+Enter


def test_a_referral_runs_from_the_form_to_the_closed_loop(qtbot, services, clock, referrals_tab, office):
    tab = referrals_tab
    dialog = open_referral_form(qtbot, tab)
    ui = dialog.ui
    assert focused() is ui.patient_picker.search_edit
    type_keys(qtbot, "birch")
    qtbot.waitUntil(lambda: ui.patient_picker.results.rowCount() == 1)
    type_keys(qtbot, ENTER)
    assert ui.insurance_label.text() == "Aetna · PPO: no referral authorisation needed"
    assert focused() is ui.provider_combo and ui.provider_combo.currentText() == "Dana Lee, MD"
    type_keys(qtbot, TAB, "Cardiology", TAB, "Heart Partners", TAB, "312.555.0199", TAB)
    assert ui.contact_edit.text() == "(312) 555-0199"  # formatted once typed
    type_keys(qtbot, "Urg", TAB, "Abnormal stress test")
    dialog.records["Referral letter"].click()
    dialog.records["Office notes"].click()
    ui.reason_edit.setFocus()
    with qtbot.waitSignal(dialog.sig_saved):
        qtbot.keyClick(ui.reason_edit, ENTER, Qt.KeyboardModifier.ControlModifier)
    assert no_dialog(ReferralDialog)
    [saved] = services.referrals.for_patient(office.bob.id)
    assert (saved.specialty, saved.specialist_office, saved.specialist_contact, saved.urgency.value) == (
        "Cardiology", "Heart Partners", "+13125550199", "urgent")
    assert saved.records_sent == {"Referral letter", "Office notes"}
    assert tab.selected_referral().id == saved.id
    assert tab.ui.referral_title.text() == "Birch, Bob · Cardiology · Draft"
    assert "☑ Referral letter" in tab.ui.records_label.text()
    assert "☐ Lab results" in tab.ui.records_label.text()
    assert tab.ui.history_label.text() == "Draft — 9:30 AM by tester@desk: created"
    assert tab.ui.send_button.isVisible() and tab.ui.send_button.isDefault()
    assert not tab.ui.seen_button.isVisible()  # only the moves a draft allows are offered

    clock.advance(timedelta(days=1))
    next_step(qtbot, tab)  # Send
    history = tab.ui.history_label.text()
    assert "Sent — 9:30 AM by tester@desk" in history
    assert "Draft — Mon 03/02 9:30 AM by tester@desk: created" in history
    row = row_of(tab, saved.id)
    assert tab.referral_proxy.index(row, COL_STATE).data() == "Sent"
    assert tab.referral_proxy.index(row, COL_DAYS).data() == "today"

    clock.advance(timedelta(hours=2))
    next_step(qtbot, tab)  # the next step asks for the specialist visit
    move = dialog_of(qtbot, MoveDialog)
    assert move.ui.zone_label.text() == "America/Chicago (CST)"
    move.ui.appointment_date_edit.set_value(date(2026, 3, 20))
    move.ui.appointment_time_edit.setTime(QTime(14, 0))
    with qtbot.waitSignal(move.sig_moved):
        move.action_button.click()
    scheduled = services.referrals.get(saved.id)
    assert scheduled.appointment_at.astimezone(CHICAGO).strftime("%m/%d %H:%M") == "03/20 14:00"
    assert "Specialist appointment: Fri 03/20 2:00 PM" in tab.ui.referral_detail_label.text()
    assert ("Appointment scheduled — 11:30 AM by tester@desk: specialist visit Fri 03/20/2026 2:00 PM"
            in tab.ui.history_label.text())

    # summer time began on 03/08: the same UTC hour is 12:30 on the practice's clock now
    for days, step, state in ((18, tab.ui.seen_button.click, "Seen"),
                              (6, lambda: next_step(qtbot, tab), "Report received")):
        clock.advance(timedelta(days=days))
        step()
        assert tab.referral_proxy.index(row_of(tab, saved.id), COL_STATE).data() == state
        assert f"{state} — 12:30 PM by tester@desk" in tab.ui.history_label.text()
    assert tab.ui.close_button.isDefault()
    assert not tab.ui.override_close_button.isVisible()  # the report is back: an ordinary close
    clock.advance(timedelta(minutes=5))
    tab.ui.close_button.click()
    closed = services.referrals.get(saved.id)
    assert closed.state is ReferralState.CLOSED
    assert [e.state for e in closed.events] == ["draft", "sent", "scheduled", "seen", "report_received",
                                                "closed"]
    assert tab.referral_proxy.rowCount() == 0  # the loop is closed: it leaves the open list
    assert tab.ui.referral_title.text() == "Birch, Bob · Cardiology · Closed"  # its history stays in view
    assert "Closed — 12:35 PM by tester@desk" in tab.ui.history_label.text()
    assert "Closed: Birch, Bob's Cardiology referral" in tab.ui.summary_label.text()


def test_closing_without_a_report_needs_an_override_reason(qtbot, services, referrals_tab, office):
    referral = refer(office, office.bob)
    services.referrals.move(referral.id, ReferralState.SENT)
    tab = referrals_tab
    tab.load(select_referral=referral.id)
    assert not tab.ui.close_button.isVisible()  # no report yet: no ordinary close
    tab.ui.override_close_button.click()
    dialog = dialog_of(qtbot, MoveDialog)
    assert "No consult report has been received" in dialog.ui.explain_label.text()
    dialog.action_button.click()
    assert dialog.ui.note_error.isVisible()
    assert dialog.ui.note_error.text() == ("Override reason: no consult report has been received: "
                                           "give an override reason to close anyway.")
    assert dialog.isVisible()
    assert services.referrals.get(referral.id).state is ReferralState.SENT
    dialog.ui.note_edit.setFocus()
    type_keys(qtbot, "Patient moved out of state")
    with qtbot.waitSignal(dialog.sig_moved):
        dialog.action_button.click()
    assert services.referrals.get(referral.id).state is ReferralState.CLOSED
    assert ("Closed — 9:30 AM by tester@desk: closed without a consult report: Patient moved out of state"
            in tab.ui.history_label.text())
    assert services.audit.page()[0].detail == "state: closed; override"


def test_cancelling_asks_why_and_keep_referral_leaves_it_as_it_was(qtbot, services, referrals_tab, office):
    referral = refer(office, office.bob)
    tab = referrals_tab
    tab.load(select_referral=referral.id)
    tab.ui.cancel_button.click()
    dialog = dialog_of(qtbot, MoveDialog)
    assert dialog.ui.button_box.button(dialog.ui.button_box.StandardButton.Cancel).text() == "&Keep referral"
    dialog.action_button.click()
    assert dialog.ui.note_error.text() == "Reason: say why the referral was cancelled."
    dialog.ui.button_box.button(dialog.ui.button_box.StandardButton.Cancel).click()  # keep it
    assert no_dialog(MoveDialog)
    assert services.referrals.get(referral.id).state is ReferralState.DRAFT


def test_an_hmo_patients_visit_needs_the_authorisation_number_first(qtbot, services, referrals_tab, office):
    referral = refer(office, office.ann)  # Blue Cross HMO
    services.referrals.move(referral.id, ReferralState.SENT)
    tab = referrals_tab
    tab.load(select_referral=referral.id)
    assert "Authorisation: required by the patient's plan, none yet" in tab.ui.referral_detail_label.text()
    next_step(qtbot, tab)
    dialog = dialog_of(qtbot, MoveDialog)
    assert "needs a referral authorisation number" in dialog.ui.explain_label.text()
    dialog.ui.appointment_date_edit.set_value(date(2026, 3, 20))
    dialog.action_button.click()
    assert dialog.ui.form_error_label.isVisible()
    assert dialog.ui.form_error_label.text() == (
        "Authorisation number: the patient's plan needs a referral authorisation number before the "
        "specialist visit. Add it with Edit… (Ctrl+E), then try again.")
    assert services.referrals.get(referral.id).state is ReferralState.SENT
    dialog.reject()

    press(qtbot, tab, tab.referral_view, Qt.Key.Key_E)  # Ctrl+E: the referral's details
    edit = dialog_of(qtbot, ReferralDialog)
    assert edit.windowTitle() == "Edit referral"
    assert edit.ui.insurance_label.text() == "Blue Cross · HMO: referral authorisation required"
    assert edit.ui.patient_fixed_label.text() == "Ames, Ann"
    edit.ui.auth_number_edit.setText("AUTH-77")
    edit.ui.auth_until_edit.set_value(date(2026, 4, 30))
    with qtbot.waitSignal(edit.sig_saved):
        edit.save_button.click()
    next_step(qtbot, tab)
    dialog = dialog_of(qtbot, MoveDialog)
    assert not dialog.ui.explain_label.isVisible()
    dialog.ui.appointment_date_edit.set_value(date(2026, 3, 20))
    with qtbot.waitSignal(dialog.sig_moved):
        dialog.action_button.click()
    assert services.referrals.get(referral.id).state is ReferralState.SCHEDULED
    assert "Authorisation: AUTH-77, valid until 04/30/2026" in tab.ui.referral_detail_label.text()


def test_sending_without_records_says_what_to_tick(qtbot, services, referrals_tab, office):
    referral = refer(office, office.bob, records_sent=frozenset())
    tab = referrals_tab
    tab.load(select_referral=referral.id)
    tab.ui.send_button.click()
    assert tab.ui.move_error_label.isVisible()
    assert tab.ui.move_error_label.text() == ("Records sent: tick the records sent with the referral. "
                                              "Tick them with Edit… (Ctrl+E), then try again.")
    assert services.referrals.get(referral.id).state is ReferralState.DRAFT
