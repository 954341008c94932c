"""The `Change` record: its kind is a `RecordKind` (equal to the word the audit trail stores), its
origin says which widget or command caused it, and `from_origin` keeps everything else."""

from __future__ import annotations

import pytest

from vma_desk.core.records import AuditAction, Change, RecordKind


def test_from_origin_names_the_cause_and_keeps_the_rest():
    change = Change(RecordKind.APPOINTMENT, AuditAction.UPDATE, (4, 7))
    assert change.origin == ""  # a service says nothing about who asked
    told = change.from_origin("calendar.move_dialog")
    assert told == Change(RecordKind.APPOINTMENT, AuditAction.UPDATE, (4, 7), origin="calendar.move_dialog")
    assert change.origin == ""  # the record is a value: the original is unchanged
    assert told.from_origin("cli:import").origin == "cli:import"


def test_a_kind_equals_the_word_the_audit_trail_stores():
    change = Change(RecordKind.PRIOR_AUTH, AuditAction.CREATE, (1,))
    assert change.kind == "prior_auth" and change.kind in {"referral", "prior_auth"}
    assert f"{change.kind}" == str(change.kind) == "prior_auth"
    assert change.record_type is change.kind  # the temporary name the UI still reads


def test_a_kind_given_as_its_word_becomes_the_member_and_an_unknown_word_is_refused():
    # the UI still passes words until it moves to RecordKind
    change = Change("pdf", AuditAction.EXPORT)  # type: ignore[arg-type]  # the UI's words, until it moves
    assert change.kind is RecordKind.PDF
    with pytest.raises(ValueError, match="pdfs"):
        Change("pdfs", AuditAction.EXPORT)  # type: ignore[arg-type]  # a misspelt kind
