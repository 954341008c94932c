"""Reading the messages the tab shows: every open message (one query), with the names, the
callback due time and the callback attempts of each (one query for the list).

Due times come from the core rule (`core.rules.callbacks.callback_due`) with the practice, its zone
and its callback policy read once per load: nothing is asked of the services per row.
"""

from __future__ import annotations

from collections.abc import Iterable

from vma_desk.core.chase import ChaseKind, ChaseState
from vma_desk.core.communications import Message
from vma_desk.core.rules import callbacks
from vma_desk.ui.messages.model import MessageRow
from vma_desk.ui.shared.context import TabContext


class MessageSource:
    def __init__(self, context: TabContext) -> None:
        self._context = context

    def open_rows(self) -> list[MessageRow]:
        """Every open message, and those closed today (shown under "Closed today")."""
        comms = self._context.comms
        today = comms.ctx.today()
        return self.rows([*comms.open_messages(), *comms.messages_closed_on(today)])

    def rows(self, messages: Iterable[Message]) -> list[MessageRow]:
        """The messages' rows in the one listing order (`callbacks.listing_key`): emergencies first,
        then by callback due, then by the time taken."""
        context = self._context
        practice = context.services.practice.get()
        zone = context.zone()
        policy = context.comms.callback_policy()
        ordered = callbacks.listing_order((m, callbacks.callback_due(m, practice, zone, policy))
                                          for m in messages)
        ids = [m.id for m, _due in ordered if m.id is not None]
        states = context.services.chase.states(ChaseKind.MESSAGE, ids)
        return [MessageRow(m, context.patient_name(m.patient_id), context.staff_name(m.recipient_id), due,
                           states.get(m.id or 0, ChaseState()))
                for m, due in ordered]
