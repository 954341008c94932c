"""The unlock flow at start-up.

- No workspace yet: create one. With an OS keyring the key goes there and the recovery key is
  shown once; without one, the user is told why in plain words and chooses a passphrase.
- Keyring workspace: opened silently. If the keyring lost the entry, is locked or is gone, the
  user is told which, and may enter the recovery key (which also puts the key back).
- Passphrase workspace: asks for the passphrase.
- Not a workspace, newer schema, disk trouble: a message, and the file is left as it was.

Every opening is audited once the workspace is open (before anyone signs in, so under the OS
login): UNLOCK "workspace" saying how (the keyring's key, silently; the passphrase; the demo), or
RECOVER for the recovery key.

Which secret is asked for, in which order and why is the unlock policy shared with the command line
(`services.unlock`); this module turns its answers into dialogs. The `Services` built for the opened
workspace (`flow.services`) is the one the window is given.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEventLoop, Qt, QTimeZone
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from vma_desk.core.errors import (
    KeyMissingError,
    KeyringLockedError,
    KeyringUnavailableError,
    KnownError,
    ValidationError,
    WrongKeyError,
)
from vma_desk.core.records import AuditAction, Practice
from vma_desk.services import Services, unlock
from vma_desk.storage.files import InstanceLock
from vma_desk.storage.keys import NO_KEYRING_HELP, KeyStore
from vma_desk.storage.workspace import Workspace, probe, validate_passphrase
from vma_desk.ui.tasks import run_task

log = logging.getLogger(__name__)

RECOVERY_EXPLANATION = (
    "Enter the recovery key that was shown when this workspace was created (you may have saved "
    "or printed it). Spaces, dashes and lower case are fine. The key will be put back in this "
    "computer's keyring so VMA Desk opens by itself again."
)


OPEN_ELSEWHERE = (
    "This workspace is already open in another VMA Desk window. Switch to that window, or close it "
    "and start VMA Desk again. (Two windows on one workspace could each overwrite what the other "
    "shows; the vma-desk commands may still run beside the open window.)"
)


class UnlockFlow:
    def __init__(self, data_dir: Path, keystore: KeyStore, parent: QWidget | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.keystore = keystore
        self.parent = parent
        self._lock: InstanceLock | None = None
        #: the services of the workspace the flow opened or created, built once: the window's
        self.services: Services | None = None

    # --- one window per workspace ----------------------------------------------------------------
    def _claim(self) -> bool:
        """Take the workspace's `workspace.lock` before asking anything; False (and the user told)
        when another VMA Desk window has the workspace open."""
        if self._lock is not None or not probe(self.data_dir).exists:
            return True
        self._lock = Workspace.claim(self.data_dir)
        if self._lock is None:
            self._fatal(KnownError(OPEN_ELSEWHERE))
            return False
        return True

    def _keep_lock(self, workspace: Workspace | None) -> Workspace | None:
        """The opened workspace holds the lock until it closes; nothing opened: let it go."""
        lock, self._lock = self._lock, None
        if workspace is None:
            if lock is not None:
                lock.release()
            return None
        if workspace._instance_lock is None:  # noqa: SLF001 - a new workspace: take it now
            lock = lock or Workspace.claim(self.data_dir)
            if lock is not None:
                workspace.hold_instance_lock(lock)
        return workspace

    # --- entry points ----------------------------------------------------------------------------
    def open_or_create(self) -> Workspace | None:
        if not self._claim():
            return None
        return self._keep_lock(self._open_or_create())

    def open_demo(self, *, seed: int, years: int) -> Workspace | None:
        if not self._claim():
            return None
        return self._keep_lock(self._open_demo(seed=seed, years=years))

    def _open_or_create(self) -> Workspace | None:
        try:
            if not probe(self.data_dir).exists:
                return self._create()
            outcome = unlock.unlock(self.data_dir, self.keystore)
            if isinstance(outcome, unlock.Opened):
                return self._opened(outcome, "opened with the keyring's key (silently, at start)")
            if outcome.secret is unlock.Secret.PASSPHRASE:
                return self.ask_passphrase(outcome)
            return self.ask_recovery_key(outcome)
        except KnownError as exc:
            self._fatal(exc)
            return None

    def _open_demo(self, *, seed: int, years: int) -> Workspace | None:
        """Open the demo workspace, building it first (with a progress dialog) if there is none."""
        from vma_desk.demo import ensure_demo_workspace

        progress = QProgressDialog("Opening the demo practice…", "", 0, 0, self.parent)
        progress.setWindowTitle("VMA Desk — DEMO")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(400)
        outcome: dict[str, object] = {}
        loop = QEventLoop()

        def on_progress(done: int, total: int, text: str) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)
            progress.setLabelText(text)

        def on_done(result: object, exc: BaseException | None) -> None:
            outcome["result"], outcome["error"] = result, exc
            loop.quit()

        run_task(lambda report: ensure_demo_workspace(
            self.data_dir, self.keystore, seed=seed, years=years, progress=report),
            on_done, on_progress)
        loop.exec()
        progress.close()
        error = outcome.get("error")
        if isinstance(error, (KeyMissingError, KeyringLockedError, KeyringUnavailableError,
                              WrongKeyError)) and probe(self.data_dir).exists:
            return self.open_or_create()  # the same recovery path as any workspace
        if isinstance(error, KnownError):
            self._fatal(error)
            return None
        if isinstance(error, BaseException):
            raise error
        workspace, _recovery = cast("tuple[Workspace, str | None]", outcome["result"])
        self.services = Services.for_workspace(workspace)
        return self._audited(AuditAction.UNLOCK, "opened the demo")

    # --- the secrets the unlock policy asks for --------------------------------------------------
    def _opened(self, opened: unlock.Opened, how: str) -> Workspace:
        self.services = opened.services
        return self._audited(AuditAction.UNLOCK, how)

    def _audited(self, action: AuditAction, how: str) -> Workspace:
        assert self.services is not None
        workspace = self.services.context.workspace
        self.services.audit.record(action, "workspace", workspace.workspace_id, how)
        return workspace

    def ask_recovery_key(self, needs: unlock.Needs) -> Workspace | None:
        from vma_desk.ui.unlock.dialogs import SecretEntryDialog, run_modal  # not at every start

        dialog = SecretEntryDialog(
            title="Recovery key needed", explanation=f"{needs.why}\n\n{RECOVERY_EXPLANATION}",
            label="&Recovery key", secret=False, parent=self.parent,
            attempt=lambda text, _c: unlock.with_recovery_key(self.data_dir, self.keystore, text,
                                                              either=needs.either))
        if not run_modal(dialog):
            return None
        opened: unlock.Opened = dialog.result_value
        if opened.method is not unlock.Method.RECOVERY_KEY:  # no manifest: opened with its passphrase
            return self._opened(opened, "opened with the passphrase")
        self.services = opened.services
        workspace = self._audited(
            AuditAction.RECOVER,
            "opened with the recovery key" + ("; key back in the keyring" if opened.key_restored else ""))
        if not opened.key_restored:
            QMessageBox.information(
                self.parent, "VMA Desk",
                "The workspace is open, but this computer's keyring could not keep its key, so "
                "you will need the recovery key again next time.\n\n" + self.keystore.reason)
        return workspace

    def ask_passphrase(self, needs: unlock.Needs) -> Workspace | None:
        from vma_desk.ui.unlock.dialogs import SecretEntryDialog, run_modal  # not at every start

        dialog = SecretEntryDialog(
            title="Enter the passphrase",
            explanation=f"{needs.why} Enter the passphrase to open it.",
            label="&Passphrase",
            attempt=lambda text, _c: unlock.with_passphrase(self.data_dir, text),
            parent=self.parent)
        if not run_modal(dialog):
            return None
        return self._opened(dialog.result_value, "opened with the passphrase")

    def _create(self) -> Workspace | None:
        from vma_desk.ui.unlock.dialogs import RecoveryKeyDialog, SecretEntryDialog, run_modal

        reason = self.keystore.reason
        if self.keystore.available:
            try:
                workspace, recovery = Workspace.create(self.data_dir, self.keystore)
            except (KeyringLockedError, KeyringUnavailableError) as exc:
                reason = exc.message  # locked or refused: the passphrase path, explained
            else:
                self.services = Services.for_workspace(workspace)
                self._set_up_practice(self.services)
                assert recovery is not None
                run_modal(RecoveryKeyDialog(recovery, self.data_dir, self.parent))
                return workspace

        def attempt(passphrase: str, confirmation: str) -> Workspace:
            validate_passphrase(passphrase, confirmation)
            workspace, _ = Workspace.create(self.data_dir, self.keystore, passphrase=passphrase)
            return workspace

        dialog = SecretEntryDialog(
            title="Choose a passphrase",
            explanation=f"{reason}\n\n{NO_KEYRING_HELP}",
            label="&Passphrase", attempt=attempt, confirm=True, ok_text="Create workspace",
            parent=self.parent)
        if not run_modal(dialog):
            return None
        created: Workspace = dialog.result_value  # what `attempt` returned
        self.services = Services.for_workspace(created)
        self._set_up_practice(self.services)
        return created

    @staticmethod
    def _set_up_practice(services: Services) -> None:
        """A new workspace starts with the laptop's time zone; the practice's can be set later."""
        zone = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
        practice = services.practice
        try:
            practice.save(Practice("My practice", zone))
        except ValidationError:  # a zone Qt knows but the IANA database does not
            practice.save(Practice("My practice", "UTC"))

    def _fatal(self, exc: KnownError) -> None:
        log.warning("workspace not opened: %s", exc.code)
        QMessageBox.critical(self.parent, "VMA Desk", exc.message)

