"""(issue 16, being built) See `vma_desk/storage/schema/records_requests.py` for what it keeps."""

from __future__ import annotations

from vma_desk.services.base import ServiceContext
from vma_desk.services.chase import ChaseService
from vma_desk.services.practice import PracticeService


class RecordsRequestService:
    def __init__(self, context: ServiceContext, *, practice: PracticeService, chase: ChaseService) -> None:
        self.ctx = context
        self.practice = practice
        self.chase = chase

