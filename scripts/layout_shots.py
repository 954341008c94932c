"""Pictures of every tab and form dialog at 100%, 125% and 150% text on a 1366x768 screen (issue 12
item 9: readable at any size), to look at before a layout change is called done. Not for docs/.

A user's "125% text" setting (a desktop's font scaling, or a larger default font) reaches a Qt
application as a larger application font; this script does the same: for each scale it sets the
QApplication font's point size to the default's times the scale *before* the window is built, so
every widget, row height and size hint follows it as it would on that user's laptop. The screen is
the offscreen platform's, configured as a 1366x768 monitor (`offscreen:configfile=...`), so
dialogs are capped to it the way they are on a real small laptop.

The demo is scripts/screenshots.py's (same seed, anchor day and clock; its helpers are imported).

    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python scripts/layout_shots.py --out /tmp/shots

Writes <scale>-<what>.png (e.g. 1.5-tab-today.png, 1.25-dialog-booking.png) into --out.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

SCREEN = (1366, 768)
SCALES = (1.0, 1.25, 1.5)
_SCREEN_CONFIG = Path(tempfile.gettempdir()) / "vma-desk-layout-screen.json"


def _use_small_screen() -> None:
    """The offscreen platform with one 1366x768 screen (its default is 800x800)."""
    _SCREEN_CONFIG.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN_CONFIG}"


sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNGs (not docs/)")
    parser.add_argument("--scales", type=float, nargs="*", default=list(SCALES))
    args = parser.parse_args(argv)
    _use_small_screen()

    import screenshots  # scripts/screenshots.py: the demo and its sign-in
    from PySide6.QtWidgets import QApplication

    from vma_desk.storage.keys import KeyStore
    from vma_desk.ui.application import make_application

    app = make_application()
    base = QApplication.font()
    args.out.mkdir(parents=True, exist_ok=True)
    keystore = KeyStore.from_environment()
    written = 0
    for scale in args.scales:
        font = base.__class__(base)
        font.setPointSizeF(base.pointSizeF() * scale)
        QApplication.setFont(font)
        with tempfile.TemporaryDirectory(prefix="vma-desk-layout-") as tmp:
            window, workspace, folder = screenshots.open_demo_window(keystore, Path(tmp))
            try:
                window.resize(*SCREEN)
                window.show()
                app.processEvents()
                screenshots.sign_in(window, app)
                written += shoot_scale(window, app, args.out, f"{scale:g}")
            finally:
                for widget in QApplication.topLevelWidgets():
                    if widget is not window and widget.isVisible():
                        widget.close()
                window.close()
                keystore.delete(workspace.workspace_id)
                shutil.rmtree(folder, ignore_errors=True)
    QApplication.setFont(base)
    print(f"{written} pictures written to {args.out}/")
    return 0


def settle(app, rounds: int = 10) -> None:  # noqa: ANN001 - QApplication
    for _ in range(rounds):
        app.processEvents()


def shoot_scale(window, app, out: Path, scale: str) -> int:  # noqa: ANN001 - MainWindow, QApplication
    """The six tabs (Alt+1..6) and each form dialog at one font scale; returns how many PNGs."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from vma_desk.ui.calendar.tab import CalendarTab
    from vma_desk.ui.main_window import TABS
    from vma_desk.ui.messages.tab import MessagesTab
    from vma_desk.ui.referrals.tab import ReferralsTab
    from vma_desk.ui.refills.tab import RefillsTab

    count = 0
    window.resize(*SCREEN)
    for number, title in enumerate((t.title for t in TABS), start=1):
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.AltModifier)
        settle(app)
        window.grab().save(str(out / f"{scale}-tab-{number}-{title.lower().replace(' ', '-')}.png"))
        count += 1
    hint = window.minimumSizeHint()  # every tab has been shown: the widest one counts
    print(f"{scale} main window: minimum {hint.width()}x{hint.height()} (fits 1366x728: "
          f"{hint.width() <= 1366 and hint.height() <= 728})")
    window.tabs.setCurrentIndex(0)
    settle(app)

    services = window.services
    calendar = window.findChild(CalendarTab)
    visits = services.calendar.confirmation_worklist() or services.calendar.eligibility_worklist()
    patients = [p for p in services.patients.search("gar") if p.care_gaps]

    def new_call():  # noqa: ANN202
        QTest.keyClick(window, Qt.Key.Key_F2)
        settle(app)
        return _newest_dialog(window)

    dialogs: list[tuple[str, Callable[[], object]]] = [
        ("new-call", new_call),
        ("message", lambda: window.findChild(MessagesTab).open_new_message()),
        ("refill-request", lambda: window.findChild(RefillsTab).open_new_request()),
        ("referral", lambda: window.findChild(ReferralsTab).open_new_referral()),
        ("prior-authorisation", lambda: window.findChild(ReferralsTab).open_new_auth()),
        ("booking", lambda: calendar.open_booking()),
        ("patient-editor", lambda: (window.open_patient_editor(patients[0].id if patients else None),
                                    _newest_dialog(window))[1]),
        ("visit", lambda: calendar.open_appointment(_a_visit(services, visits))),
        ("preferences", lambda: window.open_preferences()),
        ("huddle-preview", lambda: _huddle(window, app)),
        ("end-shift", lambda: window.open_end_shift()),
    ]
    for name, opener in dialogs:
        dialog = opener()
        settle(app, 20)
        if dialog is None:
            print(f"{scale}: no {name} dialog", file=sys.stderr)
            continue
        dialog.grab().save(str(out / f"{scale}-dialog-{name}.png"))
        print(f"{scale} {name}: {dialog.width()}x{dialog.height()} at ({dialog.x()}, {dialog.y()}), "
              f"minimum {dialog.minimumSizeHint().width()}x{dialog.minimumSizeHint().height()}")
        count += 1
        _close(dialog, app)
    return count


def _a_visit(services, visits):  # noqa: ANN001, ANN202 - Services, list of Appointment
    if visits:
        return visits[0]
    from datetime import datetime, time, timedelta

    from screenshots import ANCHOR

    start = datetime.combine(ANCHOR, time(0), tzinfo=services.context.clock.now().tzinfo)
    providers = [s.id for s in services.practice.staff() if s.role.value == "provider"]
    found = services.calendar.appointments(providers, start, start + timedelta(days=1))
    return found[0]


def _huddle(window, app):  # noqa: ANN001, ANN202 - MainWindow, QApplication
    from screenshots import ANCHOR

    dialog = window.open_export_huddle(ANCHOR)
    dialog.preview()
    settle(app, 20)
    return dialog


def _newest_dialog(window):  # noqa: ANN001, ANN202 - MainWindow
    from PySide6.QtWidgets import QApplication, QDialog

    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    return shown[-1] if shown else None


def _close(dialog, app) -> None:  # noqa: ANN001 - QDialog, QApplication
    """Close without the discard question (nothing typed in these pictures)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    dialog.hide()
    dialog.deleteLater()
    settle(app)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()


if __name__ == "__main__":
    sys.exit(main())
