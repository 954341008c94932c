"""The huddle sheet read back with `pdftotext`: a visit whose intake packet has items not back says
"forms incomplete" with the items on its line, and a visit whose patient's labs are past their
expected day says "Labs not back: CBC, A1c" on its line."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.reports.test_huddle import pdf_pages, squeezed
from tests.services.agenda_loops import Loops, build_loops
from vma_desk.core.clock import FixedClock
from vma_desk.core.intake import FormState
from vma_desk.reports import huddle
from vma_desk.services import Services

MONDAY = date(2026, 3, 2)


@pytest.fixture
def loops(services: Services, clock: FixedClock) -> Loops:
    return build_loops(services, clock)


def line_of(page: str, name: str) -> str:
    """The visit's row in the table as laid out ("10:00 AM  Ames, Ann ..."), with the lines its
    flags wrap onto (up to the next visit or the table's end)."""
    lines = page.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*\d+:\d\d [AP]M\s+{name}", line))
    block = [lines[start]]
    for line in lines[start + 1:]:
        if not line.strip() or re.match(r"\s*\d+:\d\d [AP]M", line):
            break
        block.append(line)
    return squeezed(" ".join(block))


def test_the_huddle_line_says_forms_incomplete_and_labs_not_back(loops: Loops) -> None:
    [page] = pdf_pages(huddle.build(loops.services, MONDAY))
    ann = line_of(page, "Ames, Ann")
    assert "forms incomplete" in ann.lower()
    assert "Forms incomplete: HIPAA acknowledgement, Health history" in ann
    assert "Labs not back" not in ann
    bob = line_of(page, "Bell, Bob")
    assert "Labs not back: CBC, A1c" in bob and "incomplete" not in bob.lower()
    text = squeezed(page)
    assert "1 visit with forms incomplete" in text and "1 patient with labs not back" in text
    # the patients' urgent rows of Today are in the "Needs attention" block
    assert "Urgent · Cruz, Cal (2:00 PM): Result: Lipid panel — not acted on within an hour" in text
    assert ("Urgent · Bell, Bob (11:00 AM): Task: Fax the FMLA form back — overdue · for Nora Nurse, RN"
            in text)


def test_a_packet_all_back_leaves_the_line(loops: Loops) -> None:
    for name in ("HIPAA acknowledgement", "Health history"):
        loops.services.intake.mark(loops.visits["Ann"], name, FormState.RECEIVED)
    [page] = pdf_pages(huddle.build(loops.services, MONDAY))
    assert "incomplete" not in page.lower()
    assert "Labs not back: CBC, A1c" in line_of(page, "Bell, Bob")
