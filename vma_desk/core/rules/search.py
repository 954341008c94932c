"""How search results are ranked: by what the text says about the words searched for, then newest first.

A search finds every call or message holding all the typed words (each a prefix, as the search box
works while typing). Among those, what was *said* comes first:

1. `Said.PHRASE`: the words together, in the order typed, not negated ("chest pain since 9").
2. `Said.WORDS`: every word said, but not together ("pain in the chest", "chest hurts, pain 7/10").
3. `Said.NEGATED`: the words only under a negation ("no chest pain", "denies chest pain", "without
   chest pain", "negative for chest pain"), or one of the words only so ("no chest X-ray, pain in
   the abdomen" for "chest pain").

Within each, newer above older. Negation is the red-flag detector's own reading
(`escalation.check`), asked about the very words of the text, so a search and an escalation never
disagree on what "denies any chest pain" means.

Words are read the way the FTS5 index reads them (letters and digits, case and accents folded); the
words of a phrase may be split by spaces, hyphens, quotes or a line break, as a red-flag phrase's.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from enum import IntEnum
from functools import lru_cache
from typing import TypeVar

from vma_desk.core.errors import ValidationError
from vma_desk.core.rules import escalation

T = TypeVar("T")

_WORD = re.compile(r"[^\W_]+")
_WORDS_BETWEEN = re.compile(r"([^\W_]+)")  # `_WORD`, kept by re.split
#: what may stand between two words of one phrase, as for a red-flag phrase: spaces, line breaks, hyphens,
#: quotes (and nothing the red-flag phrase syntax reads: | < > = +)
_GAP = r"[\s\-'\"\u2018\u2019\u201c\u201d]+"
_CLAUSE_MARKS = ".;!?\n\u2026"  # where the red-flag reading of a negation stops too
_WORDS_BEFORE, _WORDS_AFTER = 12, 9  # what `escalation` reads around a hit (10 and 8), and a margin


#: the red-flag readings of one search, by (words around a match, the words matched): its ranking
#: and its snippets read the same notes; kept for one search only, it holds what the notes say
Memo = dict[tuple[str, str], list[escalation.RedFlagHit]]
_Memo = Memo


class Said(IntEnum):
    """How a text holds the searched words, best first."""

    PHRASE = 0
    WORDS = 1
    NEGATED = 2


def fold(word: str) -> str:
    """A word as the index keeps it: lower case, accents removed ('Pérez' -> 'perez')."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _fold_in_place(text: str) -> str:
    """`fold` one character at a time, keeping every offset ('É' -> 'e')."""
    if text.isascii():
        return text.lower()
    return "".join((fold(ch) or ch)[:1] for ch in text)


def terms(typed: str) -> list[str]:
    """The words a person typed, folded: each is looked for as the start of a word."""
    return [fold(w) for w in _WORD.findall(typed)]


@lru_cache(maxsize=32)
def _patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """The phrase, and each word alone, as patterns over folded text, matched where a word starts."""
    each = tuple(rf"{re.escape(w)}\w*" for w in words)
    return re.compile(_GAP.join(each)), tuple(re.compile(p) for p in each)


def _spans(folded: str, word: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Where `pattern` (starting with `word`) matches at the start of a word: found with str.find,
    several times faster than a regular expression's search over each note a search reads."""
    at = folded.find(word)
    while at >= 0:
        inside = at and (folded[at - 1].isalnum() or folded[at - 1] == "_")  # "pain" in "Spain"
        found = None if inside else pattern.match(folded, at)
        if found:
            yield found.span()
        at = folded.find(word, found.end() if found else at + 1)


def said(text: str, words: Sequence[str], memo: _Memo | None = None) -> Said:
    """How `text` holds `words` (folded, each a prefix; see `terms`). `memo` keeps the red-flag
    readings of one search (notes written from the same template read alike); never keep it longer,
    it holds what the notes say."""
    return _reading(text, words, memo)[0]


def _reading(text: str, words: Sequence[str], memo: _Memo | None = None) -> tuple[Said, int]:
    """`said`, and where in the text to show it: the phrase said, else the first phrase or word."""
    key = tuple(w for w in words if w)
    if not key:
        return Said.WORDS, 0
    phrase, alone = _patterns(key)
    folded = _fold_in_place(text)
    affirmed = _Negation(text, {} if memo is None else memo)
    denied: list[tuple[int, int]] = []
    for start, end in _spans(folded, key[0], phrase):
        if affirmed(start, end):
            return Said.PHRASE, start
        denied.append((start, end))
    for word, pattern in zip(key, alone, strict=True):
        places = list(_spans(folded, word, pattern))
        if places and not any(not any(s <= start < e for s, e in denied) and affirmed(start, end)
                              for start, end in places):
            return Said.NEGATED, _first(folded, denied, key, alone)
        # a word the index found where this reading does not ("can't"): no evidence of a "no"
    return Said.WORDS, _first(folded, denied, key, alone)


def _first(folded: str, denied: list[tuple[int, int]], key: tuple[str, ...],
           alone: tuple[re.Pattern[str], ...]) -> int:
    if denied:
        return denied[0][0]
    return min((span[0] for word, pattern in zip(key, alone, strict=True)
                for span in itertools.islice(_spans(folded, word, pattern), 1)), default=0)


def snippet(text: str, words: Sequence[str], size: int = 12, memo: _Memo | None = None) -> str:
    """About `size` words of `text` around what `said` found (the phrase said, when it is), the
    searched words between [ and ], '…' where text was left out: 'husband says [chest] [pain]
    started an hour ago…'. `memo`: the search's own, as the ranking filled it (the same notes are
    not read for negations again)."""
    return snippet_at(text, words, _reading(text, words, memo)[1], size)


def snippet_at(text: str, words: Sequence[str], where: int, size: int = 12) -> str:
    """`snippet` around `where`, the place `said` found the words at (as `ranked_at` gives it)."""
    parts = _WORDS_BETWEEN.split(text)  # text between words, a word, ..., text after the last word
    count = len(parts) // 2
    if not count:
        return text
    bounds = list(itertools.accumulate(map(len, parts)))  # word i is text[bounds[2i]:bounds[2i + 1]]
    at = min(bisect.bisect_left(bounds[0:2 * count:2], where), count - 1)  # the first word from `where` on
    first = max(0, min(at - 3, count - size))  # a few words before: "denies [chest] [pain]"
    while first < at and parts[2 * first + 1].isdigit():
        first += 1  # not the indexed forms of a phone number
    last = min(count, first + size) - 1
    begin, end = bounds[2 * first], bounds[2 * last + 1]
    folded = _fold_in_place(text)
    key = tuple(w for w in words if w)
    marks = sorted({span for word, pattern in zip(key, _patterns(key)[1], strict=True)
                    for span in _spans(folded, word, pattern) if begin <= span[0] < end}) if key else []
    shown, done = [], begin
    for start, stop in marks:
        if start >= done:
            shown += [text[done:start], "[", text[start:stop], "]"]
            done = stop
    shown.append(text[done:end])
    return ("…" if first else "") + "".join(shown) + ("…" if last < count - 1 else "")


class _Negation:
    """Whether the words at text[start:end] are said without a negation before them: the red-flag
    reading, asked about those very words in their clause, cut to the words around them that it
    reads (a negation reaches back ten words, a list a few more, "like" or "until" three words on).
    A short text keeps it fast: a search reads hundreds of notes."""

    def __init__(self, text: str, memo: _Memo) -> None:
        self.text, self.memo = text, memo
        self.can_negate: bool | None = None  # whether a word of the text can begin a negation

    def __call__(self, start: int, end: int) -> bool:
        text = self.text
        # most notes hold no word that can begin a negation ("no", "denies", "without" ...): then the
        # red-flag reading surely finds the words, undenied, and need not run (`escalation`)
        written = escalation.read_as_written(text, start, end)
        if written:
            if self.can_negate is None:
                self.can_negate = escalation.can_negate(text)
            if not self.can_negate:
                return True
        begin = max(text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
        words = text[begin:start].rsplit(maxsplit=_WORDS_BEFORE)
        if len(words) > _WORDS_BEFORE:  # keep the last ones: the first item is what is left out
            begin += len(words[0])
        stop = min((at for mark in _CLAUSE_MARKS if (at := text.find(mark, end)) >= 0), default=len(text))
        words = text[end:stop].split(maxsplit=_WORDS_AFTER)
        if len(words) > _WORDS_AFTER:  # the last item is what is left out
            stop -= len(words[-1])
        window = text[begin:stop]
        if written and not escalation.can_negate(window):  # the "no" is in another clause
            return True
        phrase = " ".join(text[start:end].lower().split())
        if not any(ch.isalpha() for ch in phrase):  # a number is not denied
            return True
        hits = self.memo.get((window, phrase))
        if hits is None:
            try:
                hits = self.memo[window, phrase] = escalation.check(window, (phrase,))
            except ValidationError:  # nothing the detector reads as a word: it cannot be negated
                return True
        start, end = start - begin, end - begin
        return any(hit.start <= start < hit.end or start <= hit.start < end for hit in hits)


def ranked(words: Sequence[str], found: Iterable[T], *, text: Callable[[T], str],
           at: Callable[[T], datetime], limit: int | None = None,
           newest_first: bool = False, memo: _Memo | None = None) -> list[T]:
    """`found` best first: by `said` (phrase, scattered words, negated), then newer above older.

    With `newest_first` (the caller promises `found` comes newest first) the reading stops once
    `limit` phrase matches are in: nothing older can come before them. `memo`: this search's own
    (for its snippets), else one made here.
    """
    return [item for item, _where in ranked_at(words, found, text=text, at=at, limit=limit,
                                                newest_first=newest_first, memo=memo)]


def ranked_at(words: Sequence[str], found: Iterable[T], *, text: Callable[[T], str],
              at: Callable[[T], datetime], limit: int | None = None,
              newest_first: bool = False, memo: _Memo | None = None) -> list[tuple[T, int]]:
    """`ranked`, each item with where in its text `said` found the words: its snippet is
    `snippet_at(text, words, where)`, the note not read again."""
    memo = {} if memo is None else memo  # this search's only
    graded: list[tuple[Said, float, int, T, int]] = []
    phrases = 0
    for order, item in enumerate(found):
        grade, where = _reading(text(item), words, memo)
        graded.append((grade, -at(item).timestamp(), order, item, where))
        if grade is Said.PHRASE:
            phrases += 1
            if newest_first and limit is not None and phrases >= limit:
                break
    graded.sort(key=lambda g: g[:3])
    best = [(g[3], g[4]) for g in graded]
    return best if limit is None else best[:limit]
