"""Search as a VMA uses it (Ctrl+F): a call by its phone number typed any way, a message by a word
of its note, the matched words in bold, and Enter opens the record in its tab."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.ui.comms_support import (  # noqa: F401 - fixtures
    MONDAY,
    at,
    dialog_of,
    log_call,
    no_dialog,
    take_message,
    window_fixture,
)
from tests.ui.conftest import focused, reactivate, type_keys
from vma_desk.ui.calls.tab import CallsTab
from vma_desk.ui.messages.tab import MessagesTab
from vma_desk.ui.search.dialog import SearchDialog
from vma_desk.ui.search.model import HIT_ROLE, HTML_ROLE, SearchResultModel, snippet_html


def staff(window, name: str):
    return next(s for s in window.services.practice.staff() if s.name == name)


def open_search(qtbot, window) -> SearchDialog:
    reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(qtbot, SearchDialog)
    assert focused() is dialog.ui.search_edit
    return dialog


@pytest.mark.parametrize("typed", ["(312) 555-0142", "312.555.0142", "3125550142", "555-0142"])
def test_a_call_is_found_by_its_number_typed_any_way_and_enter_opens_it(qtbot, window, typed):
    services = window.services
    ann = services.patients.search("ames")[0]
    call = log_call(services, ann)
    log_call(services, None, caller_name="Bo Burr", number="2175550199")
    dialog = open_search(qtbot, window)
    type_keys(qtbot, typed)
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 1)
    hit = dialog.results.index(0).data(HIT_ROLE)
    assert (hit.kind, hit.record_id) == ("call", call.id)
    assert dialog.results.index(0).data().startswith("Call · Ann Ames · (312) 555-0142 · 9:20 AM")
    type_keys(qtbot, Qt.Key.Key_Return)
    assert no_dialog(SearchDialog)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, CallsTab)
    assert tab.selected_call().id == call.id


def test_a_message_is_found_by_a_word_of_its_note_highlighted(qtbot, window):
    services = window.services
    log_call(services, None, caller_name="Cy Cole", number="2175550111", notes="asked about parking")
    message = take_message(services, staff(window, "Nora Nurse"),
                           reason="needs a prior authorization letter for the MRI")
    other = take_message(services, staff(window, "Fran Front"), caller_name="Di Dunn",
                         reason="asks about the portal")
    dialog = open_search(qtbot, window)
    type_keys(qtbot, "authoriz")
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 1)
    index = dialog.results.index(0)
    assert index.data(HIT_ROLE).record_id == message.id
    assert "<b>authorization</b>" in index.data(HTML_ROLE)
    assert "[" not in index.data()  # the plain text shows no marks
    assert "1 match, best first" in dialog.ui.status_label.text()
    type_keys(qtbot, Qt.Key.Key_Return)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, MessagesTab)
    assert tab.selected_message().id == message.id
    assert other.id != message.id


def test_nothing_found_says_so_and_the_model_passes_the_tester(qtbot, qtmodeltester, window):
    services = window.services
    log_call(services, None, caller_name="Cy Cole", number="2175550111", notes="asked about parking")
    take_message(services, staff(window, "Fran Front"), caller_name="Cy Cole", reason="parking again")
    dialog = open_search(qtbot, window)
    type_keys(qtbot, "zzzz")
    qtbot.waitUntil(lambda: dialog.ui.status_label.text() == "No call or message matches.")
    type_keys(qtbot, *[Qt.Key.Key_Backspace] * 4, "cole")
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 2)
    # a model of its own: the dialog's is deleted with it when the window closes
    model = SearchResultModel()
    model.set_hits(services.communications.search("cole"), services.context.practice_zone(),
                   services.context.today())
    qtmodeltester.check(model, force_py=True)


def test_snippet_marks_become_bold_and_the_rest_is_escaped():
    expected = "&lt;i&gt;<b>chest</b> pain&lt;/i&gt; &amp; <b>more</b>"
    assert snippet_html("<i>[chest] pain</i> & [more]") == expected


def test_chest_pain_said_comes_before_chest_pain_denied_newer_first_with_the_year_when_not_this_year(
        qtbot, window):
    services = window.services
    nurse = staff(window, "Nora Nurse")
    escalated = {"escalation_action": "put through to the nurse"}
    denied = log_call(services, None, caller_name="Cy Cole", number="2175550111",
                      notes="refill of lisinopril, denies chest pain", started_at=at(MONDAY, 8, 5))
    last_year = log_call(services, None, caller_name="Di Dunn", number="2175550122",
                         notes="chest pain when climbing stairs", started_at=at(date(2025, 12, 5), 9, 5),
                         **escalated)
    said = take_message(services, nurse, caller_name="Ed Eng", reason="wife says chest pain since 7",
                        **escalated)  # taken now, 9:30
    apart = log_call(services, None, caller_name="Flo Fay", number="2175550133",
                     notes="pain in the middle of the chest after the fall",
                     started_at=at(date(2026, 2, 27), 10))
    dialog = open_search(qtbot, window)
    type_keys(qtbot, "chest pain")
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 4)
    rows = [dialog.results.index(row).data() for row in range(4)]
    assert [dialog.results.index(row).data(HIT_ROLE).record_id for row in range(4)] == [
        said.id, last_year.id, apart.id, denied.id]
    assert rows[0].startswith("Message · Ed Eng · Emergency · 9:30 AM\n")  # today: the time
    assert rows[1].startswith("Call · Di Dunn · (217) 555-0122 · Fri 12/05/2025 9:05 AM\n")  # last year
    assert rows[2].startswith("Call · Flo Fay · (217) 555-0133 · Fri 02/27 10:00 AM\n")  # this year
    assert "denies chest pain" in rows[3]
    type_keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Return)  # the second best: last year's call
    tab = window.tabs.currentWidget()
    assert isinstance(tab, CallsTab)
    assert tab.selected_call().id == last_year.id
