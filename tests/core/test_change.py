"""The `Change` record: its kind is a `RecordKind` (equal to the word the audit trail stores), its
origin says which widget or command caused it, and `from_origin` keeps everything else."""

from __future__ import annotations

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

