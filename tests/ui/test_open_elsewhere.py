"""A second VMA Desk window on a workspace that is open already is told so (workspace.lock), and
opens it once the first window closed; the headless commands keep working beside the open app."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

from tests.ui.unlock.test_unlock_flow import when_dialog
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.unlock.flow import UnlockFlow


def test_a_second_window_is_told_the_workspace_is_open_elsewhere(qtbot, data_dir, keystore, tmp_path):
    workspace, recovery = Workspace.create(data_dir, keystore)
    workspace.close()
    first = UnlockFlow(data_dir, keystore).open_or_create()
    assert first is not None
    texts: list[str] = []
    seen: list = []

    def read_and_close(box: QMessageBox) -> None:
        texts.append(box.text())
        box.accept()

    when_dialog(qtbot, QMessageBox, read_and_close, seen)
    assert UnlockFlow(data_dir, keystore).open_or_create() is None
    assert "already open in another VMA Desk window" in texts[0]

    # a headless command beside the open window still works (SQLite's own locking keeps it safe)
    key_file = tmp_path / "key.txt"
    key_file.write_text(recovery + "\n")
    check = subprocess.run([sys.executable, "-m", "vma_desk", "check", "--data-dir", str(data_dir),
                            "--recovery-key-file", str(key_file)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr

    # locking the screen keeps the window's claim; closing lets go
    first.lock()
    when_dialog(qtbot, QMessageBox, read_and_close, seen)
    assert UnlockFlow(data_dir, keystore).open_or_create() is None
    first.close()
    again = UnlockFlow(data_dir, keystore).open_or_create()
    assert again is not None
    again.close()
    keystore.delete(workspace.workspace_id)
