"""Drafts: what a user typed into a form and has not saved yet, kept inside the encrypted workspace
so that a crash, a power cut or a closed laptop does not lose it. A draft belongs to one user and one
form ("call", "message"...) and, for a form that edits a record, that record (`record_key`, "" for
a new one). Its `fields` are the form's own widget values by name: the draft is the form, not a
record, so nothing in it is validated or shown anywhere but in the form it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

#: the forms that keep drafts, as a sentence names them ("Discard this call?")
FORM_NAMES: Mapping[str, str] = {
    "call": "call", "message": "message", "refill": "refill request", "referral": "referral",
    "prior_auth": "prior authorisation", "booking": "booking", "patient": "patient",
}


@dataclass(frozen=True)
class Draft:
    form: str
    record_key: str
    saved_at: datetime
    fields: Mapping[str, object] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """What the draft is, for a sentence: "new call", "patient 12"."""
        what = FORM_NAMES.get(self.form, self.form.replace("_", " "))
        if not self.record_key:
            return f"new {what}"
        return f"{what} {self.record_key}" if self.record_key.isdigit() else f"{what} for {self.record_key}"
