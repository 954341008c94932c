"""The generator's big collections freed and sorted a slice at a time, never in one long C call.

A C call holds the GIL until it returns, and the app's window, which shows the generation's progress
from the GUI thread, cannot paint meanwhile. Two such calls lasted tens of milliseconds on the
5-year demo (more on a busy machine):

- freeing: when the last reference to a list of a hundred thousand records goes (a function
  returning, a name bound again), CPython frees the list and everything only it held in one call:
  30-50 ms for the appointments, refill requests or roster. `let_go` empties such a collection in
  place a slice at a time, so other threads run between slices. The same objects are freed, at
  the same moment; call it only on a collection nothing uses again;
- sorting: `sorted` of the year's refill drafts compared their keys in one call, 15-18 ms.
  `sorted_in_slices` sorts slices and merges them in Python: the same order, ties included.

And the cycle collector, whose passes over the generation's millions of objects held the GIL
0.1-0.4 s each, is paused while it runs (`no_cycle_collection`).
"""

from __future__ import annotations

import contextlib
import gc
import heapq
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

#: items sorted between two chances for other threads to take the GIL
SLICE = 500
#: items freed between two chances: an item may hold much (a patient's visits), and 500 of them
#: still held the GIL 60-120 ms once on the 5-year demo (seen in a faulthandler dump of a stall)
FREE_SLICE = 20


def let_go(*collections: list[Any] | dict[Any, Any]) -> None:
    """Empty each of `collections` in place, FREE_SLICE items at a time."""
    for items in collections:
        if isinstance(items, dict):
            while items:
                for _ in range(min(FREE_SLICE, len(items))):
                    items.popitem()
        else:
            while items:
                del items[-FREE_SLICE:]


def sorted_in_slices(items: Iterable[T], key: Callable[[T], Any]) -> list[T]:
    """`sorted(items, key=key)`: each slice sorted (stable), then merged, an equal key's items
    in the order of their slices, which is their order in `items`."""
    pending = list(items)
    runs = [sorted(pending[at:at + SLICE], key=key) for at in range(0, len(pending), SLICE)]
    return list(heapq.merge(*runs, key=key))


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while the demo is generated. Generation makes millions of
    objects that live until it ends and form no cycles: the collector's full passes over them found
    nothing and each held the GIL 0.1-0.4 s (12 passes, 1.9 s, on the 5-year demo), freezing the
    window that shows the progress (the app generates on a worker thread). Reference counting
    still frees everything; the collector is on again afterwards, as it was. What generation made
    and keeps (its modules, the statements' caches) goes to the oldest generation at once
    (`gc.freeze` then `gc.unfreeze`, unless something else froze objects): the first young collection
    walked all of it, 12-18 ms holding the GIL, as the window came back from the progress dialog."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()
