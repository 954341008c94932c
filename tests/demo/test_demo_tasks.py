"""Demo tasks on a generated one-year demo: spread over the year, most done by a named demo user or
cancelled with a reason, the last weeks' partly open and some overdue, linked to the records the
demo holds (the link's patient carried), going to users, staff and roles, weekly repeats chained;
nothing after the demo's now; the same seed gives the same tasks; Today and the handoff show them."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.demo.conftest import Demos
from vma_desk.core.agenda import ItemKind
from vma_desk.services import Services
from vma_desk.storage.calendar_repository import from_ts, to_ts

NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)  # Monday 9:30 in Chicago


@pytest.fixture(scope="module")
def demo(module_demos: Demos, tmp_path_factory: pytest.TempPathFactory) -> Services:
    return module_demos.make(tmp_path_factory.mktemp("demo-tasks"), now=NOW, seed=5)


def rows(services: Services) -> list[tuple[object, ...]]:
    return list(services.workspace.conn.execute(
        "SELECT title, assignee_user_id, assignee_staff_id, assignee_role, due_ts, link_kind, link_id,"
        " patient_id, rrule, repeats_id, state, created_ts, closed_ts, closed_by, cancel_reason"
        " FROM task ORDER BY id"))


def test_tasks_spread_over_the_years_mostly_closed_by_a_named_user(demo: Services) -> None:
    tasks = rows(demo)
    assert len(tasks) > 300
    users = {u.name for u in demo.users.all()}
    states = Counter(str(t[10]) for t in tasks)
    assert states["done"] > states["cancelled"] > 0 and states["open"] > 0
    for *_, state, created, closed, closed_by, reason in tasks:
        assert isinstance(created, int) and created <= to_ts(NOW)
        if state == "open":
            assert closed is None and closed_by == ""
        else:
            assert isinstance(closed, int) and created <= closed <= to_ts(NOW)
            assert closed_by in users
            assert bool(reason) == (state == "cancelled")
    months = {from_ts(int(str(t[11]))).strftime("%Y-%m") for t in tasks}
    assert len(months) >= 12  # every month of the year has some


def test_the_last_weeks_have_open_tasks_some_overdue(demo: Services) -> None:
    overdue = demo.tasks.overdue(NOW)
    assert overdue and all(t.due_at < NOW for t in overdue)
    assert all(NOW - t.created_at < timedelta(days=30) for t in demo.tasks.open_tasks()
               if t.created_at is not None and not t.rrule)
    assert any(t.due_at > NOW for t in demo.tasks.open_tasks())


def test_links_assignees_and_weekly_repeats(demo: Services) -> None:
    tasks = rows(demo)
    links = Counter(str(t[5]) for t in tasks)
    for kind in ("referral", "prior_auth", "refill", "message", "result", "patient", ""):
        assert links[kind] > 0, kind
    conn = demo.workspace.conn
    for kind, table in (("referral", "referral"), ("refill", "refill"), ("result", "result"),
                        ("prior_auth", "prior_auth")):
        for link_id, patient_id in conn.execute(
                "SELECT link_id, patient_id FROM task WHERE link_kind = ?", (kind,)):
            assert conn.execute(f"SELECT patient_id FROM {table} WHERE id = ?",  # noqa: S608
                                (link_id,)).fetchone()[0] == patient_id
    assert {"clinical", "vma", "front_desk"} <= {str(t[3]) for t in tasks}
    assert any(t[1] is not None for t in tasks) and any(t[2] is not None for t in tasks)
    series = [t for t in tasks if t[8]]
    assert len(series) > 80  # two weekly repeats over a year
    assert sum(1 for t in series if t[9] is None) == 2  # each series starts once
    assert sum(1 for t in series if t[10] == "open") <= 2
    names = {word for row in conn.execute("SELECT first_name, last_name FROM patient")
             for word in row if len(word) > 3}  # the demo's patients, by their names
    assert tasks and not [t[0] for t in tasks if set(str(t[0]).replace(",", " ").split()) & names]


def test_today_and_the_handoff_show_the_demos_due_tasks(demo: Services) -> None:
    due = [i for i in demo.agenda.day().due if i.kind is ItemKind.TASK]
    assert due and any(i.detail.startswith("overdue · for ") for i in due)
    trainer = next(u for u in demo.users.all() if u.role.value == "trainer")
    summary = demo.handoff.shift_summary(trainer.id)
    assert {i.record_id for i in summary.tasks_due} >= {t.id for t in demo.tasks.overdue(NOW)}


def test_the_same_seed_gives_the_same_tasks(demo: Services, demos: Demos, tmp_path: Path) -> None:
    again = demos.make(tmp_path / "again", now=NOW, seed=5)
    assert rows(again) == rows(demo)
    other = demos.make(tmp_path / "other", now=NOW, seed=6)
    assert rows(other) != rows(demo)
