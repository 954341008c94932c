"""Drafts of forms not saved yet (`core/drafts.py`): kept for the signed-in user inside the
encrypted workspace, offered back when the same user opens the same form again or signs in.

Drafts are not audited: they are no record and reach no other user; the record a draft becomes is
audited when it is saved. Keeping one is quiet by design (the form calls `keep` every couple of
seconds while it has unsaved text), so a locked workspace or a full disk loses only the newest
keystrokes of a draft, never the form on screen."""

from __future__ import annotations

from collections.abc import Mapping

from vma_desk.core.drafts import Draft
from vma_desk.core.errors import KnownError
from vma_desk.services.base import ServiceContext
from vma_desk.storage.drafts_repository import DraftsRepository


class DraftService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _repo(self) -> DraftsRepository:
        return DraftsRepository(self.ctx.conn)

    def keep(self, form: str, record_key: str, fields: Mapping[str, object]) -> Draft:
        """Keep (or replace) the signed-in user's draft of one form."""
        if self.ctx.user_id is None:
            raise KnownError("Drafts are kept for the user who signed in; nobody is signed in.")
        draft = Draft(form=form, record_key=record_key, saved_at=self.ctx.clock.now(), fields=dict(fields))
        with self.ctx.transaction():
            self._repo().put(self.ctx.user_id, draft)
        return draft

    def find(self, form: str, record_key: str = "") -> Draft | None:
        return self._repo().get(self.ctx.user_id, form, record_key)

    def discard(self, form: str, record_key: str = "") -> bool:
        """Forget a draft (saved as a record, or discarded by its user); False when there was none."""
        with self.ctx.transaction():
            return self._repo().delete(self.ctx.user_id, form, record_key)

    def waiting(self) -> list[Draft]:
        """The signed-in user's drafts, oldest first."""
        return self._repo().of_user(self.ctx.user_id)
