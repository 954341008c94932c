"""What the follow-up and freed-slot tests share: the practice's zone, a provider's week
(8:00-17:00 Monday to Friday) and a local time in March 2026 as UTC."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from vma_desk.core.records import Shift

CHICAGO = ZoneInfo("America/Chicago")
HOURS = tuple(Shift(d, time(8), time(17)) for d in range(5))


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """`day` March 2026 at `hour`:`minute` in Chicago, as UTC."""
    return datetime(2026, 3, day, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


def ident(record_id: int | None) -> int:
    """A saved record's id (a record the services returned has one)."""
    assert record_id is not None
    return record_id
