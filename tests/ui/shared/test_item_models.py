"""Every item model of the UI passes Qt's model tester (pytest-qt's `qtmodeltester`) holding real
data: the demo practice, with each tab visited and each dialog that lists something opened the way
a VMA opens it (Alt+1…7, Ctrl+Shift+A, Ctrl+F, Ctrl+K, the Edit menu). A model class that no view
of the window shows fails the last test, so a new list cannot skip the check."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

import vma_desk.ui
from tests.ui.conftest import reactivate
from vma_desk.core.clock import FixedClock
from vma_desk.demo import catalog, create_demo_workspace
from vma_desk.services import Services
from vma_desk.services.users import DEMO_PIN
from vma_desk.ui.main_window import MainWindow
from vma_desk.ui.settings import Preferences

ANCHOR = datetime(2026, 11, 23).date()  # a Monday: the demo's "today" in the README's pictures


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator[tuple[Path, object, FixedClock]]:
    """One demo practice (a year of fictional records) for the module's tests."""
    from vma_desk.storage.keys import KeyStore

    keystore = KeyStore.from_environment()
    folder = tmp_path_factory.mktemp("demo") / "workspace"
    clock = FixedClock(datetime.combine(ANCHOR, time(9, 30), tzinfo=ZoneInfo(catalog.TIME_ZONE)))
    workspace, _recovery, _ = create_demo_workspace(folder, keystore, seed=1, years=1, anchor=ANCHOR,
                                                    clock=clock)
    workspace.close()
    yield folder, keystore, clock
    keystore.delete(workspace.workspace_id)


@pytest.fixture
def window(qtbot, tmp_path, demo) -> Iterator[MainWindow]:
    from vma_desk.storage.workspace import Workspace

    folder, keystore, clock = demo
    workspace = Workspace.unlock_with_keyring(folder, keystore)
    preferences = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    win = MainWindow(workspace, keystore, preferences=preferences,
                     services=Services.for_workspace(workspace, clock=clock))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    page = win.sign_in_page
    managers = [i for i in range(page.users.count()) if "manager" in (page.users.item(i).toolTip() or "")]
    page.users.setCurrentRow(managers[0] if managers else 0)
    qtbot.keyClicks(page.pin, DEMO_PIN)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert not win.locked, page.error.text()
    yield win
    for widget in QApplication.topLevelWidgets():
        if widget is not win and widget.isVisible():
            widget.close()
    win.close()


def _open_everything(qtbot, window: MainWindow, check: Callable[[QAbstractItemModel], None]) -> set[type]:
    """Each tab, then each dialog that lists something, as a VMA opens them; `check` is given every
    model shown on the way (a dialog's while it is open). The classes of the models seen."""
    seen: set[type] = set()

    def check_shown() -> None:
        for model in _models_shown():
            if type(model).__module__.startswith("vma_desk."):
                seen.add(type(model))
                check(model)

    def close_dialogs() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible():
                widget.close()
        reactivate(qtbot, window)  # offscreen Qt has no window manager to give it back

    for number in range(1, 8):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.AltModifier)
        qtbot.wait(5)
    check_shown()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_A, ctrl_shift)  # the audit log
    check_shown()
    close_dialogs()
    for keys, text in ((Qt.Key.Key_F, "pain"), (Qt.Key.Key_K, "gar")):
        qtbot.keyClick(window, keys, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                        and QApplication.focusWidget().window() is not window, timeout=2000)
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.wait(400)  # search as you type waits for a pause in the typing
        check_shown()
        close_dialogs()
    with_gaps = [p for p in window.services.patients.search("gar") if p.care_gaps]
    window.open_patient_editor(with_gaps[0].id)
    check_shown()
    close_dialogs()
    for action in (window.users_action, window.practice_action):
        action.trigger()
        qtbot.wait(5)
        check_shown()
        close_dialogs()
    return seen


def _models_shown() -> list[QAbstractItemModel]:
    """The models of every item view of every window, with the models behind each proxy."""
    found: dict[int, QAbstractItemModel] = {}
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for view in [top, *top.findChildren(QWidget)]:
            if not isinstance(view, QAbstractItemView) or view.model() is None:
                continue
            model = view.model()
            while model is not None:
                found[id(model)] = model
                model = model.sourceModel() if isinstance(model, QAbstractProxyModel) else None
    return list(found.values())


def _our_model_classes() -> set[type]:
    classes: set[type] = set()
    for info in pkgutil.walk_packages(vma_desk.ui.__path__, "vma_desk.ui."):
        if ".forms." in info.name:
            continue
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QAbstractItemModel) and cls.__module__ == module.__name__:
                classes.add(cls)
    return classes


def test_every_model_the_window_shows_passes_qts_model_tester(qtbot, qtmodeltester, window):
    rows: list[int] = []

    def check(model: QAbstractItemModel) -> None:
        qtmodeltester.check(model, force_py=False)
        rows.append(model.rowCount())

    seen = _open_everything(qtbot, window, check)
    assert len(seen) >= 10
    assert sum(1 for count in rows if count > 0) >= 10  # real rows were checked, not only empty lists


def test_every_item_model_class_of_the_ui_is_shown_somewhere_and_so_checked(qtbot, window):
    shown = _open_everything(qtbot, window, lambda _model: None)
    unchecked = sorted(cls.__qualname__ for cls in _our_model_classes()
                       if not any(issubclass(s, cls) for s in shown))
    assert unchecked == [], f"item models no test shows to the model tester: {unchecked}"
