"""The crash handler: a bug shows a dialog with the log's path, never a raw traceback.

The log gets the exception's type and the stack's file/line/function names, never the exception's
message or local values: those may carry patient data.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from vma_desk.core.errors import KnownError

log = logging.getLogger("vma_desk")
_log_path: Path | None = None


def log_file() -> Path:
    base = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    return base / "logs" / "vma-desk.log"


def setup_logging() -> Path:
    global _log_path
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _log_path = path
    return path


def describe(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Type and frames only: no message, no values."""
    frames = [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb)]
    return f"{exc_type.__module__}.{exc_type.__qualname__}\n" + "\n".join(frames)


def _hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if isinstance(exc, KnownError):
        log.warning("known error reached the top: %s", exc.code)
        _show(exc.message)
        return
    log.error("unexpected error:\n%s", describe(exc_type, tb))
    where = f"\n\nDetails for support are in {_log_path}." if _log_path else ""
    _show("Something went wrong inside VMA Desk. What you saved is safe; the last action may "
          f"not have finished.{where}")


def _show(message: str) -> None:
    if QApplication.instance() is None:
        print(message, file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, "VMA Desk", message)
    box.exec()


def install() -> None:
    setup_logging()
    sys.excepthook = _hook
