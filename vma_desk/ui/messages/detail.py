"""What the Messages tab's detail pane says about one message: who, what, when it is due, its
callback attempts, and each step done with who and when."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from vma_desk.core import history, wording
from vma_desk.core.communications import Message, MessageState, by_words
from vma_desk.core.validation import format_phone
from vma_desk.ui.messages.model import MessageRow

#: the step that moves a message to each state, as its button says it
STEP_LABELS = {MessageState.DELIVERED: "Deliver", MessageState.ACKNOWLEDGED: "Acknowledge",
               MessageState.CALLBACK_DONE: "Callback done", MessageState.CLOSED: "Close"}


def title(row: MessageRow) -> str:
    m = row.message
    return f"{m.caller_name} · {m.urgency.value.capitalize()} · {m.state.label}"


def body(row: MessageRow, now: datetime, zone: ZoneInfo) -> str:
    m = row.message
    today = now.astimezone(zone).date()
    lines = [f"Contact: {format_phone(m.contact_number)}"]
    if row.patient:
        lines.append(f"Patient: {row.patient}")
    lines.append(f"For: {row.recipient}")
    taken = wording.when_in_year(m.created_at, zone, today)
    lines.append(f"Taken {taken} ({wording.waited(now - m.created_at)} ago)")
    if m.awaiting_callback:
        late = " — OVERDUE" if now > row.due else ""
        lines.append(f"Callback due {wording.when_in_year(row.due, zone, today)}{late}")
    if line := attempts(row, zone, today):
        lines.append(line)
    if m.callback_at is not None:
        lines.append(f"Best time to call back: {wording.when_in_year(m.callback_at, zone, today)}")
    lines.append(f"Reason: {m.reason}")
    if m.questions:
        lines.append(f"Questions: {m.questions}")
    if m.escalation_action:
        lines.append(f"Red flag — what was done: {m.escalation_action}")
    if m.call_id is not None:
        lines.append("Taken from a logged call (linked).")
    return "\n".join(lines)


def attempts(row: MessageRow, zone: ZoneInfo, today: date) -> str:
    """'Callback attempts: 2 attempts · last: left voicemail 10:42 · next Tomorrow 10:42 AM', or
    that none is logged yet (Ctrl+Shift+L logs one); "" for a message past its callback with none."""
    state = row.chase
    if not state.count:
        return "Callback attempts: none yet (Ctrl+Shift+L logs one)" if row.message.awaiting_callback else ""
    line = f"Callback attempts: {state.text(zone)}"
    if row.message.awaiting_callback and state.next_at is not None:
        line += f" · next {wording.near_day_clock(state.next_at, zone, today)}"
    return line


def timeline(message: Message, zone: ZoneInfo, today: date) -> str:
    """'New — 9:31 AM by tester@desk' for each step done, oldest first; 'Acknowledged — 9:40 AM by
    Nurse Joy (recorded by Ann Lee)' when the user recorded someone else's act."""
    lines = []
    for event in message.events:
        label = event.state.label
        if event.action:
            label = history.line_prefix(event.action) + history.lower_first(label)
        when = wording.when_in_year(event.at, zone, today)
        line = f"{label} — {when} by {by_words(event.by, event.recorded_by)}"
        lines.append(f"{line}: {event.note}" if event.note else line)
    return "\n".join(lines) or "No steps recorded."
