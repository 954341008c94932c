"""The Today tab as a VMA meets it before the morning huddle: each provider's visits with their
flags and "needs attention" line, everything due (urgent first), another day, one provider, and
the lists kept fresh by the clock and by changes made elsewhere."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt

from tests.ui.today.support import (  # noqa: F401 - fixtures
    MONDAY,
    TUESDAY,
    agenda_of,
    attention_of,
    cells,
    groups,
    huddle_fixture,
    keys,
    plain,
    press,
    rows_by_key,
    today_tab_fixture,
    visit_level,
    visit_row,
)
from vma_desk.core.agenda import URGENT
from vma_desk.core.communications import MessageState
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.ui.today.model import KEY_ROLE, SEVERE_FILL, WARNING_FILL
from vma_desk.ui.today.tab import REFRESH_MS

FRIDAY_5PM = "due Fri 02/27 5:00 PM"


def test_each_visit_shows_its_facts_and_flags_under_its_provider(today_tab, huddle):
    v = huddle.visits
    assert today_tab.ui.date_label.text() == "Monday, March 2, 2026 (today)"
    assert [heading for heading, _rows in groups(today_tab.visit_view)] == [
        "Dana Lee, MD · 3 visits", "Sam Roe, DO · 4 visits"]
    assert visit_row(today_tab, v["Ann"]) == (
        "10:00 AM", "Ames, Ann", "66", "Established visit", "Est.", "", "Unconfirmed · Care gap: A1c")
    assert visit_row(today_tab, v["Bob"])[-1] == "Consult report missing: Cardiology consult note"
    assert visit_row(today_tab, v["Cal"])[-1] == "Urgent message open: urgent"
    assert visit_row(today_tab, v["Dee"])[-1] == "Refill pending: Lisinopril 10 mg"
    assert visit_row(today_tab, v["Eve"])[-1] == "Prior auth pending: Cardiac MRI (Blue Cross)"
    assert visit_row(today_tab, v["Fay"])[-1] == "No-show history: 1 no-show"
    fay = rows_by_key(today_tab.visit_view)[("appointment", v["Fay"].id)]
    assert fay.siblingAtColumn(6).data() == "No\u2011show history: 1 no\u2011show"
    assert visit_row(today_tab, v["Hal"]) == ("3:00 PM", "Hart, Hal", "46", "Telehealth", "Est.", "Video", "")
    # Dr Roe's visits in time order: Dee at 9:00 before Eve at 10:30
    assert [cells(today_tab.visit_view, i)[1] for i in groups(today_tab.visit_view)[1][1][1:]] == [
        "Diaz, Dee", "Ennis, Eve", "Fox, Fay", "Hart, Hal"]
    assert today_tab.ui.visits_title.text() == "Visits · 7 with 2 providers"


def test_visits_to_act_on_stand_out_and_the_rest_do_not(today_tab, huddle):
    v = huddle.visits
    index = rows_by_key(today_tab.visit_view)

    def fill(first: str):
        brush = index[("appointment", v[first].id)].data(Qt.ItemDataRole.BackgroundRole)
        return brush.color() if brush is not None else None

    assert fill("Cal") == SEVERE_FILL and visit_level(today_tab, v["Cal"]) == 2  # a patient waiting
    assert fill("Ann") == WARNING_FILL and fill("Bob") == WARNING_FILL and fill("Eve") == WARNING_FILL
    # a no-show history or a care gap alone is worth knowing, not worth colouring a row for
    assert fill("Fay") is None and fill("Hal") is None
    flags = index[("appointment", v["Ann"].id)].siblingAtColumn(6)
    assert flags.data(Qt.ItemDataRole.FontRole).bold()
    assert flags.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Status: Unconfirmed" in index[("appointment", v["Ann"].id)].data(Qt.ItemDataRole.ToolTipRole)


def test_each_provider_has_its_needs_attention_line_above_the_visits(today_tab, huddle):
    assert attention_of(today_tab, huddle.lee) == (
        "Needs attention: 1 patient with an urgent message open · 1 consult report missing · "
        "1 visit unconfirmed · 1 patient with a care gap due")
    assert attention_of(today_tab, huddle.roe) == (
        "Needs attention: 1 prior authorisation pending · 1 refill waiting for a decision · "
        "1 patient with no-show history")


def test_due_rows_are_grouped_by_severity_urgent_first(today_tab, huddle):
    shown = groups(today_tab.due_view)
    assert [heading for heading, _rows in shown] == ["Urgent (3)", "Soon (2)", "Routine (2)"]
    urgent = [cells(today_tab.due_view, i) for i in shown[0][1]]
    assert urgent == [
        ("Gray, Gus", "Callback: question about a bill", f"Overdue · {FRIDAY_5PM}"),
        ("Gray, Gus", "Refill: Metformin", f"Past due · {FRIDAY_5PM}"),
        ("Ennis, Eve", "Prior auth: Cardiac MRI", "Follow-up overdue")]
    soon = [cells(today_tab.due_view, i) for i in shown[1][1]]
    assert soon == [
        ("Cruz, Cal", "Callback: rash spreading since last night", "Urgent · due 10:30 AM"),
        ("Birch, Bob", "Referral: Cardiology", "Report awaited, 5 days")]
    routine = [cells(today_tab.due_view, i)[1:] for i in shown[2][1]]
    assert routine == [("Confirm the visit", "Visit Tue 03/03 10:00 AM"),
                       ("Verify insurance", "Visit Tue 03/03 10:00 AM")]
    # a wrapped status breaks between the day and the time, never inside either
    assert shown[0][1][0].siblingAtColumn(2).data().endswith("due\u00a0Fri\u00a002/27 5:00\u00a0PM")
    # the severity is said in words, not by colour alone
    assert shown[0][1][0].data(Qt.ItemDataRole.ToolTipRole).startswith("Urgent · Message")
    assert today_tab.ui.due_title.text() == "Due today · 3 urgent, 2 soon, 2 routine"
    assert today_tab.title() == "Today (3 urgent)"


def test_the_tab_shows_the_agenda_as_the_service_returns_it(today_tab, huddle):
    agenda = agenda_of(huddle.services)
    view = today_tab.visit_view
    shown = groups(view)
    assert len(shown) == len(agenda.providers)
    for (heading, rows), day in zip(shown, agenda.providers, strict=True):
        assert heading == f"{day.provider.display_name} · {len(day.visits)} visits"
        visits = [i for i in rows if i.data(KEY_ROLE) is not None]
        assert [cells(view, i)[1] for i in visits] == [line.patient_name for line in day.visits]
        for index, line in zip(visits, day.visits, strict=True):
            assert index.data(KEY_ROLE) == ("appointment", line.appointment.id)
            said = cells(view, index)[-1].casefold()
            assert all(f.label.casefold() in said and detail.casefold() in said for f, detail in line.flags)
            assert bool(said) == bool(line.flags)
        for line in day.attention():
            assert line in plain(rows[0].data())
    assert keys(today_tab.due_view) == [(item.kind.value, item.record_id) for item in agenda.due]
    assert [cells(today_tab.due_view, i)[:2] for _h, rows in groups(today_tab.due_view) for i in rows] == [
        (item.patient_name, item.title) for item in agenda.due]


def test_one_providers_day_and_other_days(qtbot, today_tab, huddle):
    combo = today_tab.ui.provider_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All providers", "Dana Lee, MD", "Sam Roe, DO"]
    today_tab.set_provider(huddle.roe.id)
    assert [heading for heading, _rows in groups(today_tab.visit_view)] == ["Sam Roe, DO · 4 visits"]
    assert today_tab.ui.visits_title.text() == "Visits · 4"
    # tomorrow (Alt+Right): Dr Roe sees Ann, her visit still to confirm and to verify
    press(qtbot, today_tab.visit_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert today_tab.day == TUESDAY
    assert today_tab.ui.date_label.text() == "Tuesday, March 3, 2026 (tomorrow)"
    assert visit_row(today_tab, huddle.tuesday)[:2] == ("10:00 AM", "Ames, Ann")
    assert "Insurance not verified: not checked" in visit_row(today_tab, huddle.tuesday)[-1]
    assert today_tab.ui.due_title.text().startswith("Due by Tue 03/03")
    # Dr Lee has nobody on Tuesday; nobody comes on Sunday
    today_tab.set_provider(huddle.lee.id)
    assert today_tab.ui.visits_empty_label.isVisible() and not today_tab.visit_view.isVisible()
    assert today_tab.ui.visits_empty_label.text() == "No visits for Dana Lee, MD on Tuesday 03/03."
    today_tab.set_provider(None)
    for _ in range(2):
        press(qtbot, today_tab.due_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert today_tab.ui.date_label.text() == "Sunday, March 1, 2026 (yesterday)"
    assert today_tab.ui.visits_empty_label.text() == "No visits on Sunday 03/01."
    # Ctrl+T: back to today, every visit there again
    press(qtbot, today_tab.due_view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert today_tab.day == MONDAY and today_tab.visit_view.isVisible()
    assert today_tab.visit_model.record_count() == 7


def test_enter_or_a_double_click_asks_for_the_rows_record(qtbot, today_tab, huddle):
    due = rows_by_key(today_tab.due_view)
    today_tab.due_view.setCurrentIndex(due[("refill", huddle.past_due_refill.id)])
    with qtbot.waitSignal(today_tab.sig_record_requested) as asked:
        press(qtbot, today_tab.due_view, Qt.Key.Key_Return)
    assert asked.args == ["refill", huddle.past_due_refill.id]
    ann = rows_by_key(today_tab.visit_view)[("appointment", huddle.visits["Ann"].id)]
    today_tab.visit_view.scrollTo(ann)
    rect = today_tab.visit_view.visualRect(ann.siblingAtColumn(1))
    viewport = today_tab.visit_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # a double click's first press
    with qtbot.waitSignal(today_tab.sig_record_requested) as asked:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked.args == ["appointment", huddle.visits["Ann"].id]
    # Enter on a heading closes the group (and it stays closed when the lists are read again)
    heading = today_tab.due_model.index(0, 0)
    today_tab.due_view.setCurrentIndex(heading)
    with qtbot.assertNotEmitted(today_tab.sig_record_requested):
        press(qtbot, today_tab.due_view, Qt.Key.Key_Return)
    assert not today_tab.due_view.isExpanded(heading)
    huddle.services.context.clock.advance(timedelta(minutes=1))
    today_tab.refresh()
    assert not today_tab.due_view.isExpanded(today_tab.due_model.index(0, 0))
    assert today_tab.due_view.isExpanded(today_tab.due_model.index(1, 0))


def test_the_clock_moves_rows_to_urgent_and_the_selection_stays(qtbot, today_tab, huddle):
    assert today_tab.refresh_timer.isActive() and today_tab.refresh_timer.interval() == REFRESH_MS == 60_000
    cal = ("message", huddle.urgent_message.id)
    today_tab.due_view.setCurrentIndex(rows_by_key(today_tab.due_view)[cal])
    huddle.services.context.clock.advance(timedelta(minutes=61))  # the urgent callback's hour is up
    with qtbot.waitSignal(today_tab.sig_badge_changed) as counted:
        today_tab.refresh_timer.timeout.emit()
    assert counted.args == [4] and today_tab.title() == "Today (4 urgent)"
    urgent = groups(today_tab.due_view)[0]
    assert urgent[0] == "Urgent (4)" and cal in [i.data(KEY_ROLE) for i in urgent[1]]
    assert today_tab.due_view.current_key() == cal
    assert today_tab.ui.summary_label.text().startswith("As of 10:31 AM")


def test_locked_the_tab_stops_reading_and_unlocked_it_catches_up(qtbot, today_tab, huddle):
    today_tab.pause()
    assert not today_tab.refresh_timer.isActive()
    huddle.services.communications.advance(huddle.overdue_message.id, MessageState.CALLBACK_DONE)
    today_tab.resume()
    assert today_tab.refresh_timer.isActive()
    assert ("message", huddle.overdue_message.id) not in keys(today_tab.due_view)
    assert today_tab.title() == "Today (2 urgent)"


def test_a_change_made_elsewhere_shows_at_once_and_others_are_ignored(qtbot, today_tab, huddle):
    services = huddle.services
    _message, change = services.communications.advance(huddle.urgent_message.id, MessageState.CALLBACK_DONE)
    today_tab.apply_change(change)
    assert visit_row(today_tab, huddle.visits["Cal"])[-1] == ""
    assert "urgent message" not in attention_of(today_tab, huddle.lee)
    today_tab.last_load_ms = -1.0
    today_tab.apply_change(Change(RecordKind.WAITLIST, AuditAction.CREATE, (1,)))
    assert today_tab.last_load_ms == -1.0  # a waitlist entry changes nothing here: not read again


def test_both_lists_are_sound_item_models(today_tab, qtmodeltester):
    qtmodeltester.check(today_tab.visit_model)
    qtmodeltester.check(today_tab.due_model)


def test_the_tab_is_read_in_one_quick_call(today_tab, huddle):
    today_tab.load()
    assert 0 < today_tab.last_load_ms < 500
    assert today_tab.due_model.urgent_count() == sum(1 for i in agenda_of(huddle.services).due
                                                      if i.severity == URGENT)


def test_past_midnight_the_tab_moves_on_unless_another_day_was_chosen(today_tab, huddle):
    clock = huddle.services.context.clock
    clock.advance(timedelta(hours=15))  # Tuesday 00:30
    today_tab.refresh()
    assert today_tab.day == TUESDAY and today_tab.ui.date_label.text() == "Tuesday, March 3, 2026 (today)"
    today_tab.go_to(MONDAY)
    clock.advance(timedelta(days=1))
    today_tab.refresh()
    assert today_tab.day == MONDAY
    assert today_tab.ui.date_label.text() == "Monday, March 2, 2026"


def test_a_provider_who_left_stays_in_the_filter_and_a_vanished_one_falls_back_to_all(today_tab, huddle):
    _roe, change = huddle.services.practice.update_staff(replace(huddle.roe, active=False))
    today_tab.apply_change(change)
    combo = today_tab.ui.provider_combo
    assert combo.itemText(combo.count() - 1) == "Sam Roe, DO (inactive)"
    assert today_tab.visit_model.record_count() == 7  # the visits to hand over are still there
    combo.addItem("Nobody", 999)  # a provider the staff list no longer has (another workstation)
    combo.setCurrentIndex(combo.count() - 1)
    assert today_tab.provider_id() is None and combo.currentText() == "All providers"
    assert today_tab.visit_model.record_count() == 7
