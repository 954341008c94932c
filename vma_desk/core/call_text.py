"""How the call log names what became of a call (Qt-free). A call's length, a message's wait and
their times are `core.wording`'s (`call_length`, `waited`, `when_in_year`)."""

from __future__ import annotations

#: what a link's kind is called in the call log
LINK_LABELS = {"message": "Message", "appointment": "Appointment", "refill": "Refill", "referral": "Referral"}


def links(found: list[tuple[str, int]]) -> str:
    """'Message, Appointment' for what became of a call."""
    return ", ".join(LINK_LABELS.get(kind, kind.capitalize()) for kind, _id in found)
