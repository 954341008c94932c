"""A message's callback chased from the Messages tab: Ctrl+Shift+L on the selected message opens the
shared "Log attempt" dialog, the detail pane says the attempts so far, an attempt in the future is
refused beside its field with nothing saved, and an attempt logged elsewhere shows here too."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.calendar.attempt_keys import log_by_keys, open_log_attempt, refuse_future
from tests.ui.comms_support import (  # noqa: F401 - fixtures
    desk_fixture,
    messages_tab_fixture,
    take_message,
)
from tests.ui.conftest import reactivate, type_keys
from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.communications import MessageState
from vma_desk.core.records import RecordKind


def test_ctrl_shift_l_logs_a_callback_attempt_and_the_detail_says_it(qtbot, services, clock, messages_tab,
                                                                       desk):
    message = take_message(services, desk.front, caller_name="Bo Burr", patient_id=desk.ann.id)
    tab = messages_tab
    tab.load(select_id=message.id)
    ui = tab.ui
    assert "Callback attempts: none yet (Ctrl+Shift+L logs one)" in ui.detail_label.text()
    assert ui.log_attempt_button.isEnabled()
    sent = []
    tab.sig_changed.connect(sent.append)

    dialog = open_log_attempt(qtbot, tab.view)
    assert dialog.windowTitle() == "Log attempt: Message callback"
    assert dialog.ui.about_label.text() == "Message callback: Bo Burr"
    assert dialog.ui.outcome_combo.currentText() == "No answer"
    log_by_keys(qtbot)
    reactivate(qtbot, tab)

    assert ("Callback attempts: 1 attempt · last: no answer 09:30 · next Today 11:30 AM"
            in ui.detail_label.text())
    assert tab.selected_message().id == message.id
    assert "Logged no answer: the message from Bo Burr" in ui.summary_label.text()
    assert [c.kind for c in sent] == [RecordKind.CONTACT_ATTEMPT]
    [attempt] = services.chase.attempts(ChaseKind.MESSAGE, message.id)
    assert (attempt.outcome, attempt.channel, attempt.at) == (Outcome.NO_ANSWER, Channel.PHONE, clock.now())
    assert attempt.patient_id == desk.ann.id and attempt.by == "tester@desk"

    # the second attempt shows the first in the dialog's history
    dialog = open_log_attempt(qtbot, tab.view)
    assert "no answer" in dialog.ui.history_label.text()
    log_by_keys(qtbot, "l")  # left voicemail
    assert "Callback attempts: 2 attempts · last: left voicemail 09:30" in ui.detail_label.text()


def test_an_attempt_in_the_future_is_refused_beside_when_and_nothing_is_saved(qtbot, services, messages_tab,
                                                                               desk):
    message = take_message(services, desk.front)
    tab = messages_tab
    tab.load(select_id=message.id)
    refuse_future(qtbot, open_log_attempt(qtbot, tab.view))
    assert services.chase.attempts(ChaseKind.MESSAGE, message.id) == []
    assert "Callback attempts: none yet" in tab.ui.detail_label.text()


def test_reached_is_refused_once_the_callback_is_done(qtbot, services, messages_tab, desk):
    message = take_message(services, desk.front)
    services.communications.advance(message.id, MessageState.CALLBACK_DONE)
    tab = messages_tab
    tab.load(select_id=message.id)
    assert "Callback attempts" not in tab.ui.detail_label.text()  # none, and none due
    dialog = open_log_attempt(qtbot, tab.view)
    type_keys(qtbot, "r", Qt.Key.Key_Return)  # reached
    assert dialog.isVisible() and dialog.ui.outcome_error.isVisible()
    assert dialog.ui.outcome_error.text().startswith("This record is already closed")
    assert services.chase.attempts(ChaseKind.MESSAGE, message.id) == []
    dialog.close()


def test_an_attempt_logged_elsewhere_is_read_again(qtbot, services, messages_tab, desk):
    message = take_message(services, desk.front)
    tab = messages_tab
    tab.load(select_id=message.id)
    _attempt, change = services.chase.log_attempt(ChaseKind.MESSAGE, message.id, channel=Channel.TEXT,
                                                  outcome=Outcome.LEFT_VOICEMAIL)
    tab.apply_change(change)  # as the window fans another tab's change out
    assert "Callback attempts: 1 attempt · last: left voicemail 09:30" in tab.ui.detail_label.text()
