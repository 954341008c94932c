"""The Messages tab's "By" field, as a signed-in VMA uses it: their own name for every step (never the
recipient's), and when they type the nurse's name to record the nurse's act, the timeline says both
who did it and who recorded it. Practice in Chicago; the clock stands at Monday 09:30."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from tests.ui.comms_support import desk_fixture, take_message  # noqa: F401 - fixtures
from tests.ui.conftest import focused, reactivate, show_active, type_keys
from vma_desk.core.communications import MessageState
from vma_desk.core.users import UserRole
from vma_desk.ui.messages.tab import MessagesTab

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture
def signed_in_tab(qtbot, services, desk) -> MessagesTab:
    """Ann Lee (the practice manager) adds Ben Ortiz, a VMA, who signs in and opens the tab."""
    services.users.create_first("Ann Lee", "135790")
    ben, _ = services.users.add("Ben Ortiz", UserRole.VMA, "246802")
    services.users.sign_in(ben.id, "246802")
    widget = MessagesTab(services)
    widget.resize(1366, 720)
    show_active(qtbot, widget)
    return widget


def test_by_is_the_signed_in_user_and_a_nurses_act_keeps_both_names(qtbot, services, clock, desk,
                                                                    signed_in_tab):
    message = take_message(services, desk.nurse, caller_name="Cy Cole")
    tab, ui = signed_in_tab, signed_in_tab.ui
    tab.load(select_id=message.id)
    assert ui.by_edit.text() == "Ben Ortiz"
    assert "New — 9:30 AM by Ben Ortiz" in ui.timeline_label.text()
    assert "nurse" in ui.by_edit.toolTip() and ui.by_edit.placeholderText()

    clock.advance(timedelta(minutes=2))
    reactivate(qtbot, tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return, CTRL)  # deliver
    assert "Delivered — 9:32 AM by Ben Ortiz" in ui.timeline_label.text()
    # acknowledging is the nurse's act, but the field no longer puts her name in the VMA's mouth
    assert ui.acknowledge_button.isDefault()
    assert ui.by_edit.text() == "Ben Ortiz"

    clock.advance(timedelta(minutes=3))
    qtbot.keyClick(tab, Qt.Key.Key_Y, ALT)  # "B&y:"
    assert focused() is ui.by_edit
    qtbot.keyClick(ui.by_edit, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "Nora Nurse, RN")
    qtbot.keyClick(ui.by_edit, Qt.Key.Key_Return, CTRL)  # the next step: acknowledge
    acked = services.communications.get_message(message.id)
    assert acked.state is MessageState.ACKNOWLEDGED
    assert (acked.events[-1].by, acked.events[-1].recorded_by) == ("Nora Nurse, RN", "Ben Ortiz")
    timeline = ui.timeline_label.text()
    assert "Acknowledged — 9:35 AM by Nora Nurse, RN (recorded by Ben Ortiz)" in timeline
    assert "Delivered — 9:32 AM by Ben Ortiz\n" in timeline  # the VMA's own steps say one name
    assert ui.by_edit.text() == "Ben Ortiz"  # the next step is the VMA's again, not the nurse's
    tab.pause()
