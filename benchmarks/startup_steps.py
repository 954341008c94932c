"""What a start costs step by step: the bare six-tab window (`side_by_side.py`'s start-up floor),
then the same window with, added one at a time, each part that every VMA Desk start needs before
any of its own windows exist, and last the app's real start.

Each step is a new process from spawn to its first tab painted, the steps interleaved run by run
(one process at a time), after a warm-up round; medians, and each median against the bare
window's. The steps:
1. bare: PySide6 showing a QMainWindow with six empty QTableView tabs (the floor);
2. + key: the workspace key read from the OS keyring (`KeyStore`, the Secret Service over D-Bus);
3. + open: the SQLCipher workspace opened with it (`Workspace.unlock_with_keyring`: key check,
   migrations check, manifest) and one query;
4. + services: the domain (`core/`, frozen dataclasses and enums, as ARCHITECTURE.md prescribes)
   and the services that are the app's one API imported (`import vma_desk.services`);
5. app: the real start (`side_by_side.py`'s app child: window built, Today read and painted).

Steps 2-4 build no window of the app and read no data for it: a lower bound for a start of this
architecture on this machine's Python. Same demo, clock and byte code as `side_by_side.py`.

Run beside a keyring, as the tests do:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/startup_steps.py [--runs 9]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve()
STEPS = ("bare", "key", "open", "services", "app")
LABELS = {
    "bare": "bare six-tab window (the floor)",
    "key": "+ the key from the OS keyring",
    "open": "+ the SQLCipher workspace opened, one query",
    "services": "+ the domain and services imported",
    "app": "the app's real start (first tab painted)",
}


def step_child(step: str, data_dir: Path) -> int:
    """A child: the parts of `step` (each step includes the ones before it), then the bare window
    shown; "ready" once its first tab is painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    from sbs_core import bare_window

    app = QApplication([sys.argv[0]])
    rank = STEPS.index(step)
    if rank >= 1:
        from vma_desk.storage.keys import KeyStore

        keystore = KeyStore.from_environment()
    if rank >= 2:
        from vma_desk.storage.workspace import Workspace

        workspace = Workspace.unlock_with_keyring(data_dir, keystore)
        workspace.conn.execute("SELECT count(*) FROM appointment").fetchone()
    if rank >= 3:
        import vma_desk.services  # noqa: F401 - the import is the step

    window = bare_window()
    painted: list[bool] = []

    class Ready(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(True)
                print("ready", flush=True)
                QTimer.singleShot(0, QApplication.quit)
            return False

    ready = Ready()
    window.tabs.currentWidget().installEventFilter(ready)
    window.show()
    app.exec()
    if rank >= 2:
        workspace.close()
    return 0 if painted else 1


def spawn(step: str, data_dir: Path, env: dict[str, str]) -> float:
    """Milliseconds from spawning the step's child to its "ready" line."""
    if step == "app":
        command = [sys.executable, str(HERE.parent / "side_by_side.py"), "--child", "app",
                   "--data-dir", str(data_dir)]
    else:
        command = [sys.executable, str(HERE), "--child", step, "--data-dir", str(data_dir)]
    with tempfile.TemporaryFile(mode="w+") as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=errors, text=True, cwd=ROOT)
        assert child.stdout is not None
        ready = child.stdout.readline()
        ms = 1000 * (time.perf_counter() - start)
        child.stdout.read()
        child.wait(timeout=120)
        if child.returncode != 0 or not ready.startswith("ready"):
            errors.seek(0)
            raise RuntimeError(f"the {step} child failed ({child.returncode}): {ready}{errors.read()}")
    return ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--child", choices=STEPS, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(HERE.parent))
    if args.child:
        return step_child(args.child, args.data_dir)

    from sbs_core import fix_clock

    fix_clock(date.today())
    compiled = compileall.compile_dir(ROOT / "vma_desk", quiet=1)
    from vma_desk.demo import create_demo_workspace
    from vma_desk.storage.keys import KeyStore
    from vma_desk.storage.workspace import Protection

    keystore = KeyStore.from_environment()
    with tempfile.TemporaryDirectory(prefix="vma-desk-bench-") as tmp:
        data_dir = Path(tmp) / "demo"
        made, _, _ = create_demo_workspace(data_dir, keystore, seed=1, years=args.years, anchor=date.today())
        protection, workspace_id = made.protection, made.workspace_id
        made.close()
        if protection is not Protection.KEYRING:
            print("startup_steps.py: no OS keyring (run beside one: see the docstring)", file=sys.stderr)
            return 2
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent), env.get("PYTHONPATH")]))
        times: dict[str, list[float]] = {step: [] for step in STEPS}
        try:
            for run in range(-1, args.runs):  # run -1 warms the disk cache, untimed
                for step in STEPS:
                    ms = spawn(step, data_dir, env)
                    if run >= 0:
                        times[step].append(ms)
        finally:
            keystore.delete(workspace_id)
    floor = statistics.median(times["bare"])
    print(f"\nA start step by step, {args.years}-year demo; {args.runs} runs each, medians; "
          f"{os.cpu_count()} cores; Python {sys.version.split()[0]}; byte code "
          f"{'compiled' if compiled else 'NOT all compiled'}\n")
    print("| step | median ms | x the bare window | added by this step, ms |")
    print("|---|---|---|---|")
    before = floor
    for step in STEPS:
        median = statistics.median(times[step])
        added = "" if step in ("bare", "app") else f"{median - before:+.0f}"
        print(f"| {LABELS[step]} | {median:.0f} | {median / floor:.2f}x | {added} |")
        if step != "app":
            before = median
    return 0


if __name__ == "__main__":
    sys.exit(main())
