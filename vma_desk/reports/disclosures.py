"""A patient's accounting of disclosures: every release of their records the practice sent, over a
period (by default the six years up to today, as HIPAA's accounting asks), one row per release: the
date it was sent, to whom, what, why, and the secure way it went (with the authorisation's dates).

A header block names the patient (name and date of birth, enough to match the chart), the practice
and the period; "No disclosures recorded" stands alone when there are none. Minimum necessary: no
phone numbers, no insurance or member numbers, no one else's records; the releases' own words (to
whom, what, why) are what the patient has the right to read. Made through the services, never SQL.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from vma_desk.core.records_requests import RecordsRequest, accounting_start
from vma_desk.core.wording import clock, date_text, plural, when_text
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

TITLE = "Accounting of disclosures"
NONE_TEXT = "No disclosures recorded"
_PAD = 4
#: (heading, width); what was released takes what is left
_COLUMNS = (("Date sent", 70.0), ("To whom", 112.0), ("What", 0.0), ("Why", 112.0), ("How sent", 78.0))
SCOPE = ("Lists every release of this patient's records that the practice recorded as sent in VMA Desk "
         "during the period, each with the patient's signed authorisation. Releases made and recorded "
         "elsewhere (the practice's EHR or records department) are not included.")


def build(services: Services, patient_id: int, start: date | None = None, end: date | None = None) -> bytes:
    """The accounting of the practice-local days `start` to `end` (both included; default the six
    years up to today) as PDF bytes. An unknown patient is refused (`NotFoundError`)."""
    patient = services.patients.get(patient_id)
    last = end or services.context.today()
    first = start or accounting_start(last)
    releases = services.records_requests.disclosures(patient_id, first, last)
    zone = services.context.practice_zone()
    practice = services.practice.get().name
    printed = when_text(services.context.clock.now(), zone)
    frame = ReportFrame(TITLE, practice, f"Printed {printed} ({zone.key})", demo=services.workspace.is_demo)
    name = f"{patient.first_name} {patient.last_name}"
    facts = [("Patient", name), ("Date of birth", date_text(patient.date_of_birth)), ("Practice", practice),
             ("Period", f"{date_text(first)} to {date_text(last)} (practice time, {zone.key})"),
             ("Releases", plural(len(releases), "release") if releases else NONE_TEXT)]
    return render(frame, story(name, facts, releases, zone))


def story(name: str, facts: list[tuple[str, str]], releases: list[RecordsRequest],
          zone: ZoneInfo) -> list[Flowable]:
    s = styles()
    label = s["cell_bold"].clone("label", textColor=MUTED)
    flowables: list[Flowable] = [
        Paragraph(TITLE, s["title"]), Paragraph(escape(name), s["subtitle"]),
        fact_box([[Paragraph(k, label), Paragraph(escape(v), s["cell"])] for k, v in facts], 90, STORY_WIDTH),
        Spacer(0, 10)]
    if releases:
        flowables.append(_releases(name, releases, zone))
    else:
        flowables.append(Paragraph(f"{NONE_TEXT} for this patient in this period.", s["body"]))
    flowables += [Spacer(0, 8), Paragraph(escape(SCOPE), s["small"])]
    return flowables


def _muted(text: str) -> str:
    """A cell's second line, smaller and grey."""
    return f'<font size="7.5" color="#{MUTED.hexval()[2:]}">{escape(text)}</font>'


def _releases(name: str, releases: list[RecordsRequest], zone: ZoneInfo) -> Table:
    s = styles()
    cell = s["cell"]
    head = s["cell_bold"].clone("head", fontSize=7.5, leading=9, textColor=MUTED)
    caption = s["small"].clone("caption", textColor=MUTED)
    rows: list[list[Flowable | str]] = [
        [Paragraph(f"Oldest first · {escape(name)}", caption), "", "", "", ""],
        [Paragraph(heading, head) for heading, _w in _COLUMNS]]
    for release in releases:
        assert release.sent_at is not None  # a disclosure is a release sent
        sent = release.sent_at.astimezone(zone)
        authorised = (f"Authorised {date_text(release.authorization_on)}, "
                      f"expires {date_text(release.authorization_expires)}")
        rows.append([
            Paragraph(f"{date_text(sent.date())}<br/>{escape(clock(sent))}", cell),
            Paragraph(escape(release.party), cell),
            Paragraph("<br/>".join(escape(line) for line in release.items.splitlines()), cell),
            Paragraph(f"{escape(release.purpose)}<br/>{_muted(authorised)}", cell),
            Paragraph(f"{escape(release.channel.label if release.channel else '')}<br/>"
                      f"{_muted('by ' + release.sent_by)}", cell),
        ])
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
