"""Quick open (Ctrl+K): find a patient by name, birth date or phone as typed, open with Enter."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.ui.conftest import focused, show_active, type_keys
from vma_desk.core.records import ContactMethod, Phone
from vma_desk.ui.patients.quick_open import QuickOpenDialog
from vma_desk.ui.patients.results_model import PATIENT_ID_ROLE, PatientResultListModel

ENTER = Qt.Key.Key_Return


@pytest.fixture
def patients(add_patient):
    return {
        "ann": add_patient(),
        "bob": add_patient(first_name="Bob", last_name="Smith", date_of_birth=date(1975, 11, 30),
                           phones=(Phone("608-555-0107"),), insurance=None, care_gaps=()),
        "anne": add_patient(first_name="Anne", last_name="Smith", date_of_birth=date(1990, 6, 5),
                            phones=(Phone("414-555-0123"),), insurance=None, care_gaps=()),
    }


@pytest.fixture
def searches(services, monkeypatch) -> list[tuple[str, int]]:
    """Every search the palette runs, with its limit."""
    calls: list[tuple[str, int]] = []
    real = services.patients.search

    def spy(text: str, limit: int = 50):
        calls.append((text, limit))
        return real(text, limit=limit)

    monkeypatch.setattr(services.patients, "search", spy)
    return calls


@pytest.fixture
def palette(qtbot, services) -> QuickOpenDialog:
    dialog = QuickOpenDialog(services)
    show_active(qtbot, dialog)
    return dialog


def rows(dialog: QuickOpenDialog) -> list[str]:
    model = dialog.ui.result_list.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


@pytest.mark.parametrize(
    ("typed", "who"),
    [("one", "ann"), ("O'Neil, A", "ann"), ("04/02/1961", "ann"), ("(312) 555-0142", "ann"),
     ("312.555.0142", "ann"), ("0107", "bob")],
    ids=["name-prefix", "last-comma-first", "birth-date", "phone-punctuated", "phone-dots", "phone-end"],
)
def test_typing_finds_the_patient_and_enter_opens_them(qtbot, patients, palette, typed, who):
    assert focused() is palette.ui.search_edit
    type_keys(qtbot, typed)
    qtbot.waitUntil(lambda: len(rows(palette)) == 1)
    with qtbot.waitSignal(palette.sig_patient_chosen) as chosen:
        type_keys(qtbot, ENTER)
    assert chosen.args == [patients[who].id]
    assert palette.result() == QDialog.DialogCode.Accepted


def test_a_result_shows_name_birth_date_age_and_phone(qtbot, patients, palette):
    type_keys(qtbot, "o'neil")
    qtbot.waitUntil(lambda: len(rows(palette)) == 1)
    # the practice's today is 2026-03-02: Ann is 64
    assert rows(palette) == ["O'Neil, Ann  ·  04/02/1961 (age 64)  ·  (312) 555-0142"]


def test_arrows_in_the_search_line_move_the_selection(qtbot, patients, palette):
    type_keys(qtbot, "smi")
    qtbot.waitUntil(lambda: len(rows(palette)) == 2)
    assert palette.ui.result_list.currentIndex().row() == 0
    type_keys(qtbot, Qt.Key.Key_Down)
    assert focused() is palette.ui.search_edit and palette.ui.result_list.currentIndex().row() == 1
    type_keys(qtbot, Qt.Key.Key_Up, Qt.Key.Key_Down)
    with qtbot.waitSignal(palette.sig_patient_chosen) as chosen:
        type_keys(qtbot, ENTER)
    assert chosen.args == [patients["bob"].id]  # Smith, Anne then Smith, Bob


def test_typing_is_searched_once_after_a_pause(qtbot, patients, searches, palette):
    type_keys(qtbot, "smith")
    qtbot.waitUntil(lambda: len(rows(palette)) == 2)
    assert searches == [("smith", 50)]


def test_enter_before_the_pause_opens_what_was_typed(qtbot, patients, palette):
    with qtbot.waitSignal(palette.sig_patient_chosen) as chosen:
        type_keys(qtbot, "one", ENTER)  # faster than the 120 ms pause
    assert chosen.args == [patients["ann"].id]


def test_nothing_typed_searches_nothing(qtbot, patients, searches, palette):
    type_keys(qtbot, "x", Qt.Key.Key_Backspace)
    with qtbot.assertNotEmitted(palette.sig_patient_chosen):
        type_keys(qtbot, ENTER)
    assert searches == [] and rows(palette) == [] and palette.isVisible()


def test_no_match_says_so_and_enter_keeps_the_palette_open(qtbot, patients, palette):
    type_keys(qtbot, "zzz")
    qtbot.waitUntil(lambda: palette.ui.status_label.text() == "No patient matches.")
    with qtbot.assertNotEmitted(palette.sig_patient_chosen):
        type_keys(qtbot, ENTER)
    assert palette.isVisible()


def test_at_most_fifty_rows_are_loaded(qtbot, services, add_patient, searches, palette):
    for i in range(55):
        add_patient(first_name=f"Pat{i:02d}", last_name="Garcia", phones=(), insurance=None,
                    care_gaps=(), email=f"p{i}@example.com", preferred_contact=ContactMethod.EMAIL)
    type_keys(qtbot, "garcia")
    qtbot.waitUntil(lambda: len(rows(palette)) == 50)
    assert searches == [("garcia", 50)]
    assert "first 50" in palette.ui.status_label.text()


def test_ctrl_n_asks_for_a_new_patient(qtbot, palette):
    with qtbot.waitSignal(palette.sig_new_patient_requested):
        qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not palette.isVisible()


def test_escape_closes_without_choosing(qtbot, patients, palette):
    type_keys(qtbot, "one")
    with qtbot.assertNotEmitted(palette.sig_patient_chosen), \
            qtbot.assertNotEmitted(palette.sig_new_patient_requested):
        type_keys(qtbot, Qt.Key.Key_Escape)
    assert palette.result() == QDialog.DialogCode.Rejected and not palette.isVisible()


def test_the_result_model_passes_the_model_tester(qtmodeltester, services, patients):
    model = PatientResultListModel()
    model.set_results(services.patients.search("smith"), date(2026, 3, 2))
    qtmodeltester.check(model)
    assert model.index(1, 0).data(PATIENT_ID_ROLE) == patients["bob"].id
    model.set_results([], date(2026, 3, 2))
    qtmodeltester.check(model)
