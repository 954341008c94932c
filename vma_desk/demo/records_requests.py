"""Demo records requests over the generated years: releases of records asked for by fictional
insurers, law offices, other practices and the patients themselves, and records the practice asked
for from hospitals, ERs and specialists.

Most business days bring none, one or two. A release has the patient's authorisation (signed up to
three weeks before it was asked, valid six months or a year) and goes out by a secure way that suits
the requester one to four business days later, a share later than the practice's five; records asked
for come back in two to twelve business days. A few are closed with a reason (revoked, withdrawn, a
duplicate, no records there). The last weeks' are partly still open: some waiting for the patient's
signature, some running late. Nothing after the demo's "now" is written.

Everything is drawn from one stream seeded by (seed, "records-requests") and written with one
statement per table in the caller's transaction, so the same seed and anchor give the same rows.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from vma_desk.core.records_requests import Direction, RequestState, SecureChannel
from vma_desk.demo.randomness import stream, weighted
from vma_desk.demo.refills import Office
from vma_desk.services.base import ServiceContext
from vma_desk.storage.calendar_repository import to_ts

#: requests a business day brings (about one a day: a few a week of each direction)
PER_DAY = ((0, 35), (1, 40), (2, 20), (3, 5))
#: of them, releases (the rest records asked for)
OUTGOING = 0.6
#: requests asked this many days before "now" or fewer are left open at this rate
RECENT_DAYS, LEFT_OPEN = 30, 0.45
#: of the releases left open, waiting for the patient's signed authorisation
UNSIGNED = 0.5
CANCELLED = 0.03
#: business days to send a release; to receive records asked for
SEND_DAYS = ((1, 30), (2, 30), (3, 18), (4, 10), (5, 5), (6, 4), (8, 3))
RECEIVE_DAYS = ((2, 15), (3, 20), (5, 25), (7, 15), (9, 12), (12, 13))

#: (kind, parties, purposes, channels with their weights)
RELEASES = (
    ("insurer", ("Harbor Mutual Life Insurance", "Northwind Disability Claims", "Crestline Life & Annuity"),
     ("Life insurance application", "Disability claim review", "Long-term care insurance application"),
     ((SecureChannel.SECURE_FAX, 70), (SecureChannel.MAIL, 30))),
    ("law office", ("Baird & Cole Law Office", "Marsh Legal Group", "Okafor & Lind Attorneys"),
     ("Personal injury claim, at the patient's request", "Workers' compensation claim",
      "Legal proceedings, at the patient's request"),
     ((SecureChannel.MAIL, 60), (SecureChannel.SECURE_FAX, 40))),
    ("practice", ("Lakeview Orthopedics", "Riverbend Cardiology", "Maple Street Family Practice",
                  "Northside Dermatology"),
     ("Continuity of care: new provider", "Specialist consultation", "Transfer of care after a move"),
     ((SecureChannel.DIRECT, 65), (SecureChannel.SECURE_FAX, 35))),
    ("patient", ("The patient (own copy)",), ("Patient's own copy (right of access)",),
     ((SecureChannel.PORTAL, 55), (SecureChannel.SECURE_EMAIL, 20), (SecureChannel.IN_PERSON, 15),
      (SecureChannel.MAIL, 10))),
)
RELEASE_KINDS = ((0, 30), (1, 15), (2, 35), (3, 20))
RELEASE_ITEMS = ("Visit notes, last 2 years", "Immunisation record", "Lab results, last 3 years",
                 "Medication and problem lists", "Complete chart", "Visit notes 2024-2025\nLab results",
                 "Office visit note and work status")
SOURCES = ("St. Mary's Hospital, health information dept.", "Mercy Medical Center ER",
           "County Urgent Care", "Riverbend Cardiology", "Lakeview Orthopedics",
           "Oak Park Family Health (previous primary care)", "Westfield Imaging Center")
ASKED_ITEMS = ("ER visit notes", "Discharge summary", "Imaging report", "Consult note and plan",
               "Records from previous primary care", "Operative report", "Echocardiogram report")
CLOSE_REASONS = {
    Direction.OUTGOING: ("Authorisation revoked by the patient", "Requester withdrew the request",
                         "Duplicate of an earlier request"),
    Direction.INCOMING: ("No records under this patient there", "Duplicate of an earlier request",
                         "Patient brought the records to the visit")}


def _moment(office: Office, rng: random.Random, day: date) -> datetime:
    """A time on `day` between 9:00 and 16:00 practice time."""
    return office.at(day, time(9)) + timedelta(minutes=rng.randrange(7 * 60))


def write(ctx: ServiceContext, *, seed: int, office: Office) -> int:
    """Generate and write the records requests of a freshly generated demo practice; returns how
    many requests were written."""
    rng = stream(seed, "records-requests")
    conn = ctx.conn
    patients = [row[0] for row in conn.execute("SELECT id FROM patient WHERE deleted_at IS NULL ORDER BY id")]
    if not patients:
        return 0
    next_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM records_request").fetchone()[0]) + 1
    today = office.now.astimezone(office.zone).date()
    requests: list[tuple[object, ...]] = []
    events: list[tuple[object, ...]] = []
    for day in sorted(d for d in office.hours.days if office.first <= d <= today):
        for _ in range(weighted(rng, PER_DAY)):
            asked_at = _moment(office, rng, day)
            if asked_at > office.now:
                continue
            outgoing = rng.random() < OUTGOING
            direction = Direction.OUTGOING if outgoing else Direction.INCOMING
            by = office.vma(rng, asked_at)
            row, done = _release(rng, office, day) if outgoing else _asked(rng, office, day)
            request_id = next_id
            next_id += 1
            events.append((request_id, RequestState.OPEN.value, to_ts(asked_at), by, "asked", "", ""))
            state, closed_reason = RequestState.OPEN, ""
            sent_ts = received_ts = None
            sent_by = received_by = channel = ""
            recent = (today - day).days <= RECENT_DAYS
            if rng.random() < CANCELLED:
                state = RequestState.CANCELLED
                closed_reason = rng.choice(CLOSE_REASONS[direction])
                at = asked_at + timedelta(hours=rng.randrange(2, 48))
                if at <= office.now:
                    events.append((request_id, state.value, to_ts(at), by, closed_reason, "", ""))
                else:
                    state, closed_reason = RequestState.OPEN, ""
            elif not (recent and rng.random() < LEFT_OPEN):
                at = _moment(office, rng, done)
                if at <= office.now:
                    who = office.vma(rng, at)
                    if outgoing:
                        state, sent_ts, sent_by, channel = RequestState.SENT, to_ts(at), who, str(row[-1])
                        note = SecureChannel(channel).label
                    else:
                        state, received_ts, received_by, note = RequestState.RECEIVED, to_ts(at), who, ""
                    events.append((request_id, state.value, to_ts(at), who, note, "", ""))
            if outgoing and state is RequestState.OPEN and recent and rng.random() < UNSIGNED:
                row = (*row[:4], None, None, row[-1])  # waiting for the patient's signature
            requests.append((request_id, direction.value, rng.choice(patients), *row[:6], channel, sent_ts,
                             sent_by, received_ts, received_by, state.value, closed_reason, to_ts(asked_at),
                             by))
    with ctx.transaction():  # the caller's, when it has one
        conn.executemany(
            "INSERT INTO records_request(id, direction, patient_id, party, items, purpose, asked_on,"
            " authorization_on, authorization_expires, channel, sent_ts, sent_by, received_ts, received_by,"
            " state, closed_reason, created_ts, created_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", requests)
        conn.executemany(
            "INSERT INTO records_request_event(request_id, state, at_ts, by_user, note, recorded_by, action)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", events)
    return len(requests)


def _release(rng: random.Random, office: Office, day: date) -> tuple[tuple[object, ...], date]:
    """(party, items, purpose, asked_on, authorisation signed, expires, channel) and the day it goes."""
    _kind, parties, purposes, channels = RELEASES[weighted(rng, RELEASE_KINDS)]
    signed = day - timedelta(days=rng.randrange(0, 22))
    expires = signed + timedelta(days=rng.choice((180, 365)))
    channel = weighted(rng, channels)
    row = (rng.choice(parties), rng.choice(RELEASE_ITEMS), rng.choice(purposes), day.isoformat(),
           signed.isoformat(), expires.isoformat(), channel.value)
    return row, office.hours.next_day(day, weighted(rng, SEND_DAYS))


def _asked(rng: random.Random, office: Office, day: date) -> tuple[tuple[object, ...], date]:
    """(party, items, purpose, asked_on, no authorisation, channel) and the day the records come."""
    row = (rng.choice(SOURCES), rng.choice(ASKED_ITEMS), "", day.isoformat(), None, None, "")
    return row, office.hours.next_day(day, weighted(rng, RECEIVE_DAYS))
