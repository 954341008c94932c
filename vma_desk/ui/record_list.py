"""What the list-and-detail tabs share (Calls, Messages, Refills, Referrals): a list of records
whose selection drives a detail pane (`RecordList`), and the tab's part in the window's changes
(`TabChanges`): its own sent out with a notice, others' taken when they touch what it shows. The
Messages and Refills tabs (one ticking list, one kind of record) are `ListTab`s.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from vma_desk.core.errors import KnownError
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.ui.record_model import ModeFilterProxy, RecordTableModel, TickingTableModel
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.tab import TabPage


def set_flag(widget: QWidget, name: str, on: bool) -> None:
    """Set a property the style sheet looks at, and restyle (a dynamic property needs a re-polish)."""
    if bool(widget.property(name)) != on:
        widget.setProperty(name, on)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def show_error(label: QLabel, message: str) -> None:
    """Say in the detail pane why a step was refused (the label hides again with the next record)."""
    label.setText(message)
    label.show()


class RecordList:
    """One list of records and its detail pane: `view` shows `model` through a sorting and
    filtering proxy; `show` fills the pane with a row of the model (or empties it, given None).

    `forget_current`: a record shown alone (one the list no longer holds) also clears the view's
    current row, not only its selection, so the next filter change selects the first row again.
    """

    def __init__(self, view: QTableView, model: RecordTableModel, show: Callable[[Any], None], *,
                 forget_current: bool = False) -> None:
        self.view = view
        self.model = model
        self._show = show
        self._forget_current = forget_current
        self._kept: int | None = None

    @property
    def proxy(self) -> QSortFilterProxyModel:
        proxy = self.view.model()
        assert isinstance(proxy, QSortFilterProxyModel), "a record list shows its rows through a proxy"
        return proxy

    def current(self) -> Any | None:
        """The model's row at the view's current index, or None."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def show_current(self) -> None:
        """The selection moved: the pane follows it."""
        self._show(self.current())

    def select(self, record_id: int, *, show: bool = True) -> bool:
        """Make a record's row current and scroll to it (and show it, unless `show` is False);
        False when the list does not show it (not read, or filtered out)."""
        row = self.model.row_of(record_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if index is None or not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        if show:
            self._show(self.model.row(row))
        return True

    def select_first(self) -> bool:
        """Make the first row current (the pane follows the selection); False when none is shown."""
        index = self.proxy.index(0, 0)
        if index.isValid():
            self.view.setCurrentIndex(index)
        return index.isValid()

    def focus(self) -> None:
        """The keyboard in the list (Alt+1…6, a click on the tab), a row chosen when none was, so
        the tab's keys (Enter, Ctrl+Enter, Ctrl+M...) act on it at once."""
        if not self.view.currentIndex().isValid():
            self.select_first()
        self.view.setFocus()

    def reselect(self, record_id: int | None) -> None:
        """After a load: select the record again, else the first row, else empty the pane."""
        if (record_id is None or not self.select(record_id)) and not self.select_first():
            self._show(None)

    def clear(self, shown_id: int | None) -> None:
        """The workspace locked: keep only the id of the record shown (`take_kept`), then empty the
        list and the pane (as for no record), asking nothing of the services."""
        if shown_id is not None:  # a second clear() keeps what the first one kept
            self._kept = shown_id
        self.model.clear()  # first: a selection cleared while its rows are there shows them once more
        self.view.selectionModel().clear()
        self._show(None)

    def take_kept(self) -> int | None:
        """The record shown when the workspace locked, once (for the reload after the next sign-in)."""
        kept, self._kept = self._kept, None
        return kept

    def show_alone(self, row: Any) -> None:
        """Show a row the list does not hold (a closed record) in the pane, with nothing selected."""
        if self._forget_current:
            self.view.selectionModel().clear()
        else:
            self.view.clearSelection()
        self._show(row)

    def show_record(self, record_id: int, fetch: Callable[[int], Any], show_open: Callable[[], None],
                    row_for: Callable[[Any], Any]) -> bool:
        """Show a record (from search or a link): selected while the list holds it; an open one
        filtered out is brought back by `show_open` (clear the filter and load, selecting it); a
        closed one is shown in the pane alone, as `row_for` makes its row."""
        if self.select(record_id):
            self.view.setFocus()
            return True
        try:
            record = fetch(record_id)
        except KnownError:
            return False
        if record.is_open:
            show_open()
            return self.select(record_id)
        self.show_alone(row_for(record))
        return True


class TabChanges:
    """A tab's part in the window's changes. Its own go out through the tab's `send_change`
    (`publish`, with a notice for the summary line) and are skipped when the window fans them back
    (their origin is the tab's name); another tab's `concerns` it when it touches a kind of record
    it shows (`shown`), and what the change made stale is forgotten then."""

    def __init__(self, tab: TabPage, context: TabContext, shown: Collection[RecordKind]) -> None:
        self._tab = tab
        self._context = context
        self._shown = frozenset(shown)
        #: what the tab did last, said before its summary
        self.notice = ""

    def concerns(self, change: Change) -> bool:
        """A change from the window: True (with the stale names forgotten) when the tab must read again."""
        if self._tab.made_here(change) or change.kind not in self._shown:
            return False
        self._context.forget_changed(change)
        return True

    def publish(self, change: Change, notice: str, reload: Callable[[], None]) -> None:
        """The tab made a change: say so, read again (`reload`), then tell the window."""
        self.notice = notice
        reload()
        self._tab.send_change(change)

    def forget(self) -> None:
        """The workspace locked: the notice (it names a patient) and the patients read are forgotten."""
        self.notice = ""
        self._context.patients.forget()

    def send(self, change: Change) -> None:
        """Tell the window of a change without reading again (another tab shows it)."""
        self._tab.send_change(change)

    def summary(self, summary: str) -> str:
        """The summary line, after the notice of the last change while there is one."""
        return f"{self.notice}   ·   {summary}" if self.notice else summary


class ListTab(TabPage):
    """A tab of one list of records of one kind whose ages tick, and its detail pane (Messages,
    Refills): what such a tab does the same way. The tab calls `hold_list` in its constructor and
    gives `load`, `_selected_id`, `_show_row`, `_update_summary`, `show_record` and `_open_form`."""

    #: the record kind the tab shows (`open_record`) and the form it opens (`open_form`): "message"
    record_kind = ""

    def hold_list(self, context: TabContext, model: TickingTableModel, proxy: ModeFilterProxy,
                  view: QTableView, shown: Collection[RecordKind], *, forget_current: bool = False) -> None:
        """Show `model` in `view` through `proxy`; the tab's part in the window's changes (of the
        kinds `shown`) and its `RecordList` (`forget_current`: see `RecordList`)."""
        self.context = context
        self.model = model
        self.proxy = proxy
        proxy.setSourceModel(model)
        self.view = view
        view.setModel(proxy)
        self.last_load_ms = 0.0
        self._changes = TabChanges(self, context, shown)
        self._list = RecordList(view, model, self._show_row, forget_current=forget_current)

    # what the tab gives -----------------------------------------------------------------------------
    def load(self, select_id: int | None = None) -> None:
        """Read the list again, keeping the selected record (or selecting `select_id`)."""
        raise NotImplementedError

    def _selected_id(self) -> int | None:
        raise NotImplementedError

    def _show_row(self, row: Any) -> None:
        raise NotImplementedError

    def _update_summary(self) -> None:
        raise NotImplementedError

    def show_record(self, record_id: int) -> bool:
        """Show a record (from search or a link), as `RecordList.show_record` does."""
        raise NotImplementedError

    def _open_form(self) -> None:
        """Open the tab's empty form (Ctrl+M, Ctrl+N, a draft's kind)."""
        raise NotImplementedError

    def _rows_with(self, record_ids: Collection[int]) -> list[Any] | None:
        """The list's rows with those records read again and every other row as it was read, in
        the list's order; None when the list must be read whole instead (a record it would no
        longer show, a filter showing more than the open records). `apply_change` asks."""
        return None

    # what is the same -------------------------------------------------------------------------------
    def focus_main(self) -> None:
        """Alt+N or a click on the tab: the keyboard in the list (`RecordList.focus`)."""
        self._list.focus()

    def _on_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._list.show_current()

    def _on_model_attention_changed(self, count: int) -> None:
        """The model's count of what needs attention moved: the summary and the tab's title follow."""
        self._update_summary()
        self.sig_badge_changed.emit(count)

    def _show_first_unless_current(self) -> None:
        """After the filter changed: the current row stays, else the first, else an empty pane."""
        if not self.view.currentIndex().isValid() and not self._list.select_first():
            self._show_row(None)

    def apply_change(self, change: Change) -> None:
        if self._changes.concerns(change) and not self._read_touched(change):
            self.load()

    def _read_touched(self, change: Change) -> bool:
        """An update of records the list shows (a step taken elsewhere, an undo): only those are
        read again (`_rows_with`), the other rows kept as read. False when the list must read all:
        another kind of change (a patient renamed), records new or gone."""
        if change.kind != self.record_kind or change.action is not AuditAction.UPDATE or not change.ids:
            return False
        shown = {row.record_id for row in self.model.rows()}
        if not set(change.ids) <= shown:
            return False
        rows = self._rows_with(change.ids)
        if rows is None:
            return False
        keep = self._selected_id()
        self.model.set_rows(rows, self.context.zone())
        self._list.reselect(keep)
        self._update_summary()
        return True

    def _publish(self, change: Change, notice: str = "", select_id: int | None = None) -> None:
        self._changes.publish(change, notice, lambda: self.load(select_id))

    def pause(self) -> None:
        """Locked: the ages stop moving until the workstation is unlocked."""
        self.model.pause()

    def clear(self) -> None:
        """Locked (the workspace is closed): the list, the pane, the notice and the patients read
        are forgotten, asking nothing of the services; `resume` selects the record again."""
        self._list.clear(self._selected_id())
        self._changes.forget()
        self._update_summary()

    def resume(self) -> None:
        """Unlocked: read the list again (emptied by `clear`), the record shown selected again."""
        self.model.resume()
        self.load(select_id=self._list.take_kept())

    def open_record(self, kind: str, record_id: int) -> bool:
        return kind == self.record_kind and self.show_record(record_id)

    def open_form(self, form: str) -> bool:
        if form != self.record_kind:
            return False
        self._open_form()
        return True
