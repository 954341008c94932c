"""Helpers for driving real dialogs: a patient factory, focus, keys, and answering a question box."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from vma_desk.core.records import CareGap, Insurance, Patient, Phone, PhoneKind, PlanType
from vma_desk.services import Services


@pytest.fixture(autouse=True)
def no_window_left_behind(qapp) -> Iterator[None]:
    """Fail a GUI test that leaves a top-level widget alive behind it, shown or hidden (a dialog
    never closed, a window not handed to `qtbot.addWidget`, a widget made without a parent that
    outlives its window): it would keep its records in memory or on screen, its timers running and
    its workspace open into the next test. Set up before `qtbot`, so it looks after qtbot closed
    and deleted the widgets it was given and their deferred deletes ran."""
    before = {id(w) for w in QApplication.topLevelWidgets()}
    yield
    for _ in range(3):  # a closed dialog's deleteLater, then what its deletion posted
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
    left = [w for w in QApplication.topLevelWidgets() if id(w) not in before]
    names = ", ".join(f"{type(w).__name__} {w.windowTitle()!r}" for w in left)
    for window in left:  # the next test starts clean either way
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if left:
        pytest.fail(f"top-level widgets left alive by the test (shown or hidden): {names}")


@pytest.fixture
def add_patient(services: Services):
    """Create a patient through the service (as another screen would) and return it."""

    def add(**overrides: object) -> Patient:
        values: dict[str, object] = dict(
            first_name="Ann", last_name="O'Neil", date_of_birth=date(1961, 4, 2),
            phones=(Phone("(312) 555-0142"), Phone("773-555-0199", PhoneKind.HOME)),
            email="ann.oneil@example.com",
            insurance=Insurance("Prairie Health", "PH-12345", PlanType.HMO, "G-77"),
            preferred_pharmacy="Walgreens, N Clark St",
            care_gaps=(CareGap("Mammogram", date(2026, 1, 15), "overdue"),),
            notes="Prefers morning calls.",
        )
        values.update(overrides)
        patient, _change = services.patients.create(Patient(**values))  # type: ignore[arg-type]
        return patient

    return add


def show_active(qtbot, widget: QWidget) -> None:
    """Show a top-level widget and wait until it has keyboard focus, as a user would see it."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def reactivate(qtbot, widget: QWidget) -> None:
    """Give activation back after a question box closed: offscreen Qt has no window manager to."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def type_keys(qtbot, *steps: str | Qt.Key) -> None:
    """Type into whatever has focus: strings are typed, keys are pressed (Tab, Return ...)."""
    for step in steps:
        if isinstance(step, str):
            qtbot.keyClicks(focused(), step)
        else:
            qtbot.keyClick(focused(), step)


def answer_question(button_text: str, seen: list[str]) -> None:
    """Click `button_text` in the next question box (it runs modally, so answer from a timer)."""

    tries = iter(range(500))  # give up after about 5 s, so a missing box cannot answer a later one

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if next(tries, None) is not None:
                QTimer.singleShot(10, poll)
            return
        seen.append(box.text())
        matching = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        assert matching, f"no button {button_text!r} in {[b.text() for b in box.buttons()]}"
        matching[0].click()

    QTimer.singleShot(0, poll)


def tab_of(window, kind: type | str):  # noqa: ANN201 - the tab's own class
    """The main window's tab of that class (or class name: "CallsTab"), built as its first show
    builds it (`MainWindow.page`) when it was never shown: only the tab shown at sign-in is."""
    from vma_desk.ui.main_window import TABS

    name = kind if isinstance(kind, str) else kind.__name__
    index = [entry.title for entry in TABS].index(name.removesuffix("Tab"))
    return window.page(index)
