"""The chase's speed on a 5-year demo workspace (issue 15), each beside a floor measured in the same
run: medians of what a VMA waits for.

Builds the demo workspace once (seed 1, anchor Monday 2026-03-02, --years 5 by default) in a
temporary folder, protected by the OS keyring when there is one, with the clock at 9:30 practice
time on the anchor day, then times:
- each worklist of the Worklists tab, as the tab reads it (Recall: its first page of 200, the
  longest overdue first, with the count of all): its rows from the services (patient
  names read cold each time: a fresh `TabContext`), set into its table model and every cell's text
  read once (what the first paint asks); floor: a bare `QStandardItemModel` given the same number
  of rows and columns of plain text (Qt's own cost of holding that list);
- logging an attempt (validated, its next attempt computed from the practice's policy, audited,
  committed), on a different patient each run; floor: a raw INSERT + commit of the same row on
  the same connection (same durability);
- the activity summary PDF for one month with its chasing section and per-VMA pages (rendered in
  memory); no floor: the goal is absolute.
Targets: a worklist <= 50 ms, an attempt <= 15 ms, the month's summary <= 1 s.

Run beside a keyring, as the tests do:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/chase_speed.py [--runs 20]
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bench_support import arguments, demo_services, machine, timed  # noqa: I001 - this folder is first on sys.path

ANCHOR = date(2026, 3, 2)  # a Monday
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=ZoneInfo("America/Chicago")).astimezone(UTC)
LIST_MS, ATTEMPT_MS, MONTH_MS = 50.0, 15.0, 1000.0

#: (what, app ms, floor ms or None, target ms)
Line = tuple[str, list[float], list[float] | None, float]


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv)
    with demo_services(args.years, ANCHOR, NOW) as (services, build_s, protection):
        sizes = counts(services)
        lines = worklist_lines(services, args.runs) + attempt_lines(services, args.runs) \
            + summary_lines(services, max(3, args.runs // 4))
    print(f"\nVMA Desk chasing, {args.years}-year demo workspace ({sizes}); protected by {protection}; "
          f"clock {NOW:%Y-%m-%d %H:%M} UTC; {machine(args.runs)}\n")
    print("| operation | app median ms | floor median ms | ratio | target | verdict |")
    print("|---|---:|---:|---:|---:|---|")
    failed = False
    for what, app, floor, target in lines:
        median = statistics.median(app)
        floor_text = f"{statistics.median(floor):.1f}" if floor else "-"
        ratio = f"{median / statistics.median(floor):.1f}x" if floor else "-"
        ok = median <= target
        failed |= not ok
        print(f"| {what} | {median:.1f} | {floor_text} | {ratio} | <= {target:.0f} ms | "
              f"{'ok' if ok else 'OVER'} |")
    print(f"\ndemo generation ({args.years} years, one run, everything): {build_s:.1f} s")
    return 1 if failed else 0


def counts(services: Any) -> str:  # noqa: ANN401
    conn = services.context.conn

    def count(table: str) -> int:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    return (f"{services.patients.count():,} patients, {count('appointment'):,} visits, "
            f"{count('contact_attempt'):,} attempts, {count('voicemail'):,} voicemails, "
            f"{count('freed_slot'):,} freed slots")


def worklist_lines(services: Any, runs: int) -> list[Line]:  # noqa: ANN401
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication

    from vma_desk.ui.shared.context import TabContext
    from vma_desk.ui.worklists.lists import worklists
    from vma_desk.ui.worklists.model import WorklistTableModel

    app = QApplication.instance() or QApplication([])
    assert app is not None

    def paint(model: Any) -> None:  # noqa: ANN401
        root = QModelIndex()
        for row in range(model.rowCount(root)):
            for column in range(model.columnCount(root)):
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

    out: list[Line] = []
    for position, first in enumerate(worklists(TabContext(services))):
        model = WorklistTableModel(first.columns, services.context.clock.now)
        sizes: list[tuple[int, int, int]] = []

        def tab_reads(_run: int, position: int = position, model: WorklistTableModel = model,
                      sizes: list[tuple[int, int, int]] = sizes) -> None:
            context = TabContext(services)  # names read cold, as after a sign-in
            worklist = worklists(context)[position]
            model.set_rows(worklist.rows(), context.zone())
            rows = model.rowCount(QModelIndex())
            # a list read in pages (Recall) says how many it holds in all
            sizes.append((rows, model.columnCount(QModelIndex()), getattr(worklist, "total", rows)))
            paint(model)

        app_ms = timed(runs, tab_reads)
        rows, columns, total = sizes[-1]
        shown = f"{rows:,} rows" if total <= rows else f"first page: {rows:,} of {total:,} rows"

        def bare(_run: int, rows: int = rows, columns: int = columns) -> None:
            bare_model = QStandardItemModel(rows, columns)
            for row in range(rows):
                for column in range(columns):
                    bare_model.setItem(row, column, QStandardItem(f"cell {row} {column}"))
            paint(bare_model)

        out.append((f"Worklists: {first.title} ({shown}): rows read + model + cell texts", app_ms,
                    timed(runs, bare), LIST_MS))
        model.timer.stop()
    return out


def attempt_lines(services: Any, runs: int) -> list[Line]:  # noqa: ANN401
    from vma_desk.core.chase import Channel, ChaseKind, Outcome

    patients = [row[0] for row in services.context.conn.execute(
        "SELECT id FROM patient ORDER BY id LIMIT ?", (2 * runs + 2,))]
    chase = services.chase

    def log(run: int) -> None:
        chase.log_attempt(ChaseKind.RECALL, patients[run + 1], channel=Channel.PHONE,
                          outcome=Outcome.NO_ANSWER, patient_id=patients[run + 1], note="bench")

    conn = services.context.conn

    def raw(run: int) -> None:
        stamp = int(time.time())
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO contact_attempt(kind, record_id, patient_id, at_ts, channel, outcome,"
                     " by_user, note, next_ts, recorded_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     ("recall", patients[runs + run + 1], patients[runs + run + 1], stamp, "phone",
                      "no_answer", "bench", "bench", stamp + 7200, stamp))
        conn.execute("COMMIT")

    app_ms = timed(runs, log)
    return [("Log attempt (validated, next attempt, audited, committed)", app_ms, timed(runs, raw),
             ATTEMPT_MS)]


def summary_lines(services: Any, runs: int) -> list[Line]:  # noqa: ANN401
    from vma_desk.reports import activity

    month_start, month_end = date(2026, 2, 1), date(2026, 2, 28)
    build: Callable[[int], object] = lambda _run: activity.build(services, month_start, month_end)  # noqa: E731
    return [(f"Activity summary PDF, one month ({month_start:%b %Y}) with chasing and per-VMA pages",
             timed(runs, build), None, MONTH_MS)]


if __name__ == "__main__":
    sys.exit(main())
