"""Schedule blocks from the GUI: a repeating lunch, then a booking over it is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QTime

from tests.ui.conftest import answer_question
from vma_desk.core.calendar import Appointment, ConflictKind
from vma_desk.core.records import Patient, Phone, Role, Shift, StaffMember
from vma_desk.ui.calendar.blocks import BlocksDialog

CHICAGO = ZoneInfo("America/Chicago")


@pytest.fixture
def lee(services):
    member, _ = services.practice.add_staff(StaffMember(
        "Dana Lee", Role.PROVIDER, credentials="MD",
        working_hours=tuple(Shift(d, time(8), time(17)) for d in range(5))))
    return member


def test_a_weekday_lunch_block_refuses_bookings_and_can_be_removed(qtbot, services, lee):
    dialog = BlocksDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData(lee.id))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("lunch"))
    dialog.title_edit.setText("Lunch")
    dialog.date_edit.setDate(QDate(2026, 3, 2))
    dialog.start_edit.setTime(QTime(12, 0))
    dialog.end_edit.setTime(QTime(13, 0))
    dialog.repeat_combo.setCurrentIndex(dialog.repeat_combo.findData("weekdays"))
    with qtbot.waitSignal(dialog.sig_changed):
        dialog.add_button.click()
    assert dialog.model.rowCount() == 1
    assert "every weekday" in dialog.model.item(0).text() and "Dana Lee, MD" in dialog.model.item(0).text()

    ann, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550101"),)))
    # the following Thursday, after the DST change: still noon local
    start = datetime(2026, 3, 12, 12, 15, tzinfo=CHICAGO).astimezone(UTC)
    conflicts = services.calendar.check(Appointment(ann.id, lee.id, "est", start, 20))
    assert [c.kind for c in conflicts] == [ConflictKind.BLOCKED]

    dialog.list_view.setCurrentIndex(dialog.model.index(0, 0))
    seen: list[str] = []
    answer_question("Remove block", seen)
    with qtbot.waitSignal(dialog.sig_changed):
        dialog.remove_button.click()
    assert services.calendar.blocks() == [] and dialog.model.rowCount() == 0
    assert services.calendar.check(Appointment(ann.id, lee.id, "est", start, 20)) == []


def test_a_block_that_ends_before_it_starts_is_refused_beside_the_times(qtbot, services, lee):
    dialog = BlocksDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_edit.setTime(QTime(14, 0))
    dialog.end_edit.setTime(QTime(13, 0))
    dialog.add_button.click()
    assert "end after it starts" in dialog.error_label.text()
    assert services.calendar.blocks() == []
