"""Backup and restore speed on the 5-year demo workspace, against the floor measured in the same run.

Builds the demo workspace once (seed 1, anchor Monday 2026-03-02, --years 5 by default) in a
temporary folder, protected by the OS keyring when there is one, then times:
- the floor: a raw `sqlcipher_export` of the workspace into a new keyed file (one transaction),
  then SQLCipher's `cipher_integrity_check` and SQLite's `integrity_check` on that file (what any
  verified encrypted copy must do at least);
- `services.backups.backup_to(folder)`: the backup with its verification (counts too), fsync,
  rename and its record in the workspace;
- `restore(backup, new folder)`: verify, copy, verify the copy, keyring, open, audit.
Ratios to the floor's median (target: at most 1.3x).

Run beside a keyring, as the tests do:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/backup_speed.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from bench_support import Row, arguments, demo_services, machine, print_table  # noqa: I001 - this folder is first on sys.path

ANCHOR = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
RATIO = 1.3


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv, runs=5)
    with demo_services(args.years, ANCHOR, NOW) as (services, build_s, protection), \
            tempfile.TemporaryDirectory(prefix="vma-desk-backup-bench-") as tmp:
        size = services.workspace.db_path.stat().st_size
        rows, ratios = measure(services, Path(tmp), args.runs)
    floor = statistics.median(rows[0][1])
    target_rows: list[Row] = [rows[0]] + [(name, values, floor * RATIO) for name, values, _ in rows[1:]]
    print_table(f"VMA Desk backup and restore, {args.years}-year demo workspace ({size / 1e6:.0f} MB); "
                f"protected by {protection}; {machine(args.runs)}", target_rows,
                "ratios to the floor (target <= 1.3x): "
                + "; ".join(f"{name.split(':')[0]} {ratio:.2f}x" for name, ratio in ratios)
                + f"\ndemo generation ({args.years} years, one run, everything): {build_s:.1f} s")
    return 0


def floor_once(services, folder: Path) -> None:  # type: ignore[no-untyped-def]
    from vma_desk.storage import database
    from vma_desk.storage.backup import create_private, key_text

    key = services.workspace.key_spec()
    target = folder / f"floor-{time.perf_counter_ns()}.db"
    create_private(target)
    conn = database.connect(services.workspace.db_path, key)
    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("ATTACH DATABASE ? AS copy KEY ?", (str(target), key_text(key)))
        conn.execute("BEGIN")  # one transaction: else each table's copy commits (and syncs) alone
        conn.execute("SELECT sqlcipher_export('copy')").fetchall()
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE copy")
    finally:
        conn.close()
    check = database.connect(target, key)
    try:
        assert check.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        check.close()
    target.unlink()


def measure(services, tmp: Path, runs: int):  # type: ignore[no-untyped-def]
    from vma_desk.services.backups import restore
    from vma_desk.storage.keys import KeyStore, format_recovery_key

    keystore = KeyStore.from_environment()
    key = services.workspace.key_spec()
    recovery = format_recovery_key(key.raw) if key.raw is not None else None
    floor, backups, restores = [], [], []
    made: list[Path] = []
    folder = tmp / "backups"
    folder.mkdir()
    for run in range(-1, runs):  # one warm-up; the three interleaved so the disk cache treats them alike
        start = time.perf_counter()
        floor_once(services, tmp)
        t_floor = 1000 * (time.perf_counter() - start)
        services.context.clock = type(services.context.clock)(NOW.replace(minute=run + 2))
        start = time.perf_counter()
        result = services.backups.backup_to(folder)
        t_backup = 1000 * (time.perf_counter() - start)
        made.append(result.path)
        start = time.perf_counter()
        workspace, _ = restore(result.path, tmp / f"restored-{run + 1}", keystore, recovery_key=recovery,
                               passphrase=None if recovery else key.passphrase)
        workspace.close()
        t_restore = 1000 * (time.perf_counter() - start)
        if run >= 0:
            floor.append(t_floor)
            backups.append(t_backup)
            restores.append(t_restore)
    rows: list[Row] = [
        ("floor: raw sqlcipher_export + cipher_integrity_check + integrity_check", floor, 0.0),
        ("backup_to: export in one read transaction, both checks, counts, fsync, rename, record",
         backups, 0.0),
        ("restore: verify key, copy, both checks on the copy, keyring, open, audit", restores, 0.0),
    ]
    base = statistics.median(floor)
    rows[0] = (rows[0][0], floor, base * 1.05)
    ratios = [("backup_to", statistics.median(backups) / base),
              ("restore", statistics.median(restores) / base)]
    return rows, ratios


if __name__ == "__main__":
    raise SystemExit(main())
