"""The style sheet and icons, read from the package (vma_desk/resources) with `importlib.resources`:
the same files in a checkout, an installed wheel and the PyInstaller bundle."""

from __future__ import annotations

from importlib.resources import files

RESOURCES = files("vma_desk.resources")


def load_style_sheet() -> str:
    return RESOURCES.joinpath("style.qss").read_text(encoding="utf-8")


def icon_path(name: str) -> str:
    """A file name for QIcon: the package is installed as files (wheel, checkout, PyInstaller's
    folder), never zipped, so the resource is a real file."""
    return str(RESOURCES.joinpath("icons", name))
