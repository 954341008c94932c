"""Search calls and messages (Ctrl+F): names, numbers and words from the notes, best match first
(what was said above what was denied, newer above older: `core.rules.search`).

Each pause in typing runs one `communications.search` (SQLCipher's FTS5 index, inside the encrypted
workspace). A phone number is found typed with or without punctuation. Focus stays in the search
line: Up/Down/PageUp/PageDown move in the results, Enter opens the highlighted call or message in
its tab, Esc closes. A search is audited once (never its words) when its results stay on screen
through a pause in typing or one of them is opened (`SearchAudit`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QDialog, QWidget

from vma_desk.core.communications import SearchHit
from vma_desk.services import Services
from vma_desk.ui.forms.ui_search_dialog import Ui_SearchDialog
from vma_desk.ui.search.model import HIT_ROLE, SearchResultModel, SnippetDelegate
from vma_desk.ui.search_as_you_type import SearchAsYouType
from vma_desk.ui.search_audit import SearchAudit

SEARCH_DELAY_MS = 150
RESULT_LIMIT = 50
_HINT = "Type a name, a phone number (any punctuation) or words from a call's notes or a message."


class SearchDialog(QDialog):
    #: a lock closes this window (its results show patient data); what was typed is kept in memory
    #: by the main window (`lock_draft`) and searched again when the same user signs in
    closes_on_lock = True

    def lock_draft(self) -> str:
        return self.ui.search_edit.text()

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
        self._typing = SearchAsYouType(self, self.ui.search_edit, self.ui.result_list, self.search_now,
                                       SEARCH_DELAY_MS)
        self.search_audit = SearchAudit(self, lambda results: services.communications.record_search(
            "search (Ctrl+F)", results))
        self.ui.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.ui.result_list.activated.connect(self._on_result_list_activated)
        self.ui.result_list.clicked.connect(self._on_result_list_activated)
        self.ui.search_edit.setFocus()

    # searching --------------------------------------------------------------------------------------
    def search_now(self) -> list[SearchHit]:
        self._typing.stop()
        typed = self.ui.search_edit.text().strip()
        hits = self._services.communications.search(typed, limit=RESULT_LIMIT) if typed else []
        context = self._services.context
        self.results.set_hits(hits, context.practice_zone(), context.today())
        self.search_audit.shown(typed, len(hits))
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
    def _on_search_edit_return_pressed(self) -> None:
        self._typing.flush()
        self._choose(self.ui.result_list.currentIndex())

    def _on_result_list_activated(self, index: QModelIndex) -> None:
        self._choose(index)

    def _choose(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE) if index.isValid() else None
        if not isinstance(hit, SearchHit):
            return
        self.search_audit.commit()
        self.accept()
        self.sig_record_chosen.emit(hit.kind, hit.record_id)
