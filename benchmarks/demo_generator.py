"""Times `vma-desk demo create` in-process (and `check` on what it made), printing a table of medians.

Run it beside a keyring, as the tests do, so that the numbers are those of a real workstation:

    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/demo_generator.py

Without a keyring the demo falls back to its published passphrase, and each unlock then pays for
SQLCipher's key derivation; the table says which was used.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from vma_desk import cli
from vma_desk.demo.generator import PATIENTS_PER_YEAR
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Manifest

ANCHOR = "2026-03-02"


def timed(argv: list[str]) -> float:
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    status = cli.run(cli.parse_args(argv), out=out, err=err)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(argv[:2])} failed: {err.getvalue().strip()}")
    return elapsed


def one_run(years: int, keystore: KeyStore) -> tuple[float, float]:
    """Seconds for `demo create` and for `check` of one fresh workspace, which is then removed."""
    folder = Path(tempfile.mkdtemp(prefix="vma-desk-bench-")) / "demo"
    try:
        create = timed(["demo", "create", "--data-dir", str(folder), "--years", str(years),
                        "--anchor", ANCHOR])
        check = timed(["check", "--data-dir", str(folder)])
        return create, check
    finally:
        manifest = Manifest.read(folder)
        if manifest and keystore.available:
            keystore.delete(manifest.workspace_id)
        shutil.rmtree(folder.parent, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of the one-year demo (median)")
    parser.add_argument("--large-years", type=int, default=5, help="years of the single large run")
    args = parser.parse_args(argv)
    keystore = KeyStore.from_environment()
    protection = f"OS keyring ({keystore.name})" if keystore.available else "demo passphrase"

    cases = [(1, args.runs), (args.large_years, 1)]
    rows = []
    for years, runs in cases:
        results = [one_run(years, keystore) for _ in range(runs)]
        for label, values in (("demo create", [c for c, _ in results]),
                              ("check", [k for _, k in results])):
            median = statistics.median(values)
            patients = PATIENTS_PER_YEAR * years
            rows.append((f"{label} --years {years}", runs, patients, median, min(values),
                         max(values), 1000 * median / patients))

    print(f"demo generator, anchor {ANCHOR}, protected by: {protection}, Python "
          f"{sys.version.split()[0]}")
    print()
    print("| command | runs | patients | median s | min s | max s | median s / 1,000 patients |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, runs, patients, median, low, high, per_k in rows:
        print(f"| {name} | {runs} | {patients:,} | {median:.2f} | {low:.2f} | {high:.2f} | "
              f"{per_k:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
