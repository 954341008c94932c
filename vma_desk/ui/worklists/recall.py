"""The Recall list's filters and its pages, above and below its table in the Worklists tab: by the
gap due (the kinds on the list), the provider the patient saw last, the recall calls made (none
yet, 1 or more, a letter or closing due) and the last contact (never, or not since N days ago);
"200 of 4,520 shown, the longest overdue first" with "Show 200 more" (Alt+R) under the table.

Keys: Alt+G the gap, Alt+S the provider seen last, Alt+T the attempts, Alt+C the last contact
(each a list: the arrow keys choose, the list is read again at once), Alt+R the next 200 rows.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QTableView, QWidget

from vma_desk.core import wording
from vma_desk.core.recall import RecallFilter
from vma_desk.core.records import StaffMember
from vma_desk.ui.forms.ui_worklists_recall import Ui_WorklistsRecall
from vma_desk.ui.shared.table import tab_action

#: the rows a page of the list adds
PAGE = 200
#: the attempts choices: (text, min attempts, max attempts, exhausted)
ATTEMPTS: tuple[tuple[str, int | None, int | None, bool], ...] = (
    ("Any", None, None, False), ("None yet", None, 0, False), ("1 or more", 1, None, False),
    ("Letter or close due", None, None, True))
#: the last contact choices: (text, "never", days ago)
CONTACTS: tuple[tuple[str, bool, int | None], ...] = (
    ("Any", False, None), ("Never", True, None), ("Not in the last 7 days", False, 7),
    ("Not in the last 14 days", False, 14), ("Not in the last 30 days", False, 30))


class RecallPanel(QWidget):
    """The Recall list's table with its filters above and its page line below. `sig_filter_changed`:
    a filter was chosen; `sig_more`: the next page was asked for."""

    sig_filter_changed = Signal()
    sig_more = Signal()

    def __init__(self, view: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WorklistsRecall()
        self.ui.setupUi(self)
        self.ui.table_layout.addWidget(view)
        self.setFocusProxy(view)
        self.ui.gap_combo.addItem("Any", "")
        self.ui.provider_combo.addItem("Any", None)
        for text, *_ in ATTEMPTS:
            self.ui.attempts_combo.addItem(text)
        for text, *_ in CONTACTS:
            self.ui.contact_combo.addItem(text)
        for combo in self._combos():
            combo.currentIndexChanged.connect(lambda _index: self.sig_filter_changed.emit())
        self.ui.more_button.clicked.connect(lambda _checked: self.sig_more.emit())
        self.more_action = tab_action(self, "Show more", ("Alt+R",),
                                      "Add the next page of patients to the list", self.sig_more.emit)

    def set_choices(self, kinds: list[str], providers: list[StaffMember]) -> None:
        """The gap kinds on the list and the active providers, keeping what is chosen while it is
        still offered (without reading the list again)."""
        for combo, items in ((self.ui.gap_combo, [("Any", ""), *((k, k) for k in kinds)]),
                             (self.ui.provider_combo, [("Any", None), ("Nobody on record", 0),
                                                       *((p.display_name, p.id) for p in providers)])):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def chosen(self, now: datetime) -> RecallFilter:
        """The filter the choices make (`now`: what "the last 7 days" count back from)."""
        _, least, most, exhausted = ATTEMPTS[max(0, self.ui.attempts_combo.currentIndex())]
        _, never, days = CONTACTS[max(0, self.ui.contact_combo.currentIndex())]
        if never:
            most = 0
        return RecallFilter(gap_kind=self.ui.gap_combo.currentData() or "",
                            provider_id=self.ui.provider_combo.currentData(), min_attempts=least,
                            max_attempts=most, exhausted=exhausted,
                            contacted_before=now - timedelta(days=days) if days else None)

    def filtered(self) -> bool:
        return any(combo.currentIndex() > 0 for combo in self._combos())

    def _combos(self) -> tuple[QComboBox, ...]:
        return self.ui.gap_combo, self.ui.provider_combo, self.ui.attempts_combo, self.ui.contact_combo

    def show_page(self, shown: int, total: int, page: int = PAGE) -> None:
        """ "200 of 4,520 shown, the longest overdue first: narrow with the filters", and the
        button for the next page while some are not shown."""
        more = total > shown
        if more:
            text = (f"{shown:,} of {total:,} shown, the longest overdue first: narrow with the filters"
                    f" or show {min(page, total - shown)} more")
        elif total:
            text = f"All {wording.plural(total, 'patient')} shown, the longest overdue first"
        else:
            text = "No patient matches these filters" if self.filtered() else ""
        self.ui.shown_label.setText(text)
        self.ui.more_button.setText(f"Show {min(page, max(total - shown, 0)) or page} more (Alt+R)")
        self.ui.more_button.setEnabled(more)
        self.more_action.setEnabled(more)

    def clear(self) -> None:
        self.ui.shown_label.setText("")
        self.ui.more_button.setEnabled(False)
        self.more_action.setEnabled(False)
