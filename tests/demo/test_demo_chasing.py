"""Demo chasing, as a trainer would look at it: voicemails heard at box checks every 2-4 hours on
business days and returned mostly within the standard (a share late, the newest not yet), attempts
with plausible outcomes and the app's own next-attempt times, recalls due on the anchor day, no-shows
rebooked or not, follow-up calls for procedures and new patients, freed slots filled at the sources'
rate; the same seed gives the same rows.

One one-year demo (anchor Monday 2026-03-02, the clock at 09:30 that morning in Chicago) is made for
the module; the determinism test makes one more.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.demo.conftest import Demos
from vma_desk.core.chase import (
    DEFAULT_POLICY,
    Attempt,
    Channel,
    ChaseKind,
    Outcome,
    Voicemail,
    next_attempt,
    returned_within,
)
from vma_desk.services import Services

ANCHOR = date(2026, 3, 2)
CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)  # 09:30 in Chicago
DAY = 86400
TABLES = ("voicemail", "voicemail_check", "contact_attempt", "rebook_decision", "follow_up_call",
          "freed_slot")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, module_demos: Demos) -> Services:
    return module_demos.make(tmp_path_factory.mktemp("demo") / "ws", now=NOW)


def rows(demo: Services, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return list(demo.workspace.conn.execute(sql, params).fetchall())


def local(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC).astimezone(CHICAGO)


def vmas(demo: Services) -> set[str]:
    return {r[0] for r in rows(demo, "SELECT DISTINCT taken_by FROM call")}


def test_same_seed_gives_the_same_chasing(tmp_path: Path, demos: Demos, demo: Services):
    again = demos.make(tmp_path / "again", now=NOW)
    for table in TABLES:
        sql = f"SELECT * FROM {table} ORDER BY 1, 2, 3"
        found = rows(demo, sql)
        assert found and found == rows(again, sql), table
    for sql in ("SELECT patient_id, position, done FROM care_gap WHERE done IS NOT NULL ORDER BY 1, 2",
                "SELECT id, callback_done_ts, callback_done_by FROM call WHERE callback_done_ts IS NOT NULL"
                " ORDER BY 1",
                "SELECT id FROM appointment WHERE call_after = 1 ORDER BY 1"):
        assert rows(demo, sql) and rows(demo, sql) == rows(again, sql), sql


def test_every_voicemail_is_heard_at_a_box_check_every_two_to_four_hours(demo: Services):
    practice = demo.practice.get()
    checks = rows(demo, "SELECT at_ts, by_user, found FROM voicemail_check ORDER BY at_ts")
    voicemails = rows(demo, "SELECT left_ts, heard_ts, heard_by, caller_name, summary FROM voicemail")
    calls = rows(demo, "SELECT count(*) FROM call WHERE direction = 'voicemail'")[0][0]
    assert len(voicemails) == calls > 1500
    per_day: defaultdict[date, list[datetime]] = defaultdict(list)
    for at, by, _ in checks:
        when = local(at)
        assert practice.is_business_day(when.date()) and 8 <= when.hour < 17, when
        assert by in vmas(demo)
        per_day[when.date()].append(when)
    assert len(per_day) > 240
    for day, times in per_day.items():
        if day < ANCHOR:
            assert 2 <= len(times) <= 5, day
        gaps = [(b - a).total_seconds() / 3600 for a, b in zip(times, times[1:], strict=False)]
        assert all(2 <= g <= 4 for g in gaps), (day, gaps)
    # each check found the voicemails heard at it; each voicemail was heard at the first check after it
    stamps = [c[0] for c in checks]
    assert sum(c[2] for c in checks) == len(voicemails)
    heard = Counter(v[1] for v in voicemails)
    assert all(heard[at] == found for at, _, found in checks)
    for left, at, by, caller, summary in voicemails:
        assert at in heard and left <= at and by and caller and summary
        assert not [s for s in stamps if left <= s < at]
    assert max(c[2] for c in checks) > 5  # Monday mornings


def test_voicemails_returned_mostly_within_the_standard_the_newest_not_yet(demo: Services):
    practice = demo.practice.get()
    found = rows(demo, "SELECT left_ts, urgency, heard_ts, returned_ts, returned_by FROM voicemail")
    made = [Voicemail(left_at=datetime.fromtimestamp(r[0], UTC), urgency=r[1],
                      returned_at=None if r[3] is None else datetime.fromtimestamp(r[3], UTC)) for r in found]
    within = Counter(returned_within(vm, practice, CHICAGO) for vm in made)
    returned = within[True] + within[False]
    assert 0.05 < within[False] / returned < 0.3
    assert 0 < within[None] < 40
    assert all(r[3] is None for r in found if r[2] > NOW.timestamp())
    old = [r for r in found if r[0] < NOW.timestamp() - 7 * DAY]
    assert all(r[3] is not None and r[3] >= r[2] and r[4] in vmas(demo) for r in old)
    hours = [(r[3] - r[0]) / 3600 for r in found if r[3] is not None]
    assert 1 < statistics.median(hours) < 24
    urgent = [r for r in found if r[1] == "urgent"]
    assert urgent and all(r[1] in ("routine", "urgent") for r in found)


def test_attempts_have_plausible_outcomes_and_the_apps_next_attempt(demo: Services):
    practice = demo.practice.get()
    attempts = rows(demo, "SELECT kind, record_id, patient_id, at_ts, channel, outcome, by_user, note,"
                          " next_ts, recorded_ts FROM contact_attempt ORDER BY id")
    kinds = Counter(a[0] for a in attempts)
    assert set(kinds) == {k.value for k in (ChaseKind.VOICEMAIL, ChaseKind.CALLBACK, ChaseKind.CONFIRMATION,
                                            ChaseKind.RECALL, ChaseKind.REBOOK, ChaseKind.FOLLOW_UP,
                                            ChaseKind.WAITLIST_OFFER)}
    assert [a[3] for a in attempts] == sorted(a[3] for a in attempts)  # written in the order made
    outcomes = Counter(a[5] for a in attempts)
    assert 0.35 < outcomes["reached"] / len(attempts) < 0.7
    assert outcomes["left_voicemail"] > outcomes["no_answer"] > outcomes["wrong_number"] > 0
    everyone = vmas(demo)
    by_record: defaultdict[tuple[str, int], list[Attempt]] = defaultdict(list)
    for kind, record, patient, at, channel, outcome, by, note, after, recorded in attempts:
        assert at <= NOW.timestamp() and recorded >= at and by in everyone and note
        assert after is None or after > at
        assert Channel(channel) and Outcome(outcome)
        made = Attempt(ChaseKind(kind), record, datetime.fromtimestamp(at, UTC), Channel(channel),
                       Outcome(outcome), by, patient_id=patient)
        earlier = by_record[(kind, record)]
        if kind != "waitlist_offer":  # one record, several patients offered the slot
            expected = next_attempt(made, earlier, practice, CHICAGO, DEFAULT_POLICY)
            assert after == (None if expected is None else int(expected.timestamp())), (kind, record)
            unanswered = sum(1 for a in (*earlier, made) if a.outcome.counts_toward_limit)
            assert unanswered <= DEFAULT_POLICY.max_attempts
        earlier.append(made)
        if len(earlier) > 1:  # nobody is called twice within the hour for the same thing
            assert made.at - earlier[-2].at >= timedelta(minutes=1)
    # a voicemail, a callback and a recall are returned or chased by phone; confirmations by the method
    assert {a[4] for a in attempts if a[0] != "confirmation"} == {"phone"}
    assert {a[4] for a in attempts if a[0] == "confirmation"} >= {"phone", "text", "portal"}


def test_callbacks_done_for_the_calls_that_asked(demo: Services):
    found = rows(demo, "SELECT started_ts, callback_done_ts, callback_done_by FROM call"
                       " WHERE outcome = 'callback_needed'")
    assert len(found) > 40
    done = [r for r in found if r[1] is not None]
    assert len(done) > 0.9 * len(found) and all(r[1] > r[0] and r[2] in vmas(demo) for r in done)
    assert not rows(demo, "SELECT id FROM call WHERE outcome != 'callback_needed'"
                          " AND callback_done_ts IS NOT NULL")


def test_confirmations_24_to_72_hours_ahead_by_the_visits_method(demo: Services):
    found = rows(demo, "SELECT a.start_ts, a.status, a.confirmation_method, c.at_ts, c.channel, c.outcome"
                       " FROM contact_attempt c JOIN appointment a ON a.id = c.record_id"
                       " WHERE c.kind = 'confirmation'")
    assert len(found) > 100
    for start, status, method, at, channel, outcome in found:
        assert status in ("confirmed", "left_message") and channel == method
        assert (outcome == "reached") == (status == "confirmed")
        assert at < start
        if start < NOW.timestamp() + 3 * DAY:
            assert start - at < 5 * DAY  # (further out: the odd early portal confirmation)
    ahead = [(r[0] - r[3]) / 3600 for r in found]
    assert sum(24 <= h <= 80 for h in ahead) > 0.4 * len(ahead)


def test_some_recalls_are_due_today_and_some_gaps_recorded_done(demo: Services):
    found = rows(demo, "SELECT record_id, patient_id, at_ts, outcome, next_ts FROM contact_attempt"
                       " WHERE kind = 'recall' ORDER BY at_ts, id")
    assert found and all(r[0] == r[1] for r in found)
    last = {r[0]: r for r in found}
    assert len(last) > 100
    due_today = [r for r in last.values() if r[4] is not None and local(r[4]).date() <= ANCHOR]
    assert len(due_today) >= 3
    overdue = {r[0] for r in rows(demo, "SELECT patient_id FROM care_gap WHERE due < ? AND done IS NULL",
                                  ANCHOR.isoformat())}
    assert set(last) <= overdue
    booked = {r[0] for r in rows(demo, "SELECT patient_id FROM appointment WHERE start_ts >= ?"
                                       " AND type_code = 'phys' AND status NOT IN ('cancelled', 'no_show')",
                                 NOW.timestamp())}
    assert not set(last) & booked
    done = rows(demo, "SELECT patient_id, due, done FROM care_gap WHERE done IS NOT NULL")
    assert 5 < len(done) < 400
    for patient_id, due, when in done:
        assert due < ANCHOR.isoformat() and when < ANCHOR.isoformat()
        assert rows(demo, "SELECT 1 FROM appointment WHERE patient_id = ? AND type_code = 'phys'"
                          " AND status = 'arrived' AND start_ts < ?", patient_id, NOW.timestamp())


def test_no_shows_rebooked_or_not(demo: Services):
    decisions = rows(demo, "SELECT d.appointment_id, d.decision, d.reason, d.new_appointment_id, d.by_user,"
                           " d.at_ts, a.patient_id, a.start_ts, a.status FROM rebook_decision d"
                           " JOIN appointment a ON a.id = d.appointment_id")
    made = Counter(r[1] for r in decisions)
    assert made["rebooked"] > 50 and made["wont_rebook"] > 50
    for _, decision, reason, new_id, by, at, patient_id, start, status in decisions:
        assert status == "no_show" and start < at <= NOW.timestamp() and by in vmas(demo)
        if decision == "rebooked":
            new = rows(demo, "SELECT patient_id, start_ts, booked_ts FROM appointment WHERE id = ?",
                       new_id)[0]
            assert new[0] == patient_id and new[1] > start and new[2] == at and not reason
        else:
            assert reason and new_id is None
    no_shows = rows(demo, "SELECT count(*) FROM appointment WHERE status = 'no_show' AND start_ts < ?",
                    NOW.timestamp())[0][0]
    assert 0.3 < made["rebooked"] / no_shows < 0.8
    # the last month's undecided no-shows are on the list, chased
    recent = rows(demo, "SELECT a.id FROM appointment a LEFT JOIN rebook_decision d"
                        " ON d.appointment_id = a.id WHERE a.status = 'no_show'"
                        " AND a.start_ts BETWEEN ? AND ? AND d.appointment_id IS NULL",
                  NOW.timestamp() - 30 * DAY, NOW.timestamp())
    assert recent
    chased = {r[0] for r in rows(demo, "SELECT record_id FROM contact_attempt WHERE kind = 'rebook'")}
    assert len(chased & {r[0] for r in recent}) > 0.5 * len(recent)


def test_follow_up_calls_for_procedures_and_new_patients(demo: Services):
    days = dict(rows(demo, "SELECT code, follow_up_days FROM appointment_type"))
    assert days.pop("proc") == 2 and days.pop("new") == 2 and set(days.values()) == {None}
    practice = demo.practice.get()
    calls = rows(demo, "SELECT f.appointment_id, f.due_ts, f.done_ts, f.done_by, f.understood,"
                       " f.has_question, f.question, a.type_code, a.start_ts, a.status, a.call_after"
                       " FROM follow_up_call f JOIN appointment a ON a.id = f.appointment_id")
    arrived = rows(demo, "SELECT count(*) FROM appointment WHERE status = 'arrived' AND type_code IN"
                         " ('proc', 'new')")[0][0]
    # as the app: a row only for a call whose answers were recorded; the others are derived
    assert 0.6 * arrived < sum(r[7] in ("proc", "new") for r in calls) <= arrived and arrived > 500
    assert 0 < sum(r[10] for r in calls) < 0.1 * len(calls)  # a few others marked "call after"
    for _, due, done, by, understood, asks, question, code, start, status, call_after in calls:
        assert status == "arrived" and (code in ("proc", "new") or call_after)
        visit_day, due_day = local(start).date(), local(due).date()
        business = [visit_day + timedelta(days=i) for i in range(1, (due_day - visit_day).days + 1)]
        assert sum(practice.is_business_day(d) for d in business) == 2 and practice.is_business_day(due_day)
        assert done is not None and done >= due and by in vmas(demo) and understood is not None
        assert bool(asks) == bool(question)
    assert sum(r[4] for r in calls) > 0.9 * len(calls)
    assert 0 < sum(bool(r[5]) for r in calls) < 0.2 * len(calls)
    assert demo.follow_up.due_calls()  # calls still due on the anchor day, derived from their visits


def test_freed_slots_filled_at_the_sources_rate_after_waitlist_offers(demo: Services):
    slots = rows(demo, "SELECT f.id, f.appointment_id, f.provider_id, f.start_ts, f.freed_ts, f.why,"
                       " f.filled_appointment_id, f.filled_ts, a.status, a.late_cancel FROM freed_slot f"
                       " JOIN appointment a ON a.id = f.appointment_id")
    assert Counter(r[5] for r in slots).keys() == {"cancelled", "no_show"}
    for _, _, provider, start, freed, why, filled, filled_ts, status, _ in slots:
        assert status == ("cancelled" if why == "cancelled" else "no_show") and freed <= NOW.timestamp()
        if filled is not None:
            other = rows(demo, "SELECT provider_id, start_ts, status FROM appointment WHERE id = ?",
                         filled)[0]
            assert other[:2] == (provider, start) and other[2] != "cancelled"
            assert freed < filled_ts <= start
    last_minute = [r for r in slots if r[5] == "cancelled" and r[9] and r[3] < NOW.timestamp()]
    assert len(last_minute) > 100
    assert 0.6 <= sum(r[6] is not None for r in last_minute) / len(last_minute) <= 0.8
    offers = rows(demo, "SELECT record_id, patient_id, outcome FROM contact_attempt"
                        " WHERE kind = 'waitlist_offer'")
    accepted = {r[0]: r[1] for r in offers if r[2] == "reached"}
    by_id = {r[0]: r for r in slots}
    assert accepted and len(offers) > len(accepted)
    for slot_id, patient_id in accepted.items():
        filled = by_id[slot_id][6]
        assert filled is not None
        assert rows(demo, "SELECT patient_id FROM appointment WHERE id = ?", filled)[0][0] == patient_id
