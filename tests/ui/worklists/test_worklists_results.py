"""The Results list, by keys: a result past the day it was expected by is listed first, flagged
"Labs not back"; Ctrl+D takes it through its steps (received, with the provider); at the provider
Ctrl+D opens "Record disposition…", which refuses a disposition without the provider beside that
field with nothing saved, then records it with the provider's name; a "needs visit" is booked from
Ctrl+Enter in an offered slot and the row moves on; "New expected result…" (Alt+N) records a test
ordered, expected by 3 business days later."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import focused, reactivate, type_keys
from tests.ui.worklists.support import (  # noqa: F401 - fixtures
    ALT,
    CTRL,
    MONDAY,
    at,
    column,
    current_id,
    desk_fixture,
    shown_ids,
    worklists_tab_fixture,
)
from vma_desk.core.results import Disposition, ExpectedResult, ResultStep
from vma_desk.ui.calendar.booking import BookingDialog
from vma_desk.ui.calendar.lists import RECORD_ROLE
from vma_desk.ui.worklists.results_steps import DispositionDialog, ExpectedResultDialog

RESULTS = 8
ENTER = Qt.Key.Key_Return


def _expect(services, desk, test: str, ordered: date, expected: date) -> ExpectedResult:
    result, _ = services.results.expect(ExpectedResult(desk.ann.id, test, expected, desk.lee.id, ordered))
    return result


def _show(tab):
    tab.load()
    tab.ui.lists_tabs.setCurrentIndex(RESULTS)
    tab.focus_main()
    return tab.pages[RESULTS]


def _with_provider(services, result: ExpectedResult) -> None:
    services.results.advance(result.id, ResultStep.RECEIVED)
    services.results.advance(result.id, ResultStep.WITH_PROVIDER)


def test_a_result_not_back_is_listed_first_flagged_and_ctrl_d_takes_its_steps(qtbot, services, worklists_tab,
                                                                               desk):
    soon = _expect(services, desk, "Lipid panel", MONDAY, date(2026, 3, 5))
    late = _expect(services, desk, "CBC", date(2026, 2, 20), date(2026, 2, 25))
    tab = worklists_tab
    page = _show(tab)
    assert tab.ui.lists_tabs.tabText(RESULTS) == "Results (2)"
    assert shown_ids(page) == [late.id, soon.id] and current_id(page) == late.id
    assert column(page, "flags") == ["Labs not back", ""]
    assert column(page, "expected") == ["02/25/2026", "03/05/2026"]
    assert column(page, "ordered_by") == ["Dana Lee, MD", "Dana Lee, MD"]
    assert column(page, "step") == ["Awaited", "Awaited"]
    assert page.widget.ui.flagged_label.text() == "1 result flagged (listed first)"
    assert tab.ui.done_button.text() == "Received (Ctrl+D)" and not tab.ui.book_button.isHidden()

    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)  # received: the flag goes
    assert services.results.get(late.id).step is ResultStep.RECEIVED
    assert "Received: Ames, Ann" in tab.ui.summary_label.text()
    page.select(late.id)
    assert column(page, "step")[shown_ids(page).index(late.id)] == "Received"
    assert column(page, "flags") == ["", ""]
    assert tab.ui.done_button.text() == "With the provider (Ctrl+D)"
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)
    assert services.results.get(late.id).step is ResultStep.WITH_PROVIDER
    page.select(late.id)
    assert tab.ui.done_button.text() == "Record disposition… (Ctrl+D)"


def test_a_disposition_without_the_provider_is_refused_beside_the_field_then_recorded_by_keys(
        qtbot, services, worklists_tab, desk):
    result = _expect(services, desk, "CBC", date(2026, 2, 20), date(2026, 2, 25))
    _with_provider(services, result)
    tab = worklists_tab
    page = _show(tab)
    assert current_id(page) == result.id

    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)
    dialog = dialog_of(qtbot, DispositionDialog)
    ui = dialog.ui
    assert ui.about_label.text() == "CBC for Ames, Ann, ordered by Dana Lee, MD on 02/20/2026"
    assert focused() is ui.disposition_combo and ui.provider_combo.currentText() == "Choose the provider…"
    type_keys(qtbot, Qt.Key.Key_Down, ENTER)  # "Notify patient", no provider named
    assert dialog.isVisible() and ui.provider_error.isVisible()
    assert ui.provider_error.text() == "Provider is required: name the provider who gave the disposition."
    assert focused() is ui.provider_combo
    assert services.results.get(result.id).step is ResultStep.WITH_PROVIDER

    type_keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Tab, "Call her this week", ENTER)
    qtbot.waitUntil(lambda: no_dialog(DispositionDialog))
    reactivate(qtbot, tab)
    saved = services.results.get(result.id)
    assert (saved.step, saved.disposition, saved.disposition_by_id, saved.disposition_note) == (
        ResultStep.DISPOSITION, Disposition.NOTIFY_PATIENT, desk.lee.id, "Call her this week")
    assert column(page, "step") == ["Notify patient"]
    assert "Disposition recorded: Ames, Ann" in tab.ui.summary_label.text()
    assert tab.ui.done_button.text() == "Patient notified (Ctrl+D)"


def test_needs_visit_books_from_ctrl_enter_and_the_row_moves_on(qtbot, services, worklists_tab, desk):
    result = _expect(services, desk, "Lipid panel", date(2026, 2, 20), date(2026, 2, 25))
    _with_provider(services, result)
    services.results.record_disposition(result.id, Disposition.NEEDS_VISIT, provider_id=desk.lee.id)
    tab = worklists_tab
    page = _show(tab)
    assert column(page, "step") == ["Needs visit · to book"]
    assert tab.ui.book_button.text() == "Book visit… (Ctrl+Enter)"

    qtbot.keyClick(focused(), ENTER, CTRL)
    dialog = dialog_of(qtbot, BookingDialog)
    ui = dialog.ui
    assert ui.patient_picker.patient_id() == desk.ann.id
    assert ui.reason_edit.text() == "Result: Lipid panel (provider asked for a visit)"
    assert ui.provider_combo.currentData() == desk.lee.id
    slots = [dialog._slots.index(r).data(RECORD_ROLE) for r in range(dialog._slots.rowCount())]
    assert slots and focused() is ui.slot_list
    type_keys(qtbot, ENTER)  # the first slot taken into the visit
    with qtbot.waitSignal(dialog.sig_booked):
        type_keys(qtbot, ENTER)  # booked
    qtbot.waitUntil(lambda: no_dialog(BookingDialog))
    reactivate(qtbot, tab)

    linked = services.results.get(result.id)
    visit = services.calendar.get(linked.visit_id)
    assert (visit.patient_id, visit.start, visit.reason) == (
        desk.ann.id, slots[0].start, "Result: Lipid panel (provider asked for a visit)")
    assert column(page, "step") == ["Needs visit · booked"]
    assert "Visit booked: Ames, Ann" in tab.ui.summary_label.text()
    qtbot.keyClick(focused(), ENTER, CTRL)  # booked already: said, nothing opens
    assert tab.ui.step_error_label.text() == "A visit is already booked for this result."
    assert no_dialog(BookingDialog)


def test_new_expected_result_by_keys_expected_three_business_days_later(qtbot, services, worklists_tab,
                                                                         desk):
    tab = worklists_tab
    page = _show(tab)
    assert shown_ids(page) == []
    qtbot.keyClick(focused(), Qt.Key.Key_N, ALT)
    dialog = dialog_of(qtbot, ExpectedResultDialog)
    ui = dialog.ui
    assert focused() is ui.patient_picker.search_edit
    assert ui.expected_by_edit.value() == date(2026, 3, 5)  # Thursday: 3 business days after Monday
    type_keys(qtbot, "Ames")
    qtbot.waitUntil(lambda: ui.patient_picker.results.rowCount() == 1)
    type_keys(qtbot, ENTER, "TSH", ENTER)  # no provider chosen: refused beside the field
    assert ui.ordered_by_error.text() == "Ordered by is required: choose the provider who ordered it."
    assert focused() is ui.ordered_by_combo and services.results.open_results() == []
    type_keys(qtbot, Qt.Key.Key_Down, ENTER)
    qtbot.waitUntil(lambda: no_dialog(ExpectedResultDialog))
    reactivate(qtbot, tab)

    [row] = services.results.open_results()
    assert (row.result.test, row.result.ordered_by_id, row.result.ordered_on, row.result.expected_by) == (
        "TSH", desk.lee.id, MONDAY, date(2026, 3, 5))
    assert shown_ids(page) == [row.result.id] and column(page, "test") == ["TSH"]
