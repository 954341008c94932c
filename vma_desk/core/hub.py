"""The patient at a glance (the hub Ctrl+K opens on a call): who they are and how to reach them,
their insurance and its last eligibility result, their visits to come and lately (with the no-show
count), the care gaps due, every loop still open about them (messages, refills, referrals, prior
authorisations, tasks, intake forms, results, records requests) and the last contacts and attempts.

Minimum necessary: what a front office needs to act on the call, never clinical notes (a message's
words or a result's disposition note are not here; the loop's kind, state and dates are).
`PatientHub` is read in one service call (`services/hub.py`), each part by its own indexed query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vma_desk.core.calendar import Appointment, Eligibility, VisitStatus
from vma_desk.core.chase import Attempt
from vma_desk.core.communications import Call, Message
from vma_desk.core.records import CareGap, Patient
from vma_desk.core.referrals import PriorAuth, PriorAuthStatus, Referral
from vma_desk.core.refills import RefillRequest
from vma_desk.core.tasks import Task

#: how many visits to come, recent visits, calls and attempts the hub lists
SHOWN = 5


@dataclass(frozen=True)
class PatientHub:
    patient: Patient
    today: date
    upcoming: tuple[Appointment, ...] = ()
    recent: tuple[Appointment, ...] = ()
    no_shows: int = 0
    #: the last eligibility check recorded on any of their visits (None: never checked)
    eligibility: Eligibility | None = None
    messages: tuple[Message, ...] = ()
    refills: tuple[RefillRequest, ...] = ()
    referrals: tuple[Referral, ...] = ()
    prior_auths: tuple[PriorAuth, ...] = ()
    tasks: tuple[Task, ...] = ()
    #: the other loops (intake forms, results, records requests), each as (kind label, line) pairs
    #: their own services write: the hub shows them without knowing their records
    other_loops: tuple[tuple[str, str], ...] = ()
    calls: tuple[Call, ...] = ()
    attempts: tuple[Attempt, ...] = ()

    @property
    def age(self) -> int:
        return self.patient.age_on(self.today)

    @property
    def gaps_open(self) -> tuple[CareGap, ...]:
        return tuple(g for g in self.patient.care_gaps if g.done is None)

    @property
    def open_loops(self) -> int:
        """How many loops are open about the patient (what the hub's title counts)."""
        return (len(self.messages) + len(self.refills) + len(self.referrals) + len(self.prior_auths)
                + sum(1 for t in self.tasks if t.is_open) + len(self.other_loops))


def open_prior_auth(auth: PriorAuth) -> bool:
    """Pending or under appeal: still waiting on the payer."""
    return auth.status in (PriorAuthStatus.PENDING, PriorAuthStatus.APPEAL)


def last_eligibility(visits: tuple[Appointment, ...] | list[Appointment]) -> Eligibility | None:
    """The latest eligibility check recorded among these visits (None when none was checked)."""
    dated = [(v.eligibility.checked_at, v.eligibility) for v in visits
             if v.eligibility.checked_at is not None and v.status is not VisitStatus.CANCELLED]
    return max(dated, key=lambda pair: pair[0])[1] if dated else None
