"""A tab shown again repaints its lists from a picture of them, not by painting every cell again.

Painting a list costs a Python call per cell and role (the model's `data`, a delegate's `paint`):
15-40 ms for a tab's lists, several times what Qt needs for the rest of the window. A list that has
not changed since it was last painted in full looks exactly as it did then, so `ViewportCache`
keeps that last full painting as a pixmap and draws the pixmap instead, when:

- the paint covers the whole list (a tab switch, the window shown again): a paint of a part (the
  row under the mouse, a selection moved, a strip scrolled into view) is painted as usual, and
  the picture is dropped, since that part changed;
- nothing the list shows has changed since: every signal of the model, the selection, the headers
  (sizes, order, sort arrow) and a tree's expanded rows drops the picture, and so does any event
  of the list or its viewport other than the few that never change a pixel (`_HARMLESS`);
- the state it was painted in is the same: size, scroll position, screen scale, keyboard focus,
  active window, enabled, the same model and selection model.

A miss paints as usual; the picture is taken a moment later, while the list rests on screen
(`CAPTURE_AFTER_MS` after a tab was shown, `REST_MS` after a change in front of the VMA): a picture
cannot be taken inside the paint itself, and taking it costs one more paint, in idle time.
The pictures live in `QPixmapCache` (bounded, least recently used dropped first), in memory only,
and are dropped when their list changes: a lock clears every tab, which drops them all.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPainter, QPixmap, QPixmapCache
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView, QWidget

#: events after which a list looks as it did (anything else drops its picture)
_HARMLESS = frozenset({
    QEvent.Type.Paint, QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.ShowToParent,
    QEvent.Type.HideToParent, QEvent.Type.Move, QEvent.Type.ToolTip, QEvent.Type.StatusTip,
    QEvent.Type.WhatsThis, QEvent.Type.UpdateRequest, QEvent.Type.UpdateLater, QEvent.Type.MetaCall,
    QEvent.Type.FocusIn, QEvent.Type.FocusOut, QEvent.Type.FocusAboutToChange,  # in the key
    QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate,  # in the key
    QEvent.Type.Resize,  # in the key
    QEvent.Type.ShortcutOverride,  # a key asked about before it is pressed; the press itself counts
    QEvent.Type.Timer,  # the view's own timers: what they change is in the key or signalled
})
_CACHED = "vma_desk_viewport_cached"
#: when the picture of a list just shown is taken, if it is still on screen and unchanged (ms)
CAPTURE_AFTER_MS = 100
#: when the picture of a list that changed on screen is taken: once it rested that long (ms)
REST_MS = 500
#: the pictures' share of QPixmapCache (KiB): a dozen lists of a large screen
CACHE_LIMIT_KIB = 64 * 1024

#: model, selection and header signals that mean "what is shown changed"
_MODEL_SIGNALS = ("dataChanged", "headerDataChanged", "layoutChanged", "modelReset", "rowsInserted",
                  "rowsRemoved", "rowsMoved", "columnsInserted", "columnsRemoved", "columnsMoved")
_SELECTION_SIGNALS = ("selectionChanged", "currentChanged", "modelChanged")
_HEADER_SIGNALS = ("sectionResized", "sectionMoved", "sectionCountChanged", "sortIndicatorChanged")


class ViewportCache(QObject):
    """The last full painting of one item view's viewport, drawn again while nothing changed."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._viewport = view.viewport()
        self._name = f"vma-desk-viewport-{id(self)}"
        self._state: Hashable | None = None  # the state the picture was painted in
        self._rendering = False
        self._shown = False  # shown since the last paint
        self._watched: list[QObject] = []  # the model and selection model followed
        self._connected: list[Any] = []  # their signals, connected to `drop`
        self.hits = 0  # pictures drawn instead of a paint (for tests and benchmarks)
        self._generation = 0  # counts the full paints and the changes
        self._painted_generation = -1
        self._capture = QTimer(self)
        self._capture.setSingleShot(True)
        self._capture.timeout.connect(self._take_picture)
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)
        headers: list[QHeaderView] = []
        if isinstance(view, QHeaderView):
            headers = [view]
        elif isinstance(view, QTableView):
            headers = [view.horizontalHeader(), view.verticalHeader()]
        elif isinstance(view, QTreeView):
            headers = [view.header()]
            view.expanded.connect(self.drop)
            view.collapsed.connect(self.drop)
        for header in headers:
            for name in _HEADER_SIGNALS:
                getattr(header, name).connect(self.drop)
        self.destroyed.connect(lambda: QPixmapCache.remove(self._name))

    @property
    def pictured(self) -> bool:
        """Whether the list has a picture of how it looks now."""
        return self._state is not None

    def drop(self, *_args: object) -> None:
        """Forget the picture: the list changed (or may have)."""
        self._generation += 1
        if self._state is not None:
            self._state = None
            QPixmapCache.remove(self._name)

    def _watch(self) -> None:
        """Follow the view's current model and selection model (a view may be given new ones)."""
        model, selection = self._view.model(), self._view.selectionModel()
        current: list[QObject] = [o for o in (model, selection) if o is not None]
        if current == self._watched:
            return
        for signal in self._connected:
            try:
                signal.disconnect(self.drop)
            except (RuntimeError, TypeError):  # its object already gone
                pass
        self._watched, self._connected = current, []
        for obj, names in ((model, _MODEL_SIGNALS), (selection, _SELECTION_SIGNALS)):
            if obj is not None:
                for name in names:
                    signal = getattr(obj, name)
                    signal.connect(self.drop)
                    self._connected.append(signal)

    def _key(self) -> Hashable:
        view = self._view
        size = self._viewport.size()
        offset = view.offset() if isinstance(view, QHeaderView) else 0
        return (size.width(), size.height(), self._viewport.devicePixelRatioF(), offset,
                view.horizontalScrollBar().value(), view.verticalScrollBar().value(), view.hasFocus(),
                view.isActiveWindow(), view.isEnabled(), id(view.model()), id(view.selectionModel()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self._rendering:  # the events of taking the picture
            return False
        kind = event.type()
        if kind != QEvent.Type.Paint:
            if kind in (QEvent.Type.Show, QEvent.Type.ShowToParent) and watched is self._viewport:
                self._shown = True
            elif kind not in _HARMLESS:
                self.drop()
            return False
        if watched is not self._viewport:
            return False
        self._watch()
        shown, self._shown = self._shown, False
        region = event.region()  # type: ignore[attr-defined]  # a QPaintEvent
        whole = self._viewport.rect()
        if not region.contains(whole):
            self.drop()  # a part changed: painted as usual, pictured once the list rests
            self._painted_generation = self._generation
            self._capture.start(REST_MS)
            return False
        key = self._key()
        picture = QPixmap()
        if self._state != key or not QPixmapCache.find(self._name, picture):
            self._state = None
            self._generation += 1
            self._painted_generation = self._generation
            # a tab just shown is pictured at once (it may be left soon, and shown again as it is
            # now); a list changed in front of the VMA, once it rests
            self._capture.start(CAPTURE_AFTER_MS if shown else REST_MS)
            return False
        self.hits += 1
        painter = QPainter(self._viewport)
        painter.drawPixmap(0, 0, picture)
        painter.end()
        return True

    def _take_picture(self) -> None:
        """The list as it was last painted, pictured while it rests (a picture cannot be taken in
        the paint itself): only if nothing changed since that paint and it is still on screen."""
        if self._generation != self._painted_generation or not self._viewport.isVisible():
            return
        key = self._key()
        if self._viewport.size().isEmpty():
            return
        self._rendering = True
        try:
            picture = self._viewport.grab()
        finally:
            self._rendering = False
        if key == self._key() and self._generation == self._painted_generation:
            self._state = key
            QPixmapCache.insert(self._name, picture)


def cache_views(root: QWidget) -> list[ViewportCache]:
    """A `ViewportCache` for every item view in `root` (headers too) that has none yet."""
    if QPixmapCache.cacheLimit() < CACHE_LIMIT_KIB:
        QPixmapCache.setCacheLimit(CACHE_LIMIT_KIB)
    made = []
    for view in root.findChildren(QAbstractItemView):
        if view.property(_CACHED):
            continue
        view.setProperty(_CACHED, True)
        made.append(ViewportCache(view))
    return made
