"""Search calls and messages (Ctrl+F): names, numbers and words from the notes, best match first.

Each pause in typing runs one `communications.search` (SQLCipher's FTS5 index, inside the encrypted
workspace). A phone number is found typed with or without punctuation. Focus stays in the search
line: Up/Down/PageUp/PageDown move in the results, Enter opens the highlighted call or message in
its tab, Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from vma_desk.core.communications import SearchHit
from vma_desk.services import Services
from vma_desk.ui.forms.ui_search_dialog import Ui_SearchDialog
from vma_desk.ui.search.model import HIT_ROLE, SearchResultModel, SnippetDelegate

SEARCH_DELAY_MS = 150
RESULT_LIMIT = 50
_NAVIGATION_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
_HINT = "Type a name, a phone number (any punctuation) or words from a call's notes or a message."


class SearchDialog(QDialog):
    #: the kind ("call" or "message") and id of the record to open
    sig_record_chosen = Signal(str, int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SearchDialog()
        self.ui.setupUi(self)
        self._services = services
        self.results = SearchResultModel(self)
        self.ui.result_list.setModel(self.results)
        self.ui.result_list.setItemDelegate(SnippetDelegate(self.ui.result_list))
        self.ui.result_list.setAlternatingRowColors(True)
        self.ui.status_label.setText(_HINT)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.ui.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.ui.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.ui.search_edit.installEventFilter(self)
        self.ui.result_list.activated.connect(self._on_result_list_activated)
        self.ui.result_list.clicked.connect(self._on_result_list_activated)
        self.ui.search_edit.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self._timer.stop()  # no search runs while the dialog is away (closed, or hidden by a lock)
        super().hideEvent(event)

    # searching --------------------------------------------------------------------------------------
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.search_now()

    def search_now(self) -> list[SearchHit]:
        self._timer.stop()
        typed = self.ui.search_edit.text().strip()
        hits = self._services.communications.search(typed, limit=RESULT_LIMIT) if typed else []
        context = self._services.context
        self.results.set_hits(hits, context.practice_zone(), context.today())
        if hits:
            self.ui.result_list.setCurrentIndex(self.results.index(0))
        if not typed:
            self.ui.status_label.setText(_HINT)
        elif not hits:
            self.ui.status_label.setText("No call or message matches.")
        elif len(hits) == RESULT_LIMIT:
            self.ui.status_label.setText(f"The {RESULT_LIMIT} best matches: type more to narrow down.")
        else:
            self.ui.status_label.setText(f"{len(hits)} match{'es' if len(hits) > 1 else ''}, best first. "
                                         "Enter opens the highlighted one.")
        return hits

    # keys and choosing ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.ui.search_edit and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in _NAVIGATION_KEYS):
            QApplication.sendEvent(self.ui.result_list, event)
            return True
        return super().eventFilter(watched, event)

    def _on_search_edit_return_pressed(self) -> None:
        if self._timer.isActive():
            self.search_now()  # typed faster than the pause: Enter means "what I typed"
        self._choose(self.ui.result_list.currentIndex())

    def _on_result_list_activated(self, index: QModelIndex) -> None:
        self._choose(index)

    def _choose(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE) if index.isValid() else None
        if not isinstance(hit, SearchHit):
            return
        self.accept()
        self.sig_record_chosen.emit(hit.kind, hit.record_id)
