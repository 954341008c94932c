"""Tasks through the service: made from a record (its patient found through the link), listed as
My tasks / Team / Overdue, done (a repeating one comes back), cancelled with a reason, reopened by
Undo; refusals by field with nothing saved; the audit names no title or note."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.clock import FixedClock
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Patient, Phone, RecordKind, Role, StaffMember
from vma_desk.core.referrals import Referral
from vma_desk.core.tasks import Task, TaskState
from vma_desk.core.users import UserRole
from vma_desk.services import Services

CHICAGO = ZoneInfo("America/Chicago")


def local(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


@pytest.fixture
def patient_id(services: Services) -> int:
    patient, _ = services.patients.create(Patient("Ana", "Reyes", date(1980, 5, 1),
                                                  phones=(Phone("+13125550101"),)))
    assert patient.id is not None
    return patient.id


def test_a_task_on_a_referral_is_the_patients_and_in_my_tasks_and_the_team(
        services: Services, clock: FixedClock, patient_id: int) -> None:
    ann, _ = services.users.create_first("Ann Lee", "135790")
    ben, _ = services.users.add("Ben Ortiz", UserRole.VMA, "246802")
    services.users.sign_in(ben.id, "246802")
    doc, _ = services.practice.add_staff(StaffMember("Dana Doyle", Role.PROVIDER, credentials="MD"))
    referral, _ = services.referrals.create(Referral(
        patient_id=patient_id, referring_provider_id=doc.id, specialty="Cardiology",
        specialist_office="Heart Partners", reason="abnormal stress test", created_at=clock.now()))
    task, change = services.tasks.create(Task("Chase the cardiology appointment date", local(3, 3, 9),
                                              assignee_role="vma", link_kind=RecordKind.REFERRAL,
                                              link_id=referral.id))
    assert change.kind is RecordKind.TASK and change.ids == (task.id,)
    assert task.patient_id == patient_id and task.created_by == "Ben Ortiz"
    assert [t.id for t in services.tasks.mine()] == [task.id]  # Ben is a VMA: "any VMA" is his
    assert [t.id for t in services.tasks.open_tasks()] == [task.id]
    assert [t.id for t in services.tasks.of_patient(patient_id)] == [task.id]
    assert [t.id for t in services.tasks.linked_to(RecordKind.REFERRAL, referral.id)] == [task.id]
    assert services.tasks.overdue() == []
    clock.current = local(3, 3, 9, 1)
    assert [t.id for t in services.tasks.overdue()] == [task.id]
    entry = services.audit.page(0, 1)[0]
    assert (entry.record_type, entry.detail, entry.user) == ("task", "task on referral", "Ben Ortiz")
    assert "cardiology" not in entry.detail.lower()
    services.users.sign_in(ann.id, "135790")  # Ann is the manager: the VMAs' task is not hers
    assert services.tasks.mine() == [] and len(services.tasks.open_tasks()) == 1


def test_a_weekly_task_done_comes_back_next_week_and_undo_takes_both_back(
        services: Services, clock: FixedClock) -> None:
    task, _ = services.tasks.create(Task("Send the recall letters", local(3, 2, 9), assignee_role="vma",
                                         rrule="freq=weekly;byday=mo"))
    assert task.rrule == "FREQ=WEEKLY;BYDAY=MO"
    done, following, change = services.tasks.complete(task.id)
    assert done.state is TaskState.DONE and done.closed_by == "tester@desk"
    assert following is not None and following.due_at == local(3, 9, 9) and following.repeats_id == task.id
    assert set(change.ids) == {task.id, following.id}
    assert [t.id for t in services.tasks.open_tasks()] == [following.id]
    with pytest.raises(ValidationError):
        services.tasks.complete(task.id)
    services.tasks.reopen(task.id)
    assert [t.id for t in services.tasks.open_tasks()] == [task.id]  # the next one made by it is gone
    assert services.audit.page(0, 1)[0].detail == f"reopened; occurrence {following.id} removed"


def test_reopening_is_refused_once_the_next_occurrence_was_edited(services: Services) -> None:
    task, _ = services.tasks.create(Task("Send the recall letters", local(3, 2, 9), assignee_role="vma",
                                         rrule="FREQ=WEEKLY;BYDAY=MO"))
    _done, following, _ = services.tasks.complete(task.id)
    assert following is not None
    services.tasks.update(replace(following, note="only the diabetic patients this week"))
    with pytest.raises(ValidationError) as refused:
        services.tasks.reopen(task.id)
    assert "worked on since" in refused.value.message
    assert [t.note for t in services.tasks.open_tasks()] == ["only the diabetic patients this week"]


def test_a_cancelled_task_keeps_its_reason_and_a_blank_one_is_refused(services: Services) -> None:
    task, _ = services.tasks.create(Task("Fax the form", local(3, 2, 12), assignee_role="front_desk"))
    entries = services.audit.count()
    with pytest.raises(ValidationError) as refused:
        services.tasks.cancel(task.id, "  ")
    assert refused.value.field == "reason" and services.audit.count() == entries
    cancelled, _ = services.tasks.cancel(task.id, "the patient brought it in")
    assert cancelled.cancel_reason == "the patient brought it in"
    assert services.tasks.get(task.id).state is TaskState.CANCELLED and services.tasks.open_tasks() == []


@pytest.mark.parametrize(("task", "field"), [
    (Task("", local(3, 2, 9), assignee_role="vma"), "title"),
    (Task("x", local(3, 2, 9)), "assignee"),
    (Task("x", local(3, 2, 9), assignee_user_id=99), "assignee"),
    (Task("x", local(3, 2, 9), assignee_staff_id=99), "assignee"),
    (Task("x", local(3, 2, 9), assignee_role="vma", link_kind=RecordKind.MESSAGE, link_id=99), "link"),
    (Task("x", local(3, 2, 9), assignee_role="vma", rrule="SOMETIMES"), "rrule"),
])
def test_a_wrong_task_is_refused_by_field_and_nothing_is_saved(services: Services, task: Task,
                                                               field: str) -> None:
    entries = services.audit.count()
    with pytest.raises(ValidationError) as refused:
        services.tasks.create(task)
    assert refused.value.field == field
    assert services.tasks.open_tasks() == [] and services.audit.count() == entries


def test_a_task_due_in_the_past_is_made_and_overdue_at_once(services: Services) -> None:
    task, _ = services.tasks.create(Task("Call back the lab", local(3, 2, 8), assignee_role="clinical"))
    assert [t.id for t in services.tasks.overdue()] == [task.id]
