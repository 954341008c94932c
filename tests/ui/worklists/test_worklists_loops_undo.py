"""Edit → Undo after a one-key step on the new lists: a result's step (Ctrl+D) and an intake form
marked (Alt+S in "Mark forms…") are taken back, the record as it stood before."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of
from tests.ui.conftest import focused
from tests.ui.worklists.support import (  # noqa: F401 - fixtures
    ALT,
    CTRL,
    MONDAY,
    at,
    desk_fixture,
    worklists_tab_fixture,
)
from vma_desk.core.calendar import Appointment
from vma_desk.core.intake import FormState
from vma_desk.core.results import ExpectedResult, ResultStep
from vma_desk.ui.worklists.intake_steps import IntakeMarkDialog

INTAKE, RESULTS = 7, 8


def _undo_entries(tab) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    tab.sig_undoable.connect(lambda label, take_back: seen.append((label, take_back)))
    return seen


def test_a_results_step_taken_by_ctrl_d_is_taken_back_by_undo(qtbot, services, worklists_tab, desk):
    result, _ = services.results.expect(ExpectedResult(desk.ann.id, "CBC", date(2026, 2, 25), desk.lee.id,
                                                       date(2026, 2, 20)))
    tab = worklists_tab
    seen = _undo_entries(tab)
    tab.load()
    tab.ui.lists_tabs.setCurrentIndex(RESULTS)
    tab.focus_main()
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)
    assert services.results.get(result.id).step is ResultStep.RECEIVED
    [(label, take_back)] = seen
    assert label == "received (Ames, Ann)"
    take_back()
    assert services.results.get(result.id).step is ResultStep.AWAITED


def test_a_form_marked_sent_is_taken_back_by_undo(qtbot, services, worklists_tab, desk):
    services.intake.set_packet("new", ["Registration", "Health history"])
    thursday = at(date(2026, 3, 5), 9)  # 71.5 hours ahead: the packet is due to send
    visit, _ = services.calendar.book(Appointment(desk.ann.id, desk.lee.id, "new", thursday, 40),
                                      authorised_by="Dr Lee")
    tab = worklists_tab
    seen = _undo_entries(tab)
    tab.load()
    tab.ui.lists_tabs.setCurrentIndex(INTAKE)
    tab.focus_main()
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)
    dialog = dialog_of(qtbot, IntakeMarkDialog)
    qtbot.keyClick(focused(), Qt.Key.Key_S, ALT)
    assert services.intake.visit_packet(visit.id).forms[0].state is FormState.SENT
    dialog.accept()
    [(label, take_back)] = seen
    assert label == "sent: Registration (Ames, Ann)"
    take_back()
    assert services.intake.visit_packet(visit.id).forms[0].state is FormState.NOT_SENT


def test_a_result_closed_early_keeps_its_reason_and_undo_reopens_it(qtbot, services, worklists_tab, desk):
    from tests.ui.conftest import reactivate
    from tests.ui.test_undo_reopen import answer_reason
    from tests.ui.worklists.support import CTRL_SHIFT

    result, _ = services.results.expect(ExpectedResult(desk.ann.id, "TSH", date(2026, 3, 6), desk.lee.id,
                                                       date(2026, 3, 2)))
    tab = worklists_tab
    seen = _undo_entries(tab)
    tab.load()
    tab.ui.lists_tabs.setCurrentIndex(RESULTS)
    tab.focus_main()
    assert tab.ui.close_button.text() == "Close result… (Ctrl+Shift+D)"
    asked: list[str] = []
    answer_reason("the provider cancelled the test", asked)
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL_SHIFT)
    qtbot.waitUntil(lambda: bool(asked))
    reactivate(qtbot, tab)
    closed = services.results.get(result.id)
    assert closed.step is ResultStep.CLOSED and closed.events[-1].note == "the provider cancelled the test"
    [(label, take_back)] = seen
    assert label == "close result (Ames, Ann)"
    take_back()
    assert services.results.get(result.id).step is ResultStep.AWAITED
