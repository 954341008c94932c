"""Workspace keys: random 256-bit keys, recovery keys, and the OS keyring that holds them.

Only real OS key stores count as a keyring (macOS Keychain, Windows Credential Locker, the Secret
Service, KWallet). A plaintext or null backend, chosen by configuration or by the
PYTHON_KEYRING_BACKEND override, counts as no keyring at all: it would leave the key in a file
beside the data, which is worse than asking for a passphrase.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import logging
import os
import secrets
import sys
from dataclasses import dataclass
from typing import Protocol

from vma_desk.core.errors import KeyringLockedError, KeyringUnavailableError, KnownError, ValidationError

log = logging.getLogger(__name__)

SERVICE = "vma-desk"
KEY_BYTES = 32

#: (module, class) of the keyring backends that keep secrets in an OS-protected store
REAL_BACKENDS = frozenset(
    {
        ("keyring.backends.macOS", "Keyring"),
        ("keyring.backends.Windows", "WinVaultKeyring"),
        ("keyring.backends.SecretService", "Keyring"),
        ("keyring.backends.libsecret", "Keyring"),
        ("keyring.backends.kwallet", "DBusKeyring"),
        ("keyring.backends.kwallet", "DBusKeyringKWallet4"),
        ("vma_desk.storage.secret_service", "SecretServiceStore"),  # the Secret Service, directly
    }
)


def _platform_backends() -> tuple[tuple[str, str], ...]:
    """The real backends that can run on this platform, tried directly at start-up.

    Asking keyring for all its backends first loads every installed package's keyring plugin
    (about 0.1 s of start-up); the real backends are few and known, so they are imported by name.
    On Linux the Secret Service comes first and is spoken to without keyring (`secret_service`):
    keyring is imported only when it is not there (or on KDE, where keyring prefers KWallet).
    """
    if sys.platform == "darwin":
        return (("keyring.backends.macOS", "Keyring"),)
    if sys.platform == "win32":
        return (("keyring.backends.Windows", "WinVaultKeyring"),)
    return (
        ("vma_desk.storage.secret_service", "SecretServiceStore"),
        ("keyring.backends.libsecret", "Keyring"),
        ("keyring.backends.kwallet", "DBusKeyring"),
        ("keyring.backends.kwallet", "DBusKeyringKWallet4"),
    )


#: what a locked keyring means for the VMA, whichever way the key was asked for
LOCKED_HELP = ("The OS keyring is locked. Unlock it (usually by logging in to your desktop session) and "
               "try again, or enter the workspace's recovery key.")

NO_KEYRING_HELP = (
    "This computer has no secure key store (OS keyring) that VMA Desk can use, so the workspace "
    "key cannot be kept for you. You can protect the workspace with a passphrase instead: you "
    "will type it each time VMA Desk starts, and nobody can recover the data without it."
)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


# --- recovery keys -------------------------------------------------------------------------------
# A recovery key is the workspace key itself, written for people: base32 in groups of five, with a
# two-byte checksum so a typo is reported as a typo rather than as "wrong key".

_GROUP = 5


def _checksum(key: bytes) -> bytes:
    return hashlib.sha256(b"vma-desk-recovery" + key).digest()[:2]


def format_recovery_key(key: bytes) -> str:
    text = base64.b32encode(key + _checksum(key)).decode().rstrip("=")
    return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))


def parse_recovery_key(text: str) -> bytes:
    """Read a recovery key as typed (any case, spaces or dashes); raise naming what is wrong."""
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    expected = len(format_recovery_key(bytes(KEY_BYTES)).replace("-", ""))
    if not cleaned:
        raise ValidationError("recovery_key", "is required")
    if len(cleaned) != expected:
        raise ValidationError(
            "recovery_key", f"has {len(cleaned)} letters and digits; a recovery key has {expected}"
        )
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        raise ValidationError("recovery_key", "contains characters a recovery key never has") from None
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if _checksum(key) != check:
        raise ValidationError("recovery_key", "has a typo: check each group against the saved copy")
    return key


# --- the keyring ---------------------------------------------------------------------------------


class KeyBackend(Protocol):
    """What the key store asks of a backend: keyring's `KeyringBackend` API, or `SecretServiceStore`."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


#: keyring's priority of its own Secret Service backend, given to `SecretServiceStore`
SECRET_SERVICE_PRIORITY = 5.0


def _kde_desktop() -> bool:
    """keyring ranks KWallet above the Secret Service on a KDE desktop (priority 5.1 against 5)."""
    return "KDE" in os.environ.get("XDG_CURRENT_DESKTOP", "").split(":")


def _backend_id(backend: object) -> tuple[str, str]:
    cls = type(backend)
    return cls.__module__, cls.__name__


def is_real_backend(backend: object) -> bool:
    return _backend_id(backend) in REAL_BACKENDS


def _direct_backends() -> list[tuple[float, KeyBackend]]:
    """This platform's real backends that keyring would deem viable, with their priorities. The
    Secret Service, when it runs and the desktop is not KDE, outranks every other Linux backend
    keyring has, so the others (and keyring itself) are not even imported then."""
    found: list[tuple[float, KeyBackend]] = []
    for module_name, class_name in _platform_backends():
        try:
            backend_class = getattr(importlib.import_module(module_name), class_name)
            if module_name == "vma_desk.storage.secret_service":
                if not backend_class.available():
                    continue
                found.append((SECRET_SERVICE_PRIORITY, backend_class()))
                if not _kde_desktop():
                    break
                continue
            priority = float(backend_class.priority)  # raises when not viable, as keyring checks
            found.append((priority, backend_class()))
        except Exception as exc:  # noqa: BLE001 - not viable here, exactly as keyring skips it
            log.debug("keyring backend %s.%s not viable: %s", module_name, class_name, exc)
    return found


def _discovered_backends() -> list[tuple[float, KeyBackend]]:
    """The real backends among all that keyring discovers through its plugins (the slow way)."""
    found: list[tuple[float, KeyBackend]] = []
    try:
        import keyring.backend

        for backend in keyring.backend.get_all_keyring():
            if is_real_backend(backend):
                found.append((float(backend.priority), backend))
    except Exception as exc:  # noqa: BLE001
        log.warning("keyring backends could not be listed: %s", exc)
    return found


def _best_backend(found: list[tuple[float, KeyBackend]]) -> KeyBackend | None:
    viable = [(priority, backend) for priority, backend in found if priority > 0]
    return max(viable, key=lambda pair: pair[0])[1] if viable else None


def _is_keyring_error(exc: BaseException, name: str = "KeyringError") -> bool:
    """Whether `exc` is keyring's `keyring.errors.<name>`, told without importing keyring (which
    is not imported at all when the Secret Service is spoken to directly)."""
    return any(c.__module__ == "keyring.errors" and c.__name__ == name for c in type(exc).__mro__)


def _refusal(exc: Exception, *, locked: str, refused: str) -> KnownError | None:
    """keyring's own error as this app's, worded for what was asked; None for any other error."""
    if _is_keyring_error(exc, "KeyringLocked"):
        return KeyringLockedError(locked)
    if _is_keyring_error(exc):
        return KeyringUnavailableError(f"{refused} ({type(exc).__name__}).")
    return None


@dataclass
class KeyStore:
    """The keyring entry of each workspace: service ``vma-desk``, user name = workspace id."""

    backend: KeyBackend | None
    #: why there is no backend, in plain words (empty when there is one)
    reason: str = ""

    @classmethod
    def from_environment(cls) -> KeyStore:
        override = os.environ.get("PYTHON_KEYRING_BACKEND", "").strip()
        if override:
            try:
                import keyring.core

                backend: KeyBackend = keyring.core.load_keyring(override)
            except Exception as exc:  # noqa: BLE001 - any failure here means "no keyring"
                log.warning("keyring override %s could not be loaded: %s", override, exc)
                return cls(None, f"The keyring named by PYTHON_KEYRING_BACKEND ({override}) "
                                 "could not be loaded.")
            if not is_real_backend(backend):
                return cls(None, f"The keyring chosen by PYTHON_KEYRING_BACKEND ({override}) is "
                                 "not an OS key store; VMA Desk does not keep keys there.")
            return cls(cls._prepared(backend))
        best = _best_backend(_direct_backends())
        if best is None:  # none usable directly: ask keyring's discovery, as before
            best = _best_backend(_discovered_backends())
        if best is None:
            return cls(None, "No OS keyring (Secret Service, KWallet, Keychain or Credential "
                             "Locker) is running for this user.")
        return cls(cls._prepared(best))

    @staticmethod
    def _prepared(backend: KeyBackend) -> KeyBackend:
        if _backend_id(backend)[0] == "keyring.backends.Windows":
            # keep the credential on this machine only, never roaming with the profile
            backend.persist = "local machine"  # type: ignore[attr-defined]  # WinVaultKeyring's own setting
        return backend

    @property
    def available(self) -> bool:
        return self.backend is not None

    @property
    def name(self) -> str:
        """The backend's name as keyring names its module ("SecretService", "macOS"...)."""
        if self.backend is None:
            return "none"
        return str(getattr(self.backend, "NAME", "") or type(self.backend).__module__.rsplit(".", 1)[-1])

    def _require(self) -> KeyBackend:
        if self.backend is None:
            raise KeyringUnavailableError(self.reason or NO_KEYRING_HELP)
        return self.backend

    def get(self, workspace_id: str) -> bytes | None:
        backend = self._require()
        try:
            value = backend.get_password(SERVICE, workspace_id)
        except Exception as exc:
            refusal = _refusal(exc, locked=LOCKED_HELP,
                               refused="The OS keyring refused to give the workspace key")
            if refusal is None:
                raise
            raise refusal from None
        if value is None:
            return None
        try:
            key = bytes.fromhex(value)
        except ValueError:
            return None
        return key if len(key) == KEY_BYTES else None

    def put(self, workspace_id: str, key: bytes) -> None:
        backend = self._require()
        try:
            backend.set_password(SERVICE, workspace_id, key.hex())
        except Exception as exc:
            refusal = _refusal(exc, locked="The OS keyring is locked, so the key could not be stored.",
                               refused="The OS keyring refused to store the workspace key")
            if refusal is None:
                raise
            raise refusal from None

    def delete(self, workspace_id: str) -> None:
        backend = self._require()
        try:
            backend.delete_password(SERVICE, workspace_id)
        except (KeyringLockedError, KeyringUnavailableError) as exc:  # the direct Secret Service's
            log.info("keyring entry not deleted: %s", type(exc).__name__)
        except Exception as exc:
            if not _is_keyring_error(exc):
                raise
            log.info("keyring entry not deleted: %s", type(exc).__name__)  # absent, or locked meanwhile
