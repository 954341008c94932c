"""How referrals and prior authorisations are written (Qt-free, for the Referrals tab and any
report): urgencies, authorisations, flags and the patient's insurance requirement.

Dates are the practice's days as a US office writes them ("03/31/2026", `core.wording.date_text`);
days in a state are `wording.days_count`; times are `wording.when_in_year` (practice time).
"""

from __future__ import annotations

from collections.abc import Iterable

from vma_desk.core.communications import Urgency
from vma_desk.core.records import Patient
from vma_desk.core.referrals import RECORDS_CHECKLIST, Flag, PriorAuth, PriorAuthStatus, Referral
from vma_desk.core.wording import NONE, date_text

#: referral urgencies as a referral letter says them
URGENCY_LABELS = {Urgency.ROUTINE: "Routine", Urgency.URGENT: "Urgent", Urgency.EMERGENCY: "Stat"}
#: flags that need action now; the others (expiring) are a warning
SEVERE_FLAGS = frozenset({Flag.STUCK, Flag.AUTH_MISSING, Flag.AUTH_EXPIRED, Flag.FOLLOW_UP_OVERDUE,
                          Flag.UNITS_USED_UP})
def flags(found: Iterable[Flag], units: str = "units") -> str:
    """'Stuck · Authorisation expiring'; the units flags say what is counted ('Visits nearly used up')."""
    return " · ".join(flag_label(flag, units) for flag in found)


def flag_label(flag: Flag, units: str = "units") -> str:
    if flag in (Flag.UNITS_LOW, Flag.UNITS_USED_UP):
        return flag.label.replace("Units", (units or "units").capitalize(), 1)
    return flag.label


def urgency(value: Urgency) -> str:
    return URGENCY_LABELS[value]


def referral_authorisation(referral: Referral) -> str:
    """'AUTH-77 · 03/31/2026' (the last valid day), 'Required, none yet', or '—' when the plan needs none."""
    if referral.auth_number:
        until = f" · {date_text(referral.auth_valid_until)}" if referral.auth_valid_until else ""
        return referral.auth_number + until
    return "Required, none yet" if referral.auth_required else NONE


def auth_validity(auth: PriorAuth) -> str:
    """'PA-1 · 03/20/2026' (the last valid day) once approved, else '—'."""
    if auth.status is not PriorAuthStatus.APPROVED:
        return NONE
    return f"{auth.auth_number} · {date_text(auth.valid_until)}"


def units(auth: PriorAuth) -> str:
    """'9 of 10 visits used', or '' when the approval is not limited by count."""
    if auth.units_authorised is None:
        return ""
    return f"{auth.units_used} of {auth.units_authorised} {auth.units_word} used"


def insurance_requirement(patient: Patient | None) -> str:
    """What the patient's plan asks of a referral: 'Blue Cross · HMO: referral authorisation required'."""
    if patient is None:
        return ""
    insurance = patient.insurance
    if insurance is None:
        return "No insurance on file: check whether the plan needs a referral authorisation."
    plan_type = insurance.plan_type
    if plan_type is None:  # only a secondary's plan type may be unknown; this is the primary
        return f"{insurance.payer}: check whether the plan needs a referral authorisation."
    plan = f"{insurance.payer} · {plan_type.value}"
    if plan_type.needs_referral_authorisation:
        return f"{plan}: referral authorisation required"
    return f"{plan}: no referral authorisation needed"


def records_checklist(sent: frozenset[str]) -> str:
    """Each record of the practice's checklist ticked or not, then any other record sent."""
    lines = [f"{'☑' if name in sent else '☐'} {name}" for name in RECORDS_CHECKLIST]
    lines += [f"☑ {name}" for name in sorted(sent - set(RECORDS_CHECKLIST))]
    return "\n".join(lines)
