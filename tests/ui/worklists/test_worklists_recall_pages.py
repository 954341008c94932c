"""The Recall list in pages and narrowed by its filters, by keys: the longest overdue first, "2 of 5
shown" with the next page on Alt+R, a gap chosen with Alt+G, the attempts with Alt+T; and the tab
reading only the lists a change touches (a voicemail does not read Recall again, a hidden tab reads
its other lists when shown)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import focused, type_keys
from tests.ui.worklists.support import (  # noqa: F401 - fixtures
    ALT,
    MONDAY,
    column,
    desk_fixture,
    leave_voicemail,
    worklists_tab_fixture,
)
from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.records import AuditAction, CareGap, Change, Patient, Phone, RecordKind

RECALL = 3


def _recall_patients(services) -> list[int]:
    """Five patients due for care, overdue since January 1st to 5th (A1c for the odd ones)."""
    made = []
    for n in range(5):
        patient, _ = services.patients.create(Patient(
            f"P{n}", "Lakes", date(1960, 1, 1), phones=(Phone("3125550142"),),
            care_gaps=(CareGap("Mammogram" if n % 2 == 0 else "A1c", date(2026, 1, 1 + n)),)))
        made.append(patient.id)
    return made


@pytest.fixture(name="recall_tab")
def recall_tab_fixture(services, worklists_tab, desk):
    tab = worklists_tab
    tab.recall.page_size = 2
    tab.recall.limit = 2
    tab.made = _recall_patients(services)
    tab.load()
    tab.ui.lists_tabs.setCurrentIndex(RECALL)
    tab.focus_main()
    return tab


def test_recall_shows_a_page_and_the_next_on_alt_r(qtbot, recall_tab):
    tab, page = recall_tab, recall_tab.pages[RECALL]
    panel = tab.recall_panel.ui
    assert column(page, "patient") == ["Lakes, P0", "Lakes, P1"]  # the longest overdue first
    assert panel.shown_label.text() == ("2 of 5 shown, the longest overdue first: narrow with the filters"
                                        " or show 2 more")
    assert tab.ui.lists_tabs.tabText(RECALL) == "Recall (5)"  # the whole list's, not the page's
    assert "2 of 5 rows shown · 5 due now" in tab.ui.summary_label.text()

    qtbot.keyClick(focused(), Qt.Key.Key_R, ALT)
    assert column(page, "patient") == ["Lakes, P0", "Lakes, P1", "Lakes, P2", "Lakes, P3"]
    assert focused() is page.view and page.current() is not None
    qtbot.keyClick(focused(), Qt.Key.Key_R, ALT)
    assert len(column(page, "patient")) == 5
    assert panel.shown_label.text() == "All 5 patients shown, the longest overdue first"
    assert not panel.more_button.isEnabled()


def test_recall_narrowed_by_gap_attempts_and_last_contact_by_keys(qtbot, services, recall_tab):
    tab, page = recall_tab, recall_tab.pages[RECALL]
    panel = tab.recall_panel.ui
    qtbot.keyClick(focused(), Qt.Key.Key_G, ALT)
    assert focused() is panel.gap_combo
    gaps = panel.gap_combo
    assert [gaps.itemText(i) for i in range(gaps.count())] == ["Any", "A1c", "Mammogram"]
    type_keys(qtbot, Qt.Key.Key_Down)  # A1c
    assert column(page, "patient") == ["Lakes, P1", "Lakes, P3"]
    assert column(page, "gaps") == ["A1c", "A1c"]
    assert panel.shown_label.text() == "All 2 patients shown, the longest overdue first"

    p3 = tab.made[3]
    _, change = services.chase.log_attempt(ChaseKind.RECALL, p3, channel=Channel.PHONE,
                                           outcome=Outcome.NO_ANSWER, patient_id=p3)
    tab.apply_change(change)  # logged elsewhere: the filter is kept
    qtbot.keyClick(focused(), Qt.Key.Key_T, ALT)
    assert focused() is panel.attempts_combo
    type_keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Down)  # 1 or more
    assert column(page, "patient") == ["Lakes, P3"]
    assert column(page, "attempts") == ["1 attempt · last: no answer 09:30"]
    type_keys(qtbot, Qt.Key.Key_Up)  # none yet
    assert column(page, "patient") == ["Lakes, P1"]

    type_keys(qtbot, Qt.Key.Key_Down)  # 1 or more again, then never contacted: nobody
    qtbot.keyClick(focused(), Qt.Key.Key_C, ALT)
    assert focused() is panel.contact_combo
    type_keys(qtbot, Qt.Key.Key_Down)
    assert column(page, "patient") == []
    assert panel.shown_label.text() == "No patient matches these filters"
    type_keys(qtbot, Qt.Key.Key_Down)  # not contacted in the last 7 days: not P3, called this morning
    assert column(page, "patient") == []
    qtbot.keyClick(focused(), Qt.Key.Key_T, ALT)
    type_keys(qtbot, Qt.Key.Key_Home)  # any attempts: P1, never called
    assert column(page, "patient") == ["Lakes, P1"]


def _count_reads(monkeypatch, tab) -> dict[str, int]:
    reads: dict[str, int] = {}
    for page in tab.pages:
        rows = page.worklist.rows

        def counted(title: str = page.worklist.title, rows=rows):  # noqa: ANN001, ANN202
            reads[title] = reads.get(title, 0) + 1
            return rows()
        monkeypatch.setattr(page.worklist, "rows", counted)
    return reads


def test_a_change_reads_only_the_lists_that_read_its_kind(qtbot, monkeypatch, services, recall_tab):
    tab = recall_tab
    reads = _count_reads(monkeypatch, tab)
    voicemail = leave_voicemail(services)  # recorded in another tab
    tab.apply_change(Change(RecordKind.VOICEMAIL, AuditAction.CREATE, (voicemail.id,)))
    assert reads == {"Voicemail": 1}  # not Recall, not To rebook
    assert tab.ui.lists_tabs.tabText(0) == "Voicemail (1)" and tab.title() == "Worklists (1 due)"

    reads.clear()
    tab.apply_change(Change(RecordKind.CALL, AuditAction.UPDATE, (1,)))  # a call edited in Calls
    assert reads == {"Callbacks": 1}

    reads.clear()  # a gap done in the patient's window: every list naming patients, Recall with them
    tab.apply_change(services.recall.record_done(tab.made[0], "Mammogram", MONDAY))
    assert reads.get("Recall") == 1 and tab.ui.lists_tabs.tabText(RECALL) == "Recall (4)"


def test_a_hidden_tab_reads_its_badges_lists_now_and_the_others_when_shown(qtbot, monkeypatch, services,
                                                                           recall_tab):
    tab = recall_tab
    reads = _count_reads(monkeypatch, tab)
    tab.hide()
    p0 = tab.made[0]
    tab.apply_change(services.recall.record_done(p0, "Mammogram", MONDAY))
    assert "Recall" not in reads and reads.get("Confirmations") == 1  # the title counts confirmations
    assert tab.ui.lists_tabs.tabText(RECALL) == "Recall (5)"  # as read, until shown
    tab.show()
    qtbot.waitUntil(lambda: reads.get("Recall") == 1)
    assert tab.ui.lists_tabs.tabText(RECALL) == "Recall (4)"
    assert reads.get("Confirmations") == 1
