"""Issue 12, items 12 and 15: every authorisation that can run out is watched (units or visits
used recorded in the prior-auth dialog and flagged when nearly used up; a procedure's approval
flagged as it ends until the service is done or a renewal submitted), and a referral's "patient
told" step, recorded from the keyboard with how, who and when. Driven with keys as a VMA would."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import focused, type_keys
from tests.ui.referrals.support import (  # noqa: F401 - fixtures
    office_fixture,
    press,
    refer,
    referrals_tab_fixture,
    submit_auth,
)
from vma_desk.core.referrals import PriorAuthKind, PriorAuthStatus, ReferralState
from vma_desk.ui.referrals.auth_dialog import PriorAuthDialog
from vma_desk.ui.referrals.model import AUTH_FLAGS, COL_FLAGS
from vma_desk.ui.referrals.told_dialog import PatientToldDialog

ENTER = Qt.Key.Key_Return
TAB = Qt.Key.Key_Tab
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def approve(office, auth, **fields):
    values = dict(status=PriorAuthStatus.APPROVED, auth_number="PA-88", valid_from=date(2026, 2, 20),
                  valid_until=date(2026, 6, 30))
    values.update(fields)
    approved, _ = office.services.referrals.update_prior_auth(replace(auth, **values))
    return approved


def open_update(qtbot, tab, auth) -> PriorAuthDialog:
    tab.ui.lists_tabs.setCurrentIndex(1)
    assert tab.select_auth(auth.id)
    press(qtbot, tab, tab.auth_view, Qt.Key.Key_E)  # Ctrl+E
    return dialog_of(qtbot, PriorAuthDialog)


def test_visits_used_are_recorded_in_the_dialog_and_flagged_when_nearly_used_up(
        qtbot, services, referrals_tab, office):
    submitted = submit_auth(office, office.ann, service="Physical therapy", submitted_on=date(2026, 2, 16),
                            follow_up_on=date(2026, 2, 23))
    auth = approve(office, submitted, units_authorised=10, unit_label="visits")
    tab = referrals_tab
    tab.load()
    assert tab.auth_proxy.index(0, AUTH_FLAGS).data() == ""
    dialog = open_update(qtbot, tab, auth)
    ui = dialog.ui
    assert (ui.units_spin.value(), ui.unit_combo.currentText(), ui.used_spin.value()) == (10, "visits", 0)
    assert ui.used_spin.isEnabled()
    ui.used_spin.setFocus()
    type_keys(qtbot, Qt.Key.Key_Backspace, "12")  # more than authorised: refused beside the field
    type_keys(qtbot, ENTER)
    assert ui.units_used_error.isVisible()
    assert ui.units_used_error.text() == ("Used so far is more than the 10 visits authorised: ask the payer "
                                          "for more first.")
    assert services.referrals.get_prior_auth(auth.id).units_used == 0
    assert focused() is ui.used_spin
    qtbot.keyClick(ui.used_spin, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "9")
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, ENTER)
    assert no_dialog(PriorAuthDialog)
    assert services.referrals.get_prior_auth(auth.id).units_used == 9
    assert tab.auth_proxy.index(0, AUTH_FLAGS).data() == "Visits nearly used up"
    assert tab.ui.auth_flags_label.text() == "Visits nearly used up: 9 of 10 visits used"
    assert "Authorised for 10 visits: 9 used" in tab.ui.auth_detail_label.text()
    assert "Approved — 9:30 AM by tester@desk: 9 of 10 visits used" in tab.ui.auth_history_label.text()
    entry = services.audit.page()[0]
    assert (entry.user, entry.record_type, entry.detail) == (
        "tester@desk", "prior_auth", "fields: units_used")


def test_an_imaging_approval_ending_soon_is_flagged_until_the_service_is_recorded_done(
        qtbot, services, referrals_tab, office):
    auth = approve(office, submit_auth(office, office.ann, kind=PriorAuthKind.IMAGING, service="MRI brain",
                                       submitted_on=date(2026, 2, 16), follow_up_on=date(2026, 2, 23)),
                   valid_until=date(2026, 3, 12))
    tab = referrals_tab
    tab.load()
    assert tab.auth_proxy.index(0, AUTH_FLAGS).data() == "Authorisation expiring"
    dialog = open_update(qtbot, tab, auth)
    ui = dialog.ui
    assert ui.done_edit.isEnabled() and not ui.used_spin.isEnabled()  # not limited by count
    ui.done_edit.setFocus()
    type_keys(qtbot, "03022026")
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, ENTER)
    assert services.referrals.get_prior_auth(auth.id).service_done_on == date(2026, 3, 2)
    assert tab.auth_proxy.index(0, AUTH_FLAGS).data() == ""
    assert not tab.ui.auth_flags_label.isVisible()
    assert "Service done: 03/02/2026" in tab.ui.auth_detail_label.text()
    assert "Service done — 9:30 AM by tester@desk: done 03/02/2026" in tab.ui.auth_history_label.text()


def test_a_renewal_submitted_with_ctrl_r_stops_the_old_approval_s_flag(
        qtbot, services, referrals_tab, office):
    old = approve(office, submit_auth(office, office.ann, submitted_on=date(2026, 2, 16),
                                      follow_up_on=date(2026, 2, 23)), valid_until=date(2026, 3, 12))
    tab = referrals_tab
    tab.load()
    tab.ui.lists_tabs.setCurrentIndex(1)
    assert tab.select_auth(old.id)
    assert "Authorisation expiring 03/12/2026" in tab.ui.auth_flags_label.text()
    press(qtbot, tab, tab.auth_view, Qt.Key.Key_R)  # Ctrl+R
    dialog = dialog_of(qtbot, PriorAuthDialog)
    assert dialog.windowTitle() == "Renew prior authorisation"
    assert (dialog.ui.payer_edit.text(), dialog.ui.service_edit.text()) == ("Blue Cross", "Cardiac MRI")
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save_button.click()
    renewals = [a for a in services.referrals.prior_auths_for_patient(office.ann.id)
                if a.renewal_of == old.id]
    assert len(renewals) == 1 and renewals[0].status is PriorAuthStatus.PENDING
    assert tab.select_auth(old.id)
    assert not tab.ui.auth_flags_label.isVisible()


def test_mark_the_patient_told_and_see_the_history_line_and_the_flag_gone(
        qtbot, services, clock, referrals_tab, office):
    referral = refer(office, office.bob)
    services.referrals.move(referral.id, ReferralState.SENT)
    services.referrals.move(referral.id, ReferralState.SCHEDULED,
                            appointment_at=datetime(2026, 3, 12, 15, 0, tzinfo=UTC))
    tab = referrals_tab
    tab.load()
    assert tab.select_referral(referral.id)
    assert tab.referral_proxy.index(0, COL_FLAGS).data() == "Patient not told"
    assert tab.ui.referral_flags_label.text().startswith("Patient not told")
    assert "Patient told: not yet" in tab.ui.referral_detail_label.text()
    press(qtbot, tab, tab.referral_view, Qt.Key.Key_T, CTRL_SHIFT)
    dialog = dialog_of(qtbot, PatientToldDialog)
    ui = dialog.ui
    assert focused() is ui.how_combo
    assert ui.who_edit.text() == "tester@desk"
    assert ui.when_date_edit.value() == date(2026, 3, 2)
    type_keys(qtbot, "Por")  # the portal
    assert ui.how_combo.currentText() == "Portal"
    with qtbot.waitSignal(dialog.sig_told):
        type_keys(qtbot, ENTER)
    assert no_dialog(PatientToldDialog)
    told = services.referrals.get(referral.id)
    assert (told.patient_told_how, told.patient_told_by) == ("portal", "tester@desk")
    assert tab.referral_proxy.index(0, COL_FLAGS).data() == ""
    assert not tab.ui.referral_flags_label.isVisible()
    assert "Patient told — 9:30 AM by tester@desk: through the portal" in tab.ui.history_label.text()
    assert "Patient told: 9:30 AM through the portal, by tester@desk" in tab.ui.referral_detail_label.text()
    entry = services.audit.page()[0]
    assert (entry.user, entry.record_type, entry.detail) == (
        "tester@desk", "referral", "step: patient_told; how")


def test_telling_the_patient_at_a_time_in_the_future_is_refused_beside_the_field(
        qtbot, services, referrals_tab, office):
    referral = refer(office, office.bob)
    services.referrals.move(referral.id, ReferralState.SENT)
    tab = referrals_tab
    tab.load()
    assert tab.select_referral(referral.id)
    press(qtbot, tab, tab.referral_view, Qt.Key.Key_T, CTRL_SHIFT)
    dialog = dialog_of(qtbot, PatientToldDialog)
    ui = dialog.ui
    ui.when_date_edit.setFocus()
    type_keys(qtbot, "03052026")
    type_keys(qtbot, ENTER)
    assert ui.when_error.isVisible() and ui.when_error.text() == "When is in the future."
    assert services.referrals.get(referral.id).patient_told_at is None
    assert not no_dialog(PatientToldDialog)
