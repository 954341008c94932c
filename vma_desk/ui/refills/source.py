"""Reading the refill requests the tab shows: the open ones (one query, `refills.worklist`), with
the patient's and the prescriber's names and the attempts to tell the patient the decision (one
query for the list), and on demand those closed today or closed and still needing a visit booked.
"""

from __future__ import annotations

from collections.abc import Iterable

from vma_desk.core.chase import ChaseKind, ChaseState
from vma_desk.core.refills import RefillRequest
from vma_desk.ui.refills.model import RefillTableRow
from vma_desk.ui.shared.context import TabContext


class RefillRowSource:
    def __init__(self, context: TabContext) -> None:
        self._context = context

    def open_rows(self, *, closed_today: bool = False, awaiting_visit: bool = False) -> list[RefillTableRow]:
        """The open requests, with those closed today or the closed ones still needing a visit booked
        (their booked visit cancelled or missed) when asked."""
        refills = self._context.services.refills
        requests = [row.request for row in refills.worklist()]
        if closed_today:
            requests += self.closed_today()
        if awaiting_visit:
            requests += [r for r in refills.awaiting_visit() if not r.is_open]
        return self.rows(requests)

    def closed_today(self) -> list[RefillRequest]:
        return self._context.services.refills.closed_on(self._context.today())

    def rows(self, requests: Iterable[RefillRequest]) -> list[RefillTableRow]:
        context = self._context
        requests = list(requests)
        context.patients.names(r.patient_id for r in requests)  # one query, not one a row
        notices = context.services.chase.states(
            ChaseKind.REFILL_NOTICE, [r.id for r in requests if r.id is not None and r.decision is not None])
        return [RefillTableRow(r, context.patient_name(r.patient_id), context.staff_name(r.prescriber_id),
                               notices.get(r.id or 0, ChaseState()))
                for r in requests]
