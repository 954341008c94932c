"""Today tab and PDF report speed on a 5-year demo workspace: medians of what a VMA waits for.

Builds the demo workspace once (seed 1, anchor Monday 2026-03-02, --years 5 by default) in a
temporary folder, protected by the OS keyring when there is one, with the clock at 07:30 practice
time on the anchor day (before the morning huddle), then times:
- the Today tab's data: the day's agenda (`services.agenda.day()`), and, when the Today tab exists,
  the tab built on it as the window builds it (offscreen Qt);
- the huddle sheet PDF for the anchor day, every provider (rendered in memory);
- the activity summary PDF for one month and for one year (rendered in memory).

Run beside a keyring, as the tests do:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/today_reports_speed.py
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bench_support import Row, arguments, demo_services, machine, print_table, timed  # noqa: I001 - this folder is first on sys.path

ANCHOR = date(2026, 3, 2)  # a Monday
NOW = datetime(2026, 3, 2, 7, 30, tzinfo=ZoneInfo("America/Chicago")).astimezone(UTC)
TODAY_MS, HUDDLE_MS, MONTH_MS, YEAR_MS = 100.0, 300.0, 1000.0, 5000.0


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv)
    with demo_services(args.years, ANCHOR, NOW) as (services, build_s, protection):
        agenda = services.agenda.day()
        sizes = (f"{agenda.visit_count} visits for {len(agenda.providers)} providers on "
                 f"{ANCHOR:%a %m/%d/%Y}, {len(agenda.due)} rows due")
        rows = measure(services, args.runs)
    print_table(f"VMA Desk Today and PDF reports, {args.years}-year demo workspace: {sizes}; "
                f"protected by {protection}; clock {NOW:%Y-%m-%d %H:%M} UTC; {machine(args.runs)}", rows,
                f"demo generation ({args.years} years, one run, everything): {build_s:.1f} s")
    return 0


def measure(services, runs: int) -> list[Row]:  # type: ignore[no-untyped-def]
    from vma_desk.reports import activity, huddle

    rows: list[Row] = [("Today tab data: the day's agenda (services.agenda.day)",
                        timed(runs, lambda _run: services.agenda.day()), TODAY_MS)]
    rows += tab_rows(services, runs)
    rows.append(("huddle sheet PDF, every provider, in memory",
                 timed(runs, lambda _run: huddle.build(services, ANCHOR)), HUDDLE_MS))
    month_start = (ANCHOR.replace(day=1) - timedelta(days=1)).replace(day=1)
    month_end = ANCHOR.replace(day=1) - timedelta(days=1)
    rows.append((f"activity summary PDF, one month ({month_start:%b %Y})",
                 timed(runs, lambda _run: activity.build(services, month_start, month_end)), MONTH_MS))
    year_start = ANCHOR - timedelta(days=365)
    year = timed(max(3, runs // 4), lambda _run: activity.build(services, year_start, ANCHOR))
    rows.append(("activity summary PDF, one year", year, YEAR_MS))
    return rows


def tab_rows(services, runs: int) -> list[Row]:  # type: ignore[no-untyped-def]
    try:
        from vma_desk.ui.today.tab import TodayTab
    except ImportError:
        return [("Today tab built on its data (vma_desk.ui.today not present)", [], TODAY_MS)]
    from vma_desk.ui.application import make_application

    app = make_application()

    def build(_run: int) -> None:
        tab = TodayTab(services)
        tab.resize(1366, 700)
        tab.show()
        app.processEvents()
        tab.close()
        tab.deleteLater()

    shown = TodayTab(services)
    shown.resize(1366, 700)
    shown.show()

    def reload(_run: int) -> None:
        shown.load()
        app.processEvents()

    rows = [("Today tab opened: agenda read, lists filled and laid out, painted (offscreen)",
             timed(runs, reload), TODAY_MS),
            ("Today tab built from nothing and painted (the window's start-up share)", timed(runs, build),
             TODAY_MS)]
    shown.close()
    shown.deleteLater()
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
