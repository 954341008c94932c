"""The Worklists tab in the main window: Alt+7 shows it counting what is due, Enter on a row opens
the row's patient, a call logged "callback needed" elsewhere joins its Callbacks list, and the lock
leaves no patient's name in it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import unlock
from tests.ui.calendar.support import dialog_of
from tests.ui.comms_support import log_call, window_fixture  # noqa: F401 - fixtures
from tests.ui.conftest import tab_of
from tests.ui.privacy_support import patient_text_in_widgets
from tests.ui.worklists.support import leave_voicemail
from vma_desk.core.communications import CallOutcome
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.ui.hub.dialog import PatientHubDialog
from vma_desk.ui.worklists.tab import WorklistsTab


def test_alt_7_enter_a_change_from_elsewhere_and_the_lock(qtbot, window):
    services = window.services
    ann = services.patients.search("ames")[0]
    leave_voicemail(services, caller_name="", patient_id=ann.id, urgency="urgent")
    window._refresh_badges()
    index = window.tabs.count() - 1
    assert window.tabs.tabText(index) == "Worklists (1 due)"  # counted before the tab is built

    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.AltModifier)
    tab = tab_of(window, WorklistsTab)
    assert window.tabs.currentWidget() is tab and tab.page().view.hasFocus()
    assert window.tabs.tabText(index) == "Worklists (1 due)"

    qtbot.keyClick(tab.page().view, Qt.Key.Key_Return)  # the patient's hub
    hub = dialog_of(qtbot, PatientHubDialog)
    assert hub.ui.name_label.text().startswith("Ames, Ann")
    hub.close()

    call = log_call(services, ann, outcome=CallOutcome.CALLBACK_NEEDED)
    window._on_change(Change(RecordKind.CALL, AuditAction.CREATE, (call.id,), origin="CallsTab"))
    assert tab.ui.lists_tabs.tabText(1) == "Callbacks (1)"
    qtbot.waitUntil(lambda: window.tabs.tabText(index) == "Worklists (2 due)")

    assert patient_text_in_widgets(["Ames"], root=tab)  # shown before the lock
    window.lock()
    assert patient_text_in_widgets(["Ames"], root=tab) == []
    assert tab.context.patients.remembered() == 0
    unlock(window)
    assert tab.ui.lists_tabs.tabText(0) == "Voicemail (1)"


def test_today_shows_the_voicemail_and_enter_opens_it_in_the_voicemail_list(qtbot, window):
    from tests.ui.conftest import reactivate
    from tests.ui.today.support import press, rows_by_key
    from vma_desk.ui.today.tab import TodayTab

    services = window.services
    ann = services.patients.search("ames")[0]
    leave_voicemail(services, caller_name="Bo Burr", urgency="routine")
    vm = leave_voicemail(services, caller_name="", patient_id=ann.id, urgency="urgent")
    window._on_change(Change(RecordKind.VOICEMAIL, AuditAction.CREATE, (vm.id,), origin="test"))
    window.tabs.setCurrentIndex(0)
    reactivate(qtbot, window)
    today = window.tabs.widget(0)
    assert isinstance(today, TodayTab)
    rows = rows_by_key(today.due_view)
    qtbot.waitUntil(lambda: ("voicemail", vm.id) in rows_by_key(today.due_view))
    today.due_view.setCurrentIndex(rows_by_key(today.due_view)[("voicemail", vm.id)])
    press(qtbot, today.due_view, Qt.Key.Key_Return)
    tab = tab_of(window, WorklistsTab)
    assert window.tabs.currentWidget() is tab
    assert tab.page().worklist.kind.value == "voicemail"
    assert tab.selected() is not None and tab.selected().record_id == vm.id
    assert tab.page().view.hasFocus()
    assert rows  # the Today list had its rows before the voicemail's
