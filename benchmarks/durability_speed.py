"""Durability benchmark: one audited save (a new call, through the services) on the demo workspace
with `PRAGMA synchronous = NORMAL` (before issue 11) and `FULL` (now), in the same run.

FULL fsyncs the WAL at every commit, so a save the app acknowledged survives a power cut; NORMAL
fsyncs only at checkpoints (a killed process loses nothing, a power cut may lose the last saves).
Run: dbus-run-session -- scripts/with-keyring.sh python benchmarks/durability_speed.py [--years 5]
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_support import arguments, demo_services, machine, print_table, timed  # noqa: E402

ANCHOR = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)


def main(argv: list[str] | None = None) -> None:
    args = arguments(__doc__, argv, runs=50)
    from vma_desk.core.communications import Call, CallReason, Direction

    with demo_services(args.years, ANCHOR, NOW) as (services, build_s, protection):
        conn = services.context.conn

        def save(_run: int) -> None:
            services.communications.log_call(Call(
                started_at=NOW, direction=Direction.INBOUND, caller_name="Bench Caller",
                reason=CallReason.GENERAL, notes="durability benchmark"))

        rows = []
        for mode in ("NORMAL", "FULL", "NORMAL", "FULL"):  # interleaved: the disk's state alike for both
            conn.execute(f"PRAGMA synchronous = {mode}")
            rows.append((f"save a new call (audited), synchronous={mode}", timed(args.runs, save), 100.0))
        conn.execute("PRAGMA synchronous = FULL")
    print_table(f"Durability: {args.years}-year demo (built in {build_s:.0f} s; {protection})", rows,
                machine(args.runs))


if __name__ == "__main__":
    main()
