"""Reading the refill requests the tab shows: the open ones (one query, `refills.worklist`), with
the patient's and the prescriber's names, and on demand those closed today.

The services have no "closed on a day" query for refills yet: the requests closed today are found
among those received in the last `CLOSED_LOOKBACK` days (a request's clock runs a business day or
two; pickup rarely waits weeks), and only while the "Closed today" filter is chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta

from vma_desk.core.refills import RefillRequest, RefillStep
from vma_desk.core.rules.scheduling import local_to_utc
from vma_desk.ui.calls.context import CommsContext
from vma_desk.ui.refills.model import RefillTableRow

CLOSED_LOOKBACK = timedelta(days=31)


class RefillRowSource:
    def __init__(self, context: CommsContext) -> None:
        self._context = context

    def open_rows(self, *, closed_today: bool = False) -> list[RefillTableRow]:
        refills = self._context.services.refills
        requests = [row.request for row in refills.worklist()]
        if closed_today:
            requests += self.closed_today()
        return self.rows(requests)

    def closed_today(self) -> list[RefillRequest]:
        context = self._context
        zone, today = context.zone(), context.today()
        start = local_to_utc(datetime.combine(today, time(0)), zone)
        received = context.services.refills.received_between(start - CLOSED_LOOKBACK, context.now())
        return [r for r in received if not r.is_open and (closed := r.reached(RefillStep.CLOSED))
                and closed.at >= start]

    def rows(self, requests: Iterable[RefillRequest]) -> list[RefillTableRow]:
        context = self._context
        return [RefillTableRow(r, context.patient_name(r.patient_id), context.staff_name(r.prescriber_id))
                for r in requests]
