"""The shift handoff on one page: who hands over (and to whom), the note for the next VMA, the open
items the user owns or touched, the tasks due by the end of the next shift and those done or
cancelled during this one, what changed during the shift (counts by kind) and the notable changes
(escalations, late cancellations, overridden conflicts).

Everything comes from `services.handoff.shift_summary()`; the note is the one typed in the End
shift dialog (printed before it is saved, or after). Minimum necessary: patients by name and what
is open about them; no phone numbers, member ids or message texts. The page is one page: long lists
are cut with "and N more (see VMA Desk)", and the whole shrinks to fit if it still would not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from vma_desk.core.handoff import HandoffItem, ShiftSummary, kind_label, validate_note
from vma_desk.core.wording import clock_text, when_text
from vma_desk.reports.pdf import (
    ALERT,
    INK,
    MUTED,
    RULE,
    STORY_HEIGHT,
    STORY_WIDTH,
    ReportFrame,
    column_widths,
    fact_box,
    render,
    styles,
)

if TYPE_CHECKING:
    from vma_desk.services import Services

TITLE = "Shift handoff"
_PAD = 4
MAX_OPEN = 24
MAX_NOTABLE = 8
MAX_TASKS = 12
MAX_NOTE_LINES = 18
#: (heading, width); the last column takes what is left
_COLUMNS = (("What", 104.0), ("Patient / caller", 128.0), ("Where it stands", 0.0))
NOTHING_OPEN = ("Nothing open is yours: no messages awaiting a callback, refill requests, referrals, "
                "prior authorisations or unconfirmed visits.")
LEFT_OUT = ("Left out as not needed for a handoff: phone numbers, insurance and member numbers, and "
            "message texts. Open each record in VMA Desk for the rest.")


def build(services: Services, note: str = "", *, to_user_id: int | None = None,
          user_id: int | None = None) -> bytes:
    """The signed-in user's (or `user_id`'s) handoff, with `note`, as PDF bytes."""
    summary = services.handoff.shift_summary(user_id)
    to_name = services.users.get(to_user_id).name if to_user_id is not None else ""
    zone = ZoneInfo(summary.time_zone)
    frame = ReportFrame(TITLE, summary.practice_name,
                        f"Printed {when_text(summary.generated_at, zone)} ({zone.key})",
                        demo=services.workspace.is_demo)
    return render(frame, [KeepInFrame(STORY_WIDTH, STORY_HEIGHT, story(summary, validate_note(note), to_name),
                                      mode="shrink")])


def story(summary: ShiftSummary, note: str, to_name: str = "") -> list[Flowable]:
    s = styles()
    zone = ZoneInfo(summary.time_zone)
    period = f"{when_text(summary.shift_start, zone)} to {clock_text(summary.generated_at, zone)}" \
        if summary.shift_start.astimezone(zone).date() == summary.generated_at.astimezone(zone).date() \
        else f"{when_text(summary.shift_start, zone)} to {when_text(summary.generated_at, zone)}"
    flowables: list[Flowable] = [
        Paragraph(TITLE, s["title"]),
        Paragraph(f"{escape(summary.user_name)} · shift {escape(period)} ({escape(zone.key)})",
                  s["subtitle"]),
        _note(note, to_name),
        Paragraph(f"Open items ({len(summary.open_items)})", s["h2"]),
    ]
    if summary.open_items:
        flowables.append(_items(summary.open_items[:MAX_OPEN], kind_column=True))
        if len(summary.open_items) > MAX_OPEN:
            flowables.append(Paragraph(f"and {len(summary.open_items) - MAX_OPEN} more (see VMA Desk)",
                                       s["small"]))
    else:
        flowables.append(Paragraph(NOTHING_OPEN, s["body"]))
    flowables += _tasks(summary)
    flowables.append(Paragraph("This shift", s["h2"]))
    if summary.counts:
        flowables.append(_counts(summary))
    else:
        flowables.append(Paragraph("No records were changed during this shift.", s["body"]))
    if summary.notable:
        flowables.append(Paragraph("Notable", s["h3"]))
        flowables.append(_items(summary.notable[:MAX_NOTABLE], kind_column=False))
        if len(summary.notable) > MAX_NOTABLE:
            flowables.append(Paragraph(f"and {len(summary.notable) - MAX_NOTABLE} more (see VMA Desk)",
                                       s["small"]))
    flowables += [Spacer(0, 8), Paragraph(escape(LEFT_OUT), s["small"])]
    return flowables


def _tasks(summary: ShiftSummary) -> list[Flowable]:
    """"Tasks due by the end of the next shift" and "Tasks closed this shift", each cut at
    `MAX_TASKS` rows; nothing when there are none of either."""
    s = styles()
    found: list[Flowable] = []
    for heading, items in ((f"Tasks due by the end of the next shift ({len(summary.tasks_due)})",
                            summary.tasks_due),
                           (f"Tasks done or cancelled this shift ({len(summary.tasks_closed)})",
                            summary.tasks_closed)):
        if not items:
            continue
        found += [Paragraph(escape(heading), s["h3"]), _task_table(items[:MAX_TASKS])]
        if len(items) > MAX_TASKS:
            found.append(Paragraph(f"and {len(items) - MAX_TASKS} more (see VMA Desk)", s["small"]))
    return found


def _task_table(items: tuple[HandoffItem, ...]) -> Table:
    s = styles()
    cell = s["cell"]
    head = s["cell_bold"].clone("head", fontSize=7.5, leading=9, textColor=MUTED)
    alert = cell.clone("alert", textColor=ALERT)
    rows: list[list[Flowable]] = [[Paragraph(name, head) for name in ("Patient", "Task")]]
    for item in items:
        rows.append([Paragraph(escape(item.title), s["cell_bold"]),
                     Paragraph(escape(item.detail), alert if "(overdue)" in item.detail else cell)])
    widths = column_widths((("Patient", 128.0), ("Task", 0.0)))
    return Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", style=_TABLE_STYLE)


def _note(note: str, to_name: str) -> Table:
    s = styles()
    label = s["cell_bold"].clone("label", textColor=MUTED)
    lines = note.splitlines()
    if len(lines) > MAX_NOTE_LINES:
        lines = lines[:MAX_NOTE_LINES] + ["… (the rest is in VMA Desk)"]
    text = "<br/>".join(escape(line) for line in lines) if note else \
        f'<font color="#{MUTED.hexval()[2:]}">No note.</font>'
    rows: list[list[Flowable]] = [
        [Paragraph("Note for", label), Paragraph(escape(to_name or "whoever comes next"), s["cell"])],
        [Paragraph("Note", label), Paragraph(text, s["cell"])]]
    return fact_box(rows, 70, STORY_WIDTH, last_bottom=6)


def _items(items: tuple[HandoffItem, ...], *, kind_column: bool) -> Table:
    s = styles()
    cell, bold = s["cell"], s["cell_bold"]
    head = bold.clone("head", fontSize=7.5, leading=9, textColor=MUTED)
    alert = cell.clone("alert", textColor=ALERT)
    if kind_column:
        rows: list[list[Flowable]] = [[Paragraph(name, head) for name, _w in _COLUMNS]]
        for item in items:
            rows.append([Paragraph(escape(kind_label(item.kind)), bold), Paragraph(escape(item.title), cell),
                         Paragraph(escape(item.detail), alert if "overdue" in item.detail else cell)])
    else:
        rows = [[Paragraph(name, head) for name in ("What", "Patient / caller", "Details")]]
        for item in items:
            what, _, rest = item.detail.partition(": ")
            if what == "Escalated":
                what = f"Escalated {kind_label(item.kind).lower()}"
            rows.append([Paragraph(escape(what), alert), Paragraph(escape(item.title), cell),
                         Paragraph(escape(rest), cell)])
    return Table(rows, colWidths=column_widths(_COLUMNS), repeatRows=1, hAlign="LEFT", style=_TABLE_STYLE)


def _counts(summary: ShiftSummary) -> Table:
    s = styles()
    label = s["cell_bold"]
    rows = [[Paragraph(escape(c.label), label), Paragraph(escape(c.text), s["cell"])] for c in summary.counts]
    return Table(rows, colWidths=[150, STORY_WIDTH - 150], hAlign="LEFT", style=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD), ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]))


_TABLE_STYLE = TableStyle([
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), _PAD), ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
    ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
    ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
])
