"""The End shift dialog and "Since your last shift".

`EndShiftDialog` shows the signed-in user's shift (`services.handoff.shift_summary()`): the open
items they own or touched, the tasks due by the end of the next shift and those closed during this
one, what changed and the notable changes, a note for the next VMA and whom
it is for. "End shift and sign out" (Ctrl+Enter) saves the note (audited) and emits
`sig_shift_ended(Change)`: the caller then signs the user out. Save as PDF… and Print… reuse the
PDF export dialog (kind "handoff") with the note as typed. Esc asks before discarding a typed note.

`SinceLastShiftDialog` shows, at a new sign-in, the notes left for the user and what others changed
since they signed out; Enter or a double-click on a row emits `sig_record_requested(kind, id)`.
The caller shows it only when `has_content()`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vma_desk.core import wording
from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.handoff import Handoff, HandoffItem, ShiftSummary, SinceLastShift
from vma_desk.core.wording import clock_text, when_text
from vma_desk.services import Services
from vma_desk.ui.shared.widgets import ErrorLine, confirm

if TYPE_CHECKING:
    from vma_desk.ui.exports.pdf_dialog import PdfExportDialog

_KEY_ROLE = Qt.ItemDataRole.UserRole


def _bold(text: str, *, big: bool = False) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    if big:
        font.setPointSizeF(font.pointSizeF() * 1.25)
    label.setFont(font)
    return label


def _muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    palette = label.palette()
    muted = palette.color(label.foregroundRole())
    muted.setAlphaF(0.72)
    palette.setColor(label.foregroundRole(), muted)
    label.setPalette(palette)
    return label


class RecordTree(QTreeWidget):
    """A flat list of handoff rows; Enter or a double-click on one emits `sig_open(kind, id)` (Enter
    is taken here, so it never reaches the dialog's default button)."""

    sig_open = Signal(str, int)

    def __init__(self, headings: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(headings))
        self.setHeaderLabels(list(headings))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.itemDoubleClicked.connect(self._on_item_double_clicked)

    def set_rows(self, rows: Sequence[tuple[str, ...]], keys: Sequence[tuple[str, int]]) -> None:
        """The cells of each row, and the record (kind, id) each row names."""
        self.clear()
        for cells, key in zip(rows, keys, strict=True):
            item = QTreeWidgetItem(list(cells))
            item.setData(0, _KEY_ROLE, key)
            for column, text in enumerate(cells):
                item.setToolTip(column, text)
            self.addTopLevelItem(item)
        for column in range(self.columnCount() - 1):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, min(self.columnWidth(column) + 12, 240))
        if self.topLevelItemCount():  # current, selected when the list takes the focus
            first = self.topLevelItem(0)
            assert first is not None
            self.selectionModel().setCurrentIndex(self.indexFromItem(first),
                                                  QItemSelectionModel.SelectionFlag.NoUpdate)
        visible = min(max(self.topLevelItemCount(), 1), 8)
        row = self.sizeHintForRow(0) if self.topLevelItemCount() else self.fontMetrics().height() + 6
        self.setMinimumHeight(self.header().sizeHint().height() + visible * row + 2 * self.frameWidth() + 2)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        current = self.currentItem()
        if current is not None and not self.selectedItems():
            current.setSelected(True)

    def key_of(self, item: QTreeWidgetItem | None) -> tuple[str, int] | None:
        value = item.data(0, _KEY_ROLE) if item is not None else None
        return (str(value[0]), int(value[1])) if value else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            key = self.key_of(self.currentItem())
            if key is not None:
                self.sig_open.emit(*key)
            event.accept()
            return
        super().keyPressEvent(event)

    @Slot(QTreeWidgetItem, int)
    def _on_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        key = self.key_of(item)
        if key is not None:
            self.sig_open.emit(*key)


def _keys(items: Sequence[HandoffItem]) -> list[tuple[str, int]]:
    return [(i.kind, i.record_id) for i in items]


def _item_rows(items: Sequence[HandoffItem]) -> list[tuple[str, ...]]:
    return [(i.kind_label, i.title, i.detail) for i in items]


def _task_rows(summary: ShiftSummary) -> list[tuple[str, ...]]:
    """Task | Patient | Where it stands: the tasks due ("Due", "Overdue"), then those closed
    during the shift ("Done", "Cancelled")."""
    rows: list[tuple[str, ...]] = [("Overdue" if "(overdue)" in t.detail else "Due", t.title, t.detail)
                                   for t in summary.tasks_due]
    rows += [("Cancelled" if " · cancelled by " in t.detail else "Done", t.title, t.detail)
             for t in summary.tasks_closed]
    return rows


def _notable_rows(items: Sequence[HandoffItem]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for i in items:
        what, _, rest = i.detail.partition(": ")
        if what == "Escalated":
            what = f"Escalated {i.kind_label.lower()}"
        rows.append((what, i.title, rest))
    return rows


def _change_rows(items: Sequence[HandoffItem], zone: ZoneInfo) -> list[tuple[str, ...]]:
    """What | Patient / caller | Change | By | When, from a "Since your last shift" row."""
    rows: list[tuple[str, ...]] = []
    for i in items:
        done = i.detail.split(f" by {i.by}")[0] if i.by else i.detail
        what, _, change = done.partition(" · ")
        if i.count > 1:
            change += f" · {i.count} changes"
        when = f"{wording.short_day(i.at.astimezone(zone).date())} {clock_text(i.at, zone)}" if i.at else ""
        rows.append((what, i.title, change or what, i.by, when))
    return rows


def _fit_to_screen(dialog: QDialog, width: int, height: int) -> None:
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    dialog.resize(min(width, screen.width() - 40) if screen else width,
                  min(height, screen.height() - 60) if screen else height)


class EndShiftDialog(QDialog):
    """File → End shift…: the shift's open items and changes, a note, and the end of the shift."""

    #: a lock closes this window (its lists show patients); the typed note is kept in memory by the
    #: main window (`lock_draft`) and put back when the same user signs in again
    closes_on_lock = True


    sig_shift_ended = Signal(object)  # the core Change of the saved handoff
    sig_record_requested = Signal(str, int)  # an open item to look at before leaving

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("End shift")
        self.summary: ShiftSummary = services.handoff.shift_summary()
        zone = ZoneInfo(self.summary.time_zone)
        #: tests set these to skip the file and print dialogs of Save as PDF… and Print…
        self.choose_path: Callable[[str], str] | None = None
        self.choose_printer: Callable[[QPrinter], bool] | None = None
        self.export_dialog: QDialog | None = None

        layout = QVBoxLayout(self)
        heading = _bold(f"{self.summary.user_name} · shift since "
                        f"{when_text(self.summary.shift_start, zone)}", big=True)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        layout.addWidget(_muted("Before you sign out: what is still open, what changed during your shift, "
                                "and a note for the next VMA. Enter or a double-click opens a record."))

        open_count = len(self.summary.open_items)
        layout.addSpacing(4)
        layout.addWidget(_bold(f"Open items you own or touched ({open_count})"))
        self.open_view = RecordTree(("What", "Patient / caller", "Where it stands"))
        self.open_view.setObjectName("open_items")
        self.open_view.set_rows(_item_rows(self.summary.open_items), _keys(self.summary.open_items))
        self.open_view.sig_open.connect(self.sig_record_requested)
        layout.addWidget(self.open_view, 2)
        if not open_count:
            self.open_view.hide()
            layout.addWidget(_muted("Nothing open is yours: no messages awaiting a callback, refill "
                                    "requests, referrals, prior authorisations or unconfirmed visits."))

        tasks = (*self.summary.tasks_due, *self.summary.tasks_closed)
        self.tasks_title = _bold(f"Tasks: {len(self.summary.tasks_due)} due by the end of the next shift, "
                                 f"{len(self.summary.tasks_closed)} done or cancelled this shift")
        self.tasks_view = RecordTree(("Task", "Patient", "Where it stands"))
        self.tasks_view.setObjectName("shift_tasks")
        self.tasks_view.set_rows(_task_rows(self.summary), _keys(tasks))
        self.tasks_view.setMinimumHeight(min(self.tasks_view.minimumHeight(),
                                             self.tasks_view.fontMetrics().lineSpacing() * 7))
        self.tasks_view.sig_open.connect(self.sig_record_requested)
        layout.addSpacing(4)
        layout.addWidget(self.tasks_title)
        layout.addWidget(self.tasks_view, 1)
        self.tasks_view.setVisible(bool(tasks))

        layout.addSpacing(4)
        layout.addWidget(_bold("This shift"))
        self.counts_label = QLabel(self.summary.counts_text.replace("; ", "\n") or
                                   "No records were changed during this shift.")
        self.counts_label.setObjectName("shift_counts")
        self.counts_label.setWordWrap(True)
        layout.addWidget(self.counts_label)
        self.notable_view = RecordTree(("Notable", "Patient / caller", "Details"))
        self.notable_view.setObjectName("notable")
        self.notable_view.set_rows(_notable_rows(self.summary.notable), _keys(self.summary.notable))
        self.notable_view.sig_open.connect(self.sig_record_requested)
        self.notable_view.setVisible(bool(self.summary.notable))
        layout.addWidget(self.notable_view, 1)

        note_label = QLabel("&Note for the next VMA")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("handoff_note")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText("Callbacks promised, calls to expect, what is waiting on whom…")
        self.note_edit.setMinimumHeight(self.note_edit.fontMetrics().lineSpacing() * 4 + 12)
        note_label.setBuddy(self.note_edit)
        layout.addSpacing(4)
        layout.addWidget(note_label)
        layout.addWidget(self.note_edit, 1)
        form = QFormLayout()
        self.to_combo = QComboBox()
        self.to_combo.setObjectName("handoff_to")
        self.to_combo.addItem("Whoever comes next", None)
        for user in services.users.active():
            if user.id != self.summary.user_id:
                self.to_combo.addItem(user.name, user.id)
        form.addRow("Leave the note &for", self.to_combo)
        layout.addLayout(form)
        self.error_label = ErrorLine("handoff_error")
        layout.addWidget(self.error_label)

        buttons = QHBoxLayout()
        self.save_pdf_button = QPushButton("&Save as PDF…")
        self.print_button = QPushButton("P&rint…")
        self.cancel_button = QPushButton("Cancel")
        self.end_button = QPushButton("&End shift and sign out")
        self.end_button.setObjectName("end_shift")
        self.end_button.setDefault(True)
        self.end_button.setToolTip("Save the note and sign out (Ctrl+Enter)")
        self.save_pdf_button.setAutoDefault(False)
        self.print_button.setAutoDefault(False)
        self.cancel_button.setAutoDefault(False)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_handoff)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.end_button.clicked.connect(self.end_shift)
        for button in (self.save_pdf_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.end_button)
        layout.addLayout(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.end_shift)
        self.note_edit.setFocus()
        _fit_to_screen(self, 780, 700)

    # what was typed ------------------------------------------------------------------------------
    def note(self) -> str:
        return self.note_edit.toPlainText()

    def lock_draft(self) -> str:
        return self.note()

    def to_user_id(self) -> int | None:
        user_id: int | None = self.to_combo.currentData()
        return user_id

    # ending the shift -----------------------------------------------------------------------------
    @Slot()
    def end_shift(self) -> bool:
        """Save the note (audited); the caller signs out on `sig_shift_ended`."""
        self.error_label.hide()
        try:
            _handoff, change = self.services.handoff.end_shift(self.note(), self.to_user_id())
        except ValidationError as exc:
            self.error_label.say(f"{'Note' if exc.field == 'note' else 'Leave the note for'}: {exc.message}.")
            return False
        except KnownError as exc:
            self.error_label.say(exc.message)
            return False
        self.accept()
        self.sig_shift_ended.emit(change)
        return True

    # the PDF --------------------------------------------------------------------------------------
    def _export(self) -> PdfExportDialog:
        from vma_desk.ui.exports.pdf_dialog import PdfExportDialog

        dialog = PdfExportDialog(self.services, "handoff", self, handoff_note=self.note(),
                                 handoff_to=self.to_user_id())
        if self.choose_path is not None:
            dialog.choose_path = self.choose_path
        if self.choose_printer is not None:
            dialog.choose_printer = self.choose_printer
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        self.export_dialog = dialog
        return dialog

    @Slot()
    def save_pdf(self) -> None:
        """The export dialog with the handoff as typed, asking at once where to save it."""
        self._export().save()

    @Slot()
    def print_handoff(self) -> None:
        self._export().print_report()

    # cancelling -----------------------------------------------------------------------------------
    # Esc, Cancel and the title bar's close button ask before discarding a typed note; reject() or
    # close() called by code (the auto-lock, the window closing) discard without a question.
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Cancel):
            self._on_cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and not self._may_discard():
            event.ignore()
            return
        super().closeEvent(event)

    @Slot()
    def _on_cancel(self) -> None:
        if self._may_discard():
            self.reject()

    def _may_discard(self) -> bool:
        return not self.note().strip() or confirm(
            self, "Discard the note?", "The note for the next VMA is not saved, and your shift goes on.",
            "Discard the note", "Keep writing")


class SinceLastShiftDialog(QDialog):
    """At a new sign-in: the notes left for the user, then what others changed since they signed
    out. Show it only when `has_content()`."""

    #: a lock closes this window (it shows patient data and holds no form being filled in)
    closes_on_lock = True

    sig_record_requested = Signal(str, int)

    def __init__(self, services: Services, user_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Since your last shift")
        self.since: SinceLastShift = services.handoff.since_last_shift(user_id)
        zone = ZoneInfo(self.since.time_zone)
        name = services.users.get(user_id).name
        layout = QVBoxLayout(self)
        heading = _bold(f"Since your last shift, {name}", big=True)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        when = f"you signed out {when_text(self.since.since, zone)}" if self.since.since is not None \
            else "the last 24 hours"
        layout.addWidget(_muted(f"Notes left for you and what others changed since {when}. "
                                "Enter or a double-click opens a record."))

        layout.addSpacing(4)
        layout.addWidget(_bold(f"Notes ({len(self.since.notes)})"))
        self.notes_area = QScrollArea()
        self.notes_area.setObjectName("handoff_notes")
        self.notes_area.setWidgetResizable(True)
        self.notes_area.setFrameShape(QFrame.Shape.StyledPanel)
        holder = QWidget()
        notes_layout = QVBoxLayout(holder)
        self.note_labels: list[QLabel] = []
        for note in self.since.notes:
            notes_layout.addWidget(self._note_widget(note, zone))
        if not self.since.notes:
            notes_layout.addWidget(_muted("No notes were left for you."))
        notes_layout.addStretch(1)
        self.notes_area.setWidget(holder)
        fits = holder.sizeHint().height() + 2 * self.notes_area.frameWidth() + 2
        self.notes_area.setFixedHeight(min(fits, 320))  # longer notes scroll
        layout.addWidget(self.notes_area)

        count = len(self.since.changes)
        layout.addSpacing(4)
        layout.addWidget(_bold(f"Changed by others ({count + self.since.more_changes})"))
        self.changes_view = RecordTree(("What", "Patient / caller", "Change", "By", "When"))
        self.changes_view.setObjectName("changes")
        self.changes_view.set_rows(_change_rows(self.since.changes, zone), _keys(self.since.changes))
        header = self.changes_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (3, 4):
            self.changes_view.resizeColumnToContents(column)
            self.changes_view.setColumnWidth(column, self.changes_view.columnWidth(column) + 16)
        self.changes_view.sig_open.connect(self.sig_record_requested)
        layout.addWidget(self.changes_view, 2)
        if not count:
            self.changes_view.hide()
            layout.addWidget(_muted("Nobody else changed a record meanwhile."))
        if self.since.more_changes:
            layout.addWidget(_muted(f"{self.since.more_changes} older changes are not listed: the audit "
                                    "trail (Edit → Audit trail) has them all."))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton("Close")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        if count:
            self.changes_view.setFocus()
        _fit_to_screen(self, 880, 620)

    def has_content(self) -> bool:
        return self.since.has_content

    def _note_widget(self, note: Handoff, zone: ZoneInfo) -> QWidget:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.NoFrame)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 6)
        column.addWidget(_bold(f"From {note.from_name} · {when_text(note.created_at, zone)} · "
                               f"{note.for_text}"))
        text = QLabel(note.note)
        text.setObjectName("handoff_note_text")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_labels.append(text)
        column.addWidget(text)
        return box


__all__ = ["EndShiftDialog", "RecordTree", "SinceLastShiftDialog"]
