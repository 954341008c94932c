"""The small dialogs of a request's steps: the provider's decision (recorded with who decided and
when: the VMA never decides), re-checking the chart with dates found later, and withdrawing a
request before a decision (with the reason).

Each holds its Designer form, runs one service call on OK and either closes with `sig_saved` or
shows why not beside the field, keeping what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from vma_desk.core import refill_text as text
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change
from vma_desk.core.refills import Decision, RefillRequest, RefillStep
from vma_desk.core.wording import zone_label
from vma_desk.ui.forms.ui_refills_decision import Ui_RefillsDecision
from vma_desk.ui.forms.ui_refills_recheck import Ui_RefillsRecheck
from vma_desk.ui.forms.ui_refills_route import Ui_RefillsRoute
from vma_desk.ui.forms.ui_refills_withdraw import Ui_RefillsWithdraw
from vma_desk.ui.refills import fields
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import attempt, hold_form, main_button
from vma_desk.ui.shared.widgets import FieldSlot

_Step = Callable[[], tuple[RefillRequest, Change]]


class RefillStepDialog(QDialog):
    #: the updated `RefillRequest` and its `Change`
    sig_saved = Signal(object, object)

    def __init__(self, form: Any, context: TabContext, request: RefillRequest, ok_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = form
        self._errors = hold_form(self, form)
        self._context = context
        self.request = request
        self.ok_button = main_button(form.button_box, QDialogButtonBox.StandardButton.Ok, ok_label)
        form.button_box.accepted.connect(self.save)
        form.button_box.rejected.connect(self.reject)

    def about(self) -> str:
        """'Lisinopril 10 mg for Ames, Ann'."""
        return text.request_for(self.request, self._context.patient_name(self.request.patient_id))

    def save(self) -> RefillRequest | None:
        """Run the step; close and say so, or show why not beside its field."""
        done = attempt(self._errors, self._step(), slot_for=lambda field: self._slots().get(field),
                       general=lambda error: f"This request cannot: {error.message}.")
        if done is None:
            return None
        updated, change = done
        self.accept()
        self.sig_saved.emit(updated, change)
        return updated

    def _step(self) -> _Step:
        raise NotImplementedError

    def _slots(self) -> dict[str, FieldSlot]:
        return {}


class DecisionDialog(RefillStepDialog):
    """What the provider decided, who decided (required, never pre-chosen) and when."""

    ui: Ui_RefillsDecision
    RADIOS = {"approved_radio": Decision.APPROVED, "denied_radio": Decision.DENIED,
              "needs_visit_radio": Decision.NEEDS_VISIT}

    def __init__(self, context: TabContext, request: RefillRequest, parent: QWidget | None = None) -> None:
        super().__init__(Ui_RefillsDecision(), context, request, "&Record decision", parent)
        ui = self.ui
        prescriber = context.staff_name(request.prescriber_id)
        ui.about_label.setText(
            f"Record what the provider decided about {self.about()} (prescriber: {prescriber}). "
            "The decision is the provider's: choose who made it. You only record it.")
        fields.fill_providers(ui.decided_by_combo, context.active_staff(),
                              "(choose the provider who decided)")
        zone, now = context.zone(), context.now()
        fields.set_moment(ui.decided_date_edit, ui.decided_time_edit, now, zone)
        ui.zone_label.setText(zone_label(zone, now))
        ui.approved_radio.setFocus()

    def decision(self) -> Decision:
        for name, decision in self.RADIOS.items():
            if getattr(self.ui, name).isChecked():
                return decision
        raise ValidationError("decision", "choose what the provider decided")

    def _step(self) -> _Step:
        ui = self.ui

        def record() -> tuple[RefillRequest, Change]:
            decision = self.decision()
            when = fields.read_moment(ui.decided_date_edit, ui.decided_time_edit, self._context.zone(),
                                      "decided_at")
            return self._context.services.refills.record_decision(
                self.request.id or 0, decision, decided_by_id=ui.decided_by_combo.currentData(),
                decided_at=when, note=ui.note_edit.toPlainText())

        return record

    def _slots(self) -> dict[str, FieldSlot]:
        ui = self.ui
        return {"decision": FieldSlot(ui.approved_radio, ui.decision_error, "Decision"),
                "decided_by": FieldSlot(ui.decided_by_combo, ui.decided_by_error, "Decided by"),
                "decided_at": FieldSlot(ui.decided_date_edit, ui.decided_at_error, "When"),
                "decision_note": FieldSlot(ui.note_edit, ui.note_error, "Note")}


class RecheckDialog(RefillStepDialog):
    """Lab dates or refills left found in the chart later: the chart check runs again."""

    ui: Ui_RefillsRecheck

    def __init__(self, context: TabContext, request: RefillRequest, parent: QWidget | None = None) -> None:
        super().__init__(Ui_RefillsRecheck(), context, request, "&Check again", parent)
        ui = self.ui
        ui.about_label.setText(f"Enter what the chart shows for {self.about()}: the date each lab was "
                               "last done and the refills left. The chart check then runs again.")
        ui.labs_editor.set_today(context.today())
        ui.labs_editor.set_labs(context.services.refills.required_labs(request.medication, request.labs))
        fields.setup_refills_spin(ui.refills_spin, request.refills_remaining)
        ui.labs_editor.place_in_tab_order(ui.about_label, ui.refills_spin)
        edits = ui.labs_editor.edits()
        first: QWidget = edits[0] if edits else ui.refills_spin
        first.setFocus()

    def _step(self) -> _Step:
        ui = self.ui
        return lambda: self._context.services.refills.recheck(
            self.request.id or 0, labs=ui.labs_editor.labs(),
            refills_remaining=fields.refills_value(ui.refills_spin))

    def _slots(self) -> dict[str, FieldSlot]:
        ui = self.ui
        return {"labs": FieldSlot(ui.labs_editor.problem_edit(), ui.labs_error, "Labs"),
                "refills_remaining": FieldSlot(ui.refills_spin, ui.refills_error, "Refills left")}


class WithdrawDialog(RefillStepDialog):
    """Close a request before a decision (a duplicate, sent elsewhere ...): the reason is required."""

    ui: Ui_RefillsWithdraw

    def __init__(self, context: TabContext, request: RefillRequest, parent: QWidget | None = None) -> None:
        super().__init__(Ui_RefillsWithdraw(), context, request, "&Withdraw request", parent)
        self.ui.about_label.setText(f"Withdraw the request for {self.about()} before the provider "
                                    "decides? It closes; the reason stays in its history.")
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("&Keep it open")
        self.ui.reason_edit.setFocus()

    def _step(self) -> _Step:
        return lambda: self._context.services.refills.advance(
            self.request.id or 0, RefillStep.CLOSED, note=self.ui.reason_edit.text())

    def _slots(self) -> dict[str, FieldSlot]:
        return {"note": FieldSlot(self.ui.reason_edit, self.ui.reason_error, "Reason")}


class RouteDialog(RefillStepDialog):
    """Route the request to another provider than its prescriber (a covering provider when the
    prescriber is away); the decision is then that provider's."""

    ui: Ui_RefillsRoute

    def __init__(self, context: TabContext, request: RefillRequest, parent: QWidget | None = None) -> None:
        super().__init__(Ui_RefillsRoute(), context, request, "&Route", parent)
        self.ui.about_label.setText(f"Route the request for {self.about()} to another provider; "
                                    f"its prescriber is {context.staff_name(request.prescriber_id)}.")
        combo = self.ui.provider_combo
        for provider in context.services.practice.providers():
            if provider.id != request.prescriber_id:
                combo.addItem(provider.display_name, provider.id)
        combo.setFocus()

    def _step(self) -> _Step:
        return lambda: self._context.services.refills.route(
            self.request.id or 0, prescriber_id=self.ui.provider_combo.currentData())

    def _slots(self) -> dict[str, FieldSlot]:
        return {"prescriber_id": FieldSlot(self.ui.provider_combo, self.ui.provider_error, "Provider")}
