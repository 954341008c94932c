"""Primary and secondary insurance, and an eligibility result's details: the rules, without Qt."""

from __future__ import annotations

from datetime import date

import pytest

from vma_desk.core.calendar import Eligibility, EligibilityStatus
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Insurance, Patient, Phone, PlanType
from vma_desk.core.validation import validate_eligibility, validate_patient

TODAY = date(2026, 11, 30)
PRIMARY = Insurance("Prairie Health", "PH-12345", PlanType.MEDICARE)


def patient(primary: Insurance | None = PRIMARY, secondary: Insurance | None = None) -> Patient:
    return Patient("Ann", "O'Neil", date(1951, 4, 2), phones=(Phone("(312) 555-0142"),),
                   insurance=primary, secondary_insurance=secondary)


def test_a_secondary_is_kept_cleaned_with_its_subscriber():
    clean = validate_patient(patient(secondary=Insurance(
        "  Harbor Mutual ", " HM-778812 ", PlanType.PPO, " G-55 ", subscriber="  Jim  O'Neil ")), today=TODAY)
    assert clean.secondary_insurance == Insurance("Harbor Mutual", "HM-778812", PlanType.PPO, "G-55",
                                                  subscriber="Jim O'Neil")
    assert clean.insurance == PRIMARY
    assert clean.insurance_text == "Primary: Prairie Health Medicare · Secondary: Harbor Mutual PPO"


def test_a_secondary_plan_type_may_be_unrecorded():
    clean = validate_patient(patient(secondary=Insurance("Harbor Mutual", "HM-778812", None)), today=TODAY)
    assert clean.secondary_insurance.plan_type is None
    assert clean.insurance_text.endswith("Secondary: Harbor Mutual")


@pytest.mark.parametrize("blank", [None, Insurance("", "  ", None, "", subscriber=" ")])
def test_a_blank_secondary_is_none(blank):
    assert validate_patient(patient(secondary=blank), today=TODAY).secondary_insurance is None


@pytest.mark.parametrize(
    ("primary", "secondary", "field", "words"),
    [
        # any field of a secondary makes it a policy: payer and member id needed
        (PRIMARY, Insurance("", "", None, "G-55"), "secondary_insurance.payer", "required"),
        (PRIMARY, Insurance("", "", None, subscriber="Jim O'Neil"), "secondary_insurance.payer", "required"),
        (PRIMARY, Insurance("", "", PlanType.PPO), "secondary_insurance.payer", "required"),
        (PRIMARY, Insurance("Harbor Mutual", "", None), "secondary_insurance.member_id", "card"),
        (PRIMARY, Insurance("Harbor Mutual", "x!", None), "secondary_insurance.member_id", "card"),
        # a secondary follows a primary
        (None, Insurance("Harbor Mutual", "HM-778812", PlanType.PPO), "secondary_insurance.payer",
         "needs a primary"),
        (Insurance("", "", PlanType.SELF_PAY), Insurance("Harbor Mutual", "HM-778812", None),
         "secondary_insurance.payer", "needs a primary"),
        (PRIMARY, Insurance("Harbor Mutual", "HM-778812", PlanType.SELF_PAY), "secondary_insurance.plan_type",
         "self-pay"),
        # the same card twice is not coordination of benefits
        (PRIMARY, Insurance("prairie health", "ph-12345", PlanType.PPO), "secondary_insurance.member_id",
         "the primary's"),
        (Insurance("Prairie Health", "PH-12345", PlanType.PPO, subscriber="x" * 81), None,
         "insurance.subscriber", "too long"),
    ],
)
def test_a_wrong_secondary_names_its_field(primary, secondary, field, words):
    with pytest.raises(ValidationError) as caught:
        validate_patient(patient(primary, secondary), today=TODAY)
    assert caught.value.field == field
    assert words in caught.value.message


def test_eligibility_details_are_kept_in_one_form():
    clean = validate_eligibility(Eligibility(
        EligibilityStatus.VERIFIED, True, True, " $25 copay ", deductible_met=False,
        deductible_remaining="1250.5", coinsurance=" 20 ", oop_note="  OOP max $6,000, $1,100 met "))
    assert (clean.deductible_remaining, clean.coinsurance) == ("$1,250.50", "20%")
    assert (clean.copay_note, clean.oop_note) == ("$25 copay", "OOP max $6,000, $1,100 met")
    assert validate_eligibility(Eligibility(deductible_remaining="$1,250", coinsurance="12.5%")) \
        == Eligibility(deductible_remaining="$1,250.00", coinsurance="12.5%")
    # met and nothing left is consistent
    met = validate_eligibility(Eligibility(deductible_met=True, deductible_remaining="$0"))
    assert met.deductible_remaining == "$0.00"


@pytest.mark.parametrize(
    ("result", "field", "words"),
    [
        (Eligibility(deductible_remaining="about half"), "deductible_remaining", "amount of money"),
        (Eligibility(deductible_remaining="$12,34"), "deductible_remaining", "amount of money"),
        (Eligibility(deductible_met=True, deductible_remaining="$350"), "deductible_remaining", "marked met"),
        (Eligibility(coinsurance="120%"), "coinsurance", "0 to 100"),
        (Eligibility(coinsurance="80/20"), "coinsurance", "percent"),
        (Eligibility(oop_note="x" * 201), "oop_note", "too long"),
    ],
)
def test_a_wrong_eligibility_detail_names_its_field(result, field, words):
    with pytest.raises(ValidationError) as caught:
        validate_eligibility(result)
    assert caught.value.field == field
    assert words in caught.value.message
