"""Compile the Qt Designer forms in forms/*.ui into vma_desk/ui/forms/ui_*.py.

The generated files are committed (so an installed app needs no build step) and the test command
runs this script with --check, which fails when a form changed without being recompiled.

    python scripts/build_forms.py          # (re)generate
    python scripts/build_forms.py --check  # exit 1 if any generated file is stale or missing
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "forms"
OUT = ROOT / "vma_desk" / "ui" / "forms"
HEADER = (
    "# Generated from forms/{name} by scripts/build_forms.py: do not edit.\n"
    "# ruff: noqa\n"
)


def uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-uic"
    )
    if not found:
        sys.exit("pyside6-uic not found: install PySide6 in this environment")
    return found


def compile_form(ui_file: Path) -> str:
    result = subprocess.run(
        [uic(), "-g", "python", str(ui_file)],
        capture_output=True, text=True, check=True,
    )
    body = "\n".join(
        line for line in result.stdout.splitlines()
        if not line.startswith("## Created by: Qt User Interface Compiler")
    )
    return HEADER.format(name=ui_file.name) + body.rstrip() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if generated files are stale")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "__init__.py").touch()
    stale = []
    expected = set()
    for ui_file in sorted(FORMS.glob("*.ui")):
        target = OUT / f"ui_{ui_file.stem}.py"
        expected.add(target.name)
        text = compile_form(ui_file)
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(target.name)
        else:
            target.write_text(text, encoding="utf-8")
    orphans = sorted(p.name for p in OUT.glob("ui_*.py") if p.name not in expected)
    if args.check and (stale or orphans):
        print("forms out of date (run python scripts/build_forms.py): "
              + ", ".join(stale + orphans), file=sys.stderr)
        return 1
    for orphan in orphans:
        (OUT / orphan).unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
