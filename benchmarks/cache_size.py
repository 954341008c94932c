"""Read speed against the page cache: the encrypted workspace with SQLite's default cache (8 MB),
with the cache the workspace now sizes from its file (`database.cache_kib`), and a plain copy.

Builds the demo workspace once (seed 1, anchor Monday 2026-03-02, --years 5 by default) in a
temporary folder, protected by the OS keyring when there is one, and a plain unkeyed copy of it
(`sqlcipher_export`) in a second temporary folder, deleted at the end (fictional demo data only).
Each read is timed on four connections kept open side by side, round robin (one untimed warm-up
round, then --runs rounds; the services' connection is swapped for each call):
- encrypted, before: the workspace's pragmas with `cache_size = -8000` (the default until now);
- encrypted, after: the workspace's pragmas as `database.configure` sets them now;
- plain: the unkeyed copy with the same pragmas and the default cache, the floor; and the plain
  copy with the sized cache too (what encryption alone costs once the cache is the same).
The reads: the Today agenda for the anchor day, the calendar's day (4 providers) and week data,
the Calls tab's day, open messages, the Refills and Referrals worklists.

Run beside a keyring, as the tests do:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/cache_size.py [--years 3]
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench_support import arguments, demo_services, machine  # noqa: I001 - this folder is first on sys.path

ANCHOR = date(2026, 3, 2)  # a Monday
ZONE = ZoneInfo("America/Chicago")
NOW = datetime(2026, 3, 2, 7, 30, tzinfo=ZONE).astimezone(UTC)
CALLS_DAY = ANCHOR - timedelta(days=3)  # the Friday before: the anchor's calls come after 07:30
DEFAULT_CACHE = -8000  # SQLCipher's default: 8000 KiB


def main(argv: list[str] | None = None) -> int:
    from vma_desk.storage import database

    args = arguments(__doc__, argv)
    with demo_services(args.years, ANCHOR, NOW) as (services, build_s, protection), \
            tempfile.TemporaryDirectory(prefix="vma-desk-plain-") as tmp:
        path = services.workspace.db_path
        size = path.stat().st_size
        plain = Path(tmp) / "plain.db"
        export_plain(services, plain)
        rows = measure(services, plain, args.runs)
        after_kib = database.cache_kib(size)
    print(f"\nVMA Desk reads against the page cache, {args.years}-year demo workspace "
          f"({size / 1e6:.0f} MB, cache now {after_kib / 1024:.0f} MiB against 8 MB before); protected by "
          f"{protection}; {machine(args.runs)}\n")
    print("| read | encrypted, 8 MB cache | encrypted, sized cache | plain, 8 MB | plain, sized "
          "| before / plain 8 MB | after / plain 8 MB | after / plain sized |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, before, after, floor, floor_sized in rows:
        print(f"| {name} | {before:.2f} | {after:.2f} | {floor:.2f} | {floor_sized:.2f} | "
              f"{before / floor:.2f}x | {after / floor:.2f}x | {after / floor_sized:.2f}x |")
    print(f"\nmedians in ms; demo generation ({args.years} years, one run): {build_s:.1f} s")
    return 0


def export_plain(services, plain: Path) -> None:  # type: ignore[no-untyped-def]
    from vma_desk.storage import database

    conn = database.connect(services.workspace.db_path, services.workspace.key_spec())
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        conn.execute("BEGIN")
        conn.execute("SELECT sqlcipher_export('plain')").fetchall()
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def connections(services, plain: Path) -> dict[str, Callable[[], object]]:  # type: ignore[no-untyped-def]
    import sqlcipher3

    from vma_desk.storage import database

    path, key = services.workspace.db_path, services.workspace.key_spec()

    def encrypted(cache: int | None) -> Callable[[], object]:
        def make() -> object:
            conn = database.connect(path, key)
            database.configure(conn)
            if cache is not None:
                conn.execute(f"PRAGMA cache_size = {cache}")
            return conn
        return make

    def unkeyed(cache: int | None) -> Callable[[], object]:
        def make() -> object:
            conn = sqlcipher3.connect(str(plain), isolation_level=None, check_same_thread=False)
            database.configure(conn)
            if cache is not None:
                conn.execute(f"PRAGMA cache_size = {cache}")
            return conn
        return make

    return {"before": encrypted(DEFAULT_CACHE), "after": encrypted(None), "plain": unkeyed(DEFAULT_CACHE),
            "plain sized": unkeyed(None)}


def measure(services, plain: Path, runs: int) -> list[tuple[str, float, float, float, float]]:  # type: ignore[no-untyped-def]
    calendar, comms = services.calendar, services.communications
    ids = sorted(p.id for p in services.practice.providers())

    def view(days: int, first: date) -> Callable[[int], object]:
        start = datetime.combine(first, datetime.min.time(), tzinfo=ZONE)
        lo, hi = start.astimezone(UTC), (start + timedelta(days=days)).astimezone(UTC)
        return lambda _run: (calendar.appointments(ids, lo, hi), calendar.block_occurrences(ids, lo, hi))

    reads: list[tuple[str, Callable[[int], object]]] = [
        (f"Today agenda ({ANCHOR:%a %Y-%m-%d}, services.agenda.day)", lambda _run: services.agenda.day()),
        ("calendar day data, 4 providers", view(1, ANCHOR + timedelta(days=1))),
        ("calendar week data, 4 providers", view(7, ANCHOR)),
        (f"calls of a day ({CALLS_DAY:%a %Y-%m-%d}, calls_on)", lambda _run: comms.calls_on(CALLS_DAY)),
        ("open messages + overdue", lambda _run: comms.overdue(comms.open_messages())),
        ("refills worklist", lambda _run: services.refills.worklist()),
        ("referrals worklist + prior authorisations",
         lambda _run: (services.referrals.worklist(), services.referrals.prior_auths())),
    ]
    conns = {label: make() for label, make in connections(services, plain).items()}
    live = services.workspace.conn
    original = live._conn
    out = []
    try:
        for name, read in reads:
            times: dict[str, list[float]] = {label: [] for label in conns}
            for run in range(-1, runs):  # round robin, so a busy moment falls on every column alike
                for label, conn in conns.items():
                    live._conn = conn  # the services' one connection, swapped (benchmark only)
                    start = time.perf_counter()
                    read(run)
                    if run >= 0:  # the first round warms each connection's cache
                        times[label].append(1000 * (time.perf_counter() - start))
            medians = {label: statistics.median(values) for label, values in times.items()}
            out.append((name, medians["before"], medians["after"], medians["plain"], medians["plain sized"]))
    finally:
        live._conn = original  # the workspace's own, which demo_services closes
        for conn in conns.values():
            conn.close()  # type: ignore[attr-defined]
    return out

if __name__ == "__main__":
    raise SystemExit(main())
