"""Tasks between staff in the Worklists tab: My tasks (the signed-in user's, and their role's: "Any
VMA"), Team (every open task) or Overdue, the soonest due first. A task not due yet is quiet (grey,
after the due rows) until its time.

Keys: Alt+S the list shown (My tasks / Team / Overdue), Alt+N a new task, Ctrl+D done (a repeating
task comes back at its next time, said under the list), Ctrl+Shift+D cancels it with a reason
(Edit → Undo reopens it), Ctrl+Enter edits it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vma_desk.core import wording
from vma_desk.core.chase import ChaseKind
from vma_desk.core.records import Change, RecordKind
from vma_desk.core.tasks import Task, assignee_text
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import show_dialog
from vma_desk.ui.shared.tab import TabPage, enclosing_tab
from vma_desk.ui.shared.table import tab_action
from vma_desk.ui.staff_tasks.dialog import TaskDialog, about_text, repeat_label
from vma_desk.ui.worklists.lists import DoneStep, FormStep, Saved
from vma_desk.ui.worklists.model import ROW_ROLE, WorkRow

CANCEL_QUESTION = "Why is this task cancelled?"


class Shown(StrEnum):
    """Which tasks the list shows."""

    MINE = "My tasks"
    TEAM = "Team"
    OVERDUE = "Overdue"


class TaskList:
    """Open tasks, the soonest due first (Overdue: the longest overdue first)."""

    title = "Tasks"
    kind = ChaseKind.TASK
    columns = (("due", "Due"), ("task", "Task"), ("for", "For"), ("about", "About"), ("repeats", "Repeats"))
    samples = ("Tue 03/03 10:00 AM", "", "Any front desk", "Referral · Christopher Willis",
               "Every week on Monday")
    opens = ""
    #: the users' and staff's names say who a task is for; a patient's name what it is about
    reads = frozenset({RecordKind.TASK, RecordKind.CONTACT_ATTEMPT, RecordKind.USER, RecordKind.STAFF,
                       RecordKind.PATIENT})

    def __init__(self, context: TabContext) -> None:
        self.context = context
        #: the list chosen (None: My tasks for a signed-in user, else Team)
        self.chosen: Shown | None = None
        self._read: dict[int, Task] = {}
        self.panel: TaskPanel | None = None
        tasks = context.services.tasks
        self.done = DoneStep("&Done", "The task is done: it leaves the list (a repeating one comes back at "
                             "its next time; Edit → Undo reopens it)", self._complete, "Done",
                             undo=lambda row: tasks.reopen(row.record_id))
        self.close = DoneStep("&Cancel task…", "The task is not to be done: cancel it, with the reason "
                              "(Edit → Undo reopens it)",
                              lambda row, why: tasks.cancel(row.record_id, why)[1], "Cancelled",
                              ask=CANCEL_QUESTION, undo=lambda row: tasks.reopen(row.record_id))
        self.book = FormStep("&Edit…", "Change the task's title, who it is for, when it is due, how it "
                             "repeats or its note", self._open_edit, "Edited")

    def shown(self) -> Shown:
        """The list shown: the one chosen, else My tasks while someone is signed in, else Team."""
        if self.chosen is not None:
            return self.chosen
        return Shown.MINE if self.context.services.users.current() is not None else Shown.TEAM

    def reveal(self, record_id: int) -> None:
        """Before a task is shown from elsewhere (Today, the handoff, which list everyone's): the
        Team list, when the list shown would not hold it."""
        if self.shown() is not Shown.TEAM and record_id not in self._read:
            self.chosen = Shown.TEAM
            if self.panel is not None:
                self.panel.show_choice(Shown.TEAM)

    def task(self, task_id: int) -> Task | None:
        """A task as last read."""
        return self._read.get(task_id)

    def _complete(self, row: WorkRow, _why: str) -> Change:
        _done, following, change = self.context.services.tasks.complete(row.record_id)
        if self.panel is not None:
            self.panel.say(f"“{row.who}” comes back {self._when(following.due_at)}." if following else "")
        return change

    def _open_edit(self, row: WorkRow, parent: QWidget, saved: Saved) -> QDialog:
        dialog = TaskDialog(self.context, parent, task=self.context.services.tasks.get(row.record_id))
        dialog.sig_saved.connect(lambda _task, change: saved(change))
        return dialog

    def _when(self, moment: datetime) -> str:
        return wording.near_day_clock(moment, self.context.zone(), self.context.today())

    def rows(self) -> list[WorkRow]:
        context = self.context
        services = context.services
        shown = self.shown()
        if shown is Shown.MINE:
            found = services.tasks.mine()
        elif shown is Shown.OVERDUE:
            found = services.tasks.overdue(context.now())
        else:
            found = services.tasks.open_tasks()
        self._read = {t.id: t for t in found if t.id is not None}
        if self.panel is not None:
            self.panel.show_choice(shown)
        states = services.chase.states(self.kind, list(self._read))
        names = context.patients.names(t.patient_id for t in found if t.patient_id is not None)
        users = {u.id: u.name for u in services.users.all() if u.id is not None}
        staff = {s: m.display_name for s, m in context.staff.items()}
        zone, today = context.zone(), context.today()
        rows = []
        for task in found:
            assert task.id is not None
            who = names.get(task.patient_id, "") if task.patient_id is not None else ""
            title = " ".join(task.title.split())
            rows.append(WorkRow(
                self.kind, task.id, title, states[task.id],
                (wording.when_in_year(task.due_at, zone, today), title, assignee_text(task, users, staff),
                 about_text(task.link_kind, who), repeat_label(task.rrule)),
                (task.due_at.timestamp(),), patient_id=task.patient_id,
                tip=f"{title}\n{task.note}" if task.note else title, due_at=task.due_at))
        return rows

    def make_panel(self, view: QTableView, reload: Callable[[], None]) -> QWidget:
        self.panel = TaskPanel(self, view, reload)
        return self.panel

    def forget(self) -> None:
        self._read = {}
        if self.panel is not None:
            self.panel.say("")


class TaskPanel(QWidget):
    """The Tasks list's table with its choice of list and "New task…" above it, and "Cancel task…";
    the line under the table says what the last step left to know (a repeating task's next time)."""

    def __init__(self, tasks: TaskList, view: QTableView, reload: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.view = view
        self.reload = reload
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        label = QLabel("&Show:")
        self.shown_combo = QComboBox()
        self.shown_combo.setObjectName("tasks_shown_combo")
        self.shown_combo.setToolTip("My tasks: yours and your role's; Team: every open task; Overdue: "
                                    "those past their time")
        for choice in Shown:
            self.shown_combo.addItem(choice.value, choice)
        label.setBuddy(self.shown_combo)
        self.new_button = QPushButton("New task… (Alt+N)")
        top.addWidget(label)
        top.addWidget(self.shown_combo)
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        layout.addWidget(view)
        self.said_label = QLabel()
        self.said_label.setWordWrap(True)
        self.said_label.hide()
        layout.addWidget(self.said_label)
        self.setFocusProxy(view)
        self.shown_combo.currentIndexChanged.connect(self._on_shown_changed)
        self.new_action = tab_action(self, "New task…", ("Alt+N",), "Make a task", self.new_task)
        self.new_button.setToolTip(self.new_action.toolTip())
        self.new_button.clicked.connect(lambda _checked: self.new_task())

    def show_choice(self, shown: Shown) -> None:
        """Show which list is read (without reading it again)."""
        self.shown_combo.blockSignals(True)
        self.shown_combo.setCurrentIndex(self.shown_combo.findData(shown))
        self.shown_combo.blockSignals(False)

    def _on_shown_changed(self, _index: int) -> None:
        self.tasks.chosen = Shown(self.shown_combo.currentData())
        self.say("")
        self.reload()

    def say(self, text: str) -> None:
        self.said_label.setText(text)
        self.said_label.setVisible(bool(text))

    def _tab(self) -> TabPage | None:
        return enclosing_tab(self)

    def _publish(self, change: Change, said: str) -> None:
        """A change made here: the list read again, what it did said, the window told."""
        self.reload()
        self.say(said)
        tab = self._tab()
        if tab is not None:
            tab.send_change(change)
        self.view.setFocus()

    def new_task(self) -> TaskDialog:
        """Alt+N: the task form, for nobody's record; the new task selected once saved."""
        dialog = TaskDialog(self.tasks.context, self)
        dialog.sig_saved.connect(lambda task, change: self._publish(change, f"Task made: “{task.title}”."))
        show_dialog(dialog)
        return dialog

    def _selected(self) -> WorkRow | None:
        index = self.view.currentIndex()
        row = index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, WorkRow) else None
