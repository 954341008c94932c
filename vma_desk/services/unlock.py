"""The one unlock policy, shared by the command line and the window: which secret opens a workspace,
in which order, and what each refusal means. Qt-free; it asks nobody anything.

The order: a secret the caller already holds (a recovery key or passphrase file on the command
line; what was typed in a dialog) -> the OS keyring's key, silently -> the recovery key -> the
passphrase. `unlock` returns either `Opened` (the workspace and the one `Services` built for it)
or `Needs` (which secret to ask for next, and why in plain words); the command line turns `Needs`
into a prompt or one line on stderr with its exit status, the window into its dialogs, and both
answer through `with_recovery_key` / `with_passphrase`.

What each condition means:

- no keyring entry, a locked keyring, no usable keyring, a keyring key that does not open the
  file (an entry of another copy), a missing manifest: `Needs(RECOVERY_KEY)`; a missing manifest
  also accepts the passphrase (`either`);
- a passphrase workspace: `Needs(PASSPHRASE)`, after trying a published passphrase the caller
  names (the demo's, on the command line);
- no workspace, not a workspace (checked first, so a stray file is called what it is rather than a
  lost keyring entry), a newer schema, a damaged file, disk trouble: the `KnownError` is raised,
  with nothing written to the file;
- a wrong recovery key or passphrase: `with_recovery_key` / `with_passphrase` raise the
  `ValidationError` (a typo) or `KnownError` (does not open), so the caller may ask again.

Opening is audited by the caller (the window and the command line word it differently, and a
command audits only once it knows the file is sound): `Opened.services` is the one to use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from vma_desk.core.errors import (
    KeyMissingError,
    KeyringLockedError,
    KeyringUnavailableError,
    KnownError,
    ValidationError,
    WorkspaceMissingError,
    WrongKeyError,
    WrongPassphraseError,
)
from vma_desk.services import Services
from vma_desk.storage import database
from vma_desk.storage.keys import KeyStore, parse_recovery_key
from vma_desk.storage.workspace import DB_FILE, Protection, Workspace, probe


class Secret(StrEnum):
    """What opens the workspace when the keyring's key did not."""

    RECOVERY_KEY = "recovery key"
    PASSPHRASE = "passphrase"


class Method(StrEnum):
    """How the workspace was opened."""

    KEYRING = "keyring"
    RECOVERY_KEY = "recovery key"
    PASSPHRASE = "passphrase"
    KNOWN_PASSPHRASE = "published passphrase"  # the demo's, tried before asking


WRONG_KEY = ("The key in this computer's keyring does not open this workspace (the keyring entry "
             "belongs to another copy). Enter the recovery key of this workspace.")
NO_MANIFEST = ("This workspace's manifest (workspace.json) is missing, so VMA Desk cannot tell how "
               "it is protected. Enter its recovery key, or its passphrase if it has one.")
PASSPHRASE_PROTECTED = ("This workspace is protected by a passphrase because this computer has no "
                        "OS keyring to keep its key.")


@dataclass(frozen=True)
class Opened:
    """An open workspace and the one `Services` built for it."""

    workspace: Workspace
    services: Services
    method: Method
    #: with the recovery key: whether its key is back in the keyring (False: this session only)
    key_restored: bool = False


@dataclass(frozen=True)
class Needs:
    """The keyring's key did not open the workspace (or it has none): ask for `secret`."""

    secret: Secret
    #: why, in plain words, for the dialog's explanation or the command's message
    why: str
    #: the condition met (key missing, keyring locked or unavailable, wrong key...); None for a
    #: passphrase workspace, where asking is the ordinary way
    refusal: KnownError | None = field(default=None, compare=False)
    #: a missing manifest: the recovery key or the passphrase may open it
    either: bool = False

    def refused(self, how: str) -> KnownError:
        """The refusal to report where nobody can be asked: `why` and `how` to give the secret,
        of the refusal's own kind (so its code and exit status), keeping its `detail`."""
        if self.refusal is None:
            return KnownError(f"{self.why} {how}")
        return type(self.refusal)(f"{self.why} {how}", detail=self.refusal.detail)


def unlock(data_dir: Path, keystore: KeyStore, *, recovery_key: str | None = None,
           passphrase: str | None = None, known_passphrase: str | None = None) -> Opened | Needs:
    """Open the workspace in `data_dir` with the secret given, else the keyring's key; or say
    which secret is needed. Raises `KnownError` for what no secret can fix (see the module)."""
    data_dir = Path(data_dir)
    state = probe(data_dir)
    if not state.exists:
        raise WorkspaceMissingError(f"There is no workspace in {data_dir}.")
    # before anything else, so a stray file is called what it is rather than a lost keyring entry
    database.sniff(data_dir / DB_FILE)
    if recovery_key is not None:
        return with_recovery_key(data_dir, keystore, recovery_key)
    if passphrase is not None:
        return with_passphrase(data_dir, passphrase)
    if state.protection is Protection.PASSPHRASE:
        if known_passphrase is not None:
            try:
                return with_passphrase(data_dir, known_passphrase, method=Method.KNOWN_PASSPHRASE)
            except WrongPassphraseError:
                pass
        return Needs(Secret.PASSPHRASE, PASSPHRASE_PROTECTED)
    if state.protection is None:  # its keyring entry is named in the manifest
        return Needs(Secret.RECOVERY_KEY, NO_MANIFEST, KeyMissingError(NO_MANIFEST), either=True)
    try:
        workspace = Workspace.unlock_with_keyring(data_dir, keystore)
    except (KeyMissingError, KeyringLockedError, KeyringUnavailableError) as exc:
        return Needs(Secret.RECOVERY_KEY, exc.message, exc)
    except WrongKeyError as exc:
        return Needs(Secret.RECOVERY_KEY, WRONG_KEY, exc)
    return _opened(workspace, Method.KEYRING)


def with_recovery_key(data_dir: Path, keystore: KeyStore, text: str, *,
                      either: bool = False) -> Opened:
    """Open with the recovery key in `text` and put the key back in the keyring. With `either`
    (no manifest), text not shaped like a recovery key is tried as the passphrase."""
    if either:
        try:
            parse_recovery_key(text)
        except ValidationError:
            return with_passphrase(data_dir, text)
    workspace, restored = Workspace.unlock_with_recovery_key(data_dir, text, keystore)
    return _opened(workspace, Method.RECOVERY_KEY, key_restored=restored)


def with_passphrase(data_dir: Path, passphrase: str, *, method: Method = Method.PASSPHRASE) -> Opened:
    return _opened(Workspace.unlock_with_passphrase(data_dir, passphrase), method)


def _opened(workspace: Workspace, method: Method, *, key_restored: bool = False) -> Opened:
    try:
        services = Services.for_workspace(workspace)
    except BaseException:
        workspace.close()
        raise
    return Opened(workspace, services, method, key_restored)
