"""A post-visit follow-up call due shows on Today among the due rows ("Follow-up call after the
visit", its visit's type and day); Enter on it opens the Worklists tab (Alt+7) on its Follow-up
calls list with that visit selected, whether the visit was marked "call after" or its type calls
after every visit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from tests.ui.comms_support import MONDAY, at, window_fixture  # noqa: F401 - fixtures
from tests.ui.conftest import focused, reactivate, tab_of
from tests.ui.today.support import cells, groups, press, rows_by_key
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.records import AuditAction, Change, Patient, Phone, RecordKind
from vma_desk.ui.today.tab import TodayTab
from vma_desk.ui.worklists.tab import WorklistsTab

WEDNESDAY, THURSDAY, FRIDAY = date(2026, 2, 25), date(2026, 2, 26), date(2026, 2, 27)


def _seen(services, clock, patient_id: int, provider_id: int, day: date, type_code: str) -> Appointment:
    """A visit booked the day before `day`, arrived on it; the clock put back to Monday 9:30."""
    clock.current = at(WEDNESDAY, 9, 0)
    visit, _ = services.calendar.book(Appointment(patient_id, provider_id, type_code, at(day, 9, 0), 45),
                                      authorised_by="Dr Lee")
    clock.current = at(day, 9, 5)
    services.calendar.set_status(visit.id, VisitStatus.ARRIVED)
    clock.current = at(MONDAY, 9, 30)
    return visit


def test_a_due_follow_up_call_on_today_opens_in_the_follow_up_calls_list(qtbot, window, clock):
    services = window.services
    ann = services.patients.search("ames")[0]
    lee = next(s for s in services.practice.staff() if s.name == "Dana Lee")
    bo, _ = services.patients.create(Patient("Bo", "Burr", date(1970, 5, 5), phones=(Phone("2175550199"),)))
    # Ann's visit on Thursday marked "call after" (2 business days: due Monday 8:00); every
    # procedure gets a call the next business day: Bo's on Friday, due Monday 8:00 too
    marked = _seen(services, clock, ann.id, lee.id, THURSDAY, "est")
    services.follow_up.set_call_after(marked.id, True)
    types = [replace(t, follow_up_days=1) if t.code == "proc" else t
             for t in services.calendar.types(include_inactive=True)]
    saved = services.calendar.save_settings(types, services.calendar.notice_hours())
    window._on_change(saved.from_origin("test"))  # as Practice settings sends it
    procedure = _seen(services, clock, bo.id, lee.id, FRIDAY, "proc")
    assert [c.appointment_id for c in services.follow_up.due_calls()] == [marked.id, procedure.id]
    window._on_change(Change(RecordKind.APPOINTMENT, AuditAction.UPDATE, (marked.id, procedure.id),
                             origin="test"))

    window.resize(1366, 768)
    window.tabs.setCurrentIndex(0)
    reactivate(qtbot, window)
    today = window.tabs.widget(0)
    assert isinstance(today, TodayTab)
    view = today.due_view
    qtbot.waitUntil(lambda: ("follow_up", procedure.id) in rows_by_key(view))
    rows = rows_by_key(view)
    assert cells(view, rows[("follow_up", marked.id)]) == (
        "Ames, Ann", "Follow-up call after the visit", "Established visit 02/26 · due 8:00 AM")
    assert cells(view, rows[("follow_up", procedure.id)]) == (
        "Burr, Bo", "Follow-up call after the visit", "Procedure 02/27 · due 8:00 AM")
    assert [heading for heading, _rows in groups(view)] == ["Routine (2)"]

    # the routine rows start folded: open their group by keys, then go down to Bo's row
    heading = next(i for i, (_text, found) in enumerate(groups(view))
                   if rows[("follow_up", procedure.id)] in found)
    view.setCurrentIndex(view.model().index(heading, 0))
    assert not view.isExpanded(view.model().index(heading, 0))
    press(qtbot, view, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: view.isExpanded(view.model().index(heading, 0)))
    while view.current_key() != ("follow_up", procedure.id):
        before = view.currentIndex()
        press(qtbot, view, Qt.Key.Key_Down)
        assert view.currentIndex() != before, "Bo's follow-up row is not reached by Down"
    press(qtbot, view, Qt.Key.Key_Return)

    tab = tab_of(window, WorklistsTab)
    assert window.tabs.currentWidget() is tab
    assert window.tabs.currentIndex() == window.tabs.count() - 1 and window.tabs.count() == 7  # Alt+7
    assert tab.page().worklist.kind.value == "follow_up"
    assert tab.ui.lists_tabs.tabText(tab.ui.lists_tabs.currentIndex()) == "Follow-up calls (2)"
    assert tab.selected() is not None and tab.selected().record_id == procedure.id
    assert focused() is tab.page().view
    assert not tab.ui.step_error_label.isVisible()
