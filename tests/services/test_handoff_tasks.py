"""The handoff's tasks: the open tasks due by the end of the next shift (the practice's next
business day; overdue ones too) and the tasks done or cancelled during the shift, in the summary,
on the PDF (read back with `pdftotext`) and in the End shift window, where Enter opens a task."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt

from tests.services.agenda_loops import Loops, build_loops
from tests.services.march_in_chicago import local
from vma_desk.core.clock import FixedClock
from vma_desk.reports import handoff
from vma_desk.services import Services
from vma_desk.ui.handoff.dialogs import EndShiftDialog


@pytest.fixture
def loops(services: Services, clock: FixedClock) -> Loops:
    return build_loops(services, clock)


def test_the_shift_lists_tasks_due_by_the_next_shift_and_those_closed(loops: Loops) -> None:
    summary = loops.services.handoff.shift_summary()
    assert loops.services.handoff.next_shift_end() == local(4, 0)  # the end of Tuesday
    due = {i.record_id: (i.title, i.detail) for i in summary.tasks_due}
    assert list(due) == [loops.overdue_task, loops.referral_task, loops.tuesday_task]  # soonest due first
    assert due[loops.overdue_task] == ("Bell, Bob", "Fax the FMLA form back · for Nora Nurse, RN · due "
                                                    "Fri 02/27 5:00 PM (overdue)")
    assert due[loops.referral_task] == ("Cruz, Cal", "Chase the cardiology consult report · for Any VMA · "
                                                     "due 12:00 PM")
    assert due[loops.tuesday_task][1].startswith("Call the payer about the MRI · for Ben Ortiz · due Tue")
    closed = [(i.record_id, i.detail) for i in summary.tasks_closed]
    assert closed == [(loops.done_task, "Print the huddle sheet · done by Ben Ortiz 8:45 AM"),
                      (loops.cancelled_task, "Order toner · cancelled by Ben Ortiz 8:45 AM "
                                             "(Duplicate of another task)")]
    assert all(i.kind == "task" for i in (*summary.tasks_due, *summary.tasks_closed))
    assert "Tasks: " in summary.counts_text  # the tasks Ben made and closed count as changes


def pdf_text(pdf: bytes) -> str:
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True,
                            timeout=60)
    return " ".join(result.stdout.decode("utf-8").split())


def test_the_handoff_pdf_prints_the_tasks(loops: Loops) -> None:
    pdf = handoff.build(loops.services, "Cal's report: chase at noon")
    text = pdf_text(pdf)
    assert "Tasks due by the end of the next shift (3)" in text
    assert "Chase the cardiology consult report · for Any VMA · due 12:00 PM" in text
    assert "Fax the FMLA form back · for Nora Nurse, RN" in text and "(overdue)" in text
    assert "Tasks done or cancelled this shift (2)" in text
    assert "Order toner · cancelled by Ben Ortiz 8:45 AM (Duplicate of another task)" in text
    assert "Send the recall letters" not in text  # due Thursday: after the next shift


def test_the_end_shift_window_lists_the_tasks_and_enter_opens_one(qtbot, loops: Loops) -> None:
    dialog = EndShiftDialog(loops.services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.tasks_view
    assert view.isVisible() and view.topLevelItemCount() == 5
    shown = [tuple(view.topLevelItem(r).text(c) for c in range(3)) for r in range(5)]
    assert [row[0] for row in shown] == ["Overdue", "Due", "Due", "Done", "Cancelled"]
    assert shown[1][1] == "Cruz, Cal"
    assert dialog.tasks_title.text() == ("Tasks: 3 due by the end of the next shift, "
                                         "2 done or cancelled this shift")
    opened: list[tuple[str, int]] = []
    dialog.sig_record_requested.connect(lambda kind, record_id: opened.append((kind, record_id)))
    view.setFocus()
    view.setCurrentItem(view.topLevelItem(1))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened == [("task", loops.referral_task)]
    dialog.resize(1366, 740)
