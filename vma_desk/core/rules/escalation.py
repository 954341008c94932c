"""Red-flag escalation: find the words in a call, message or refill note that mean "escalate now".

The check runs on every keystroke, so it works on word tokens, not on one regular expression per
phrase: the text is split into words once, each word is reduced to a crude stem (memoised), and only
the words that can start a phrase are tried against that phrase. A phrase list is compiled once and
cached by its tuple of entries.

**Phrase entries** are plain strings, one per configured line: ``"category: words"`` or just
``"words"`` (category `OTHER`). The category (lower-cased) picks the practice's escalation step; the
defaults use cardiac, breathing, stroke, bleeding, self-harm, overdose, allergic, neuro and low sugar.
Words match case-insensitively across spaces, hyphens, quotes and line breaks (not across
``, . ; : ! ?``), with simple variants folded together (plural, -ing, -ed, ``breath``/``breathe``,
``swollen``/``swelling``, ``bled``/``bleeding``, ``can't``/``cannot``/``can not``/``cant``,
``doesn't``/``don't``, "ten" and 10), common misspellings (``shortnes``, ``chest pian``, ``stroek``,
``siezure``, ``unconsious``, ``suicidel``) and the shorthand of notes read as the words it stands for,
a whole word in any case ("SOB" is shortness of breath, "SOBER" is not; also CP, LOC, DIB, SOA, AMS,
CVA, c/o, OD'd), so phrases and negations apply to it unchanged. In a phrase:

- ``...`` stands for zero to three other words, none of them a negation: ``"chest ... tight"``
  matches "chest feels tight", not "chest doesn't feel tight";
- ``a|b`` is either word; ``=took`` is that word as written ("took", not "takes" or "taking");
- ``<70`` is a number under 70 (a reading), ``>4`` a count over 4 that is not followed by a unit
  or a time ("took 20 of her pills", not "took 20 mg" or "took 20 minutes");
- `` + `` means that what follows comes later in the same sentence (up to eight words on, across
  commas, not past a negation): ``"sugar ... <70 + confused|shaky"`` matches "BG 42, confused and
  sweating", not "sugar 45, not confused".

An entry that cannot match anything raises `ValidationError`; services call `validate_phrases` when a
practice saves its list, so `check` never raises on a keystroke. "not responding" / "not responsive"
is dropped when a pharmacy, an insurer, a fax ... is what does not respond, or it is "to" a fax, a
call, a treatment ("the pharmacy is not responding to our faxes"); "collapsed" before "vein", and
"passed out" / "blacked out" before forms, flyers or dates, are not red flags either.

**Negation** drops a hit. It is read backwards from the hit's first word, within its clause:

- A clause ends at ``. ; ! ?``, a line break, a colon (except right after *denies* / *negative for*:
  "Denies: chest pain"), or a word such as *but, however, although, now, still, then, since, except*.
- A cue (*no, not, -n't, never, without, w/o, deny/denies/denied, neither, negative for, free of*)
  negates a hit that follows it directly or after at most four filler words (*any, history of, h/o,
  having, had, been, a, the, longer, signs, symptoms ...*): "denies any chest pain", "never had a
  seizure", "no longer has chest pain" (no longer = not now), "has not had any chest pain".
- The scope carries across a short list (items of at most three words, eight words in all) when the
  joiner right before the hit is *or / and / nor* or a slash ("no fever, cough or chest pain", "no
  shortness of breath or chest pain", "neither chest pain nor ..."), or a comma in a list that goes on
  to close with *or / nor* ("denies chest pain, shortness of breath, or cough"). A comma alone does
  not carry it: "no fever, chest pain since 9" and "denies fever, chest pain and sweating" escalate.
  "no appetite and chest pain" is read as a list and does not: the rule the lists need.
- A cue followed by a comma is an answer ("No, he has chest pain"), and so is "No:"; a cue followed
  by *sure, idea, only, one, way, stop, help, better ...* is not a negation ("not sure if it's chest
  pain", "isn't helping his chest pain", "won't stop, bleeding heavily").
- A negated hit followed within three words of its clause by *like, before, until* counts again
  ("never had chest pain like this", "no chest pain until this morning").
- Nothing written after a hit negates it: "asked about chest pain: yes", "chest pain: denies", "chest
  pain last year, resolved" all escalate (better safe; the VMA records what was done).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

from vma_desk.core.errors import ValidationError

OTHER = "other"

DEFAULT_RED_FLAGS: tuple[str, ...] = (
    "cardiac: chest pain",
    "cardiac: pain in ... chest",
    "cardiac: chest ... hurts",
    "cardiac: chest pressure",
    "cardiac: pressure in ... chest",
    "cardiac: pressure on ... chest",
    "cardiac: chest tightness",
    "cardiac: tightness in ... chest",
    "cardiac: chest ... tight",
    "cardiac: tight ... chest",
    "cardiac: crushing ... chest",
    "cardiac: weight on ... chest",  # pressure told with a comparison: "like a weight on my chest"
    "cardiac: elephant ... chest",
    "cardiac: vise|vice ... chest",
    "cardiac: band around ... chest",
    "cardiac: squeezing ... chest",
    "cardiac: chest ... squeezing",
    "cardiac: heaviness in ... chest",
    "cardiac: chest heaviness",
    "cardiac: chest ... heavy",
    "cardiac: heart attack",  # bare, like "stroke": a history escalates too, a missed call costs more
    "breathing: shortness of breath",
    "breathing: short of breath",
    "breathing: trouble breathing",
    "breathing: difficulty breathing",
    "breathing: hard to breathe",
    "breathing: hard time breathing",
    "breathing: struggling to breathe",
    "breathing: can't breathe",
    "breathing: unable to breathe",
    "breathing: can't catch ... breath",
    "breathing: can't get ... air",
    "breathing: gasping for",
    "breathing: not breathing",
    "breathing: stopped breathing",
    "breathing: breathless",
    "breathing: turning blue",
    "breathing: dyspnea|dyspnoea|dyspneic",  # "SOB", "SOA", "DIB" are read as the words they stand for
    "stroke: face drooping",
    "stroke: face ... drooping",
    "stroke: drooping ... face",
    "stroke: facial droop",
    "stroke: mouth ... drooping",
    "stroke: drooping on one side",
    "stroke: slurred speech",
    "stroke: slurring",
    "stroke: speech ... slurred",
    "stroke: slurring ... words",
    "stroke: words ... slurred",
    "stroke: trouble speaking",
    "stroke: unable to speak",
    "stroke: arm weakness",
    "stroke: weakness in ... arm",
    "stroke: arm ... weak",
    "stroke: one sided weakness",
    "stroke: weakness on one side",
    "stroke: weak on one side",
    "stroke: numbness on one side",
    "stroke: numb on one side",
    "stroke: arm ... numb",
    "stroke: numbness in ... arm",
    "stroke: face ... numb",
    "stroke: numbness in ... face",
    "stroke: can't move ... arm",
    "stroke: can't lift ... arm",
    "stroke: sudden numbness",
    "stroke: sudden weakness",
    "stroke: sudden confusion",
    "stroke: suddenly ... confused",
    "stroke: stroke",
    "bleeding: severe bleeding",
    "bleeding: heavy bleeding",
    "bleeding: bleeding heavily",
    "bleeding: bleeding badly",
    "bleeding: bleeding a lot",
    "bleeding: lots of blood",
    "bleeding: bleeding ... won't stop",
    "bleeding: bleeding ... not stop",
    "bleeding: won't stop ... bleeding",
    "bleeding: not stop ... bleeding",
    "bleeding: hemorrhaging",
    "bleeding: coughing up blood",
    "bleeding: vomiting blood",
    "bleeding: throwing up blood",
    "self-harm: suicidal",
    "self-harm: suicide",
    "self-harm: kill myself",
    "self-harm: kill himself",
    "self-harm: kill herself",
    "self-harm: kill themselves",
    "self-harm: want to die",
    "self-harm: want to be dead",
    "self-harm: better off dead",
    "self-harm: wish ... dead",
    "self-harm: don't want to live",
    "self-harm: not want to live",
    "self-harm: end my life",
    "self-harm: end his life",
    "self-harm: end her life",
    "self-harm: end it all",
    "self-harm: take ... own life",
    "self-harm: hurt myself",
    "self-harm: harm myself",
    "self-harm: self harm",
    "overdose: overdose",
    "overdose: took too many",
    "overdose: took too much",
    "overdose: too many pills",
    "overdose: whole bottle",
    "overdose: entire bottle",
    "overdose: bunch of pills",
    "overdose: =swallowed ... pills",  # not "trouble swallowing pills"
    # a number of pills taken: "took 20 of her sleeping pills", not "took 20 mg" or "takes 6 a day"
    "overdose: =took >4",
    "overdose: =took about|like|around|maybe|over|almost|nearly|roughly|approximately >4",
    "overdose: =swallowed >4",
    "overdose: =swallowed about|like|around|maybe|over|almost|nearly|roughly|approximately >4",
    "overdose: handful of ... pills|tablets|tabs|capsules|caps|meds|medications|medicine",
    "allergic: anaphylaxis",
    "allergic: anaphylactic",
    "allergic: severe allergic reaction",
    "allergic: throat ... swelling",
    "allergic: swelling ... throat",
    "allergic: throat ... closing",
    "allergic: tongue ... swelling",
    "allergic: swelling ... tongue",
    "allergic: lips ... swelling",
    "allergic: swelling ... lips",
    "allergic: face ... swelling",
    "allergic: swelling ... face",
    "neuro: seizure",
    "neuro: seizing",
    "neuro: convulsion",
    "neuro: convulsing",
    "neuro: unconscious",
    "neuro: unresponsive",
    "neuro: passed out",
    "neuro: passing out",
    "neuro: blacked out",
    "neuro: fainted",
    "neuro: won't wake ... up",
    "neuro: not wake ... up",
    "neuro: worst headache",
    "neuro: loss of consciousness",  # and "LOC"
    "neuro: lost consciousness",
    "neuro: losing consciousness",
    "neuro: syncope|syncopal",
    "neuro: collapsed",
    "neuro: not responding",  # unless a pharmacy or an insurer is what does not respond
    "neuro: not responsive",
    "neuro: non responsive",
    "neuro: nonresponsive|unarousable",
    "neuro: altered mental status",  # and "AMS"
    # low blood sugar with confusion or shaking: "sugar is 45 and she's confused", "BG 42, shaky"
    "low sugar: sugar|glucose|bg|bs|cbg|fsbs|fsbg ... <70 + "
    "confused|confusion|shaky|shaking|sweaty|sweating|clammy|disoriented|lethargic|combative|dizzy",
    "low sugar: sugar|glucose ... low + "
    "confused|confusion|shaky|shaking|sweaty|sweating|clammy|disoriented|lethargic|combative|dizzy",
    "low sugar: low ... sugar|glucose + "
    "confused|confusion|shaky|shaking|sweaty|sweating|clammy|disoriented|lethargic|combative|dizzy",
    "low sugar: hypoglycemia|hypoglycemic|hypo + "
    "confused|confusion|shaky|shaking|sweaty|sweating|clammy|disoriented|lethargic|combative|dizzy",
    "low sugar: sugar|glucose|bg|bs|cbg|fsbs|fsbg ... <70 + not making sense",
    "low sugar: sugar|glucose ... low + not making sense",
    "low sugar: low ... sugar|glucose + not making sense",
)


@dataclass(frozen=True)
class RedFlagHit:
    """One red flag found in a text; `start`/`end` are offsets into the original text (end exclusive),
    `words` the text between them as typed ("CP" for the phrase "chest pain"): what a form shows."""

    phrase: str
    category: str
    start: int
    end: int
    words: str = field(default="", compare=False)

    @property
    def said(self) -> str:
        """The words as typed on one line, else the phrase: what a message about the hit quotes."""
        return " ".join((self.words or self.phrase).split())


def check(text: str, phrases: Sequence[str] = DEFAULT_RED_FLAGS) -> list[RedFlagHit]:
    """The red flags in `text` that are not negated, in order of position, never overlapping."""
    if not text:
        return []
    index = _compile(tuple(phrases))
    matches = list(_TOKEN.finditer(text))
    tokens = [m.group() for m in matches]
    # most keystrokes land in notes without a single word that starts a phrase: answer those from the
    # distinct words alone, before building the word list
    if not any(stem in index for token in set(tokens) for stem in _stems(token)):
        return []
    words = _words(tokens)
    found: list[tuple[int, int, _Flag]] = []
    negated: dict[int, bool] = {}  # a hit's last word -> negated, for lists that carry a negation
    for first, last, flag in _find(words, index):
        if flag.pattern[-1] in _RESPONDING and not _about_a_person(words, first, last):
            continue
        if _not_after(words, flag.pattern[-1], last):
            continue
        negated[last] = _negated(words, first, last, negated)
        if not negated[last]:
            found.append((first, last, flag))
    hits = []
    for first, last, flag in found:
        start, end = matches[words.tokens[first]].start(), matches[words.tokens[last]].end()
        hits.append(RedFlagHit(flag.phrase, flag.category, start, end, text[start:end]))
    return hits


def validate_phrases(phrases: Sequence[str]) -> None:
    """Raise `ValidationError` on the field ``red_flags`` for an entry that could never match."""
    _compile(tuple(phrases))


# --- words and stems ----------------------------------------------------------------------------

# A word keeps inner apostrophes ("can't", "she's") and a one-letter slash ("w/o", "h/o", "c/o"; see
# `_stems` for "pain/a"); separators that matter to a clause are tokens too.
_TOKEN = re.compile(r"\w+(?:['\u2019\u2018`]\w+)*(?:/[A-Za-z](?![\w/]))?|[.;:!?\u2026,/&\n]")

# Separator flags between two words: a phrase may cross only a line break; negation stops at a line
# break, a colon or the end of a sentence (a colon right after "denies" excepted: "Denies: chest pain").
_COMMA, _SLASH, _NEWLINE, _COLON, _BOUND = 1, 2, 4, 8, 16
_STOPS = _NEWLINE | _COLON | _BOUND
_SEPARATOR = {",": _COMMA, "/": _SLASH, "&": _SLASH, "\n": _NEWLINE, ":": _COLON}
_SEPARATOR.update(dict.fromkeys(".;!?\u2026", _BOUND))

_NOT_CONTRACTED = {  # apostrophe-less forms people type on a phone
    "cant": ("can", "not"), "cannot": ("can", "not"), "wont": ("will", "not"), "dont": ("do", "not"),
    "doesnt": ("does", "not"), "didnt": ("did", "not"), "isnt": ("is", "not"), "wasnt": ("was", "not"),
    "arent": ("are", "not"), "werent": ("were", "not"), "havent": ("have", "not"),
    "hasnt": ("has", "not"), "hadnt": ("had", "not"), "couldnt": ("could", "not"),
    "wouldnt": ("would", "not"), "shouldnt": ("should", "not"), "aint": ("is", "not"),
}
_N_T_BASE = {"ca": "can", "wo": "will", "ai": "is", "sha": "shall"}
_CLITICS = ("'s", "'re", "'m", "'ve", "'ll", "'d")

# irregular forms and frequent misspellings, mapped before stemming
_SPELLING = {
    "bled": "bleed", "swollen": "swell", "swole": "swell", "took": "take", "taken": "take",
    "dying": "die", "shortnes": "shortness", "shortniss": "shortness", "breth": "breath",
    "breating": "breathing", "brething": "breathing", "cheast": "chest", "siezure": "seizure",
    "sezure": "seizure", "seziure": "seizure", "unconcious": "unconscious", "unconsious": "unconscious",
    "anaphalaxis": "anaphylaxis", "anaphylaxsis": "anaphylaxis", "suicidle": "suicidal",
    "w/o": "without", "h/o": "history", "c/o": "complain",
    "pian": "pain", "chset": "chest", "breatheing": "breathing", "breathng": "breathing",
    "braething": "breathing", "stroek": "stroke", "storke": "stroke", "strok": "stroke",
    "seisure": "seizure", "seizur": "seizure", "seazure": "seizure", "seaizure": "seizure",
    "siezing": "seizing", "unconscius": "unconscious", "unconsciuos": "unconscious",
    "unconcsious": "unconscious", "unconscous": "unconscious", "concious": "conscious",
    "consiousness": "consciousness", "conciousness": "consciousness", "suicidel": "suicidal",
    "sucidal": "suicidal", "suicdal": "suicidal", "suacidal": "suicidal", "sucide": "suicide",
    "suiside": "suicide", "suicde": "suicide", "unresponive": "unresponsive",
    "unresposive": "unresponsive", "unrepsonsive": "unresponsive", "collasped": "collapsed",
    "colapsed": "collapsed", "bleading": "bleeding", "anaphalactic": "anaphylactic",
    "anaphylatic": "anaphylactic", "overdossed": "overdosed", "overdoesed": "overdosed",
    # numbers people spell out when they count pills
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
    "twelve": "12", "fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
    "hundred": "100", "dozen": "12",
}
# run-together words and the shorthand typed in notes, each a word of its own ("SOB", not "SOBER";
# "cp", not "cpap"; any case): read as the words they stand for, so phrases and negations apply
_JOINED = {
    "chestpain": ("chest", "pain"), "cp": ("chest", "pain"),
    "sob": ("shortness", "of", "breath"), "soa": ("shortness", "of", "breath"),
    "soboe": ("shortness", "of", "breath"), "dib": ("difficulty", "breathing"),
    "loc": ("loss", "of", "consciousness"), "ams": ("altered", "mental", "status"),
    "cva": ("stroke",), "od'd": ("overdosed",), "unresp": ("unresponsive",),
}
_VOWELS = frozenset("aeiouy")


def _stem(word: str) -> str:
    """A crude stem: enough to fold plural, -ing and -ed forms together, applied alike to text and phrases."""
    w = _SPELLING.get(word, word)
    suffix_verb = False
    if w.endswith("ing") and len(w) > 5 and _VOWELS.intersection(w[:-3]):
        w, suffix_verb = w[:-3], True
    elif w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ed") and len(w) > 3 and not w.endswith("eed") and _VOWELS.intersection(w[:-2]):
        w, suffix_verb = w[:-2], True
    elif w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("es") and len(w) > 3:
        w = w[:-2]
    elif w.endswith("s") and len(w) > 3 and not w.endswith("ss"):
        w = w[:-1]
    if suffix_verb and len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz" and w[-1] not in _VOWELS:
        w = w[:-1]  # slurring -> slur, stopped -> stop
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]  # breathe ~ breath, take ~ taking
    return w


_STEMS: dict[str, tuple[str, ...]] = {}


def _stems(token: str) -> tuple[str, ...]:
    """The stems one written word stands for (two for "can't"), memoised: a note repeats its words."""
    found = _STEMS.get(token)
    if found is not None:
        return found
    w = token.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    if "_" in w or "/" in w and w.index("/") > 1:  # "chest_pain", "pain/a": two words; "h/o": one
        found = tuple(stem for part in re.split(r"[_/]", w) if part for stem in _stems(part))
    else:
        found = tuple(_stem(x) for x in _spelled_out(w) if x)
    if len(_STEMS) > 50_000:  # typed text is unbounded; the vocabulary of a session is not
        _STEMS.clear()
    _STEMS[token] = found
    return found


def _spelled_out(w: str) -> tuple[str, ...]:
    """The words a lower-cased written word stands for: "can't" is "can not", "she's" is "she"."""
    if w in _NOT_CONTRACTED:
        return _NOT_CONTRACTED[w]
    if w in _JOINED:
        return _JOINED[w]
    if w.endswith("n't"):
        base = w[:-3]
        return (_N_T_BASE.get(base, base), "not")
    for clitic in _CLITICS:
        if w.endswith(clitic):
            return (w[: -len(clitic)],)
    return (w,)


@dataclass
class _Words:
    stems: list[str]
    tokens: list[int]  # the token each stem comes from ("can't" gives two stems), for its offsets
    seps: list[int]  # separator flags between the previous word and this one
    texts: list[str]  # the tokens as written, for an "=word" element


def _words(tokens: list[str]) -> _Words:
    stems: list[str] = []
    indexes: list[int] = []
    seps: list[int] = []
    pending = _BOUND  # the text's start ends any clause
    separator, memo = _SEPARATOR.get, _STEMS.get
    for i, token in enumerate(tokens):
        flag = separator(token)
        if flag is not None:
            pending |= flag
            continue
        for stem in memo(token) or _stems(token):
            stems.append(stem)
            indexes.append(i)
            seps.append(pending)
            pending = 0
    return _Words(stems, indexes, seps, tokens)


def _stem_set(*words: str) -> frozenset[str]:
    return frozenset(s for w in words for s in _stems(w))


# --- phrases ------------------------------------------------------------------------------------

_GAP = ""  # a pattern element: up to _GAP_WORDS other words
_GAP_WORDS = 3
_LATER = "+"  # a pattern element: what follows comes later in the same sentence
_LATER_WORDS = 8
_CATEGORY = re.compile(r"\s*([A-Za-z][A-Za-z -]{0,30}?)\s*:(.*)", re.DOTALL)
_NUMBER = re.compile(r"([<>])(\d{1,4})")


@dataclass(frozen=True)
class _Number:
    """A number in [low, high]; a count ("took 20") is not one followed by a unit ("took 20 mg")."""

    low: int
    high: int
    count: bool


@dataclass(frozen=True)
class _Literal:
    """A word as written, not folded ("=took" is not "takes")."""

    text: str


_Element = str | frozenset[str] | _Number | _Literal


@dataclass(frozen=True)
class _Flag:
    phrase: str
    category: str
    pattern: tuple[_Element, ...]  # stems, alternatives, numbers, words as written, _GAP and _LATER
    # the words after the first that a text must hold somewhere for the phrase to be tried at all
    needs: frozenset[str] = frozenset()
    needs_one_of: tuple[frozenset[str], ...] = ()


def _parse(entry: str) -> _Flag:
    m = _CATEGORY.fullmatch(entry)
    category, text = (m.group(1).strip().lower(), m.group(2)) if m else (OTHER, entry)
    phrase = " ".join(text.split())
    pattern: list[_Element] = []
    for i, part in enumerate(phrase.replace("\u2026", "...").split("...")):
        if i:
            pattern.append(_GAP)
        pattern.extend(_elements(part, phrase))
    if all(e in (_GAP, _LATER) for e in pattern):
        raise ValidationError("red_flags", f"The entry {entry.strip()!r} has no words to look for.")
    if pattern[0] in (_GAP, _LATER) or pattern[-1] in (_GAP, _LATER) or any(
            a in (_GAP, _LATER) and b in (_GAP, _LATER) for a, b in zip(pattern, pattern[1:], strict=False)):
        raise ValidationError("red_flags", f"In {phrase!r}, \"...\" and \"+\" must stand between two words.")
    if isinstance(pattern[0], _Number):
        raise ValidationError("red_flags", f"In {phrase!r}, put a word before the number.")
    rest = pattern[1:]
    return _Flag(phrase, category, tuple(pattern),
                 frozenset(e for e in rest if type(e) is str and e not in (_GAP, _LATER)),
                 tuple(e for e in rest if type(e) is frozenset))


def _elements(part: str, phrase: str) -> list[_Element]:
    """The pattern elements of the words of a phrase between two "...": "a|b" is either word, "<70" a
    number under 70, ">4" a count over 4, "=took" that word as written, "+" later in the sentence."""
    elements: list[_Element] = []
    for chunk in part.split():
        number = _NUMBER.fullmatch(chunk)
        if chunk == _LATER:
            elements.append(_LATER)
        elif number:
            limit = int(number.group(2))
            elements.append(_Number(0, limit - 1, False) if number.group(1) == "<"
                            else _Number(limit + 1, 10**6, True))
        elif "|" in chunk or chunk.startswith("="):
            words = [w for w in chunk.removeprefix("=").split("|") if w]
            stems = [_stems(w) for w in words]
            if not stems or any(len(s) != 1 for s in stems) or (chunk.startswith("=") and len(words) > 1):
                raise ValidationError("red_flags", f"In {phrase!r}, {chunk!r} must be single words.")
            elements.append(_Literal(words[0].lower()) if chunk.startswith("=")
                            else frozenset(s for (s,) in stems))
        else:
            elements.extend(s for m in _TOKEN.finditer(chunk) if m.group() not in _SEPARATOR
                            for s in _stems(m.group()))
    return elements


def _keys(element: _Element) -> tuple[str, ...]:
    """The stems a phrase's first element is indexed by."""
    if isinstance(element, frozenset):
        return tuple(element)
    if isinstance(element, _Literal):
        return _stems(element.text)
    return (element,) if isinstance(element, str) else ()


@lru_cache(maxsize=16)
def _compile(entries: tuple[str, ...]) -> dict[str, list[_Flag]]:
    """The flags indexed by the stem they start with, longest first so the fullest phrase wins."""
    index: dict[str, list[_Flag]] = {}
    for entry in entries:
        flag = _parse(entry)
        for key in _keys(flag.pattern[0]):
            index.setdefault(key, []).append(flag)
    for flags in index.values():
        flags.sort(key=lambda f: -len(f.pattern))
    return index


def _fits(element: _Element, words: _Words, i: int) -> bool:
    """Does word i fit an element that is not a plain stem?"""
    stem = words.stems[i]
    if isinstance(element, frozenset):
        return stem in element
    if isinstance(element, _Literal):
        return words.texts[words.tokens[i]].lower() == element.text
    if isinstance(element, _Number):
        if not (stem.isascii() and stem.isdigit() and element.low <= int(stem) <= element.high):
            return False
        return not element.count or i + 1 == len(words.stems) or words.stems[i + 1] not in _NOT_COUNTED
    return stem == element


def _match(words: _Words, pattern: tuple[_Element, ...], k: int, i: int, *, anywhere: bool = False) -> int:
    """The index of the last word when pattern[k:] matches from word i (pattern[k-1] just matched
    at i-1), else -1. Words of one phrase may be split by spaces, hyphens or a line break only
    (`anywhere`: word i may follow any separator, for the element after a "+")."""
    stems, seps, n = words.stems, words.seps, len(words.stems)
    element = pattern[k]
    if element == _LATER:
        for j in range(i, min(i + _LATER_WORDS, n)):
            if seps[j] & (_BOUND | _NEWLINE):
                return -1
            last = _match(words, pattern, k + 1, j, anywhere=True)
            if last >= 0:
                return last
            if stems[j] in _CUES:  # "sugar 45, not confused"
                return -1
        return -1
    if element == _GAP:
        for skip in range(_GAP_WORDS + 1):
            j = i + skip
            if j >= n or seps[j] & ~_NEWLINE:
                return -1
            last = _match(words, pattern, k + 1, j)
            if last >= 0:
                return last
            if stems[j] in _CUES:  # "chest ... tight" must not read "chest doesn't feel tight"
                return -1
        return -1
    if i >= n or (stems[i] != element if type(element) is str else not _fits(element, words, i)) or (
            seps[i] & ~_NEWLINE and not anywhere):
        return -1
    return i if k + 1 == len(pattern) else _match(words, pattern, k + 1, i + 1)


def _find(words: _Words, index: dict[str, list[_Flag]]) -> list[tuple[int, int, _Flag]]:
    present = set(words.stems)  # a phrase whose other words are not in the text is not tried
    hits: list[tuple[int, int, _Flag]] = []
    after = 0  # the first word not yet covered by a hit: hits never overlap
    get = index.get
    for i, stem in enumerate(words.stems):
        flags = get(stem)
        if flags is None or i < after:
            continue
        best: tuple[int, int, _Flag] | None = None
        for flag in flags:
            if not flag.needs <= present or any(present.isdisjoint(one) for one in flag.needs_one_of):
                continue
            if type(flag.pattern[0]) is _Literal and not _fits(flag.pattern[0], words, i):
                continue
            last = i if len(flag.pattern) == 1 else _match(words, flag.pattern, 1, i + 1)
            if last >= 0 and (best is None or last > best[1]):
                best = (i, last, flag)
        if best is not None:
            hits.append(best)
            after = best[1] + 1
    return hits


# words after a count that make it a dose or a time, not pills: "took 20 mg", "took 20 minutes"
_NOT_COUNTED = _stem_set(
    "mg", "mcg", "g", "gm", "gram", "milligram", "ml", "cc", "unit", "iu", "puff", "drop", "percent",
    "second", "sec", "minute", "min", "mins", "hour", "hr", "hrs", "day", "week", "wk", "month", "year", "yr",
    "time", "am", "pm", "o'clock", "dollar", "lb", "lbs", "pound", "kg", "mile", "step", "call", "try",
)

# "not responding" is about a person unless a pharmacy, an insurer or a fax is what does not respond
_RESPONDING = _stem_set("responding", "responsive")
_NOT_PEOPLE = _stem_set("pharmacy", "insurance", "insurer", "payer", "portal", "office", "fax", "system",
                        "app", "website", "site", "computer", "phone", "printer", "server", "line", "lab",
                        "plan", "specialist", "clinic", "email")
_NOT_PEOPLE_THINGS = _stem_set("fax", "call", "email", "message", "text", "voicemail", "letter", "request",
                               "page", "portal", "referral", "treatment", "antibiotic", "medication",
                               "medicine", "therapy")
_DETERMINERS = _stem_set("our", "my", "the", "his", "her", "their", "your", "any", "a")


# the word right after a hit's last word that makes it something else: a collapsed vein, flyers
# passed out, dates blacked out
_NOT_AFTER = {
    _stem("collapsed"): _stem_set("vein", "veins"),
    _stem("out"): _stem_set("flyer", "form", "paper", "handout", "sample", "card", "date", "name",
                            "section", "information", "info", "copy", "brochure"),
}


def _not_after(words: _Words, element: object, last: int) -> bool:
    """Is one of the next three words of the clause (no separator between) a `_NOT_AFTER` word?"""
    spoilers = _NOT_AFTER.get(element) if type(element) is str else None
    if not spoilers:
        return False
    for j in range(last + 1, min(last + 4, len(words.stems))):
        if words.seps[j]:
            return False
        if words.stems[j] in spoilers:
            return True
    return False


def _about_a_person(words: _Words, first: int, last: int) -> bool:
    """Is a "not responding" hit about someone ("found him not responding"), not a pharmacy not
    answering faxes or an infection not responding to antibiotics?"""
    stems, seps = words.stems, words.seps
    for j in range(first - 1, max(first - 5, -1), -1):
        if seps[j + 1] & (_BOUND | _NEWLINE):
            break
        if stems[j] in _NOT_PEOPLE:
            return False
    after = last + 1
    if after >= len(stems) or stems[after] != "to" or seps[after]:
        return True
    following = stems[after + 1:after + 3]
    if following and following[0] in _DETERMINERS:
        following = following[1:]
    return not (following and following[0] in _NOT_PEOPLE_THINGS)


# --- negation -----------------------------------------------------------------------------------

_CUES = _stem_set("no", "not", "never", "without", "denies", "neither")
_TWO_WORD_CUES = {(_stem("negative"), "for"), (_stem("free"), "of")}
_ANSWERS = _stem_set("no", "not")  # "No: chest pain since 9" answers a question; "Denies:" lists
# after a cue these make it something else: an answer, a doubt, or a complaint ("isn't helping")
_PSEUDO = _stem_set("sure", "certain", "know", "idea", "only", "just", "one", "way", "matter", "doubt",
                    "help", "improve", "better", "go", "going", "work", "stop", "relief", "change", "clear")
_FILLERS = _stem_set(
    "any", "a", "an", "the", "history", "hx", "of", "have", "has", "had", "been", "experienced",
    "feeling", "felt", "complaints", "complain", "signs", "symptoms", "episodes", "recent", "new",
    "further", "more", "current", "currently", "longer", "significant", "known", "prior", "previous",
    "reported", "evidence", "problems", "issues", "with", "really", "other", "obvious", "acute",
)
_JOINERS = _stem_set("or", "and", "nor")
_CLOSERS = _stem_set("or", "nor")  # a negated list closes with or; "no fever, chest pain and ..." may not
_TERMINATORS = _stem_set("but", "however", "although", "though", "yet", "except", "now", "still",
                         "then", "since", "because", "while", "whereas")
_REVIVERS = _stem_set("like", "before", "until", "till", "til")
_WALK_WORDS = 10
_FILLER_WORDS = 4
_LIST_WORDS = 8
_ITEM_WORDS = 3

# elements of a gap read between a cue (or an earlier hit) and a hit
_WEAK_JOIN, _STRONG_JOIN = ",", "/"


def _negated(words: _Words, first: int, last: int, earlier: dict[int, bool]) -> bool:
    if not _negated_before(words, first, last, earlier):
        return False
    stems, seps = words.stems, words.seps
    for j in range(last + 1, min(last + 4, len(stems))):
        if seps[j] & _STOPS:
            break
        if stems[j] in _REVIVERS:
            return False
    return True


def _negated_before(words: _Words, first: int, last: int, earlier: dict[int, bool]) -> bool:
    """Walk back from the hit's first word, collecting the gap, to a cue, an earlier hit or a clause end."""
    stems, seps = words.stems, words.seps
    gap: list[str] = []  # backwards: stems and joiner marks
    j = first
    for _ in range(_WALK_WORDS):
        sep = seps[j]
        if sep & _STOPS and not (sep == _COLON and j > 0 and _is_cue(stems, j - 1)
                                 and stems[j - 1] not in _ANSWERS):
            return False
        if sep & _SLASH:
            gap.append(_STRONG_JOIN)
        elif sep & _COMMA:
            gap.append(_WEAK_JOIN)
        j -= 1
        stem = stems[j]
        if j in earlier:
            return earlier[j] and _is_list(gap[::-1], words, last, after_hit=True)
        if stem in _TERMINATORS:
            return False
        if _is_cue(stems, j):
            forward = gap[::-1]
            next_stem = stems[j + 1]
            if not (next_stem in _PSEUDO and j + 1 < first) and not (forward and forward[0] in (
                    _WEAK_JOIN, _STRONG_JOIN)):
                return _fillers_only(forward) or _is_list(forward, words, last, after_hit=False)
        gap.append(_STRONG_JOIN if stem in _JOINERS else stem)
    return False


def _is_cue(stems: list[str], j: int) -> bool:
    return stems[j] in _CUES or (j > 0 and (stems[j - 1], stems[j]) in _TWO_WORD_CUES)


def _fillers_only(gap: list[str]) -> bool:
    return len(gap) <= _FILLER_WORDS and all(g in _FILLERS for g in gap)


def _is_list(gap: list[str], words: _Words, last: int, *, after_hit: bool) -> bool:
    """Is `gap` the rest of a short list, the hit (ending at word `last`) one of its items? The joiner
    right before the hit is or/and/nor/slash, or a comma when the list goes on to close with or/nor
    ("denies fever, chest pain, or cough"). After an earlier hit the gap opens with a joiner ("chest
    pain, fever or ..."); after a cue it may open with fillers ("no history of fever or ...")."""
    while gap and gap[-1] in _FILLERS:  # "or any chest pain"
        gap = gap[:-1]
    if not gap or not (gap[-1] == _STRONG_JOIN or gap[-1] == _WEAK_JOIN and _list_closes(words, last)):
        return False
    if after_hit:
        if gap[0] not in (_WEAK_JOIN, _STRONG_JOIN):
            return False
    else:
        while gap and gap[0] in _FILLERS:
            gap = gap[1:]
    items, size = [], 0
    for g in gap:
        if g in (_WEAK_JOIN, _STRONG_JOIN):
            items.append(size)
            size = 0
        else:
            size += 1
    items.append(size)
    return sum(items) <= _LIST_WORDS and max(items) <= _ITEM_WORDS


def _list_closes(words: _Words, last: int) -> bool:
    """Does a comma list go on after word `last` to an or/nor in the same clause, in short items?"""
    stems, seps = words.stems, words.seps
    item = 0
    for j in range(last + 1, min(last + 1 + _LIST_WORDS, len(stems))):
        sep = seps[j]
        if sep & _STOPS or stems[j] in _TERMINATORS:
            return False
        if sep & _SLASH or stems[j] in _CLOSERS:
            return True
        item = 1 if sep & _COMMA else item + 1
        if item > _ITEM_WORDS:
            return False
    return False


# --- a search's quick answers --------------------------------------------------------------------

#: the stems that can begin a negation: a cue, or the first word of a two-word cue ("negative for")
_NEGATION_STARTS = _CUES | {first for first, _second in _TWO_WORD_CUES}
#: a character that joins the word next to it into one token ("O'Neil", "w/o", a longer word)
_JOINS = re.compile(r"[\w'\u2019\u2018`/]")


def can_negate(text: str) -> bool:
    """Whether a word of `text` can begin a negation ("no", "denies", "can't", "w/o", "negative"
    of "negative for" ...): without one, `check` drops no hit of `text` as negated."""
    found = set(_TOKEN.findall(text))
    known = list(map(_STEMS.get, found))
    stems = [_stems(token) for token in found] if None in known else cast(list[tuple[str, ...]], known)
    return not _NEGATION_STARTS.isdisjoint(itertools.chain.from_iterable(stems))


def read_as_written(text: str, start: int, end: int) -> bool:
    """True only when `check(text, (phrase,))`, `phrase` being the words at text[start:end]
    (lower-cased), surely returns a hit on those very words unless one is negated (`can_negate`):
    they are ASCII words read as `check` reads them (nothing joined on before or after), and the last
    is not one whose hits are dropped for the words around it ("not responding", "collapsed", "passed
    out"); the phrase, read as its own red flag, is then found where it stands. False: not sure.
    With `can_negate`, what lets a search (`core.rules.search`) skip `check` for most notes."""
    words = text[start:end]
    if not words.isascii() or (start and _JOINS.match(text, start - 1)) or _JOINS.match(text, end):
        return False
    tokens = [t for t in _TOKEN.findall(words) if t not in _SEPARATOR]
    last = _stems(tokens[-1]) if tokens else ()
    return bool(last) and last[-1] not in _RESPONDING and last[-1] not in _NOT_AFTER
