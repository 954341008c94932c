"""Refill requests: where they came from, the chart check against the practice's protocol, the
prescriber's decision, and the time-stamped steps to the end (pharmacy told, patient told, pickup,
closed). Times are aware UTC datetimes; the VMA records and routes, the provider decides."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from vma_desk.core import history
from vma_desk.core.communications import Urgency


class RefillSource(StrEnum):
    PATIENT_CALL = "patient_call"
    PHARMACY_FAX = "pharmacy_fax"
    PHARMACY_EREQUEST = "pharmacy_erequest"
    PORTAL = "portal"
    NURSE_RELAY = "nurse_relay"

    @property
    def label(self) -> str:
        return {
            "patient_call": "Patient call",
            "pharmacy_fax": "Pharmacy fax",
            "pharmacy_erequest": "Pharmacy e-request",
            "portal": "Portal message",
            "nurse_relay": "Nurse relay",
        }[self.value]


class Decision(StrEnum):
    APPROVED = "approved"
    DENIED = "denied"
    NEEDS_VISIT = "needs_visit"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class RefillStep(StrEnum):
    """The life cycle, in order. Each step reached is a time-stamped event."""

    RECEIVED = "received"
    CHECKED = "checked"  # chart check done (passed, or "needs appointment")
    ROUTED = "routed"  # with the prescriber, waiting for a decision
    DECIDED = "decided"
    PHARMACY_NOTIFIED = "pharmacy_notified"
    PATIENT_NOTIFIED = "patient_notified"
    PICKED_UP = "picked_up"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {"checked": "Chart checked", "routed": "Routed to prescriber",
                "picked_up": "Pickup confirmed"}.get(self.value, self.value.replace("_", " ").capitalize())


@dataclass(frozen=True)
class LabCheck:
    """One lab the protocol requires for a medication, and when the chart says it was last done."""

    name: str
    every_months: int
    last_done: date | None = None


@dataclass(frozen=True)
class LabRule:
    """A protocol line: medications whose name contains `medication` need `lab` every `months`."""

    medication: str
    lab: str
    months: int


@dataclass(frozen=True)
class RefillProtocol:
    """The practice's refill protocol: a visit with the prescriber within `visit_months`, and the
    labs its rules require for the medication."""

    visit_months: int = 12
    lab_rules: tuple[LabRule, ...] = ()

    def labs_for(self, medication: str) -> tuple[tuple[str, int], ...]:
        name = medication.casefold()
        found: dict[str, int] = {}
        for rule in self.lab_rules:
            if rule.medication.casefold() in name:
                found[rule.lab] = min(rule.months, found.get(rule.lab, rule.months))
        return tuple(found.items())


DEFAULT_LAB_RULES = (
    LabRule("metformin", "A1c", 6),
    LabRule("metformin", "Kidney function (BMP)", 12),
    LabRule("lisinopril", "Kidney function (BMP)", 12),
    LabRule("losartan", "Kidney function (BMP)", 12),
    LabRule("atorvastatin", "Lipid panel", 12),
    LabRule("simvastatin", "Lipid panel", 12),
    LabRule("levothyroxine", "TSH", 12),
    LabRule("warfarin", "INR", 1),
)


@dataclass(frozen=True)
class ChartCheck:
    passed: bool
    reasons: tuple[str, ...] = ()  # why it failed ("needs appointment" because of these)
    notes: tuple[str, ...] = ()  # worth knowing, not failing (refills left at the pharmacy)

    @property
    def verdict(self) -> str:
        """One line for the step history: "passed" or "needs appointment: <reasons>"."""
        return "passed" if self.passed else "needs appointment: " + "; ".join(self.reasons)


@dataclass(frozen=True)
class RefillEvent:
    step: RefillStep
    at: datetime
    by: str
    note: str = ""
    #: who entered the step when someone else did the act ("" means `by` recorded it themself)
    recorded_by: str = ""
    #: "" a step; "undo" a step taken back (the step is the one returned to); "reopen"
    action: str = ""


@dataclass(frozen=True)
class BookedVisit:
    """The visit booked for a "needs visit" decision, as the refill reads it back."""

    id: int
    start: datetime
    provider_id: int
    type_code: str
    #: cancelled, or the patient did not come: the refill needs a visit again
    cancelled: bool = False


@dataclass(frozen=True)
class RefillRequest:
    patient_id: int
    medication: str
    strength: str
    quantity: str
    pharmacy: str
    source: RefillSource
    requested_by: str
    prescriber_id: int
    received_at: datetime
    urgency: Urgency = Urgency.ROUTINE
    refills_remaining: int | None = None  # None: not known
    labs: tuple[LabCheck, ...] = ()
    notes: str = ""
    escalation_action: str = ""
    call_id: int | None = None
    step: RefillStep = RefillStep.RECEIVED
    check: ChartCheck | None = None
    due_at: datetime | None = None
    decision: Decision | None = None
    decided_by_id: int | None = None  # the provider who decided (staff id)
    decided_at: datetime | None = None
    decision_note: str = ""
    events: tuple[RefillEvent, ...] = field(default=())
    id: int | None = None
    #: the visit booked because the provider decided "needs visit" (linked both ways: refill.visit_id)
    visit: BookedVisit | None = None

    @property
    def is_open(self) -> bool:
        return self.step is not RefillStep.CLOSED

    @property
    def needs_appointment(self) -> bool:
        """Failed the protocol and not yet decided: the patient should be booked."""
        return self.check is not None and not self.check.passed and self.decision is None

    @property
    def drug(self) -> str:
        """'Metformin 500 mg': the medication with its strength."""
        return " ".join(part for part in (self.medication, self.strength) if part)

    @property
    def visit_booked(self) -> bool:
        """A visit is booked for it and still stands (not cancelled, not a no-show)."""
        return self.visit is not None and not self.visit.cancelled

    @property
    def awaiting_visit(self) -> bool:
        """"Needs visit — not booked": the provider wants to see the patient and no visit stands.
        A closed request stays so only once a visit booked for it fell through (closing an unbooked
        one is the user's choice, asked first)."""
        return self.decision is Decision.NEEDS_VISIT and not self.visit_booked and (
            self.is_open or self.visit is not None)

    @property
    def clock_running(self) -> bool:
        """The turnaround clock runs until the pharmacy has been told the decision (for a denied or
        needs-visit request that no pharmacy asked about, until the patient has been told)."""
        if not self.is_open or self.reached(RefillStep.PHARMACY_NOTIFIED) is not None:
            return False
        return self.decision is Decision.APPROVED or self.reached(RefillStep.PATIENT_NOTIFIED) is None

    @property
    def stage(self) -> str:
        """Where it stands, in the words of the Refills tab's filters."""
        if self.step is RefillStep.CLOSED:
            return "Closed"
        if self.step in (RefillStep.RECEIVED, RefillStep.CHECKED):
            return "Needs appointment" if self.needs_appointment else "To route"
        if self.step is RefillStep.ROUTED:
            return "Waiting for provider"
        if self.step in (RefillStep.DECIDED, RefillStep.PHARMACY_NOTIFIED):
            return "To notify"
        return "Awaiting pickup" if self.step is RefillStep.PATIENT_NOTIFIED and \
            self.decision is Decision.APPROVED else "To close"

    def reached(self, step: RefillStep) -> RefillEvent | None:
        """When the request reached `step`, if that step still stands (not taken back by an undo or
        a reopening)."""
        order = list(RefillStep)
        for event in history.standing(self.events, lambda e: order.index(e.step)):
            if event.step is step:
                return event
        return None
