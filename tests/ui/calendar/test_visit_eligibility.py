"""The visit dialog's eligibility result, typed as a VMA on the phone with the payer would: active,
in network, copay, deductible met and remaining, coinsurance, out-of-pocket, and the secondary's
verification when the patient has a secondary. Saved, the visit opened again shows every field."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.calendar.support import (  # noqa: F401 - fixtures
    TUESDAY,
    at,
    book_fixture,
    dialog_of,
    select,
    staff_fixture,
    tab_fixture,
)
from tests.ui.conftest import focused, type_keys
from vma_desk.core.calendar import EligibilityStatus
from vma_desk.core.records import Insurance, PlanType
from vma_desk.ui.calendar.appointment import AppointmentDialog

ENTER, DOWN, TAB = Qt.Key.Key_Return, Qt.Key.Key_Down, Qt.Key.Key_Tab
ALT = Qt.KeyboardModifier.AltModifier
SECONDARY = Insurance("Harbor Mutual", "HM-778812", PlanType.PPO)


def open_visit(qtbot, tab, visit, provider) -> AppointmentDialog:
    tab.refresh()
    select(tab, visit.start, provider)
    qtbot.keyClick(tab.view, ENTER)
    return dialog_of(qtbot, AppointmentDialog)


def alt(qtbot, key: Qt.Key, widget) -> None:
    """A label's mnemonic: the focus goes to its field (after a blink)."""
    qtbot.keyClick(focused(), key, ALT)
    qtbot.waitUntil(lambda: focused() is widget)


def test_an_eligibility_result_is_recorded_field_by_field_and_shown_again(
        qtbot, services, tab, staff, add_patient, book):
    ann = add_patient(secondary_insurance=SECONDARY)
    visit = book(ann.id, staff["roe"], at(TUESDAY, 14, 0))
    dialog = open_visit(qtbot, tab, visit, staff["roe"])
    ui = dialog.ui
    assert ui.secondary_eligibility_combo.isVisible()
    assert "Harbor Mutual" in ui.secondary_eligibility_combo.toolTip()

    alt(qtbot, Qt.Key.Key_E, ui.eligibility_combo)
    type_keys(qtbot, DOWN)  # verified
    qtbot.keyClick(focused(), Qt.Key.Key_A, ALT)  # coverage active
    qtbot.keyClick(focused(), Qt.Key.Key_I, ALT)  # in network
    qtbot.waitUntil(lambda: ui.active_check.isChecked() and ui.in_network_check.isChecked())
    alt(qtbot, Qt.Key.Key_P, ui.copay_edit)
    type_keys(qtbot, "$25 per visit", TAB)
    assert focused() is ui.deductible_met_combo
    type_keys(qtbot, DOWN, DOWN)  # not met
    alt(qtbot, Qt.Key.Key_G, ui.deductible_remaining_edit)
    type_keys(qtbot, "350")
    alt(qtbot, Qt.Key.Key_N, ui.coinsurance_edit)
    type_keys(qtbot, "20")
    alt(qtbot, Qt.Key.Key_T, ui.oop_edit)
    type_keys(qtbot, "max $6,000, $1,100 met")
    alt(qtbot, Qt.Key.Key_Y, ui.secondary_eligibility_combo)
    type_keys(qtbot, DOWN)  # the secondary verified
    with qtbot.waitSignal(dialog.finished):
        type_keys(qtbot, ENTER)

    result = services.calendar.get(visit.id).eligibility
    assert (result.status, result.active, result.in_network) == (EligibilityStatus.VERIFIED, True, True)
    assert (result.copay_note, result.deductible_met, result.deductible_remaining, result.coinsurance,
            result.oop_note) == ("$25 per visit", False, "$350.00", "20%", "max $6,000, $1,100 met")
    assert result.secondary_status is EligibilityStatus.VERIFIED
    assert result.checked_by == "tester@desk"

    again = open_visit(qtbot, tab, visit, staff["roe"]).ui
    assert again.eligibility_combo.currentData() == "verified"
    assert again.active_check.isChecked() and again.in_network_check.isChecked()
    assert again.copay_edit.text() == "$25 per visit"
    assert again.deductible_met_combo.currentText() == "Not met"
    assert (again.deductible_remaining_edit.text(), again.coinsurance_edit.text(), again.oop_edit.text()) \
        == ("$350.00", "20%", "max $6,000, $1,100 met")
    assert again.secondary_eligibility_combo.currentData() == "verified"
    assert again.eligibility_checked_label.text().startswith("Checked ")


def test_a_wrong_amount_is_shown_beside_its_field_and_kept(qtbot, services, tab, staff, add_patient, book):
    visit = book(add_patient().id, staff["roe"], at(TUESDAY, 14, 0))
    dialog = open_visit(qtbot, tab, visit, staff["roe"])
    ui = dialog.ui
    assert not ui.secondary_eligibility_combo.isVisible()  # no secondary insurance
    alt(qtbot, Qt.Key.Key_P, ui.copay_edit)
    type_keys(qtbot, TAB, DOWN)  # deductible met
    alt(qtbot, Qt.Key.Key_G, ui.deductible_remaining_edit)
    type_keys(qtbot, "$350")
    type_keys(qtbot, ENTER)
    assert dialog.isVisible()
    assert ui.deductible_remaining_error.isVisible()
    assert "marked met" in ui.deductible_remaining_error.text()
    assert ui.deductible_remaining_edit.text() == "$350" and focused() is ui.deductible_remaining_edit
    assert services.calendar.get(visit.id).eligibility.checked_at is None  # nothing saved
    alt(qtbot, Qt.Key.Key_N, ui.coinsurance_edit)
    type_keys(qtbot, "80/20")
    ui.deductible_remaining_edit.clear()
    type_keys(qtbot, ENTER)
    assert "percent" in ui.coinsurance_error.text() and dialog.isVisible()


def test_the_eligibility_worklist_names_both_insurances(qtbot, services, tab, staff, add_patient, book):
    ann = add_patient(secondary_insurance=SECONDARY)
    book(ann.id, staff["roe"], at(TUESDAY, 14, 0))  # 28 h ahead: its check is due
    tab.refresh()
    line = tab.side_panel.eligibility.index(0).data()
    assert line.splitlines()[-2:] == ["Prairie Health HMO · member PH-12345",
                                      "Secondary: Harbor Mutual PPO · member HM-778812 (not verified)"]


def test_the_worklists_read_their_patients_together_not_one_by_one(
        qtbot, monkeypatch, services, tab, staff, add_patient, book):
    """Each line names the patient, a phone or the plans: with many visits ahead the side panel
    reads their patients in one batch, not a read per visit."""
    for hour, first in ((14, "Ann"), (15, "Bea"), (16, "Cal")):
        patient = add_patient(first_name=first)
        book(patient.id, staff["roe"], at(TUESDAY, hour, 0))
    one_by_one: list[int] = []
    batches: list[int] = []
    get, get_many = services.patients.get, services.patients.get_many
    monkeypatch.setattr(services.patients, "get", lambda pid: one_by_one.append(pid) or get(pid))
    monkeypatch.setattr(services.patients, "get_many",
                        lambda ids: batches.append(len(ids := list(ids))) or get_many(ids))
    tab.context.patients.forget()
    tab.refresh()
    assert tab.side_panel.eligibility.rowCount() == 3
    assert one_by_one == [] and batches == [3]
    assert [tab.side_panel.eligibility.index(row).data().splitlines()[0].split(" · ")[1]
            for row in range(3)] == [
        "O'Neil, Ann", "O'Neil, Bea", "O'Neil, Cal"]
