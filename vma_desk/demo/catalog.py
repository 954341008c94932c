"""Fictional things the demo practice deals with: practice names, payers, pharmacies, phone numbers.

Payer and pharmacy names are invented. Phone numbers use 555-0100 to 555-0199, the range reserved
for fiction in the North American Numbering Plan, under real area codes around Chicago (and a few
further away, for patients who moved) so that they validate and format like real numbers. E-mail
addresses use the example.* domains reserved for documentation.
"""

from __future__ import annotations

from vma_desk.core.records import PlanType

PRACTICE_NAMES = (
    "Lakeside Family Medicine",
    "Prairie View Family Practice",
    "Riverbend Primary Care",
    "Maple Grove Family Health",
    "North Branch Family Physicians",
    "Cedar Park Community Medicine",
)
TIME_ZONE = "America/Chicago"
PRACTICE_PHONE = "+13125550100"

#: (area code, weight): the city and suburbs mostly, a few from out of state
AREA_CODES = (
    ("312", 14), ("773", 18), ("872", 6), ("630", 9), ("708", 9), ("847", 9), ("224", 5),
    ("331", 4), ("779", 2), ("815", 4), ("219", 3), ("414", 2), ("262", 1), ("309", 1),
    ("217", 1), ("608", 1),
)
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")

#: plan type -> (payer name, member id prefix, has a group number)
PAYERS: dict[PlanType, tuple[tuple[str, str, bool], ...]] = {
    PlanType.HMO: (("Prairie Health HMO", "PHH", True), ("Lakeshore Health Plan", "LHP", True),
                   ("Cardinal Care Network", "CCN", True)),
    PlanType.PPO: (("Great Plains Mutual", "GPM", True), ("Northstar Benefits", "NSB", True),
                   ("Riverbend Assurance", "RBA", True), ("Keystone Heartland", "KHL", True)),
    PlanType.EPO: (("Lakeshore Select EPO", "LSE", True), ("Northstar Direct", "NSD", True)),
    PlanType.POS: (("Prairie Health Choice", "PHC", True), ("Great Plains Flex", "GPF", True)),
    PlanType.MEDICARE: (("Midlands Medicare Services", "", False),),
    PlanType.MEDICARE_ADVANTAGE: (("Golden Years Advantage", "GYA", False),
                                  ("Lakeshore Senior Advantage", "LSA", False),
                                  ("Prairie Health Medicare Plus", "PHM", False)),
    PlanType.MEDICAID: (("Prairie Family Care (Medicaid)", "PFC", False),
                        ("Bright Start Community Plan (Medicaid)", "BSC", False)),
    PlanType.SELF_PAY: (),
}

#: secondary insurances (coordination of benefits), by the primary's plan type: (payer, member id
#: prefix, the secondary's plan type or None when not recorded); SECONDARY_SHARE of those patients have one
SECONDARY_PAYERS: dict[PlanType, tuple[tuple[str, str, PlanType | None], ...]] = {
    # original Medicare: most add a supplement (Medigap) or a retiree plan
    PlanType.MEDICARE: (("Heartland Medigap Supplement", "HMS", None), ("Great Plains Retiree Plan", "GPR",
                                                                         PlanType.PPO)),
    # working adults: a spouse's employer plan
    PlanType.PPO: (("Northstar Benefits", "NSB", PlanType.PPO), ("Riverbend Assurance", "RBA", PlanType.PPO)),
    PlanType.HMO: (("Great Plains Mutual", "GPM", PlanType.PPO),),
}
SECONDARY_SHARE = {PlanType.MEDICARE: 0.6, PlanType.PPO: 0.08, PlanType.HMO: 0.05}

#: insurance mix by age band: [(plan type, weight)]
PLAN_MIX: dict[str, tuple[tuple[PlanType, float], ...]] = {
    "child": ((PlanType.MEDICAID, 34), (PlanType.PPO, 26), (PlanType.HMO, 20), (PlanType.EPO, 8),
              (PlanType.POS, 7), (PlanType.SELF_PAY, 5)),
    "adult": ((PlanType.PPO, 32), (PlanType.HMO, 24), (PlanType.EPO, 9), (PlanType.POS, 8),
              (PlanType.MEDICAID, 15), (PlanType.SELF_PAY, 9), (PlanType.MEDICARE, 3)),
    "senior": ((PlanType.MEDICARE, 48), (PlanType.MEDICARE_ADVANTAGE, 40), (PlanType.PPO, 6),
               (PlanType.MEDICAID, 4), (PlanType.SELF_PAY, 2)),
}

PHARMACIES = (
    "Corner Drug #12 - Elm St",
    "Corner Drug #31 - Harlem Ave",
    "Lakeview Apothecary - Broadway",
    "MedMart Pharmacy #214 - Western Ave",
    "MedMart Pharmacy #388 - Ogden Ave",
    "Prairie Rx - Main St",
    "Northside Family Pharmacy - Devon Ave",
    "Green Leaf Pharmacy - Cermak Rd",
    "Riverbend Community Pharmacy - River Rd",
    "ValuCare Pharmacy #57 - Golf Rd",
    "Sunrise Drugs - 26th St",
    "MailRx Home Delivery (mail order)",
)
