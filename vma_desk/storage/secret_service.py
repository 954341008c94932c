"""The Secret Service (GNOME Keyring, KWallet's Secret Service, KeePassXC...) spoken to directly
through SecretStorage, the library keyring's own Secret Service backend uses.

Why not through keyring on Linux: importing keyring's Secret Service backend imports keyring's core
and its helpers (jaraco.context, urllib, email...): about 85 ms of CPU at every start, before the
key is even asked for, against about 40 ms for SecretStorage alone. What is stored is exactly what
keyring stores (same collection, attributes and label), so an entry written by either is read by
the other: workspaces made before this change open as before, and `keyring get vma-desk <id>`
still finds the key.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import TYPE_CHECKING

from vma_desk.core.errors import KeyringLockedError, KeyringUnavailableError
from vma_desk.storage.keys import LOCKED_HELP

if TYPE_CHECKING:
    import secretstorage

#: keyring's SecretService backend's `appid`, stored as the item's `application` attribute
APPLICATION = "Python keyring library"


class SecretServiceStore:
    """get/set/delete_password as keyring's `keyring.backends.SecretService.Keyring` has them
    (default collection, its "default" scheme: attributes `service` and `username`), raising this
    app's own errors instead of keyring's."""

    NAME = "SecretService"  # what `KeyStore.name` says, as it says for keyring's backend

    @classmethod
    def available(cls) -> bool:
        """Whether a Secret Service runs (or can be started) on this session's bus: keyring's own
        viability check for this backend."""
        try:
            import secretstorage
        except ImportError:
            return False
        try:
            with closing(secretstorage.dbus_init()) as connection:
                return bool(secretstorage.check_service_availability(connection))
        except secretstorage.exceptions.SecretStorageException:
            return False

    @staticmethod
    def _collection() -> secretstorage.Collection:
        import secretstorage

        connection = None
        try:
            connection = secretstorage.dbus_init()
            collection = secretstorage.get_default_collection(connection)
        except secretstorage.exceptions.SecretStorageException as exc:
            if connection is not None:  # the bus reached, the service not: its connection closed
                connection.close()
            raise KeyringUnavailableError(
                f"The OS keyring could not be reached ({type(exc).__name__}).") from None
        if collection.is_locked():
            collection.unlock()
            if collection.is_locked():  # the prompt was dismissed
                collection.connection.close()
                raise KeyringLockedError(LOCKED_HELP)
        return collection

    def get_password(self, service: str, username: str) -> str | None:
        with _refused("give the workspace key"):
            collection = self._collection()
            with closing(collection.connection):
                for item in collection.search_items({"username": username, "service": service}):
                    if item.is_locked():
                        item.unlock()
                        if item.is_locked():
                            raise KeyringLockedError(
                                "The OS keyring is locked, so the key could not be read.")
                    return bytes(item.get_secret()).decode("utf-8")
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        attributes = {"username": username, "service": service, "application": APPLICATION}
        with _refused("store the workspace key"):
            collection = self._collection()
            with closing(collection.connection):
                collection.create_item(f"Password for '{username}' on '{service}'", attributes,
                                       password.encode("utf-8"), replace=True)

    def delete_password(self, service: str, username: str) -> None:
        """Deletes the first entry found; an absent entry is not an error here (the key store
        only logs a deletion that found nothing)."""
        with _refused("delete the workspace key"):
            collection = self._collection()
            with closing(collection.connection):
                for item in collection.search_items({"username": username, "service": service}):
                    item.delete()
                    return


@contextmanager
def _refused(what: str) -> Iterator[None]:
    """SecretStorage's own errors (the service gone, a D-Bus error) -> `KeyringUnavailableError`,
    worded as the key store words keyring's."""
    import secretstorage

    try:
        yield
    except secretstorage.exceptions.SecretStorageException as exc:
        raise KeyringUnavailableError(f"The OS keyring refused to {what} ({type(exc).__name__}).") from None
