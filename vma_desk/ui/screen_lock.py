"""The desktop's own screen lock and suspend, as signals: VMA Desk locks with them.

On Linux these come over D-Bus: the session bus's screensaver interfaces (freedesktop, GNOME,
KDE, Cinnamon, MATE) say ActiveChanged(true) when the screen locks, and logind on the system bus
says Lock on the session and PrepareForSleep(true) before a suspend. Where no bus is reachable
(Windows, macOS, a minimal session) nothing is connected and the idle timer remains the lock.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import SLOT, QObject, Signal, Slot

if TYPE_CHECKING:  # imported where used: a Qt build may have no D-Bus
    from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)

#: (path, interface) pairs of session-bus screensavers that emit ActiveChanged(bool)
SCREENSAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("/org/cinnamon/ScreenSaver", "org.cinnamon.ScreenSaver"),
    ("/org/mate/ScreenSaver", "org.mate.ScreenSaver"),
)


class ScreenLockWatcher(QObject):
    """Emits sig_screen_locked(why) when the desktop locks its screen or the computer suspends."""

    sig_screen_locked = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt build without D-Bus
            return
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for path, interface in SCREENSAVERS:
                if _connect(session, "", path, interface, "ActiveChanged", self,
                            "_on_screensaver_active_changed(bool)"):
                    self.sources.append(interface)
        system = QDBusConnection.systemBus()
        if system.isConnected():
            session_path = _own_session_path(system)
            # our own session's Lock only: another user's session locking is not ours
            if session_path and _connect(system, "org.freedesktop.login1", session_path,
                                         "org.freedesktop.login1.Session", "Lock", self,
                                         "_on_session_lock()"):
                self.sources.append("login1 Lock")
            if _connect(system, "org.freedesktop.login1", "/org/freedesktop/login1",
                        "org.freedesktop.login1.Manager", "PrepareForSleep", self,
                        "_on_prepare_for_sleep(bool)"):
                self.sources.append("login1 PrepareForSleep")
        log.info("screen-lock signals: %s", ", ".join(self.sources) or "none")

    @Slot(bool)
    def _on_screensaver_active_changed(self, active: bool) -> None:
        if active:
            self.sig_screen_locked.emit("Locked because the screen was locked.")

    @Slot()
    def _on_session_lock(self) -> None:
        self.sig_screen_locked.emit("Locked because the screen was locked.")

    @Slot(bool)
    def _on_prepare_for_sleep(self, going: bool) -> None:
        if going:
            self.sig_screen_locked.emit("Locked because the computer went to sleep.")


def _connect(bus: QDBusConnection, service: str, path: str, interface: str, name: str, receiver: QObject,
             slot: str) -> bool:
    """Connect the bus signal `name` to `receiver`'s `slot` (its signature); whether it connected."""
    # PySide6's stub types the slot as bytes; it takes the str SLOT() gives (as Qt's SLOT macro)
    connected: bool = bus.connect(service, path, interface, name, receiver, SLOT(slot))  # type: ignore[call-overload]
    return connected


def _own_session_path(system: QDBusConnection) -> str:
    """logind's object path of the session this process runs in ("" when logind cannot say)."""
    import os

    from PySide6.QtDBus import QDBusInterface, QDBusMessage

    manager = QDBusInterface("org.freedesktop.login1", "/org/freedesktop/login1",
                             "org.freedesktop.login1.Manager", system)
    if not manager.isValid():
        return ""
    reply = manager.call("GetSessionByPID", os.getpid())
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return ""
    path = reply.arguments()[0]
    return str(path.path() if hasattr(path, "path") else path)
