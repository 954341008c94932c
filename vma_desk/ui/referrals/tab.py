"""The Referrals tab: two lists, each with its detail pane. Referrals show where each stands, how
long it has stood there and its authorisation, with the moves its state allows; prior
authorisations show the payer's status and the follow-up date. Stuck referrals, missing, expiring
or expired authorisations and overdue follow-ups stand out, and the tab's title counts them.

Keys (while the list's page has focus): Ctrl+N a new referral (or prior authorisation),
Ctrl+E edit the referral's details (or record the payer's answer), Ctrl+Enter the referral's next
step, Ctrl+Shift+T "patient told" (how, who, when), Ctrl+R renew the selected authorisation.
The lists are read once per change and again every few minutes (`refresh`), since a referral
becomes stuck, or an authorisation expiring, by the passing of time alone.
"""

from __future__ import annotations

import time as timer
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QWidget

from vma_desk.core import referral_text as text
from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import AuditAction, Change, Patient, RecordKind
from vma_desk.core.referrals import REFERRAL_PATH, PriorAuth, PriorAuthStatus, Referral, ReferralState
from vma_desk.core.rules.referrals import referral_next_states
from vma_desk.services import Services
from vma_desk.ui.forms.ui_referrals_tab import Ui_ReferralsTab
from vma_desk.ui.record_list import RecordList, TabChanges, set_flag, show_error
from vma_desk.ui.referrals import detail
from vma_desk.ui.referrals.auth_dialog import PriorAuthDialog
from vma_desk.ui.referrals.dialog import ReferralDialog
from vma_desk.ui.referrals.model import (
    AUTH_FLAGS,
    AUTH_SERVICE,
    COL_FLAGS,
    COL_SPECIALIST,
    EntryFilterProxy,
    FlaggedTableModel,
    PriorAuthEntry,
    PriorAuthTableModel,
    ReferralEntry,
    ReferralTableModel,
    severity,
)
from vma_desk.ui.referrals.moves import ASKING, CLOSE_WITHOUT_REPORT, UNSCHEDULE, Move, MoveDialog, refusal
from vma_desk.ui.referrals.source import ReferralSource
from vma_desk.ui.referrals.told_dialog import PatientToldDialog
from vma_desk.ui.shared.badges import referrals_title
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import show_dialog
from vma_desk.ui.shared.tab import TabPage
from vma_desk.ui.shared.table import fit_columns, setup_record_table, tab_action
from vma_desk.ui.shared.widgets import ask_reason, confirm

#: how often the lists are read again for the flags that time alone brings
REFRESH_MS = 5 * 60_000
#: the widest text each column usually holds (its width at the start; the flags have an icon too)
REFERRAL_SAMPLES = ("Castillo, Maria", "", "Urgent", "Appointment scheduled", "12 days",
                    "AUTH-0000 · 03/31/2026", "MM Stuck · Authorisation expiring")
AUTH_SAMPLES = ("Castillo, Maria", "", "Blue Cross", "03/31/2026", "Under appeal", "03/31/2026",
                "PA-00000 · 03/31/2026", "MM Authorisation expiring")
TAB_STYLE = """
QLabel#referral_title, QLabel#auth_title, QLabel#records_title, QLabel#history_title,
QLabel#auth_history_title { font-weight: bold; }
QLabel#referral_flags_label, QLabel#auth_flags_label {
    color: #8e0016; background: #fde0de; border: 1px solid #e3a29c; border-radius: 3px; padding: 4px;
    font-weight: bold;
}
QLabel#referral_flags_label[warning="true"], QLabel#auth_flags_label[warning="true"] {
    color: #7a4b00; background: #fff1cc; border-color: #e2c46f;
}
QPushButton[nextStep="true"] { font-weight: bold; }
QLabel#move_error_label, QLabel#auth_error_label { color: #b00020; }
"""
_SHOWN = frozenset({RecordKind.REFERRAL, RecordKind.PRIOR_AUTH, RecordKind.PATIENT, RecordKind.STAFF,
                     RecordKind.PRACTICE, RecordKind.SETTING})



def _in_state(state: ReferralState) -> Callable[[Any], bool]:
    return lambda e: e.referral.state is state


def _in_status(status: PriorAuthStatus) -> Callable[[Any], bool]:
    return lambda e: e.auth.status is status


#: the list filters: what the combo says, and which entries it keeps
REFERRAL_FILTERS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "open": ("All open", lambda e: e.referral.is_open),
    "flagged": ("Flagged", lambda e: bool(e.flags)),
    **{state.value: (state.label, _in_state(state))
       for state in REFERRAL_PATH if not state.is_final},
}
AUTH_FILTERS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "current": ("All current", lambda e: True),
    "flagged": ("Flagged", lambda e: bool(e.flags)),
    "waiting": ("Waiting for the payer", lambda e: e.auth.status.awaiting_payer),
    **{status.value: (status.label, _in_status(status))
       for status in (PriorAuthStatus.APPROVED, PriorAuthStatus.DENIED)},
}


def forward_step(referral: Referral) -> ReferralState | None:
    """The next state along the ordinary path, where the referral may go on to it."""
    order = list(REFERRAL_PATH)
    if referral.state not in order:
        return None
    return next((s for s in referral_next_states(referral)
                 if s in order and order.index(s) > order.index(referral.state)), None)


class ReferralsTab(TabPage):
    """`sig_badge_changed` counts the referrals and prior authorisations flagged now."""

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 context: TabContext | None = None) -> None:
        """`context`: the window's shared lookups (a tab built alone makes its own)."""
        super().__init__(parent)
        self.ui = Ui_ReferralsTab()
        self.ui.setupUi(self)
        self.context = context if context is not None else TabContext(services)
        self._source = ReferralSource(self.context)
        self.referral_model = ReferralTableModel(self)
        self.referral_proxy = EntryFilterProxy({k: t for k, (_label, t) in REFERRAL_FILTERS.items()}, self)
        self.auth_model = PriorAuthTableModel(self)
        self.auth_proxy = EntryFilterProxy({k: t for k, (_label, t) in AUTH_FILTERS.items()}, self)
        self.referral_view: QTableView = self.ui.referral_view
        self.auth_view: QTableView = self.ui.auth_view
        self.last_load_ms = 0.0
        self._attention = 0
        self._changes = TabChanges(self, self.context, _SHOWN)
        self._referrals = RecordList(self.referral_view, self.referral_model, self._show_referral)
        self._auths = RecordList(self.auth_view, self.auth_model, self._show_auth)
        self._referral: ReferralEntry | None = None
        self._auth: PriorAuthEntry | None = None
        ui = self.ui
        #: each move button: the state it moves to, and the one it moves from where two buttons
        #: lead to the same state (sending a draft; back to sent from a scheduled visit)
        self._moves: dict[QPushButton, tuple[ReferralState, ReferralState | None]] = {
            ui.send_button: (ReferralState.SENT, ReferralState.DRAFT),
            ui.schedule_button: (ReferralState.SCHEDULED, None),
            ui.seen_button: (ReferralState.SEEN, None),
            ui.report_button: (ReferralState.REPORT_RECEIVED, None),
            ui.close_button: (ReferralState.CLOSED, None),
            ui.unschedule_button: (ReferralState.SENT, ReferralState.SCHEDULED),
            ui.cancel_button: (ReferralState.CANCELLED, None),
            ui.decline_button: (ReferralState.DECLINED, None),
        }
        self._setup_view(self.referral_view, self.referral_model, self.referral_proxy, REFERRAL_SAMPLES,
                         COL_FLAGS, COL_SPECIALIST)
        self._setup_view(self.auth_view, self.auth_model, self.auth_proxy, AUTH_SAMPLES, AUTH_FLAGS,
                         AUTH_SERVICE)
        self._build_actions()
        self._connect()
        for combo, filters in ((ui.referral_filter_combo, REFERRAL_FILTERS),
                               (ui.auth_filter_combo, AUTH_FILTERS)):
            for key, (label, _test) in filters.items():
                combo.addItem(label, key)
        # fonts by style sheet: a font set on a label does not survive the move into the main window
        self.setStyleSheet(TAB_STYLE)
        for error_label in (ui.move_error_label, ui.auth_error_label):
            error_label.hide()
        for scroll in (ui.referral_detail_scroll, ui.auth_detail_scroll):
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for splitter in (ui.referral_splitter, ui.auth_splitter):
            splitter.setStretchFactor(0, 1)
            splitter.setStretchFactor(1, 0)
            splitter.setSizes([1040, 310])
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self._locked = False
        self.refresh_timer.start()
        self.load()

    # building -------------------------------------------------------------------------------------
    @staticmethod
    def _setup_view(view: QTableView, model: FlaggedTableModel, proxy: EntryFilterProxy,
                    samples: tuple[str, ...], flags_column: int, stretch_column: int) -> None:
        proxy.setSourceModel(model)
        view.setModel(proxy)
        setup_record_table(view, flags_column, Qt.SortOrder.AscendingOrder)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        fit_columns(view, samples, padding=8)
        # the widest text takes the width left: the flags stay in view at 1366 px
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)

    def _build_actions(self) -> None:
        ui = self.ui
        page, auths = ui.referrals_page, ui.auths_page
        self.new_referral_action = tab_action(page, "&New referral…", ("Ctrl+N",), "Start a referral",
                                              self.open_new_referral)
        self.edit_referral_action = tab_action(page, "&Edit…", ("Ctrl+E",), "Change the selected referral's "
                                               "details", self.open_edit_referral)
        self.next_move_action = tab_action(page, "Next step", ("Ctrl+Return", "Ctrl+Enter"),
                                           "Move the selected referral on to its next step", self.next_move)
        self.new_auth_action = tab_action(auths, "&New prior authorisation…", ("Ctrl+N",),
                                          "Record a prior authorisation sent to a payer", self.open_new_auth)
        self.update_auth_action = tab_action(auths, "&Update…", ("Ctrl+E", "Ctrl+Return", "Ctrl+Enter"),
                                             "Record the payer's answer, a new follow-up date or notes",
                                             self.open_update_auth)
        self.told_action = tab_action(page, "Patient &told…", ("Ctrl+Shift+T",),
                                      "Record that the patient was told about the referral: how, who, when",
                                      self.open_patient_told)
        self.renew_auth_action = tab_action(auths, "&Renew…", ("Ctrl+R",),
                                            "Submit a renewal of the selected authorisation: it is then no "
                                            "longer flagged as it runs out", self.open_renew_auth)
        self.reopen_action = tab_action(page, "Reo&pen…", ("Ctrl+Shift+R",),
                                        "Open the closed referral again, with the reason", self.reopen)
        self.told_action.setIconText("Patient told… (Ctrl+Shift+T)")
        self.renew_auth_action.setIconText("Renew… (Ctrl+R)")
        ui.told_button.setDefaultAction(self.told_action)
        ui.reopen_button.clicked.connect(self.reopen)
        ui.renew_auth_button.setDefaultAction(self.renew_auth_action)
        self.new_referral_action.setIconText("New referral… (Ctrl+N)")
        self.edit_referral_action.setIconText("Edit… (Ctrl+E)")
        self.new_auth_action.setIconText("New prior authorisation… (Ctrl+N)")
        self.update_auth_action.setIconText("Update… (Ctrl+E)")
        ui.new_referral_button.setDefaultAction(self.new_referral_action)
        ui.edit_referral_button.setDefaultAction(self.edit_referral_action)
        ui.new_auth_button.setDefaultAction(self.new_auth_action)
        ui.update_auth_button.setDefaultAction(self.update_auth_action)

    def _connect(self) -> None:
        ui = self.ui
        ui.referral_filter_combo.currentIndexChanged.connect(self._on_referral_filter_combo_changed)
        ui.auth_filter_combo.currentIndexChanged.connect(self._on_auth_filter_combo_changed)
        ui.lists_tabs.currentChanged.connect(self._on_lists_tabs_changed)
        self.referral_view.selectionModel().selectionChanged.connect(self._on_referral_view_selection_changed)
        self.auth_view.selectionModel().selectionChanged.connect(self._on_auth_view_selection_changed)
        for button, (state, _from) in self._moves.items():
            if button is not ui.unschedule_button:
                button.clicked.connect(lambda _checked=False, s=state: self._on_move_button_clicked(s))
        ui.unschedule_button.clicked.connect(lambda: self.open_move(UNSCHEDULE))
        ui.override_close_button.clicked.connect(lambda: self.open_move(CLOSE_WITHOUT_REPORT))

    # what is shown ----------------------------------------------------------------------------------
    def load(self, select_referral: int | None = None, select_auth: int | None = None) -> None:
        """Read both lists again, keeping the selected rows (or selecting the ones named)."""
        keep_referral = select_referral if select_referral is not None else self._shown_id(self._referral)
        keep_auth = select_auth if select_auth is not None else self._shown_id(self._auth)
        started = timer.perf_counter()
        if self.context.services.practice.is_set_up():
            referrals, referral_rows = self._source.referral_entries()
            auths, auth_rows = self._source.auth_entries()
            attention = self.context.services.referrals.attention_count(referral_rows, auth_rows)
        else:
            referrals, auths, attention = [], [], 0
        # unchanged rows keep the view as it is (scrolled, sorted): the timer reads often
        if referrals != self.referral_model.rows():
            self.referral_model.set_rows(referrals)
        if auths != self.auth_model.rows():
            self.auth_model.set_rows(auths)
        self.last_load_ms = (timer.perf_counter() - started) * 1000
        self._reselect(self._referrals, keep_referral)
        self._reselect(self._auths, keep_auth)
        self._update_titles()
        if attention != self._attention:
            self._attention = attention
            self.sig_badge_changed.emit(attention)

    def refresh(self) -> None:
        """Time passed (the timer): flags may have come or gone."""
        self.load()

    def attention_count(self) -> int:
        return self._attention

    def title(self) -> str:
        """The tab's title: 'Referrals (3 flagged)' while any is, else 'Referrals'."""
        return referrals_title(self._attention)

    def publish_badge(self) -> None:
        self.sig_badge_changed.emit(self._attention)

    def _update_titles(self) -> None:
        ui = self.ui
        for index, (name, model) in enumerate((("Referrals", self.referral_model),
                                               ("Prior authorisations", self.auth_model))):
            count, flagged = len(model.rows()), model.flagged_count()
            ui.lists_tabs.setTabText(index, f"{name} ({count}, {flagged} flagged)" if flagged
                                     else f"{name} ({count})")
        keys = ("Ctrl+N new · Ctrl+E edit · Ctrl+Enter next step · Ctrl+Shift+T patient told"
                if ui.lists_tabs.currentIndex() == 0
                else "Ctrl+N new · Ctrl+E records the payer's answer · Ctrl+R renew")
        flagged = self.referral_model.flagged_count()
        open_count, auths_flagged = len(self.referral_model.rows()), self.auth_model.flagged_count()
        summary = (f"{open_count} open referral{'s' if open_count != 1 else ''}, {flagged} flagged · "
                   f"{auths_flagged} prior authorisation{'s' if auths_flagged != 1 else ''} flagged · {keys}")
        ui.summary_label.setText(self._changes.summary(summary))

    @staticmethod
    def _shown_id(entry: ReferralEntry | PriorAuthEntry | None) -> int | None:
        return entry.record_id if entry is not None else None

    @staticmethod
    def _reselect(records: RecordList, record_id: int | None) -> None:
        """After a load: the record again, else the first row (or nothing), shown in the pane."""
        if record_id is not None and records.select(record_id, show=False):
            return
        records.select_first()
        records.show_current()

    def select_referral(self, referral_id: int) -> bool:
        return self._referrals.select(referral_id)

    def select_auth(self, auth_id: int) -> bool:
        return self._auths.select(auth_id)

    def show_record(self, referral_id: int) -> bool:
        """Show a referral (from search or a call's link): selected while open, else in the pane alone."""
        self.ui.lists_tabs.setCurrentIndex(0)

        def show_open() -> None:  # filtered out: show every open one
            self.ui.referral_filter_combo.setCurrentIndex(0)
            self.load(select_referral=referral_id)

        return self._referrals.show_record(referral_id, self.context.services.referrals.get, show_open,
                                           self._source.referral_entry)

    def show_auth(self, auth_id: int) -> bool:
        """The prior authorisations, with one selected (all current ones shown when the list's
        filter hid it)."""
        self.ui.lists_tabs.setCurrentIndex(1)
        if not self.select_auth(auth_id):
            self.ui.auth_filter_combo.setCurrentIndex(0)
            self.load(select_auth=auth_id)
        self.auth_view.setFocus()
        return True

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind == "prior_auth":
            return self.show_auth(record_id)
        return kind == "referral" and self.show_record(record_id)

    def open_form(self, form: str) -> bool:
        if form == "referral":
            self.open_new_referral()
        elif form == "prior_auth":
            self.open_new_auth()
        else:
            return False
        return True

    def open_form_for(self, form: str, patient: Patient) -> bool:
        if form != "referral":
            return False
        self.open_new_referral().ui.patient_picker.choose(patient)
        return True

    def current_record(self) -> tuple[RecordKind, int] | None:
        if self.ui.lists_tabs.currentIndex() == 0:
            referral = self.selected_referral()
            return (RecordKind.REFERRAL, referral.id) if referral and referral.id is not None else None
        auth = self.selected_auth()
        return (RecordKind.PRIOR_AUTH, auth.id) if auth and auth.id is not None else None

    def current_patient(self) -> int | None:
        record = self.selected_referral() if self.ui.lists_tabs.currentIndex() == 0 else self.selected_auth()
        return record.patient_id if record is not None else None

    def focus_main(self) -> None:
        """Alt+6 or a click on the tab: the keyboard in the list shown (`RecordList.focus`)."""
        (self._referrals if self.ui.lists_tabs.currentIndex() == 0 else self._auths).focus()

    def selected_referral(self) -> Referral | None:
        return self._referral.referral if self._referral else None

    def selected_auth(self) -> PriorAuth | None:
        return self._auth.auth if self._auth else None

    def _on_referral_view_selection_changed(self, _selected: QItemSelection,
                                            _deselected: QItemSelection) -> None:
        self._referrals.show_current()

    def _on_auth_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._auths.show_current()

    def _show_flags(self, label: QLabel, said: str, level: int) -> None:
        label.setText(said)
        label.setVisible(bool(said))
        set_flag(label, "warning", level == 1)

    def _show_referral(self, entry: ReferralEntry | None) -> None:
        ui = self.ui
        self._referral = entry
        ui.move_error_label.hide()
        if entry is None:  # reads nothing: the pane is emptied this way while locked
            ui.referral_title.setText("No referral selected" if self.referral_proxy.rowCount()
                                      else "No referrals here")
            ui.referral_detail_label.setText("Ctrl+N starts a referral. Each one stays in this list "
                                             "until the specialist's report is back and it is closed.")
            self._show_flags(ui.referral_flags_label, "", 0)
            ui.records_label.setText("")
            ui.history_label.setText("")
            for widget in (ui.records_title, ui.history_title):
                widget.hide()
            self._show_moves(None)
            self.edit_referral_action.setEnabled(False)
            self.told_action.setEnabled(False)
            return
        referral = entry.referral
        zone, today = self.context.zone(), self.context.today()
        ui.referral_title.setText(detail.referral_title(entry))
        self._show_flags(ui.referral_flags_label, detail.referral_flags(entry), severity(entry.flags))
        ui.referral_detail_label.setText(detail.referral_body(entry, zone, today))
        ui.records_label.setText(text.records_checklist(referral.records_sent))
        ui.history_label.setText(detail.history(referral.events, detail.REFERRAL_LABELS, zone, today))
        for widget in (ui.records_title, ui.history_title):
            widget.show()
        self._show_moves(referral)
        self.edit_referral_action.setEnabled(referral.is_open)
        self.told_action.setEnabled(referral.is_open and referral.state is not ReferralState.DRAFT)

    def _show_moves(self, referral: Referral | None) -> None:
        """Offer only the moves the referral's state allows, the next one on its path in bold."""
        ui = self.ui
        legal = referral_next_states(referral) if referral is not None else ()
        following = forward_step(referral) if referral is not None else None
        now = referral.state if referral is not None else None
        offered = [button for button, (state, source) in self._moves.items()
                   if state in legal and source in (None, now)]
        if referral is not None and referral.is_open and referral.state not in (
                ReferralState.DRAFT, ReferralState.REPORT_RECEIVED):
            offered.append(ui.override_close_button)
        grid = ui.moves_grid
        for button in [*self._moves, ui.override_close_button]:
            grid.removeWidget(button)
            button.hide()
            button.setDefault(False)
            set_flag(button, "nextStep", False)
        for number, button in enumerate(offered):  # one column: the pane is narrow
            grid.addWidget(button, number, 0)
            button.show()
            is_next = button in self._moves and self._moves[button][0] is following \
                and button is not ui.unschedule_button
            button.setDefault(is_next)
            set_flag(button, "nextStep", is_next)
        self.next_move_action.setEnabled(following is not None)
        closed = referral is not None and not referral.is_open
        ui.reopen_button.setVisible(closed)
        self.reopen_action.setEnabled(closed)

    def _show_auth(self, entry: PriorAuthEntry | None) -> None:
        ui = self.ui
        self._auth = entry
        ui.auth_error_label.hide()
        if entry is None:
            ui.auth_title.setText("No prior authorisation selected" if self.auth_proxy.rowCount()
                                  else "No prior authorisations here")
            ui.auth_detail_label.setText("Ctrl+N records a prior authorisation sent to a payer; it stays "
                                         "here with its follow-up date until the payer answers.")
            self._show_flags(ui.auth_flags_label, "", 0)
            ui.auth_history_label.setText("")
            ui.auth_history_title.hide()
            self.update_auth_action.setEnabled(False)
            self.renew_auth_action.setEnabled(False)
            return
        zone, today = self.context.zone(), self.context.today()
        ui.auth_title.setText(detail.auth_title(entry))
        self._show_flags(ui.auth_flags_label, detail.auth_flags(entry), severity(entry.flags))
        ui.auth_detail_label.setText(detail.auth_body(entry))
        ui.auth_history_label.setText(detail.history(entry.auth.events, detail.AUTH_LABELS, zone, today))
        ui.auth_history_title.show()
        self.update_auth_action.setEnabled(True)
        self.renew_auth_action.setEnabled(entry.auth.status is PriorAuthStatus.APPROVED)

    # moving referrals -------------------------------------------------------------------------------
    def next_move(self) -> Referral | None:
        referral = self.selected_referral()
        following = forward_step(referral) if referral else None
        if following is None:
            return None
        if following in ASKING:
            self.open_move(ASKING[following])
            return None
        if following is ReferralState.CLOSED and referral is not None and not confirm(
                self, "Close referral", f"Close {self.context.patient_name(referral.patient_id)}'s "
                f"{referral.specialty} referral? It leaves the open list (Edit → Undo or Reopen brings it "
                "back).", "Close it", "Keep it open"):
            return None
        return self.move_to(following)

    def _on_move_button_clicked(self, state: ReferralState) -> None:
        if state in ASKING:
            self.open_move(ASKING[state])
        else:
            self.move_to(state)

    def move_to(self, to: ReferralState) -> Referral | None:
        """A move that asks nothing (send, seen, report received, close)."""
        referral = self.selected_referral()
        if referral is None or referral.id is None:
            return None
        referral_id = referral.id
        return self._moved(lambda: self.context.services.referrals.move(referral_id, to), referral)

    def _moved(self, call: Callable[[], tuple[Referral, Change]], before: Referral | None) -> Referral | None:
        """Run one move (or reopening); a refusal is shown beside the moves, nothing else changes."""
        try:
            moved, change = call()
        except ValidationError as error:
            show_error(self.ui.move_error_label, refusal(error))
            return None
        except KnownError as error:
            show_error(self.ui.move_error_label, error.message)
            return None
        self._on_move_dialog_moved(moved, change, before)
        return moved

    def reopen(self) -> Referral | None:
        """Open the selected closed, cancelled or declined referral again, after asking why."""
        referral = self.selected_referral()
        if referral is None or referral.id is None or referral.is_open:
            return None
        name = self.context.patient_name(referral.patient_id)
        reason = ask_reason(self, "Reopen referral", f"Why is {name}'s {referral.specialty} referral "
                            "reopened?", "Reopen")
        if reason is None:
            return None
        referral_id = referral.id
        return self._moved(lambda: self.context.services.referrals.reopen(referral_id, reason), None)

    def open_move(self, move: Move) -> MoveDialog | None:
        referral = self.selected_referral()
        if referral is None:
            return None
        dialog = MoveDialog(self.context, referral, move, self)
        dialog.sig_moved.connect(lambda moved, change, before=referral:
                                 self._on_move_dialog_moved(moved, change, before))
        show_dialog(dialog)
        return dialog

    def _on_move_dialog_moved(self, moved: Referral, change: Change, before: Referral | None = None) -> None:
        name = self.context.patient_name(moved.patient_id)
        self._publish(change, f"{moved.state.label}: {name}'s {moved.specialty} referral",
                      select_referral=moved.id)
        if before is not None:
            referrals = self.context.services.referrals
            self.sig_undoable.emit(f"{moved.state.label.lower()} ({name}'s {moved.specialty} referral)",
                                   lambda: referrals.undo_move(before, moved))
        if not moved.is_open:  # it left the list: its history stays in view until another is chosen
            self._referrals.show_alone(self._source.referral_entry(moved))
        self.referral_view.setFocus()

    def open_patient_told(self) -> PatientToldDialog | None:
        """The "patient told" step of the selected referral (Ctrl+Shift+T)."""
        referral = self.selected_referral()
        if referral is None or not referral.is_open or referral.state is ReferralState.DRAFT:
            return None
        dialog = PatientToldDialog(self.context, referral, self)
        dialog.sig_told.connect(self._on_told_dialog_told)
        show_dialog(dialog)
        return dialog

    def _on_told_dialog_told(self, told: Referral, change: Change) -> None:
        name = self.context.patient_name(told.patient_id)
        self._publish(change, f"Patient told: {name}'s {told.specialty} referral", select_referral=told.id)
        self.referral_view.setFocus()

    # dialogs ----------------------------------------------------------------------------------------
    def open_new_referral(self, draft: Referral | None = None) -> ReferralDialog:
        """A new referral; `draft` fills it in (from a call: `services.referrals.draft_from_call`)."""
        dialog = ReferralDialog(self.context, draft, self)
        dialog.sig_saved.connect(self._on_referral_dialog_saved)
        show_dialog(dialog)
        return dialog

    def open_edit_referral(self) -> ReferralDialog | None:
        referral = self.selected_referral()
        if referral is None or not referral.is_open:
            return None
        return self.open_new_referral(referral)

    def _on_referral_dialog_saved(self, referral: Referral, change: Change) -> None:
        name = self.context.patient_name(referral.patient_id)
        said = "saved" if change.action is AuditAction.UPDATE else "started as a draft"
        self.ui.referral_filter_combo.setCurrentIndex(0)
        self._publish(change, f"{name}'s {referral.specialty} referral {said}", select_referral=referral.id)
        self.referral_view.setFocus()

    def open_new_auth(self) -> PriorAuthDialog:
        dialog = PriorAuthDialog(self.context, None, self)
        dialog.sig_saved.connect(self._on_auth_dialog_saved)
        show_dialog(dialog)
        return dialog

    def open_update_auth(self) -> PriorAuthDialog | None:
        auth = self.selected_auth()
        if auth is None:
            return None
        dialog = PriorAuthDialog(self.context, auth, self)
        dialog.sig_saved.connect(self._on_auth_dialog_saved)
        show_dialog(dialog)
        return dialog

    def open_renew_auth(self) -> PriorAuthDialog | None:
        """A renewal of the selected approval: a new request to the same payer for the same
        service, pointing at the old one (Ctrl+R)."""
        auth = self.selected_auth()
        if auth is None or auth.status is not PriorAuthStatus.APPROVED:
            return None
        today = self.context.today()
        draft = replace(auth, id=None, status=PriorAuthStatus.PENDING, auth_number="", valid_from=None,
                        valid_until=None, denial_reason="", units_authorised=None, units_used=0,
                        unit_label="", service_done_on=None, renewal_of=auth.id, submitted_on=today,
                        follow_up_on=today, events=())
        dialog = PriorAuthDialog(self.context, draft, self)
        dialog.sig_saved.connect(self._on_auth_dialog_saved)
        show_dialog(dialog)
        return dialog

    def _on_auth_dialog_saved(self, auth: PriorAuth, change: Change) -> None:
        name = self.context.patient_name(auth.patient_id)
        self.ui.lists_tabs.setCurrentIndex(1)
        self.ui.auth_filter_combo.setCurrentIndex(0)
        self._publish(change, f"{name}'s prior authorisation for {auth.service}: {auth.status.label.lower()}",
                      select_auth=auth.id)
        if not self.select_auth(auth.id or 0):  # no longer current (withdrawn ...): shown alone
            self._auths.show_alone(self._source.auth_entry(auth))
        self.auth_view.setFocus()

    # changes ----------------------------------------------------------------------------------------
    def apply_change(self, change: Change) -> None:
        if self._changes.concerns(change):
            self.load()

    def _publish(self, change: Change, notice: str = "", select_referral: int | None = None,
                 select_auth: int | None = None) -> None:
        self._changes.publish(change, notice, lambda: self.load(select_referral, select_auth))

    def pause(self) -> None:
        """Locked: nothing is read until the workstation is unlocked."""
        self._locked = True
        self.refresh_timer.stop()

    def clear(self) -> None:
        """Locked (the workspace is closed): both lists, their panes, the notice and the patients
        read are forgotten, asking nothing of the services; `resume` selects the same rows again."""
        self._locked = True
        self._referrals.clear(self._shown_id(self._referral))
        self._auths.clear(self._shown_id(self._auth))
        self._changes.forget()
        if self._attention:
            self._attention = 0
            self.sig_badge_changed.emit(0)
        self._update_titles()

    def resume(self) -> None:
        self._locked = False
        self.refresh_timer.start()
        self.load(self._referrals.take_kept(), self._auths.take_kept())

    def _on_refresh_timer_timeout(self) -> None:
        if not self._locked:  # a timeout queued before the lock reads nothing
            self.refresh()

    def _on_referral_filter_combo_changed(self, _index: int) -> None:
        self.referral_proxy.set_mode(self.ui.referral_filter_combo.currentData())
        self._reselect(self._referrals, self._shown_id(self._referral))

    def _on_auth_filter_combo_changed(self, _index: int) -> None:
        self.auth_proxy.set_mode(self.ui.auth_filter_combo.currentData())
        self._reselect(self._auths, self._shown_id(self._auth))

    def _on_lists_tabs_changed(self, index: int) -> None:
        self._update_titles()
        (self.referral_view if index == 0 else self.auth_view).setFocus()
