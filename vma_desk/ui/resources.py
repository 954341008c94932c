"""Access to resources/: the style sheet and icons."""

from __future__ import annotations

from pathlib import Path

# beside the package, in a checkout and in the PyInstaller bundle alike (build.spec puts it there)
RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def load_style_sheet() -> str:
    path = RESOURCES / "style.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def icon_path(name: str) -> str:
    return str(RESOURCES / "icons" / name)
