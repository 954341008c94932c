"""Names and paths every entry point agrees on: the organisation and application names and the
default workspace folder. A leaf: it imports nothing of VMA Desk's and no Qt, so the command line,
the window's start-up and `app.py` all read it without importing one another.

`default_data_dir` computes, with the platform's own rules, the folder Qt's
`QStandardPaths.writableLocation(AppDataLocation)` gives once the organisation and application
names are set (`tests/test_paths.py` compares the two on the machine that runs the tests), so a
headless command finds the workspace the window made without loading Qt:

- Linux and other Unix: `$XDG_DATA_HOME` when it is an absolute path, else `~/.local/share`;
- Windows: the roaming application data folder, `%APPDATA%` (`~/AppData/Roaming` without it);
- macOS: `~/Library/Application Support`;

each followed by `ORGANIZATION/APPLICATION`, then `workspace` (or `demo` for the demo workspace).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: Qt's organisation and application names (QCoreApplication), which name the app-data folder and
#: the QSettings file; the name shown to people is `vma_desk.APP_NAME`
ORGANIZATION = "VMA Desk"
APPLICATION = "vma-desk"


def app_data_dir() -> Path:
    """The folder QStandardPaths' AppDataLocation names for VMA Desk on this platform."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / ORGANIZATION / APPLICATION


def default_data_dir(demo: bool = False) -> Path:
    """The workspace folder used without --data-dir: a separate one for the demo."""
    return app_data_dir() / ("demo" if demo else "workspace")
