"""Tasks between staff: a to-do with a title, an assignee (a user who signs in, a staff member, or
anyone of a role: "any nurse"), a due time, an optional link to the record it is about, an optional
repeat (an RFC 5545 RRULE: "every Monday"), and its life: open → done, or cancelled with a reason,
each with who and when.

A repeating task is one row per occurrence: marking one done makes the next (`next_due`), linked
to the one it came from, so the history says who did which Monday's. Times are aware datetimes in
UTC; a repeat is worked out in the practice's wall time (a 9:00 task stays at 9:00 across a DST
change). A task due in the past when it is made is allowed (something forgotten is written down
late) and said to be overdue (`late_warning`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from vma_desk.core.records import RecordKind, Role
from vma_desk.core.users import UserRole

TITLE_LIMIT = 200
NOTE_LIMIT = 1000
REASON_LIMIT = 200


class TaskState(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return self.value.capitalize()


#: the roles a task can go to ("anyone of"): the staff's roles, and the VMAs and the front desk who
#: sign in; each with the words a list says ("Any nurse / clinical staff")
ROLE_LABELS: dict[str, str] = {
    Role.CLINICAL.value: "Any nurse / clinical staff", Role.PROVIDER.value: "Any provider",
    Role.BILLING.value: "Any billing staff", Role.RECORDS.value: "Any records staff",
    Role.FRONT_DESK.value: "Any front desk", UserRole.VMA.value: "Any VMA",
    UserRole.MANAGER.value: "Any practice manager",
}

#: the records a task can be about, with what a list calls them
LINKS: dict[RecordKind, str] = {
    RecordKind.PATIENT: "Patient", RecordKind.APPOINTMENT: "Visit", RecordKind.CALL: "Call",
    RecordKind.MESSAGE: "Message", RecordKind.REFILL: "Refill request", RecordKind.REFERRAL: "Referral",
    RecordKind.PRIOR_AUTH: "Prior authorisation", RecordKind.RESULT: "Result",
    RecordKind.RECORDS_REQUEST: "Records request",
}


@dataclass(frozen=True)
class Task:
    title: str
    due_at: datetime
    #: exactly one assignee: a user who signs in, a staff member, or anyone of a role (`ROLE_LABELS`)
    assignee_user_id: int | None = None
    assignee_staff_id: int | None = None
    assignee_role: str = ""
    #: the record it is about (None: none); `patient_id` is the patient it concerns, for the hub
    link_kind: RecordKind | None = None
    link_id: int | None = None
    patient_id: int | None = None
    #: how it repeats ("FREQ=WEEKLY;BYDAY=MO"), "" for a one-off
    rrule: str = ""
    #: the occurrence this one came from (a repeating task's previous one)
    repeats_id: int | None = None
    note: str = ""
    state: TaskState = TaskState.OPEN
    created_at: datetime | None = None
    created_by: str = ""
    closed_at: datetime | None = None
    closed_by: str = ""
    cancel_reason: str = ""
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.state is TaskState.OPEN

    def overdue(self, now: datetime) -> bool:
        return self.is_open and self.due_at < now


@dataclass(frozen=True)
class TaskProblem:
    """A refused task: the field it concerns and the message shown beside it."""

    field: str
    message: str


def assignees(task: Task) -> int:
    """How many assignees a task names (it must name exactly one)."""
    return sum((task.assignee_user_id is not None, task.assignee_staff_id is not None,
                bool(task.assignee_role)))


def check_task(task: Task) -> list[TaskProblem]:
    """What is wrong with a task before it is saved, by field."""
    problems: list[TaskProblem] = []
    title = " ".join(task.title.split())
    if not title:
        problems.append(TaskProblem("title", "Say what is to be done."))
    elif len(title) > TITLE_LIMIT:
        problems.append(TaskProblem("title", f"Keep the title under {TITLE_LIMIT} characters; details go "
                                             "in the note."))
    if assignees(task) != 1:
        problems.append(TaskProblem("assignee", "Choose one person or one role to do it."))
    elif task.assignee_role and task.assignee_role not in ROLE_LABELS:
        problems.append(TaskProblem("assignee", "That role is not one a task can go to."))
    if task.due_at.tzinfo is None:
        problems.append(TaskProblem("due_at", "Give the day and time it is due."))
    if (task.link_kind is None) != (task.link_id is None) or (
            task.link_kind is not None and task.link_kind not in LINKS):
        problems.append(TaskProblem("link", "A task links to one record of a kind it can be about."))
    if task.rrule:
        problem = _rrule_problem(task.rrule, task.due_at)
        if problem:
            problems.append(TaskProblem("rrule", problem))
    if len(task.note) > NOTE_LIMIT:
        problems.append(TaskProblem("note", f"Keep the note under {NOTE_LIMIT} characters."))
    return problems


#: a repeat's next time is looked for this far ahead
REPEAT_HORIZON = timedelta(days=5 * 366)
#: the most days each month can have (February: in a leap year)
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def never_comes_back(rule_text: str) -> bool:
    """A rule whose days of the month exist in none of its months (the 30th of February): python-
    dateutil would search for its next time to the year 9999, the window frozen meanwhile."""
    parts = dict(p.split("=", 1) for p in rule_text.upper().split(";") if "=" in p)
    if "BYMONTHDAY" not in parts:
        return False
    try:
        months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else list(range(1, 13))
        days = [abs(int(d)) for d in parts["BYMONTHDAY"].split(",")]
    except ValueError:
        return False  # not numbers: rrulestr refuses it
    return not any(1 <= m <= 12 and 1 <= d <= _MONTH_DAYS[m - 1] for m in months for d in days)


def _next_local(rule_text: str, start: datetime) -> datetime | None:
    """The rule's first time after `start` (wall time, aware in the practice's zone), within
    `REPEAT_HORIZON`. An UNTIL in UTC (…Z, as RFC 5545 asks beside a zoned start) is read against
    the aware start; one without a zone against the wall time."""
    try:
        rule = rrulestr(rule_text, dtstart=start.replace(tzinfo=None))
        aware = False
    except ValueError:
        rule = rrulestr(rule_text, dtstart=start)
        aware = True
    if not isinstance(rule, rrule):
        raise ValueError("one rule only")
    if never_comes_back(rule_text):
        return None
    begin = start if aware else start.replace(tzinfo=None)
    if getattr(rule, "_count", None) is None:  # dateutil keeps COUNT private; it excludes UNTIL
        horizon = begin + REPEAT_HORIZON
        until = getattr(rule, "_until", None)
        rule = rule.replace(until=horizon if until is None or until > horizon else until)
    after = rule.after(begin)
    if after is None:
        return None
    return after if aware else after.replace(tzinfo=start.tzinfo)


def _rrule_problem(rule: str, due_at: datetime) -> str:
    if "DTSTART" in rule.upper() or "\n" in rule:
        return "Give the repeat alone (e.g. FREQ=WEEKLY;BYDAY=MO): it starts from the due time."
    start = due_at if due_at.tzinfo is not None else due_at.replace(tzinfo=UTC)
    try:
        _next_local(rule, start)
    except (ValueError, TypeError):
        return "This repeat is not one VMA Desk understands (e.g. FREQ=WEEKLY;BYDAY=MO)."
    if never_comes_back(rule):
        return "This repeat never comes back: no month has that day."
    return ""


def next_due(task: Task, zone: ZoneInfo) -> datetime | None:
    """When a repeating task's next occurrence is due: the rule's first time after this one's due
    time, worked out in the practice's wall time (UTC in and out); None for a one-off, a repeat
    that has ended (COUNT or UNTIL reached) or one that does not come back within five years."""
    if not task.rrule:
        return None
    after = _next_local(task.rrule, task.due_at.astimezone(zone))
    return None if after is None else after.astimezone(task.due_at.tzinfo)


def late_warning(task: Task, now: datetime) -> str:
    """Said beside the due time of a task made already due: allowed, and overdue from the start."""
    return "This is already past due: the task will show as overdue." if task.due_at < now else ""


def assignee_text(task: Task, users: dict[int, str], staff: dict[int, str]) -> str:
    """Who is to do it, as a list says it: the user's or staff member's name, or "Any nurse..."."""
    if task.assignee_user_id is not None:
        return users.get(task.assignee_user_id, "(a former user)")
    if task.assignee_staff_id is not None:
        return staff.get(task.assignee_staff_id, "(former staff)")
    return ROLE_LABELS.get(task.assignee_role, task.assignee_role)


def is_mine(task: Task, user_id: int | None, role: str) -> bool:
    """A task for this signed-in user: assigned to them, or to anyone of their role."""
    return (user_id is not None and task.assignee_user_id == user_id) or (
        bool(role) and task.assignee_role == role)


def repeat_text(rule: str) -> str:
    """A repeat in words for a list ("Every week on Monday"), the rule itself when it is unusual."""
    if not rule:
        return ""
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    freq, interval = parts.get("FREQ", ""), parts.get("INTERVAL", "1")
    days = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday",
            "SA": "Saturday", "SU": "Sunday"}
    unit = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}.get(freq)
    if unit is None or set(parts) - {"FREQ", "INTERVAL", "BYDAY"}:
        return rule
    every = f"Every {unit}" if interval == "1" else f"Every {interval} {unit}s"
    byday = parts.get("BYDAY", "")
    if byday:
        names = [days.get(d) for d in byday.split(",")]
        if None in names:
            return rule
        every += " on " + ", ".join(n for n in names if n)
    return every
