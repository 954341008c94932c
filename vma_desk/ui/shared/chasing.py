"""The services of the chase lists the Worklists tab and its badge read, as `Services` offers them
(`services.recall`, `services.rebooking`) or, while it does not yet, built on its context the way
`Services.for_workspace` builds its others: over the same connection, calendar and chase service.
"""

from __future__ import annotations

from vma_desk.services import Services
from vma_desk.services.rebooking import RebookingService
from vma_desk.services.recall import RecallService


def recall_service(services: Services) -> RecallService:
    found = getattr(services, "recall", None)
    if isinstance(found, RecallService):
        return found
    return RecallService(services.context, calendar=services.calendar, chase=services.chase)


def rebooking_service(services: Services) -> RebookingService:
    found = getattr(services, "rebooking", None)
    if isinstance(found, RebookingService):
        return found
    return RebookingService(services.context, calendar=services.calendar, chase=services.chase)
