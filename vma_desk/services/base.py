"""What every service shares: the workspace, the clock, the user, and audited transactions."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from vma_desk.core.clock import Clock
from vma_desk.core.records import AuditAction, AuditEntry, Patient
from vma_desk.storage import database
from vma_desk.storage.audit import AuditRepository, workstation_user
from vma_desk.storage.database import WorkspaceConnection
from vma_desk.storage.repositories import StaffRepository
from vma_desk.storage.workspace import Workspace

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def changed_fields(before: DataclassInstance, after: DataclassInstance, *,
                   ignore: tuple[str, ...] = ("events",)) -> str:
    """"fields: auth_number, notes": the names (never the values) of what an edit changed, for the
    audit trail; "" when nothing did."""
    names = [f.name for f in fields(before) if f.name not in ignore
             and getattr(before, f.name) != getattr(after, f.name)]
    return "fields: " + ", ".join(names) if names else ""


def record_search(ctx: ServiceContext, what: str, where: str, results: int) -> None:
    """The audit entry of one search: what was searched ("patients", "calls_and_messages"), from
    where, and the number of results; never the words (a name, a phone number, a date of birth)."""
    with ctx.transaction():
        ctx.audit(AuditAction.SEARCH, what, "", f"{where}: {results} result{'' if results == 1 else 's'}")


def last_seen_provider(ctx: ServiceContext, patient: Patient | None) -> int:
    """The provider of the practice the patient saw last, by the visits on the patient's record (a
    new referral's referring provider, a new refill's prescriber); 0 when there is none."""
    if patient is None or not patient.last_visits:
        return 0
    providers = StaffRepository(ctx.conn).providers()
    seen = [v for v in patient.last_visits if v.provider_id in providers]
    return max(seen, key=lambda v: v.day).provider_id if seen else 0


@dataclass
class ServiceContext:
    """`user` is the name every "by" field and audit entry carries: the signed-in user's (set by
    `UserService.sign_in` / `act_as`), or the workstation's login before anyone signed in."""

    workspace: Workspace
    clock: Clock
    user: str
    #: the signed-in user's id (None: nobody signed in)
    user_id: int | None = None
    #: the OS login and computer ("ann@laptop"), kept with every audit entry
    workstation: str = field(default_factory=workstation_user)
    _depth: int = field(default=0, init=False, repr=False)

    @property
    def conn(self) -> WorkspaceConnection:
        return self.workspace.conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[WorkspaceConnection]:
        """One transaction; a service call made inside another's (`all_or_nothing`) joins it, so
        several changes are saved together or not at all."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        with database.transaction(self.conn) as conn:
            self._depth = 1
            try:
                yield conn
            finally:
                self._depth = 0

    def all_or_nothing(self) -> contextlib.AbstractContextManager[WorkspaceConnection]:
        """Several service calls as one change: any refusal or failure leaves none of them saved."""
        return self.transaction()

    def audit(
        self, action: AuditAction, record_type: str, record_id: object, detail: str = "", *,
        anonymous: bool = False,
    ) -> None:
        """Append an audit entry; call inside the transaction that made the change. `anonymous`:
        by nobody signed in (the workstation's login stands as the user). A `RecordKind` given as
        `record_type` is stored as its word (the text the audit chain has always hashed)."""
        AuditRepository(self.conn).append(
            AuditEntry(at=self.clock.now(), user=self.workstation if anonymous else self.user,
                       action=action, record_type=str(record_type), record_id=str(record_id),
                       detail=detail, workstation=self.workstation,
                       user_id=None if anonymous else self.user_id)
        )

    def practice_zone(self) -> ZoneInfo:
        row = self.conn.execute("SELECT time_zone FROM practice WHERE id = 1").fetchone()
        return ZoneInfo(row[0] if row else "UTC")

    def today(self) -> date:
        """Today in the practice's time zone, whatever the laptop's zone."""
        return self.clock.now().astimezone(self.practice_zone()).date()
