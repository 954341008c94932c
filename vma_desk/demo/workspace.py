"""The demo workspace on disk: create-and-generate it, or open it again; never touch anything else.

A demo workspace holds fictional data only. It is protected like any other workspace, by a key in
the OS keyring, when the computer has one. When it has none (a trainer's kiosk, a live USB), it is
protected by the published passphrase `DEMO_PASSPHRASE` instead: that protects nothing, and is meant
not to, since there is nothing to protect and the trainer must be able to open it anywhere. Never
put real patient data in a demo workspace.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from vma_desk.core.clock import Clock
from vma_desk.core.errors import (
    KeyringLockedError,
    KeyringUnavailableError,
    KnownError,
    WrongPassphraseError,
)
from vma_desk.demo.generator import STATUS_COMPLETE, DemoSummary, Progress, check_options, generate
from vma_desk.demo.slices import no_cycle_collection
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Protection, Workspace, probe, remove_files

#: the passphrase of demo workspaces made where there is no OS keyring (fictional data only)
DEMO_PASSPHRASE = "vma-desk-demo"


class NotADemoError(KnownError):
    """The folder holds a real workspace: the demo never opens, changes or replaces it."""

    code = "not-a-demo"


def create_demo_workspace(
    data_dir: Path,
    keystore: KeyStore,
    *,
    seed: int = 1,
    years: int = 1,
    anchor: date | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    clock: Clock | None = None,
) -> tuple[Workspace, str | None, DemoSummary]:
    """Create a new workspace in `data_dir` and generate the demo practice into it.

    Protected by the OS keyring when there is one (the recovery key is returned), else by
    `passphrase`, else by DEMO_PASSPHRASE. Refuses a folder that already holds a workspace. If
    generation fails or is interrupted, what was created is removed again.
    """
    check_options(seed, years, anchor)
    if passphrase is None and not keystore.available:
        passphrase = DEMO_PASSPHRASE
    try:
        workspace, recovery = Workspace.create(Path(data_dir), keystore, passphrase=passphrase)
    except (KeyringLockedError, KeyringUnavailableError):
        # the keyring is there but refuses (locked, denied): fictional data, so the demo passphrase
        workspace, recovery = Workspace.create(Path(data_dir), keystore, passphrase=DEMO_PASSPHRASE)
    try:
        with no_cycle_collection():
            summary = generate(Services.for_workspace(workspace, clock=clock), seed=seed, years=years,
                               anchor=anchor, progress=progress)
    except BaseException:
        _remove(workspace, keystore)
        raise
    return workspace, recovery, summary


def ensure_demo_workspace(
    data_dir: Path,
    keystore: KeyStore,
    *,
    seed: int = 1,
    years: int = 1,
    progress: Progress | None = None,
    anchor: date | None = None,
) -> tuple[Workspace, str | None]:
    """Open the demo workspace in `data_dir`, creating and generating it first if there is none.

    Returns the open workspace and, when it was just created with a keyring key, its recovery key
    (None otherwise). An existing demo is opened as it is (`seed` and `years` only apply to a new
    one); one whose generation was interrupted is made again. A folder holding a workspace that is
    not a demo is refused with NotADemoError, and left exactly as it was.
    """
    data_dir = Path(data_dir)
    state = probe(data_dir)
    if state.exists:
        workspace = _open_existing(data_dir, keystore, state.protection)
        if not workspace.is_demo:
            workspace.close()
            raise NotADemoError(
                f"{data_dir} holds a workspace that is not the demo workspace. VMA Desk will not "
                "open it as the demo, change it or replace it; choose another folder for the demo."
            )
        if workspace.meta("demo_status") == STATUS_COMPLETE:
            return workspace, None
        _remove(workspace, keystore)  # an interrupted generation: fictional data, start again
    workspace, recovery, _ = create_demo_workspace(data_dir, keystore, seed=seed, years=years,
                                                   anchor=anchor, progress=progress)
    return workspace, recovery


def _open_existing(data_dir: Path, keystore: KeyStore, protection: Protection | None) -> Workspace:
    if protection is Protection.PASSPHRASE:
        try:
            return Workspace.unlock_with_passphrase(data_dir, DEMO_PASSPHRASE)
        except WrongPassphraseError:
            raise NotADemoError(
                f"{data_dir} holds a workspace protected by a passphrase other than the demo's, so "
                "VMA Desk does not open it as the demo. It was not changed."
            ) from None
    return Workspace.unlock_with_keyring(data_dir, keystore)


def _remove(workspace: Workspace, keystore: KeyStore) -> None:
    """Delete a demo workspace this module made: its files and its keyring entry."""
    workspace.conn.close()
    remove_files(workspace.data_dir)
    if workspace.protection is Protection.KEYRING and keystore.available:
        keystore.delete(workspace.workspace_id)
