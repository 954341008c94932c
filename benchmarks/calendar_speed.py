"""Calendar speed on a 5-year demo workspace: medians of the operations a VMA waits for.

Builds the demo workspace once (seed 1, anchor Monday 2026-03-02, --years 5 by default) in a
temporary folder, protected by the OS keyring when there is one, then times with the clock at
09:30 practice time on the anchor day:
- the data of a 4-provider day view and of a week view (appointments + block occurrences);
- building the calendar tab's table model for those views (`vma_desk.ui.calendar`, offscreen Qt),
  with a cold patient-name cache each time and every cell's text read once, as a first paint does;
- finding the next five open 20-minute slots across all providers;
- cancelling a visit ahead (a different one each run) with its waitlist proposals.

(Not named calendar.py: a script's folder comes first on sys.path, and a calendar.py there would
stand in for the standard library's `calendar` in every benchmark.)

Run beside a keyring, as the tests do:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/calendar_speed.py [--runs 20]
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bench_support import arguments, demo_services, machine, print_table, timed  # noqa: I001 - this folder is first on sys.path

ANCHOR = date(2026, 3, 2)  # a Monday, the week before the DST change
DAY = ANCHOR + timedelta(days=1)  # all four providers work on Tuesdays
TARGET_MS = 50.0


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv)
    zone = ZoneInfo("America/Chicago")
    now = datetime(2026, 3, 2, 9, 30, tzinfo=zone).astimezone(UTC)
    with demo_services(args.years, ANCHOR, now, build_clock=False) as (services, build_s, protection):
        rows, sizes = measure(services, zone, now, args.runs)
    print_table(f"VMA Desk calendar, {args.years}-year demo workspace: {sizes}; protected by {protection}; "
                f"{machine(args.runs)}", [(name, values, TARGET_MS) for name, values in rows],
                f"demo generation ({args.years} years, one run): {build_s:.1f} s")
    return 0


def measure(services, zone: ZoneInfo, now: datetime, runs: int) -> tuple[list, str]:  # type: ignore[no-untyped-def]
    from vma_desk.core.calendar import VisitStatus

    calendar = services.calendar
    providers = sorted(services.practice.providers(), key=lambda p: p.id)
    ids = [p.id for p in providers]
    md = providers[0]

    def window(first: date, days: int) -> tuple[datetime, datetime]:
        start = datetime.combine(first, datetime.min.time(), tzinfo=zone)
        return start.astimezone(UTC), (start + timedelta(days=days)).astimezone(UTC)

    def view_data(provider_ids: list[int], first: date, days: int) -> Callable[[int], object]:
        start, end = window(first, days)
        return lambda _run: (calendar.appointments(provider_ids, start, end),
                             calendar.block_occurrences(provider_ids, start, end))

    week = [ANCHOR + timedelta(days=i) for i in range(7)]
    rows: list[tuple[str, list[float]]] = [
        (f"day view data, 4 providers ({DAY:%a %Y-%m-%d})", timed(runs, view_data(ids, DAY, 1))),
        (f"week view data, 1 provider ({ANCHOR:%Y-%m-%d} + 6 days)",
         timed(runs, view_data([md.id], ANCHOR, 7))),
        ("week view data, 4 providers", timed(runs, view_data(ids, ANCHOR, 7))),
    ]
    rows += model_rows(services, providers, [DAY], week, runs)
    rows.append(("find next open slot, all providers (20 min, 5 slots)", timed(
        runs, lambda _run: calendar.find_slots(minutes=20, provider_ids=None, after=now, count=5))))

    start, end = now + timedelta(days=2), now + timedelta(days=40)
    ahead = [a for a in calendar.appointments(ids, start, end) if a.status is not VisitStatus.CANCELLED]
    victims = iter(ahead[:: max(1, len(ahead) // (runs + 2))])
    proposed: list[int] = []

    def cancel(_run: int) -> None:
        _, _, proposals = calendar.cancel(next(victims).id, reason="Schedule conflict",
                                          authorised_by="Patient (phone call)")
        proposed.append(len(proposals))

    rows.append(("cancel a visit ahead + waitlist proposals", timed(runs, cancel)))
    count = services.context.conn.execute("SELECT count(*) FROM appointment").fetchone()[0]
    waitlist = len(calendar.waitlist())
    sizes = (f"{count:,} appointments, {services.patients.count():,} patients, {waitlist} on the "
             f"waitlist; cancelled visits got {statistics.median(proposed):.0f} proposals (median)")
    return rows, sizes


def model_rows(services, providers, day: list[date], week: list[date],  # type: ignore[no-untyped-def]
               runs: int) -> list[tuple[str, list[float]]]:
    """The calendar tab's model, built as the tab builds it, if that module is there yet."""
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from vma_desk.ui.calendar.model import ScheduleModel
        from vma_desk.ui.calendar.source import ScheduleSource
        from vma_desk.ui.shared.context import PatientBook
    except ImportError as exc:
        print(f"(no schedule model: {exc})", file=sys.stderr)
        return [("schedule model, day / week", [])]
    app = QApplication.instance() or QApplication([])
    types = {t.code: t for t in services.calendar.types(include_inactive=True)}
    model = ScheduleModel()

    def build(days: list[date], shown: list) -> Callable[[int], object]:  # type: ignore[type-arg]
        def work(_run: int) -> None:
            source = ScheduleSource(services, PatientBook(services))  # names read cold each time
            model.set_schedule(source.load(days, shown, types))
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
        return work

    rows = [("schedule model + first paint's cell texts, day, 4 providers",
             timed(runs, build(day, providers))),
            ("schedule model + first paint's cell texts, week, 1 provider",
             timed(runs, build(week, providers[:1])))]
    del app
    return rows


if __name__ == "__main__":
    sys.exit(main())
