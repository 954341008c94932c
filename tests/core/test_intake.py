"""Intake packets' rules, without a database: when a packet is due to send or to chase, when it is
incomplete, the order of a form's steps and the practice's packet names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import Channel
from vma_desk.core.errors import ValidationError
from vma_desk.core.intake import (
    INCOMPLETE,
    FormState,
    PacketDue,
    VisitForm,
    VisitPacket,
    apply_step,
    check_packet,
    check_step,
    derived_forms,
    packet_due,
)

START = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)  # Thursday 9:00 in Chicago
NEW_PATIENT = ("Registration", "HIPAA acknowledgement", "Health history")


def packet(*forms: VisitForm, status: VisitStatus = VisitStatus.UNCONFIRMED) -> VisitPacket:
    visit = Appointment(patient_id=1, provider_id=2, type_code="new", start=START, minutes=40, id=7,
                        status=status)
    return VisitPacket(visit, forms or derived_forms(NEW_PATIENT))


def sent(name: str, hours_before: int = 80) -> VisitForm:
    return VisitForm(name, FormState.SENT, Channel.PORTAL, START - timedelta(hours=hours_before), "ann")


def received(name: str) -> VisitForm:
    return VisitForm(name, FormState.RECEIVED, Channel.PORTAL, START - timedelta(hours=80), "ann",
                     START - timedelta(hours=50), "ann")


def test_a_packet_not_sent_is_due_to_send_from_72_hours_before_the_visit() -> None:
    assert packet_due(packet(), START - timedelta(hours=73)) is None
    assert packet_due(packet(), START - timedelta(hours=72)) is PacketDue.TO_SEND
    assert packet().due(START - timedelta(hours=2)) is PacketDue.TO_SEND


def test_a_packet_sent_and_not_back_is_chased_from_24_hours_before() -> None:
    out = packet(received("Registration"), sent("HIPAA acknowledgement"), received("Health history"))
    assert packet_due(out, START - timedelta(hours=25)) is None
    assert packet_due(out, START - timedelta(hours=24)) is PacketDue.TO_CHASE
    assert out.missing == ["HIPAA acknowledgement"]
    assert out.incomplete


def test_an_item_still_not_sent_comes_before_chasing_the_others() -> None:
    mixed = packet(VisitForm("Registration"), sent("Health history"))
    assert packet_due(mixed, START - timedelta(hours=3)) is PacketDue.TO_SEND


def test_a_packet_all_back_is_neither_due_nor_incomplete() -> None:
    back = packet(*(received(n) for n in NEW_PATIENT))
    assert packet_due(back, START - timedelta(hours=3)) is None
    assert not back.incomplete and back.missing == []


def test_a_cancelled_visit_has_no_packet_due_and_is_not_flagged() -> None:
    cancelled = packet(status=VisitStatus.CANCELLED)
    assert packet_due(cancelled, START - timedelta(hours=3)) is None
    assert not cancelled.incomplete


def test_a_visit_that_started_has_nothing_left_to_send() -> None:
    assert packet_due(packet(), START) is None
    assert packet_due(packet(status=VisitStatus.ARRIVED), START - timedelta(hours=1)) is None


def test_the_huddle_words_for_an_incomplete_packet() -> None:
    assert INCOMPLETE == "forms incomplete"


def test_a_form_marked_reviewed_before_it_was_received_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        check_step(sent("Registration"), FormState.REVIEWED, at=START - timedelta(hours=30),
                   now=START - timedelta(hours=30))
    assert refused.value.field == "state"
    assert "received first" in refused.value.message


def test_a_form_received_before_it_was_sent_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        check_step(sent("Registration", 80), FormState.RECEIVED, at=START - timedelta(hours=90),
                   now=START - timedelta(hours=30))
    assert refused.value.field == "at"


def test_a_step_in_the_future_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        check_step(VisitForm("Registration"), FormState.SENT, at=START, now=START - timedelta(hours=1),
                   channel=Channel.EMAIL)
    assert refused.value.field == "at"
    assert refused.value.message == "cannot be in the future: enter when it was done"


@pytest.mark.parametrize("channel", [None, Channel.PHONE])
def test_a_form_sent_needs_a_way_it_can_go_out(channel: Channel | None) -> None:
    with pytest.raises(ValidationError) as refused:
        check_step(VisitForm("Registration"), FormState.SENT, at=START, now=START, channel=channel)
    assert refused.value.field == "channel"


def test_a_form_back_cannot_be_sent_or_set_back_to_not_sent() -> None:
    for to, channel in ((FormState.SENT, Channel.TEXT), (FormState.NOT_SENT, None)):
        with pytest.raises(ValidationError) as refused:
            check_step(received("Registration"), to, at=START, now=START, channel=channel)
        assert refused.value.field == "state"


def test_a_form_filled_in_without_being_sent_can_be_received_then_reviewed() -> None:
    form = VisitForm("Registration")
    at = START - timedelta(hours=5)
    check_step(form, FormState.RECEIVED, at=at, now=at)
    form = apply_step(form, FormState.RECEIVED, at=at, by="ann")
    check_step(form, FormState.REVIEWED, at=at + timedelta(hours=1), now=at + timedelta(hours=1))
    form = apply_step(form, FormState.REVIEWED, at=at + timedelta(hours=1), by="bob")
    assert (form.state, form.received_by, form.reviewed_by) == (FormState.REVIEWED, "ann", "bob")
    with pytest.raises(ValidationError):
        check_step(form, FormState.REVIEWED, at=at + timedelta(hours=2), now=at + timedelta(hours=2))


def test_a_form_can_be_sent_again_by_another_channel() -> None:
    form = sent("Registration")
    check_step(form, FormState.SENT, at=START, now=START, channel=Channel.TEXT)
    again = apply_step(form, FormState.SENT, at=START, by="bob", channel=Channel.TEXT)
    assert (again.channel, again.sent_by) == (Channel.TEXT, "bob")


def test_a_packet_names_are_tidied_and_bad_lists_are_refused() -> None:
    assert check_packet(["  Registration ", "Health   history"]) == ["Registration", "Health history"]
    assert check_packet([]) == []
    for names, words in ((["Registration", " "], "item 2 is blank"),
                         (["Consent", "consent"], "item 2 is listed twice"),
                         ([f"Form {i}" for i in range(21)], "too many items"),
                         (["x" * 81], "too long")):
        with pytest.raises(ValidationError) as refused:
            check_packet(names)
        assert refused.value.field == "names" and words in refused.value.message


def test_form_states_read_as_words() -> None:
    assert [s.label for s in FormState] == ["Not sent", "Sent", "Received", "Reviewed"]
    assert PacketDue.TO_CHASE.label == "to chase"
