"""The patient hub's speed on a 5-year demo workspace (issue 16): the median time to read a
patient's whole picture (`services.hub.read`), for the patients with the longest history, beside a
floor measured in the same run: the same patient's visits, calls, messages and attempts read with
bare SQL on the same connection (what the hub cannot do with less).

Then the hub's window: read, built from its form, filled and shown until painted (the opening
audited, as Ctrl+K, Enter does it), beside a floor of a bare QDialog with three QListWidgets holding
the same number of lines, shown until painted.

Targets: <= 50 ms to data, <= 100 ms shown.

    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/hub_speed.py [--runs 20]
"""

from __future__ import annotations

import statistics
import sys
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bench_support import PaintWatch, arguments, demo_services, machine, timed  # noqa: I001 - this folder is first on sys.path

ANCHOR = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=ZoneInfo("America/Chicago")).astimezone(UTC)
HUB_MS, SHOWN_MS = 50.0, 100.0


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
        shown_ms, bare_ms = window_lines(services, busiest, args.runs)
    median, floor_median = statistics.median(app_ms), statistics.median(floor_ms)
    print(f"\nVMA Desk patient hub, {args.years}-year demo workspace; protected by {protection}; "
          f"{machine(args.runs)}\n")
    print("| operation | app median ms | floor median ms | ratio | target | verdict |")
    print("|---|---:|---:|---:|---:|---|")
    print(f"| Hub read, the {args.runs} patients with the most visits (up to {visits}) | {median:.1f} | "
          f"{floor_median:.1f} | {median / floor_median:.1f}x | <= {HUB_MS:.0f} ms | "
          f"{'ok' if median <= HUB_MS else 'OVER'} |")
    shown, bare = statistics.median(shown_ms), statistics.median(bare_ms)
    print(f"| Hub window: read, filled, shown and painted | {shown:.1f} | {bare:.1f} | {shown / bare:.1f}x | "
          f"<= {SHOWN_MS:.0f} ms | {'ok' if shown <= SHOWN_MS else 'OVER'} |")
    print(f"\ndemo generation ({args.years} years, one run, everything): {build_s:.1f} s")
    return 0 if median <= HUB_MS and shown <= SHOWN_MS else 1


def window_lines(services: Any, busiest: list[int], runs: int) -> tuple[list[float], list[float]]:  # noqa: ANN401
    from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QListWidget

    from vma_desk.ui.hub.dialog import PatientHubDialog
    from vma_desk.ui.shared.context import TabContext

    app = QApplication.instance() or QApplication([])
    context = TabContext(services)
    watch = PaintWatch()
    counts: list[int] = []

    def shown(run: int) -> None:
        dialog = PatientHubDialog(context, services.hub.open(busiest[run + 1]))
        counts.append(sum(w.count() for w in (dialog.ui.visits_list, dialog.ui.loops_list,
                                                 dialog.ui.contacts_list)))
        watch.arm(dialog)
        dialog.show()
        watch.finish(app, dialog)
        dialog.close()
        dialog.deleteLater()

    def bare(run: int) -> None:
        dialog = QDialog()
        layout = QHBoxLayout(dialog)
        for column in range(3):
            widget = QListWidget()
            widget.addItems([f"line {column} {i}" for i in range(max(1, counts[-1] // 3))])
            layout.addWidget(widget)
        dialog.resize(840, 620)
        watch.arm(dialog)
        dialog.show()
        watch.finish(app, dialog)
        dialog.close()
        dialog.deleteLater()

    return timed(runs, shown), timed(runs, bare)


if __name__ == "__main__":
    sys.exit(main())
