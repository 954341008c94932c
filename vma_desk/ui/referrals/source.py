"""Reading what the Referrals tab shows: the open referrals and the current prior authorisations
(one service call each, flags included), with the patients' and providers' names.

Names come from the shared `TabContext` (each patient read once, the staff list once): nothing
is asked of the services per row.
"""

from __future__ import annotations

from vma_desk.core.referrals import PriorAuth, Referral
from vma_desk.services.referrals import PriorAuthRow, ReferralRow
from vma_desk.ui.referrals.model import PriorAuthEntry, ReferralEntry
from vma_desk.ui.shared.context import TabContext


class ReferralSource:
    def __init__(self, context: TabContext) -> None:
        self._context = context
        self.referrals = context.services.referrals

    def referral_entries(self) -> tuple[list[ReferralEntry], list[ReferralRow]]:
        """The open referrals as entries, and the service's rows (for the attention count)."""
        rows = self.referrals.worklist()
        self._context.patients.names(row.referral.patient_id for row in rows)  # one query, not one a row
        return [self._referral(row) for row in rows], rows

    def auth_entries(self) -> tuple[list[PriorAuthEntry], list[PriorAuthRow]]:
        rows = self.referrals.prior_auths()
        self._context.patients.names(row.auth.patient_id for row in rows)
        return [PriorAuthEntry(row.auth, row.flags, self._context.patient_name(row.auth.patient_id))
                for row in rows], rows

    def referral_entry(self, referral: Referral) -> ReferralEntry:
        """One referral read alone (closed, or not yet in the list), flagged as the worklist would."""
        return self._referral(self.referrals.rows_for([referral])[0])

    def auth_entry(self, auth: PriorAuth) -> PriorAuthEntry:
        row = self.referrals.prior_auth_row(auth)
        return PriorAuthEntry(auth, row.flags, self._context.patient_name(auth.patient_id))

    def _referral(self, row: ReferralRow) -> ReferralEntry:
        referral = row.referral
        return ReferralEntry(referral, row.flags, row.days_in_state,
                             self._context.patient_name(referral.patient_id),
                             self._context.staff_name(referral.referring_provider_id))
