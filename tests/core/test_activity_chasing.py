"""The chasing figures and a VMA's page computed from plain rows (`core.activity`): the edges the
workspace tests do not reach: a care gap done counts a recall complete, a cancelled later visit
rebooks nothing, a slot freed after its start is left out of the fill rate, and a VMA's rows go by
week or month. Practice in Chicago, Monday to Friday."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.activity import (
    BoxCheckFact,
    CallbackCallFact,
    CallFact,
    ChaseInputs,
    FreedSlotFact,
    GapDoneFact,
    Grain,
    LaterVisitFact,
    NoShowFact,
    Period,
    chase_figures,
    rebooked_no_shows,
    recall_completion,
    vma_figures,
)
from vma_desk.core.calendar import VisitStatus
from vma_desk.core.chase import Attempt, Channel, ChaseKind, Outcome, Voicemail
from vma_desk.core.communications import Direction
from vma_desk.core.records import Practice
from vma_desk.core.rules.callbacks import CallbackPolicy

CHICAGO = ZoneInfo("America/Chicago")
PRACTICE = Practice("Lakeside Family Medicine", "America/Chicago")
POLICY = CallbackPolicy()


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=CHICAGO).astimezone(UTC)


def attempt(kind: ChaseKind, record: int, at: datetime, outcome: Outcome = Outcome.NO_ANSWER,
            by: str = "Vera") -> Attempt:
    return Attempt(kind, record, at, Channel.PHONE, outcome, by=by)


def test_a_recall_is_complete_by_a_booking_or_a_care_gap_done_after_the_first_attempt():
    attempts = [attempt(ChaseKind.RECALL, 1, local(2026, 2, 23, 10)),
                attempt(ChaseKind.RECALL, 1, local(2026, 2, 24, 10)),  # the first one counts
                attempt(ChaseKind.RECALL, 2, local(2026, 2, 23, 10)),
                attempt(ChaseKind.RECALL, 3, local(2026, 2, 23, 10)),
                attempt(ChaseKind.RECALL, 4, local(2026, 2, 23, 10)),
                attempt(ChaseKind.CONFIRMATION, 5, local(2026, 2, 23, 10))]  # not a recall
    visits = [LaterVisitFact(1, local(2026, 3, 9, 9), VisitStatus.UNCONFIRMED, local(2026, 2, 23, 15)),
              LaterVisitFact(2, local(2026, 3, 9, 9), VisitStatus.CANCELLED, local(2026, 2, 23, 15)),
              LaterVisitFact(4, local(2026, 3, 9, 9), VisitStatus.UNCONFIRMED, local(2026, 2, 20, 9))]
    gaps = [GapDoneFact(3, date(2026, 2, 23)), GapDoneFact(2, date(2026, 2, 22))]
    # 1 booked after; 2 cancelled and its gap done before; 3 gap done that day; 4 booked before
    assert recall_completion(attempts, visits, gaps, CHICAGO) == (4, 2)


def test_a_no_show_is_rebooked_by_a_later_visit_holding_its_slot_or_a_decision():
    day = local(2026, 2, 25, 10)
    no_shows = [NoShowFact(10, 1, day, False), NoShowFact(11, 2, day, False), NoShowFact(12, 3, day, True),
                NoShowFact(13, 4, day, False)]
    visits = [LaterVisitFact(1, local(2026, 3, 4, 9), VisitStatus.CONFIRMED, None),
              LaterVisitFact(2, local(2026, 3, 4, 9), VisitStatus.CANCELLED, None),
              LaterVisitFact(4, local(2026, 2, 20, 9), VisitStatus.ARRIVED, None)]  # before the no-show
    assert rebooked_no_shows(no_shows, visits) == 2


def test_the_fill_rate_counts_slots_freed_in_the_period_before_their_start():
    period = Period(date(2026, 2, 23), date(2026, 2, 27))
    slots = [FreedSlotFact(1, local(2026, 2, 26, 9), local(2026, 2, 23, 9), True),
             FreedSlotFact(2, local(2026, 2, 26, 9), local(2026, 2, 23, 9), False),
             FreedSlotFact(3, local(2026, 2, 24, 9), local(2026, 2, 24, 9, 30), False),  # after its start
             FreedSlotFact(4, local(2026, 2, 26, 9), local(2026, 2, 20, 9), True)]  # freed the week before
    figures = chase_figures(ChaseInputs(freed_slots=slots), period.bounds(CHICAGO), 5, PRACTICE,
                            CHICAGO, POLICY, local(2026, 3, 2, 9))
    assert (figures.slots_freed, figures.slots_filled, figures.fill_rate) == (2, 1, 0.5)


def test_voicemails_are_judged_by_the_standard_for_their_urgency():
    period = Period(date(2026, 2, 23), date(2026, 2, 27))
    left = local(2026, 2, 23, 9)
    vms = [Voicemail(left, urgency="routine", returned_at=left + timedelta(hours=7)),  # 16:00: within
           Voicemail(left, urgency="urgent", returned_at=left + timedelta(minutes=59)),  # within the hour
           Voicemail(left, urgency="urgent", returned_at=left + timedelta(minutes=61)),  # late
           Voicemail(left, urgency="routine")]  # waiting, past due by Monday after
    data = ChaseInputs(voicemails=vms, box_checks=[BoxCheckFact(left, "Vera")] * 4)
    figures = chase_figures(data, period.bounds(CHICAGO), 5, PRACTICE, CHICAGO, POLICY,
                            local(2026, 3, 2, 9)).voicemail
    assert (figures.left, figures.returned, figures.within, figures.unreturned, figures.past_due) == (
        4, 3, 2, 1, 1)
    assert figures.median == timedelta(minutes=61) and figures.checks_per_day == 0.8


def test_a_vmas_page_has_a_row_a_week_or_a_month_and_the_whole():
    month = Period(date(2026, 2, 1), date(2026, 2, 28))
    calls = [CallFact(local(2026, 2, 2, 9), Direction.INBOUND, "Vera"),
             CallFact(local(2026, 2, 10, 9), Direction.INBOUND, "Vera"),
             CallFact(local(2026, 2, 10, 9), Direction.INBOUND, "")]  # nobody named: no page
    data = ChaseInputs(
        attempts=[attempt(ChaseKind.WAITLIST_OFFER, 7, local(2026, 2, 3, 9), by="Lena"),
                  attempt(ChaseKind.WAITLIST_OFFER, 7, local(2026, 2, 3, 11), Outcome.REACHED, by="Lena")],
        freed_slots=[FreedSlotFact(7, local(2026, 2, 5, 9), local(2026, 1, 30, 9), True)],  # freed before
        callback_calls=[  # due at 17:00 the same day: the first on time, the second late
            CallbackCallFact(local(2026, 2, 16, 16, 30), "Lena", local(2026, 2, 16, 16, 45), "Vera"),
            CallbackCallFact(local(2026, 2, 16, 16, 30), "Lena", local(2026, 2, 17, 9), "Vera")])
    lena, vera = vma_figures(calls, data, month, PRACTICE, CHICAGO, POLICY)
    assert (lena.name, vera.name, vera.grain) == ("Lena", "Vera", Grain.WEEK)
    assert [r.label for r in vera.rows] == ["Week of 02/01", "Week of 02/02", "Week of 02/09",
                                            "Week of 02/16", "Week of 02/23"]
    assert [r.calls for r in vera.rows] == [0, 1, 1, 0, 0]
    assert (vera.total.callbacks, vera.total.on_time) == (2, 1)
    assert (lena.total.attempts, lena.total.reached, lena.total.offered, lena.total.filled) == (2, 1, 1, 1)
    quarter = Period(date(2025, 12, 1), date(2026, 3, 31))
    (_lena, vera) = vma_figures(calls, data, quarter, PRACTICE, CHICAGO, POLICY)
    assert vera.grain is Grain.MONTH and [r.label for r in vera.rows] == [
        "Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026"]
