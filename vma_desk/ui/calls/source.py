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
        context = self._context
        calls = context.comms.calls_on(day)
        context.patients.names(c.patient_id for c in calls if c.patient_id is not None)  # one query
        links = context.comms.links_of([call.id for call in calls if call.id is not None])
        return [self.row(call, links.get(call.id or 0, [])) for call in calls]

    def row(self, call: Call, links: list[tuple[str, int]] | None = None) -> CallRow:
        """A call's row; its links read now unless given (`load` reads a day's in one query)."""
        context = self._context
        assert call.id is not None
        return CallRow(call, context.patient_name(call.patient_id), context.staff_name(call.routed_to),
                       tuple(context.comms.links(call.id) if links is None else links))
