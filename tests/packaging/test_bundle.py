"""The PyInstaller bundle as shipped: build.spec built from this tree, its program started on a new
demo workspace (offscreen) until the window is shown, and a huddle sheet exported by the same
program in the bundled font. Slow (a build takes minutes), so left out of the default run:

    scripts/dev.sh build                          # once: installs PyInstaller (the [build] extra)
    scripts/dev.sh test -m slow tests/packaging   # this test
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import vma_desk
from tests.reports.test_fonts import embedded_fonts
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is not installed: scripts/dev.sh build installs it (the [build] extra)")
    tmp = tmp_path_factory.mktemp("bundle")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(tmp / "dist"), "--workpath", str(tmp / "build"),
                    str(ROOT / "build.spec")], cwd=ROOT, check=True, capture_output=True, timeout=1200)
    folder = tmp / "dist" / f"vma-desk-{vma_desk.__version__}"
    assert (folder / "vma-desk").is_file()
    return folder


def run(bundle: Path, tmp_path: Path, *args: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, VMA_DESK_EXIT_WHEN_READY="1", QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("PYTHONPATH", None)
    result = subprocess.run([str(bundle / "vma-desk"), *map(str, args)], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_the_built_app_opens_a_demo_workspace_and_prints_in_its_own_font(bundle, tmp_path):
    # only the Qt the app uses is in the folder (build.spec's lists)
    shipped = {p.name for p in bundle.rglob("*")}
    for left_out in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6VirtualKeyboard.so.6",
                     "libqtvirtualkeyboardplugin.so", "qt_de.qm"):
        assert left_out not in shipped
    for kept in ("libQt6Widgets.so.6", "libQt6Pdf.so.6", "libqoffscreen.so", "libqxcb.so", "libqsvgicon.so"):
        assert kept in shipped

    folder = tmp_path / "demo"
    started = run(bundle, tmp_path, "--demo", "--data-dir", folder)
    assert started.returncode == 0, started.stderr
    assert "ready" in started.stdout  # printed once the unlocked window is shown
    keystore = KeyStore.from_environment()
    opened = Workspace.unlock_with_keyring(folder, keystore)
    try:
        assert opened.is_demo
        assert opened.conn.execute("SELECT count(*) FROM patient").fetchone()[0] > 1000
    finally:
        opened.close()

    try:
        out = tmp_path / "huddle.pdf"
        exported = run(bundle, tmp_path, "export", "huddle", "--data-dir", folder,
                       "--date", date.today().isoformat(), "--out", out)
        assert exported.returncode == 0, exported.stderr
        embedded = {row[0].split("+")[-1] for row in embedded_fonts(out.read_bytes()) if row[-5] == "yes"}
        assert embedded == {"DejaVuSans", "DejaVuSans-Bold"}
    finally:
        keystore.delete(opened.workspace_id)
