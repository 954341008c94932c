"""The layer rule: only vma_desk.ui (and app start-up) imports Qt; the UI never writes SQL."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "vma_desk"


def test_services_core_storage_cli_load_without_qt():
    code = (
        "import sys, vma_desk.core.records, vma_desk.core.validation, vma_desk.storage.workspace, "
        "vma_desk.services, vma_desk.cli, vma_desk.demo; "
        "print([m for m in sys.modules if m.startswith('PySide6')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_qt_imports_outside_ui():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and re.search(r"^\s*(from|import) PySide6", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []  # app.py hands over to ui.application; vma_desk.paths needs no Qt


def test_ui_never_writes_sql():
    sql = re.compile(r"\b(INSERT INTO|UPDATE \w+ SET|DELETE FROM|\.execute\()", re.I)
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "ui").rglob("*.py")
        if sql.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
