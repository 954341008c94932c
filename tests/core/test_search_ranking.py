"""Search ranks what was said: the words said together above the words scattered, both above the
words said only under a negation, and newer above older within each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vma_desk.core.rules import escalation
from vma_desk.core.rules.search import Memo, Said, ranked, ranked_at, said, snippet, snippet_at, terms

# (note, how it holds "chest pain")
TABLE = [
    ("Pt reports chest pain since 9 this morning", Said.PHRASE),
    ("CHEST PAIN, left arm numb", Said.PHRASE),
    ("woke up with chest-pain", Said.PHRASE),
    ("sharp chest\npain when lying down", Said.PHRASE),
    ("chest pains on and off all week", Said.PHRASE),
    ("not sure if it is chest pain or heartburn", Said.PHRASE),  # "not sure" is not a negation
    ("no fever. Chest pain started an hour ago", Said.PHRASE),  # the negation ends with its sentence
    ("pain in the middle of her chest", Said.WORDS),
    ("chest feels heavy, pain 6/10", Said.WORDS),
    ("no chest pain this morning. Chest wall pain after the fall", Said.WORDS),
    ("No chest pain today, refill only", Said.NEGATED),
    ("denies chest pain", Said.NEGATED),
    ("Denies any chest pain or shortness of breath", Said.NEGATED),
    ("without chest pain", Said.NEGATED),
    ("negative for chest pain", Said.NEGATED),
    ("no fever, cough or chest pain", Said.NEGATED),
    ("never had chest pain", Said.NEGATED),
    ("no chest X-ray needed, pain in the right knee", Said.NEGATED),  # one word only denied
]


@pytest.mark.parametrize(("note", "expected"), TABLE)
def test_how_a_note_holds_chest_pain(note, expected):
    assert said(note, terms("chest pain")) is expected


def test_words_are_prefixes_as_typed_and_folded():
    assert terms("Chest  PA") == ["chest", "pa"]
    assert said("chest pain since 9", terms("chest pa")) is Said.PHRASE
    assert said("no chest pain", terms("chest pa")) is Said.NEGATED
    assert said("Ana Pérez asks about her visit", terms("perez")) is Said.PHRASE
    assert said("anything", []) is Said.WORDS


NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)


def test_said_ranks_first_then_newer_above_older():
    notes = [  # (note, days ago)
        ("denies chest pain", 0),
        ("pain in the chest", 1),
        ("chest pain since yesterday", 30),
        ("no chest pain", 400),
        ("chest pain at rest", 2),
        ("chest is tight, pain 8/10", 500),
    ]
    found = [(note, NOW - timedelta(days=days)) for note, days in notes]
    order = ranked(terms("chest pain"), found, text=lambda f: f[0], at=lambda f: f[1])
    assert [note for note, _at in order] == [
        "chest pain at rest", "chest pain since yesterday",  # said, newer first
        "pain in the chest", "chest is tight, pain 8/10",  # scattered, newer first
        "denies chest pain", "no chest pain",  # denied, newer first
    ]


def test_a_newest_first_reading_stops_once_the_limit_of_phrases_is_in():
    read: list[str] = []

    def text(item: tuple[str, datetime]) -> str:
        read.append(item[0])
        return item[0]

    found = [(f"chest pain {n}", NOW - timedelta(days=n)) for n in range(10)]
    order = ranked(["chest", "pain"], iter(found), text=text, at=lambda f: f[1], limit=3, newest_first=True)
    assert [note for note, _at in order] == ["chest pain 0", "chest pain 1", "chest pain 2"]
    assert len(read) == 3


def test_a_word_is_found_where_a_word_starts_and_a_number_is_never_denied():
    assert said("flew back from Spain, knee hurts", terms("pain")) is Said.WORDS  # not found: no "no"
    assert said("no answer at 3125550142", ["3125550142"]) is Said.PHRASE


def test_the_snippet_shows_the_words_said_with_a_few_before():
    note = ("Ann Ames 3125550142 Ann Ames Refill lisinopril, denies chest pain today. Later her husband "
            "called back: chest pain since noon, sweating, going to the ER")
    shown = "…husband called back: [chest] [pain] since noon, sweating, going to the ER"
    assert snippet(note, terms("chest pain")) == shown
    assert snippet("denies chest pain", terms("chest pa")) == "denies [chest] [pain]"


def test_snippets_read_with_the_rankings_memo_are_the_same_and_read_no_note_again(monkeypatch):
    notes = [("Ann Ames 3125550142 refill lisinopril, denies chest pain today. Later her husband called "
              "back: chest pain since noon", NOW),
             ("no chest pain, wants a flu shot", NOW - timedelta(days=1)),
             ("pain in the middle of the chest", NOW - timedelta(days=2))]
    words = terms("chest pain")
    alone = [snippet(note, words) for note, _at in notes]
    memo: Memo = {}
    order = ranked(words, notes, text=lambda f: f[0], at=lambda f: f[1], memo=memo)
    assert memo  # the ranking's readings of the notes' negations, kept for this search's snippets
    read: list[str] = []
    check = escalation.check
    monkeypatch.setattr(escalation, "check", lambda text, phrases: read.append(text) or check(text, phrases))
    assert [snippet(note, words, memo=memo) for note, _at in notes] == alone
    assert read == []  # every negation the snippets ask about was read by the ranking
    assert [note for note, _at in order] == [notes[0][0], notes[2][0], notes[1][0]]


QUICK = [  # (note, the words searched), all the kinds of words the quick answers must leave to `check`
    ("asked for an itemised bill", "itemised"),
    ("no chest pain, refill only", "chest pain"),
    ("Denies: chest pain", "chest pain"),
    ("can't breathe, chest pain", "chest pain"),
    ("negative for rash; rash again today", "rash"),
    ("found him not responding", "responding"),
    ("collapsed vein at the draw", "collapsed"),
    ("flyers passed out at the fair", "out"),
    ("O'Neil asked about chest pain", "neil"),
    ("chest_pain w/o fever", "pain"),
    ("pain/a chest", "pain"),
    ("Denise called about her Pérez refill", "perez"),
    ("sharp chest\npain, note left", "chest pain"),
]


@pytest.mark.parametrize(("note", "typed"), QUICK)
def test_the_quick_answers_only_skip_the_red_flag_reading_where_it_finds_the_words(note, typed):
    words = terms(typed)
    folded = note.lower()
    start = folded.find(words[0])
    end = start + len(typed)
    if escalation.read_as_written(note, start, end) and not escalation.can_negate(note):
        phrase = " ".join(note[start:end].lower().split())
        assert any(h.start <= start < h.end for h in escalation.check(note, (phrase,)))


@pytest.mark.parametrize("note", ["no rash", "Denies rash", "denied it", "can't say", "dont know", "w/o rash",
                                  "negative for rash", "free of rash", "never had it", "neither one",
                                  "without a rash", "isn\u2019t sure"])
def test_a_word_that_can_begin_a_negation_is_seen(note):
    assert escalation.can_negate(note)
    assert not escalation.can_negate("asked for an itemised bill")


def test_a_search_reads_the_same_with_and_without_the_quick_answers(monkeypatch):
    notes = [note for note, _typed in QUICK] + [n for n, _said in TABLE]
    searches = [terms(typed) for _note, typed in QUICK] + [terms("chest pain"), terms("pain")]
    quick = [(said(n, w), snippet(n, w)) for n in notes for w in searches]
    monkeypatch.setattr(escalation, "read_as_written", lambda text, start, end: False)
    assert [(said(n, w), snippet(n, w)) for n in notes for w in searches] == quick


def test_ranked_at_gives_each_note_where_its_snippet_shows_the_words():
    notes = [(note, NOW - timedelta(days=i)) for i, (note, _said) in enumerate(TABLE)]
    words = terms("chest pain")
    placed = ranked_at(words, notes, text=lambda f: f[0], at=lambda f: f[1])
    assert [item for item, _where in placed] == ranked(words, notes, text=lambda f: f[0], at=lambda f: f[1])
    assert [snippet_at(item[0], words, where) for item, where in placed] == [
        snippet(item[0], words) for item, _where in placed]
