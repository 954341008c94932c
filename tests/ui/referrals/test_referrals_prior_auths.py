"""Prior authorisations in their own list: recorded with the payer from the patient's insurance and
a follow-up date by the practice's rule, then the payer's answer: an approval needs its number and
dates, a denial its reason (refused beside the field, nothing saved); each status time-stamped."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import focused, type_keys
from tests.ui.referrals.support import (  # noqa: F401 - fixtures
    office_fixture,
    press,
    referrals_tab_fixture,
    submit_auth,
)
from vma_desk.core.referrals import PriorAuthKind, PriorAuthStatus
from vma_desk.ui.referrals.auth_dialog import PriorAuthDialog
from vma_desk.ui.referrals.model import AUTH_FOLLOW_UP, AUTH_SERVICE, AUTH_STATUS, AUTH_VALIDITY

ENTER = Qt.Key.Key_Return


def open_update(qtbot, tab, auth) -> PriorAuthDialog:
    tab.ui.lists_tabs.setCurrentIndex(1)
    assert tab.select_auth(auth.id)
    press(qtbot, tab, tab.auth_view, Qt.Key.Key_E)  # Ctrl+E
    return dialog_of(qtbot, PriorAuthDialog)


def test_record_a_prior_authorisation_from_the_keyboard(qtbot, services, referrals_tab, office):
    tab = referrals_tab
    tab.ui.lists_tabs.setCurrentIndex(1)
    press(qtbot, tab, tab.auth_view, Qt.Key.Key_N)  # Ctrl+N in this list: a prior authorisation
    dialog = dialog_of(qtbot, PriorAuthDialog)
    ui = dialog.ui
    assert not ui.answer_box.isVisible()  # the answer comes later
    assert ui.submitted_edit.value() == date(2026, 3, 2)  # today
    assert ui.follow_up_edit.value() == date(2026, 3, 9)  # 03/07 is a Saturday: the practice's follow-up rule
    assert focused() is ui.patient_picker.search_edit
    type_keys(qtbot, "ames")
    qtbot.waitUntil(lambda: ui.patient_picker.results.rowCount() == 1)
    type_keys(qtbot, ENTER)
    assert ui.payer_edit.text() == "Blue Cross"  # from the patient's insurance
    assert focused() is ui.kind_combo
    type_keys(qtbot, "Med", Qt.Key.Key_Tab, Qt.Key.Key_Tab, "Humira 40 mg")
    ui.submitted_edit.set_value(date(2026, 2, 27))
    assert ui.follow_up_edit.value() == date(2026, 3, 4)  # follows the submitted date
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, ENTER)
    assert no_dialog(PriorAuthDialog)
    [auth] = services.referrals.prior_auths_for_patient(office.ann.id)
    assert (auth.kind, auth.payer, auth.service, auth.status) == (
        PriorAuthKind.MEDICATION, "Blue Cross", "Humira 40 mg", PriorAuthStatus.PENDING)
    assert tab.auth_proxy.index(0, AUTH_SERVICE).data() == "Medication: Humira 40 mg"
    assert tab.auth_proxy.index(0, AUTH_FOLLOW_UP).data() == "03/04/2026"
    assert tab.ui.auth_history_label.text() == "Pending — 9:30 AM by tester@desk: submitted"


def test_an_approval_needs_the_number_and_its_dates(qtbot, services, referrals_tab, office):
    auth = submit_auth(office, office.ann)
    tab = referrals_tab
    tab.load()
    dialog = open_update(qtbot, tab, auth)
    ui = dialog.ui
    assert dialog.windowTitle() == "Update prior authorisation"
    assert ui.patient_fixed_label.text() == "Ames, Ann"
    assert [ui.status_combo.itemText(i) for i in range(ui.status_combo.count())] == [
        "Pending", "Approved", "Denied", "Withdrawn"]
    assert not ui.number_edit.isEnabled()
    ui.status_combo.setCurrentIndex(ui.status_combo.findText("Approved"))
    assert ui.number_edit.isEnabled() and ui.note_edit.isEnabled()
    dialog.save_button.click()
    assert ui.number_error.isVisible()
    assert ui.number_error.text() == ("Authorisation number: an approval needs the payer's authorisation "
                                      "number.")
    assert focused() is ui.number_edit
    assert services.referrals.get_prior_auth(auth.id).status is PriorAuthStatus.PENDING
    type_keys(qtbot, "PA-5521")
    dialog.save_button.click()
    assert ui.valid_until_error.text() == "Valid until: an approval needs the dates it is valid."
    assert not ui.number_error.isVisible()
    ui.valid_until_edit.set_value(date(2026, 3, 31))
    ui.note_edit.setText("spoke to Kim at Blue Cross")
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save_button.click()
    approved = services.referrals.get_prior_auth(auth.id)
    assert (approved.status, approved.auth_number, approved.valid_from, approved.valid_until) == (
        PriorAuthStatus.APPROVED, "PA-5521", date(2026, 3, 2), date(2026, 3, 31))
    assert tab.auth_proxy.index(0, AUTH_STATUS).data() == "Approved"
    assert tab.auth_proxy.index(0, AUTH_VALIDITY).data() == "PA-5521 · 03/31/2026"
    assert ("Approved — 9:30 AM by tester@desk: spoke to Kim at Blue Cross"
            in tab.ui.auth_history_label.text())


def test_a_denial_needs_its_reason_and_an_appeal_waits_again(qtbot, services, referrals_tab, office):
    auth = submit_auth(office, office.ann)
    tab = referrals_tab
    tab.load()
    dialog = open_update(qtbot, tab, auth)
    ui = dialog.ui
    ui.status_combo.setCurrentIndex(ui.status_combo.findText("Denied"))
    dialog.save_button.click()
    assert ui.denial_error.text() == "Denial reason: say why the payer denied it."
    ui.denial_edit.setText("not medically necessary")
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save_button.click()
    assert "Denial reason: not medically necessary" in tab.ui.auth_detail_label.text()
    dialog = open_update(qtbot, tab, services.referrals.get_prior_auth(auth.id))
    ui = dialog.ui
    ui.status_combo.setCurrentIndex(ui.status_combo.findText("Under appeal"))
    assert ui.follow_up_edit.value() == date(2026, 3, 9)  # the appeal gets its own follow-up
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save_button.click()
    appealed = services.referrals.get_prior_auth(auth.id)
    assert [e.state for e in appealed.events] == ["pending", "denied", "appeal"]
    assert appealed.follow_up_on == date(2026, 3, 9)
