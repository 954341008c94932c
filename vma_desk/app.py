"""The composition root: arguments, paths, logging, QApplication, unlock, services, main window.

Headless subcommands (demo, check, ...) are dispatched to `vma_desk.cli` before Qt is started.
"""

from __future__ import annotations

import sys
from pathlib import Path

ORGANIZATION = "VMA Desk"
APPLICATION = "vma-desk"


def default_data_dir(demo: bool = False) -> Path:
    """The platform's app-data location (QStandardPaths), with a separate folder for the demo."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
    base = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    return base / ("demo" if demo else "workspace")


def main(argv: list[str] | None = None) -> int:
    from vma_desk import cli

    args = cli.parse_args(sys.argv[1:] if argv is None else argv)
    if args.command:
        return cli.run(args)
    from vma_desk.ui.application import run_gui

    return run_gui(args)
