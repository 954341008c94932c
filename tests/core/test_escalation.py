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


def _written(phrase: str) -> str:
    """A phrase as someone would write it: the first of "a|b", a number that fits "<70" or ">4",
    "=took" as "took", "+" as "and"."""
    words = []
    for word in phrase.replace("...", "").split():
        if word[0] in "<>":
            words.append(str(int(word[1:]) + (1 if word[0] == ">" else -1)))
        else:
            words.append("and" if word == "+" else word.lstrip("=").split("|")[0])
    return " ".join(words)


def test_every_default_phrase_triggers_as_written_and_not_after_no() -> None:
    for entry in DEFAULT_RED_FLAGS:
        phrase = _written(entry.split(":", 1)[1])
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
                                   "chest ... ... pain", "sugar +", "+ shaky", "sugar ... + shaky",
                                   "<70 sugar", "chest|can't", "=took|swallowed >4", "+"])
def test_entries_that_cannot_match_are_refused(entry: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_phrases(["cardiac: chest pain", entry])
    assert caught.value.field == "red_flags"


def test_unicode_apostrophes_an_empty_text_and_a_list_of_phrases() -> None:
    assert check("") == []
    assert [h.phrase for h in check("I can\u2019t breathe")] == ["can't breathe"]
    assert [h.category for h in check("passed out", list(DEFAULT_RED_FLAGS))] == ["neuro"]


# --- issue 12 item 13: red flags said the way people say them ----------------------------------

# (text, category of the first hit, the words of the text it covers): how callers describe it on the
# phone and how staff type it in a hurry
SAID_THE_WAY_PEOPLE_SAY_IT = [
    # clinical shorthand typed in notes
    ("pt c/o CP since 0600", "cardiac", "CP"),
    ("c/o SOB x2 days, worse lying flat", "breathing", "SOB"),
    ("Pt is sob walking across the room", "breathing", "sob"),
    ("mom says he had LOC for about a minute", "neuro", "LOC"),
    ("brief loss of consciousness at the store", "neuro", "loss of consciousness"),
    ("she lost consciousness after standing up", "neuro", "lost consciousness"),
    ("fall at home w/ LOC, on blood thinners", "neuro", "LOC"),
    ("CP radiating to L arm, diaphoretic", "cardiac", "CP"),
    ("increased DIB today per daughter", "breathing", "DIB"),
    ("hx htn, now with dyspnea at rest", "breathing", "dyspnea"),
    ("syncopal episode in the shower", "neuro", "syncopal"),
    # pressure told with a comparison
    ("says it feels like a weight on my chest", "cardiac", "weight on my chest"),
    ("like an elephant sitting on my chest", "cardiac", "elephant sitting on my chest"),
    ("feels like a vise around his chest", "cardiac", "vise around his chest"),
    ("like a vice squeezing her chest", "cardiac", "vice squeezing her chest"),
    ("a tight band around my chest since lunch", "cardiac", "tight band around my chest"),
    ("there's a heaviness in his chest", "cardiac", "heaviness in his chest"),
    ("my chest feels heavy", "cardiac", "chest feels heavy"),
    ("someone is squeezing my chest", "cardiac", "squeezing my chest"),
    # collapse and not responding
    ("dad collapsed in the driveway", "neuro", "collapsed"),
    ("she passed out and won't wake up", "neuro", "passed out"),
    ("wife found him on the floor, not responding", "neuro", "not responding"),
    ("he isn't responding when I talk to him", "neuro", "isn't responding"),
    ("grandma is unresponsive in her chair", "neuro", "unresponsive"),
    ("he's non-responsive", "neuro", "non-responsive"),
    ("I can't wake her up", "neuro", "can't wake her up"),
    # low blood sugar with confusion or shaking
    ("sugar is 45 and she's confused", "low sugar", "sugar is 45 and she's confused"),
    ("blood sugar low and shaky", "low sugar", "sugar low and shaky"),
    ("his sugar dropped to 38 and he is sweaty", "low sugar", "sugar dropped to 38 and he is sweaty"),
    ("BG 42, confused and sweating", "low sugar", "BG 42, confused"),
    ("glucose 51 this am, very shaky", "low sugar", "glucose 51 this am, very shaky"),
    ("low blood sugar and she's not making sense", "low sugar", "low blood sugar and she's not making sense"),
    ("her sugar's been low all morning, now she's confused", "low sugar",
     "sugar's been low all morning, now she's confused"),
    # an overdose told as a number of pills
    ("took 20 of her sleeping pills", "overdose", "took 20"),
    ("swallowed a whole bottle of tylenol", "overdose", "whole bottle"),
    ("he took like 30 tylenol an hour ago", "overdose", "took like 30"),
    ("I think he swallowed 15 of my oxycodone", "overdose", "swallowed 15"),
    ("she took ten of his xanax", "overdose", "took ten"),
    ("took a handful of pills", "overdose", "handful of pills"),
    ("pt took 12 tablets of ambien", "overdose", "took 12"),
    # misspelled in a hurry
    ("chest pian since last night", "cardiac", "chest pian"),
    ("cheast pain when she walks", "cardiac", "cheast pain"),
    ("he can't breath", "breathing", "can't breath"),
    ("trouble breatheing", "breathing", "trouble breatheing"),
    ("is he having a stroek?", "stroke", "stroek"),
    ("had a seizure", "neuro", "seizure"),
    ("had a seisure this morning", "neuro", "seisure"),
    ("she's unconsious", "neuro", "unconsious"),
    ("she was unconcious for a minute", "neuro", "unconcious"),
    ("says hes feeling suicidel", "self-harm", "suicidel"),
    ("his sucidal thoughts are back", "self-harm", "sucidal"),
    ("I think he OD'd on his pain pills", "overdose", "OD'd"),
    ("shortness of breth", "breathing", "shortness of breth"),
    ("daughter says mom is unresponive", "neuro", "unresponive"),
]

# the same people say "no" clearly, or say something that only looks like a red flag
NOT_A_RED_FLAG = [
    "denies chest pain",
    "no trouble breathing",
    "negative for SOB",
    "without shortness of breath",
    "pt denies CP or SOB",
    "she takes 6 pills a day",
    "he swallows 5 pills every morning",
    "has trouble swallowing pills, asks for the liquid",
    "went over dosing with the patient",
    "denies CP/SOB, no LOC",
    "fall yesterday, no LOC, wants ortho referral",
    "no c/o CP",
    "ROS negative for CP or SOB",
    "denies dyspnea",
    "not confused, sugar 45 after skipping lunch, ate juice, now 98",
    "sugar 45 this am, ate and it came up to 110",
    "sugar is 45 and she's not confused",
    "blood sugar log confirmed, not shaky",
    "chest x-ray results",
    "passed the test",
    "took her pills as prescribed",
    "took 2 tylenol for the headache",
    "took 500 mg of tylenol at noon",
    "took 10 mg pill this morning",
    "it took 20 minutes to get through to the pharmacy",
    "wants sugar-free cough syrup",
    "the pharmacy is not responding to our faxes",
    "insurance not responding, resubmitted the PA",
    "lost weight, now 180 lbs",
    "gained weight on metformin",
    "collects chest x-ray report",
    "band practice on Tuesday, needs a sports physical",
    "collapsed vein, lab will redraw on Friday",
    "passed out flyers for the flu clinic",
    "she passed out the intake forms",
]

SHORTHAND_IS_A_WORD = [
    ("SOB", "breathing"), ("Sob", "breathing"), ("sob", "breathing"),
    ("CP", "cardiac"), ("cp", "cardiac"), ("LOC", "neuro"), ("loc", "neuro"),
]

INSIDE_OTHER_WORDS = [
    "he has been SOBER for a year",
    "needs new CPAP supplies",
    "cpap mask is leaking",
    "the clock in the waiting room",
    "BLOCK the 3pm slot",
    "local pharmacy on Main",
    "update his SOBRIETY date",
    "she sobs on the phone about the bill",
]


@pytest.mark.parametrize(("text", "category", "covered"), SAID_THE_WAY_PEOPLE_SAY_IT)
def test_red_flags_said_the_way_people_say_them(text: str, category: str, covered: str) -> None:
    hits = check(text)
    assert hits, f"no hit in {text!r}"
    assert (hits[0].category, text[hits[0].start:hits[0].end]) == (category, covered)
    assert hits[0].words == covered  # the words it matched, as typed, for the panel to show


@pytest.mark.parametrize("text", NOT_A_RED_FLAG)
def test_clear_negations_and_innocent_sentences_do_not_fire(text: str) -> None:
    assert check(text) == [], [(h.phrase, h.words) for h in check(text)]


@pytest.mark.parametrize(("shorthand", "category"), SHORTHAND_IS_A_WORD)
def test_shorthand_is_case_insensitive(shorthand: str, category: str) -> None:
    [hit] = check(f"pt c/o {shorthand} since this morning")
    assert (hit.category, hit.words) == (category, shorthand)
    assert check(f"pt denies {shorthand}") == []


@pytest.mark.parametrize("text", INSIDE_OTHER_WORDS)
def test_shorthand_is_not_found_inside_other_words(text: str) -> None:
    assert check(text) == []


def test_a_past_history_mention_escalates_and_says_which_words() -> None:
    """The VMA never interprets: "had a stroke in 2019" escalates, showing the words that did it."""
    text = "Med refill. Pt had a stroke in 2019, doing well."
    [hit] = check(text)
    assert (hit.category, hit.words) == ("stroke", "stroke")


def test_a_practice_can_write_shorthand_numbers_and_alternatives_in_its_own_list() -> None:
    phrases = ("breathing: SOB", "obstetric: baby|fetus ... not moving",
               "fever: temp|temperature ... >103", "bp: bp ... <80 + dizzy")
    assert [(h.category, h.words) for h in check(
        "Shortness of breath. The fetus isn't moving. Temp 104. BP 75/40, dizzy", phrases)] == [
        ("breathing", "Shortness of breath"), ("obstetric", "fetus isn't moving"), ("fever", "Temp 104"),
        ("bp", "BP 75/40, dizzy")]
    assert check("no SOB. temp 99. bp 120/80 and dizzy", phrases) == []
