"""The audit view: who changed which record when, in practice time, paged, read-only, no PHI."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from tests.ui.conftest import show_active
from vma_desk.core.records import AuditAction
from vma_desk.ui.audit import AuditDialog, AuditTableModel, AuditView
from vma_desk.ui.audit.model import (
    COL_ACTION,
    COL_DETAIL,
    COL_RECORD,
    COL_USER,
    COL_WHEN,
    ENTRY_ROLE,
    PAGE_SIZE,
)


def table_text(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_create_and_update_are_listed_newest_first_without_patient_values(qtbot, services, add_patient):
    ann = add_patient()
    services.patients.update(replace(ann, last_name="Baker"))
    view = AuditView(services)
    show_active(qtbot, view)

    rows = table_text(view.model)
    update, create = rows[0], rows[1]
    assert update[COL_ACTION] == "Update" and update[COL_RECORD] == f"Patient #{ann.id}"
    assert update[COL_DETAIL] == "fields: last_name"
    assert create[COL_ACTION] == "Create" and create[COL_USER] == "tester@desk"
    # the test clock says 15:30 UTC, which is 09:30 in Chicago, the practice's zone
    assert create[COL_WHEN] == "03/02/2026 09:30:00 AM"
    everything = " ".join(" ".join(row) for row in rows)
    for value in ("Ann", "O'Neil", "Baker", "1961", "555", "PH-12345", "Prairie", "Mammogram"):
        assert value not in everything
    assert "America/Chicago" in view.ui.summary_label.text()


def test_entries_come_in_pages_of_two_hundred(qtbot, services, qtmodeltester):
    for i in range(PAGE_SIZE + 50):
        services.audit.record(AuditAction.EXPORT, "report", i)
    view = AuditView(services)
    show_active(qtbot, view)
    model = view.model
    assert model.rowCount() == PAGE_SIZE
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    total = services.audit.count()
    assert model.rowCount() == total
    ids = [model.index(r, 0).data(ENTRY_ROLE).id for r in range(total)]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == total
    qtmodeltester.check(model)


def test_the_first_page_is_all_that_is_read_until_scrolled(services):
    for i in range(PAGE_SIZE * 2):
        services.audit.record(AuditAction.EXPORT, "report", i)
    model = AuditTableModel(services.audit, services.context.practice_zone())
    model.refresh()
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore(model.index(-1, -1))


def test_scrolling_to_the_end_brings_the_next_pages_until_all_are_shown(qtbot, services):
    for i in range(2 * PAGE_SIZE + 30):
        services.audit.record(AuditAction.EXPORT, "report", i)
    view = AuditView(services)
    view.resize(900, 400)
    show_active(qtbot, view)
    table, model = view.ui.table_view, view.model
    total = services.audit.count()
    assert model.rowCount() == PAGE_SIZE
    summary = view.ui.summary_label.text()
    assert f"{total:,} entries, newest first, {PAGE_SIZE:,} loaded (scroll for more)" in summary
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # to the last row shown
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE)  # the next page arrived
    assert "scroll for more" in view.ui.summary_label.text()
    scroll_bar = table.verticalScrollBar()
    scroll_bar.setValue(scroll_bar.maximum())  # dragged to the bottom with the mouse
    qtbot.waitUntil(lambda: model.rowCount() == total)
    assert not model.canFetchMore(model.index(-1, -1))
    assert "scroll for more" not in view.ui.summary_label.text()
    ids = [model.index(r, 0).data(ENTRY_ROLE).id for r in range(total)]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == total  # none twice, none skipped
    qtbot.keyClick(table, Qt.Key.Key_F5)  # Refresh: the first page again
    assert model.rowCount() == PAGE_SIZE and model.index(0, 0).data(ENTRY_ROLE).id == ids[0]


def test_entries_written_between_pages_are_not_shown_twice(services, clock):
    for i in range(PAGE_SIZE + 10):
        services.audit.record(AuditAction.EXPORT, "report", i)
    model = AuditTableModel(services.audit, services.context.practice_zone())
    model.refresh()
    clock.advance(timedelta(minutes=1))
    for i in range(5):
        services.audit.record(AuditAction.EXPORT, "report", f"late-{i}")
    model.fetchMore(model.index(-1, -1))
    records = [model.index(r, COL_RECORD).data() for r in range(model.rowCount())]
    assert len(records) == len(set(records)) == PAGE_SIZE + 10 + 1  # + the practice set-up
    assert not model.canFetchMore(model.index(-1, -1))


def test_refresh_shows_new_entries(qtbot, services, add_patient):
    view = AuditView(services)
    show_active(qtbot, view)
    before = view.model.rowCount()
    add_patient()
    assert view.model.rowCount() == before  # no surprise reloads while reading
    view.ui.table_view.setFocus()
    qtbot.keyClick(view.ui.table_view, Qt.Key.Key_F5)
    assert view.model.rowCount() == before + 1
    assert view.model.index(0, COL_ACTION).data() == "Create"


def test_nothing_can_be_edited(qtbot, services, add_patient):
    add_patient()
    view = AuditView(services)
    show_active(qtbot, view)
    table = view.ui.table_view
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    for column in range(view.model.columnCount()):
        flags = view.model.flags(view.model.index(0, column))
        assert not flags & Qt.ItemFlag.ItemIsEditable
    assert not view.model.setData(view.model.index(0, 0), "changed")


def test_the_dialog_holds_the_view_and_closes(qtbot, services):
    dialog = AuditDialog(services)
    show_active(qtbot, dialog)
    assert dialog.view.model.rowCount() >= 1  # the practice was set up
    qtbot.keyClick(dialog.view.ui.table_view, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
