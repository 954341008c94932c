"""Issue 14's goals, each measured side by side with its floor in the same run.

Builds the demo workspace once (seed 1, anchored on today, --years 5 by default) in a temporary
folder, with the clock of this process and its children fixed at 9:30 practice time on that day
(`sbs_core.fix_clock`: every run reads the same day, whatever the hour it runs), protected by the OS
keyring, compiles the sources to byte code once (`compileall`: an installed VMA Desk has byte code,
while this environment's PYTHONDONTWRITEBYTECODE=1 would make every child compile everything again)
and then runs each measure of `MEASURES` with its floor, interleaved, and prints one table: the
app's median, the floor's median, their ratio and the goal.
Exits 1 when a goal is missed.

Measures so far:
- start-up: a new process from spawn to the unlocked main window with its first tab painted, as a
  real start is once the PIN is typed (workspace unlocked with the keyring, the demo's trainer
  signed in with the demo PIN, the window built and shown), against a new process of bare PySide6
  showing a QMainWindow with a QTabWidget of six tabs, each an empty QTableView. App and floor
  alternate, one process at a time; each child prints its own peak memory (VmHWM of
  /proc/self/status: a forked child would inherit its parent's high-water mark) at its end.
- tab switch: in this process, after every tab's first show (each looked at for a second, the
  event loop running as it does while a VMA reads), Alt+1..6 (`MainWindow.show_tab`:
  setCurrentIndex and the keyboard into the tab's list) until the tab is painted, against
  setCurrentIndex on the bare six-tab window until its tab is painted; app and floor alternate,
  the median per tab, and the slowest tab's median against the floor's.
A new measure is a function taking the `Setup` and returning its `Row`s (`sbs_core.py`), in a module
`sbs_<area>.py` of this folder, added to `MEASURES`; `--only NAME` runs the measures whose function
name contains NAME.

Run beside a keyring, as the tests do:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/side_by_side.py \\
        [--years 5] [--runs 9]
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
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench_support import PaintWatch  # noqa: I001 - this folder is first on sys.path
from sbs_background import measure_background
from sbs_core import TAB_COUNT, Row, Setup, bare_window, fix_clock, open_app_window, peak_memory_kb
from sbs_memory import measure_memory
from sbs_reads import measure_reads, measure_save_call, measure_search

ROOT = Path(__file__).resolve().parent.parent
STARTUP_GOAL = 2.0  # the app's start at most twice the bare window's
SWITCH_GOAL = 1.5  # a tab switch at most 1.5 times the bare window's


# --- start-up: separate processes ---------------------------------------------------------------
def measure_startup(setup: Setup) -> list[Row]:
    app_ms: list[float] = []
    floor_ms: list[float] = []
    app_mb: list[float] = []
    floor_mb: list[float] = []
    pin_ms: list[float] = []
    for run in range(-1, setup.runs):  # run -1 warms the disk cache for both, untimed
        for kind, times, peaks in (("app", app_ms, app_mb), ("floor", floor_ms, floor_mb)):
            ms, lines = start_child(setup, kind)
            if run >= 0:
                times.append(ms)
                peaks.append(float(lines["vmhwm_kb"]) / 1024)
                if kind == "app":
                    pin_ms.append(float(lines["pin_ms"]))
    setup.notes.append(
        "start-up is a start signed in at once (the demo's trainer, as `open_window`'s silent start "
        "signs in the only user who chose it): the workspace opened with the OS keyring's key, the "
        "window built and its first tab painted. A start with a PIN adds the sign-in page and, "
        "once the PIN is typed, its check (sign-in service, Argon2id: a cost chosen to make PIN "
        f"guessing slow, not start-up work): median {statistics.median(pin_ms):.0f} ms, timed in the "
        "same child after its start.")
    return [
        Row("process start -> unlocked main window, first tab painted", app_ms, floor_ms, "ms", STARTUP_GOAL),
        Row("peak memory of that process (its own VmHWM)", app_mb, floor_mb, "MB", None),
    ]


def start_child(setup: Setup, kind: str) -> tuple[float, dict[str, str]]:
    """(ms from spawning the child to its "ready" line, the `name value` lines it printed)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind,
               "--data-dir", str(setup.data_dir)]
    with tempfile.TemporaryFile(mode="w+") as errors:  # a file: a full stderr pipe would block the child
        start = time.perf_counter()
        child = subprocess.Popen(command, env=setup.env, stdout=subprocess.PIPE, stderr=errors, text=True,
                                 cwd=ROOT)
        assert child.stdout is not None
        ready = child.stdout.readline()
        ms = 1000 * (time.perf_counter() - start)
        rest = child.stdout.read()  # the same buffered reader: readline may hold more than its line
        child.wait(timeout=120)
        errors.seek(0)
        if child.returncode != 0 or not ready.startswith("ready") or "vmhwm_kb " not in rest:
            raise RuntimeError(f"the {kind} child failed ({child.returncode}): {ready}{rest}{errors.read()}")
    lines = dict(line.split(" ", 1) for line in rest.splitlines() if " " in line)
    return ms, lines


def child_main(kind: str, data_dir: Path) -> int:
    """A child process: the app's start (or the floor's), "ready" printed once the first tab is
    painted, then the window closed and the process's peak memory printed."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    painted: list[bool] = []
    pin_ms: list[float] = []

    def check_pin() -> None:
        """What a start with the PIN typed adds: its check (Argon2id), timed once the start is."""
        from vma_desk.services.users import DEMO_PIN

        start = time.perf_counter()
        window.services.users.sign_in(window.services.context.user_id, DEMO_PIN)
        pin_ms.append(1000 * (time.perf_counter() - start))

    class Ready(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(True)
                print("ready", flush=True)
                if kind == "app":
                    QTimer.singleShot(0, check_pin)
                QTimer.singleShot(0, QApplication.quit)
            return False

    ready = Ready()
    if kind == "app":
        app, window, _ = open_app_window(data_dir)
    else:
        app = QApplication([sys.argv[0]])
        window = bare_window()
    window.tabs.currentWidget().installEventFilter(ready)
    window.show()
    app.exec()
    if kind == "app":
        window.close()
        window.shutdown()
    else:
        window.close()
    print(f"pin_ms {pin_ms[0] if pin_ms else 0.0:.1f}")
    print(f"vmhwm_kb {peak_memory_kb()}", flush=True)
    return 0 if painted else 1


# --- tab switches: in this process ----------------------------------------------------------------
LOOK_S = 1.0  # how long the VMA looks at each tab at its first show, before the timed switches


def rest(app: Any, seconds: float) -> None:  # noqa: ANN401
    """The event loop left to run (timers, idle work) for `seconds`, as it runs while a VMA reads."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def measure_tab_switches(setup: Setup) -> list[Row]:
    app, window, _ = open_app_window(setup.data_dir)
    floor = bare_window()
    watch = PaintWatch()
    try:
        for shown in (window, floor):
            shown.show()
            app.processEvents()
        titles = [window.tabs.tabText(i).split(" (")[0] for i in range(TAB_COUNT)]  # without its badge
        for i in [*range(TAB_COUNT), 0]:  # every tab's first show, untimed, each looked at a moment
            window.show_tab(i)
            floor.tabs.setCurrentIndex(i)
            rest(app, LOOK_S)
        app_ms: list[list[float]] = [[] for _ in range(TAB_COUNT)]
        floor_ms: list[list[float]] = [[] for _ in range(TAB_COUNT)]

        def switch(target: Any, index: int, go: Callable[[int], None]) -> float:  # noqa: ANN401
            watch.arm(target.tabs.widget(index))
            start = time.perf_counter()
            go(index)
            watch.finish(app, target)
            return 1000 * (time.perf_counter() - start)

        for run in range(-1, setup.runs):  # run -1 warms up, untimed
            for step in range(1, TAB_COUNT + 1):  # each tab once, from the one before it
                index = step % TAB_COUNT
                a = switch(window, index, window.show_tab)
                f = switch(floor, index, floor.tabs.setCurrentIndex)
                if run >= 0:
                    app_ms[index].append(a)
                    floor_ms[index].append(f)
        watch.arm(app)
    finally:
        floor.close()
        window.close()
        window.shutdown()
    setup.notes.append(
        f"tab switches: every tab was shown once and looked at for {LOOK_S:.0f} s (the event loop "
        "running, as it does while a VMA reads) before the timed switches, which follow each other "
        f"with no pause; {watch.forced} of {2 * TAB_COUNT * (setup.runs + 1)} switches were painted by "
        "window.repaint() because the event loop had not painted them (counted in the time); the bare "
        "window shares this process's QApplication, so the app's style sheet applies to it too.")
    rows = [Row(f"tab switch (Alt+{i + 1}) to {titles[i]} and repaint", app_ms[i], floor_ms[i], "ms",
                SWITCH_GOAL) for i in range(TAB_COUNT)]
    slowest = max(range(TAB_COUNT), key=lambda i: statistics.median(app_ms[i]))
    rows.append(Row(f"tab switch, slowest tab ({titles[slowest]}) vs the bare window's median",
                    app_ms[slowest], [ms for runs in floor_ms for ms in runs], "ms", SWITCH_GOAL))
    return rows


# --- first shows: in this process -------------------------------------------------------------------
FIRST_SHOW_LIMIT = 50.0  # ms: the first show of any tab, absolute


def measure_first_shows(setup: Setup) -> list[Row]:
    """Each tab's first show (built, read, painted) in a new window signed in on Today, against the
    first show of the same tab of a new bare window; Today's own in a window that starts on Calls
    (the tab a window was closed on is the one it opens on)."""
    watch = PaintWatch()
    app_ms: list[list[float]] = [[] for _ in range(TAB_COUNT)]
    floor_ms: list[list[float]] = [[] for _ in range(TAB_COUNT)]
    titles: list[str] = []

    def first_show(target: Any, index: int, go: Callable[[int], None]) -> float:  # noqa: ANN401
        start = time.perf_counter()
        go(index)
        watch.arm(target.tabs.widget(index))  # the tab itself: built by the show, in its place now
        watch.finish(app, target)
        return 1000 * (time.perf_counter() - start)

    for run in range(-1, setup.runs):  # run -1 warms up, untimed
        for start_on in (0, 2):  # Today (then every other tab), Calls (then Today)
            app, window, _ = open_app_window(setup.data_dir)
            floor = bare_window()
            try:
                for shown in (window, floor):
                    shown.show()
                    app.processEvents()
                floor.tabs.setCurrentIndex(window.tabs.currentIndex())
                app.processEvents()
                assert window.tabs.currentIndex() == start_on, "the window opened on another tab"
                titles = titles or [window.tabs.tabText(i).split(" (")[0] for i in range(TAB_COUNT)]
                for index in ([1, 2, 3, 4, 5] if start_on == 0 else [0]):
                    a = first_show(window, index, window.show_tab)
                    f = first_show(floor, index, floor.tabs.setCurrentIndex)
                    if run >= 0:
                        app_ms[index].append(a)
                        floor_ms[index].append(f)
                window.show_tab(2 if start_on == 0 else 0)  # closed there: the next window opens there
                app.processEvents()
            finally:
                watch.arm(app)
                floor.close()
                window.close()
                window.shutdown()
    return [Row(f"first show of {titles[i]} (Alt+{i + 1}: built, read, painted)", app_ms[i], floor_ms[i],
                "ms", None, FIRST_SHOW_LIMIT) for i in range(TAB_COUNT)]


#: each measure of issue 14's table with its floor, in the order printed
MEASURES: list[Callable[[Setup], list[Row]]] = [measure_startup, measure_tab_switches, measure_first_shows,
                                                  measure_reads,
                                                  measure_save_call, measure_search, measure_memory,
                                                  measure_background]


# --- the run ------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="run only the measures whose function name contains NAME (repeatable)")
    parser.add_argument("--child", choices=("app", "floor"), help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child:
        return child_main(args.child, args.data_dir)

    load_before = os.getloadavg()[0]
    fixed_now = fix_clock(date.today())  # before anything reads the clock; the children read it too
    compiled = compileall.compile_dir(ROOT / "vma_desk", quiet=1)
    from vma_desk.demo import create_demo_workspace
    from vma_desk.storage.keys import KeyStore
    from vma_desk.storage.workspace import Protection

    keystore = KeyStore.from_environment()
    with tempfile.TemporaryDirectory(prefix="vma-desk-bench-") as tmp:
        data_dir = Path(tmp) / "demo"
        t0 = time.perf_counter()
        made, _, _ = create_demo_workspace(data_dir, keystore, seed=1, years=args.years, anchor=date.today())
        build_s = time.perf_counter() - t0
        patients = made.conn.execute("SELECT count(*) FROM patient").fetchone()[0]
        protection = made.protection
        workspace_id = made.workspace_id
        made.close()
        if protection is not Protection.KEYRING:
            print("side_by_side.py: no OS keyring (run beside one: see the docstring)", file=sys.stderr)
            return 2
        config = Path(tmp) / "config"  # the children's QSettings: not this user's
        os.environ["XDG_CONFIG_HOME"] = str(config)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        setup = Setup(data_dir, args.years, args.runs, env)
        size_mb = sum(f.stat().st_size for f in data_dir.rglob("*") if f.is_file()) / 1e6
        try:
            chosen = [m for m in MEASURES if not args.only or any(n in m.__name__ for n in args.only)]
            rows = [row for measure in chosen for row in measure(setup)]
        finally:
            keystore.delete(workspace_id)
    print(f"\nVMA Desk side by side with its floors, {args.years}-year demo ({patients:,} patients, "
          f"{size_mb:.0f} MB, built in {build_s:.0f} s, anchored {date.today()}, the clock fixed at "
          f"{fixed_now:%H:%M} UTC, 9:30 practice time), protected by the OS "
          f"keyring ({keystore.name}); {args.runs} runs each, medians; {os.cpu_count()} cores; Python "
          f"{sys.version.split()[0]}; byte code {'compiled (compileall)' if compiled else 'NOT all compiled'}"
          f"; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after (other work on this "
          "machine shares its cores)\n")
    print_table(rows)
    print()
    for note in setup.notes:
        print(f"- {note}")
    return 0 if all(row.passed for row in rows) else 1


def print_table(rows: list[Row]) -> None:
    print("| measure | app median | floor median | ratio | goal | verdict |")
    print("|---|---:|---:|---:|---:|---|")
    for row in rows:
        goal = row.goal_text
        verdict = "" if row.goal is None and row.limit is None else ("pass" if row.passed else "FAIL")
        print(f"| {row.measure} | {statistics.median(row.app):.1f} {row.unit} | "
              f"{statistics.median(row.floor):.1f} {row.unit} | {row.ratio:.2f}x | {goal} | {verdict} |")


if __name__ == "__main__":
    sys.exit(main())
