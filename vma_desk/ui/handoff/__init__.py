"""The shift handoff: `File → End shift…` (`dialogs.EndShiftDialog`) and, at the next sign-in,
"Since your last shift" (`dialogs.SinceLastShiftDialog`). The services gather the rows
(`services.handoff`); these dialogs lay them out and say which record to open."""

from vma_desk.ui.handoff.dialogs import EndShiftDialog, SinceLastShiftDialog

__all__ = ["EndShiftDialog", "SinceLastShiftDialog"]
