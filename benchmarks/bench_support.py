"""What the speed benchmarks share: the arguments, a 5-year demo workspace in a temporary folder
(protected by the OS keyring when there is one), timing, the printed table, and watching a widget
being painted (`PaintWatch`)."""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

#: (operation, milliseconds of each run, target ms)
Row = tuple[str, list[float], float]


def arguments(doc: str | None, argv: list[str] | None = None, *, runs: int = 20) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=runs)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return args


def timed(runs: int, work: Callable[[int], object]) -> list[float]:
    """Milliseconds of `runs` calls of work(run number), after one untimed warm-up call."""
    work(-1)
    out = []
    for run in range(runs):
        start = time.perf_counter()
        work(run)
        out.append(1000 * (time.perf_counter() - start))
    return out


@contextlib.contextmanager
def demo_services(years: int, anchor: date, now: datetime, *,
                  build_clock: bool = True) -> Iterator[tuple[Any, float, str]]:
    """(services on the demo workspace with the clock at `now`, seconds the generation took, how
    the workspace is protected). The workspace is built, closed and opened again as the app does,
    and its keyring entry removed afterwards."""
    from vma_desk.core.clock import FixedClock
    from vma_desk.demo import DEMO_PASSPHRASE, create_demo_workspace
    from vma_desk.services import Services
    from vma_desk.storage.keys import KeyStore
    from vma_desk.storage.workspace import Protection, Workspace

    keystore = KeyStore.from_environment()
    with tempfile.TemporaryDirectory(prefix="vma-desk-bench-") as tmp:
        data_dir = Path(tmp) / "demo"
        t0 = time.perf_counter()
        made, _, _ = create_demo_workspace(data_dir, keystore, seed=1, years=years, anchor=anchor,
                                           clock=FixedClock(now) if build_clock else None)
        build_s = time.perf_counter() - t0
        made.close()
        workspace = Workspace.unlock_with_keyring(data_dir, keystore) \
            if made.protection is Protection.KEYRING else \
            Workspace.unlock_with_passphrase(data_dir, DEMO_PASSPHRASE)
        protection = f"OS keyring ({keystore.name})" if keystore.available else "demo passphrase"
        try:
            services = Services.for_workspace(workspace, clock=FixedClock(now), user="bench@desk")
            yield services, build_s, protection
        finally:
            workspace.close()
            if made.protection is Protection.KEYRING:
                keystore.delete(made.workspace_id)


def machine(runs: int) -> str:
    return f"{runs} runs each; {os.cpu_count()} cores; Python {sys.version.split()[0]}"


def print_table(heading: str, rows: Sequence[Row], footer: str) -> None:
    print(f"\n{heading}\n")
    print("| operation | median ms | min ms | max ms | target |")
    print("|---|---:|---:|---:|---:|")
    for name, values, target in rows:
        if values:
            median = statistics.median(values)
            verdict = "ok" if median < target else "OVER"
            print(f"| {name} | {median:.1f} | {min(values):.1f} | {max(values):.1f} | "
                  f"< {target:.0f} ms {verdict} |")
        else:
            print(f"| {name} | n/a | | | < {target:.0f} ms |")
    print(f"\n{footer}")


class PaintWatch:
    """Records whether a widget received a paint event since `arm()`."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint

        class Filter(QObject):
            def eventFilter(self, _obj, event) -> bool:  # noqa: ANN001, N802 - Qt's name
                if event.type() == paint:
                    watch.painted = True
                return False

        watch = self
        self.painted = False
        self.forced = 0
        self.finished = 0
        self.filter = Filter()
        self.target: Any = None

    def arm(self, target: Any) -> None:  # noqa: ANN401
        if self.target is not None:
            self.target.removeEventFilter(self.filter)
        self.target = target
        self.painted = False
        target.installEventFilter(self.filter)

    def finish(self, app: Any, window: Any) -> None:  # noqa: ANN401
        """Let the event loop lay out and paint; paint at once if it has not painted the target."""
        self.finished += 1
        app.processEvents()
        if not self.painted:
            self.forced += 1
            window.repaint()
            app.processEvents()
        assert self.painted, "the target widget was never painted"
