"""The two kinds of failure a user may see, apart from bugs.

`ValidationError` names the field that is wrong and says why; the UI shows it beside that field and
the CLI prints it on stderr. `KnownError` is a condition of the environment (a wrong key, a locked
keyring, a workspace from a newer version, a full disk): it carries a plain-words message for the
user. Anything else that escapes is a bug, and goes to the crash dialog with a log path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # core.calendar imports this module: the name only, for the checker
    from vma_desk.core.calendar import Conflict


class ValidationError(ValueError):
    """Bad input for one field. The message never repeats the (possibly sensitive) value."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class KnownError(Exception):
    """A condition of the environment, explained to the user in plain words."""

    #: a short stable code, used by tests and by the CLI's exit status
    code = "known"
    exit_status = 2

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class WrongKeyError(KnownError):
    code = "wrong-key"


class WrongPassphraseError(KnownError):
    code = "wrong-passphrase"


class NotAWorkspaceError(KnownError):
    code = "not-a-workspace"


class NewerSchemaError(KnownError):
    code = "newer-schema"


class KeyringUnavailableError(KnownError):
    code = "keyring-unavailable"


class KeyringLockedError(KnownError):
    code = "keyring-locked"


class KeyMissingError(KnownError):
    """The keyring holds no key for this workspace: the recovery key is needed."""

    code = "key-missing"


class WorkspaceExistsError(KnownError):
    code = "workspace-exists"


class WorkspaceMissingError(KnownError):
    code = "workspace-missing"


class StorageError(KnownError):
    """Disk full, read-only medium, I/O error, busy file."""

    code = "storage"


class IntegrityError(KnownError):
    code = "integrity"
    exit_status = 3


class LockedError(KnownError):
    """The workspace is locked (closed, its key dropped): nothing can be read or written until a
    user signs in again."""

    code = "locked"

    def __init__(self, message: str = "VMA Desk is locked. Sign in to continue.") -> None:
        super().__init__(message)


class SignInError(KnownError):
    """A refused sign-in: wrong PIN, a deactivated or locked-out user, or the wait after a wrong
    PIN not over yet (`wait_seconds`)."""

    code = "sign-in"

    def __init__(self, message: str, *, wait_seconds: float = 0.0, field: str = "pin") -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds
        self.field = field


class NotFoundError(KnownError):
    code = "not-found"


class ConflictError(KnownError):
    """A booking that conflicts with the schedule; `conflicts` says which, in plain words."""

    code = "conflict"

    def __init__(self, conflicts: list[Conflict]) -> None:
        super().__init__(" ".join(c.message for c in conflicts))
        self.conflicts = conflicts


class ChangedSinceError(KnownError):
    """An undo asked for a record that someone changed after the step it would take back."""

    code = "changed-since"
