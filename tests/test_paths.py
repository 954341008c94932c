"""The default workspace folder, computed without Qt, is the one Qt's QStandardPaths names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from vma_desk.paths import APPLICATION, ORGANIZATION, app_data_dir, default_data_dir


def qt_app_data_dir() -> Path:
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    try:
        return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    finally:
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])


@pytest.mark.parametrize("xdg_data_home", [None, "", "relative/share", "{tmp}/share/"])
def test_the_folder_is_the_one_qt_names(monkeypatch, tmp_path, xdg_data_home):
    if xdg_data_home is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg_data_home.format(tmp=tmp_path))
    assert app_data_dir() == qt_app_data_dir()
    assert default_data_dir() == qt_app_data_dir() / "workspace"
    assert default_data_dir(demo=True) == qt_app_data_dir() / "demo"


def test_the_command_line_finds_it_without_loading_qt():
    code = ("import sys, vma_desk.cli as cli; cli.common.data_dir_of(cli.parse_args(['check']), demo=False); "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'vma_desk.app', 'vma_desk.ui'))])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
