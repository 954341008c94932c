"""Issue 16's loops on the day's agenda (Today and the huddle): "forms incomplete" and "Labs not
back" on the visits, and the due rows of tasks due today or overdue (for whom, "overdue"), urgent
results not acted on within an hour and records requests running late; each row names the record
the Worklists tab opens."""

from __future__ import annotations

import pytest

from tests.services.agenda_loops import Loops, build_loops
from tests.services.march_in_chicago import local
from vma_desk.core.agenda import URGENT, ItemKind, VisitFlag
from vma_desk.core.clock import FixedClock
from vma_desk.core.intake import FormState
from vma_desk.services import Services


@pytest.fixture
def loops(services: Services, clock: FixedClock) -> Loops:
    return build_loops(services, clock)


def flags_of(loops: Loops, first: str) -> dict[VisitFlag, str]:
    agenda = loops.services.agenda.day()
    return next(dict(v.flags) for p in agenda.providers for v in p.visits
                if v.appointment.id == loops.visits[first])


def test_visits_show_forms_incomplete_and_labs_not_back(loops: Loops) -> None:
    assert flags_of(loops, "Ann")[VisitFlag.FORMS_INCOMPLETE] == "HIPAA acknowledgement, Health history"
    assert VisitFlag.FORMS_INCOMPLETE.label.lower() == "forms incomplete"
    assert flags_of(loops, "Bob")[VisitFlag.LABS_NOT_BACK] == "CBC, A1c"
    assert VisitFlag.LABS_NOT_BACK.label == "Labs not back"
    assert VisitFlag.FORMS_INCOMPLETE not in flags_of(loops, "Bob")
    assert VisitFlag.LABS_NOT_BACK not in flags_of(loops, "Ann")
    attention = loops.services.agenda.day().providers[0].attention()
    assert "1 visit with forms incomplete" in attention and "1 patient with labs not back" in attention
    for name in ("HIPAA acknowledgement", "Health history"):
        loops.services.intake.mark(loops.visits["Ann"], name, FormState.RECEIVED)
    assert VisitFlag.FORMS_INCOMPLETE not in flags_of(loops, "Ann")
    assert loops.services.agenda.visit_flags(loops.visits["Bob"])[0][0] is VisitFlag.LABS_NOT_BACK


def due(loops: Loops, kind: ItemKind) -> list[tuple[int, str, str, int, str]]:
    return [(i.record_id, i.title, i.detail, i.severity, i.patient_name)
            for i in loops.services.agenda.day().due if i.kind is kind]


def test_tasks_due_today_or_overdue_say_for_whom(loops: Loops) -> None:
    assert due(loops, ItemKind.TASK) == [
        (loops.overdue_task, "Task: Fax the FMLA form back", "overdue · for Nora Nurse, RN", URGENT,
         "Bell, Bob"),
        (loops.referral_task, "Task: Chase the cardiology consult report", "for Any VMA", 0, "Cruz, Cal"),
    ]
    loops.clock.current = local(2, 12, 1)
    assert [(i, d) for i, _t, d, _s, _p in due(loops, ItemKind.TASK)][1] == (loops.referral_task,
                                                                              "overdue · for Any VMA")
    loops.services.tasks.complete(loops.referral_task)
    assert [i for i, *_ in due(loops, ItemKind.TASK)] == [loops.overdue_task]
    tuesday = loops.services.agenda.day(local(3, 9).date())
    assert {i.record_id for i in tuesday.due if i.kind is ItemKind.TASK} == {loops.overdue_task,
                                                                             loops.tuesday_task}


def test_an_urgent_result_not_acted_on_and_a_late_request_are_due(loops: Loops) -> None:
    assert due(loops, ItemKind.RESULT) == [(loops.urgent_result, "Result: Lipid panel",
                                            "not acted on within an hour", URGENT, "Cruz, Cal")]
    assert due(loops, ItemKind.RECORDS_REQUEST) == [
        (loops.late_request, "Records request from St. Mary's Hospital ER", "late · was due 02/23/2026",
         URGENT, "Ames, Ann")]
    assert ItemKind.RESULT.value == "result" and ItemKind.RECORDS_REQUEST.value == "records_request"
    loops.services.records_requests.mark_received(loops.late_request)
    assert due(loops, ItemKind.RECORDS_REQUEST) == []
