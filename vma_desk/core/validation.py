"""Validation of the shared records. Each check raises ValidationError naming the field.

Validators return a cleaned record (trimmed text, phone numbers in E.164) so that what is stored is
always in one canonical form. Messages say what is wrong, never echo the value (it may be PHI).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from vma_desk.core.calendar import AppointmentType, Eligibility
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import (
    CareGap,
    ContactMethod,
    Insurance,
    Patient,
    Phone,
    PlanType,
    Practice,
    Role,
    StaffMember,
)

MAX_NAME = 80
MAX_TEXT = 2000
OLDEST_AGE_YEARS = 125
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MEMBER_ID = re.compile(r"^[A-Za-z0-9-]{3,30}$")
_MONEY = re.compile(r"^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$")
_PERCENT = re.compile(r"^(\d{1,3}(?:\.\d{1,2})?)\s*%?$")


def require_aware(field: str, moment: datetime) -> datetime:
    """A time that says its time zone; a naive one (which would be read as the laptop's zone, or
    fail comparing with stored times) is refused by name."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError(field, "must carry its time zone")
    return moment


def clean_text(field: str, value: str, *, required: bool, limit: int = MAX_NAME) -> str:
    text = " ".join((value or "").split()) if limit <= MAX_NAME else (value or "").strip()
    if required and not text:
        raise ValidationError(field, "is required")
    if len(text) > limit:
        raise ValidationError(field, f"is too long (at most {limit} characters)")
    return text


def normalize_phone(field: str, raw: str, region: str = "US") -> str:
    """Parse a phone number as typed and return it in E.164, or raise naming the field."""
    import phonenumbers  # imported when first asked for: about 20 ms no start needs

    text = (raw or "").strip()
    if not text:
        raise ValidationError(field, "is required")
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise ValidationError(field, "is not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(field, "is not a valid phone number (check the area code and length)")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=2048)
def format_phone(e164: str, region: str = "US") -> str:
    """Show a stored number the way people in the practice's country write it. Remembered (the last
    2,048 numbers): lists and searches show the same callers' numbers again and again, and reading
    one with `phonenumbers` costs more than the rest of its line."""
    import phonenumbers  # (see normalize_phone)

    try:
        number = phonenumbers.parse(e164, region)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def validate_patient(patient: Patient, *, today: date, region: str = "US") -> Patient:
    first = clean_text("first_name", patient.first_name, required=True)
    last = clean_text("last_name", patient.last_name, required=True)
    born = patient.date_of_birth
    if not isinstance(born, date):
        raise ValidationError("date_of_birth", "is required")
    if born > today:
        raise ValidationError("date_of_birth", "is in the future")
    if today.year - born.year > OLDEST_AGE_YEARS:
        raise ValidationError("date_of_birth", f"is more than {OLDEST_AGE_YEARS} years ago")

    phones = tuple(
        Phone(normalize_phone(f"phones[{i}]", p.number, region), p.kind)
        for i, p in enumerate(patient.phones)
    )
    if len({p.number for p in phones}) != len(phones):
        raise ValidationError("phones", "lists the same number twice")
    email = (patient.email or "").strip()
    if email and not _EMAIL.match(email):
        raise ValidationError("email", "is not an e-mail address")
    contact = patient.preferred_contact
    if contact in (ContactMethod.PHONE, ContactMethod.TEXT) and not phones:
        raise ValidationError("phones", f"at least one is needed to contact by {contact.value}")
    if contact is ContactMethod.EMAIL and not email:
        raise ValidationError("email", "is needed to contact by e-mail")

    insurance = patient.insurance
    if insurance is not None:
        insurance = _validate_insurance(insurance)
    secondary = _validate_secondary(patient.secondary_insurance, insurance)
    gaps = tuple(_validate_gap(i, g) for i, g in enumerate(patient.care_gaps))
    if len({v.provider_id for v in patient.last_visits}) != len(patient.last_visits):
        raise ValidationError("last_visits", "lists the same provider twice")
    for visit in patient.last_visits:
        if visit.day > today:
            raise ValidationError("last_visits", "a last visit cannot be in the future")
    return replace(
        patient,
        first_name=first,
        last_name=last,
        phones=phones,
        email=email,
        insurance=insurance,
        secondary_insurance=secondary,
        preferred_pharmacy=clean_text(
            "preferred_pharmacy", patient.preferred_pharmacy, required=False, limit=120
        ),
        care_gaps=gaps,
        notes=clean_text("notes", patient.notes, required=False, limit=MAX_TEXT),
    )


def _validate_insurance(insurance: Insurance, field: str = "insurance") -> Insurance:
    payer = clean_text(f"{field}.payer", insurance.payer, required=False)
    member = (insurance.member_id or "").strip()
    if insurance.plan_type is PlanType.SELF_PAY:
        return Insurance(payer="", member_id="", plan_type=insurance.plan_type)
    if insurance.plan_type is None and field == "insurance":
        raise ValidationError(f"{field}.plan_type", "is required for an insured patient")
    if not payer:
        raise ValidationError(f"{field}.payer", "is required for an insured patient")
    if not _MEMBER_ID.match(member):
        raise ValidationError(
            f"{field}.member_id", "must be 3-30 letters, digits or dashes, as on the card"
        )
    group = clean_text(f"{field}.group_number", insurance.group_number, required=False, limit=30)
    subscriber = clean_text(f"{field}.subscriber", insurance.subscriber, required=False)
    return Insurance(payer=payer, member_id=member, plan_type=insurance.plan_type, group_number=group,
                     subscriber=subscriber)


def _validate_secondary(secondary: Insurance | None, primary: Insurance | None) -> Insurance | None:
    """The insurance that pays after the primary (coordination of benefits). Blank is none; any field
    typed makes it a policy that needs its payer and member id, and it needs a primary to follow."""
    field = "secondary_insurance"
    if secondary is None or (secondary.plan_type is None and not any(
            (v or "").strip() for v in (secondary.payer, secondary.member_id, secondary.group_number,
                                        secondary.subscriber))):
        return None
    if secondary.plan_type is PlanType.SELF_PAY:
        raise ValidationError(f"{field}.plan_type", "cannot be self-pay: a secondary is an insurance plan")
    if primary is None or primary.plan_type is PlanType.SELF_PAY:
        raise ValidationError(f"{field}.payer", "needs a primary insurance: record the primary first")
    if not (secondary.payer or "").strip():
        raise ValidationError(f"{field}.payer", "is required for a secondary insurance")
    clean = _validate_insurance(secondary, field)
    if (clean.payer.casefold(), clean.member_id.casefold()) == (
            primary.payer.casefold(), primary.member_id.casefold()):
        raise ValidationError(f"{field}.member_id", "is the primary's: a secondary is another policy")
    return clean


def _validate_gap(index: int, gap: CareGap) -> CareGap:
    kind = clean_text(f"care_gaps[{index}].kind", gap.kind, required=True)
    if not isinstance(gap.due, date):
        raise ValidationError(f"care_gaps[{index}].due", "is required")
    return CareGap(kind=kind, due=gap.due, note=clean_text(
        f"care_gaps[{index}].note", gap.note, required=False, limit=200), done=gap.done)


def validate_practice(practice: Practice) -> Practice:
    name = clean_text("name", practice.name, required=True, limit=120)
    try:
        ZoneInfo(practice.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError("time_zone", "is not a known time zone (e.g. America/Chicago)") from None
    days = frozenset(practice.business_days)
    if not days:
        raise ValidationError("business_days", "at least one day must be a business day")
    if not days <= set(range(7)):
        raise ValidationError("business_days", "must be weekdays 0 (Monday) to 6 (Sunday)")
    seen: set[date] = set()
    for holiday in practice.holidays:
        if holiday.day in seen:
            raise ValidationError("holidays", "lists the same date twice")
        seen.add(holiday.day)
    phone = normalize_phone("phone", practice.phone) if practice.phone.strip() else ""
    return replace(practice, name=name, business_days=days, phone=phone)


def validate_staff(member: StaffMember) -> StaffMember:
    name = clean_text("name", member.name, required=True)
    if not isinstance(member.role, Role):
        raise ValidationError("role", "is required")
    for shift in member.working_hours:
        if not 0 <= shift.weekday <= 6:
            raise ValidationError("working_hours", "weekday must be 0 (Monday) to 6 (Sunday)")
        if shift.start >= shift.end:
            raise ValidationError("working_hours", "each shift must end after it starts")
    by_day = sorted(member.working_hours, key=lambda s: (s.weekday, s.start))
    for a, b in zip(by_day, by_day[1:], strict=False):
        if a.weekday == b.weekday and b.start < a.end:
            raise ValidationError("working_hours", "two shifts on the same day overlap")
    return replace(
        member,
        name=name,
        credentials=clean_text("credentials", member.credentials, required=False, limit=20),
        working_hours=tuple(by_day),
    )


def validate_appointment_type(appointment_type: AppointmentType) -> AppointmentType:
    name = clean_text("name", appointment_type.name, required=True)
    if not 5 <= appointment_type.minutes <= 8 * 60:
        raise ValidationError("minutes", "must be between 5 and 480")
    if not 0 <= appointment_type.buffer_minutes <= 120:
        raise ValidationError("buffer_minutes", "must be between 0 and 120")
    prep = clean_text("prep", appointment_type.prep, required=False, limit=300)
    days = appointment_type.follow_up_days
    if days is not None and not 1 <= days <= 30:
        raise ValidationError("follow_up_days", "must be between 1 and 30 business days, or off")
    return replace(appointment_type, name=name, prep=prep)


def validate_eligibility(result: Eligibility) -> Eligibility:
    """An eligibility result as the payer gave it: the deductible left as money ("$350.00"), the
    coinsurance as the patient's percentage ("20%"), notes trimmed. A deductible marked met cannot
    still have money left."""
    remaining = (result.deductible_remaining or "").strip()
    if remaining:
        money = _MONEY.match(remaining)
        if money is None:
            raise ValidationError("deductible_remaining", "must be an amount of money, e.g. $350 or 1,250.00")
        dollars = int(money.group(1).replace(",", ""))
        cents = int((money.group(2) or "0").ljust(2, "0"))
        if result.deductible_met and (dollars or cents):
            raise ValidationError("deductible_remaining",
                                  "is more than $0 but the deductible is marked met: correct one of them")
        remaining = f"${dollars:,}.{cents:02d}"
    coinsurance = (result.coinsurance or "").strip()
    if coinsurance:
        share = _PERCENT.match(coinsurance)
        if share is None or float(share.group(1)) > 100:
            raise ValidationError("coinsurance", "must be the patient's share in percent, 0 to 100, e.g. 20%")
        coinsurance = f"{float(share.group(1)):g}%"
    return replace(
        result, deductible_remaining=remaining, coinsurance=coinsurance,
        copay_note=clean_text("copay_note", result.copay_note, required=False, limit=200),
        oop_note=clean_text("oop_note", result.oop_note, required=False, limit=200))
