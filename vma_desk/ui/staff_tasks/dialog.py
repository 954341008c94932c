"""The task form: a new task ("Make a task…" from any record, "New task…" in the Worklists tab) or
one being edited ("Edit…" on the Tasks list). It asks what is to be done, for whom (me, a user who
signs in, a staff member, or anyone of a role: "Any nurse / clinical staff"), when it is due
(practice time), how it repeats, and a note; the record it is about is shown, not changed.

Saved through `services.tasks`; a refusal is shown beside its field with everything kept as typed.
A due time already past is allowed (something forgotten written down late): the form says it will
show as overdue, and saves it. Enter saves from any field, Escape cancels.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QWidget

from vma_desk.core import wording
from vma_desk.core.chase import DEFAULT_POLICY
from vma_desk.core.errors import KnownError
from vma_desk.core.records import Change, RecordKind
from vma_desk.core.tasks import (
    LINKS,
    NOTE_LIMIT,
    ROLE_LABELS,
    TITLE_LIMIT,
    Task,
    assignee_text,
    late_warning,
    repeat_text,
)
from vma_desk.ui.forms.ui_task_dialog import Ui_TaskDialog
from vma_desk.ui.shared.attempt import from_wall, to_wall
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import FormDialog, show_dialog
from vma_desk.ui.shared.widgets import FieldSlot

#: an assignee as the combo holds it: ("user" | "staff" | "role", the id or the role's value)
Assignee = tuple[str, int | str]
#: the repeats offered besides "Custom rule…", as rules (the weekly ones take the due day's BYDAY)
WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
BIWEEKLY = "FREQ=WEEKLY;INTERVAL=2"
MONTHLY = "FREQ=MONTHLY"
CUSTOM = "custom"
_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: what a list says of a repeat the form offers by name
_NAMED = {WEEKDAYS: "Every weekday", BIWEEKLY: "Every 2 weeks", MONTHLY: "Every month"}


def repeat_label(rule: str) -> str:
    """A repeat in a few words for a list: "Every weekday", "Every week on Monday", "" for none."""
    return _NAMED.get(rule.upper(), "") or repeat_text(rule)


def weekly_rule(day_index: int) -> str:
    return f"FREQ=WEEKLY;BYDAY={_DAY_CODES[day_index]}"


def default_due(now: datetime, context: TabContext) -> datetime:
    """Where a new task's due time starts: the next full hour today, within the business day (the
    opening hours the chase's policy assumes: the practice records no hours of its own); before
    opening, today's opening; after closing, on a weekend or a holiday, the next business day's
    opening (practice time)."""
    zone = context.zone()
    local = now.astimezone(zone)
    practice = context.services.practice.get()
    opens = datetime.combine(local.date(), DEFAULT_POLICY.opens, tzinfo=zone)
    closes = datetime.combine(local.date(), DEFAULT_POLICY.closes, tzinfo=zone)
    if practice.is_business_day(local.date()) and local < closes:
        hour = local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        return min(max(hour, opens), closes)
    day = local.date() + timedelta(days=1)
    while not practice.is_business_day(day):
        day += timedelta(days=1)
    return datetime.combine(day, DEFAULT_POLICY.opens, tzinfo=zone)


def about_text(kind: RecordKind | None, who: str) -> str:
    """The record a task is about, as the Tasks list says it: "Referral · Ames, Ann"."""
    if kind is None:
        return ""
    what = LINKS.get(kind, kind.value)
    return f"{what} · {who}" if who and kind is not RecordKind.PATIENT else (who or what)


def _detail(context: TabContext, kind: RecordKind, record_id: int) -> tuple[str, int | None]:
    """A linked record's few words ("Cardiology", a visit's time) and its patient; ("", None) for a
    kind without words of its own, or a record removed meanwhile (the service says so on saving)."""
    services = context.services
    try:
        if kind is RecordKind.REFERRAL:
            referral = services.referrals.get(record_id)
            return referral.specialty, referral.patient_id
        if kind is RecordKind.APPOINTMENT:
            visit = services.calendar.get(record_id)
            return wording.when_in_year(visit.start, context.zone(), context.today()), visit.patient_id
        if kind is RecordKind.REFILL:
            refill = services.refills.get(record_id)
            return refill.medication, refill.patient_id
        if kind is RecordKind.RESULT:
            result = services.results.get(record_id)
            return result.test, result.patient_id
    except KnownError:
        pass
    return "", None


def link_text(context: TabContext, kind: RecordKind, record_id: int, patient_id: int | None) -> str:
    """The record a task is about, as the form shows it: "Referral: Cardiology for Ames, Ann"."""
    what = LINKS.get(kind, kind.value)
    if kind is RecordKind.PATIENT:
        return f"{what}: {context.patient_name(record_id)}"
    detail, found = _detail(context, kind, record_id)
    said, who = " ".join(detail.split()), context.patient_name(found if found is not None else patient_id)
    if said and who:
        return f"{what}: {said} for {who}"
    return f"{what}: {said or who}" if said or who else what


class TypeToChoose(QObject):
    """Lets a closed combo be chosen by typing the start of an entry, spaces and all ("any v" picks
    "Any VMA"): a combo alone opens its list on Space. Space with nothing typed just before still
    opens the list. Coming back to the combo starts the typing anew."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.combo = combo
        self.typed = ""
        self.clock = QElapsedTimer()
        combo.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusIn:  # coming back to it starts a new search
            self.clock.invalidate()
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        text = event.text()
        if not text or not text.isprintable() or event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            return False
        fresh = not self.clock.isValid() or self.clock.elapsed() > QApplication.keyboardInputInterval()
        if text == " " and (fresh or not self.typed):
            return False  # Space alone: the list opens, as in any combo
        self.typed = text if fresh else self.typed + text
        self.clock.restart()
        wanted = self.typed.casefold()
        at = next((i for i in range(self.combo.count())
                   if self.combo.itemText(i).casefold().startswith(wanted)), -1)
        if at >= 0:
            self.combo.setCurrentIndex(at)
        return True


class TaskDialog(FormDialog):
    """A new task, or `task` edited. `sig_saved(task, change)` once saved."""

    ui: Ui_TaskDialog
    sig_saved = Signal(object, object)

    def __init__(self, context: TabContext, parent: QWidget | None = None, *, task: Task | None = None,
                 link: tuple[RecordKind, int] | None = None, patient_id: int | None = None) -> None:
        super().__init__(Ui_TaskDialog(), context.services, parent)
        self.context = context
        self.task = task
        if task is not None and task.link_kind is not None and task.link_id is not None:
            link, patient_id = (task.link_kind, task.link_id), task.patient_id
        elif task is None and link is None and patient_id is not None:  # made about a patient (the hub)
            link = (RecordKind.PATIENT, patient_id)
        self.link = link
        self.patient_id = patient_id
        ui = self.ui
        self.setWindowTitle("Edit task" if task else "New task")
        self.save_button = self._main_button(QDialogButtonBox.StandardButton.Save,
                                             "&Save" if task else "&Save task")
        ui.title_edit.setMaxLength(TITLE_LIMIT)
        ui.note_edit.setMaxLength(NOTE_LIMIT)
        ui.due_warning.setProperty("role", "warning")
        ui.due_warning.setStyleSheet("color: #8a5300;")
        ui.due_warning.setWordWrap(True)
        ui.due_warning.hide()
        ui.task_form.setRowVisible(ui.about_box, link is not None)
        if link is not None:
            ui.about_text.setText(link_text(context, link[0], link[1], patient_id))
            font = ui.about_text.font()
            font.setBold(True)
            ui.about_text.setFont(font)
        self._fill_assignees()
        self._typing = (TypeToChoose(ui.assignee_combo), TypeToChoose(ui.repeat_combo))
        due = task.due_at if task else default_due(context.now(), context)
        ui.due_edit.setDateTime(to_wall(due, context.zone()))
        self._fill_repeats()
        ui.repeat_combo.currentIndexChanged.connect(lambda _index: self._show_rule())
        ui.due_edit.dateTimeChanged.connect(lambda _value: self._on_due_changed())
        if task is not None:
            ui.title_edit.setText(task.title)
            ui.note_edit.setText(task.note)
            self._choose_repeat(task.rrule)
        self._show_rule()
        self._on_due_changed()
        ui.title_edit.setFocus()

    # the assignee -------------------------------------------------------------------------------
    def _fill_assignees(self) -> None:
        """"Me" first when someone is signed in, then the users who sign in, the staff, the roles;
        an edited task's assignee no longer listed (a former user) stays chosen as it was."""
        services, combo = self.context.services, self.ui.assignee_combo
        me = services.users.current()
        if me is not None and me.id is not None:
            combo.addItem(f"Me ({me.name})", ("user", me.id))
        for user in services.users.active():
            if user.id is not None and (me is None or user.id != me.id):
                combo.addItem(user.name, ("user", user.id))
        for member in services.practice.staff():
            if member.id is not None:
                combo.addItem(member.display_name, ("staff", member.id))
        for role, label in ROLE_LABELS.items():
            combo.addItem(label, ("role", role))
        task = self.task
        if task is None:
            combo.setCurrentIndex(0)
            return
        wanted = self._assignee_of(task)
        at = next((i for i in range(combo.count()) if combo.itemData(i) == wanted), -1)
        if at < 0:
            names = {u.id: u.name for u in services.users.all() if u.id is not None}
            staff = {s.id: s.display_name for s in self.context.staff.values() if s.id is not None}
            combo.addItem(assignee_text(task, names, staff), wanted)
            at = combo.count() - 1
        combo.setCurrentIndex(at)

    @staticmethod
    def _assignee_of(task: Task) -> Assignee:
        if task.assignee_user_id is not None:
            return ("user", task.assignee_user_id)
        if task.assignee_staff_id is not None:
            return ("staff", task.assignee_staff_id)
        return ("role", task.assignee_role)

    def assignee(self) -> Assignee | None:
        data = self.ui.assignee_combo.currentData()
        return (str(data[0]), data[1]) if isinstance(data, tuple) else None

    # the repeat ---------------------------------------------------------------------------------
    def _due_day(self) -> int:
        return self.ui.due_edit.date().dayOfWeek() - 1

    def _fill_repeats(self) -> None:
        combo = self.ui.repeat_combo
        combo.addItem("Does not repeat", "")
        combo.addItem("Every weekday", WEEKDAYS)
        combo.addItem("", "weekly")  # its words and rule follow the due day (`_name_weekly`)
        combo.addItem("Every 2 weeks", BIWEEKLY)
        combo.addItem("Every month", MONTHLY)
        combo.addItem("Custom rule…", CUSTOM)
        self._name_weekly()

    def _name_weekly(self) -> None:
        day = self._due_day()
        self.ui.repeat_combo.setItemText(2, f"Every week on {_DAY_NAMES[day]}")

    def _choose_repeat(self, rule: str) -> None:
        combo, rule = self.ui.repeat_combo, rule.strip().upper()
        if rule == weekly_rule(self._due_day()):
            combo.setCurrentIndex(2)
            return
        at = combo.findData(rule) if rule else 0
        if at < 0:
            combo.setCurrentIndex(combo.findData(CUSTOM))
            self.ui.rule_edit.setText(rule)
        else:
            combo.setCurrentIndex(at)

    def _custom(self) -> bool:
        return bool(self.ui.repeat_combo.currentData() == CUSTOM)

    def _show_rule(self) -> None:
        self.ui.task_form.setRowVisible(self.ui.rule_box, self._custom())

    def rule(self) -> str:
        """The repeat chosen as an RRULE ("" for none)."""
        data = str(self.ui.repeat_combo.currentData() or "")
        if data == "weekly":
            return weekly_rule(self._due_day())
        if data == CUSTOM:
            return self.ui.rule_edit.text().strip()
        return data

    # the due time -------------------------------------------------------------------------------
    def due_at(self) -> datetime:
        return from_wall(self.ui.due_edit, self.context.zone())

    def _on_due_changed(self) -> None:
        self._name_weekly()
        warning = late_warning(replace(self._draft(), due_at=self.due_at()), self.context.now())
        self.ui.due_warning.setText(warning)
        self.ui.due_warning.setVisible(bool(warning))

    # saving -------------------------------------------------------------------------------------
    def _draft(self) -> Task:
        ui, base = self.ui, self.task or Task("", self.due_at())
        kind, key = self.assignee() or ("", 0)
        link_kind, link_id = self.link if self.link else (None, None)
        return replace(base, title=ui.title_edit.text(), due_at=self.due_at(),
                       assignee_user_id=int(key) if kind == "user" else None,
                       assignee_staff_id=int(key) if kind == "staff" else None,
                       assignee_role=str(key) if kind == "role" else "",
                       link_kind=link_kind, link_id=link_id,
                       patient_id=base.patient_id if self.task else self.patient_id,
                       rrule=self.rule(), note=ui.note_edit.text())

    def value(self) -> Task:
        """The task as typed."""
        return self._draft()

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        repeat = ui.rule_edit if self._custom() else ui.repeat_combo
        return {"title": FieldSlot(ui.title_edit, ui.title_error, "Title"),
                "assignee": FieldSlot(ui.assignee_combo, ui.assignee_error, "For"),
                "due_at": FieldSlot(ui.due_edit, ui.due_at_error, "Due"),
                "rrule": FieldSlot(repeat, ui.rrule_error, "Repeat"),
                "note": FieldSlot(ui.note_edit, ui.note_error, "Note"),
                "link": FieldSlot(ui.title_edit, ui.link_error, "About")}.get(field)

    def save(self) -> tuple[Task, Change] | None:
        """Save the task (the dialog closes), or show why not beside its field (it stays open)."""
        task, tasks = self.value(), self.context.services.tasks
        result = self._attempt(lambda: tasks.update(task) if self.task is not None else tasks.create(task))
        self._on_due_changed()  # `attempt` cleared the form's errors, never the warning
        if result is None:
            return None
        self.sig_saved.emit(*result)
        self.accept()
        return result

    def _on_button_box_accepted(self) -> None:
        self.save()


def make_task(context: TabContext, parent: QWidget | None = None, link: tuple[RecordKind, int] | None = None,
              patient_id: int | None = None) -> TaskDialog:
    """"Make a task…" from any record (the window's action, the patient's hub): the form shown, the
    record it is about given as (kind, id); connect `sig_saved(task, change)` to publish the change."""
    dialog = TaskDialog(context, parent, link=link, patient_id=patient_id)
    show_dialog(dialog)
    return dialog
