"""Nothing typed is lost: one `DraftGuard` per form that creates or edits a record.

- Esc, Cancel and the title bar's close button ask "Discard / Keep editing" when the form holds
  anything typed since it opened (a call whose notes name a red flag says so in the question).
  `reject()` or `close()` called by code (the main window closing) close without a question and
  keep the draft.
- While the form holds unsaved text, a draft of its fields is kept every couple of seconds inside
  the encrypted workspace (`services.drafts`), never in a file of its own; a crash, a kill or a
  power cut loses at most those seconds. Saving or discarding the form forgets the draft.
- When the same user opens the same form again (or signs in after a crash and chooses to reopen
  it), a bar at the top of the form offers the draft back: Restore or Discard.

The form's state is read from its widgets by object name (line edits, text edits, combo boxes,
check boxes, spin and date boxes, the patient picker), so a form needs no code of its own to keep
drafts: `DraftGuard(dialog, services, "call")` in its constructor, and its Cancel button connected
to `guard.cancel`."""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeGuard

import shiboken6
from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from vma_desk.core import wording
from vma_desk.core.drafts import FORM_NAMES, Draft
from vma_desk.core.errors import KnownError
from vma_desk.ui.shared.widgets import confirm

if TYPE_CHECKING:
    from vma_desk.core.records import Patient
    from vma_desk.services import Services

log = logging.getLogger(__name__)

#: how often a form with unsaved text keeps its draft (milliseconds)
KEEP_EVERY_MS = 2000
#: the picked patient's id, under a name no Designer widget has
_PATIENT = "patient_picker#id"

#: (form, record_key) pairs a user chose to reopen at sign-in: restored without asking again
reopening: set[tuple[str, str]] = set()

Fields = dict[str, object]

#: the guards of the forms open now (a draft a form on screen holds is not offered again)
_open_guards: weakref.WeakSet[DraftGuard] = weakref.WeakSet()


def held() -> set[tuple[str, str]]:
    """(form, record_key) of the forms open now."""
    return {(g.form, g.record_key) for g in list(_open_guards) if g.is_open and g.on_screen()}


def read_fields(root: QWidget) -> Fields:
    """The values of the form's named input widgets (read-only ones and the patient picker's inner
    widgets left out; the picker counts as the id of the patient it holds)."""
    values: Fields = {}
    for widget in root.findChildren(QWidget):
        name = widget.objectName()
        if not name or name.startswith("qt_") or _inside_picker(widget, root):
            continue
        if _is_picker(widget):
            values[_PATIENT if name == "patient_picker" else f"{name}#id"] = widget.patient_id()
            continue
        value = _value(widget)
        if value is not None:
            values[name] = value
    return values


class _Picker(Protocol):
    """What a form's patient search does for drafts (`ui/shared/patient_picker.PatientPicker`)."""

    def patient_id(self) -> int | None: ...

    def set_patient(self, patient: Patient | None) -> None: ...


def _is_picker(widget: QWidget) -> TypeGuard[_Picker]:
    """The patient search (`ui/shared/patient_picker.PatientPicker`, told by its API so that
    this module imports no form): its value is the patient it holds."""
    return callable(getattr(widget, "patient_id", None)) and callable(getattr(widget, "set_patient", None))


def _inside_picker(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if _is_picker(parent):
            return True
        parent = parent.parentWidget()
    return False


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return None if widget.isReadOnly() else widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    return None


def write_fields(root: QWidget, values: Fields, services: Services) -> None:
    """Put kept values back: choices first (they may fill other fields, as picking a reason does),
    then what was typed, so the typing wins."""
    later: list[tuple[QWidget, object]] = []
    for widget in root.findChildren(QWidget):
        name = widget.objectName()
        if not _inside_picker(widget, root) and _is_picker(widget):
            key = _PATIENT if name == "patient_picker" else f"{name}#id"
            patient_id = values.get(key)
            if isinstance(patient_id, int):
                try:
                    widget.set_patient(services.patients.get(patient_id))
                except KnownError:  # deleted since: the form asks for a patient as usual
                    pass
            continue
        if name not in values or _inside_picker(widget, root):
            continue
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            later.append((widget, values[name]))
        else:
            _set(widget, values[name])
    for widget, value in later:
        _set(widget, value)


def _set(widget: QWidget, value: object) -> None:
    if isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit | QTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox) and isinstance(value, str):
        found = widget.findText(value)
        if found >= 0:
            widget.setCurrentIndex(found)
        elif widget.isEditable():
            widget.setEditText(value)
    elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
        widget.setChecked(value)
    elif isinstance(widget, QDateTimeEdit) and isinstance(value, str):
        when = QDateTime.fromString(value, Qt.DateFormat.ISODate)
        if when.isValid():
            widget.setDateTime(when)
    elif isinstance(widget, QDoubleSpinBox) and isinstance(value, int | float):
        widget.setValue(value)
    elif isinstance(widget, QSpinBox) and isinstance(value, int):  # as `_value` read it
        widget.setValue(value)


def saved_when(draft: Draft, services: Services) -> str:
    """"today 9:30 AM", "Fri 11/27/2026 4:05 PM" another day (the practice's time)."""
    saved = draft.saved_at.astimezone(services.context.practice_zone())
    if saved.date() == services.context.today():
        return f"today {wording.clock(saved)}"
    return f"{wording.weekday_date(saved.date())} {wording.clock(saved)}"


class _NoticeBar(QFrame):
    """A framed line of text with an action and a discard button (the draft bar and banner)."""

    def __init__(self, name: str, action: str, discard: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"#{name} {{ background: palette(alternate-base);"
                           " border: 1px solid palette(mid); }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.action_button = QPushButton(action, self)
        self.discard_button = QPushButton(discard, self)
        for button in (self.action_button, self.discard_button):
            button.setAutoDefault(False)  # Enter still saves the form the bar sits in
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.discard_button)


class DraftBar(_NoticeBar):
    """"A new call you were typing at 10:42 was not saved.  [Restore]  [Discard]" at the top of a
    form that has a kept draft."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__("draft_bar", "&Restore", "Discard draft", parent)
        self.label.setText(text)
        self.restore_button = self.action_button


class DraftGuard(QObject):
    """Asks before a form with typed content is discarded, and keeps its draft (module docstring)."""

    def __init__(self, dialog: QDialog, services: Services, form: str, record_key: str = "", *,
                 warning: Callable[[], str] | None = None, changed: Callable[[], bool] | None = None,
                 edits: bool = False) -> None:
        """`edits`: the form edits what exists (a patient's details): its question speaks of changes."""
        super().__init__(dialog)
        # weak: the guard is the dialog's child, and a strong reference back would keep the
        # dialog (and its open cell editors) alive past its window until the cycle collector ran
        self._dialog_ref = weakref.ref(dialog)
        self._services = services
        self.form, self.record_key = form, record_key
        self._warning = _weak(warning)
        self._changed = _weak(changed)
        self._edits = edits
        #: whose draft this is: a form hidden by a lock keeps its user's draft, never the next user's
        self._user_id = services.context.user_id
        self._baseline: Fields | None = None
        self._kept: Fields | None = None
        self._discarding = False
        self.bar: DraftBar | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(KEEP_EVERY_MS)
        self._timer.timeout.connect(self.keep_now)
        #: False once the form was saved, discarded or closed
        self.is_open = True
        _open_guards.add(self)
        dialog.installEventFilter(self)
        dialog.finished.connect(self._on_dialog_finished)

    def on_screen(self) -> bool:
        """The form is there to type in (not deleted with a window that closed)."""
        ref = self.__dict__.get("_dialog_ref")
        dialog = ref() if ref is not None else None
        return dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible()

    @property
    def _dialog(self) -> QDialog:
        dialog = self._dialog_ref()
        assert dialog is not None  # the guard is the dialog's child: it goes with it
        return dialog

    @property
    def what(self) -> str:
        return FORM_NAMES.get(self.form, self.form)

    # what changed -----------------------------------------------------------------------------------
    def fields(self) -> Fields:
        return read_fields(self._dialog)

    def dirty(self) -> bool:
        """Something typed or chosen since the form opened (or since its draft was restored)."""
        changed = self._changed() if self._changed is not None else None
        if changed is not None and changed():
            return True
        return self._baseline is not None and self.fields() != self._baseline

    # closing ----------------------------------------------------------------------------------------
    def may_close(self) -> bool:
        """True when nothing would be lost or the user chose to discard it."""
        if not self.dirty():
            self._discarding = True
            return True
        warning = self._warning() if self._warning is not None else None
        extra = warning() if warning is not None else ""
        if self._edits:
            title, text, yes = ("Discard changes?", f"This {self.what} has changes that are not saved.",
                                "Discard changes")
        else:
            title, text, yes = (f"Discard this {self.what}?", f"This {self.what} has text that is not saved.",
                                f"Discard {self.what}")
        if confirm(self._dialog, title, text + (f"\n\n{extra}" if extra else ""), yes, "Keep editing"):
            self._discarding = True
            return True
        return False

    def cancel(self) -> None:
        """The form's Cancel button."""
        if self.may_close():
            self._dialog.reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (Qt may still deliver events while Python is tearing the guard down: nothing to do then)
        ref = self.__dict__.get("_dialog_ref")
        if ref is not None and watched is ref() and self.__dict__.get("is_open", False):
            kind = event.type()
            if kind == QEvent.Type.Show and self._baseline is None:
                self._baseline = self.fields()
                self._offer()
                self._timer.start()
            elif (kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                  and event.matches(QKeySequence.StandardKey.Cancel)):
                if self.may_close():
                    self._dialog.reject()
                return True
            elif kind == QEvent.Type.Close and event.spontaneous() and not self.may_close():
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def _on_dialog_finished(self, result: int) -> None:
        self._timer.stop()
        self.is_open = False
        if result == QDialog.DialogCode.Accepted or self._discarding:
            self._forget()
        elif self.dirty():  # closed by code (the app closing): what was typed comes back later
            self.keep_now()

    # keeping ----------------------------------------------------------------------------------------
    def _may_write(self) -> bool:
        """Drafts are written only for the user who opened the form, and never over a draft this
        form is still offering back (restore or discard it first)."""
        return self._services.context.user_id == self._user_id and self.bar is None

    def keep_now(self) -> None:
        """Keep the form's fields as its draft when they differ from what was kept last."""
        if self._dialog_ref() is None:  # the form went (its window closed): nothing left to keep
            self._timer.stop()
            return
        if not self._may_write():
            return
        if not self.dirty():
            if self._kept is not None:
                self._forget()
            return
        fields = self.fields()
        if fields == self._kept:
            return
        try:
            self._services.drafts.keep(self.form, self.record_key, fields)
        except KnownError as exc:  # locked, or the disk is full: the form on screen still holds it
            log.info("draft not kept: %s", exc.code)
            return
        self._kept = fields

    def _forget(self) -> None:
        if not self._may_write():
            return
        try:
            self._services.drafts.discard(self.form, self.record_key)
        except KnownError as exc:
            log.info("draft not discarded: %s", exc.code)
        self._kept = None

    # offering ---------------------------------------------------------------------------------------
    def _offer(self) -> None:
        try:
            draft = self._services.drafts.find(self.form, self.record_key)
        except KnownError:
            return
        if draft is None:
            return
        if (self.form, self.record_key) in reopening:
            reopening.discard((self.form, self.record_key))
            self.restore(draft)
            return
        when = saved_when(draft, self._services)
        self.bar = DraftBar(f"A {draft.name} you were typing ({when}) was not saved.", self._dialog)
        self.bar.restore_button.clicked.connect(lambda: self.restore(draft))
        self.bar.discard_button.clicked.connect(self._on_bar_discard_clicked)
        layout = self._dialog.layout()
        if layout is not None and hasattr(layout, "insertWidget"):
            layout.insertWidget(0, self.bar)

    def restore(self, draft: Draft) -> None:
        write_fields(self._dialog, dict(draft.fields), self._services)
        self._kept = dict(draft.fields)
        self._close_bar()

    def _on_bar_discard_clicked(self) -> None:
        self._close_bar()
        self._forget()

    def _close_bar(self) -> None:
        if self.bar is not None:
            self.bar.hide()
            self.bar.deleteLater()
            self.bar = None


class DraftsBanner(_NoticeBar):
    """Above the Today tab after signing in: the drafts a crash or a closed app left, with Reopen
    (each form opens with its draft back in it) and Discard (after a question)."""

    def __init__(self, services: Services, open_form: Callable[[str, str], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__("drafts_banner", "&Reopen", "Discard…", parent)
        self._services = services
        self._open_form = open_form
        self._drafts: list[Draft] = []
        self.reopen_button = self.action_button
        self.reopen_button.clicked.connect(self.reopen)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.hide()

    def show_drafts(self, drafts: Sequence[Draft]) -> None:
        """Offer these drafts (none: hidden)."""
        self._drafts = list(drafts)
        if not self._drafts:
            self.hide()
            return
        names = ", ".join(f"{d.name} ({saved_when(d, self._services)})" for d in self._drafts)
        self.label.setText(f"Not saved when VMA Desk last closed: {names}.")
        self.show()

    def reopen(self) -> None:
        left = []
        for draft in self._drafts:
            reopening.add((draft.form, draft.record_key))
            if not self._open_form(draft.form, draft.record_key):
                reopening.discard((draft.form, draft.record_key))
                left.append(draft)
        self.show_drafts(left)
        if left:
            self.label.setText(self.label.text() + " Open the record to get these back.")

    def _on_discard_button_clicked(self) -> None:
        count = len(self._drafts)
        what = "this draft" if count == 1 else f"these {count} drafts"
        if not confirm(self, "Discard drafts?", f"Discard {what}? What was typed in them is lost.",
                       "Discard", "Keep"):
            return
        for draft in self._drafts:
            try:
                self._services.drafts.discard(draft.form, draft.record_key)
            except KnownError as exc:
                log.info("draft not discarded: %s", exc.code)
        self.show_drafts([])


def _weak(call: Callable[..., object] | None) -> Callable[[], Callable[..., object] | None] | None:
    """A reference to a callable that does not keep its object (the dialog) alive."""
    if call is None:
        return None
    if hasattr(call, "__self__"):
        return weakref.WeakMethod(call)
    return lambda: call


def cancel(dialog: QDialog) -> None:
    """What a form's Cancel button does: ask first when its guard says something would be lost."""
    guard = getattr(dialog, "draft_guard", None)
    if isinstance(guard, DraftGuard):
        guard.cancel()
    else:
        dialog.reject()
