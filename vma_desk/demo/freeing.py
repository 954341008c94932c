"""Letting go of the generator's big collections a slice at a time.

When the last reference to a list of a hundred thousand records goes (a function returning, a name
bound again), CPython frees the list and everything only it held in one C call that holds the GIL
throughout: 30-50 ms for the 5-year demo's appointments, refill requests or roster, and more on a
busy machine, during which the app's window, which shows the generation's progress from the GUI
thread, could not paint. `let_go` empties such a collection in place a slice at a time, so other
threads run between slices. The same objects are freed, at the same moment; call it only on a
collection nothing uses again.
"""

from __future__ import annotations

from typing import Any

#: items freed between two chances for other threads to take the GIL
SLICE = 500


def let_go(*collections: list[Any] | dict[Any, Any]) -> None:
    """Empty each of `collections` in place, SLICE items at a time."""
    for items in collections:
        if isinstance(items, dict):
            while items:
                for _ in range(min(SLICE, len(items))):
                    items.popitem()
        else:
            while items:
                del items[-SLICE:]
