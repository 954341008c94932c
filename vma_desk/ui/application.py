"""Starting the GUI: QApplication, logging, the crash handler, unlock, services, main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from vma_desk import APP_NAME, __version__
from vma_desk.paths import APPLICATION, ORGANIZATION, default_data_dir
from vma_desk.ui import crash
from vma_desk.ui.resources import icon_path, load_style_sheet

if TYPE_CHECKING:  # imported where used: the window after the application exists
    from vma_desk.storage.keys import KeyStore
    from vma_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: a benchmark (benchmarks/startup.py) sets this to time start -> unlocked window, then quit
EXIT_WHEN_READY = "VMA_DESK_EXIT_WHEN_READY"


def make_application(argv: list[str] | None = None) -> QApplication:
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setStyleSheet(load_style_sheet())
    app.setWindowIcon(QIcon(icon_path("vma-desk.svg")))
    return app


def run_gui(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    app = make_application()
    crash.install()
    from vma_desk.storage.keys import KeyStore

    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir(demo=bool(args.demo))
    keystore = KeyStore.from_environment()
    demo = bool(args.demo)
    status = 0
    while True:  # File → Switch practice… closes one workspace's window and opens another's
        window = open_window(data_dir, keystore, args, demo=demo)
        if window is None:
            return 1
        chosen: list[Path] = []

        def on_switch(folder: Path, window: MainWindow = window, chosen: list[Path] = chosen) -> None:
            chosen.append(folder)
            window.close()

        window.sig_switch_practice_requested.connect(on_switch)
        if os.environ.get(EXIT_WHEN_READY):
            def report(window: MainWindow = window) -> None:
                print(f"ready {1000 * (time.perf_counter() - started):.1f} ms", flush=True)
                window.close()

            QTimer.singleShot(0, report)
        status = app.exec()
        window.shutdown()
        if not chosen:
            return status
        data_dir, demo = chosen[0], False


def open_window(data_dir: Path, keystore: KeyStore, args: argparse.Namespace, *,
                demo: bool) -> MainWindow | None:
    """Unlock (or create) the workspace in `data_dir` and build its window: on the sign-in page,
    or signed in at once where one user chose a silent start (demo workspaces: the trainer)."""
    from vma_desk.ui.main_window import MainWindow
    from vma_desk.ui.settings import Preferences
    from vma_desk.ui.unlock.flow import UnlockFlow

    flow = UnlockFlow(data_dir, keystore)
    workspace = flow.open_demo(seed=args.seed, years=args.years) if demo else flow.open_or_create()
    if workspace is None:
        return None
    preferences = Preferences()
    services = flow.services  # built once, as the workspace was opened: the window's from here on
    assert services is not None
    users = services.users.active()
    if len(users) == 1 and preferences.silent_single_user:
        services.users.act_as(users[0], detail="start without PIN (the only user's preference)")
    window = MainWindow(workspace, keystore, preferences=preferences, services=services)
    preferences.remember_workspace(str(workspace.data_dir.resolve()), window.practice_name)
    window.show()
    return window
