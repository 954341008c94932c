"""Demo intake packets: the practice's packets (a new patient: registration, HIPAA acknowledgement,
health history; an annual physical: a health history update; a procedure: its consent) and where
each visit's forms stand, laid over the calendar already written.

Only the visits of the last `RECENT_DAYS` days and those ahead get forms (older visits read as
"not sent", which no list looks at): the packet goes out by portal, e-mail, text or letter three to
seven days before the visit (not before it was booked), in the practice's hours; each form comes
back after a few hours to four days, and is reviewed within a day and before the visit. Past visits
are mostly reviewed, some forms never came back (a no-show's most often); visits ahead are in every
state, a share not sent yet within 72 hours (due to send) and a few with a form still out within 24
hours (to chase, "forms incomplete"). Nothing after the demo's "now" is written. The rows draw from
their own stream seeded by (seed, "intake") and go in with one statement per table, in plain SQL in
the caller's transaction, so the same seed and anchor give the same rows.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from vma_desk.core.chase import DEFAULT_POLICY, Channel, within_hours
from vma_desk.core.intake import FormState
from vma_desk.demo.randomness import stream, weighted
from vma_desk.demo.refills import Office
from vma_desk.services.base import ServiceContext
from vma_desk.storage.calendar_repository import from_ts, to_ts

#: the practice's packets, by appointment type code (types the demo practice has)
PACKETS: dict[str, tuple[str, ...]] = {
    "new": ("Registration", "HIPAA acknowledgement", "Health history"),
    "phys": ("Health history update",),
    "proc": ("Procedure consent",),
}
#: visits this many days back get their forms written (and every visit ahead)
RECENT_DAYS = 60
#: how the packet goes out
CHANNELS = ((Channel.PORTAL, 60), (Channel.EMAIL, 25), (Channel.TEXT, 12), (Channel.LETTER, 3))
#: the packet is sent this many hours before the visit (at the earliest when it was booked)
SENT_HOURS = (76, 7 * 24)
#: a form comes back this many hours after it was sent, is reviewed this many after it came back
BACK_HOURS, REVIEW_HOURS = (2, 96), (1, 30)
#: of a visit ahead within 72 hours: the share whose packet is not sent yet (due to send)
NOT_SENT = 0.12
#: the share of forms that never come back: for a visit that took place, a no-show, one ahead
NEVER_BACK = {"arrived": 0.06, "no_show": 0.5, "ahead": 0.1}
#: of the forms back for a visit that took place: the share nobody marked reviewed
NOT_REVIEWED = 0.04


def _in_hours(moment: datetime, office: Office) -> datetime:
    return within_hours(moment, office.practice, office.zone, DEFAULT_POLICY)


def _hours(rng: random.Random, span: tuple[int, int]) -> timedelta:
    return timedelta(minutes=rng.randint(span[0] * 60, span[1] * 60))


def _forms(rng: random.Random, office: Office, names: tuple[str, ...], start: datetime, status: str,
           booked: datetime | None) -> list[tuple[object, ...]]:
    """One visit's rows (none when its packet is not sent yet)."""
    now = office.now
    sent = start - _hours(rng, SENT_HOURS)
    if booked is not None:
        sent = max(sent, booked + timedelta(minutes=rng.randint(20, 240)))
    sent = _in_hours(sent, office)
    ahead = start > now
    held_back = ahead and start - now <= timedelta(hours=72) and rng.random() < NOT_SENT
    if sent > now or sent >= start or held_back:
        return []
    channel = weighted(rng, CHANNELS)
    sent_by = office.vma(rng, sent)
    never = NEVER_BACK["ahead" if ahead else status if status in NEVER_BACK else "arrived"]
    rows: list[tuple[object, ...]] = []
    for position, name in enumerate(names, start=1):
        state, received, reviewed = FormState.SENT, None, None
        if rng.random() >= never:
            back = _in_hours(sent + _hours(rng, BACK_HOURS), office)
            if not ahead and back >= start and status == "arrived":  # filled in at check-in
                back = max(sent + timedelta(minutes=1), start - timedelta(minutes=rng.randint(5, 30)))
            if back <= now and (ahead or back < start):
                state, received = FormState.RECEIVED, back
                check = _in_hours(back + _hours(rng, REVIEW_HOURS), office)
                if check >= start:
                    check = max(back, start - timedelta(minutes=rng.randint(1, 10)))
                if check <= now and not (not ahead and rng.random() < NOT_REVIEWED):
                    state, reviewed = FormState.REVIEWED, check
        rows.append((position, name, state.value, channel.value, to_ts(sent), sent_by,
                     None if received is None else to_ts(received),
                     "" if received is None else office.vma(rng, received),
                     None if reviewed is None else to_ts(reviewed),
                     "" if reviewed is None else office.vma(rng, reviewed)))
    return rows


def write(ctx: ServiceContext, *, seed: int, office: Office) -> int:
    """Write the demo practice's packets and its recent and coming visits' forms; returns the
    number of forms written."""
    conn = ctx.conn
    offered = {r[0] for r in conn.execute("SELECT code FROM appointment_type")}
    packets = {code: names for code, names in PACKETS.items() if code in offered}
    if not packets:
        return 0
    rng = stream(seed, "intake")
    since = office.now - timedelta(days=RECENT_DAYS)
    codes = sorted(packets)
    visits = conn.execute(
        f"SELECT id, type_code, start_ts, status, booked_ts FROM appointment WHERE start_ts >= ?"
        f" AND status != 'cancelled' AND type_code IN ({', '.join('?' * len(codes))}) ORDER BY start_ts, id",
        (to_ts(since), *codes)).fetchall()
    rows: list[tuple[object, ...]] = []
    for appointment_id, code, start_ts, status, booked_ts in visits:
        found = _forms(rng, office, packets[code], from_ts(start_ts), status, from_ts(booked_ts))
        rows += [(appointment_id, *row) for row in found]
    with ctx.transaction():
        conn.executemany("INSERT INTO intake_item(type_code, position, name) VALUES (?, ?, ?)",
                         [(code, i, name) for code in codes for i, name in enumerate(packets[code], start=1)])
        conn.executemany(
            "INSERT INTO visit_form(appointment_id, position, name, state, channel, sent_ts, sent_by,"
            " received_ts, received_by, reviewed_ts, reviewed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows)
    return len(rows)
