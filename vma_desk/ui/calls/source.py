"""Reading one practice-local day of the call log from the services, with what its rows show.

One `calls_on(day)` query; patient names come from the shared `PatientBook` (each patient read
once, then remembered), staff names from the staff list read once. Nothing is read per cell.
"""

from __future__ import annotations

from datetime import date

from vma_desk.core.communications import Call
from vma_desk.ui.calls.model import CallRow
from vma_desk.ui.shared.context import TabContext


class CallDaySource:
    def __init__(self, context: TabContext) -> None:
        self._context = context

    def load(self, day: date) -> list[CallRow]:
        calls = self._context.comms.calls_on(day)
        return [self.row(call) for call in calls]

    def row(self, call: Call) -> CallRow:
        context = self._context
        assert call.id is not None
        return CallRow(call, context.patient_name(call.patient_id), context.staff_name(call.routed_to),
                       tuple(context.comms.links(call.id)))
