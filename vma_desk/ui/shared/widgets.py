"""Small shared widgets: a date field that can be blank, and showing a field's error beside it.

`DateEdit` is a QDateEdit that starts blank (shows "MM/DD/YYYY") instead of a plausible default, and
that takes a date typed as 04021961, 04/02/1961 or 4/2/1961. A plain QDateEdit turns "04/02/1961"
into 04/01/2000 (the typed slash skips a section after the month auto-advances): a wrong date of
birth saved without a word. A partly typed date keeps the sentinel year 1800, so it is refused on
save rather than guessed. Tab leaves the field (a slash moves between month, day and year).

`FieldErrors` puts a `ValidationError` next to the widget it names: red text in the label under the
widget, a red border through the ``invalid`` property (see `FIELD_ERROR_STYLE`), focus on the widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, QRect, QSize, Qt, QTime
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QPalette,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QDateEdit,
    QLabel,
    QLayout,
    QLayoutItem,
    QMessageBox,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

#: a date no real entry can have: the blank value, and the year a partial entry keeps
BLANK_DATE = QDate(1800, 1, 1)
DATE_FORMAT = "MM/dd/yyyy"
_BLANK_TEXT = "MM/DD/YYYY"
_SEPARATORS = (Qt.Key.Key_Slash, Qt.Key.Key_Minus, Qt.Key.Key_Period)
_DIGITS = range(Qt.Key.Key_0.value, Qt.Key.Key_9.value + 1)

#: applied by dialogs that use FieldErrors (scoped to the dialog, not the whole application)
FIELD_ERROR_STYLE = """
QLineEdit[invalid="true"], QAbstractSpinBox[invalid="true"], QComboBox[invalid="true"],
QPlainTextEdit[invalid="true"], QAbstractItemView[invalid="true"] {
    border: 2px solid #c62828;
    border-radius: 3px;
}
QLabel[fieldError="true"], QLabel[formError="true"] { color: #b71c1c; }
"""


class DateEdit(QDateEdit):
    """A date field with a blank state and forgiving typing (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(BLANK_DATE)
        self._advanced_by_digit = False
        self._typing_separator = False
        #: the month the calendar opens on while the field is blank
        self.blank_calendar_page = QDate.currentDate()
        self.calendarWidget().installEventFilter(self)
        self.set_value(None)

    # the value --------------------------------------------------------------------------------
    def value(self) -> date | None:
        """The entered date; None while blank or while only partly typed (year missing)."""
        current = self.date()
        if current.year() == BLANK_DATE.year():
            return None
        return date(current.year(), current.month(), current.day())

    def is_blank(self) -> bool:
        return self.date() == BLANK_DATE

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else BLANK_DATE)
        self._show_blank_text(True)

    # blank display ------------------------------------------------------------------------------
    def _show_blank_text(self, show: bool) -> None:
        blank_shown = show and self.is_blank()
        self.setSpecialValueText(_BLANK_TEXT if blank_shown else "")
        palette = self.lineEdit().palette()
        role = QPalette.ColorRole.PlaceholderText if blank_shown else QPalette.ColorRole.Text
        palette.setColor(QPalette.ColorRole.Text, self.palette().color(role))
        self.lineEdit().setPalette(palette)

    def _start_typing_into_blank(self) -> None:
        # typed digits would be appended to the special text: drop it, then let Qt redo its
        # focus-in, which selects the month section of the (sentinel) date underneath
        self._show_blank_text(False)
        super().focusInEvent(QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._show_blank_text(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.is_blank():
            page = self.blank_calendar_page
            self.calendarWidget().setCurrentPage(page.year(), page.month())
        return super().eventFilter(watched, event)

    # typing -------------------------------------------------------------------------------------
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        if self._typing_separator:
            return super().focusNextPrevChild(next)  # QDateEdit moves to the next section this way
        # Tab leaves the field, as everywhere else in a form; QDateEdit would walk through its
        # sections instead, and the next field's text (a phone number) would land in the date
        return QWidget.focusNextPrevChild(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        separator = key in _SEPARATORS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if separator and self._advanced_by_digit:
            # the digits already moved on to the next section: this slash only confirms it
            self._advanced_by_digit = False
            event.accept()
            return
        if separator and key != Qt.Key.Key_Slash:
            event = QKeyEvent(event.type(), Qt.Key.Key_Slash, event.modifiers(), "/")
        if key in _DIGITS and self.specialValueText():
            self._start_typing_into_blank()
        before = self.currentSection()
        self._typing_separator = separator
        try:
            super().keyPressEvent(event)
        finally:
            self._typing_separator = False
        self._advanced_by_digit = key in _DIGITS and self.currentSection() != before


def to_date(value: QDate) -> date:
    """The day a QDate holds, as `QDate.toPython()` gives it (typed only as object by PySide6)."""
    return date(value.year(), value.month(), value.day())


def to_time(value: QTime) -> time:
    """The time of day a QTime holds, as `QTime.toPython()` gives it (typed only as object)."""
    return time(value.hour(), value.minute(), value.second(), value.msec() * 1000)


def date_field(day: date) -> QDateEdit:
    """A date field that is never blank, on `day`, written MM/dd/yyyy, with the calendar popup (a
    period's first and last day, a block's date)."""
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


class ErrorLine(QLabel):
    """The line under a small dialog's fields that says why the last attempt was refused: hidden
    until `say`, wrapped, in the style sheet's field-error colour."""

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setProperty("role", "field-error")
        self.setWordWrap(True)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.show()


@dataclass(frozen=True)
class FieldSlot:
    """Where a field's error goes: the widget to mark and focus, and the label to write in."""

    widget: QWidget
    label: QLabel
    caption: str


def error_sentence(caption: str, message: str) -> str:
    """'Last name' + 'is required' -> 'Last name is required.'"""
    joiner = " " if message.split(" ", 1)[0] in ("is", "must", "lists") else ": "
    text = f"{caption}{joiner}{message}"
    return text if text.endswith(".") else text + "."


def set_invalid(widget: QWidget, invalid: bool) -> None:
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    # a dynamic property only restyles after a re-polish
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class FieldErrors:
    """Shows validation errors beside their fields, and clears them again."""

    def __init__(self, general_label: QLabel, scroll_area: QScrollArea | None = None) -> None:
        self._general = general_label
        self._scroll = scroll_area
        self._shown: list[FieldSlot] = []
        general_label.setProperty("formError", True)
        general_label.hide()

    @staticmethod
    def prepare(*labels: QLabel) -> None:
        """Give error labels their look and hide them until needed."""
        for label in labels:
            label.setProperty("fieldError", True)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.hide()

    def show(self, slot: FieldSlot, message: str) -> None:
        text = error_sentence(slot.caption, message)
        slot.label.setText(text)
        slot.label.show()
        slot.widget.setAccessibleDescription(text)
        set_invalid(slot.widget, True)
        self._shown.append(slot)
        slot.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._scroll is not None:
            self._scroll.ensureWidgetVisible(slot.label)
            self._scroll.ensureWidgetVisible(slot.widget)

    def show_general(self, text: str) -> None:
        self._general.setText(text)
        self._general.show()

    def clear(self) -> None:
        for slot in self._shown:
            slot.label.clear()
            slot.label.hide()
            slot.widget.setAccessibleDescription("")
            set_invalid(slot.widget, False)
        self._shown.clear()
        self._general.clear()
        self._general.hide()


def select_cell(view: QAbstractItemView, row: int, column: int) -> None:
    """Make one cell current and visible, so that an error about it is easy to find."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.scrollTo(index)


def confirm(parent: QWidget, title: str, text: str, yes_text: str, no_text: str) -> bool:
    """Ask a yes/no question; the safe answer (no) is the default and what Esc chooses."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def ask_reason(parent: QWidget, title: str, label: str, ok_text: str) -> str | None:
    """Ask for a short reason (reopening a record): the text typed, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setOkButtonText(ok_text)
    dialog.setTextValue("")
    dialog.resize(max(dialog.width(), 420), dialog.height())
    while dialog.exec():
        text = " ".join(dialog.textValue().split())
        if text:
            return text
        dialog.setLabelText(f"{label}\n\nA reason is needed: it is kept in the record's history.")
    return None


# fitting small screens and large text (issue 12 item 9) --------------------------------------------
def screen_area(widget: QWidget) -> QRect:
    """The part of the widget's screen a window may use (less the taskbar and panels)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def show_dialog(dialog: QWidget, *, modal: bool = True) -> None:
    """Show a dialog without blocking, the one way every dialog is shown: the auto-lock can then
    hide it and bring it back with what was typed still there. It is deleted when closed, and fitted
    to its screen (a small laptop with large text: its buttons stay on screen)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal if modal else Qt.WindowModality.NonModal)
    dialog.show()
    fit_to_screen(dialog)
    dialog.raise_()
    dialog.activateWindow()


def fit_to_screen(window: QWidget) -> None:
    """Size a shown window for its text and its screen: at least as large as its contents ask
    (a dialog's usual size leaves larger text too little room), no larger than the screen's free
    area (down to the window's own minimum, which each dialog keeps within 768 pixels by scrolling
    its body), and moved inside that area, so its buttons are never below the taskbar. Called once
    where dialogs are shown."""
    area = screen_area(window)
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    wanted = window.size().expandedTo(window.sizeHint())
    width = max(min(wanted.width(), area.width() - extra_w), window.minimumWidth())
    height = max(min(wanted.height(), area.height() - extra_h), window.minimumHeight())
    centre = frame.center()
    if (width, height) != (window.width(), window.height()):
        QWidget.resize(window, width, height)  # unbound: a dialog may name an attribute "resize"
        frame = window.frameGeometry()
        frame.moveCenter(centre)  # where it was shown (over its parent), now at its new size
    x = min(max(frame.x(), area.left()), max(area.left(), area.right() + 1 - frame.width()))
    y = min(max(frame.y(), area.top()), max(area.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (window.frameGeometry().x(), window.frameGeometry().y()):
        QWidget.move(window, x, y)  # unbound: a dialog may name an attribute "move" (a referral's)


def elide_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """`text` as it wraps at `width` pixels, cut after `lines` lines with "…" at the end of the last
    (the text itself when it fits): a cell that would wrap onto ten lines keeps to a few."""
    if width <= 0 or not text:
        return text
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts: list[int] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    if len(starts) <= lines:
        return text
    last = text[starts[lines - 1]:].replace("\n", " ")
    shown = QFontMetrics(font).elidedText(last, Qt.TextElideMode.ElideRight, width)
    if not shown.endswith("…"):
        shown = shown.rstrip() + "…"
    return text[:starts[lines - 1]] + shown


class FlowLayout(QLayout):
    """Widgets side by side that go on to the next line when the width runs out (a row of step
    buttons with large text on a small screen), instead of being squeezed until their words are
    cut. Its minimum width is its widest widget's."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line."""
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        width = sum(s.width() for s in shown) + self.spacing() * max(len(shown) - 1, 0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     max((s.height() for s in shown), default=0) + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():  # a hidden button takes no room
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


def flow_row(row: QBoxLayout) -> FlowLayout:
    """Put a Designer form's row of buttons into a `FlowLayout` in its place (its spacers dropped):
    the form keeps its design, the row wraps when the text is large and the window small."""
    parent = row.parent()
    assert isinstance(parent, QBoxLayout), "the row must sit in a box layout"
    index = parent.indexOf(row)
    flow = FlowLayout(spacing=max(row.spacing(), 0))
    while row.count():
        item = row.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            flow.addWidget(widget)
    parent.removeItem(row)
    parent.insertLayout(index, flow)
    row.deleteLater()
    return flow


class ElidedTipDelegate(QStyledItemDelegate):
    """Table cells keep to one line, cut with "…" (the view's elide mode); a cell that is cut shows
    its whole text as its tooltip, above the row's own tooltip (which the model gives, often the
    record's reason or state)."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem, index: Any) -> bool:
        if event is None or event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        full = self.cut_text(view, index)
        if not full:
            return super().helpEvent(event, view, option, index)
        tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        QToolTip.showText(event.globalPos(), full if not tip or full in tip else f"{full}\n\n{tip}", view)
        return True

    def cut_text(self, view: QAbstractItemView, index: Any) -> str:
        """The cell's whole text when the view shows it cut short, else ""."""
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = view.visualRect(index)
        self.initStyleOption(option, index)
        text = option.text
        if not text:
            return ""
        style = view.style()
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view).width()
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, view) + 1)
        return text if QFontMetrics(option.font).horizontalAdvance(text) > room - margin else ""
