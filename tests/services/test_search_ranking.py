"""Search through the service ranks what was said (real SQLCipher workspace, FTS5 index): chest pain
said above chest pain denied, newer above older, and the best ones kept when there are many."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.services import test_communications
from tests.services.test_communications import call
from vma_desk.core.communications import Message

NOW = datetime(2026, 3, 2, 15, 20, tzinfo=UTC)
desk = test_communications.desk  # the fixture: a nurse, the front desk and Ann Ames


def note_call(services, ann, notes: str, days_ago: int) -> int:
    action = "put through to the nurse" if services.communications.check_red_flags(notes).found else ""
    logged, _ = services.communications.log_call(call(ann, notes=notes, escalation_action=action,
                                                      started_at=NOW - timedelta(days=days_ago)))
    return logged.id


def test_chest_pain_said_ranks_above_chest_pain_denied_then_newer_first(desk):
    services, nurse, _front, ann = desk
    denied_new = note_call(services, ann, "refill request, denies chest pain", 0)
    said_old = note_call(services, ann, "chest pain on and off since Sunday", 400)
    scattered = note_call(services, ann, "pain in the middle of the chest when walking", 3)
    said_new = note_call(services, ann, "husband says chest pain started an hour ago", 5)
    denied_old = note_call(services, ann, "no chest pain, wants a flu shot", 2)
    message, _ = services.communications.take_message(Message(
        "Ann Ames", "3125550142", "asks if her chest pain could be the new pill", nurse.id,
        NOW - timedelta(days=1), escalation_action="put through to the nurse"))
    hits = services.communications.search("chest pain")
    assert [(h.kind, h.record_id) for h in hits] == [
        ("message", message.id), ("call", said_new), ("call", said_old),  # said, newer first
        ("call", scattered),
        ("call", denied_new), ("call", denied_old),  # denied, newer first
    ]
    assert "[chest] [pain]" in hits[0].snippet
    assert [h.record_id for h in services.communications.search("chest pa")][:3] == [
        message.id, said_new, said_old]  # while still typing


def test_with_more_matches_than_shown_the_said_ones_are_kept(desk):
    services, _nurse, _front, ann = desk
    for n in range(6):
        note_call(services, ann, f"no chest pain, question {n} about the bill", n)
    said = note_call(services, ann, "chest pain since this morning", 90)
    hits = services.communications.search("chest pain", limit=3)
    assert len(hits) == 3 and hits[0].record_id == said
