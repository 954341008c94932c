"""Preferences kept in QSettings: window geometry and UI state only, never patient data.

Practice settings that describe patients' care live in the encrypted workspace instead.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_AUTOLOCK_MINUTES = 10
MIN_AUTOLOCK_MINUTES = 1
MAX_AUTOLOCK_MINUTES = 120


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()

    @property
    def autolock_minutes(self) -> int:
        value = self.settings.value("security/autolock_minutes", DEFAULT_AUTOLOCK_MINUTES)
        try:
            minutes = int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return DEFAULT_AUTOLOCK_MINUTES
        return min(max(minutes, MIN_AUTOLOCK_MINUTES), MAX_AUTOLOCK_MINUTES)

    @autolock_minutes.setter
    def autolock_minutes(self, minutes: int) -> None:
        self.settings.setValue("security/autolock_minutes", int(minutes))

    def window_geometry(self) -> QByteArray | None:
        value = self.settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray, tab: int) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)
        self.settings.setValue("window/tab", tab)

    def window_state(self) -> QByteArray | None:
        value = self.settings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def last_tab(self) -> int:
        try:
            return int(self.settings.value("window/tab", 0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 0

    def hidden_columns(self, table: str, default: tuple[str, ...] = ()) -> list[str]:
        """The columns the user hid in `table` (by column key); `default` until they chose."""
        key = f"columns/{table}_hidden"
        if not self.settings.contains(key):
            return list(default)
        value = self.settings.value(key, "")
        return [name for name in str(value or "").split(",") if name]

    def set_hidden_columns(self, table: str, names: list[str]) -> None:
        # one comma-separated string: an empty QStringList reads back differently per format
        self.settings.setValue(f"columns/{table}_hidden", ",".join(names))

    def sync(self) -> None:
        self.settings.sync()
