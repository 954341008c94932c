"""Run by test_locked_keyring_has_its_own_message in a private D-Bus session: creates a
workspace, locks the Secret Service collection, tries to unlock, prints "code|message"."""

import sys
from pathlib import Path

import secretstorage

from vma_desk.core.errors import KnownError
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

store = KeyStore.from_environment()
ws, _ = Workspace.create(Path(sys.argv[1]), store)
ws.close()
secretstorage.get_default_collection(secretstorage.dbus_init()).lock()
try:
    Workspace.unlock_with_keyring(Path(sys.argv[1]), store).close()
    print("opened|the workspace opened although the keyring was locked")
except KnownError as exc:
    print(f"{exc.code}|{exc.message}")
# creating a workspace while the keyring is locked: refused before anything is on disk
fresh = Path(sys.argv[1] + "-new")
try:
    Workspace.create(fresh, store)[0].close()
    print("created|a workspace was created with a locked keyring")
except KnownError as exc:
    leftovers = sorted(p.name for p in fresh.iterdir()) if fresh.exists() else []
    print(f"{exc.code}|{leftovers}")
