"""The daily huddle sheet: `services.agenda.day()` on paper, read by a physician in five minutes.

One section per provider with visits that day, each starting on a new page: the provider, the
practice-local date, a short "Needs attention" block (the agenda's own attention lines, then that
provider's patients among today's urgent rows), and the visits as a table (time, patient, age,
type, new or established, telehealth, flags). A day that runs over a page goes on on the next with
the provider named again and the table's header repeated. Nothing is recomputed here: every flag
and line comes from the agenda.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import cache
from itertools import zip_longest
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from vma_desk.core.agenda import (
    NOTE,
    SEVERE,
    URGENT,
    WARNING,
    DayAgenda,
    DueItem,
    ProviderDay,
    VisitFlag,
    VisitLine,
)
from vma_desk.core.errors import NotFoundError, ValidationError
from vma_desk.core.records import Role
from vma_desk.core.wording import age_text, clock_text, long_day, when_text
from vma_desk.reports.pdf import (
    ALERT,
    INK,
    MUTED,
    RULE,
    SHADE,
    STORY_WIDTH,
    WARN,
    ReportFrame,
    fonts,
    render,
    styles,
)

if TYPE_CHECKING:
    from vma_desk.reports.pdf import TableCommand
    from vma_desk.services import Services

TITLE = "Daily huddle sheet"
_PAD = 3  # a cell's left and right padding
_GUTTER = 4  # more room between the right-aligned time and the name
TELEHEALTH_MARK = "✓"
#: details that say no more than the label: "Insurance not verified" needs no "not checked"
_QUIET_DETAILS = {VisitFlag.INSURANCE_UNVERIFIED: "not checked", VisitFlag.URGENT_MESSAGE: "urgent"}

#: how a flag stands out on paper, by its severity (`core.agenda.FLAG_SEVERITY`, the Today tab's
#: too): a patient waiting on the team in red, what to settle before or at the visit in amber,
#: what the physician keeps in mind in ink
SEVERITY_COLOURS: dict[int, Color] = {SEVERE: ALERT, WARNING: WARN, NOTE: INK}


def build(services: Services, day: date, provider_id: int | None = None) -> bytes:
    """The huddle sheet of the practice-local `day` for every provider with visits (or only
    `provider_id`'s) as PDF bytes."""
    provider_name = ""
    if provider_id is not None:
        known = {p.id: p for p in services.practice.staff(role=Role.PROVIDER, active_only=False)}
        if provider_id not in known:
            raise ValidationError("provider", "no such provider on the staff list")
        provider_name = known[provider_id].display_name  # inactive too: their visits are handed over
    try:
        agenda = services.agenda.day(day, provider_id=provider_id)
    except NotFoundError as error:
        raise ValidationError("provider", error.message) from None
    zone = ZoneInfo(agenda.time_zone)
    frame = ReportFrame(TITLE, agenda.practice_name, f"Printed {_printed(agenda.generated_at, zone)}",
                        demo=services.workspace.is_demo)
    return render(frame, huddle_story(agenda, provider_name=provider_name))


def huddle_story(agenda: DayAgenda, *, provider_name: str = "") -> list[Flowable]:
    """The sheet's flowables: a section per provider, or one page saying there are no visits."""
    zone = ZoneInfo(agenda.time_zone)
    if not agenda.providers:
        return _no_visits(agenda, provider_name)
    widths = _column_widths(agenda)
    story: list[Flowable] = []
    for index, provider_day in enumerate(agenda.providers):
        if index:
            story.append(PageBreak())
        story.extend(_section(agenda, provider_day, zone, widths))
    return story


# --- words ---------------------------------------------------------------------------------------

def _printed(moment: datetime, zone: ZoneInfo) -> str:
    """"Mon 03/02/2026 7:30 AM (America/Chicago)"."""
    return f"{when_text(moment, zone)} ({zone.key})"


def flag_parts(flag: VisitFlag, detail: str) -> tuple[str, str]:
    """The flag's label and the detail worth printing after it: ("Care gap", "A1c"),
    ("Consult report missing", "Cardiology"), ("Unconfirmed", "") (a detail that only says the label
    again is left out)."""
    detail = detail.strip()
    if flag is VisitFlag.MISSING_REPORT:
        detail = detail.removesuffix(" consult note")
    if detail.casefold() in (flag.label.casefold(), _QUIET_DETAILS.get(flag)):
        detail = ""
    return flag.label, detail


def flag_text(flag: VisitFlag, detail: str) -> str:
    """"Care gap: A1c", "Consult report missing: Cardiology", "Unconfirmed"."""
    label, detail = flag_parts(flag, detail)
    return f"{label}: {detail}" if detail else label


def _flags_markup(visit: VisitLine, width: float, size: float) -> str:
    """The visit's flags, as many on a line as fit whole in `width` (a flag is never broken
    between lines unless it alone is wider)."""
    f = fonts()
    gap = stringWidth(" · ", f.regular, size)
    lines: list[list[str]] = []
    used = width
    for flag, detail in visit.flags:
        label, rest = flag_parts(flag, detail)
        tail = f": {rest}" if rest else ""
        wide = stringWidth(label, f.bold, size) + stringWidth(tail, f.regular, size)
        markup = f"{_coloured(f'<b>{escape(label)}</b>', flag_colour(flag))}{escape(tail)}"
        if lines and used + gap + wide <= width:
            lines[-1].append(markup)
            used += gap + wide
        else:
            lines.append([markup])
            used = wide
    return "<br/>".join(_coloured(" · ", MUTED).join(line) for line in lines)


def flag_colour(flag: VisitFlag) -> Color:
    return SEVERITY_COLOURS[flag.severity]


def _coloured(markup: str, colour: Color) -> str:
    return f'<font color="#{colour.hexval()[2:]}">{markup}</font>'


# --- the pieces of a page ------------------------------------------------------------------------

def _heading(agenda: DayAgenda, provider_day: ProviderDay, zone: ZoneInfo) -> list[Flowable]:
    s = styles()
    visits = provider_day.visits
    first, last = visits[0].appointment.start, max(v.appointment.end for v in visits)
    count = f"{len(visits)} visit{'' if len(visits) == 1 else 's'}, " \
            f"{clock_text(first, zone)} to {clock_text(last, zone)}"
    return [Paragraph(escape(provider_day.provider.display_name), s["title"]),
            Paragraph(f"{escape(long_day(agenda.day))} · {escape(agenda.practice_name)} · {count}",
                      s["subtitle"])]


def _continued(agenda: DayAgenda, provider_day: ProviderDay) -> Callable[[], list[Flowable]]:
    def heading() -> list[Flowable]:
        s = styles()
        return [Paragraph(f"{escape(provider_day.provider.display_name)} … continued", s["h2"]),
                Paragraph(escape(long_day(agenda.day)), s["small"]), Spacer(0, 4)]
    return heading


def urgent_for(agenda: DayAgenda, provider_day: ProviderDay) -> list[tuple[VisitLine, DueItem]]:
    """Today's urgent rows about the provider's patients, each with the patient's (first) visit."""
    first_visit: dict[int, VisitLine] = {}
    for visit in provider_day.visits:
        first_visit.setdefault(visit.appointment.patient_id, visit)
    return [(first_visit[item.patient_id], item) for item in agenda.due
            if item.severity >= URGENT and item.patient_id in first_visit]


def _attention(agenda: DayAgenda, provider_day: ProviderDay, zone: ZoneInfo) -> list[Flowable]:
    s = styles()
    lines = provider_day.attention()
    urgent = urgent_for(agenda, provider_day)
    rows: list[list[Flowable | str]] = [[Paragraph("Needs attention", s["h3"]), ""]]
    if not lines and not urgent:
        rows.append([Paragraph("Nothing flagged for these visits.", s["cell"]), ""])
    half = (len(lines) + 1) // 2  # the counts in two columns, read down
    for left, right in zip_longest(lines[:half], lines[half:], fillvalue=""):
        rows.append([Paragraph(f"• {escape(left)}", s["cell"]),
                     Paragraph(f"• {escape(right)}", s["cell"]) if right else ""])
    first_urgent = len(rows)
    for visit, item in urgent:
        what = item.title + (f" — {item.detail}" if item.detail else "")
        rows.append([Paragraph(f"{_coloured('<b>Urgent</b>', ALERT)} · "
                               f"<b>{escape(item.patient_name or visit.patient_name)}</b> "
                               f"({clock_text(visit.appointment.start, zone)}): {escape(what)}",
                               s["cell"]), ""])
    style: list[TableCommand] = [
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("LINEBEFORE", (0, 0), (0, -1), 2, ALERT if urgent else WARN if lines else RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, 0), 4), ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
    ]
    style += [("SPAN", (0, row), (1, row)) for row in (0, *range(first_urgent, len(rows)))]
    if urgent and first_urgent > 1:
        style.append(("TOPPADDING", (0, first_urgent), (-1, first_urgent), 4))
    table = Table(rows, colWidths=[STORY_WIDTH / 2, STORY_WIDTH / 2], style=TableStyle(style), hAlign="LEFT")
    return [table, Spacer(0, 8)]


def _column_widths(agenda: DayAgenda) -> list[float]:
    """The visit table's columns, the same on every page: time, age, new/est and tele as narrow
    as their contents, patient and type as wide as the day's longest (within reason), the flags
    the rest."""
    f = fonts()
    size = styles()["cell"].fontSize
    visits = [v for p in agenda.providers for v in p.visits]

    def widest(texts: Sequence[str], font: str, floor: float = 0, cap: float = 60) -> float:
        measured = max((stringWidth(t, font, size) for t in texts), default=0)
        return min(max(measured, floor) + 2 * _PAD + 1, cap)

    widths = [widest(["12:55 PM"], f.regular),
              widest([v.patient_name for v in visits], f.bold, 80, 118) + _GUTTER,
              widest(["Age", "100"], f.bold) + _GUTTER,
              widest([v.type_name for v in visits], f.regular, 50, 90),
              widest(["New/Est"], f.bold),
              widest(["Tele"], f.bold)]
    return [*widths, STORY_WIDTH - sum(widths)]


@cache
def _cell_styles() -> dict[str, ParagraphStyle]:
    s = styles()
    head = s["cell_bold"].clone("head", fontSize=7.5, leading=9, textColor=MUTED)
    return {"head": head, "head_right": head.clone("head_right", alignment=TA_RIGHT),
            "head_centre": head.clone("head_centre", alignment=TA_CENTER),
            "cell": s["cell"], "bold": s["cell_bold"],
            "right": s["cell"].clone("right", alignment=TA_RIGHT),
            "centre": s["cell_bold"].clone("centre", alignment=TA_CENTER),
            "flags": s["cell"].clone("flags", fontSize=8, leading=10)}


#: the visit table's header, with each column's alignment
_HEADER = (("Time", "right"), ("Patient", ""), ("Age", "right"), ("Type", ""), ("New/Est", ""),
           ("Tele", "centre"), ("Flags", ""))


def _visit_table(provider_day: ProviderDay, zone: ZoneInfo, widths: Sequence[float]) -> Table:
    st = _cell_styles()
    rows = [[Paragraph(text, st[f"head_{align}" if align else "head"]) for text, align in _HEADER]]
    flag_width = widths[-1] - 2 * _PAD - 1
    for visit in provider_day.visits:
        age = age_text(visit.age)
        rows.append([
            Paragraph(clock_text(visit.appointment.start, zone), st["right"]),
            Paragraph(escape(visit.patient_name), st["bold"]),
            Paragraph(age, st["right"]),
            Paragraph(escape(visit.type_name), st["cell"]),
            Paragraph("New" if visit.new_patient else "Est", st["cell"]),
            Paragraph(TELEHEALTH_MARK if visit.telehealth else "", st["centre"]),
            Paragraph(_flags_markup(visit, flag_width, st["flags"].fontSize), st["flags"]),
        ])
    style = TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD), ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("LEFTPADDING", (1, 0), (1, -1), _PAD + _GUTTER),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
    ])
    return Table(rows, colWidths=list(widths), repeatRows=1, style=style, hAlign="LEFT")


class _Continues(Flowable):
    """A table that, where it runs over the page, goes on at the top of the next one under a
    heading naming the provider again (the table repeats its own header row)."""

    def __init__(self, table: Flowable, heading: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.table, self.heading = table, heading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.table.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.table.split(avail_width, avail_height)
        if len(parts) < 2:
            return parts
        first, *rest = parts
        return [first, PageBreak(), *self.heading(), *(_Continues(t, self.heading) for t in rest)]

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, 0)


def _section(agenda: DayAgenda, provider_day: ProviderDay, zone: ZoneInfo,
             widths: Sequence[float]) -> list[Flowable]:
    return [*_heading(agenda, provider_day, zone), *_attention(agenda, provider_day, zone),
            _Continues(_visit_table(provider_day, zone, widths), _continued(agenda, provider_day))]


def _no_visits(agenda: DayAgenda, provider_name: str) -> list[Flowable]:
    s = styles()
    who = f" for {provider_name}" if provider_name else ""
    return [Paragraph("No visits", s["title"]),
            Paragraph(f"{escape(long_day(agenda.day))} · {escape(agenda.practice_name)}", s["subtitle"]),
            Paragraph(f"No visits are booked{escape(who)} on {escape(long_day(agenda.day))}.", s["body"])]
