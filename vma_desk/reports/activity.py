"""The activity summary: how the practice's communication work went over a period, for the
practice manager. Key figures on top; then call volume as a bar chart (reportlab's own graphics),
message callback turnaround by urgency, refill turnaround against the noon rule by prescriber,
referral aging by state with consult-report turnaround by referring provider, and confirmation and
no-show rates by provider; last, how each figure is counted. Every figure comes from
`core.activity` through the summary service; this module only lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from vma_desk.core.activity import (
    AGE_BUCKETS,
    SOURCE_FILL_RANGE,
    ActivitySummary,
    CallVolume,
    Grain,
    Timeliness,
    VisitRates,
    VmaFigures,
    VmaRow,
    bucket_label,
)
from vma_desk.core.wording import (
    date_text,
    days_text,
    duration_text,
    percent_text,
    plural,
    weekday_date,
    when_text,
)
from vma_desk.reports.pdf import INK, MUTED, RULE, SHADE, STORY_WIDTH, ReportFrame, fonts, render, styles

if TYPE_CHECKING:
    from vma_desk.reports.pdf import TableCommand
    from vma_desk.services import Services

TITLE = "Activity summary"
_PAD = 4  # a cell's left and right padding
_BAR = colors.HexColor("#3e6f9e")
CHART_TITLES = {Grain.DAY: "Calls per day", Grain.WEEK: "Calls per week (weeks start on Monday)",
                Grain.MONTH: "Calls per month"}
HOW_COUNTED = (
    "Messages: the time from taking a message to its callback; a callback is late after the practice's "
    "callback rule (emergency at once, urgent within the set minutes, routine by closing time on the "
    "business day, or the caller's own later time). A message still waiting past its due time counts "
    "as late; one not yet due is left out of the share.",
    "Refill requests: the clock runs from receipt until the pharmacy is told (for a denial or \"needs "
    "visit\" no pharmacy was told of, until the patient is told; for a withdrawn request, until it is "
    "closed). On time means by the due time of the noon rule: received by noon, due at closing the same "
    "business day, else the next; urgent requests the same day.",
    "Referrals: open referrals as they stood at the end of the period (or now, for a period not yet "
    "over), by practice-local days since their last move; stuck after the practice's days for their "
    "urgency. Report turnaround: from sending to the consult report, for reports received in the period.",
    "Visits: the period's visits by their start. Rates are of the visits that have taken place (not "
    "cancelled): confirmed means marked confirmed, or arrived or no-show with the way the patient was "
    "reached on record.",
)

HOW_CHASING_COUNTED = (
    "Voicemails: of those left in the period, the time from being left to being returned (median), and "
    "the share returned by the practice's response standard (the message callback rule for the "
    "voicemail's urgency); those not returned yet are counted apart. Box checks per business day: the "
    "box's checks in the period over its business days so far.",
    "Attempts per record reached: contact attempts made in the period over the records (a visit, a "
    "voicemail, a patient due for recall...) whose attempt in the period reached the patient.",
    "Waitlist fill rate: slots freed in the period before their start (a cancellation, a move, a "
    "no-show) that a waitlist patient filled, over all of them; a good waitlist fills 60-80%.",
    "No-shows rebooked: the period's no-shows whose patient has a later visit still holding its slot, "
    "or a decision \"rebooked\" on record. Recall completed: patients with a recall attempt in the "
    "period who have a visit booked (not cancelled) since their first attempt, or a care gap marked "
    "done since that day. Follow-up calls: post-visit calls marked done in the period.",
    "Each VMA's page counts the work by the name on the record: calls taken; callbacks done of calls "
    "logged \"callback needed\" in the period (on time: by the routine standard from the call); attempts "
    "logged; voicemails left in the period they returned; box checks; freed slots offered to the "
    "waitlist (by the first offer in the period) and those filled.",
)


def build(services: Services, start: date, end: date) -> bytes:
    """The summary of the practice-local days `start` to `end` (both included) as PDF bytes."""
    summary = services.summaries.activity(start, end)
    zone = ZoneInfo(summary.time_zone)
    frame = ReportFrame(TITLE, summary.practice_name,
                        f"Printed {when_text(summary.generated_at, zone)} ({zone.key})",
                        demo=services.workspace.is_demo)
    return render(frame, story(summary))


def story(summary: ActivitySummary) -> list[Flowable]:
    s = styles()
    zone = ZoneInfo(summary.time_zone)
    period = summary.period
    snapshot = f"the end of {date_text(period.end)}" if summary.referrals.as_of == period.bounds(zone)[1] \
        else when_text(summary.referrals.as_of, zone)
    flowables: list[Flowable] = [
        Paragraph(TITLE, s["title"]),
        Paragraph(f"{escape(summary.practice_name)} · {period.text} · {plural(period.days, 'day')}",
                  s["subtitle"]),
        _key_figures(summary), Spacer(0, 4),
        Paragraph(f"Times in the practice's zone ({zone.key}). Turnaround counts what is known when printed; "
                  f"referral aging is as of {snapshot}.", s["small"]),
    ]
    flowables += _calls(summary.calls)
    flowables += _section("Messages: callback turnaround", _timeliness_table(
        ("Urgency", "Taken", "Called back", "Median to callback", "Late", "Late share", "Not yet due"),
        summary.messages_by_urgency, summary.messages, late_share=True))
    flowables += _section("Refill requests: the noon rule", _timeliness_table(
        ("Prescriber", "Received", "Done", "Median turnaround", "Late", "On time", "Not yet due"),
        summary.refills_by_prescriber, summary.refills, late_share=False))
    flowables += _referrals(summary)
    flowables += _section("Visits: confirmations and no-shows", _visits_table(summary))
    flowables += _chasing(summary)
    flowables += [Spacer(0, 6), Paragraph("How the figures are counted", s["h3"])]
    note = s["small"].clone("how_counted", spaceAfter=3)
    flowables += [Paragraph(escape(text), note) for text in (*HOW_COUNTED, *HOW_CHASING_COUNTED)]
    for vma in summary.vmas:
        flowables += _vma_page(summary, vma)
    return flowables


# --- pieces --------------------------------------------------------------------------------------

def _section(heading: str, *body: Flowable) -> list[Flowable]:
    return [KeepTogether([Paragraph(escape(heading), styles()["h2"]), *body])]


def _key_figures(summary: ActivitySummary) -> Table:
    calls, messages, refills = summary.calls, summary.messages, summary.refills
    referrals, visits = summary.referrals, summary.visits
    per_day = calls.per_business_day
    held = plural(visits.past, "visit")
    tiles = [
        ("Calls", f"{calls.total:,}",
         f"{per_day:.1f} per business day ({calls.business_days})" if per_day is not None
         else "no business day yet"),
        ("Messages called back late", percent_text(messages.late_share),
         f"median {duration_text(messages.median)} to callback · {plural(messages.count, 'message')}"
         if messages.done else f"{plural(messages.count, 'message')}, none called back"),
        ("Refill requests on time", percent_text(refills.on_time_share),
         f"median {duration_text(refills.median)} from receipt · {plural(refills.count, 'request')}"
         if refills.done else f"{plural(refills.count, 'request')}, none done"),
        ("Open referrals", f"{referrals.open:,}",
         f"{referrals.stuck:,} stuck · " + (f"median {days_text(referrals.median_days)} to the report"
                                           if referrals.reports else "no consult report in the period")),
        ("Visits confirmed", percent_text(visits.confirmation_rate),
         f"{visits.confirmed:,} of {held} past" if visits.past else "no past visit"),
        ("No-shows", percent_text(visits.no_show_rate),
         f"{visits.no_shows:,} of {held} past" if visits.past else "no past visit"),
    ]
    return _tiles(tiles)


def _tiles(tiles: Sequence[tuple[str, str, str]]) -> Table:
    """Key figures three to a row: a label, the figure large, a note under it."""
    s = styles()
    label = s["small"].clone("tile_label", fontName=fonts().bold)
    value = s["title"].clone("tile_value", fontSize=16, leading=19, spaceAfter=0)
    note = s["small"]
    cells = [[Paragraph(escape(t), label), Paragraph(escape(v), value), Paragraph(escape(n), note)]
             for t, v, n in tiles]
    blank = [Paragraph("", note)]
    cells += [blank] * (-len(cells) % 3)
    rows = [cells[i:i + 3] for i in range(0, len(cells), 3)]
    width = STORY_WIDTH / 3
    return Table(rows, colWidths=[width] * 3, hAlign="LEFT", style=TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE), ("INNERGRID", (0, 0), (-1, -1), 2, colors.white),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))


def _nice_step(top: int) -> int:
    """A step for the value axis giving at most six gridlines up to `top`."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if top / step <= 6:
            return step
    return max(1, -(-top // 6))


def call_chart(volume: CallVolume, width: float = STORY_WIDTH) -> Drawing:
    """The call volume as bars, titled by its grain; many bars get slanted labels."""
    f = fonts()
    height = 190
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, CHART_TITLES[volume.grain], fontName=f.bold, fontSize=9.5,
                       fillColor=INK))
    chart = VerticalBarChart()
    slanted = len(volume.bars) > 16
    chart.x, chart.y = 34, 44 if slanted else 26
    chart.height = height - chart.y - 24
    chart.width = width - 44  # type: ignore[assignment]  # the stubs say int; reportlab takes any number
    chart.data = [[bar.count for bar in volume.bars] or [0]]
    chart.categoryAxis.categoryNames = [bar.label for bar in volume.bars] or [""]
    chart.barSpacing, chart.groupSpacing = 0, 3 if len(volume.bars) > 20 else 6
    chart.bars[0].fillColor, chart.bars[0].strokeColor = _BAR, None
    axis = chart.categoryAxis
    axis.strokeColor, axis.tickDown = MUTED, 2
    axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = f.regular, 7, INK
    if slanted:
        axis.labels.angle, axis.labels.boxAnchor, axis.labels.dx, axis.labels.dy = 45, "ne", 2, -2
    top = max((bar.count for bar in volume.bars), default=0)
    step = _nice_step(max(top, 1))
    values = chart.valueAxis
    values.valueMin, values.valueStep = 0, step
    values.valueMax = max(step, -(-top // step) * step)
    values.labels.fontName, values.labels.fontSize, values.labels.fillColor = f.regular, 7, INK
    values.labelTextFormat = "{:,.0f}".format
    values.visibleGrid, values.gridStrokeColor, values.gridStrokeWidth = True, RULE, 0.5
    values.strokeColor = MUTED
    drawing.add(chart)
    return drawing


def _calls(volume: CallVolume) -> list[Flowable]:
    s = styles()
    directions = " · ".join(f"{d.label} {n:,}" for d, n in volume.by_direction)
    busiest = ""
    if volume.busiest is not None:
        day, count = volume.busiest
        busiest = f" Busiest day: {weekday_date(day)} ({plural(count, 'call')})."
    text = f"{plural(volume.total, 'call')}: {directions}.{busiest}" if volume.total else \
        "No calls were logged in this period."
    if not volume.total:
        return _section("Calls", Paragraph(escape(text), s["body"]))
    return _section("Calls", call_chart(volume), Spacer(0, 2), Paragraph(escape(text), s["body"]))


def _grid(header: Sequence[str], rows: Sequence[Sequence[str]], *, total: bool, first: float = 150) -> Table:
    """A table of figures: the first column text, the others right-aligned numbers; with `total`
    the last row is the whole, in bold above a rule."""
    s = styles()
    head = s["cell_bold"].clone("grid_head", fontSize=7.5, leading=9, textColor=MUTED)
    head_right = head.clone("grid_head_right", alignment=2)
    cell, bold = s["cell"], s["cell_bold"]
    right, bold_right = cell.clone("grid_right", alignment=2), bold.clone("grid_bold_right", alignment=2)
    body: list[list[Flowable]] = [[Paragraph(escape(h), head if i == 0 else head_right)
                                   for i, h in enumerate(header)]]
    for index, row in enumerate(rows):
        strong = total and index == len(rows) - 1
        body.append([Paragraph(escape(v), (bold if strong else cell) if i == 0 else
                               (bold_right if strong else right)) for i, v in enumerate(row)])
    style: list[TableCommand] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD), ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]),
    ]
    if total:
        style += [("LINEABOVE", (0, -1), (-1, -1), 0.6, INK), ("BACKGROUND", (0, -1), (-1, -1), None)]
    return Table(body, colWidths=_fitted(header, rows, first), repeatRows=1, hAlign="LEFT",
                 style=TableStyle(style))


def _fitted(header: Sequence[str], rows: Sequence[Sequence[str]], first: float) -> list[float]:
    """Column widths in which no heading word and no figure is broken: each figure column as
    wide as its longest word or figure, the first as wide as asked (less, where the figures need
    it), and what is left shared out among the figure columns."""
    f = fonts()

    def need(column: int) -> float:
        words = [stringWidth(w, f.bold, 7.5) for w in header[column].split()]
        figures = [stringWidth(row[column], f.bold, 8.5) for row in rows]
        return max(words + figures) + 2 * _PAD + 1

    needs = [need(c) for c in range(1, len(header))]
    first = min(first, STORY_WIDTH - sum(needs))
    spare = (STORY_WIDTH - first - sum(needs)) / len(needs)
    return [first] + [n + spare for n in needs]


def _timeliness_table(header: Sequence[str], rows: Sequence[Timeliness], whole: Timeliness, *,
                      late_share: bool) -> Flowable:
    if not whole.count:
        return Paragraph("None in this period.", styles()["body"])

    def line(t: Timeliness) -> list[str]:
        share = t.late_share if late_share else t.on_time_share
        return [t.label, f"{t.count:,}", f"{t.done:,}", duration_text(t.median), f"{t.late:,}",
                percent_text(share), f"{t.waiting:,}"]

    return _grid(header, [line(t) for t in (*rows, whole)], total=True)


def _referrals(summary: ActivitySummary) -> list[Flowable]:
    s = styles()
    aging = summary.referrals
    header = ("State", *(bucket_label(b) for b in AGE_BUCKETS), "Open", "Stuck")
    rows = [[row.state.label, *(f"{n:,}" for n in row.counts), f"{row.total:,}", f"{row.stuck:,}"]
            for row in aging.rows]
    rows.append(["All open", *(f"{n:,}" for n in aging.totals), f"{aging.open:,}", f"{aging.stuck:,}"])
    turnaround = (f"{plural(aging.reports, 'consult report')} received in the period, a median "
                  f"{days_text(aging.median_days)} after the referral was sent.") if aging.reports else \
        "No consult report was received in the period."
    parts: list[Flowable] = [_grid(header, rows, total=True), Spacer(0, 4),
                             Paragraph(escape(turnaround), s["body"])]
    if aging.per_provider:
        per = [[p.provider, f"{p.open:,}", f"{p.stuck:,}", f"{p.reports:,}", days_text(p.median_days)]
               for p in aging.per_provider]
        parts += [Spacer(0, 6), _grid(("Referring provider", "Open", "Stuck", "Reports received",
                                       "Median sent to report"), per, total=False)]
    return _section("Referrals: aging and consult reports", *parts)


def _visits_table(summary: ActivitySummary) -> Flowable:
    if not summary.visits.booked:
        return Paragraph("No visits in this period.", styles()["body"])

    def line(v: VisitRates) -> list[str]:
        return [v.label, f"{v.booked:,}", f"{v.cancelled:,}", f"{v.late_cancelled:,}", f"{v.past:,}",
                percent_text(v.confirmation_rate), f"{v.no_shows:,}", percent_text(v.no_show_rate),
                f"{v.upcoming:,}"]

    header = ("Provider", "Booked", "Cancelled", "Late cancel", "Past", "Confirmation rate", "No-shows",
              "No-show rate", "Upcoming")
    return _grid(header, [line(v) for v in (*summary.visits_by_provider, summary.visits)], total=True,
                 first=120)


# --- chasing -------------------------------------------------------------------------------------

def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def chase_tiles(summary: ActivitySummary) -> list[tuple[str, str, str]]:
    """The chasing key figures: (label, figure, note)."""
    c = summary.chasing
    vm = c.voicemail
    low, high = SOURCE_FILL_RANGE
    return [
        ("Voicemails returned on time", percent_text(vm.within_share),
         f"{vm.returned:,} of {vm.left:,} returned · median {duration_text(vm.median)}"),
        ("Box checks per business day", _ratio(vm.checks_per_day),
         f"{plural(vm.box_checks, 'check')} · {plural(vm.business_days, 'business day')}"),
        ("Attempts per record reached", _ratio(c.per_reached),
         f"{plural(c.attempts, 'attempt')} · {c.reached:,} reached"),
        ("Waitlist fill rate", percent_text(c.fill_rate),
         f"{c.slots_filled:,} of {c.slots_freed:,} filled · sources {100 * low:.0f}-{100 * high:.0f}%"),
        ("No-shows rebooked", percent_text(c.rebook_rate),
         f"{c.rebooked:,} of {plural(c.no_shows, 'no-show')}"),
        ("Recall completed", percent_text(c.recall_rate),
         f"{c.recall_done:,} of {plural(c.recall_patients, 'patient')} called"),
    ]


def chase_lines(summary: ActivitySummary) -> str:
    """What the tiles leave out: voicemails waiting, the confirmation rate, follow-up calls."""
    c, visits, vm = summary.chasing, summary.visits, summary.chasing.voicemail
    confirmed = (f"Visits confirmed: {percent_text(visits.confirmation_rate)} ({visits.confirmed:,} of "
                 f"{plural(visits.past, 'past visit')}, as under Visits).") if visits.past else \
        "Visits confirmed: no past visit."
    return (f"Voicemails not returned yet: {vm.unreturned:,} ({vm.past_due:,} past due). {confirmed} "
            f"Follow-up calls made: {c.follow_ups:,} ({c.follow_up_questions:,} with a question for the "
            "clinical staff).")


def _chasing(summary: ActivitySummary) -> list[Flowable]:
    s = styles()
    c = summary.chasing
    parts: list[Flowable] = [_tiles(chase_tiles(summary)), Spacer(0, 4),
                             Paragraph(escape(chase_lines(summary)), s["body"])]
    if c.by_kind:
        rows = [[k.kind.label, f"{k.attempts:,}", f"{k.reached:,}", _ratio(k.per_reached)] for k in c.by_kind]
        rows.append(["All chasing", f"{c.attempts:,}", f"{c.reached:,}", _ratio(c.per_reached)])
        parts += [Spacer(0, 6), _grid(CHASE_HEADER, rows, total=True)]
    else:
        parts += [Spacer(0, 4), Paragraph("No contact attempt was logged in this period.", s["body"])]
    return _section("Chasing: voicemails, attempts, waitlist, rebooking, recall", *parts)


CHASE_HEADER = ("Chase", "Attempts", "Records reached", "Attempts per record reached")


# --- one page per VMA ----------------------------------------------------------------------------

#: the columns after the first ("Week" or "Month")
VMA_HEADER = ("Calls handled", "Callbacks", "On time", "Attempts", "Reached", "Voicemails returned",
              "Box checks", "Slots offered", "Filled")


def vma_cells(row: VmaRow) -> list[str]:
    return [row.label, f"{row.calls:,}", f"{row.callbacks:,}", f"{row.on_time:,}", f"{row.attempts:,}",
            f"{row.reached:,}", f"{row.voicemails_returned:,}", f"{row.box_checks:,}", f"{row.offered:,}",
            f"{row.filled:,}"]


def vma_tiles(vma: VmaFigures) -> list[tuple[str, str, str]]:
    t = vma.total
    return [
        ("Calls handled", f"{t.calls:,}", "calls they took"),
        ("Callbacks on time", percent_text(t.on_time_share),
         f"{t.on_time:,} of {plural(t.callbacks, 'callback')}"),
        ("Attempts logged", f"{t.attempts:,}", f"{t.reached:,} reached the patient"),
        ("Fill rate of slots offered", percent_text(t.fill_rate),
         f"{t.filled:,} of {plural(t.offered, 'slot')} filled"),
        ("Voicemails returned", f"{t.voicemails_returned:,}", "of those left in the period"),
        ("Box checks", f"{t.box_checks:,}", "voicemail box checked"),
    ]


def _vma_page(summary: ActivitySummary, vma: VmaFigures) -> list[Flowable]:
    s = styles()
    per = "week" if vma.grain is Grain.WEEK else "month"
    header = (per.capitalize(), *VMA_HEADER)
    rows = [vma_cells(r) for r in (*vma.rows, vma.total)]
    return [PageBreak(), Paragraph(escape(f"VMA: {vma.name}"), s["title"]),
            Paragraph(escape(f"{summary.period.text} · a row a {per} · counted as under \"How the "
                             "figures are counted\""), s["subtitle"]),
            _tiles(vma_tiles(vma)), Spacer(0, 8), _grid(header, rows, total=True, first=90)]
