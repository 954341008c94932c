"""Time from process start to an unlocked main window, on a 5-year demo workspace.

Builds the demo workspace once (seed 1, --years 5 by default) in a temporary folder, then starts
`python -m vma_desk --data-dir DIR` as a new process N times with VMA_DESK_EXIT_WHEN_READY=1: the
app quits as soon as the unlocked window is shown. Reports the wall time from spawning the process
to the window being up (what a VMA waits for), and the app's own figure from QApplication creation.

Run beside a keyring, as the test command does:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/startup.py [--years 5] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from vma_desk.demo import create_demo_workspace
    from vma_desk.storage.keys import KeyStore

    keystore = KeyStore.from_environment()
    with tempfile.TemporaryDirectory(prefix="vma-desk-bench-") as tmp:
        data_dir = Path(tmp) / "demo"
        t0 = time.perf_counter()
        workspace, _, _ = create_demo_workspace(data_dir, keystore, seed=1, years=args.years,
                                                anchor=date(2026, 11, 23))
        build_s = time.perf_counter() - t0
        patients = workspace.conn.execute("SELECT count(*) FROM patient").fetchone()[0]
        workspace.close()
        env = dict(os.environ, VMA_DESK_EXIT_WHEN_READY="1", QT_QPA_PLATFORM="offscreen",
                   XDG_CONFIG_HOME=str(Path(tmp) / "config"))
        walls, inner = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "vma_desk", "--data-dir", str(data_dir)],
                                 env=env, capture_output=True, text=True, timeout=120, check=True)
            walls.append(1000 * (time.perf_counter() - start))
            ready = [line for line in out.stdout.splitlines() if line.startswith("ready ")]
            inner.append(float(ready[-1].split()[1]))
        keystore.delete(workspace.workspace_id)

    print(f"\nVMA Desk start-up, {args.years}-year demo workspace ({patients:,} patients), "
          f"{args.runs} runs, {os.cpu_count()} cores\n")
    print("| measure | median | min | max |")
    print("|---|---:|---:|---:|")
    print(f"| process start -> unlocked main window | {statistics.median(walls):.0f} ms | "
          f"{min(walls):.0f} ms | {max(walls):.0f} ms |")
    print(f"| QApplication -> unlocked main window (in-process) | {statistics.median(inner):.0f} ms | "
          f"{min(inner):.0f} ms | {max(inner):.0f} ms |")
    print(f"| demo generator, {args.years} years (one run) | {build_s * 1000:.0f} ms | | |")
    print("\ntarget: unlocked window in under 1 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
