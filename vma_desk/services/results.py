"""(issue 16, being built) See `vma_desk/storage/schema/results.py` for what it keeps."""

from __future__ import annotations

from vma_desk.services.base import ServiceContext
from vma_desk.services.calendar import CalendarService
from vma_desk.services.chase import ChaseService
from vma_desk.services.practice import PracticeService


class ResultsService:
    def __init__(self, context: ServiceContext, *, practice: PracticeService, calendar: CalendarService,
                 chase: ChaseService) -> None:
        self.ctx = context
        self.practice = practice
        self.calendar = calendar
        self.chase = chase

