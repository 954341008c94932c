"""What the measures of `side_by_side.py` share: the `Setup` every measure is given, the `Row` it
returns, the app's window opened as a real start opens it (`open_app_window`), the floor's bare
six-tab window (`bare_window`) and a process's own peak memory (`peak_memory_kb`).

A measure is a function `measure_x(setup: Setup) -> list[Row]` in a module of this folder
(`sbs_<area>.py`), listed in `side_by_side.MEASURES`."""

from __future__ import annotations

import os
import statistics
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

TAB_COUNT = 6
WIDTH, HEIGHT = 1366, 768
BENCH_NOW = "VMA_DESK_BENCH_NOW"  # the fixed "now" (ISO, UTC) of this run and its children


@dataclass
class Setup:
    """What every measure shares: the demo workspace and the children's environment."""

    data_dir: Path
    years: int
    runs: int
    env: dict[str, str]
    notes: list[str] = field(default_factory=list)


@dataclass
class Row:
    measure: str
    app: list[float]
    floor: list[float]
    unit: str  # "ms" or "MB"
    goal: float | None  # the highest app / floor ratio allowed; None: shown, not held to a goal
    limit: float | None = None  # the highest app median allowed, in `unit` (an absolute goal)

    @property
    def ratio(self) -> float:
        return statistics.median(self.app) / statistics.median(self.floor)

    @property
    def passed(self) -> bool:
        return ((self.goal is None or self.ratio <= self.goal)
                and (self.limit is None or statistics.median(self.app) <= self.limit))

    @property
    def goal_text(self) -> str:
        goals = ([f"<= {self.goal:.1f}x"] if self.goal is not None else []) + (
            [f"<= {self.limit:g} {self.unit}"] if self.limit is not None else [])
        return ", ".join(goals) or "(shown)"


def fix_clock(anchor: date | None = None) -> datetime:
    """Benchmark only: every window and service of this process (and, through the environment, of
    its children) reads one fixed "now": 9:30 in the morning, practice time, on the demo's anchor
    day. Without it a run started after the practice's midnight reads a "today" with no calls yet,
    and two runs of the same code read different days. A stand-in for the real clock, because the
    measured day must not depend on when the benchmark runs; `SystemClock` is what every service's
    `Clock` is when none is given."""
    from vma_desk.core.clock import SystemClock

    if anchor is not None:  # the parent: the children only read the environment (no demo import)
        from vma_desk.demo.catalog import TIME_ZONE

        local = datetime.combine(anchor, clock_time(9, 30), tzinfo=ZoneInfo(TIME_ZONE))
        os.environ[BENCH_NOW] = local.astimezone(UTC).isoformat()
    fixed = datetime.fromisoformat(os.environ[BENCH_NOW])
    SystemClock.now = lambda _self: fixed  # type: ignore[method-assign]
    return fixed


def open_app_window(data_dir: Path, *, type_pin: bool = False) -> tuple[Any, Any, float]:
    """(QApplication, MainWindow not shown yet, ms of the PIN check): what `run_gui` and
    `open_window` do for a start signed in at once (`open_window`'s silent start: the demo's
    trainer signed in without a PIN, `UserService.act_as`), or with `type_pin` as the sign-in page
    does once the demo PIN is typed (`UserService.sign_in`, its Argon2id check timed)."""
    from vma_desk.ui.application import make_application

    if BENCH_NOW in os.environ:
        fix_clock()
    app = make_application()
    from vma_desk.core.users import UserRole
    from vma_desk.services.users import DEMO_PIN
    from vma_desk.storage.keys import KeyStore
    from vma_desk.ui import crash
    from vma_desk.ui.main_window import MainWindow
    from vma_desk.ui.settings import Preferences
    from vma_desk.ui.unlock.flow import UnlockFlow

    crash.install()
    keystore = KeyStore.from_environment()
    flow = UnlockFlow(data_dir, keystore)
    workspace = flow.open_or_create()
    assert workspace is not None, "the demo workspace did not open"
    services = flow.services
    assert services is not None
    user = next(u for u in services.users.active() if u.role is UserRole.TRAINER)  # the demo's trainer
    assert user.id is not None
    start = time.perf_counter()
    if type_pin:
        services.users.sign_in(user.id, DEMO_PIN)
    else:
        services.users.act_as(user, detail="start without PIN (benchmark)")
    pin_ms = 1000 * (time.perf_counter() - start) if type_pin else 0.0
    preferences = Preferences()
    window = MainWindow(workspace, keystore, preferences=preferences, services=services)
    preferences.remember_workspace(str(workspace.data_dir.resolve()), window.practice_name)
    window.resize(WIDTH, HEIGHT)
    return app, window, pin_ms


def bare_window() -> Any:  # noqa: ANN401
    """The floor: a QMainWindow with a QTabWidget of six tabs, each an empty QTableView."""
    from PySide6.QtWidgets import QMainWindow, QTableView, QTabWidget

    window = QMainWindow()
    window.tabs = QTabWidget()
    for title in ("Today", "Calendar", "Calls", "Messages", "Refills", "Referrals"):
        window.tabs.addTab(QTableView(), title)
    window.setCentralWidget(window.tabs)
    window.resize(WIDTH, HEIGHT)
    return window


def peak_memory_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")
