"""Make the README's screenshots from a demo workspace (never by hand).

Builds a fresh demo workspace (seed 1, one practice-year, a fixed anchor date and clock so the
pictures are the same each time) in a temporary folder, opens the real main window offscreen at a
small-laptop size (1366x768) and a large-screen size (1920x1080), and saves PNGs to docs/screenshots/.

Run it beside a keyring, as the test command does:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
ANCHOR = date(2026, 11, 23)  # a Monday: the demo's "today"


def main() -> int:
    from PySide6.QtWidgets import QApplication, QLineEdit

    from vma_desk.storage.keys import KeyStore
    from vma_desk.ui.application import make_application

    app = make_application()
    OUT.mkdir(parents=True, exist_ok=True)
    keystore = KeyStore.from_environment()
    with tempfile.TemporaryDirectory(prefix="vma-desk-shots-") as tmp:
        window, workspace, folder = open_demo_window(keystore, Path(tmp))
        try:
            window.resize(1366, 768)
            window.show()
            app.processEvents()
            sign_in_first(window, app)
            for _ in range(3):  # the other tabs' counts arrive just after the first paint
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
            shoot_hub(window, app)

            window.lock("Locked after 10 minutes without activity, to keep patient details private.")
            app.processEvents()
            window.grab().save(str(OUT / "locked.png"))
            sign_in(window, app)

            shoot_calendar(window, app)
            shoot_communications(window, app)
            shoot_refills_referrals(window, app)
            shoot_today_and_huddle(window, app)
            shoot_worklists(window, app)
            shoot_activity_chasing(window)
            shoot_handoff(window, app)
            shoot_backups(window, app)
            shoot_import(window, app, Path(tmp))

            window.resize(1920, 1080)
            app.processEvents()
            window.grab().save(str(OUT / "main-window-large.png"))
        finally:
            window.close()
            keystore.delete(workspace.workspace_id)
            shutil.rmtree(folder, ignore_errors=True)
    print(f"screenshots written to {OUT.relative_to(ROOT)}/")
    return 0


def open_demo_window(keystore, tmp: Path):  # noqa: ANN001, ANN201 - KeyStore; (MainWindow, Workspace, Path)
    """The demo workspace the pictures show (seed 1, one practice-year, the anchor day at 9:30) in a
    fixed folder, and its main window (not shown yet, preferences kept in `tmp`). Also used by
    scripts/layout_shots.py. The caller closes the window, deletes the key and the folder."""
    from PySide6.QtCore import QSettings

    from vma_desk.core.clock import FixedClock
    from vma_desk.demo import catalog, create_demo_workspace
    from vma_desk.services import Services
    from vma_desk.ui.main_window import MainWindow
    from vma_desk.ui.settings import Preferences

    # a fixed folder name, so the status bar (and so every picture) is the same each run
    folder = Path(tempfile.gettempdir()) / "vma-desk-demo"
    if folder.exists():
        shutil.rmtree(folder)
    # the clock stands at 9:30 on the anchor day in the practice's zone, so the calendar, its
    # worklists, the morning's calls and the open messages are the same each time
    clock = FixedClock(datetime.combine(ANCHOR, time(9, 30), tzinfo=ZoneInfo(catalog.TIME_ZONE)))
    workspace, _recovery, _ = create_demo_workspace(
        folder, keystore, seed=1, years=1, anchor=ANCHOR, clock=clock)
    settings = QSettings(str(tmp / "prefs.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, keystore, preferences=Preferences(settings),
                        services=Services.for_workspace(workspace, clock=clock))
    return window, workspace, folder


def shown_tab(window, kind: type):  # noqa: ANN001, ANN201 - MainWindow, and the tab of that class
    """Show the window's tab of that class (Alt+N, as a user does: a tab is built the first time it
    is shown) and return it."""
    from vma_desk.ui.main_window import TABS

    index = [entry.title for entry in TABS].index(kind.__name__.removesuffix("Tab"))
    window.show_tab(index)
    tab = window.tabs.widget(index)
    assert isinstance(tab, kind)
    return tab


def shoot_calendar(window, app) -> None:  # noqa: ANN001 - MainWindow and QApplication
    """The calendar on the anchor day: four providers side by side, then one provider's week."""
    from vma_desk.ui.calendar.tab import CalendarTab

    calendar = shown_tab(window, CalendarTab)
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


def shoot_communications(window, app) -> None:  # noqa: ANN001 - MainWindow and QApplication
    """The anchor morning's call log (an escalated call selected when there is one) and the open
    messages (an overdue one selected), at 1366x768; the calendar is shown again afterwards."""
    from vma_desk.ui.calls.model import CallRow
    from vma_desk.ui.calls.tab import CallsTab
    from vma_desk.ui.messages.tab import MessagesTab

    window.resize(1366, 768)
    calls = shown_tab(window, CallsTab)
    calls.go_today()
    if not calls.model.rows():
        log_fictional_calls(window.services)
        calls.go_today()
    rows: list[CallRow] = calls.model.rows()
    chosen = next((r for r in rows if r.escalated), None) or next((r for r in rows if r.links), None)
    if chosen is not None and chosen.call.id is not None:
        calls.select_call(chosen.call.id)
    app.processEvents()
    window.grab().save(str(OUT / "calls.png"))

    messages = shown_tab(window, MessagesTab)
    messages.load()
    late = [r for r in messages.model.rows() if messages.model.now() > r.due and r.message.awaiting_callback]
    if late and late[0].message.id is not None:
        messages.select_message(late[0].message.id)
    app.processEvents()
    window.grab().save(str(OUT / "messages.png"))
    window.tabs.setCurrentIndex(0)


def shoot_refills_referrals(window, app) -> None:  # noqa: ANN001 - MainWindow and QApplication
    """The open refill requests (one that needs an appointment selected), the open referrals (a
    flagged one selected) and the prior authorisations, at 1366x768."""
    from vma_desk.ui.referrals.tab import ReferralsTab
    from vma_desk.ui.refills.tab import RefillsTab

    window.resize(1366, 768)
    services = window.services
    refills = shown_tab(window, RefillsTab)
    refills.load()
    rows = services.refills.worklist()
    chosen = next((r.request for r in rows if r.request.needs_appointment), rows[0].request if rows else None)
    if chosen is not None and chosen.id is not None:
        refills.select_request(chosen.id)
    app.processEvents()
    window.grab().save(str(OUT / "refills.png"))

    referrals = shown_tab(window, ReferralsTab)
    referrals.load()
    flagged = [row.referral for row in services.referrals.worklist() if row.flags]
    if flagged and flagged[0].id is not None:
        referrals.select_referral(flagged[0].id)
    app.processEvents()
    window.grab().save(str(OUT / "referrals.png"))
    referrals.ui.lists_tabs.setCurrentWidget(referrals.ui.auths_page)
    app.processEvents()
    window.grab().save(str(OUT / "prior-authorisations.png"))
    referrals.ui.lists_tabs.setCurrentWidget(referrals.ui.referrals_page)
    window.tabs.setCurrentIndex(0)


def sign_in_first(window, app) -> None:  # noqa: ANN001 - MainWindow and QApplication
    """The demo's sign-in page (its users and the published demo PIN), then a VMA signs in."""
    from vma_desk.services.users import DEMO_PIN

    if window.services.users.needs_first_user():  # a demo made before it had users
        window.services.users.create_first("Demo Trainer", DEMO_PIN)
        window._enter(fresh=False)
        return
    window.grab().save(str(OUT / "sign-in.png"))
    sign_in(window, app)


def sign_in(window, app) -> None:  # noqa: ANN001 - MainWindow and QApplication
    from vma_desk.services.users import DEMO_PIN

    page = window.sign_in_page
    vmas = [i for i in range(page.users.count()) if "assistant" in (page.users.item(i).toolTip() or "")]
    page.users.setCurrentRow(vmas[0] if vmas else 0)
    page.pin.setText(DEMO_PIN)
    page.button.click()
    app.processEvents()
    for widget in list(app.topLevelWidgets()):  # "Since your last shift", if any: not for these
        if type(widget).__name__ == "SinceLastShiftDialog":
            widget.close()


def shoot_handoff(window, app) -> None:  # noqa: ANN001 - MainWindow and QApplication
    """File → End shift… with a note typed, and the handoff PDF's page (rendered by pdftoppm)."""
    import subprocess
    from datetime import timedelta

    from vma_desk.core.communications import MessageState
    from vma_desk.core.records import AuditAction, Change, RecordKind
    from vma_desk.reports import handoff

    window.resize(1366, 768)
    # a little of the signed-in VMA's own work this shift, for the handoff to list
    window.services.context.clock.advance(timedelta(minutes=40))
    comms = window.services.communications
    delivered = [m for m in comms.open_messages() if m.state is MessageState.DELIVERED][:3]
    for message, by in zip(delivered, ("Nora Pike, RN", None, None), strict=False):
        comms.advance(message.id, MessageState.ACKNOWLEDGED, by=by)
    window._on_change(Change(RecordKind.MESSAGE, AuditAction.UPDATE, origin="screenshots"))
    note = "Mrs. Garza's callback is Nora's after 4; the MRI authorisation follow-up is tomorrow."
    dialog = window.open_end_shift()
    dialog.note_edit.setPlainText(note)
    for _ in range(10):
        app.processEvents()
    dialog.grab().save(str(OUT / "end-shift.png"))
    dialog.close()
    pdf = handoff.build(window.services, note)
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", "-",
                    str(OUT / "handoff-page")], input=pdf, check=True)


def shoot_backups(window, app, out: Path = OUT) -> None:  # noqa: ANN001 - MainWindow and QApplication
    """Edit → Preferences → Backups with a folder chosen and one checked backup made in it (a fixed
    folder, so the picture is the same each run)."""
    folder = Path(tempfile.gettempdir()) / "vma-desk-backups"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        window.preferences.set_backup_folder(window.workspace.workspace_id, str(folder))
        window.services.backups.backup_to(folder)
        window.backups.refresh()
        dialog = window.open_preferences("backups")
        for _ in range(10):
            app.processEvents()
        dialog.grab().save(str(out / "backup-preferences.png"))
        dialog.close()
    finally:
        window.preferences.set_backup_folder(window.workspace.workspace_id, "")
        shutil.rmtree(folder, ignore_errors=True)


def shoot_today_and_huddle(window, app) -> None:  # noqa: ANN001 - MainWindow and QApplication
    """The Today tab at 1366x768, and the first page of the anchor day's huddle sheet rendered from
    the real PDF (made in memory, rasterised by poppler's pdftoppm from standard input)."""
    import subprocess

    from vma_desk.reports import huddle
    from vma_desk.ui.today.tab import TodayTab

    window.resize(1366, 768)
    shown_tab(window, TodayTab)
    app.processEvents()
    window.grab().save(str(OUT / "today.png"))
    pdf = huddle.build(window.services, ANCHOR)
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", "-",
                    str(OUT / "huddle-page")], input=pdf, check=True)
    dialog = window.open_export_huddle(ANCHOR)
    dialog.preview()
    for _ in range(20):
        app.processEvents()
    dialog.grab().save(str(OUT / "export-huddle.png"))
    dialog.close()
    window.tabs.setCurrentIndex(0)


def shoot_hub(window, app) -> None:  # noqa: ANN001 - MainWindow and QApplication
    """The patient hub of the demo patient with the most loops open (Ctrl+K, Enter)."""
    services = window.services
    ids = [row[0] for row in services.context.conn.execute(
        "SELECT patient_id FROM message WHERE state != 'closed' AND patient_id IS NOT NULL"
        " GROUP BY patient_id ORDER BY count(*) DESC, patient_id LIMIT 40")]
    busiest = max(ids, key=lambda pid: (services.hub.read(pid).open_loops, -pid))
    hub = window.open_patient_hub(busiest)
    for _ in range(5):
        app.processEvents()
    hub.grab().save(str(OUT / "patient-hub.png"))
    hub.close()


def shoot_import(window, app, tmp: Path) -> None:  # noqa: ANN001 - MainWindow and QApplication
    """File → Import from the EHR with the demo's own sample of the next business day (FHIR),
    previewed: what an import would do before anything changes."""
    import json
    from datetime import datetime as moment

    from vma_desk.demo.ehr_samples import write_samples

    written = write_samples(window.services, tmp / "samples")
    bundle = next(p for p in written if p.name.endswith(".fhir.json"))
    # as the EHR would send it back a little later: one visit moved an hour, one cancelled
    data = json.loads(bundle.read_text(encoding="utf-8"))
    visits = [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Appointment"
              and e["resource"]["status"] == "booked"]
    for key in ("start", "end"):
        later = moment.fromisoformat(visits[0][key].replace("Z", "+00:00")) + timedelta(hours=1)
        visits[0][key] = later.isoformat().replace("+00:00", "Z")
    visits[1]["status"] = "cancelled"
    bundle.write_text(json.dumps(data), encoding="utf-8")
    window.resize(1366, 768)
    dialog = window.open_import()
    dialog.ui.file_edit.setText(str(bundle))
    dialog.preview()
    dialog.resize(1100, 640)
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(str(OUT / "import-preview.png"))
    dialog.close()


def shoot_worklists(window, app) -> None:  # noqa: ANN001 - MainWindow and QApplication
    """The Worklists tab (Alt+7) at 1366x768: its Voicemail list, then its Recall list."""
    from vma_desk.ui.worklists.tab import WorklistsTab

    window.resize(1366, 768)
    tab = shown_tab(window, WorklistsTab)
    app.processEvents()
    window.grab().save(str(OUT / "worklists.png"))
    recall = next(p for p in tab.pages if p.worklist.kind.value == "recall")
    tab.ui.lists_tabs.setCurrentWidget(recall.widget)
    app.processEvents()
    window.grab().save(str(OUT / "worklists-recall.png"))
    for kind, name in (("result_notice", "worklists-results.png"), ("task", "worklists-tasks.png")):
        page = next(p for p in tab.pages if p.worklist.kind.value == kind)
        tab.ui.lists_tabs.setCurrentWidget(page.widget)
        if kind == "task":  # the whole team's tasks, not only the trainer's
            from PySide6.QtWidgets import QComboBox

            show = page.widget.findChild(QComboBox)
            show.setCurrentIndex(show.findText("Team"))
        app.processEvents()
        window.grab().save(str(OUT / name))
    window.tabs.setCurrentIndex(0)


def shoot_activity_chasing(window) -> None:  # noqa: ANN001 - MainWindow
    """The activity summary's chasing figures and its first page per VMA, for the month before the
    anchor, rendered from the real PDF (made in memory; the pages found by their text with poppler's
    pdftotext, rasterised by pdftoppm from standard input)."""
    import subprocess

    from vma_desk.reports import activity

    end = ANCHOR.replace(day=1) - timedelta(days=1)
    pdf = activity.build(window.services, end.replace(day=1), end)
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    pages = text.split("\f")
    wanted = {"activity-chasing": next(i for i, page in enumerate(pages) if "Chasing" in page),
              "activity-vma": next(i for i, page in enumerate(pages) if "Attempts logged" in page)}
    for name, index in wanted.items():
        subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", str(index + 1), "-l", str(index + 1),
                        "-singlefile", "-", str(OUT / name)], input=pdf, check=True)


def log_fictional_calls(services) -> None:  # noqa: ANN001 - Services
    """A few calls and a message through the services, for a demo that has none yet (fictional)."""
    from datetime import timedelta

    from vma_desk.core.communications import Call, CallOutcome, CallReason, Direction

    comms = services.communications
    now = services.context.clock.now()
    staff = [s for s in services.practice.staff() if s.role.value != "provider"]
    for minutes, name, number, reason, outcome, notes in (
            (85, "Demo Caller One", "(312) 555-0101", CallReason.APPOINTMENT, CallOutcome.SCHEDULED,
             "Wants an earlier visit this week."),
            (60, "Demo Caller Two", "(312) 555-0102", CallReason.BILLING, CallOutcome.TRANSFERRED,
             "Question about a statement."),
            (25, "Demo Caller Three", "(312) 555-0103", CallReason.TEST_RESULTS, CallOutcome.MESSAGE_TAKEN,
             "Asks whether her lab results are back.")):
        call, _ = comms.log_call(Call(now - timedelta(minutes=minutes), Direction.INBOUND, name, reason,
                                      number, notes=notes, outcome=outcome, duration_seconds=120))
        if outcome is CallOutcome.MESSAGE_TAKEN and staff and call.id is not None:
            draft = comms.message_from_call(call.id)
            comms.take_message(draft if draft.recipient_id else
                               comms.message_from_call(call.id, recipient_id=staff[0].id))


if __name__ == "__main__":
    sys.exit(main())
