"""The red-flag check: what must escalate, what must not, where the hits are, and how fast it is."""

from __future__ import annotations

import pytest

from vma_desk.core.errors import ValidationError
from vma_desk.core.rules.escalation import DEFAULT_RED_FLAGS, RedFlagHit, check, validate_phrases

# (text, category of the first hit, the words of the text it covers)
MUST_TRIGGER = [
    ("Patient calling for a refill, mentions chest pain since last night", "cardiac", "chest pain"),
    ("CHEST PAIN!!", "cardiac", "CHEST PAIN"),
    ("woke up with chest-pain", "cardiac", "chest-pain"),
    ("he has chest   pain", "cardiac", "chest   pain"),
    ("sharp chest\npain when he lies down", "cardiac", "chest\npain"),
    ("she keeps getting chest pains", "cardiac", "chest pains"),
    ("my dad says his chest feels tight", "cardiac", "chest feels tight"),
    ("there's a pressure on my chest", "cardiac", "pressure on my chest"),
    ("pain in her chest when she walks", "cardiac", "pain in her chest"),
    ("my chest really hurts", "cardiac", "chest really hurts"),
    ("I think I'm having a heart attack", "cardiac", "heart attack"),
    ("I can't catch my breath", "breathing", "can't catch my breath"),
    ("she cant breathe", "breathing", "cant breathe"),
    ("he cannot breathe well lying flat", "breathing", "cannot breathe"),
    ("I can not breath", "breathing", "can not breath"),
    ("c/o shortness of breath", "breathing", "shortness of breath"),
    ("shortnes of breath since this morning", "breathing", "shortnes of breath"),
    ("Short of breath walking to the mailbox", "breathing", "Short of breath"),
    ("my son is having trouble breathing", "breathing", "trouble breathing"),
    ("baby is breathing hard and turning blue", "breathing", "turning blue"),
    ("her face is drooping on one side", "stroke", "face is drooping"),
    ("she's slurring her words", "stroke", "slurring her words"),
    ("his speech sounds slurred", "stroke", "speech sounds slurred"),
    ("she's slurring", "stroke", "slurring"),
    ("I think my mom is having a stroke", "stroke", "stroke"),
    ("my mom's arm went numb all of a sudden", "stroke", "arm went numb"),
    ("he is suddenly very confused and doesn't know where he is", "stroke", "suddenly very confused"),
    ("weakness on one side of her body", "stroke", "weakness on one side"),
    ("bleeding won't stop", "bleeding", "bleeding won't stop"),
    ("the cut on his hand just won't stop bleeding", "bleeding", "won't stop bleeding"),
    ("I'm bleeding heavily after the procedure", "bleeding", "bleeding heavily"),
    ("there's a lot of blood", "bleeding", "lot of blood"),
    ("the bleeding has not stopped in an hour", "bleeding", "bleeding has not stopped"),
    ("I want to kill myself", "self-harm", "kill myself"),
    ("says she doesn't want to live anymore", "self-harm", "doesn't want to live"),
    ("he's been having suicidal thoughts", "self-harm", "suicidal"),
    ("he took a whole bottle of pills", "overdose", "whole bottle"),
    ("I think she took too many of her sleeping pills", "overdose", "took too many"),
    ("he overdosed on his pain meds", "overdose", "overdosed"),
    ("my lips are swelling up after the new antibiotic", "allergic", "lips are swelling"),
    ("her tongue is swollen and she's itchy", "allergic", "tongue is swollen"),
    ("swelling in his throat after a bee sting", "allergic", "swelling in his throat"),
    ("feels like her throat is closing", "allergic", "throat is closing"),
    ("my husband had a seizure", "neuro", "seizure"),
    ("she passed out in the kitchen", "neuro", "passed out"),
    ("he's unresponsive", "neuro", "unresponsive"),
    ("grandpa won't wake up", "neuro", "won't wake up"),
    ("had a siezure this morning", "neuro", "siezure"),
    # negation stops at a later clause, a sentence, a line break or a word that turns the sentence
    ("no fever but has chest pain", "cardiac", "chest pain"),
    ("denies chest pain. Now has trouble breathing", "breathing", "trouble breathing"),
    ("no fever\nchest pain started at noon", "cardiac", "chest pain"),
    ("No chest pain, just short of breath", "breathing", "short of breath"),
    ("denies chest pain, has shortness of breath", "breathing", "shortness of breath"),
    ("not sure if it's chest pain or heartburn", "cardiac", "chest pain"),
    ("the tylenol isn't helping his chest pain", "cardiac", "chest pain"),
    ("it won't stop, bleeding heavily", "bleeding", "bleeding heavily"),
    # an answer, not a negation
    ("No, he has chest pain", "cardiac", "chest pain"),
    ("No I can't breathe", "breathing", "can't breathe"),
    ("No: chest pain since 9", "cardiac", "chest pain"),
    # a comma alone does not carry a negation on: a hurried note is read the safe way
    ("no fever, chest pain since 9", "cardiac", "chest pain"),
    ("denies fever, chest pain and sweating since noon", "cardiac", "chest pain"),
    ("negative for chest pain, shortness of breath", "breathing", "shortness of breath"),
    # "never ... like this / before" is about now
    ("never had chest pain like this", "cardiac", "chest pain"),
    ("no chest pain until this morning", "cardiac", "chest pain"),
    # what is written after a phrase is not read
    ("asked about chest pain: yes", "cardiac", "chest pain"),
    ("chest pain last year, resolved", "cardiac", "chest pain"),
    ("Chest pain: denies", "cardiac", "Chest pain"),
]

MUST_NOT_TRIGGER = [
    "no chest pain",
    "denies chest pain",
    "Denies any chest pain or pressure",
    "without chest pain",
    "not having chest pain",
    "no longer has chest pain",
    "he doesn't have chest pain",
    "has not had any chest pain since the stent",
    "negative for shortness of breath",
    "never had a seizure",
    "no shortness of breath or chest pain",
    "no fever, cough or chest pain",
    "denies chest pain, shortness of breath, or trouble breathing",
    "neither chest pain nor shortness of breath",
    "no h/o chest pain",
    "w/o chest pain",
    "Denies: chest pain, fever, or trouble breathing",
    "pt denies SI, no suicidal thoughts",
    "no history of stroke symptoms",
    "chest doesn't feel tight today",
    "her lips are not swelling",
    "my chest x-ray is due next month",
    "needs a refill of her blood pressure medication",
    "calling to reschedule her mammogram",
    "wants to know if the bleeding after her biopsy is normal, it stopped last night",
    "I can't talk right now, call me back after 5",
    "the pharmacy says the bottle is empty",
    "pt is a new patient, wants a physical",
    "he is breathing fine now, just wants a callback",
]


@pytest.mark.parametrize(("text", "category", "covered"), MUST_TRIGGER)
def test_red_flag_triggers(text: str, category: str, covered: str) -> None:
    hits = check(text)
    assert hits, f"no hit in {text!r}"
    assert hits[0].category == category
    assert text[hits[0].start:hits[0].end] == covered


@pytest.mark.parametrize("text", MUST_NOT_TRIGGER)
def test_negated_or_harmless_text_does_not_trigger(text: str) -> None:
    assert check(text) == []


def test_every_default_phrase_triggers_as_written_and_not_after_no() -> None:
    for entry in DEFAULT_RED_FLAGS:
        phrase = entry.split(":", 1)[1].replace("...", "").strip()
        assert check(f"Caller says {phrase}."), entry
        assert not check(f"Caller reports no {phrase}."), entry


def test_hits_point_at_the_words_in_a_longer_note() -> None:
    note = ("Refill request: metformin 500 mg.\n"
            "Pt denies chest pain.\n"
            "Asked about breathing: says she is Short-Of-Breath since Tuesday and her lips are swollen.")
    hits = check(note)
    assert [(h.category, note[h.start:h.end]) for h in hits] == [
        ("breathing", "Short-Of-Breath"),
        ("allergic", "lips are swollen"),
    ]
    assert hits[0] == RedFlagHit("short of breath", "breathing", note.index("Short"),
                                 note.index("Short") + len("Short-Of-Breath"))


def test_hits_do_not_overlap_and_the_longest_phrase_wins() -> None:
    hits = check("bleeding won't stop and she took too many pills")
    assert [(h.phrase, h.category) for h in hits] == [("bleeding ... won't stop", "bleeding"),
                                                      ("took too many", "overdose")]


def test_custom_phrases_with_and_without_a_category() -> None:
    phrases = ("cardiac: heart racing", "black stools", "obstetric: baby ... not moving")
    assert check("says her heart is racing", phrases) == []  # no gap in that phrase
    hits = check("Her heart's racing. Also black stool x2. The baby isn't moving much", phrases)
    assert [(h.phrase, h.category) for h in hits] == [
        ("heart racing", "cardiac"), ("black stools", "other"), ("baby ... not moving", "obstetric")]
    assert check("no black stools, baby moving well", phrases) == []
    assert check("chest pain", phrases) == []  # a practice's list replaces the defaults


@pytest.mark.parametrize("entry", ["", "   ", "cardiac:", "...", "... chest", "chest ...",
                                   "chest ... ... pain"])
def test_entries_that_cannot_match_are_refused(entry: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_phrases(["cardiac: chest pain", entry])
    assert caught.value.field == "red_flags"


def test_unicode_apostrophes_an_empty_text_and_a_list_of_phrases() -> None:
    assert check("") == []
    assert [h.phrase for h in check("I can\u2019t breathe")] == ["can't breathe"]
    assert [h.category for h in check("passed out", list(DEFAULT_RED_FLAGS))] == ["neuro"]
