"""Messages as the recipient's day needs them: each open message ages on screen, goes overdue by
its urgency and stands out; its steps are done one key or click at a time, with who and when."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from tests.ui.comms_support import (  # noqa: F401 - fixtures
    desk_fixture,
    messages_tab_fixture,
    take_message,
)
from tests.ui.conftest import reactivate
from vma_desk.core.communications import MessageState, Urgency
from vma_desk.ui.messages.model import (
    COL_AGE,
    COL_CALLER,
    COL_DUE,
    COL_STATE,
    MESSAGE_ROLE,
    OVERDUE_FILL,
    OVERDUE_ROLE,
)


def caller_rows(tab) -> list[str]:
    return [tab.proxy.index(r, COL_CALLER).data() for r in range(tab.proxy.rowCount())]


def test_a_message_ages_and_goes_overdue_on_the_clock(qtbot, services, clock, messages_tab, desk):
    routine = take_message(services, desk.front, caller_name="Bo Burr")
    urgent = take_message(services, desk.nurse, caller_name="Cy Cole", urgency=Urgency.URGENT,
                          reason="new rash since yesterday")
    tab = messages_tab
    tab.load()
    assert caller_rows(tab) == ["Cy Cole", "Bo Burr"]  # the earliest due first
    assert tab.proxy.index(0, COL_AGE).data() == "just now"
    assert tab.proxy.index(0, COL_DUE).data() == "10:30 AM"
    assert tab.proxy.index(1, COL_DUE).data() == "5:00 PM"  # routine: end of the business day
    assert tab.overdue_count() == 0 and tab.title() == "Messages"

    clock.advance(timedelta(minutes=75))
    tab.model.timer.setInterval(10)  # the 30 s tick, sooner; the services are not asked again
    with qtbot.waitSignal(tab.sig_badge_changed) as changed:
        pass
    assert changed.args == [1]
    assert tab.title() == "Messages (1 overdue)"
    index = tab.proxy.index(0, COL_DUE)
    assert index.data(MESSAGE_ROLE).id == urgent.id
    assert index.data(OVERDUE_ROLE) is True
    assert index.data() == "Overdue 15 min"
    assert tab.proxy.index(0, COL_AGE).data() == "1 h 15 min"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_FILL
    font = index.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert not tab.proxy.index(1, COL_DUE).data(OVERDUE_ROLE)

    tab.ui.filter_combo.setCurrentIndex(tab.ui.filter_combo.findData("overdue"))
    assert caller_rows(tab) == ["Cy Cole"]
    clock.advance(timedelta(hours=8))  # past 5 PM: the routine one is late too
    with qtbot.waitSignal(tab.sig_badge_changed):
        pass
    assert caller_rows(tab) == ["Cy Cole", "Bo Burr"]
    assert tab.title() == "Messages (2 overdue)"
    assert routine.id in [tab.proxy.index(r, 0).data(MESSAGE_ROLE).id for r in range(2)]
    tab.pause()


def test_deliver_acknowledge_and_close_each_with_who_and_when(qtbot, services, clock, messages_tab, desk):
    message = take_message(services, desk.nurse, caller_name="Cy Cole", urgency=Urgency.URGENT)
    tab = messages_tab
    tab.load(select_id=message.id)
    ui = tab.ui
    assert ui.deliver_button.isDefault() and ui.deliver_button.isEnabled()
    assert ui.by_edit.text() == "tester@desk"
    assert "New — 9:30 AM by tester@desk" in ui.timeline_label.text()
    clock.advance(timedelta(minutes=2))
    reactivate(qtbot, tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # the next step
    assert services.communications.get_message(message.id).state is MessageState.DELIVERED
    assert "Delivered — 9:32 AM by tester@desk" in ui.timeline_label.text()
    assert ui.acknowledge_button.isDefault()
    assert ui.by_edit.text() == "tester@desk"  # the user's own step, never the recipient's by default
    ui.by_edit.setText("Nora Nurse, RN")  # the nurse acknowledged: the user records it
    clock.advance(timedelta(minutes=3))
    ui.acknowledge_button.click()
    acked = services.communications.get_message(message.id)
    assert acked.state is MessageState.ACKNOWLEDGED
    assert (acked.events[-1].by, acked.events[-1].recorded_by, acked.events[-1].state) == (
        "Nora Nurse, RN", "tester@desk", MessageState.ACKNOWLEDGED)
    assert "Acknowledged — 9:35 AM by Nora Nurse, RN (recorded by tester@desk)" in ui.timeline_label.text()
    assert tab.proxy.index(0, COL_STATE).data() == "Acknowledged"
    assert not ui.deliver_button.isEnabled()
    ui.by_edit.setText("Fran Front")
    ui.close_button.click()  # straight to closed: the callback step is time-stamped too
    closed = services.communications.get_message(message.id)
    assert closed.state is MessageState.CLOSED
    assert [e.state for e in closed.events][-2:] == [MessageState.CALLBACK_DONE, MessageState.CLOSED]
    assert tab.proxy.rowCount() == 0
    assert "Close: the message from Cy Cole" in ui.summary_label.text()
    assert ui.detail_title.text() == "No messages here"
    # the closed message still opens in the pane (from search), with its history
    assert tab.show_record(message.id)
    assert "Closed — 9:35 AM by Fran Front (recorded by tester@desk)" in ui.timeline_label.text()
    assert not ui.close_button.isEnabled()
    # and under "Closed today"
    ui.filter_combo.setCurrentIndex(ui.filter_combo.findText("Closed today"))
    assert tab.proxy.rowCount() == 1
    assert tab.proxy.index(0, 0).data(MESSAGE_ROLE).id == message.id


def test_the_message_models_pass_the_model_tester(qtmodeltester, services, clock, messages_tab, desk):
    take_message(services, desk.nurse, urgency=Urgency.EMERGENCY, reason="chest pain",
                 escalation_action="told to call 911")
    take_message(services, desk.front, caller_name="Bo Burr")
    messages_tab.load()
    clock.advance(timedelta(hours=2))
    messages_tab.model.tick()
    qtmodeltester.check(messages_tab.model, force_py=True)
    qtmodeltester.check(messages_tab.proxy, force_py=True)
