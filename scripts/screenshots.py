"""Make the README's screenshots from a demo workspace (never by hand).

Builds a fresh demo workspace (seed 1, one practice-year, a fixed anchor date so the pictures are
the same each time) in a temporary folder, opens the real main window offscreen at a small-laptop
size (1366x768) and a large-screen size (1920x1080), and saves PNGs to docs/screenshots/.

Run it beside a keyring, as the test command does:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date, datetime, time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
ANCHOR = date(2026, 11, 23)  # a Monday: the demo's "today"


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QLineEdit

    from vma_desk.core.clock import FixedClock
    from vma_desk.demo import create_demo_workspace
    from vma_desk.services import Services
    from vma_desk.storage.keys import KeyStore
    from vma_desk.ui.application import make_application
    from vma_desk.ui.main_window import MainWindow
    from vma_desk.ui.settings import Preferences

    app = make_application()
    OUT.mkdir(parents=True, exist_ok=True)
    keystore = KeyStore.from_environment()
    with tempfile.TemporaryDirectory(prefix="vma-desk-shots-") as tmp:
        # a fixed folder name, so the status bar (and so every picture) is the same each run
        folder = Path(tempfile.gettempdir()) / "vma-desk-demo"
        if folder.exists():
            shutil.rmtree(folder)
        workspace, _recovery, _ = create_demo_workspace(
            folder, keystore, seed=1, years=1, anchor=ANCHOR)
        settings = QSettings(str(Path(tmp) / "prefs.ini"), QSettings.Format.IniFormat)
        # the clock stands at 9:30 on the anchor day in the practice's zone, so the calendar and
        # its worklists show the same morning each time
        zone = Services.for_workspace(workspace).context.practice_zone()
        clock = FixedClock(datetime.combine(ANCHOR, time(9, 30), tzinfo=zone))
        window = MainWindow(workspace, keystore, preferences=Preferences(settings), clock=clock)
        try:
            window.resize(1366, 768)
            window.show()
            app.processEvents()
            window.grab().save(str(OUT / "main-window.png"))

            window.open_quick_open()
            app.processEvents()
            dialog = next(w for w in QApplication.topLevelWidgets()
                          if type(w).__name__ == "QuickOpenDialog")
            dialog.findChild(QLineEdit).setText("gar")
            for _ in range(30):
                app.processEvents()
                QApplication.instance().thread().msleep(10)
            dialog.grab().save(str(OUT / "quick-open.png"))
            dialog.close()

            with_gaps = [p for p in window.services.patients.search("gar") if p.care_gaps]
            window.open_patient_editor(with_gaps[0].id)
            app.processEvents()
            editor = next(w for w in QApplication.topLevelWidgets()
                          if type(w).__name__ == "PatientEditorDialog")
            editor.grab().save(str(OUT / "patient-editor.png"))
            editor.close()

            window.lock("Locked after 10 minutes without activity, to keep patient details private.")
            app.processEvents()
            window.grab().save(str(OUT / "locked.png"))
            window.unlock()

            shoot_calendar(window, app)

            window.resize(1920, 1080)
            app.processEvents()
            window.grab().save(str(OUT / "main-window-large.png"))
        finally:
            window.close()
            keystore.delete(workspace.workspace_id)
            shutil.rmtree(folder, ignore_errors=True)
    print(f"screenshots written to {OUT.relative_to(ROOT)}/")
    return 0


def shoot_calendar(window, app) -> None:  # noqa: ANN001 - MainWindow and QApplication
    """The calendar on the anchor day: four providers side by side, then one provider's week."""
    from vma_desk.ui.calendar.tab import CalendarTab

    calendar = window.findChild(CalendarTab)
    window.tabs.setCurrentWidget(calendar)
    window.resize(1366, 768)
    calendar.set_mode("day")
    calendar.go_today()
    app.processEvents()
    window.grab().save(str(OUT / "calendar-day.png"))
    calendar.set_providers([next(iter(calendar.context.providers))])
    calendar.set_mode("week")
    calendar.ui.waitlist_button.setChecked(True)
    app.processEvents()
    window.grab().save(str(OUT / "calendar-week.png"))
    calendar.ui.waitlist_button.setChecked(False)
    calendar.set_mode("day")
    calendar.set_providers(calendar.context.providers)


if __name__ == "__main__":
    sys.exit(main())
