"""Undo and reopen without rewriting history.

A message, refill or referral keeps every step as an event. Taking a step back (Edit → Undo right
after it) and reopening a closed record both *add* an event, marked `action = "undo"` or
`"reopen"`, whose state is the one the record returns to; nothing recorded is ever deleted or
edited. These rules are shared by the three kinds of record (their events differ only in the name
of their state field)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from vma_desk.core.errors import ChangedSinceError, ValidationError

E = TypeVar("E")

UNDO = "undo"
REOPEN = "reopen"


def standing(events: Sequence[E], rank: Callable[[E], int]) -> list[E]:
    """The steps that still stand: each undo or reopening takes back the steps past the state it
    returns to (the steps stay in the history; they no longer count, e.g. for a refill's clock or a
    message's callback time). `rank` orders the states along the record's path."""
    kept: list[E] = []
    for event in events:
        if getattr(event, "action", ""):
            while kept and rank(kept[-1]) > rank(event):
                kept.pop()
        else:
            kept.append(event)
    return kept


def line_prefix(action: str) -> str:
    """How a history line of an undo or a reopening starts ("Undo: back to Callback done...")."""
    return {UNDO: "Undo: back to ", REOPEN: "Reopened: back to "}.get(action, "")


def lower_first(label: str) -> str:
    return label[:1].lower() + label[1:] if label else label


def steps_to_undo(current: Sequence[E], before: Sequence[E],
                  after: Sequence[E] | None = None) -> tuple[E, ...]:
    """The events a step added to a record whose history was `before` and is `current` now
    (`after`: the history the step left, when known: nothing may have come since). Refused when
    the record moved on since (another step, an undo already done, someone else)."""
    if (len(current) <= len(before) or tuple(current[:len(before)]) != tuple(before)
            or any(getattr(e, "action", "") for e in current[len(before):])
            or (after is not None and tuple(current) != tuple(after))):
        raise ChangedSinceError("This record changed after that step (another step, or an undo "
                                "already made): open it and take the step you need.")
    return tuple(current[len(before):])


def state_before_closing(events: Sequence[E], state_of: Callable[[E], str], is_closed: Callable[[str], bool]
                         ) -> str:
    """The state a closed record returns to when reopened: the last one it had before it closed."""
    for event in reversed(events):
        state = state_of(event)
        if not is_closed(state):
            return state
    raise ValidationError("state", "has no earlier state to return to")


def reopen_reason(reason: str) -> str:
    """A reopening needs its reason (at most 500 characters)."""
    text = " ".join(reason.split())
    if not text:
        raise ValidationError("reason", "say why the record is reopened")
    if len(text) > 500:
        raise ValidationError("reason", "is longer than 500 characters")
    return text
