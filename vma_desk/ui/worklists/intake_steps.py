""""Mark forms…" on an Intake forms row: the visit's packet, each form with where it stands (not
sent, sent by portal / e-mail / text / letter, received, reviewed, with when), and the keys that
take one form a step on: Alt+S sent (by the channel chosen, Alt+B), Alt+R received, Alt+V reviewed.

Each step is saved at once through `services.intake.mark`; a step out of order ("reviewed before
received") is refused beside the forms with nothing saved. Enter or Esc closes the dialog, and
`sig_saved(change)` then says the last change made (none: nothing was marked). Only whether a form
came back is kept: what the patient wrote stays in the practice's EHR or portal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from vma_desk.core import wording
from vma_desk.core.chase import Channel
from vma_desk.core.intake import SEND_CHANNELS, FormState, VisitForm, VisitPacket
from vma_desk.core.records import Change
from vma_desk.ui.forms.ui_intake_mark import Ui_IntakeMark
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import FormDialog, attempt
from vma_desk.ui.shared.tab import enclosing_tab
from vma_desk.ui.shared.widgets import FieldSlot
from vma_desk.ui.worklists.results_steps import bold

#: the keys of the steps, as the buttons say them
STEP_KEYS = ((FormState.SENT, "Alt+S"), (FormState.RECEIVED, "Alt+R"), (FormState.REVIEWED, "Alt+V"))


def forms_back(packet: VisitPacket) -> str:
    """'2 of 3 back'."""
    return f"{sum(1 for f in packet.forms if f.back)} of {len(packet.forms)} back"


class IntakeMarkDialog(FormDialog):
    """The forms of one visit's packet, marked sent, received or reviewed by keys."""

    ui: Ui_IntakeMark
    sig_saved = Signal(object)

    def __init__(self, context: TabContext, packet: VisitPacket, who: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_IntakeMark(), context.services, parent)
        self.context = context
        self.packet = packet
        #: the changes saved while the dialog is open (the last one is said when it closes)
        self.changes: list[Change] = []
        ui = self.ui
        visit = packet.appointment
        kind = context.types.get(visit.type_code)
        self.setWindowTitle(f"Mark forms: {who}")
        self.who = who
        self._main_button(QDialogButtonBox.StandardButton.Close, "&Done")
        when = wording.when_in_year(visit.start, context.zone(), context.today())
        ui.about_label.setText(f"Intake forms: {who}, {kind.name if kind else visit.type_code} with "
                               f"{context.staff_name(visit.provider_id)}, {when}")
        bold(ui.about_label)
        for channel in SEND_CHANNELS:
            ui.channel_combo.addItem("E-mail" if channel is Channel.EMAIL else channel.label, channel)
        table = ui.items_table
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(("Form", "State", "When"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setAccessibleName("Forms of the packet")
        for state, keys in STEP_KEYS:
            button = self._button(state)
            action = QAction(button.text(), self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, s=state: self.mark(s))
            self.addAction(action)
            button.clicked.connect(lambda _checked=False, s=state: self.mark(s))
            button.setToolTip(f"Mark the form chosen {state.label.lower()} ({keys})")
        self._show_forms()
        table.setCurrentCell(0, 0)
        table.setFocus()

    def _button(self, state: FormState) -> QPushButton:
        ui = self.ui
        return {FormState.SENT: ui.sent_button, FormState.RECEIVED: ui.received_button}.get(
            state, ui.reviewed_button)

    def _when(self, form: VisitForm) -> str:
        at = {FormState.SENT: form.sent_at, FormState.RECEIVED: form.received_at,
              FormState.REVIEWED: form.reviewed_at}.get(form.state)
        return wording.when_in_year(at, self.context.zone(), self.context.today()) if at else ""

    def _show_forms(self) -> None:
        table = self.ui.items_table
        table.setRowCount(len(self.packet.forms))
        for row, form in enumerate(self.packet.forms):
            state = form.state.label
            if form.state is FormState.SENT and form.channel is not None:
                state = f"Sent by {'e-mail' if form.channel is Channel.EMAIL else form.channel.value}"
            for column, text in enumerate((form.name, state, self._when(form))):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnToContents(1)
        table.resizeColumnToContents(2)

    def chosen(self) -> VisitForm | None:
        row = self.ui.items_table.currentRow()
        return self.packet.forms[row] if 0 <= row < len(self.packet.forms) else None

    def mark(self, state: FormState) -> Change | None:
        """Take the chosen form a step on (saved at once), or say beside the forms why not."""
        form = self.chosen()
        if form is None:
            self._errors.show_general("Choose a form first.")
            return None
        channel = Channel(self.ui.channel_combo.currentData()) if state is FormState.SENT else None
        slot = FieldSlot(self.ui.items_table, self.ui.item_error, form.name)
        done = attempt(self._errors, lambda: self.context.services.intake.mark(
            self.packet.appointment_id, form.name, state, channel=channel), slot_for=lambda _field: slot)
        if done is None:
            return None
        row = self.ui.items_table.currentRow()
        before = self.packet
        self.packet, change = done
        self.changes.append(change)
        tab = enclosing_tab(self)
        if tab is not None:  # Edit → Undo takes the mark back (refused once the forms changed since)
            intake, after = self.context.services.intake, self.packet
            tab.sig_undoable.emit(f"{state.label.lower()}: {form.name} ({self.who})",
                                  lambda: intake.undo(before, after))
        self._show_forms()
        self.ui.items_table.setCurrentCell(row, 0)
        self.ui.items_table.setFocus()
        return change

    def done(self, result: int) -> None:
        """Closing: the last change made is said once."""
        if self.changes:
            changes, self.changes = self.changes, []
            self.sig_saved.emit(changes[-1])
        super().done(result)

    def _on_button_box_accepted(self) -> None:
        self.accept()
