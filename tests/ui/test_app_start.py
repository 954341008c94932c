"""Starting the real program: `python -m vma_desk` opens an existing workspace silently, and
`--demo` builds and opens a demo workspace, each as its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from vma_desk.storage.workspace import Workspace


def start(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, VMA_DESK_EXIT_WHEN_READY="1", QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    return subprocess.run([sys.executable, "-m", "vma_desk", *args], env=env, capture_output=True,
                          text=True, timeout=180, check=False)


def test_second_start_opens_silently(tmp_path, data_dir, keystore):
    workspace, _ = Workspace.create(data_dir, keystore)
    workspace.close()
    try:
        result = start(["--data-dir", str(data_dir)], tmp_path)
        assert result.returncode == 0, result.stderr
        assert "ready" in result.stdout
        assert "Traceback" not in result.stderr
    finally:
        keystore.delete(workspace.workspace_id)


def test_demo_flag_builds_and_opens_a_demo_workspace(tmp_path, keystore):
    folder = tmp_path / "demo"
    result = start(["--demo", "--data-dir", str(folder)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ready" in result.stdout
    opened = Workspace.unlock_with_keyring(folder, keystore)
    try:
        assert opened.is_demo
        assert opened.conn.execute("SELECT count(*) FROM patient").fetchone()[0] > 1000
    finally:
        opened.close()
        keystore.delete(opened.workspace_id)
