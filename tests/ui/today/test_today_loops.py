"""The Today tab with issue 16's loops: the visits say "Forms incomplete" and "Labs not back" in
their flags, the due list has the tasks due today or overdue (for whom, "Overdue"), the urgent result
not acted on and the late records request, and Enter on one of them asks for its record by the kind
the Worklists tab opens ("task", "result", "records_request")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.services.agenda_loops import Loops, build_loops
from tests.ui.conftest import show_active
from tests.ui.today.support import cells, press, rows_by_key
from vma_desk.core.clock import FixedClock
from vma_desk.services import Services
from vma_desk.ui.today.tab import TodayTab


@pytest.fixture
def loops_tab(qtbot, services: Services, clock: FixedClock) -> tuple[TodayTab, Loops]:
    loops = build_loops(services, clock)
    widget = TodayTab(services)
    widget.resize(1366, 720)
    show_active(qtbot, widget)
    yield widget, loops
    widget.pause()


def test_visit_flags_and_due_rows_of_the_loops(qtbot, loops_tab) -> None:
    tab, loops = loops_tab
    visits = rows_by_key(tab.visit_view)
    ann = " ".join(cells(tab.visit_view, visits[("appointment", loops.visits["Ann"])]))
    bob = " ".join(cells(tab.visit_view, visits[("appointment", loops.visits["Bob"])]))
    assert "Forms incomplete: HIPAA acknowledgement, Health history" in ann
    assert "Labs not back: CBC, A1c" in bob
    due = rows_by_key(tab.due_view)
    task = " ".join(cells(tab.due_view, due[("task", loops.overdue_task)]))
    assert "Fax the FMLA form back" in task and "Overdue · for Nora Nurse, RN" in task
    assert "For Any VMA" in " ".join(cells(tab.due_view, due[("task", loops.referral_task)]))
    assert ("task", loops.thursday_task) not in due and ("task", loops.tuesday_task) not in due
    assert "Lipid panel" in " ".join(cells(tab.due_view, due[("result", loops.urgent_result)]))
    assert "Late · was due 02/23/2026" in " ".join(cells(tab.due_view,
                                                         due[("records_request", loops.late_request)]))


@pytest.mark.parametrize("kind", ["task", "result", "records_request"])
def test_enter_on_a_loops_row_asks_for_its_record(qtbot, loops_tab, kind: str) -> None:
    tab, loops = loops_tab
    record = {"task": loops.referral_task, "result": loops.urgent_result,
              "records_request": loops.late_request}[kind]
    asked: list[tuple[str, int]] = []
    tab.sig_record_requested.connect(lambda k, i: asked.append((k, i)))
    tab.due_view.setCurrentIndex(rows_by_key(tab.due_view)[(kind, record)])
    press(qtbot, tab.due_view, Qt.Key.Key_Return)
    assert asked == [(kind, record)]


def test_a_task_done_elsewhere_leaves_today(qtbot, loops_tab) -> None:
    tab, loops = loops_tab
    _task, _next, change = loops.services.tasks.complete(loops.referral_task)
    tab.apply_change(change)
    assert ("task", loops.referral_task) not in rows_by_key(tab.due_view)
