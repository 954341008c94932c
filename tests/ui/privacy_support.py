"""Finding patient data left in the application's widgets: `patient_text_in_widgets(names)` reads
every text a widget shows (labels, buttons, line and text edits, window titles, tooltips, tab
texts, combo box items, actions) and every cell and header of every model an item view shows
(display text and tooltip, through proxies down to the source model), hidden widgets included,
and says where each name was found.

Placeholder texts are not read: they say what to type, never what was typed.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QAbstractProxyModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

#: the roles of a model's cells that show text
_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def patient_text_in_widgets(names: list[str], root: QWidget | None = None) -> list[str]:
    """Each place a name appears (case-sensitive), as "'Ames' in <where>: <text>". With `root`,
    only that window's widgets and the windows it owns (dialogs parented to it) are read: windows
    of earlier tests that Python has not collected yet are not this app's."""
    return [f"{name!r} in {where}: {shown[:120]!r}"
            for name, where, shown in patient_text_places(names, root)]


def patient_text_places(names: list[str], root: QWidget | None = None) -> list[tuple[str, str, str]]:
    """(name, where, the text it was found in) for each place a name appears."""
    wanted = [n for n in names if n]
    found = []
    for where, shown in _texts(root):
        found += [(name, where, shown) for name in wanted if name in shown]
    return found


def _belongs_to(widget: QWidget, root: QWidget) -> bool:
    node: QWidget | None = widget
    while node is not None:
        if node is root:
            return True
        node = node.parentWidget()
    return False


def _texts(root: QWidget | None = None) -> Iterator[tuple[str, str]]:
    """Every (where, text) the widgets and the item views' models hold."""
    models: dict[int, tuple[QAbstractItemModel, str]] = {}
    widgets = QApplication.allWidgets()
    if root is not None:
        widgets = [w for w in widgets if _belongs_to(w, root)]
    for widget in widgets:
        where = describe(widget)
        for what, shown in _widget_texts(widget):
            if shown:
                yield f"{where} {what}", shown
        if isinstance(widget, QAbstractItemView):
            for model in _model_chain(widget.model()):
                models.setdefault(id(model), (model, where))
    for model, view in models.values():
        for where, shown in _model_texts(model):
            if shown:
                yield f"{type(model).__name__} of {view}, {where}", shown


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    yield "window title", widget.windowTitle()
    yield "tooltip", widget.toolTip()
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        yield "text", widget.text()
    if isinstance(widget, QAbstractSpinBox):
        yield "text", widget.text()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield "text", widget.toPlainText()
    if isinstance(widget, QGroupBox):
        yield "title", widget.title()
    if isinstance(widget, QComboBox):
        yield "current text", widget.currentText()
        for item in range(widget.count()):
            yield f"item {item}", widget.itemText(item)
    if isinstance(widget, QTabBar):
        for tab in range(widget.count()):
            yield f"tab {tab}", widget.tabText(tab)
            yield f"tab {tab} tooltip", widget.tabToolTip(tab)
    for action in widget.actions():
        yield f"action {action.objectName()!r}", action.text()
        yield f"action {action.objectName()!r} tooltip", action.toolTip()


def _model_chain(model: QAbstractItemModel | None) -> Iterator[QAbstractItemModel]:
    """A view's model and, through each proxy, the model under it."""
    while model is not None:
        yield model
        model = model.sourceModel() if isinstance(model, QAbstractProxyModel) else None


def _model_texts(model: QAbstractItemModel) -> Iterator[tuple[str, str]]:
    root = QModelIndex()
    for orientation, count in ((Qt.Orientation.Horizontal, _columns(model, root)),
                               (Qt.Orientation.Vertical, model.rowCount(root))):
        for section in range(count):
            for role in _ROLES:
                said = _text(model.headerData(section, orientation, role))
                yield f"header {orientation.name} {section}", said
    yield from _cells(model, root, "")


def _cells(model: QAbstractItemModel, parent: QModelIndex, path: str) -> Iterator[tuple[str, str]]:
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in _ROLES:
                yield f"cell {path}{row},{column}", _text(index.data(role))
            if column == 0 and model.rowCount(index) > 0:
                yield from _cells(model, index, f"{path}{row}/")


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """A model's columns (a list model has one; PySide keeps its `columnCount` private)."""
    if isinstance(model, QAbstractListModel):
        return 0 if parent.isValid() else 1
    return model.columnCount(parent)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def describe(widget: QWidget) -> str:
    """A widget's class and name, the names of the widgets it sits in (innermost first) and its
    window's class: "QLabel detail_title < detail_pane < splitter (in MessagesTab)"."""
    parts = []
    current: QWidget | None = widget
    while current is not None and len(parts) < 3:
        parts.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return f"{type(widget).__name__} {' < '.join(parts)} (in {type(widget.window()).__name__})"
