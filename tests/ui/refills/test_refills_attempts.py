"""Telling the patient a refill decision, chased from the Refills tab: Ctrl+Shift+L on a request
with a decision opens the shared "Log attempt" dialog, the detail pane says the attempts so far; a
request not decided yet has nothing to tell (said beside the steps); an attempt in the future is
refused beside its field with nothing saved."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.calendar.attempt_keys import CTRL_SHIFT, log_by_keys, open_log_attempt, refuse_future
from tests.ui.calendar.support import no_dialog
from tests.ui.conftest import reactivate, type_keys
from tests.ui.refills.support import (  # noqa: F401 - fixtures
    enter_request,
    refill_desk_fixture,
    refills_tab_fixture,
)
from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.records import RecordKind
from vma_desk.core.refills import Decision, RefillStep
from vma_desk.ui.shared.attempt import LogAttemptDialog


def decided(desk, decision: Decision = Decision.DENIED):
    request = enter_request(desk)
    desk.services.refills.route(request.id)
    updated, _ = desk.services.refills.record_decision(request.id, decision, decided_by_id=desk.lee.id,
                                                       note="due for a visit first")
    return updated


def test_ctrl_shift_l_logs_an_attempt_to_tell_the_patient_and_the_detail_says_it(
        qtbot, services, clock, refills_tab, refill_desk):
    request = decided(refill_desk)
    tab = refills_tab
    tab.load(select_id=request.id)
    ui = tab.ui
    assert ui.notice_label.text() == "Telling the patient: no attempt yet (Ctrl+Shift+L logs one)"
    assert ui.log_attempt_button.isEnabled()
    sent = []
    tab.sig_changed.connect(sent.append)

    dialog = open_log_attempt(qtbot, tab.view)
    assert dialog.windowTitle() == "Log attempt: Refill notice"
    assert dialog.ui.about_label.text() == "Refill notice: Lisinopril 10 mg for Ames, Ann"
    log_by_keys(qtbot)  # no answer, by phone, now
    reactivate(qtbot, tab)

    assert ui.notice_label.text() == ("Telling the patient: 1 attempt · last: no answer 09:30 · next Today "
                                      "11:30 AM")
    assert tab.selected_request().id == request.id
    assert "Logged no answer: Lisinopril 10 mg for Ames, Ann" in ui.summary_label.text()
    assert [c.kind for c in sent] == [RecordKind.CONTACT_ATTEMPT]
    [attempt] = services.chase.attempts(ChaseKind.REFILL_NOTICE, request.id)
    assert (attempt.outcome, attempt.channel, attempt.at) == (Outcome.NO_ANSWER, Channel.PHONE, clock.now())
    assert attempt.patient_id == refill_desk.ann.id

    # once the patient is marked notified, the line keeps the attempts and drops the next one
    ui.patient_button.click()
    assert services.refills.get(request.id).reached(RefillStep.PATIENT_NOTIFIED) is not None
    assert ui.notice_label.text() == "Telling the patient: 1 attempt · last: no answer 09:30"
    dialog = open_log_attempt(qtbot, tab.view)
    type_keys(qtbot, "r", Qt.Key.Key_Return)  # reached: the patient was already told
    assert dialog.isVisible() and dialog.ui.outcome_error.text().startswith("This record is already closed")
    assert len(services.chase.attempts(ChaseKind.REFILL_NOTICE, request.id)) == 1
    dialog.close()


def test_a_request_not_decided_has_nothing_to_tell_yet(qtbot, services, refills_tab, refill_desk):
    request = enter_request(refill_desk)
    tab = refills_tab
    tab.load(select_id=request.id)
    assert not tab.ui.notice_label.isVisible()
    assert not tab.ui.log_attempt_button.isEnabled()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_L, CTRL_SHIFT)
    assert no_dialog(LogAttemptDialog)
    assert tab.ui.step_error_label.isVisible()
    assert tab.ui.step_error_label.text() == ("No decision yet: the patient is told once the provider's "
                                              "decision is recorded.")
    assert services.chase.attempts(ChaseKind.REFILL_NOTICE, request.id) == []


def test_an_attempt_in_the_future_is_refused_beside_when_and_nothing_is_saved(
        qtbot, services, refills_tab, refill_desk):
    request = decided(refill_desk, Decision.NEEDS_VISIT)
    tab = refills_tab
    tab.load(select_id=request.id)
    refuse_future(qtbot, open_log_attempt(qtbot, tab.view))
    assert services.chase.attempts(ChaseKind.REFILL_NOTICE, request.id) == []
    assert tab.ui.notice_label.text() == "Telling the patient: no attempt yet (Ctrl+Shift+L logs one)"
