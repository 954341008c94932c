"""How the workspace is protected, and a practice manager's changes to it: a new random key
(rekey), keyring <-> passphrase, a new passphrase (storage/rekey.py does the work, crash-safely).

Each change is audited (REKEY or PROTECTION_CHANGED, "workspace", its id) inside the new file before
it replaces the old one: the entry exists if and only if the change happened. No key material, no
passphrase and no recovery key ever goes into the audit trail or a log.
"""

from __future__ import annotations

from collections.abc import Callable

from vma_desk.core.errors import ValidationError
from vma_desk.core.records import AuditAction, AuditEntry, Change, RecordKind
from vma_desk.services.base import ServiceContext
from vma_desk.services.users import manager_signed_in, require_manager
from vma_desk.storage import rekey
from vma_desk.storage.audit import AuditRepository
from vma_desk.storage.database import Connection
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.rekey import KeyChange, Progress
from vma_desk.storage.workspace import Protection, validate_passphrase

OLD_KEY_NOTE = ("The earlier recovery key no longer opens this workspace, but it still opens the backups "
                "made before now: keep it as long as you keep those backups.")
OLD_PASSPHRASE_NOTE = ("The earlier passphrase no longer opens this workspace, but it still opens the "
                       "backups made before now.")


class SecurityService:
    def __init__(self, context: ServiceContext) -> None:
        self.ctx = context

    @property
    def protection(self) -> Protection:
        return self.ctx.workspace.protection

    @property
    def changing_key(self) -> bool:
        """Whether a key change of this workspace runs now: until it ends, the workspace refuses
        every other write (`rekey.CHANGING`), and the window defers its lock."""
        return rekey.changing_key(self.ctx.workspace)

    def may_change(self) -> bool:
        """Whether the signed-in user may change the key (an active practice manager)."""
        return manager_signed_in(self.ctx)

    def check_new_passphrase(self, passphrase: str, confirmation: str | None = None) -> str:
        """The new passphrase, or a ValidationError naming the field ("passphrase"/"confirmation")."""
        validate_passphrase(passphrase, confirmation)
        if self.ctx.workspace.matches_passphrase(passphrase):
            raise ValidationError("passphrase", "is the current passphrase: choose a new one")
        return passphrase

    # --- changes -----------------------------------------------------------------------------------
    def rotate_key(self, keystore: KeyStore, *, progress: Progress | None = None,
                   keep_recovery_key: Callable[[str], None] | None = None) -> tuple[KeyChange, Change]:
        """A new random key for a keyring workspace, and a new recovery key (shown once)."""
        require_manager(self.ctx, "rotate the workspace key")
        done = rekey.rekey(self.ctx.workspace, keystore, progress=progress,
                           keep_recovery_key=keep_recovery_key,
                           before_swap=self._audit_into(
                               AuditAction.REKEY, "new random key; the earlier recovery key opens only "
                               "the backups made before"))
        return done, self._change(AuditAction.REKEY)

    def use_passphrase(self, keystore: KeyStore, passphrase: str, confirmation: str | None = None, *,
                       progress: Progress | None = None) -> tuple[KeyChange, Change]:
        """Keyring -> passphrase (the keyring entry removed once the switch is done), or a new
        passphrase for a passphrase workspace."""
        require_manager(self.ctx, "change how the workspace is protected")
        self.check_new_passphrase(passphrase, confirmation)
        detail = ("new passphrase" if self.protection is Protection.PASSPHRASE
                  else "keyring -> passphrase; the key was removed from the OS keyring")
        done = rekey.use_passphrase(self.ctx.workspace, keystore, passphrase, progress=progress,
                                    before_swap=self._audit_into(AuditAction.PROTECTION_CHANGED, detail))
        return done, self._change(AuditAction.PROTECTION_CHANGED)

    def use_keyring(self, keystore: KeyStore, *, progress: Progress | None = None,
                    keep_recovery_key: Callable[[str], None] | None = None) -> tuple[KeyChange, Change]:
        """Passphrase -> a new random key in the OS keyring, and a recovery key (shown once)."""
        require_manager(self.ctx, "change how the workspace is protected")
        if self.protection is Protection.KEYRING:
            return self.rotate_key(keystore, progress=progress, keep_recovery_key=keep_recovery_key)
        done = rekey.use_keyring(
            self.ctx.workspace, keystore, progress=progress, keep_recovery_key=keep_recovery_key,
            before_swap=self._audit_into(AuditAction.PROTECTION_CHANGED, "passphrase -> keyring"))
        return done, self._change(AuditAction.PROTECTION_CHANGED)

    # --- helpers -----------------------------------------------------------------------------------
    def _audit_into(self, action: AuditAction, detail: str) -> Callable[[Connection], None]:
        ctx = self.ctx

        def write(conn: Connection) -> None:  # the new file's connection, in its transaction
            AuditRepository(conn).append(AuditEntry(
                at=ctx.clock.now(), user=ctx.user, action=action, record_type="workspace",
                record_id=ctx.workspace.workspace_id, detail=detail, workstation=ctx.workstation,
                user_id=ctx.user_id))

        return write

    def _change(self, action: AuditAction) -> Change:
        return Change(RecordKind.WORKSPACE, action)
