"""What the demo's calls and messages say: plain-words templates with slots, by reason and outcome.

A template's ``{slot}`` is filled when the text is made (`Slots`): a medicine, the patient's provider
or pharmacy, a weekday, a test, a payer. Nothing here interprets a result or gives advice: the VMA
writes down what the caller said and who takes it from there. The routine and urgent texts never
contain a red flag (some say "no chest pain", which must not escalate); the red-flag scenarios
always do, and come with what the VMA did about it. `tests/demo` checks both against the
escalation rules.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from vma_desk.core.communications import CallOutcome, CallReason
from vma_desk.demo import catalog

A, R, B = CallReason.APPOINTMENT, CallReason.REFILL, CallReason.BILLING
RE, T, G = CallReason.RECORDS, CallReason.TEST_RESULTS, CallReason.GENERAL
C = CallReason.CLINICAL_QUESTION
Out = CallOutcome

_CHOICES: dict[str, tuple[str, ...]] = {
    "med": ("lisinopril 10 mg", "metformin 500 mg", "atorvastatin 20 mg", "levothyroxine 50 mcg",
            "amlodipine 5 mg", "sertraline 50 mg", "omeprazole 20 mg", "the albuterol inhaler",
            "losartan 50 mg", "montelukast 10 mg", "metoprolol 25 mg", "the fluticasone nasal spray",
            "hydrochlorothiazide 25 mg", "gabapentin 300 mg", "the glucose test strips"),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
    "daypart": ("mornings", "afternoons", "early morning", "late afternoon", "any time after 10"),
    "clock": ("8:40", "9:20", "10:00", "10:45", "11:15", "1:30", "2:10", "3:00", "3:45", "4:20"),
    "test": ("blood work", "A1c", "cholesterol panel", "urine test", "thyroid test", "X-ray",
             "ultrasound", "strep test", "vitamin D level"),
    "visit": ("follow-up visit", "annual physical", "sick visit", "medication review",
              "telehealth visit", "blood pressure check", "sports physical", "well-child visit"),
    "complaint": ("a cough that won't go away", "back pain", "a rash on the arms", "ear pain",
                  "trouble sleeping", "a sore knee", "heartburn", "seasonal allergies",
                  "a cough for a week, no chest pain", "headaches, no fever"),
    "cancel": ("work conflict", "no ride", "feeling better", "child is sick", "out of town"),
    "form": ("school physical form", "FMLA paperwork", "disability parking form", "camp health form",
             "work release form", "daycare immunization form"),
    "destination": ("a new practice in Milwaukee", "the cardiologist", "the school nurse",
                    "the patient's lawyer (release signed)", "the orthopedic surgeon", "a life insurer"),
    "billing": ("charged twice", "says insurance should have paid", "does not recognise the charge",
                "copay higher than expected", "got a collections notice"),
    "amount": ("45", "80", "120", "185", "260", "340", "615"),
    "days": ("2", "3", "4", "5", "a few"),
    "month": ("January", "March", "April", "June", "July", "September", "October"),
    # for callers who are nobody's patient; a patient's own come from their record
    "payer": tuple(sorted({p[0] for plans in catalog.PAYERS.values() for p in plans})),
    "pharmacy": catalog.PHARMACIES,
    "extra": ("", "", "", "", "Verified date of birth.", "Spelled the last name for the record.",
              "Asked to use the mobile number.", "Interpreter line used (Spanish).",
              "Confirmed the pharmacy on file.", "Caller was on a break at work.",
              "Prefers a text when done.", "Confirmed the address on file."),
}

#: what was done on the call when no message was needed, by reason and outcome
DONE: dict[CallReason, dict[CallOutcome, tuple[str, ...]]] = {
    A: {Out.SCHEDULED: ("Booked a {visit} with {provider} on {weekday} at {clock}.",
                      "Rescheduled {weekday}'s visit ({cancel}); new time {clock} next week.",
                      "Wanted the first available {visit}; took {weekday} at {clock}.",
                      "Booked a sick visit for {complaint}, {weekday} at {clock}.",
                      "New patient; booked a first visit with {provider}."),
        Out.RESOLVED: ("Confirmed tomorrow's visit; asked about parking.",
                     "Cancelled {weekday}'s visit ({cancel}); will call back to rebook.",
                     "Asked what time the visit is; told {weekday} at {clock}.",
                     "Asked whether to bring the insurance card; yes, and a photo ID."),
        Out.TRANSFERRED: ("Wants a same-day visit for {complaint}; transferred to the front desk.",)},
    R: {Out.RESOLVED: ("Asked if the refill of {med} was sent; it went to {pharmacy} yesterday.",
                     "Checked the refill status of {med}: sent, ready at {pharmacy} today."),
        Out.TRANSFERRED: ("Refill question about {med}; transferred to the nurse line.",)},
    B: {Out.RESOLVED: ("Asked for the balance; told ${amount}, paid by card over the phone.",
                     "Updated insurance to {payer}; new card details taken.",
                     "Asked for an itemised bill; mailed to the address on file."),
        Out.TRANSFERRED: ("Question about a bill ({billing}); transferred to billing.",)},
    RE: {Out.RESOLVED: ("Asked for the immunization record; sent to the patient portal.",
                      "Records request form e-mailed to the caller to sign.",
                      "Asked whether the records reached {destination}; yes, sent {weekday}."),
         Out.TRANSFERRED: ("Records request for {destination}; transferred to medical records.",)},
    T: {Out.TRANSFERRED: ("Asking about {test} results; transferred to the nurse.",
                        "Wants {test} results; transferred to {provider}'s nurse.")},
    G: {Out.RESOLVED: ("Asked for the office hours on {weekday}; told 8 to 5.",
                     "Asked for the fax number for {destination}; given.",
                     "Updated the phone number and address.",
                     "Asked whether the practice takes {payer}; yes.",
                     "Asked for directions and parking; given."),
        Out.TRANSFERRED: ("Asked to speak with the office manager; transferred.",)},
}

#: a message's reason as written for the recipient (the call's notes say the same), routine
MESSAGE: dict[CallReason, tuple[str, ...]] = {
    A: ("Wants a callback to schedule a {visit}; no time today suited.",
        "Asks if {provider} can see them sooner than {weekday} for {complaint}.",
        "Wants to move the {visit} to {daypart}; call to offer times.",
        "Asks whether a visit is needed for {complaint} or a telehealth visit will do."),
    R: ("Refill request: {med}, {days} days left. Pharmacy: {pharmacy}.",
        "Needs {med} refilled before the next visit. Uses {pharmacy}.",
        "Asks for a 90-day supply of {med} for mail order.",
        "Refill of {med} was denied at the pharmacy; asks why."),
    B: ("Question about the bill for the last visit: {billing}.",
        "New insurance ({payer}) since {month}; wants the claims sent again.",
        "Asks for a payment plan for a balance of ${amount}.",
        "Wants a call from billing about a ${amount} charge: {billing}."),
    RE: ("Requests copies of records sent to {destination}.",
         "Needs a {form} completed; will pick it up.",
         "Needs the immunization record for school; wants a printed copy.",
         "Asks that the records from the previous practice be added to the chart."),
    T: ("Asking about {test} results from {weekday}; wants a call from the nurse.",
        "Wants to know if the {test} results are in and what the next step is.",
        "Asks whether {provider} has reviewed the {test} results yet.",
        "Lab results from {weekday}: wants to know if a follow-up visit is needed."),
    G: ("Wants {provider} to call about {complaint}.",
        "Asks for a letter confirming the visit on {weekday} for work.",
        "Asks whether the flu shot is in yet and if a visit is needed for it.",
        "Wants to talk to the nurse about side effects of {med} (mild upset stomach).",
        "Home blood pressure readings higher than usual this week; asks what to do."),
}

#: a pharmacy calling about a patient's medicine
PHARMACY = ("Pharmacy asks for a refill authorization for {med}.",
            "Pharmacy asks to confirm the dose of {med} on the new prescription.",
            "Pharmacy says {med} is on back order; asks whether a substitute is all right.")

#: urgent, but no red flag: to clinical staff within the hour
URGENT: dict[CallReason, tuple[str, ...]] = {
    A: ("Ear pain and a fever of 102 since last night; wants a same-day visit.",
        "Painful urination for {days} days; asks for a visit today.",
        "Vomiting since last night, keeping sips of water down; asks if they should come in."),
    R: ("Out of {med} since yesterday; asks for a refill today. Pharmacy: {pharmacy}.",
        "Pharmacy says {med} needs prior authorization; patient is out today."),
    T: ("Surgeon's office needs the {test} results before surgery on {weekday}.",),
    G: ("Blood sugar over 300 twice today; no other complaints. Wants the nurse to call.",
        "Fever of 102 for {days} days after the visit on {weekday}; asks what to do.",
        "Rash spreading on both legs since this morning, itchy; no fever."),
}

#: questions the caller wants answered, by reason ("" = none)
QUESTIONS: dict[CallReason, tuple[str, ...]] = {
    A: ("Can it be a telehealth visit?", "Is there anything sooner with another provider?",
        "Does the visit need fasting?"),
    R: ("Can it be sent today?", "Is a visit needed before the next refill?",
        "Can the pharmacy be changed to {pharmacy}?"),
    B: ("What is the balance after insurance?", "Can the bill be split into payments?",
        "Was the claim sent to {payer}?"),
    RE: ("Can it be faxed instead?", "How long will it take?", "Is there a fee?"),
    T: ("Can the results be posted to the portal?", "Is a follow-up visit needed?",
        "Should the {med} dose change?"),
    G: ("Is a visit needed?", "Can someone call after {clock}?", "Can the nurse call back today?"),
}
QUESTIONS[C] = QUESTIONS[G]

#: the messages of general calls that are clinical questions: those calls are logged as one (and
#: routed to clinical staff), drawn as general calls so the rest of the demo stays as it was
CLINICAL_QUESTIONS = frozenset({
    "Wants to talk to the nurse about side effects of {med} (mild upset stomach).",
    "Home blood pressure readings higher than usual this week; asks what to do."})


def reason_of(reason: CallReason, template: str) -> CallReason:
    """The reason a call is logged with, given what was said (`template`)."""
    return C if reason is G and template in CLINICAL_QUESTIONS else reason

#: a call about a red flag: (reason, what the caller said); each says at least one red-flag phrase
RED_FLAGS: tuple[tuple[CallReason, str], ...] = (
    (R, "Calling for a {med} refill; mentions chest pain since this morning."),
    (G, "Slurred speech and the face drooping on one side since lunch."),
    (G, "Pt c/o SOB walking across the room, worse since yesterday; denies CP."),  # shorthand
    (A, "Wants a visit for a cut on the hand; bleeding heavily and it won't stop with pressure."),
    (R, "Asks for an early refill of {med}; says they took too many pills last night."),
    (G, "Lips swelling after eating peanuts, and trouble breathing."),
    (A, "Calling to book a visit; mentions suicidal thoughts this week."),
    (G, "Fainted in the kitchen this morning; sugar was 48 and still shaky."),
    (T, "Asking about {test} results; also mentions pressure in the chest and a numb arm."),
    (A, "Wants a visit for the worst headache of their life, started an hour ago."),
)
#: what the VMA did about a red flag
ACTIONS = (
    "Transferred to {nurse} (on-site nurse); stayed on the line until the nurse answered.",
    "Told the caller to hang up and call 911; {nurse} informed at once.",
    "Put the caller through to {nurse}, who advised the emergency room; {provider} informed.",
    "Conferenced 911 while the caller stayed on the line; {nurse} and {provider} informed.",
    "Told the caller to call 911 now; {nurse} called back within 5 minutes to check.",
)

#: outbound calls the VMA makes, by reason: (note, outcome weights for answered / voicemail / none)
OUTBOUND: dict[CallReason, tuple[str, ...]] = {
    A: ("Confirmation call for tomorrow's visit at {clock}.",
        "Called to move {weekday}'s visit: {provider} is out that day.",
        "Returned the call about scheduling; offered {weekday} at {clock}.",
        "Called to offer an earlier opening from the waitlist ({weekday} {clock})."),
    R: ("Called to say the refill of {med} was sent to {pharmacy}.",
        "Called: {provider} wants a visit before the next refill of {med}."),
    B: ("Called for the new insurance details.", "Called about a returned payment of ${amount}."),
    RE: ("Called: the {form} is ready for pick-up.", "Called to say the records went to {destination}."),
    T: ("Called per the nurse: {provider} wants a follow-up visit to go over the {test}.",
        "Called per the nurse: {test} results are posted in the portal."),
    G: ("Returned the call; question about office hours answered.",
        "Called back about the letter for work: ready at the front desk."),
}

#: a caller who is nobody's patient: (reason, note)
STRANGERS: dict[str, tuple[tuple[CallReason, str], ...]] = {
    "prospect": ((G, "Not a patient yet; asked whether the practice takes {payer}. Yes; will call back."),
                 (A, "Wants to become a patient; asked about new-patient openings."),
                 (G, "Asked whether {provider} is taking new patients.")),
    "wrong number": ((G, "Wrong number; was looking for a dentist."),
                     (G, "Wrong number; meant to call the pharmacy.")),
    "vendor": ((G, "Sales call for the office manager; took the name and number."),
               (G, "Service company confirming {weekday}'s visit to the office.")),
}
#: an organisation calling about a patient: kind -> (reason, note)
ORGANISATIONS: dict[str, tuple[tuple[CallReason, str], ...]] = {
    "payer": ((B, "Insurer asks for the notes of the visit on {weekday} to process a claim."),
              (B, "Insurer calling about a prior authorization for {med}.")),
    "specialist": ((RE, "Specialist's office requests the last visit notes and lab results."),
                   (A, "Specialist's office asks for a follow-up visit with {provider} in two weeks.")),
    "hospital": ((G, "Discharge planner: patient went home {weekday}; wants a visit within a week."),
                 (RE, "Hospital asks for the medication list and the last visit notes.")),
    "lab": ((T, "Lab says the {test} sample could not be run; needs a new draw."),
            (T, "Lab calling to say the {test} results were faxed for {provider}.")),
}

#: a voicemail the VMA could handle without a message: (reason, note)
VOICEMAIL_DONE = ((A, "Cancelling {weekday}'s visit ({cancel}); cancelled."),
                  (A, "Confirming the visit on {weekday}; noted."),
                  (G, "Asked for the office hours; called back and left them on voicemail."))

#: how a message from the overnight answering service begins
ANSWERING_SERVICE = ("Answering service, overnight: ", "Answering service, after hours: ")


class Slots(dict[str, str]):
    """The values of one text's slots, drawn when a template first asks for them."""

    def __init__(self, rng: random.Random, known: Mapping[str, str]) -> None:
        super().__init__(known)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        value = self.rng.choice(_CHOICES[key])
        self[key] = value
        return value


def fill(rng: random.Random, template: str, known: Mapping[str, str]) -> str:
    return template.format_map(Slots(rng, known))


def all_templates() -> dict[str, list[str]]:
    """Every template by whether it must escalate ("red flag") or must not ("routine")."""
    routine = [t for d in DONE.values() for ts in d.values() for t in ts]
    routine += [t for ts in (*MESSAGE.values(), *URGENT.values(), *QUESTIONS.values(), *OUTBOUND.values())
                for t in ts]
    routine += [t for ts in (*STRANGERS.values(), *ORGANISATIONS.values()) for _, t in ts]
    routine += [*PHARMACY, *(t for _, t in VOICEMAIL_DONE), *ACTIONS, *ANSWERING_SERVICE]
    return {"routine": routine, "red flag": [t for _, t in RED_FLAGS]}


def choices(slot: str) -> tuple[str, ...]:
    return _CHOICES[slot]
