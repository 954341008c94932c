"""Emergencies first, wherever messages are listed: the Messages tab and Today's due rows show an
emergency taken a minute ago above a routine callback that has been late for a week."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from tests.conftest import signed_in
from tests.ui.comms_support import at, build_desk
from tests.ui.conftest import reactivate
from tests.ui.today.support import cells, groups, keys
from vma_desk.core.communications import Message, Urgency
from vma_desk.core.records import Practice
from vma_desk.services import Services
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.main_window import MainWindow
from vma_desk.ui.messages.model import COL_CALLER, COL_DUE, COL_URGENCY
from vma_desk.ui.messages.tab import MessagesTab
from vma_desk.ui.settings import Preferences
from vma_desk.ui.today.tab import TodayTab

LAST_MONDAY = date(2026, 2, 23)


@pytest.fixture(name="late_and_new")
def late_and_new_fixture(qtbot, tmp_path, data_dir, keystore, clock):
    """The main window on a workspace with a routine message from last week (its callback asked for
    last Tuesday, never done), an urgent one from this morning and an emergency taken a minute ago."""
    workspace, _ = Workspace.create(data_dir, keystore)
    services = Services.for_workspace(workspace, clock=clock, user="tester@desk")
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago"))
    desk = build_desk(services)
    comms, now = services.communications, clock.current
    clock.current = at(LAST_MONDAY, 9)
    late, _ = comms.take_message(Message("Bo Burr", "2175550199", "question about a form", desk.front.id,
                               clock.now(), callback_at=at(date(2026, 2, 24), 11)))
    clock.current = now - timedelta(minutes=40)
    comms.take_message(Message("Cy Cole", "2175550123", "new rash since yesterday", desk.nurse.id,
                               clock.now(), Urgency.URGENT))
    clock.current = now - timedelta(minutes=1)
    emergency, _ = comms.take_message(Message(
        "Ann Ames", "3125550142", "husband has chest pain and is sweating", desk.nurse.id, clock.now(),
        patient_id=desk.ann.id, escalation_action="Told her to hang up and call 911"))
    clock.current = now
    preferences = Preferences(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    win = MainWindow(workspace, keystore, preferences=preferences, services=signed_in(services))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win, emergency, late
    win.close()
    keystore.delete(workspace.workspace_id)


def callers(tab: MessagesTab) -> list[str]:
    return [tab.proxy.index(r, COL_CALLER).data() for r in range(tab.proxy.rowCount())]


def test_the_messages_tab_lists_the_emergency_first(qtbot, late_and_new):
    window, _emergency, _late = late_and_new
    reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, MessagesTab)
    assert callers(tab) == ["Ann Ames", "Cy Cole", "Bo Burr"]
    assert tab.proxy.index(0, COL_URGENCY).data() == "Emergency"
    assert tab.proxy.index(2, COL_DUE).data().startswith("Overdue")  # late for days, still below

    # a click on a heading sorts by that column; the third click gives the rule back
    header = tab.view.horizontalHeader()

    def click_heading(column: int) -> None:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2))

    click_heading(COL_DUE)
    assert callers(tab)[0] == "Bo Burr"  # the earliest due
    click_heading(COL_DUE)
    click_heading(COL_DUE)
    assert callers(tab) == ["Ann Ames", "Cy Cole", "Bo Burr"]


def test_todays_due_rows_list_the_emergency_first(qtbot, late_and_new):
    window, emergency, late = late_and_new
    reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, TodayTab)
    heading, rows = groups(tab.due_view)[0]
    assert heading.startswith("Urgent")
    shown = cells(tab.due_view, rows[0])
    assert any("chest pain" in cell for cell in shown), shown
    due = keys(tab.due_view)
    assert due[0] == ("message", emergency.id)
    assert due.index(("message", emergency.id)) < due.index(("message", late.id))
