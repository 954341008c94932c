"""The toolbar's provider choice: a menu of checkable providers that stays open while ticking.

"All providers" ticks every one; the last ticked provider cannot be unticked (a schedule of
nobody shows nothing useful).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QMenu, QWidget

from vma_desk.core.records import StaffMember


class ProvidersMenu(QMenu):
    #: the ticked providers changed
    sig_selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providers_menu")
        self._actions: dict[int, QAction] = {}
        self._providers: list[StaffMember] = []

    def set_providers(self, providers: Sequence[StaffMember], ticked: Iterable[int] | None = None) -> None:
        """Offer `providers`; tick those in `ticked` that still exist (all when none remain)."""
        keep = set(ticked) if ticked is not None else set()
        self.clear()
        self._actions = {}
        self._providers = [p for p in providers if p.id is not None]
        everyone = self.addAction("&All providers")
        everyone.triggered.connect(self._on_everyone_triggered)
        self.addSeparator()
        for provider in self._providers:
            assert provider.id is not None
            action = self.addAction(provider.display_name)
            action.setCheckable(True)
            action.setChecked(provider.id in keep)
            action.toggled.connect(self._on_provider_toggled)
            self._actions[provider.id] = action
        if not self.selected_ids():
            self._tick_all()

    def selected_ids(self) -> list[int]:
        return [pid for pid, action in self._actions.items() if action.isChecked()]

    def selected(self) -> list[StaffMember]:
        chosen = set(self.selected_ids())
        return [p for p in self._providers if p.id in chosen]

    def set_selected(self, provider_ids: Iterable[int]) -> None:
        wanted = set(provider_ids)
        if not wanted & set(self._actions):
            return
        for pid, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(pid in wanted)
            action.blockSignals(False)
        self.sig_selection_changed.emit()

    def summary(self) -> str:
        chosen = self.selected()
        if len(chosen) == len(self._providers):
            return f"Providers: all {len(chosen)}"
        if len(chosen) == 1:
            return f"Provider: {chosen[0].display_name}"
        return f"Providers: {len(chosen)} of {len(self._providers)}"

    def _tick_all(self) -> None:
        for action in self._actions.values():
            action.blockSignals(True)
            action.setChecked(True)
            action.blockSignals(False)

    def _on_everyone_triggered(self) -> None:
        self._tick_all()
        self.sig_selection_changed.emit()

    def _on_provider_toggled(self, checked: bool) -> None:
        if not checked and not self.selected_ids():
            sender = self.sender()
            if isinstance(sender, QAction):
                sender.blockSignals(True)
                sender.setChecked(True)
                sender.blockSignals(False)
            return
        self.sig_selection_changed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.actionAt(event.position().toPoint())
        if action is not None and action.isCheckable():
            action.trigger()  # toggle without closing: ticking several providers is one trip
            return
        super().mouseReleaseEvent(event)
