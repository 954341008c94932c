"""The package as shipped: a plain wheel, installed in a fresh virtual environment, runs styled.

The wheel is built from a copy of the package (no network: `--no-build-isolation` with the
setuptools and wheel the test extras install) and installed with `--no-deps`; its dependencies
(PySide6, reportlab ...) come from this environment's site-packages through a `.pth` line, which
adds the folder without running this environment's own `.pth` files, so the editable install of
the checkout is not seen. The installed app is started from a folder outside the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: run by the fresh environment's python: the style sheet, the icon and the DEMO banner's colour as
#: the installed app sets them up, and where its resources were read from
PROBE = r"""
import json, sys
import vma_desk
from vma_desk.ui.application import make_application
from vma_desk.ui import resources
from PySide6.QtWidgets import QLabel
from reportlab.pdfbase import pdfmetrics
from vma_desk.reports.pdf import fonts

app = make_application([sys.argv[0]])
banner = QLabel("DEMO WORKSPACE")
banner.setObjectName("demo_banner")
banner.resize(300, 40)
banner.show()
app.processEvents()
image = banner.grab().toImage()
print(json.dumps({
    "package": vma_desk.__file__,
    "style_sheet": app.styleSheet(),
    "style_sheet_file": resources.load_style_sheet(),
    "icon_null": app.windowIcon().isNull(),
    "icon_drawn": not app.windowIcon().pixmap(32, 32).isNull(),  # the SVG renders
    "icon_file": resources.icon_path("vma-desk.svg"),
    "banner_colour": image.pixelColor(2, 2).name(),
    "pdf_font": pdfmetrics.getFont(fonts().regular).face.filename,
    "csv_profile": __import__("vma_desk.services.ehr.csv_io", fromlist=["x"]).load_profile("generic").system,
}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with only the wheel installed; returns its python."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "vma_desk", source / "vma_desk",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp / "dist"), str(source)], check=True, capture_output=True, timeout=120)
    wheel = next((tmp / "dist").glob("vma_desk-*.whl"))

    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
                    "--no-index", str(wheel)], check=True, capture_output=True, timeout=120)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    (Path(site) / "tested-environment.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return python


def test_the_installed_wheel_runs_styled(installed, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run([str(installed), "-c", PROBE], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])

    venv = installed.parent.parent
    assert Path(seen["package"]).is_relative_to(venv), seen["package"]  # the wheel's, not the checkout's
    assert "QLabel#demo_banner" in seen["style_sheet"]
    assert seen["style_sheet"] == seen["style_sheet_file"]  # what QApplication uses is the file
    assert Path(seen["icon_file"]).is_relative_to(venv) and Path(seen["icon_file"]).is_file()
    assert not seen["icon_null"] and seen["icon_drawn"]
    assert seen["banner_colour"] == "#ffb300"  # the DEMO banner keeps its colour
    assert Path(seen["pdf_font"]).is_relative_to(venv)  # the PDFs' font ships in the wheel too
    assert seen["csv_profile"] == "generic"  # the EHR import's built-in profile ships in the wheel
