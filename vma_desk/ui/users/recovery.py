"""“Forgot PIN?”: a new PIN set with the workspace's recovery key, for a user who forgot theirs or is
locked out when no practice manager is at hand. Audited as a recovery; it ends a lock-out."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLineEdit, QWidget

from vma_desk.core.records import Change
from vma_desk.services import Services
from vma_desk.ui.users.editors import UserFormDialog
from vma_desk.ui.users.fields import PIN_RULE, pin_edit


class ForgotPinDialog(UserFormDialog):
    """Recovery key, new PIN, the PIN again → `services.users.reset_pin_with_recovery_key`.
    Emits `sig_saved(change)` and closes once the new PIN is set; the user then signs in with it."""

    def __init__(self, services: Services, user_id: int, parent: QWidget | None = None) -> None:
        user = services.users.get(user_id)
        super().__init__(
            services, f"Forgot PIN — {user.name}",
            f"Set a new PIN for {user.name} with this workspace's recovery key: the key that was "
            "shown when the workspace was created (you may have saved or printed it). Spaces, dashes "
            f"and lower case are fine. The new PIN needs {PIN_RULE}; it also ends a lock-out, and the "
            "audit trail records that the recovery key was used.",
            "&Set new PIN", parent)
        self.user_id = user_id
        key_edit = QLineEdit()
        key_edit.setObjectName("recovery_key_edit")
        key_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        key_edit.setPlaceholderText("XXXXX-XXXXX-XXXXX-…")
        self.recovery_key_edit = self.add_field("recovery_key", "&Recovery key", "Recovery key", key_edit)
        self.pin_edit = self.add_field("pin", "New &PIN", "PIN", pin_edit("pin_edit"))
        self.confirm_edit = self.add_field("confirmation", "&Confirm PIN", "The repeated PIN",
                                           pin_edit("confirm_edit"))
        self.finish()
        self.setMinimumWidth(660)

    def save(self) -> Change:
        return self.services.users.reset_pin_with_recovery_key(
            self.user_id, self.recovery_key_edit.text(), self.pin_edit.text(), self.confirm_edit.text())
