"""A change carries its origin through the window: the window fans every change out to every tab,
the tab that made it does not read its list again (it already shows it), the tabs that show it
read once, and a change from a dialog the window opened (the patient editor) reaches every tab."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from tests.ui.comms_support import (  # noqa: F401 - fixtures
    dialog_of,
    log_call,
    take_message,
    window_fixture,
)
from tests.ui.conftest import tab_of
from vma_desk.core.communications import MessageState
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.ui.calendar.tab import CalendarTab
from vma_desk.ui.calls import model as calls_model
from vma_desk.ui.calls.tab import CallsTab
from vma_desk.ui.messages import model as messages_model
from vma_desk.ui.messages.tab import MessagesTab
from vma_desk.ui.patients.editor import PatientEditorDialog
from vma_desk.ui.referrals.tab import ReferralsTab
from vma_desk.ui.refills.tab import RefillsTab
from vma_desk.ui.today.tab import TodayTab
from vma_desk.ui.worklists.tab import WorklistsTab

#: the method each tab reads its records with when a change concerns it
READS = {TodayTab: "load", CalendarTab: "refresh", CallsTab: "load", MessagesTab: "load",
         RefillsTab: "load", ReferralsTab: "load", WorklistsTab: "load"}


def show_every_tab(window) -> None:
    """Show each tab once, as a user going through them: a tab reads on its first show, and one
    never shown reads nothing for a change (test_tab_protocol.py)."""
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    window.tabs.setCurrentIndex(0)


def count_reads(monkeypatch, window) -> Counter[str]:
    """Count each tab's reads from now on (by the tab's class name)."""
    reads: Counter[str] = Counter()
    for tab in window.tab_pages():
        name = READS[type(tab)]
        original = getattr(tab, name)

        def counted(*args: object, _original: Callable[..., None] = original,
                    _tab: str = type(tab).__name__, **kwargs: object) -> None:
            reads[_tab] += 1
            _original(*args, **kwargs)

        monkeypatch.setattr(tab, name, counted)
    return reads


def fanned_out(window) -> list[Change]:
    seen: list[Change] = []
    window.sig_changed.connect(seen.append)
    return seen


def test_a_message_saved_in_the_messages_tab_reaches_the_others_with_its_origin(qtbot, monkeypatch, window):
    messages = tab_of(window, MessagesTab)
    show_every_tab(window)
    window.tabs.setCurrentWidget(messages)
    source_reads: list[int] = []
    open_rows = messages._source.open_rows
    monkeypatch.setattr(messages._source, "open_rows", lambda: source_reads.append(1) or open_rows())
    reads = count_reads(monkeypatch, window)
    seen = fanned_out(window)
    front = next(s for s in window.services.practice.staff() if s.name == "Fran Front")

    dialog = messages.open_new_message()
    ui = dialog.ui
    ui.caller_edit.setText("Bo Burr")
    ui.contact_edit.setText("217-555-0199")
    ui.reason_edit.setPlainText("question about a form")
    ui.recipient_combo.setCurrentIndex(ui.recipient_combo.findData(front.id))
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save_button.click()

    assert messages.model.rowCount() == 1  # the VMA sees the message taken
    [change] = seen
    assert (change.kind, change.action) == (RecordKind.MESSAGE, AuditAction.CREATE)
    assert change.origin == "MessagesTab"
    assert messages.origin == "MessagesTab" and messages.made_here(change)
    # the Messages tab read its list once (before telling the window), not again when the change
    # came back; the Calls and Today tabs, which show messages, read once; the others not at all
    assert len(source_reads) == 1
    assert reads == Counter({"MessagesTab": 1, "CallsTab": 1, "TodayTab": 1})


def test_a_patient_renamed_in_the_editor_the_window_opened_shows_in_every_tab(qtbot, monkeypatch, window):
    services = window.services
    ann = services.patients.search("ames")[0]
    nurse = next(s for s in services.practice.staff() if s.name == "Nora Nurse")
    log_call(services, ann)
    take_message(services, nurse, patient_id=ann.id)
    calls, messages = tab_of(window, CallsTab), tab_of(window, MessagesTab)
    show_every_tab(window)
    calls.load()
    messages.load()
    assert calls.proxy.index(0, calls_model.COL_PATIENT).data() == "Ames, Ann"
    assert messages.proxy.index(0, messages_model.COL_PATIENT).data() == "Ames, Ann"
    reads = count_reads(monkeypatch, window)
    seen = fanned_out(window)

    window.open_patient_editor(ann.id)
    editor = dialog_of(qtbot, PatientEditorDialog)
    editor.ui.last_name_edit.setText("Ames-Baker")
    with qtbot.waitSignal(editor.sig_saved):
        editor.ui.button_box.accepted.emit()

    [change] = seen
    assert (change.kind, change.ids, change.origin) == (RecordKind.PATIENT, (ann.id,), "patient_editor")
    assert reads == Counter({name.__name__: 1 for name in READS})  # every tab shows patients: read once
    assert calls.proxy.index(0, calls_model.COL_PATIENT).data() == "Ames-Baker, Ann"
    assert messages.proxy.index(0, messages_model.COL_PATIENT).data() == "Ames-Baker, Ann"


def test_a_step_taken_elsewhere_reads_only_the_message_it_moved(qtbot, monkeypatch, window):
    """A message moved on from another part of the window (an undo, another tab): the Messages tab
    reads that message again, not its whole list, and shows its new state in its place; a message
    closed (which the list shows only if closed today) reads the whole list."""
    services = window.services
    nurse = next(s for s in services.practice.staff() if s.name == "Nora Nurse")
    first = take_message(services, nurse, caller_name="Bo Burr")
    second = take_message(services, nurse, caller_name="Cy Cole")
    messages = tab_of(window, MessagesTab)
    window.tabs.setCurrentWidget(messages)
    messages.load()
    whole: list[int] = []
    open_rows = messages._source.open_rows
    monkeypatch.setattr(messages._source, "open_rows", lambda: whole.append(1) or open_rows())
    order = [row.record_id for row in messages.model.rows()]

    def state_of(message_id: int) -> str:
        row = messages.model.row_of(message_id)
        return messages.model.index(row, messages_model.COL_STATE).data()

    before = state_of(first.id)
    _moved, change = services.communications.advance(first.id, MessageState.DELIVERED)
    window._on_change(change.from_origin("CallsTab"))
    assert whole == []  # only the moved message was read again
    assert state_of(first.id) != before and "deliver" in state_of(first.id).lower()
    assert [row.record_id for row in messages.model.rows()] == order  # the others where they were

    _closed, change = services.communications.advance(second.id, MessageState.CLOSED)
    window._on_change(change.from_origin("CallsTab"))
    assert whole == [1]  # closed: the whole list, which knows what closed today
