"""The schedule as a VMA reads it: providers side by side, visits spanning their rows, blocks and
closed time greyed, the practice's wall clock whatever the laptop's zone, and keys to move about."""

from __future__ import annotations

import time as systime
from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.ui.calendar.support import (  # noqa: F401 - fixtures
    CHICAGO,
    TUESDAY,
    at,
    book_fixture,
    select,
    staff_fixture,
    tab_fixture,
)
from vma_desk.core.calendar import Appointment, BlockOccurrence
from vma_desk.core.records import Practice
from vma_desk.ui.calendar.model import (
    APPOINTMENTS_ROLE,
    CELL_BLOCK,
    CELL_CLOSED,
    CELL_COVERED,
    CELL_OPEN,
    CELL_VISIT,
    KIND_ROLE,
    RECORD_ROLE,
    SPAN_ROLE,
)


def header(tab, column: int) -> str:
    return tab.model.headerData(column, Qt.Orientation.Horizontal)


def row_label(tab, row: int) -> str:
    return tab.model.headerData(row, Qt.Orientation.Vertical)


def test_day_view_shows_providers_side_by_side_with_spans(qtbot, tab, staff, add_patient, book):
    ann = add_patient()
    visit = book(ann.id, staff["lee"], at(TUESDAY, 9, 0), "new", 40)
    tab.refresh()
    assert [header(tab, c) for c in range(tab.model.columnCount())] == ["Dana Lee, MD", "Sam Roe, DO"]
    # rows run from the earliest working hour (8:00) to the latest (17:00), 15 minutes each
    assert tab.model.rowCount() == 36
    assert row_label(tab, 0) == "8:00 AM" and row_label(tab, 1) == ":15"
    index = tab.model.index_at(visit.start, staff["lee"].id)
    assert index.data(KIND_ROLE) == CELL_VISIT
    assert index.data(RECORD_ROLE) == visit
    assert index.data(SPAN_ROLE) == 3  # 40 minutes over three 15-minute rows
    assert tab.view.rowSpan(index.row(), index.column()) == 3
    lines = index.data().split("\n")
    assert lines[0] == "9:00 AM  O'Neil, Ann"
    assert lines[1] == "New patient · Unconfirmed"
    assert tab.model.index(index.row() + 1, index.column()).data(KIND_ROLE) == CELL_COVERED
    assert "Tue 03/03" in tab.ui.date_label.text() or "March 3, 2026" in tab.ui.date_label.text()
    assert "America/Chicago" in tab.ui.summary_label.text()


def test_blocks_are_greyed_with_their_title_and_outside_hours_shaded(tab, staff):
    lunch = tab.model.index_at(at(TUESDAY, 12, 0), staff["lee"].id)
    assert lunch.data(KIND_ROLE) == CELL_BLOCK
    assert lunch.data() == "Lunch"
    assert isinstance(lunch.data(RECORD_ROLE), BlockOccurrence)
    assert tab.model.index(lunch.row() + 1, lunch.column()).data() == ""  # the title once
    assert lunch.data(Qt.ItemDataRole.BackgroundRole) is not None
    early_roe = tab.model.index_at(at(TUESDAY, 8, 0), staff["roe"].id)
    assert early_roe.data(KIND_ROLE) == CELL_CLOSED  # Roe starts at 9:00
    assert early_roe.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert tab.model.index_at(at(TUESDAY, 9, 0), staff["roe"].id).data(KIND_ROLE) == CELL_OPEN


def test_overlapping_visits_share_one_cell_and_both_can_be_reached(tab, staff, add_patient, book):
    ann, bob = add_patient(), add_patient(first_name="Bob", last_name="Smith")
    first = book(ann.id, staff["roe"], at(TUESDAY, 10, 0))
    second = book(bob.id, staff["roe"], at(TUESDAY, 10, 5), override="urgent work-in")
    tab.refresh()
    index = tab.model.index_at(first.start, staff["roe"].id)
    assert index.data(APPOINTMENTS_ROLE) == (first, second)
    assert index.data().split("\n")[:3] == [
        "2 visits overlap (override)", "10:00 AM  O'Neil, Ann", "10:05 AM  Smith, Bob"]
    assert index.data(SPAN_ROLE) == 2  # 10:00 to 10:25


def test_back_to_back_visits_off_the_quarter_hours_keep_their_own_cells(tab, staff, add_patient, book):
    ann = add_patient()
    # 20-minute visits at 10:00, 10:20 and 10:40: each starts in a row the one before ends in
    visits = [book(ann.id, staff["lee"], at(TUESDAY, 10, m)) for m in (0, 20, 40)]
    tab.refresh()  # overlapping spans would make Qt warn, and a Qt warning fails the test
    heads = [tab.model.index_of(v.id) for v in visits]
    assert [(i.row(), i.data(SPAN_ROLE)) for i in heads] == [(8, 1), (9, 1), (10, 2)]
    assert [i.data().split("\n")[0] for i in heads] == [
        "10:00 AM  O'Neil, Ann", "10:20 AM  O'Neil, Ann", "10:40 AM  O'Neil, Ann"]
    assert [tab.view.rowSpan(i.row(), i.column()) for i in heads] == [1, 1, 2]
    assert tab.model.index(11, heads[2].column()).data(KIND_ROLE) == CELL_COVERED  # 10:45 to 11:00


def test_week_view_shows_the_business_days_for_one_provider(tab, staff):
    tab.set_providers([staff["lee"].id])
    tab.set_mode("week")
    assert [header(tab, c) for c in range(tab.model.columnCount())] == [
        "Mon 03/02", "Tue 03/03", "Wed 03/04", "Thu 03/05", "Fri 03/06"]
    assert tab.providers_menu.summary() == "Provider: Dana Lee, MD"
    tab.set_providers([staff["lee"].id, staff["roe"].id])
    assert tab.model.columnCount() == 10
    assert header(tab, 1) == "Mon 03/02\nRoe, DO"


def test_a_holiday_column_says_why_it_is_closed(services, tab, staff):
    from vma_desk.core.records import Holiday

    practice = services.practice.get()
    services.practice.save(Practice(practice.name, practice.time_zone,
                                    holidays=(Holiday(date(2026, 3, 4), "Staff training day"),)))
    tab.go_to(date(2026, 3, 4))
    assert header(tab, 0) == "Dana Lee, MD\nClosed"
    assert tab.model.index(0, 0).data() == "Staff training day"
    assert "Staff training day" in tab.model.headerData(0, Qt.Orientation.Horizontal,
                                                        Qt.ItemDataRole.ToolTipRole)
    assert tab.model.index(10, 0).data(KIND_ROLE) == CELL_CLOSED


def test_keys_move_between_days_and_weeks(qtbot, tab):
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert tab.anchor == date(2026, 3, 4)
    qtbot.keyClick(tab.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(tab.view, Qt.Key.Key_PageDown)
    assert tab.anchor == date(2026, 3, 6)
    qtbot.keyClick(tab.view, Qt.Key.Key_PageDown)  # Friday -> Monday: weekends are skipped
    assert tab.anchor == date(2026, 3, 9)
    qtbot.keyClick(tab.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert tab.anchor == date(2026, 3, 6)
    qtbot.keyClick(tab.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert tab.anchor == date(2026, 3, 2)  # the practice's today
    tab.set_mode("week")
    qtbot.keyClick(tab.view, Qt.Key.Key_PageUp)
    assert tab.days()[0] == date(2026, 2, 23)


def test_arrow_keys_move_the_current_cell(qtbot, tab, staff):
    select(tab, at(TUESDAY, 9, 0), staff["lee"])
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)
    qtbot.keyClick(tab.view, Qt.Key.Key_Right)
    current = tab.view.currentIndex()
    assert (current.row(), current.column()) == (5, 1)  # 9:15, Sam Roe


def test_the_current_time_and_provider_stay_when_the_day_changes(qtbot, tab, staff):
    select(tab, at(TUESDAY, 14, 0), staff["roe"])
    qtbot.keyClick(tab.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert tab.view.currentIndex() == tab.model.index_at(at(date(2026, 3, 4), 14, 0), staff["roe"].id)


@pytest.fixture
def manila_laptop(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Manila")
    systime.tzset()
    yield
    monkeypatch.undo()
    systime.tzset()


def test_practice_time_whatever_the_laptop_zone_across_dst(qtbot, manila_laptop, services, tab,
                                                           staff, add_patient, book):
    assert systime.localtime().tm_gmtoff == 8 * 3600  # the laptop really is in Manila
    ann = add_patient()
    before = book(ann.id, staff["lee"], at(date(2026, 3, 6), 9, 0))  # Friday, CST (UTC-6)
    after = book(ann.id, staff["lee"], at(date(2026, 3, 9), 9, 0))  # Monday after the change (UTC-5)
    assert (before.start.hour, after.start.hour) == (15, 14)
    tab.set_providers([staff["lee"].id])
    tab.set_mode("week")
    for visit in (before, after):
        tab.go_to(visit.start.astimezone(CHICAGO).date())
        index = tab.model.index_at(visit.start, staff["lee"].id)
        assert index.data().startswith("9:00 AM")
        assert row_label(tab, index.row()) == "9:00 AM"
    assert "CDT" in tab.ui.summary_label.text()
    # booking typed at 9:00 on the far side of the change is stored as 9:00 Chicago
    from tests.ui.calendar.support import dialog_of
    from vma_desk.ui.calendar.booking import BookingDialog

    select(tab, at(date(2026, 3, 10), 9, 0), staff["lee"])
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(qtbot, BookingDialog)
    assert dialog.ui.time_edit.time().toString("h:mm AP") == "9:00 AM"
    assert dialog.ui.date_edit.value() == date(2026, 3, 10)
    assert dialog.ui.zone_label.text() == "America/Chicago (CDT)"
    dialog.close()


def test_opening_a_view_reads_only_the_window_once(services, tab, staff, monkeypatch):
    calls: list[str] = []
    calendar = services.calendar
    for name in ("appointments", "block_occurrences", "working_hours", "check", "find_slots"):
        real = getattr(calendar, name)
        monkeypatch.setattr(calendar, name,
                            lambda *a, _real=real, _name=name, **k: (calls.append(_name), _real(*a, **k))[1])
    tab.set_mode("week")  # two providers x five days
    assert calls.count("appointments") == 1
    assert calls.count("block_occurrences") == 1
    assert calls.count("working_hours") == 10  # once per column, never per cell
    assert "check" not in calls and "find_slots" not in calls


def test_schedule_model_passes_the_model_tester(qtmodeltester, tab, staff, add_patient, book):
    ann = add_patient()
    book(ann.id, staff["lee"], at(TUESDAY, 9, 0), "new", 40)
    book(ann.id, staff["roe"], at(TUESDAY, 16, 45), "est", 20, override="runs late")
    tab.refresh()
    assert tab.model.rowCount() == 37  # the grid grows to show a visit past the hours
    tab.refresh()
    qtmodeltester.check(tab.model, force_py=True)
    tab.set_mode("week")
    qtmodeltester.check(tab.model, force_py=True)


def test_record_role_gives_the_appointment(tab, staff, add_patient, book):
    visit = book(add_patient().id, staff["roe"], at(TUESDAY, 14, 0))
    tab.refresh()
    record = tab.model.index_at(visit.start, staff["roe"].id).data(RECORD_ROLE)
    assert isinstance(record, Appointment) and record.id == visit.id
