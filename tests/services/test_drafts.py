"""Drafts belong to the user who typed them: another user signing in on the same workstation does
not see them, and a draft is one per form and record, replaced as the typing goes on."""

from __future__ import annotations

from tests.conftest import TEST_PIN, signed_in
from vma_desk.core.users import UserRole


def test_a_draft_is_the_typists_alone_and_replaced_not_piled_up(services):
    signed_in(services)
    ann_id = services.context.user_id
    services.drafts.keep("call", "", {"notes_edit": "chest"})
    services.drafts.keep("call", "", {"notes_edit": "chest pain since 8"})
    services.drafts.keep("patient", "12", {"first_name_edit": "Zed"})
    assert [(d.form, d.record_key) for d in services.drafts.waiting()] == [("call", ""), ("patient", "12")]
    assert services.drafts.find("call").fields == {"notes_edit": "chest pain since 8"}

    ben, _ = services.users.add("Ben Ortiz", UserRole.VMA, "246802")
    services.users.sign_in(ben.id, "246802")
    assert services.drafts.waiting() == [] and services.drafts.find("call") is None
    assert services.drafts.discard("call") is False  # not Ben's to discard

    services.users.sign_in(ann_id, TEST_PIN)
    assert services.drafts.discard("call") is True
    assert [d.name for d in services.drafts.waiting()] == ["patient 12"]
