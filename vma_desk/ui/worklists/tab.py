"""The Worklists tab: every list of people to chase (voicemails to return, callbacks, visits to
confirm), one sub-tab each with its count of rows due now, and the voicemail box's last check.

Keys (while the tab has focus): Ctrl+Shift+L logs an attempt on the selected row (the next row is
selected after it), Ctrl+D takes the row off its list (Returned, Done, Confirmed, Mark done…, Won't
rebook…), Ctrl+Shift+D the list's close step with the reason ("Close as unreachable…" on
Confirmations, Follow-up calls and Intake forms, "Cancel task…", "Close result…", a records request's
"Close…"; Edit → Undo where the step has one), Ctrl+Enter books its visit
(Recall: Book…; To rebook: Rebook…), Enter opens the row's patient, Ctrl+O its record in its tab,
Ctrl+B "Box checked", Ctrl+N a new voicemail; Ctrl+Tab moves between the lists. A row stays quiet
(greyed, after the rows due) until its next attempt is due; the lists' own timers move rows from
quiet to due every minute without a query. The tab's title counts the rows due now across its lists:
"Worklists (3 due)".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHeaderView, QTableView, QWidget

from vma_desk.core import wording
from vma_desk.core.chase import Attempt, ChaseKind
from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import Change, RecordKind
from vma_desk.services import Services
from vma_desk.ui.forms.ui_worklists_tab import Ui_WorklistsTab
from vma_desk.ui.record_list import RecordList, TabChanges, set_flag, show_error
from vma_desk.ui.shared.attempt import AttemptTarget, LogAttemptDialog
from vma_desk.ui.shared.badges import BADGE_KINDS, worklist_title, worklists_title
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import show_dialog
from vma_desk.ui.shared.tab import TabPage
from vma_desk.ui.shared.table import fit_columns, setup_record_table, tab_action
from vma_desk.ui.shared.widgets import ask_reason
from vma_desk.ui.worklists.lists import DoneStep, FormStep, RecallList, VoicemailList, Worklist, worklists
from vma_desk.ui.worklists.model import ROW_ROLE, WorklistProxy, WorklistTableModel, WorkRow
from vma_desk.ui.worklists.recall import RecallPanel
from vma_desk.ui.worklists.voicemail import VoicemailDialog

TAB_STYLE = """
QLabel#box_warning_label[due="true"] { color: #8e0016; font-weight: bold; }
QLabel#step_error_label { color: #b00020; }
"""
_SHOWN = frozenset({RecordKind.CONTACT_ATTEMPT, RecordKind.VOICEMAIL, RecordKind.VOICEMAIL_CHECK,
                     RecordKind.CALL, RecordKind.APPOINTMENT, RecordKind.PATIENT, RecordKind.STAFF,
                     RecordKind.PRACTICE, RecordKind.SETTING, RecordKind.APPOINTMENT_TYPE, RecordKind.USER,
                     RecordKind.TASK, RecordKind.INTAKE, RecordKind.RESULT, RecordKind.RECORDS_REQUEST})
#: the width of the "Next" and "Attempts" columns every list has
_NEXT_SAMPLE, _ATTEMPTS_SAMPLE = "Quiet until Tomorrow 10:30 AM", "3 attempts · last: left voicemail 10:42"


class ListPage:
    """One worklist as the tab shows it: its rows' model, the sorting proxy and the table, and the
    kernel's `RecordList` that finds and selects a row by its record's id."""

    def __init__(self, worklist: Worklist, model: WorklistTableModel, proxy: WorklistProxy,
                 view: QTableView, widget: QWidget | None = None) -> None:
        self.worklist = worklist
        self.model = model
        self.proxy = proxy
        self.view = view
        #: what its sub-tab shows: the table, or the Recall list's filters, table and pages
        self.widget = widget or view
        self.records = RecordList(view, model, lambda _row: None)  # no detail pane: the row says all
        #: a change touched what it reads while the tab was hidden: read it when shown
        self.stale = False

    def due_count(self) -> int:
        """The rows due now: the model's, or on a list shown in pages, the whole list's as read."""
        return self.worklist.due_now if isinstance(self.worklist, RecallList) else self.model.due_count()

    def current(self) -> WorkRow | None:
        row = self.records.current()
        return row if isinstance(row, WorkRow) else None

    def row_after(self, record_id: int) -> int | None:
        """The record listed after `record_id` (before it, for the last row): the row to select
        once that one is dealt with."""
        proxy = self.proxy
        ids: list[int] = [proxy.index(r, 0).data(ROW_ROLE).record_id for r in range(proxy.rowCount())]
        if record_id not in ids or len(ids) < 2:
            return None
        at = ids.index(record_id)
        return ids[at + 1] if at + 1 < len(ids) else ids[at - 1]

    def select(self, record_id: int | None) -> bool:
        return record_id is not None and self.records.select(record_id, show=False)

    def select_first(self) -> bool:
        return self.records.select_first()


class WorklistsTab(TabPage):
    """`sig_badge_changed` counts the rows due now across the lists; `sig_patient_requested` asks
    the window to open a patient (Enter on a row)."""

    sig_patient_requested = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 context: TabContext | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WorklistsTab()
        self.ui.setupUi(self)
        self.context = context if context is not None else TabContext(services)
        self._changes = TabChanges(self, self.context, _SHOWN)
        self._kept: dict[int, int | None] = {}
        self.setStyleSheet(TAB_STYLE)
        self.pages = [self._add_page(worklist) for worklist in worklists(self.context)]
        self.voicemails = next(w for w in (p.worklist for p in self.pages) if isinstance(w, VoicemailList))
        self.recall = next(w for w in (p.worklist for p in self.pages) if isinstance(w, RecallList))
        self._build_actions()
        self.ui.lists_tabs.currentChanged.connect(self._on_lists_tabs_current_changed)
        self.ui.step_error_label.hide()
        # the box's check comes due with the clock: looked at again on the voicemail list's tick
        self._page_of(self.voicemails).model.timer.timeout.connect(self._update_box)
        self.load()

    def _page_of(self, worklist: Worklist) -> ListPage:
        return next(p for p in self.pages if p.worklist is worklist)

    # building -------------------------------------------------------------------------------------
    def _add_page(self, worklist: Worklist) -> ListPage:
        model = WorklistTableModel(worklist.columns, self.context.now, self)
        proxy = WorklistProxy(self)
        proxy.setSourceModel(model)
        view = QTableView()
        view.setObjectName(f"{worklist.kind.value}_view")
        view.setModel(proxy)
        view.setAccessibleName(f"{worklist.title} worklist")
        setup_record_table(view, 0, Qt.SortOrder.AscendingOrder)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        fit_columns(view, (_NEXT_SAMPLE, *worklist.samples, _ATTEMPTS_SAMPLE))
        stretch = next((i + 1 for i, s in enumerate(worklist.samples) if not s), None)
        if stretch is not None:  # the free text takes the width left
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)
        widget: QWidget = view
        make_panel = getattr(worklist, "make_panel", None)
        if make_panel is not None:  # a list with its own filters or buttons around its table
            widget = make_panel(view, lambda: self.load(pages=[self._page_of(worklist)]))
        if isinstance(worklist, RecallList):
            self.recall_panel = RecallPanel(view)
            self.recall_panel.sig_filter_changed.connect(self._on_recall_filter_changed)
            self.recall_panel.sig_more.connect(self.show_more_recall)
            widget = self.recall_panel
        page = ListPage(worklist, model, proxy, view, widget)
        view.activated.connect(lambda _index: self.open_patient())
        view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        model.sig_due_changed.connect(lambda _count: self._on_due_changed())
        self.ui.lists_tabs.addTab(widget, worklist.title)
        return page

    def _build_actions(self) -> None:
        ui = self.ui
        self.log_action = tab_action(self, "&Log attempt…", ("Ctrl+Shift+L",),
                                     "Log a contact attempt on the selected row", self.log_attempt)
        self.done_action = tab_action(self, "&Done", ("Ctrl+D",), "Take the selected row off its list",
                                      self.done)
        self.close_action = tab_action(self, "&Close…", ("Ctrl+Shift+D",),
                                       "Close the selected row without it being done, with the reason",
                                       self.close_row)
        self.book_action = tab_action(self, "&Book…", ("Ctrl+Return", "Ctrl+Enter"),
                                      "Book the selected row's visit", self.book)
        self.open_action = tab_action(self, "&Open record", ("Ctrl+O",),
                                      "Open the selected row's record in its tab", self.open_record_shown)
        self.box_action = tab_action(self, "&Box checked", ("Ctrl+B",),
                                     "The voicemail box was checked just now", self.box_checked)
        self.new_voicemail_action = tab_action(self, "&New voicemail…", ("Ctrl+N",),
                                               "Record a voicemail heard in the box", self.open_new_voicemail)
        for button, action, keys in ((ui.log_button, self.log_action, "Ctrl+Shift+L"),
                                     (ui.book_button, self.book_action, "Ctrl+Enter"),
                                     (ui.done_button, self.done_action, "Ctrl+D"),
                                     (ui.close_button, self.close_action, "Ctrl+Shift+D"),
                                     (ui.open_button, self.open_action, "Ctrl+O"),
                                     (ui.box_checked_button, self.box_action, "Ctrl+B"),
                                     (ui.new_voicemail_button, self.new_voicemail_action, "Ctrl+N")):
            action.setIconText(f"{action.text().replace('&', '')} ({keys})")  # what its button says
            button.setDefaultAction(action)

    # what is shown --------------------------------------------------------------------------------
    def page(self) -> ListPage:
        """The list shown."""
        return self.pages[max(0, self.ui.lists_tabs.currentIndex())]

    def selected(self) -> WorkRow | None:
        return self.page().current()

    def load(self, select: tuple[ListPage, int | None] | None = None,
             pages: list[ListPage] | None = None) -> None:
        """Read the lists again (`pages`: those only; every one by default), each keeping its
        selected row (or selecting `select`'s)."""
        set_up = self.context.services.practice.is_set_up()
        zone = self.context.zone()
        for page in self.pages if pages is None else pages:
            keep = page.current()
            wanted = select[1] if select is not None and select[0] is page else (
                keep.record_id if keep else self._kept.pop(id(page), None))
            page.stale = False
            page.model.set_rows(page.worklist.rows() if set_up else [], zone)
            if page.worklist is self.recall:
                self._show_recall_page(set_up)
            if not page.select(wanted):
                page.select_first()
        self._update_box()
        self._on_due_changed()
        self._update_actions()

    def _show_recall_page(self, set_up: bool) -> None:
        recall, panel = self.recall, self.recall_panel
        if not set_up:
            panel.clear()
            return
        panel.set_choices(self.context.services.recall.kinds(),
                          [p for p in self.context.providers.values() if p.active])
        panel.show_page(min(recall.limit, recall.total), recall.total, recall.page_size)

    def _on_recall_filter_changed(self) -> None:
        """A filter chosen: the Recall list read again from its first page."""
        self.recall.chosen = self.recall_panel.chosen(self.context.now())
        self.recall.limit = self.recall.page_size
        self.load(pages=[self._page_of(self.recall)])

    def show_more_recall(self) -> None:
        """Alt+R: the next page of patients (200) added to the Recall list, the selected row kept."""
        page = self._page_of(self.recall)
        self.recall.limit += self.recall.page_size
        self.load(pages=[page])
        page.view.setFocus()

    def due_count(self) -> int:
        """The rows due now on the lists the title counts (`badges.BADGE_KINDS`), as the badge
        counted them before the tab was built."""
        return sum(page.due_count() for page in self.pages if page.worklist.kind in BADGE_KINDS)

    def title(self) -> str:
        """'Worklists (3 due)' while any row is due now, else 'Worklists'."""
        return worklists_title(self.due_count())

    def publish_badge(self) -> None:
        self.sig_badge_changed.emit(self.due_count())

    def _on_due_changed(self) -> None:
        for index, page in enumerate(self.pages):
            self.ui.lists_tabs.setTabText(index, worklist_title(page.worklist.title, page.due_count()))
        self._update_summary()
        self.publish_badge()

    def _update_summary(self) -> None:
        page = self.page()
        rows, due = page.model.rowCount(), page.due_count()
        keys = "Ctrl+Shift+L logs an attempt · Ctrl+D done · "
        if page.worklist.close is not None:
            keys += f"Ctrl+Shift+D {_words(page.worklist.close.label).lower()} · "
        if page.worklist.book is not None:
            keys += f"Ctrl+Enter {_words(page.worklist.book.label).lower()}s · "
        if page.worklist is self.recall and self.recall.total > rows:  # in pages: the whole list's counts
            counted = f"{rows:,} of {wording.plural(self.recall.total, 'row')} shown · {due:,} due now"
        else:
            counted = f"{wording.plural(rows, 'row')} · {due:,} due now"
        parts = [counted if rows else "Nothing to chase here",
                 f"{keys}Enter opens the patient · Ctrl+Tab next list"]
        self.ui.summary_label.setText(self._changes.summary(" · ".join(parts)))

    def _update_box(self) -> None:
        """The box's last check, and a warning once the practice's cadence says it is due."""
        ui = self.ui
        chase = self.context.services.chase
        if not self.context.services.practice.is_set_up():
            ui.box_label.setText("")
            ui.box_warning_label.setText("")
            return
        last = chase.last_box_check()
        zone, today = self.context.zone(), self.context.today()
        ui.box_label.setText("Voicemail box: never checked in VMA Desk" if last is None else
                             f"Voicemail box last checked {wording.near_day_clock(last, zone, today)}")
        due = chase.box_check_due()
        hours = chase.box_check_hours()
        ui.box_warning_label.setText(f"Box check due (every {wording.plural(hours, 'business hour')}): "
                                     "check it, then Ctrl+B" if due else "")
        set_flag(ui.box_warning_label, "due", due)

    def _update_actions(self) -> None:
        row, worklist = self.selected(), self.page().worklist
        done, book = worklist.done, worklist.book
        self.log_action.setEnabled(row is not None)
        for action, step, keys, default in ((self.done_action, done, "Ctrl+D", "&Done"),
                                            (self.book_action, book, "Ctrl+Enter", "&Book…"),
                                            (self.close_action, worklist.close, "Ctrl+Shift+D", "&Close…")):
            action.setEnabled(row is not None and step is not None)
            label = step.label if step else default
            action.setText(label)
            action.setIconText(f"{label.replace('&', '')} ({keys})")
            action.setToolTip(f"{step.tip} ({keys})" if step else "")
        self.ui.book_button.setVisible(book is not None)
        self.ui.close_button.setVisible(worklist.close is not None)
        self.open_action.setEnabled(row is not None and bool(worklist.opens))
        self.ui.open_button.setVisible(bool(worklist.opens))

    def _on_lists_tabs_current_changed(self, _index: int) -> None:
        self.ui.step_error_label.hide()
        self._update_summary()
        self._update_actions()
        if not self.page().view.currentIndex().isValid():
            self.page().select_first()

    #: the record kinds Today's due rows open here (`MainWindow.open_record`), by their worklist
    RECORDS = {"voicemail": ChaseKind.VOICEMAIL, "voicemail_box": ChaseKind.VOICEMAIL,
               "callback": ChaseKind.CALLBACK, "follow_up": ChaseKind.FOLLOW_UP, "task": ChaseKind.TASK,
               "intake": ChaseKind.INTAKE, "result": ChaseKind.RESULT_NOTICE,
               "records_request": ChaseKind.RECORDS_REQUEST}

    def open_record(self, kind: str, record_id: int) -> bool:
        """Show a voicemail, a call waiting for its callback or a visit's follow-up call in its list,
        selected; the voicemail box (a Today row with no record) shows the Voicemail list."""
        chase_kind = self.RECORDS.get(kind)
        page = next((p for p in self.pages if p.worklist.kind is chase_kind), None)
        if page is None:
            return False
        reveal = getattr(page.worklist, "reveal", None)
        if reveal is not None:  # a list with choices (Tasks: My tasks) shows one that holds it
            reveal(record_id)
            self.load(pages=[page])
        self.ui.lists_tabs.setCurrentWidget(page.widget)
        if kind != "voicemail_box" and not page.select(record_id):
            self.ui.step_error_label.setText("That one is no longer on the list.")
            self.ui.step_error_label.show()
        page.view.setFocus()
        return True

    def current_patient(self) -> int | None:
        row = self.selected()
        return row.patient_id if row is not None else None

    #: the record a row of each kind of chase is (its `record_id`), for "Make a task…"
    _ROW_RECORDS = {ChaseKind.CALLBACK: RecordKind.CALL, ChaseKind.VOICEMAIL: None,
                    ChaseKind.CONFIRMATION: RecordKind.APPOINTMENT, ChaseKind.RECALL: RecordKind.PATIENT,
                    ChaseKind.REBOOK: RecordKind.APPOINTMENT, ChaseKind.FOLLOW_UP: RecordKind.APPOINTMENT,
                    ChaseKind.INTAKE: RecordKind.APPOINTMENT, ChaseKind.RESULT_NOTICE: RecordKind.RESULT,
                    ChaseKind.RECORDS_REQUEST: RecordKind.RECORDS_REQUEST}

    def current_record(self) -> tuple[RecordKind, int] | None:
        row = self.selected()
        if row is None:
            return None
        kind = self._ROW_RECORDS.get(row.kind)
        if kind is not None:
            return kind, row.record_id
        return (RecordKind.PATIENT, row.patient_id) if row.patient_id is not None else None

    def focus_main(self) -> None:
        page = self.page()
        if not page.view.currentIndex().isValid():
            page.select_first()
        page.view.setFocus()

    # steps ----------------------------------------------------------------------------------------
    def _refuse(self, text: str) -> None:
        show_error(self.ui.step_error_label, text)

    def log_attempt(self) -> LogAttemptDialog | None:
        """Ctrl+Shift+L: the shared "Log attempt" dialog on the selected row."""
        row, page = self.selected(), self.page()
        if row is None:
            self._refuse("Select a row first.")
            return None
        self.ui.step_error_label.hide()
        target = AttemptTarget(row.kind, row.record_id, row.who, row.patient_id, row.record_open,
                               row.state.attempts)
        dialog = LogAttemptDialog(self.context, target, self)
        dialog.sig_logged.connect(lambda attempt, change: self._on_logged(page, row, attempt, change))
        show_dialog(dialog)
        return dialog

    def _on_logged(self, page: ListPage, row: WorkRow, attempt: Attempt, change: Change) -> None:
        notice = f"Logged {attempt.outcome.label}: {row.who}"
        self._publish(page, change, notice, page.row_after(row.record_id))

    def done(self) -> Change | QDialog | None:
        """Ctrl+D: the list's step that takes the selected row off it (Returned, Done, Confirmed),
        or its form (Mark done…), shown."""
        row, page = self.selected(), self.page()
        step = page.worklist.done
        if row is None or step is None:
            return None
        if isinstance(step, FormStep):
            return self._open_step(page, row, step)
        return self._take(page, row, step)

    def close_row(self) -> Change | None:
        """Ctrl+Shift+D: the list's close step on the selected row, with the reason asked for:
        "Close as unreachable…" (Confirmations, Follow-up calls, Intake forms: refused before any
        attempt), "Cancel task…", a records request's "Close…"; Edit → Undo where the step has one."""
        row, page = self.selected(), self.page()
        step = page.worklist.close
        if row is None or step is None:
            return None
        if step.chase and not row.state.attempts:  # said before the reason is asked for
            self._refuse("Log the attempts made first: a chase is closed as unreachable after trying.")
            return None
        return self._take(page, row, step)

    def _take(self, page: ListPage, row: WorkRow, step: DoneStep) -> Change | None:
        """Run a plain step on `row` (its reason asked first when it needs one), say it, and offer
        Edit → Undo when the step has one."""
        why = ""
        if step.ask:
            asked = ask_reason(self, _words(step.label), f"{step.ask} ({row.who})", _words(step.label))
            if asked is None:
                return None
            why = asked
        try:
            change = step.take(row, why)
        except ValidationError as error:
            self._refuse(f"{error.message[:1].upper()}{error.message[1:]}.")
            return None
        except KnownError as error:
            self._refuse(error.message)
            return None
        self._publish(page, change, f"{step.notice}: {row.who}", page.row_after(row.record_id))
        if step.undo is not None:
            undo = step.undo
            self.sig_undoable.emit(f"{_words(step.label).lower()} ({row.who})", lambda: undo(row))
        return change

    def book(self) -> QDialog | None:
        """Ctrl+Enter: the list's booking form on the selected row (Recall: Book…, To rebook:
        Rebook…), shown; the row leaves the list once its visit is booked."""
        row, page = self.selected(), self.page()
        step = page.worklist.book
        if row is None:
            self._refuse("Select a row first.")
            return None
        if step is None:
            return None
        return self._open_step(page, row, step)

    def _open_step(self, page: ListPage, row: WorkRow, step: FormStep) -> QDialog | None:
        self.ui.step_error_label.hide()
        def saved(change: Change, *also: Change, said: str = "") -> None:
            self._publish(page, change, f"{step.notice}: {row.who}{said}", page.row_after(row.record_id))
            for other in also:  # shown by another tab (a message to the clinical staff)
                self._changes.send(other)

        try:
            dialog = step.open(row, self, saved)
        except KnownError as error:  # a visit type no longer offered, the record gone meanwhile
            self._refuse(error.message)
            return None
        except ValidationError as error:
            self._refuse(f"{error.message[:1].upper()}{error.message[1:]}.")
            return None
        show_dialog(dialog)
        return dialog

    def box_checked(self) -> Change | None:
        """Ctrl+B: the box was checked now, with the voicemails recorded since its last check."""
        chase = self.context.services.chase
        found = min(200, self.voicemails.heard_since(chase.last_box_check()))
        try:
            change = chase.check_box(found=found)
        except KnownError as error:
            self._refuse(error.message)
            return None
        page = self.page()
        current = page.current()
        self._publish(page, change, f"Box checked ({wording.plural(found, 'new voicemail')})",
                      current.record_id if current else None)
        return change

    def _publish(self, page: ListPage, change: Change, notice: str, select_id: int | None) -> None:
        self.ui.step_error_label.hide()
        touched = self._touched(change)
        pages = touched if page in touched else [page, *touched]
        self._changes.publish(change, notice, lambda: self.load((page, select_id), pages))
        page.view.setFocus()

    def open_new_voicemail(self) -> VoicemailDialog:
        dialog = VoicemailDialog(self.context, self)
        dialog.sig_saved.connect(self._on_voicemail_saved)
        show_dialog(dialog)
        return dialog

    def _on_voicemail_saved(self, voicemail: object, change: Change) -> None:
        page = self._page_of(self.voicemails)
        self.ui.lists_tabs.setCurrentIndex(self.pages.index(page))
        self._publish(page, change, "Voicemail recorded", getattr(voicemail, "id", None))

    def open_patient(self) -> None:
        """Enter: the selected row's patient, in the patient's window."""
        row = self.selected()
        if row is None:
            return
        if row.patient_id is None:
            self._refuse(f"{row.who} is not a patient on file.")
            return
        self.sig_patient_requested.emit(row.patient_id)

    def open_record_shown(self) -> None:
        """Ctrl+O: the selected row's record in its tab (a call, a visit)."""
        row, opens = self.selected(), self.page().worklist.opens
        if row is not None and opens:
            self.sig_record_requested.emit(opens, row.record_id)

    # changes and locking --------------------------------------------------------------------------
    def _touched(self, change: Change) -> list[ListPage]:
        return [page for page in self.pages if change.kind in page.worklist.reads]

    def apply_change(self, change: Change) -> None:
        """Another tab's change: the lists that read its kind of record are read again, the others
        left as they are. While the tab is hidden, only the lists its title counts are read (the
        badge stays true); the rest are read when it is shown again."""
        if not self._changes.concerns(change):
            return
        touched = self._touched(change)
        if not self.isVisible():
            for page in touched:
                page.stale = page.worklist.kind not in BADGE_KINDS
            touched = [page for page in touched if not page.stale]
        if touched:
            self.load(pages=touched)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        stale = [page for page in self.pages if page.stale]
        if stale:
            self.load(pages=stale)
        super().showEvent(event)

    def pause(self) -> None:
        for page in self.pages:
            page.model.pause()

    def resume(self) -> None:
        for page in self.pages:
            page.model.resume()
        self.load()

    def clear(self) -> None:
        """Locked: every list, the notice and the patients read are forgotten, reading nothing; the
        selected rows are kept by id for `resume`."""
        for page in self.pages:
            row = page.current()
            if row is not None:
                self._kept[id(page)] = row.record_id
            page.model.clear()
            page.stale = False
            page.view.selectionModel().clear()
            page.worklist.forget()
            self.ui.lists_tabs.setTabText(self.pages.index(page), page.worklist.title)
        self._changes.forget()
        self.ui.step_error_label.setText("")  # it may name a caller ("Bo Burr is not a patient on file.")
        self.ui.step_error_label.hide()
        self.ui.box_label.setText("")
        self.ui.box_warning_label.setText("")
        self.ui.summary_label.setText("")
        self.recall_panel.clear()
        self._update_actions()


def _words(label: str) -> str:
    """A step's label as words ("Close as &unreachable…" -> "Close as unreachable")."""
    return label.replace("&", "").rstrip("…")
