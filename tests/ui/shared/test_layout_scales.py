"""Readable at any size (issue 12 item 9): at 125% and 150% text on a 1366x768 laptop the main
window fits the screen, every form dialog fits in 768 pixels with its buttons on screen, Today's
flags take at most three lines (all of them in the tooltip) and a long cell is cut short with its
whole text in the tooltip. scripts/layout_shots.py takes the pictures to look at."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from tests.conftest import signed_in
from tests.ui.conftest import tab_of
from vma_desk.core.agenda import DayAgenda, ProviderDay, VisitFlag, VisitLine
from vma_desk.core.calendar import Appointment
from vma_desk.core.communications import Message, Urgency
from vma_desk.core.records import Patient, Phone, Practice, Role, Shift, StaffMember
from vma_desk.services import Services
from vma_desk.storage.workspace import Workspace
from vma_desk.ui.main_window import MainWindow
from vma_desk.ui.settings import Preferences
from vma_desk.ui.shared import widgets

CHICAGO = ZoneInfo("America/Chicago")
MONDAY = date(2026, 3, 2)  # the test clock's day
#: a 1366x768 laptop less a 40-pixel taskbar
LAPTOP = QRect(0, 0, 1366, 728)


@pytest.fixture(params=[1.25, 1.5], ids=["125%", "150%"])
def font_scale(request, qapp) -> Iterator[float]:
    """The application's text made larger, as a user's 125% / 150% text setting does."""
    base = qapp.font()
    scaled = qapp.font()
    scaled.setPointSizeF(base.pointSizeF() * request.param)
    qapp.setFont(scaled)
    yield request.param
    qapp.setFont(base)


@pytest.fixture
def laptop_screen(monkeypatch) -> QRect:
    """Dialogs are fitted to the screen they open on: here a 1366x768 laptop's free area."""
    monkeypatch.setattr(widgets, "screen_area", lambda _widget: QRect(LAPTOP))
    return LAPTOP


@pytest.fixture
def window(qtbot, tmp_path, data_dir, keystore, clock, font_scale) -> Iterator[MainWindow]:
    ws, _ = Workspace.create(data_dir, keystore)
    services = Services.for_workspace(ws, clock=clock)
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago"))
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    for name, role, credentials in (("Dana Lee", Role.PROVIDER, "MD"), ("Nora Pike", Role.CLINICAL, "RN")):
        services.practice.add_staff(StaffMember(name, role, credentials=credentials, working_hours=hours))
    preferences = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    win = MainWindow(ws, keystore, preferences=preferences, services=signed_in(services))
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.hide()
    win.close()
    keystore.delete(ws.workspace_id)


def test_the_main_window_fits_a_small_laptop_on_every_tab(qtbot, window, font_scale):
    for number in range(1, 7):  # Alt+1..6, as a VMA goes through the tabs
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.AltModifier)
        qtbot.wait(5)
        hint = window.minimumSizeHint()
        assert hint.width() <= LAPTOP.width() and hint.height() <= LAPTOP.height(), (
            f"tab {number} at {font_scale:.0%} text needs {hint.width()}x{hint.height()}")


def _new_visit(window: MainWindow) -> Appointment:
    services = window.services
    patient, _ = services.patients.create(Patient("Ann", "Ames", date(1961, 4, 2),
                                                  phones=(Phone("(312) 555-0142"),)))
    provider = next(s for s in services.practice.staff() if s.role is Role.PROVIDER)
    start = datetime.combine(date(2026, 3, 3), time(10), tzinfo=CHICAGO).astimezone(UTC)
    booked, _ = services.calendar.book(Appointment(patient.id, provider.id, "est", start, 20),
                                       authorised_by="front desk")
    return booked


def _shown_dialog(qtbot, before: set[int]) -> QDialog:
    def opened() -> QDialog | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QDialog) and w.isVisible() and id(w) not in before), None)

    qtbot.waitUntil(lambda: opened() is not None, timeout=2000)
    dialog = opened()
    assert dialog is not None
    return dialog


def test_every_form_dialog_fits_in_768_pixels_with_its_buttons_on_screen(qtbot, window, font_scale,
                                                                         laptop_screen):
    visit = _new_visit(window)
    calendar = tab_of(window, "CalendarTab")
    referrals = tab_of(window, "ReferralsTab")
    openers = {
        "new call (F2)": lambda: qtbot.keyClick(window, Qt.Key.Key_F2),
        "message": lambda: tab_of(window, "MessagesTab").open_new_message(),
        "refill request": lambda: tab_of(window, "RefillsTab").open_new_request(),
        "referral": lambda: referrals.open_new_referral(),
        "prior authorisation": lambda: referrals.open_new_auth(),
        "booking": lambda: calendar.open_booking(),
        "patient editor": lambda: window.open_patient_editor(visit.patient_id),
        "visit": lambda: calendar.open_appointment(visit),
        "preferences": lambda: window.open_preferences(),
        "huddle preview": lambda: _preview(window.open_export_huddle(MONDAY)),
        "end shift": lambda: window.open_end_shift(),
    }
    too_big = []
    for name, opener in openers.items():
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        opener()
        dialog = _shown_dialog(qtbot, before)
        qtbot.wait(5)
        hint = dialog.minimumSizeHint()
        frame = dialog.geometry()
        boxes = [b for b in dialog.findChildren(QDialogButtonBox) if b.isVisible()]
        buttons_seen = all(
            dialog.rect().contains(QRect(b.mapTo(dialog, QPoint(0, 0)), b.size())) for b in boxes)
        squeezed = frame.width() < min(dialog.sizeHint().width(), laptop_screen.width())
        if hint.height() > 768 or not laptop_screen.contains(frame) or not buttons_seen or squeezed:
            too_big.append(f"{name}: needs {hint.width()}x{hint.height()}, shown at "
                           f"{frame.x()},{frame.y()} {frame.width()}x{frame.height()}, "
                           f"buttons {'on' if buttons_seen else 'off'} screen"
                           + (f", narrower than the {dialog.sizeHint().width()} it asks" if squeezed else ""))
        dialog.hide()
        dialog.deleteLater()
    assert not too_big, f"at {font_scale:.0%} text: " + "; ".join(too_big)


def _preview(dialog):  # noqa: ANN001, ANN202 - the huddle's PdfExportDialog
    dialog.preview()
    return dialog


def test_todays_flags_take_at_most_three_lines_and_the_tooltip_has_them_all(qtbot, window, font_scale):
    from vma_desk.ui.today.model import COL_FLAGS

    today = tab_of(window, "TodayTab")
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    visit = _new_visit(window)
    provider = next(s for s in window.services.practice.staff() if s.role is Role.PROVIDER)
    flags = ((VisitFlag.MISSING_REPORT, "cardiology, seen 02/23"),
             (VisitFlag.INSURANCE_UNVERIFIED, "Prairie Health"),
             (VisitFlag.PRIOR_AUTH_PENDING, "MRI lumbar spine, payer follow-up overdue"),
             (VisitFlag.UNCONFIRMED, "left message twice"),
             (VisitFlag.URGENT_MESSAGE, "chest tightness since last night"),
             (VisitFlag.PENDING_REFILL, "Atorvastatin 40 mg"),
             (VisitFlag.CARE_GAP, "Colonoscopy, Cervical cancer screening, Mammogram, A1c, Flu shot"))
    line = VisitLine(visit, "Ames, Ann", 64, "Established visit", False, False, flags)
    agenda = DayAgenda(MONDAY, "Lakeside Family Medicine", "America/Chicago",
                       datetime(2026, 3, 2, 15, 30, tzinfo=UTC), (ProviderDay(provider, (line,)),), ())
    today.visit_model.set_agenda(agenda, CHICAGO, MONDAY)
    view = today.visit_view
    view.expandAll()
    qtbot.wait(10)
    group = view.model().index(0, 0, QModelIndex())
    row = view.model().rowCount(group) - 1  # after the "needs attention" line
    cell = view.model().index(row, COL_FLAGS, group)
    lines = view.visualRect(cell).height() / view.fontMetrics().lineSpacing()
    assert lines <= 3.5, f"the flags take {lines:.1f} lines at {font_scale:.0%} text"
    chars = view.visualRect(cell).width() / view.fontMetrics().averageCharWidth()
    assert chars >= 14, f"the flags column holds {chars:.0f} characters a line at {font_scale:.0%} text"
    tip = str(cell.data(Qt.ItemDataRole.ToolTipRole))
    for flag, detail in flags:
        assert flag.label.replace("-", "\u2011") in tip.replace("-", "\u2011") and detail in tip


def test_a_long_reason_is_cut_short_on_one_line_with_the_whole_text_in_its_tooltip(qtbot, window,
                                                                                   font_scale):
    from vma_desk.ui.messages.model import COL_CALLER, COL_REASON

    services = window.services
    nurse = next(s for s in services.practice.staff() if s.role is Role.CLINICAL)
    reason = ("Daughter calling: mother dizzy since she started the new blood pressure tablet on "
              "Saturday, fell once at home yesterday, no injury she can see; asks whether to stop "
              "the tablet, whether someone should see her this week, and that the pharmacy on Clark "
              "Street has the new prescription on hold until a nurse calls them back today.")
    reason = (reason + " " + reason)[:300]
    caller = "MailRx Home Delivery Pharmacy, refill line (Tanya at the desk)"
    services.communications.take_message(Message(
        caller, "(312) 555-0142", reason, nurse.id, services.context.clock.now(), Urgency.ROUTINE))
    messages = tab_of(window, "MessagesTab")
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    messages.load()
    qtbot.wait(10)
    view = messages.view
    cell = view.model().index(0, COL_REASON)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == reason
    shown = view.visualRect(cell)
    assert shown.height() <= 2 * view.fontMetrics().lineSpacing(), "the reason wraps onto more lines"
    assert view.fontMetrics().horizontalAdvance(reason) > shown.width()  # so it is cut short …
    assert view.textElideMode() == Qt.TextElideMode.ElideRight and not view.wordWrap()  # … with "…"
    # a cut caller's name: the pointer resting on it shows the whole name (and the reason)
    assert _tooltip_over(qtbot, view, view.model().index(0, COL_CALLER)).startswith(caller)


def _tooltip_over(qtbot, view, index: QModelIndex) -> str:  # noqa: ANN001 - a QAbstractItemView
    """What a user sees when the pointer rests on a cell (the help event Qt sends after a moment)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    QToolTip.hideText()
    centre = view.visualRect(index).center()
    qtbot.mouseMove(view.viewport(), centre)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, centre,
                                                       view.viewport().mapToGlobal(centre)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=1000)
    return QToolTip.text()


def test_a_refills_step_buttons_are_whole_and_in_sight(qtbot, window, font_scale):
    from PySide6.QtWidgets import QPushButton

    from vma_desk.core.refills import RefillRequest, RefillSource

    services = window.services
    visit = _new_visit(window)
    prescriber = next(s for s in services.practice.staff() if s.role is Role.PROVIDER)
    request, _ = services.refills.create(RefillRequest(
        visit.patient_id, "Metformin", "1000 mg", "60 tablets", "Northside Family Pharmacy - Devon Ave",
        RefillSource.PORTAL, "Ann Ames", prescriber.id, services.context.clock.now()))
    refills = tab_of(window, "RefillsTab")
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    refills.load()
    assert refills.select_request(request.id)
    qtbot.wait(20)
    viewport = refills.ui.detail_scroll.viewport()
    cut = [f"{b.text().replace('&', '')!r} ({b.width()} of {b.sizeHint().width()} px, right edge at "
           f"{b.mapTo(viewport, QPoint(b.width(), 0)).x()} of {viewport.width()})"
           for b in refills.ui.detail_panel.findChildren(QPushButton)
           if b.isVisible() and (b.width() < b.sizeHint().width()
                                 or b.mapTo(viewport, QPoint(b.width(), 0)).x() > viewport.width())]
    assert not cut, f"at {font_scale:.0%} text step buttons are cut or off to the side: {cut}"
