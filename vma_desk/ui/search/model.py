"""Search results as a list model, and the delegate that draws each hit's snippet with the matched
words in bold.

The service marks matches in a snippet with [ and ]; `snippet_html` escapes the text and turns the
marks into <b>...</b>. The display text (for accessibility and tests) is plain.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from vma_desk.core import wording
from vma_desk.core.communications import SearchHit

#: the `SearchHit` of a row
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
#: the row as rich text: the title, then the snippet with its matches in bold
HTML_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def snippet_html(snippet: str) -> str:
    """'asks about [chest] pain' -> 'asks about <b>chest</b> pain' (everything else escaped)."""
    return html.escape(snippet, quote=False).replace("[", "<b>").replace("]", "</b>")


def snippet_plain(snippet: str) -> str:
    return snippet.replace("[", "").replace("]", "")


class SearchResultModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._heads: list[str] = []

    def set_hits(self, hits: Sequence[SearchHit], zone: ZoneInfo, today: date) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._heads = [f"{h.title} · {wording.when_in_year(h.at, zone, today)}" for h in self._hits]
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit, head = self._hits[index.row()], self._heads[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{head}\n{snippet_plain(hit.snippet)}"
        if role == HTML_ROLE:
            return f"{html.escape(head, quote=False)}<br><span>{snippet_html(hit.snippet)}</span>"
        if role == HIT_ROLE:
            return hit
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class SnippetDelegate(QStyledItemDelegate):
    """Draws `HTML_ROLE` as rich text, measured and drawn with the same document."""

    MARGIN = 4

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(self.MARGIN)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setTextWidth(max(option.rect.width(), 200))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()
