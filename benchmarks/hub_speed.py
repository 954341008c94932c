"""The patient hub's speed on a 5-year demo workspace (issue 16): the median time to read a
patient's whole picture (`services.hub.read`), for the patients with the longest history, beside a
floor measured in the same run: the same patient's visits, calls, messages and attempts read with
bare SQL on the same connection (what the hub cannot do with less).

Target: <= 50 ms to data (the hub's window, shown, is measured with its view: issue 16's UI).

    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/hub_speed.py [--runs 20]
"""

from __future__ import annotations

import statistics
import sys
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from bench_support import arguments, demo_services, machine, timed  # noqa: I001 - this folder is first on sys.path

ANCHOR = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=ZoneInfo("America/Chicago")).astimezone(UTC)
HUB_MS = 50.0


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv)
    with demo_services(args.years, ANCHOR, NOW) as (services, build_s, protection):
        conn = services.context.conn
        busiest = [row[0] for row in conn.execute(
            "SELECT patient_id FROM appointment GROUP BY patient_id ORDER BY count(*) DESC, patient_id"
            " LIMIT ?", (max(args.runs, 1) + 1,))]
        visits = conn.execute("SELECT count(*) FROM appointment WHERE patient_id = ?",
                              (busiest[0],)).fetchone()[0]

        def hub(run: int) -> None:
            services.hub.read(busiest[run + 1])

        def floor(run: int) -> None:
            pid = busiest[run + 1]
            for sql in ("SELECT * FROM patient WHERE id = ?",
                        "SELECT * FROM appointment WHERE patient_id = ? ORDER BY start_ts DESC LIMIT 10",
                        "SELECT * FROM call WHERE patient_id = ? ORDER BY started_ts DESC LIMIT 5",
                        "SELECT * FROM message WHERE patient_id = ? AND state != 'closed'",
                        "SELECT * FROM contact_attempt WHERE patient_id = ? ORDER BY at_ts DESC LIMIT 5"):
                conn.execute(sql, (pid,)).fetchall()

        app_ms, floor_ms = timed(args.runs, hub), timed(args.runs, floor)
    median, floor_median = statistics.median(app_ms), statistics.median(floor_ms)
    print(f"\nVMA Desk patient hub, {args.years}-year demo workspace; protected by {protection}; "
          f"{machine(args.runs)}\n")
    print("| operation | app median ms | floor median ms | ratio | target | verdict |")
    print("|---|---:|---:|---:|---:|---|")
    print(f"| Hub read, the {args.runs} patients with the most visits (up to {visits}) | {median:.1f} | "
          f"{floor_median:.1f} | {median / floor_median:.1f}x | <= {HUB_MS:.0f} ms | "
          f"{'ok' if median <= HUB_MS else 'OVER'} |")
    print(f"\ndemo generation ({args.years} years, one run, everything): {build_s:.1f} s")
    return 0 if median <= HUB_MS else 1


if __name__ == "__main__":
    sys.exit(main())
