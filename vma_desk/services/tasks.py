"""(issue 16, being built) See `vma_desk/storage/schema/tasks.py` for what it keeps."""

from __future__ import annotations

from vma_desk.services.base import ServiceContext
from vma_desk.services.users import UserService


class TaskService:
    def __init__(self, context: ServiceContext, *, users: UserService) -> None:
        self.ctx = context
        self.users = users

