"""The referral and prior-authorisation rules: which state may follow which, what each state needs,
and what makes one stand out (stuck, authorisation expiring or expired, follow-up overdue)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core import wording
from vma_desk.core.communications import Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.referrals import Flag, PriorAuth, PriorAuthKind, PriorAuthStatus, Referral, ReferralState

#: "nearly used up": at most this share of the units or visits authorised is left ...
UNITS_LOW_SHARE = 0.2
#: ... or at most this many, whichever is larger
UNITS_LOW_MIN = 1

EXPIRY_WARNING_DAYS = 14


@dataclass(frozen=True)
class AgingPolicy:
    """How many days a referral may stand still in one state, by urgency."""

    routine_days: int = 14
    urgent_days: int = 3
    emergency_days: int = 1
    expiry_warning_days: int = EXPIRY_WARNING_DAYS

    def limit(self, urgency: Urgency) -> int:
        return {Urgency.ROUTINE: self.routine_days, Urgency.URGENT: self.urgent_days,
                Urgency.EMERGENCY: self.emergency_days}[urgency]


_NEXT: dict[ReferralState, tuple[ReferralState, ...]] = {
    ReferralState.DRAFT: (ReferralState.SENT, ReferralState.CANCELLED),
    ReferralState.SENT: (ReferralState.SCHEDULED, ReferralState.DECLINED, ReferralState.CANCELLED),
    ReferralState.SCHEDULED: (ReferralState.SEEN, ReferralState.SENT, ReferralState.CANCELLED),
    ReferralState.SEEN: (ReferralState.REPORT_RECEIVED,),
    ReferralState.REPORT_RECEIVED: (ReferralState.CLOSED,),
}


def referral_next_states(referral: Referral) -> tuple[ReferralState, ...]:
    """The moves offered from where a referral stands (closing without a report is possible too,
    with an override reason, from any state after the draft)."""
    return _NEXT.get(referral.state, ())


def check_referral_move(referral: Referral, to: ReferralState, *, note: str = "",
                        appointment_at: datetime | None = None, now: datetime | None = None,
                        zone: ZoneInfo | None = None) -> None:
    """Refuse an illegal move with a message that says what is missing. `now` and `zone` (the
    practice's) let it refuse "seen" before the visit and a visit after the authorisation ends."""
    if referral.state.is_final:
        raise ValidationError("state", f"the referral is already {referral.state.label.lower()}")
    if to is ReferralState.CLOSED and referral.state is ReferralState.DRAFT:
        raise ValidationError("state", "a draft that was never sent is cancelled, not closed")
    if to is ReferralState.CLOSED and referral.state is not ReferralState.REPORT_RECEIVED:
        if not note.strip():
            raise ValidationError(
                "note", "no consult report has been received: give an override reason to close anyway")
        return
    if to not in _NEXT.get(referral.state, ()):
        offered = ", ".join(s.label.lower() for s in _NEXT.get(referral.state, ()))
        raise ValidationError("state", f"a {referral.state.label.lower()} referral can go on to: {offered}")
    if to is ReferralState.SENT and referral.state is ReferralState.DRAFT and not referral.records_sent:
        raise ValidationError("records_sent", "tick the records sent with the referral")
    if to is ReferralState.SCHEDULED:
        visit = appointment_at or referral.appointment_at
        if visit is None:
            raise ValidationError("appointment_at", "enter the specialist appointment's date and time")
        if referral.auth_required and not referral.auth_number:
            raise ValidationError("auth_number", "the patient's plan needs a referral authorisation number "
                                  "before the specialist visit")
        until = referral.auth_valid_until
        if until is not None and zone is not None and visit.astimezone(zone).date() > until:
            ends = wording.date_text(until)
            raise ValidationError("appointment_at", f"is after the authorisation ends ({ends}): "
                                  "renew it with the payer and edit the referral first")
    if to is ReferralState.SEEN and now is not None and referral.appointment_at is not None \
            and referral.appointment_at > now:
        raise ValidationError("state", "the specialist visit has not happened yet")
    if to in (ReferralState.CANCELLED, ReferralState.DECLINED) and not note.strip():
        raise ValidationError("note", f"say why the referral was {to.label.lower()}")


def referral_flags(referral: Referral, now: datetime, today: date,
                   policy: AgingPolicy = AgingPolicy()) -> tuple[Flag, ...]:
    if not referral.is_open:
        return ()
    flags: list[Flag] = []
    if referral.state is not ReferralState.REPORT_RECEIVED and \
            now - waiting_since(referral) > timedelta(days=policy.limit(referral.urgency)):
        flags.append(Flag.STUCK)
    if referral.auth_required and not referral.auth_number:
        flags.append(Flag.AUTH_MISSING)
    if referral.auth_valid_until is not None and referral.state in (
            ReferralState.DRAFT, ReferralState.SENT, ReferralState.SCHEDULED):
        flags.extend(_expiry(referral.auth_valid_until, today, policy.expiry_warning_days))
    if patient_not_told(referral):
        flags.append(Flag.PATIENT_NOT_TOLD)
    return tuple(flags)


def patient_not_told(referral: Referral) -> bool:
    """The specialist visit is booked and the patient has not been told since it was (telling them
    before the booking, or before a visit was booked again, does not count)."""
    if referral.state is not ReferralState.SCHEDULED:
        return False
    told = referral.patient_told_at
    return told is None or (referral.state_since is not None and told < referral.state_since)


def check_patient_told(referral: Referral, how: str, at: datetime, now: datetime) -> None:
    """The patient may be told once the referral is out (sent or later) and while it is open."""
    if referral.state.is_final:
        raise ValidationError("state", f"the referral is already {referral.state.label.lower()}")
    if referral.state is ReferralState.DRAFT:
        raise ValidationError("state", "send the referral before telling the patient")
    if not how:
        raise ValidationError("how", "say how the patient was told")
    if at > now:
        raise ValidationError("at", "is in the future")
    if at < referral.created_at:
        raise ValidationError("at", "is before the referral was made")


def waiting_since(referral: Referral) -> datetime:
    """Since when a referral has stood still: its last move, or for a booked specialist visit the
    visit itself (waiting for the visit is not standing still)."""
    since = referral.state_since or referral.created_at
    if referral.state is ReferralState.SCHEDULED and referral.appointment_at is not None:
        return max(since, referral.appointment_at)
    return since


def days_in_state(referral: Referral, today: date, zone: ZoneInfo) -> int:
    """Calendar days (practice-local) since the last move: "yesterday 4 pm" is 1 day at 9 am."""
    since = (referral.state_since or referral.created_at).astimezone(zone).date()
    return max(0, (today - since).days)


def _expiry(valid_until: date, today: date, warning_days: int) -> list[Flag]:
    if valid_until < today:
        return [Flag.AUTH_EXPIRED]
    if (valid_until - today).days <= warning_days:
        return [Flag.AUTH_EXPIRING]
    return []


# --- prior authorisations ------------------------------------------------------------------------
_AUTH_NEXT: dict[PriorAuthStatus, tuple[PriorAuthStatus, ...]] = {
    PriorAuthStatus.PENDING: (PriorAuthStatus.APPROVED, PriorAuthStatus.DENIED, PriorAuthStatus.WITHDRAWN),
    PriorAuthStatus.DENIED: (PriorAuthStatus.APPEAL, PriorAuthStatus.WITHDRAWN),
    PriorAuthStatus.APPEAL: (PriorAuthStatus.APPROVED, PriorAuthStatus.DENIED, PriorAuthStatus.WITHDRAWN),
    PriorAuthStatus.APPROVED: (),
    PriorAuthStatus.WITHDRAWN: (),
}


def prior_auth_next(auth: PriorAuth) -> tuple[PriorAuthStatus, ...]:
    return _AUTH_NEXT[auth.status]


def check_prior_auth(auth: PriorAuth, previous: PriorAuthStatus | None) -> None:
    """What each status needs; `previous` is None for a new authorisation."""
    if previous is not None and auth.status is not previous and auth.status not in _AUTH_NEXT[previous]:
        raise ValidationError("status", f"a {previous.label.lower()} authorisation cannot become "
                              f"{auth.status.label.lower()}")
    if previous is None and auth.status is not PriorAuthStatus.PENDING:
        raise ValidationError("status", "a new authorisation starts as pending")
    if auth.follow_up_on < auth.submitted_on:
        raise ValidationError("follow_up_on", "is before the submitted date")
    if auth.status is PriorAuthStatus.APPROVED:
        if not auth.auth_number.strip():
            raise ValidationError("auth_number", "an approval needs the payer's authorisation number")
        if auth.valid_from is None or auth.valid_until is None:
            raise ValidationError("valid_until", "an approval needs the dates it is valid")
        if auth.valid_until < auth.valid_from:
            raise ValidationError("valid_until", "is before the start of validity")
    if auth.status is PriorAuthStatus.DENIED and not auth.denial_reason.strip():
        raise ValidationError("denial_reason", "say why the payer denied it")
    if auth.units_authorised is not None and auth.units_authorised < 1:
        raise ValidationError("units_authorised", "must be at least 1 (leave it empty when not limited)")
    if auth.units_used < 0:
        raise ValidationError("units_used", "cannot be negative")
    if auth.units_used and auth.units_authorised is None:
        raise ValidationError("units_authorised", "enter how many were authorised")
    if auth.units_authorised is not None and auth.units_used > auth.units_authorised:
        raise ValidationError("units_used", f"is more than the {auth.units_authorised} {auth.units_word} "
                              "authorised: ask the payer for more first")
    if auth.units_used and auth.status is not PriorAuthStatus.APPROVED:
        raise ValidationError("units_used", "only an approved authorisation can be used")
    if auth.service_done_on is not None:
        if auth.kind is PriorAuthKind.MEDICATION:
            raise ValidationError("service_done_on", "a medication's approval is watched until it ends")
        if auth.status is not PriorAuthStatus.APPROVED:
            raise ValidationError("service_done_on", "only an approved service can be recorded as done")
        if auth.valid_from is not None and auth.service_done_on < auth.valid_from:
            raise ValidationError("service_done_on", "is before the approval starts")


def prior_auth_flags(auth: PriorAuth, today: date, policy: AgingPolicy = AgingPolicy(), *,
                     renewed: bool = False) -> tuple[Flag, ...]:
    """A follow-up date passed while the payer has not answered. An approval (medication, procedure
    or imaging) ending within the warning days or just ended, and units or visits nearly or all used
    (`units_low`), unless a renewal has been submitted (`renewed`) or the authorised procedure or
    imaging is recorded as done (`service_done_on`): then nothing is left to watch."""
    if auth.status.awaiting_payer and auth.follow_up_on < today:
        return (Flag.FOLLOW_UP_OVERDUE,)
    if auth.status is not PriorAuthStatus.APPROVED or renewed or auth.service_done_on is not None:
        return ()
    flags = _expiry(auth.valid_until, today, policy.expiry_warning_days) if auth.valid_until else []
    if auth.units_authorised is not None:
        if auth.units_used >= auth.units_authorised:
            flags.append(Flag.UNITS_USED_UP)
        elif units_low(auth.units_authorised, auth.units_used):
            flags.append(Flag.UNITS_LOW)
    return tuple(flags)


def units_low(authorised: int, used: int) -> bool:
    """Nearly used up: what is left is at most a fifth of what was authorised or at most one,
    whichever is larger (10 visits: 8 used; 3 units: 2 used; 30 units: 24 used). All used counts
    too (the caller may tell that apart)."""
    left = authorised - used
    return left <= max(UNITS_LOW_MIN, int(authorised * UNITS_LOW_SHARE))
