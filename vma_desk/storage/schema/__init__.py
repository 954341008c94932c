"""The tables of schema 12 (issue 16: tasks, intake packets, results, records requests), one module
per area, each owned by its area's repository: `migrations.py` runs them in this order as one
migration. Keep semicolons out of the literals (`migrations._script` splits on them)."""

from vma_desk.storage.schema import ehr, hub, intake, records_requests, results, tasks

__all__ = ["ehr", "hub", "intake", "records_requests", "results", "tasks"]
