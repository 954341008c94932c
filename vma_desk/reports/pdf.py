"""What every report shares: fonts, paragraph styles, the page frame (practice, title, page
numbers, a DEMO mark on every page of a demo workspace's report) and rendering to bytes in memory.

Password protection is `services.exports`' (pypdf, AES-256): reportlab's own encryption defaults
to RC4 and its AES-256 output does not open in poppler or pypdf.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, TypeAlias

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

if TYPE_CHECKING:
    # one TableStyle command, as reportlab's stubs (types-reportlab) type it: checked where a list is built
    from reportlab.platypus.tables import _TableCommand

    TableCommand: TypeAlias = _TableCommand

PAGE = letter
MARGIN = 0.55 * inch
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#cbd2d9")
ALERT = colors.HexColor("#b42318")
WARN = colors.HexColor("#8a5a00")
SHADE = colors.HexColor("#f2f4f7")
DEMO_TEXT = "DEMO — fictional data"
#: the width a report's story is laid out in: between the margins, less the 6 points the frame
#: keeps inside each side
STORY_WIDTH = PAGE[0] - 2 * MARGIN - 12
#: the height of a page's story: `render`'s frame (its top margin 8 points deeper), less the padding
STORY_HEIGHT = PAGE[1] - 2 * MARGIN - 8 - 12

#: DejaVu Sans, shipped in the package (vma_desk/resources/fonts, licence beside it) and embedded
#: in every PDF: it covers every name a practice may hold, and the sheets look the same wherever
#: they are made (no system font is looked up; Helvetica, the PDF built-in, has only Latin-1)
FONT_FILES = files("vma_desk.resources").joinpath("fonts")


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str


@cache
def fonts() -> Fonts:
    regular, bold = FONT_FILES.joinpath("DejaVuSans.ttf"), FONT_FILES.joinpath("DejaVuSans-Bold.ttf")
    pdfmetrics.registerFont(TTFont("VMA-Sans", str(regular)))
    pdfmetrics.registerFont(TTFont("VMA-Sans-Bold", str(bold)))
    pdfmetrics.registerFontFamily("VMA-Sans", normal="VMA-Sans", bold="VMA-Sans-Bold",
                                  italic="VMA-Sans", boldItalic="VMA-Sans-Bold")
    return Fonts("VMA-Sans", "VMA-Sans-Bold")


@cache
def styles() -> dict[str, ParagraphStyle]:
    f = fonts()
    base = ParagraphStyle("body", fontName=f.regular, fontSize=9, leading=11.5, textColor=INK,
                          alignment=TA_LEFT)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=f.bold, fontSize=8.5, leading=10.5),
        "flag": ParagraphStyle("flag", parent=base, fontSize=8, leading=10, textColor=ALERT),
        "title": ParagraphStyle("title", parent=base, fontName=f.bold, fontSize=15, leading=18,
                                spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10, leading=13, textColor=MUTED,
                                   spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontName=f.bold, fontSize=11.5, leading=14, spaceBefore=8,
                             spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=base, fontName=f.bold, fontSize=9.5, leading=12, spaceBefore=4,
                             spaceAfter=2),
    }


@dataclass(frozen=True)
class ReportFrame:
    """What the page frame prints around every page."""

    title: str  # e.g. "Daily huddle sheet"
    practice: str
    generated: str  # e.g. "Printed Mon 03/02/2026 7:30 AM (America/Chicago)"
    demo: bool = False


class _NumberedCanvas(Canvas):
    """A canvas that knows the page count when each page is finished ("Page 2 of 3")."""

    # Canvas's own start of a page (private, so its stubs leave it out): showPage minus the output
    _startPage: Callable[[], None]  # noqa: N815 - reportlab's name

    def __init__(self, *args: Any, frame: ReportFrame, **kwargs: Any) -> None:  # Canvas's arguments
        super().__init__(*args, **kwargs)
        self._frame = frame
        self._pages: list[dict[str, object]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        frame, f = self._frame, fonts()
        width, height = PAGE
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, height - MARGIN + 8, width - MARGIN, height - MARGIN + 8)
        self.setFont(f.regular, 7.5)
        self.setFillColor(MUTED)
        self.drawRightString(width - MARGIN, height - MARGIN + 12, frame.generated)
        room = width - 2 * MARGIN - self.stringWidth(frame.generated, f.regular, 7.5) - 18
        self.drawString(MARGIN, height - MARGIN + 12, _fit(f"{frame.practice} · {frame.title}", f.regular,
                                                           7.5, room))
        self.line(MARGIN, MARGIN - 10, width - MARGIN, MARGIN - 10)
        self.drawString(MARGIN, MARGIN - 20, "Confidential: protected health information. "
                        "Do not leave unattended.")
        self.drawRightString(width - MARGIN, MARGIN - 20, f"Page {self.getPageNumber()} of {total}")
        if frame.demo:
            self._demo_mark()
        self.restoreState()

    def _demo_mark(self) -> None:
        width, height = PAGE
        f = fonts()
        self.setFillColor(colors.Color(0.85, 0.2, 0.1, alpha=0.10))
        self.setFont(f.bold, 80)
        self.saveState()
        self.translate(width / 2, height / 2)
        self.rotate(35)
        self.drawCentredString(0, -25, "DEMO")
        self.restoreState()
        self.setFillColor(colors.HexColor("#b42318"))
        self.setFont(f.bold, 8)
        self.drawCentredString(width / 2, MARGIN - 32, DEMO_TEXT)


def _fit(text: str, font: str, size: float, room: float) -> str:
    """`text`, shortened with "…" to fit `room` points."""
    if pdfmetrics.stringWidth(text, font, size) <= room:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def render(frame: ReportFrame, story: Sequence[Flowable]) -> bytes:
    """The report as PDF bytes, made in memory."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN + 8, bottomMargin=MARGIN, title=frame.title,
                            author=frame.practice, creator="VMA Desk", subject=frame.title)
    doc.build(list(story), canvasmaker=lambda *a, **k: _NumberedCanvas(*a, frame=frame, **k))
    return buffer.getvalue()


def column_widths(columns: Sequence[tuple[str, float]], width: float = STORY_WIDTH) -> list[float]:
    """The widths of a table's (heading, width) columns: a width of 0 takes what the others leave."""
    fixed = sum(w for _n, w in columns)
    return [w or width - fixed for _n, w in columns]


def fact_box(rows: list[list[Flowable]], label_width: float, width: float, *,
             last_bottom: float = 5) -> Table:
    """A shaded box of label / value rows with a rule on its left (a summary's or a handoff's
    facts at the top of the page). `last_bottom`: the padding under the last row."""
    table = Table(rows, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("LINEBEFORE", (0, 0), (0, -1), 2, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, 0), 5), ("BOTTOMPADDING", (0, -1), (-1, -1), last_bottom),
    ]))
    return table
