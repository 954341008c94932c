"""The Calls tab: one day's call log, the call form with its running timer and red-flag check, and
the one-key follow-ups (a message, an appointment) that keep the link to the call.

Import the pieces from their modules (`vma_desk.ui.calls.tab.CallsTab` ...): the generated forms
import this package's promoted widgets, so this file stays free of imports.
"""
