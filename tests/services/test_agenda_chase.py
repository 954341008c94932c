"""Today's due rows include the chase: the voicemail box when its check is due, voicemails not
returned, and calls logged "callback needed" until their callback is done.

The practice is in America/Chicago, open 8:00-17:00; Monday 2026-03-02, a fake clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from vma_desk.core.agenda import URGENT, ItemKind
from vma_desk.core.chase import Voicemail
from vma_desk.core.clock import FixedClock
from vma_desk.core.communications import Call, CallOutcome, CallReason, Direction
from vma_desk.services import Services

CHICAGO = ZoneInfo("America/Chicago")


def local(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, 2, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


def due(services: Services, kind: ItemKind) -> list[tuple[str, str, int]]:
    return [(i.title, i.detail, i.severity) for i in services.agenda.day().due if i.kind is kind]


def test_the_box_check_shows_on_today_once_the_cadence_has_passed(services: Services,
                                                                   clock: FixedClock) -> None:
    clock.current = local(8, 0)
    services.chase.check_box()
    clock.current = local(10, 59)
    assert due(services, ItemKind.VOICEMAIL_BOX) == []
    clock.current = local(11, 0)
    assert due(services, ItemKind.VOICEMAIL_BOX) == [("Check the voicemail box", "last checked Mon 08:00", 1)]
    services.chase.check_box(found=2)
    assert due(services, ItemKind.VOICEMAIL_BOX) == []


def test_a_voicemail_is_due_until_returned_and_urgent_once_overdue(services: Services,
                                                                   clock: FixedClock) -> None:
    clock.current = local(9, 10)
    vm, _ = services.chase.record_voicemail(Voicemail(left_at=local(9, 5), caller_name="Ana Reyes",
                                                      urgency="urgent"))
    assert due(services, ItemKind.VOICEMAIL) == [("Return the voicemail", "urgent", 1)]
    clock.current = local(10, 6)  # urgent: within the hour
    assert due(services, ItemKind.VOICEMAIL) == [("Return the voicemail", "overdue", URGENT)]
    row = next(i for i in services.agenda.day().due if i.kind is ItemKind.VOICEMAIL)
    assert (row.record_id, row.patient_name) == (vm.id, "Ana Reyes")
    assert vm.id is not None
    services.chase.mark_returned(vm.id)
    assert due(services, ItemKind.VOICEMAIL) == []


def test_a_call_logged_callback_needed_is_due_until_done(services: Services, clock: FixedClock) -> None:
    clock.current = local(9, 0)
    call, _ = services.communications.log_call(Call(
        started_at=local(8, 50), direction=Direction.INBOUND, caller_name="Bo Lin",
        reason=CallReason.BILLING, outcome=CallOutcome.CALLBACK_NEEDED))
    assert due(services, ItemKind.CALLBACK) == [("Call back: billing / insurance", "", 0)]
    clock.current = local(17, 30)  # routine: by the end of the business day
    assert due(services, ItemKind.CALLBACK) == [("Call back: billing / insurance", "overdue", URGENT)]
    assert call.id is not None
    services.chase.mark_callback_done(call.id)
    assert due(services, ItemKind.CALLBACK) == []


def test_a_care_gap_marked_done_no_longer_flags_the_visit(services: Services) -> None:
    from tests.services.worklist_support import make_desk
    from vma_desk.core.agenda import VisitFlag
    from vma_desk.core.records import CareGap

    desk = make_desk(services)
    patient_id = desk.patient("Rosa", CareGap("Mammogram", date(2026, 2, 1)))
    desk.book(patient_id, "est", local(13, 0))

    def flags() -> list[str]:
        return [detail for p in services.agenda.day().providers for v in p.visits
                for flag, detail in v.flags if flag is VisitFlag.CARE_GAP]

    assert flags() == ["Mammogram"]
    services.recall.record_done(patient_id, "Mammogram", date(2026, 2, 20))
    assert flags() == []


def test_an_arrived_procedure_yields_a_follow_up_call_on_today_two_business_days_later(
        services: Services, clock: FixedClock) -> None:
    from dataclasses import replace

    from tests.services.worklist_support import make_desk
    from vma_desk.core.calendar import VisitStatus

    desk = make_desk(services)
    types = [replace(t, follow_up_days=2) if t.code == "proc" else t for t in services.calendar.types()]
    services.calendar.save_settings(types, services.calendar.notice_hours())
    patient_id = desk.patient("Rosa")
    visit_id = desk.book(patient_id, "proc", local(10, 0))
    clock.current = local(11, 0)
    services.calendar.set_status(visit_id, VisitStatus.ARRIVED)
    assert due(services, ItemKind.FOLLOW_UP) == []
    clock.current = datetime(2026, 3, 4, 8, 0, tzinfo=CHICAGO).astimezone(UTC)  # Wednesday, 8:00
    assert due(services, ItemKind.FOLLOW_UP) == [("Follow-up call after the visit", "Procedure 03/02", 0)]
    row = next(i for i in services.agenda.day().due if i.kind is ItemKind.FOLLOW_UP)
    assert (row.record_id, row.patient_name) == (visit_id, "Lakes, Rosa")


def test_a_voicemail_quiet_until_its_next_attempt_leaves_today_until_then(services: Services,
                                                                         clock: FixedClock) -> None:
    from vma_desk.core.chase import Channel, ChaseKind, Outcome

    clock.current = local(9, 10)
    vm, _ = services.chase.record_voicemail(Voicemail(left_at=local(9, 5), caller_name="Ana Reyes"))
    assert vm.id is not None
    services.chase.log_attempt(ChaseKind.VOICEMAIL, vm.id, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER)
    assert due(services, ItemKind.VOICEMAIL) == []  # tried at 9:10: quiet until 11:10
    clock.current = local(11, 10)
    assert due(services, ItemKind.VOICEMAIL) == [("Return the voicemail", "routine", 0)]
