"""When a search typed into quick open (Ctrl+K), the calls/messages search (Ctrl+F) or a patient
picker counts as one search for the audit trail.

The results refresh at every pause in typing (`SearchAsYouType`, 120-150 ms), so a name typed
slowly would otherwise be a dozen "searches". One search is audited (that it was made, where, and
how many results; never its words) at the first of:

- its results stayed on screen for `AUDIT_PAUSE_MS` without more typing (the user is reading them);
- one of its results was opened (Enter, a click);
- the window closed or hid (Esc, the auto-lock) while its results were shown;
- the search line was emptied (a search that was looked at, then given up).

Typing on within the pause refines the same search: still one entry. A search audited and then
typed on is a new search.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from vma_desk.core.errors import LockedError

#: results on screen this long without typing: the search was made
AUDIT_PAUSE_MS = 2000


class SearchAudit(QObject):
    """`record(results)` writes the audit entry (e.g. `services.patients.record_search`)."""

    def __init__(self, window: QWidget, record: Callable[[int], None],
                 pause_ms: int = AUDIT_PAUSE_MS) -> None:
        super().__init__(window)
        self._window, self._record = window, record
        #: the number of results of the search on screen and not yet audited (None: nothing pending)
        self._pending: int | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(pause_ms)
        self.timer.timeout.connect(self.commit)
        window.installEventFilter(self)

    def shown(self, typed: str, results: int) -> None:
        """Call each time a search's results are shown (`typed` is the search line's text)."""
        if not typed:
            self.commit()
            return
        self._pending = results
        self.timer.start()

    def commit(self) -> None:
        """Audit the search on screen now, if it was not yet (before opening one of its results)."""
        self.timer.stop()
        if self._pending is None:
            return
        try:
            self._record(self._pending)
        except LockedError:
            return  # closed already: the search runs (and is audited) again when the window is back
        self._pending = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Hide:
            self.commit()
        return False
