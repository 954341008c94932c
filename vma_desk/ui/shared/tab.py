"""What every tab of the main window offers it (`TabPage`), and the one list the window builds its
tabs from (`TabEntry`).

The window knows a tab only through `TabPage`: it connects the same signals of every tab, calls the
same methods on lock and on a `Change`, and asks the entry which tab shows a kind of record or
opens a kind of form. A tab's changes leave through `send_change`, which names the tab as their
origin (its object name); the window fans every change out to every tab, and a tab skips what it
made itself (`made_here`), having shown it already. The window builds a tab the first time it
shows it (`MainWindow.page`; until then the tab's title counts from its entry's `badge`), and the
tab reads what it shows then: as it is built, or in `ensure_loaded`. Every method
has a default that does nothing, so a tab overrides only what it does. See docs/architecture.md,
"How to add a tab".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from vma_desk.core.records import Change, Patient, RecordKind

#: the window a tab's factory is given (the main window; the kernel does not import it)
W = TypeVar("W")


class TabPage(QWidget):
    """A page of the main window's tabs. Subclasses override what they do; the defaults do nothing."""

    #: a `Change` made from this tab, for the rest of the window (which fans it back to every tab);
    #: emitted only by `send_change`, so that it carries the tab's name as its origin
    sig_changed = Signal(object)
    #: a step Edit → Undo can take back: its label and the call that takes it back
    sig_undoable = Signal(str, object)
    #: show a record in its tab: (kind, id) as `MainWindow.open_record` takes them
    sig_record_requested = Signal(str, int)
    #: what the tab's title counts changed (overdue messages, flagged referrals, urgent rows): the
    #: window sets the tab's text to `title()` again
    sig_badge_changed = Signal(int)

    @property
    def origin(self) -> str:
        """The name this tab's changes carry as their `Change.origin`: its object name ("CallsTab",
        from its Designer form; its class's name when it has none), never "" (a change no one
        named)."""
        return self.objectName() or type(self).__name__

    def send_change(self, change: Change) -> None:
        """Tell the window of a change this tab made; it comes back to every tab, this one too."""
        self.sig_changed.emit(change.from_origin(self.origin))

    def made_here(self, change: Change) -> bool:
        """True for a change this tab sent (the window fans it back; the tab has shown it)."""
        return change.origin == self.origin

    def title(self) -> str:
        """The tab's text with its count ("Messages (3 overdue)"); "" keeps the entry's title."""
        return ""

    #: True once the tab has read what it shows (`ensure_loaded`); until then a tab that reads on
    #: first show has read nothing, and its `apply_change` and `resume` read nothing either
    loaded = False

    def ensure_loaded(self) -> None:
        """The window shows this tab (the tab current at sign-in, a click, Alt+1…6, a record or a
        form opened in it): the first time, `load_shown`; afterwards nothing."""
        if not self.loaded:
            self.loaded = True
            self.load_shown()

    def load_shown(self) -> None:
        """Read what the tab shows, the first time the window shows it (`ensure_loaded`), so that
        building the tab reads nothing until it is shown (Calendar, Calls: a record opened in
        them is shown before the rest). The tabs whose title counts something (`title`: Today,
        Messages, Refills, Referrals) read as they are built instead (the window builds a tab
        when it first shows it): theirs does nothing."""

    def publish_badge(self) -> None:
        """Emit `sig_badge_changed` with the count now (the window asks once the tab is in place)."""

    def apply_change(self, change: Change) -> None:
        """Another part of the window changed something: show it if it touches this tab (a tab
        not `loaded` yet skips it: its first load reads it)."""

    def pause(self) -> None:
        """The window locks: stop timers, read nothing."""

    def resume(self) -> None:
        """The window is signed in again: read again (if the tab was ever `loaded`) and restart
        timers."""

    def clear(self) -> None:
        """The window locks: empty every list and detail pane (no patient data stays on screen)."""

    def focus_main(self) -> None:
        """Put the keyboard in the tab's main list (Alt+1…6, a click on the tab)."""
        self.setFocus()

    def window_actions(self) -> list[QAction]:
        """Actions whose shortcuts work from every tab (Calls' F2 "Log call"): added to the window."""
        return []

    def open_record(self, kind: str, record_id: int) -> bool:
        """Show a record of one of the entry's `records` kinds; False when it cannot be shown."""
        return False

    def open_form(self, form: str) -> bool:
        """Open an empty form of one of the entry's `forms` kinds (a draft put back)."""
        return False

    def open_form_for(self, form: str, patient: Patient) -> bool:
        """Open a new form of one of the entry's `forms` kinds for this patient (a step from the
        patient hub: the form opens with the patient chosen)."""
        return False

    def current_patient(self) -> int | None:
        """The patient of the record selected on the tab (a call's caller on file, a visit's
        patient), None when none: Ctrl+K offers them first."""
        return None

    def current_record(self) -> tuple[RecordKind, int] | None:
        """The record selected on the tab, as (kind, id): what "Make a task…" links the task to."""
        return None

    def add_banner(self, banner: QWidget) -> bool:
        """Show a window-wide banner (the drafts waiting) at the top of this tab, if it has room for
        one; False when it has not."""
        return False


@dataclass(frozen=True)
class TabEntry(Generic[W]):
    """One tab of the main window: its title, what builds it for the window (the first time the
    tab is shown), the kinds of record it shows (`MainWindow.open_record`), the kinds of form it
    opens (`MainWindow.open_form`), its title with its count while it is not built yet (`badge`,
    from count calls: `ui/shared/badges.py`; the built tab's own `title` afterwards) and whether
    it takes window-wide banners (`TabPage.add_banner`)."""

    title: str
    factory: Callable[[W], TabPage]
    records: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    badge: Callable[[W], str] | None = None
    banners: bool = False
    #: the tab's window-wide keys (its `window_actions`) as (key, form): before the tab is built,
    #: the window's own action for the key builds it and opens that form (F2: a new call)
    keys: tuple[tuple[str, str], ...] = ()


def enclosing_tab(widget: QWidget) -> TabPage | None:
    """The tab a widget is shown in (a worklist's panel telling the window of a change it made)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, TabPage):
        parent = parent.parentWidget()
    return parent
