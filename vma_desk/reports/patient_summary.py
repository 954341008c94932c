"""The patient communication summary: one patient's calls, messages, refill requests, referrals
and visits over a period, in one time-ordered table, for a handover.

A header block names the patient (name and date of birth, enough to match the chart), the period
and how many records of each kind it holds. Each row says when (practice-local), what, the details
a colleague needs (who called or decided, what was asked, each step with its time) and the outcome.
Minimum necessary: no phone numbers (the caller's or the specialist's), no insurance member or
group numbers (the insurances are named by payer and plan only, primary then secondary: who pays
decides referrals and billing calls), no authorisation numbers, and free text clipped to a few
lines; the chart holds the rest.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from vma_desk.core.patient_history import PatientHistory
from vma_desk.core.wording import date_text, step_text, weekday_date, when_text
from vma_desk.reports.pdf import (
    INK,
    MUTED,
    RULE,
    STORY_WIDTH,
    ReportFrame,
    column_widths,
    fact_box,
    fonts,
    render,
    styles,
)

if TYPE_CHECKING:
    from vma_desk.services import Services

TITLE = "Patient communication summary"
_PAD = 4
#: (heading, width); the details take what is left. "Wed 12/31/2026" fits the first on one line
_COLUMNS = (("When", 82.0), ("What", 118.0), ("Details", 0.0), ("Outcome", 84.0))
LEFT_OUT = ("Left out as not needed for a handover: phone numbers, insurance member and group numbers, "
            "authorisation numbers, and free text beyond a few lines. The chart holds the full record.")


def build(services: Services, patient_id: int, start: date, end: date) -> bytes:
    """The summary of the practice-local days `start` to `end` (both included) as PDF bytes."""
    history = services.summaries.patient_history(patient_id, start, end)
    zone = ZoneInfo(history.time_zone)
    frame = ReportFrame(TITLE, services.practice.get().name,
                        f"Printed {when_text(history.generated_at, zone)} ({zone.key})",
                        demo=services.workspace.is_demo)
    return render(frame, story(history))


def story(history: PatientHistory) -> list[Flowable]:
    s = styles()
    flowables: list[Flowable] = [Paragraph(TITLE, s["title"]),
                                 Paragraph(escape(history.patient_name), s["subtitle"]),
                                 _header(history), Spacer(0, 10)]
    if history.entries:
        flowables.append(_entries(history))
    else:
        flowables.append(Paragraph(
            "Nothing was recorded for this patient in this period: no calls, messages, refill requests, "
            "referrals or visits.", s["body"]))
    flowables += [Spacer(0, 8), Paragraph(escape(LEFT_OUT), s["small"])]
    return flowables


def _header(history: PatientHistory) -> Table:
    s = styles()
    label = s["cell_bold"].clone("label", textColor=MUTED)
    rows = [
        ("Patient", history.patient_name),
        ("Date of birth", date_text(history.date_of_birth)),
        ("Period", f"{history.period.text} (practice time, {history.time_zone})"),
        ("In this period", history.counts_text),
    ]
    if history.insurance:
        rows.insert(2, ("Insurance", history.insurance))
    return fact_box([[Paragraph(k, label), Paragraph(escape(v), s["cell"])] for k, v in rows],
                    90, STORY_WIDTH, last_bottom=5)


def _entries(history: PatientHistory) -> Table:
    s = styles()
    zone = ZoneInfo(history.time_zone)
    cell, bold = s["cell"], s["cell_bold"]
    small = s["small"]
    details = cell.clone("details", fontSize=8, leading=10)
    head = bold.clone("head", fontSize=7.5, leading=9, textColor=MUTED)
    caption = s["small"].clone("caption", textColor=MUTED)
    # the first row names the patient again on every page the table runs onto
    rows: list[list[Flowable | str]] = [
        [Paragraph(f"Oldest first · {escape(history.patient_name)}, born {date_text(history.date_of_birth)}"
                   f" · {escape(history.period.text)}", caption), "", "", ""],
        [Paragraph(name, head) for name, _w in _COLUMNS]]
    for entry in history.entries:
        local = entry.at.astimezone(zone)
        when = f"{weekday_date(local.date())}<br/>{escape(step_text(entry.at, entry.at, zone))}"
        what = f"<b>{escape(entry.what)}</b>"
        if entry.began is not None:
            what += f'<br/><font size="7.5" color="#{MUTED.hexval()[2:]}">began ' \
                    f"{escape(date_text(entry.began.astimezone(zone).date()))}</font>"
        rows.append([Paragraph(when, cell), Paragraph(what, cell),
                     Paragraph("<br/>".join(escape(line) for line in entry.details), details),
                     Paragraph(escape(entry.outcome), small.clone("outcome", textColor=INK, fontSize=8))])
    return Table(rows, colWidths=column_widths(_COLUMNS), repeatRows=2, hAlign="LEFT", style=TableStyle([
        ("SPAN", (0, 0), (-1, 0)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD), ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("FONT", (0, 0), (-1, -1), fonts().regular, 8.5),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 2),
        ("LINEBELOW", (0, 1), (-1, 1), 0.8, INK),
        ("LINEBELOW", (0, 2), (-1, -1), 0.4, RULE),
    ]))
