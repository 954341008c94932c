"""The Referrals tab: open referrals with how long each has stood still and its authorisation,
the prior authorisations waiting for (or answered by) the payer, and the forms that start and
move them.

Import the pieces from their modules (`vma_desk.ui.referrals.tab.ReferralsTab` ...).
"""
