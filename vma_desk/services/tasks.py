"""Tasks between staff (`core/tasks.py`): made from any record, listed as My tasks, Team and Overdue,
due ones on Today and the handoff, done or cancelled with who and when.

Every change is one transaction with one audit entry (never the title or the note: they may name a
patient) and returns a `Change`. Marking a repeating task done makes its next occurrence in the
same transaction.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from vma_desk.core.chase import ChaseKind
from vma_desk.core.errors import NotFoundError, ValidationError
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.core.tasks import (
    NOTE_LIMIT,
    REASON_LIMIT,
    TITLE_LIMIT,
    Task,
    TaskState,
    check_task,
    is_mine,
    next_due,
)
from vma_desk.core.validation import clean_text, require_aware
from vma_desk.services.base import ServiceContext
from vma_desk.services.users import UserService
from vma_desk.storage.chase_repository import ChaseRepository
from vma_desk.storage.repositories import StaffRepository
from vma_desk.storage.tasks_repository import TaskRepository

#: a patient's hub lists its open tasks and this many closed ones
CLOSED_SHOWN = 5


class TaskService:
    def __init__(self, context: ServiceContext, *, users: UserService) -> None:
        self.ctx = context
        self.users = users
        self.repo = TaskRepository(context.conn)

    # --- reading ----------------------------------------------------------------------------------
    def get(self, task_id: int) -> Task:
        task = self.repo.get(task_id)
        if task is None:
            raise NotFoundError(f"Task {task_id} does not exist.")
        return task

    def open_tasks(self) -> list[Task]:
        """Team: every open task, the soonest due first."""
        return self.repo.open_due_before()

    def mine(self) -> list[Task]:
        """My tasks: the open tasks of the signed-in user, or of anyone of their role."""
        user = self.users.current()
        if user is None:
            return []
        return [t for t in self.repo.open_due_before() if is_mine(t, user.id, user.role.value)]

    def overdue(self, now: datetime | None = None) -> list[Task]:
        """The open tasks whose due time has passed, the longest overdue first."""
        return self.repo.open_due_before(now if now is not None else self.ctx.clock.now())

    def due_by(self, moment: datetime) -> list[Task]:
        """The open tasks due before `moment` (Today: by the end of the day; the handoff)."""
        return self.repo.open_due_before(moment)

    def of_patient(self, patient_id: int) -> list[Task]:
        """A patient's open tasks, then the last few closed (the patient's hub)."""
        return self.repo.of_patient(patient_id, CLOSED_SHOWN)

    def linked_to(self, kind: RecordKind, record_id: int) -> list[Task]:
        return self.repo.linked_to(kind, [record_id])

    def closed_between(self, start: datetime, end: datetime) -> list[Task]:
        return self.repo.closed_between(start, end)

    # --- changes ----------------------------------------------------------------------------------
    def _clean(self, task: Task) -> Task:
        """The task as it is saved (trimmed words, its patient worked out from its link), or a
        `ValidationError` naming the first field that is wrong."""
        for problem in check_task(task):
            raise ValidationError(problem.field, problem.message)
        title = clean_text("title", task.title, required=True, limit=TITLE_LIMIT)
        note = clean_text("note", task.note, required=False, limit=NOTE_LIMIT)
        require_aware("due_at", task.due_at)
        if task.assignee_user_id is not None and not any(
                u.id == task.assignee_user_id and u.active for u in self.users.all()):
            raise ValidationError("assignee", "is not a user who signs in here")
        staff = StaffRepository(self.ctx.conn).all() if task.assignee_staff_id is not None else []
        if task.assignee_staff_id is not None:
            if not any(m.id == task.assignee_staff_id and m.active for m in staff):
                raise ValidationError("assignee", "is not on the practice's staff")
        patient_id = task.patient_id
        if task.link_kind is not None and task.link_id is not None:
            if not self.repo.record_exists(task.link_kind, task.link_id):
                raise ValidationError("link", "the record it links to is not in this workspace")
            patient_id = self.repo.patient_of(task.link_kind, task.link_id)
        return replace(task, title=title, note=note, patient_id=patient_id, rrule=task.rrule.strip().upper())

    def create(self, task: Task) -> tuple[Task, Change]:
        """A new open task, made by the signed-in user now. One due in the past is allowed (and
        overdue from the start: `core.tasks.late_warning` says so beside the field)."""
        clean = replace(self._clean(task), state=TaskState.OPEN, created_at=self.ctx.clock.now(),
                        created_by=self.ctx.user, closed_at=None, closed_by="", cancel_reason="",
                        repeats_id=None, id=None)
        with self.ctx.transaction():
            task_id = self.repo.insert(clean)
            linked = f" on {clean.link_kind.value}" if clean.link_kind else ""
            self.ctx.audit(AuditAction.CREATE, RecordKind.TASK, task_id, f"task{linked}")
        return replace(clean, id=task_id), Change(RecordKind.TASK, AuditAction.CREATE, (task_id,))

    def update(self, task: Task) -> tuple[Task, Change]:
        """An open task's title, due time, assignee, repeat or note changed (not its link: make
        another task for another record)."""
        current = self.get(task.id or 0)
        if not current.is_open:
            raise ValidationError("state", "this task is closed: reopen it to change it")
        clean = replace(self._clean(replace(task, link_kind=current.link_kind, link_id=current.link_id,
                                            patient_id=current.patient_id)),
                        state=current.state, created_at=current.created_at, created_by=current.created_by,
                        repeats_id=current.repeats_id)
        if clean == current:
            return current, Change(RecordKind.TASK, AuditAction.UPDATE)
        with self.ctx.transaction():
            self.repo.update(clean)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.TASK, clean.id, "edited")
        return clean, Change(RecordKind.TASK, AuditAction.UPDATE, (clean.id or 0,))

    def complete(self, task_id: int) -> tuple[Task, Task | None, Change]:
        """Done, by the signed-in user now. A repeating task's next occurrence is made at once
        (returned second; None for a one-off or a repeat that has ended)."""
        task = self.get(task_id)
        if not task.is_open:
            raise ValidationError("state", f"this task is already {task.state.label.lower()}")
        now = self.ctx.clock.now()
        done = replace(task, state=TaskState.DONE, closed_at=now, closed_by=self.ctx.user)
        due = next_due(task, self.ctx.practice_zone())
        following = None
        with self.ctx.transaction():
            self.repo.update(done)
            ids = [task_id]
            detail = "done"
            if due is not None:
                following = replace(task, due_at=due, repeats_id=task_id, created_at=now,
                                    created_by=self.ctx.user, id=None)
                following = replace(following, id=self.repo.insert(following))
                ids.append(following.id or 0)
                detail += f"; next occurrence {following.id}"
            self.ctx.audit(AuditAction.UPDATE, RecordKind.TASK, task_id, detail)
        return done, following, Change(RecordKind.TASK, AuditAction.UPDATE, tuple(ids))

    def cancel(self, task_id: int, reason: str) -> tuple[Task, Change]:
        """Not to be done, with the reason (a repeating task's series stops with it)."""
        task = self.get(task_id)
        if not task.is_open:
            raise ValidationError("state", f"this task is already {task.state.label.lower()}")
        why = clean_text("reason", reason, required=True, limit=REASON_LIMIT)
        cancelled = replace(task, state=TaskState.CANCELLED, closed_at=self.ctx.clock.now(),
                            closed_by=self.ctx.user, cancel_reason=why)
        with self.ctx.transaction():
            self.repo.update(cancelled)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.TASK, task_id, "cancelled")
        return cancelled, Change(RecordKind.TASK, AuditAction.UPDATE, (task_id,))

    def reopen(self, task_id: int) -> tuple[Task, Change]:
        """A task done or cancelled is open again (Edit → Undo right after, or done by mistake). A
        repeating task's next occurrence made when it was done is removed with it while nobody has
        touched that one yet; otherwise the reopening is refused (the series went on)."""
        task = self.get(task_id)
        if task.is_open:
            raise ValidationError("state", "this task is already open")
        reopened = replace(task, state=TaskState.OPEN, closed_at=None, closed_by="", cancel_reason="")
        following = self.repo.linked_next(task_id)
        for nxt in following:  # removed only as it was made: not edited, closed or chased since
            untouched = replace(reopened, due_at=nxt.due_at, repeats_id=task_id, created_at=nxt.created_at,
                                created_by=nxt.created_by, id=nxt.id)
            if nxt != untouched or nxt.created_at != task.closed_at or \
                    ChaseRepository(self.ctx.conn).attempts(ChaseKind.TASK, nxt.id or 0):
                raise ValidationError("state", "its next occurrence has been worked on since: reopen that "
                                               "one instead")
        with self.ctx.transaction():
            for nxt in following:
                self.repo.delete(nxt.id or 0)
            removed = "".join(f"; occurrence {t.id} removed" for t in following)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.TASK, task_id, f"reopened{removed}")
            self.repo.update(reopened)
        ids = (task_id, *(t.id or 0 for t in following))
        return reopened, Change(RecordKind.TASK, AuditAction.UPDATE, ids)
