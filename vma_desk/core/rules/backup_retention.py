"""Which backups to keep: the newest of each of the last N days, N weeks and N months that have a
backup (grandfather-father-son), plus always the newest one. Pure: times in, times out.

"Last N days that have a backup" rather than "the last N calendar days": a laptop left off for two
weeks still keeps its last seven daily backups. Days, weeks (ISO, Monday first) and months are
those of the times as given: the caller passes them in the practice's time zone.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime

from vma_desk.core.errors import ValidationError

MAX_KEEP = 1000


@dataclass(frozen=True)
class RetentionPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    def validated(self) -> RetentionPolicy:
        for name in ("daily", "weekly", "monthly"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_KEEP:
                raise ValidationError(name, f"must be a whole number from 0 to {MAX_KEEP}")
        return self


#: 7 daily, 4 weekly, 12 monthly
DEFAULT_POLICY = RetentionPolicy()


def _newest_per(times: list[datetime], period: Callable[[datetime], Hashable], n: int) -> set[datetime]:
    """The newest time in each of the `n` most recent periods that have one."""
    kept: set[datetime] = set()
    seen: set[Hashable] = set()
    for at in times:  # newest first
        key = period(at)
        if key in seen:
            continue
        if len(seen) == n:
            break
        seen.add(key)
        kept.add(at)
    return kept


def keep(times: Iterable[datetime], policy: RetentionPolicy = DEFAULT_POLICY) -> set[datetime]:
    """The times of the backups to keep; every other one may be removed."""
    policy = policy.validated()
    ordered = sorted(set(times), reverse=True)
    if not ordered:
        return set()
    kept = {ordered[0]}
    kept |= _newest_per(ordered, lambda at: at.date(), policy.daily)
    kept |= _newest_per(ordered, lambda at: at.isocalendar()[:2], policy.weekly)
    kept |= _newest_per(ordered, lambda at: (at.year, at.month), policy.monthly)
    return kept


def to_remove(times: Iterable[datetime], policy: RetentionPolicy = DEFAULT_POLICY) -> set[datetime]:
    every = set(times)
    return every - keep(every, policy)
