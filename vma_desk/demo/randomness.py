"""Deterministic random streams for the demo generator: one independent stream per area.

Each area (practice, patient identities, patient history, and later appointments, calls ...) draws
from its own stream seeded by ``(seed, area name)``, so adding an area, or drawing more in one, never
changes what another area generates. Seeding a `random.Random` with a string hashes it with SHA-512,
which is stable across runs and Python versions (unlike ``hash()``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def stream(seed: int, area: str) -> random.Random:
    return random.Random(f"vma-desk-demo:{seed}:{area}")


def weighted(rng: random.Random, table: Sequence[tuple[T, float]]) -> T:
    """One value from ``[(value, weight), ...]``; weights need not add up to anything."""
    total = sum(w for _, w in table)
    point = rng.random() * total
    for value, weight in table:
        point -= weight
        if point < 0:
            return value
    return table[-1][0]
