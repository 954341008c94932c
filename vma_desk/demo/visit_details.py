"""What one demo visit says besides its time: status, confirmation method, cancellation, eligibility
check, telehealth link and tech check, reason; and the waitlist built from the visits ahead.

Everything is relative to `now`, the start of the anchor day: visits before it have happened (mostly
arrived, some no-shows, some cancelled, a share of those late); visits after it are confirmed more
often the nearer they are, and eligibility is checked 24-48 hours ahead, so the anchor day's two
worklists have work in them. Reasons are what a patient says when booking, never a diagnosis.
"""

from __future__ import annotations

import random
import string
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import (
    Appointment,
    AppointmentType,
    Eligibility,
    EligibilityStatus,
    TechCheck,
    VisitStatus,
    WaitlistEntry,
)
from vma_desk.core.records import ContactMethod, PlanType, Role, StaffMember
from vma_desk.core.rules import scheduling
from vma_desk.demo.panel import Panel, Rostered
from vma_desk.demo.randomness import weighted
from vma_desk.services.calendar import DEFAULT_NOTICE_HOURS

#: of the visits before the anchor day: cancelled, of those late; no-shows among the rest
CANCELLED, LATE, NO_SHOW = 0.10, 0.30, 0.05
#: of the visits ahead: already cancelled
CANCELLED_AHEAD = 0.04
HOUR = timedelta(hours=1)

_REASONS = {
    "new": ("Establish care", "Establish care: moved to the area", "Transferring care from another "
            "practice", "Establish care: new insurance"),
    "est": ("Blood pressure check", "Medication review", "Cough and congestion", "Back pain",
            "Diabetes check-in", "Rash", "Headaches", "Sore throat", "Knee pain", "Tiredness",
            "Allergy symptoms", "Ear pain", "Cholesterol check", "Thyroid check", "Weight concerns"),
    "fu": ("Follow-up: lab results", "Follow-up after ER visit", "Follow-up: medication change",
           "Follow-up: blood pressure", "Follow-up after specialist visit", "Follow-up: 3 months"),
    "phys": ("Annual physical",),
    "proc": ("Joint injection", "Skin lesion removal", "Ear wax removal", "Wart removal",
             "Suture removal", "Toenail removal"),
    "tele": ("Telehealth: medication review", "Telehealth: lab results review",
             "Telehealth: follow-up", "Telehealth: cold symptoms", "Telehealth: sleep concerns"),
}
_NOTES = ("Interpreter requested (Spanish)", "Needs a wheelchair-accessible room",
          "Parent or guardian will attend", "Bring outside records", "Prefers a morning reminder call")
_LATE_REASONS = ("Feeling unwell", "Car trouble", "Work emergency", "Childcare fell through",
                 "Weather", "Family emergency", "Overslept")
_EARLY_REASONS = ("Schedule conflict", "Rescheduling for a later date", "No longer needed",
                  "Insurance change", "Travelling", "Seen at urgent care instead",
                  "Moving out of the area")
_BOOKED_BY = {ContactMethod.PHONE: "Patient (phone call)", ContactMethod.TEXT: "Patient (text reply)",
              ContactMethod.EMAIL: "Patient (e-mail)", ContactMethod.PORTAL: "Patient (portal request)"}
#: what the payer says: (copay, deductible met, deductible remaining, coinsurance, out-of-pocket note)
_COPAY: dict[PlanType, tuple[tuple[str, bool | None, str, str, str], ...]] = {
    PlanType.HMO: (("$20; referral required for specialists", None, "", "", ""),
                   ("$25", None, "", "", "OOP max $4,000, $350 met")),
    PlanType.PPO: (("$30", False, "$900.00", "20%", "OOP max $6,000, $1,100 met"),
                   ("$35", False, "$1,250.00", "20%", ""),
                   ("$25", True, "$0.00", "10%", "OOP max $5,000, $2,300 met")),
    PlanType.EPO: (("$30", None, "", "", ""), ("$40; in-network only", False, "$400.00", "", "")),
    PlanType.POS: (("$25", None, "", "", ""), ("$20; referral required out of network", None, "", "", "")),
    PlanType.MEDICARE: (("", False, "$257.00", "20%", "Part B: 20% after the deductible"),
                        ("", True, "$0.00", "20%", "")),
    PlanType.MEDICARE_ADVANTAGE: (("$0 primary care", None, "", "", "OOP max $3,900"),
                                  ("$10", None, "", "", "")),
    PlanType.MEDICAID: (("No copay", None, "", "", ""),),
}
_PROBLEMS = (("Coverage inactive on the visit date", False, None),
             ("Out of network: self-pay estimate given", True, False),
             ("Member not found: new card requested", False, None))


@dataclass(frozen=True)
class Ahead:
    """A visit after the anchor day that holds its slot (what the waitlist is made from)."""

    who: int
    provider_id: int
    type_code: str
    start: datetime


class Details:
    def __init__(self, rng: random.Random, now: datetime, staff: Sequence[StaffMember],
                 zone: ZoneInfo) -> None:
        self.rng, self.now, self.zone = rng, now, zone
        self.checkers = [s.name for s in staff if s.role in (Role.FRONT_DESK, Role.BILLING)] \
            or ["Front desk"]
        self.providers = {s.id: s.display_name for s in staff if s.role is Role.PROVIDER}
        self.ahead: list[Ahead] = []

    def appointment(self, who: int, r: Rostered, provider_id: int, kind: AppointmentType,
                    start: datetime, *, must_attend: bool = False,
                    may_cancel: bool = True) -> Appointment:
        rng = self.rng
        past = start < self.now
        method = r.patient.preferred_contact
        status, confirmed_by = VisitStatus.CONFIRMED, None
        cancelled_at = None
        draw = rng.random()
        if past:
            if may_cancel and not must_attend and draw < CANCELLED:
                late = rng.random() < LATE
                cancelled_at = start - (HOUR * rng.randint(1, 22) if late
                                        else timedelta(days=rng.randint(1, 21), hours=rng.randint(0, 8)))
                status = VisitStatus.CANCELLED
            else:
                status = VisitStatus.NO_SHOW if not must_attend and rng.random() < NO_SHOW \
                    else VisitStatus.ARRIVED
                confirmed_by = method if rng.random() < 0.85 else None
        elif may_cancel and draw < CANCELLED_AHEAD:
            status = VisitStatus.CANCELLED
            cancelled_at = min(self.now - timedelta(minutes=rng.randint(30, 600)),
                               start - HOUR * rng.randint(2, 24 * 14))
        else:
            status, confirmed_by = self._confirmation(start, method)
        cancel_reason, late_cancel, authorised = "", False, _BOOKED_BY[method]
        if kind.code in ("fu", "proc") and rng.random() < 0.6:
            authorised = self.providers.get(provider_id, authorised)
        if cancelled_at is not None:
            cancelled_at = cancelled_at.replace(second=0, microsecond=0)
            late_cancel = scheduling.is_late_cancellation(start, cancelled_at, DEFAULT_NOTICE_HOURS)
            cancel_reason = rng.choice(_LATE_REASONS if late_cancel else _EARLY_REASONS)
            authorised = _BOOKED_BY[method]
        tele = kind.telehealth
        appointment = Appointment(
            patient_id=r.id, provider_id=provider_id, type_code=kind.code, start=start,
            minutes=kind.minutes, reason=self._reason(kind.code, r),
            notes=rng.choice(_NOTES) if rng.random() < 0.03 else "",
            status=status, confirmation_method=confirmed_by, cancel_reason=cancel_reason,
            cancelled_at=cancelled_at, late_cancel=late_cancel, authorised_by=authorised,
            eligibility=self._eligibility(start, r, status),
            telehealth_link=self._link() if tele else "",
            tech_check=self._tech_check(start) if tele else TechCheck.NOT_NEEDED,
            # an arrival or no-show keeps the confirmation its call recorded
            confirmation=VisitStatus.CONFIRMED if confirmed_by and status in (
                VisitStatus.ARRIVED, VisitStatus.NO_SHOW) else VisitStatus.UNCONFIRMED,
            booked_at=self._booked_at(r, start, status, cancelled_at),
        )
        if not past and status.holds_slot:
            self.ahead.append(Ahead(who, provider_id, kind.code, start))
        return appointment

    def _booked_at(self, r: Rostered, start: datetime, status: VisitStatus,
                   cancelled_at: datetime | None) -> datetime:
        """One day to six weeks ahead (before any cancellation); a visit less than a day ahead
        still unconfirmed was booked late, this morning: Today shows its calls due now. A generator
        of its own, so the demo's other draws stay as they were."""
        ahead = start - self.now
        if status is VisitStatus.UNCONFIRMED and timedelta(0) < ahead < 24 * HOUR:
            booked = self.now - min(3 * HOUR, (24 * HOUR - ahead) / 2)
        else:
            own = random.Random(f"{r.id}:{start.isoformat()}")
            booked = start - own.randint(24, 42 * 24) * HOUR
            if booked > self.now - HOUR:
                booked = self.now - own.randint(1, 20 * 24) * HOUR
            if cancelled_at is not None:
                booked = min(booked, cancelled_at - HOUR)
        return booked.replace(second=0, microsecond=0)

    def _confirmation(self, start: datetime,
                      method: ContactMethod) -> tuple[VisitStatus, ContactMethod | None]:
        """Nearly all of today's visits are confirmed; 24-72 h ahead a third still wait for their
        call; beyond a week only the odd portal confirmation."""
        hours = (start - self.now) / HOUR
        table: tuple[tuple[VisitStatus, int], ...]
        if hours < 24:
            table = ((VisitStatus.CONFIRMED, 85), (VisitStatus.LEFT_MESSAGE, 10),
                     (VisitStatus.UNCONFIRMED, 5))
        elif hours < 72:
            table = ((VisitStatus.CONFIRMED, 45), (VisitStatus.LEFT_MESSAGE, 20),
                     (VisitStatus.UNCONFIRMED, 35))
        elif hours < 7 * 24:
            table = ((VisitStatus.CONFIRMED, 20), (VisitStatus.LEFT_MESSAGE, 5),
                     (VisitStatus.UNCONFIRMED, 75))
        else:
            table = ((VisitStatus.CONFIRMED, 5), (VisitStatus.UNCONFIRMED, 95))
        status = weighted(self.rng, table)
        if status is VisitStatus.UNCONFIRMED:
            return status, None
        if status is VisitStatus.LEFT_MESSAGE:
            return status, ContactMethod.TEXT if method is ContactMethod.TEXT else ContactMethod.PHONE
        if hours >= 7 * 24:
            return status, ContactMethod.PORTAL
        return status, method

    def _eligibility(self, start: datetime, r: Rostered, status: VisitStatus) -> Eligibility:
        """Checked 24-48 h ahead: done for most visits up to then, for half of those 24-48 h
        ahead, for few beyond. Self-pay patients have nothing to verify."""
        if status is VisitStatus.CANCELLED:
            return Eligibility()
        rng = self.rng
        hours = (start - self.now) / HOUR
        done = 0.96 if hours < 24 else 0.48 if hours <= 48 else 0.06
        if rng.random() >= done:
            return Eligibility()
        checked_at = min(start - timedelta(minutes=rng.randint(24 * 60, 48 * 60)),
                         self.now - timedelta(minutes=rng.randint(30, 600)))
        checked_at = checked_at.replace(second=0, microsecond=0)
        who = rng.choice(self.checkers)
        insurance = r.patient.insurance
        plan = insurance.plan_type if insurance is not None else None  # a primary's plan type is known
        if insurance is None or plan is None or plan is PlanType.SELF_PAY:
            return Eligibility(EligibilityStatus.VERIFIED, None, None, "Self-pay: price quoted",
                               checked_at, who)
        if rng.random() < 0.03:
            note, active, in_network = rng.choice(_PROBLEMS)
            return Eligibility(EligibilityStatus.PROBLEM, active, in_network, note, checked_at, who)
        copay, met, remaining, coinsurance, oop = rng.choice(_COPAY[plan])
        # a secondary is verified with the primary, except now and then before the visit
        secondary = r.patient.secondary_insurance is not None and (hours < 24 or met is not False)
        return Eligibility(EligibilityStatus.VERIFIED, True, True, copay, checked_at, who, deductible_met=met,
                           deductible_remaining=remaining, coinsurance=coinsurance, oop_note=oop,
                           secondary_status=EligibilityStatus.VERIFIED if secondary
                           else EligibilityStatus.UNVERIFIED)

    def _tech_check(self, start: datetime) -> TechCheck:
        hours = (start - self.now) / HOUR
        passed = 0.92 if hours < 0 else 0.75 if hours < 24 else 0.35 if hours < 72 else 0.0
        if self.rng.random() < passed:
            return TechCheck.PASSED
        return TechCheck.FAILED if hours < 0 else TechCheck.PENDING

    def _link(self) -> str:
        token = "".join(self.rng.choices(string.ascii_lowercase + string.digits, k=10))
        return f"https://telehealth.example.com/visit/{token}"

    def _reason(self, code: str, r: Rostered) -> str:
        age = r.patient.age_on(self.now.date())
        if code == "phys":
            if age < 18:
                return "Well-child visit" if age < 5 else "School / sports physical"
            return "Annual wellness visit" if age >= 65 else "Annual physical"
        if code == "new" and age < 1:
            return "Newborn: first visit"
        return self.rng.choice(_REASONS.get(code, ("Visit",)))


# --- the waitlist --------------------------------------------------------------------------------

#: (earliest, latest start, weight): what patients say they can do
_WINDOWS = ((time(7, 0), time(19, 0), 40), (time(7, 0), time(11, 30), 25),
            (time(12, 0), time(18, 0), 20), (time(15, 0), time(18, 0), 10),
            (time(7, 0), time(9, 30), 5))
_WAIT_NOTES = ("Wants an earlier visit", "Can come on short notice", "Call the mobile number first",
               "Works afternoons", "Needs a ride: call a day ahead", "Any provider is fine", "")


def waitlist(rng: random.Random, panel: Panel, ahead: Sequence[Ahead], now: datetime,
             working_days: dict[int, frozenset[int]]) -> list[WaitlistEntry]:
    """15-30 patients who want an earlier slot than the one they have (two weeks or more away), and
    a few new patients with no visit yet who take any provider."""
    today = now.date()
    later = [a for a in ahead if a.start - now >= timedelta(days=14) and a.type_code != "proc"]
    seen: set[int] = set()
    chosen: list[Ahead] = []
    for visit in rng.sample(later, len(later)):
        if visit.who not in seen:
            seen.add(visit.who)
            chosen.append(visit)
    count = rng.randint(15, 30)
    newcomers = [w for w in panel.waiting_newcomers(today + timedelta(days=1)) if w not in seen]
    extra = newcomers[:rng.randint(2, 4)]
    out = []
    for visit in chosen[:count - len(extra)]:
        provider = visit.provider_id if rng.random() < 0.65 else None
        out.append(_entry(rng, panel.patient(visit.who).id, visit.type_code, provider, now,
                          working_days.get(visit.provider_id, frozenset(range(5)))))
    for who in extra:
        out.append(_entry(rng, panel.patient(who).id, "new", None, now, frozenset(range(5))))
    return sorted(out, key=lambda e: (e.added_at, e.patient_id))


def _entry(rng: random.Random, patient_id: int, type_code: str, provider_id: int | None,
           now: datetime, days: frozenset[int]) -> WaitlistEntry:
    pool = sorted(days)
    chosen = frozenset(rng.sample(pool, rng.randint(min(2, len(pool)), len(pool))))
    earliest, latest, _ = weighted(rng, [(w, w[2]) for w in _WINDOWS])
    added = (now - timedelta(minutes=rng.randint(60, 40 * 24 * 60))).replace(second=0, microsecond=0)
    return WaitlistEntry(patient_id=patient_id, type_code=type_code, added_at=added,
                         provider_id=provider_id, days=chosen, earliest=earliest, latest=latest,
                         note=rng.choice(_WAIT_NOTES))
