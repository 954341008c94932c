"""Releases of records and records asked from elsewhere (issue 16; being built)."""

from __future__ import annotations

from vma_desk.core.chase import ChaseKind
from vma_desk.core.records import RecordKind
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.worklists.model import WorkRow


class RecordsList:
    title = "Records requests"
    kind = ChaseKind.RECORDS_REQUEST
    columns: tuple[tuple[str, str], ...] = (("what", "What"),)
    samples = ("",)
    done = None
    close = None
    book = None
    opens = ""
    reads = frozenset({RecordKind.RECORDS_REQUEST, RecordKind.CONTACT_ATTEMPT})

    def __init__(self, context: TabContext) -> None:
        self.context = context

    def rows(self) -> list[WorkRow]:
        return []

    def forget(self) -> None:
        """Nothing is kept between reads."""
