"""The text of SQL statements that repositories build from a column list or a list of ids, said once.

Only placeholders are built here; values always travel as parameters.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

#: how many ids one `IN (...)` carries at the most (SQLite's parameter limit was 999 before 3.32)
CHUNK = 500

_T = TypeVar("_T")


def marks(count: int) -> str:
    """`count` placeholders: "?, ?, ?"."""
    return ", ".join("?" * count)


def column_marks(columns: str) -> str:
    """One placeholder per column of a "a, b, c" list, for an INSERT's VALUES."""
    return marks(len(columns.split(",")))


def assignments(columns: str) -> str:
    """"a = ?, b = ?, c = ?" for an UPDATE's SET, from a "a, b, c" list."""
    return ", ".join(f"{c.strip()} = ?" for c in columns.split(","))


def chunks(ids: Sequence[_T], size: int = CHUNK) -> Iterator[list[_T]]:
    """`ids` in lists of at most `size`, in order, for one `IN (...)` statement each."""
    for start in range(0, len(ids), size):
        yield list(ids[start:start + size])
