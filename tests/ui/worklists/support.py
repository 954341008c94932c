"""Fixtures and helpers for the Worklists tab's tests: the Calls tests' small front office (Ann
Ames a patient; Nora Nurse, Fran Front, Dana Lee, MD) and the tab shown at 1366 wide.

The practice is in America/Chicago; the test clock stands at Monday 2026-03-02 09:30 there.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.ui.comms_support import MONDAY, Desk, at, build_desk
from tests.ui.conftest import show_active
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import Voicemail
from vma_desk.services import Services
from vma_desk.ui.worklists.model import ROW_ROLE
from vma_desk.ui.worklists.tab import ListPage, WorklistsTab

__all__ = ["MONDAY", "at"]


@pytest.fixture(name="desk")
def desk_fixture(services: Services) -> Desk:
    return build_desk(services)


@pytest.fixture(name="worklists_tab")
def worklists_tab_fixture(qtbot, services: Services, desk: Desk) -> WorklistsTab:
    widget = WorklistsTab(services)
    widget.resize(1366, 720)
    show_active(qtbot, widget)
    widget.focus_main()
    yield widget
    widget.pause()


def leave_voicemail(services: Services, **fields: object) -> Voicemail:
    """A voicemail recorded through the service, as another screen would."""
    values: dict[str, object] = dict(left_at=at(MONDAY, 8, 50), caller_name="Bo Burr", number="2175550199",
                                     summary="question about a form")
    values.update(fields)
    saved, _ = services.chase.record_voicemail(Voicemail(**values))  # type: ignore[arg-type]
    return saved


THURSDAY = date(2026, 2, 26)


def seen_thursday(services, clock, desk) -> Appointment:
    """Ann seen on Thursday, the visit marked "call after": due Monday 8:00 (two business days)."""
    clock.current = at(date(2026, 2, 25), 9, 0)
    visit, _ = services.calendar.book(Appointment(desk.ann.id, desk.lee.id, "est", at(THURSDAY, 9, 0), 20),
                                      authorised_by="Dr Lee")
    services.follow_up.set_call_after(visit.id, True)
    clock.current = at(THURSDAY, 9, 5)
    services.calendar.set_status(visit.id, VisitStatus.ARRIVED)
    clock.current = at(MONDAY, 9, 30)
    return visit


def column(page: ListPage, key: str) -> list[str]:
    """The texts of one column of a worklist, in the order shown."""
    section = [k for k, _header in page.model.COLUMNS].index(key)
    return [page.proxy.index(r, section).data() for r in range(page.proxy.rowCount())]


def shown_ids(page: ListPage) -> list[int]:
    return [page.proxy.index(r, 0).data(ROW_ROLE).record_id for r in range(page.proxy.rowCount())]


def current_id(page: ListPage) -> int | None:
    row = page.current()
    return row.record_id if row else None


CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
