"""Time to pick the OS keyring at start-up: the backend used directly vs keyring's plugin discovery.

Each run is a fresh process (byte code compiled first, as an installed app has it) that imports
vma_desk.storage.keys, then times one way of choosing the backend; the three ways alternate:

- floor: the one check keyring itself needs, SecretService.Keyring.priority (a D-Bus round trip),
- old:   keyring.backend.get_all_keyring() (every installed plugin loaded) filtered by the
         allow-list, the highest priority kept, as KeyStore.from_environment did before issue 14,
- new:   KeyStore.from_environment() as it is now.

Run beside a keyring, as the test command does:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/keyring_start.py [--runs 15]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import sys, time
t0 = time.perf_counter()
from vma_desk.storage import keys
t1 = time.perf_counter()
mode = sys.argv[1]
if mode == "floor":
    from keyring.backends.SecretService import Keyring
    assert Keyring.priority > 0
    name = "SecretService"
elif mode == "old":
    import keyring.backend
    real = [b for b in keyring.backend.get_all_keyring() if keys.is_real_backend(b)]
    viable = [b for b in real if b.priority > 0]
    name = type(max(viable, key=lambda b: b.priority)).__module__.rsplit(".", 1)[-1]
else:
    name = keys.KeyStore.from_environment().name
t2 = time.perf_counter()
print(f"{1000 * (t1 - t0):.3f} {1000 * (t2 - t1):.3f} {name}")
"""

MODES = ("floor", "old", "new")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    for folder in (ROOT / "vma_desk", Path(sysconfig.get_paths()["purelib"])):
        compileall.compile_dir(str(folder), quiet=2)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)

    walls: dict[str, list[float]] = {m: [] for m in MODES}
    picks: dict[str, list[float]] = {m: [] for m in MODES}
    names: dict[str, set[str]] = {m: set() for m in MODES}
    for run in range(-1, args.runs):  # run -1 warms the file cache and is not counted
        for mode in MODES:
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", CHILD, mode], env=env, cwd=ROOT,
                                 capture_output=True, text=True, timeout=60, check=True)
            wall = 1000 * (time.perf_counter() - start)
            _, pick, name = out.stdout.split()
            if run >= 0:
                walls[mode].append(wall)
                picks[mode].append(float(pick))
                names[mode].add(name)

    floor_pick = statistics.median(picks["floor"])
    floor_wall = statistics.median(walls["floor"])
    print(f"\nChoosing the OS keyring in a fresh process: {args.runs} runs each, interleaved; "
          f"{os.cpu_count()} cores; Python {sys.version.split()[0]}\n")
    print("| way | backend | choose: median ms | min | max | x floor | process: median ms | x floor |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for mode in MODES:
        pick, wall = statistics.median(picks[mode]), statistics.median(walls[mode])
        print(f"| {mode} | {', '.join(sorted(names[mode]))} | {pick:.1f} | {min(picks[mode]):.1f} | "
              f"{max(picks[mode]):.1f} | {pick / floor_pick:.2f} | {wall:.0f} | "
              f"{wall / floor_wall:.2f} |")
    print("\nchoose = time after `import vma_desk.storage.keys` (keyring imported) until the backend "
          "is chosen;\nprocess = wall time of the whole child process.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
