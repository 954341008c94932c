"""`vma-desk check` with the audit-chain verification, against the floor `PRAGMA integrity_check`.

Builds a demo workspace (seed 1, --years 5 by default) in a temporary folder and, since the demo
generator writes few audit entries itself, appends --audit-entries (default 50,000: years of a
practice's trail) through the real, chained `AuditRepository.append`; then times, in the same
run: SQLite's `PRAGMA integrity_check` alone on an open connection (the floor), the audit chain's
verification alone (walk + anchor), and the whole
`vma-desk check` in-process (unlock, SQLCipher's and SQLite's integrity checks, foreign keys,
counts, the chain and its anchor, the check's own audit entry, close), and migration 8's chaining
step over the same entries (rolled back). Prints median/min/max.

Run beside a keyring, as the test command does:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/check_speed.py [--runs 5]
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_support import arguments, machine, timed  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    extra = [a for a in (argv if argv is not None else sys.argv[1:])]
    wanted = 50_000
    if "--audit-entries" in extra:
        at = extra.index("--audit-entries")
        wanted = int(extra[at + 1])
        del extra[at:at + 2]
    args = arguments(__doc__, extra, runs=5)
    from vma_desk import cli
    from vma_desk.core.records import AuditAction, AuditEntry
    from vma_desk.demo import DEMO_PASSPHRASE, create_demo_workspace
    from vma_desk.storage import audit_chain
    from vma_desk.storage.audit import AuditRepository
    from vma_desk.storage.database import transaction
    from vma_desk.storage.keys import KeyStore
    from vma_desk.storage.workspace import Protection, Workspace

    keystore = KeyStore.from_environment()
    with tempfile.TemporaryDirectory(prefix="vma-desk-bench-") as tmp:
        data_dir = Path(tmp) / "demo"
        t0 = time.perf_counter()
        made, _, _ = create_demo_workspace(data_dir, keystore, seed=1, years=args.years,
                                           anchor=date(2026, 11, 23))
        build_s = time.perf_counter() - t0
        made.close()
        try:
            def open_workspace() -> Workspace:
                return Workspace.unlock_with_keyring(data_dir, keystore) \
                    if made.protection is Protection.KEYRING else \
                    Workspace.unlock_with_passphrase(data_dir, DEMO_PASSPHRASE)

            ws = open_workspace()
            t1 = time.perf_counter()
            with transaction(ws.conn):
                repo = AuditRepository(ws.conn)
                now = datetime.now(UTC)
                for n in range(wanted):
                    repo.append(AuditEntry(at=now, user="Bench VMA", action=AuditAction.UPDATE,
                                           record_type="patient", record_id=str(n % 8000),
                                           detail="fields: phones", workstation="bench@desk", user_id=1))
            append_ms = 1000 * (time.perf_counter() - t1) / max(wanted, 1)
            ws.close()  # anchors the new head
            ws = open_workspace()
            entries = audit_chain.chain_head(ws.conn).count
            size_mb = ws.db_path.stat().st_size / 1e6
            floor = timed(args.runs, lambda _: ws.conn.execute("PRAGMA integrity_check").fetchall())
            chain = timed(args.runs, lambda _: audit_chain.check_workspace(ws))

            def rechain(_: int) -> None:
                ws.conn.execute("BEGIN IMMEDIATE")
                try:
                    audit_chain.install(ws.conn)
                finally:
                    ws.conn.execute("ROLLBACK")

            migration = timed(max(1, args.runs // 2), rechain)
            assert audit_chain.check_workspace(ws).ok
            ws.close()
            command = cli.parse_args(["check", "--data-dir", str(data_dir)])

            def check(_: int) -> None:
                out, err = io.StringIO(), io.StringIO()
                status = cli.run(command, out=out, err=err)
                assert status == 0, err.getvalue()
                assert "entries, verified" in out.getvalue()

            whole = timed(args.runs, check)
        finally:
            if made.protection is Protection.KEYRING:
                keystore.delete(made.workspace_id)

    base = statistics.median(floor)
    print(f"\nvma-desk check on a {args.years}-year demo ({size_mb:.0f} MB, {entries:,} audit entries; "
          f"built in {build_s:.0f} s)\n")
    print("| operation | median ms | min ms | max ms | x floor |")
    print("|---|---:|---:|---:|---:|")
    for name, values in (("floor: PRAGMA integrity_check alone", floor),
                         ("audit chain: verify + anchor", chain),
                         ("vma-desk check (whole command, in-process)", whole),
                         ("migration 8: chaining every entry (rolled back)", migration)):
        median = statistics.median(values)
        print(f"| {name} | {median:.1f} | {min(values):.1f} | {max(values):.1f} | {median / base:.2f} |")
    print(f"\nAppending one chained audit entry: {append_ms:.3f} ms (SELECT of the newest + HMAC + "
          f"INSERT). {machine(args.runs)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
