"""Starting the GUI: QApplication, logging, the crash handler, unlock, services, main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from vma_desk import APP_NAME, __version__
from vma_desk.app import APPLICATION, ORGANIZATION, default_data_dir
from vma_desk.ui import crash
from vma_desk.ui.resources import icon_path, load_style_sheet

log = logging.getLogger(__name__)

#: a benchmark (benchmarks/startup.py) sets this to time start -> unlocked window, then quit
EXIT_WHEN_READY = "VMA_DESK_EXIT_WHEN_READY"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setStyleSheet(load_style_sheet())
    app.setWindowIcon(QIcon(icon_path("vma-desk.svg")))
    return app  # type: ignore[return-value]


def run_gui(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    app = make_application()
    crash.install()
    from vma_desk.storage.keys import KeyStore
    from vma_desk.ui.main_window import MainWindow
    from vma_desk.ui.unlock.flow import UnlockFlow

    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir(demo=bool(args.demo))
    keystore = KeyStore.from_environment()
    flow = UnlockFlow(data_dir, keystore)
    if args.demo:
        workspace = flow.open_demo(seed=args.seed, years=args.years)
    else:
        workspace = flow.open_or_create()
    if workspace is None:
        return 1
    window = MainWindow(workspace, keystore)
    window.show()
    if os.environ.get(EXIT_WHEN_READY):
        def report() -> None:
            print(f"ready {1000 * (time.perf_counter() - started):.1f} ms", flush=True)
            window.close()

        QTimer.singleShot(0, report)
    status = app.exec()
    window.shutdown()
    return status
