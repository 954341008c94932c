"""The Today tab and the huddle sheet colour a visit's flags alike: both read each flag's severity
from `core.agenda` (a missing consult report was amber on the screen and red on paper)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.today.support import (  # noqa: F401 - fixtures
    agenda_of,
    huddle_fixture,
    rows_by_key,
    today_tab_fixture,
)
from vma_desk.core.agenda import VisitFlag
from vma_desk.reports import huddle as sheet
from vma_desk.reports.pdf import ALERT, INK, WARN
from vma_desk.ui.today.model import SEVERE_FILL, WARNING_FILL

#: the screen's row fill and the paper's flag colour that mean the same
SAME = {SEVERE_FILL.name(): ALERT, WARNING_FILL.name(): WARN, None: INK}


def test_a_visit_is_as_red_or_amber_on_the_today_tab_as_on_the_huddle_sheet(today_tab, huddle, services):
    index = rows_by_key(today_tab.visit_view)
    seen = set()
    for provider_day in agenda_of(services).providers:
        for visit in provider_day.visits:
            brush = index[("appointment", visit.appointment.id)].data(Qt.ItemDataRole.BackgroundRole)
            fill = brush.color().name() if brush is not None else None
            on_paper = max((sheet.flag_colour(flag) for flag, _ in visit.flags), default=INK,
                           key=[INK, WARN, ALERT].index)
            assert SAME[fill] == on_paper, (visit.patient_name, fill, on_paper)
            seen.add(fill)
    assert seen == set(SAME)  # the day has a red, an amber and a plain row: each pairing was checked
    # the case that disagreed: Bob's missing consult report is amber on both
    bob = huddle.visits["Bob"]
    assert index[("appointment", bob.id)].data(Qt.ItemDataRole.BackgroundRole).color() == WARNING_FILL
    assert sheet.flag_colour(VisitFlag.MISSING_REPORT) == WARN
