"""Preferences kept in QSettings: window geometry and UI state only, never patient data.

Practice settings that describe patients' care live in the encrypted workspace instead.
"""

from __future__ import annotations

from typing import SupportsIndex, SupportsInt

from PySide6.QtCore import QByteArray, QSettings

from vma_desk.core.rules.backup_retention import DEFAULT_POLICY, MAX_KEEP, RetentionPolicy

DEFAULT_AUTOLOCK_MINUTES = 10
MIN_AUTOLOCK_MINUTES = 1
MAX_AUTOLOCK_MINUTES = 120


def _int(value: object) -> int:
    """`int(value)` of a value QSettings gives back (an int, or the text an INI file keeps): the
    TypeError or ValueError of `int` for anything it refuses."""
    if isinstance(value, str | bytes | bytearray | SupportsInt | SupportsIndex):
        return int(value)
    raise TypeError(f"not a number: {type(value).__name__}")


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()

    @property
    def autolock_minutes(self) -> int:
        value = self.settings.value("security/autolock_minutes", DEFAULT_AUTOLOCK_MINUTES)
        try:
            minutes = _int(value)
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
            return _int(self.settings.value("window/tab", 0))
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

    # --- sign-in and the practices opened on this laptop ------------------------------------------
    @property
    def silent_single_user(self) -> bool:
        """Start without asking the PIN when the workspace has only one user (every unlock after
        a lock still asks)."""
        return str(self.settings.value("security/silent_single_user", "false")).lower() == "true"

    @silent_single_user.setter
    def silent_single_user(self, on: bool) -> None:
        self.settings.setValue("security/silent_single_user", "true" if on else "false")

    def recent_workspaces(self) -> list[tuple[str, str]]:
        """(folder, practice name) of the workspaces opened on this laptop, the latest first. A
        practice's name is not patient data; nothing else about a workspace is kept here."""
        out: list[tuple[str, str]] = []
        size = self.settings.beginReadArray("workspaces")
        for index in range(size):
            self.settings.setArrayIndex(index)
            folder = str(self.settings.value("folder", "") or "")
            if folder:
                out.append((folder, str(self.settings.value("practice", "") or "")))
        self.settings.endArray()
        return out

    def remember_workspace(self, folder: str, practice: str) -> None:
        entries = [(folder, practice)] + [e for e in self.recent_workspaces() if e[0] != folder]
        self._write_workspaces(entries[:20])

    def forget_workspace(self, folder: str) -> None:
        self._write_workspaces([e for e in self.recent_workspaces() if e[0] != folder])

    def _write_workspaces(self, entries: list[tuple[str, str]]) -> None:
        self.settings.remove("workspaces")
        self.settings.beginWriteArray("workspaces", len(entries))
        for index, (folder, practice) in enumerate(entries):
            self.settings.setArrayIndex(index)
            self.settings.setValue("folder", folder)
            self.settings.setValue("practice", practice)
        self.settings.endArray()

    # --- automatic backups (per workspace: a folder path is not patient data) ---------------------
    def _backup_key(self, workspace_id: str, name: str) -> str:
        return f"backups/{workspace_id}/{name}"

    def backup_folder(self, workspace_id: str) -> str:
        """The folder this workspace's automatic backups go to ("" until one is chosen)."""
        return str(self.settings.value(self._backup_key(workspace_id, "folder"), "") or "")

    def set_backup_folder(self, workspace_id: str, folder: str) -> None:
        self.settings.setValue(self._backup_key(workspace_id, "folder"), folder)

    def backup_when(self, workspace_id: str) -> tuple[bool, bool]:
        """(at the first sign-in of a day, at closing): both on until switched off."""
        def on(name: str) -> bool:
            return str(self.settings.value(self._backup_key(workspace_id, name), "true")).lower() == "true"

        return on("at_sign_in"), on("at_close")

    def set_backup_when(self, workspace_id: str, at_sign_in: bool, at_close: bool) -> None:
        for name, on in (("at_sign_in", at_sign_in), ("at_close", at_close)):
            self.settings.setValue(self._backup_key(workspace_id, name), "true" if on else "false")

    def backup_keep(self, workspace_id: str) -> RetentionPolicy:
        """How many daily, weekly and monthly backups to keep (7/4/12 until changed)."""
        values = []
        for name, default in (("daily", DEFAULT_POLICY.daily), ("weekly", DEFAULT_POLICY.weekly),
                              ("monthly", DEFAULT_POLICY.monthly)):
            try:
                value = _int(self.settings.value(self._backup_key(workspace_id, f"keep_{name}"), default))
            except (TypeError, ValueError):
                value = default
            values.append(min(max(value, 0), MAX_KEEP))
        return RetentionPolicy(*values)

    def set_backup_keep(self, workspace_id: str, policy: RetentionPolicy) -> None:
        for name in ("daily", "weekly", "monthly"):
            self.settings.setValue(self._backup_key(workspace_id, f"keep_{name}"), int(getattr(policy, name)))

    def backup_problem(self, workspace_id: str) -> str:
        """What went wrong with the last automatic backup ("" when it went well): the folder and
        what to do, never a patient value."""
        return str(self.settings.value(self._backup_key(workspace_id, "problem"), "") or "")

    def set_backup_problem(self, workspace_id: str, text: str) -> None:
        self.settings.setValue(self._backup_key(workspace_id, "problem"), text)

    def sync(self) -> None:
        self.settings.sync()
