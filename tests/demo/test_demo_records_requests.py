"""Demo records requests on a small workspace of a few patients made here (not a whole demo): five
years of releases and records asked for that the app itself would accept, read back through the
services: releases sent only with a valid authorisation, nothing after "now", some closed with a
reason, some still open and late on the anchor morning; the same seed gives the same rows.

The clock stands at Monday 2026-03-02 09:30 in Chicago (the `services` fixture's)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

from vma_desk.core.clock import FixedClock
from vma_desk.core.records import Patient, Phone
from vma_desk.core.records_requests import Direction, RequestState, check_release
from vma_desk.demo import records_requests as demo
from vma_desk.demo.refills import office
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

ANCHOR = date(2026, 3, 2)
YEARS = 5
NAMES = (("Ann", "Ames"), ("Bob", "Burns"), ("Cleo", "Cruz"), ("Dev", "Das"), ("Eve", "Ekwueme"))


def written(services: Services, seed: int = 7) -> int:
    for first, last in NAMES:
        services.patients.create(Patient(first, last, date(1970, 5, 5), phones=(Phone("3125550101"),)))
    ctx = services.context
    made = office(ctx, practice=services.practice.get(), anchor=ANCHOR, history_days=YEARS * 365, roster=[],
                  refill_calls=[])
    with ctx.transaction():
        return demo.write(ctx, seed=seed, office=made)


def table(services: Services, name: str) -> list[tuple[object, ...]]:
    return list(services.workspace.conn.execute(f"SELECT * FROM {name} ORDER BY 1, 2, 3").fetchall())


def test_five_years_of_requests_read_back_as_the_app_would_have_recorded_them(services: Services):
    count = written(services)
    assert 600 < count < 2000
    rr = services.records_requests
    patients = [p for p, _ in services.workspace.conn.execute("SELECT id, 1 FROM patient")]
    every = [row.request for pid in patients for row in rr.of_patient(pid)]
    assert len(every) == count
    now = services.context.clock.now()
    zone = services.context.practice_zone()
    assert min(r.asked_on for r in every) < date(2021, 4, 1)
    states = Counter((r.direction, r.state) for r in every)
    out, inc = Direction.OUTGOING, Direction.INCOMING
    for direction, state in ((out, RequestState.SENT), (inc, RequestState.RECEIVED), (out, RequestState.OPEN),
                             (inc, RequestState.OPEN)):
        assert states[direction, state] > 0, (direction, state)
    assert sum(n for (_d, s), n in states.items() if s is RequestState.CANCELLED) > 0
    for r in every:
        assert r.asked_on <= ANCHOR and r.party and r.items
        assert r.events and r.events[0].note == "asked"
        if r.state is RequestState.SENT:
            assert r.sent_at is not None and r.sent_at <= now and r.channel is not None
            # the release would have passed the app's own check on the day it went out
            sent_on = r.sent_at.astimezone(zone).date()
            assert check_release(replace(r, state=RequestState.OPEN), sent_on) is None
            assert r.purpose
        if r.state is RequestState.RECEIVED:
            assert r.received_at is not None and r.received_at <= now
        if r.state is RequestState.CANCELLED:
            assert r.closed_reason
    assert rr.late(), "some requests run late on the anchor morning"
    assert any(r.direction is Direction.OUTGOING and r.is_open and r.authorization_on is None for r in every)
    disclosed = rr.disclosures(patients[0], date(2021, 3, 2), ANCHOR)
    assert disclosed and all(d.state is RequestState.SENT for d in disclosed)


def test_the_same_seed_gives_the_same_requests(services: Services, keystore: KeyStore, tmp_path: Path,
                                                clock: FixedClock):
    written(services, seed=11)
    other, _ = Workspace.create(tmp_path / "again", keystore)
    try:
        again = Services.for_workspace(other, clock=clock, user="tester@desk")
        again.practice.save(services.practice.get())
        written(again, seed=11)
        for name in ("records_request", "records_request_event"):
            assert table(services, name) and table(services, name) == table(again, name)
    finally:
        other.close()
        keystore.delete(other.workspace_id)
