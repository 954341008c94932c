"""The Records requests list as a VMA uses it by keys: open requests with the late first (business
days from the day asked, a holiday skipped), "Mark sent…" refused beside the authorisation when it
has expired with nothing saved, the authorisation recorded (Ctrl+Enter) and the release sent leaving
the list and appearing on the patient's accounting of disclosures (the PDF read back); "New
request…" (Alt+N) refused beside a missing purpose, then saved; records asked for marked received
(Ctrl+D) and a request closed with its reason (Ctrl+Shift+D)."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import focused, reactivate, type_keys
from tests.ui.test_undo_reopen import answer_reason
from tests.ui.worklists.support import (  # noqa: F401 - fixtures
    ALT,
    CTRL,
    CTRL_SHIFT,
    MONDAY,
    at,
    column,
    current_id,
    desk_fixture,
    shown_ids,
    worklists_tab_fixture,
)
from vma_desk.core.records import Holiday
from vma_desk.core.records_requests import Direction, RecordsRequest, RequestState
from vma_desk.reports import disclosures
from vma_desk.ui.worklists.records_steps import AuthorisationDialog, MarkSentDialog, RecordsRequestDialog

RECORDS = 9
ENTER = Qt.Key.Key_Return


def release(patient_id: int, asked_on: date = MONDAY, **changes: object) -> RecordsRequest:
    base = RecordsRequest(Direction.OUTGOING, patient_id=patient_id, party="Harbor Mutual Insurance",
                          asked_on=asked_on, items="Visit notes 2025", purpose="Life insurance application",
                          authorization_on=date(2026, 2, 20), authorization_expires=date(2026, 8, 20))
    return replace(base, **changes)  # type: ignore[arg-type]


def asked(patient_id: int, asked_on: date = MONDAY) -> RecordsRequest:
    return RecordsRequest(Direction.INCOMING, patient_id=patient_id, party="St. Mary's Hospital ER",
                          asked_on=asked_on, items="ER visit notes and imaging report")


def show(tab):
    tab.load()
    tab.ui.lists_tabs.setCurrentIndex(RECORDS)
    tab.focus_main()
    return tab.pages[RECORDS]


def test_late_first_then_due_today_then_by_due_day_across_a_holiday(qtbot, services, clock, worklists_tab,
                                                                    desk):
    practice = services.practice
    practice.save(replace(practice.get(), holidays=(Holiday(date(2026, 2, 27), "Staff training day"),)))
    add = services.records_requests.add
    ann = desk.ann.id
    fresh, _ = add(release(ann))  # due Mon 03/09
    across, _ = add(asked(ann, date(2026, 2, 23)))  # Tue..Thu, (Fri holiday), Mon, Tue: due Tue 03/03
    late, _ = add(release(ann, date(2026, 2, 18), authorization_on=None, authorization_expires=None))
    today, _ = add(asked(ann, date(2026, 2, 20)))  # Mon..Thu, (Fri holiday), Mon: due today
    tab = worklists_tab
    page = show(tab)
    assert tab.ui.lists_tabs.tabText(RECORDS) == "Records requests (4)"
    assert shown_ids(page) == [late.id, today.id, across.id, fresh.id]
    assert column(page, "due") == ["Late: 02/25", "Due today: 03/02", "Tue 03/03", "Mon 03/09"]
    assert column(page, "direction") == ["Release to", "Asked from", "Asked from", "Release to"]
    assert column(page, "party") == ["Harbor Mutual Insurance", "St. Mary's Hospital ER",
                                     "St. Mary's Hospital ER", "Harbor Mutual Insurance"]
    assert column(page, "patient") == ["Ames, Ann"] * 4
    assert column(page, "authorisation") == ["Missing", "", "", "Signed 02/20/26, expires 08/20/26"]

    clock.current = at(date(2026, 3, 3), 9, 0)  # its due day: not late yet
    page = show(tab)
    assert column(page, "due")[1:3] == ["Late: 03/02", "Due today: 03/03"]
    clock.current = at(date(2026, 3, 4), 8, 0)  # the day after: late, after the one late longer
    page = show(tab)
    assert shown_ids(page)[:3] == [late.id, today.id, across.id]
    assert column(page, "due")[:3] == ["Late: 02/25", "Late: 03/02", "Late: 03/03"]


def test_an_expired_authorisation_is_refused_beside_it_then_renewed_sent_and_disclosed(
        qtbot, services, worklists_tab, desk, tmp_path):
    made, _ = services.records_requests.add(release(desk.ann.id, date(2026, 2, 26),
                                                    authorization_on=date(2025, 8, 27),
                                                    authorization_expires=date(2026, 2, 27)))
    tab = worklists_tab
    page = show(tab)
    assert current_id(page) == made.id
    assert column(page, "authorisation") == ["Signed 08/27/25, expires 02/27/26"]
    assert tab.ui.done_button.text() == "Mark sent… (Ctrl+D)"
    assert tab.ui.book_button.text() == "Authorisation… (Ctrl+Enter)"

    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)
    dialog = dialog_of(qtbot, MarkSentDialog)
    ui = dialog.ui
    assert focused() is ui.channel_combo
    type_keys(qtbot, "s", ENTER)
    assert ui.channel_combo.currentText() == "Secure fax"
    assert dialog.isVisible() and ui.authorisation_error.isVisible()
    assert ui.authorisation_error.text() == (
        "Authorisation has passed: the authorisation expired before the day the records are sent; "
        "ask the patient for a new one.")
    assert services.records_requests.get(made.id).state is RequestState.OPEN
    type_keys(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: no_dialog(MarkSentDialog))
    reactivate(qtbot, tab)

    qtbot.keyClick(focused(), ENTER, CTRL)  # the new authorisation the patient signed today
    dialog = dialog_of(qtbot, AuthorisationDialog)
    ui = dialog.ui
    assert focused() is ui.signed_edit
    type_keys(qtbot, "03/02/2026", Qt.Key.Key_Tab, "09/02/2026", ENTER)
    qtbot.waitUntil(lambda: no_dialog(AuthorisationDialog))
    reactivate(qtbot, tab)
    assert column(page, "authorisation") == ["Signed 03/02/26, expires 09/02/26"]
    assert "Authorisation recorded: Ames, Ann" in tab.ui.summary_label.text()

    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)
    dialog = dialog_of(qtbot, MarkSentDialog)
    type_keys(qtbot, "s", ENTER)
    qtbot.waitUntil(lambda: no_dialog(MarkSentDialog))
    reactivate(qtbot, tab)
    assert shown_ids(page) == [] and tab.ui.lists_tabs.tabText(RECORDS) == "Records requests"
    assert "Sent: Ames, Ann" in tab.ui.summary_label.text()

    out = tmp_path / "accounting.pdf"
    out.write_bytes(disclosures.build(services, desk.ann.id))
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Accounting of disclosures" in text and "Ames" in text
    assert "1 release" in text and "Harbor Mutual" in text and "Visit notes 2025" in text
    assert "Secure fax" in text and "Authorised 03/02/2026" in text


def test_a_new_request_by_keys_refused_without_a_purpose_then_saved(qtbot, services, worklists_tab, desk):
    tab = worklists_tab
    page = show(tab)
    assert shown_ids(page) == []
    qtbot.keyClick(focused(), Qt.Key.Key_N, ALT)
    dialog = dialog_of(qtbot, RecordsRequestDialog)
    ui = dialog.ui
    assert focused() is ui.direction_combo and dialog.direction() is Direction.OUTGOING
    type_keys(qtbot, Qt.Key.Key_Tab, "Ames")
    qtbot.waitUntil(lambda: ui.patient_picker.results.rowCount() == 1)
    type_keys(qtbot, ENTER)
    assert ui.patient_picker.patient_id() == desk.ann.id
    qtbot.keyClick(focused(), Qt.Key.Key_T, ALT)  # To whom
    type_keys(qtbot, "Harbor Mutual Insurance")
    qtbot.keyClick(focused(), Qt.Key.Key_I, ALT)
    type_keys(qtbot, "Visit notes 2025", ENTER)
    assert dialog.isVisible() and ui.purpose_error.isVisible()
    assert ui.purpose_error.text().startswith("Purpose is required: say why the records are released")
    assert focused() is ui.purpose_edit
    assert services.records_requests.open_requests() == []

    type_keys(qtbot, "Life insurance application", ENTER)
    qtbot.waitUntil(lambda: no_dialog(RecordsRequestDialog))
    reactivate(qtbot, tab)
    [row] = services.records_requests.open_requests()
    assert (row.request.party, row.request.items, row.request.asked_on) == (
        "Harbor Mutual Insurance", "Visit notes 2025", MONDAY)
    assert column(page, "authorisation") == ["Missing"] and column(page, "due") == ["Mon 03/09"]


def test_records_asked_for_are_received_and_a_release_closed_with_its_reason(qtbot, services, worklists_tab,
                                                                             desk):
    came, _ = services.records_requests.add(asked(desk.ann.id, date(2026, 2, 20)))
    withdrawn, _ = services.records_requests.add(release(desk.ann.id))
    tab = worklists_tab
    page = show(tab)
    assert shown_ids(page) == [came.id, withdrawn.id] and current_id(page) == came.id
    assert tab.ui.done_button.text() == "Mark received (Ctrl+D)" and not tab.ui.book_button.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)
    assert services.records_requests.get(came.id).state is RequestState.RECEIVED
    assert shown_ids(page) == [withdrawn.id] and "Received: Ames, Ann" in tab.ui.summary_label.text()

    seen: list[str] = []
    answer_reason("Patient withdrew the request", seen)
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL_SHIFT)
    reactivate(qtbot, tab)
    assert seen and seen[0].startswith("Why is this request closed without being done")
    closed = services.records_requests.get(withdrawn.id)
    assert (closed.state, closed.closed_reason) == (RequestState.CANCELLED, "Patient withdrew the request")
    assert shown_ids(page) == []
