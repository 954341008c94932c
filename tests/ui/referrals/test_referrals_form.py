"""The referral form: bad input refused beside its field (nothing saved, nothing typed lost), the
patient's plan saying whether an authorisation is needed, and a referral started from a logged
call with the patient and the call's notes filled in, keeping the link."""

from __future__ import annotations

from datetime import date

import pytest

from tests.ui.comms_support import log_call
from tests.ui.referrals.support import (  # noqa: F401 - fixtures
    office_fixture,
    open_referral_form,
    referrals_tab_fixture,
)
from vma_desk.ui.referrals.dialog import ReferralDialog


def fill_good(dialog: ReferralDialog, office) -> None:
    ui = dialog.ui
    ui.patient_picker.set_patient(office.bob)
    ui.specialty_combo.setCurrentText("Dermatology")
    ui.office_edit.setText("Skin MD")
    ui.reason_edit.setPlainText("changing mole")
    dialog.records["Referral letter"].setChecked(True)


@pytest.mark.parametrize(("change", "error_label", "text"), [
    (lambda ui: ui.patient_picker.set_patient(None), "patient_error",
     "Patient: choose the patient."),
    (lambda ui: ui.specialty_combo.setCurrentText(""), "specialty_error", "Specialty is required."),
    (lambda ui: ui.office_edit.clear(), "office_error", "Specialist office is required."),
    (lambda ui: ui.contact_edit.setText("555-01"), "contact_error", "Contact number is not a valid phone"),
    (lambda ui: ui.reason_edit.clear(), "reason_error", "Reason is required."),
    (lambda ui: ui.auth_until_edit.set_value(date(2026, 4, 30)), "auth_number_error",
     "Authorisation number: enter the authorisation number that the date belongs to."),
])
def test_bad_input_is_shown_beside_its_field_and_nothing_is_saved(qtbot, services, referrals_tab, office,
                                                                   change, error_label, text):
    dialog = open_referral_form(qtbot, referrals_tab)
    fill_good(dialog, office)
    change(dialog.ui)
    dialog.save_button.click()
    label = getattr(dialog.ui, error_label)
    assert label.isVisible()
    assert label.text().startswith(text)
    assert dialog.isVisible()
    assert dialog.records["Referral letter"].isChecked()  # nothing typed is lost
    assert services.referrals.worklist() == []
    dialog.close()


def test_the_patients_plan_says_whether_an_authorisation_is_needed(qtbot, referrals_tab, office):
    dialog = open_referral_form(qtbot, referrals_tab)
    ui = dialog.ui
    assert not ui.insurance_label.isVisible()
    ui.patient_picker.set_patient(office.ann)
    ui.patient_picker.sig_patient_chosen.emit(office.ann.id)
    assert ui.insurance_label.isVisible()
    assert ui.insurance_label.text() == "Blue Cross · HMO: referral authorisation required"
    assert ui.auth_number_edit.placeholderText() == "Required by the patient's plan"
    assert [ui.urgency_combo.itemText(i) for i in range(ui.urgency_combo.count())] == [
        "Routine", "Urgent", "Stat"]
    assert list(dialog.records) == ["Referral letter", "Office notes", "Medication list", "Lab results",
                                    "Imaging", "Insurance card"]
    dialog.close()


def test_a_referral_started_from_a_call_is_filled_in_and_linked(qtbot, services, referrals_tab, office):
    call = log_call(services, office.ann, notes="asks for a dermatology referral for a changing mole")
    draft = services.referrals.draft_from_call(call.id)
    dialog = referrals_tab.open_new_referral(draft)
    ui = dialog.ui
    assert ui.source_label.text() == ("From the call of 9:20 AM with Ann Ames: the referral stays "
                                      "linked to it.")
    assert ui.patient_picker.patient_id() == office.ann.id
    assert ui.insurance_label.text() == "Blue Cross · HMO: referral authorisation required"
    assert ui.provider_combo.currentData() == office.lee.id  # her last visit's provider
    assert ui.reason_edit.toPlainText() == "asks for a dermatology referral for a changing mole"
    ui.specialty_combo.setCurrentText("Dermatology")
    ui.office_edit.setText("Skin MD")
    with qtbot.waitSignal(dialog.sig_saved) as saved:
        dialog.save_button.click()
    referral = saved.args[0]
    assert referral.auth_required and referral.call_id == call.id
    assert ("referral", referral.id) in services.communications.links(call.id)
    assert "Started from a logged call (linked)." in referrals_tab.ui.referral_detail_label.text()
    assert "Authorisation missing" in referrals_tab.ui.referral_flags_label.text()
